"""The catalog list with more rows than fit: laid out once at its final width, the scroll bar
left to Qt afterwards, row sizes exactly what the delegate measures, whatever the font."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.catalog.entry_delegate import PADDING, ROW_CHROME, WRAP
from mcdesk.ui.catalog.page import FIRST_PAGE
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow

WAIT = 5000
ROWS = 150


def achievements(count: int) -> list[dict[str, object]]:
    return [{
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"https://example.org/achievements/m{n:03d}", "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": f"Micro-credential {n:03d}" + (" with a name long enough to wrap" * (n % 3)),
        "description": "A test micro-credential.", "criteria": {"narrative": "Do it."},
        "creator": {"id": "https://example.org/issuer", "type": ["Profile"],
                    "name": "Example Issuer"},
    } for n in range(count)]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    root = tmp_path / "portfolio"
    workspace = Workspace.open(root, create=True)
    workspace.catalog.import_text(json.dumps(achievements(ROWS)), "many.json")
    workspace.close()
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.catalog_page.entries_shown, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    yield window
    window.close()


def expected_height(window: MainWindow, row: int) -> int:
    """A row's height measured from scratch, the way the delegate always did."""
    page = window.catalog_page
    text = str(page.model.data(page.model.index(row)))
    title, _, details = text.partition("\n")
    width = max(120, page.list.viewport().width() - 2 * PADDING - 6)
    bold = QFont(page.list.font())
    bold.setBold(True)
    bounds = QRect(0, 0, width, 10_000)
    title_height = QFontMetrics(bold).boundingRect(bounds, WRAP, title).height()
    details_height = QFontMetrics(page.list.font()).boundingRect(bounds, WRAP,
                                                                 details).height()
    return title_height + details_height + ROW_CHROME


def laid_out(window: MainWindow, row: int) -> bool:
    page = window.catalog_page
    return page.list.visualRect(page.model.index(row)).isValid()


def test_a_long_list_gets_its_scroll_bar_back_to_as_needed(window: MainWindow) -> None:
    page = window.catalog_page
    assert page.model.rowCount() == ROWS
    assert page.list.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
    assert page.list.verticalScrollBar().isVisible()


def test_a_row_chosen_before_it_is_laid_out_is_scrolled_to(window: MainWindow,
                                                          qtbot: QtBot) -> None:
    page = window.catalog_page
    page.model.set_entries(page.model.entries(), numbered=False)
    page.list.executeDelayedItemsLayout()
    last = page.model.index(ROWS - 1)
    assert not laid_out(window, ROWS - 1)
    page.list.setCurrentIndex(last)

    def in_view() -> bool:
        rect = page.list.visualRect(last)
        return rect.isValid() and page.list.viewport().rect().contains(rect)

    qtbot.waitUntil(in_view, timeout=WAIT)
    assert page.list.verticalScrollBar().value() > 0


def test_rows_are_as_tall_as_their_wrapped_text(window: MainWindow, qtbot: QtBot) -> None:
    page = window.catalog_page
    qtbot.waitUntil(lambda: laid_out(window, ROWS - 1), timeout=WAIT)
    for row in (0, 1, 2, ROWS - 1):
        assert page.list.visualRect(page.model.index(row)).height() == expected_height(
            window, row), row
    # a narrower list wraps more: every row is measured again at the new width
    window.resize(760, window.height())
    qtbot.waitUntil(lambda: page.list.visualRect(page.model.index(2)).height()
                    == expected_height(window, 2), timeout=WAIT)


def test_the_delegate_measures_again_for_another_font(window: MainWindow) -> None:
    page = window.catalog_page
    option = QStyleOptionViewItem()
    option.initFrom(page.list)
    option.widget = page.list
    index = page.model.index(2)
    normal = page.delegate.sizeHint(option, index).height()
    big = QFont(option.font)
    big.setPointSizeF(big.pointSizeF() * 2)
    option.font = big
    assert page.delegate.sizeHint(option, index).height() > normal


def test_a_long_list_shows_a_screenful_first_then_adds_the_rest(qtbot: QtBot,
                                                                 tmp_path: Path) -> None:
    """The window's first paint waits for a screenful only; the rest is added below it, so
    the rows shown, the first micro-credential opened and the count all stay as they are."""
    root = tmp_path / "portfolio"
    workspace = Workspace.open(root, create=True)
    workspace.catalog.import_text(json.dumps(achievements(ROWS)), "many.json")
    workspace.close()
    runner = JobRunner()
    window = MainWindow(runner, root)
    qtbot.addWidget(window)
    page = window.catalog_page
    heard: list[tuple[str, int]] = []
    page.first_page_shown.connect(lambda n: heard.append(("first page", n)))
    page.entries_shown.connect(lambda n: heard.append(("whole", n)))
    resets: list[int] = []
    page.model.modelReset.connect(lambda: resets.append(page.model.rowCount()))
    window.show()
    try:
        with qtbot.waitSignal(page.entries_shown, timeout=WAIT):
            open_portfolio_in_background(window, seed_demo=False)
        first = FIRST_PAGE
        assert heard == [("first page", first), ("whole", ROWS)]
        assert resets == [first]  # the rest was added, not laid in afresh
        assert page.model.rowCount() == ROWS
        assert len({e.achievement_id for e in page.model.entries()}) == ROWS
        assert [e.name for e in page.model.entries()] == sorted(
            (e.name for e in page.model.entries()), key=str.casefold)
        assert f"{ROWS} of {ROWS}" in page.count_label.text()
        qtbot.waitUntil(lambda: page.list.currentIndex().row() == 0, timeout=WAIT)
    finally:
        window.close()
        runner.shutdown(wait=True)


def test_a_search_answers_whole_at_once(window: MainWindow, qtbot: QtBot) -> None:
    page = window.catalog_page
    heard: list[tuple[str, int]] = []
    page.first_page_shown.connect(lambda n: heard.append(("first page", n)))
    page.entries_shown.connect(lambda n: heard.append(("whole", n)))
    page.stack_filter.setCurrentIndex(0)
    heard.clear()
    assert ROWS > FIRST_PAGE  # more than a first page matches: a split answer would show
    with qtbot.waitSignal(page.entries_shown, timeout=WAIT):
        page.search.setText("Micro-credential")  # a search: one answer, whole
    assert heard == [("first page", ROWS), ("whole", ROWS)]
