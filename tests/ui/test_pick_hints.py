"""Drafts and Reviews on a new portfolio: the empty state on the left says what goes there, and
the wide detail side does not tell the teacher to pick something on the left; once the left
lists something, it does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import SignalInstance
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.drafts.page import DraftsPage
from mcdesk.ui.reviews.page import ReviewsPage
from tests.conftest import DEMO_CATALOG

WAIT = 15000
EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "new", seed_demo=False)
    yield workspace
    workspace.close()


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown(wait=True)


def shown(qtbot: QtBot, page: DraftsPage | ReviewsPage, loaded: SignalInstance,
          workspace: Workspace) -> None:
    """The place on screen with `workspace` open, once `loaded` says its list is filled."""
    qtbot.addWidget(page)
    with qtbot.waitSignal(loaded, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()


def test_drafts_hint_only_beside_drafts(qtbot: QtBot, workspace: Workspace,
                                        runner: JobRunner) -> None:
    page = DraftsPage(runner)
    shown(qtbot, page, page.drafts_shown, workspace)
    assert page.left_stack.currentWidget() is page.empty and page.empty.isVisible()
    assert page.placeholder.text() == ""

    workspace.catalog.import_file(DEMO_CATALOG)
    workspace.drafts.new(EXIT_TICKETS)
    with qtbot.waitSignal(page.drafts_shown, timeout=WAIT):
        page.refresh()
    assert page.list.count() == 1
    assert page.placeholder.text() == "Pick a draft on the left to work on it."
    page.set_workspace(None)


def test_reviews_hint_blank_beside_an_empty_queue(qtbot: QtBot, workspace: Workspace,
                                                  runner: JobRunner) -> None:
    page = ReviewsPage(runner)
    shown(qtbot, page, page.reviews_shown, workspace)
    assert page.left_stack.currentIndex() == 1 and page.sample_button.isVisible()
    assert page.right_stack.currentWidget() is page.placeholder
    assert page.placeholder.text() == ""
    page.set_workspace(None)
