"""The "Trim video" dialog: pick where the new, shorter copy starts and ends; GUI thread."""

from __future__ import annotations

import math

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.evidence import Evidence, Trim
from mcdesk.core.units import clock
from mcdesk.ui.widgets.colors import warning_color

# The shortest clip the dialog allows, in seconds.
MIN_LENGTH_S = 1.0


def _to_time(seconds: float) -> QTime:
    return QTime(0, 0).addSecs(max(0, math.floor(seconds)))


def _to_seconds(time: QTime) -> int:
    return QTime(0, 0).secsTo(time)


class TrimDialog(QDialog):
    """Asks for a start and an end within the video; request() gives the Trim to make."""

    changed = Signal()

    def __init__(self, evidence: Evidence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trim video"))
        self.setMinimumWidth(460)
        duration = evidence.media.duration_s if evidence.media else None
        self._duration = float(duration) if duration and duration > 0 else 0.0
        self._last_second = math.floor(self._duration)
        hours = self._duration >= 3600
        display = "h:mm:ss" if hours else "mm:ss"

        intro = QLabel(self.tr(
            "Keep only the part of “%1” you need. mcdesk makes a new, shorter copy; your "
            "original stays untouched.").replace("%1", evidence.title))
        intro.setWordWrap(True)

        self.start_edit = QTimeEdit()
        self.end_edit = QTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat(display)
            edit.setTimeRange(QTime(0, 0), _to_time(self._duration))
            edit.setCurrentSection(QTimeEdit.Section.MinuteSection)
        self.start_edit.setAccessibleName(self.tr("Start"))
        self.end_edit.setAccessibleName(self.tr("End"))
        self.start_edit.setTime(QTime(0, 0))
        self.end_edit.setTime(_to_time(self._duration))
        hint = self.tr("hours:minutes:seconds") if hours else self.tr("minutes:seconds")
        self.start_edit.setToolTip(hint)
        self.end_edit.setToolTip(hint)

        start_row = QHBoxLayout()
        start_row.addWidget(self.start_edit)
        self.from_beginning = QPushButton(self.tr("From the beginning"))
        self.from_beginning.clicked.connect(lambda: self.start_edit.setTime(QTime(0, 0)))
        start_row.addWidget(self.from_beginning)
        start_row.addStretch(1)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_edit)
        self.to_end = QPushButton(self.tr("To the end"))
        self.to_end.clicked.connect(lambda: self.end_edit.setTime(_to_time(self._duration)))
        end_row.addWidget(self.to_end)
        end_row.addStretch(1)
        for button in (self.from_beginning, self.to_end):
            button.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("&Start at:"), start_row)
        form.addRow(self.tr("&End at:"), end_row)
        start_label = form.labelForField(start_row)
        end_label = form.labelForField(end_row)
        if isinstance(start_label, QLabel):
            start_label.setBuddy(self.start_edit)
        if isinstance(end_label, QLabel):
            end_label.setBuddy(self.end_edit)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setObjectName("trimResult")

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Make trimmed copy"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.start_edit.timeChanged.connect(self._update)
        self.end_edit.timeChanged.connect(self._update)
        self._update()

    @property
    def duration_s(self) -> float:
        return self._duration

    def start_s(self) -> float:
        return float(_to_seconds(self.start_edit.time()))

    def end_s(self) -> float:
        """The chosen end; the last whole second shown means the very end of the video."""
        end = _to_seconds(self.end_edit.time())
        return self._duration if end >= self._last_second else float(end)

    def is_valid(self) -> bool:
        """At least one second long, and shorter than the whole video."""
        whole = self.start_s() == 0 and self.end_s() >= self._duration
        return (self._duration > 0 and self.end_s() >= self.start_s() + MIN_LENGTH_S
                and not whole)

    def request(self) -> Trim:
        """The trim to make; only meaningful when the dialog was accepted (is_valid())."""
        return Trim(start_s=self.start_s(), end_s=self.end_s())

    def accept(self) -> None:
        if self.is_valid():
            super().accept()

    def _update(self) -> None:
        valid = self.is_valid()
        self.ok_button.setEnabled(valid)
        if self._duration <= 0:
            text = self.tr("mcdesk does not know how long this video is, so it cannot trim "
                           "it. Check the portfolio, or add the video again.")
        elif self.end_s() < self.start_s() + MIN_LENGTH_S:
            text = self.tr("The end must be at least one second after the start.")
        elif not valid:
            text = self.tr("The whole video is chosen (%1): move the start or the end to "
                           "cut something off.").replace("%1", clock(self._duration))
        else:
            text = self.tr("The new video will be %1 long (the original is %2).").replace(
                "%1", clock(self.end_s() - self.start_s())).replace("%2", clock(self._duration))
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if valid else f"color: {warning_color(self)};")
        self.changed.emit()
