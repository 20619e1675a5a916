"""The empty state a place shows when it has nothing to list: words that teach what goes there,
and the button that starts it, centred a little above the middle; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# The empty state's words are kept to about this many characters a line beside the list.
READABLE_CHARS = 80


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


class DetailPlaceholder(QStackedWidget):
    """What a place's detail side shows while nothing on the left is chosen: `hint` (pick one
    on the left) while the left lists something; while it lists nothing, the place's `empty`
    state (what goes there, and the button that starts it), in the detail side's width
    rather than the list's narrow column, at a width that reads well. The "nothing listed"
    page is added to `lists` after its list: a place shows it with setCurrentIndex(1)."""

    def __init__(self, hint: QLabel, empty: QWidget, lists: QStackedWidget) -> None:
        super().__init__()
        self._lists = lists
        self._nothing = QWidget()
        lists.addWidget(self._nothing)
        column = QWidget()
        row = QHBoxLayout(column)
        # As wide as the side allows up to a readable line, centred.
        empty.setSizePolicy(QSizePolicy.Policy.Expanding, empty.sizePolicy().verticalPolicy())
        empty.setMaximumWidth(READABLE_CHARS * empty.fontMetrics().averageCharWidth())
        row.addWidget(empty, 1, Qt.AlignmentFlag.AlignHCenter)
        self.addWidget(hint)
        self.addWidget(column)
        lists.currentChanged.connect(self._follow)
        self._follow()

    def showing_empty(self) -> bool:
        """Whether the empty state shows (the left lists nothing)."""
        return self.currentIndex() == 1

    def _follow(self, _index: int = 0) -> None:
        self.setCurrentIndex(1 if self._lists.currentWidget() is self._nothing else 0)
