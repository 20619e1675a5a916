"""The evidence grid reads its pieces a page at a time: the first page when the place opens,
the next ones as the grid scrolls; a piece asked for (from a draft) is read even when it comes
later; search still finds every match and counts them all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.core.evidence import Evidence, EvidenceKind
from mcdesk.jobs.runner import JobRunner
from mcdesk.services import evidence as evidence_service
from mcdesk.services.workspace import Workspace
from mcdesk.ui.evidence.page import EvidencePage
from mcdesk.ui.widgets import evidence_model
from mcdesk.ui.widgets.evidence_model import EvidenceListModel

WAIT = 15000
PAGE = 5
PIECES = 17


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence_service, "LIBRARY_PAGE", PAGE)
    monkeypatch.setattr(evidence_model, "PAGE", PAGE)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "p")
    for number in range(PIECES):
        workspace.evidence.add_text(f"Exit ticket {number:02d}" if number % 2 else
                                    f"Lesson note {number:02d}", "What the students said.")
    yield workspace
    workspace.close()


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace, small_pages: None) -> Iterator[EvidencePage]:
    runner = JobRunner()
    page = EvidencePage(runner)
    qtbot.addWidget(page)
    page.resize(900, 600)
    with qtbot.waitSignal(page.items_shown, timeout=WAIT) as shown:
        page.set_workspace(workspace)
        page.show()
    assert shown.args == [PIECES]
    yield page
    page.set_workspace(None)
    runner.shutdown(wait=True)


def test_the_first_page_shows_at_once_and_scrolling_reads_the_rest(
        page: EvidencePage, qtbot: QtBot) -> None:
    model = page.model
    assert model.matching() == PIECES
    assert page.count_label.text() == f"{PIECES} of {PIECES} pieces of evidence"
    assert model.rowCount() == PAGE
    # Scrolling to the end of the grid reads the next page, until every piece is there, in
    # the library's order (newest first), with nothing twice.
    page.resize(260, 260)
    bar = page.list.verticalScrollBar()

    def scrolled_to_all() -> bool:
        bar.setValue(bar.maximum())
        return model.rowCount() == PIECES

    qtbot.waitUntil(scrolled_to_all, timeout=WAIT)
    titles = [e.title for e in model.items()]
    assert len(set(titles)) == PIECES
    assert titles[0] == f"Lesson note {PIECES - 1:02d}"
    assert not model.canFetchMore(model.index(-1))


def test_a_piece_past_the_first_page_can_be_selected(page: EvidencePage, qtbot: QtBot,
                                                     workspace: Workspace) -> None:
    oldest = workspace.evidence.library_page(limit=PIECES).items[-1]
    page.model.set_items(page.model.items()[:PAGE], [e.id for e in workspace.evidence.all()])
    assert page.model.row_of(oldest.id) is None
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT) as shown:
        page.select_evidence(oldest.id)
    assert shown.args == [oldest.id]
    assert page.model.row_of(oldest.id) is not None


def test_search_counts_every_match_not_only_the_first_page(page: EvidencePage,
                                                           qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.items_shown, timeout=WAIT) as shown:
        page.search.setText("exit ticket")
    assert shown.args == [PIECES // 2]
    assert page.count_label.text() == f"{PIECES // 2} of {PIECES} pieces of evidence"
    assert page.model.rowCount() == PAGE
    assert all(e.title.startswith("Exit ticket") for e in page.model.items())


def _piece(number: int) -> Evidence:
    from datetime import UTC, datetime

    return Evidence(id=f"e{number}", kind=EvidenceKind.TEXT, title=f"Piece {number}",
                    created_at=datetime(2025, 1, 1, tzinfo=UTC), sha256=f"{number:064x}")


def test_a_page_read_for_an_older_list_is_dropped(small_pages: None) -> None:
    asked: list[list[str]] = []
    model = EvidenceListModel(lambda _e: None, asked.append)
    pieces = [_piece(n) for n in range(12)]
    model.set_items(pieces[:PAGE], [p.id for p in pieces])
    root = model.index(-1)
    assert model.canFetchMore(root)
    model.fetchMore(root)
    assert asked == [[p.id for p in pieces[PAGE:2 * PAGE]]]
    assert not model.canFetchMore(root)  # one page at a time
    model.set_items(pieces[:2], [p.id for p in pieces[:2]])  # a new search meanwhile
    model.add_more(asked[0], {p.id: p for p in pieces[PAGE:2 * PAGE]})
    assert model.rowCount() == 2
    assert model.row_of("e7") is None


def test_a_piece_trashed_before_its_page_arrives_is_left_out(small_pages: None) -> None:
    asked: list[list[str]] = []
    model = EvidenceListModel(lambda _e: None, asked.append)
    pieces = [_piece(n) for n in range(8)]
    model.set_items(pieces[:PAGE], [p.id for p in pieces])
    model.fetchMore(model.index(-1))
    model.add_more(asked[0], {p.id: p for p in pieces[PAGE:] if p.id != "e6"})
    assert [e.id for e in model.items()] == ["e0", "e1", "e2", "e3", "e4", "e5", "e7"]
    assert model.matching() == 7 and model.row_of("e7") == 6
    assert not model.canFetchMore(model.index(-1))
