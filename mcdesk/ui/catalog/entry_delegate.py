"""Draws a catalog entry as a bold title over a muted line of issuer and stack; GUI thread."""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mcdesk.core.catalog_list import CatalogEntry
from mcdesk.ui.catalog.model import ENTRY_ROLE
from mcdesk.ui.widgets.batched_list import BatchedListView

PADDING = 6
# A row's height beyond its text: the padding above and below, and the gap between the lines.
ROW_CHROME = 2 + 2 * PADDING
WRAP = int(Qt.TextFlag.TextWordWrap)
TOP_LEFT_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | WRAP
TALL = 10_000
HEIGHTS_KEPT = 20_000
# A font as far as its text measures go: QFont.key() and the resolution it is measured at.
_FontId: TypeAlias = tuple[str, float]


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.numbered = False
        # sizeHint runs for every row on each layout of the list (every search keystroke): a
        # wrapped text's height is measured once per font, resolution and width; the issuer
        # and stack line repeats from row to row.
        self._heights: dict[tuple[_FontId, bool, int, str], int] = {}
        self._bold_metrics: dict[_FontId, QFontMetrics] = {}

    def _text_height(self, font: QFont, metrics: QFontMetrics, font_id: _FontId, bold: bool,
                     width: int, text: str) -> int:
        """The height of `text` wrapped at `width` in `font` (whose metrics and id are given),
        or in its bold."""
        key = (font_id, bold, width, text)
        height = self._heights.get(key)
        if height is None:
            if bold:
                bold_metrics = self._bold_metrics.get(font_id)
                if bold_metrics is None:
                    bold_font = QFont(font)
                    bold_font.setBold(True)
                    bold_metrics = self._bold_metrics[font_id] = QFontMetrics(bold_font)
                metrics = bold_metrics
            height = metrics.boundingRect(QRect(0, 0, width, TALL), WRAP, text).height()
            if len(self._heights) >= HEIGHTS_KEPT:
                self._heights.clear()
            self._heights[key] = height
        return height

    def _lines(self, entry: CatalogEntry) -> tuple[str, str]:
        title = entry.name
        if self.numbered and entry.stack_position is not None:
            title = f"{entry.stack_position}. {title}"
        details = [d for d in (entry.issuer_name, entry.stack_name) if d]
        if entry.in_service_hours is not None:
            details.append(self.tr("%1 h").replace("%1", f"{entry.in_service_hours:g}"))
        return title, " · ".join(details)

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        """The row as Qt draws it, without its text: paint() writes the two lines itself."""
        super().initStyleOption(option, index)
        if isinstance(index.data(ENTRY_ROLE), CatalogEntry):
            option.text = ""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        # Qt draws the background, selection and focus (through initStyleOption above, with
        # no text). Nothing here reads the style or the option's state: in Python, either
        # builds QStyle's enumerations, a tenth of a bare window's start-up.
        super().paint(painter, option, index)
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, CatalogEntry):
            return
        title, details = self._lines(entry)
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        view = option.widget
        selected = isinstance(view, QAbstractItemView) and view.selectionModel() is not None \
            and view.selectionModel().isSelected(index)
        palette: QPalette = option.palette
        group = QPalette.ColorGroup.Active
        text_color = palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        muted = text_color if selected else palette.color(group, QPalette.ColorRole.PlaceholderText)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_color)
        flags = TOP_LEFT_WRAP
        title_rect = painter.boundingRect(rect, flags, title)
        painter.drawText(rect, flags, title)
        painter.setFont(option.font)
        painter.setPen(muted)
        below = rect.adjusted(0, title_rect.height() + 2, 0, 0)
        painter.drawText(below, flags, details)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, CatalogEntry):
            return super().sizeHint(option, index)
        widget = option.widget
        if isinstance(widget, BatchedListView):
            width = max(120, widget.viewport_width() - 2 * PADDING - 6)
        else:
            width = max(120, option.rect.width() - 2 * PADDING)
        title, details = self._lines(entry)
        font = option.font
        metrics = QFontMetrics(font)
        font_id = (font.key(), metrics.fontDpi())
        title_height = self._text_height(font, metrics, font_id, True, width, title)
        details_height = self._text_height(font, metrics, font_id, False, width,
                                           details) if details else 0
        return QSize(width, title_height + details_height + ROW_CHROME)
