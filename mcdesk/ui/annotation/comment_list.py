"""The comments on one piece of evidence, one row each (where, kind, criterion, the words,
"private"), following the playhead while a recording plays; GUI thread."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.reviews import Annotation, Audience, sorted_for_timeline
from mcdesk.ui.annotation.style import kind_color, kind_name, tooltip, where

translate = QCoreApplication.translate

COMMENT_ROLE = Qt.ItemDataRole.UserRole + 1
NOW_ROLE = Qt.ItemDataRole.UserRole + 2  # the row the playhead is at (or just past)
PADDING = 6
BAR = 4  # the kind's colour bar at the left of a row
TEXT_LINES = 3  # a comment's words are cut after this many lines (the tooltip has them all)
HEIGHTS_KEPT = 20_000


class CommentListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._comments: list[Annotation] = []
        self._criteria: dict[str, str] = {}
        self._now: str | None = None

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        self.beginResetModel()
        self._comments = sorted_for_timeline(comments)
        self.endResetModel()

    def set_criteria(self, names: dict[str, str]) -> None:
        self._criteria = dict(names)
        if self._comments:
            self.dataChanged.emit(self.index(0), self.index(len(self._comments) - 1))

    def set_now(self, comment_id: str | None) -> None:
        rows = [r for r in (self.row_of(self._now), self.row_of(comment_id)) if r is not None]
        self._now = comment_id
        for row in rows:
            self.dataChanged.emit(self.index(row), self.index(row), [NOW_ROLE])

    def comments(self) -> list[Annotation]:
        return list(self._comments)

    def comment(self, row: int) -> Annotation:
        return self._comments[row]

    def row_of(self, comment_id: str | None) -> int | None:
        if comment_id is None:
            return None
        return next((r for r, c in enumerate(self._comments) if c.id == comment_id), None)

    def criterion_name(self, comment: Annotation) -> str:
        if not comment.rubric_criterion_id:
            return ""
        return self._criteria.get(comment.rubric_criterion_id, translate("Annotations",
                                                                         "a criterion not in this "
                                                                  "rubric"))

    def head(self, comment: Annotation) -> list[str]:
        """The parts of a row's first line: where, kind, criterion, "private"."""
        parts = [where(comment), kind_name(comment.kind)]
        criterion = self.criterion_name(comment)
        if criterion:
            parts.append(criterion)
        if comment.audience is Audience.ISSUER:
            parts.append(translate("Annotations", "private"))
        return parts

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._comments)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._comments):
            return None
        comment = self._comments[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return " · ".join(self.head(comment)) + ": " + comment.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(comment, self.criterion_name(comment))
        if role == COMMENT_ROLE:
            return comment
        if role == NOW_ROLE:
            return comment.id == self._now
        return None


class CommentDelegate(QStyledItemDelegate):
    """A row: the kind's colour bar, a bold first line (where · kind · criterion · private) and
    up to three lines of the comment's words."""

    def __init__(self, model: CommentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._heights: dict[tuple[str, str, int, str], int] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        comment = index.data(COMMENT_ROLE)
        if not isinstance(comment, Annotation):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        widget = option.widget
        option.text = ""
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        rect: QRect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_color(comment.kind, palette))
        painter.drawRoundedRect(QRectF(rect.left() + 2, rect.top() + 3, BAR,
                                       rect.height() - 6), 2, 2)
        if index.data(NOW_ROLE) and not selected:
            outline = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(outline)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), 3, 3)
        inner = rect.adjusted(BAR + 2 + PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        bold = QFont(option.font)
        bold.setBold(True)
        head = " · ".join(self._model.head(comment))
        metrics = QFontMetrics(bold)
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), metrics.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(head, Qt.TextElideMode.ElideRight, inner.width()))
        painter.setFont(option.font)
        y = inner.top() + metrics.height() + 2
        plain = QFontMetrics(option.font)
        for line in _lines(comment.text, option.font, inner.width(), TEXT_LINES):
            painter.drawText(QRect(inner.left(), y, inner.width(), plain.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             line)
            y += plain.lineSpacing()
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        comment = index.data(COMMENT_ROLE)
        if not isinstance(comment, Annotation):
            return super().sizeHint(option, index)
        widget = option.widget
        view_width = widget.viewport().width() if isinstance(widget, QAbstractItemView) \
            else option.rect.width()
        width = max(80, view_width - BAR - 2 - 2 * PADDING - 4)
        key = (option.font.key(), comment.id, width, comment.text)
        height = self._heights.get(key)
        if height is None:
            bold = QFont(option.font)
            bold.setBold(True)
            plain = QFontMetrics(option.font)
            lines = len(_lines(comment.text, option.font, width, TEXT_LINES))
            height = QFontMetrics(bold).height() + 2 + max(1, lines) * plain.lineSpacing() \
                + PADDING + 2
            if len(self._heights) >= HEIGHTS_KEPT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)


def _lines(text: str, font: QFont, width: int, most: int) -> list[str]:
    """`text` wrapped at `width` into at most `most` lines, the last one elided when cut."""
    flat = " ".join(text.split())
    if not flat:
        return []
    layout = QTextLayout(flat, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        if len(lines) == most - 1:
            rest = flat[start:]
            metrics = QFontMetrics(font)
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(flat[start:start + line.textLength()].rstrip())
    layout.endLayout()
    return lines


class CommentList(QWidget):
    """Activating a row (click, Enter) says which comment: `comment_activated`. `follow()` keeps
    the row of the comment at or just before the playhead highlighted."""

    comment_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CommentListModel()
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CommentDelegate(self.model, self.view))
        self.view.setAccessibleName(self.tr("Comments"))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setWordWrap(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setUniformItemSizes(False)
        self.view.setMouseTracking(True)
        self.view.setMinimumHeight(40)  # scrolls: on a short screen the piece keeps the room
        self.view.clicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.empty = QLabel(self.tr("No comments yet."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(8)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._starts: list[int] = []
        self._timed_ids: list[str] = []
        self._followed: str | None = None
        self.set_comments([])

    def set_empty_text(self, text: str) -> None:
        """What the list says when there is no comment (e.g. how to add one)."""
        self.empty.setText(text)

    def set_criteria(self, criteria: Sequence[tuple[str, str]]) -> None:
        """The rubric's criteria as (id, name) pairs, to name them in the rows."""
        self.model.set_criteria(dict(criteria))

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        keep = self.selected_id()
        self.model.set_comments(comments)
        timed = [c for c in self.model.comments() if c.anchor.start_ms is not None]
        timed.sort(key=lambda c: c.anchor.start_ms or 0)
        self._starts = [c.anchor.start_ms or 0 for c in timed]
        self._timed_ids = [c.id for c in timed]
        self.stack.setCurrentWidget(self.view if comments else self.empty)
        if self._followed is not None and self.model.row_of(self._followed) is None:
            self._followed = None
        self.model.set_now(self._followed)
        if keep is not None:
            self.select(keep, scroll=False)

    def comments(self) -> list[Annotation]:
        return self.model.comments()

    def select(self, comment_id: str | None, *, scroll: bool = True) -> None:
        """Highlight the comment's row (without saying it was activated)."""
        row = self.model.row_of(comment_id)
        selection = self.view.selectionModel()
        if row is None:
            selection.clearSelection()
            return
        index = self.model.index(row)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if scroll:
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def selected_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.comment(rows[0].row()).id if rows else None

    def followed_id(self) -> str | None:
        """The comment `follow()` last highlighted."""
        return self._followed

    def follow(self, position_ms: int) -> None:
        """Highlight the comment at or just before `position_ms` (timed comments only)."""
        at = bisect.bisect_right(self._starts, position_ms) - 1
        comment_id = self._timed_ids[at] if at >= 0 else None
        if comment_id is not None:
            # Of comments at the same moment, keep the one the reviewer picked.
            first = bisect.bisect_left(self._starts, self._starts[at])
            picked = self.selected_id()
            if picked in self._timed_ids[first:at + 1]:
                comment_id = picked
        if comment_id == self._followed:
            return
        self._followed = comment_id
        self.model.set_now(comment_id)
        if comment_id is not None:
            self.select(comment_id)

    def row_rect(self, comment_id: str) -> QRect:
        """Where the comment's row is in the view's viewport (empty when it has none)."""
        row = self.model.row_of(comment_id)
        return self.view.visualRect(self.model.index(row)) if row is not None else QRect()

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.comment_activated.emit(self.model.comment(index.row()).id)
