"""The plan's states follow a real draft against the reference issuing server (mcdesk_issuer in
its own process on 127.0.0.1): studying, drafting, sent (queued, then received), in review
(an assessor's review arrived), "not yet" with a resubmission drafting again, then earned with
the credential's hours under the district's recognition rule; reminders go quiet once sent."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mcdesk.core.credentials import RecognitionRule
from mcdesk.core.plan import Due, PlanItem, PlanState
from mcdesk.core.sync import ReviewPush, ReviewScore
from mcdesk.services.workspace import Workspace
from mcdesk.sync.client import IssuerClient
from tests.conftest import DEMO_CATALOG
from tests.sync_helpers import FAMILY, Issuer, issuer_missing_reason, ready_draft, running_issuer

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
RUBRIC = f"{FAMILY}/rubric"
TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


def entry(workspace: Workspace) -> PlanItem:
    (item,) = [i for i in workspace.plan.view().items if i.achievement_id == FAMILY]
    return item


def review_it(issuer: Issuer, submission_id: str, name: str) -> None:
    """An assessor is assigned the submission and sends a review: the issuer has it in
    review."""
    assessor = issuer.token("assessor", name)
    issuer.cli("assign", submission_id, name)
    with IssuerClient(issuer.url, assessor, server="riverbend") as client:
        (assignment,) = [a for a in client.assignments() if a.submission_id == submission_id]
        client.push_review(assignment.assignment_id, ReviewPush(
            review_id=str(uuid.uuid4()),
            scores=tuple(ReviewScore(f"{RUBRIC}/{c}", f"{RUBRIC}/{c}/proficient", "Clear.")
                         for c in ("plan", "messages", "reflection")),
            decision="earned"))


def test_the_plan_follows_a_draft_to_earned(issuer: Issuer, tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "teacher")
    try:
        workspace.catalog.import_file(DEMO_CATALOG)
        plan = workspace.plan
        plan.today = lambda: TODAY
        workspace.badges.save_rule(RecognitionRule(None, "Riverbend district", 3.0, None))
        plan.add("two-way-family-communication", date(2026, 12, 10))
        plan.set_goal("Family Engagement")
        first = entry(workspace)
        assert (first.state, first.due, first.days_left) == (PlanState.STUDYING,
                                                              Due.DUE_SOON, 9)
        assert first.hours == 3.0 and first.title == "Two-Way Communication with Families"
        assert [i.achievement_id for i in plan.reminders()] == [FAMILY]

        draft_id = ready_draft(workspace, tmp_path / "files")
        drafting = entry(workspace)
        assert drafting.state is PlanState.DRAFTING and drafting.draft_id == draft_id
        assert drafting.criteria_total and drafting.criteria_done == drafting.criteria_total

        workspace.sync.add_server("riverbend", issuer.url, issuer.token("earner", "Plan T"))
        queued = workspace.sync.queue(draft_id).item
        sent = entry(workspace)
        assert sent.state is PlanState.SENT and "next sync" in sent.detail
        assert sent.due is None and plan.reminders() == ()  # handed in: no reminder

        assert workspace.sync.sync_once().ok
        assert entry(workspace).state is PlanState.SENT  # the issuer received it

        review_it(issuer, queued.submission_id, "Assessor P1")
        assert workspace.sync.sync_once().ok
        assert entry(workspace).state is PlanState.IN_REVIEW

        staff = issuer.token("staff", "Staff P")
        issuer.decide(queued.submission_id, "not yet", staff, feedback=[
            {"rubricCriterionId": f"{RUBRIC}/messages",
             "levelId": f"{RUBRIC}/messages/developing",
             "feedback": "Show a reply from a family."}])
        assert workspace.sync.sync_once().ok
        not_yet = entry(workspace)
        assert not_yet.state is PlanState.NOT_YET and not_yet.due is Due.DUE_SOON

        second = workspace.drafts.start_resubmission(draft_id)
        again = entry(workspace)
        assert (again.state, again.draft_id, again.attempt, again.detail) == (
            PlanState.DRAFTING, second.id, 2, "attempt 2")

        requeued = workspace.sync.queue(second.id).item
        assert workspace.sync.sync_once().ok
        assert entry(workspace).state is PlanState.SENT
        review_it(issuer, requeued.submission_id, "Assessor P2")
        issuer.decide(requeued.submission_id, "earned", staff)
        report = workspace.sync.sync_once()
        assert report.ok and report.servers[0].credentials_new == 1
        earned = entry(workspace)
        assert earned.state is PlanState.EARNED and earned.due is None
        (credential,) = workspace.badges.list()
        assert credential.state == "verified"
        assert earned.hours == workspace.badges.hours()[credential.id][0] == 3.0
        goal = plan.view().goal
        assert goal is not None and (goal.words, goal.name) == ("1 of 2", "Family Engagement")
    finally:
        workspace.close()
