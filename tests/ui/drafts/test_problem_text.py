"""A draft check's problems as the window words them: in English the same words the readiness
rules write (so no fact is lost on the way), in Spanish no English but the teacher's own data."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from mcdesk.core.catalog import EvidenceKind
from mcdesk.core.drafts import ReadinessProblem
from mcdesk.core.evidence import Consent, RosterHit
from mcdesk.core.readiness import CODES, ServerLimits, TextNameHit
from mcdesk.ui.drafts.problem_text import problem_text
from mcdesk.ui.shell import language
from tests.core.test_readiness import MC, PLACE, check, draft, evidence, library
from tests.ui.i18n_helpers import english_words

#: Wordings the window words on purpose differently from the rules' English: a link's problem
#: leaves out the rules' reason (it has no translation).
REWORDED = {"link.answer", "link.caption", "link.evidence"}


def every_problem() -> list[ReadinessProblem]:
    items = library(
        evidence("video", EvidenceKind.VIDEO, duration=8.0, size=20_000_000,
                 consent=Consent.NOT_SET, gps=PLACE, versions=("clean",)),
        evidence("clean", EvidenceKind.VIDEO, duration=900.0, title="Lesson (no location)"),
        evidence("silent", EvidenceKind.VIDEO, duration=None),
        evidence("photo", EvidenceKind.IMAGE, identifying=("owner/artist name",), gps=PLACE),
        evidence("scan", EvidenceKind.DOCUMENT, identifying=("author",)),
        evidence("slides", EvidenceKind.LINK, url="htp://nowhere"),
        evidence("notes", EvidenceKind.TEXT),
    )
    problems: list[ReadinessProblem] = []
    problems += check(
        draft(answers={"p1-context": "short http//bad Maya", "p1-stray": "x",
                       "p1-extra": "one two three four five six seven"},
              attachments=[("p2-video", "video", "Maya https:/x"), ("p2-video", "photo", ""),
                           ("p2-video", "silent", ""), ("p2-video", "clean", ""),
                           ("p2-samples", "gone", ""), ("p2-samples", "scan", ""),
                           ("p2-samples", "notes", ""), ("p2-samples", "photo", ""),
                           ("p2-samples", "video", ""), ("p2-links", "slides", "")]),
        items,
        roster_hits=[RosterHit("photo", "photo", "Maya", "title", "[Maya]"),
                     RosterHit("scan", "scan", "Maya", "text", "…[Maya] said…"),
                     RosterHit("notes", "notes", "Maya", "file name", "[Maya].txt")],
        text_hits=[TextNameHit("p1-context", "Maya", "short [Maya]"),
                   TextNameHit("p2-video", "Maya", "[Maya]", evidence_id="video")],
        server_limits=ServerLimits(name="riverbend", max_file_bytes=1, max_total_bytes=1,
                                   accepted_media_types=("image/png",)),
        unavailable={"photo": "its stored file is missing"},
    ).problems
    problems += check(draft(answers={}, attachments=[]), library()).problems
    problems += check(draft(answers={"p1-context": " ".join(["word"] * 12)},
                            attachments=[("p2-samples", "photo", "")]),
                      library(evidence("photo", EvidenceKind.IMAGE))).problems
    return problems


def test_every_wording_of_the_rules_is_known_to_the_window() -> None:
    problems = every_problem()
    assert {p.code for p in problems} == set(CODES)
    assert all(p.message for p in problems), [p for p in problems if not p.message]
    assert len({p.message for p in problems}) >= 24


def test_in_english_the_window_says_what_the_rules_say() -> None:
    def same(text: str) -> str:
        return text.replace("“", '"').replace("”", '"')

    for problem in every_problem():
        if problem.message in REWORDED:
            continue
        assert problem_text(problem) == (problem.where, same(problem.problem),
                                         same(problem.fix)) or tuple(
            same(t) for t in problem_text(problem)) == (
            problem.where, same(problem.problem), same(problem.fix)), problem.message


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert language.install(qapp, "es")
    yield
    language.install(qapp, "en")


def test_in_spanish_only_the_teachers_data_stays_english(spanish: None) -> None:
    data = [MC.name, *(part.name for part in MC.submission_parts),
            *(c.prompt for part in MC.submission_parts for c in part.criteria),
            "Lesson (no location)", "owner/artist name", "its stored file is missing",
            "p1-stray", "riverbend", "Maya", "author"]
    data += [e.title for e in library(*(evidence(i, EvidenceKind.VIDEO) for i in (
        "video", "clean", "silent", "photo", "scan", "slides", "notes"))).values()]
    allowed = sorted(set(data), key=len, reverse=True)
    for problem in every_problem():
        _where, said, fix = problem_text(problem)
        for text in (said, fix):
            assert not english_words(text, allowed), (problem.message, text)
