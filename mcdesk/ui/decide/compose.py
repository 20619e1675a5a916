"""Composing the decision: per rubric criterion the level and the earner's feedback (pre-filled
from the assessors', editable), the rubric rule's decision, an override with a written reason,
whether the submission then calibrates assessors, and Queue decision; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.staff import (
    CALIBRATION_NEEDS_LEVELS,
    EARNED,
    NOT_YET,
    CriterionFeedbackDraft,
    CriterionRow,
    SideBySide,
    check_decision,
)
from mcdesk.ui.widgets.colors import text_colour


class CriterionEditor(QWidget):
    changed = Signal()

    def __init__(self, criterion: CriterionRow, level_id: str | None, feedback: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Level for %1").replace("%1", criterion.name))
        self.level.addItem(self.tr("— choose a level —"), None)
        for level in criterion.levels:
            self.level.addItem(level.name, level.id)
        index = self.level.findData(level_id)
        self.level.setCurrentIndex(max(index, 0))
        self.level.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.feedback = QPlainTextEdit(feedback)
        self.feedback.setAccessibleName(self.tr("Feedback for %1").replace("%1",
                                                                           criterion.name))
        self.feedback.setPlaceholderText(self.tr("What the teacher reads about this criterion"))
        self.feedback.setFixedHeight(64)
        self.feedback.setTabChangesFocus(True)  # prose: Tab moves on to the next criterion
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.level)
        layout.addWidget(self.feedback)

    def draft(self) -> CriterionFeedbackDraft:
        data = self.level.currentData()
        return CriterionFeedbackDraft(self.criterion.id, data if isinstance(data, str) else None,
                                      self.feedback.toPlainText().strip())


class Composer(QWidget):
    """Emits `queue_requested(state, feedback, reason, calibrate)` when the decision may go."""

    queue_requested = Signal(str, list, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: SideBySide | None = None
        self.editors: list[CriterionEditor] = []
        self.form_box = QWidget()
        self.form = QFormLayout(self.form_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_box)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.decision = QComboBox()
        self.decision.setAccessibleName(self.tr("Decision"))
        self.decision.addItem(self.tr("Earned"), EARNED)
        self.decision.addItem(self.tr("Not yet"), NOT_YET)
        self.decision.currentIndexChanged.connect(lambda _i: self._check())
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr(
            "Why you decide against the rubric, or before every review is in (recorded)"))
        # Two or three lines; less on a short screen (a laptop at 150 %) rather than overlap.
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(36)
        self.reason.setMaximumHeight(52)
        self.reason.textChanged.connect(self._check)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(f"color: {text_colour(self, '#8a3b00')}")
        self.calibrate = QCheckBox(self.tr("Use it to calibrate assessors"))
        self.calibrate.setToolTip(self.tr(
            "Once decided, the submission joins this micro-credential's calibration set: "
            "assessors score it, its files included, before they review live work, and your "
            "levels are the reference they are measured against."))
        self.calibrate.toggled.connect(lambda _on: self._check())
        self.queue_button = QPushButton(self.tr("Queue decision"))
        self.queue_button.setToolTip(self.tr("It goes to the issuer with the next sync"))
        self.queue_button.clicked.connect(self._queue)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Decision:")))
        row.addWidget(self.decision)
        row.addStretch(1)
        row.addWidget(self.calibrate)
        row.addWidget(self.queue_button)
        box = QGroupBox(self.tr("The earner's feedback"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box, 1)
        layout.addWidget(self.rule_label)
        layout.addLayout(row)
        layout.addWidget(self.reason)
        layout.addWidget(self.problems)

    def show_view(self, view: SideBySide, queued: list[CriterionFeedbackDraft] | None = None,
                  state: str | None = None, reason: str | None = None, *,
                  calibrate: bool = False) -> None:
        self.view = view
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = []
        start = {f.criterion_id: f for f in (queued or view.feedback)}
        for criterion in view.criteria:
            given = start.get(criterion.id)
            editor = CriterionEditor(criterion, given.level_id if given else
                                     criterion.reconciled_level_id,
                                     given.feedback if given else "")
            editor.changed.connect(self._check)
            self.editors.append(editor)
            label = QLabel(criterion.name)
            label.setWordWrap(True)
            self.form.addRow(label, editor)
        rule = self.rule()
        self.decision.blockSignals(True)
        self.decision.setCurrentIndex(max(0, self.decision.findData(state or rule or EARNED)))
        self.decision.blockSignals(False)
        self.reason.blockSignals(True)
        self.reason.setPlainText(reason or "")
        self.reason.blockSignals(False)
        self.calibrate.blockSignals(True)
        self.calibrate.setChecked(calibrate)
        self.calibrate.blockSignals(False)
        self._check()

    def drafts(self) -> list[CriterionFeedbackDraft]:
        return [editor.draft() for editor in self.editors]

    def rule(self) -> str | None:
        if self.view is None:
            return None
        return self.view.rule_for({d.criterion_id: d.level_id for d in self.drafts()}) \
            or self.view.rule

    def _check(self) -> None:
        view = self.view
        if view is None:
            return
        rule = self.rule()
        words = {EARNED: self.tr("Earned"), NOT_YET: self.tr("Not yet")}
        if rule is None:
            self.rule_label.setText(self.tr("The rubric rule needs a level for every "
                                            "criterion."))
        else:
            self.rule_label.setText(self.tr("By the rubric: %1.").replace("%1", words[rule]))
        if not view.ready:
            self.rule_label.setText(self.rule_label.text() + " " + self.tr(
                "%1 of %2 reviews are in.").replace("%1", str(view.reviews_in)).replace(
                "%2", str(view.reviews_assigned)))
        problems = check_decision(view, str(self.decision.currentData()), self.drafts(),
                                  self.reason.toPlainText(),
                                  calibrate=self.calibrate.isChecked())
        self.problems.setText("\n".join(self._words(p) for p in problems))
        self.queue_button.setEnabled(not problems)

    def _words(self, problem: str) -> str:
        if problem.startswith("not every review"):
            return self.tr("Not every review is in yet: write why you decide now.")
        if problem.startswith("the rubric makes this"):
            return self.tr("The rubric says otherwise: write why you decide against it.")
        if problem == CALIBRATION_NEEDS_LEVELS:
            return self.tr("To calibrate assessors with it, give every criterion a level: "
                           "they are the reference.")
        return problem

    def _queue(self) -> None:
        self.queue_requested.emit(str(self.decision.currentData()), self.drafts(),
                                  self.reason.toPlainText().strip(),
                                  self.calibrate.isChecked())
