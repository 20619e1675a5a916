"""A picture with rectangular areas the teacher marks, moves, resizes and removes (faces to
blur, things to black out); GUI thread."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QWidget,
)

from mcdesk.core.evidence import Rect
from mcdesk.ui.evidence.region_items import (
    HANDLE_PX,
    AreaItem,
    AreaStyle,
    Drag,
    corners_of,
    to_qrectf,
    to_rect,
)

# Smallest area (in image pixels) a drag makes; a shorter drag is taken as a click.
MIN_SIZE = 4
ZOOM_STEP = 1.25
MAX_ZOOM = 16.0


class RegionEditor(QGraphicsView):
    """Shows a picture scaled to fit and lets the user mark rectangles on it.

    Mouse: drag on the picture to add an area; click an area to select it; drag it to move it;
    drag a corner of the selected area to resize it; right-click for "Remove this area".
    Keyboard: Tab/Shift+Tab step through the areas (then on to the next control), arrows move
    the selected area, Shift+arrows resize it, Insert adds an area in the middle of the view,
    Delete/Backspace removes the selected one, Ctrl+= / Ctrl+- / Ctrl+0 zoom in, out and fit.

    Areas are in pixels of the picture's coordinate space (by default the image's own size;
    set_image() can give another, e.g. a video's size when the frame shown is smaller).
    """

    rects_changed = Signal()
    """Areas were added, moved, resized or removed (by the user or by set_rects)."""
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 style: AreaStyle = AreaStyle.HIGHLIGHT) -> None:
        super().__init__(parent)
        self._style = style
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self._pixmap_item = QGraphicsPixmapItem()
        self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._scene.addItem(self._pixmap_item)
        self._size = QSizeF()
        self._placeholder = ""
        self._zoom = 1.0  # relative to "fit"
        self._next_key = 0
        self._drag = Drag.NONE
        self._drag_origin = QPointF()
        self._drag_start_rect = QRectF()
        self._drag_corner = 0
        self._drag_item: AreaItem | None = None
        self._drag_changed = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setBackgroundBrush(self.palette().dark())
        self.viewport().setMouseTracking(True)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(QSize(240, 180))
        self.setAccessibleName(self.tr("Picture with marked areas"))
        self._scene.selectionChanged.connect(self._selection_changed)
        self._update_description()

    # -- the picture -------------------------------------------------------------------

    def set_image(self, image: QImage | QPixmap, size: QSize | None = None) -> None:
        """Show `image`; `size` is the coordinate space the areas are in (default: the
        image's own size). Areas already marked are kept."""
        pixmap = QPixmap.fromImage(image) if isinstance(image, QImage) else image
        self._pixmap_item.setPixmap(pixmap)
        width = size.width() if size is not None and size.width() > 0 else pixmap.width()
        height = size.height() if size is not None and size.height() > 0 else pixmap.height()
        if pixmap.width() > 0 and pixmap.height() > 0:
            self._pixmap_item.setTransform(QTransform.fromScale(
                width / pixmap.width(), height / pixmap.height()))
        self._size = QSizeF(width, height)
        self._scene.setSceneRect(QRectF(0, 0, width, height))
        self._placeholder = ""
        self._zoom = 1.0
        self._fit()
        self._update_description()
        self.viewport().update()

    def clear_image(self, placeholder: str = "") -> None:
        """Show no picture, only `placeholder` (e.g. "Loading the photo…")."""
        self._pixmap_item.setPixmap(QPixmap())
        self._size = QSizeF()
        self._placeholder = placeholder
        self.viewport().update()

    def has_image(self) -> bool:
        return not self._size.isEmpty()

    def image_size(self) -> QSize:
        return self._size.toSize()

    # -- the areas ---------------------------------------------------------------------

    def rects(self) -> list[Rect]:
        """The marked areas, in the order they were made."""
        return [to_rect(item.rect()) for item in self._items()]

    def keys(self) -> list[int]:
        """A stable key for each area of rects(), in the same order."""
        return [item.key for item in self._items()]

    def new_key(self) -> int:
        """A key no area has had yet, for callers that track areas by key."""
        key = self._next_key
        self._next_key += 1
        return key

    def set_rects(self, rects: Sequence[Rect], keys: Sequence[int] | None = None,
                  *, selected_key: int | None = None) -> None:
        """Replace every area; `keys` (from new_key()) identify them for the caller."""
        if keys is not None and len(keys) != len(rects):
            raise ValueError("one key per rectangle")
        self._scene.blockSignals(True)
        for item in self._items():
            self._scene.removeItem(item)
        for index, rect in enumerate(rects):
            key = keys[index] if keys is not None else self.new_key()
            self._next_key = max(self._next_key, key + 1)
            item = AreaItem(key, to_qrectf(rect), self._style)
            self._scene.addItem(item)
            item.setSelected(key == selected_key)
        self._scene.blockSignals(False)
        self._changed()
        self.selection_changed.emit()

    def add_rect(self, rect: Rect, *, select: bool = True) -> int:
        """Add one area (clipped to the picture); returns its key."""
        item = AreaItem(self.new_key(), self._clip(to_qrectf(rect)), self._style)
        self._scene.addItem(item)
        if select:
            self._select(item)
        self._changed()
        return item.key

    def add_default_rect(self) -> int | None:
        """Add an area in the middle of what is shown, a fifth of the picture's size; the
        keyboard's way to add one. None when there is no picture."""
        if not self.has_image():
            return None
        visible = self.mapToScene(self.viewport().rect()).boundingRect().intersected(
            self._scene.sceneRect())
        side_w = max(MIN_SIZE * 2, self._size.width() / 5)
        side_h = max(MIN_SIZE * 2, self._size.height() / 5)
        centre = visible.center()
        return self.add_rect(to_rect(QRectF(centre.x() - side_w / 2, centre.y() - side_h / 2,
                                            side_w, side_h)))

    def selected_key(self) -> int | None:
        item = self._selected_item()
        return item.key if item is not None else None

    def select_key(self, key: int | None) -> None:
        for item in self._items():
            item.setSelected(item.key == key)

    def remove_selected(self) -> bool:
        item = self._selected_item()
        if item is None:
            return False
        self._remove(item)
        return True

    def set_style(self, style: AreaStyle) -> None:
        self._style = style
        for item in self._items():
            item.style = style
            item.update()

    # -- zoom --------------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        """How much larger than "fit to the view" the picture is shown (1.0 = fit)."""
        return self._zoom

    def zoom_in(self) -> None:
        self._set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self._zoom / ZOOM_STEP)

    def zoom_to_fit(self) -> None:
        self._set_zoom(1.0)

    def _set_zoom(self, zoom: float) -> None:
        self._zoom = min(MAX_ZOOM, max(1.0, zoom))
        self._fit()

    def _fit(self) -> None:
        if self._size.isEmpty():
            return
        self.resetTransform()
        self.fitInView(self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self._zoom != 1.0:
            self.scale(self._zoom, self._zoom)

    # -- events ------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.has_image():
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        point = self._scene_point(event.position().toPoint())
        selected = self._selected_item()
        corner = self._corner_at(selected, event.position().toPoint()) if selected else None
        self._drag_changed = False
        self._drag_origin = point
        if selected is not None and corner is not None:
            self._drag = Drag.RESIZE
            self._drag_item = selected
            self._drag_corner = corner
            self._drag_start_rect = selected.rect()
        elif (item := self._item_at(event.position().toPoint())) is not None:
            self._select(item)
            self._drag = Drag.MOVE
            self._drag_item = item
            self._drag_start_rect = item.rect()
        elif self._scene.sceneRect().contains(point):
            self._scene.clearSelection()
            self._drag = Drag.CREATE
            self._drag_item = None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        position = event.position().toPoint()
        if self._drag is Drag.NONE:
            self._update_cursor(position)
            super().mouseMoveEvent(event)
            return
        point = self._clamp(self._scene_point(position))
        if self._drag is Drag.CREATE:
            rect = QRectF(self._drag_origin, point).normalized()
            if self._drag_item is None:
                if rect.width() * self._view_scale() < MIN_SIZE and (
                        rect.height() * self._view_scale() < MIN_SIZE):
                    return
                self._drag_item = AreaItem(self.new_key(), rect, self._style)
                self._scene.addItem(self._drag_item)
                self._select(self._drag_item)
            self._drag_item.setRect(rect)
            self._drag_changed = True
        elif self._drag is Drag.MOVE and self._drag_item is not None:
            delta = point - self._drag_origin
            self._drag_item.setRect(self._clip_move(self._drag_start_rect.translated(delta)))
            self._drag_changed = True
        elif self._drag is Drag.RESIZE and self._drag_item is not None:
            corners = corners_of(self._drag_start_rect)
            opposite = corners[3 - self._drag_corner]
            self._drag_item.setRect(QRectF(opposite, point).normalized())
            self._drag_changed = True
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is Drag.NONE:
            super().mouseReleaseEvent(event)
            return
        item = self._drag_item
        drag = self._drag
        self._drag = Drag.NONE
        self._drag_item = None
        event.accept()
        if item is not None and (item.rect().width() < MIN_SIZE
                                 or item.rect().height() < MIN_SIZE):
            if drag is Drag.CREATE:  # too small to be meant: forget it quietly
                self._scene.removeItem(item)
                self.selection_changed.emit()
                return
            item.setRect(self._drag_start_rect)  # a resize to nothing is undone
        if self._drag_changed:
            self._changed()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self._item_at(event.pos())
        menu = QMenu(self)
        if item is not None:
            self._select(item)
            remove = menu.addAction(self.tr("Remove this area"))
            remove.triggered.connect(lambda: self._remove(item))
        elif self.has_image():
            position = self._scene_point(event.pos())
            add = menu.addAction(self.tr("Add an area here"))

            def add_here() -> None:
                w, h = self._size.width() / 5, self._size.height() / 5
                self.add_rect(to_rect(self._clip(QRectF(position.x() - w / 2,
                                                        position.y() - h / 2, w, h))))

            add.triggered.connect(add_here)
        if self.has_image():
            menu.addSeparator()
            menu.addAction(self.tr("Zoom in"), self.zoom_in)
            menu.addAction(self.tr("Zoom out"), self.zoom_out)
            menu.addAction(self.tr("Fit to window"), self.zoom_to_fit)
        menu.exec(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (
                ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus)):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (ctrl and key == Qt.Key.Key_Minus):
            self.zoom_out()
        elif ctrl and key == Qt.Key.Key_0:
            self.zoom_to_fit()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self._selected_item():
            self.remove_selected()
        elif key == Qt.Key.Key_Insert:
            self.add_default_rect()
        elif key == Qt.Key.Key_Escape and self._selected_item() is not None:
            self._scene.clearSelection()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down) and (
                (item := self._selected_item()) is not None):
            self._nudge(item, key, resize=shift, fine=ctrl)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab steps through the areas, then leaves the picture as usual."""
        items = self._items()
        if items and self.hasFocus():
            current = self._selected_item()
            index = items.index(current) if current is not None else (-1 if next else len(items))
            index += 1 if next else -1
            if 0 <= index < len(items):
                self._select(items[index])
                self.ensureVisible(items[index].rect())
                return True
            self._scene.clearSelection()
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self._size.isEmpty() and self._placeholder:
            painter.save()
            painter.resetTransform()
            painter.setPen(self.palette().brightText().color())
            painter.drawText(self.viewport().rect().adjusted(16, 16, -16, -16),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self._placeholder)
            painter.restore()
        if self.hasFocus():
            painter.save()
            painter.resetTransform()
            pen = QPen(self.palette().highlight().color(), 2)
            painter.setPen(pen)
            painter.drawRect(self.viewport().rect().adjusted(1, 1, -2, -2))
            painter.restore()

    # -- internals ---------------------------------------------------------------------

    def _items(self) -> list[AreaItem]:
        found = [item for item in self._scene.items() if isinstance(item, AreaItem)]
        return sorted(found, key=lambda item: item.key)

    def _selected_item(self) -> AreaItem | None:
        for item in self._scene.selectedItems():
            if isinstance(item, AreaItem):
                return item
        return None

    def _select(self, item: AreaItem) -> None:
        if item.isSelected() and len(self._scene.selectedItems()) == 1:
            return
        self._scene.clearSelection()
        item.setSelected(True)

    def _remove(self, item: AreaItem) -> None:
        self._scene.removeItem(item)
        self._changed()
        self.selection_changed.emit()

    def _item_at(self, position: QPoint) -> AreaItem | None:
        selected = self._selected_item()
        if selected is not None and selected.rect().contains(self._scene_point(position)):
            return selected  # the selected one wins where areas overlap
        for item in self.items(position):
            if isinstance(item, AreaItem):
                return item
        return None

    def _corner_at(self, item: AreaItem, position: QPoint) -> int | None:
        for index, corner in enumerate(corners_of(item.rect())):
            shown = self.mapFromScene(corner)
            if abs(shown.x() - position.x()) <= HANDLE_PX and abs(
                    shown.y() - position.y()) <= HANDLE_PX:
                return index
        return None

    def _update_cursor(self, position: QPoint) -> None:
        selected = self._selected_item()
        corner = self._corner_at(selected, position) if selected is not None else None
        if corner is not None:
            shape = (Qt.CursorShape.SizeFDiagCursor if corner in (0, 3)
                     else Qt.CursorShape.SizeBDiagCursor)
        elif self._item_at(position) is not None:
            shape = Qt.CursorShape.SizeAllCursor
        else:
            shape = Qt.CursorShape.CrossCursor
        if self.viewport().cursor().shape() != shape:
            self.viewport().setCursor(shape)

    def _scene_point(self, position: QPoint) -> QPointF:
        return self.mapToScene(position)

    def _view_scale(self) -> float:
        return self.transform().m11() or 1.0

    def _clamp(self, point: QPointF) -> QPointF:
        return QPointF(min(max(point.x(), 0.0), self._size.width()),
                       min(max(point.y(), 0.0), self._size.height()))

    def _clip(self, rect: QRectF) -> QRectF:
        if self._size.isEmpty():
            return rect
        return rect.normalized().intersected(QRectF(0, 0, self._size.width(),
                                                    self._size.height()))

    def _clip_move(self, rect: QRectF) -> QRectF:
        """`rect` moved back inside the picture without changing its size."""
        x = min(max(rect.left(), 0.0), max(0.0, self._size.width() - rect.width()))
        y = min(max(rect.top(), 0.0), max(0.0, self._size.height() - rect.height()))
        return QRectF(x, y, rect.width(), rect.height())

    def _nudge(self, item: AreaItem, key: int, *, resize: bool, fine: bool) -> None:
        step = 1.0 if fine else max(1.0, round(max(self._size.width(),
                                                   self._size.height()) / 100))
        dx = {Qt.Key.Key_Left: -step, Qt.Key.Key_Right: step}.get(Qt.Key(key), 0.0)
        dy = {Qt.Key.Key_Up: -step, Qt.Key.Key_Down: step}.get(Qt.Key(key), 0.0)
        rect = item.rect()
        if resize:
            rect = QRectF(rect.left(), rect.top(), max(MIN_SIZE, rect.width() + dx),
                          max(MIN_SIZE, rect.height() + dy))
            rect = self._clip(rect)
        else:
            rect = self._clip_move(rect.translated(dx, dy))
        item.setRect(rect)
        self.ensureVisible(rect)
        self._changed()

    def _selection_changed(self) -> None:
        self._update_description()
        self.selection_changed.emit()

    def _changed(self) -> None:
        self._update_description()
        self.rects_changed.emit()

    def _update_description(self) -> None:
        count = len(self._items())
        if count == 0:
            text = self.tr("No areas marked.")
        elif count == 1:
            text = self.tr("One area marked.")
        else:
            text = self.tr("%1 areas marked.").replace("%1", str(count))
        if self._selected_item() is not None:
            text += " " + self.tr("One is selected: arrows move it, Shift+arrows resize it, "
                                  "Delete removes it.")
        else:
            text += " " + self.tr("Drag on the picture or press Insert to add an area; Tab "
                                  "selects the next one.")
        self.setAccessibleDescription(text)
