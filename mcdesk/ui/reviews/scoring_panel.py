"""Scoring beside the evidence: a level and feedback for each rubric criterion with the comments
tagged to it gathered alongside, then the decision the rule gives and an override that needs a
reason; GUI thread (the owner saves the changes in jobs)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import RubricCriterion
from mcdesk.core.reviews import (
    EARNED,
    NOT_YET,
    Annotation,
    CommentKind,
    Review,
    ReviewSource,
)
from mcdesk.ui.widgets.saving_text import SavingText

translate = QCoreApplication.translate


def kind_word(kind: CommentKind) -> str:
    return {CommentKind.STRENGTH: translate("CriterionScoreBox", "strength"),
            CommentKind.QUESTION: translate("CriterionScoreBox", "question"),
            CommentKind.SUGGESTION: translate("CriterionScoreBox", "suggestion"),
            CommentKind.NOTE: translate("CriterionScoreBox", "note")}[kind]


class CriterionScoreBox(QGroupBox):
    """One rubric criterion: its levels (the passing one marked), feedback, tagged comments."""

    level_chosen = Signal(str, object)  # rubric criterion id, level id or None
    feedback_changed = Signal(str, str)
    comment_activated = Signal(str)

    def __init__(self, criterion: RubricCriterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.setAccessibleName(criterion.name)
        layout = QVBoxLayout(self)
        name = QLabel(f"<b>{escape(criterion.name)}</b>")
        name.setWordWrap(True)  # a long name must not widen the panel
        layout.addWidget(name)
        if criterion.description:
            about = QLabel(escape(criterion.description))
            about.setWordWrap(True)
            about.setObjectName("criterionAbout")
            layout.addWidget(about)
        self.levels = QButtonGroup(self)
        self.levels.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        for level in criterion.levels:
            passing = level.id == criterion.required_level_id
            text = level.name + (self.tr("  — passing level") if passing else "")
            button = QRadioButton(text)
            button.setToolTip(level.description or level.name)
            button.setAccessibleName(self.tr("%1: %2").replace("%1", criterion.name)
                                     .replace("%2", level.name))
            self.levels.addButton(button)
            self.buttons[level.id] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, lid=level.id: self._toggled(lid, on))
        self.level_text = QLabel()
        self.level_text.setWordWrap(True)
        self.level_text.setObjectName("levelText")
        layout.addWidget(self.level_text)
        feedback_label = QLabel(self.tr("Feedback for the earner on this criterion:"))
        feedback_label.setWordWrap(True)
        layout.addWidget(feedback_label)
        self.feedback = SavingText("")
        self.feedback.setAccessibleName(self.tr("Feedback: %1").replace("%1", criterion.name))
        self.feedback.setPlaceholderText(self.tr(
            "What was strong, what to work on. Draw from your comments below."))
        self.feedback.setMinimumHeight(72)
        self.feedback.setMaximumHeight(140)
        self.feedback.save_requested.connect(
            lambda text: self.feedback_changed.emit(self.criterion.id, text))
        layout.addWidget(self.feedback)
        self.comments_label = QLabel()
        self.comments_label.setWordWrap(True)
        layout.addWidget(self.comments_label)
        self.comments = QListWidget()
        self.comments.setAccessibleName(self.tr("Comments tagged %1").replace(
            "%1", criterion.name))
        self.comments.setWordWrap(True)
        self.comments.setMaximumHeight(110)
        self.comments.itemActivated.connect(self._activated)
        self.comments.itemClicked.connect(self._activated)
        layout.addWidget(self.comments)
        self.use_button = QPushButton(self.tr("Add the chosen comment to the feedback"))
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self._use_comment)
        self.comments.currentItemChanged.connect(
            lambda item, _p: self.use_button.setEnabled(item is not None and
                                                        not self.feedback.isReadOnly()))
        layout.addWidget(self.use_button)
        self._texts: dict[str, str] = {}
        self._showing = False

    def show_score(self, level_id: str | None, feedback: str,
                   comments: Sequence[Annotation], read_only: bool) -> None:
        self._showing = True
        try:
            button = self.buttons.get(level_id or "")
            if button is not None:
                button.setChecked(True)
            else:
                self.levels.setExclusive(False)
                for each in self.buttons.values():
                    each.setChecked(False)
                self.levels.setExclusive(True)
        finally:
            self._showing = False
        for each in self.buttons.values():
            each.setEnabled(not read_only)
        self.feedback.set_saved_text(feedback)
        self.feedback.setReadOnly(read_only)
        self._show_level_text(level_id)
        current = self.comments.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.comments.clear()
        self._texts = {}
        for comment in comments:
            item = QListWidgetItem(f"{comment.anchor.describe()} · {kind_word(comment.kind)}: "
                                   f"{comment.text}")
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            item.setToolTip(comment.text)
            self._texts[comment.id] = comment.text
            self.comments.addItem(item)
            if comment.id == keep:
                self.comments.setCurrentItem(item)
        self.comments_label.setText(
            self.tr("Your comments tagged with this criterion (%1):").replace(
                "%1", str(len(comments))) if comments else
            self.tr("No comments tagged with this criterion yet."))
        self.comments.setVisible(bool(comments))
        self.use_button.setVisible(bool(comments))
        self.use_button.setEnabled(not read_only and self.comments.currentItem() is not None)

    def _toggled(self, level_id: str, on: bool) -> None:
        if on and not self._showing:
            self._show_level_text(level_id)
            self.level_chosen.emit(self.criterion.id, level_id)

    def _show_level_text(self, level_id: str | None) -> None:
        level = next((lv for lv in self.criterion.levels if lv.id == level_id), None)
        if level is None:
            self.level_text.setText(self.tr("Choose a level."))
            return
        passes = self.criterion.passes(level.id)
        verdict = self.tr("reaches the passing level") if passes else self.tr(
            "below the passing level")
        self.level_text.setText(escape(level.description or level.name) + f" <i>({verdict})</i>")

    def _activated(self, item: QListWidgetItem) -> None:
        self.comment_activated.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _use_comment(self) -> None:
        item = self.comments.currentItem()
        if item is None:
            return
        text = self._texts.get(str(item.data(Qt.ItemDataRole.UserRole)), "")
        current = self.feedback.toPlainText().rstrip()
        self.feedback.setPlainText(f"{current}\n{text}".strip() if current else text)
        self.feedback.flush()


class DecisionBox(QGroupBox):
    """The rule's decision, an override with its reason, and the way to finish."""

    override_changed = Signal(object, str)  # decision or None, reason
    finish_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Decision"), parent)
        layout = QVBoxLayout(self)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.rule_label)
        self.override = QCheckBox(self.tr("Decide differently from the rubric"))
        self.override.toggled.connect(self._override_toggled)
        layout.addWidget(self.override)
        self.override_choice = QComboBox()
        self.override_choice.setAccessibleName(self.tr("Your decision"))
        self.override_choice.addItem(self.tr("Earned"), EARNED)
        self.override_choice.addItem(self.tr("Not yet"), NOT_YET)
        self.override_choice.activated.connect(lambda _i: self._emit_override())
        self.reason = SavingText("")
        self.reason.setAccessibleName(self.tr("Why you decide differently"))
        self.reason.setPlaceholderText(self.tr(
            "Why you decide differently from the rubric (required; the issuer reads it)."))
        self.reason.setMaximumHeight(90)
        self.reason.save_requested.connect(lambda _t: self._emit_override())
        self.override_area = QWidget()
        override_layout = QVBoxLayout(self.override_area)
        override_layout.setContentsMargins(18, 0, 0, 0)
        override_layout.addWidget(self.override_choice)
        override_layout.addWidget(self.reason)
        layout.addWidget(self.override_area)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setObjectName("finishProblems")
        layout.addWidget(self.problems)
        buttons = QVBoxLayout()
        self.finish_button = QPushButton(self.tr("Finish and send"))
        self.finish_button.setToolTip(self.tr(
            "Lock the review and send it with the next sync"))
        self.finish_button.clicked.connect(self.finish_requested)
        self.export_button = QPushButton(self.tr("Export review file…"))
        self.export_button.setToolTip(self.tr(
            "Save the finished review as a file to carry to the issuer by hand"))
        self.export_button.clicked.connect(self.export_requested)
        buttons.addWidget(self.finish_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self._showing = False

    def show_decision(self, review: Review, rule: str | None, problems: Sequence[str],
                      *, can_send: bool) -> None:
        words = {EARNED: self.tr("Earned"), NOT_YET: self.tr("Not yet")}
        if rule is None:
            self.rule_label.setText(self.tr(
                "<b>By the rubric:</b> choose a level for every criterion to see the decision."))
        else:
            self.rule_label.setText(self.tr("<b>By the rubric: %1</b> (earned when every "
                                            "criterion reaches its passing level)")
                                    .replace("%1", words[rule]))
        self._showing = True
        try:
            overriding = review.override_decision is not None
            self.override.setChecked(overriding)
            if overriding:
                self.override_choice.setCurrentIndex(
                    max(0, self.override_choice.findData(review.override_decision)))
            self.reason.set_saved_text(review.override_reason)
        finally:
            self._showing = False
        self.override_area.setVisible(self.override.isChecked())
        read_only = review.locked
        for widget in (self.override, self.override_choice):
            widget.setEnabled(not read_only)
        self.reason.setReadOnly(read_only)
        if problems and not read_only:
            self.problems.setText(self.tr("Before you finish: %1.").replace(
                "%1", "; ".join(problems)))
        else:
            self.problems.setText("")
        self.problems.setVisible(bool(self.problems.text()))
        self.finish_button.setVisible(can_send)
        self.finish_button.setEnabled(not read_only and not problems)
        self.export_button.setEnabled(not problems or read_only)
        # A calibration item's levels go to its server only: a review file has no reader.
        self.export_button.setVisible(review.source is not ReviewSource.CALIBRATION)

    def _override_toggled(self, on: bool) -> None:
        self.override_area.setVisible(on)
        if not self._showing:
            self._emit_override()

    def _emit_override(self) -> None:
        if self._showing:
            return
        decision = self.override_choice.currentData() if self.override.isChecked() else None
        self.override_changed.emit(decision, self.reason.toPlainText())


class ScoringPanel(QScrollArea):
    """Every rubric criterion's score box, then the decision box."""

    level_chosen = Signal(str, object)
    feedback_changed = Signal(str, str)
    comment_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rubric"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        self.boxes: dict[str, CriterionScoreBox] = {}
        self.decision = DecisionBox()
        self._rubric_key: tuple[str, ...] = ()
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self._heading = QLabel(self.tr("<b>Rubric</b>"))
        self._layout.addWidget(self._heading)
        self._layout.addWidget(self.decision)
        self._layout.addStretch(1)
        self.setWidget(self._content)

    def show_review(self, review: Review, rubric: Sequence[RubricCriterion], rule: str | None,
                    problems: Sequence[str], *, can_send: bool) -> None:
        key = tuple(c.id for c in rubric)
        if key != self._rubric_key:
            self._rebuild(rubric)
        for criterion in rubric:
            score = review.score(criterion.id)
            self.boxes[criterion.id].show_score(score.level_id, score.feedback,
                                                review.comments_for(criterion.id),
                                                review.locked)
        self.decision.show_decision(review, rule, problems, can_send=can_send)

    def _rebuild(self, rubric: Sequence[RubricCriterion]) -> None:
        for box in self.boxes.values():
            box.feedback.flush()
            self._layout.removeWidget(box)
            box.deleteLater()
        self.boxes = {}
        for index, criterion in enumerate(rubric):
            box = CriterionScoreBox(criterion)
            box.level_chosen.connect(self.level_chosen)
            box.feedback_changed.connect(self.feedback_changed)
            box.comment_activated.connect(self.comment_activated)
            self.boxes[criterion.id] = box
            self._layout.insertWidget(1 + index, box)
        self._rubric_key = tuple(c.id for c in rubric)
        self._heading.setText(self.tr("<b>Rubric</b> — %1 criteria").replace(
            "%1", str(len(rubric))) if rubric else self.tr(
            "<b>Rubric</b> — this micro-credential's rubric is not in your catalog."))

    def show_criterion(self, rubric_criterion_id: str) -> None:
        box = self.boxes.get(rubric_criterion_id)
        if box is not None:
            self.ensureWidgetVisible(box)

    def flush(self) -> None:
        for box in self.boxes.values():
            box.feedback.flush()
        self.decision.reason.flush()

    @property
    def pending(self) -> bool:
        return any(b.feedback.pending for b in self.boxes.values()) or \
            self.decision.reason.pending
