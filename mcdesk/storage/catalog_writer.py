"""Writes the catalog tables and its FTS5 index through SQLAlchemy; worker thread (the writer
lane). Imported only when something is written, so that reading the catalog never loads
SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from mcdesk.core.catalog import CatalogDocument, ImportedItem, ImportOutcome, MicroCredential
from mcdesk.core.text import fold, version_key
from mcdesk.storage.db import Database
from mcdesk.storage.models import MicroCredentialRow, StackRow


def save_document(database: Database, document: CatalogDocument) -> list[ImportedItem]:
    """Store every micro-credential of one file in a single transaction."""
    items: list[ImportedItem] = []
    with database.transaction() as session:
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
            items.append(_save_one(session, micro_credential, source))
    return items


def _save_one(session: Session, mc: MicroCredential, source: str) -> ImportedItem:
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
    _refresh_current(session, rows)
    return ImportedItem(mc.achievement_id, mc.version, mc.name, outcome)


def _refresh_current(session: Session, rows: Sequence[MicroCredentialRow]) -> None:
    """Mark the newest version current and make it the one the search index holds."""
    newest = max(rows, key=lambda r: version_key(r.version))
    for row in rows:
        row.is_current = row is newest
        session.execute(text("DELETE FROM catalog_fts WHERE rowid = :pk"), {"pk": row.pk})
    index_row(session, newest)


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
