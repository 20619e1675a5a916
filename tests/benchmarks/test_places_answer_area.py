"""The places benchmark times a search to what shows its answer: the list when it has rows,
and on an empty portfolio what stands where the list would be (its empty state), never a
hidden list whose repaint paints nothing (real places, real portfolios)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.places_child import answer_area
from mcdesk.services.workspace import Workspace
from mcdesk.ui.badges.page import BadgesPage
from mcdesk.ui.drafts.page import DraftsPage
from tests.conftest import DEMO_CATALOG
from tests.ui.place_helpers import place_alone

WAIT = 20_000
EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
alone = contextmanager(place_alone)  # the place's runner is shut down when the block ends


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "empty", seed_demo=False)
    yield workspace
    workspace.close()


@pytest.fixture
def with_drafts(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "drafts", seed_demo=False)
    workspace.catalog.import_file(DEMO_CATALOG)
    for _ in range(3):
        workspace.drafts.new(EXIT_TICKETS)
    yield workspace
    workspace.close()


@pytest.mark.parametrize(("place_class", "loaded"), [(DraftsPage, "drafts_shown"),
                                                     (BadgesPage, "badges_shown")])
def test_on_an_empty_portfolio_the_answer_is_what_stands_in_the_list_s_place(
        qtbot: QtBot, empty: Workspace, place_class: type[DraftsPage | BadgesPage],
        loaded: str) -> None:
    with alone(qtbot, place_class, 1000, 700) as place:
        with qtbot.waitSignal(getattr(place, loaded), timeout=WAIT):
            place.set_workspace(empty)
            place.show()
        shown = answer_area(place)
        assert not place.list.isVisible()
        assert shown is not place and shown.isVisible()
        assert shown.width() > 100 and shown.height() > 100  # it is painted: a real area


def test_with_drafts_to_list_the_answer_is_the_list(qtbot: QtBot,
                                                    with_drafts: Workspace) -> None:
    with alone(qtbot, DraftsPage, 1000, 700) as place:
        with qtbot.waitSignal(place.drafts_shown, timeout=WAIT) as shown:
            place.set_workspace(with_drafts)
            place.show()
        assert shown.args == [3]
        assert answer_area(place) is place.list
