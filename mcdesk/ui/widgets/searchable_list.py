"""A list of a place's things (rows carrying their ids) under a search box: once typing pauses
the rows whose words (kept folded with each row) do not hold the typed words are hidden, right
here in memory; a row the search hides is no longer the chosen one; GUI thread."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.text import fold
from mcdesk.ui.widgets.scroll_bars import keep_grooves
from mcdesk.ui.widgets.search_box import SearchBox

SEARCH_DELAY_MS = 120
# Where a row keeps the words its search looks in, folded once (case and accents ignored).
WORDS_ROLE = Qt.ItemDataRole.UserRole + 17
NO_MATCH_MARGIN = 8
# Row sizes are kept for this many list widths: with and without the scroll bar.
KEPT_WIDTHS = 2
# Turns of the event loop sizing rows shown again waits for the scroll bar to come or go.
UNSIZED_WAITS = 3


def _natural_size(view: QListWidget, delegate: QAbstractItemDelegate,
                  option: QStyleOptionViewItem, item: QListWidgetItem) -> QSize:
    """The row's size from its words and picture, whatever size it was given before: the
    standard delegate's own measure without its shortcut to a size already set (clearing that
    size to measure made the list lay itself out again even when no row's size changed)."""
    index = view.indexFromItem(item)
    if type(delegate) is QStyledItemDelegate:
        measured = QStyleOptionViewItem(option)
        delegate.initStyleOption(measured, index)
        return view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, measured,
                                             QSize(), view)
    item.setData(Qt.ItemDataRole.SizeHintRole, None)
    return delegate.sizeHint(option, index)


def _kept_size(known: dict[int, QSize], row: int, view: QListWidget,
               delegate: QAbstractItemDelegate, option: QStyleOptionViewItem,
               item: QListWidgetItem) -> QSize:
    """The row's size at the width `known` holds sizes for, measured now if not yet."""
    size = known.get(row)
    if size is None:
        size = known[row] = _natural_size(view, delegate, option, item)
    return size


def matches(words: str, terms: Sequence[str]) -> bool:
    """Whether a row's folded words hold every typed term (no terms: every row does)."""
    return all(term in words for term in terms)


def set_search_words(item: QListWidgetItem, *texts: str | None) -> None:
    """Give a row the words the search box finds it by (its name, its issuer...)."""
    item.setData(WORDS_ROLE, fold(" ".join(t for t in texts if t)))


class SearchableList(QWidget):
    """`search` (the box) above `list` (rows hold their id in Qt.UserRole and their words as
    `set_search_words` put them), with a line over the emptied list saying when nothing
    matches. `filtered` is emitted with the number of rows left shown each time the words
    have been applied."""

    filtered = Signal(int)

    def __init__(self, list_widget: QListWidget, placeholder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = list_widget
        # Each row's size is measured once (`fit_rows`: its words wrapped at the list's
        # width) and kept with the row, so laying the list out again when a search hides or
        # shows rows reads sizes instead of wrapping every row's words again, all in one
        # pass. Laid out in batches instead, the list painted nothing at all until the last
        # batch was done: several turns of the event loop after each keystroke.
        self.list.setLayoutMode(QListView.LayoutMode.SinglePass)
        keep_grooves(self.list)
        self._fitted_width = -1
        # Sizes measured at the last widths the list had since it was filled: a search that
        # brings the scroll bar in or out narrows or widens the list by its width, and every
        # row would otherwise be measured again each time.
        self._sizes: dict[int, dict[int, QSize]] = {}
        self._fitted_at: list[int] = []  # the width each row was last sized for, by row
        self._words: list[str] = []  # each row's folded words, read once per filling
        self._hidden: list[bool] = []  # what this search hid, by row
        self._terms: list[str] = []
        self.search = SearchBox(placeholder, placeholder, delay_ms=SEARCH_DELAY_MS)
        self.search.search_changed.connect(self._words_changed)
        # Over the emptied list, right under the words where the eye is: showing it moves
        # nothing, so the list is not laid out again for it.
        self.no_match = QLabel(self.list.viewport())
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.no_match.hide()
        self.list.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)

    @property
    def words(self) -> str:
        return self.search.text().strip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._place_no_match()
            if self.list.viewport().width() != self._fitted_width:  # the words wrap anew
                self._fit_shown()  # rows the search hides are sized when they show again
        return False

    def screenful(self, lines_per_row: int, most: int) -> int:
        """How many rows of at least `lines_per_row` lines the list's height can show (at
        most `most`, and `most` before the list has a height): what a first page reads."""
        height = self.list.viewport().height()
        if not self.list.isVisible() or height <= 0:
            return most
        row = lines_per_row * self.list.fontMetrics().lineSpacing() + 2 * self.list.spacing()
        return max(1, min(most, height // max(1, row) + 2))

    def _fit_unsized(self, waited: int = 0) -> None:
        view = self.list
        view.executeDelayedItemsLayout()  # the rows laid out: the scroll bar's range is set
        bar = view.verticalScrollBar()
        if (view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
                and (bar.maximum() > bar.minimum()) != bar.isVisible()
                and waited < UNSIZED_WAITS):
            # The scroll bar comes or goes on a later turn of the event loop and changes
            # the width: sized then (or by the resize, for every row shown), not twice.
            QTimer.singleShot(0, self, lambda: self._fit_unsized(waited + 1))
            return
        self._fit_shown()

    def _fit_shown(self) -> None:
        """Size the rows shown for the list's width (those sized for it already are kept)."""
        self.fit_rows([row for row, hide in enumerate(self._hidden) if not hide], again=False)

    def fit_rows(self, rows: Iterable[int] | None = None, *, again: bool = True,
                 width: int | None = None) -> None:
        """Size these rows (every row when None) for the list's width (or `width`, the one
        it is about to have) and keep each size with its row. Given rows are measured
        `again` (their words or picture changed); otherwise sizes measured at this width
        before are reused."""
        view = self.list
        if width is None:
            width = view.viewport().width()
        self._fitted_width = width
        known = self._sizes.pop(width, {})
        self._sizes[width] = known  # the latest width last
        while len(self._sizes) > KEPT_WIDTHS:  # dragging the splitter passes many
            del self._sizes[next(iter(self._sizes))]
        if len(self._fitted_at) != view.count():
            self._fitted_at = [-1] * view.count()
        if rows is not None:
            rows = list(rows)
            if again:
                for sizes in self._sizes.values():
                    for row in rows:
                        sizes.pop(row, None)
        option = self._row_option(width)
        delegate = view.itemDelegate()
        fitted_at = self._fitted_at
        for row in range(view.count()) if rows is None else rows:
            item = view.item(row)
            if item is None:  # the place is filling the list again: not there yet
                continue
            if not again and fitted_at[row] == width:
                # Sized for this width already: setting it again would make the list lay
                # every such row out anew (one dataChanged each).
                continue
            size = _kept_size(known, row, view, delegate, option, item)
            if item.sizeHint() != size:
                # A new size lays the list out again and repaints it: a row whose new picture
                # (or width) leaves its size as it was is left alone.
                item.setSizeHint(size)
            fitted_at[row] = width

    def _row_option(self, width: int) -> QStyleOptionViewItem:
        """How the list asks its delegate for a row's size when its viewport is `width`
        wide: the rectangle it lays its rows out in, as QListView gives it."""
        view = self.list
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)
        spacing = view.spacing()
        option.rect = QRect(0, 0, width, view.viewport().height()).adjusted(
            spacing, spacing, -spacing, -spacing)
        return option

    def _width_once_laid_out(self) -> int:
        """The viewport's width once the list is laid out with its rows: without the scroll
        bar's width when they are taller than the list, with it when not. Sized for the
        width the list had instead, a list that outgrew its height was measured and laid
        out twice: the second time when its scroll bar came and narrowed it."""
        view = self.list
        width = view.viewport().width()
        bar = view.verticalScrollBar()
        if (view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAsNeeded
                or not view.isVisible() or view.style().styleHint(
                    QStyle.StyleHint.SH_ScrollBar_Transient, None, bar)):
            return width
        extent = bar.sizeHint().width()
        narrow = width if bar.isVisible() else width - extent
        # Measured at the narrow width (words wrap onto more lines there, the rows are as
        # tall as they get): rows taller than the list there bring the bar; if they are not,
        # they are no taller at the wide width and the bar stays away.
        known = self._sizes.setdefault(narrow, {})
        option = self._row_option(narrow)
        delegate = view.itemDelegate()
        spacing = view.spacing()
        height = view.viewport().height()
        total = spacing
        words, terms = self._words, self._terms
        for row in range(view.count()):
            if row < len(words) and not matches(words[row], terms):
                continue  # the search will hide it
            size = _kept_size(known, row, view, delegate, option, view.item(row))
            total += size.height() + 2 * spacing
            if total > height:
                return narrow
        return narrow + extent

    def _place_no_match(self) -> None:
        width = max(0, self.list.viewport().width() - 2 * NO_MATCH_MARGIN)
        self.no_match.setFixedWidth(width)
        self.no_match.move(NO_MATCH_MARGIN, NO_MATCH_MARGIN)
        self.no_match.adjustSize()

    def _words_changed(self, _text: str) -> None:
        self._terms = fold(self.words).split()
        self.filtered.emit(self.apply())

    def _lay_out_now(self) -> None:
        """Lay the shown list's rows out before its next paint, and again if that brought
        the scroll bar or took it away. Left to the paint, the layout happened inside it, and
        a width changed by the bar made the list (its words wrap anew) ask for another
        layout and another paint: every row was painted twice."""
        view = self.list
        if not view.isVisible():
            return
        width = view.viewport().width()
        view.executeDelayedItemsLayout()
        if view.viewport().width() != width:
            view.executeDelayedItemsLayout()

    def refilled(self) -> None:
        """The place put new rows in the list (and chose one): read their words, and hide
        them as the words typed say at once."""
        self._read_rows()
        self._hidden = [False] * len(self._words)
        for row in range(len(self._words)):
            if self.list.isRowHidden(row):
                self.list.setRowHidden(row, False)
        self._sizes = {}
        width = self._width_once_laid_out()
        self.fit_rows(width=width)
        if width != self.list.viewport().width():  # the scroll bar comes or goes
            QTimer.singleShot(0, self, self._fit_unsized)  # had the width another cause
        self.apply()

    def _read_rows(self) -> None:
        items = [self.list.item(row) for row in range(self.list.count())]
        self._words = [str(item.data(WORDS_ROLE) or "") for item in items]

    def apply(self) -> int:
        """Hide the rows the words leave out (only rows whose state changes are touched: each
        one hidden or shown costs the list a layout) and lay the list out for its next paint;
        how many rows show."""
        if len(self._words) != self.list.count():  # rows added without `refilled`
            self._read_rows()
            self._hidden = [self.list.isRowHidden(row) for row in range(len(self._words))]
        terms = self._terms
        hidden = self._hidden
        shown = 0
        unsized = False  # rows shown again that were hidden when the width changed
        width = self._fitted_width
        fitted_at = self._fitted_at
        for row, words in enumerate(self._words):
            hide = not matches(words, terms)
            if hide != hidden[row]:
                hidden[row] = hide
                self.list.setRowHidden(row, hide)
                unsized = unsized or (not hide and row < len(fitted_at) and
                                      fitted_at[row] != width)
            shown += not hide
        if unsized:
            # Sized once the list is laid out with them: rows coming back often bring the
            # scroll bar back too, and sizes at the width without it would be thrown away.
            QTimer.singleShot(0, self, self._fit_unsized)
        self._keep_choice_visible()
        nothing = bool(terms) and bool(self._words) and shown == 0
        if nothing:
            self.no_match.setText(self.tr("Nothing here matches “%1”.").replace(
                "%1", self.words))
            self._place_no_match()
        self.no_match.setVisible(nothing)
        self._lay_out_now()
        return shown

    def _keep_choice_visible(self) -> None:
        """A chosen row the search hides is chosen no more: its detail closes rather than
        stay open beside a list that no longer shows it."""
        row = self.list.currentRow()
        if row >= 0 and self._hidden[row]:
            self.list.setCurrentRow(-1)
