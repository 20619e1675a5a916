"""Loads mcdesk's SVG icons from the package resources; GUI thread."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mcdesk.resource_files import resource_path

# The blue mcdesk's line icons are drawn in: the colour a selection highlight swallows.
LINE_COLOUR = "#4a7fbf"


@cache
def icon(name: str) -> QIcon:
    """The SVG icon `name` from resources/icons, or an empty icon if there is none."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def _draw(svg: bytes, size: QSize) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


class _SelectableEngine(QIconEngine):
    """Draws the icon's SVG, or its recoloured copy for a selected item, at the size asked
    for when first asked (the sidebar's six icons were drawn at three sizes and both looks
    ahead of the first paint, which then used six of the thirty-six)."""

    def __init__(self, svg: bytes, recoloured: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._recoloured = recoloured
        self._drawn: dict[tuple[int, int, bool], QPixmap] = {}
        self._clones: list[_SelectableEngine] = []  # Qt owns what clone() returns, we keep it

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        selected = mode == QIcon.Mode.Selected
        key = (size.width(), size.height(), selected)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = self._drawn[key] = _draw(self._recoloured if selected else self._svg, size)
        if mode == QIcon.Mode.Disabled:  # greyed by the style, as Qt does for its own icons
            from PySide6.QtWidgets import QApplication, QStyleOption

            return QApplication.style().generatedIconPixmap(mode, drawn, QStyleOption())
        return drawn

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = QPixmap(self.pixmap(size * scale, mode, state))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        twin = _SelectableEngine(self._svg, self._recoloured)
        self._clones.append(twin)
        return twin


_engines: list[_SelectableEngine] = []  # alive as long as their icons (the cache below)


@cache
def _selectable(name: str, selected_rgb: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_bytes()
    # On a selected row the line colour becomes the selection's text colour, so the icon
    # reads like the label beside it; the accent colours (gold, green) stay.
    recoloured = svg.replace(LINE_COLOUR.encode(), selected_rgb.encode())
    engine = _SelectableEngine(svg, recoloured)
    _engines.append(engine)
    return QIcon(engine)


def selectable_icon(name: str, selected_text: QColor) -> QIcon:
    """The icon `name`, drawn in `selected_text` (the palette's HighlightedText) when its item
    is selected: in the selection colour the icon's own blue would disappear."""
    return _selectable(name, selected_text.name())
