"""The issuer's Alembic migrations: a database made by create_all before migrations existed
(tests/issuer/legacy_schema.py, frozen from that code) is stamped and upgraded with its rows
kept, the migrations end exactly at the models, a newer database is refused, and the `migrate`
command says what it did; on SQLite and on PostgreSQL; test thread."""

from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.orm import Session

from mcdesk_issuer.config import Settings
from mcdesk_issuer.db import Base
from mcdesk_issuer.migrate import current_revision, head_revision
from mcdesk_issuer.service import Issuer, token_hash
from tests.issuer import legacy_schema as legacy
from tests.issuer.conftest import Backend, database_args

TOKEN = "mci_made-before-migrations-0123456789"


def _url(backend: Backend, data: Path) -> str:
    data.mkdir(parents=True, exist_ok=True)
    return backend.database_url() or Settings(data).url


def _made_by_create_all(url: str) -> str:
    """Today's issuer before migrations: create_all, one person with a token and a
    submission; the person's id."""
    engine = create_engine(url)
    legacy.Base.metadata.create_all(engine)
    person = str(uuid.uuid4())
    now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with Session(engine) as s, s.begin():
        s.add(legacy.Account(id=person, name="Ada Teacher", created_at=now))
        s.flush()
        s.add(legacy.AccountRole(account_id=person, role="earner"))
        s.add(legacy.Token(hash=token_hash(TOKEN), account_id=person, role="earner",
                           created_at=now, expires_at=None, revoked=False))
        s.add(legacy.Submission(
            id=str(uuid.uuid4()), earner_id=person, achievement_id="https://x.test/a",
            version="1.0", attempt=1, bag_name="bag", body_hash="0" * 64, state="open",
            created_at=now, feedback_json="[]"))
    engine.dispose()
    return person


def _differences(url: str) -> list[object]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return list(compare_metadata(MigrationContext.configure(connection),
                                         Base.metadata))
    finally:
        engine.dispose()


def test_a_database_made_by_create_all_is_stamped_and_upgraded(backend: Backend,
                                                              tmp_path: Path) -> None:
    data = tmp_path / "issuer"
    url = _url(backend, data)
    person = _made_by_create_all(url)
    probe = create_engine(url)
    assert "alembic_version" not in inspect(probe).get_table_names()
    probe.dispose()

    issuer = Issuer(Settings(data, database_url=url))
    try:
        assert current_revision(issuer.db.engine) == head_revision()
        caller = issuer.authenticate(f"Bearer {TOKEN}")
        assert (caller.id, caller.name, caller.role) == (person, "Ada Teacher", "earner")
        assert len(issuer.all_submissions()) == 1
    finally:
        issuer.close()
    assert _differences(url) == []
    backups = sorted((data / "backups").glob("*.sqlite3")) if backend.name == "sqlite" else []
    if backend.name == "sqlite":
        assert [b.name.split("-")[1:3] for b in backups] == [["before", "migrations"]]
        copy = create_engine(f"sqlite:///{backups[0]}")
        with copy.connect() as connection:
            assert connection.execute(text("SELECT name FROM accounts")).scalars().all() == [
                "Ada Teacher"]
        copy.dispose()


def test_a_new_database_ends_exactly_at_the_models(backend: Backend, tmp_path: Path) -> None:
    data = tmp_path / "issuer"
    url = _url(backend, data)
    Issuer(Settings(data, database_url=url)).close()
    assert _differences(url) == []
    assert not (data / "backups").exists()  # nothing to keep of an empty database


def _cli(data: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mcdesk_issuer", "--data", str(data),
                           *database_args(url), *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_the_migrate_command_and_a_newer_database(backend: Backend, tmp_path: Path) -> None:
    data = tmp_path / "issuer"
    url = _url(backend, data)
    _made_by_create_all(url)
    first = _cli(data, url, "migrate")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == (f"the database was upgraded from no revision to "
                                    f"{head_revision()}")
    again = _cli(data, url, "migrate")
    assert again.stdout.strip().startswith(f"the database is at revision {head_revision()}")

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    refused = _cli(data, url, "people", "list")
    assert refused.returncode == 1
    assert "revision 9999, made by a newer mcdesk-issuer" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_head_revision_constant_is_alembics_head() -> None:
    from mcdesk_issuer.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION
