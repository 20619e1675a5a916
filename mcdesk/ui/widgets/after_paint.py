"""Run something once a widget has next been painted: work that may wait until the screen
shows what is ready, so its background reading does not compete with that paint; GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # The next turn of the event loop: the paint this event starts is finished then.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        self.deleteLater()
        self._callback()


def after_next_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call `callback` on the turn of the event loop after `widget`'s next paint (a hidden
    widget's next paint is when it is shown)."""
    _AfterPaint(widget, callback)
