"""The Badges place as a teacher uses it (real window offscreen, real portfolio): the list and
the chosen badge's detail, Verify again, Share… to a file that verifies again, a badge file
dropped on the place, the transcript dialog, the recognition rules, the Stacks view, the empty
state that teaches; and File → Verify a credential…, even with no portfolio open."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.qtbot import QtBot

from mcdesk.credentials.verification import VerificationState, verify_bytes
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.badges.page import BadgesPage
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey
from tests.badge_helpers import (
    EXIT_TICKETS,
    FAMILY,
    FORMATIVE,
    WAIT_TIME,
    signed_jwt,
)

WAIT = 20_000
EARNED = datetime(2026, 3, 2, tzinfo=UTC)


def tampered(token: str) -> str:
    return token[:-8] + ("AAAA" if not token.endswith("AAAA") else "BBBB") + token[-4:]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "received"
    folder.mkdir()
    (folder / "exit-tickets.jwt").write_text(signed_jwt(
        EXIT_TICKETS, EARNED, results=((f"{EXIT_TICKETS}/rubric/overview",
                                        f"{EXIT_TICKETS}/rubric/overview/proficient"),),
        evidence=({"name": "Exit tickets, sorted", "genre": "Student work",
                   "narrative": "Three piles: got it, almost, not yet."},)))
    (folder / "family.jwt").write_text(tampered(signed_jwt(FAMILY, EARNED, serial=2)))
    (folder / "wait-time.jwt").write_text(signed_jwt(WAIT_TIME, EARNED, serial=3))
    return folder


def open_window(qtbot: QtBot, root: Path) -> MainWindow:
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    return window


def badges_page(window: MainWindow, qtbot: QtBot) -> BadgesPage:
    window.show_place(PlaceKey.BADGES)
    page = window.place(PlaceKey.BADGES)
    assert isinstance(page, BadgesPage)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)
    return page


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, files: Path) -> Iterator[MainWindow]:
    root = tmp_path / "portfolio"
    workspace = Workspace.open(root, seed_demo=True)
    try:
        workspace.badges.import_files([files / "exit-tickets.jwt", files / "family.jwt"])
    finally:
        workspace.close()
    opened = open_window(qtbot, root)
    yield opened
    opened.close()


def test_list_detail_verify_again_and_share(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())
            if not window.sidebar.item(i).isHidden()] == [
        "Catalog", "Plan", "Evidence", "Drafts", "Badges", "Sync"]
    page = badges_page(window, qtbot)
    assert page.list.count() == 2 and page.badges_stack.currentIndex() == 0
    texts = {page.list.item(i).text().split("\n")[0]: page.list.item(i).text()
             for i in range(page.list.count())}
    assert "Verified" in texts["Checking for Understanding with Exit Tickets"]
    assert "Failed" in texts["Two-Way Communication with Families"]
    row = [page.list.item(i).text() for i in range(page.list.count())].index(
        texts["Checking for Understanding with Exit Tickets"])
    page.list.setCurrentRow(row)
    detail = page.detail
    assert detail.isVisible() and detail.title.text().startswith("Checking for Understanding")
    assert "Verified" in detail.state.text()
    assert "Riverbend Teaching Academy" in detail.facts.text()
    body = detail.body.text()
    assert "understanding of the lesson objective" in body  # the competency
    assert "Proficient" in body and "No recognition rule yet" in body
    assert "Exit tickets, sorted" in body and "Student work" in body
    assert not detail.picture.pixmap().isNull()

    credential = detail.credential
    assert credential is not None
    workspace = window.workspace
    assert workspace is not None
    before = workspace.badges.get(credential.id).checked_at
    detail.verify_button.click()
    qtbot.waitUntil(lambda: workspace.badges.get(credential.id).checked_at > before,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: "Verified" in window.notice_bar.text, timeout=WAIT)

    target = tmp_path / "shared" / "my-badge"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "PNG (*.png)"))
    detail.share_actions["png"].trigger()
    written = target.with_name("my-badge.png")
    qtbot.waitUntil(written.exists, timeout=WAIT)
    assert verify_bytes(written.read_bytes(), written.name).state is VerificationState.VERIFIED
    qtbot.waitUntil(lambda: "Saved" in window.notice_bar.text, timeout=WAIT)

    failed_row = [page.list.item(i).text() for i in range(page.list.count())].index(
        texts["Two-Way Communication with Families"])
    page.list.setCurrentRow(failed_row)
    assert "Failed" in detail.state.text() and "signature" in detail.body.text()


def test_a_dropped_badge_is_imported_and_chosen(window: MainWindow, qtbot: QtBot,
                                                files: Path) -> None:
    page = badges_page(window, qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files / "wait-time.jwt"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    qtbot.waitUntil(lambda: page.list.count() == 3, timeout=WAIT)
    assert "1 badge imported" in window.notice_bar.text
    qtbot.waitUntil(lambda: page.detail.title.text() == "Questioning Techniques and Wait Time",
                    timeout=WAIT)
    formative = next(card for card in page.stacks.cards if "Formative" in card.title.text())
    assert formative.progress.value() == 2 and "2 of 4 earned" in formative.progress.format()
    assert "not started" in formative.members.text()
    assert FORMATIVE  # the stack the two earned members belong to


def test_rules_then_a_transcript(window: MainWindow, qtbot: QtBot, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    page = badges_page(window, qtbot)
    page.rules_button.click()
    qtbot.waitUntil(lambda: page.rules_dialog is not None and page.rules_dialog.isVisible(),
                    timeout=WAIT)
    rules = page.rules_dialog
    assert rules is not None
    rules.name.setText("")
    rules.save_button.click()
    assert rules.problem.isVisible() and "name" in rules.problem.text()
    rules.name.setText("Riverbend USD")
    rules.hours.setValue(3)
    rules.capped.setChecked(True)
    rules.cap.setValue(12)
    rules.save_button.click()
    qtbot.waitUntil(lambda: rules.list.count() == 1, timeout=WAIT)
    assert "(active)" in rules.list.item(0).text()
    rules.reject()
    qtbot.waitUntil(lambda: "3 in-service hours (Riverbend USD)" in page.hours_label.text(),
                    timeout=WAIT)
    page.list.setCurrentRow(0)
    assert "under Riverbend USD" in page.detail.body.text()

    page.transcript_button.click()
    dialog = page.transcript_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.csv.setChecked(True)
    dialog.start.setDate(dialog.start.date().addYears(-5))
    target = tmp_path / "hours.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_a, **_k: (str(target), "CSV (*.csv)"))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(target.exists, timeout=WAIT)
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    assert rows[-1][0] == "Total" and rows[-1][4] == "3"
    qtbot.waitUntil(lambda: "Transcript saved" in window.notice_bar.text, timeout=WAIT)


def test_an_empty_place_teaches(qtbot: QtBot, tmp_path: Path) -> None:
    Workspace.open(tmp_path / "empty", seed_demo=True).close()
    window = open_window(qtbot, tmp_path / "empty")
    try:
        page = badges_page(window, qtbot)
        assert page.badges_stack.currentIndex() == 1
        assert "arrive here with Sync" in page.empty.text()
        assert "imported" in page.empty.text() and page.empty_import.isEnabled()
        assert len(page.stacks.cards) == 3
    finally:
        window.close()


def test_verify_dialog_checks_each_file_even_without_a_portfolio(
        qtbot: QtBot, tmp_path: Path, files: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x")
    window = MainWindow(JobRunner(), not_a_folder)
    qtbot.addWidget(window)
    window.show()
    window.open_portfolio(seed_demo=False)
    qtbot.waitUntil(lambda: window.body.currentWidget() is window.error_page, timeout=WAIT)
    assert window.verify_action.isEnabled() and not window.check_action.isEnabled()
    window.verify_action.trigger()
    dialog = window.verify_dialog
    assert dialog is not None and dialog.isVisible()
    junk = files / "notes.json"
    junk.write_text('{"hello": "world"}')
    dialog.verify([files / "exit-tickets.jwt", files / "family.jwt", junk])
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=WAIT)
    results = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(),
                                                 dialog.table.item(r, 3).text())
               for r in range(3)}
    assert "Verified" in results["exit-tickets.jwt"][0]
    assert "Failed" in results["family.jwt"][0] and "signature" in results["family.jwt"][1]
    assert "Failed" in results["notes.json"][0] and results["notes.json"][1]
    assert "3 checked: 1 verified" in dialog.status.text()
    dialog.verify([files])  # a whole folder
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 7, timeout=WAIT)
    window.close()


def test_badge_pictures_beyond_the_first_rows_come_after_the_list(
        window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list shows at once with the first rows' pictures; the others follow a batch per
    event-loop turn (here one and one), and every row ends with its picture."""
    from mcdesk.ui.badges import page as badges_module

    monkeypatch.setattr(badges_module, "ICONS_FIRST", 1)
    monkeypatch.setattr(badges_module, "ICONS_BATCH", 1)
    page = badges_page(window, qtbot)
    with qtbot.waitSignal(page.badges_shown, timeout=WAIT):
        page.refresh()
    waiting = page.waiting_picture().cacheKey()

    def drawn(row: int) -> bool:
        icon = page.list.item(row).icon()
        return not icon.isNull() and icon.cacheKey() != waiting

    assert drawn(0)
    assert not drawn(1)  # not drawn yet: the list came first
    assert not page.list.item(1).icon().isNull()  # but the room for it is there
    sizes = [page.list.item(i).sizeHint() for i in range(page.list.count())]
    qtbot.waitUntil(lambda: all(drawn(i) for i in range(page.list.count())), timeout=WAIT)
    # The words did not move aside as each picture came: no row changed its size.
    assert [page.list.item(i).sizeHint() for i in range(page.list.count())] == sizes
