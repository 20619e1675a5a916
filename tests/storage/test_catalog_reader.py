"""The catalog's sqlite3 read paths: read-only connections, limits applied in SQL that give the
same lines as the whole list, and connections that survive closing. Real SQLite in tmp_path."""

from __future__ import annotations

import json
import sqlite3
import threading
from typing import Any

import pytest

from mcdesk.services.catalog import CatalogService
from mcdesk.storage.portfolio import Portfolio
from tests.conftest import DEMO_CATALOG

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"


@pytest.fixture(autouse=True)
def demo_catalog(portfolio: Portfolio) -> None:
    """Every test here reads the shared `portfolio` holding the demo catalog."""
    CatalogService(portfolio).import_file(DEMO_CATALOG)


def achievement(number: int, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"https://example.org/achievements/a{number}", "type": ["Achievement"],
        "achievementType": "MicroCredential", "name": name, "description": f"About {name}.",
        "criteria": {"narrative": "Do it."}, **extra,
    }


def test_read_connections_never_write(portfolio: Portfolio) -> None:
    with portfolio.reads.connection() as connection:
        assert connection.execute("PRAGMA query_only").fetchone() == (1,)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
        with pytest.raises(sqlite3.OperationalError):
            connection.execute("DELETE FROM meta")
    assert portfolio.meta("portfolio_id")


def test_a_limited_list_is_the_head_of_the_whole_list(portfolio: Portfolio) -> None:
    """The name order (case-folded, ties in storage order) is the same with a limit."""
    catalog = CatalogService(portfolio)
    names = ["zeta", "Alpha", "alpha", "ÉCOLE", "école", "beta", "Beta", "ecole"]
    catalog.import_text(json.dumps([achievement(n, name) for n, name in enumerate(names)]),
                        "ties.json")
    whole = catalog.entries(limit=100_000)
    assert [e.name for e in whole] == sorted((e.name for e in whole), key=str.casefold)
    # names equal once case-folded keep the order they were stored in
    assert [e.name for e in whole if e.name.casefold() in ("alpha", "école", "beta")] == [
        "Alpha", "alpha", "beta", "Beta", "ÉCOLE", "école"]
    for limit in (0, 1, 3, 7, 12, len(whole), len(whole) + 5):
        assert catalog.entries(limit=limit) == whole[:limit], limit
    stack = catalog.stacks()[0]
    members = catalog.entries(stack_id=stack.id, limit=100_000)
    assert list(stack.members) == members
    assert catalog.entries(stack_id=stack.id, limit=2) == members[:2]
    hits = catalog.entries(query="a", limit=100_000)
    assert catalog.entries(query="a", limit=3) == hits[:3]


def test_stack_sizes_count_the_members(portfolio: Portfolio) -> None:
    catalog = CatalogService(portfolio)
    stacks = catalog.stacks()
    sizes = catalog.stack_sizes()
    assert [(s.id, s.name, s.description) for s, _size in sizes] == [
        (s.id, s.name, s.description) for s in stacks]
    assert [size for _stack, size in sizes] == [len(s.members) for s in stacks]
    assert sum(size for _stack, size in sizes) > 0
    assert all(stack.members == () for stack, _size in sizes)


def test_search_lines_carry_older_versions(portfolio: Portfolio) -> None:
    catalog = CatalogService(portfolio)
    data = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    newer = next(a for a in data["achievements"] if a["id"] == EXIT_TICKETS)
    newer["version"] = "2.0"
    catalog.import_text(json.dumps(newer), "newer.json")
    (found,) = [e for e in catalog.entries(query="exit tickets") if e.achievement_id ==
                EXIT_TICKETS]
    assert (found.version, found.older_versions) == ("2.0", ("1.0",))
    assert all(e.older_versions == () for e in catalog.entries() if e.achievement_id !=
               EXIT_TICKETS)


def test_connections_are_reused_and_closing_does_not_end_reading(portfolio: Portfolio) -> None:
    reads = portfolio.reads
    with reads.connection() as first:
        pass
    with reads.connection() as again:
        assert again is first
    seen: list[sqlite3.Connection] = []
    inside = threading.Barrier(2)

    def read() -> None:
        with reads.connection() as connection:
            seen.append(connection)
            inside.wait(timeout=5)

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=5)
    assert len({id(c) for c in seen}) == 2  # two readers at once never share a connection
    portfolio.close()
    with pytest.raises(sqlite3.ProgrammingError):
        first.execute("SELECT 1")  # closed with the portfolio
    assert CatalogService(portfolio).count() == 11  # a later read opens a new one
