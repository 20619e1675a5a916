"""SQLAlchemy models of the teacher's plan: the micro-credentials with their target dates and
the stack goal; imported by storage only; any thread."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mcdesk.storage.base import Base


class PlanEntryRow(Base):
    """One micro-credential in the plan. Its state is never stored: it is worked out from
    the drafts, the outbox and the credentials each time."""

    __tablename__ = "plan_entry"

    achievement_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    target_date: Mapped[date] = mapped_column(Date)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class PlanGoalRow(Base):
    """The one stack the teacher aims to complete (a single row, slot 1)."""

    __tablename__ = "plan_goal"
    __table_args__ = (CheckConstraint("slot = 1", name="plan_goal_one_row"),)

    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    stack_id: Mapped[str] = mapped_column(String(2000))
    target_date: Mapped[date | None] = mapped_column(Date)
    set_at: Mapped[datetime] = mapped_column(DateTime)
