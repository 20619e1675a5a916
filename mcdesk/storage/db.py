"""Creates SQLAlchemy engines for a portfolio database with mcdesk's SQLite settings; any thread.

SQLAlchemy is imported when the first engine is made, not with this module: a portfolio that is
only read (storage.read_connections) never loads it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcdesk.core.errors import StorageFullError
from mcdesk.core.lanes import ensure_writes_allowed

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session


def readonly_uri(db_path: Path) -> str:
    """A sqlite3 URI opening `db_path` read-only, whatever characters (#, ?, %) the path holds."""
    return db_path.absolute().as_uri() + "?mode=ro"


def make_engine(db_path: Path, *, foreign_keys: bool = True) -> Engine:
    """An engine whose transactions are real SQLite transactions (DDL included)."""
    from sqlalchemy import URL, create_engine, event

    # URL.create, not an f-string: a folder named "Class #2?" must not become a URL query.
    engine = create_engine(URL.create("sqlite", database=str(db_path)))

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling skips DDL; let SQLAlchemy issue BEGIN itself so a
        # failed migration rolls back whole.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def _refuse_on_reading_lane(_session: Any, _context: Any, _instances: Any) -> None:
    ensure_writes_allowed("a database write")


def _refuse_dml_on_reading_lane(state: Any) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        ensure_writes_allowed("a database write")


class Database:
    """One portfolio database: an engine and a way to run a unit of work in a transaction."""

    def __init__(self, db_path: Path) -> None:
        from sqlalchemy import event
        from sqlalchemy.orm import sessionmaker

        self.path = db_path
        self.engine = make_engine(db_path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Every write goes through the writer lane: one here on the reading pool is a bug in
        # how its operation was declared, caught the first time it runs (tests included).
        event.listen(self._sessions, "before_flush", _refuse_on_reading_lane)
        event.listen(self._sessions, "do_orm_execute", _refuse_dml_on_reading_lane)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together, or not at all on any error."""
        from sqlalchemy.exc import OperationalError

        try:
            with self._sessions() as session, session.begin():
                yield session
        except OperationalError as exc:
            if "disk is full" in str(exc.orig) or "disk I/O error" in str(exc.orig):
                raise StorageFullError(
                    "the disk holding the portfolio is full; nothing was saved", path=self.path
                ) from exc
            raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
