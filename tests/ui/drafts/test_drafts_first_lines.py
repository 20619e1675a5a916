"""The Drafts list shows its drafts' names at once on the first load ("checking…"), then each
draft's check replaces that; later reloads go straight to the checked list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.drafts import ops as drafts_ops
from mcdesk.ui.drafts.page import DraftsPage
from tests.conftest import DEMO_CATALOG
from tests.ui.place_helpers import first_visit_events

WAIT = 15000
EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "p")
    workspace.catalog.import_file(DEMO_CATALOG)
    for _ in range(3):
        workspace.drafts.new(EXIT_TICKETS)
    yield workspace
    workspace.close()


def texts(page: DraftsPage) -> list[str]:
    return [page.list.item(row).text() for row in range(page.list.count())]


def test_names_first_then_the_checks(qtbot: QtBot, workspace: Workspace) -> None:
    runner = JobRunner()
    page = DraftsPage(runner)
    qtbot.addWidget(page)
    lines: list[list[str]] = []
    page.lines_shown.connect(lambda _n: lines.append(texts(page)))
    with qtbot.waitSignal(page.drafts_shown, timeout=WAIT) as shown:
        page.set_workspace(workspace)
        page.show()
    assert shown.args == [3]
    assert len(lines) == 1 and len(lines[0]) == 3
    assert all(line.endswith("checking…") for line in lines[0])
    checked = texts(page)
    assert len(checked) == 3 and not any("checking" in line for line in checked)
    assert [line.split("\n")[0] for line in checked] == [t.split("\n")[0] for t in lines[0]]
    assert page.current_id() is not None  # the checked list opens the first draft

    page.lines_shown.disconnect()
    again: list[int] = []
    page.lines_shown.connect(again.append)
    with qtbot.waitSignal(page.drafts_shown, timeout=WAIT):
        page.refresh()
    assert again == []  # the list already shows the drafts: no "checking…" flash
    page.set_workspace(None)
    runner.shutdown(wait=True)


def test_the_names_are_painted_before_the_checks_start(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """In the running event loop: a call posted for the next turn ran before the paint, so
    the checks ran beside the names' first paint."""
    runner = JobRunner()
    page = DraftsPage(runner)
    qtbot.addWidget(page)
    events = first_visit_events(qtbot, monkeypatch, page, workspace, page.drafts_shown,
                                [(drafts_ops, "drafts_with_readiness")], WAIT)
    assert events == ["rows painted", "drafts_with_readiness"]
    page.set_workspace(None)
    runner.shutdown(wait=True)
