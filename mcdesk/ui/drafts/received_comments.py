"""The earner's view of what assessors said about one attempt: the feedback per rubric
criterion and the comments meant for them, shown on their own evidence (a video seeks to each
comment's moment); read-only; GUI thread (loading runs in a job)."""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.drafts import DraftStatus
from mcdesk.core.errors import McdeskError
from mcdesk.core.reviews import Annotation
from mcdesk.jobs.runner import JobRunner, Lane
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel

if TYPE_CHECKING:
    from mcdesk.core.catalog import MicroCredential
    from mcdesk.core.drafts import Draft
    from mcdesk.services.workspace import Workspace


@dataclass(frozen=True)
class ReceivedView:
    draft: Draft
    mc: MicroCredential | None
    comments: tuple[Annotation, ...]
    pieces: tuple[AnnotatedPiece, ...]


def same_id(wire_id: str, local_id: str) -> bool:
    """Whether a package's evidence id (`urn:uuid:…`) names this portfolio's evidence."""
    if wire_id == local_id:
        return True
    try:
        return uuid.UUID(wire_id.removeprefix("urn:uuid:")) == uuid.UUID(local_id)
    except ValueError:
        return False


def load_received(workspace: Workspace, draft_id: str) -> ReceivedView:
    """Worker thread: the draft, its comments and a piece for each thing commented on."""
    draft = workspace.drafts.get(draft_id)
    try:
        mc: MicroCredential | None = workspace.drafts.micro_credential(draft)
    except McdeskError:  # the catalog lost it: the comments still show
        mc = None
    comments = tuple(workspace.reviews.received_comments(draft_id))
    evidence = {e.id: e for e in workspace.evidence.all()}
    pieces: list[AnnotatedPiece] = []
    seen: set[str] = set()
    for comment in comments:
        target = comment.anchor.target
        if target in seen:
            continue
        seen.add(target)
        if target.startswith("answer:"):
            criterion_id = target.removeprefix("answer:")
            title = "Your written answer"
            if mc is not None:
                with contextlib.suppress(KeyError, ValueError, McdeskError):
                    title = f"Your answer: {mc.criterion(criterion_id).prompt}"
            pieces.append(AnnotatedPiece(target=target, title=title, kind="text",
                                         text=draft.answer(criterion_id)))
            continue
        local = next((e for e in evidence.values() if same_id(target, e.id)), None)
        if local is None:
            pieces.append(AnnotatedPiece(target=target, title="Evidence no longer in your "
                                         "portfolio", kind="link"))
            continue
        path: Path | None = workspace.evidence.file_path(local)
        text = local.body if local.kind.value == "text" and local.body else None
        pieces.append(AnnotatedPiece(target=target, title=local.title or "Untitled",
                                     kind=local.kind.value, path=path, text=text,
                                     url=local.url,
                                     path_in_package=comment.anchor.path))
    return ReceivedView(draft, mc, comments, tuple(pieces))


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
        splitter = QSplitter()
        splitter.addWidget(self.pieces)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 860])
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._pieces: dict[str, AnnotatedPiece] = {}
        runner.submit(self.tr("Reading the assessors' comments"),
                      lambda _c: load_received(workspace, draft_id), lane=Lane.POOL,
                      cancellable=False, on_success=self._loaded,
                      on_failure=lambda exc: self.summary.setText(escape(str(exc))))

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
