"""Work started once what waits to be painted has been painted. Qt posts its paint requests
with low priority, so calls posted for "the next turn of the event loop" (QTimer.singleShot(0),
queued signals) run before them: a place that read its first screenful and then started the
rest that way had the rest start, and compete for the interpreter, before the screenful showed.
(The catalog's list hooks its own viewport's paint instead, BatchedListView.after_next_paint:
that waits for the list to be shown, and a place's follow-up work must come even when its list
stays hidden behind an empty state.) GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_AFTER_PAINT = QEvent.Type(QEvent.registerEventType())
# Below Qt's paint requests (posted with LowEventPriority): delivered once they are.
_PRIORITY = Qt.EventPriority.LowEventPriority.value - 1


class _Call(QObject):
    """One call waiting for the paints: a child of its owner, gone with it (Qt drops the
    events posted to a deleted object, so the call never comes)."""

    def __init__(self, owner: QObject, callback: Callable[[], object]) -> None:
        super().__init__(owner)
        self._callback = callback

    def event(self, event: QEvent) -> bool:
        if event.type() != _AFTER_PAINT:
            return super().event(event)
        self.deleteLater()
        self._callback()
        return True


def after_paint(owner: QObject, callback: Callable[[], object]) -> None:
    """Call `callback` on the GUI thread once the paints waiting now are done (at once on the
    next turn of the event loop when none waits); never if `owner` is deleted first."""
    QCoreApplication.postEvent(_Call(owner, callback), QEvent(_AFTER_PAINT), _PRIORITY)
