"""The main window opens fitted to the screen, comes back at the size and splitter positions it
was left at, and the selected place's icon stays visible on the selection colour."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.shell import window_state
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey

WAIT = 20_000


def make_window(qtbot: QtBot, folder: Path) -> MainWindow:
    window = MainWindow(JobRunner(), folder)
    qtbot.addWidget(window)
    return window


def test_a_first_window_fits_a_school_laptop_and_fills_a_big_screen() -> None:
    laptop = QRect(0, 0, 1366, 728)  # 1366x768 less a 40 px panel
    size = window_state.first_size(laptop)
    assert size.width() + window_state.FRAME_ALLOWANCE.width() <= 1366
    assert size.height() + window_state.FRAME_ALLOWANCE.height() <= 728
    assert size.width() >= 1300 and size.height() >= 650  # not a small box on a small screen
    wide = window_state.first_size(QRect(0, 0, 1600, 1000))
    assert wide.width() > 1180 and wide.height() > 760  # bigger than the old fixed size
    assert wide.width() <= 1600 - 16 and wide.height() <= 1000 - 48


def test_the_window_never_opens_larger_than_the_available_screen(
        qtbot: QtBot, tmp_path: Path) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    window = make_window(qtbot, tmp_path / "portfolio")
    assert window.width() <= available.width()
    assert window.height() <= available.height()
    assert available.contains(window.geometry())
    # The offscreen screen is smaller than PREFERRED: the window takes what there is.
    assert window.width() >= min(available.width() - 16, window_state.PREFERRED.width()) - 1


def test_a_saved_size_bigger_than_this_screen_is_fitted(qtbot: QtBot, tmp_path: Path) -> None:
    available = QGuiApplication.primaryScreen().availableGeometry()
    first = make_window(qtbot, tmp_path / "portfolio")
    first.resize(available.size() + QSize(900, 700))  # as if saved on a bigger monitor
    window_state.save_window(first)
    again = make_window(qtbot, tmp_path / "portfolio")
    assert again.width() <= available.width()
    assert again.height() <= available.height()


def test_size_and_splitters_come_back_next_time(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "portfolio"
    window = make_window(qtbot, folder)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        window.open_portfolio(seed_demo=False)
    window.resize(QSize(760, 520))
    splitter = window.catalog_page.findChildren(QSplitter)[0]
    qtbot.waitUntil(lambda: sum(splitter.sizes()) > 0, timeout=WAIT)
    total = sum(splitter.sizes())
    splitter.setSizes([total // 4, total - total // 4])
    chosen = splitter.sizes()
    window.close()
    assert (Path(window_state.config_dir()) / "window.ini").is_file()

    again = make_window(qtbot, folder)
    assert again.size() == QSize(760, 520)
    again.show()
    restored = again.catalog_page.findChildren(QSplitter)[0]
    qtbot.waitUntil(lambda: sum(restored.sizes()) > 0, timeout=WAIT)
    assert restored.sizes() == chosen
    again.close()


def colour_distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_the_selected_places_icon_stands_out_from_the_selection(
        qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "portfolio")
    window.show()
    qtbot.waitExposed(window)
    sidebar = window.sidebar
    window.show_place(PlaceKey.CATALOG)
    row = sidebar.currentRow()
    item_rect = sidebar.visualItemRect(sidebar.item(row))
    image: QImage = sidebar.viewport().grab(item_rect).toImage()
    background = image.pixelColor(image.width() - 3, image.height() // 2)
    assert colour_distance(background, sidebar.palette().color(QPalette.ColorRole.Base)) > 60, (
        "the selected row is not drawn in a selection colour")
    icon_size = sidebar.iconSize()
    ratio = image.devicePixelRatio()
    visible = 0
    for x in range(int(4 * ratio), int((8 + icon_size.width()) * ratio)):
        for y in range(image.height()):
            if colour_distance(image.pixelColor(x, y), background) > 150:
                visible += 1
    # The catalog icon's strokes cover well over 40 pixels at 22 px; drawn in its own blue on
    # the selection colour they all fall under the threshold.
    assert visible > 40, f"only {visible} icon pixels stand out from the selection colour"


def test_a_selected_icon_follows_the_palettes_selected_text_colour(qtbot: QtBot) -> None:
    from mcdesk.ui.widgets.icons import LINE_COLOUR, selectable_icon

    white = selectable_icon("catalog", QColor(Qt.GlobalColor.white))
    selected = white.pixmap(QSize(22, 22), 1.0, mode=white.Mode.Selected).toImage()
    normal = white.pixmap(QSize(22, 22), 1.0).toImage()
    colours = {selected.pixelColor(x, y).name() for x in range(22) for y in range(22)
               if selected.pixelColor(x, y).alpha() == 255}
    assert "#ffffff" in colours
    normal_colours = {normal.pixelColor(x, y).name() for x in range(22) for y in range(22)
                      if normal.pixelColor(x, y).alpha() == 255}
    assert LINE_COLOUR in normal_colours


def test_a_splitter_made_later_does_not_take_anothers_saved_place(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    def page(*, extra_first: bool) -> tuple[QWidget, QSplitter]:
        root = QWidget()
        layout = QVBoxLayout(root)
        if extra_first:  # a viewer built on first use, this time before the other one
            viewer = QWidget()
            extra = QSplitter(viewer)
            extra.addWidget(QLabel("x"))
            extra.addWidget(QLabel("y"))
            layout.addWidget(viewer)
        kept = QSplitter()
        kept.addWidget(QLabel("list"))
        kept.addWidget(QLabel("detail"))
        layout.addWidget(kept)
        qtbot.addWidget(root)
        root.resize(600, 300)
        root.show()
        return root, kept

    first, kept = page(extra_first=False)
    qtbot.waitUntil(lambda: sum(kept.sizes()) > 0)
    kept.setSizes([100, sum(kept.sizes()) - 100])
    chosen = kept.sizes()
    window_state.save_splitters("test", first)
    second, again = page(extra_first=True)
    window_state.restore_splitters("test", second)
    assert again.sizes() == chosen
    other = next(s for s in second.findChildren(QSplitter) if s is not again)
    assert other.sizes() != chosen
