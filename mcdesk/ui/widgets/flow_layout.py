"""A row of buttons that wraps onto the next line when the window is narrow (a small laptop,
150 % scaling, a long translation) instead of squeezing each button's label; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Lays its widgets out left to right at their preferred widths, starting a new line
    when the next one would not fit; `align_right` puts each line against the right edge
    (for a row of actions that sits under a title)."""

    def __init__(self, parent: QWidget | None = None, *, align_right: bool = False,
                 spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._align_right = align_right
        self._spacing = spacing
        self._height = 0
        """The height the lines took at the width last laid out (0 before the first time)."""
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if height != self._height:
            # Wrapped onto more (or fewer) lines: the layouts above make room (or take it
            # back); a splitter asks only for the minimum size, not the height for a width.
            self._height = height
            self.invalidate()

    def sizeHint(self) -> QSize:
        # All on one line: what the row would like when there is room.
        width = sum(item.sizeHint().width() for item in self._shown())
        width += self._gap() * max(0, len(self._shown()) - 1)
        height = max((item.sizeHint().height() for item in self._shown()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        # One button a line: as narrow as its widest button (a word-wrapped label, such as a
        # hint beside the buttons, wraps rather than setting the width).
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize() if item.hasHeightForWidth()
                                   else item.minimumSize().expandedTo(item.sizeHint()))
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        return QSize(size.width(), max(size.height(), self._height))

    def _shown(self) -> list[QLayoutItem]:
        shown = []
        for item in self._items:
            widget = item.widget()
            if widget is None or not widget.isHidden():
                shown.append(item)
        return shown

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) or 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._shown():
            hint = item.sizeHint()
            if item.hasHeightForWidth() and hint.width() > area.width():
                hint = QSize(area.width(), item.heightForWidth(area.width()))
            needed = hint.width() if not lines[-1] else used + gap + hint.width()
            if lines[-1] and needed > area.width():
                lines.append([])
                needed = hint.width()
            lines[-1].append((item, hint))
            used = needed
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(hint.height() for _item, hint in line)
            width = sum(hint.width() for _item, hint in line) + gap * (len(line) - 1)
            x = area.x() + (max(0, area.width() - width) if self._align_right else 0)
            for item, hint in line:
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2),
                                           QSize(min(hint.width(), area.width()),
                                                 hint.height())))
                x += hint.width() + gap
            y += height + gap
        return y - gap - rect.y() + margins.bottom() if y > area.y() else 0
