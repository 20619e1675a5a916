"""The plan through its service on a real portfolio: hours under each kind of recognition rule
(fixed, the catalog's, a yearly cap shared with what was earned, none at all), an earned
credential counting what the transcript counts, reminders due soon and overdue with the
configurable window, the stack goal's progress, bad input refused with nothing changed, and a
portfolio left by an older mcdesk (migration 0009) upgraded with an empty plan."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from mcdesk.core.credentials import CredentialOrigin, RecognitionRule
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.plan import Due, PlanItem, PlanState
from mcdesk.services.workspace import Workspace
from mcdesk.storage import migrate
from mcdesk.storage.portfolio import Portfolio
from tests.badge_helpers import EXIT_TICKETS, FAMILY, signed_jwt
from tests.conftest import DEMO_CATALOG
from tests.storage.old_portfolio import portfolio_at
from tests.storage.test_review_store import raw, revision_of

TODAY = date(2026, 12, 1)
READ_ALOUDS = "https://demo.mcdesk.org/achievements/culturally-responsive-read-alouds"
SMALL_GROUPS = "https://demo.mcdesk.org/achievements/data-driven-small-groups"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(tmp_path / "p")
    opened.catalog.import_file(DEMO_CATALOG)
    opened.plan.today = lambda: TODAY
    yield opened
    opened.close()


def items(workspace: Workspace) -> dict[str, PlanItem]:
    return {i.achievement_id: i for i in workspace.plan.view().items}


def test_no_rule_shows_no_hours_and_each_rule_its_own(workspace: Workspace) -> None:
    plan = workspace.plan
    plan.add(EXIT_TICKETS, date(2027, 2, 1))
    plan.add("Culturally Responsive Read-Alouds", date(2027, 3, 1))
    plan.add(SMALL_GROUPS, date(2027, 4, 1))
    shown = items(workspace)
    assert {i.hours for i in shown.values()} == {None}  # no rule: nothing guessed
    assert shown[EXIT_TICKETS].hours_note == "no recognition rule is set"

    badges = workspace.badges
    catalog_rule = badges.save_rule(RecognitionRule(None, "State", None, None))
    shown = items(workspace)
    assert shown[EXIT_TICKETS].hours == 3.0 and shown[SMALL_GROUPS].hours == 5.0
    # The catalog gives no hours for this one: nothing rather than a guess.
    assert shown[READ_ALOUDS].hours is None
    assert "the catalog gives none" in shown[READ_ALOUDS].hours_note

    badges.save_rule(RecognitionRule(catalog_rule.id, "State", 2.0, 5.0))
    shown = items(workspace)
    assert [shown[i].hours for i in (EXIT_TICKETS, READ_ALOUDS, SMALL_GROUPS)] == [
        2.0, 2.0, 1.0]
    assert shown[SMALL_GROUPS].hours_note == "capped at 5 hours in 2027"
    assert plan.view().rule_name == "State"


def test_an_earned_credential_counts_what_the_transcript_counts(workspace: Workspace) -> None:
    badges = workspace.badges
    badges.save_rule(RecognitionRule(None, "District", 3.0, 4.0))
    plan = workspace.plan
    plan.add(EXIT_TICKETS, date(2026, 12, 20))
    plan.add(FAMILY, date(2026, 12, 24))
    badges.receive(signed_jwt(EXIT_TICKETS, datetime(2026, 11, 2, tzinfo=UTC)).encode(),
                   "exit.jwt", origin=CredentialOrigin.IMPORT, source="exit.jwt")
    shown = items(workspace)
    assert shown[EXIT_TICKETS].state is PlanState.EARNED and shown[EXIT_TICKETS].hours == 3.0
    (line,) = badges.transcript(date(2026, 1, 1), date(2026, 12, 31)).lines
    assert line.hours == 3.0
    # The same year's cap is shared with the planned one: 1 hour is left of 4.
    assert shown[FAMILY].hours == 1.0 and "capped at 4 hours in 2026" in shown[FAMILY].hours_note


def test_a_failed_credential_does_not_make_it_earned(workspace: Workspace) -> None:
    token = signed_jwt(FAMILY, datetime(2026, 11, 2, tzinfo=UTC), serial=5)
    tampered = token[:-8] + ("AAAA" if not token.endswith("AAAA") else "BBBB") + token[-4:]
    workspace.badges.receive(tampered.encode(), "family.jwt", origin=CredentialOrigin.IMPORT,
                             source="family.jwt")
    workspace.plan.add(FAMILY, date(2026, 12, 24))
    assert items(workspace)[FAMILY].state is PlanState.STUDYING


def test_reminders_due_soon_overdue_and_the_window(workspace: Workspace) -> None:
    plan = workspace.plan
    plan.add(EXIT_TICKETS, date(2026, 12, 5))
    plan.add(FAMILY, date(2026, 12, 30))
    assert [(i.achievement_id, i.due, i.days_left) for i in plan.reminders()] == [
        (EXIT_TICKETS, Due.DUE_SOON, 4)]
    plan.today = lambda: date(2026, 12, 8)
    overdue = items(workspace)[EXIT_TICKETS]
    assert (overdue.due, overdue.days_left) == (Due.OVERDUE, -3)
    assert plan.set_remind_days(30) == 30 and plan.remind_days() == 30
    assert [(i.achievement_id, i.due) for i in plan.reminders()] == [
        (EXIT_TICKETS, Due.OVERDUE), (FAMILY, Due.DUE_SOON)]  # overdue first
    draft = workspace.drafts.new(FAMILY)
    drafting = items(workspace)[FAMILY]
    assert drafting.state is PlanState.DRAFTING and drafting.draft_id == draft.id
    assert drafting.due is Due.DUE_SOON  # drafting is not ready: still reminded
    assert drafting.criteria_total and drafting.criteria_done == 0
    with pytest.raises(McdeskError, match="between 0 and 365"):
        plan.set_remind_days(400)
    assert plan.remind_days() == 30


def test_the_start_up_check_reads_the_plan_the_service_wrote(workspace: Workspace) -> None:
    """Workspace.plan_may_remind (plain SQL, no plan service) agrees with the reminders."""
    today = date(2026, 12, 1)
    assert not workspace.plan_may_remind(today)  # an empty plan
    plan = workspace.plan
    plan.add(FAMILY, date(2026, 12, 30))
    assert not workspace.plan_may_remind(today) and plan.reminders() == ()
    plan.set_remind_days(30)
    assert workspace.plan_may_remind(today) and plan.reminders()
    plan.set_remind_days(14)
    plan.add(EXIT_TICKETS, date(2026, 12, 5))
    assert workspace.plan_may_remind(today) and plan.reminders()
    assert workspace.plan_may_remind(date(2027, 1, 10))  # overdue


def test_the_stack_goal_counts_earned_members(workspace: Workspace) -> None:
    plan = workspace.plan
    plan.add(EXIT_TICKETS, date(2027, 1, 15))
    goal = plan.set_goal("formative-assessment", date(2027, 6, 1))
    assert goal.stack_id.endswith("/stacks/formative-assessment")
    workspace.badges.receive(signed_jwt(
        "https://demo.mcdesk.org/achievements/questioning-wait-time",
        datetime(2026, 10, 2, tzinfo=UTC), serial=3).encode(), "wait.jwt",
        origin=CredentialOrigin.IMPORT, source="wait.jwt")
    progress = plan.view().goal
    assert progress is not None
    assert (progress.name, progress.words, progress.target) == (
        "Formative Assessment", "1 of 4", date(2027, 6, 1))
    assert progress.in_plan == (EXIT_TICKETS,)
    assert {name for _i, name in progress.not_in_plan} == {
        "Peer Feedback with Rubrics", "Data-Driven Small Groups"}
    assert plan.clear_goal() is True and plan.view().goal is None


def test_bad_input_is_refused_and_nothing_changes(workspace: Workspace) -> None:
    plan = workspace.plan
    with pytest.raises(McdeskError, match="already past"):
        plan.add(EXIT_TICKETS, date(2026, 11, 30))
    with pytest.raises(McdeskError, match="years ahead"):
        plan.add(EXIT_TICKETS, date(2126, 1, 1))
    with pytest.raises(NotFoundError, match="no micro-credential"):
        plan.add("not-in-the-catalog", date(2027, 1, 1))
    with pytest.raises(McdeskError, match="is a stack"):
        plan.add("https://demo.mcdesk.org/stacks/family-engagement", date(2027, 1, 1))
    with pytest.raises(NotFoundError, match="no stack"):
        plan.set_goal("Knitting")
    with pytest.raises(NotFoundError, match="not in your plan"):
        plan.remove(EXIT_TICKETS)
    assert plan.entries() == [] and plan.goal() is None
    entry, new = plan.add("exit-tickets", date(2027, 1, 1))
    moved, again = plan.add(EXIT_TICKETS, date(2027, 2, 1))
    assert (new, again, moved.target, moved.added_at) == (True, False, date(2027, 2, 1),
                                                          entry.added_at)
    assert plan.remove("exit-tickets") == EXIT_TICKETS and plan.entries() == []


def test_a_0009_portfolio_upgrades_with_an_empty_plan(tmp_path: Path) -> None:
    root = tmp_path / "old"
    db = portfolio_at(root, "0009",
                      "INSERT INTO evidence (id, kind, title, created_at) VALUES "
                      "('e1', 'text', 'My notes', '2026-11-01 10:00:00')")
    assert revision_of(db) == "0009"
    Portfolio.open(root).close()
    assert revision_of(db) == migrate.HEAD_REVISION == migrate.head_revision()
    assert raw(db, "SELECT id, title FROM evidence") == [("e1", "My notes")]
    workspace = Workspace.open(root)
    try:
        workspace.catalog.import_file(DEMO_CATALOG)
        assert workspace.plan.view().items == ()
        workspace.plan.today = lambda: TODAY
        workspace.plan.add(FAMILY, date(2027, 1, 1))
        workspace.plan.set_goal("Family Engagement")
    finally:
        workspace.close()
    assert raw(db, "SELECT achievement_id, target_date FROM plan_entry") == [
        (FAMILY, "2027-01-01")]
    assert len(raw(db, "SELECT stack_id FROM plan_goal")) == 1
