"""The Drafts list: a first visit names the first drafts before any is checked, then lists all
of them checked; the search box keeps the drafts whose micro-credential's name holds the
words (real portfolio with the demo catalog)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from benchmarks.fixture import add_place_rows
from mcdesk.services.workspace import Workspace
from mcdesk.ui.drafts import page as drafts_module
from mcdesk.ui.drafts.page import DraftsPage
from tests.ui.place_helpers import place_alone, shown_first_lines

WAIT = 20_000


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    root = tmp_path / "p"
    Workspace.open(root, seed_demo=True).close()
    add_place_rows(root, drafts=5, reviews=0, credentials=0)
    workspace = Workspace.open(root, create=False, seed_demo=False)
    yield workspace
    workspace.close()


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> Iterator[DraftsPage]:
    yield from place_alone(qtbot, DraftsPage, 1100, 700)


def names(page: DraftsPage) -> list[str]:
    return shown_first_lines(page.list)


def test_the_first_drafts_are_named_before_all_are_checked(
        qtbot: QtBot, page: DraftsPage, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drafts_module, "FIRST_PAGE", 2)
    first: list[list[str]] = []
    page.lines_shown.connect(lambda _n: first.append(
        [page.list.item(r).text() for r in range(page.list.count())]))
    with qtbot.waitSignal(page.drafts_shown, timeout=WAIT) as shown:
        page.set_workspace(workspace)
        page.show()
    order = [name for _i, name, _a, _s in workspace.drafts.lines()]
    assert len(first) == 1 and [t.split("\n")[0] for t in first[0]] == order[:2]
    assert all(t.endswith("checking…") for t in first[0])
    assert shown.args == [5] and names(page) == order
    assert not any(page.list.item(r).text().endswith("checking…") for r in range(5))


def test_the_search_box_keeps_the_drafts_that_match(qtbot: QtBot, page: DraftsPage,
                                                    workspace: Workspace) -> None:
    with qtbot.waitSignal(page.drafts_shown, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    everything = names(page)
    word = everything[0].split()[-1]
    expected = [n for n in everything if word.casefold() in n.casefold()]
    assert 0 < len(expected) < len(everything)
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.setText(word.lower())
    assert found.args == [len(expected)] and names(page) == expected
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.setText(word + " zzz")
    assert found.args == [0] and page.searchable.no_match.isVisible()
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT):
        page.search.clear()
    assert names(page) == everything
    assert page.searchable.no_match.isHidden()


def test_a_draft_the_search_hides_closes(qtbot: QtBot, page: DraftsPage,
                                         workspace: Workspace) -> None:
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    chosen = page.list.currentItem().text().split("\n")[0]
    assert page.right_stack.currentIndex() == 1  # the first draft is open
    other = next(n for n in names(page) if chosen not in n)
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT):
        page.search.setText(other.upper())
    assert chosen not in names(page)
    assert page.current_id() is None and page.right_stack.currentIndex() == 0


def test_the_evidence_column_takes_a_page_then_more_as_it_scrolls(
        qtbot: QtBot, page: DraftsPage, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QModelIndex

    from mcdesk.ui.drafts import editor as editor_module

    monkeypatch.setattr(editor_module, "LIBRARY_PAGE", 2)
    titles = [workspace.evidence.add_text(f"Notes {n}", "x").title for n in range(3)]
    with qtbot.waitSignal(page.editor.loaded, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    library = page.editor.library
    assert len(library.items()) == 2 and library.matching() == 3
    assert library.canFetchMore(QModelIndex())
    library.fetchMore(QModelIndex())  # what the view does when scrolled to the end
    assert sorted(e.title for e in library.items()) == sorted(titles)
    assert not library.canFetchMore(QModelIndex())
