"""The places benchmark's clock stops at the end of the event loop's own paint of the page
once armed: on an update request, and on the expose of a page shown after it was armed; it
ignores paints before it is armed and after its first."""

from __future__ import annotations

import time

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from benchmarks.places_child import paint_clock

WAIT = 5000


class Canvas(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.painted: list[float] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        time.sleep(0.01)  # a paint that takes a while: the clock must wait for its end
        self.painted.append(time.perf_counter())


def test_the_clock_stops_when_the_paint_it_waited_for_is_done(qtbot: QtBot) -> None:
    canvas = Canvas()
    qtbot.addWidget(canvas)
    clock = paint_clock(canvas)
    canvas.show()
    clock.watch_window()
    qtbot.waitUntil(lambda: bool(canvas.painted), timeout=WAIT)
    canvas.update()
    qtbot.waitUntil(lambda: len(canvas.painted) == 2, timeout=WAIT)
    assert clock.painted_at is None  # not armed: paints before the rows came
    clock.arm()
    armed = time.perf_counter()
    canvas.update()
    qtbot.waitUntil(lambda: clock.painted_at is not None, timeout=WAIT)
    assert len(canvas.painted) == 3
    assert armed < canvas.painted[-1] <= clock.painted_at
    canvas.update()
    qtbot.waitUntil(lambda: len(canvas.painted) == 4, timeout=WAIT)
    assert clock.painted_at < canvas.painted[-1]  # its first paint only


def test_a_page_whose_rows_came_before_it_showed_stops_at_its_first_paint(
        qtbot: QtBot) -> None:
    """An empty portfolio's answer can come before the window is first painted: that paint,
    on the window's expose, is the one timed."""
    canvas = Canvas()
    qtbot.addWidget(canvas)
    clock = paint_clock(canvas)
    clock.arm()
    canvas.show()
    clock.watch_window()
    qtbot.waitUntil(lambda: clock.painted_at is not None, timeout=WAIT)
    assert canvas.painted and canvas.painted[0] <= clock.painted_at
