"""Opens a portfolio folder: its layout, database, migrations and stores; worker thread.

Opening an up-to-date portfolio and reading its catalog use plain sqlite3; the SQLAlchemy
database (and the stores built on it) is made on first use, typically the first write."""

from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mcdesk import __version__
from mcdesk.core.errors import PortfolioError
from mcdesk.core.sync_counts import SyncCounts
from mcdesk.storage.migrate import upgrade_database
from mcdesk.storage.plan_dates import earliest_target
from mcdesk.storage.read_connections import ReadConnections
from mcdesk.storage.sync_status import read_sync_counts

if TYPE_CHECKING:
    from mcdesk.storage.catalog_store import CatalogStore
    from mcdesk.storage.db import Database
    from mcdesk.storage.evidence_adder import EvidenceAdder
    from mcdesk.storage.evidence_listing import EvidenceListing
    from mcdesk.storage.evidence_store import EvidenceStore
    from mcdesk.storage.filestore import FileStore

DB_NAME = "mcdesk.sqlite3"


class PortfolioLayout(NamedTuple):
    # A NamedTuple, not a frozen dataclass: made in a fifth of the time, on the way to the
    # first window.
    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def evidence_dir(self) -> Path:
        return self.root / "evidence"

    @property
    def thumbs_dir(self) -> Path:
        return self.root / "thumbs"

    @property
    def trash_dir(self) -> Path:
        return self.root / "trash"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"


class Portfolio:
    """An open portfolio. Create with `Portfolio.open`; close when done."""

    def __init__(self, layout: PortfolioLayout, created: bool) -> None:
        self.layout = layout
        self.created = created
        self._lock = threading.Lock()
        self._database: Database | None = None
        self._evidence: EvidenceStore | None = None
        self._files: FileStore | None = None
        self.reads = ReadConnections(layout.db_path)
        self._evidence_listing: EvidenceListing | None = None
        self._catalog: CatalogStore | None = None

    @property
    def catalog(self) -> CatalogStore:
        """The catalog's store, made on first use: importing a file never reads the catalog."""
        with self._lock:
            if self._catalog is None:
                from mcdesk.storage.catalog_reader import CatalogReader
                from mcdesk.storage.catalog_store import CatalogStore

                self._catalog = CatalogStore(lambda: self.database, CatalogReader(self.reads))
            return self._catalog

    @property
    def database(self) -> Database:
        """The SQLAlchemy database, made (and SQLAlchemy imported) on first use."""
        with self._lock:
            if self._database is None:
                from mcdesk.storage.db import Database

                self._database = Database(self.layout.db_path)
            return self._database

    @property
    def evidence_listing(self) -> EvidenceListing:
        """The evidence library's reads (made on first use: the first window, the catalog,
        never needs them)."""
        with self._lock:
            if self._evidence_listing is None:
                from mcdesk.storage.evidence_listing import EvidenceListing

                self._evidence_listing = EvidenceListing(self.layout.db_path)
            return self._evidence_listing

    @property
    def files(self) -> FileStore:
        """The evidence file store (made on first use: listing the catalog never needs it)."""
        with self._lock:
            if self._files is None:
                from mcdesk.storage.filestore import FileStore

                self._files = FileStore(self.layout.evidence_dir, self.layout.trash_dir)
            return self._files

    @property
    def evidence(self) -> EvidenceStore:
        database = self.database
        with self._lock:
            if self._evidence is None:
                from mcdesk.storage.evidence_store import EvidenceStore

                self._evidence = EvidenceStore(database)
            return self._evidence

    @property
    def evidence_adder(self) -> EvidenceAdder:
        """Adding an imported file's evidence with plain sqlite3 (no SQLAlchemy to load)."""
        from mcdesk.storage.evidence_adder import EvidenceAdder

        return EvidenceAdder(self.layout.db_path, self.reads)

    @classmethod
    def open(cls, root: Path, *, create: bool = True) -> Portfolio:
        layout = PortfolioLayout(root.expanduser().absolute())
        if layout.root.exists() and not layout.root.is_dir():
            raise PortfolioError("this is a file, not a portfolio folder", path=layout.root)
        existed = layout.db_path.exists()
        if not existed:
            if not create:
                raise PortfolioError("no mcdesk portfolio here", path=layout.root)
            if layout.root.is_dir() and _has_foreign_content(layout.root):
                raise PortfolioError(
                    "this folder already holds other files; choose an empty folder or an "
                    "existing portfolio",
                    path=layout.root,
                )
        try:
            for folder in (layout.root, layout.evidence_dir, layout.thumbs_dir,
                           layout.trash_dir, layout.backups_dir):
                folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PortfolioError(f"cannot create the portfolio ({exc.strerror})",
                                 path=layout.root) from exc
        if not os.access(layout.root, os.W_OK):
            raise PortfolioError("mcdesk cannot write in this folder", path=layout.root)
        upgrade_database(layout.db_path, layout.backups_dir)
        portfolio = cls(layout, created=not existed)
        if not existed:
            import uuid

            portfolio._write_meta({"portfolio_id": str(uuid.uuid4()),
                                   "created_by": f"mcdesk {__version__}"})
        return portfolio

    def _write_meta(self, values: dict[str, str]) -> None:
        from mcdesk.storage.models import MetaRow

        with self.database.transaction() as session:
            for key, value in values.items():
                session.merge(MetaRow(key=key, value=value))

    def sync_counts(self) -> SyncCounts:
        """Servers, outbox items and reviews waiting to be sent, counted (plain sqlite3)."""
        return read_sync_counts(self.reads)

    def earliest_plan_target(self) -> date | None:
        """The earliest target date in the plan (plain sqlite3); None when it is empty."""
        return earliest_target(self.reads)

    def meta(self, key: str) -> str | None:
        with self.reads.connection() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def backup_if_due(self) -> Path | None:
        from mcdesk.storage.backup import backup_if_due

        return backup_if_due(self.layout.db_path, self.layout.backups_dir)

    def backups(self) -> list[Path]:
        from mcdesk.storage.backup import list_backups

        return list_backups(self.layout.backups_dir)

    def close(self) -> None:
        self.reads.close()
        with self._lock:
            database = self._database
            listing = self._evidence_listing
        if listing is not None:
            listing.close()
        if database is not None:
            database.close()


def _has_foreign_content(folder: Path) -> bool:
    mine = {"evidence", "thumbs", "trash", "backups"}
    return any(
        entry.name not in mine and not entry.name.startswith(".") for entry in folder.iterdir()
    )
