"""Before the Sync place is opened, the status bar's line comes from counts read with plain
sqlite3 (no sync service is made); it says what the full outbox would say."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.storage.models import ReviewRow, ServerProfileRow
from mcdesk.ui.sync import page as sync_page
from mcdesk.ui.sync.page import SyncPage

WAIT = 15000


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown(wait=True)


def _review(state: str) -> ReviewRow:
    now = datetime(2026, 1, 5, 9, 0)
    return ReviewRow(id=str(uuid.uuid4()), submission_id=str(uuid.uuid4()), mc_id="urn:x",
                     mc_version="1", mc_name="Exit Tickets", attempt=1, source="assignment",
                     server="District", assignment_id=str(uuid.uuid4()), state=state,
                     blind=True, created_at=now, updated_at=now)


def _status(qtbot: QtBot, runner: JobRunner, workspace: Workspace,
            monkeypatch: pytest.MonkeyPatch) -> tuple[SyncPage, str]:
    monkeypatch.setattr(sync_page, "STATUS_DELAY_MS", 0)
    page = SyncPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.status_changed, timeout=WAIT) as said:
        page.set_workspace(workspace)
    return page, str(said.args[0])


def test_no_server_says_offline_without_the_sync_service(
        qtbot: QtBot, runner: JobRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        page, line = _status(qtbot, runner, workspace, monkeypatch)
        assert line == "Offline: no server yet"
        assert workspace._sync is None  # counted, not loaded
        page.set_workspace(None)
    finally:
        workspace.close()


def test_counted_line_is_the_full_outbox_line(qtbot: QtBot, runner: JobRunner,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        with workspace._portfolio.database.transaction() as session:
            session.add(ServerProfileRow(name="District", url="https://d.example.org",
                                         created_at=datetime(2026, 1, 1)))
            session.add_all([_review("queued"), _review("queued"), _review("conflict")])
        page, counted = _status(qtbot, runner, workspace, monkeypatch)
        assert counted == "1 needs you: see Sync"
        assert workspace._sync is None
        with qtbot.waitSignal(page.outbox_shown, timeout=WAIT):
            page.show()  # opening the place reads the full outbox
        assert page.status_line() == counted
        page.set_workspace(None)
    finally:
        workspace.close()


def test_a_place_never_opened_still_syncs_on_its_timer_and_on_sync_now(
        qtbot: QtBot, runner: JobRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The counts know a server exists: the timer's quiet pass and Sync now (menu, Ctrl+S)
    run without the place ever having been opened, and never say "add a server first"."""
    workspace = Workspace.open(tmp_path / "p")
    try:
        with workspace._portfolio.database.transaction() as session:
            session.add(ServerProfileRow(name="District", url="http://127.0.0.1:9",
                                         created_at=datetime(2026, 1, 1)))
        page, _line = _status(qtbot, runner, workspace, monkeypatch)
        assert page.profiles == [] and page.has_servers()
        said: list[str] = []
        page.notice.connect(lambda text, _tone: said.append(text))
        with qtbot.waitSignal(page.pass_finished, timeout=WAIT):
            page.sync_quietly()
        with qtbot.waitSignal(page.pass_finished, timeout=WAIT):
            page.sync_now()
        assert not any("Add the server" in text for text in said)
        page.set_workspace(None)
    finally:
        workspace.close()
