"""A list of a place's things (rows carrying their ids) under a search box: the words go to the
place's background search once typing pauses, and rows that are not among the ids it answers
are hidden; an answer to older words never replaces a newer one; GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mcdesk.ui.widgets.batched_list import BatchedListWidget
from mcdesk.ui.widgets.search_box import SearchBox

SEARCH_DELAY_MS = 120
LAYOUT_BATCH = 24  # rows laid out per turn of the event loop: more than a window shows
Deliver = Callable[[Iterable[str]], None]
"""Hands the ids matching the words back to the list (call it on the GUI thread)."""
StartSearch = Callable[[str, Deliver], None]
"""Starts the place's background search for the words; its answer goes to `Deliver`."""


class SearchableList(QWidget):
    """`search` (the box) above `list` (rows hold their id in Qt.UserRole), with a line under
    the box saying when nothing matches. `filtered` is emitted with the number of rows left
    shown each time an answer (or clearing the words) has been applied."""

    filtered = Signal(int)

    def __init__(self, list_widget: BatchedListWidget, placeholder: str, start: StartSearch,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = list_widget
        # Rows of wrapped words are laid out a screenful per turn of the event loop: hiding or
        # showing 200 of them re-lays them all, which held the paint of the answer 10-20 ms.
        self.list.setBatchSize(LAYOUT_BATCH)
        self._start = start
        self._asked = 0  # the number of the newest search asked for
        self._matches: frozenset[str] | None = None  # None: no words, every row shows
        self.search = SearchBox(placeholder, placeholder, delay_ms=SEARCH_DELAY_MS)
        self.search.search_changed.connect(self._words_changed)
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)  # right under the words, where the eye is
        layout.addWidget(self.list, 1)

    @property
    def words(self) -> str:
        return self.search.text().strip()

    def _words_changed(self, _text: str) -> None:
        self._asked += 1
        asked = self._asked
        words = self.words
        if not words:
            self._matches = None
            self.filtered.emit(self.apply())
            return
        self._start(words, lambda ids: self._answered(asked, ids))

    def _answered(self, asked: int, ids: Iterable[str]) -> None:
        if asked != self._asked:  # newer words were typed meanwhile: theirs will come
            return
        self._matches = frozenset(ids)
        self.filtered.emit(self.apply())

    def refilled(self) -> None:
        """The place put new rows in the list: hide them as the last answer says at once,
        and ask again for the words (what matches may have changed with the rows)."""
        self.apply()
        if self.words:
            self._words_changed(self.search.text())

    def apply(self) -> int:
        """Hide the rows the last answer leaves out; how many rows show."""
        matches = self._matches
        shown = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = matches is not None and str(item.data(Qt.ItemDataRole.UserRole)) not in matches
            item.setHidden(hidden)
            shown += not hidden
        nothing = matches is not None and self.list.count() > 0 and shown == 0
        if nothing:
            self.no_match.setText(self.tr("Nothing here matches “%1”.").replace(
                "%1", self.words))
        self.no_match.setVisible(nothing)
        return shown
