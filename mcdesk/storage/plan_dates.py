"""The earliest target date in the teacher's plan, read with plain sqlite3: whether a reminder
can be due, known at start without loading SQLAlchemy or the plan's services; any thread."""

from __future__ import annotations

from datetime import date

from mcdesk.storage.read_connections import ReadConnections


def earliest_target(reads: ReadConnections) -> date | None:
    with reads.snapshot() as connection:
        row = connection.execute("SELECT min(target_date) FROM plan_entry").fetchone()
    if row is None or row[0] is None:
        return None
    return date.fromisoformat(str(row[0])[:10])
