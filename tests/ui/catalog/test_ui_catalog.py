"""The catalog window driven as a user would: search, filter, read, import, check."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.catalog.mc_render import mc_link
from mcdesk.ui.catalog.model import ENTRY_ROLE
from mcdesk.ui.catalog.page import CatalogPage
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.crash import describe
from mcdesk.ui.shell.crash_dialog import CrashDialog
from mcdesk.ui.shell.main_window import MainWindow
from tests.conftest import DEMO_CATALOG

WAIT = 10_000  # a loaded CI machine: the writer lane may still be adding the samples
EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"


def open_window(qtbot: QtBot, folder: Path, *, seed_demo: bool = True) -> MainWindow:
    runner = JobRunner()
    window = MainWindow(runner, folder)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.catalog_page.entries_shown, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=seed_demo)
    return window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = open_window(qtbot, tmp_path / "portfolio")
    yield window
    window.close()


def names(window: MainWindow) -> list[str]:
    return [entry.name for entry in window.catalog_page.model.entries()]


def shown_text(window: MainWindow) -> str:
    return window.catalog_page.browser.toPlainText()


def select(qtbot: QtBot, window: MainWindow, name: str) -> None:
    page = window.catalog_page
    row = next(i for i, e in enumerate(page.model.entries()) if e.name == name)
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.list.setCurrentIndex(page.model.index(row))
    qtbot.waitUntil(lambda: shown_text(window).startswith(name), timeout=WAIT)


def test_new_portfolio_opens_on_the_demo_catalog(window: MainWindow, qtbot: QtBot) -> None:
    assert len(names(window)) == 11
    assert names(window) == sorted(names(window), key=str.casefold)
    assert "11 of 11" in window.catalog_page.count_label.text()
    assert "Welcome to mcdesk" in window.notice_bar.text
    # The first micro-credential is open so the right side is never blank.
    qtbot.waitUntil(lambda: shown_text(window).startswith(names(window)[0]), timeout=WAIT)


def test_detail_shows_every_part_in_order(window: MainWindow, qtbot: QtBot) -> None:
    select(qtbot, window, "Checking for Understanding with Exit Tickets")
    text = shown_text(window)
    headings = ["Competency", "Key method", "Method components", "Research and resources",
                "Submission criteria", "Scoring rubric", "How to earn it"]
    positions = [text.index(f"\n{heading}\n") for heading in headings]
    assert positions == sorted(positions)
    assert "Part 1" in text and "Part 3" in text
    assert "words" in text  # word ranges of the overview questions
    assert "✓ passing" in text
    assert "Part of the stack “Formative Assessment”, 1 of 4" in text


def test_plain_achievement_shows_its_missing_parts(window: MainWindow, qtbot: QtBot) -> None:
    select(qtbot, window, "Culturally Responsive Read-Alouds")
    text = shown_text(window)
    assert "has not published these parts yet" in text
    assert "Competency" in text and "Missing" in text
    assert "Scoring rubric" in text and "✓ passing" in text


def test_search_as_you_type_folds_accents(window: MainWindow, qtbot: QtBot) -> None:
    page = window.catalog_page
    qtbot.keyClicks(page.search, "cafe")
    qtbot.waitUntil(lambda: names(window) == ["Family Learning Café"], timeout=WAIT)
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzzqx")
    qtbot.waitUntil(lambda: names(window) == [], timeout=WAIT)
    assert page.left_stack.currentIndex() == 1
    assert "No micro-credentials match" in page.empty.text()
    page.search.clear()
    qtbot.waitUntil(lambda: len(names(window)) == 11, timeout=WAIT)


def test_stack_filter_lists_members_in_order(window: MainWindow, qtbot: QtBot) -> None:
    page = window.catalog_page
    index = next(i for i in range(page.stack_filter.count())
                 if page.stack_filter.itemText(i).startswith("Computational Thinking"))
    page.stack_filter.setCurrentIndex(index)
    qtbot.waitUntil(lambda: len(names(window)) == 4, timeout=WAIT)
    positions = [e.stack_position for e in page.model.entries()]
    assert positions == [1, 2, 3, 4]
    first = page.model.index(0)
    assert str(page.model.data(first)).startswith("1. Decomposition in a Lesson")


def test_issuer_filter(window: MainWindow, qtbot: QtBot) -> None:
    page = window.catalog_page
    index = page.issuer_filter.findText("Open Classroom Institute")
    page.issuer_filter.setCurrentIndex(index)
    qtbot.waitUntil(lambda: 0 < len(names(window)) < 11, timeout=WAIT)
    assert {e.issuer_name for e in page.model.entries()} == {"Open Classroom Institute"}


def test_stack_link_opens_the_sibling(window: MainWindow, qtbot: QtBot) -> None:
    select(qtbot, window, "Checking for Understanding with Exit Tickets")
    sibling = "https://demo.mcdesk.org/achievements/data-driven-small-groups"
    with qtbot.waitSignal(window.catalog_page.detail_shown, timeout=WAIT) as shown:
        window.catalog_page._link_clicked(QUrl(mc_link(sibling)))
    assert shown.args == [sibling]
    assert shown_text(window).startswith("Data-Driven Small Groups")


def test_ctrl_f_focuses_search(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    window.catalog_page.list.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.catalog_page.search,
                    timeout=WAIT)


def drop_files(page: CatalogPage, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)


def _new_version(tmp_path: Path) -> Path:
    catalog = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    achievement = next(a for a in catalog["achievements"] if a["id"] == EXIT_TICKETS)
    achievement["version"] = "2.0"
    achievement["name"] = "Checking for Understanding with Exit Tickets (revised)"
    path = tmp_path / "exit-tickets-2.json"
    path.write_text(json.dumps(achievement), encoding="utf-8")
    return path


def test_drop_imports_a_new_version_and_keeps_the_old(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    page = window.catalog_page
    drop_files(page, [_new_version(tmp_path)])
    revised = "Checking for Understanding with Exit Tickets (revised)"
    qtbot.waitUntil(lambda: revised in names(window), timeout=WAIT)
    assert len(names(window)) == 11
    assert "1 new version" in window.notice_bar.text
    qtbot.waitUntil(lambda: shown_text(window).startswith(revised), timeout=WAIT)
    assert page.version_box.isVisibleTo(page)
    assert [page.version_box.itemData(i) for i in range(page.version_box.count())] == [
        "2.0", "1.0"]
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.version_box.setCurrentIndex(1)
        page.version_box.activated.emit(1)
    qtbot.waitUntil(lambda: "older version" in shown_text(window), timeout=WAIT)
    assert shown_text(window).startswith("Checking for Understanding with Exit Tickets\n")


def test_drop_of_a_bad_file_names_it_and_imports_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "broken catalog.json"
    bad.write_text('{"type": ["Achievement"], "name": ', encoding="utf-8")
    drop_files(window.catalog_page, [bad])
    qtbot.waitUntil(lambda: "broken catalog.json" in window.notice_bar.text, timeout=WAIT)
    assert "not valid JSON" in window.notice_bar.text
    assert window.notice_bar.isVisible()
    assert len(names(window)) == 11


def test_empty_catalog_teaches_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path / "empty", seed_demo=False)
    page = window.catalog_page
    assert page.left_stack.currentIndex() == 1
    assert "Import" in page.empty.text() and "drop" in page.empty.text()
    assert page.empty_import.isVisibleTo(page)
    assert "Imported micro-credentials appear here" in page.placeholder.text()
    assert "demo" not in window.notice_bar.text
    drop_files(page, [DEMO_CATALOG])
    qtbot.waitUntil(lambda: len(names(window)) == 11, timeout=WAIT)
    assert page.left_stack.currentIndex() == 0
    window.close()


def test_check_portfolio_from_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    assert window.check_action.isEnabled()
    window.check_action.trigger()
    dialog = window.check_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert "Everything is in order" in dialog.status.text()
    assert not dialog.repair_button.isEnabled()
    dialog.close()


def test_check_finds_and_repairs_an_orphan(window: MainWindow, qtbot: QtBot) -> None:
    stray = window.portfolio_dir / "evidence" / "zz" / "stray.bin"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"not registered")
    window.check_action.trigger()
    dialog = window.check_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert dialog.problems.count() == 1
    assert dialog.repair_button.isEnabled()
    dialog.report = None
    qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert dialog.report is not None and dialog.report.healthy
    assert not stray.exists()
    assert list((window.portfolio_dir / "trash").rglob("stray.bin"))
    dialog.close()


def test_newer_portfolio_is_refused_and_left_alone(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "newer"
    first = open_window(qtbot, folder)
    first.close()
    db = folder / "mcdesk.sqlite3"
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = db.read_bytes()
    runner = JobRunner()
    window = MainWindow(runner, folder)
    qtbot.addWidget(window)
    window.show()
    open_portfolio_in_background(window)
    qtbot.waitUntil(lambda: window.body.currentIndex() == 1, timeout=WAIT)
    assert "newer version of mcdesk" in window.error_text.text()
    assert "Nothing in the folder was changed" in window.error_text.text()
    assert not window.import_action.isEnabled()
    assert db.read_bytes() == before
    window.close()


def test_crash_dialog_offers_copyable_details(qtbot: QtBot) -> None:
    try:
        raise ValueError("boom in a test")
    except ValueError as exc:
        details = describe(exc)
    dialog = CrashDialog(details)
    qtbot.addWidget(dialog)
    assert "ValueError: boom in a test" in dialog.details.toPlainText()
    assert "Traceback" in dialog.details.toPlainText()
    dialog.copy_details()
    assert "boom in a test" in QApplication.clipboard().text()


def test_list_items_carry_entries(window: MainWindow) -> None:
    model = window.catalog_page.model
    entry = model.data(model.index(0), ENTRY_ROLE)
    assert entry is not None
    assert model.data(model.index(0), Qt.ItemDataRole.ToolTipRole) == entry.description


def test_late_results_after_close_start_no_work(window: MainWindow, qtbot: QtBot) -> None:
    page = window.catalog_page
    page.refresh()  # its answer arrives after the window is gone
    window.close()
    page.list.setCurrentIndex(page.model.index(1))
    qtbot.wait(50)  # let queued callbacks run; any exception in them fails the test
    assert window.runner.active() == []


def test_a_damaged_database_offers_the_last_backup(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from mcdesk.services.workspace import Workspace

    folder = tmp_path / "damaged"
    workspace = Workspace.open(folder, seed_demo=True)
    assert workspace.backup_if_due() is not None
    workspace.close()
    db = folder / "mcdesk.sqlite3"
    for leftover in (folder / "mcdesk.sqlite3-wal", folder / "mcdesk.sqlite3-shm"):
        leftover.unlink(missing_ok=True)
    db.write_bytes(b"this is no longer a database" * 100)
    damaged = db.read_bytes()

    runner = JobRunner()
    window = MainWindow(runner, folder)
    qtbot.addWidget(window)
    window.show()
    open_portfolio_in_background(window, seed_demo=False)
    qtbot.waitUntil(lambda: window.restore_button.isVisibleTo(window), timeout=WAIT)
    assert "cannot read the database" in window.error_text.text()
    assert db.read_bytes() == damaged  # refused, not touched

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, confirm)
    with qtbot.waitSignal(window.catalog_page.entries_shown, timeout=WAIT):
        qtbot.mouseClick(window.restore_button, Qt.MouseButton.LeftButton)
    assert window.body.currentIndex() == 0
    assert len(names(window)) == 11
    kept = list((folder / "trash").rglob("mcdesk.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    window.close()
