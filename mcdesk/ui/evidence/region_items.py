"""The areas a RegionEditor shows: a movable, resizable rectangle item, its drag modes and
looks, and conversions between Qt rectangles and core Rects; GUI thread."""

from __future__ import annotations

import enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from mcdesk.core.evidence import Rect

# Handles and the hit margin around them, in screen pixels.
HANDLE_PX = 9
AREA_Z = 10.0


class Drag(enum.Enum):
    NONE = "none"
    CREATE = "create"
    MOVE = "move"
    RESIZE = "resize"


class AreaStyle(enum.Enum):
    """How marked areas look: a see-through highlight (blur) or nearly solid black (redact)."""

    HIGHLIGHT = "highlight"
    BLACK_OUT = "black out"


class AreaItem(QGraphicsRectItem):
    """One marked area; its rectangle is in image pixels (the scene's coordinates)."""

    def __init__(self, key: int, rect: QRectF, style: AreaStyle) -> None:
        super().__init__(rect)
        self.key = key
        self.style = style
        self.setZValue(AREA_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        selected = self.isSelected()
        if self.style is AreaStyle.BLACK_OUT:
            fill = QColor(0, 0, 0, 200)
            edge = QColor("#2f7bd8") if selected else QColor("#ffcc33")
        else:
            fill = QColor(255, 196, 0, 60) if not selected else QColor(47, 123, 216, 70)
            edge = QColor("#2f7bd8") if selected else QColor("#ffb000")
        painter.setBrush(QBrush(fill))
        # A dark halo under the coloured line keeps the edge visible on any picture.
        halo = QPen(QColor(0, 0, 0, 150), 4)
        halo.setCosmetic(True)
        painter.setPen(halo)
        painter.drawRect(self.rect())
        pen = QPen(edge, 2)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.rect())
        if selected:
            scale = painter.worldTransform().m11() or 1.0
            half = HANDLE_PX / 2 / scale
            painter.setBrush(QBrush(QColor("white")))
            for corner in corners_of(self.rect()):
                painter.drawRect(QRectF(corner.x() - half, corner.y() - half, 2 * half, 2 * half))


def corners_of(rect: QRectF) -> list[QPointF]:
    return [rect.topLeft(), rect.topRight(), rect.bottomLeft(), rect.bottomRight()]


def to_rect(rect: QRectF) -> Rect:
    """A core Rect (whole pixels) from a scene rectangle."""
    normal = rect.normalized()
    x, y = round(normal.left()), round(normal.top())
    return Rect(x, y, max(1, round(normal.right()) - x), max(1, round(normal.bottom()) - y))


def to_qrectf(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)
