"""What a place's search box looks in (drafts' and reviews' micro-credential names, earned
badges' titles and issuers), read with plain sqlite3 from the portfolio's read connections:
a keystroke costs one small query, not a SQLAlchemy session; any thread."""

from __future__ import annotations

from typing import Literal

from mcdesk.core.text import matches_words
from mcdesk.storage.read_connections import ReadConnections

Searched = Literal["drafts", "reviews", "badges"]

_QUERIES: dict[str, str] = {
    "drafts": "SELECT id, mc_name FROM draft WHERE trashed_at IS NULL",
    "reviews": "SELECT id, mc_name FROM review",
    "badges": "SELECT id, coalesce(achievement_name, achievement_id), "
              "coalesce(issuer_name, issuer_id) FROM credential",
}


def matching(reads: ReadConnections, searched: Searched, words: str) -> list[str]:
    """The ids of the `searched` whose names hold every one of `words` (folded: case and
    accents do not matter)."""
    with reads.connection() as connection:
        rows = connection.execute(_QUERIES[searched]).fetchall()
    return [str(row[0]) for row in rows if matches_words(words, *row[1:])]
