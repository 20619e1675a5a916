"""The plan's rules as plain data: the state from drafts and outbox items in the cases a live
issuer rarely shows (a refused submission, a held one, the latest attempt deciding, an old
attempt earned), when a target presses, hours with a yearly cap, and dates typed badly."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mcdesk.core.credentials import RecognitionRule
from mcdesk.core.drafts import Draft, DraftStatus
from mcdesk.core.errors import McdeskError
from mcdesk.core.plan import (
    DEFAULT_REMIND_DAYS,
    Due,
    PlanState,
    due_of,
    may_remind,
    parse_target,
    planned_hours,
    progress_of,
    remind_days_of,
)
from mcdesk.core.sync import OutboxItem, OutboxState

MC = "https://example.org/mc"
NOW = datetime(2026, 12, 1, 9, tzinfo=UTC)


def draft(ident: str, attempt: int, status: DraftStatus) -> Draft:
    return Draft(id=ident, achievement_id=MC, mc_version="1", mc_name="MC", attempt=attempt,
                 status=status, created_at=NOW, updated_at=NOW)


def outbox(draft_id: str, stage: OutboxState, state: OutboxState | None = None,
           reason: str = "") -> OutboxItem:
    return OutboxItem(
        id=1, submission_id="s", draft_id=draft_id, server="riverbend", state=state or stage,
        stage=stage, achievement_id=MC, mc_version="1", mc_name="MC", attempt=1,
        bag_name="b", fingerprint="f", bytes_total=10, bytes_sent=0, attempts=0,
        next_attempt_at=None, last_error="", reason=reason, queued_at=NOW, updated_at=NOW)


def test_states_from_drafts_and_the_outbox() -> None:
    first = draft("d1", 1, DraftStatus.DRAFT)
    assert progress_of(MC, [], [], frozenset()).state is PlanState.STUDYING
    assert progress_of("other", [first], [], frozenset()).state is PlanState.STUDYING
    assert progress_of(MC, [first], [], frozenset()).state is PlanState.DRAFTING
    queued = progress_of(MC, [first], [outbox("d1", OutboxState.QUEUED)], frozenset())
    assert (queued.state, queued.detail) == (PlanState.SENT, "waiting for the next sync")
    held = progress_of(MC, [first], [outbox("d1", OutboxState.UPLOADING,
                                            OutboxState.LOGIN_NEEDED)], frozenset())
    assert (held.state, held.detail) == (PlanState.SENT, "login needed")
    refused = progress_of(MC, [first], [outbox("d1", OutboxState.UPLOADING,
                                               OutboxState.REJECTED, "too large")],
                          frozenset())
    assert refused.state is PlanState.DRAFTING and "too large" in refused.detail
    submitted = draft("d1", 1, DraftStatus.SUBMITTED)
    assert progress_of(MC, [submitted], [outbox("d1", OutboxState.IN_REVIEW)],
                       frozenset()).state is PlanState.IN_REVIEW
    assert progress_of(MC, [submitted], [], frozenset()).state is PlanState.IN_REVIEW


def test_the_latest_attempt_decides_and_earned_wins() -> None:
    not_yet = draft("d1", 1, DraftStatus.NOT_YET)
    second = draft("d2", 2, DraftStatus.DRAFT)
    assert progress_of(MC, [not_yet], [], frozenset()).state is PlanState.NOT_YET
    again = progress_of(MC, [not_yet, second], [outbox("d1", OutboxState.NOT_YET)],
                        frozenset())
    assert (again.state, again.draft_id, again.detail) == (PlanState.DRAFTING, "d2",
                                                           "attempt 2")
    assert progress_of(MC, [not_yet], [], frozenset({MC})).state is PlanState.EARNED
    earned = draft("d2", 2, DraftStatus.EARNED)
    assert progress_of(MC, [not_yet, earned], [], frozenset()).draft_id == "d2"


def test_when_a_target_presses() -> None:
    today = date(2026, 12, 1)
    assert due_of(PlanState.STUDYING, date(2026, 12, 15), today, 14) == (Due.DUE_SOON, 14)
    assert due_of(PlanState.STUDYING, date(2026, 12, 16), today, 14) == (None, 15)
    assert due_of(PlanState.DRAFTING, date(2026, 11, 30), today, 14) == (Due.OVERDUE, -1)
    assert due_of(PlanState.NOT_YET, today, today, 0) == (Due.DUE_SOON, 0)
    for handed_in in (PlanState.SENT, PlanState.IN_REVIEW, PlanState.EARNED):
        assert due_of(handed_in, date(2026, 11, 1), today, 14) == (None, -30)


def test_whether_a_reminder_can_be_due_from_the_earliest_target_alone() -> None:
    """The start-up check that spares the plan's services when nothing can press: it must
    agree with due_of for every entry not handed in."""
    today = date(2026, 12, 1)
    assert not may_remind(None, today, 14)
    assert may_remind(date(2026, 12, 15), today, 14)
    assert not may_remind(date(2026, 12, 16), today, 14)
    assert may_remind(date(2026, 11, 1), today, 0)
    for days in range(-3, 20):
        target = date.fromordinal(today.toordinal() + days)
        assert may_remind(target, today, 14) == (
            due_of(PlanState.STUDYING, target, today, 14)[0] is not None)


@pytest.mark.parametrize(("stored", "days"), [
    (None, DEFAULT_REMIND_DAYS), ("3", 3), ("0", 0), ("365", 365), ("366", DEFAULT_REMIND_DAYS),
    ("-1", DEFAULT_REMIND_DAYS), ("soon", DEFAULT_REMIND_DAYS)])
def test_the_stored_reminder_window_is_read_safely(stored: str | None, days: int) -> None:
    assert remind_days_of(stored) == days


def test_planned_hours_share_the_yearly_cap_in_target_order() -> None:
    rule = RecognitionRule(1, "District", 3.0, 7.0)
    hours = planned_hours(rule, [("c", date(2027, 3, 1)), ("a", date(2026, 12, 20)),
                                 ("b", date(2027, 1, 5)), ("d", date(2027, 4, 1))],
                          {}, frozenset(), {2026: 6.0})
    assert {k: (v.hours, v.note) for k, v in hours.items()} == {
        "a": (1.0, "capped at 7 hours in 2026"), "b": (3.0, ""), "c": (3.0, ""),
        "d": (1.0, "capped at 7 hours in 2027")}
    off = RecognitionRule(1, "District", 3.0, None, active=False)
    assert planned_hours(off, [("a", date(2027, 1, 1))], {}, frozenset(), {})["a"].hours \
        is None


@pytest.mark.parametrize("text", ["2026-02-30", "tomorrow", "12/31/2026", ""])
def test_a_bad_date_is_named(text: str) -> None:
    with pytest.raises(McdeskError, match="YYYY-MM-DD") as caught:
        parse_target(text)
    assert f'"{text}"' in str(caught.value)


def test_a_good_date() -> None:
    assert parse_target(" 2027-01-31 ") == date(2027, 1, 31)
