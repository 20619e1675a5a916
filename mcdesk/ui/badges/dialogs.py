"""The Badges place's dialogs: a transcript's date range and format, and the recognition rules
editor (per district or state: hours per micro-credential or the catalog's, a cap per year);
GUI thread (the page saves through its operations)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.credentials import RecognitionRule
from mcdesk.ui.widgets.colors import warning_color


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class TranscriptDialog(QDialog):
    """Asks for the date range and CSV or PDF; the page then asks where to save."""

    def __init__(self, today: date, rule_name: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Transcript of in-service hours"))
        self.start = QDateEdit(_qdate(date(today.year, 1, 1)))
        self.end = QDateEdit(_qdate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.csv = QRadioButton(self.tr("Spreadsheet (CSV)"))
        self.pdf = QRadioButton(self.tr("Document to print or send (PDF)"))
        self.pdf.setChecked(True)
        formats = QVBoxLayout()
        formats.addWidget(self.pdf)
        formats.addWidget(self.csv)
        rule = QLabel(self.tr("Hours are counted under %1.").replace("%1", rule_name)
                      if rule_name else self.tr(
                          "No recognition rule is set, so the transcript counts no hours. "
                          "Set one with Recognition rules…"))
        rule.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.tr("As"), formats)
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {warning_color(self)};")
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(rule)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @property
    def range(self) -> tuple[date, date]:
        return _date(self.start.date()), _date(self.end.date())

    @property
    def suffix(self) -> str:
        return ".csv" if self.csv.isChecked() else ".pdf"

    def _accept(self) -> None:
        start, end = self.range
        if end < start:
            self.problem.setText(self.tr("The range ends before it starts."))
            self.problem.show()
            return
        self.accept()


class RulesDialog(QDialog):
    """Recognition rules: pick one to edit, or add one; the active one decides the hours."""

    save_requested = Signal(object)  # RecognitionRule
    delete_requested = Signal(int)

    def __init__(self, rules: Sequence[RecognitionRule], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recognition rules"))
        self._rules: list[RecognitionRule] = []
        intro = QLabel(self.tr(
            "How your district or state turns micro-credentials into in-service hours. "
            "The active rule counts the hours shown in Badges and in transcripts."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Rules"))
        self.list.currentRowChanged.connect(self._chosen)
        self.add_button = QPushButton(self.tr("New rule"))
        self.add_button.clicked.connect(self._new)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._delete)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Riverbend Unified School District"))
        self.from_catalog = QCheckBox(self.tr("Use the hours each micro-credential's catalog "
                                              "entry gives"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 1000)
        self.hours.setDecimals(1)
        self.hours.setValue(3)
        self.hours.setSuffix(self.tr(" hours"))
        self.from_catalog.toggled.connect(lambda on: self.hours.setEnabled(not on))
        self.capped = QCheckBox(self.tr("At most"))
        self.cap = QDoubleSpinBox()
        self.cap.setRange(0, 10000)
        self.cap.setDecimals(1)
        self.cap.setValue(12)
        self.cap.setSuffix(self.tr(" hours a year"))
        self.cap.setEnabled(False)
        self.capped.toggled.connect(self.cap.setEnabled)
        cap_row = QHBoxLayout()
        cap_row.addWidget(self.capped)
        cap_row.addWidget(self.cap, 1)
        self.verified_only = QCheckBox(self.tr("Count only credentials that verified"))
        self.verified_only.setChecked(True)
        self.active = QCheckBox(self.tr("Active (the rule used for hours)"))
        self.active.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Per micro-credential"), self.hours)
        form.addRow("", self.from_catalog)
        form.addRow(self.tr("Cap"), cap_row)
        form.addRow("", self.verified_only)
        form.addRow("", self.active)
        self.save_button = QPushButton(self.tr("Save rule"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save)
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {warning_color(self)};")
        self.problem.hide()
        side = QVBoxLayout()
        side.addWidget(self.list, 1)
        side_buttons = QHBoxLayout()
        side_buttons.addWidget(self.add_button)
        side_buttons.addWidget(self.delete_button)
        side.addLayout(side_buttons)
        editor = QVBoxLayout()
        editor.addLayout(form)
        editor.addWidget(self.problem)
        editor.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        editor.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(side, 2)
        row.addLayout(editor, 3)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        self.resize(640, 360)
        self.set_rules(rules)

    def set_rules(self, rules: Sequence[RecognitionRule],
                  select: int | None = None) -> None:
        self._rules = list(rules)
        self.list.blockSignals(True)
        self.list.clear()
        for rule in self._rules:
            label = rule.name + (" " + self.tr("(active)") if rule.active else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [rule.id for rule in self._rules]
        if select in ids:
            self.list.setCurrentRow(ids.index(select))
        elif self._rules:
            self.list.setCurrentRow(0)
        else:
            self._new()
        self.delete_button.setEnabled(bool(self._rules))

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self._rules):
            return
        rule = self._rules[row]
        self.name.setText(rule.name)
        self.from_catalog.setChecked(rule.hours_per_credential is None)
        if rule.hours_per_credential is not None:
            self.hours.setValue(rule.hours_per_credential)
        self.capped.setChecked(rule.cap_per_year is not None)
        if rule.cap_per_year is not None:
            self.cap.setValue(rule.cap_per_year)
        self.verified_only.setChecked(rule.verified_only)
        self.active.setChecked(rule.active)
        self.problem.hide()

    def _new(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.name.clear()
        self.from_catalog.setChecked(False)
        self.hours.setValue(3)
        self.capped.setChecked(False)
        self.verified_only.setChecked(True)
        self.active.setChecked(True)
        self.name.setFocus()

    def current_rule(self) -> RecognitionRule:
        row = self.list.currentRow()
        rule_id = self._rules[row].id if 0 <= row < len(self._rules) else None
        return RecognitionRule(
            id=rule_id, name=self.name.text().strip(),
            hours_per_credential=None if self.from_catalog.isChecked() else self.hours.value(),
            cap_per_year=self.cap.value() if self.capped.isChecked() else None,
            active=self.active.isChecked(), verified_only=self.verified_only.isChecked())

    def _save(self) -> None:
        rule = self.current_rule()
        if not rule.name:
            self.show_problem(self.tr("Give the rule a name, e.g. your district's."))
            return
        self.problem.hide()
        self.save_requested.emit(rule)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _delete(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._rules) and self._rules[row].id is not None:
            rule_id = self._rules[row].id
            assert rule_id is not None
            self.delete_requested.emit(rule_id)
