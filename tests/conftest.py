"""Shared pytest setup: Qt without a display, an in-memory keyring, private user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring

if TYPE_CHECKING:
    from mcdesk.storage.portfolio import Portfolio
    from tests.pg_cluster import PgCluster

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEMO_CATALOG = REPO / "resources" / "demo_catalog.json"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One throwaway PostgreSQL cluster for the session (tests/pg_cluster.py); a test that
    needs it fails, never skips, when PostgreSQL cannot start."""
    from tests.pg_cluster import PgCluster

    cluster = PgCluster()
    try:
        yield cluster.start()
    finally:
        cluster.stop()


@pytest.fixture
def portfolio(tmp_path: Path) -> Iterator[Portfolio]:
    """An empty portfolio in a private folder, closed after the test (the one `portfolio`:
    tests wanting more say so in their fixture's name)."""
    from mcdesk.storage.portfolio import Portfolio

    opened = Portfolio.open(tmp_path / "portfolio")
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def enforce_write_lanes() -> Iterator[None]:
    """Every test runs with storage refusing a database write on the reading pool."""
    from mcdesk.core import lanes

    lanes.enforce_write_lanes(True)
    yield
    lanes.enforce_write_lanes(False)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep logs, settings and the default portfolio out of the real home folder."""
    home = tmp_path_factory.mktemp("home")
    for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(name, str(home / sub))
