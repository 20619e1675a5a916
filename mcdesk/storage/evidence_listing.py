"""The evidence library's order and folded search words, read with plain sqlite3, and the
pieces last read in full, all kept in memory until the evidence changes, so that each
keystroke of a search is a scan of short strings and mostly pieces already read; any
thread."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from mcdesk.core.evidence import Evidence
from mcdesk.core.text import fold
from mcdesk.storage.read_connections import open_read_connection

_QUERY = ("SELECT id, kind, title, original_name, captured_by, tags_json, derivation, url "
          "FROM evidence WHERE trashed_at IS NULL ORDER BY created_at DESC")
_CHANGES = "SELECT count FROM evidence_change WHERE slot = 1"
PIECES_KEPT = 1000  # pieces kept in full: a few searches' first pages (about 1 KB each)


class EvidenceListing:
    """Reads every piece not in the trash once, then again only when `PRAGMA data_version`
    says another connection (any writer, in this process or another) committed since and
    the evidence change counter (kept by triggers on the evidence and its provenance) says
    that commit touched them."""

    def __init__(self, db_path: Path) -> None:
        self._path = db_path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._version: int | None = None
        self._changes: int | None = None  # evidence_change.count when the rows were read
        self._ids: tuple[str, ...] = ()
        self._kinds: list[str] = []  # by row, as _ids
        self._words: list[str] = []  # folded, by row
        # The last search (kind, terms, the rows it found, the ids it searched): a search
        # typed letter by letter looks only among what the letters before it found.
        self._last: tuple[str | None, tuple[str, ...], list[int], tuple[str, ...]] | None = None
        self._pieces: dict[str, Evidence] = {}  # read in full since the last change

    def matching(self, kind: str | None = None,
                 terms: Sequence[str] = ()) -> tuple[tuple[str, ...], int]:
        """The ids of the pieces of `kind` (any when None) whose words hold every one of
        `terms` (folded, see mcdesk.core.text.fold), newest first; and how many pieces
        there are in all, whatever the search."""
        with self._lock:
            self._catch_up()
            everything, kinds, words, last = self._ids, self._kinds, self._words, self._last
        if kind is None and not terms:
            return everything, len(everything)
        terms = tuple(terms)
        rows: Sequence[int] = range(len(everything))
        if last is not None and last[3] is everything and last[0] == kind and all(
                any(old in new for new in terms) for old in last[1]):
            rows = last[2]  # every row these terms find held the last terms too
        if kind is None and len(terms) == 1:
            term = terms[0]
            found = [row for row in rows if term in words[row]]
        else:
            found = [row for row in rows if (kind is None or kinds[row] == kind)
                     and all(t in words[row] for t in terms)]
        with self._lock:
            if self._ids is everything:
                self._last = (kind, terms, found, everything)
        return tuple(everything[row] for row in found), len(everything)

    def pieces(self, ids: Sequence[str],
               read: Callable[[list[str]], dict[str, Evidence]]) -> dict[str, Evidence]:
        """The pieces among `ids` not in the trash, by id: those read (by `read`, given the
        ids not kept) since the evidence last changed come from memory, since a search typed
        letter by letter shows mostly the same first pieces at each keystroke."""
        with self._lock:
            self._catch_up()
            changes = self._changes
            found = {i: self._pieces[i] for i in ids if i in self._pieces}
        missing = [i for i in ids if i not in found]
        fresh = read(missing) if missing else {}
        with self._lock:
            if changes == self._changes:  # else what was read may be older than the change
                self._pieces.update(fresh)
                for stale in list(self._pieces)[:max(0, len(self._pieces) - PIECES_KEPT)]:
                    del self._pieces[stale]
        found.update(fresh)
        return found

    def _catch_up(self) -> None:
        """Read the rows again if the evidence changed since (the lock held)."""
        connection = self._connect()
        version = int(connection.execute("PRAGMA data_version").fetchone()[0])
        if version == self._version:
            return
        # Something was written; the evidence itself only if its counter moved. The counter
        # is read first: a change landing between the two reads is read again next time.
        changes = int(connection.execute(_CHANGES).fetchone()[0])
        if changes != self._changes:
            rows = [_row(r) for r in connection.execute(_QUERY).fetchall()]
            self._ids = tuple(i for i, _k, _w in rows)
            self._kinds = [k for _i, k, _w in rows]
            self._words = [w for _i, _k, w in rows]
            self._last = None
            self._pieces = {}
            self._changes = changes
        self._version = version

    def close(self) -> None:
        with self._lock:
            connection, self._connection, self._version = self._connection, None, None
            self._changes = None
            self._ids, self._kinds, self._words, self._pieces = (), [], [], {}
            self._last = None
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
