"""The Plan place as a teacher uses it (real window offscreen, real portfolio): the reminder on
start and the banner, overdue shown as overdue, states and hours in the list, the stack goal's
"n of m", Add to plan… in the Catalog with its date picker, Start a draft turning the entry
to drafting, the reminder window, taking an entry out; the empty state that teaches; no
reminder for an assessor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from mcdesk.core.credentials import RecognitionRule
from mcdesk.core.plan import PlanState
from mcdesk.core.reviews import Role
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.plan.page import PlanPage
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey
from tests.badge_helpers import EXIT_TICKETS, FAMILY

WAIT = 20_000
PATTERNS = "https://demo.mcdesk.org/achievements/pattern-recognition"
TODAY = date.today()


def open_window(qtbot: QtBot, root: Path) -> MainWindow:
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    return window


def plan_page(window: MainWindow, qtbot: QtBot) -> PlanPage:
    window.show_place(PlaceKey.PLAN)
    page = window.place(PlaceKey.PLAN)
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT)
    return page


def rows(page: PlanPage) -> dict[str, list[str]]:
    return {page.list.topLevelItem(i).text(0): [page.list.topLevelItem(i).text(c)
                                                for c in range(4)]
            for i in range(page.list.topLevelItemCount())}


def state_of(page: PlanPage, achievement_id: str) -> PlanState | None:
    view = page.view
    found = [i for i in view.items if i.achievement_id == achievement_id] if view else []
    return found[0].state if found else None


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A teacher's portfolio with a rule, an overdue entry, one due soon and a stack goal
    (the overdue one was planned "earlier": the service refuses a past date today)."""
    folder = tmp_path / "portfolio"
    workspace = Workspace.open(folder, seed_demo=True)
    try:
        workspace.badges.save_rule(RecognitionRule(None, "Riverbend district", 3.0, None))
        plan = workspace.plan
        plan.today = lambda: TODAY - timedelta(days=30)
        plan.add(EXIT_TICKETS, TODAY - timedelta(days=2))
        plan.add(FAMILY, TODAY + timedelta(days=5))
        plan.add("culturally-responsive-read-alouds", TODAY + timedelta(days=90))
        plan.set_goal("Formative Assessment")
    finally:
        workspace.close()
    return folder


@pytest.fixture
def window(qtbot: QtBot, root: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, root)
    yield opened
    opened.close()


def test_reminders_states_hours_and_the_goal(window: MainWindow, qtbot: QtBot) -> None:
    assert [window.sidebar.item(i).text() for i in range(window.sidebar.count())
            if not window.sidebar.item(i).isHidden()] == [
        "Catalog", "Plan", "Evidence", "Drafts", "Badges", "Sync"]
    qtbot.waitUntil(lambda: "Your plan" in window.notice_bar.text, timeout=WAIT)
    notice = window.notice_bar.text
    assert "1 overdue" in notice and "1 due within 14 days" in notice
    assert "Checking for Understanding with Exit Tickets" in notice

    page = plan_page(window, qtbot)
    shown = rows(page)
    exit_row = shown["Checking for Understanding with Exit Tickets"]
    assert "overdue" in exit_row[1] and "Studying" in exit_row[2] and exit_row[3] == "3 h"
    assert "due soon" in shown["Two-Way Communication with Families"][1]
    assert "due" not in shown["Culturally Responsive Read-Alouds"][1]
    assert page.banner.isVisible()
    assert "overdue by 2 days" in page.banner.text and "due in 5 days" in page.banner.text
    assert page.goal_box.progress.text() == "0 of 4 earned"
    assert "Formative Assessment" in page.goal_box.title.text()
    assert "Riverbend district" in page.rule_label.text()
    page.list.setCurrentItem(page.list.topLevelItem(0))
    detail = page.detail
    assert detail.title.text() == "Checking for Understanding with Exit Tickets"
    assert "overdue by 2 days" in detail.when.text()
    assert "3 in-service hours under Riverbend district" in detail.hours.text()
    assert detail.start_button.isVisible() and not detail.open_button.isVisible()

    # Start a draft from the plan: Drafts opens on it and the plan says drafting.
    detail.start_button.click()
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: any(d.achievement_id == EXIT_TICKETS
                                for d in workspace.drafts.list()), timeout=WAIT)
    assert window.pages.currentWidget() is window.drafts_page
    window.show_place(PlaceKey.PLAN)
    qtbot.waitUntil(lambda: state_of(page, EXIT_TICKETS) is PlanState.DRAFTING, timeout=WAIT)
    assert page.detail.open_button.isVisible() and not page.detail.start_button.isVisible()
    assert "overdue" in rows(page)["Checking for Understanding with Exit Tickets"][1]

    # Remind fewer days ahead: the one due in five days no longer presses.
    page.remind_days.setValue(3)
    qtbot.waitUntil(lambda: workspace.plan.remind_days() == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: page.view is not None and page.view.remind_days == 3,
                    timeout=WAIT)
    assert "due soon" not in rows(page)["Two-Way Communication with Families"][1]
    assert "Checking for Understanding" in page.banner.text

    # Take one out: its draft stays.
    read_alouds = next(i for i in range(page.list.topLevelItemCount())
                       if page.list.topLevelItem(i).text(0).startswith("Culturally"))
    page.list.setCurrentItem(page.list.topLevelItem(read_alouds))
    page.detail.remove_button.click()
    qtbot.waitUntil(lambda: page.list.topLevelItemCount() == 2, timeout=WAIT)
    assert len(workspace.plan.entries()) == 2
    assert any(d.achievement_id == EXIT_TICKETS for d in workspace.drafts.list())


def test_add_to_plan_from_the_catalog_with_a_date(window: MainWindow, qtbot: QtBot) -> None:
    window.show_place(PlaceKey.CATALOG)
    catalog = window.catalog_page
    catalog.show_micro_credential(PATTERNS)
    qtbot.waitUntil(lambda: catalog.add_to_plan_button.isVisible(), timeout=WAIT)
    catalog.add_to_plan_button.click()
    page = window.place(PlaceKey.PLAN)
    assert isinstance(page, PlanPage)
    qtbot.waitUntil(lambda: page.add_dialog is not None and page.add_dialog.isVisible(),
                    timeout=WAIT)
    assert window.pages.currentWidget() is page
    dialog = page.add_dialog
    assert dialog is not None
    assert dialog.target.calendarPopup()
    assert dialog.target.minimumDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    target = TODAY + timedelta(days=45)
    dialog.target.setDate(QDate(target.year, target.month, target.day))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: any(e.achievement_id == PATTERNS
                                for e in workspace.plan.entries()), timeout=WAIT)
    assert [e.target for e in workspace.plan.entries() if e.achievement_id == PATTERNS] == [
        target]
    qtbot.waitUntil(lambda: "Pattern Recognition" in rows(page), timeout=WAIT)
    assert page.detail.title.text() == "Pattern Recognition"  # the one added is chosen
    qtbot.waitUntil(lambda: "is in your plan" in window.notice_bar.text, timeout=WAIT)

    # Move its date with the same picker.
    page.detail.move_button.click()
    qtbot.waitUntil(lambda: page.add_dialog is not dialog and page.add_dialog is not None
                    and page.add_dialog.isVisible(), timeout=WAIT)
    moving = page.add_dialog
    assert moving is not None and moving.target_date() == target
    later = target + timedelta(days=10)
    moving.target.setDate(QDate(later.year, later.month, later.day))
    moving.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: [e.target for e in workspace.plan.entries()
                             if e.achievement_id == PATTERNS] == [later], timeout=WAIT)


def test_the_empty_plan_teaches_and_adds(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "new"
    Workspace.open(root, seed_demo=True).close()
    window = open_window(qtbot, root)
    try:
        page = plan_page(window, qtbot)
        assert page.body.currentIndex() == 1 and "Your plan is empty" in page.empty.text()
        assert not page.banner.isVisible()
        assert "No stack goal yet" in page.goal_box.title.text()
        assert "No recognition rule yet" in page.rule_label.text()
        page.empty_add.click()
        qtbot.waitUntil(lambda: page.add_dialog is not None and page.add_dialog.isVisible(),
                        timeout=WAIT)
        dialog = page.add_dialog
        assert dialog is not None and dialog.choice.count() == 11
        dialog.choice.setCurrentIndex(dialog.choice.findData(FAMILY))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: page.body.currentIndex() == 0, timeout=WAIT)
        assert list(rows(page)) == ["Two-Way Communication with Families"]
        assert rows(page)["Two-Way Communication with Families"][3] == ""  # no rule, no hours
        assert "No hours shown" in page.detail.hours.text()
    finally:
        window.close()


def test_no_reminder_when_working_as_an_assessor(qtbot: QtBot, root: Path) -> None:
    workspace = Workspace.open(root)
    try:
        workspace.roles.switch(Role.ASSESSOR)
    finally:
        workspace.close()
    window = open_window(qtbot, root)
    try:
        qtbot.waitUntil(lambda: window.role is Role.ASSESSOR, timeout=WAIT)
        qtbot.wait(1500)  # the reminder read would have come back by now
        assert "Your plan" not in window.notice_bar.text
        assert window.sidebar.item(0).text() == "Reviews"
    finally:
        window.close()
