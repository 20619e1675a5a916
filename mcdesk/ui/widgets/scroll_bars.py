"""Scroll bars that paint their groove from a picture kept while its size, colours and state
stay the same. Fusion, Qt's style on Linux, fills the groove with a gradient at every paint of
the bar: 1-2 ms for a list's height, more than the rest of the bar and than most lists' rows,
paid again whenever the list repaints (each search, each row that changes); GUI thread."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOptionComplex,
    QStyleOptionSlider,
    QWidget,
)

# Enough for both bars of a few lists, each with and without the pointer over it.
KEPT_GROOVES = 8
# The only style whose groove is known to be drawn apart from the rest of the bar (others,
# Windows 11's say, paint a hover background whatever sub-controls they are asked for).
GROOVE_STYLE = "fusion"
_GROOVE = QStyle.SubControl.SC_ScrollBarGroove
_SCROLL_BAR = QStyle.ComplexControl.CC_ScrollBar


class KeptGrooveStyle(QProxyStyle):
    """The application's style, but a scroll bar's groove is drawn once per size, colours
    and state and then copied."""

    def __init__(self, parent: QObject | None = None) -> None:
        # Named, not the desktop's default: that may be another style than the application's.
        super().__init__(GROOVE_STYLE)
        if parent is not None:
            self.setParent(parent)
        self._grooves: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()

    def drawComplexControl(self, control: QStyle.ComplexControl,
                           option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        if (control != _SCROLL_BAR or not isinstance(option, QStyleOptionSlider)
                or not option.subControls & _GROOVE or option.rect.isEmpty()):
            super().drawComplexControl(control, option, painter, widget)
            return
        painter.drawPixmap(option.rect.topLeft(), self._groove(option, painter, widget))
        rest = QStyleOptionSlider(option)
        rest.subControls = option.subControls & ~_GROOVE
        super().drawComplexControl(control, rest, painter, widget)

    def _groove(self, option: QStyleOptionSlider, painter: QPainter,
                widget: QWidget | None) -> QPixmap:
        ratio = painter.device().devicePixelRatioF()
        key = (option.rect.width(), option.rect.height(), option.orientation, option.state,
               option.activeSubControls, option.palette.cacheKey(), ratio)
        kept = self._grooves.get(key)
        if kept is not None:
            self._grooves.move_to_end(key)
            return kept
        picture = QPixmap(option.rect.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        groove = QStyleOptionSlider(option)
        groove.rect = option.rect.translated(-option.rect.topLeft())
        groove.subControls = _GROOVE
        drawing = QPainter(picture)
        try:
            super().drawComplexControl(_SCROLL_BAR, groove, drawing, widget)
        finally:
            drawing.end()
        self._grooves[key] = picture
        while len(self._grooves) > KEPT_GROOVES:
            self._grooves.popitem(last=False)
        return picture


def keep_grooves(view: QAbstractScrollArea) -> None:
    """Give the view's scroll bars the kept-groove style (nothing under other styles)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.style().name().casefold() != GROOVE_STYLE:
        return
    style = app.findChild(KeptGrooveStyle)
    if style is None:
        style = KeptGrooveStyle(parent=app)  # one for the whole application, gone with it
    view.verticalScrollBar().setStyle(style)
    view.horizontalScrollBar().setStyle(style)
