"""The Decide place (issuer staff): the submissions waiting for a decision on the left (the
ready ones first), the chosen one's reviews side by side and the decision being composed on
the right; decisions queue for the next sync; GUI thread (work runs in this place's
operations)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change
from mcdesk.core.staff import (
    CalibrationUse,
    CriterionFeedbackDraft,
    DecisionStatus,
    QueuedDecision,
    WaitingSubmission,
)
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.decide import ops
from mcdesk.ui.decide.compose import Composer
from mcdesk.ui.decide.evidence import EvidenceDialog
from mcdesk.ui.decide.side_by_side import SideBySideView
from mcdesk.ui.widgets.colors import tint
from mcdesk.ui.widgets.empty_state import empty_state
from mcdesk.ui.widgets.locale_text import date_time_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.splitter import list_detail_splitter


class DecidePage(Place):
    watches = frozenset({Change.DECISIONS, Change.OUTBOX, Change.SERVERS})

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.waiting: list[WaitingSubmission] = []
        self.detail: ops.Detail | None = None
        self._select_after_load: str | None = None

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Submissions waiting for a decision"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._chosen)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.side = SideBySideView()
        self.side.comment_chosen.connect(self.show_evidence)
        self.evidence_dialog: EvidenceDialog | None = None
        self.composer = Composer()
        self.composer.queue_requested.connect(self._queue)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.side)
        split.addWidget(self.composer)
        split.setSizes([300, 400])
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.status)
        detail_layout.addWidget(split, 1)
        self.pick_hint = QLabel(self.tr("Choose a submission on the left to see its reviews."))
        self.pick_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right = QStackedWidget()
        self.right.addWidget(self.pick_hint)
        self.right.addWidget(detail)
        splitter = list_detail_splitter(self.list, self.right, sizes=(300, 900),
                                        stretch=(1, 3))

        self.empty = QLabel(self.tr(
            "Nothing waits for a decision.\n\nSubmissions whose reviews are in arrive here with "
            "Sync, with their reviews, and stay readable offline. Decide, compose the "
            "teacher's feedback, and the decision goes out with the next sync."))
        self.stack = QStackedWidget()
        self.stack.addWidget(empty_state(self.empty))
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)

    # -- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        super().refresh()
        if self._workspace is None:
            return
        ops.load(self._workspace).success(self._loaded).failure(self._failed).run(
            self._runner, origin=self)

    def _loaded(self, waiting: list[WaitingSubmission]) -> None:
        chosen = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self.waiting = waiting
        self.list.blockSignals(True)
        self.list.clear()
        for entry in waiting:
            item = QListWidgetItem(self._line(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.submission_id)
            if entry.disagreements and entry.decision is None:
                item.setBackground(QBrush(tint(self.list, "#fbecc6", "#5c4512")))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.stack.setCurrentIndex(1 if waiting else 0)
        row = next((i for i, w in enumerate(waiting) if w.submission_id == chosen), None)
        if row is not None:
            self.list.setCurrentRow(row)
        else:
            self.right.setCurrentIndex(0)

    def _line(self, entry: WaitingSubmission) -> str:
        reviews = self.tr("%1 of %2 reviews in").replace("%1", str(entry.reviews_in)).replace(
            "%2", str(entry.reviews_assigned))
        received = (date_time_text(entry.received_at)
                    if entry.received_at is not None else "")
        lines = [entry.name, self.tr("Attempt %1 · received %2").replace(
            "%1", str(entry.attempt)).replace("%2", received), reviews]
        if entry.disagreements:
            lines.append(self.tr("Disagree across the passing level on %n criterion(s)", "",
                                 entry.disagreements))
        elif entry.ready:
            lines.append(self.tr("Ready to decide"))
        if entry.decision is not None:
            lines.append(self._decision_words(entry.decision))
        return "\n".join(lines)

    def _decision_words(self, decision: QueuedDecision) -> str:
        status, error = decision.status, decision.error
        if status is DecisionStatus.QUEUED:
            said = self.tr("Decision queued: goes out with the next sync")
        elif status is DecisionStatus.SENT:
            said = self.tr("Decision sent")
        else:
            said = self.tr("The issuer refused the decision: %1").replace("%1", error)
        use = decision.calibration
        if use is CalibrationUse.QUEUED and status is not DecisionStatus.REFUSED:
            said += "\n" + self.tr("Then it joins the calibration set")
        elif use is CalibrationUse.ADDED:
            said += "\n" + self.tr("In the calibration set")
        elif use is CalibrationUse.REFUSED and status is not DecisionStatus.REFUSED:
            said += "\n" + self.tr("Not added to the calibration set: %1").replace(
                "%1", decision.calibration_error)
        return said

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return data if isinstance(data, str) else None

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        chosen = self.selected_id()
        entry = next((w for w in self.waiting if w.submission_id == chosen), None)
        if entry is None or self._workspace is None:
            self.right.setCurrentIndex(0)
            return
        ops.load_detail(self._workspace, entry).success(self._show).failure(
            self._failed).run(self._runner, origin=self)

    def _show(self, detail: ops.Detail) -> None:
        if detail.waiting.submission_id != self.selected_id():
            return  # the choice moved on while this was read
        self.detail = detail
        view = detail.view
        self.title.setText(self.tr("%1 — attempt %2").replace("%1", view.name).replace(
            "%2", str(view.attempt)))
        decision = detail.waiting.decision
        self.status.setText(self._decision_words(decision) if decision is not None else "")
        self.side.show_view(view)
        if decision is not None:
            self.composer.show_view(
                view, list(decision.feedback), decision.state, decision.override_reason,
                calibrate=decision.calibration is not CalibrationUse.NONE)
        else:
            self.composer.show_view(view)
        self.right.setCurrentIndex(1)

    # -- evidence -----------------------------------------------------------------------

    def show_evidence(self, comment_id: str) -> None:
        if self._workspace is None or self.detail is None:
            return
        ops.evidence_at(self._workspace, self.detail.waiting, comment_id).success(
            self._evidence_ready).failure(self._failed).run(self._runner, origin=self)

    def _evidence_ready(self, found: ops.EvidenceAt) -> None:
        if self.evidence_dialog is None:
            self.evidence_dialog = EvidenceDialog(self._runner, self)
        self.evidence_dialog.show_at(found.piece, found.comments, found.comment_id)
        self.evidence_dialog.show()

    # -- deciding -----------------------------------------------------------------------

    def _queue(self, state: str, feedback: list[CriterionFeedbackDraft], reason: str,
               calibrate: bool) -> None:
        if self._workspace is None or self.detail is None:
            return
        waiting = self.detail.waiting
        self._select_after_load = waiting.submission_id
        ops.queue(self._workspace, waiting, state, feedback, reason or None,
                  calibrate=calibrate).success(
            self._queued).failure(self._failed).run(self._runner, origin=self)

    def _queued(self, _decision: object) -> None:
        self.notice.emit(self.tr("Decision queued: it goes to the issuer with the next sync."),
                         Tone.INFO)
        self.refresh()
