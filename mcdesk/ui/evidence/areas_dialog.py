"""What the "Blur faces" and "Black out areas" dialogs share: the explanation, a status line
with progress and Stop, the picture with its areas and their tools, the buttons, and jobs whose
answers are dropped once the dialog closed; GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QWidget,
)

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Evidence
from mcdesk.jobs.ops import Op
from mcdesk.jobs.runner import JobHandle, JobRunner, JobStatus
from mcdesk.services.workspace import Workspace
from mcdesk.ui.evidence import ops
from mcdesk.ui.evidence.region_editor import RegionEditor
from mcdesk.ui.evidence.region_items import AreaStyle
from mcdesk.ui.widgets.colors import warning_color

T = TypeVar("T")


def error_text(exc: BaseException) -> str:
    """What to tell the teacher about a failed job."""
    if isinstance(exc, McdeskError):
        return exc.detail
    return str(exc) or type(exc).__name__


class AreasDialog(QDialog):
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
