"""Work started after the paints waiting now, in a running event loop: after calls posted for
the next turn (which come before the paint), after the paint itself; at once when nothing
waits to be painted; never once its owner is gone."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.after_paint import after_paint

WAIT = 5000


class Canvas(QWidget):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def paintEvent(self, event: QPaintEvent) -> None:
        self.log.append("paint")


def test_the_call_comes_after_the_paint_and_what_was_posted_before_it(qtbot: QtBot) -> None:
    log: list[str] = []
    canvas = Canvas(log)
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    qtbot.waitUntil(lambda: "paint" in log, timeout=WAIT)

    def rows_arrived() -> None:  # as a place's first screenful does, from a job's answer
        log.clear()
        canvas.update()
        QTimer.singleShot(0, lambda: log.append("next turn"))
        after_paint(canvas, lambda: log.append("after the paint"))

    QTimer.singleShot(0, rows_arrived)
    qtbot.waitUntil(lambda: "after the paint" in log, timeout=WAIT)
    assert log == ["next turn", "paint", "after the paint"]


def test_with_nothing_to_paint_the_call_comes_on_the_next_turn(qtbot: QtBot) -> None:
    owner = QObject()
    called: list[int] = []
    after_paint(owner, lambda: called.append(1))
    assert called == []  # never at once
    qtbot.waitUntil(lambda: called == [1], timeout=WAIT)


def test_no_call_once_the_owner_is_gone(qtbot: QtBot) -> None:
    owner = QObject()
    called: list[int] = []
    after_paint(owner, lambda: called.append(1))
    shiboken6.delete(owner)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    for _turn in range(5):
        QApplication.processEvents()
    assert called == []
    marker: list[int] = []
    after_paint(QApplication.instance(), lambda: marker.append(1))  # a later call still comes
    qtbot.waitUntil(lambda: marker == [1], timeout=WAIT)
    assert called == []
