"""The "Blur faces" and "Black out areas" dialogs: find faces, let the teacher check and mark
areas, and say which copy to make; GUI thread (reading, detecting and decoding run as jobs)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Evidence, EvidenceKind, FaceRegion, Rect
from mcdesk.core.units import clock
from mcdesk.jobs.ops import Op
from mcdesk.jobs.runner import JobHandle, JobRunner, JobStatus
from mcdesk.services.workspace import Workspace
from mcdesk.ui.evidence import ops
from mcdesk.ui.evidence.region_editor import AreaStyle, RegionEditor
from mcdesk.ui.widgets.colors import warning_color
from mcdesk.ui.widgets.splitter import list_detail_splitter

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Photos larger than this (longest side, pixels) are shown scaled down; areas stay in the
#: photo's own pixels.
#: Wait this long after the time slider stops before decoding the frame (milliseconds).
FRAME_DELAY_MS = 200
#: A region counts as showing on a frame if the frame is this close to its span (seconds).
SPAN_SLACK_S = 0.05
#: Slider steps per second of video.
SLIDER_STEPS = 10


def error_text(exc: BaseException) -> str:
    """What to tell the teacher about a failed job."""
    if isinstance(exc, McdeskError):
        return exc.detail
    return str(exc) or type(exc).__name__


class _AreasDialog(QDialog):
    """What both dialogs share: the explanation, a status line with progress and Stop, the
    picture with its areas and their tools, and the buttons."""

    def __init__(self, runner: JobRunner, workspace: Workspace, evidence: Evidence,
                 parent: QWidget | None, *, style: AreaStyle) -> None:
        super().__init__(parent)
        self._runner = runner
        self._workspace = workspace
        self._evidence = evidence
        self._closed = False
        self._handles: list[JobHandle] = []
        self._progress_job: int | None = None
        self.setMinimumSize(720, 560)
        self.resize(900, 680)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(220)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop looking; you can still mark areas yourself"))
        self.stop_button.clicked.connect(self._stop)
        self.status_row = QHBoxLayout()
        self.status_row.addWidget(self.status_label, 1)
        self.status_row.addWidget(self.progress)
        self.status_row.addWidget(self.stop_button)
        self._show_progress(False)

        self.editor = RegionEditor(style=style)
        self.editor.clear_image(self.tr("Loading the picture…"))
        self.editor.rects_changed.connect(self._areas_changed)
        self.editor.selection_changed.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("Add area"))
        self.add_button.setToolTip(self.tr("Add an area in the middle of the picture "
                                           "(Insert), then move and resize it"))
        self.add_button.clicked.connect(self._add_area)
        self.remove_button = QPushButton(self.tr("Remove area"))
        self.remove_button.setToolTip(self.tr("Remove the selected area (Delete)"))
        self.remove_button.clicked.connect(self._remove_area)
        self.zoom_out_button = self._tool_button("−", self.tr("Zoom out"), "Ctrl+-",
                                                 self.editor.zoom_out)
        self.zoom_in_button = self._tool_button("+", self.tr("Zoom in"), "Ctrl+=",
                                                self.editor.zoom_in)
        self.fit_button = self._tool_button(self.tr("Fit"), self.tr("Fit to window"), "Ctrl+0",
                                            self.editor.zoom_to_fit)
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.add_button)
        self.tools.addWidget(self.remove_button)
        self.tools.addStretch(1)
        self.tools.addWidget(self.zoom_out_button)
        self.tools.addWidget(self.zoom_in_button)
        self.tools.addWidget(self.fit_button)
        self.hint = QLabel(self.tr(
            "Drag on the picture to mark an area. Click an area to select it: drag it to "
            "move it, drag a corner to resize it, press Delete to remove it."))
        self.hint.setWordWrap(True)
        muted = self.hint.palette()
        muted.setColor(QPalette.ColorRole.WindowText,
                       muted.color(QPalette.ColorRole.PlaceholderText))
        self.hint.setPalette(muted)

        self.buttons = QDialogButtonBox()
        self.make_button = QPushButton()
        self.make_button.setDefault(True)
        self.make_button.setAutoDefault(True)
        self.buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        runner.job_changed.connect(self._job_changed)
        for sequence, slot in (("Ctrl+=", self.editor.zoom_in),
                               ("Ctrl+-", self.editor.zoom_out),
                               ("Ctrl+0", self.editor.zoom_to_fit)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.activated.connect(slot)

    def _tool_button(self, text: str, name: str, keys: str,
                     slot: Callable[[], None]) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        shown_keys = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{name} ({shown_keys})")
        button.setMinimumWidth(32)
        button.clicked.connect(slot)
        return button

    # -- jobs --------------------------------------------------------------------------

    def _run(self, op: Op[T], on_success: Callable[[T], None],
             on_failure: Callable[[BaseException], None], *,
             on_cancelled: Callable[[], None] | None = None,
             track_progress: bool = False) -> JobHandle:
        """Run `op`; its callbacks are dropped once the dialog has closed."""

        def success(result: T) -> None:
            if not self._closed:
                on_success(result)

        def failure(exc: BaseException) -> None:
            if not self._closed:
                on_failure(exc)

        def cancelled() -> None:
            if not self._closed and on_cancelled is not None:
                on_cancelled()

        handle = op.success(success).failure(failure).cancelled(cancelled).run(
            self._runner, origin=self)
        self._handles = [h for h in self._handles if not h.state.finished] + [handle]
        if track_progress:
            self._progress_job = handle.job_id
            self.progress.setRange(0, 0)
            self._show_progress(True)
        return handle

    def _job_changed(self, status: JobStatus) -> None:
        if self._closed or status.job_id != self._progress_job:
            return
        if status.state.finished:
            self._progress_job = None
            self._show_progress(False)
            return
        if status.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(status.done, status.total) / status.total))

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.stop_button.setVisible(shown)
        self.stop_button.setEnabled(shown)

    def _stop(self) -> None:
        for handle in self._handles:
            if handle.job_id == self._progress_job:
                handle.cancel()
                self.stop_button.setEnabled(False)

    def _set_status(self, text: str, *, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {warning_color(self)};" if problem else "")

    def _load_photo(self) -> None:
        path = self._workspace.evidence.file_path(self._evidence)
        if path is None:
            self.editor.clear_image(self.tr("This evidence has no picture."))
            return
        self._run(ops.open_photo(path), self._photo_read, self._photo_failed)

    def _photo_read(self, result: tuple[QImage, QSize]) -> None:
        image, size = result
        self.editor.set_image(image, size)
        self._update_buttons()

    def _photo_failed(self, exc: BaseException) -> None:
        self.editor.clear_image(self.tr("The picture cannot be shown: %1").replace(
            "%1", error_text(exc)))

    # -- areas -------------------------------------------------------------------------

    def _add_area(self) -> None:
        self.editor.add_default_rect()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove_area(self) -> None:
        self.editor.remove_selected()

    def _areas_changed(self) -> None:
        self._update_buttons()

    def _selection_changed(self) -> None:
        self._update_buttons()

    def _has_areas(self) -> bool:
        return bool(self.editor.rects())

    def _update_buttons(self) -> None:
        self.make_button.setEnabled(self._has_areas())
        self.remove_button.setEnabled(self.editor.selected_key() is not None)
        self.add_button.setEnabled(self.editor.has_image())

    # -- closing -----------------------------------------------------------------------

    def accept(self) -> None:
        if self._has_areas():
            super().accept()

    def done(self, result: int) -> None:
        if not self._closed:
            self._closed = True
            for handle in self._handles:
                handle.cancel()
            self._runner.job_changed.disconnect(self._job_changed)
        super().done(result)
        self.editor.clear_image()  # the areas stay for regions()/rects(); the picture goes


class BlurFacesDialog(_AreasDialog):
    """Finds faces in a photo or a video and lets the teacher correct what was found.

    Accepted, regions() are the areas to blur: for a photo without times, for a video each
    with the span it covers. The dialog makes nothing itself; the caller asks for the copy.
    """

    def __init__(self, runner: JobRunner, workspace: Workspace, evidence: Evidence,
                 parent: QWidget | None = None) -> None:
        if evidence.kind not in (EvidenceKind.IMAGE, EvidenceKind.VIDEO):
            raise McdeskError("faces can be blurred only in photos and videos")
        super().__init__(runner, workspace, evidence, parent, style=AreaStyle.HIGHLIGHT)
        self._video = evidence.kind is EvidenceKind.VIDEO
        self.setWindowTitle(self.tr("Blur faces in “%1”").replace("%1", evidence.title))
        self.make_button.setText(self.tr("Make blurred copy"))
        self._detect_handle: JobHandle | None = None
        # Video state: every region by its editor key; which keys the shown frame holds.
        self._regions: dict[int, FaceRegion] = {}
        self._added: set[int] = set()
        self._shown_keys: set[int] = set()
        self._frame_s = 0.0
        self._frame_generation = 0
        self._updating = False
        media = evidence.media
        self._duration = float(media.duration_s) if media and media.duration_s else 0.0
        self._video_size = (QSize(media.width, media.height)
                            if media and media.width and media.height else None)

        if self._video:
            self.intro.setText(self.tr(
                "mcdesk looks for faces in the video and lists when each one shows. Pick one to "
                "see it and adjust its area; add an area for any face mcdesk missed. "
                "mcdesk then makes a new, blurred copy; your original stays untouched."))
        else:
            self.intro.setText(self.tr(
                "mcdesk looks for faces and marks them. Check the marked areas, and add one "
                "for any face mcdesk missed. mcdesk then makes a new, blurred copy; your "
                "original stays untouched."))

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.status_row)
        if self._video:
            layout.addWidget(self._video_panel(), 1)
        else:
            layout.addWidget(self.editor, 1)
            layout.addLayout(self.tools)
            layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self._update_buttons()
        if self._video:
            self._load_frame(0.0)
        else:
            self._load_photo()
        self._detect()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the video layout --------------------------------------------------------------

    def _video_panel(self) -> QWidget:
        self.region_list = QListWidget()
        self.region_list.setAccessibleName(self.tr("Faces found, by time"))
        self.region_list.currentItemChanged.connect(self._region_picked)
        self.region_list.setMinimumWidth(180)
        list_label = QLabel(self.tr("&Faces to blur:"))
        list_label.setBuddy(self.region_list)
        self.remove_region_button = QPushButton(self.tr("Remove from list"))
        self.remove_region_button.setToolTip(self.tr("Do not blur this face (Delete)"))
        self.remove_region_button.clicked.connect(self._remove_region)
        remove_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete),
                                    self.region_list)
        remove_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_shortcut.activated.connect(self._remove_region)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.region_list, 1)
        left_layout.addWidget(self.remove_region_button)

        self.time_slider = QSlider(Qt.Orientation.Horizontal)
        self.time_slider.setAccessibleName(self.tr("Frame shown"))
        self.time_slider.setRange(0, max(0, int(self._duration * SLIDER_STEPS)))
        self.time_slider.setSingleStep(SLIDER_STEPS)
        self.time_slider.setPageStep(10 * SLIDER_STEPS)
        self.time_label = QLabel()
        self.time_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00:00 / 00:00:00"))
        time_title = QLabel(self.tr("F&rame at:"))
        time_title.setBuddy(self.time_slider)
        self._frame_timer = QTimer(self)
        self._frame_timer.setSingleShot(True)
        self._frame_timer.setInterval(FRAME_DELAY_MS)
        self._frame_timer.timeout.connect(
            lambda: self._load_frame(self.time_slider.value() / SLIDER_STEPS))
        self.time_slider.valueChanged.connect(self._slider_moved)
        time_row = QHBoxLayout()
        time_row.addWidget(time_title)
        time_row.addWidget(self.time_slider, 1)
        time_row.addWidget(self.time_label)

        self.add_button.setText(self.tr("Add area on this frame"))
        self.remove_button.hide()  # "Remove from list" (or Delete on the frame) does it
        self.span_box = QComboBox()
        self.span_box.setAccessibleName(self.tr("How long new areas are blurred"))
        self.span_box.setToolTip(self.tr("How long an area you add is blurred"))
        self.span_box.addItem(self.tr("for the whole video"), None)
        self.tools.insertWidget(1, self.span_box)
        self.hint.setText(self.tr(
            "Drag on the frame to mark a face mcdesk missed. Click an area to select it: drag "
            "it to move it, drag a corner to resize it, press Delete to remove it."))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor, 1)
        right_layout.addLayout(time_row)
        right_layout.addLayout(self.tools)
        right_layout.addWidget(self.hint)

        splitter = list_detail_splitter(left, right, sizes=(220, 660), stretch=(1, 3))
        self._show_time(0.0)
        return splitter

    # -- detection ---------------------------------------------------------------------

    def _detect(self) -> None:
        workspace = self._workspace
        evidence = self._evidence

        self._set_status(self.tr("Looking for faces…"))
        self._detect_handle = self._run(
            ops.find_faces(workspace, evidence), self._faces_found, self._detect_failed,
            on_cancelled=self._detect_cancelled, track_progress=True)

    def _faces_found(self, found: list[FaceRegion]) -> None:
        self._detect_handle = None
        count = len(found)
        if self._video:
            for region in found:
                self._regions[self.editor.new_key()] = region
            self._rebuild_list()
            if count:
                self._set_status(self._found_text(count) + " " + self.tr(
                    "Check the list, and remove any face that needs no blurring."))
                self.region_list.setCurrentRow(0)
            else:
                self._set_status(self.tr(
                    "No faces found. If someone can be recognised, move to a frame where they "
                    "show and drag over their face."))
                self._show_frame_areas()
        else:
            self.editor.set_rects([region.rect for region in found])
            if count:
                self._set_status(self._found_text(count) + " " + self.tr(
                    "Check the marked areas and add any face mcdesk missed."))
            else:
                self._set_status(self.tr(
                    "No faces found. If someone can be recognised, drag over their face."))
        self._update_buttons()

    def _found_text(self, count: int) -> str:
        if count == 1:
            return self.tr("Found one face.")
        return self.tr("Found %1 faces.").replace("%1", str(count))

    def _detect_failed(self, exc: BaseException) -> None:
        self._detect_handle = None
        if not isinstance(exc, McdeskError):
            log.error("Face detection failed", exc_info=exc)
        self._set_status(self.tr(
            "mcdesk could not look for faces: %1. You can still mark them yourself.").replace(
            "%1", error_text(exc)), problem=True)

    def _detect_cancelled(self) -> None:
        self._detect_handle = None
        self._set_status(self.tr("Stopped looking for faces. Mark the faces yourself by "
                                 "dragging over them."))

    # -- video frames ------------------------------------------------------------------

    def _slider_moved(self, value: int) -> None:
        self._show_time(value / SLIDER_STEPS)
        self._frame_timer.start()

    def _show_time(self, seconds: float) -> None:
        self.time_label.setText(f"{clock(seconds)} / {clock(self._duration)}")

    def _load_frame(self, at_s: float, *, select_key: int | None = None) -> None:
        workspace = self._workspace
        evidence = self._evidence
        self._frame_generation += 1
        generation = self._frame_generation

        def shown(png: bytes) -> None:
            if generation != self._frame_generation:
                return
            image = QImage.fromData(png)
            if image.isNull():
                self.editor.clear_image(self.tr("This frame cannot be shown."))
                return
            self._frame_s = at_s
            self.editor.set_image(image, self._video_size)
            self._show_frame_areas(select_key)
            self._update_buttons()

        def failed(exc: BaseException) -> None:
            if generation == self._frame_generation:
                self.editor.clear_image(self.tr("This frame cannot be shown: %1").replace(
                    "%1", error_text(exc)))

        self._run(ops.video_frame(workspace, evidence, at_s), shown, failed)

    def _on_frame(self, region: FaceRegion, at_s: float) -> bool:
        start = region.start_s if region.start_s is not None else 0.0
        end = region.end_s if region.end_s is not None else self._duration
        return start - SPAN_SLACK_S <= at_s <= end + SPAN_SLACK_S

    def _show_frame_areas(self, select_key: int | None = None) -> None:
        """Put the regions showing at the current frame into the editor."""
        keys = [key for key, region in self._regions.items()
                if self._on_frame(region, self._frame_s)]
        self._updating = True
        try:
            self.editor.set_rects([self._regions[key].rect for key in keys], keys,
                                  selected_key=select_key)
        finally:
            self._updating = False
        self._shown_keys = set(keys)

    # -- the list of regions -----------------------------------------------------------

    def _span(self, region: FaceRegion) -> tuple[float, float]:
        start = region.start_s if region.start_s is not None else 0.0
        end = region.end_s if region.end_s is not None else self._duration
        return start, end

    def _describe(self, key: int, number: int) -> str:
        start, end = self._span(self._regions[key])
        text = self.tr("Face %1 · %2–%3").replace("%1", str(number)).replace(
            "%2", clock(start)).replace("%3", clock(end))
        if key in self._added:
            text += " " + self.tr("(added by you)")
        return text

    def _rebuild_list(self) -> None:
        current = self._current_list_key()
        self.region_list.blockSignals(True)
        self.region_list.clear()
        ordered = sorted(self._regions, key=lambda k: (self._span(self._regions[k]), k))
        for number, key in enumerate(ordered, start=1):
            item = QListWidgetItem(self._describe(key, number))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.region_list.addItem(item)
            if key == current:
                self.region_list.setCurrentItem(item)
        self.region_list.blockSignals(False)
        self._update_span_box()

    def _current_list_key(self) -> int | None:
        item = self.region_list.currentItem() if self._video else None
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return key if isinstance(key, int) else None

    def _select_in_list(self, key: int | None) -> None:
        self.region_list.blockSignals(True)
        if key is None:
            self.region_list.setCurrentRow(-1)
        for row in range(self.region_list.count()):
            item = self.region_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                self.region_list.setCurrentItem(item)
        self.region_list.blockSignals(False)
        self._update_span_box()

    def _region_picked(self, item: QListWidgetItem | None,
                       _previous: QListWidgetItem | None) -> None:
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self._update_span_box()
        self._update_buttons()
        if not isinstance(key, int) or key not in self._regions:
            return
        if key in self._shown_keys and self.editor.has_image():
            self.editor.select_key(key)
            return
        start, _end = self._span(self._regions[key])
        self.time_slider.blockSignals(True)
        self.time_slider.setValue(round(start * SLIDER_STEPS))
        self.time_slider.blockSignals(False)
        self._show_time(start)
        self._frame_timer.stop()
        self._load_frame(start, select_key=key)

    def _remove_region(self) -> None:
        key = self._current_list_key()
        if key is None:
            return
        row = self.region_list.currentRow()
        del self._regions[key]
        self._added.discard(key)
        self._rebuild_list()
        self._show_frame_areas()
        if self.region_list.count():
            self.region_list.setCurrentRow(min(row, self.region_list.count() - 1))
        self._update_buttons()

    def _update_span_box(self) -> None:
        key = self._current_list_key()
        chosen = self.span_box.currentIndex()
        while self.span_box.count() > 1:
            self.span_box.removeItem(1)
        if key is not None and key in self._regions:
            start, end = self._span(self._regions[key])
            self.span_box.addItem(self.tr("only from %1 to %2, like the selected face").replace(
                "%1", clock(start)).replace("%2", clock(end)), (start, end))
            self.span_box.setCurrentIndex(chosen if chosen in (0, 1) else 0)
        else:
            self.span_box.setCurrentIndex(0)

    # -- edits on the frame ------------------------------------------------------------

    def _areas_changed(self) -> None:
        if self._video and not self._updating:
            self._sync_regions_from_frame()
        self._update_buttons()

    def _sync_regions_from_frame(self) -> None:
        current = dict(zip(self.editor.keys(), self.editor.rects(), strict=True))
        span = self.span_box.currentData()
        start, end = span if isinstance(span, tuple) else (0.0, self._duration)
        for key in self._shown_keys - set(current):
            self._regions.pop(key, None)
            self._added.discard(key)
        for key, rect in current.items():
            region = self._regions.get(key)
            if region is None:
                self._regions[key] = FaceRegion(rect, start, end)
                self._added.add(key)
            elif region.rect != rect:
                self._regions[key] = FaceRegion(rect, region.start_s, region.end_s)
        self._shown_keys = set(current)
        self._rebuild_list()
        self._select_in_list(self.editor.selected_key())

    def _selection_changed(self) -> None:
        if self._video and not self._updating:
            key = self.editor.selected_key()
            if key is not None and key in self._regions:
                self._select_in_list(key)
        self._update_buttons()

    def _has_areas(self) -> bool:
        return bool(self._regions) if self._video else bool(self.editor.rects())

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if self._video:
            self.remove_region_button.setEnabled(self._current_list_key() is not None)

    # -- the result --------------------------------------------------------------------

    def regions(self) -> tuple[FaceRegion, ...]:
        """The areas to blur: a photo's without times, a video's in time order."""
        if self._video:
            ordered = sorted(self._regions, key=lambda k: (self._span(self._regions[k]), k))
            return tuple(self._regions[key] for key in ordered)
        return tuple(FaceRegion(rect) for rect in self.editor.rects())

    @property
    def detecting(self) -> bool:
        return self._detect_handle is not None


class RedactDialog(_AreasDialog):
    """Lets the teacher mark areas of a photo to black out (a name on a worksheet, a badge).

    Accepted, rects() are the areas, in the photo's pixels (as shown, upright)."""

    def __init__(self, runner: JobRunner, workspace: Workspace, evidence: Evidence,
                 parent: QWidget | None = None) -> None:
        if evidence.kind is not EvidenceKind.IMAGE:
            raise McdeskError("areas can be blacked out only in photos")
        super().__init__(runner, workspace, evidence, parent, style=AreaStyle.BLACK_OUT)
        self.setWindowTitle(self.tr("Black out areas in “%1”").replace("%1", evidence.title))
        self.make_button.setText(self.tr("Make copy with areas blacked out"))
        self.intro.setText(self.tr(
            "Drag over anything that must not be seen: a name on a worksheet, a face, a "
            "badge. mcdesk makes a new copy with those areas blacked out; your original "
            "stays untouched."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.status_row)
        layout.addWidget(self.editor, 1)
        layout.addLayout(self.tools)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.status_label.hide()
        self._update_buttons()
        self._load_photo()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def rects(self) -> tuple[Rect, ...]:
        """The areas to black out."""
        return tuple(self.editor.rects())
