"""The readiness rules on plain data, without a portfolio: every problem code, where it points
and what it tells the teacher to do."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from mcdesk.core.catalog import (
    EvidenceKind,
    MediaLimits,
    MicroCredential,
    PartKind,
    ResponseKind,
    SubmissionCriterion,
    SubmissionPart,
)
from mcdesk.core.drafts import (
    Answer,
    Attachment,
    Draft,
    DraftStatus,
    Readiness,
    ReadinessProblem,
    Severity,
)
from mcdesk.core.evidence import Consent, Evidence, GpsPoint, MediaInfo, RosterHit
from mcdesk.core.readiness import (
    CODES,
    ServerLimits,
    TextNameHit,
    check_readiness,
    link_problem,
    word_range,
)

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
PLACE = GpsPoint(40.78, -73.97)
VIDEO, IMAGE, DOCUMENT, LINK = (EvidenceKind.VIDEO, EvidenceKind.IMAGE, EvidenceKind.DOCUMENT,
                                EvidenceKind.LINK)

MC = MicroCredential(
    achievement_id="https://example.org/mc/exit-tickets",
    version="1.0",
    name="Exit tickets",
    description="",
    criteria_narrative="",
    submission_parts=(
        SubmissionPart("part-1", "Part 1. Overview questions", PartKind.OVERVIEW, (
            SubmissionCriterion("p1-context", "Describe your class and the lesson.",
                                ResponseKind.TEXT, min_words=5, max_words=10),
            SubmissionCriterion("p1-extra", "Anything else the assessor should know?",
                                ResponseKind.TEXT, required=False, max_words=5),
        )),
        SubmissionPart("part-2", "Part 2. Work examples / artifacts", PartKind.ARTIFACTS, (
            SubmissionCriterion("p2-video", "A 5–10 minute video of the end of the lesson.",
                                ResponseKind.EVIDENCE, evidence_kinds=(VIDEO,), min_items=1,
                                max_items=1, media=MediaLimits(300, 600, 10_000_000)),
            SubmissionCriterion("p2-samples", "Two or three exit tickets, sorted.",
                                ResponseKind.EVIDENCE, evidence_kinds=(IMAGE, DOCUMENT),
                                min_items=2, max_items=3),
            SubmissionCriterion("p2-links", "Optional: a link to your slides.",
                                ResponseKind.EVIDENCE, required=False,
                                evidence_kinds=(LINK,)),
        )),
    ),
)
GOOD_ANSWER = "Grade four, twenty six students, fractions lesson."  # 7 words


def evidence(eid: str, kind: EvidenceKind, *, title: str | None = None,
             consent: Consent = Consent.CONSENTED, size: int = 1000,
             duration: float | None = None, gps: GpsPoint | None = None,
             identifying: tuple[str, ...] = (), url: str | None = None,
             mime: str | None = None, versions: tuple[str, ...] = ()) -> Evidence:
    mime = mime or {VIDEO: "video/mp4", IMAGE: "image/jpeg", DOCUMENT: "application/pdf",
                    LINK: "text/html"}.get(kind, "text/plain")
    media = None if kind is LINK else MediaInfo(kind=kind, mime_type=mime, duration_s=duration,
                                                gps=gps, identifying=identifying)
    return Evidence(id=eid, kind=kind, title=title or eid, created_at=NOW,
                    original_name=f"{eid}.bin", sha256=eid.ljust(64, "0"), size=size, url=url,
                    consent=consent, media=media, versions=versions)


def library(*items: Evidence) -> dict[str, Evidence]:
    return {item.id: item for item in items}


BASE_EVIDENCE = library(
    evidence("video", VIDEO, title="Lesson video", duration=420.0, size=5_000_000),
    evidence("photo", IMAGE, title="Ticket A"),
    evidence("plan", DOCUMENT, title="Next lesson plan"),
)


def draft(answers: dict[str, str] | None = None,
          attachments: list[tuple[str, str, str]] | None = None) -> Draft:
    if answers is None:
        answers = {"p1-context": GOOD_ANSWER}
    if attachments is None:
        attachments = [("p2-video", "video", ""), ("p2-samples", "photo", ""),
                       ("p2-samples", "plan", "")]
    positions: dict[str, int] = {}
    attached = []
    for criterion_id, evidence_id, caption in attachments:
        position = positions.get(criterion_id, 0)
        positions[criterion_id] = position + 1
        attached.append(Attachment(criterion_id, evidence_id, position, caption))
    return Draft(id="d1", achievement_id=MC.achievement_id, mc_version="1.0",
                 mc_name=MC.name, attempt=1, status=DraftStatus.DRAFT, created_at=NOW,
                 updated_at=NOW,
                 answers=tuple(Answer(c, t, NOW) for c, t in answers.items()),
                 attachments=tuple(attached))


def check(the_draft: Draft | None = None, items: dict[str, Evidence] | None = None,
          **kwargs: Any) -> Readiness:
    return check_readiness(the_draft or draft(), MC,
                           BASE_EVIDENCE if items is None else items, **kwargs)


def only(readiness: Readiness, code: str) -> ReadinessProblem:
    found = [p for p in readiness.problems if p.code == code]
    assert len(found) == 1, readiness.problems
    return found[0]


def codes(readiness: Readiness) -> list[str]:
    return [p.code for p in readiness.problems]


# --- the whole draft ----------------------------------------------------------------------------


def test_a_complete_draft_is_ready_with_every_criterion_done() -> None:
    readiness = check()
    assert readiness.problems == ()
    assert readiness.ready
    assert (readiness.criteria_done, readiness.criteria_total) == (5, 5)


def test_an_empty_draft_lists_what_each_required_criterion_needs_in_checklist_order() -> None:
    readiness = check(draft(answers={}, attachments=[]), library())
    assert codes(readiness) == ["missing-answer", "missing-evidence", "missing-evidence"]
    assert [p.criterion_id for p in readiness.problems] == ["p1-context", "p2-video",
                                                            "p2-samples"]
    assert not readiness.ready
    # The two optional criteria need nothing.
    assert (readiness.criteria_done, readiness.criteria_total) == (2, 5)
    answer, video, samples = readiness.problems
    assert answer.where == "Part 1. Overview questions › Describe your class and the lesson."
    assert "5–10 words" in answer.fix
    assert video.problem == "Nothing is attached yet; this criterion asks for a video."
    assert video.fix == "Attach a video from your evidence."
    assert "2–3 photos or documents" in samples.problem


def test_every_code_is_documented_and_every_problem_says_where_and_how() -> None:
    everything = check(
        draft(answers={"p1-context": "Too short. See https:/example.org",
                       "old-criterion": "kept"},
              attachments=[("p2-video", "photo", ""), ("p2-video", "video", ""),
                           ("p2-samples", "gone", "")]),
        library(evidence("video", VIDEO, duration=None, consent=Consent.NOT_SET, gps=PLACE),
                evidence("photo", IMAGE)),
    )
    assert set(codes(everything)) <= set(CODES)
    for problem in everything.problems:
        assert problem.where and problem.problem and problem.fix
        assert problem.problem.endswith((".", "…")) or ":" in problem.problem


# --- written answers ----------------------------------------------------------------------------


def test_word_count_under_and_over_the_range() -> None:
    short = only(check(draft({"p1-context": "Fourth grade."})), "word-count")
    assert short.problem == "The answer has 2 words; this question asks for 5–10 words."
    assert short.fix == "Add at least 3 more words."
    assert short.criterion_id == "p1-context"
    long_text = " ".join(["word"] * 13)
    over = only(check(draft({"p1-context": long_text})), "word-count")
    assert over.problem == "The answer has 13 words; this question asks for 5–10 words."
    assert over.fix == "Cut at least 3 words."


def test_hyphenated_words_count_once_and_the_edges_of_the_range_pass() -> None:
    assert check(draft({"p1-context": "one two three four five"})).ready
    assert check(draft({"p1-context": "a well-known, teacher's one two three four five six "
                                      "seven"})).ready  # 10 words


def test_an_optional_answer_is_checked_only_when_written() -> None:
    assert check(draft({"p1-context": GOOD_ANSWER, "p1-extra": ""})).ready
    over = only(check(draft({"p1-context": GOOD_ANSWER,
                             "p1-extra": "one two three four five six"})), "word-count")
    assert over.criterion_id == "p1-extra"
    assert "at most 5 words" in over.problem


def test_a_blank_answer_is_missing() -> None:
    problem = only(check(draft({"p1-context": "  \n "})), "missing-answer")
    assert problem.problem == "No answer yet."


def test_word_range_wording() -> None:
    assert word_range(100, 250) == "100–250 words"
    assert word_range(100, None) == "at least 100 words"
    assert word_range(None, 250) == "at most 250 words"
    assert word_range(None, None) == ""


# --- attached evidence --------------------------------------------------------------------------


def test_too_few_and_too_many_items() -> None:
    few = only(check(draft(attachments=[("p2-video", "video", ""),
                                        ("p2-samples", "photo", "")])), "item-count")
    assert few.problem == "1 item attached; this criterion asks for 2–3 photos or documents."
    assert few.fix == "Attach 1 more."
    items = library(*BASE_EVIDENCE.values(), evidence("p2", IMAGE), evidence("p3", IMAGE))
    many = only(check(draft(attachments=[
        ("p2-video", "video", ""), *[("p2-samples", e, "") for e in
                                     ("photo", "plan", "p2", "p3")]]), items), "item-count")
    assert many.problem == "4 items attached; this criterion accepts at most 3."
    assert many.fix.startswith("Detach 1")


def test_an_item_of_a_kind_the_criterion_does_not_accept() -> None:
    problem = only(check(draft(attachments=[("p2-video", "photo", ""),
                                            ("p2-samples", "photo", ""),
                                            ("p2-samples", "plan", "")])), "wrong-kind")
    assert problem.where == ('Part 2. Work examples / artifacts › A 5–10 minute video of the '
                             'end of the lesson. › "Ticket A"')
    assert problem.problem == '"Ticket A" is a photo; this criterion accepts videos only.'
    assert problem.fix == "Detach it and attach a video instead."
    assert problem.evidence_id == "photo"


def test_video_duration_against_the_criterion() -> None:
    def with_video(seconds: float | None) -> Readiness:
        items = dict(BASE_EVIDENCE)
        items["video"] = replace(items["video"], media=MediaInfo(
            kind=VIDEO, mime_type="video/mp4", duration_s=seconds))
        return check(items=items)

    short = only(with_video(8.0), "duration")
    assert short.problem == '"Lesson video" is 0:08 long; this criterion asks for 5:00–10:00.'
    assert short.fix == "Attach a longer recording (at least 5:00)."
    long_ = only(with_video(725.0), "duration")
    assert "12:05" in long_.problem and "Trim it to at most 10:00" in long_.fix
    assert with_video(300.0).ready and with_video(600.2).ready
    unknown = with_video(None)
    assert only(unknown, "duration-unknown").severity is Severity.WARNING
    assert unknown.ready  # a warning does not block


def test_file_size_against_the_criterion() -> None:
    items = dict(BASE_EVIDENCE)
    items["video"] = replace(items["video"], size=12 * 1024**2)
    problem = only(check(items=items), "file-size")
    assert problem.problem == ('"Lesson video" is 12.0 MB; this criterion accepts files up to '
                               "9.5 MB.")
    assert "Compress" in problem.fix


def test_evidence_that_is_gone_or_unavailable() -> None:
    gone = only(check(draft(attachments=[("p2-video", "video", ""),
                                         ("p2-samples", "photo", ""),
                                         ("p2-samples", "vanished", "")])), "evidence-missing")
    assert gone.evidence_id == "vanished"
    trashed = only(check(unavailable={"plan": "it is in the trash"}), "evidence-missing")
    assert trashed.problem == '"Next lesson plan" cannot be sent: it is in the trash.'
    assert trashed.fix.startswith("Detach it")


# --- privacy ------------------------------------------------------------------------------------


def test_roster_names_in_evidence_answers_and_captions() -> None:
    hits = [RosterHit("plan", "Next lesson plan", "Maya Lopez", "PDF page 1",
                      "…group: [Maya Lopez] and…")]
    text_hits = [TextNameHit("p1-context", "Maya Lopez", "…like [Maya Lopez] said…"),
                 TextNameHit("p2-samples", "Maya Lopez", "[Maya Lopez]'s ticket", "photo")]
    readiness = check(roster_hits=hits, text_hits=text_hits)
    found = [p for p in readiness.problems if p.code == "roster-name"]
    assert [(p.criterion_id, p.evidence_id) for p in found] == [
        ("p1-context", None), ("p2-samples", "photo"), ("p2-samples", "plan")]
    answer, caption, document = found
    assert answer.problem.startswith('Your answer names "Maya Lopez"')
    assert "Student A" in answer.fix
    assert caption.problem.startswith('The caption names "Maya Lopez"')
    assert document.problem == ('The name "Maya Lopez" appears in the PDF page 1 of "Next lesson '
                                'plan": …group: [Maya Lopez] and…')
    assert not readiness.ready


def test_roster_name_in_a_file_name_or_title_gets_its_own_fix() -> None:
    for where, words in (("file name", "Rename the file"), ("title", "Change its title")):
        hit = RosterHit("photo", "Ticket A", "Maya", where, "[Maya].jpg")
        assert words in only(check(roster_hits=[hit]), "roster-name").fix


def test_consent_not_set_or_not_yet_blocks_blurred_and_consented_pass() -> None:
    for consent, words in ((Consent.NOT_SET, "consent is not set"),
                           (Consent.NOT_YET, 'consent is "not yet"')):
        items = dict(BASE_EVIDENCE)
        items["video"] = replace(items["video"], consent=consent)
        problem = only(check(items=items), "consent")
        assert words in problem.problem and "Blur faces" in problem.fix
    items = dict(BASE_EVIDENCE)
    items["video"] = replace(items["video"], consent=Consent.BLURRED)
    assert check(items=items).ready
    items["plan"] = replace(items["plan"], consent=Consent.NOT_SET)  # documents need none
    assert check(items=items).ready


def test_gps_is_reported_once_per_item_even_when_it_serves_two_criteria() -> None:
    items = dict(BASE_EVIDENCE)
    items["plan"] = evidence("plan", IMAGE, title="Ticket B", gps=PLACE)
    the_draft = draft(attachments=[("p2-video", "video", ""), ("p2-samples", "photo", ""),
                                   ("p2-samples", "plan", ""), ("p2-video", "plan", "")])
    readiness = check(the_draft, items)
    gps = only(readiness, "gps")
    assert gps.problem == '"Ticket B" still holds the place where it was taken (GPS).'
    assert "Remove location and details" in gps.fix
    # ...while the criterion-level problems are reported for each criterion it is under.
    assert codes(readiness).count("wrong-kind") == 1 and codes(readiness).count("item-count") == 1


def test_gps_fix_points_at_a_copy_without_location_when_there_is_one() -> None:
    items = dict(BASE_EVIDENCE)
    items["photo"] = replace(items["photo"], versions=("clean",),
                             media=MediaInfo(kind=IMAGE, mime_type="image/jpeg", gps=PLACE))
    items["clean"] = evidence("clean", IMAGE, title="Ticket A (location and details removed)")
    gps = only(check(items=items), "gps")
    assert gps.fix == ('Detach it and attach its copy "Ticket A (location and details removed)" '
                       "instead, which holds no location.")


def test_identifying_details_are_a_warning_and_a_camera_model_is_not_one() -> None:
    items = dict(BASE_EVIDENCE)
    items["plan"] = evidence("plan", DOCUMENT, title="Next lesson plan",
                             identifying=("document author", "camera make and model"))
    warning = only(check(items=items), "identifying-details")
    assert warning.severity is Severity.WARNING
    assert warning.problem == '"Next lesson plan" carries identifying details: document author.'
    assert check(items=items).ready
    items["plan"] = evidence("plan", DOCUMENT, identifying=("camera make and model",))
    assert check(items=items).problems == ()


# --- links --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "why"), [
    ("https://example.org/slides", None),
    ("http://localhost:8080/x", None),
    ("https://user@docs.example.co.uk/a?b=c#d", None),
    ("", "it is empty"),
    ("https://exa mple.org", "it contains a space"),
    ("ftp://example.org", "it should start with https:// (or http://)"),
    ("example.org", "it should start with https:// (or http://)"),
    ("https:/example.org", "it should start with https:// (two slashes)"),
    ("https://", "it names no web site after https://"),
    ("https://example", '"example" is not a web site name'),
    ("https://exa_mple.org", '"exa_mple.org" is not a web site name'),
])
def test_link_problem(url: str, why: str | None) -> None:
    assert link_problem(url) == why


def test_a_malformed_link_evidence_and_a_malformed_address_in_an_answer() -> None:
    items = library(*BASE_EVIDENCE.values(),
                    evidence("slides", LINK, title="Slides", url="https://slides"))
    readiness = check(draft(answers={"p1-context": "See https:/example.org/plan for the whole "
                                                   "plan."},
                            attachments=[("p2-video", "video", ""),
                                         ("p2-samples", "photo", ""),
                                         ("p2-samples", "plan", ""),
                                         ("p2-links", "slides", "Also https://ok.example.org.")]),
                      items)
    answer, link = [p for p in readiness.problems if p.code == "link"]
    assert answer.criterion_id == "p1-context"
    assert answer.problem == ('Your answer has the web address "https:/example.org/plan", which '
                              "is not well-formed: it should start with https:// (two slashes).")
    assert link.evidence_id == "slides"
    assert '"slides" is not a web site name' in link.problem
    good = library(*BASE_EVIDENCE.values(),
                   evidence("slides", LINK, title="Slides", url="https://slides.example.org"))
    assert check(draft(attachments=[("p2-video", "video", ""), ("p2-samples", "photo", ""),
                                    ("p2-samples", "plan", ""), ("p2-links", "slides", "")]),
                 good).ready


# --- the server's limits ------------------------------------------------------------------------


def test_server_limits_per_file_in_total_and_by_type() -> None:
    server = ServerLimits(name="Riverbend's server", max_file_bytes=4_000_000,
                          max_total_bytes=5_000_000, accepted_media_types=("video/mp4",
                                                                           "image/*"))
    readiness = check(server_limits=server)
    size = only(readiness, "server-file-size")
    assert size.problem == ("\"Lesson video\" is 4.8 MB; Riverbend's server accepts files up "
                            "to 3.8 MB.")
    total = only(readiness, "server-total-size")
    assert total.where == "The whole submission"
    assert total.criterion_id is None
    media_type = only(readiness, "server-media-type")
    assert media_type.evidence_id == "plan"
    assert "application/pdf" in media_type.problem
    assert check(server_limits=ServerLimits(max_file_bytes=10**9)).ready
    assert ServerLimits().accepts_type("anything/at-all")


# --- stray work ---------------------------------------------------------------------------------


def test_work_for_a_criterion_this_version_does_not_ask_for_is_a_warning() -> None:
    readiness = check(draft(answers={"p1-context": GOOD_ANSWER, "p1-removed": "old text"}))
    warning = only(readiness, "unknown-criterion")
    assert warning.severity is Severity.WARNING and warning.criterion_id == "p1-removed"
    assert "version 1.0 of Exit tickets" in warning.problem
    assert readiness.ready


def test_every_documented_code_can_be_produced() -> None:
    produced: set[str] = set()
    items = library(
        evidence("video", VIDEO, duration=8.0, size=20_000_000, consent=Consent.NOT_SET,
                 gps=PLACE),
        evidence("silent", VIDEO, duration=None),
        evidence("photo", IMAGE, identifying=("owner/artist name",)),
        evidence("slides", LINK, url="htp://nowhere"),
    )
    readiness = check(
        draft(answers={"p1-context": "short", "p1-stray": "x"},
              attachments=[("p2-video", "video", ""), ("p2-video", "photo", ""),
                           ("p2-video", "silent", ""), ("p2-samples", "gone", ""),
                           ("p2-links", "slides", "")]),
        items,
        roster_hits=[RosterHit("photo", "photo", "Maya", "title", "[Maya]")],
        server_limits=ServerLimits(max_file_bytes=1, max_total_bytes=1,
                                   accepted_media_types=("image/png",)),
        unavailable={"photo": "its stored file is missing"},
    )
    produced |= set(codes(readiness))
    produced |= set(codes(check(draft(answers={}, attachments=[]), library())))
    assert produced == set(CODES)
