"""The earner's view of what assessors said about one attempt: the feedback per rubric
criterion and the comments meant for them, shown on their own evidence (a video seeks to each
comment's moment); read-only; GUI thread (loading runs in a job)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.drafts import DraftStatus
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel
from mcdesk.ui.drafts import ops
from mcdesk.ui.drafts.views import ReceivedView
from mcdesk.ui.widgets.splitter import list_detail_splitter

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


class ReceivedCommentsDialog(QDialog):
    """Not modal: the teacher can keep it open beside the draft while planning the next
    attempt."""

    def __init__(self, runner: JobRunner, workspace: Workspace, draft_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("What the assessors said"))
        self.resize(1100, 720)
        self._runner = runner
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.pieces = QListWidget()
        self.pieces.setAccessibleName(self.tr("Evidence with comments"))
        self.pieces.setWordWrap(True)
        self.pieces.currentItemChanged.connect(self._chosen)
        self.panel = AnnotationPanel(runner=runner)
        self.panel.set_read_only(True)
        splitter = list_detail_splitter(self.pieces, self.panel, sizes=(240, 860),
                                       stretch=(1, 4))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._pieces: dict[str, AnnotatedPiece] = {}
        ops.received_comments(workspace, draft_id).success(self._loaded).failure(
            lambda exc: self.summary.setText(escape(str(exc)))).run(runner, origin=self)

    def _loaded(self, view: ReceivedView) -> None:
        rubric = {c.id: c for c in view.mc.rubric} if view.mc is not None else {}
        lines = []
        order = {rid: index for index, rid in enumerate(rubric)}
        for said in sorted(view.draft.received_feedback,
                           key=lambda f: order.get(f.rubric_criterion_id, len(order))):
            criterion = rubric.get(said.rubric_criterion_id)
            name = criterion.name if criterion is not None else said.rubric_criterion_id
            level = next((lv.name for lv in criterion.levels if lv.id == said.level_id),
                         said.level_id or "") if criterion is not None else (said.level_id or "")
            lines.append(f"<li><b>{escape(name)}</b>: {escape(level)}"
                         + (f" — {escape(said.feedback)}" if said.feedback else "") + "</li>")
        decided = {DraftStatus.EARNED: self.tr("earned"), DraftStatus.NOT_YET: self.tr(
            "not yet")}.get(view.draft.status)
        heading = (self.tr("<b>Attempt %1: %2.</b>").replace("%2", decided) if decided else
                   self.tr("<b>Attempt %1: what the assessors said.</b>")).replace(
            "%1", str(view.draft.attempt))
        self.summary.setText(heading + (f"<ul>{''.join(lines)}</ul>" if lines else self.tr(
            " No feedback per criterion came back.")))
        self.panel.set_criteria([(c.id, c.name) for c in rubric.values()])
        self.panel.set_comments(list(view.comments))
        self.pieces.clear()
        self._pieces = {p.target: p for p in view.pieces}
        for piece in view.pieces:
            count = sum(1 for c in view.comments if c.anchor.target == piece.target)
            item = QListWidgetItem(self.tr("%1 (%2 comments)").replace("%1", piece.title)
                                   .replace("%2", str(count)))
            item.setData(Qt.ItemDataRole.UserRole, piece.target)
            self.pieces.addItem(item)
        if not view.pieces:
            self.panel.clear()
            self.pieces.addItem(self.tr("No comments on your evidence came back."))
        else:
            self.pieces.setCurrentRow(0)

    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        piece = self._pieces.get(str(current.data(Qt.ItemDataRole.UserRole)))
        if piece is not None:
            self.panel.show_piece(piece)
