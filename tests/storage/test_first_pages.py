"""What the places read for their first paint: the newest few credentials and the top of the
review queue in the same order as the whole lists; the evidence library's cached search words
read again when evidence changed, not after a write elsewhere; folded words."""

from __future__ import annotations

from pathlib import Path

from benchmarks.fixture import add_place_rows
from mcdesk.core.evidence import Evidence
from mcdesk.core.text import fold
from mcdesk.services.workspace import Workspace
from mcdesk.storage.evidence_listing import EvidenceListing
from mcdesk.storage.portfolio import DB_NAME


def test_first_credentials_and_reviews_come_in_the_lists_order(tmp_path: Path) -> None:
    root = tmp_path / "p"
    Workspace.open(root, seed_demo=True).close()
    add_place_rows(root, drafts=6, reviews=7, credentials=9)
    workspace = Workspace.open(root, create=False, seed_demo=False)
    try:
        everything = workspace.badges.list()
        assert len(everything) == 9
        assert workspace.badges.lines(4) == [c.line for c in everything[:4]]
        queue = workspace.reviews.summaries()
        assert len(queue) == 7
        assert workspace.reviews.summaries(3) == queue[:3]
        lines = workspace.drafts.lines()
        assert len(lines) == 6 and workspace.drafts.lines(2) == lines[:2]

    finally:
        workspace.close()


def test_the_cached_words_are_read_again_only_when_evidence_changed(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    listing = EvidenceListing(tmp_path / "p" / DB_NAME)
    try:
        evidence = workspace.evidence
        lesson = evidence.add_text("Fractions lesson", "Halves and quarters.")
        evidence.add_link("https://example.org/café", "Family café")
        first, total = listing.matching()
        assert total == 2 and first == (evidence.get(first[0]).id, lesson.id)

        workspace.evidence.add_roster_name("Ana Lima")  # a write, not to evidence
        again, _total = listing.matching()
        assert again is first  # the same rows, not read again

        evidence.rename(lesson.id, "Équivalent fractions")
        assert listing.matching(None, [fold("equivalent")]) == ((lesson.id,), 2)
        evidence.move_to_trash(lesson.id)
        assert listing.matching() == ((first[0],), 1)
        assert listing.matching("link", [fold("CAFE")]) == ((first[0],), 1)
    finally:
        listing.close()
        workspace.close()


def test_pieces_read_once_come_from_memory_until_evidence_changes(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    listing = EvidenceListing(tmp_path / "p" / DB_NAME)
    asked: list[list[str]] = []

    def read(ids: list[str]) -> dict[str, Evidence]:
        asked.append(sorted(ids))
        return workspace.evidence.live(ids)

    try:
        evidence = workspace.evidence
        one, two = (evidence.add_text(f"Notes {n}", "x").id for n in (1, 2))
        assert listing.pieces([one], read)[one].title == "Notes 1"
        assert set(listing.pieces([one, two], read)) == {one, two}
        assert asked == [[one], [two]]  # the first was not read again
        workspace.evidence.add_roster_name("Ana Lima")  # a write, not to evidence
        listing.pieces([one, two], read)
        assert len(asked) == 2
        evidence.rename(one, "Renamed")
        assert listing.pieces([one], read)[one].title == "Renamed"
        assert asked[-1] == [one]
        # Provenance recorded after its piece was read (a coach's capture is two writes).
        assert listing.pieces([two], read)[two].provenance is None
        workspace.coaching.record_capture(workspace.evidence.get(two))
        assert listing.pieces([two], read)[two].provenance is not None
    finally:
        listing.close()
        workspace.close()


def matches_words(words: str, title: str) -> bool:
    """The search boxes' rule, written plainly: every word, folded, somewhere in the title."""
    return all(term in fold(title) for term in fold(words).split())


def test_folding_drops_case_and_accents() -> None:
    assert fold("Évaluación Formativa") == "evaluacion formativa"
    assert fold("Straße") == "strasse" and fold("Plain") == "plain"


def test_a_search_typed_letter_by_letter_finds_what_a_fresh_search_finds(
        tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    listing = EvidenceListing(tmp_path / "p" / DB_NAME)
    fresh = EvidenceListing(tmp_path / "p" / DB_NAME)
    try:
        evidence = workspace.evidence
        titles = ["Student work", "Stuart's notes", "Studio photo", "Lesson plan", "Sticky notes"]
        for title in titles:
            evidence.add_text(title, "x")
        typed = ["s", "st", "stu", "stud", "student", "studen", "st", "s notes", "notes s",
                 "zebra", ""]
        for words in typed:
            terms = fold(words).split()
            found, _total = listing.matching(None, terms)
            expected = {e.id for e in evidence.all() if matches_words(words, e.title)}
            assert set(found) == expected, words
            assert found == fresh.matching(None, terms)[0]  # and in the same order
            fresh.close()
        # A new piece after a search is found by the next letter too.
        listing.matching(None, ["stu"])
        evidence.add_text("Studies of wait time", "x")
        assert len(listing.matching(None, ["stud"])[0]) == 3  # with Student and Studio
        assert listing.matching("link", ["stud"])[0] == ()
    finally:
        fresh.close()
        listing.close()
        workspace.close()
