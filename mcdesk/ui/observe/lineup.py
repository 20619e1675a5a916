"""After the lesson: add the lesson video, line the notes up with it (by the recording's start
time, or "this is note N" at the player position), see the notes as timestamped comments on it,
make the marked clips trimmed evidence; it asks the place to do the work; GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import RubricCriterion
from mcdesk.core.coaching import AlignedBy, Observation
from mcdesk.core.evidence import Evidence, EvidenceKind
from mcdesk.core.reviews import Annotation
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel
from mcdesk.ui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from mcdesk.jobs.runner import JobRunner

VIDEO_FILTER = "Videos (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.mts)"


class LineUp(QWidget):
    add_video_requested = Signal(object)
    """A Path chosen in the file dialog."""
    align_metadata_requested = Signal(str)
    """The video evidence id."""
    align_note_requested = Signal(str, int, int)
    """(video evidence id, note number, player position ms)"""
    clips_requested = Signal()
    preview_requested = Signal(str)
    """A video evidence id to show in the player (before lining up)."""

    def __init__(self, runner: JobRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._observation: Observation | None = None
        self.video_box = QComboBox()
        self.video_box.setAccessibleName(self.tr("Lesson video"))
        self.video_box.setMinimumContentsLength(16)
        self.video_box.activated.connect(self._video_chosen)
        self.add_button = QPushButton(self.tr("Add the lesson video…"))
        self.add_button.clicked.connect(self._choose_file)
        self.metadata_button = QPushButton(self.tr("Line up by the video's start time"))
        self.metadata_button.setToolTip(self.tr(
            "Uses the time the camera says it started recording and the time the observation "
            "started on this laptop"))
        self.metadata_button.clicked.connect(self._metadata)
        self.note_number = QSpinBox()
        self.note_number.setMinimum(1)
        self.note_number.setPrefix(self.tr("note "))
        self.note_number.setAccessibleName(self.tr("Note number"))
        self.match_button = QPushButton(self.tr("This is the note"))
        self.match_button.setToolTip(self.tr(
            "Play the video to the moment of a note, choose its number and press this: every "
            "note moves by the same amount"))
        self.match_button.clicked.connect(self._match)
        self.clips_button = QPushButton(self.tr("Make the clips"))
        self.clips_button.setToolTip(self.tr(
            "Each clip marked during the lesson becomes a trimmed copy of the video in your "
            "evidence"))
        self.clips_button.clicked.connect(self.clips_requested)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.panel = AnnotationPanel(runner=runner)
        self.panel.set_read_only(True)
        video_label = QLabel(self.tr("Video:"))
        video_label.setBuddy(self.video_box)
        row = QHBoxLayout()
        row.addWidget(video_label)
        row.addWidget(self.video_box, 1)
        # The actions wrap on a narrow screen rather than cutting their labels.
        actions = QWidget()
        align = FlowLayout(actions)
        for widget in (self.add_button, self.metadata_button, self.note_number,
                       self.match_button, self.clips_button):
            align.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(actions)
        layout.addWidget(self.state)
        layout.addWidget(self.panel, 1)
        self._enable()

    def set_videos(self, videos: Sequence[Evidence]) -> None:
        chosen = self.video_id()
        self.video_box.clear()
        for video in videos:
            self.video_box.addItem(video.title, video.id)
        if self._observation is not None and self._observation.video_evidence_id:
            chosen = self._observation.video_evidence_id
        index = self.video_box.findData(chosen)
        self.video_box.setCurrentIndex(index if index >= 0 else (0 if videos else -1))
        self._enable()

    def show_observation(self, observation: Observation, video: Evidence | None,
                         path: Path | None, comments: Sequence[Annotation],
                         rubric: Sequence[RubricCriterion] = ()) -> None:
        self._observation = observation
        self.panel.set_criteria([(c.id, c.name) for c in rubric])
        self.note_number.setMaximum(max(1, len(observation.notes)))
        if observation.video_evidence_id:
            index = self.video_box.findData(observation.video_evidence_id)
            if index >= 0:
                self.video_box.setCurrentIndex(index)
        clips = sum(1 for n in observation.notes if n.has_clip)
        made = sum(1 for n in observation.notes if n.clip_evidence_id)
        if observation.aligned_by is None:
            self.state.setText(self.tr(
                "Not lined up yet. Choose the lesson video, then line the notes up by its "
                "start time, or play it to a moment you noted and press \u201cThis is the "
                "note\u201d."))
        else:
            how = self.tr("by the video's start time") if (
                observation.aligned_by is AlignedBy.METADATA) else self.tr("by a matched note")
            self.state.setText(self.tr(
                "{notes} notes lined up {how}; {made} of {clips} clips made.").format(
                notes=len(observation.notes), how=how, made=made, clips=clips))
        if video is not None:
            self.panel.set_comments(list(comments))
            self.preview(video, path)
        elif self.video_id() is not None:
            self.preview_requested.emit(self.video_id())
        self._enable()

    def preview(self, video: Evidence, path: Path | None) -> None:
        """Show `video` in the player (the notes on it once lined up)."""
        piece = self.panel.piece()
        if piece is None or piece.target != video.id:
            self.panel.show_piece(AnnotatedPiece(video.id, video.title, EvidenceKind.VIDEO, path))

    def clear(self) -> None:
        self._observation = None
        self.panel.clear()
        self.state.clear()

    def video_id(self) -> str | None:
        data = self.video_box.currentData()
        return None if data is None else str(data)

    def player_ms(self) -> int:
        viewer = self.panel.viewer()
        if viewer is not None and viewer is self.panel.video:
            return self.panel.video.position_ms()
        return 0

    def _enable(self) -> None:
        has_video = self.video_id() is not None and self._observation is not None
        has_notes = self._observation is not None and bool(self._observation.notes)
        self.metadata_button.setEnabled(has_video)
        self.match_button.setEnabled(has_video and has_notes)
        self.note_number.setEnabled(has_notes)
        self.clips_button.setEnabled(self._observation is not None
                                     and self._observation.aligned_by is not None
                                     and any(n.has_clip for n in self._observation.notes))

    def _video_chosen(self, _index: int) -> None:
        self._enable()
        video = self.video_id()
        if video is not None:
            self.preview_requested.emit(video)

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("The lesson video"), "",
                                                    VIDEO_FILTER)
        if name:
            self.add_video_requested.emit(Path(name))

    def _metadata(self) -> None:
        video = self.video_id()
        if video is not None:
            self.align_metadata_requested.emit(video)

    def _match(self) -> None:
        video = self.video_id()
        if video is not None:
            self.align_note_requested.emit(video, self.note_number.value(), self.player_ms())
