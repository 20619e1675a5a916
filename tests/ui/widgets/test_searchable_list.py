"""The search box over a place's list: rows the answer leaves out are hidden, clearing the
words shows every row, an answer to older words never replaces a newer one, and a line says
when nothing matches."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.batched_list import BatchedListWidget
from mcdesk.ui.widgets.searchable_list import Deliver, SearchableList

WAIT = 5000
NAMES = {"a": "Exit tickets", "b": "Wait time", "c": "Family cafe"}


def make(qtbot: QtBot) -> tuple[SearchableList, dict[str, Deliver]]:
    """A list of three rows whose searches are answered only when the test says so."""
    pending: dict[str, Deliver] = {}
    widget = SearchableList(BatchedListWidget(), "Search things",
                            lambda words, deliver: pending.__setitem__(words, deliver))
    qtbot.addWidget(widget)
    for ident, name in NAMES.items():
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, ident)
        widget.list.addItem(item)
    widget.show()
    return widget, pending


def shown(widget: SearchableList) -> list[str]:
    return [widget.list.item(r).text() for r in range(widget.list.count())
            if not widget.list.item(r).isHidden()]


def answer(words: str) -> Iterable[str]:
    return [i for i, name in NAMES.items() if words.lower() in name.lower()]


def test_the_answer_hides_other_rows_and_clearing_shows_all(qtbot: QtBot) -> None:
    widget, pending = make(qtbot)
    widget.search.setText("wait")
    qtbot.waitUntil(lambda: "wait" in pending, timeout=WAIT)
    with qtbot.waitSignal(widget.filtered, timeout=WAIT) as done:
        pending.pop("wait")(answer("wait"))
    assert done.args == [1]
    assert shown(widget) == ["Wait time"]
    assert widget.no_match.isHidden()
    with qtbot.waitSignal(widget.filtered, timeout=WAIT) as done:
        widget.search.clear()
    assert done.args == [3]
    assert shown(widget) == list(NAMES.values())
    assert not pending  # clearing asks nothing of the place


def test_an_older_answer_never_replaces_a_newer_one(qtbot: QtBot) -> None:
    widget, pending = make(qtbot)
    widget.search.setText("e")
    qtbot.waitUntil(lambda: "e" in pending, timeout=WAIT)
    widget.search.setText("ex")
    qtbot.waitUntil(lambda: "ex" in pending, timeout=WAIT)
    with qtbot.waitSignal(widget.filtered, timeout=WAIT):
        pending.pop("ex")(answer("ex"))
    assert shown(widget) == ["Exit tickets"]
    seen: list[int] = []
    widget.filtered.connect(seen.append)
    pending.pop("e")(answer("e"))  # the slow answer to "e" arrives last: dropped
    assert seen == []
    assert shown(widget) == ["Exit tickets"]


def test_nothing_matching_says_so_and_new_rows_are_searched_again(qtbot: QtBot) -> None:
    widget, pending = make(qtbot)
    widget.search.setText("zebra")
    qtbot.waitUntil(lambda: "zebra" in pending, timeout=WAIT)
    with qtbot.waitSignal(widget.filtered, timeout=WAIT) as done:
        pending.pop("zebra")([])
    assert done.args == [0]
    assert widget.no_match.isVisible() and "zebra" in widget.no_match.text()
    item = QListWidgetItem("Zebra crossings")
    item.setData(Qt.ItemDataRole.UserRole, "d")
    widget.list.addItem(item)
    widget.refilled()  # the place reloaded its rows: the words are asked for again
    assert shown(widget) == []  # the last answer holds until the new one comes
    with qtbot.waitSignal(widget.filtered, timeout=WAIT) as done:
        pending.pop("zebra")(["d"])
    assert done.args == [1] and shown(widget) == ["Zebra crossings"]
    assert widget.no_match.isHidden()
