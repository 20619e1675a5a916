"""The Badges list on a first visit: the newest few paint first, then every badge with its
hours, the stacks and the first one's detail; the search box keeps the badges whose name or
issuer holds the words (real portfolio, real signed credentials)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mcdesk.services.workspace import Workspace
from mcdesk.ui.badges import ops as badges_ops
from mcdesk.ui.badges import page as badges_module
from mcdesk.ui.badges.page import BadgesPage
from tests.badge_helpers import EXIT_TICKETS, FAMILY, WAIT_TIME, signed_jwt
from tests.ui.place_helpers import (
    answer_late,
    first_visit_events,
    place_alone,
    shown_first_lines,
)

WAIT = 20_000


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "received"
    folder.mkdir()
    for serial, (achievement, month) in enumerate(((EXIT_TICKETS, 1), (FAMILY, 2),
                                                   (WAIT_TIME, 3)), start=1):
        (folder / f"{serial}.jwt").write_text(signed_jwt(
            achievement, datetime(2026, month, 2, tzinfo=UTC), serial=serial))
    workspace = Workspace.open(tmp_path / "p", seed_demo=True)
    workspace.badges.import_files(sorted(folder.iterdir()))
    yield workspace
    workspace.close()


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> Iterator[BadgesPage]:
    yield from place_alone(qtbot, BadgesPage, 1000, 700)


def titles(page: BadgesPage) -> list[str]:
    return shown_first_lines(page.list)


def test_the_newest_paint_first_then_all_with_the_detail(
        qtbot: QtBot, page: BadgesPage, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(badges_module, "FIRST_PAGE", 2)
    first: list[list[str]] = []
    page.first_shown.connect(lambda _n: first.append(titles(page)))
    with qtbot.waitSignal(page.badges_shown, timeout=WAIT) as shown:
        page.set_workspace(workspace)
        page.show()
    assert first == [["Questioning Techniques and Wait Time",
                      "Two-Way Communication with Families"]]  # the newest two, no detail yet
    assert shown.args == [3]
    assert titles(page)[:2] == first[0] and len(titles(page)) == 3
    assert page.detail.isVisible()  # the first badge's detail came with the whole list
    assert page.selected_id() == page.list.item(0).data(Qt.ItemDataRole.UserRole)

    again: list[int] = []
    page.first_shown.connect(again.append)
    with qtbot.waitSignal(page.badges_shown, timeout=WAIT):
        page.refresh()
    assert again == []  # later loads read the whole list at once


def test_the_first_rows_are_painted_before_the_rest_is_read(
        qtbot: QtBot, page: BadgesPage, workspace: Workspace,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """In the running event loop: a call posted for the next turn ran before the paint, so
    the whole list's read and the pictures began before the first rows showed."""
    monkeypatch.setattr(badges_module, "FIRST_PAGE", 2)
    answer_late(monkeypatch, workspace.badges, "lines")
    events = first_visit_events(qtbot, monkeypatch, page, workspace, page.badges_shown,
                                [(badges_ops, "load"), (badges_module, "badge_with_state")],
                                WAIT)
    assert events[:3] == ["rows painted", "badge_with_state", "badge_with_state"]
    assert "load" in events


def test_the_search_box_keeps_the_badges_that_match(
        qtbot: QtBot, page: BadgesPage, workspace: Workspace) -> None:
    with qtbot.waitSignal(page.badges_shown, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.setText("families")
    assert found.args == [1]
    assert titles(page) == ["Two-Way Communication with Families"]
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.setText("riverbend")  # the issuer's name
    assert found.args == [3]
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.setText("tickets nothing")
    assert found.args == [0] and page.searchable.no_match.isVisible()
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT) as found:
        page.search.clear()
    assert found.args == [3]


def test_a_badge_the_search_hides_closes_and_a_reload_keeps_the_words(
        qtbot: QtBot, page: BadgesPage, workspace: Workspace) -> None:
    with qtbot.waitSignal(page.badges_shown, timeout=WAIT):
        page.set_workspace(workspace)
        page.show()
    assert page.detail.isVisible() and titles(page)[0].startswith("Questioning")
    with qtbot.waitSignal(page.searchable.filtered, timeout=WAIT):
        page.search.setText("FAMILIES")
    assert page.selected_id() is None and not page.detail.isVisible()
    assert page.pick_hint.isVisible()
    with qtbot.waitSignal(page.badges_shown, timeout=WAIT):
        page.refresh()  # a reload (a badge imported elsewhere) while the words are there
    assert titles(page) == ["Two-Way Communication with Families"]
    assert page.selected_id() is None and not page.detail.isVisible()
