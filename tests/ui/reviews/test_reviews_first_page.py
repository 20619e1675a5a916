"""The Reviews queue on a first visit: the top of the queue paints first, then the whole queue
and the first review's workspace; the search box keeps the reviews whose micro-credential's
name holds the words (real portfolio with the demo catalog)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.fixture import add_place_rows
from mcdesk.services.workspace import Workspace
from mcdesk.ui.reviews import ops as reviews_ops
from mcdesk.ui.reviews import page as reviews_module
from mcdesk.ui.reviews.page import ReviewsPage
from tests.ui.place_helpers import (
    answer_late,
    first_visit_events,
    place_alone,
    shown_first_lines,
)

WAIT = 20_000


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    root = tmp_path / "p"
    Workspace.open(root, seed_demo=True).close()
    add_place_rows(root, drafts=0, reviews=5, credentials=0)
    workspace = Workspace.open(root, create=False, seed_demo=False)
    yield workspace
    workspace.close()


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> Iterator[ReviewsPage]:
    yield from place_alone(qtbot, ReviewsPage, 1100, 700)


def names(page: ReviewsPage) -> list[str]:
    return shown_first_lines(page.list)


def test_the_top_of_the_queue_paints_first(qtbot: QtBot, page: ReviewsPage,
                                           workspace: Workspace,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reviews_module, "FIRST_PAGE", 2)
    first: list[list[str]] = []
    page.first_shown.connect(lambda _n: first.append(names(page)))
    with qtbot.waitSignal(page.reviews_shown, timeout=WAIT) as shown:
        page.set_workspace(workspace)
        page.show()
    queue = [s.mc_name for s in workspace.reviews.summaries()]
    assert first == [queue[:2]]
    assert shown.args == [5] and names(page) == queue
    qtbot.waitUntil(lambda: page.workspace_view.review_id is not None, timeout=WAIT)
    assert page.workspace_view.review_id == page.current_id()


def test_the_first_rows_are_painted_before_the_rest_is_read(
        qtbot: QtBot, page: ReviewsPage, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """In the running event loop; then the whole queue, and only once it is painted, the
    first review's workspace."""
    monkeypatch.setattr(reviews_module, "FIRST_PAGE", 2)
    answer_late(monkeypatch, workspace.reviews, "summaries")
    events = first_visit_events(qtbot, monkeypatch, page, workspace, page.reviews_shown,
                                [(reviews_ops, "queue"), (page, "_open")], WAIT)
    qtbot.waitUntil(lambda: "_open" in events, timeout=WAIT)
    assert events == ["rows painted", "queue", "_open"]


def test_the_search_box_keeps_the_reviews_that_match(qtbot: QtBot, page: ReviewsPage,
                                                     workspace: Workspace) -> None:
    with qtbot.waitSignal(page.reviews_shown, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    everything = names(page)
    word = everything[-1].split()[-1]
    expected = [n for n in everything if word.casefold() in n.casefold()]
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.setText(word.upper())
    assert found.args == [len(expected)] and names(page) == expected
    assert 0 < len(expected) < len(everything)
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.clear()
    assert names(page) == everything


def test_a_review_the_search_hides_closes(qtbot: QtBot, page: ReviewsPage,
                                          workspace: Workspace) -> None:
    with qtbot.waitSignal(page.reviews_shown, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    qtbot.waitUntil(lambda: page.workspace_view.review_id is not None, timeout=WAIT)
    assert page.right_stack.currentIndex() == 1
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.setText("nothing like this")
    assert found.args == [0] and page.searchable.no_match.isVisible()
    assert page.current_id() is None and page.right_stack.currentIndex() == 0


def test_each_row_says_the_attempt_due_day_progress_and_state(
        qtbot: QtBot, page: ReviewsPage, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The words of the rows are translated once per filling: the first screenful's rows
    and the whole queue's say the same."""
    monkeypatch.setattr(reviews_module, "FIRST_PAGE", 2)
    first: list[list[str]] = []
    page.first_shown.connect(lambda _n: first.append(
        [page.list.item(row).text() for row in range(page.list.count())]))
    with qtbot.waitSignal(page.reviews_shown, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    rows = [page.list.item(row).text() for row in range(page.list.count())]
    queue = workspace.reviews.summaries()
    assert len(rows) == len(queue) == 5
    for text, summary in zip(rows, queue, strict=True):
        name, progress, state = text.split("\n")
        assert name == summary.mc_name
        assert re.fullmatch(rf"Attempt 1 · due \S.* · 0/{summary.criteria} scored", progress)
        assert state == "not started"
    assert first == [rows[:2]]
