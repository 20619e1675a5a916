"""The catalog's list view: its long list of rows of different heights is laid out in
batches, so the first screenful is painted before the rest is measured, and it still scrolls
to a row laid out later (Qt's batched layout alone leaves a row chosen before its batch out of
view); GUI thread. (The shorter lists of Drafts, Reviews and Badges are laid out in one pass
from their rows' kept sizes: widgets.searchable_list.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QTimer
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

BATCH_ROWS = 40
# Qt lays a batch out per turn of the event loop; a row asked for before its batch is tried
# again until it is laid out (a 10,000-row list takes some 250 turns).
RETRY_MS = 5
RETRIES = 400

ScrollHint = QAbstractItemView.ScrollHint


class _DeferredScroll:
    """The row a batched list was asked to scroll to before its batch was laid out, tried
    again on a short timer until it is."""

    def __init__(self, view: QListView, scroll: Callable[[QPersistentModelIndex, ScrollHint],
                                                           None]) -> None:
        view.setUniformItemSizes(False)
        view.setLayoutMode(QListView.LayoutMode.Batched)
        view.setBatchSize(BATCH_ROWS)
        self._view = view
        self._scroll = scroll
        self._wanted: tuple[QPersistentModelIndex, ScrollHint] | None = None
        self._tries = 0
        self._retry = QTimer(view, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._try_again)

    def defer(self, index: QModelIndex | QPersistentModelIndex, hint: ScrollHint) -> bool:
        """Whether the scroll waits for the row's batch (else it may happen now)."""
        if index.isValid() and not self._view.visualRect(index).isValid():
            self._wanted = (QPersistentModelIndex(index), hint)
            self._tries = 0
            self._retry.start()
            return True
        self._wanted = None
        return False

    def _try_again(self) -> None:
        if self._wanted is None:
            return
        index, hint = self._wanted
        if not index.isValid():
            self._wanted = None
            return
        if self._view.visualRect(index).isValid():
            self._scroll(index, hint)
            # The scroll range grows only as later batches are laid out: a row laid out
            # beyond it is not reached yet, and is tried again.
            if self._view.viewport().rect().intersects(self._view.visualRect(index)):
                self._wanted = None
                return
        if self._tries < RETRIES:
            self._tries += 1
            self._retry.start()
        else:
            self._wanted = None


class BatchedListView(QListView):
    """A QListView over a model (the catalog)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deferred = _DeferredScroll(self, super().scrollTo)
        self._after_paint: list[Callable[[], None]] = []
        self._viewport_width: int | None = None

    def viewport_width(self) -> int:
        """The rows' width, without handing the viewport to Python: PySide would look for its
        Python class among some seventy widget classes, building each (a third of a bare
        window's start-up)."""
        if self._viewport_width is None:
            return self.maximumViewportSize().width()
        return self._viewport_width

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A scroll area's resizeEvent is its viewport's.
        self._viewport_width = event.size().width()
        super().resizeEvent(event)

    def after_next_paint(self, callback: Callable[[], None]) -> None:
        """Call `callback` on the turn of the event loop after the rows are next painted (a
        hidden list's next paint is when it is shown): work that may wait until the screen
        shows the list, so its background reading does not compete with that paint."""
        self._after_paint.append(callback)

    def paintEvent(self, event: QPaintEvent) -> None:
        # The viewport's paint, seen here rather than through an event filter on viewport()
        # (see viewport_width).
        super().paintEvent(event)
        if self._after_paint:
            waiting, self._after_paint = self._after_paint, []
            for callback in waiting:
                QTimer.singleShot(0, callback)

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,
                 hint: ScrollHint = ScrollHint.EnsureVisible) -> None:
        if not self._deferred.defer(index, hint):
            super().scrollTo(index, hint)
