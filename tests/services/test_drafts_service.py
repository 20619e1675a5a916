"""Drafts through the service the CLI and the window use: a real SQLite portfolio, real evidence
files made by mcdesk.media.demo, and a real process killed mid-typing."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mcdesk.core.drafts import CriterionFeedback, DraftStatus
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.evidence import Consent, Evidence, GpsPoint, StripMetadata
from mcdesk.core.readiness import ServerLimits
from mcdesk.media import demo
from mcdesk.services.catalog import CatalogService
from mcdesk.services.drafts import DraftService
from mcdesk.services.evidence import EvidenceService
from mcdesk.services.workspace import Workspace
from mcdesk.storage import draft_store
from mcdesk.storage.portfolio import Portfolio
from tests.conftest import DEMO_CATALOG
from tests.kill_helpers import kill_while_working

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
RUBRIC = f"{EXIT_TICKETS}/rubric"
PLACE = GpsPoint(40.7812, -73.9665)
START = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Services:
    portfolio: Portfolio
    catalog: CatalogService
    evidence: EvidenceService
    drafts: DraftService
    clock: FakeClock

    def close(self) -> None:
        self.portfolio.close()


def open_services(root: Path) -> Services:
    portfolio = Portfolio.open(root)
    catalog = CatalogService(portfolio)
    if catalog.count() == 0:
        catalog.import_file(DEMO_CATALOG)
    evidence = EvidenceService(portfolio)
    clock = FakeClock()
    return Services(portfolio, catalog, evidence,
                    DraftService(portfolio, catalog, evidence, clock=clock), clock)


@dataclass(frozen=True)
class Library:
    video: Evidence  # 3 s, with GPS
    photo_gps: Evidence
    photo: Evidence  # no GPS
    plan: Evidence  # a PDF that names a student
    link: Evidence


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, Library]]:
    """One portfolio with the demo catalog and real evidence, shared by the tests that only add
    drafts to it."""
    folder = tmp_path_factory.mktemp("media")
    files = [
        demo.make_demo_video(folder / "lesson.mp4", seconds=3.0, gps=PLACE),
        demo.make_demo_photo(folder / "ticket-a.jpg", gps=PLACE, text="3/4 > 2/3"),
        demo.make_demo_photo(folder / "ticket-b.jpg", gps=None, text="1/2 = 2/4"),
        demo.make_demo_pdf(folder / "plan.pdf", title="Next lesson",
                           paragraphs=["Small group: Maya Lopez and two others revisit "
                                       "number lines."]),
    ]
    services = open_services(tmp_path_factory.mktemp("shared") / "portfolio")
    report = services.evidence.add_paths(files)
    assert report.ok, report.results
    video, photo_gps, photo, plan = (result.evidence for result in report.results)
    assert video and photo_gps and photo and plan
    link = services.evidence.add_link("https://slides.example.org/exit-tickets", "Slides")
    yield services, Library(video, photo_gps, photo, plan, link)
    services.close()


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    """A portfolio of its own with the demo catalog and no evidence."""
    opened = open_services(tmp_path / "portfolio")
    yield opened
    opened.close()


# --- starting and finding drafts ----------------------------------------------------------------


def test_a_new_draft_is_pinned_to_the_current_version_and_found_by_a_prefix(
        shared: tuple[Services, Library]) -> None:
    s, _ = shared
    draft = s.drafts.new("exit-tickets")
    assert (draft.achievement_id, draft.mc_version, draft.attempt) == (EXIT_TICKETS, "1.0", 1)
    assert draft.mc_name == "Checking for Understanding with Exit Tickets"
    assert draft.status is DraftStatus.DRAFT and draft.submission_id
    assert draft.id in {d.id for d in s.drafts.list()}
    assert s.drafts.resolve(draft.id[:6]).id == draft.id
    with pytest.raises(NotFoundError, match="at least 6 characters"):
        s.drafts.resolve(draft.id[:3])
    with pytest.raises(NotFoundError, match='no draft matches "ffffffffff"'):
        s.drafts.resolve("ffffffffff")
    mc = s.drafts.micro_credential(draft)
    assert [c.id for p in mc.submission_parts for c in p.criteria] == [
        "p1-context", "p1-design", "p2-video", "p2-samples", "p2-plan", "p3-impact"]
    assert s.drafts.criterion(draft, "P2-SAM").id == "p2-samples"
    with pytest.raises(McdeskError, match="matches several criteria"):
        s.drafts.criterion(draft, "p2")
    with pytest.raises(McdeskError, match=r'"p9" is not a submission criterion.*p1-context'):
        s.drafts.criterion(draft, "p9")


def test_a_plain_achievement_cannot_be_drafted(shared: tuple[Services, Library]) -> None:
    s, _ = shared
    with pytest.raises(McdeskError, match=r"has no submission criteria .*plain Open Badges"):
        s.drafts.new("culturally-responsive-read-alouds")
    with pytest.raises(NotFoundError, match="no micro-credential"):
        s.drafts.new("no-such-credential")


def test_a_deleted_draft_goes_to_the_trash_with_its_answers(
        shared: tuple[Services, Library]) -> None:
    s, _ = shared
    draft = s.drafts.new(EXIT_TICKETS)
    s.drafts.write_answer(draft.id, "p1-context", "Kept through the trash.")
    s.drafts.delete(draft.id)
    assert draft.id not in {d.id for d in s.drafts.list()}
    assert draft.id in {d.id for d in s.drafts.trashed()}
    with pytest.raises(NotFoundError):
        s.drafts.get(draft.id)
    restored = s.drafts.restore(draft.id)
    assert restored.answer("p1-context") == "Kept through the trash."


# --- evidence on the checklist ------------------------------------------------------------------


def test_attach_reorder_caption_and_detach(shared: tuple[Services, Library]) -> None:
    s, lib = shared
    draft = s.drafts.new(EXIT_TICKETS)
    for item in (lib.photo_gps, lib.photo, lib.plan):
        s.drafts.attach(draft.id, "p2-samples", item.id)
    # One item may serve several criteria.
    s.drafts.attach(draft.id, "p2-plan", lib.plan.id, "  The changes are highlighted.  ")
    order = s.drafts.move(draft.id, "p2-samples", lib.plan.id, 0)
    assert [a.evidence_id for a in order] == [lib.plan.id, lib.photo_gps.id, lib.photo.id]
    s.drafts.move(draft.id, "p2-samples", lib.photo.id, 99)  # clamped to the end
    s.drafts.set_caption(draft.id, "p2-samples", lib.photo_gps.id, "Sorted as got it")
    got = s.drafts.get(draft.id)
    assert [(a.evidence_id, a.position, a.caption) for a in got.attached("p2-samples")] == [
        (lib.plan.id, 0, ""), (lib.photo_gps.id, 1, "Sorted as got it"), (lib.photo.id, 2, "")]
    assert got.attached("p2-plan")[0].caption == "The changes are highlighted."
    s.drafts.detach(draft.id, "p2-samples", lib.plan.id)
    got = s.drafts.get(draft.id)
    assert [(a.evidence_id, a.position) for a in got.attached("p2-samples")] == [
        (lib.photo_gps.id, 0), (lib.photo.id, 1)]
    assert [a.evidence_id for a in got.attached("p2-plan")] == [lib.plan.id]
    with pytest.raises(NotFoundError, match="not attached"):
        s.drafts.detach(draft.id, "p2-samples", lib.plan.id)


def test_attaching_is_refused_with_a_reason(shared: tuple[Services, Library]) -> None:
    s, lib = shared
    draft = s.drafts.new(EXIT_TICKETS)
    with pytest.raises(McdeskError,
                       match=r'"ticket-b" is a photo; "A 5–10 minute video.*" accepts videos'):
        s.drafts.attach(draft.id, "p2-video", lib.photo.id)
    with pytest.raises(McdeskError, match="asks for a written answer"):
        s.drafts.attach(draft.id, "p1-context", lib.plan.id)
    s.drafts.attach(draft.id, "p2-plan", lib.plan.id)
    with pytest.raises(McdeskError, match='"plan" is already attached'):
        s.drafts.attach(draft.id, "p2-plan", lib.plan.id)
    with pytest.raises(NotFoundError, match="no evidence"):
        s.drafts.attach(draft.id, "p2-plan", "0" * 36)
    with pytest.raises(McdeskError, match="asks for evidence, not a written answer"):
        s.drafts.write_answer(draft.id, "p2-plan", "text")


def test_trashed_evidence_cannot_be_attached_and_is_reported_when_attached(
        shared: tuple[Services, Library], tmp_path: Path) -> None:
    s, _ = shared
    doc = demo.make_demo_pdf(tmp_path / "spare.pdf", title="Spare", paragraphs=["Spare copy."])
    result = s.evidence.add_file(doc)
    assert result.evidence is not None
    spare = result.evidence
    draft = s.drafts.new(EXIT_TICKETS)
    s.drafts.attach(draft.id, "p2-plan", spare.id)
    s.evidence.move_to_trash(spare.id)
    problem = next(p for p in s.drafts.check(draft.id).problems if p.evidence_id == spare.id)
    assert problem.code == "evidence-missing" and "in the trash" in problem.problem
    with pytest.raises(McdeskError, match='"spare" is in the trash'):
        s.drafts.attach(draft.id, "p2-samples", spare.id)


# --- answers: autosave and versions -------------------------------------------------------------


def test_typing_is_saved_at_once_and_grouped_into_versions(services: Services) -> None:
    s = services
    draft = s.drafts.new(EXIT_TICKETS)
    text = ""
    for word in ["I", "teach", "fourth", "grade", "mathematics"]:
        text = f"{text} {word}".strip()
        s.drafts.write_answer(draft.id, "p1-context", text)
        s.clock.advance(2)
    assert s.drafts.get(draft.id).answer("p1-context") == "I teach fourth grade mathematics"
    versions = s.drafts.answer_versions(draft.id, "p1-context")
    assert [v.text for v in versions] == ["I teach fourth grade mathematics"]  # one burst
    s.clock.advance(draft_store.VERSION_WINDOW_S)
    s.drafts.write_answer(draft.id, "p1-context", text + " in a public school.")
    versions = s.drafts.answer_versions(draft.id, "p1-context")
    assert [v.text for v in versions] == [text + " in a public school.", text]
    assert versions[0].saved_at > versions[1].saved_at
    # A paste starts a new version at once, so the text before it can be restored.
    s.clock.advance(1)
    pasted = text + " in a public school. " + "Twenty-six students, five learning English. " * 3
    s.drafts.write_answer(draft.id, "p1-context", pasted)
    assert len(s.drafts.answer_versions(draft.id, "p1-context")) == 3
    # Writing the same text again writes nothing.
    before = s.drafts.get(draft.id).updated_at
    s.clock.advance(1)
    s.drafts.write_answer(draft.id, "p1-context", pasted)
    assert s.drafts.get(draft.id).updated_at == before


def test_an_earlier_version_is_restored_and_the_replaced_text_is_kept(
        services: Services) -> None:
    s = services
    draft = s.drafts.new(EXIT_TICKETS)
    s.drafts.write_answer(draft.id, "p3-impact", "First thoughts.")
    s.clock.advance(120)
    s.drafts.write_answer(draft.id, "p3-impact", "Second thoughts, rewritten.")
    first = s.drafts.answer_versions(draft.id, "p3-impact")[-1]
    assert first.text == "First thoughts."
    answer = s.drafts.restore_version(draft.id, first.id)
    assert answer.text == "First thoughts."
    assert s.drafts.get(draft.id).answer("p3-impact") == "First thoughts."
    versions = s.drafts.answer_versions(draft.id, "p3-impact")
    assert [v.text for v in versions] == ["First thoughts.", "Second thoughts, rewritten.",
                                          "First thoughts."]
    assert versions[0].reason.startswith("restored from ")
    # Typing right after a restore starts a new version: the restored text stays as it was.
    s.clock.advance(1)
    s.drafts.write_answer(draft.id, "p3-impact", "First thoughts. More.")
    assert s.drafts.answer_versions(draft.id, "p3-impact")[1].text == "First thoughts."
    other = s.drafts.new(EXIT_TICKETS)
    with pytest.raises(NotFoundError, match="no earlier version"):
        s.drafts.restore_version(other.id, first.id)


def test_versions_are_capped_per_answer(services: Services) -> None:
    s = services
    draft = s.drafts.new(EXIT_TICKETS)
    for number in range(draft_store.MAX_VERSIONS + 7):
        s.drafts.write_answer(draft.id, "p1-design", f"Version {number}.")
        s.clock.advance(draft_store.VERSION_WINDOW_S + 1)
    s.drafts.write_answer(draft.id, "p1-context", "Another answer keeps its own history.")
    versions = s.drafts.answer_versions(draft.id, "p1-design")
    assert len(versions) == draft_store.MAX_VERSIONS
    assert versions[0].text == f"Version {draft_store.MAX_VERSIONS + 6}."
    assert versions[-1].text == "Version 7."
    assert len(s.drafts.answer_versions(draft.id, "p1-context")) == 1


def test_an_answer_survives_the_process_being_killed_right_after_saving(
        services: Services) -> None:
    draft = services.drafts.new(EXIT_TICKETS)
    root = services.portfolio.layout.root
    services.close()
    child = textwrap.dedent("""
        import sys
        from pathlib import Path
        from mcdesk.services.workspace import Workspace

        workspace = Workspace.open(Path(sys.argv[1]), create=False)
        drafts = workspace.drafts
        number = 0
        while True:
            drafts.write_answer(sys.argv[2], "p1-context", f"Answer {number}: " + "word " * 120)
            print(number, flush=True)
            number += 1
    """)
    last = kill_while_working(child, str(root), draft.id, after=15).last
    workspace = Workspace.open(root, create=False)
    try:
        text = workspace.drafts.get(draft.id).answer("p1-context")
        saved = int(text.split(":")[0].removeprefix("Answer "))
        assert saved >= last  # nothing the child was told is saved was lost
        assert workspace.drafts.answer_versions(draft.id, "p1-context")[0].text == text
    finally:
        workspace.close()


# --- self-assessment ----------------------------------------------------------------------------


def test_self_assessment_is_kept_with_the_draft(shared: tuple[Services, Library]) -> None:
    s, _ = shared
    draft = s.drafts.new(EXIT_TICKETS)
    s.drafts.set_self_assessment(draft.id, f"{RUBRIC}/video", f"{RUBRIC}/video/proficient")
    got = s.drafts.set_self_assessment(draft.id, f"{RUBRIC}/overview",
                                       f"{RUBRIC}/overview/developing")
    assert got.self_level(f"{RUBRIC}/video") == f"{RUBRIC}/video/proficient"
    assert got.self_level(f"{RUBRIC}/overview") == f"{RUBRIC}/overview/developing"
    got = s.drafts.set_self_assessment(draft.id, f"{RUBRIC}/overview", None)
    assert got.self_level(f"{RUBRIC}/overview") is None
    with pytest.raises(McdeskError, match=r"is not a level of \"Giving the exit ticket"):
        s.drafts.set_self_assessment(draft.id, f"{RUBRIC}/video", f"{RUBRIC}/overview/exemplary")
    with pytest.raises(McdeskError, match="is not a rubric criterion"):
        s.drafts.set_self_assessment(draft.id, f"{RUBRIC}/nothing", None)


# --- the pinned version -------------------------------------------------------------------------


def version_two() -> str:
    """The exit-tickets micro-credential, version 2.0: Part 1 asks for longer answers and its
    second question has a new id."""
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    achievement = next(a for a in catalog["achievements"] if a["id"] == EXIT_TICKETS)
    achievement["version"] = "2.0"
    part_one = achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"][0]
    part_one["criteria"][0]["minWords"] = 150
    part_one["criteria"][1]["id"] = "p1-questions"
    return json.dumps(achievement)


def test_a_draft_keeps_its_version_when_a_newer_one_is_imported(services: Services) -> None:
    s = services
    old = s.drafts.new(EXIT_TICKETS)
    s.drafts.write_answer(old.id, "p1-context", " ".join(["word"] * 120))
    s.drafts.write_answer(old.id, "p1-design", " ".join(["word"] * 120))
    s.catalog.import_text(version_two(), "exit-tickets-2.json")
    assert s.catalog.detail(EXIT_TICKETS).micro_credential.version == "2.0"
    assert s.drafts.get(old.id).mc_version == "1.0"
    assert s.drafts.micro_credential(old.id).version == "1.0"
    s.drafts.write_answer(old.id, "p1-design", " ".join(["word"] * 121))  # still a criterion
    problems = s.drafts.check(old.id).problems
    assert not [p for p in problems if p.criterion_id in ("p1-context", "p1-design")]
    new = s.drafts.new(EXIT_TICKETS)
    assert new.mc_version == "2.0"
    with pytest.raises(McdeskError, match='"p1-design" is not a submission criterion'):
        s.drafts.write_answer(new.id, "p1-design", "text")
    s.drafts.write_answer(new.id, "p1-context", " ".join(["word"] * 120))
    short = next(p for p in s.drafts.check(new.id).problems if p.criterion_id == "p1-context")
    assert short.code == "word-count" and "150–250 words" in short.problem


# --- decisions and resubmission -----------------------------------------------------------------


def test_resubmission_copies_the_work_shows_the_feedback_and_caps_attempts(
        shared: tuple[Services, Library]) -> None:
    s, lib = shared
    first = s.drafts.new(EXIT_TICKETS)
    s.drafts.write_answer(first.id, "p1-context", "Our class context.")
    s.drafts.attach(first.id, "p2-plan", lib.plan.id, "Highlighted changes")
    s.drafts.set_self_assessment(first.id, f"{RUBRIC}/video", f"{RUBRIC}/video/proficient")
    with pytest.raises(McdeskError, match='only a submission that came back "not yet"'):
        s.drafts.start_resubmission(first.id)
    s.drafts.set_status(first.id, DraftStatus.SUBMITTED)
    with pytest.raises(McdeskError, match="was sent and is submitted"):
        s.drafts.write_answer(first.id, "p1-context", "A change after sending.")
    feedback = [CriterionFeedback(f"{RUBRIC}/video", f"{RUBRIC}/video/developing",
                                  "Students could not see the questions."),
                CriterionFeedback(f"{RUBRIC}/overview", f"{RUBRIC}/overview/proficient", "")]
    decided = s.drafts.record_decision(first.id, DraftStatus.NOT_YET, feedback)
    assert decided.status is DraftStatus.NOT_YET
    assert {f.rubric_criterion_id for f in decided.received_feedback} == {
        f"{RUBRIC}/video", f"{RUBRIC}/overview"}
    with pytest.raises(McdeskError, match="start a resubmission"):
        s.drafts.write_answer(first.id, "p1-context", "A change after the decision.")

    second = s.drafts.start_resubmission(first.id)
    assert (second.attempt, second.previous_attempt_id) == (2, first.id)
    assert second.mc_version == first.mc_version
    assert second.submission_id != first.submission_id
    assert second.answer("p1-context") == "Our class context."
    assert [(a.evidence_id, a.caption) for a in second.attached("p2-plan")] == [
        (lib.plan.id, "Highlighted changes")]
    assert second.self_level(f"{RUBRIC}/video") == f"{RUBRIC}/video/proficient"
    assert sorted(second.feedback, key=lambda f: f.rubric_criterion_id) == sorted(
        feedback, key=lambda f: f.rubric_criterion_id)
    assert s.drafts.answer_versions(second.id, "p1-context")[0].reason == (
        "copied from attempt 1")
    # Attempt 2 changes without touching attempt 1.
    s.drafts.write_answer(second.id, "p1-context", "Our class context, with more detail.")
    assert s.drafts.get(first.id).answer("p1-context") == "Our class context."
    with pytest.raises(McdeskError, match=r"attempt 2 .* was already started"):
        s.drafts.start_resubmission(first.id)

    s.drafts.record_decision(second.id, DraftStatus.NOT_YET,
                             [CriterionFeedback(f"{RUBRIC}/video", None, "Closer.")])
    third = s.drafts.start_resubmission(second.id)
    assert third.attempt == 3
    assert [f.feedback for f in third.feedback] == ["Closer."]
    assert [d.id for d in s.drafts.attempts(second.id)] == [first.id, second.id, third.id]
    s.drafts.record_decision(third.id, DraftStatus.NOT_YET, [])
    with pytest.raises(McdeskError, match=r"allows 3 attempts and this was attempt 3, so a "
                                          r"4th attempt cannot be started"):
        s.drafts.start_resubmission(third.id)
    assert s.drafts.start_resubmission(third.id, max_attempts=4).attempt == 4


def test_decisions_are_earned_or_not_yet(shared: tuple[Services, Library]) -> None:
    s, _ = shared
    draft = s.drafts.new(EXIT_TICKETS)
    with pytest.raises(McdeskError, match='a decision is "earned" or "not yet"'):
        s.drafts.record_decision(draft.id, DraftStatus.SUBMITTED, [])
    with pytest.raises(McdeskError, match="twice"):
        s.drafts.record_decision(draft.id, DraftStatus.NOT_YET,
                                 [CriterionFeedback("r", None, "a"),
                                  CriterionFeedback("r", None, "b")])
    earned = s.drafts.record_decision(draft.id, DraftStatus.EARNED, [])
    assert earned.status is DraftStatus.EARNED
    with pytest.raises(McdeskError, match="is earned; only a submission"):
        s.drafts.start_resubmission(draft.id)
    with pytest.raises(McdeskError, match="was earned with it"):
        s.drafts.write_answer(draft.id, "p1-context", "Too late.")


def test_a_change_to_a_packaged_draft_makes_it_a_draft_again(
        shared: tuple[Services, Library]) -> None:
    s, _ = shared
    draft = s.drafts.new(EXIT_TICKETS)
    assert s.drafts.set_status(draft.id, DraftStatus.PACKAGED).status is DraftStatus.PACKAGED
    s.drafts.write_answer(draft.id, "p1-context", "One more sentence.")
    assert s.drafts.get(draft.id).status is DraftStatus.DRAFT


# --- readiness and the snapshot -----------------------------------------------------------------


def test_check_finds_privacy_problems_in_evidence_answers_and_captions(
        shared: tuple[Services, Library]) -> None:
    s, lib = shared
    entry = s.evidence.add_roster_name("Maya Lopez")
    try:
        draft = s.drafts.new(EXIT_TICKETS)
        s.drafts.write_answer(draft.id, "p1-context", "Maya Lopez sits near the door.")
        s.drafts.attach(draft.id, "p2-video", lib.video.id)
        s.drafts.attach(draft.id, "p2-samples", lib.photo_gps.id, "maya lopez's ticket")
        s.drafts.attach(draft.id, "p2-plan", lib.plan.id)
        readiness = s.drafts.check(draft.id)
        by_code: dict[str, list[tuple[str | None, str | None]]] = {}
        for p in readiness.problems:
            by_code.setdefault(p.code, []).append((p.criterion_id, p.evidence_id))
        assert by_code["roster-name"] == [("p1-context", None),
                                          ("p2-samples", lib.photo_gps.id),
                                          ("p2-plan", lib.plan.id)]
        assert by_code["gps"] == [("p2-video", lib.video.id), ("p2-samples", lib.photo_gps.id)]
        assert by_code["consent"] == [("p2-video", lib.video.id),
                                      ("p2-samples", lib.photo_gps.id)]
        assert by_code["duration"] == [("p2-video", lib.video.id)]
        assert not readiness.ready
        limits = ServerLimits(name="the test server", max_file_bytes=10)
        assert any(p.code == "server-file-size"
                   for p in s.drafts.check(draft.id, server_limits=limits).problems)
    finally:
        s.evidence.remove_roster_name(entry.id)


def test_a_copy_without_location_clears_the_gps_problem(
        shared: tuple[Services, Library]) -> None:
    s, lib = shared
    draft = s.drafts.new(EXIT_TICKETS)
    s.drafts.attach(draft.id, "p2-samples", lib.photo_gps.id)
    clean = s.evidence.make_version(lib.photo_gps.id, StripMetadata())
    gps = next(p for p in s.drafts.check(draft.id).problems if p.code == "gps")
    assert f'"{clean.title}"' in gps.fix
    s.drafts.detach(draft.id, "p2-samples", lib.photo_gps.id)
    s.drafts.attach(draft.id, "p2-samples", clean.id)
    assert "gps" not in {p.code for p in s.drafts.check(draft.id).problems}


def test_the_snapshot_holds_the_answers_and_files_in_checklist_order(
        shared: tuple[Services, Library]) -> None:
    s, lib = shared
    s.evidence.set_consent(lib.photo.id, Consent.CONSENTED)
    draft = s.drafts.new(EXIT_TICKETS)
    s.drafts.write_answer(draft.id, "p3-impact", "Reflection.")
    s.drafts.write_answer(draft.id, "p1-context", "Context.")
    s.drafts.write_answer(draft.id, "p1-design", "   ")
    s.drafts.attach(draft.id, "p2-plan", lib.plan.id, "Plan")
    s.drafts.attach(draft.id, "p2-samples", lib.photo.id, "Sorted: almost")
    s.drafts.attach(draft.id, "p2-samples", lib.plan.id)
    s.drafts.set_self_assessment(draft.id, f"{RUBRIC}/video", f"{RUBRIC}/video/proficient")
    snapshot = s.drafts.snapshot(draft.id)
    assert snapshot.submission_id == draft.submission_id == s.drafts.snapshot(
        draft.id).submission_id
    assert (snapshot.draft_id, snapshot.achievement_id, snapshot.mc_version,
            snapshot.attempt) == (draft.id, EXIT_TICKETS, "1.0", 1)
    assert [(a.criterion_id, a.text) for a in snapshot.answers] == [
        ("p1-context", "Context."), ("p3-impact", "Reflection.")]
    assert [(i.criterion_id, i.position, i.evidence.id, i.caption, i.consent)
            for i in snapshot.items] == [
        ("p2-samples", 0, lib.photo.id, "Sorted: almost", Consent.CONSENTED),
        ("p2-samples", 1, lib.plan.id, "", Consent.NOT_SET),
        ("p2-plan", 0, lib.plan.id, "Plan", Consent.NOT_SET)]
    for item in snapshot.items:
        assert item.file_path is not None and Path(item.file_path).is_file()
    assert snapshot.self_assessment == ((f"{RUBRIC}/video", f"{RUBRIC}/video/proficient"),)


def test_a_link_has_no_file_in_the_snapshot(services: Services) -> None:
    s = services
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    achievement = next(a for a in catalog["achievements"] if a["id"] == EXIT_TICKETS)
    achievement["id"] = "https://demo.mcdesk.org/achievements/exit-tickets-links"
    achievement["name"] = "Exit tickets with links"
    plan = achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"][1]["criteria"][2]
    plan["evidenceKinds"] = ["document", "link"]
    s.catalog.import_text(json.dumps(achievement), "links.json")
    link = s.evidence.add_link("https://docs.example.org/plan", "Plan online")
    draft = s.drafts.new("exit-tickets-links")
    s.drafts.attach(draft.id, "p2-plan", link.id)
    (item,) = s.drafts.snapshot(draft.id).items
    assert item.file_path is None and item.evidence.url == "https://docs.example.org/plan"


def test_the_demo_draft_is_almost_ready(tmp_path: Path) -> None:
    from mcdesk.services.demo_draft import seed_demo_draft

    workspace = Workspace.open(tmp_path / "demo", seed_demo=True)
    try:
        draft = seed_demo_draft(workspace)
        assert seed_demo_draft(workspace).id == draft.id  # seeding twice adds nothing
        readiness = workspace.drafts.check(draft.id)
        assert sorted(p.code for p in readiness.problems) == ["duration", "gps", "gps",
                                                              "word-count"]
        assert (readiness.criteria_done, readiness.criteria_total) == (3, 6)
        assert len(draft.attached("p2-samples")) == 3
        assert draft.self_assessment
    finally:
        workspace.close()


# --- the list of drafts, read for 200 drafts at once ------------------------------------------


def test_check_all_says_what_check_says_of_each_draft(shared: tuple[Services, Library]) -> None:
    s, lib = shared
    s.evidence.add_roster_name("Maya Lopez")
    first = s.drafts.new(EXIT_TICKETS)
    s.drafts.attach(first.id, "p2-samples", lib.photo_gps.id)
    s.drafts.attach(first.id, "p2-plan", lib.plan.id, "Maya Lopez's group")
    s.drafts.write_answer(first.id, "p1-context", "Maya Lopez asked first.")
    second = s.drafts.new(EXIT_TICKETS)
    s.drafts.attach(second.id, "p2-samples", lib.photo.id)

    checked = s.drafts.check_all()

    assert [d.id for d, _r in checked] == [d.id for d in s.drafts.list()]
    for draft, readiness in checked:
        assert readiness == s.drafts.check(draft.id)
    by_id = dict((d.id, r) for d, r in checked)
    assert by_id[first.id].problems != by_id[second.id].problems
    assert [(i, n, a, st) for i, n, a, st in s.drafts.lines()] == [
        (d.id, d.mc_name, d.attempt, d.status) for d in s.drafts.list()]


def test_usage_names_each_draft_once_per_piece(services: Services, tmp_path: Path) -> None:
    s = services
    made = [demo.make_demo_pdf(tmp_path / f"{n}.pdf", title=n, paragraphs=[n])
            for n in ("plan", "other")]
    note, other = (r.evidence for r in s.evidence.add_paths(made).results)
    assert note is not None and other is not None
    first = s.drafts.new(EXIT_TICKETS)
    s.drafts.attach(first.id, "p2-samples", note.id)
    s.drafts.attach(first.id, "p2-plan", note.id)  # one piece answering two criteria
    s.clock.advance(60)
    second = s.drafts.new(EXIT_TICKETS)
    s.drafts.attach(second.id, "p2-samples", note.id)
    trashed = s.drafts.new(EXIT_TICKETS)
    s.drafts.attach(trashed.id, "p2-samples", other.id)
    s.drafts.delete(trashed.id)

    used = s.drafts.usage()

    name = first.mc_name
    assert used == {note.id: [name, name]}
    assert second.attempt == 1
