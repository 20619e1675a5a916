"""The empty state a place shows instead of its list: words that teach what goes there, and
the button that starts it, centred a little above the middle; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget


def empty_state(label: QLabel, button: QPushButton) -> QWidget:
    """A box holding `label` (made to wrap, centred) above `button`."""
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addStretch(1)
    layout.addWidget(label)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(2)
    return box


def hint_blank_while_empty(hint: QLabel, lists: QStackedWidget, empty: QWidget) -> None:
    """Keep the detail side's "pick one on the left" `hint` blank while `lists` shows its
    `empty` state: there is nothing on the left to pick then (the hint pointed at nothing,
    beside the words that say so)."""
    words = hint.text()

    def follow(_index: int) -> None:
        hint.setText("" if lists.currentWidget() is empty else words)

    lists.currentChanged.connect(follow)
    follow(lists.currentIndex())
