"""Pieces of evidence read in full with plain sqlite3 from the read connections (no SQLAlchemy:
importing a file must not load it), and who captured a piece from its stored columns; any
thread."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import UTC, datetime

from mcdesk.core.coaching import Provenance
from mcdesk.core.evidence import Evidence
from mcdesk.core.role import role_or_coach
from mcdesk.storage.evidence_rows import SELECT_PIECE, PlainEvidenceRow, to_evidence
from mcdesk.storage.read_connections import ReadConnections

# The pieces `live_pieces` reads, with their stored file's size; then their versions (live
# pieces made from them, oldest first) and who captured them.
_PIECES = (SELECT_PIECE + " WHERE e.id IN (SELECT value FROM json_each(?)) "
           "AND e.trashed_at IS NULL")
_VERSIONS = ("SELECT id, source_id FROM evidence WHERE source_id IN "
             "(SELECT value FROM json_each(?)) AND trashed_at IS NULL ORDER BY created_at")
_ORIGINS = ("SELECT name, role, action, at, portfolio_id, portfolio_name, evidence_id "
            "FROM evidence_provenance WHERE evidence_id IN (SELECT value FROM json_each(?))")


def provenance_from(name: str, role: str, action: str, at: datetime, portfolio_id: str,
                    portfolio_name: str) -> Provenance:
    """Who captured or wrote a piece, from an `evidence_provenance` row's columns (`at` naive
    UTC, as stored)."""
    return Provenance(name, role_or_coach(role), at.replace(tzinfo=UTC), portfolio_id,
                      portfolio_name, action)


def live_pieces(reads: ReadConnections, evidence_ids: Collection[str]) -> dict[str, Evidence]:
    """The pieces among `evidence_ids` that are not in the trash, by id, read with plain
    sqlite3 from the read connections: the library's pages as the grid scrolls, a search's
    first page, a draft's attachments. Through the ORM, three queries and their row objects
    took most of a search's first letters (2.5 ms for 48 pieces; twice that beside the
    window)."""
    ids = json.dumps(sorted(set(evidence_ids)))
    with reads.connection() as connection:
        rows = connection.execute(_PIECES, (ids,)).fetchall()
        versions: dict[str, list[str]] = {}
        for version_id, source_id in connection.execute(_VERSIONS, (ids,)):
            versions.setdefault(source_id, []).append(version_id)
        origins = {row[6]: provenance_from(row[0], row[1], row[2],
                                           datetime.fromisoformat(row[3]), row[4],
                                           row[5] or "")
                   for row in connection.execute(_ORIGINS, (ids,))}
    found: dict[str, Evidence] = {}
    for values in rows:
        columns, size = PlainEvidenceRow.selected(values)
        found[columns.id] = to_evidence(columns, size, tuple(versions.get(columns.id, ())),
                                        origins.get(columns.id))
    return found
