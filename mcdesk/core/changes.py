"""What a write changed, so every place can refresh only that; plain data, any thread."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import NamedTuple


class Change(enum.StrEnum):
    """A kind of thing in the portfolio that a write can change."""

    CATALOG = "catalog"
    EVIDENCE = "evidence"
    ROSTER = "roster"
    DRAFTS = "drafts"
    ATTACHMENTS = "attachments"
    """Which evidence is used in which draft; the notice's ids are the pieces (evidence ids)."""
    REVIEWS = "reviews"
    OUTBOX = "outbox"
    SERVERS = "servers"
    ROLES = "roles"
    PROFILE = "profile"
    """The owner's name and other facts about the portfolio itself."""
    CREDENTIALS = "credentials"
    RECOGNITION = "recognition"
    OBSERVATIONS = "observations"
    COACHING = "coaching"
    DECISIONS = "decisions"
    BACKUPS = "backups"
    PLAN = "plan"
    """The teacher's plan: its entries, target dates, stack goal and reminder window."""
    STUDY = "study"
    """Resource and exemplar files: brought down, refused, the storage budget."""
    RECEIVED = "received"
    """Submission packages opened into the portfolio (by hand, or to review them)."""
    PORTFOLIO = "portfolio"
    """Everything at once: a portfolio opened, restored from a backup or repaired."""


class ChangeNotice(NamedTuple):
    """One write's report: what changed, and which widget asked for it (None: not a widget).

    `origin` lets the place that made an edit skip refreshing what it already shows. (A
    NamedTuple, not a frozen dataclass: made in a fifth of the time, on the way to the first
    window.)
    """

    changes: frozenset[Change]
    origin: object | None = None
    # The ids of the items changed, when the write knows them (empty: any of them).
    ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, changes: Iterable[Change], origin: object | None = None,
           ids: Iterable[str] = ()) -> ChangeNotice:
        return cls(frozenset(changes), origin, frozenset(ids))

    def touches(self, watched: Iterable[Change]) -> bool:
        """True if this notice changed anything in `watched` (a PORTFOLIO change touches all)."""
        return Change.PORTFOLIO in self.changes or not self.changes.isdisjoint(watched)
