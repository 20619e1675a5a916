"""A portfolio folder as an older mcdesk left it: its database migrated only up to a given
revision, for the tests that open it with today's code and check the upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from mcdesk.storage import migrate
from mcdesk.storage.db import make_engine
from mcdesk.storage.portfolio import DB_NAME


def portfolio_at(root: Path, revision: str, *statements: str) -> Path:
    """Make `root` a portfolio at `revision`, run `statements` on it (data an older mcdesk
    wrote), and return its database file."""
    root.mkdir(parents=True)
    db = root / DB_NAME
    engine = make_engine(db, foreign_keys=False)
    try:
        with engine.connect() as connection, connection.begin():
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        engine.dispose()
    writer = sqlite3.connect(db)
    try:
        for statement in statements:
            writer.execute(statement)
        writer.commit()
    finally:
        writer.close()
    return db
