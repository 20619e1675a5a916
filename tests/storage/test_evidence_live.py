"""EvidenceStore.live reads only the pieces asked for (a draft's check no longer loads the whole
library), with their versions, and leaves out what is in the trash."""

from __future__ import annotations

from pathlib import Path

from mcdesk.core.evidence import StripMetadata
from mcdesk.services.workspace import Workspace
from tests.media_factory import astronaut_rgb, make_photo


def test_live_returns_the_asked_pieces_with_versions_and_skips_the_trash(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        evidence = workspace.evidence
        photo = evidence.add_file(make_photo(tmp_path / "a.jpg", astronaut_rgb(), gps=True))
        assert photo.evidence is not None
        version = evidence.make_version(photo.evidence.id, StripMetadata())
        notes = evidence.add_text("Notes", "What the students said.")
        trashed = evidence.add_link("https://example.org/x", "A link")
        evidence.move_to_trash(trashed.id)
        others = [evidence.add_text(f"Other {n}", "x").id for n in range(3)]

        found = evidence.live([photo.evidence.id, notes.id, trashed.id, "no-such-id"])

        assert set(found) == {photo.evidence.id, notes.id}
        assert found[photo.evidence.id].versions == (version.id,)
        assert found[photo.evidence.id] == evidence.get(photo.evidence.id)
        assert not set(others) & set(found)
        assert evidence.live([]) == {}
    finally:
        workspace.close()


def test_live_reads_more_ids_than_one_sql_batch(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        made = [workspace.evidence.add_text(f"Note {n}", "x").id for n in range(3)]
        asked = made + [f"missing-{n}" for n in range(1200)]
        assert set(workspace.evidence.live(asked)) == set(made)
    finally:
        workspace.close()
