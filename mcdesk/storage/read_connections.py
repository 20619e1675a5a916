"""Plain sqlite3 connections for the portfolio's fast read paths (no SQLAlchemy to import or to
go through); any thread: each read borrows a connection that no other thread uses meanwhile."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000

# The writer's settings (storage.db.make_engine), and no writing through these connections.
READ_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys=ON",
    "PRAGMA query_only=ON",
)


def open_read_connection(db_path: Path) -> sqlite3.Connection:
    """An autocommit connection (each statement reads the latest committed state) that refuses
    to write."""
    connection = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000,
                                 isolation_level=None, check_same_thread=False)
    try:
        for pragma in READ_PRAGMAS:
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


class ReadConnections:
    """A small pool of read-only connections to one database. A thread borrows one for a read
    and gives it back; there are never more connections than threads reading at once."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path
        self._lock = threading.Lock()
        self._idle: list[sqlite3.Connection] = []
        self._generation = 0

    @contextmanager
    def connection(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            generation = self._generation
            connection = self._idle.pop() if self._idle else None
        if connection is None:
            connection = open_read_connection(self.path)
        try:
            yield connection
        except BaseException:
            if connection.in_transaction:
                connection.rollback()
            raise
        finally:
            with self._lock:
                keep = generation == self._generation
                if keep:
                    self._idle.append(connection)
            if not keep:
                connection.close()

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A connection inside one read transaction: several queries see the same state."""
        with self.connection() as connection:
            connection.execute("BEGIN")
            try:
                yield connection
            except BaseException:
                if connection.in_transaction:
                    connection.rollback()
                raise
            if connection.in_transaction:
                connection.commit()

    def close(self) -> None:
        """Close the idle connections; those in use close when they are given back. A later
        read opens a new connection (like a disposed SQLAlchemy engine)."""
        with self._lock:
            idle, self._idle = self._idle, []
            self._generation += 1
        for connection in idle:
            connection.close()
