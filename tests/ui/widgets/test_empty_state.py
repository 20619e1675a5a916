"""A place's detail side, while nothing on the left is chosen: the hint to pick one on the left
while the left lists something; the place's empty state, at a readable width, while it lists
nothing (not the hint pointing at an empty column beside words squeezed into it)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QStackedWidget
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.empty_state import READABLE_CHARS, DetailPlaceholder

HINT = "Pick a draft on the left to work on it."
EMPTY = ("No drafts yet.\n\nStart one for the micro-credential you are working toward: press "
         "New draft…, or open a micro-credential in the Catalog and press Start a draft.")


def test_the_hint_or_the_empty_state_follows_the_left(qtbot: QtBot) -> None:
    lists = QStackedWidget()
    lists.addWidget(QListWidget())
    hint, empty = QLabel(HINT), QLabel(EMPTY)
    beside = DetailPlaceholder(hint, empty, lists)
    splitter = QSplitter()
    splitter.addWidget(lists)
    splitter.addWidget(beside)
    qtbot.addWidget(splitter)
    splitter.resize(1200, 600)
    splitter.setSizes([210, 990])
    splitter.show()
    qtbot.waitExposed(splitter)
    assert lists.count() == 2  # the list, then the page showing that nothing is listed
    assert hint.isVisible() and not empty.isVisible() and not beside.showing_empty()

    lists.setCurrentIndex(1)  # a load found nothing
    assert empty.isVisible() and not hint.isVisible() and beside.showing_empty()
    readable = READABLE_CHARS * empty.fontMetrics().averageCharWidth()
    assert lists.width() < empty.width() <= readable < beside.width()
    left_margin = empty.geometry().left()
    right_margin = beside.width() - empty.geometry().right() - 1
    assert abs(left_margin - right_margin) <= 2  # centred

    lists.setCurrentIndex(0)
    assert hint.isVisible() and not empty.isVisible()


def test_a_narrow_side_gives_the_empty_state_all_its_width(qtbot: QtBot) -> None:
    lists = QStackedWidget()
    lists.addWidget(QListWidget())
    empty = QLabel(EMPTY)
    beside = DetailPlaceholder(QLabel(HINT), empty, lists)
    qtbot.addWidget(beside)
    beside.resize(300, 400)
    lists.setCurrentIndex(1)
    beside.show()
    qtbot.waitExposed(beside)
    assert empty.isVisible()
    assert beside.width() - 40 <= empty.width() <= beside.width()
