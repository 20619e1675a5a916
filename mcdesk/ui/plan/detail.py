"""The parts of the Plan place around its list: the reminder banner, the stack goal box with its
progress, and the chosen micro-credential's detail with what to do next; GUI thread."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.plan import Due, GoalProgress, PlanItem, PlanState
from mcdesk.ui.plan.words import (
    OVERDUE_COLOUR,
    STATE_COLOURS,
    due_words,
    long_date,
    reminder_text,
    state_explained,
    state_words,
)
from mcdesk.ui.widgets.locale_text import decimal_text

# The notice bar's warning colours, so a reminder looks like the window's other notices.
BANNER_STYLE = ("#reminderBanner { background: #fff4dc; border: 1px solid #e0c27a; "
                "border-radius: 4px; } #reminderBanner QLabel { color: #6b4a00; }")


class ReminderBanner(QFrame):
    """What is overdue or due soon and not sent yet; hidden when nothing presses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text()

    def show_reminders(self, items: Sequence[PlanItem], remind_days: int) -> None:
        if not items:
            self.hide()
            return
        lines = [html.escape(reminder_text(items[:1], remind_days)) if len(items) == 1 else
                 html.escape(self.tr("%n micro-credential(s) need you soon:", "", len(items)))]
        if len(items) > 1:
            for item in items:
                style = f" style='color:{OVERDUE_COLOUR}'" if item.due is Due.OVERDUE else ""
                lines.append(f"• <b>{html.escape(item.title)}</b> — <span{style}>"
                             f"{html.escape(due_words(item))}</span> "
                             f"({html.escape(long_date(item.target))}), "
                             f"{html.escape(state_words(item.state).lower())}")
        self.label.setText("<br>".join(lines))
        self.setAccessibleDescription(self.label.text())
        self.show()


class GoalBox(QFrame):
    """The stack goal: its progress ("2 of 4 earned"), its date, the members not planned."""

    choose_requested = Signal()
    clear_requested = Signal()
    add_rest_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(160)
        self.progress.setMaximumWidth(260)
        self.progress.setAccessibleName(self.tr("Progress towards your stack goal"))
        self.rest = QLabel()
        self.rest.setWordWrap(True)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_requested)
        self.clear_button = QPushButton(self.tr("No goal"))
        self.clear_button.setToolTip(self.tr("Stop aiming for this stack (your plan stays)"))
        self.clear_button.clicked.connect(self.clear_requested)
        self.add_rest_button = QPushButton(self.tr("Add the rest to my plan"))
        self.add_rest_button.setToolTip(self.tr(
            "Put the stack's micro-credentials you have not planned nor earned in your plan"))
        self.add_rest_button.clicked.connect(self.add_rest_requested)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)
        top.addWidget(self.choose_button)
        top.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.rest, 1)
        bottom.addWidget(self.add_rest_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.show_goal(None, date.today())

    def show_goal(self, goal: GoalProgress | None, today: date) -> None:
        has = goal is not None
        for widget in (self.progress, self.clear_button):
            widget.setVisible(has)
        self.choose_button.setText(self.tr("Change…") if has else self.tr(
            "Choose a stack goal…"))
        if goal is None:
            self.title.setText(self.tr("No stack goal yet: choose a stack of the catalog to "
                                       "complete, and follow it here."))
            self.rest.hide()
            self.add_rest_button.hide()
            return
        if not goal.in_catalog:
            self.title.setText(self.tr("Your stack goal is no longer in the catalog."))
            self.progress.hide()
            self.rest.hide()
            self.add_rest_button.hide()
            return
        words = f"<b>{html.escape(goal.name)}</b>"
        if goal.target is not None:
            late = goal.target < today and goal.earned < goal.total
            when = html.escape(self.tr("by %1").replace("%1", long_date(goal.target)))
            words += (f" — <span style='color:{OVERDUE_COLOUR}'>{when}</span>" if late
                      else f" — {when}")
        self.title.setText(self.tr("Stack goal: %1").replace("%1", words))
        self.progress.setRange(0, max(1, goal.total))
        self.progress.setValue(goal.earned)
        self.progress.setFormat(self.tr("%1 of %2 earned").replace("%1", str(goal.earned))
                                .replace("%2", str(goal.total)))
        names = [name for _i, name in goal.not_in_plan]
        self.rest.setText(self.tr("Not in your plan yet: %1").replace("%1", ", ".join(names))
                          if names else self.tr("Every micro-credential of the stack is in "
                                                "your plan or earned."))
        self.rest.show()
        self.add_rest_button.setVisible(bool(names))


class PlanDetail(QWidget):
    """One planned micro-credential: its state in words, its date, its hours, what next."""

    start_draft_requested = Signal(str)
    open_draft_requested = Signal(str)
    catalog_requested = Signal(str)
    move_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: PlanItem | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.explained = QLabel()
        self.explained.setWordWrap(True)
        self.when = QLabel()
        self.when.setWordWrap(True)
        self.when.setTextFormat(Qt.TextFormat.RichText)
        self.hours = QLabel()
        self.hours.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start a draft"))
        self.start_button.clicked.connect(lambda: self._emit(self.start_draft_requested))
        self.open_button = QPushButton(self.tr("Open the draft"))
        self.open_button.clicked.connect(self._open_draft)
        self.catalog_button = QPushButton(self.tr("Read it in the Catalog"))
        self.catalog_button.clicked.connect(lambda: self._emit(self.catalog_requested))
        self.move_button = QPushButton(self.tr("Move the date…"))
        self.move_button.clicked.connect(lambda: self._emit(self.move_requested))
        self.remove_button = QPushButton(self.tr("Take out of the plan"))
        self.remove_button.setToolTip(self.tr("Its drafts and badges stay where they are"))
        self.remove_button.clicked.connect(lambda: self._emit(self.remove_requested))
        actions = QHBoxLayout()
        for button in (self.start_button, self.open_button, self.catalog_button):
            actions.addWidget(button)
        actions.addStretch(1)
        changes = QHBoxLayout()
        changes.addWidget(self.move_button)
        changes.addWidget(self.remove_button)
        changes.addStretch(1)
        self.hint = QLabel(self.tr("Choose a micro-credential on the left to see where it is."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.content = QWidget()
        body = QVBoxLayout(self.content)
        body.setContentsMargins(8, 0, 0, 0)
        for widget in (self.title, self.state, self.explained, self.when, self.hours):
            body.addWidget(widget)
        body.addSpacing(8)
        body.addLayout(actions)
        body.addLayout(changes)
        body.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.hint, 1)
        self.show_item(None, None)

    def show_item(self, item: PlanItem | None, rule_name: str | None) -> None:
        self.item = item
        self.content.setVisible(item is not None)
        self.hint.setVisible(item is None)
        if item is None:
            return
        self.title.setText(item.title)
        facts = [html.escape(item.detail)] if item.detail else []
        if item.criteria_total:
            facts.append(html.escape(self.tr("%1 of %2 criteria done").replace(
                "%1", str(item.criteria_done)).replace("%2", str(item.criteria_total))))
        self.state.setText(
            f"<span style='color:{STATE_COLOURS[item.state]}; font-weight:bold'>● "
            f"{html.escape(state_words(item.state))}</span>"
            + (" · " + " · ".join(facts) if facts else ""))
        self.explained.setText(state_explained(item.state)
                               + ("" if item.in_catalog else " " + self.tr(
                                   "It is no longer in your catalog.")))
        when = html.escape(self.tr("Send it by %1").replace("%1", long_date(item.target)))
        due = due_words(item)
        if due:
            colour = OVERDUE_COLOUR if item.due is Due.OVERDUE else "#b26a00"
            when += f" — <span style='color:{colour}; font-weight:bold'>{html.escape(due)}</span>"
        self.when.setText(when)
        if item.hours is not None and rule_name:
            words = self.tr("Counts for %1 in-service hours under %2.").replace(
                "%1", decimal_text(item.hours)).replace("%2", rule_name)
            if item.hours_note:
                words += " (" + item.hours_note + ")"
        else:
            words = self.tr("No hours shown: %1.").replace("%1", item.hours_note) \
                if item.hours_note else ""
        self.hours.setText(words)
        self.hours.setVisible(bool(words))
        self.start_button.setVisible(item.state is PlanState.STUDYING and item.in_catalog)
        self.open_button.setVisible(item.draft_id is not None)
        self.open_button.setText(self.tr("Read the feedback") if item.state is PlanState.NOT_YET
                                 else self.tr("Open the draft"))
        self.catalog_button.setVisible(item.in_catalog)
        self.move_button.setEnabled(item.in_catalog and item.state is not PlanState.EARNED)

    def _emit(self, signal: SignalInstance) -> None:
        if self.item is not None:
            signal.emit(self.item.achievement_id)

    def _open_draft(self) -> None:
        if self.item is not None and self.item.draft_id is not None:
            self.open_draft_requested.emit(self.item.draft_id)
