"""The dark palette reads well: custom text colours (states, warnings) keep a 4.5:1 contrast on
light and dark backgrounds, background tints turn dark under a dark palette, the line icons
stand out on a dark list, and a selected sidebar icon stays visible in either palette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.decide.side_by_side import CROSSES, DIFFERS
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey
from mcdesk.ui.shell.verify_dialog import STATE_COLOURS
from mcdesk.ui.widgets.colors import TEXT_CONTRAST, contrast, readable, tint, warning_color
from mcdesk.ui.widgets.icons import LINE_COLOUR

LIGHT_BACKGROUNDS = ("#ffffff", "#efefef")
DARK_BACKGROUNDS = ("#232323", "#353535", "#1e1e1e")


def dark_palette() -> QPalette:
    """The dark palette people set on Fusion (KDE Breeze Dark, GNOME's dark style are alike)."""
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#353535"),
                         (QPalette.ColorRole.WindowText, "#ffffff"),
                         (QPalette.ColorRole.Base, "#232323"),
                         (QPalette.ColorRole.AlternateBase, "#353535"),
                         (QPalette.ColorRole.Text, "#ffffff"),
                         (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#ffffff"),
                         (QPalette.ColorRole.Highlight, "#2a82da"),
                         (QPalette.ColorRole.HighlightedText, "#ffffff"),
                         (QPalette.ColorRole.PlaceholderText, "#9a9a9a")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    palette = dark_palette()
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


@pytest.mark.parametrize("background", LIGHT_BACKGROUNDS + DARK_BACKGROUNDS)
@pytest.mark.parametrize("colour", [*STATE_COLOURS.values(), "#8a3b00", "#8a5a00", "#c62828"])
def test_a_text_colour_is_made_readable_on_any_background(colour: str, background: str) -> None:
    made = readable(colour, QColor(background))
    assert contrast(made, QColor(background)) >= TEXT_CONTRAST
    if contrast(QColor(colour), QColor(background)) >= TEXT_CONTRAST:
        assert made == QColor(colour)  # already readable: left as it was
    else:
        # Still the same colour family: a green stays green, a red red.
        assert abs(made.hslHue() - QColor(colour).hslHue()) <= 2


def test_warnings_and_tints_follow_the_palette(qtbot: QtBot, dark: QPalette) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    base = dark.color(QPalette.ColorRole.Base)
    assert contrast(QColor(warning_color(widget)), dark.color(QPalette.ColorRole.Window)) \
        >= TEXT_CONTRAST
    for light, dark_shade in (CROSSES, DIFFERS, ("#fbecc6", "#5c4512")):
        shade = tint(widget, light, dark_shade)
        assert shade == QColor(dark_shade)
        # The dark palette's light text on the tint reads well.
        assert contrast(dark.color(QPalette.ColorRole.Text), shade) >= TEXT_CONTRAST
        assert shade.lightness() < 128 and base.lightness() < 128


def test_catalog_links_read_well_even_with_a_default_blue(dark: QPalette) -> None:
    from mcdesk.ui.catalog.page import palette_colors

    # dark_palette() leaves Link at Qt's default #0000ff, as some hand-made palettes do.
    assert dark.color(QPalette.ColorRole.Link) == QColor("#0000ff")
    colours = palette_colors(dark)
    base = dark.color(QPalette.ColorRole.Base)
    for colour in (colours.link, colours.accent):
        assert contrast(QColor(colour), base) >= TEXT_CONTRAST


def test_line_icons_stand_out_on_a_dark_list(dark: QPalette) -> None:
    # Graphics need 3:1 (WCAG 1.4.11).
    assert contrast(QColor(LINE_COLOUR), dark.color(QPalette.ColorRole.Base)) >= 3.0
    assert contrast(QColor(LINE_COLOUR), QColor("#ffffff")) >= 3.0


def test_the_sidebar_icons_follow_a_palette_switched_while_open(
        qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> None:
    before = qapp.palette()
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    try:
        switched = dark_palette()
        switched.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffe066"))
        qapp.setPalette(switched)
        qapp.processEvents()
        item = window.sidebar.item(0)
        selected = item.icon().pixmap(QSize(22, 22), 1.0, mode=QIcon.Mode.Selected).toImage()
        colours = {selected.pixelColor(x, y).name() for x in range(22) for y in range(22)
                   if selected.pixelColor(x, y).alpha() == 255}
        assert "#ffe066" in colours
    finally:
        qapp.setPalette(before)
        window.close()


def test_the_selected_places_icon_is_visible_in_the_dark_palette(
        qtbot: QtBot, tmp_path: Path, dark: QPalette) -> None:
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_place(PlaceKey.CATALOG)
    sidebar = window.sidebar
    rect = sidebar.visualItemRect(sidebar.item(sidebar.currentRow()))
    image: QImage = sidebar.viewport().grab(rect).toImage()
    background = image.pixelColor(image.width() - 3, image.height() // 2)
    ratio = image.devicePixelRatio()
    icon = sidebar.iconSize()
    standing_out = sum(
        1 for x in range(int(4 * ratio), int((8 + icon.width()) * ratio))
        for y in range(image.height())
        if contrast(image.pixelColor(x, y), background) >= 3.0)
    assert standing_out > 40, f"only {standing_out} icon pixels stand out when selected"
    # And unselected, on the dark list.
    other = next(row for row in range(sidebar.count())
                 if not sidebar.item(row).isHidden() and row != sidebar.currentRow())
    rect = sidebar.visualItemRect(sidebar.item(other))
    image = sidebar.viewport().grab(rect).toImage()
    background = image.pixelColor(image.width() - 3, image.height() // 2)
    standing_out = sum(
        1 for x in range(int(4 * ratio), int((8 + icon.width()) * ratio))
        for y in range(image.height())
        if contrast(image.pixelColor(x, y), background) >= 3.0)
    assert standing_out > 40, f"only {standing_out} icon pixels stand out unselected"
    window.close()
