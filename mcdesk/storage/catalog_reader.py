"""The catalog's read paths in plain SQL over sqlite3: only the columns a list shows, limits in
SQL, older versions only for the rows returned; any thread."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from mcdesk.core.catalog_list import CatalogEntry, Stack, StoredDefinition
from mcdesk.core.errors import NotFoundError
from mcdesk.core.text import search_terms, version_key
from mcdesk.storage.read_connections import ReadConnections

# What a list line needs (never source_json nor search_text) and its stack's name, in the
# column order _entry expects.
ENTRY_COLUMNS = (
    "mc.achievement_id, mc.version, mc.name, mc.description, mc.issuer_name, mc.stack_id, "
    "s.name, mc.stack_position, mc.in_service_hours"
)
ENTRY_FROM = "micro_credential mc LEFT JOIN stack s ON s.id = mc.stack_id"
# "Is the current version", for queries that also look rows up by a more selective column (a
# stack, an issuer, an id): the unary + keeps SQLite, which has no statistics, from choosing the
# is_current index (nearly every row) over that column's own index.
CURRENT = "+mc.is_current = 1"
# Search weights of the FTS columns: name, description, issuer, body.
RANK = "bm25(catalog_fts, 10.0, 4.0, 2.0, 1.0)"


def _entries(connection: sqlite3.Connection, rows: Sequence[Sequence[Any]]
             ) -> list[CatalogEntry]:
    """List lines from ENTRY_COLUMNS rows, with the older versions of those rows only."""
    if not rows:
        return []
    older: dict[str, list[str]] = {}
    for achievement_id, version in connection.execute(
            "SELECT achievement_id, version FROM micro_credential WHERE is_current = 0 "
            "AND achievement_id IN (SELECT value FROM json_each(?)) ORDER BY pk",
            (json.dumps([row[0] for row in rows]),)):
        older.setdefault(achievement_id, []).append(version)
    return [_entry(row, older.get(row[0])) for row in rows]


def _entry(row: Sequence[Any], older: list[str] | None) -> CatalogEntry:
    stack_id = row[5]
    return CatalogEntry(
        achievement_id=row[0],
        version=row[1],
        name=row[2],
        description=row[3],
        issuer_name=row[4],
        stack_id=stack_id,
        stack_name=row[6] if stack_id else None,
        stack_position=row[7],
        in_service_hours=row[8],
        older_versions=tuple(sorted(older, key=version_key, reverse=True)) if older else (),
    )


def _filters(stack_id: str | None, issuer: str | None) -> tuple[str, list[object]]:
    sql = ""
    params: list[object] = []
    if stack_id is not None:
        sql += " AND mc.stack_id = ?"
        params.append(stack_id)
    if issuer is not None:
        sql += " AND mc.issuer_name = ?"
        params.append(issuer)
    return sql, params


def _sql_limit(limit: int | None) -> int:
    """LIMIT's value: -1 is no limit (and a negative `limit` is cut in Python, as a slice)."""
    return -1 if limit is None or limit < 0 else limit


class CatalogReader:
    def __init__(self, connections: ReadConnections) -> None:
        self._connections = connections

    def count(self) -> int:
        with self._connections.connection() as connection:
            (count,) = connection.execute(
                "SELECT count(*) FROM micro_credential WHERE is_current = 1").fetchone()
        return int(count)

    def list_current(self, *, stack_id: str | None = None, issuer: str | None = None,
                     limit: int | None = None) -> list[CatalogEntry]:
        """The current versions: a stack's in its order, otherwise by name (case-folded)."""
        where, params = _filters(stack_id, issuer)
        with self._connections.snapshot() as connection:
            if stack_id is not None:
                rows = connection.execute(
                    f"SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE {CURRENT}{where} "
                    "ORDER BY mc.stack_position, mc.name LIMIT ?",
                    [*params, _sql_limit(limit)]).fetchall()
                return _entries(connection, rows)[:limit]
            # SQLite cannot order by str.casefold: order the names here, then read the lines
            # of the first `limit` only.
            names = connection.execute(
                f"SELECT mc.pk, mc.name FROM micro_credential mc WHERE {CURRENT}{where} "
                "ORDER BY mc.pk", params).fetchall()
            names.sort(key=lambda row: row[1].casefold())
            chosen = [row[0] for row in names[:limit]]
            return self._entries_by_pk(connection, chosen)

    def search(self, query: str, *, stack_id: str | None = None, issuer: str | None = None,
               limit: int = 200) -> list[CatalogEntry]:
        """The best matches, best first; the whole list when the query holds no terms."""
        terms = search_terms(query)
        if not terms:
            return self.list_current(stack_id=stack_id, issuer=issuer, limit=limit)
        match = " AND ".join(f'"{term}"*' for term in terms)
        where, params = _filters(stack_id, issuer)
        with self._connections.snapshot() as connection:
            ranked = connection.execute(
                "SELECT mc.pk FROM catalog_fts JOIN micro_credential mc "
                f"ON mc.pk = catalog_fts.rowid WHERE catalog_fts MATCH ?{where} "
                f"ORDER BY {RANK} LIMIT ?", [match, *params, limit]).fetchall()
            return self._entries_by_pk(connection, [row[0] for row in ranked])

    @staticmethod
    def _entries_by_pk(connection: sqlite3.Connection, pks: list[int]) -> list[CatalogEntry]:
        """The list lines of rows `pks`, in that order."""
        if not pks:
            return []
        rows = connection.execute(
            f"SELECT mc.pk, {ENTRY_COLUMNS} FROM {ENTRY_FROM} "
            "WHERE mc.pk IN (SELECT value FROM json_each(?))", (json.dumps(pks),)).fetchall()
        by_pk = {row[0]: row[1:] for row in rows}
        return _entries(connection, [by_pk[pk] for pk in pks if pk in by_pk])

    def stacks(self) -> list[Stack]:
        """Every stack with its current members in stack order, sorted by name."""
        with self._connections.snapshot() as connection:
            stack_rows = connection.execute(
                "SELECT id, name, description FROM stack ORDER BY rowid").fetchall()
            members: dict[str, list[CatalogEntry]] = {}
            for entry in _entries(connection, connection.execute(
                    f"SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE mc.is_current = 1 "
                    "AND mc.stack_id IS NOT NULL "
                    "ORDER BY mc.stack_id, mc.stack_position, mc.name").fetchall()):
                assert entry.stack_id is not None
                members.setdefault(entry.stack_id, []).append(entry)
        stacks = [Stack(row[0], row[1], row[2], tuple(members.get(row[0], ())))
                  for row in stack_rows]
        return sorted(stacks, key=lambda s: s.name.casefold())

    def stack_sizes(self) -> list[tuple[Stack, int]]:
        """Every stack, without its members, and how many current micro-credentials it holds;
        sorted by name like stacks()."""
        with self._connections.connection() as connection:
            rows = connection.execute(
                "SELECT s.id, s.name, s.description, (SELECT count(*) FROM micro_credential mc "
                f"WHERE mc.stack_id = s.id AND {CURRENT}) FROM stack s "
                "ORDER BY s.rowid").fetchall()
        sizes = [(Stack(row[0], row[1], row[2]), int(row[3])) for row in rows]
        return sorted(sizes, key=lambda item: item[0].name.casefold())

    def stack(self, stack_id: str) -> Stack | None:
        """One stack with its current members in stack order, or None."""
        with self._connections.snapshot() as connection:
            row = connection.execute("SELECT id, name, description FROM stack WHERE id = ?",
                                     (stack_id,)).fetchone()
            if row is None:
                return None
            members = connection.execute(
                f"SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE {CURRENT} "
                "AND mc.stack_id = ? ORDER BY mc.stack_position, mc.name",
                (stack_id,)).fetchall()
            entries = _entries(connection, members)
        return Stack(row[0], row[1], row[2], tuple(entries))

    def issuers(self) -> list[str]:
        with self._connections.connection() as connection:
            names = [row[0] for row in connection.execute(
                "SELECT DISTINCT issuer_name FROM micro_credential "
                "WHERE is_current = 1 AND issuer_name IS NOT NULL")]
        return sorted((n for n in names if n), key=str.casefold)

    def resolve(self, reference: str) -> str:
        """The achievement id a user means: the full id, its last path segment, or its name."""
        with self._connections.snapshot() as connection:
            if connection.execute(
                    f"SELECT 1 FROM micro_credential mc WHERE mc.achievement_id = ? AND {CURRENT}",
                    (reference,)).fetchone() is not None:
                return reference
            current = connection.execute(
                "SELECT achievement_id, name FROM micro_credential WHERE is_current = 1 "
                "ORDER BY pk").fetchall()
        lowered = reference.casefold().rstrip("/")
        matches = [i for i, _name in current
                   if i.casefold().rstrip("/").rsplit("/", 1)[-1] == lowered]
        if not matches:
            matches = [i for i, name in current if name.casefold() == lowered]
        if len(matches) == 1:
            return str(matches[0])
        if not matches:
            raise NotFoundError(f'no micro-credential in the catalog matches "{reference}"')
        raise NotFoundError(
            f'"{reference}" matches several micro-credentials: ' + ", ".join(sorted(matches))
        )

    def stamps(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """For each (achievement id, version) in the catalog, a short mark that changes
        whenever its definition is stored again (its row and import time): a cache of parsed
        definitions checks it instead of reading each definition's whole source."""
        if not keys:
            return {}
        wanted = set(keys)
        with self._connections.connection() as connection:
            rows = connection.execute(
                "SELECT achievement_id, version, pk, imported_at FROM micro_credential "
                "WHERE achievement_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted({achievement for achievement, _v in wanted})),)).fetchall()
        return {(a, v): f"{pk}:{imported}" for a, v, pk, imported in rows if (a, v) in wanted}

    def definition(self, achievement_id: str, version: str | None = None) -> StoredDefinition:
        with self._connections.snapshot() as connection:
            rows = connection.execute(
                "SELECT pk, version, is_current FROM micro_credential WHERE achievement_id = ? "
                "ORDER BY pk", (achievement_id,)).fetchall()
            if not rows:
                raise NotFoundError(f'no micro-credential with id "{achievement_id}"')
            versions = tuple(sorted((row[1] for row in rows), key=version_key, reverse=True))
            if version is None:
                chosen = next(row for row in rows if row[2])
            else:
                found = [row for row in rows if row[1] == version]
                if not found:
                    raise NotFoundError(f'"{achievement_id}" has no version "{version}" '
                                        f'(has: {", ".join(versions)})')
                chosen = found[0]
            (source_json,) = connection.execute(
                "SELECT source_json FROM micro_credential WHERE pk = ?", (chosen[0],)).fetchone()
        return StoredDefinition(achievement_id, chosen[1], bool(chosen[2]), source_json,
                                versions)
