"""The Sync place driven as a teacher would, against the real reference issuer on loopback:
add the server, send a ready draft from Drafts, see it go through, sign in again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mcdesk.core.drafts import DraftStatus
from mcdesk.core.sync import OutboxState
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.sync.page import ServerDialog
from tests.sync_helpers import Issuer, issuer_missing_reason, ready_draft, running_issuer

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
WAIT = 30000


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


@pytest.fixture
def ready_portfolio(tmp_path: Path) -> tuple[Path, str]:
    root = tmp_path / "portfolio"
    workspace = Workspace.open(root)
    draft_id = ready_draft(workspace, tmp_path / "files")
    workspace.close()
    return root, draft_id


@pytest.fixture
def window(qtbot: QtBot, ready_portfolio: tuple[Path, str]) -> Iterator[MainWindow]:
    window = MainWindow(JobRunner(), ready_portfolio[0])
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    yield window
    window.close()


def fill_server_dialog(name: str, url: str, token: str) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ServerDialog)
    if name:
        dialog.name.setText(name)
    if url:
        dialog.url.setText(url)
    dialog.token.setText(token)
    dialog.accept()


def test_add_server_send_a_draft_and_see_it_received(window: MainWindow, qtbot: QtBot,
                                                     issuer: Issuer,
                                                     ready_portfolio: tuple[Path, str]) -> None:
    sync = window.sync_page
    window.show_place("sync")
    qtbot.waitUntil(lambda: "no server" in window.sync_status.text(), timeout=WAIT)
    # No server yet: what one is and what to ask for, where the list will be.
    qtbot.waitUntil(lambda: sync.no_server.isVisible(), timeout=WAIT)
    assert "coordinator gives you its address and a token" in sync.no_server.text()
    assert not sync.servers.isVisible()
    token = issuer.token("earner", "Teacher B")
    QTimer.singleShot(200, lambda: fill_server_dialog("riverbend", issuer.url, token))
    with qtbot.waitSignal(sync.pass_finished, timeout=WAIT):
        sync.ask_server()
    qtbot.waitUntil(lambda: sync.servers.count() == 1, timeout=WAIT)
    assert sync.servers.isVisible() and not sync.no_server.isVisible()
    workspace = window.workspace
    assert workspace is not None
    assert workspace.sync.servers()[0].has_token

    # Send from Drafts: the button is there once the draft is ready.
    window.show_place("drafts")
    editor = window.drafts_page.editor
    qtbot.waitUntil(lambda: editor.view is not None and editor.send_button.isEnabled(),
                    timeout=WAIT)
    with qtbot.waitSignal(sync.pass_finished, timeout=WAIT):
        editor.send_button.click()
    qtbot.waitUntil(lambda: bool(sync.items)
                    and sync.items[0].state is OutboxState.RECEIVED, timeout=WAIT)
    assert window.pages.currentWidget() is sync
    assert sync.table.rowCount() == 1
    assert sync.table.item(0, 2).text() == "received"
    assert window.sync_status.text() == "All sent"
    assert workspace.drafts.get(ready_portfolio[1]).status is DraftStatus.SUBMITTED


def test_a_bad_token_asks_to_sign_in_again(window: MainWindow, qtbot: QtBot,
                                           issuer: Issuer) -> None:
    sync = window.sync_page
    window.show_place("sync")
    QTimer.singleShot(200, lambda: fill_server_dialog("riverbend", issuer.url, "not-a-token"))
    with qtbot.waitSignal(sync.pass_finished, timeout=WAIT):
        sync.ask_server()
    workspace = window.workspace
    assert workspace is not None
    editor = window.drafts_page.editor
    window.show_place("drafts")
    qtbot.waitUntil(lambda: editor.view is not None and editor.send_button.isEnabled(),
                    timeout=WAIT)
    with qtbot.waitSignal(sync.pass_finished, timeout=WAIT):
        editor.send_button.click()
    qtbot.waitUntil(lambda: bool(sync.items)
                    and sync.items[0].state is OutboxState.LOGIN_NEEDED, timeout=WAIT)
    assert "sign in again" in window.notice_bar.text
    qtbot.waitUntil(lambda: "sign in again" in sync.servers.item(0).text(), timeout=WAIT)

    good = issuer.token("earner", "Teacher C")
    QTimer.singleShot(200, lambda: fill_server_dialog("", "", good))
    with qtbot.waitSignal(sync.pass_finished, timeout=WAIT):
        sync.sign_in_again()
    qtbot.waitUntil(lambda: sync.items[0].state is OutboxState.RECEIVED, timeout=WAIT)


def test_no_keyring_and_plain_http_are_asked_in_words(window: MainWindow, qtbot: QtBot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail
    from PySide6.QtWidgets import QMessageBox

    from mcdesk.sync import secrets

    keyring.set_keyring(fail.Keyring())  # a laptop with no Secret Service
    asked: list[tuple[str, str]] = []

    def answer(_parent: object, title: str, text: str, *_args: object) -> object:
        asked.append((title, text))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    sync = window.sync_page
    window.show_place("sync")
    monkeypatch.setattr(sync, "sync_now", lambda: None)  # no server behind this address
    sync._save_server("lan", "http://issuer.school.lan:8080", "tok-123456")
    qtbot.waitUntil(lambda: any(p.name == "lan" for p in sync.profiles), timeout=WAIT)
    assert [title for title, _ in asked] == ["Send over plain http?",
                                             "Keep the token in a file?"]
    assert "unencrypted" in asked[0][1]
    assert "only your user account can read" in asked[1][1]
    kept = secrets.token_file("lan")
    assert kept.read_text() == "tok-123456" and (kept.stat().st_mode & 0o077) == 0


def test_saying_no_keeps_nothing(window: MainWindow, qtbot: QtBot,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(_parent: object, title: str, *_args: object) -> object:
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    sync = window.sync_page
    window.show_place("sync")
    sync._save_server("lan", "http://issuer.school.lan:8080", "tok-123456")
    qtbot.waitUntil(lambda: asked == ["Send over plain http?"], timeout=WAIT)
    qtbot.wait(300)
    workspace = window.workspace
    assert workspace is not None
    assert [p.name for p in workspace.sync.servers()] == []


def test_an_assessor_token_switches_the_window_to_assessor(window: MainWindow, qtbot: QtBot,
                                                           issuer: Issuer) -> None:
    from mcdesk.core.reviews import Role

    sync = window.sync_page
    window.show_place("sync")
    qtbot.waitUntil(lambda: window.role_box.isEnabled(), timeout=WAIT)
    assert window.role is Role.EARNER
    token = issuer.token("assessor", "Ana Assessor")
    QTimer.singleShot(200, lambda: fill_server_dialog("riverbend", issuer.url, token))
    sync.ask_server()
    qtbot.waitUntil(lambda: window.role is Role.ASSESSOR, timeout=WAIT)
    reviews = next(window.sidebar.item(r) for r in range(window.sidebar.count())
                   if window.sidebar.item(r).data(0x0100) == "reviews")
    assert not reviews.isHidden()
    workspace = window.workspace
    assert workspace is not None
    assert workspace.roles.current() is Role.ASSESSOR
