"""Brings the issuer's database to the schema this mcdesk-issuer expects (Alembic), under a
lock so that several processes starting at once upgrade it once; the thread that opens the
database.

A database made before migrations existed (by `create_all`) is recognised by its tables and
stamped at the first revision, which is exactly that schema, then upgraded. A SQLite file is
copied to `backups/` beside it before any upgrade; PostgreSQL is backed up by the operator
(pg_dump, see docs/issuer-deployment.md)."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The revision that is the schema `create_all` made before there were migrations.
INITIAL_REVISION = "0001"
#: The newest revision in migrations/versions; bump it with every new migration (a test
#: compares it with Alembic's head). A database already there is recognised without Alembic.
HEAD_REVISION = "0002"
#: Any table that schema always had: its presence without alembic_version means "made by
#: create_all".
_LEGACY_MARKER = "submissions"
#: The advisory lock (PostgreSQL) every process takes before it looks at the revision.
_MIGRATION_LOCK = 0x6D636465736B  # "mcdesk"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Upgrade the database to head: (the revision before, head). Raises ValueError for a
    database from a newer mcdesk-issuer or one that is not an issuer's."""
    if _at_head(engine):
        return HEAD_REVISION, HEAD_REVISION  # the usual start, without importing Alembic
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    # SQLite: this transaction begins with BEGIN IMMEDIATE (the database's write lock), so a
    # second process waits here until the first has upgraded.
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _MIGRATION_LOCK})
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return current, head
        tables = set(inspect(connection).get_table_names())
        known = {revision.revision for revision in script.walk_revisions()}
        if current is not None and current not in known:
            raise ValueError(f"the issuer database is at schema revision {current}, made by a "
                             "newer mcdesk-issuer; run that version (or restore a backup)")
        if current is None and tables and _LEGACY_MARKER not in tables:
            raise ValueError("the database holds tables that are not an mcdesk issuer's; "
                             "give an empty database")
        if current is not None or tables:
            _backup_sqlite(engine, current)
        config = alembic_config(connection)
        if current is None and tables:
            log.info("Database made before migrations: stamped at %s", INITIAL_REVISION)
            command.stamp(config, INITIAL_REVISION)
        command.upgrade(config, "head")
        log.info("Database schema upgraded from %s to %s", current or "nothing", head)
        return current, head


def _at_head(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except DBAPIError:  # no such table yet
        return False
    return [row[0] for row in found] == [HEAD_REVISION]


def _backup_sqlite(engine: Engine, current: str | None) -> Path | None:
    """A consistent copy of a SQLite database (SQLite's online backup) before it changes."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    source = Path(engine.url.database)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = source.parent / "backups" / f"{source.stem}-{current or 'before-migrations'}-" \
        f"{stamp}{source.suffix}"
    target.parent.mkdir(mode=0o700, exist_ok=True)
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()
    target.chmod(0o600)
    log.info("Copied the database to %s before upgrading it", target)
    return target
