"""Scroll bars that paint their groove and their handle from pictures kept while their size,
colours and state stay the same. Fusion, Qt's style on Linux, fills both with gradients at
every paint of the bar: 1-2 ms for a list's groove and up to 1 ms for a long handle, more than
most lists' rows, paid again whenever the list repaints (each search, each row that changes,
each step of a scroll); GUI thread."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QMargins, QObject, QPoint, QRect, QSize, Qt
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
# A handle's length changes with its list's length: a few lists' current and last lengths.
KEPT_HANDLES = 8
# Fusion draws the handle's outline a pixel beyond the handle's own rectangle.
HANDLE_MARGIN = 2
# The only style whose groove is known to be drawn apart from the rest of the bar (others,
# Windows 11's say, paint a hover background whatever sub-controls they are asked for).
GROOVE_STYLE = "fusion"
_GROOVE = QStyle.SubControl.SC_ScrollBarGroove
_HANDLE = QStyle.SubControl.SC_ScrollBarSlider
_SCROLL_BAR = QStyle.ComplexControl.CC_ScrollBar


class KeptGrooveStyle(QProxyStyle):
    """The application's style, but a scroll bar's groove and handle are drawn once per
    size, colours and state and then copied."""

    def __init__(self, parent: QObject | None = None) -> None:
        # Named, not the desktop's default: that may be another style than the application's.
        super().__init__(GROOVE_STYLE)
        if parent is not None:
            self.setParent(parent)
        self._grooves: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()
        self._handles: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()

    def drawComplexControl(self, control: QStyle.ComplexControl,
                           option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        if (control != _SCROLL_BAR or not isinstance(option, QStyleOptionSlider)
                or option.rect.isEmpty()):
            super().drawComplexControl(control, option, painter, widget)
            return
        rest = QStyleOptionSlider(option)
        # In the style's own order: the groove, the handle over it, then the arrows.
        if option.subControls & _GROOVE:
            painter.drawPixmap(option.rect.topLeft(), self._groove(option, painter, widget))
            rest.subControls &= ~_GROOVE
        if option.subControls & _HANDLE and widget is not None and not self.styleHint(
                QStyle.StyleHint.SH_ScrollBar_Transient, option, widget):
            handle = self.subControlRect(_SCROLL_BAR, option, _HANDLE, widget)
            if not handle.isEmpty():
                corner = handle.topLeft() - QPoint(HANDLE_MARGIN, HANDLE_MARGIN)
                painter.drawPixmap(corner, self._handle(option, handle, painter, widget))
                rest.subControls &= ~_HANDLE
        if rest.subControls:
            super().drawComplexControl(control, rest, painter, widget)

    def _groove(self, option: QStyleOptionSlider, painter: QPainter,
                widget: QWidget | None) -> QPixmap:
        ratio = painter.device().devicePixelRatioF()
        key = (option.rect.width(), option.rect.height(), option.orientation, option.state,
               option.activeSubControls, option.palette.cacheKey(), ratio)
        groove = QStyleOptionSlider(option)
        groove.rect = option.rect.translated(-option.rect.topLeft())
        groove.subControls = _GROOVE
        return self._kept(self._grooves, KEPT_GROOVES, key, option.rect.size(), groove,
                          ratio, widget)

    def _handle(self, option: QStyleOptionSlider, handle: QRect, painter: QPainter,
                widget: QWidget | None) -> QPixmap:
        """The handle alone, with a margin for what the style draws around it; where it is
        along the groove does not change how it looks."""
        ratio = painter.device().devicePixelRatioF()
        key = (handle.width(), handle.height(), option.orientation, option.state,
               option.activeSubControls, option.palette.cacheKey(), ratio)
        alone = QStyleOptionSlider(option)
        alone.subControls = _HANDLE
        size = handle.size().grownBy(QMargins(*(HANDLE_MARGIN,) * 4))
        # Drawn moved so that it lands inside the picture's margin (Fusion places a handle
        # from the value alone, not from where the bar's rectangle is).
        shift = QPoint(HANDLE_MARGIN, HANDLE_MARGIN) - handle.topLeft()
        return self._kept(self._handles, KEPT_HANDLES, key, size, alone, ratio, widget,
                          shift=shift)

    def _kept(self, pictures: OrderedDict[tuple[Any, ...], QPixmap], most: int,
              key: tuple[Any, ...], size: QSize, option: QStyleOptionSlider, ratio: float,
              widget: QWidget | None, *, shift: QPoint | None = None) -> QPixmap:
        """The picture kept under `key`, or the style's drawing of `option` (moved by
        `shift`) on a clear picture of `size`, kept (the `most` last used at most)."""
        kept = pictures.get(key)
        if kept is not None:
            pictures.move_to_end(key)
            return kept
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        drawing = QPainter(picture)
        if shift is not None:
            drawing.translate(shift)
        try:
            super().drawComplexControl(_SCROLL_BAR, option, drawing, widget)
        finally:
            drawing.end()
        pictures[key] = picture
        while len(pictures) > most:
            pictures.popitem(last=False)
        return picture


def keep_grooves(view: QAbstractScrollArea) -> None:
    """Give the view's scroll bars the kept-groove-and-handle style (nothing under other
    styles)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or app.style().name().casefold() != GROOVE_STYLE:
        return
    style = app.findChild(KeptGrooveStyle)
    if style is None:
        style = KeptGrooveStyle(parent=app)  # one for the whole application, gone with it
    view.verticalScrollBar().setStyle(style)
    view.horizontalScrollBar().setStyle(style)
