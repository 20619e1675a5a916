"""The detail side's "pick one on the left" hint is blank while the left shows its empty state
(there is nothing there to pick), and back as soon as the left lists something."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QStackedWidget
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.empty_state import hint_blank_while_empty

HINT = "Pick a draft on the left to work on it."


def test_the_hint_follows_what_the_left_shows(qtbot: QtBot) -> None:
    lists = QStackedWidget()
    qtbot.addWidget(lists)
    rows, empty = QListWidget(), QLabel("No drafts yet.")
    lists.addWidget(rows)
    lists.addWidget(empty)
    hint = QLabel(HINT)
    hint_blank_while_empty(hint, lists, empty)
    assert hint.text() == HINT  # the list shows first, until a load finds nothing
    lists.setCurrentWidget(empty)
    assert hint.text() == ""
    lists.setCurrentIndex(0)
    assert hint.text() == HINT


def test_a_left_already_empty_blanks_the_hint_at_once(qtbot: QtBot) -> None:
    lists = QStackedWidget()
    qtbot.addWidget(lists)
    empty = QLabel("Nothing to review yet.")
    lists.addWidget(empty)  # the only page: current from the start
    lists.addWidget(QListWidget())
    hint = QLabel(HINT)
    hint_blank_while_empty(hint, lists, empty)
    assert hint.text() == ""
