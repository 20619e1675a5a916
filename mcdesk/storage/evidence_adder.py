"""Adding an imported file's evidence row with plain sqlite3, the same rows the SQLAlchemy store
writes, so importing a file never waits for SQLAlchemy to load (a few tenths of a second of a
core: most of a small import's fixed cost), and the few reads that go with it; writer lane for
`add`, any thread for the rest."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from mcdesk.core.errors import StorageFullError
from mcdesk.core.evidence import Evidence
from mcdesk.core.lanes import ensure_writes_allowed
from mcdesk.storage.evidence_rows import (
    SELECT_PIECE,
    PlainEvidenceRow,
    media_to_json,
    to_evidence,
)
from mcdesk.storage.read_connections import BUSY_TIMEOUT_MS, ReadConnections

# The writer's settings (storage.db.make_engine).
WRITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys=ON",
)

_COLUMNS = ("id", "kind", "title", "original_name", "sha256", "url", "source_id", "created_at",
            "taken_at", "captured_by", "trashed_at", "body", "derivation", "tags_json",
            "consent", "media_json", "content_text", "identifying")
_INSERT_EVIDENCE = (f"INSERT INTO evidence ({', '.join(_COLUMNS)}) "
                    f"VALUES ({', '.join('?' for _ in _COLUMNS)})")
_READ_BACK = SELECT_PIECE + " WHERE e.id = ?"


def sql_time(moment: datetime | None) -> str | None:
    """A naive UTC datetime as SQLAlchemy's SQLite DateTime stores it (always microseconds)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


class EvidenceAdder:
    """What importing a file needs of the database: is its content already evidence, and add
    its row (with its file's row when the file is new) in one transaction."""

    def __init__(self, db_path: Path, reads: ReadConnections) -> None:
        self._path = db_path
        self._reads = reads

    def ids_with_file(self, sha256: str) -> list[str]:
        with self._reads.connection() as connection:
            return [str(r[0]) for r in connection.execute(
                "SELECT id FROM evidence WHERE sha256 = ? AND trashed_at IS NULL", (sha256,))]

    def files_of_kinds(self, kinds: Sequence[str]) -> list[tuple[str, str]]:
        """(sha256, kind) of every stored file evidence of these kinds holds, trashed too."""
        marks = ", ".join("?" for _kind in kinds)
        with self._reads.connection() as connection:
            return [(str(sha), str(kind)) for sha, kind in connection.execute(
                "SELECT DISTINCT sha256, kind FROM evidence WHERE sha256 IS NOT NULL "
                f"AND kind IN ({marks}) ORDER BY sha256", tuple(kinds))]

    def file_is_referenced(self, sha256: str) -> bool:
        with self._reads.connection() as connection:
            return connection.execute("SELECT 1 FROM evidence WHERE sha256 = ? LIMIT 1",
                                      (sha256,)).fetchone() is not None

    def add(self, evidence: Evidence, *, content_text: str | None = None) -> Evidence:
        """Store one new evidence row as `EvidenceStore.add` does and return it as read back
        (a new piece has no versions and no provenance yet)."""
        ensure_writes_allowed("a database write")
        now = sql_time(datetime.now(UTC))
        values = (
            evidence.id, str(evidence.kind), evidence.title, evidence.original_name,
            evidence.sha256, evidence.url, evidence.source_id, sql_time(evidence.created_at),
            sql_time(evidence.taken_at), evidence.captured_by, None, evidence.body,
            evidence.derivation, json.dumps(list(evidence.tags)), str(evidence.consent),
            media_to_json(evidence.media) if evidence.media else None, content_text,
            int(evidence.identifying))
        connection = sqlite3.connect(str(self._path), timeout=BUSY_TIMEOUT_MS / 1000,
                                     isolation_level=None)
        try:
            for pragma in WRITE_PRAGMAS:
                connection.execute(pragma)
            connection.execute("BEGIN IMMEDIATE")
            try:
                if evidence.sha256 is not None:
                    connection.execute(
                        "INSERT OR IGNORE INTO evidence_file (sha256, size, added_at) "
                        "VALUES (?, ?, ?)", (evidence.sha256, evidence.size or 0, now))
                connection.execute(_INSERT_EVIDENCE, values)
                row = connection.execute(_READ_BACK, (evidence.id,)).fetchone()
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if "disk is full" in str(exc) or "disk I/O error" in str(exc):
                raise StorageFullError("the disk holding the portfolio is full; nothing was "
                                       "saved", path=self._path) from exc
            raise
        finally:
            connection.close()
        plain, size = PlainEvidenceRow.selected(row)
        return to_evidence(plain, size, ())
