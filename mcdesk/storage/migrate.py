"""Brings a portfolio database to the schema this mcdesk expects, with a backup first; worker
thread.

A database already at HEAD_REVISION is recognised with plain sqlite3; Alembic (and SQLAlchemy)
are imported only when there is something to create or upgrade."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.errors import (
    DamagedDatabaseError,
    MigrationFailedError,
    NewerPortfolioError,
    PortfolioError,
)
from mcdesk.storage.db import make_engine, readonly_uri

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
PACKAGED_MIGRATIONS_DIR = Path(__file__).with_name("migrations")
MIGRATIONS_DIR = PACKAGED_MIGRATIONS_DIR
# The newest revision in PACKAGED_MIGRATIONS_DIR/versions. Bump it with every new migration;
# tests/test_startup_imports.py compares it with what Alembic finds there.
HEAD_REVISION = "0015"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The head of MIGRATIONS_DIR as Alembic reads it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db_path: Path) -> str | None:
    """The schema revision of `db_path`, read without changing the file (no WAL switch)."""
    return _inspect(db_path)[0]


def _inspect(db_path: Path) -> tuple[str | None, bool]:
    """(alembic revision or None, whether it has any table), opened read-only so that a foreign
    or newer database is left byte for byte as it was."""
    connection = sqlite3.connect(readonly_uri(db_path), uri=True)
    try:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            return None, bool(tables)
        revisions = [row[0] for row in connection.execute(
            "SELECT version_num FROM alembic_version")]
        return (",".join(sorted(revisions)) or None), True
    finally:
        connection.close()


def upgrade_database(db_path: Path, backups_dir: Path) -> Path | None:
    """Migrate `db_path` to head. Returns the backup made first, if any.

    A database from a newer mcdesk is refused untouched; a failed upgrade rolls back and
    names the backup, and nothing is ever deleted or recreated."""
    is_new = not db_path.exists() or db_path.stat().st_size == 0
    current: str | None = None
    if not is_new:
        try:
            current, has_tables = _inspect(db_path)
        except Exception as exc:  # a damaged or foreign file: leave it exactly as it is
            raise DamagedDatabaseError(f"cannot read the database ({exc})",
                                       path=db_path) from exc
        if current is None and has_tables:
            raise PortfolioError("this database was not made by mcdesk", path=db_path)
        if current == HEAD_REVISION and MIGRATIONS_DIR == PACKAGED_MIGRATIONS_DIR:
            return None  # the usual case, decided without importing Alembic
    from alembic import command
    from alembic.script import ScriptDirectory

    from mcdesk.storage.backup import backup_database

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if not is_new:
        if current == head:
            return None
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise NewerPortfolioError(
                "this portfolio was written by a newer version of mcdesk "
                f"(schema {current}); update mcdesk to open it. Nothing was changed.",
                path=db_path,
            )
    backup = backup_database(db_path, backups_dir, f"before-{head}") if current else None
    # Batch migrations copy tables, which needs foreign keys off for the duration.
    engine = make_engine(db_path, foreign_keys=False)
    try:
        # One transaction for every pending revision and the final check: Alembic commits
        # after each revision on SQLite unless the transaction is already ours.
        with engine.connect() as connection, connection.begin():
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign key problems after the upgrade: {problems[:5]}")
    except Exception as exc:
        log.exception("Upgrading %s failed", db_path)
        if is_new:
            raise PortfolioError(f"cannot create the database ({exc})", path=db_path) from exc
        raise MigrationFailedError(
            f"upgrading the portfolio failed ({exc}); the backup {backup} holds it as it was",
            path=db_path,
            backup=backup,
        ) from exc
    finally:
        engine.dispose()
    return backup
