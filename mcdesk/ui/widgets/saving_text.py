"""A text box that saves after typing stops (and when it is left): the teacher's answers, an
assessor's feedback; GUI thread (the save itself is the owner's write operation)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

AUTOSAVE_MS = 500
"""A keystroke reaches the disk within about a second."""


class SavingText(QPlainTextEdit):
    """`save_requested(text)` ~0.5 s after typing stops, when focus leaves, or on flush();
    only when the words differ from those last saved."""

    save_requested = Signal(str)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlainText(text)
        self.setTabChangesFocus(True)
        self._saved = text
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.textChanged.connect(self._timer.start)

    def set_saved_text(self, text: str, *, over_typing: bool = False) -> None:
        """Show words from storage without saving them again; never under the user's typing
        unless `over_typing` (a version the user chose to restore)."""
        if not over_typing and (self._timer.isActive() or self.toPlainText() == text):
            return
        self._timer.stop()
        self._saved = text
        self.blockSignals(True)
        self.setPlainText(text)
        self.blockSignals(False)

    def flush(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        if text != self._saved:
            self._saved = text
            self.save_requested.emit(text)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)
