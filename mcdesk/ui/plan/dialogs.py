"""The Plan place's dialogs: a micro-credential and its target date (picked on a calendar),
and the stack goal; GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import CatalogEntry, Stack

# A first target a teacher can meet beside teaching: about two months.
DEFAULT_WEEKS = 8
MAX_YEARS_AHEAD = 10


def _date_edit(today: date, value: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setMinimumDate(QDate(today.year, today.month, today.day))
    edit.setMaximumDate(QDate(today.year + MAX_YEARS_AHEAD, 12, 31))
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def _python_date(edit: QDateEdit) -> date:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day())


class AddToPlanDialog(QDialog):
    """Add a micro-credential to the plan (or move its date). Given `entries`, the teacher
    picks which; given only `title`, it is the one named."""

    def __init__(self, today: date, *, title: str | None = None,
                 current: date | None = None, entries: Sequence[CatalogEntry] = (),
                 planned: frozenset[str] = frozenset(),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to your plan") if current is None
                            else self.tr("Move the target date"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Micro-credential"))
        for entry in entries:
            if entry.achievement_id not in planned:
                self.choice.addItem(entry.name, entry.achievement_id)
        default = current or self.default_target(today)
        self.target = _date_edit(today, max(default, today))
        self.target.setAccessibleName(self.tr("Target date"))
        self.target.setToolTip(self.tr("The day you aim to send your submission by; mcdesk "
                                       "reminds you as it nears"))
        form = QFormLayout()
        if title is not None:
            name = QLabel(f"<b>{title}</b>")
            name.setWordWrap(True)
            form.addRow(self.tr("Micro-credential:"), name)
        else:
            form.addRow(self.tr("&Micro-credential:"), self.choice)
        form.addRow(self.tr("&Send it by:"), self.target)
        hint = QLabel(self.tr("Pick the date on the calendar (the arrow opens it). You can "
                              "move it later in Plan."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Add to plan") if current is None else self.tr("Move the date"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if title is None and self.choice.count() == 0:
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            hint.setText(self.tr("Every micro-credential of your catalog is in your plan "
                                 "already."))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    @staticmethod
    def default_target(today: date) -> date:
        return today + timedelta(weeks=DEFAULT_WEEKS)

    def chosen(self) -> str | None:
        data = self.choice.currentData()
        return None if data is None else str(data)

    def target_date(self) -> date:
        return _python_date(self.target)


class GoalDialog(QDialog):
    """Choose the stack to complete and, if the teacher likes, a date for all of it."""

    def __init__(self, stacks: Sequence[Stack], today: date, *, current: str | None = None,
                 target: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your stack goal"))
        self.stack = QComboBox()
        self.stack.setAccessibleName(self.tr("Stack"))
        for stack in stacks:
            self.stack.addItem(self.tr("%1 (%n micro-credential(s))", "",
                                       len(stack.members)).replace("%1", stack.name), stack.id)
        if current is not None:
            self.stack.setCurrentIndex(max(0, self.stack.findData(current)))
        self.by_date = QCheckBox(self.tr("Complete it &by:"))
        self.by_date.setChecked(target is not None)
        self.target = _date_edit(today, target or today + timedelta(weeks=26))
        self.target.setAccessibleName(self.tr("Stack target date"))
        self.target.setEnabled(target is not None)
        self.by_date.toggled.connect(self.target.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("&Stack:"), self.stack)
        form.addRow(self.by_date, self.target)
        hint = QLabel(self.tr("A stack groups micro-credentials; when you earn every one, the "
                              "issuer can award the whole stack."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set the goal"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(stacks))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def chosen(self) -> str | None:
        data = self.stack.currentData()
        return None if data is None else str(data)

    def target_date(self) -> date | None:
        return _python_date(self.target) if self.by_date.isChecked() else None
