"""The assessor's queue as its list shows it (each review's line, without its comments or
package), read with plain sqlite3 from the portfolio's read connections: two small queries, no
ORM session, so the first screenful comes quickly; any thread."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from mcdesk.core.reviews import CriterionScore, QueuedReview, ReviewSource, ReviewState
from mcdesk.storage.read_connections import ReadConnections

# The order of ReviewStore.queue: due soonest first (undated last), then the newest.
_QUEUE = ("SELECT id, mc_id, mc_version, mc_name, attempt, source, state, created_at, due_at, "
          "server, seconds_spent, error FROM review "
          "ORDER BY due_at IS NULL, due_at, created_at DESC, id LIMIT ?")
_SCORES = ("SELECT review_id, rubric_criterion_id, level_id, feedback FROM review_score "
           "WHERE review_id IN (SELECT value FROM json_each(?)) ORDER BY rubric_criterion_id")


def queued(reads: ReadConnections, limit: int | None = None) -> list[QueuedReview]:
    """The first `limit` reviews of the queue (all when None), with their scores."""
    with reads.snapshot() as connection:
        rows = connection.execute(_QUEUE, (-1 if limit is None else limit,)).fetchall()
        scores: dict[str, list[CriterionScore]] = {}
        if rows:
            for review_id, criterion, level, feedback in connection.execute(
                    _SCORES, (json.dumps([row[0] for row in rows]),)):
                scores.setdefault(review_id, []).append(
                    CriterionScore(criterion, level, feedback or ""))
    return [QueuedReview(
        id=row[0], mc_id=row[1], mc_version=row[2], mc_name=row[3], attempt=int(row[4]),
        source=ReviewSource(row[5]), state=ReviewState(row[6]), created_at=_moment(row[7]),
        scores=tuple(scores.get(row[0], ())), due_at=_moment(row[8]) if row[8] else None,
        server=row[9], seconds_spent=int(row[10] or 0), error=row[11] or "") for row in rows]


def _moment(stored: str) -> datetime:
    """A DATETIME column as SQLAlchemy stores it (naive UTC text), made aware."""
    moment = datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
