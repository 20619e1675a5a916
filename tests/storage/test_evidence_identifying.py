"""Evidence marked as identifying: migration 0008 from a real 0005 portfolio keeps every
piece (unmarked), the mark is stored, carried by safe versions, and written into packages."""

from __future__ import annotations

from pathlib import Path

from mcdesk.core.evidence import StripMetadata
from mcdesk.services.workspace import Workspace
from mcdesk.storage import migrate
from mcdesk.storage.portfolio import Portfolio
from tests.media_factory import astronaut_rgb, make_photo
from tests.storage.old_portfolio import portfolio_at
from tests.storage.test_review_store import raw, revision_of


def test_0005_portfolio_upgrades_with_every_piece_unmarked(tmp_path: Path) -> None:
    root = tmp_path / "old"
    db = portfolio_at(
        root, "0005",
        "INSERT INTO meta (key, value) VALUES ('portfolio_id', 'old-one')",
        "INSERT INTO evidence (id, kind, title, created_at) VALUES "
        "('e1', 'text', 'My notes', '2026-11-01 10:00:00')")
    assert revision_of(db) == "0005"
    upgraded = Portfolio.open(root)
    upgraded.close()
    assert revision_of(db) == migrate.HEAD_REVISION
    assert raw(db, "SELECT id, title, identifying FROM evidence") == [("e1", "My notes", 0)]


def test_the_mark_is_kept_and_carried_by_safe_versions(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        photo = make_photo(tmp_path / "me.jpg", astronaut_rgb(), gps=True)
        added = workspace.evidence.add_file(photo).evidence
        assert added is not None and added.identifying is False
        marked = workspace.evidence.set_identifying(added.id, True)
        assert marked.identifying is True
        assert workspace.evidence.get(added.id).identifying is True
        version = workspace.evidence.make_version(added.id, StripMetadata())
        assert version.identifying is True  # a safe copy of it still shows who you are
        assert workspace.evidence.set_identifying(added.id, False).identifying is False
        assert workspace.evidence.get(version.id).identifying is True
    finally:
        workspace.close()
