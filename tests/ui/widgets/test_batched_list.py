"""The catalog's batched list view: a row chosen before its batch is laid out is scrolled to
once it is (Qt's batched layout alone leaves it out of view), and work can wait for the rows'
next paint."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.batched_list import BatchedListView

WAIT = 5000
ROWS = 300


def test_a_row_chosen_before_its_batch_is_scrolled_to(qtbot: QtBot) -> None:
    model = QStringListModel([f"Micro-credential {number} " + "word " * (number % 7 * 5)
                              for number in range(ROWS)])  # rows of many heights
    view = BatchedListView()
    qtbot.addWidget(view)
    view.setWordWrap(True)
    view.setModel(model)
    view.resize(300, 400)
    view.show()
    chosen = model.index(ROWS - 50)
    view.setCurrentIndex(chosen)
    assert not view.visualRect(chosen).isValid()  # not laid out yet

    def in_view() -> bool:
        rect = view.visualRect(chosen)
        return rect.isValid() and view.viewport().rect().contains(rect)

    qtbot.waitUntil(in_view, timeout=WAIT)
    assert view.verticalScrollBar().value() > 0


def test_after_next_paint_waits_for_the_rows_to_be_painted(qtbot: QtBot) -> None:
    """The catalog opens its first micro-credential once its rows are on screen: never
    before the list paints, once, and for a hidden list not until it is shown."""
    model = QStringListModel([f"Micro-credential {n}" for n in range(30)])
    view = BatchedListView()
    qtbot.addWidget(view)
    view.setModel(model)
    called: list[int] = []
    view.after_next_paint(lambda: called.append(1))
    qtbot.wait(100)
    assert called == []  # hidden: nothing painted
    view.show()
    qtbot.waitUntil(lambda: called == [1], timeout=WAIT)
    view.viewport().update()
    qtbot.wait(100)
    assert called == [1]  # once

    view.after_next_paint(lambda: called.append(2))
    qtbot.wait(50)
    assert called == [1]  # nothing asked the list to paint again yet
    view.viewport().update()
    qtbot.waitUntil(lambda: called == [1, 2], timeout=WAIT)
