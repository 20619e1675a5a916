"""The storage budget for study files, set in the Sync place: it shows what study files use,
and a new budget is kept in the portfolio, where the command line reads it too."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mcdesk.core.study import DEFAULT_BUDGET_BYTES, GIB
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from tests.study_helpers import demo_study_portfolio

WAIT = 10_000


def test_the_budget_is_shown_and_kept_in_the_portfolio(qtbot: QtBot, tmp_path: Path) -> None:
    root = demo_study_portfolio(tmp_path / "portfolio")
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    window.show_place("sync")
    sync = window.sync_page
    qtbot.waitUntil(lambda: "used" in sync.budget_used.text(), timeout=WAIT)
    assert sync.budget_box.value() == DEFAULT_BUDGET_BYTES / GIB
    assert "KB used" in sync.budget_used.text()  # the demo's pictures, clip and pages
    sync.budget_box.setValue(0.5)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.study.budget() == int(0.5 * GIB), timeout=WAIT)
    window.close()
    reopened = Workspace.open(root)
    try:
        assert reopened.study.budget() == int(0.5 * GIB)
    finally:
        reopened.close()
