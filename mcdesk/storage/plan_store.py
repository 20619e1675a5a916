"""Reads and writes the teacher's plan (entries with target dates, the stack goal, how early
to remind); returns core objects; worker thread (writes on the writer lane)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from mcdesk.core.errors import NotFoundError
from mcdesk.core.plan import PlanEntry, StackGoal
from mcdesk.storage.db import Database
from mcdesk.storage.models import MetaRow
from mcdesk.storage.plan_models import PlanEntryRow, PlanGoalRow

GOAL_SLOT = 1


def _naive(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class PlanStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def entries(self) -> list[PlanEntry]:
        """Every entry, the nearest target first."""
        with self._db.reading() as session:
            rows = session.scalars(select(PlanEntryRow).order_by(
                PlanEntryRow.target_date, PlanEntryRow.added_at))
            return [_entry(row) for row in rows]

    def put(self, achievement_id: str, target: date, now: datetime) -> tuple[PlanEntry, bool]:
        """Add an entry, or move an existing one's target date; (it, whether new)."""
        with self._db.transaction() as session:
            row = session.get(PlanEntryRow, achievement_id)
            new = row is None
            if row is None:
                row = PlanEntryRow(achievement_id=achievement_id, added_at=_naive(now))
                session.add(row)
            row.target_date = target
            session.flush()
            entry = _entry(row)
        return entry, new

    def remove(self, achievement_id: str) -> None:
        with self._db.transaction() as session:
            row = session.get(PlanEntryRow, achievement_id)
            if row is None:
                raise NotFoundError("that micro-credential is not in your plan")
            session.delete(row)

    def goal(self) -> StackGoal | None:
        with self._db.reading() as session:
            row = session.get(PlanGoalRow, GOAL_SLOT)
            return None if row is None else _goal(row)

    def set_goal(self, stack_id: str, target: date | None, now: datetime) -> StackGoal:
        with self._db.transaction() as session:
            row = session.get(PlanGoalRow, GOAL_SLOT)
            if row is None:
                row = PlanGoalRow(slot=GOAL_SLOT)
                session.add(row)
            row.stack_id = stack_id
            row.target_date = target
            row.set_at = _naive(now)
            session.flush()
            goal = _goal(row)
        return goal

    def clear_goal(self) -> bool:
        """Forget the stack goal; whether there was one."""
        with self._db.transaction() as session:
            row = session.get(PlanGoalRow, GOAL_SLOT)
            if row is None:
                return False
            session.delete(row)
        return True

    def set_meta(self, key: str, value: str) -> None:
        with self._db.transaction() as session:
            session.merge(MetaRow(key=key, value=value))


def _entry(row: PlanEntryRow) -> PlanEntry:
    return PlanEntry(achievement_id=row.achievement_id, target=row.target_date,
                     added_at=_aware(row.added_at))


def _goal(row: PlanGoalRow) -> StackGoal:
    return StackGoal(stack_id=row.stack_id, target=row.target_date, set_at=_aware(row.set_at))
