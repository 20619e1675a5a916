"""A place's empty state reads well at any width (its words centred, no longer than a readable
line in a wide place, the whole width of a narrow one), and the detail side shows it while
the left lists nothing: the hint to pick one on the left only while there is something there."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QSplitter, QStackedWidget
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.empty_state import READABLE_CHARS, DetailPlaceholder, empty_state

HINT = "Pick a draft on the left to work on it."
EMPTY = ("No drafts yet.\n\nStart one for the micro-credential you are working toward: press "
         "New draft…, or open a micro-credential in the Catalog and press Start a draft.")


def readable(label: QLabel) -> int:
    return READABLE_CHARS * label.fontMetrics().averageCharWidth()


def test_a_wide_place_keeps_the_words_to_a_readable_line_centred(qtbot: QtBot) -> None:
    label, button = QLabel(EMPTY), QPushButton("Add files…")
    box = empty_state(label, button)
    qtbot.addWidget(box)
    box.resize(1200, 600)
    box.show()
    qtbot.waitExposed(box)
    assert label.wordWrap() and label.isVisible() and button.isVisible()
    assert readable(label) // 2 < label.width() <= readable(label) < box.width()
    for widget in (label, button):
        left = widget.geometry().left()
        right = box.width() - widget.geometry().right() - 1
        assert abs(left - right) <= 2  # centred
    assert button.geometry().top() > label.geometry().bottom()
    assert label.height() >= label.heightForWidth(label.width())  # no line cut off


def test_a_narrow_place_gives_the_words_its_whole_width(qtbot: QtBot) -> None:
    label = QLabel(EMPTY)
    box = empty_state(label)  # words alone
    qtbot.addWidget(box)
    box.resize(300, 500)
    box.show()
    qtbot.waitExposed(box)
    assert box.width() - 40 <= label.width() <= box.width()
    assert label.height() >= label.heightForWidth(label.width())


def test_the_detail_side_shows_the_hint_or_the_empty_state_as_the_left_lists(
        qtbot: QtBot) -> None:
    lists = QStackedWidget()
    lists.addWidget(QListWidget())
    hint, words = QLabel(HINT), QLabel(EMPTY)
    beside = DetailPlaceholder(hint, empty_state(words), lists)
    splitter = QSplitter()
    splitter.addWidget(lists)
    splitter.addWidget(beside)
    qtbot.addWidget(splitter)
    splitter.resize(1200, 600)
    splitter.setSizes([210, 990])
    splitter.show()
    qtbot.waitExposed(splitter)
    assert lists.count() == 2  # the list, then the page showing that nothing is listed
    assert hint.isVisible() and not words.isVisible() and not beside.showing_empty()

    lists.setCurrentIndex(1)  # a load found nothing
    assert words.isVisible() and not hint.isVisible() and beside.showing_empty()
    assert lists.width() < words.width()  # wider than the list's column could give it

    lists.setCurrentIndex(0)
    assert hint.isVisible() and not words.isVisible() and not beside.showing_empty()
