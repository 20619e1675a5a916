"""The teacher's Coaching panel on a draft: the coach's practice scores beside the rubric (and
the teacher's own self-assessment), the coach's comments on their own evidence, and one-click
acceptance of a suggested caption or clip; GUI thread (work runs in operations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.coaching import CoachComment
from mcdesk.core.errors import McdeskError
from mcdesk.core.reviews import Annotation
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel
from mcdesk.ui.drafts import coaching_ops

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


class CoachingDialog(QDialog):
    """Not modal: it can stay open beside the draft."""

    def __init__(self, runner: JobRunner, workspace: Workspace, draft_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your coach's feedback"))
        self.resize(1200, 720)
        self._runner = runner
        self._workspace = workspace
        self._draft_id = draft_id
        self._view: coaching_ops.CoachingView | None = None
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setWordWrap(True)
        self.scores = QTableWidget(0, 3)
        self.scores.setHorizontalHeaderLabels([self.tr("Rubric criterion"),
                                               self.tr("Coach's practice score"),
                                               self.tr("Your self-assessment")])
        self.scores.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.scores.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.scores.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.ResizeToContents)
        self.scores.verticalHeader().hide()
        self.scores.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scores.setAccessibleName(self.tr("Practice scores"))
        self.scores.setMaximumHeight(170)
        self.comments = QListWidget()
        self.comments.setAccessibleName(self.tr("Your coach's comments"))
        self.comments.setWordWrap(True)
        self.comments.setSpacing(3)
        self.comments.setAlternatingRowColors(True)
        self.comments.currentItemChanged.connect(lambda *_a: self._chosen())
        self.accept_button = QPushButton(self.tr("Accept the suggestion"))
        self.accept_button.setToolTip(self.tr(
            "Put the suggested caption beside the evidence, or add the suggested clip to the "
            "draft, in one step"))
        self.accept_button.setEnabled(False)
        self.accept_button.clicked.connect(self.accept_current)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.comments, 1)
        left_layout.addWidget(self.accept_button)
        self.panel = AnnotationPanel(runner=runner)
        self.panel.set_read_only(True)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([340, 860])
        splitter.setChildrenCollapsible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.scores)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        coaching_ops.load(self._workspace, self._draft_id).success(self._loaded).failure(
            lambda exc: self.summary.setText(str(exc))).run(self._runner)

    def _loaded(self, view: coaching_ops.CoachingView) -> None:
        self._view = view
        levels = {lv.id: lv.name for c in view.rubric for lv in c.levels}
        by_criterion = {s.rubric_criterion_id: s for s in view.scores}
        coach = next((s.by for s in view.scores if s.by), "") or next(
            (c.provenance.name for c in view.comments if c.provenance and c.provenance.name), "")
        if view.comments or view.scores:
            self.summary.setText(self.tr(
                "{coach} left {comments} comments and {scores} practice scores. Practice "
                "scores are only for you: they are never sent to the issuer.").format(
                coach=coach or self.tr("Your coach"), comments=len(view.comments),
                scores=len(view.scores)))
        elif view.notes:
            self.summary.setText(self.tr(
                "Your coach's notes from the lesson are lined up on your video ({count} "
                "notes). For comments on this draft, send it with File → Export for my "
                "coach….").format(count=len(view.notes)))
        else:
            self.summary.setText(self.tr(
                "No feedback from a coach yet. Send them this draft with File → Export for my "
                "coach…, then import the bundle they give back with File → Import an exchange "
                "bundle…"))
        self.scores.setRowCount(len(view.rubric))
        for row, criterion in enumerate(view.rubric):
            score = by_criterion.get(criterion.id)
            shown = levels.get(score.level_id or "", self.tr("not scored")) if score else \
                self.tr("not scored")
            own = levels.get(view.self_assessment.get(criterion.id, ""), "—")
            for column, text in enumerate((criterion.name, shown, own)):
                cell = QTableWidgetItem(text)
                if column == 1 and score is not None and score.note:
                    cell.setToolTip(score.note)
                self.scores.setItem(row, column, cell)
        self.panel.set_criteria([(c.id, c.name) for c in view.rubric])
        self.panel.set_comments([Annotation(c.id, c.anchor, c.text,
                                            rubric_criterion_id=c.rubric_criterion_id)
                                 for c in view.comments] + list(view.notes))
        keep = self._current_id()
        self.comments.blockSignals(True)
        self.comments.clear()
        for comment in view.comments:
            piece = view.pieces.get(comment.anchor.target)
            where = piece.title if piece is not None else self.tr("evidence not here")
            text = f"{where} · {comment.anchor.describe()}\n{comment.text}"
            suggestion = self._suggestion(comment)
            if suggestion:
                text += "\n" + suggestion
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            self.comments.addItem(item)
            if comment.id == keep:
                self.comments.setCurrentItem(item)
        for note in view.notes:
            piece = view.pieces.get(note.anchor.target)
            where = piece.title if piece is not None else ""
            item = QListWidgetItem(self.tr("Observation note · {where} · {at}\n{text}").format(
                where=where, at=note.anchor.describe(), text=note.text))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.comments.addItem(item)
            if note.id == keep:
                self.comments.setCurrentItem(item)
        self.comments.blockSignals(False)
        if self.comments.currentItem() is None and self.comments.count():
            self.comments.setCurrentRow(0)
        else:
            self._chosen()

    def _suggestion(self, comment: CoachComment) -> str:
        if comment.suggested_caption:
            kind = self.tr("Suggested caption: \u201c{caption}\u201d").format(
                caption=comment.suggested_caption)
        elif comment.suggests_clip:
            kind = self.tr("Suggested clip: {range}").format(range=comment.anchor.describe())
        else:
            return ""
        return kind + (self.tr(" (accepted)") if comment.accepted_at else "")

    def _current_id(self) -> str | None:
        item = self.comments.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _current(self) -> CoachComment | None:
        if self._view is None:
            return None
        return next((c for c in self._view.comments if c.id == self._current_id()), None)

    def _chosen(self) -> None:
        comment = self._current()
        self.accept_button.setEnabled(comment is not None and comment.accepted_at is None and (
            bool(comment.suggested_caption) or comment.suggests_clip))
        if self._view is None:
            return
        note = next((n for n in self._view.notes if n.id == self._current_id()), None)
        anchor = comment.anchor if comment is not None else note.anchor if note else None
        if anchor is None:
            return
        piece = self._view.pieces.get(anchor.target)
        if piece is None:
            return
        shown = self.panel.piece()
        if shown is None or shown.target != piece.target:
            self.panel.show_piece(AnnotatedPiece(piece.target, piece.title, piece.kind,
                                                 piece.path, text=piece.text))
        self.panel.select_comment(comment.id if comment is not None else
                                  note.id if note is not None else "")

    def accept_current(self) -> None:
        comment = self._current()
        if comment is None:
            return
        self.accept_button.setEnabled(False)
        coaching_ops.accept(self._workspace, comment.id).success(
            lambda _c: self.reload()).failure(self._failed).run(self._runner, origin=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, McdeskError):
            self.summary.setText(str(exc))
            self._chosen()
            return
        raise exc
