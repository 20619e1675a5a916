"""Colours that read well on the current palette, light or dark; GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget


def is_dark(palette: QPalette, role: QPalette.ColorRole = QPalette.ColorRole.Window) -> bool:
    """Whether `role` (the window's background unless said) is a dark colour."""
    return palette.color(role).lightness() < 128


def warning_color(widget: QWidget) -> str:
    """A red that reads well on the widget's background, light or dark."""
    return "#ff8a80" if is_dark(widget.palette()) else "#b3261e"
