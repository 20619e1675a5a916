"""The first screen reads the catalog list once: opening the portfolio hands every place the
workspace, and no change notice from the opening makes the catalog read its list again."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.core.catalog_list import CatalogEntry
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.catalog import CatalogService
from mcdesk.services.workspace import Workspace
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow

WAIT = 15000


def test_the_catalog_list_is_read_once_at_start(qtbot: QtBot, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "portfolio"
    Workspace.open(root, create=True, seed_demo=True).close()
    listed: list[str] = []
    lock = threading.Lock()
    entries = CatalogService.entries

    def counted(self: CatalogService, **kwargs: object) -> list[CatalogEntry]:
        with lock:
            listed.append(threading.current_thread().name)
        return entries(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CatalogService, "entries", counted)
    runner = JobRunner()
    window = MainWindow(runner, root)
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.catalog_page.entries_shown, timeout=WAIT) as shown:
            open_portfolio_in_background(window, seed_demo=False)
        assert shown.args[0] > 0
        # Whatever the opening set going (the role, the first detail) has run its course.
        qtbot.waitUntil(lambda: not runner.active(), timeout=WAIT)
        qtbot.wait(300)
        qtbot.waitUntil(lambda: not runner.active(), timeout=WAIT)
        assert len(listed) == 1, listed
    finally:
        window.close()
        runner.shutdown(wait=True)
