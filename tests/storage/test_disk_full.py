"""A full disk during a catalog import is a clear message, and nothing is half-stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesk.core.errors import StorageFullError
from mcdesk.services.workspace import Workspace
from tests.conftest import DEMO_CATALOG


def test_full_disk_refuses_the_import_whole(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        # SQLite's own limit stands in for a full disk: the same error, raised the same way.
        with workspace._portfolio.database.engine.connect() as connection:
            pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        engine = workspace._portfolio.database.engine

        from sqlalchemy import event

        @event.listens_for(engine, "connect")
        def _limit(dbapi_connection: object, _record: object) -> None:
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")  # type: ignore[attr-defined]

        engine.dispose()
        with pytest.raises(StorageFullError) as caught:
            workspace.catalog.import_file(DEMO_CATALOG)
        assert "full" in str(caught.value)
        assert str(workspace.root) in str(caught.value)
        assert workspace.catalog.count() == 0
    finally:
        workspace.close()
