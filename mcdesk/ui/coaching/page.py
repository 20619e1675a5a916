"""The Coaching place (coach): drafts received from teachers on the left; the chosen draft's
evidence and answers with the annotation tools, a suggested caption, practice scores against
the rubric, and the bundle back to the teacher on the right; GUI thread (work runs in
operations)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change
from mcdesk.core.coaching import CoachComment, CoachedDraft
from mcdesk.core.reviews import Anchor, Annotation, AnswerTarget
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.annotation.comment_editor import CommentFields
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel
from mcdesk.ui.coaching import ops
from mcdesk.ui.coaching.scores import PracticeScores
from mcdesk.ui.widgets.empty_state import DetailPlaceholder, empty_state
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.splitter import list_detail_splitter

if TYPE_CHECKING:
    from mcdesk.services.exchange import ExportReport, ImportReport
    from mcdesk.services.workspace import Workspace

BUNDLE_SUFFIX = ".mcexchange"
BUNDLE_FILTER = "mcdesk exchange bundles (*.mcexchange *.zip)"


def as_annotation(comment: CoachComment) -> Annotation:
    return Annotation(comment.id, comment.anchor, comment.text,
                      rubric_criterion_id=comment.rubric_criterion_id,
                      created_at=comment.provenance.at if comment.provenance else None,
                      updated_at=comment.updated_at)


class CoachingPage(Place):
    watches = frozenset({Change.COACHING, Change.EVIDENCE, Change.CATALOG})

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._view: ops.DraftView | None = None
        self.import_button = QPushButton(self.tr("Import a bundle…"))
        self.import_button.setToolTip(self.tr(
            "A teacher's draft (or notes and evidence) handed over as an exchange bundle"))
        self.import_button.clicked.connect(self.choose_bundle)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Drafts to coach"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_a: self._load_current())
        self.empty = QLabel(self.tr(
            "No drafts to coach yet.\n\nAsk the teacher for an exchange bundle of their draft "
            "(File → Export for my coach… in their mcdesk), then press Import a bundle… or "
            "drop the file here. You can then comment on their video, documents, photos and "
            "answers and give practice scores."))
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.list)
        self.pieces = QListWidget()
        self.pieces.setAccessibleName(self.tr("Evidence and answers"))
        self.pieces.setWordWrap(True)
        self.pieces.currentItemChanged.connect(lambda *_a: self._show_piece())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.scores = PracticeScores()
        self.scores.score_changed.connect(self._score)
        self.scores_scroll = scores_scroll = QScrollArea()
        scores_scroll.setWidgetResizable(True)
        scores_scroll.setFrameShape(QFrame.Shape.NoFrame)
        scores_scroll.setWidget(self.scores)
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.addWidget(self.left_stack)
        parts.addWidget(self.pieces)
        parts.addWidget(scores_scroll)
        parts.setSizes([140, 200, 330])
        parts.setChildrenCollapsible(False)
        left_layout.addWidget(parts, 1)

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.caption_button = QPushButton(self.tr("Suggest a caption…"))
        self.caption_button.setToolTip(self.tr(
            "Words the teacher can put beside this evidence with one click"))
        self.caption_button.clicked.connect(self.suggest_caption)
        self.export_button = QPushButton(self.tr("Export for the teacher…"))
        self.export_button.setToolTip(self.tr(
            "Your comments and practice scores in a bundle the teacher imports"))
        self.export_button.clicked.connect(self.choose_export)
        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.caption_button)
        header.addWidget(self.export_button)
        self.panel = AnnotationPanel(runner=runner)
        self.panel.add_requested.connect(self._add_comment)
        self.panel.update_requested.connect(self._update_comment)
        self.panel.delete_requested.connect(self._delete_comment)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(header)
        detail_layout.addWidget(self.panel, 1)
        self.placeholder = QLabel(self.tr("Pick a draft on the left to coach it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_stack = QStackedWidget()
        self.beside = DetailPlaceholder(self.placeholder, empty_state(self.empty),
                                        self.left_stack)
        self.right_stack.addWidget(self.beside)
        self.right_stack.addWidget(detail)
        splitter = list_detail_splitter(left, self.right_stack, sizes=(320, 1000),
                                        stretch=(1, 4))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.accept_file_drops()
        self.import_button.setEnabled(False)

    def workspace_changed(self, workspace: Workspace | None) -> None:
        self.import_button.setEnabled(workspace is not None)

    def refresh(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        super().refresh()
        ops.load_list(workspace).success(self._loaded).failure(self._failed).run(self._runner)

    def _loaded(self, drafts: list[CoachedDraft]) -> None:
        keep = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for draft in drafts:
            who = draft.owner or self.tr("A teacher")
            item = QListWidgetItem(self.tr("{who}\n{mc}, attempt {attempt}").format(
                who=who, mc=draft.mc_name, attempt=draft.attempt))
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            self.list.addItem(item)
            if draft.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.left_stack.setCurrentIndex(0 if drafts else 1)
        if self.list.currentItem() is None and drafts:
            self.list.setCurrentRow(0)
        else:
            self._load_current()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _load_current(self) -> None:
        workspace, draft_id = self._workspace, self.current_id()
        if workspace is None or draft_id is None:
            self.right_stack.setCurrentIndex(0)
            self.pieces.clear()
            self._view = None
            self._show_parts(False)
            return
        ops.load_draft(workspace, draft_id).success(self._show).failure(self._failed).run(
            self._runner)

    def _show(self, view: ops.DraftView) -> None:
        if view.draft.id != self.current_id():
            return
        same = self._view is not None and self._view.draft.id == view.draft.id
        self._view = view
        self.heading.setText(self.tr("{who}: {mc}").format(
            who=view.draft.owner or self.tr("A teacher"), mc=view.draft.mc_name))
        self.panel.set_criteria([(c.id, c.name) for c in view.rubric])
        self.panel.set_comments([as_annotation(c) for c in view.comments])
        self.scores.show_rubric(view.rubric, view.scores)
        if not same:
            self.pieces.blockSignals(True)
            self.pieces.clear()
            for piece in view.pieces:
                label = piece.title if AnswerTarget.parse(piece.target) is not None else \
                    self.tr("{title} ({kind})").format(title=piece.title, kind=piece.kind)
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, piece.target)
                self.pieces.addItem(item)
            self.pieces.blockSignals(False)
            if view.pieces:
                self.pieces.setCurrentRow(0)
        self.right_stack.setCurrentIndex(1)
        self._show_parts(True)
        self._show_piece()

    def _show_parts(self, shown: bool) -> None:
        """The draft's pieces and the practice scores only show with a draft chosen."""
        self.pieces.setVisible(shown)
        self.scores_scroll.setVisible(shown)

    def _piece(self) -> ops.Piece | None:
        item = self.pieces.currentItem()
        if item is None or self._view is None:
            return None
        target = str(item.data(Qt.ItemDataRole.UserRole))
        return next((p for p in self._view.pieces if p.target == target), None)

    def _show_piece(self) -> None:
        piece = self._piece()
        self.caption_button.setEnabled(piece is not None and
                                       not AnswerTarget.parse(piece.target) is not None)
        if piece is None:
            return
        shown = self.panel.piece()
        if shown is None or shown.target != piece.target:
            self.panel.show_piece(AnnotatedPiece(piece.target, piece.title, piece.kind,
                                                 piece.path, text=piece.text))

    # -- the coach's feedback ----------------------------------------------------------------

    def _add_comment(self, fields: object) -> None:
        workspace, draft_id = self._workspace, self.current_id()
        if workspace is None or draft_id is None or not isinstance(fields, CommentFields):
            return
        ops.comment(workspace, draft_id, fields.anchor, fields.text,
                    fields.rubric_criterion_id).success(lambda _c: self._load_current()).failure(
            self._failed).run(self._runner, origin=self)

    def _update_comment(self, comment: object) -> None:
        workspace, draft_id = self._workspace, self.current_id()
        if workspace is None or draft_id is None or not isinstance(comment, Annotation):
            return
        ops.comment(workspace, draft_id, comment.anchor, comment.text,
                    comment.rubric_criterion_id, comment_id=comment.id).success(
            lambda _c: self._load_current()).failure(self._failed).run(self._runner,
                                                                         origin=self)

    def _delete_comment(self, comment_id: str) -> None:
        workspace, draft_id = self._workspace, self.current_id()
        if workspace is not None and draft_id is not None:
            ops.delete_comment(workspace, draft_id, comment_id).success(
                lambda _r: self._load_current()).failure(self._failed).run(self._runner,
                                                                            origin=self)

    def suggest_caption(self) -> None:
        piece = self._piece()
        if piece is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Suggest a caption"), self.tr(
            "A caption the teacher can put beside \u201c{title}\u201d:").format(
            title=piece.title), text=piece.caption)
        if ok and text.strip():
            self.add_caption(text.strip())

    def add_caption(self, caption: str) -> None:
        workspace, draft_id, piece = self._workspace, self.current_id(), self._piece()
        if workspace is None or draft_id is None or piece is None:
            return
        ops.comment(workspace, draft_id, Anchor(piece.target),
                    self.tr("A caption you could put beside this evidence."), None,
                    caption=caption, caption_for=piece.criterion_id).success(
            lambda _c: self._load_current()).failure(self._failed).run(self._runner,
                                                                        origin=self)

    def _score(self, criterion_id: str, level: object) -> None:
        workspace, draft_id = self._workspace, self.current_id()
        if workspace is not None and draft_id is not None:
            ops.score(workspace, draft_id, criterion_id,
                      None if level is None else str(level)).failure(self._failed).run(
                self._runner, origin=self)

    # -- bundles -----------------------------------------------------------------------------

    def choose_bundle(self) -> None:
        name, _f = QFileDialog.getOpenFileName(self, self.tr("Import an exchange bundle"), "",
                                               BUNDLE_FILTER)
        if name:
            self.import_bundle(Path(name))

    def files_dropped(self, paths: Sequence[Path]) -> None:
        for path in paths:
            self.import_bundle(path)

    def import_bundle(self, path: Path) -> None:
        workspace = self._workspace
        if workspace is not None:
            ops.import_bundle(workspace, path).success(self._imported).failure(
                self._failed).run(self._runner, origin=self)

    def _imported(self, report: ImportReport) -> None:
        self.notice.emit(self.tr("Imported {file}: {added} evidence added, {already} already "
                                 "here.").format(file=report.path.name,
                                                 added=report.evidence_added,
                                                 already=report.evidence_already_here),
                         Tone.INFO)
        self.refresh()

    def choose_export(self) -> None:
        draft_id = self.current_id()
        if draft_id is None:
            return
        name, _f = QFileDialog.getSaveFileName(self, self.tr("Export for the teacher"),
                                               f"coaching{BUNDLE_SUFFIX}", BUNDLE_FILTER)
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        workspace, draft_id = self._workspace, self.current_id()
        if workspace is None or draft_id is None:
            return
        ops.export_bundle(workspace, path, draft_id=draft_id).success(self._exported).failure(
            self._failed).run(self._runner)

    def _exported(self, report: ExportReport) -> None:
        self.notice.emit(self.tr("Wrote {file}: {comments} comments and {scores} practice "
                                 "scores for the teacher.").format(
            file=report.path.name, comments=report.comments, scores=report.practice_scores),
            Tone.INFO)
