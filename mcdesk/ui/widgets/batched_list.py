"""A list view that lays long lists of rows of different heights out in batches, so the first
screenful is painted before the rest is measured, and still scrolls to a row laid out later;
GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

BATCH_ROWS = 40
# Qt lays a batch out per turn of the event loop; a row asked for before its batch is tried
# again until it is laid out (a 10,000-row list takes some 250 turns).
RETRY_MS = 5
RETRIES = 400

ScrollHint = QAbstractItemView.ScrollHint


class BatchedListView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(BATCH_ROWS)
        self._wanted: tuple[QPersistentModelIndex, ScrollHint] | None = None
        self._tries = 0
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._scroll_to_wanted)

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: ScrollHint = ScrollHint.EnsureVisible) -> None:
        if index.isValid() and not self.visualRect(index).isValid():
            self._wanted = (QPersistentModelIndex(index), hint)  # not laid out yet
            self._tries = 0
            self._retry.start()
            return
        self._wanted = None
        super().scrollTo(index, hint)

    def _scroll_to_wanted(self) -> None:
        if self._wanted is None:
            return
        index, hint = self._wanted
        if not index.isValid():
            self._wanted = None
        elif self.visualRect(index).isValid():
            self._wanted = None
            super().scrollTo(index, hint)
        elif self._tries < RETRIES:
            self._tries += 1
            self._retry.start()
