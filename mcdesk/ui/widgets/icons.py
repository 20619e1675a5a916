"""Loads mcdesk's SVG icons from the package resources; GUI thread."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QIcon


@cache
def icon(name: str) -> QIcon:
    """The SVG icon `name` from resources/icons, or an empty icon if there is none."""
    resource = resources.files("mcdesk.resources").joinpath("icons", f"{name}.svg")
    if not resource.is_file():
        return QIcon()
    with resources.as_file(resource) as path:
        return QIcon(str(path))
