"""Drafts and Reviews on a new portfolio: the empty state says what goes there in the wide detail
side (not squeezed into the list's column, beside a hint to pick from an empty list); once the
left lists something, the detail side's hint says to pick one there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import SignalInstance
from pytestqt.qtbot import QtBot

from mcdesk.services.workspace import Workspace
from mcdesk.ui.drafts.page import DraftsPage
from mcdesk.ui.reviews.page import ReviewsPage
from tests.conftest import DEMO_CATALOG
from tests.ui.place_helpers import place_alone

WAIT = 15000
EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "new", seed_demo=False)
    yield workspace
    workspace.close()


@pytest.fixture
def drafts(qtbot: QtBot) -> Iterator[DraftsPage]:
    yield from place_alone(qtbot, DraftsPage, 1200, 700)


@pytest.fixture
def reviews(qtbot: QtBot) -> Iterator[ReviewsPage]:
    yield from place_alone(qtbot, ReviewsPage, 1200, 700)


def shown(qtbot: QtBot, page: DraftsPage | ReviewsPage, loaded: SignalInstance,
          workspace: Workspace) -> None:
    """The place on screen with `workspace` open, once `loaded` says its list is filled."""
    with qtbot.waitSignal(loaded, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()


def test_drafts_empty_state_in_the_detail_side(qtbot: QtBot, workspace: Workspace,
                                               drafts: DraftsPage) -> None:
    page = drafts
    shown(qtbot, page, page.drafts_shown, workspace)
    assert page.left_stack.currentIndex() == 1 and page.beside.showing_empty()
    assert page.empty.isVisible() and not page.placeholder.isVisible()
    assert page.empty.width() > page.left_stack.width()

    workspace.catalog.import_file(DEMO_CATALOG)
    workspace.drafts.new(EXIT_TICKETS)
    with qtbot.waitSignal(page.drafts_shown, timeout=WAIT):
        page.refresh()
    assert page.list.count() == 1 and page.left_stack.currentIndex() == 0
    assert not page.beside.showing_empty() and not page.empty.isVisible()
    page.list.setCurrentRow(-1)  # nothing chosen: the hint to pick one
    assert page.right_stack.currentWidget() is page.beside and page.placeholder.isVisible()


def test_reviews_empty_queue_in_the_detail_side(qtbot: QtBot, workspace: Workspace,
                                                reviews: ReviewsPage) -> None:
    page = reviews
    shown(qtbot, page, page.reviews_shown, workspace)
    assert page.left_stack.currentIndex() == 1 and page.sample_button.isVisible()
    assert page.right_stack.currentWidget() is page.beside and page.beside.showing_empty()
    assert page.right_stack.isAncestorOf(page.sample_button)
    assert page.empty.width() > page.left_stack.width() and not page.placeholder.isVisible()
