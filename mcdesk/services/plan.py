"""The teacher's plan: micro-credentials with target dates and a stack goal, each entry's state
worked out from the real drafts, outbox and credentials, its hours under the district's
recognition rule, and the reminders when a target nears; worker thread (writes on the writer
lane)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from mcdesk.core.catalog import CatalogEntry, id_tail
from mcdesk.core.credentials import EarnedCredential
from mcdesk.core.drafts import Draft
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.plan import (
    MAX_REMIND_DAYS,
    REMIND_DAYS_KEY,
    GoalProgress,
    PlanEntry,
    PlanItem,
    PlannedHours,
    PlanState,
    PlanView,
    StackGoal,
    due_of,
    planned_hours,
    progress_of,
    remind_days_of,
)
from mcdesk.services.badges import BadgeService
from mcdesk.services.catalog import CatalogService
from mcdesk.services.drafts import DraftService
from mcdesk.storage.outbox_store import OutboxStore
from mcdesk.storage.plan_store import PlanStore
from mcdesk.storage.portfolio import Portfolio

# How far ahead a target may be set (a plan is for the next years, not a typo's 20260).
MAX_YEARS_AHEAD = 10


class PlanService:
    """The plan of one portfolio. Thread-safe (each call opens its own sessions)."""

    def __init__(self, portfolio: Portfolio, catalog: CatalogService, drafts: DraftService,
                 badges: BadgeService, today: Callable[[], date] | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._portfolio = portfolio
        self._catalog = catalog
        self._drafts = drafts
        self._badges = badges
        self._store = PlanStore(portfolio.database)
        self._outbox = OutboxStore(portfolio.database)
        # Target dates are the teacher's calendar days: today is the local date.
        self.today: Callable[[], date] = today or date.today
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))

    # -- changing the plan -----------------------------------------------------------------

    def add(self, mc_reference: str, target: date) -> tuple[PlanEntry, bool]:
        """Put a micro-credential (its id, the last part of its id, or its name) in the plan
        with a target date, or move its date; (the entry, whether it is new)."""
        reference = mc_reference.strip()
        if any(reference == s.id or reference.casefold() == s.name.casefold()
               for s in self._catalog.stacks()):
            raise McdeskError(f'"{mc_reference}" is a stack, not a micro-credential; aim for '
                              "it as your stack goal (`mcdesk plan goal STACK`)")
        achievement_id = self._catalog.resolve(reference)
        self._check_target(target)
        return self._store.put(achievement_id, target, self.clock())

    def remove(self, mc_reference: str) -> str:
        """Take a micro-credential out of the plan (its drafts stay); its achievement id."""
        ids = [entry.achievement_id for entry in self._store.entries()]
        achievement_id = mc_reference.strip()
        if achievement_id not in ids:
            try:
                achievement_id = self._catalog.resolve(mc_reference)
            except NotFoundError:
                ends = [i for i in ids if i.rstrip("/").rsplit("/", 1)[-1] == achievement_id]
                if len(ends) != 1:
                    raise NotFoundError(f'"{mc_reference}" is not in your plan') from None
                achievement_id = ends[0]
        if achievement_id not in ids:
            raise NotFoundError(f'"{mc_reference}" is not in your plan')
        self._store.remove(achievement_id)
        return achievement_id

    def set_goal(self, stack_reference: str, target: date | None = None) -> StackGoal:
        """Aim to complete a stack (its id or name), by `target` if given."""
        reference = stack_reference.strip()
        stacks = self._catalog.stacks()
        found = [s for s in stacks if reference == s.id
                 or reference.casefold() == s.name.casefold()
                 or reference.casefold() == s.id.rstrip("/").rsplit("/", 1)[-1].casefold()]
        if len(found) != 1:
            names = ", ".join(f'"{s.name}"' for s in stacks) or "none"
            raise NotFoundError(f'no stack in the catalog is called "{stack_reference}" '
                                f"(stacks: {names})")
        if target is not None:
            self._check_target(target)
        return self._store.set_goal(found[0].id, target, self.clock())

    def clear_goal(self) -> bool:
        return self._store.clear_goal()

    def remind_days(self) -> int:
        return remind_days_of(self._portfolio.meta(REMIND_DAYS_KEY))

    def set_remind_days(self, days: int) -> int:
        if not 0 <= days <= MAX_REMIND_DAYS:
            raise McdeskError(f"remind between 0 and {MAX_REMIND_DAYS} days before a target "
                              f"date, not {days}")
        self._store.set_meta(REMIND_DAYS_KEY, str(days))
        return days

    def _check_target(self, target: date) -> None:
        today = self.today()
        if target < today:
            raise McdeskError(f"the target date {target.isoformat()} is already past (today is "
                              f"{today.isoformat()}); choose a day from today on")
        if target.year > today.year + MAX_YEARS_AHEAD:
            raise McdeskError(f"the target date {target.isoformat()} is more than "
                              f"{MAX_YEARS_AHEAD} years ahead; is the year right?")

    # -- reading it ------------------------------------------------------------------------

    def entries(self) -> list[PlanEntry]:
        return self._store.entries()

    def goal(self) -> StackGoal | None:
        return self._store.goal()

    def view(self, *, readiness: bool = True) -> PlanView:
        """The whole plan as the teacher sees it, worked out now; with `readiness`, a
        draft's criteria done (its check) for the entries being drafted."""
        today = self.today()
        remind_days = self.remind_days()
        entries = self._store.entries()
        catalog = {e.achievement_id: e for e in self._catalog.entries(limit=100_000)}
        stack_ids = frozenset(stack.id for stack in self._catalog.stacks())
        drafts = self._drafts.list()
        outbox = self._outbox.items()
        credentials = [c for c in self._badges.list() if c.state != "failed"]
        earned_ids = frozenset(c.achievement_id for c in credentials if c.achievement_id)
        rule = self._badges.active_rule()
        credential_hours = self._badges.hours()
        progress = {e.achievement_id: progress_of(e.achievement_id, drafts, outbox, earned_ids)
                    for e in entries}
        catalog_hours = {i: e.in_service_hours for i, e in catalog.items()
                         if e.in_service_hours is not None}
        projected = planned_hours(
            rule, [(e.achievement_id, e.target) for e in entries
                   if e.achievement_id not in earned_ids],
            catalog_hours, stack_ids, _used_by_year(credentials, credential_hours))
        items = []
        for entry in entries:
            state = progress[entry.achievement_id]
            hours = (_earned_hours(entry.achievement_id, credentials, credential_hours, rule
                                   is not None and rule.active)
                     if entry.achievement_id in earned_ids
                     else projected.get(entry.achievement_id, PlannedHours(None)))
            due, days = due_of(state.state, entry.target, today, remind_days)
            done = total = None
            if readiness and state.state is PlanState.DRAFTING and state.draft_id:
                try:
                    check = self._drafts.check(state.draft_id)
                    done, total = check.criteria_done, check.criteria_total
                except McdeskError:
                    pass
            items.append(PlanItem(
                achievement_id=entry.achievement_id,
                title=_title(entry.achievement_id, catalog.get(entry.achievement_id), drafts),
                target=entry.target, state=state.state, hours=hours.hours,
                hours_note=hours.note, due=due, days_left=days, draft_id=state.draft_id,
                attempt=state.attempt, detail=state.detail,
                in_catalog=entry.achievement_id in catalog, criteria_done=done,
                criteria_total=total))
        return PlanView(items=tuple(items), goal=self._goal_progress(entries),
                        remind_days=remind_days,
                        rule_name=rule.name if rule is not None and rule.active else None,
                        today=today)

    def reminders(self) -> tuple[PlanItem, ...]:
        """What to remind the teacher of now (overdue first), without running draft checks."""
        return self.view(readiness=False).reminders

    def _goal_progress(self, entries: list[PlanEntry]) -> GoalProgress | None:
        goal = self._store.goal()
        if goal is None:
            return None
        planned = {e.achievement_id for e in entries}
        stack = next((s for s in self._catalog.stacks() if s.id == goal.stack_id), None)
        progress = next((p for p in self._badges.stacks() if p.stack_id == goal.stack_id),
                        None)
        if stack is None or progress is None:
            return GoalProgress(stack_id=goal.stack_id, name=goal.stack_id, target=goal.target,
                                earned=0, total=0, in_plan=(), not_in_plan=(),
                                in_catalog=False)
        earned_names = set(progress.earned)
        in_plan = tuple(m.achievement_id for m in stack.members if m.achievement_id in planned)
        not_in_plan = tuple((m.achievement_id, m.name) for m in stack.members
                            if m.achievement_id not in planned and m.name not in earned_names)
        return GoalProgress(stack_id=stack.id, name=stack.name, target=goal.target,
                            earned=len(progress.earned), total=progress.total, in_plan=in_plan,
                            not_in_plan=not_in_plan)


def _title(achievement_id: str, entry: CatalogEntry | None, drafts: list[Draft]) -> str:
    """The catalog's name; for one gone from the catalog, the name its draft kept."""
    if entry is not None:
        return entry.name
    for draft in drafts:
        if draft.achievement_id == achievement_id:
            return draft.mc_name
    return id_tail(achievement_id)


def _used_by_year(credentials: list[EarnedCredential],
                  hours: dict[str, tuple[float, str]]) -> dict[int, float]:
    used: dict[int, float] = {}
    for credential in credentials:
        year = credential.earned_on.year
        used[year] = used.get(year, 0.0) + hours.get(credential.id, (0.0, ""))[0]
    return used


def _earned_hours(achievement_id: str, credentials: list[EarnedCredential],
                  hours: dict[str, tuple[float, str]], rule_active: bool) -> PlannedHours:
    """What the credential actually counts for (the transcript's figure)."""
    if not rule_active:
        return PlannedHours(None, "no recognition rule is set")
    held = [c for c in credentials if c.achievement_id == achievement_id]
    counted = max((hours.get(c.id, (0.0, "")) for c in held), default=(0.0, ""))
    return PlannedHours(counted[0], counted[1])
