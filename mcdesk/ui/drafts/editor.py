"""The work area of one draft: readiness always in view, the criteria part by part, the
self-assessment, and the teacher's evidence to drag onto criteria; GUI thread (all reads and
writes run in jobs)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.drafts import DraftStatus, Readiness, Severity
from mcdesk.core.errors import McdeskError
from mcdesk.jobs.ops import Op
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.drafts import ops
from mcdesk.ui.drafts.cards import CriterionCard, EvidenceCard, TextCard, is_text
from mcdesk.ui.drafts.problem_text import problem_text
from mcdesk.ui.drafts.views import DraftView
from mcdesk.ui.widgets.evidence_model import EvidenceListModel
from mcdesk.ui.widgets.flow_layout import FlowLayout
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.words import draft_status_word

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.drafts.received_comments import ReceivedCommentsDialog

T = TypeVar("T")
CHECK_DELAY_MS = 300
LAYOUT_BATCH = 100  # evidence rows laid out per turn of the event loop
LIBRARY_PAGE = 96  # evidence rows put in the column at first, more as it scrolls


class DraftEditor(QWidget):
    notice = Signal(str, Tone)
    unexpected = Signal(object)
    changed = Signal(str)  # draft id: the list should refresh its line
    loaded = Signal(str)
    readiness_shown = Signal(object)
    build_requested = Signal(str)
    send_requested = Signal(str)
    resubmit_requested = Signal(str)
    versions_requested = Signal(str, str)  # draft id, criterion id
    pick_requested = Signal(str, str)  # draft id, criterion id

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.exemplar_viewer: QWidget | None = None  # the last example of work opened
        self._workspace: Workspace | None = None
        self._view: DraftView | None = None
        self.cards: dict[str, CriterionCard] = {}
        self._generation = 0

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.build_button = QPushButton(self.tr("Build package…"))
        self.build_button.clicked.connect(self._build)
        self.resubmit_button = QPushButton(self.tr("Start the next attempt"))
        self.resubmit_button.clicked.connect(self._resubmit)
        self.feedback_button = QPushButton(self.tr("What the assessors said…"))
        self.feedback_button.setToolTip(self.tr(
            "Feedback per criterion and the comments on your own evidence"))
        self.feedback_button.clicked.connect(self.show_received)
        self.received_dialog: ReceivedCommentsDialog | None = None
        self.coaching_button = QPushButton(self.tr("Coaching…"))
        self.coaching_button.setToolTip(self.tr(
            "Your coach's comments on your evidence and practice scores beside the rubric"))
        self.coaching_button.clicked.connect(self.show_coaching)
        self.coaching_dialog: QDialog | None = None
        # The title has a line of its own and the actions wrap under it: side by side, a long
        # micro-credential name and five buttons do not fit a small laptop.
        actions = QWidget()
        header = FlowLayout(actions, align_right=True)
        self.send_button = QPushButton(self.tr("Send…"))
        self.send_button.setToolTip(self.tr(
            "Put it in the outbox: it goes to the issuing server now or whenever a connection "
            "exists"))
        self.send_button.clicked.connect(self._send)
        self.send_button.setEnabled(False)  # until a ready draft is shown
        self.build_button.setEnabled(False)
        header.addWidget(self.coaching_button)
        header.addWidget(self.feedback_button)
        header.addWidget(self.resubmit_button)
        header.addWidget(self.build_button)
        header.addWidget(self.send_button)

        self.readiness_label = QLabel()
        self.readiness_label.setWordWrap(True)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("What still needs doing"))
        self.problems.setWordWrap(True)
        self.problems.setMaximumHeight(150)
        self.problems.itemActivated.connect(self._problem_chosen)
        self.problems.itemClicked.connect(self._problem_chosen)
        readiness_box = QGroupBox(self.tr("Ready to send?"))
        readiness_layout = QVBoxLayout(readiness_box)
        readiness_layout.addWidget(self.readiness_label)
        readiness_layout.addWidget(self.problems)

        self.criteria_host = QWidget()
        self.criteria_layout = QVBoxLayout(self.criteria_host)
        self.criteria_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName(self.tr("Submission criteria"))
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.criteria_host)

        self.library = EvidenceListModel(lambda _e: None, self._more_library)
        self.library_view = QListView()
        self.library_view.setModel(self.library)
        self.library_view.setAccessibleName(self.tr("Your evidence"))
        self.library_view.setDragEnabled(True)
        self.library_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.library_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.library_view.setIconSize(QSize(40, 30))
        self.library_view.setWordWrap(True)
        self.library_view.setUniformItemSizes(False)
        # Rows of different heights are laid out a batch per turn of the event loop: 10,000
        # pieces at once held the GUI thread for seconds each time a draft opened.
        self.library_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.library_view.setBatchSize(LAYOUT_BATCH)
        self.library_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.library_view.setSpacing(3)
        # A short title, the hint under it wrapping: the title of a group box sets its
        # narrowest width, and on a small laptop the cards need that width.
        library_box = QGroupBox(self.tr("Your evidence"))
        library_hint = QLabel(self.tr("Drag a piece onto a criterion."))
        library_hint.setWordWrap(True)
        library_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        library_layout = QVBoxLayout(library_box)
        library_layout.addWidget(library_hint)
        library_layout.addWidget(self.library_view)
        library_box.setMinimumWidth(180)  # a name and its facts still read on two lines

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.title)
        left_layout.addWidget(actions)
        left_layout.addWidget(readiness_box)
        left_layout.addWidget(self.scroll_area, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(library_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        # The cards are where the teacher writes: they get the width, the evidence a column
        # (its names wrap), on a small laptop as on a big screen.
        splitter.setSizes([700, 260])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.recheck)

    # -- loading -----------------------------------------------------------------------

    @property
    def view(self) -> DraftView | None:
        return self._view

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.flush()
        self._workspace = workspace
        if workspace is None:
            self._view = None

    def open(self, draft_id: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        self.flush()
        self._generation += 1
        generation = self._generation
        ops.open_draft(workspace, draft_id).success(lambda view: self._show(generation, view)) \
            .failure(self._failed).run(self._runner, origin=self)

    def _show(self, generation: int, view: DraftView) -> None:
        if generation != self._generation:
            return
        scroll = self.scroll_area.verticalScrollBar().value()
        same = self._view is not None and self._view.draft.id == view.draft.id
        self._view = view
        draft, mc = view.draft, view.mc
        status = draft_status_word(draft.status)
        self.title.setText(
            f"<h2 style='margin:0'>{escape(mc.name)}</h2>"
            + escape(self.tr("Attempt %1 of %2 · %3 · version %4")
                     .replace("%1", str(draft.attempt)).replace("%2", str(view.max_attempts))
                     .replace("%3", status).replace("%4", draft.mc_version)))
        editable = draft.status.editable
        self.build_button.setEnabled(editable)
        self.send_button.setEnabled(editable and view.readiness.ready)
        self.resubmit_button.setVisible(draft.status is DraftStatus.NOT_YET)
        self.feedback_button.setVisible(draft.status in (DraftStatus.EARNED, DraftStatus.NOT_YET)
                                        or bool(draft.received_feedback))
        self._build_cards(view, editable)
        # A page of rows to lay out and paint, the others added as the column scrolls to
        # them (from the view, in memory): 10,000 at once held the GUI thread for seconds.
        pieces = list(view.evidence.values())
        self.library.set_items(pieces[:LIBRARY_PAGE], [e.id for e in pieces])
        self._show_readiness(view.readiness)
        if same:
            self.scroll_area.verticalScrollBar().setValue(scroll)
        self.loaded.emit(draft.id)

    def _more_library(self, ids: list[str]) -> None:
        view = self._view
        if view is not None:
            self.library.add_more(ids, {i: view.evidence[i] for i in ids if i in view.evidence})

    def _build_cards(self, view: DraftView, editable: bool) -> None:
        while self.criteria_layout.count():
            item = self.criteria_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.cards = {}
        draft, mc = view.draft, view.mc
        feedback = {f.rubric_criterion_id: f for f in draft.feedback}
        for part in mc.submission_parts:
            heading = QLabel(f"<h3 style='margin-bottom:0'>{escape(part.name)}</h3>"
                             + (f"<p>{escape(part.instructions)}</p>" if part.instructions
                                else ""))
            heading.setWordWrap(True)
            self.criteria_layout.addWidget(heading)
            for number, criterion in enumerate(part.criteria, start=1):
                rubric = mc.rubric_criterion(criterion.rubric_criterion_id) \
                    if criterion.rubric_criterion_id else None
                note = feedback.get(criterion.rubric_criterion_id or "")
                label = f"{part.name.split('.')[0]} · {number}"
                card: CriterionCard
                if is_text(criterion):
                    text_card = TextCard(label, criterion, rubric, note,
                                         draft.answer(criterion.id), editable=editable)
                    text_card.answer_changed.connect(self._answer_changed)
                    text_card.versions_requested.connect(
                        lambda cid: self.versions_requested.emit(draft.id, cid))
                    card = text_card
                else:
                    evidence_card = EvidenceCard(label, criterion, rubric, note,
                                                 draft.attached(criterion.id), view.evidence,
                                                 editable=editable)
                    evidence_card.attach_requested.connect(self.attach)
                    evidence_card.pick_requested.connect(
                        lambda cid: self.pick_requested.emit(draft.id, cid))
                    evidence_card.detach_requested.connect(self._detach)
                    evidence_card.move_requested.connect(self._move)
                    evidence_card.caption_changed.connect(self._caption)
                    card = evidence_card
                panel = card.show_exemplars(mc.exemplars_for(criterion.id), rubric,
                                            view.exemplar_files, view.exemplar_notes)
                if panel is not None:
                    panel.open_requested.connect(self._open_exemplar)
                self.cards[criterion.id] = card
                self.criteria_layout.addWidget(card)
        self.criteria_layout.addWidget(self._self_assessment(view, editable))

    def _open_exemplar(self, path: str, media_type: str, title: str, licence: str) -> None:
        from pathlib import Path

        from mcdesk.ui.annotation.study_viewer import StudyViewer

        viewer = StudyViewer(self._runner, self)
        viewer.show_file(Path(path), media_type, title, licence)
        viewer.show()
        self.exemplar_viewer = viewer
        viewer.destroyed.connect(lambda _o=None: self._viewer_gone(viewer))

    def _viewer_gone(self, viewer: QWidget) -> None:
        if self.exemplar_viewer is viewer:
            self.exemplar_viewer = None

    def _self_assessment(self, view: DraftView, editable: bool) -> QWidget:
        box = QGroupBox(self.tr("Your self-assessment against the rubric"))
        form = QFormLayout(box)
        hint = QLabel(self.tr("How would you score yourself? It stays with your draft and "
                              "helps you see what to strengthen."))
        hint.setWordWrap(True)
        form.addRow(hint)
        for rubric in view.mc.rubric:
            if not rubric.is_rubric:
                continue
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Self-assessment: %1").replace("%1", rubric.name))
            combo.addItem(self.tr("Not marked"), None)
            for level in rubric.levels:
                mark = self.tr(" (passing)") if level.id == rubric.required_level_id else ""
                combo.addItem(level.name + mark, level.id)
            combo.setCurrentIndex(max(0, combo.findData(view.draft.self_level(rubric.id))))
            combo.setEnabled(editable)
            combo.activated.connect(
                lambda _i, c=combo, rid=rubric.id: self._self_assessed(rid, c.currentData()))
            form.addRow(rubric.name + ":", combo)
        return box

    def show_received(self) -> None:
        """Open (not modal) what assessors said about this attempt."""
        workspace, view = self._workspace, self._view
        if workspace is None or view is None:
            return
        if self.received_dialog is not None:
            self.received_dialog.close()
        from mcdesk.ui.drafts.received_comments import ReceivedCommentsDialog

        self.received_dialog = ReceivedCommentsDialog(self._runner, workspace, view.draft.id,
                                                      self)
        self.received_dialog.show()

    def show_coaching(self) -> None:
        """Open (not modal) the coach's feedback on this draft."""
        workspace, view = self._workspace, self._view
        if workspace is None or view is None:
            return
        if self.coaching_dialog is not None:
            self.coaching_dialog.close()
        from mcdesk.ui.drafts.coaching_dialog import CoachingDialog

        self.coaching_dialog = CoachingDialog(self._runner, workspace, view.draft.id, self)
        self.coaching_dialog.show()

    # -- readiness ----------------------------------------------------------------------

    def _show_readiness(self, readiness: Readiness) -> None:
        self.problems.clear()
        blocking = [p for p in readiness.problems if p.severity is Severity.BLOCKING]
        if readiness.ready:
            self.readiness_label.setText(self.tr(
                "✓ Ready to package: every criterion is answered and nothing private is "
                "left.") + (self.tr(" %n thing(s) to look over.", "", len(readiness.problems))
                            if readiness.problems else ""))
        else:
            self.readiness_label.setText(self.tr(
                "%1 of %2 criteria done. %n thing(s) must be fixed before you send it; click "
                "one to go there.", "", len(blocking)).replace("%1", str(readiness.criteria_done))
                .replace("%2", str(readiness.criteria_total)))
        for problem in readiness.problems:
            marker = "⚠" if problem.severity is Severity.BLOCKING else "•"
            where, said, fix = problem_text(problem)
            item = QListWidgetItem(f"{marker} {where}: {said} {fix}")
            item.setData(Qt.ItemDataRole.UserRole, problem.criterion_id)
            self.problems.addItem(item)
        self.problems.setVisible(bool(readiness.problems))
        self.readiness_shown.emit(readiness)

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        criterion_id = item.data(Qt.ItemDataRole.UserRole)
        card = self.cards.get(criterion_id) if criterion_id else None
        if card is not None:
            self.scroll_area.ensureWidgetVisible(card)
            card.flash()
            if isinstance(card, TextCard):
                card.editor.setFocus()

    def recheck(self) -> None:
        workspace, view = self._workspace, self._view
        if workspace is None or view is None:
            return
        draft_id = view.draft.id
        ops.check_draft(workspace, draft_id).success(
            lambda readiness: self._readiness_arrived(draft_id, readiness)).failure(
            self._failed).run(self._runner, origin=self)

    def _readiness_arrived(self, draft_id: str, readiness: Readiness) -> None:
        if self._view is not None and self._view.draft.id == draft_id:
            self._show_readiness(readiness)
            self.send_button.setEnabled(self._view.draft.status.editable and readiness.ready)
            self.changed.emit(draft_id)

    # -- changes ------------------------------------------------------------------------

    def flush(self) -> None:
        """Save any answer still waiting for its autosave (leaving a draft, closing)."""
        for card in self.cards.values():
            if isinstance(card, TextCard | EvidenceCard):
                card.flush()

    def _answer_changed(self, criterion_id: str, text: str) -> None:
        workspace, view = self._workspace, self._view
        if workspace is None or view is None:
            return
        draft_id = view.draft.id
        self._write(ops.write_answer(workspace, draft_id, criterion_id, text), reload=False)

    def attach(self, criterion_id: str, evidence_ids: list[str]) -> None:
        workspace, view = self._workspace, self._view
        if workspace is None or view is None:
            return
        self._write(ops.attach(workspace, view.draft.id, criterion_id, evidence_ids))

    def _detach(self, criterion_id: str, evidence_id: str) -> None:
        workspace, view = self._workspace, self._view
        if workspace is not None and view is not None:
            draft_id = view.draft.id
            self._write(ops.detach(workspace, draft_id, criterion_id, evidence_id))

    def _move(self, criterion_id: str, evidence_id: str, position: int) -> None:
        workspace, view = self._workspace, self._view
        if workspace is not None and view is not None:
            draft_id = view.draft.id
            self._write(ops.move(workspace, draft_id, criterion_id, evidence_id, position))

    def _caption(self, criterion_id: str, evidence_id: str, caption: str) -> None:
        workspace, view = self._workspace, self._view
        if workspace is None or view is None:
            return
        current = next((a.caption for a in view.draft.attachments
                        if a.criterion_id == criterion_id and a.evidence_id == evidence_id), "")
        if caption == current:
            return
        draft_id = view.draft.id
        self._write(ops.set_caption(workspace, draft_id, criterion_id, evidence_id, caption),
                    reload=False)

    def _self_assessed(self, rubric_id: str, level_id: str | None) -> None:
        workspace, view = self._workspace, self._view
        if workspace is not None and view is not None:
            draft_id = view.draft.id
            self._write(ops.set_self_assessment(workspace, draft_id, rubric_id, level_id),
                        reload=False)

    def _build(self) -> None:
        if self._view is not None:
            self.flush()
            self.build_requested.emit(self._view.draft.id)

    def _send(self) -> None:
        if self._view is not None:
            self.flush()
            self.send_requested.emit(self._view.draft.id)

    def _resubmit(self) -> None:
        if self._view is not None:
            self.resubmit_requested.emit(self._view.draft.id)

    # -- plumbing -----------------------------------------------------------------------

    def _write(self, op: Op[T], *, reload: bool = True) -> None:
        view = self._view

        def done(_result: T) -> None:
            if view is None:
                return
            if reload:
                self.open(view.draft.id)
            else:
                self._check_timer.start()
            self.changed.emit(view.draft.id)

        op.success(done).failure(self._failed).run(self._runner, origin=self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, McdeskError):
            self.notice.emit(str(exc), Tone.ERROR)
            if self._view is not None:
                self.open(self._view.draft.id)
        else:
            self.unexpected.emit(exc)
