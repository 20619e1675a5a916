"""The batched list widget of Drafts, Reviews and Badges: a row chosen before its batch is laid
out is scrolled to once it is (Qt's batched layout alone leaves it out of view)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.batched_list import BatchedListWidget

WAIT = 5000
ROWS = 300


def test_a_row_chosen_before_its_batch_is_scrolled_to(qtbot: QtBot) -> None:
    view = BatchedListWidget()
    qtbot.addWidget(view)
    view.setWordWrap(True)
    view.resize(300, 400)
    view.show()
    for number in range(ROWS):
        view.addItem(f"Draft {number} " + "word " * (number % 7 * 5))  # rows of many heights
    view.setCurrentRow(ROWS - 50)
    chosen = view.item(ROWS - 50)
    assert not view.visualItemRect(chosen).isValid()  # not laid out yet

    def in_view() -> bool:
        rect = view.visualItemRect(chosen)
        return rect.isValid() and view.viewport().rect().contains(rect)

    qtbot.waitUntil(in_view, timeout=WAIT)
    assert view.verticalScrollBar().value() > 0
