"""Reads and writes the catalog tables and its FTS5 index; worker thread (writes on the writer
lane)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from mcdesk.core.catalog import (
    CatalogDocument,
    CatalogEntry,
    ImportedItem,
    ImportOutcome,
    MicroCredential,
    Stack,
    StoredDefinition,
)
from mcdesk.core.errors import NotFoundError
from mcdesk.core.text import fold, search_terms, version_key
from mcdesk.storage.db import Database
from mcdesk.storage.models import MicroCredentialRow, StackRow


class CatalogStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- writing -------------------------------------------------------------------------

    def save_document(self, document: CatalogDocument) -> list[ImportedItem]:
        """Store every micro-credential of one file in a single transaction."""
        items: list[ImportedItem] = []
        with self._db.transaction() as session:
            for stack in document.stacks:
                row = session.get(StackRow, stack.id)
                if row is None:
                    session.add(StackRow(id=stack.id, name=stack.name,
                                         description=stack.description))
                else:
                    row.name = stack.name
                    row.description = stack.description or row.description
            for micro_credential, source in zip(
                document.micro_credentials, document.source_json, strict=True
            ):
                items.append(self._save_one(session, micro_credential, source))
        return items

    def _save_one(self, session: Session, mc: MicroCredential, source: str) -> ImportedItem:
        rows = list(session.scalars(
            select(MicroCredentialRow).where(MicroCredentialRow.achievement_id == mc.achievement_id)
        ))
        same = next((r for r in rows if r.version == mc.version), None)
        if same is not None and same.source_json == source:
            return ImportedItem(mc.achievement_id, mc.version, mc.name, ImportOutcome.UNCHANGED)
        if same is not None:
            _fill_row(same, mc, source)
            outcome = ImportOutcome.UPDATED
        else:
            row = MicroCredentialRow(achievement_id=mc.achievement_id, version=mc.version,
                                     is_current=False)
            _fill_row(row, mc, source)
            session.add(row)
            rows.append(row)
            newest = max(rows, key=lambda r: version_key(r.version))
            if len(rows) == 1:
                outcome = ImportOutcome.ADDED
            elif newest is row:
                outcome = ImportOutcome.NEW_VERSION
            else:
                outcome = ImportOutcome.OLDER_VERSION
        if mc.stack is not None and session.get(StackRow, mc.stack.id) is None:
            session.add(StackRow(id=mc.stack.id, name=mc.stack.name, description=""))
        session.flush()
        self._refresh_current(session, rows)
        return ImportedItem(mc.achievement_id, mc.version, mc.name, outcome)

    def _refresh_current(self, session: Session, rows: Sequence[MicroCredentialRow]) -> None:
        """Mark the newest version current and make it the one the search index holds."""
        newest = max(rows, key=lambda r: version_key(r.version))
        for row in rows:
            row.is_current = row is newest
            session.execute(text("DELETE FROM catalog_fts WHERE rowid = :pk"), {"pk": row.pk})
        index_row(session, newest)

    # -- reading -------------------------------------------------------------------------

    def count(self) -> int:
        with self._db.reading() as session:
            return session.scalar(
                select(func.count()).select_from(MicroCredentialRow)
                .where(MicroCredentialRow.is_current)
            ) or 0

    def list_current(
        self, *, stack_id: str | None = None, issuer: str | None = None
    ) -> list[CatalogEntry]:
        query = select(MicroCredentialRow).where(MicroCredentialRow.is_current)
        if stack_id is not None:
            query = query.where(MicroCredentialRow.stack_id == stack_id).order_by(
                MicroCredentialRow.stack_position, MicroCredentialRow.name)
        if issuer is not None:
            query = query.where(MicroCredentialRow.issuer_name == issuer)
        with self._db.reading() as session:
            rows = list(session.scalars(query))
            entries = self._entries(session, rows)
        if stack_id is None:
            entries.sort(key=lambda e: e.name.casefold())
        return entries

    def search(
        self, query: str, *, stack_id: str | None = None, issuer: str | None = None,
        limit: int = 200,
    ) -> list[CatalogEntry]:
        terms = search_terms(query)
        if not terms:
            return self.list_current(stack_id=stack_id, issuer=issuer)[:limit]
        match = " AND ".join(f'"{term}"*' for term in terms)
        sql = (
            "SELECT mc.pk FROM catalog_fts JOIN micro_credential mc ON mc.pk = catalog_fts.rowid "
            "WHERE catalog_fts MATCH :match"
        )
        params: dict[str, object] = {"match": match, "limit": limit}
        if stack_id is not None:
            sql += " AND mc.stack_id = :stack"
            params["stack"] = stack_id
        if issuer is not None:
            sql += " AND mc.issuer_name = :issuer"
            params["issuer"] = issuer
        sql += " ORDER BY bm25(catalog_fts, 10.0, 4.0, 2.0, 1.0) LIMIT :limit"
        with self._db.reading() as session:
            pks = [row[0] for row in session.execute(text(sql), params)]
            if not pks:
                return []
            by_pk = {r.pk: r for r in session.scalars(
                select(MicroCredentialRow).where(MicroCredentialRow.pk.in_(pks)))}
            return self._entries(session, [by_pk[pk] for pk in pks])

    def _entries(self, session: Session, rows: Iterable[MicroCredentialRow]) -> list[CatalogEntry]:
        rows = list(rows)
        stack_rows = session.execute(select(StackRow.id, StackRow.name))
        stack_names = {row[0]: row[1] for row in stack_rows}
        older: dict[str, list[str]] = defaultdict(list)
        for achievement_id, version in session.execute(
            select(MicroCredentialRow.achievement_id, MicroCredentialRow.version)
            .where(~MicroCredentialRow.is_current)
        ):
            older[achievement_id].append(version)
        return [
            CatalogEntry(
                achievement_id=r.achievement_id,
                version=r.version,
                name=r.name,
                description=r.description,
                issuer_name=r.issuer_name,
                stack_id=r.stack_id,
                stack_name=stack_names.get(r.stack_id) if r.stack_id else None,
                stack_position=r.stack_position,
                in_service_hours=r.in_service_hours,
                older_versions=tuple(sorted(older.get(r.achievement_id, ()),
                                            key=version_key, reverse=True)),
            )
            for r in rows
        ]

    def stacks(self) -> list[Stack]:
        with self._db.reading() as session:
            stack_rows = list(session.scalars(select(StackRow)))
        stacks = []
        for row in stack_rows:
            members = tuple(self.list_current(stack_id=row.id))
            stacks.append(Stack(row.id, row.name, row.description, members))
        return sorted(stacks, key=lambda s: s.name.casefold())

    def issuers(self) -> list[str]:
        with self._db.reading() as session:
            names = session.scalars(
                select(MicroCredentialRow.issuer_name).where(
                    MicroCredentialRow.is_current, MicroCredentialRow.issuer_name.is_not(None)
                ).distinct()
            )
            return sorted((n for n in names if n), key=str.casefold)

    def resolve(self, reference: str) -> str:
        """The achievement id a user means: the full id, its last path segment, or its name."""
        with self._db.reading() as session:
            ids = list(session.scalars(
                select(MicroCredentialRow.achievement_id).where(MicroCredentialRow.is_current)))
            if reference in ids:
                return reference
            lowered = reference.casefold().rstrip("/")
            matches = [i for i in ids if i.casefold().rstrip("/").rsplit("/", 1)[-1] == lowered]
            if not matches:
                names = {row[0]: row[1] for row in session.execute(
                    select(MicroCredentialRow.achievement_id, MicroCredentialRow.name)
                    .where(MicroCredentialRow.is_current))}
                matches = [i for i, n in names.items() if n.casefold() == lowered]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFoundError(f'no micro-credential in the catalog matches "{reference}"')
        raise NotFoundError(
            f'"{reference}" matches several micro-credentials: ' + ", ".join(sorted(matches))
        )

    def definition(self, achievement_id: str, version: str | None = None) -> StoredDefinition:
        with self._db.reading() as session:
            rows = list(session.scalars(select(MicroCredentialRow).where(
                MicroCredentialRow.achievement_id == achievement_id)))
        if not rows:
            raise NotFoundError(f'no micro-credential with id "{achievement_id}"')
        versions = tuple(sorted((r.version for r in rows), key=version_key, reverse=True))
        if version is None:
            chosen = next(r for r in rows if r.is_current)
        else:
            found = [r for r in rows if r.version == version]
            if not found:
                raise NotFoundError(
                    f'"{achievement_id}" has no version "{version}" (has: {", ".join(versions)})')
            chosen = found[0]
        return StoredDefinition(chosen.achievement_id, chosen.version, chosen.is_current,
                                chosen.source_json, versions)


def index_row(session: Session, row: MicroCredentialRow) -> None:
    """Put `row` in the search index. The text is folded the way queries are (search_terms),
    so that "Straße" finds "strasse" and the reverse: FTS5's own folding differs from casefold."""
    session.execute(
        text("INSERT INTO catalog_fts (rowid, name, description, issuer, body) "
             "VALUES (:pk, :name, :description, :issuer, :body)"),
        {"pk": row.pk, "name": fold(row.name), "description": fold(row.description),
         "issuer": fold(row.issuer_name or ""), "body": fold(row.search_text)},
    )


def _fill_row(row: MicroCredentialRow, mc: MicroCredential, source: str) -> None:
    row.name = mc.name
    row.description = mc.description
    row.issuer_id = mc.issuer.id if mc.issuer else None
    row.issuer_name = mc.issuer.name if mc.issuer else None
    row.stack_id = mc.stack.id if mc.stack else None
    row.stack_position = mc.stack.position if mc.stack else None
    row.in_service_hours = mc.in_service_hours
    row.source_json = source
    row.search_text = mc.searchable_text()
    row.imported_at = datetime.now(UTC).replace(tzinfo=None)
