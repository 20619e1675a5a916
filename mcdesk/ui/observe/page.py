"""The Observe place (coach): the observations on the left with a form to start one (teacher and
micro-credential), the chosen one on the right: during the lesson (clock, look-fors, notes)
and after it (the video, lining up, clips); GUI thread (work runs in operations)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import CatalogEntry
from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.coaching import Observation, ObservationNote
from mcdesk.core.evidence import Evidence
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.observe import ops
from mcdesk.ui.observe.lineup import LineUp
from mcdesk.ui.observe.session import ObservationSession
from mcdesk.ui.widgets.empty_state import DetailPlaceholder, empty_state
from mcdesk.ui.widgets.locale_text import date_time_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.splitter import list_detail_splitter

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


class ObservePage(Place):
    watches = frozenset({Change.OBSERVATIONS, Change.EVIDENCE, Change.CATALOG})

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._observations: list[Observation] = []
        self._select_after_load: str | None = None
        self.teacher = QLineEdit()
        self.teacher.setPlaceholderText(self.tr("e.g. Sam Rivera"))
        self.teacher.setAccessibleName(self.tr("Teacher"))
        self.mc_box = QComboBox()
        self.mc_box.setAccessibleName(self.tr("Micro-credential"))
        self.mc_box.setMinimumContentsLength(12)
        self.mc_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.start_button = QPushButton(self.tr("Start observing"))
        self.start_button.setToolTip(self.tr("Starts the observation clock now"))
        self.start_button.clicked.connect(self.start)
        self.teacher.returnPressed.connect(self.start)
        form_box = QGroupBox(self.tr("New observation"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Teacher"), self.teacher)
        form.addRow(self.tr("Micro-credential"), self.mc_box)
        form.addRow(self.start_button)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Observations"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._chosen)
        self.empty = QLabel(self.tr(
            "No observations yet.\n\nBefore the lesson, write the teacher's name, pick the "
            "micro-credential and press Start observing: its method components become your "
            "look-fors, and each note you type is stamped with the time."))
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.list)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(form_box)
        left_layout.addWidget(self.left_stack, 1)

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.session = ObservationSession()
        self.session.note_entered.connect(self._note_entered)
        self.session.look_for_ticked.connect(self._ticked)
        self.session.tag_requested.connect(self._tag)
        self.session.choose_requested.connect(self._choose)
        self.session.line_changed.connect(self._line_changed)
        self.lineup = LineUp(runner)
        self.lineup.add_video_requested.connect(self.add_video)
        self.lineup.align_metadata_requested.connect(self._align_metadata)
        self.lineup.align_note_requested.connect(self._align_note)
        self.lineup.clips_requested.connect(self._make_clips)
        self.lineup.preview_requested.connect(self._preview)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.session, self.tr("During the lesson"))
        self.tabs.addTab(self.lineup, self.tr("After the lesson: the video"))
        self.export_button = QPushButton(self.tr("Export for the teacher…"))
        self.export_button.setToolTip(self.tr(
            "The notes, the look-fors, the lesson video and its clips in a bundle the teacher "
            "imports on their laptop"))
        self.export_button.clicked.connect(self.choose_export)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.export_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(header)
        detail_layout.addWidget(self.tabs, 1)
        self.placeholder = QLabel(self.tr("Start an observation, or pick one on the left."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_stack = QStackedWidget()
        self.beside = DetailPlaceholder(self.placeholder, empty_state(self.empty),
                                        self.left_stack)
        self.right_stack.addWidget(self.beside)
        self.right_stack.addWidget(detail)

        splitter = list_detail_splitter(left, self.right_stack, sizes=(280, 1000),
                                        stretch=(1, 4))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.start_button.setEnabled(False)

    # -- loading ---------------------------------------------------------------------------

    def workspace_changed(self, workspace: Workspace | None) -> None:
        self.start_button.setEnabled(workspace is not None)
        if workspace is None:
            self.session.clear()
            self.lineup.clear()

    def refresh(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        super().refresh()
        ops.load_list(workspace).success(self._loaded).failure(self._failed).run(
            self._runner)
        ops.videos(workspace).success(self.lineup.set_videos).failure(self._failed).run(
            self._runner)

    def changes_happened(self, notice: ChangeNotice) -> None:
        if notice.touches(self.watches):
            self.mark_stale()

    def _loaded(self, result: tuple[list[Observation], list[CatalogEntry]]) -> None:
        observations, entries = result
        self._observations = observations
        chosen = self.mc_box.currentData()
        self.mc_box.clear()
        for entry in entries:
            self.mc_box.addItem(entry.name, entry.achievement_id)
        index = self.mc_box.findData(chosen)
        self.mc_box.setCurrentIndex(max(0, index))
        keep = self._select_after_load or self.current_id()
        self._select_after_load = None
        self.list.blockSignals(True)
        self.list.clear()
        for observation in observations:
            item = QListWidgetItem(self.tr("{teacher}\n{mc}\n{day}").format(
                teacher=observation.teacher, mc=observation.mc_name,
                day=date_time_text(observation.started_at)))
            item.setData(Qt.ItemDataRole.UserRole, observation.id)
            self.list.addItem(item)
            if observation.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.left_stack.setCurrentIndex(0 if observations else 1)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._load_current()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _chosen(self, _current: QListWidgetItem | None, _previous: object) -> None:
        self._load_current()

    def _load_current(self) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is None or observation_id is None:
            self.right_stack.setCurrentIndex(0)
            return
        ops.load_one(workspace, observation_id).success(self._show).failure(
            self._failed).run(self._runner)

    def _show(self, view: ops.ObservationView) -> None:
        if view.observation.id != self.current_id():
            return
        observation = view.observation
        self.heading.setText(self.tr("{teacher}: {mc}").format(
            teacher=observation.teacher, mc=observation.mc_name))
        self.session.show_observation(observation, view.rubric)
        self.session.restore_line(view.pending_line)
        self.lineup.show_observation(observation, view.video, view.video_path, view.comments,
                                     view.rubric)
        self.right_stack.setCurrentIndex(1)

    # -- the coach's actions -----------------------------------------------------------------

    def start(self) -> None:
        workspace = self._workspace
        teacher = self.teacher.text().strip()
        achievement = self.mc_box.currentData()
        if workspace is None:
            return
        if not teacher:
            self.notice.emit(self.tr("Write the teacher's name first."), Tone.WARNING)
            self.teacher.setFocus()
            return
        if achievement is None:
            self.notice.emit(self.tr("Import a catalog first: the look-fors come from the "
                                     "micro-credential."), Tone.WARNING)
            return
        ops.start(workspace, teacher, str(achievement)).success(self._started).failure(
            self._failed).run(self._runner, origin=self)

    def _started(self, observation: Observation) -> None:
        self.teacher.clear()
        self._select_after_load = observation.id
        self.tabs.setCurrentIndex(0)
        self.refresh()
        self.session.note_line.setFocus()

    def _note_entered(self, text: str, offset_ms: int, criterion: object,
                      clip: object) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is None or observation_id is None:
            return
        span = clip if isinstance(clip, tuple) else None
        ops.note(workspace, observation_id, text, offset_ms,
                 str(criterion) if criterion else None, span).success(
            self._note_saved).failure(self._note_failed(text)).run(self._runner, origin=self)

    def _note_saved(self, note: ObservationNote) -> None:
        self.session.show_saved(note)
        self._load_current()

    def _note_failed(self, text: str) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            if not self.session.note_line.text():
                self.session.note_line.setText(text)  # the words are never lost
            self._failed(exc)
        return failed

    def _ticked(self, position: int, seen: bool, at_ms: int) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is not None and observation_id is not None:
            ops.tick(workspace, observation_id, position, seen, at_ms).success(
                lambda _r: self._load_current()).failure(self._failed).run(
                self._runner, origin=self)

    def _tag(self, note_id: str, criterion: object) -> None:
        workspace = self._workspace
        if workspace is not None:
            ops.tag(workspace, note_id, str(criterion) if criterion else None).success(
                lambda _n: self._load_current()).failure(self._failed).run(
                self._runner, origin=self)

    def _line_changed(self, text: str) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is not None and observation_id is not None:
            ops.save_line(workspace, observation_id, text).failure(self._failed).run(
                self._runner, origin=self)

    def flush(self) -> None:
        """The window is closing: keep the words still in the note line."""
        if self.session.note_line.text().strip():
            self._line_changed(self.session.note_line.text())

    def _choose(self, note_id: str, version_id: str) -> None:
        workspace = self._workspace
        if workspace is not None:
            ops.choose(workspace, note_id, version_id).success(
                lambda _n: self._load_current()).failure(self._failed).run(
                self._runner, origin=self)

    def add_video(self, path: Path) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.add_video(workspace, path).success(self._video_added).failure(self._failed).run(
            self._runner, origin=self)

    def _video_added(self, video: Evidence) -> None:
        self.notice.emit(self.tr("\u201c{title}\u201d is in your evidence.").format(
            title=video.title), Tone.INFO)
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is not None and observation_id is not None and video.taken_at is not None:
            self._align_metadata(video.id)
        else:
            self.refresh()

    def _align_metadata(self, video_id: str) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is not None and observation_id is not None:
            ops.align_by_metadata(workspace, observation_id, video_id).success(
                self._aligned).failure(self._failed).run(self._runner, origin=self)

    def _align_note(self, video_id: str, number: int, player_ms: int) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is not None and observation_id is not None:
            ops.align_by_note(workspace, observation_id, video_id, number, player_ms).success(
                self._aligned).failure(self._failed).run(self._runner, origin=self)

    def _aligned(self, _observation: Observation) -> None:
        self.notice.emit(self.tr("The notes are lined up with the video."), Tone.INFO)
        self.tabs.setCurrentIndex(1)
        self.refresh()  # the video list may have a new video

    def _make_clips(self) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is not None and observation_id is not None:
            ops.make_clips(workspace, observation_id).success(self._clips_made).failure(
                self._failed).run(self._runner, origin=self)

    def _clips_made(self, clips: list[Evidence]) -> None:
        self.notice.emit(self.tr("Clips added to your evidence: {count}.").format(
            count=len(clips)), Tone.INFO)
        self._load_current()

    def _preview(self, video_id: str) -> None:
        workspace = self._workspace
        if workspace is not None:
            ops.video_file(workspace, video_id).success(
                lambda found: self.lineup.preview(*found)).failure(self._failed).run(
                self._runner)

    # -- handing over ------------------------------------------------------------------------

    def choose_export(self) -> None:
        if self.current_id() is None:
            return
        name, _f = QFileDialog.getSaveFileName(
            self, self.tr("Export for the teacher"), "observation.mcexchange",
            self.tr("mcdesk exchange bundles (*.mcexchange *.zip)"))
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        workspace, observation_id = self._workspace, self.current_id()
        if workspace is not None and observation_id is not None:
            ops.export_observation(workspace, observation_id, path).success(
                lambda report: self.notice.emit(self.tr(
                    "Wrote {file}: {notes} notes and {count} videos for the teacher.").format(
                    file=report.path.name, notes=report.notes, count=report.evidence),
                    Tone.INFO)).failure(self._failed).run(self._runner)
