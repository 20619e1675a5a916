"""The portfolio on disk: schema and migrations, refusing what is not ours, backups, the evidence
file store, the catalog store (through the catalog service) and the check with its repairs.
Real SQLite files and real folders in tmp_path."""

from __future__ import annotations

import copy
import hashlib
import json
import os
import shutil
import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError

from mcdesk.core.catalog import ImportOutcome
from mcdesk.core.check import CheckReport, ProblemKind
from mcdesk.core.errors import (
    McdeskError,
    MigrationFailedError,
    NewerPortfolioError,
    NotFoundError,
    PortfolioError,
)
from mcdesk.core.progress import Cancelled
from mcdesk.formats.hashing_copy import CHUNK as COPY_CHUNK
from mcdesk.services.catalog import CatalogService
from mcdesk.storage import migrate
from mcdesk.storage.backup import backup_database, backup_if_due, list_backups
from mcdesk.storage.check import check_portfolio
from mcdesk.storage.filestore import CHUNK, FileStore
from mcdesk.storage.models import FTS_TABLES, Base, EvidenceFileRow, EvidenceRow, MetaRow
from mcdesk.storage.portfolio import DB_NAME, Portfolio
from tests.conftest import DEMO_CATALOG

DEMO = "https://demo.mcdesk.org"
EXIT_TICKETS = f"{DEMO}/achievements/exit-tickets"
FORMATIVE = f"{DEMO}/stacks/formative-assessment"
COMPUTATIONAL = f"{DEMO}/stacks/computational-thinking"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision_of(db_path: Path) -> str:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        (row,) = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    connection.close()
    return str(row[0])


def tables_of(db_path: Path) -> set[str]:
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as connection:
        names = {r[0] for r in connection.execute("SELECT name FROM sqlite_master "
                                                   "WHERE type='table'")}
    connection.close()
    return names




@pytest.fixture
def catalog(portfolio: Portfolio) -> CatalogService:
    service = CatalogService(portfolio)
    items = service.import_file(DEMO_CATALOG).items
    assert [item.outcome for item in items] == [ImportOutcome.ADDED] * 11
    return service


# --- schema and connections ---------------------------------------------------------------------


def include_object(obj: Any, name: str | None, type_: str, reflected: bool,
                   compare_to: Any) -> bool:
    """The same filter as storage/migrations/env.py: FTS5 tables are made by hand."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLES))


def test_fresh_schema_equals_the_models(portfolio: Portfolio) -> None:
    with portfolio.database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_fresh_portfolio_layout_and_search_table(portfolio: Portfolio) -> None:
    root = portfolio.layout.root
    for folder in ("evidence", "thumbs", "trash", "backups"):
        assert (root / folder).is_dir()
    assert portfolio.created
    assert revision_of(portfolio.layout.db_path) == migrate.head_revision()
    assert "catalog_fts" in tables_of(portfolio.layout.db_path)
    with portfolio.database.reading() as session:
        sql = session.scalar(text("SELECT sql FROM sqlite_master WHERE name = 'catalog_fts'"))
    assert "fts5" in sql.lower()
    assert portfolio.meta("portfolio_id")
    assert (portfolio.meta("created_by") or "").startswith("mcdesk ")
    assert portfolio.backups() == []  # nothing to back up before the first migration


def test_connections_use_wal_and_foreign_keys(portfolio: Portfolio) -> None:
    with portfolio.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    with portfolio.database.transaction() as session:
        assert session.scalar(text("PRAGMA foreign_keys")) == 1
    # and foreign keys are enforced, not just switched on
    with pytest.raises(IntegrityError), portfolio.database.transaction() as session:
        session.add(EvidenceRow(id="e1", kind="video", title="Lesson",
                                sha256="0" * 64, created_at=datetime.now()))
    with portfolio.database.reading() as session:
        assert session.scalar(select(EvidenceRow.id)) is None


def test_reopening_keeps_identity_and_makes_no_backup(tmp_path: Path) -> None:
    first = Portfolio.open(tmp_path / "p")
    identity = first.meta("portfolio_id")
    first.close()
    again = Portfolio.open(tmp_path / "p", create=False)
    try:
        assert not again.created
        assert again.meta("portfolio_id") == identity
        assert again.backups() == []
    finally:
        again.close()


def test_folder_names_with_url_characters(tmp_path: Path) -> None:
    """'#', '?' and '%' are ordinary in folder names; the database must be the one inside."""
    root = tmp_path / "Class #2 100% ?draft"
    first = Portfolio.open(root)
    CatalogService(first).import_file(DEMO_CATALOG)
    first.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [root.name]  # nothing beside it
    again = Portfolio.open(root, create=False)
    try:
        assert CatalogService(again).count() == 11
        backup = again.backup_if_due()
        assert backup is not None and backup.parent == root / "backups"
    finally:
        again.close()


# --- refusing what is not ours ------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha256_of(p) for p in folder.rglob("*") if p.is_file()}


def test_newer_portfolio_written_by_sqlite3_is_refused_untouched(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    db = root / DB_NAME
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        connection.execute("INSERT INTO alembic_version VALUES ('0099_from_the_future')")
        connection.execute("CREATE TABLE future_things (x)")
        connection.execute("INSERT INTO future_things VALUES ('precious')")
    connection.close()
    before = snapshot(root)
    with pytest.raises(NewerPortfolioError) as caught:
        Portfolio.open(root)
    message = str(caught.value)
    assert "newer version of mcdesk" in message and "0099_from_the_future" in message
    assert str(db) in message
    assert snapshot(root) == before  # same bytes; no -wal/-shm, no journal switch
    assert not list((root / "backups").iterdir())


def test_newer_portfolio_made_by_mcdesk_is_refused_untouched(tmp_path: Path) -> None:
    root = tmp_path / "p"
    first = Portfolio.open(root)
    CatalogService(first).import_file(DEMO_CATALOG)
    first.close()
    db = root / DB_NAME
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = sha256_of(db)
    names_before = {p.name for p in root.rglob("*")}
    with pytest.raises(NewerPortfolioError):
        Portfolio.open(root)
    with pytest.raises(NewerPortfolioError):
        migrate.upgrade_database(db, root / "backups")
    assert sha256_of(db) == before
    assert names_before <= {p.name for p in root.rglob("*")}  # nothing deleted
    assert revision_of(db) == "9999"


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    db = root / DB_NAME
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE grades (student TEXT, grade TEXT)")
        connection.execute("INSERT INTO grades VALUES ('A', 'B+')")
    connection.close()
    before = snapshot(root)
    with pytest.raises(PortfolioError) as caught:
        Portfolio.open(root)
    assert not isinstance(caught.value, NewerPortfolioError)
    assert "not made by mcdesk" in str(caught.value)
    assert snapshot(root) == before


@pytest.mark.parametrize("garbage", [b"GIF89a" + bytes(range(256)) * 40,
                                     b"SQLite format 3\x00" + b"\xff" * 4000,
                                     b"hello, not a database\n"])
def test_garbage_database_file_is_refused_untouched(tmp_path: Path, garbage: bytes) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / DB_NAME).write_bytes(garbage)
    before = snapshot(root)
    with pytest.raises(PortfolioError) as caught:
        Portfolio.open(root)
    assert "cannot read the database" in str(caught.value)
    assert str(root / DB_NAME) in str(caught.value)
    assert snapshot(root) == before


def test_empty_database_left_by_an_interrupted_creation_is_adopted(tmp_path: Path) -> None:
    root = tmp_path / "p"
    root.mkdir()
    (root / DB_NAME).write_bytes(b"")
    opened = Portfolio.open(root, create=False)
    try:
        assert revision_of(root / DB_NAME) == migrate.head_revision()
        # the file existed, so this open does not count as creating the portfolio
        assert not opened.created
    finally:
        opened.close()


def test_folder_with_other_files_is_not_made_a_portfolio(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "essay.docx").write_bytes(b"PK\x03\x04 not mine")
    (folder / ".DS_Store").write_bytes(b"hidden files do not count")
    with pytest.raises(PortfolioError) as caught:
        Portfolio.open(folder)
    assert "already holds other files" in str(caught.value)
    assert sorted(p.name for p in folder.iterdir()) == [".DS_Store", "essay.docx"]


def test_hidden_files_alone_do_not_block_a_new_portfolio(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / ".DS_Store").write_bytes(b"x")
    Portfolio.open(folder).close()
    assert (folder / DB_NAME).is_file()


def test_a_file_is_not_a_portfolio(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(PortfolioError) as caught:
        Portfolio.open(path)
    assert "is a file" in str(caught.value)
    assert path.read_text(encoding="utf-8") == "hello"


def test_open_without_create_needs_a_portfolio(tmp_path: Path) -> None:
    with pytest.raises(PortfolioError) as caught:
        Portfolio.open(tmp_path / "nothing", create=False)
    assert "no mcdesk portfolio here" in str(caught.value)
    assert not (tmp_path / "nothing").exists()


# --- backups ------------------------------------------------------------------------------------


def test_backup_is_a_consistent_readable_copy(catalog: CatalogService,
                                              portfolio: Portfolio) -> None:
    backups_dir = portfolio.layout.backups_dir
    # the live database is open (WAL, recent writes may sit in the -wal file)
    made = backup_database(portfolio.layout.db_path, backups_dir, "manual")
    assert made.parent == backups_dir
    assert made.name.startswith("mcdesk-") and made.name.endswith("-manual.sqlite3")
    with sqlite3.connect(f"file:{made}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = connection.execute("SELECT count(*) FROM micro_credential").fetchone()[0]
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.head_revision(),)
    connection.close()
    assert count == 11
    assert not list(backups_dir.glob("*.part"))
    assert list_backups(backups_dir) == [made]


def test_failed_backup_leaves_no_part_file(tmp_path: Path) -> None:
    source = tmp_path / "not-a-database.sqlite3"
    source.write_bytes(b"this is not SQLite" * 100)
    backups = tmp_path / "backups"
    with pytest.raises(sqlite3.DatabaseError):
        backup_database(source, backups, "manual")
    assert list(backups.iterdir()) == []


def test_scheduled_backup_once_a_day(portfolio: Portfolio) -> None:
    first = portfolio.backup_if_due()
    assert first is not None and first.name.endswith("-daily.sqlite3")
    assert portfolio.backup_if_due() is None
    assert portfolio.backups() == [first]
    # a day later it is due again
    old = time.time() - 25 * 3600
    os.utime(first, (old, old))
    second = portfolio.backup_if_due()
    assert second is not None and second != first
    assert portfolio.backups() == [second, first]


def test_scheduled_backups_rotate_but_never_the_others(portfolio: Portfolio) -> None:
    db, backups_dir = portfolio.layout.db_path, portfolio.layout.backups_dir
    before_migration = backup_database(db, backups_dir, "before-9001")
    manual = backup_database(db, backups_dir, "manual")
    made = [backup_if_due(db, backups_dir, every=timedelta(0), keep=3) for _ in range(6)]
    assert all(path is not None for path in made)
    kept = list_backups(backups_dir)
    daily = [p for p in kept if p.name.endswith("-daily.sqlite3")]
    assert daily == list(reversed(made[-3:]))  # the newest three, newest first
    assert before_migration in kept and manual in kept
    assert len(kept) == 5
    assert not list(backups_dir.glob("*.part"))


# --- upgrades with a backup, and a failed one ---------------------------------------------------

GOOD_NEXT = '''"""Adds a table."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{DOWN}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("later_feature", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("later_feature")
'''

BAD_NEXT = '''"""Fails half-way, after real DDL and DML."""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{DOWN}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("half_done", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("INSERT INTO half_done (id) VALUES (1)")
    op.execute("UPDATE meta SET value = 'overwritten' WHERE key = 'portfolio_id'")
    op.execute("DELETE FROM micro_credential")
    raise RuntimeError("the migration broke half-way")


def downgrade() -> None:
    op.drop_table("half_done")
'''


def with_next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> str:
    """Point storage.migrate at a copy of the migrations holding an extra revision 9001 after
    the real head; returns the real head."""
    head = migrate.head_revision()
    copy_dir = tmp_path / "migrations-copy"
    shutil.copytree(migrate.MIGRATIONS_DIR, copy_dir,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (copy_dir / "versions" / "9001_test.py").write_text(source.replace("{DOWN}", head),
                                                       encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy_dir)
    assert migrate.head_revision() == "9001"
    return head


def portfolio_at_head(root: Path) -> str:
    """A portfolio with the demo catalog at this mcdesk's head revision; returns its id."""
    first = Portfolio.open(root)
    CatalogService(first).import_file(DEMO_CATALOG)
    identity = first.meta("portfolio_id")
    first.close()
    assert identity is not None
    return identity


def test_upgrade_backs_up_first_and_keeps_the_data(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "p"
    identity = portfolio_at_head(root)
    head = with_next_revision(tmp_path, monkeypatch, GOOD_NEXT)
    upgraded = Portfolio.open(root)
    try:
        assert revision_of(upgraded.layout.db_path) == "9001"
        assert "later_feature" in tables_of(upgraded.layout.db_path)
        assert upgraded.meta("portfolio_id") == identity
        assert CatalogService(upgraded).count() == 11
        (backup,) = upgraded.backups()
        assert backup.name.endswith("-before-9001.sqlite3")
        assert revision_of(backup) == head
        assert "later_feature" not in tables_of(backup)
    finally:
        upgraded.close()


def test_failed_upgrade_rolls_back_and_names_the_backup(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "p"
    identity = portfolio_at_head(root)
    db = root / DB_NAME
    head = with_next_revision(tmp_path, monkeypatch, BAD_NEXT)
    with pytest.raises(MigrationFailedError) as caught:
        Portfolio.open(root)
    error = caught.value
    assert error.backup is not None
    assert str(error.backup) in str(error)
    assert "the migration broke half-way" in str(error)
    assert error.backup.is_file() and error.backup.parent == root / "backups"
    assert revision_of(error.backup) == head
    # the live database is as it was: the old head, no half-made table, data and id intact
    assert db.is_file()
    assert revision_of(db) == head
    assert "half_done" not in tables_of(db)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT count(*) FROM micro_credential").fetchone() == (11,)
        assert connection.execute("SELECT value FROM meta WHERE key = 'portfolio_id'"
                                  ).fetchone() == (identity,)
    connection.close()
    # and once this mcdesk is back to the real migrations, the portfolio opens normally
    monkeypatch.undo()
    again = Portfolio.open(root, create=False)
    try:
        assert CatalogService(again).count() == 11
    finally:
        again.close()


SECOND_BAD = '''"""A second pending revision that fails after the first succeeded."""
from alembic import op

revision = "9002"
down_revision = "9001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO later_feature (id) VALUES (7)")
    raise RuntimeError("the second migration broke")


def downgrade() -> None:
    pass
'''

DANGLING_REFERENCE = '''"""Leaves a row pointing at a file that does not exist.

Foreign keys are off while migrating, so only the final foreign_key_check can see it."""
from alembic import op

revision = "9001"
down_revision = "{DOWN}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO evidence (id, kind, title, sha256, created_at) VALUES "
               "('e1', 'video', 'Lesson', '" + "0" * 64 + "', '2026-01-01 00:00:00')")


def downgrade() -> None:
    pass
'''


def test_several_pending_revisions_roll_back_together(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """One upgrade is one transaction: when the second of two pending revisions fails, the
    first one's changes are not left half-applied."""
    root = tmp_path / "p"
    portfolio_at_head(root)
    head = with_next_revision(tmp_path, monkeypatch, GOOD_NEXT)
    (migrate.MIGRATIONS_DIR / "versions" / "9002_test.py").write_text(SECOND_BAD,
                                                                      encoding="utf-8")
    assert migrate.head_revision() == "9002"
    with pytest.raises(MigrationFailedError) as caught:
        Portfolio.open(root)
    assert "the second migration broke" in str(caught.value)
    db = root / DB_NAME
    assert revision_of(db) == head
    assert "later_feature" not in tables_of(db)
    assert caught.value.backup is not None and revision_of(caught.value.backup) == head


def test_foreign_key_problems_after_an_upgrade_roll_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "p"
    portfolio_at_head(root)
    head = with_next_revision(tmp_path, monkeypatch, DANGLING_REFERENCE)
    with pytest.raises(MigrationFailedError) as caught:
        Portfolio.open(root)
    assert "foreign key problems" in str(caught.value)
    db = root / DB_NAME
    assert revision_of(db) == head
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        assert connection.execute("SELECT count(*) FROM evidence").fetchone() == (0,)
    connection.close()


def test_failed_creation_is_a_portfolio_error(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    head = with_next_revision(tmp_path, monkeypatch, BAD_NEXT)
    with pytest.raises(PortfolioError) as caught:
        Portfolio.open(tmp_path / "new")
    assert not isinstance(caught.value, MigrationFailedError)
    assert "cannot create the database" in str(caught.value)
    assert "half_done" not in tables_of(tmp_path / "new" / DB_NAME)
    # what the failed creation left is adopted by the next try
    monkeypatch.undo()
    Portfolio.open(tmp_path / "new", create=False).close()
    assert revision_of(tmp_path / "new" / DB_NAME) == head


# --- the evidence file store --------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path) -> FileStore:
    return FileStore(tmp_path / "evidence", tmp_path / "trash")


def stored_files(store: FileStore) -> list[Path]:
    return [p for p in store.root.rglob("*") if p.is_file()] if store.root.exists() else []


def test_put_file_is_content_addressed(store: FileStore, tmp_path: Path) -> None:
    source = tmp_path / "lesson plan.pdf"
    data = b"%PDF-1.7 lesson plan " * 1000
    source.write_bytes(data)
    stored = store.put_file(source)
    digest = hashlib.sha256(data).hexdigest()
    assert stored.sha256 == digest
    assert stored.size == len(data)
    assert stored.path == store.root / digest[:2] / digest
    assert stored.path.read_bytes() == data
    assert not stored.already_stored
    assert store.exists(digest)
    assert source.read_bytes() == data  # the original is never touched

    copy_of_it = tmp_path / "renamed copy.pdf"
    copy_of_it.write_bytes(data)
    again = store.put_file(copy_of_it)
    assert again.already_stored and again.path == stored.path
    assert store.put_bytes(data).already_stored
    assert stored_files(store) == [stored.path]
    assert store.leftover_partials() == []


def test_put_empty_file(store: FileStore, tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    stored = store.put_file(source)
    assert stored.sha256 == hashlib.sha256(b"").hexdigest() and stored.size == 0


class CancelAfter:
    """A JobControl that lets `chunks` chunks through, then reports the user cancelled."""

    def __init__(self, chunks: int) -> None:
        self.allowed = chunks
        self.checks = 0
        self.reported: list[tuple[int, int | None]] = []

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.reported.append((done, total))

    def check_cancelled(self) -> None:
        self.checks += 1
        if self.checks > self.allowed:
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return self.checks > self.allowed


def test_cancelled_put_leaves_nothing(store: FileStore, tmp_path: Path) -> None:
    source = tmp_path / "classroom.mp4"
    source.write_bytes(os.urandom(2 * COPY_CHUNK + 12345))
    control = CancelAfter(1)
    with pytest.raises(Cancelled):
        store.put_file(source, control)
    assert control.reported == [(COPY_CHUNK, 2 * COPY_CHUNK + 12345)]  # one chunk went through
    assert stored_files(store) == []
    assert list(store.incoming.iterdir()) == []
    assert source.stat().st_size == 2 * COPY_CHUNK + 12345
    # the same file goes in fine afterwards
    assert store.put_file(source).size == 2 * COPY_CHUNK + 12345


def test_vanished_source_names_the_file(store: FileStore, tmp_path: Path) -> None:
    gone = tmp_path / "deleted video.mp4"
    with pytest.raises(McdeskError) as caught:
        store.put_file(gone)
    assert caught.value.path == gone
    assert "deleted video.mp4" in str(caught.value)
    assert "disappeared" in str(caught.value)
    assert stored_files(store) == []


def test_folder_as_source_is_a_clear_error(store: FileStore, tmp_path: Path) -> None:
    with pytest.raises(McdeskError) as caught:
        store.put_file(tmp_path)
    assert "folder" in str(caught.value)
    assert stored_files(store) == []


def test_adding_again_repairs_a_damaged_copy_of_the_same_size(store: FileStore,
                                                              tmp_path: Path) -> None:
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"\xff\xd8 a photo " * 500)
    stored = store.put_file(source)
    stored.path.write_bytes(b"\x00" * stored.size)  # bit rot, same size
    again = store.put_file(source)
    assert not again.already_stored
    assert stored.path.read_bytes() == source.read_bytes()


def test_trash_keeps_two_files_of_the_same_name(store: FileStore, tmp_path: Path) -> None:
    for folder, content in (("aa", b"first"), ("bb", b"second")):
        (store.root / folder).mkdir(parents=True)
        (store.root / folder / "notes.txt").write_bytes(content)
    first = store.move_to_trash(store.root / "aa" / "notes.txt", "orphan")
    second = store.move_to_trash(store.root / "bb" / "notes.txt", "orphan")
    assert first != second
    assert {first.read_bytes(), second.read_bytes()} == {b"first", b"second"}


# --- the catalog store, through the catalog service ---------------------------------------------


def demo_achievement(achievement_id: str = EXIT_TICKETS) -> dict[str, Any]:
    data = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    return copy.deepcopy(next(a for a in data["achievements"] if a["id"] == achievement_id))


def import_json(catalog: CatalogService, data: object, label: str = "test.json"
                ) -> list[ImportOutcome]:
    result = catalog.import_text(json.dumps(data), label)
    return [item.outcome for item in result.items]


def test_reimporting_the_same_file_changes_nothing(catalog: CatalogService) -> None:
    result = catalog.import_file(DEMO_CATALOG)
    assert result.ok
    assert [item.outcome for item in result.items] == [ImportOutcome.UNCHANGED] * 11
    assert catalog.count() == 11


def test_versions_new_older_and_updated(catalog: CatalogService) -> None:
    newer = demo_achievement()
    newer["version"] = "2.0"
    newer["name"] = "Exit Tickets, Second Edition"
    assert import_json(catalog, newer) == [ImportOutcome.NEW_VERSION]

    listed = [e for e in catalog.entries() if e.achievement_id == EXIT_TICKETS]
    assert [(e.version, e.name, e.older_versions) for e in listed] == [
        ("2.0", "Exit Tickets, Second Edition", ("1.0",))]
    assert catalog.count() == 11
    current = catalog.detail(EXIT_TICKETS)
    assert current.is_current and current.micro_credential.version == "2.0"
    assert current.all_versions == ("2.0", "1.0")
    old = catalog.detail(EXIT_TICKETS, version="1.0")
    assert not old.is_current
    assert old.micro_credential.name == "Checking for Understanding with Exit Tickets"
    with pytest.raises(NotFoundError) as caught:
        catalog.detail(EXIT_TICKETS, version="7")
    assert 'has no version "7"' in str(caught.value)

    older = demo_achievement()
    older["version"] = "0.9"
    assert import_json(catalog, older) == [ImportOutcome.OLDER_VERSION]
    (entry,) = [e for e in catalog.entries() if e.achievement_id == EXIT_TICKETS]
    assert entry.version == "2.0" and entry.older_versions == ("1.0", "0.9")

    corrected = copy.deepcopy(newer)
    corrected["description"] = "Corrected by the issuer: now mentions zygomorphic tickets."
    assert import_json(catalog, corrected) == [ImportOutcome.UPDATED]
    assert catalog.detail(EXIT_TICKETS).micro_credential.description.startswith("Corrected")
    assert catalog.detail(EXIT_TICKETS).all_versions == ("2.0", "1.0", "0.9")
    # the search index follows: the new word is found, once, as the current version
    (found,) = catalog.entries(query="zygomorphic")
    assert (found.achievement_id, found.version) == (EXIT_TICKETS, "2.0")
    # an older version is never what search shows
    assert [e.version for e in catalog.entries(query="exit tickets")
            if e.achievement_id == EXIT_TICKETS] == ["2.0"]


def test_updating_an_older_version_keeps_the_current_one(catalog: CatalogService) -> None:
    newer = demo_achievement()
    newer["version"] = "1.10"
    assert import_json(catalog, newer) == [ImportOutcome.NEW_VERSION]
    fixed_old = demo_achievement()
    fixed_old["description"] = "A corrected 1.0."
    assert import_json(catalog, fixed_old) == [ImportOutcome.UPDATED]
    assert catalog.detail(EXIT_TICKETS).micro_credential.version == "1.10"
    assert catalog.detail(EXIT_TICKETS, "1.0").micro_credential.description == "A corrected 1.0."


def test_prerelease_then_release(catalog: CatalogService) -> None:
    beta = demo_achievement()
    beta["version"] = "1.1-beta"
    assert import_json(catalog, beta) == [ImportOutcome.NEW_VERSION]
    release = demo_achievement()
    release["version"] = "1.1"
    assert import_json(catalog, release) == [ImportOutcome.NEW_VERSION]
    (entry,) = [e for e in catalog.entries() if e.achievement_id == EXIT_TICKETS]
    assert entry.version == "1.1" and entry.older_versions == ("1.1-beta", "1.0")


def test_search_folds_accents_and_case(catalog: CatalogService) -> None:
    names = [e.name for e in catalog.entries(query="evaluation")]
    assert "Checking for Understanding with Exit Tickets" in names  # "Évaluation formative"
    assert [e.name for e in catalog.entries(query="CAFE")] == ["Family Learning Café"]
    assert [e.name for e in catalog.entries(query="Café")] == ["Family Learning Café"]
    assert catalog.entries(query="ÉVALUATION") == catalog.entries(query="evaluation")


def test_search_matches_prefixes_of_every_word(catalog: CatalogService) -> None:
    results = catalog.entries(query="exit tick")
    assert results[0].achievement_id == EXIT_TICKETS
    assert catalog.entries(query="exit zzzz") == []
    assert catalog.entries(query="  ") == catalog.entries()  # no terms: the whole list
    # punctuation and FTS syntax in the query are just separators
    assert catalog.entries(query='exit" OR "tick*') == catalog.entries(query="exit or tick")


def test_search_finds_sharp_s_both_ways(catalog: CatalogService) -> None:
    german = demo_achievement()
    german["id"] = "https://example.org/achievements/strassenverkehr"
    german["name"] = "Straßenverkehr im Sachunterricht"
    german.pop("mcdeskMicroCredential")
    assert import_json(catalog, german) == [ImportOutcome.ADDED]
    for query in ("Straße", "strasse", "STRASSENVERKEHR", "straßenv"):
        assert [e.name for e in catalog.entries(query=query)] == [german["name"]], query


def test_filter_by_stack_in_position_order(catalog: CatalogService) -> None:
    members = catalog.entries(stack_id=FORMATIVE)
    assert [e.stack_position for e in members] == [1, 2, 3, 4]
    assert members[0].achievement_id == EXIT_TICKETS
    assert {e.stack_name for e in members} == {"Formative Assessment"}
    stacks = {s.id: s for s in catalog.stacks()}
    assert [m.achievement_id for m in stacks[FORMATIVE].members] == [
        e.achievement_id for e in members]
    assert stacks[FORMATIVE].description.startswith("Gathering evidence")
    assert len(stacks[COMPUTATIONAL].members) == 4
    # stack and text together
    assert [e.name for e in catalog.entries(stack_id=COMPUTATIONAL, query="debug")] == [
        "Debugging as a Classroom Routine"]
    assert catalog.entries(stack_id=COMPUTATIONAL, query="exit") == []


def test_filter_by_issuer(catalog: CatalogService) -> None:
    assert catalog.issuers() == ["Open Classroom Institute",
                                 "Riverbend Teacher Learning Collaborative"]
    open_classroom = catalog.entries(issuer="Open Classroom Institute")
    assert len(open_classroom) == 5
    assert {e.issuer_name for e in open_classroom} == {"Open Classroom Institute"}
    names = [e.name for e in open_classroom]
    assert names == sorted(names, key=str.casefold)
    assert catalog.entries(issuer="Nobody") == []
    assert catalog.entries(issuer="Open Classroom Institute", query="exit") == []


def test_resolve_by_id_segment_and_name(catalog: CatalogService) -> None:
    assert catalog.resolve(EXIT_TICKETS) == EXIT_TICKETS
    assert catalog.resolve("exit-tickets") == EXIT_TICKETS
    assert catalog.resolve("EXIT-TICKETS") == EXIT_TICKETS
    assert catalog.resolve("Checking for Understanding with Exit Tickets") == EXIT_TICKETS
    assert catalog.resolve("checking for understanding with exit tickets") == EXIT_TICKETS
    with pytest.raises(NotFoundError) as caught:
        catalog.resolve("nope")
    assert 'no micro-credential in the catalog matches "nope"' in str(caught.value)
    with pytest.raises(NotFoundError):
        catalog.resolve("Checking for Understanding")  # a name must match whole


def test_resolve_ambiguous(catalog: CatalogService) -> None:
    twin = demo_achievement()
    twin["id"] = "https://other.example.org/achievements/exit-tickets"
    twin["name"] = "Exit Tickets Elsewhere"
    assert import_json(catalog, twin) == [ImportOutcome.ADDED]
    with pytest.raises(NotFoundError) as caught:
        catalog.resolve("exit-tickets")
    assert "matches several micro-credentials" in str(caught.value)
    assert EXIT_TICKETS in str(caught.value) and twin["id"] in str(caught.value)
    assert catalog.resolve(twin["id"]) == twin["id"]  # the full id still works


def test_import_files_keeps_good_files_and_refuses_bad_ones_whole(
    catalog: CatalogService, tmp_path: Path
) -> None:
    good = demo_achievement()
    good["id"] = "https://example.org/achievements/good"
    good["name"] = "A Good One"
    good_path = tmp_path / "good.json"
    good_path.write_text(json.dumps(good), encoding="utf-8")
    half_bad = [dict(good, id="https://example.org/achievements/first", name="First"),
                dict(good, id="https://example.org/achievements/badge", achievementType="Badge")]
    bad_path = tmp_path / "mixed.json"
    bad_path.write_text(json.dumps(half_bad), encoding="utf-8")
    missing = tmp_path / "missing.json"
    results = catalog.import_files([bad_path, good_path, missing])
    assert [r.ok for r in results] == [False, True, False]
    assert results[0].error is not None and 'achievement 2' in results[0].error
    assert 'achievementType is "Badge"' in results[0].error
    assert results[2].error == "no such file"
    assert catalog.resolve("good") == "https://example.org/achievements/good"
    with pytest.raises(NotFoundError):
        catalog.resolve("first")  # nothing from the refused file was stored
    assert catalog.count() == 12


# --- check and repair ---------------------------------------------------------------------------


def add_evidence_file(portfolio: Portfolio, data: bytes) -> str:
    stored = portfolio.files.put_bytes(data)
    with portfolio.database.transaction() as session:
        session.add(EvidenceFileRow(sha256=stored.sha256, size=stored.size,
                                    added_at=datetime.now(UTC).replace(tzinfo=None)))
    return stored.sha256


def kinds(report: CheckReport) -> list[ProblemKind]:
    return sorted(problem.kind for problem in report.problems)


def test_healthy_portfolio(catalog: CatalogService, portfolio: Portfolio) -> None:
    add_evidence_file(portfolio, b"a lesson plan")
    add_evidence_file(portfolio, os.urandom(3 * CHUNK))
    report = check_portfolio(portfolio)
    assert report.healthy and report.problems == ()
    assert report.files_checked == 2
    assert report.bytes_checked == len(b"a lesson plan") + 3 * CHUNK
    assert not report.repaired


def test_damaged_file_is_found_and_re_adding_the_original_repairs_it(
    portfolio: Portfolio, tmp_path: Path
) -> None:
    data = b"student work sample " * 100
    sha = add_evidence_file(portfolio, data)
    path = portfolio.files.path_for(sha)
    path.write_bytes(data.replace(b"student", b"STUDENT"))  # same size, other bytes
    report = check_portfolio(portfolio)
    (problem,) = report.problems
    assert problem.kind is ProblemKind.DAMAGED_FILE
    assert problem.path == str(path)
    assert "no longer matches its hash" in problem.detail
    assert not report.healthy
    # repair cannot invent the bytes: it says what to do and keeps the damaged file
    repaired = check_portfolio(portfolio, repair=True)
    assert not repaired.healthy and "add the original file again" in repaired.problems[0].action
    assert path.exists()
    original = tmp_path / "sample.txt"
    original.write_bytes(data)
    portfolio.files.put_file(original)
    assert check_portfolio(portfolio).healthy


def test_truncated_file_is_damaged(portfolio: Portfolio) -> None:
    sha = add_evidence_file(portfolio, b"0123456789" * 10)
    portfolio.files.path_for(sha).write_bytes(b"0123")
    (problem,) = check_portfolio(portfolio).problems
    assert problem.kind is ProblemKind.DAMAGED_FILE
    assert "has 4 bytes instead of 100" in problem.detail


def test_missing_file_restored_from_a_good_copy_in_trash(portfolio: Portfolio) -> None:
    data = b"reflection draft"
    sha = add_evidence_file(portfolio, data)
    path = portfolio.files.path_for(sha)
    path.unlink()
    (problem,) = check_portfolio(portfolio).problems
    assert problem.kind is ProblemKind.MISSING_FILE
    assert "add the original file again" in problem.action
    # a bad copy and a good copy in the trash: only the good one is used
    bad = portfolio.layout.trash_dir / "20260101-000000-damaged" / sha
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"not it")
    good = portfolio.layout.trash_dir / "20260102-000000-deleted" / sha
    good.parent.mkdir(parents=True)
    good.write_bytes(data)
    assert "restore it from the trash" in check_portfolio(portfolio).problems[0].action
    report = check_portfolio(portfolio, repair=True)
    (problem,) = report.problems
    assert problem.repaired and str(good) in problem.action
    assert report.healthy
    assert path.read_bytes() == data
    assert good.is_file() and bad.is_file()  # the trash is kept as it was
    assert check_portfolio(portfolio).healthy


def test_orphans_go_to_the_trash_never_deleted(portfolio: Portfolio) -> None:
    add_evidence_file(portfolio, b"known")
    stray = portfolio.layout.evidence_dir / "zz" / "stray.txt"
    stray.parent.mkdir()
    stray.write_bytes(b"who put this here")
    loose = portfolio.layout.evidence_dir / "loose.bin"
    loose.write_bytes(b"loose")
    report = check_portfolio(portfolio)
    assert kinds(report) == [ProblemKind.ORPHAN_FILE] * 2
    assert stray.exists() and loose.exists()  # a check without repair changes nothing
    report = check_portfolio(portfolio, repair=True)
    assert report.healthy and all(p.repaired for p in report.problems)
    assert not stray.exists() and not loose.exists()
    trashed = {p.name: p.read_bytes() for p in portfolio.layout.trash_dir.rglob("*")
               if p.is_file()}
    assert trashed == {"stray.txt": b"who put this here", "loose.bin": b"loose"}
    assert check_portfolio(portfolio).healthy


def test_lost_search_index_is_rebuilt(catalog: CatalogService, portfolio: Portfolio) -> None:
    with portfolio.database.transaction() as session:
        session.execute(text("DELETE FROM catalog_fts WHERE rowid IN "
                             "(SELECT rowid FROM catalog_fts LIMIT 5)"))
    assert len(catalog.entries(query="formative")) < 4 or catalog.entries(query="cafe") == []
    (problem,) = check_portfolio(portfolio).problems
    assert problem.kind is ProblemKind.SEARCH_INDEX
    assert "6 entries for 11 micro-credentials" in problem.detail
    report = check_portfolio(portfolio, repair=True)
    assert report.healthy and report.problems[0].repaired
    assert [e.name for e in catalog.entries(query="CAFE")] == ["Family Learning Café"]
    assert catalog.entries(query="evaluation")[0].achievement_id == EXIT_TICKETS
    assert check_portfolio(portfolio).healthy


def test_old_unfinished_copies_are_leftovers_fresh_ones_are_not(portfolio: Portfolio) -> None:
    incoming = portfolio.files.incoming
    incoming.mkdir(parents=True, exist_ok=True)
    old = incoming / "0123abcd.part"
    old.write_bytes(b"half a video")
    two_hours_ago = time.time() - 2 * 3600
    os.utime(old, (two_hours_ago, two_hours_ago))
    fresh = incoming / "4567ef.part"
    fresh.write_bytes(b"an import still running")
    (problem,) = check_portfolio(portfolio).problems
    assert problem.kind is ProblemKind.LEFTOVER and problem.path == str(old)
    report = check_portfolio(portfolio, repair=True)
    assert report.healthy
    assert fresh.exists() and not old.exists()
    (moved,) = portfolio.layout.trash_dir.rglob("0123abcd.part")
    assert moved.read_bytes() == b"half a video"


def test_everything_at_once_then_healthy(catalog: CatalogService, portfolio: Portfolio) -> None:
    damaged = add_evidence_file(portfolio, b"damaged one")
    missing = add_evidence_file(portfolio, b"missing one")
    add_evidence_file(portfolio, b"fine one")
    portfolio.files.path_for(damaged).write_bytes(b"DAMAGED ONE")
    keep = portfolio.layout.trash_dir / "kept" / missing
    keep.parent.mkdir(parents=True)
    keep.write_bytes(b"missing one")
    portfolio.files.path_for(missing).unlink()
    (portfolio.layout.evidence_dir / "zz").mkdir()
    (portfolio.layout.evidence_dir / "zz" / "stray").write_bytes(b"stray")
    with portfolio.database.transaction() as session:
        session.execute(text("DELETE FROM catalog_fts"))
    incoming = portfolio.files.incoming
    incoming.mkdir(exist_ok=True)
    (incoming / "x.part").write_bytes(b"x")
    os.utime(incoming / "x.part", (time.time() - 7200, time.time() - 7200))

    report = check_portfolio(portfolio)
    assert kinds(report) == sorted([ProblemKind.SEARCH_INDEX, ProblemKind.MISSING_FILE,
                                    ProblemKind.DAMAGED_FILE, ProblemKind.ORPHAN_FILE,
                                    ProblemKind.LEFTOVER])
    repaired = check_portfolio(portfolio, repair=True)
    assert [p.kind for p in repaired.problems if not p.repaired] == [ProblemKind.DAMAGED_FILE]
    # give the damaged file back, then everything is healthy
    with portfolio.database.transaction() as session:
        session.execute(delete(EvidenceFileRow).where(EvidenceFileRow.sha256 == damaged))
    portfolio.files.move_to_trash(portfolio.files.path_for(damaged), "damaged")
    final = check_portfolio(portfolio)
    assert final.healthy and final.problems == ()
    with portfolio.database.reading() as session:
        assert session.scalar(select(MetaRow.value).where(MetaRow.key == "portfolio_id"))
