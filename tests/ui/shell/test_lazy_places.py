"""Evidence and Drafts are built on first visit, not with the window; a place built late still
receives the change notices of writes made elsewhere, and the places built with the window
(Catalog, Sync) are there from the start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.evidence.page import EvidencePage
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey

WAIT = 15000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    runner = JobRunner()
    window = MainWindow(runner, tmp_path / "portfolio")
    qtbot.addWidget(window)
    assert set(window.places) == {PlaceKey.CATALOG}  # before anything opens
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    # Sync (the status bar's line, the timed pass) is built after the first screen, unvisited.
    qtbot.waitUntil(lambda: PlaceKey.SYNC in window.places, timeout=WAIT)
    yield window
    window.close()
    runner.shutdown(wait=True)


def test_evidence_is_built_on_first_visit_and_then_hears_changes(
        window: MainWindow, qtbot: QtBot) -> None:
    assert PlaceKey.EVIDENCE not in window.places
    window._find()  # Ctrl+F elsewhere than Evidence: goes to the catalog, builds nothing
    assert PlaceKey.EVIDENCE not in window.places

    evidence = window.place(PlaceKey.EVIDENCE)
    assert isinstance(evidence, EvidencePage)
    with qtbot.waitSignal(evidence.items_shown, timeout=WAIT) as shown:
        window.show_place(PlaceKey.EVIDENCE)
    assert shown.args == [0]

    # Written elsewhere (the CLI, a dialog, another place) while Evidence is out of sight...
    window.show_place(PlaceKey.CATALOG)
    workspace = window.workspace
    assert workspace is not None
    workspace.evidence.add_text("Notes from Tuesday", "What the students said.")
    window.runner.announce(ChangeNotice.of([Change.EVIDENCE], origin=window.catalog_page))
    qtbot.waitUntil(lambda: evidence._stale, timeout=WAIT)
    # ... and shown again: it reloads.
    with qtbot.waitSignal(evidence.items_shown, timeout=WAIT) as shown:
        window.show_place(PlaceKey.EVIDENCE)
    assert shown.args == [1]


def test_drafts_built_late_still_sends_drafts_to_sync(window: MainWindow) -> None:
    drafts = window.drafts_page  # built now if the role's start did not build it
    assert window.places[PlaceKey.DRAFTS] is drafts
    receivers = drafts.editor.receivers("2send_requested(QString)")
    assert receivers >= 1  # MainWindow._wire connected it when it was built
