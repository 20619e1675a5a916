"""Reads and writes the catalog tables and its FTS5 index; worker thread (writes on the writer
lane). Reads go through plain sqlite3 (storage.catalog_reader); writes through SQLAlchemy
(storage.catalog_writer), imported on the first write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mcdesk.core.catalog_list import CatalogEntry, Stack, StoredDefinition
from mcdesk.storage.catalog_reader import CatalogReader

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mcdesk.core.catalog import CatalogDocument, ImportedItem
    from mcdesk.storage.db import Database
    from mcdesk.storage.models import MicroCredentialRow


class CatalogStore:
    def __init__(self, database: Callable[[], Database], reader: CatalogReader) -> None:
        self._database = database
        self._reader = reader

    # -- writing -------------------------------------------------------------------------

    def save_document(self, document: CatalogDocument) -> list[ImportedItem]:
        """Store every micro-credential of one file in a single transaction."""
        from mcdesk.storage import catalog_writer

        return catalog_writer.save_document(self._database(), document)

    # -- reading -------------------------------------------------------------------------

    def count(self) -> int:
        return self._reader.count()

    def list_current(self, *, stack_id: str | None = None, issuer: str | None = None,
                     limit: int | None = None) -> list[CatalogEntry]:
        """The current versions: a stack's in its order, otherwise by name; the first `limit`."""
        return self._reader.list_current(stack_id=stack_id, issuer=issuer, limit=limit)

    def search(self, query: str, *, stack_id: str | None = None, issuer: str | None = None,
               limit: int = 200) -> list[CatalogEntry]:
        return self._reader.search(query, stack_id=stack_id, issuer=issuer, limit=limit)

    def stacks(self) -> list[Stack]:
        return self._reader.stacks()

    def stack_sizes(self) -> list[tuple[Stack, int]]:
        return self._reader.stack_sizes()

    def stack(self, stack_id: str) -> Stack | None:
        return self._reader.stack(stack_id)

    def issuers(self) -> list[str]:
        return self._reader.issuers()

    def resolve(self, reference: str) -> str:
        """The achievement id a user means: the full id, its last path segment, or its name."""
        return self._reader.resolve(reference)

    def definition(self, achievement_id: str, version: str | None = None) -> StoredDefinition:
        return self._reader.definition(achievement_id, version)

    def stamps(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """See CatalogReader.stamps."""
        return self._reader.stamps(keys)


def index_row(session: Session, row: MicroCredentialRow) -> None:
    """Put `row` in the search index (see storage.catalog_writer.index_row)."""
    from mcdesk.storage import catalog_writer

    catalog_writer.index_row(session, row)
