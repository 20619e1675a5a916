"""A zoomable picture (a photo, a PDF page) on which the reviewer drags a rectangle to comment on
part of it, with the commented parts drawn in their kinds' colours; GUI thread."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QToolTip, QWidget

from mcdesk.core.reviews import CommentKind
from mcdesk.ui.annotation.style import picture_color

Region = tuple[float, float, float, float]

MIN_DRAG_PX = 6  # a smaller drag is a click
ZOOM_STEP = 1.25
MIN_ZOOM = 0.05
MAX_ZOOM = 8.0


@dataclass(frozen=True)
class RegionMark:
    """A commented part of the picture: the comment's id, kind, where (fractions) and a
    tooltip."""

    comment_id: str
    kind: CommentKind
    region: Region
    tooltip: str = ""


class Fit(enum.Enum):
    PAGE = "page"  # the whole picture in view
    WIDTH = "width"  # as wide as the view


class _Canvas(QWidget):
    """The picture at its zoomed size; mouse and keyboard for drawing regions."""

    def __init__(self, owner: RegionView) -> None:
        super().__init__()
        self._owner = owner
        self.image = QImage()
        self.placeholder = ""
        self.marks: list[RegionMark] = []
        self.selected: str | None = None
        self.drawing_enabled = True
        self._press: QPointF | None = None
        self._press_mark: str | None = None
        self._drag: QRectF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def to_widget(self, region: Region) -> QRectF:
        x, y, w, h = region
        return QRectF(x * self.width(), y * self.height(), w * self.width(), h * self.height())

    def to_region(self, rect: QRectF) -> Region:
        width, height = max(1, self.width()), max(1, self.height())
        r = rect.normalized().intersected(QRectF(0, 0, width, height))
        x, y = r.left() / width, r.top() / height
        w, h = r.width() / width, r.height() / height
        return (round(x, 5), round(y, 5), round(min(w, 1 - x), 5), round(min(h, 1 - y), 5))

    def mark_at(self, point: QPointF) -> str | None:
        hits = [m for m in self.marks if self.to_widget(m.region).adjusted(-3, -3, 3, 3)
                .contains(point)]
        if not hits:
            return None
        # The smallest area under the mouse is the one meant; the selected one wins ties.
        hits.sort(key=lambda m: (m.comment_id != self.selected,
                                 m.region[2] * m.region[3]))
        return hits[0].comment_id

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        if self.image.isNull():
            painter.setPen(palette.color(QPalette.ColorRole.BrightText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter
                             | Qt.TextFlag.TextWordWrap, self.placeholder)
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(self.rect()), self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        halo = QPen(QColor(0, 0, 0, 140), 4)
        selected_mark = None
        for mark in self.marks:
            if mark.comment_id == self.selected:
                selected_mark = mark
                continue
            self._paint_mark(painter, mark, palette, halo, False)
        if selected_mark is not None:
            self._paint_mark(painter, selected_mark, palette, halo, True)
        if self._drag is not None:
            highlight = palette.color(QPalette.ColorRole.Highlight)
            fill = QColor(highlight)
            fill.setAlpha(60)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(0, 0, 0, 140), 3))
            painter.drawRect(self._drag.normalized())
            painter.setPen(QPen(highlight, 2, Qt.PenStyle.DashLine))
            painter.drawRect(self._drag.normalized())
        if self.hasFocus():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_mark(self, painter: QPainter, mark: RegionMark, palette: QPalette, halo: QPen,
                    selected: bool) -> None:
        rect = self.to_widget(mark.region)
        # Regions sit on a picture, not on the palette: strong colours with a dark halo.
        painter.setBrush(picture_color(mark.kind, 110 if selected else 45))
        painter.setPen(halo)
        painter.drawRect(rect)
        edge = palette.color(QPalette.ColorRole.Highlight) if selected else \
            picture_color(mark.kind)
        painter.setPen(QPen(edge, 4 if selected else 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.image.isNull():
            super().mousePressEvent(event)
            return
        self._press = event.position()
        self._press_mark = self.mark_at(self._press)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        if not self.drawing_enabled:
            return
        if (event.position() - self._press).manhattanLength() >= MIN_DRAG_PX:
            self._press_mark = None
            self._drag = QRectF(self._press, event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        drag, self._drag = self._drag, None
        mark, self._press_mark = self._press_mark, None
        self._press = None
        self.update()
        if drag is not None and self.drawing_enabled:
            rect = drag.normalized()
            if rect.width() >= MIN_DRAG_PX and rect.height() >= MIN_DRAG_PX:
                self._owner.region_drawn.emit(self.to_region(rect))
        elif mark is not None:
            self._owner.region_clicked.emit(mark)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Insert and self.drawing_enabled and not self.image.isNull():
            # The keyboard's way to a region: the middle of what is in view.
            visible = self.visibleRegion().boundingRect()
            rect = QRectF(visible).adjusted(visible.width() / 4, visible.height() / 4,
                                            -visible.width() / 4, -visible.height() / 4)
            self._owner.region_drawn.emit(self.to_region(rect))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected is not None:
            self._owner.region_clicked.emit(self.selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.mark_at(QPointF(event.pos()))
            mark = next((m for m in self.marks if m.comment_id == hit), None)
            if mark is not None and mark.tooltip:
                QToolTip.showText(event.globalPos(), mark.tooltip, self,
                                  self.to_widget(mark.region).toAlignedRect())
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class RegionView(QScrollArea):
    """A picture that fits the view (or its width) or zooms, with commented regions.

    Drag on the picture to choose a region (`region_drawn`, fractions of the picture); click a
    drawn region to pick its comment (`region_clicked`). With the picture focused, Insert
    chooses the middle of what is in view and Enter picks the selected region; Ctrl+wheel
    zooms."""

    region_drawn = Signal(object)
    """A region (x, y, width, height as fractions of the picture) the user dragged out."""
    region_clicked = Signal(str)
    """The id of the comment whose region the user clicked."""
    scale_changed = Signal()
    """The picture's size on screen changed (zoom or fit); a renderer may redraw it sharper."""

    def __init__(self, parent: QWidget | None = None, *, fit: Fit = Fit.PAGE,
                 upscale: bool = False) -> None:
        super().__init__(parent)
        self._fit_mode = fit
        self._upscale = upscale
        self._natural = QSizeF()
        self._zoom: float | None = None  # None: fit
        self.canvas = _Canvas(self)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the canvas takes the focus
        self.setMinimumSize(QSize(240, 180))

    # -- the picture ----------------------------------------------------------------------

    def set_image(self, image: QImage, natural_size: QSizeF | None = None, *,
                  keep_zoom: bool = False) -> None:
        """Show `image`; `natural_size` is its size at 100 % (default: the image's own)."""
        self.canvas.image = image
        self.canvas.placeholder = ""
        natural = natural_size if natural_size is not None else QSizeF(image.size())
        if image.devicePixelRatio() > 1 and natural_size is None:
            natural = natural / image.devicePixelRatio()
        changed = natural != self._natural
        self._natural = natural
        if not keep_zoom:
            self._zoom = None
        if changed or not keep_zoom:
            self._relayout()
        self.canvas.update()

    def set_natural_size(self, natural: QSizeF, placeholder: str = "") -> None:
        """Lay out for a picture of this size at 100 % that is not drawn yet (a page being
        rendered); `placeholder` shows meanwhile."""
        self.canvas.image = QImage()
        self.canvas.placeholder = placeholder
        if natural != self._natural:
            self._natural = QSizeF(natural)
            self._relayout()
        self.canvas.update()

    def clear(self, placeholder: str = "") -> None:
        self.canvas.image = QImage()
        self.canvas.placeholder = placeholder
        self._natural = QSizeF()
        self.canvas.resize(self.viewport().size())
        self.canvas.update()

    def has_image(self) -> bool:
        return not self.canvas.image.isNull()

    def set_marks(self, marks: Sequence[RegionMark]) -> None:
        self.canvas.marks = list(marks)
        if self.canvas.selected not in {m.comment_id for m in marks}:
            self.canvas.selected = None
        self.canvas.update()

    def marks(self) -> list[RegionMark]:
        return list(self.canvas.marks)

    def set_selected(self, comment_id: str | None) -> None:
        self.canvas.selected = comment_id
        self.canvas.update()
        mark = next((m for m in self.canvas.marks if m.comment_id == comment_id), None)
        if mark is not None:
            self.show_region(mark.region)

    def set_drawing_enabled(self, enabled: bool) -> None:
        self.canvas.drawing_enabled = enabled
        self.canvas.setCursor(Qt.CursorShape.CrossCursor if enabled
                              else Qt.CursorShape.ArrowCursor)

    def show_region(self, region: Region) -> None:
        rect = self.canvas.to_widget(region).toAlignedRect()
        self.ensureVisible(rect.center().x(), rect.center().y(),
                           rect.width() // 2 + 20, rect.height() // 2 + 20)

    def region_rect(self, region: Region) -> QRect:
        """Where `region` is on the canvas (widget coordinates of `canvas`)."""
        return self.canvas.to_widget(region).toAlignedRect()

    # -- zoom -----------------------------------------------------------------------------

    def zoom(self) -> float:
        if self._zoom is not None:
            return self._zoom
        return self._fit_zoom()

    def is_fitted(self) -> bool:
        return self._zoom is None

    def _fit_zoom(self) -> float:
        if self._natural.isEmpty():
            return 1.0
        margin = 8
        width = self.width() - 2 * self.frameWidth() - margin
        height = self.height() - 2 * self.frameWidth() - margin
        if self._fit_mode is Fit.WIDTH:  # leave room for the scroll bar a tall page needs
            zoom = (width - self.verticalScrollBar().sizeHint().width()) / self._natural.width()
        else:
            zoom = min(width / self._natural.width(), height / self._natural.height())
        if not self._upscale:
            zoom = min(zoom, 1.0)
        return max(MIN_ZOOM, zoom)

    def zoom_by(self, factor: float) -> None:
        if self._natural.isEmpty():
            return
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor))
        self._relayout()

    def fit(self) -> None:
        self._zoom = None
        self._relayout()

    def _relayout(self) -> None:
        if self._natural.isEmpty():
            self.canvas.resize(self.viewport().size())
            return
        size = (self._natural * self.zoom()).toSize()
        if size != self.canvas.size():
            self.canvas.resize(size)
            self.scale_changed.emit()
        self.canvas.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None:
            self._relayout()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_by(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP)
            event.accept()
            return
        super().wheelEvent(event)

    def canvas_point(self, region_point: tuple[float, float]) -> QPoint:
        """A point of the picture (fractions) in the canvas's coordinates, for tests and
        keyboard helpers."""
        return QPoint(round(region_point[0] * self.canvas.width()),
                      round(region_point[1] * self.canvas.height()))
