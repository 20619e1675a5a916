"""The empty state a place shows when it has nothing to list: words that teach what goes there,
and the button that starts it, centred a little above the middle; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

# The empty state's words are kept to about this many characters a line.
READABLE_CHARS = 80
# The words' share of a row's width against each side's 1: all of it up to a readable line.
WORDS_STRETCH = 1000


def empty_state(label: QLabel, button: QPushButton | None = None) -> QWidget:
    """A box holding `label` above `button` (if any): the words wrap, centred, as wide as the
    box allows up to a readable line (a whole place's width made lines of 150 characters)."""
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMaximumWidth(READABLE_CHARS * label.fontMetrics().averageCharWidth())
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.addStretch(1)
    # Centred between two stretches that take only what the words leave: aligned in the
    # column instead, the words were laid out for another width and lost their last lines.
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(label, WORDS_STRETCH)
    row.addStretch(1)
    layout.addLayout(row)
    if button is not None:
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(2)
    return box


class DetailPlaceholder(QStackedWidget):
    """What a place's detail side shows while nothing on the left is chosen: `hint` (pick one
    on the left) while the left lists something; while it lists nothing, the place's `empty`
    state (an `empty_state` box), in the detail side's width rather than the list's narrow
    column. The "nothing listed" page is added to `lists` after its list: a place shows it
    with setCurrentIndex(1)."""

    def __init__(self, hint: QLabel, empty: QWidget, lists: QStackedWidget) -> None:
        super().__init__()
        self._lists = lists
        self._nothing = QWidget()
        lists.addWidget(self._nothing)
        self.addWidget(hint)
        self.addWidget(empty)
        lists.currentChanged.connect(self._follow)
        self._follow()

    def showing_empty(self) -> bool:
        """Whether the empty state shows (the left lists nothing)."""
        return self.currentIndex() == 1

    def _follow(self, _index: int = 0) -> None:
        self.setCurrentIndex(1 if self._lists.currentWidget() is self._nothing else 0)
