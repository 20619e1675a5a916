"""The library's pieces read with plain sqlite3 (`live_pieces`, behind `EvidenceService.live`:
its pages as the grid scrolls, a search's first page, a draft's attachments) are the pieces
the ORM reads: every field, the stored file's size, the live versions made from a piece
(oldest first), who captured it; not the trashed, not ids that are not there."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from mcdesk.core.coaching import Provenance
from mcdesk.core.evidence import Consent
from mcdesk.core.role import Role
from mcdesk.services.demo import seed_demo_content
from mcdesk.services.workspace import Workspace


def test_plain_reads_give_what_the_orm_gives(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p", seed_demo=True)
    try:
        seed_demo_content(workspace)  # a video, photos with their place, a copy without it
        evidence = workspace.evidence
        link = evidence.add_link("https://example.org/lesson", "Lesson page")  # no file
        note = evidence.add_text("Reflection", "Students compared fractions.")
        evidence.set_tags(note.id, ["fractions", "exit tickets"])
        evidence.set_consent(note.id, Consent.CONSENTED)
        evidence.set_identifying(link.id, True)
        workspace.coaching.store.set_provenance(note.id, Provenance(
            "Ana", Role.COACH, datetime(2026, 11, 3, 14, 5, 7, 250_000, tzinfo=UTC),
            "portfolio-of-ana", "Ana's laptop", "written"))
        workspace.coaching.store.set_provenance(link.id, Provenance(
            "Old tool", Role.COACH, datetime(2026, 1, 2, tzinfo=UTC), "p-2"))
        trashed = evidence.add_text("Draft note", "to be thrown away")
        evidence.move_to_trash(trashed.id)

        everything = {piece.id: piece for piece in evidence.all()}
        read = evidence.live([*everything, trashed.id, "no-such-piece"])
        assert read == everything
        assert trashed.id not in read
        assert read[note.id].provenance is not None
        assert read[note.id].provenance.at == datetime(2026, 11, 3, 14, 5, 7, 250_000,
                                                       tzinfo=UTC)
        assert read[note.id].tags == ("exit tickets", "fractions")
        assert read[link.id].size is None and read[link.id].identifying
        assert any(piece.versions for piece in read.values())  # the copy without the place
        assert any(piece.size for piece in read.values())
        assert any(piece.media is not None and piece.media.gps is not None
                   for piece in read.values())
        assert evidence.live([]) == {}
        assert evidence.live([note.id]) == {note.id: everything[note.id]}
        page = evidence.library_page(limit=len(everything))  # the library's first page
        assert {piece.id: piece for piece in page.items} == everything
    finally:
        workspace.close()
