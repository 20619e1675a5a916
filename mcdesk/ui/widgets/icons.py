"""Loads mcdesk's SVG icons from the package resources; GUI thread."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mcdesk.resource_files import resource_path

#: The blue mcdesk's line icons are drawn in: the colour a selection highlight swallows.
LINE_COLOUR = "#4a7fbf"
#: Sizes drawn ahead for icons with a selected look: the sidebar's 22 px at 100 %, 150 % and
#: 200 % (other sizes are scaled from the nearest). Each is drawn twice, normal and selected.
SELECTED_SIZES = (22, 33, 44)


@cache
def icon(name: str) -> QIcon:
    """The SVG icon `name` from resources/icons, or an empty icon if there is none."""
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def _draw(svg: bytes, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


@cache
def _selectable(name: str, selected_rgb: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_bytes()
    # On a selected row the line colour becomes the selection's text colour, so the icon
    # reads like the label beside it; the accent colours (gold, green) stay.
    recoloured = svg.replace(LINE_COLOUR.encode(), selected_rgb.encode())
    result = QIcon()
    for size in SELECTED_SIZES:
        result.addPixmap(_draw(svg, size), QIcon.Mode.Normal)
        result.addPixmap(_draw(recoloured, size), QIcon.Mode.Selected)
    return result


def selectable_icon(name: str, selected_text: QColor) -> QIcon:
    """The icon `name`, drawn in `selected_text` (the palette's HighlightedText) when its item
    is selected: in the selection colour the icon's own blue would disappear."""
    return _selectable(name, selected_text.name())
