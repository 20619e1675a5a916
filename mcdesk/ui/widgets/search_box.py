"""A search field that asks for results once typing pauses, not at every keystroke; GUI
thread."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchBox(QLineEdit):
    """`search_changed` is emitted `delay_ms` after the last change of the words."""

    search_changed = Signal(str)

    def __init__(self, placeholder: str, accessible_name: str, *, delay_ms: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(accessible_name)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.text()))
        self.textChanged.connect(lambda _text: self._timer.start())
