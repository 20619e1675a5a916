"""The evidence an assessor commented on, played at the comment: the submission's piece in the
shared annotation viewer (a video seeks to the moment, a PDF turns to the page) with every
review's comments on it, read-only; GUI thread."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from mcdesk.core.reviews import Annotation
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel


class EvidenceDialog(QDialog):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence at the comment"))
        self.resize(1000, 640)
        self.panel = AnnotationPanel(runner=runner)
        self.panel.set_read_only(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)

    def show_at(self, piece: AnnotatedPiece, comments: Sequence[Annotation],
                comment_id: str) -> None:
        self.panel.show_piece(piece)
        self.panel.set_comments(comments)
        self.panel.select_comment(comment_id)

    def done(self, result: int) -> None:
        self.panel.clear()  # nothing plays on behind a closed dialog
        super().done(result)
