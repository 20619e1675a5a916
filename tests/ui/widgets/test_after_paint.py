"""`after_next_paint` runs its callback once, after the widget's next paint: never before it,
and for a hidden widget not until it is shown and painted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.after_paint import after_next_paint


class PaintLog(QObject):
    def __init__(self, widget: QWidget, log: list[str]) -> None:
        super().__init__(widget)
        self.log = log
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def test_the_callback_runs_once_after_the_next_paint(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    log: list[str] = []
    PaintLog(widget, log)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: "paint" in log)
    log.clear()
    after_next_paint(widget, lambda: log.append("called"))
    qtbot.wait(50)
    assert log == []  # nothing painted yet, nothing called
    widget.update()
    qtbot.waitUntil(lambda: "called" in log)
    assert log[0] == "paint"
    widget.update()
    qtbot.waitUntil(lambda: log.count("paint") >= 2)
    qtbot.wait(20)
    assert log.count("called") == 1


def test_a_hidden_widget_calls_back_once_shown(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    called: list[bool] = []
    after_next_paint(widget, lambda: called.append(True))
    qtbot.wait(100)
    assert called == []
    widget.show()
    qtbot.waitUntil(lambda: called == [True])
