"""The evidence library's order and folded search words, read with plain sqlite3 and kept in
memory until the database changes, so that each keystroke of a search is a scan of short
strings rather than a query that parses every row; any thread."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

from mcdesk.core.text import fold
from mcdesk.storage.read_connections import open_read_connection

_QUERY = ("SELECT id, kind, title, original_name, captured_by, tags_json, derivation, url "
          "FROM evidence WHERE trashed_at IS NULL ORDER BY created_at DESC")
_CHANGES = "SELECT count FROM evidence_change WHERE slot = 1"


class EvidenceListing:
    """Reads every piece not in the trash once, then again only when `PRAGMA data_version`
    says another connection (any writer, in this process or another) committed since and
    the evidence table's change counter (kept by triggers) says that commit touched it."""

    def __init__(self, db_path: Path) -> None:
        self._path = db_path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None
        self._changes: int | None = None  # evidence_change.count when the rows were read
        self._rows: list[tuple[str, str, str]] = []  # id, kind, folded words
        self._ids: tuple[str, ...] = ()

    def matching(self, kind: str | None = None,
                 terms: Sequence[str] = ()) -> tuple[tuple[str, ...], int]:
        """The ids of the pieces of `kind` (any when None) whose words hold every one of
        `terms` (folded, see mcdesk.core.text.fold), newest first; and how many pieces
        there are in all, whatever the search."""
        with self._lock:
            connection = self._connect()
            version = int(connection.execute("PRAGMA data_version").fetchone()[0])
            if version != self._version:
                # Something was written; the evidence itself only if its counter moved. The
                # counter is read first: a change landing between the two reads is read again.
                changes = int(connection.execute(_CHANGES).fetchone()[0])
                if changes != self._changes:
                    self._rows = [_row(r) for r in connection.execute(_QUERY).fetchall()]
                    self._ids = tuple(i for i, _k, _w in self._rows)
                    self._changes = changes
                self._version = version
            rows, everything = self._rows, self._ids
        if kind is None and not terms:
            return everything, len(everything)
        if len(terms) == 1 and kind is None:
            term = terms[0]
            return tuple(i for i, _k, words in rows if term in words), len(everything)
        return tuple(i for i, k, words in rows if (kind is None or k == kind)
                     and all(t in words for t in terms)), len(everything)

    def close(self) -> None:
        with self._lock:
            connection, self._connection, self._version = self._connection, None, None
            self._changes = None
            self._rows, self._ids = [], ()
        if connection is not None:
            connection.close()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = open_read_connection(self._path)
            self._version = None
        return self._connection


def _row(row: tuple[object, ...]) -> tuple[str, str, str]:
    evidence_id, kind, title, name, captured_by, tags_json, derivation, url = row
    tags = ""
    if isinstance(tags_json, str) and tags_json not in ("", "[]"):
        tags = " ".join(str(t) for t in json.loads(tags_json))
    words = " ".join(str(part) for part in (title, name, captured_by, tags, derivation, url)
                     if part)
    return str(evidence_id), str(kind), fold(words)
