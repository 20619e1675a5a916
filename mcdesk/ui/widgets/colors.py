"""Colours that read well on the current palette, light or dark; GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

# The contrast ratio text needs against its background (WCAG 2.1 AA for normal text).
TEXT_CONTRAST = 4.5


def is_dark(palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> bool:
    """Whether `role` (the window's background unless said) is a dark colour."""
    return palette.color(role).lightness() < 128


def warning_color(widget: QWidget) -> str:
    """A red that reads well on the widget's background, light or dark."""
    return "#ff8a80" if is_dark(widget.palette()) else "#b3261e"


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1) of `colour`, 0 for black to 1 for white."""
    return (0.2126 * _linear(colour.redF()) + 0.7152 * _linear(colour.greenF())
            + 0.0722 * _linear(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: str | QColor, background: QColor,
             minimum: float = TEXT_CONTRAST) -> QColor:
    """`colour` (a state's green, a warning's red), made lighter on a dark background or
    darker on a light one until text in it reads well; the hue stays, so it still means
    the same."""
    result = QColor(colour)
    hue, saturation = result.hslHueF(), result.hslSaturationF()
    lightness, alpha = result.lightnessF(), result.alphaF()
    lighter = background.lightnessF() < 0.5
    while contrast(result, background) < minimum and 0.0 < lightness < 1.0:
        lightness = min(1.0, lightness + 0.04) if lighter else max(0.0, lightness - 0.04)
        result = QColor.fromHslF(hue, saturation, lightness, alpha)
    return result


def text_colour(widget: QWidget, colour: str,
                role: QPalette.ColorRole = QPalette.ColorRole.Window) -> str:
    """`colour` made readable on the widget's `role` background, as "#rrggbb" for a style
    sheet."""
    return readable(colour, widget.palette().color(role)).name()


def tint(widget: QWidget, light: str, dark: str) -> QColor:
    """A background tint: `light` on a light palette, `dark` on a dark one (a pale tint under
    the dark palette's light text would not read)."""
    return QColor(dark if is_dark(widget.palette(), QPalette.ColorRole.Base) else light)
