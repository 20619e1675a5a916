"""The "Blur faces" and "Black out areas" dialogs: find faces, let the teacher check and mark
areas, and say which copy to make; GUI thread (reading, detecting and decoding run as jobs)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Evidence, EvidenceKind, FaceRegion, Rect
from mcdesk.core.units import clock
from mcdesk.jobs.runner import JobHandle, JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.evidence import ops
from mcdesk.ui.evidence.areas_dialog import AreasDialog, error_text
from mcdesk.ui.evidence.region_items import AreaStyle
from mcdesk.ui.widgets.splitter import list_detail_splitter

log = logging.getLogger(__name__)

# Photos larger than this (longest side, pixels) are shown scaled down; areas stay in the
# photo's own pixels.
# Wait this long after the time slider stops before decoding the frame (milliseconds).
FRAME_DELAY_MS = 200
# A region counts as showing on a frame if the frame is this close to its span (seconds).
SPAN_SLACK_S = 0.05
# Slider steps per second of video.
SLIDER_STEPS = 10


class BlurFacesDialog(AreasDialog):
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


class RedactDialog(AreasDialog):
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
