"""A teacher's plan as plain data: micro-credentials with target dates, a stack goal, each
entry's state worked out from the drafts, the outbox and the credentials held (never stored),
the hours it will count for under a recognition rule, and the reminders; any thread."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from mcdesk.core.credentials import RecognitionRule
from mcdesk.core.drafts import Draft, DraftStatus
from mcdesk.core.sync import OutboxItem, OutboxState

# How many days before a target date the window starts reminding, unless the teacher says.
DEFAULT_REMIND_DAYS = 14
# The portfolio fact holding the teacher's own number of days.
REMIND_DAYS_KEY = "plan_remind_days"
MAX_REMIND_DAYS = 365


def remind_days_of(value: str | None) -> int:
    """The reminder window from its stored text (the default when unset or not a number in
    range)."""
    try:
        days = int(value) if value is not None else DEFAULT_REMIND_DAYS
    except ValueError:
        return DEFAULT_REMIND_DAYS
    return days if 0 <= days <= MAX_REMIND_DAYS else DEFAULT_REMIND_DAYS


def may_remind(earliest_target: date | None, today: date, remind_days: int) -> bool:
    """Whether any plan entry can be due soon or overdue, from the earliest target alone (what
    is handed in is left to the whole plan)."""
    return earliest_target is not None and (earliest_target - today).days <= remind_days


class PlanState(enum.StrEnum):
    """Where a planned micro-credential is, in the teacher's words."""

    STUDYING = "studying"
    """In the plan, no draft yet."""
    DRAFTING = "drafting"
    SENT = "sent"
    """Sent (or on its way): the issuer has not given it to assessors yet."""
    IN_REVIEW = "in review"
    EARNED = "earned"
    NOT_YET = "not yet"

    @property
    def handed_in(self) -> bool:
        """Whether the teacher's part is done for now (a target date no longer presses)."""
        return self in (PlanState.SENT, PlanState.IN_REVIEW, PlanState.EARNED)


class Due(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due soon"


@dataclass(frozen=True)
class PlanEntry:
    """One micro-credential in the plan, as stored: what and by when."""

    achievement_id: str
    target: date
    added_at: datetime


@dataclass(frozen=True)
class StackGoal:
    """The stack the teacher aims to complete, as stored."""

    stack_id: str
    target: date | None
    set_at: datetime


@dataclass(frozen=True)
class Progress:
    """What the state rests on: the latest attempt and where its submission is."""

    state: PlanState
    draft_id: str | None = None
    attempt: int | None = None
    detail: str = ""
    """Words for the teacher: "attempt 2", "waiting to retry", why the server refused it."""


@dataclass(frozen=True)
class PlannedHours:
    """Hours an entry will count for; `hours` None when no rule applies (nothing guessed)."""

    hours: float | None
    note: str = ""


@dataclass(frozen=True)
class PlanItem:
    """One entry with everything the plan shows about it."""

    achievement_id: str
    title: str
    target: date
    state: PlanState
    hours: float | None
    hours_note: str
    due: Due | None
    days_left: int
    draft_id: str | None = None
    attempt: int | None = None
    detail: str = ""
    in_catalog: bool = True
    criteria_done: int | None = None
    criteria_total: int | None = None


@dataclass(frozen=True)
class GoalProgress:
    stack_id: str
    name: str
    target: date | None
    earned: int
    total: int
    in_plan: tuple[str, ...]
    """Achievement ids of the stack's members in the plan."""
    not_in_plan: tuple[tuple[str, str], ...]
    """(achievement id, name) of the members neither earned nor in the plan."""
    in_catalog: bool = True

    @property
    def words(self) -> str:
        return f"{self.earned} of {self.total}"


@dataclass(frozen=True)
class PlanView:
    items: tuple[PlanItem, ...]
    goal: GoalProgress | None
    remind_days: int
    rule_name: str | None
    today: date

    @property
    def reminders(self) -> tuple[PlanItem, ...]:
        """The entries to remind about: overdue first, then the nearest target."""
        pressing = [item for item in self.items if item.due is not None]
        return tuple(sorted(pressing, key=lambda i: (i.due is not Due.OVERDUE, i.target)))


# ----------------------------------------------------------------------------------- states


def progress_of(achievement_id: str, drafts: Iterable[Draft], outbox: Iterable[OutboxItem],
                earned_ids: frozenset[str]) -> Progress:
    """The state of one micro-credential from what the portfolio holds: a credential for it
    (not one that failed verification) is earned; else the latest attempt's draft and its
    outbox item decide."""
    mine = [d for d in drafts if d.achievement_id == achievement_id]
    latest = max(mine, key=lambda d: (d.attempt, d.updated_at), default=None)
    if achievement_id in earned_ids or any(d.status is DraftStatus.EARNED for d in mine):
        earned = next((d for d in mine if d.status is DraftStatus.EARNED), latest)
        return Progress(PlanState.EARNED, earned.id if earned else None,
                        earned.attempt if earned else None)
    if latest is None:
        return Progress(PlanState.STUDYING)
    items = sorted((i for i in outbox if i.draft_id == latest.id),
                   key=lambda i: i.updated_at, reverse=True)
    item = items[0] if items else None
    attempt = f"attempt {latest.attempt}" if latest.attempt > 1 else ""

    def made(state: PlanState, detail: str = attempt) -> Progress:
        return Progress(state, latest.id, latest.attempt, detail)

    if latest.status is DraftStatus.NOT_YET or (item and item.stage is OutboxState.NOT_YET):
        return made(PlanState.NOT_YET)
    if item is not None and item.stage is OutboxState.EARNED:
        return made(PlanState.EARNED)
    if item is not None and item.state is OutboxState.REJECTED:
        return made(PlanState.DRAFTING, f"the issuer refused it: {item.reason}")
    if item is not None and item.stage is OutboxState.IN_REVIEW:
        return made(PlanState.IN_REVIEW)
    if item is not None:
        detail = attempt
        if item.state.is_hold:
            detail = ", ".join(filter(None, (attempt, str(item.state))))
        elif item.stage.unsent:
            detail = ", ".join(filter(None, (attempt, "waiting for the next sync")))
        return made(PlanState.SENT, detail)
    if latest.status is DraftStatus.SUBMITTED:
        # Submitted with no outbox item here (e.g. the outbox was of another portfolio copy):
        # the issuer holds it and has said no more.
        return made(PlanState.IN_REVIEW)
    return made(PlanState.DRAFTING)


def due_of(state: PlanState, target: date, today: date,
           remind_days: int) -> tuple[Due | None, int]:
    """(overdue / due soon / None, days left). Only entries not yet handed in press."""
    days = (target - today).days
    if state.handed_in:
        return None, days
    if days < 0:
        return Due.OVERDUE, days
    if days <= remind_days:
        return Due.DUE_SOON, days
    return None, days


# ------------------------------------------------------------------------------------ hours


def planned_hours(rule: RecognitionRule | None,
                  entries: Sequence[tuple[str, date]],
                  catalog_hours: dict[str, float], stack_ids: frozenset[str],
                  used_by_year: dict[int, float]) -> dict[str, PlannedHours]:
    """Hours each planned micro-credential not yet earned will count for under `rule`, in
    target order, a yearly cap shared with what was already earned that year
    (`used_by_year`). No rule, or a rule taking the catalog's hours where the catalog gives
    none: no number at all."""
    result: dict[str, PlannedHours] = {}
    used = dict(used_by_year)
    for achievement_id, target in sorted(entries, key=lambda e: (e[1], e[0])):
        if rule is None or not rule.active:
            result[achievement_id] = PlannedHours(None, "no recognition rule is set")
            continue
        if achievement_id in stack_ids:
            result[achievement_id] = PlannedHours(
                None, "a stack: its micro-credentials count, not the stack")
            continue
        if rule.hours_per_credential is not None:
            hours = rule.hours_per_credential
        elif achievement_id in catalog_hours:
            hours = catalog_hours[achievement_id]
        else:
            result[achievement_id] = PlannedHours(
                None, f"{rule.name} counts the catalog's hours; the catalog gives none")
            continue
        note = ""
        if rule.cap_per_year is not None:
            room = max(0.0, rule.cap_per_year - used.get(target.year, 0.0))
            if hours > room:
                note = f"capped at {rule.cap_per_year:g} hours in {target.year}"
                hours = room
        used[target.year] = used.get(target.year, 0.0) + hours
        result[achievement_id] = PlannedHours(hours, note)
    return result


# ----------------------------------------------------------------------------------- dates


def parse_target(text: str) -> date:
    """A target date as a teacher types it on the command line: YYYY-MM-DD."""
    from mcdesk.core.errors import McdeskError

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise McdeskError(f'"{text}" is not a date; write it as YYYY-MM-DD, e.g. '
                          f"{date.today().replace(day=1).isoformat()}") from None
