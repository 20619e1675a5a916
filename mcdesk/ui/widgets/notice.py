"""A non-blocking notice bar for results and user errors, instead of modal dialogs; GUI thread."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class Tone(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_TONE_COLORS = {
    Tone.INFO: ("#e7f1fb", "#1d4f7a", "#8fb8dc"),
    Tone.WARNING: ("#fff4dc", "#6b4a00", "#e0c27a"),
    Tone.ERROR: ("#fde8e8", "#8a1c1c", "#e3a0a0"),
}


class NoticeBar(QFrame):
    """One line (or a few) across the top of a page; closes itself after a while unless it is
    an error, which stays until the user closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self._label = QLabel()
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Close notice"))
        close.setToolTip(self.tr("Close"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    def show_message(self, text: str, tone: Tone = Tone.INFO, *, seconds: int = 12) -> None:
        background, foreground, border = _TONE_COLORS[tone]
        self.setStyleSheet(
            f"#noticeBar {{ background: {background}; border: 1px solid {border}; "
            f"border-radius: 4px; }} #noticeBar QLabel {{ color: {foreground}; }}"
        )
        self._label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        self._timer.stop()
        if tone is not Tone.ERROR:
            self._timer.start(seconds * 1000)
