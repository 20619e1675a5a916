"""The search box over a place's list: rows whose words do not hold the typed words are hidden
(case and accents ignored), clearing the words shows every row, a line says when nothing
matches, rows put in later are searched at once, and a chosen row the search hides is chosen
no more."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.searchable_list import (
    KEPT_WIDTHS,
    SearchableList,
    _natural_size,
    set_search_words,
)

WAIT = 5000
NAMES = {"a": ("Exit tickets", "Riverbend"), "b": ("Wait time", "Lakeside"),
         "c": ("Évaluation formative", "Riverbend")}


def make(qtbot: QtBot) -> SearchableList:
    widget = SearchableList(QListWidget(), "Search things")
    qtbot.addWidget(widget)
    for ident, (name, issuer) in NAMES.items():
        add(widget, ident, name, issuer)
    widget.refilled()
    widget.resize(300, 400)
    widget.show()
    return widget


def add(widget: SearchableList, ident: str, name: str, issuer: str = "") -> None:
    item = QListWidgetItem(name)
    item.setData(Qt.ItemDataRole.UserRole, ident)
    set_search_words(item, name, issuer)
    widget.list.addItem(item)


def shown(widget: SearchableList) -> list[str]:
    return [widget.list.item(r).text() for r in range(widget.list.count())
            if not widget.list.item(r).isHidden()]


def search(qtbot: QtBot, widget: SearchableList, words: str) -> int:
    with qtbot.waitSignal(widget.filtered, timeout=WAIT) as done:
        widget.search.setText(words)
    count = done.args[0]
    assert isinstance(count, int)
    return count


def test_the_words_hide_other_rows_and_clearing_shows_all(qtbot: QtBot) -> None:
    widget = make(qtbot)
    assert search(qtbot, widget, "wait") == 1
    assert shown(widget) == ["Wait time"]
    assert widget.no_match.isHidden()
    assert search(qtbot, widget, "riverbend") == 2  # the second words (an issuer) count too
    assert shown(widget) == ["Exit tickets", "Évaluation formative"]
    assert search(qtbot, widget, "") == 3
    assert shown(widget) == [name for name, _issuer in NAMES.values()]


def test_case_and_accents_do_not_matter_and_every_word_must_be_found(qtbot: QtBot) -> None:
    widget = make(qtbot)
    assert search(qtbot, widget, "EVALUATION") == 1
    assert shown(widget) == ["Évaluation formative"]
    assert search(qtbot, widget, "évaluâtion") == 1
    assert search(qtbot, widget, "formative riverbend") == 1
    assert search(qtbot, widget, "formative lakeside") == 0


def test_nothing_matching_says_so_and_new_rows_are_searched_at_once(qtbot: QtBot) -> None:
    widget = make(qtbot)
    assert search(qtbot, widget, "zebra") == 0
    assert widget.no_match.isVisible() and "zebra" in widget.no_match.text()
    assert widget.no_match.parent() is widget.list.viewport()  # over the list: nothing moves
    add(widget, "d", "Zebra crossings")
    add(widget, "e", "Family cafe")
    widget.refilled()  # the place reloaded its rows
    assert shown(widget) == ["Zebra crossings"]
    assert widget.no_match.isHidden()


def test_a_chosen_row_the_search_hides_is_chosen_no_more(qtbot: QtBot) -> None:
    widget = make(qtbot)
    chosen: list[str | None] = []
    widget.list.currentItemChanged.connect(lambda item, _old: chosen.append(
        None if item is None else item.text()))
    widget.list.setCurrentRow(2)  # Évaluation formative
    assert search(qtbot, widget, "riverbend") == 2
    assert widget.list.currentRow() == 2  # still shown: still chosen
    assert search(qtbot, widget, "tickets") == 1
    assert widget.list.currentItem() is None and chosen[-1] is None  # its detail closes
    assert search(qtbot, widget, "") == 3
    assert widget.list.currentItem() is None  # nothing chosen behind the teacher's back
    assert chosen == ["Évaluation formative", None]


def test_only_rows_whose_state_changes_are_touched(qtbot: QtBot) -> None:
    widget = make(qtbot)
    touched: list[tuple[int, bool]] = []
    original = widget.list.setRowHidden

    def counting(row: int, hide: bool) -> None:
        touched.append((row, hide))
        original(row, hide)

    widget.list.setRowHidden = counting  # type: ignore[method-assign]
    search(qtbot, widget, "e")  # all three hold an "e"
    assert touched == []
    search(qtbot, widget, "ex")
    assert sorted(touched) == [(1, True), (2, True)]


def painted_rows(widget: SearchableList) -> bool:
    """Whether the list's viewport paints anything but its background."""
    image = widget.list.viewport().grab().toImage()
    background = image.pixel(image.width() - 1, image.height() - 1)
    return any(image.pixel(x, y) != background for x in range(0, image.width(), 2)
               for y in range(0, min(image.height(), 60), 2))


def long_list(qtbot: QtBot) -> SearchableList:
    """300 drafts' rows of many heights in a narrow list, on screen."""
    widget = SearchableList(QListWidget(), "Search things")
    qtbot.addWidget(widget)
    widget.list.setWordWrap(True)
    for number in range(300):
        add(widget, str(number), f"Draft {number} " + "word " * (number % 7 * 3))
    widget.resize(240, 300)
    widget.show()
    widget.refilled()
    qtbot.waitExposed(widget)
    return widget


def test_the_rows_are_painted_as_soon_as_the_words_are_applied(qtbot: QtBot) -> None:
    widget = long_list(qtbot)
    assert search(qtbot, widget, "draft 29") == 13  # 29, 129, 229, 290..299
    QApplication.processEvents()  # one turn of the event loop: laid out in one pass
    assert painted_rows(widget)
    first = widget.list.item(29)
    assert widget.list.visualItemRect(first).top() < 10


def test_a_row_chosen_in_a_long_list_is_scrolled_into_view_at_once(qtbot: QtBot) -> None:
    """Drafts keeps draft 250 chosen after a reload: laid out in one pass, the list shows it
    on the same turn (no batch to wait for)."""
    widget = long_list(qtbot)
    widget.list.setCurrentRow(250)
    QApplication.processEvents()
    rect = widget.list.visualItemRect(widget.list.item(250))
    assert rect.isValid() and widget.list.viewport().rect().contains(rect)


def wrapping(qtbot: QtBot, width: int) -> SearchableList:
    """A short name and a long one, their words wrapped at `width`, shown."""
    widget = SearchableList(QListWidget(), "Search things")
    qtbot.addWidget(widget)
    widget.list.setWordWrap(True)
    add(widget, "short", "Wait time")
    add(widget, "long", "Questioning techniques and wait time for multilingual learners")
    widget.resize(width, 300)
    widget.show()
    widget.refilled()
    qtbot.waitExposed(widget)
    return widget


def test_each_row_keeps_the_size_its_words_need_at_the_lists_width(qtbot: QtBot) -> None:
    widget = wrapping(qtbot, 400)
    short, long = widget.list.item(0).sizeHint(), widget.list.item(1).sizeHint()
    assert short.height() == long.height()  # one line each at 400 pixels
    widget.resize(150, 300)
    qtbot.waitUntil(lambda: widget.list.item(1).sizeHint().height() > long.height(),
                    timeout=WAIT)  # narrower: the long name wraps, its row grows
    assert widget.list.item(0).sizeHint().height() == short.height()
    # A splitter dragged across many widths: sizes are kept for the last two only.
    for width in range(160, 400, 20):
        widget.resize(width, 300)
        QApplication.processEvents()
    assert len(widget._sizes) == KEPT_WIDTHS
    widget.resize(400, 300)
    qtbot.waitUntil(lambda: widget.list.item(1).sizeHint().height() == long.height(),
                    timeout=WAIT)  # measured again at the first width: one line again


def test_a_screenful_is_what_the_lists_height_holds(qtbot: QtBot) -> None:
    widget = SearchableList(QListWidget(), "Search things")
    qtbot.addWidget(widget)
    assert widget.screenful(3, 24) == 24  # not shown yet: as many as asked
    widget.resize(300, 200)
    widget.show()
    qtbot.waitExposed(widget)
    short = widget.screenful(3, 24)
    widget.resize(300, 900)
    qtbot.waitUntil(lambda: widget.list.viewport().height() > 800, timeout=WAIT)
    tall = widget.screenful(3, 24)
    line = widget.list.fontMetrics().lineSpacing()
    assert short < tall <= 24
    assert short * 3 * line >= 200 - 6 * line  # enough rows to fill the short list
    assert widget.screenful(1, 24) >= tall


class CountingDelegate(QStyledItemDelegate):
    """The list's own delegate, counting the rows it measures (their words wrapped at the
    width: a row holding its size is only read)."""

    def __init__(self) -> None:
        super().__init__()
        self.measured = 0

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        self.measured += index.data(Qt.ItemDataRole.SizeHintRole) is None
        return super().sizeHint(option, index)


def test_rows_coming_back_are_not_measured_at_the_width_without_the_scroll_bar(
        qtbot: QtBot) -> None:
    """A search that hides every row takes the scroll bar away, and clearing it brings both
    back: the rows keep their sizes at the width with the bar (measured before), instead of
    being measured again at the passing width without it (7 ms for 200 badges)."""
    widget = long_list(qtbot)
    delegate = CountingDelegate()
    widget.list.setItemDelegate(delegate)
    bar = widget.list.verticalScrollBar()
    assert bar.isVisible()
    assert search(qtbot, widget, "nothing like this") == 0
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=WAIT)
    delegate.measured = 0
    assert search(qtbot, widget, "") == 300
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=WAIT)
    for _turn in range(5):  # whatever was left for later turns of the event loop
        QApplication.processEvents()
    assert delegate.measured == 0
    assert all(widget._fitted_at[row] == widget.list.viewport().width() for row in range(300))


def test_a_resize_while_the_place_fills_the_list_again_sizes_what_is_there(
        qtbot: QtBot) -> None:
    """Reviews refills its list and chooses a row before `refilled`: the list is laid out
    and resized then, with fewer rows than the last search saw (an error in the resize's
    event filter brought the whole app down)."""
    widget = long_list(qtbot)
    widget.list.clear()
    for number in range(10):
        add(widget, f"new{number}", f"New draft {number}")
    widget.resize(320, 300)
    qtbot.waitUntil(lambda: widget.list.viewport().width() > 250, timeout=WAIT)
    QApplication.processEvents()
    widget.refilled()
    assert shown(widget) == [f"New draft {number}" for number in range(10)]
    assert all(widget._fitted_at[row] == widget.list.viewport().width() for row in range(10))


def test_measuring_again_leaves_a_row_whose_size_stays_alone(qtbot: QtBot) -> None:
    """A row given a new picture (or words) that needs the same room is not sized again:
    a new size, even an equal one, makes the list lay itself out and repaint it whole."""
    widget = wrapping(qtbot, 220)
    sizes_set: list[int] = []
    widget.list.model().dataChanged.connect(
        lambda first, _last, roles: sizes_set.append(first.row())
        if Qt.ItemDataRole.SizeHintRole in roles else None)
    before = widget.list.item(1).sizeHint()

    widget.fit_rows([0, 1])  # measured again, nothing changed

    assert sizes_set == []
    assert widget.list.item(1).sizeHint() == before
    widget.list.item(0).setText("Questioning techniques and wait time for multilingual "
                                "learners, with exit tickets")
    widget.fit_rows([0, 1])
    assert sizes_set == [0]  # the longer words need more room: that row only
    assert widget.list.item(0).sizeHint().height() > before.height()


class PaintCounter(QObject):
    """Counts the paints of the widget it watches."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__()
        self.paints = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.paints += event.type() == QEvent.Type.Paint
        return False


def empty_on_screen(qtbot: QtBot, height: int) -> tuple[SearchableList, CountingDelegate]:
    """A shown list with nothing in it yet (a place before its first read), measuring with
    a counting delegate."""
    widget = SearchableList(QListWidget(), "Search things")
    qtbot.addWidget(widget)
    widget.list.setWordWrap(True)
    delegate = CountingDelegate()
    widget.list.setItemDelegate(delegate)
    widget.resize(240, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, delegate


def settled(widget: SearchableList) -> None:
    for _turn in range(5):  # what the list and the bar leave for later turns
        QApplication.processEvents()


def fill_as_a_place(widget: SearchableList, rows: int) -> None:
    """Put in `rows` rows of many heights as a place does (then `refilled`), and settle."""
    for number in range(rows):
        add(widget, str(number), f"Badge {number} " + "word " * (number % 5 * 3))
    widget.refilled()
    settled(widget)


def assert_sized_for_the_width_shown(widget: SearchableList) -> None:
    view = widget.list
    width = view.viewport().width()
    option = widget._row_option(width)
    for row in range(view.count()):
        item = view.item(row)
        assert widget._fitted_at[row] == width
        kept = item.sizeHint()
        assert kept == _natural_size(view, view.itemDelegate(), option, item)
        item.setSizeHint(kept)


def test_a_list_that_outgrows_its_height_is_measured_once_at_its_width_with_the_bar(
        qtbot: QtBot) -> None:
    """The first screenful of Badges: rows taller than the list bring the scroll bar, which
    narrows it. Each row is measured once, for that narrower width (measured for the width
    without the bar first, every row was measured and laid out again when it came)."""
    widget, delegate = empty_on_screen(qtbot, 300)
    assert not widget.list.verticalScrollBar().isVisible()
    fill_as_a_place(widget, 40)
    assert widget.list.verticalScrollBar().isVisible()
    assert delegate.measured == 40
    assert_sized_for_the_width_shown(widget)


def test_a_list_that_fits_keeps_the_width_without_the_bar(qtbot: QtBot) -> None:
    widget, _delegate = empty_on_screen(qtbot, 500)
    for number in range(3):
        add(widget, str(number), f"Badge {number} " + "word " * 12)
    widget.refilled()
    settled(widget)
    assert not widget.list.verticalScrollBar().isVisible()
    assert_sized_for_the_width_shown(widget)


def test_rows_are_painted_once_when_the_scroll_bar_comes(qtbot: QtBot) -> None:
    """Filling the list and clearing a search that hid every row both bring the bar: the
    rows are laid out for the narrower list before the paint, not in it (which asked for a
    second layout and paint of every row)."""
    widget, _delegate = empty_on_screen(qtbot, 300)
    settled(widget)
    counter = PaintCounter(widget.list.viewport())
    fill_as_a_place(widget, 40)
    assert widget.list.verticalScrollBar().isVisible()
    assert counter.paints == 1
    assert search(qtbot, widget, "nothing like this") == 0
    settled(widget)
    assert not widget.list.verticalScrollBar().isVisible()
    counter.paints = 0
    assert search(qtbot, widget, "") == 40
    settled(widget)
    assert widget.list.verticalScrollBar().isVisible()
    assert counter.paints == 1


def test_rows_a_search_hides_do_not_bring_the_bar(qtbot: QtBot) -> None:
    """Refilled while the words typed find two rows of forty: the list stays at its whole
    width, and nothing is measured again once it is laid out."""
    widget, delegate = empty_on_screen(qtbot, 300)
    assert search(qtbot, widget, "special") == 0
    for number in range(40):
        name = "Special badge" if number in (3, 30) else f"Badge {number} " + "word " * 9
        add(widget, str(number), name)
    widget.refilled()
    measured = delegate.measured
    settled(widget)
    assert shown(widget) == ["Special badge", "Special badge"]
    assert not widget.list.verticalScrollBar().isVisible()
    assert delegate.measured == measured
    assert widget._fitted_width == widget.list.viewport().width()
