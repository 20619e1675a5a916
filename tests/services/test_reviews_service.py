"""Reviews through the service the CLI, sync and the window use: a real package built by an
earner's portfolio and opened by an assessor's, scoring, comments, the decision and its
override, finishing, the outbox states, importing on the earner's side, roles, and a real
process killed right after an edit was saved."""

from __future__ import annotations

import dataclasses
import json
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mcdesk.cli.review import work_json
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.reviews import (
    EARNED,
    NOT_YET,
    Anchor,
    AnnotationError,
    Audience,
    CommentKind,
    ReviewIncompleteError,
    ReviewLockedError,
    ReviewSource,
    ReviewState,
    Role,
)
from mcdesk.core.sync import Assignment
from mcdesk.services.reviews import ReviewService
from mcdesk.services.workspace import Workspace
from tests.kill_helpers import kill_while_working
from tests.package_helpers import read_entries, rehashed, rezip
from tests.review_helpers import EARNER_NAME, ReviewSetup, review_setup

FAMILY_RUBRIC = "https://demo.mcdesk.org/achievements/two-way-family-communication/rubric"
PLAN, MESSAGES, REFLECTION = (f"{FAMILY_RUBRIC}/{c}" for c in ("plan", "messages",
                                                               "reflection"))


def level(criterion: str, name: str) -> str:
    return f"{criterion}/{name}"


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReviewSetup]:
    """One earner (owner name set) with a built package; tests open it in their own
    assessor portfolio."""
    setup = review_setup(tmp_path_factory.mktemp("reviews"), earner_name=EARNER_NAME)
    setup.assessor.close()
    yield setup
    setup.earner.close()


@pytest.fixture
def assessor(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "assessor", seed_demo=True)
    yield workspace
    workspace.close()


def score_all(reviews: ReviewService, review_id: str, name: str = "proficient") -> None:
    for criterion in (PLAN, MESSAGES, REFLECTION):
        reviews.set_level(review_id, criterion, level(criterion, name))


def first_evidence(workspace: Workspace, review_id: str) -> tuple[str, str]:
    package = workspace.reviews.work(review_id).package
    assert package is not None
    evidence = next(e for c in package.criteria for e in c.evidence)
    assert evidence.file is not None
    return evidence.id, evidence.file.relative_to(package.folder).as_posix()


def assignment(shared: ReviewSetup, number: int = 1,
               due: datetime | None = None) -> Assignment:
    return Assignment(assignment_id=f"as-{number}", submission_id=shared.review.submission_id,
                      achievement_id=shared.review.mc_id, version="1.0", attempt=1,
                      due_at=due, bag_size=None, bag_sha256=None)


def server_review(workspace: Workspace, shared: ReviewSetup, number: int = 1) -> str:
    """A server's assignment of the shared package, its bag arrived."""
    reviews = workspace.reviews
    line = workspace.review_outbox.add_assignment("riverbend", assignment(shared, number))
    assert line.package_folder is None and reviews.work(line.id).package is None
    package = workspace.packages.open_received(shared.package)
    return workspace.review_outbox.attach_download(line.id, package).id


# --- opening ------------------------------------------------------------------------------------


def test_opening_a_package_starts_a_blind_review(shared: ReviewSetup,
                                                 assessor: Workspace) -> None:
    review = assessor.reviews.open_package(shared.package)
    assert review.source is ReviewSource.PACKAGE and review.state is ReviewState.IN_PROGRESS
    assert review.blind and review.mc_name == "Two-Way Communication with Families"
    assert review.submission_id == shared.earner.drafts.get(shared.draft_id).submission_id
    assert review.package_folder is not None
    assert review.package_folder.is_relative_to(assessor.root / "received")
    work = assessor.reviews.work(review.id)
    assert work.earner_name == EARNER_NAME  # in the package; the UI hides it while blind
    assert [c.name for c in work.rubric] == ["Communication plan", "Messages and response log",
                                             "Reflection on partnership"]
    assert work.decision is None and work.rule is None
    assert work.problems == tuple(f"choose a level for “{c.name}”" for c in work.rubric)
    assert work.package is not None and work.package.earner_name == EARNER_NAME
    assert assessor.reviews.set_blind(review.id, False).blind is False


def test_the_same_package_twice_is_the_same_review_and_a_rebuild_keeps_the_work(
        shared: ReviewSetup, assessor: Workspace, tmp_path: Path) -> None:
    reviews = assessor.reviews
    review = reviews.open_package(shared.package)
    reviews.set_level(review.id, PLAN, level(PLAN, "developing"))
    again = reviews.open_package(shared.package)
    assert again.id == review.id and again.score(PLAN).level_id == level(PLAN, "developing")
    assert len(reviews.summaries()) == 1

    # the earner rebuilds the same attempt with a changed answer: a new fingerprint
    earner = Workspace.open(tmp_path / "earner2")
    try:
        from tests.sync_helpers import ready_draft

        draft_id = ready_draft(earner, tmp_path / "files")
        first = tmp_path / "first.zip"
        earner.packages.build(earner.drafts.snapshot(draft_id), first)
        opened = reviews.open_package(first)
        reviews.set_level(opened.id, PLAN, level(PLAN, "exemplary"))
        earner.drafts.write_answer(draft_id, "p1-plan", "A new plan. " * 40)
        rebuilt = tmp_path / "rebuilt.zip"
        earner.packages.build(earner.drafts.snapshot(draft_id), rebuilt)
    finally:
        earner.close()
    before = reviews.work(opened.id).package
    after_review = reviews.open_package(rebuilt)
    after = reviews.work(after_review.id).package
    assert after_review.id == opened.id
    assert after_review.score(PLAN).level_id == level(PLAN, "exemplary")
    assert before is not None and after is not None
    assert before.fingerprint != after.fingerprint
    assert after.criteria[1].answer is not None and after.criteria[1].answer.startswith(
        "A new plan.")
    assert len(reviews.summaries()) == 2


def test_a_refused_package_starts_no_review(assessor: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(McdeskError, match=r"bad\.zip"):
        assessor.reviews.open_package(bad)
    assert assessor.reviews.summaries() == []


def test_identifying_details_of_a_package_are_read_and_hidden_while_blind(
        shared: ReviewSetup, assessor: Workspace, tmp_path: Path) -> None:
    """The package marks one evidence identifying (another tool wrote it); the owner's name
    is in it because the earner gave it."""
    def mark(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        changed = []
        for name, data in entries:
            if name.endswith("/data/submission.json"):
                metadata = json.loads(data)
                assert metadata["earner"] == {"name": EARNER_NAME}
                metadata["evidence"][0]["identifying"] = True
                data = json.dumps(metadata).encode()
            changed.append((name, data))
        return rehashed(changed)

    marked = rezip(shared.package, tmp_path / "marked.zip", mark)
    review = assessor.reviews.open_package(marked)
    work = assessor.reviews.work(review.id)
    assert work.package is not None
    pieces = [e for c in work.package.criteria for e in c.evidence]
    assert [e.identifying for e in pieces] == [True] + [False] * (len(pieces) - 1)
    shown = work_json(work)
    assert shown["earner_name"] is None and EARNER_NAME not in json.dumps(shown)
    hidden = shown["package"]["criteria"][2]["evidence"][0]
    assert hidden["hidden"] is True and hidden["file"] is None
    assert hidden["name"] == "(hidden during blind review)"
    assessor.reviews.set_blind(review.id, False)
    shown = work_json(assessor.reviews.work(review.id))
    assert shown["earner_name"] == EARNER_NAME
    assert shown["package"]["criteria"][2]["evidence"][0]["name"] == "Family survey"


def test_a_package_names_the_earner_only_when_the_owner_gave_a_name(tmp_path: Path) -> None:
    setup = review_setup(tmp_path)  # no owner name
    try:
        metadata = json.loads(next(data for name, data in read_entries(setup.package)
                                   if name.endswith("/data/submission.json")))
        assert "earner" not in metadata
        assert setup.assessor.reviews.work(setup.review.id).earner_name is None
    finally:
        setup.close()


# --- scoring and the decision -------------------------------------------------------------------


def test_scores_the_rule_and_an_override_with_its_reason(shared: ReviewSetup,
                                                         assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = reviews.open_package(shared.package).id
    with pytest.raises(McdeskError, match="is not a rubric criterion"):
        reviews.set_level(review_id, f"{FAMILY_RUBRIC}/nope", "x")
    with pytest.raises(McdeskError, match='is not a level of "Communication plan"'):
        reviews.set_level(review_id, PLAN, level(MESSAGES, "proficient"))
    score_all(reviews, review_id)
    reviews.set_feedback(review_id, PLAN, "  A clear plan; add how families answer.  ")
    work = reviews.work(review_id)
    assert work.rule == work.decision == EARNED and work.problems == ()
    assert work.review.score(PLAN).feedback == "  A clear plan; add how families answer.  "

    reviews.set_level(review_id, REFLECTION, level(REFLECTION, "developing"))
    assert reviews.work(review_id).rule == NOT_YET
    reviews.set_override(review_id, EARNED, "")
    work = reviews.work(review_id)
    assert work.decision == EARNED and work.rule == NOT_YET
    assert work.problems == ("write why you decide differently from the rubric",)
    reviews.set_override(review_id, EARNED, "The reflection is short but the log shows it.")
    assert reviews.work(review_id).problems == ()
    reviews.set_override(review_id, None, "")
    assert reviews.work(review_id).decision == NOT_YET
    with pytest.raises(McdeskError, match='not "maybe"'):
        reviews.set_override(review_id, "maybe", "why not")
    reviews.set_level(review_id, PLAN, None)
    assert reviews.work(review_id).decision is None


def test_finding_criteria_and_levels_by_name(shared: ReviewSetup, assessor: Workspace) -> None:
    reviews = assessor.reviews
    review = reviews.open_package(shared.package)
    criterion = reviews.rubric_criterion(review, "messages and response LOG")
    assert criterion.id == MESSAGES
    assert reviews.rubric_criterion(review.id, "plan").id == PLAN  # the end of its id
    assert reviews.level(criterion, "Not yet") == level(MESSAGES, "not-yet")
    with pytest.raises(McdeskError, match="its criteria: Communication plan"):
        reviews.rubric_criterion(review, "Timing")
    with pytest.raises(McdeskError, match="its levels: Not yet, Developing"):
        reviews.level(criterion, "Great")


# --- comments -----------------------------------------------------------------------------------


def test_comments_are_added_changed_and_deleted(shared: ReviewSetup,
                                               assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = reviews.open_package(shared.package).id
    target, path = first_evidence(assessor, review_id)
    comment = reviews.add_comment(review_id, Anchor(target, path=path, page=1),
                                  "  The survey asks the right questions.  ",
                                  kind=CommentKind.STRENGTH, rubric_criterion_id=PLAN)
    private = reviews.add_comment(review_id, Anchor(target, start_ms=2000, end_ms=4500),
                                  "Check consent with the issuer.", audience=Audience.ISSUER)
    assert comment.text == "The survey asks the right questions."
    assert reviews.get(review_id).comments == (comment, private)
    changed = reviews.update_comment(review_id, dataclasses.replace(
        comment, text="Also in Spanish.", kind=CommentKind.SUGGESTION,
        rubric_criterion_id=MESSAGES, anchor=Anchor(target, path=path, page=2)))
    assert changed.created_at == comment.created_at
    assert changed.updated_at is not None and comment.created_at is not None
    assert changed.updated_at >= comment.created_at
    stored = reviews.get(review_id)
    assert stored.comments_for(MESSAGES) == [changed]
    assert stored.comments_on(target)[0].anchor.page == 2
    reviews.delete_comment(review_id, private.id)
    assert reviews.get(review_id).comments == (changed,)

    with pytest.raises(AnnotationError, match="must end after it starts"):
        reviews.add_comment(review_id, Anchor(target, start_ms=5000, end_ms=1000), "Backwards")
    with pytest.raises(AnnotationError, match="needs some words"):
        reviews.add_comment(review_id, Anchor(target), "   ")
    with pytest.raises(McdeskError, match="is not a rubric criterion"):
        reviews.add_comment(review_id, Anchor(target), "Hm", rubric_criterion_id="nope")
    with pytest.raises(NotFoundError):
        reviews.delete_comment(review_id, "no-such-comment")
    assert reviews.get(review_id).comments == (changed,)


# --- time ---------------------------------------------------------------------------------------


def test_time_spent_adds_up_and_stops_when_locked(shared: ReviewSetup,
                                                  assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = server_review(assessor, shared)
    for seconds in (30, 45, 0, -5):
        reviews.add_time(review_id, seconds)
    assert reviews.get(review_id).seconds_spent == 75
    score_all(reviews, review_id)
    reviews.finish(review_id)
    assert reviews.add_time(review_id, 600).seconds_spent == 75
    with pytest.raises(NotFoundError):
        reviews.add_time("no-such-review", 5)


# --- finishing, the outbox states ---------------------------------------------------------------


def test_a_server_review_is_queued_locked_reopened_and_sent(shared: ReviewSetup,
                                                            assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = server_review(assessor, shared)
    with pytest.raises(ReviewIncompleteError, match="choose a level") as incomplete:
        reviews.finish(review_id)
    assert len(incomplete.value.problems) == 3
    score_all(reviews, review_id, "developing")
    target, path = first_evidence(assessor, review_id)
    reviews.add_comment(review_id, Anchor(target, path=path, start_ms=1500), "Mine, for you.",
                        rubric_criterion_id=PLAN)
    reviews.add_comment(review_id, Anchor(target), "Issuer only.", audience=Audience.ISSUER)
    reviews.set_override(review_id, EARNED, "Developing everywhere, but a strong log.")
    queued = reviews.finish(review_id)
    assert queued.state is ReviewState.QUEUED and queued.finished_at is not None
    assert [r.id for r in assessor.review_outbox.pending_pushes("riverbend")] == [review_id]
    assert assessor.review_outbox.pending_pushes("elsewhere") == []
    with pytest.raises(ReviewLockedError, match="waits for the next sync"):
        reviews.set_level(review_id, PLAN, level(PLAN, "exemplary"))
    with pytest.raises(ReviewLockedError):
        reviews.finish(review_id)

    push = assessor.review_outbox.to_push(review_id)
    assert push.review_id == review_id and push.decision == EARNED
    assert push.override_reason == "Developing everywhere, but a strong log."
    assert [(s.rubric_criterion_id, s.level_id) for s in push.scores] == [
        (c, level(c, "developing")) for c in (PLAN, MESSAGES, REFLECTION)]
    # every comment, in reading order (the whole piece before its moments)
    assert [c["text"] for c in push.comments] == ["Issuer only.", "Mine, for you."]
    assert push.comments[1]["atSeconds"] == 1.5 and push.comments[0]["audience"] == "issuer"
    assert push.body()["reviewId"] == review_id

    reopened = reviews.reopen(review_id)
    assert reopened.state is ReviewState.IN_PROGRESS and reopened.finished_at is None
    reviews.set_level(review_id, PLAN, level(PLAN, "proficient"))
    reviews.finish(review_id)
    failed = assessor.review_outbox.mark_send_error(review_id, "the server did not answer")
    assert failed.state is ReviewState.QUEUED and failed.error == "the server did not answer"
    sent = assessor.review_outbox.mark_sent(review_id, '"etag-1"')
    assert sent.state is ReviewState.SENT and sent.etag == '"etag-1"' and sent.error == ""
    assert sent.sent_at is not None
    when = f"{sent.sent_at:%Y-%m-%d %H:%M}"
    with pytest.raises(ReviewLockedError, match=f"was sent on {when}; it can no longer change"):
        reviews.add_comment(review_id, Anchor(target), "Too late.")
    with pytest.raises(ReviewLockedError, match="was sent on"):
        reviews.reopen(review_id)
    assert assessor.review_outbox.pending_pushes("riverbend") == []


def test_a_package_review_is_finished_by_exporting_it(shared: ReviewSetup,
                                                     assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = reviews.open_package(shared.package).id
    score_all(reviews, review_id)
    with pytest.raises(McdeskError, match="export it to a review file"):
        reviews.finish(review_id)
    assert reviews.get(review_id).state is ReviewState.IN_PROGRESS


def test_a_conflict_is_kept_and_sent_again_only_when_asked(shared: ReviewSetup,
                                                          assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = server_review(assessor, shared)
    score_all(reviews, review_id)
    reviews.finish(review_id)
    server_copy = {"decision": "not yet", "scores": [], "comments": []}
    conflict = assessor.review_outbox.mark_conflict(review_id, "the server holds another version",
                                     server_copy, '"server-3"')
    assert conflict.state is ReviewState.CONFLICT and not conflict.locked
    assert conflict.server_copy == server_copy and conflict.etag == '"server-3"'
    assert assessor.review_outbox.pending_pushes("riverbend") == []
    reviews.set_feedback(review_id, PLAN, "Adjusted after seeing the other version.")
    again = assessor.review_outbox.resend_over_conflict(review_id)
    assert again.state is ReviewState.QUEUED and again.etag == '"server-3"'
    assert again.error == ""
    with pytest.raises(McdeskError, match="not in conflict"):
        assessor.review_outbox.resend_over_conflict(review_id)


def test_a_review_reopened_while_it_was_being_sent_keeps_its_edits(
        shared: ReviewSetup, assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = server_review(assessor, shared)
    score_all(reviews, review_id)
    reviews.finish(review_id)
    push = assessor.review_outbox.to_push(review_id)  # sync took it...
    reviews.reopen(review_id)  # ...while the assessor took it back to change it
    reviews.set_feedback(review_id, PLAN, "One more thought.")
    sent = assessor.review_outbox.mark_sent(review_id, '"etag-7"')
    assert push.review_id == review_id
    assert sent.state is ReviewState.IN_PROGRESS and sent.etag == '"etag-7"'
    assert sent.score(PLAN).feedback == "One more thought."
    assert reviews.finish(review_id).etag == '"etag-7"'  # sent again, over that version


def test_a_review_closed_by_the_issuers_decision_is_locked(shared: ReviewSetup,
                                                           assessor: Workspace) -> None:
    reviews = assessor.reviews
    review_id = server_review(assessor, shared)
    score_all(reviews, review_id)
    reviews.finish(review_id)
    closed = assessor.review_outbox.mark_closed(review_id,
                                                "the submission was decided on 1 December")
    assert closed.state is ReviewState.CLOSED and closed.locked
    assert reviews.summaries()[0].error == "the submission was decided on 1 December"
    with pytest.raises(ReviewLockedError, match="decided before this review reached"):
        reviews.set_blind(review_id, False)


def test_a_bag_of_another_submission_is_not_attached(shared: ReviewSetup,
                                                     assessor: Workspace) -> None:
    reviews = assessor.reviews
    line = assessor.review_outbox.add_assignment("riverbend", dataclasses.replace(
        assignment(shared, 9), submission_id="11111111-2222-4333-8444-555555555555"))
    package = assessor.packages.open_received(shared.package)
    with pytest.raises(McdeskError, match="not the assigned"):
        assessor.review_outbox.attach_download(line.id, package)
    assert reviews.get(line.id).package_folder is None
    assert assessor.review_outbox.downloads_dir() == assessor.root / "received" / "downloads"
    assert assessor.review_outbox.downloads_dir().is_dir()
    assert [p.submission_id for p in assessor.packages.received()] == [package.submission_id]


# --- the queue ----------------------------------------------------------------------------------


def test_the_queue_is_due_soonest_first_then_newest(shared: ReviewSetup,
                                                    assessor: Workspace) -> None:
    reviews = assessor.reviews
    now = datetime.now(UTC)
    opened = reviews.open_package(shared.package)  # not due: after the due ones
    reviews.set_level(opened.id, PLAN, level(PLAN, "proficient"))
    late, soon = (assessor.review_outbox.add_assignment("riverbend", dataclasses.replace(
        assignment(shared, number, now + timedelta(days=days)), submission_id=submission))
        for number, days, submission in ((1, 9, "5f0c3a52-1b1e-4a51-9d38-1f0f1b2a3c4d"),
                                         (2, 1, "6a1d4b63-2c2f-4b62-8e49-2a1a2c3b4d5e")))
    lines = reviews.summaries()
    assert [line.id for line in lines] == [soon.id, late.id, opened.id]
    assert (lines[2].scored, lines[2].criteria) == (1, 3)
    assert lines[0].server == "riverbend" and lines[0].source is ReviewSource.ASSIGNMENT
    assert assessor.review_outbox.known_assignment_ids("riverbend") == {"as-1", "as-2"}
    assert reviews.resolve(soon.id[:6]).id == soon.id
    assert reviews.resolve("as-2").id == soon.id
    assert reviews.resolve(f"urn:uuid:{late.id}").id == late.id
    with pytest.raises(NotFoundError, match="at least 4 characters"):
        reviews.resolve("ab")
    with pytest.raises(NotFoundError, match='no review matches "zzzz-nothing"'):
        reviews.resolve("zzzz-nothing")


def test_a_package_of_an_assigned_submission_opens_the_assignments_review(
        shared: ReviewSetup, assessor: Workspace) -> None:
    """The bag would not download, so the earner's package came on a USB stick."""
    reviews = assessor.reviews
    line = assessor.review_outbox.add_assignment("riverbend", assignment(shared))
    reviews.set_level(line.id, PLAN, level(PLAN, "developing"))
    opened = reviews.open_package(shared.package)
    assert opened.id == line.id and opened.source is ReviewSource.ASSIGNMENT
    assert opened.package_folder is not None and reviews.work(line.id).package is not None
    assert opened.score(PLAN).level_id == level(PLAN, "developing")
    assert len(reviews.summaries()) == 1


# --- the earner's side --------------------------------------------------------------------------


def test_importing_a_review_file_gives_the_earner_feedback_and_their_comments(
        shared: ReviewSetup, assessor: Workspace, tmp_path: Path) -> None:
    reviews = assessor.reviews
    review_id = reviews.open_package(shared.package).id
    score_all(reviews, review_id)
    reviews.set_feedback(review_id, MESSAGES, "Translate the second message too.")
    target, path = first_evidence(assessor, review_id)
    reviews.add_comment(review_id, Anchor(target, path=path, page=1), "Good survey.",
                        kind=CommentKind.STRENGTH, rubric_criterion_id=PLAN)
    reviews.add_comment(review_id, Anchor(target), "Between us: borderline.",
                        audience=Audience.ISSUER)
    file = assessor.review_files.export(review_id, tmp_path / "review.mcreview")

    earner = shared.earner
    imported = earner.review_files.import_review_file(file)
    assert imported.draft_id == shared.draft_id and imported.decision == EARNED
    assert imported.withheld == 1 and [c.text for c in imported.comments] == ["Good survey."]
    draft = earner.drafts.get(shared.draft_id)
    by_criterion = {f.rubric_criterion_id: f for f in draft.received_feedback}
    assert by_criterion[MESSAGES].feedback == "Translate the second message too."
    assert by_criterion[PLAN].level_id == level(PLAN, "proficient")
    received = earner.feedback.received_comments(shared.draft_id)
    assert [(c.text, c.anchor.page, c.rubric_criterion_id) for c in received] == [
        ("Good survey.", 1, PLAN)]
    earner.review_files.import_review_file(file)  # again: nothing doubles
    assert len(earner.feedback.received_comments(shared.draft_id)) == 1
    earner.feedback.record_received_comments(shared.draft_id, [])  # sync replaces the set
    assert earner.feedback.received_comments(shared.draft_id) == []

    with pytest.raises(NotFoundError, match="not one of the drafts") as missing:
        assessor.review_files.import_review_file(file)  # the assessor has no such draft
    assert "review.mcreview" in str(missing.value)


# --- roles and the owner's name -----------------------------------------------------------------


def test_roles_are_remembered(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "p")
    try:
        roles = workspace.roles
        assert roles.roles() == [Role.EARNER] and roles.current() is Role.EARNER
        roles.switch(Role.ASSESSOR)
        roles.switch(Role.EARNER)
        roles.switch(Role.COACH)
        assert roles.set_owner_name("  Dana   Whitfield ") == "Dana Whitfield"
    finally:
        workspace.close()
    again = Workspace.open(tmp_path / "p", create=False)
    try:
        assert again.roles.roles() == [Role.EARNER, Role.ASSESSOR, Role.COACH]
        assert again.roles.current() is Role.COACH
        assert again.roles.owner_name() == "Dana Whitfield"
        assert again.roles.set_owner_name("") is None and again.roles.owner_name() is None
    finally:
        again.close()


# --- autosave -----------------------------------------------------------------------------------


def test_edits_survive_the_process_being_killed_right_after_saving(
        shared: ReviewSetup, tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "assessor", seed_demo=True)
    review_id = workspace.reviews.open_package(shared.package).id
    target, _path = first_evidence(workspace, review_id)
    root = workspace.root
    workspace.close()
    child = textwrap.dedent("""
        import sys
        from pathlib import Path
        from mcdesk.core.reviews import Anchor
        from mcdesk.services.workspace import Workspace

        workspace = Workspace.open(Path(sys.argv[1]), create=False)
        reviews = workspace.reviews
        review_id, target, criterion = sys.argv[2:5]
        number = 0
        while True:
            reviews.set_feedback(review_id, criterion, f"Feedback {number}: " + "word " * 80)
            reviews.add_comment(review_id, Anchor(target, start_ms=number * 1000),
                                f"Comment {number}")
            reviews.add_time(review_id, 1)
            print(number, flush=True)
            number += 1
    """)
    last = kill_while_working(child, str(root), review_id, target, PLAN, after=15).last
    reopened = Workspace.open(root, create=False)
    try:
        review = reopened.reviews.get(review_id)
        saved = int(review.score(PLAN).feedback.split(":")[0].removeprefix("Feedback "))
        assert saved >= last  # nothing the child was told is saved was lost
        assert len(review.comments) >= last + 1
        assert [c.text for c in review.comments[:last + 1]] == [
            f"Comment {n}" for n in range(last + 1)]
        assert review.seconds_spent >= last + 1
    finally:
        reopened.close()


def test_text_evidence_is_read_for_the_assessor_cut_when_huge(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mcdesk.core.packages import ReceivedCriterion, ReceivedEvidence
    from mcdesk.services import reviews as reviews_module

    setup = review_setup(tmp_path)
    try:
        work = setup.assessor.reviews.work(setup.review.id)
        assert work.package is not None
        notes = tmp_path / "notes.txt"
        notes.write_bytes("Élodie sorted the tickets. ".encode() * 4 + b"\xff")
        missing = tmp_path / "gone.txt"

        def text(eid: str, path: Path) -> ReceivedEvidence:
            return ReceivedEvidence(eid, "Notes", "Writing", "", "text", "not set", path)

        package = dataclasses.replace(work.package, criteria=(ReceivedCriterion(
            "c1", None, None, None, (text("e1", notes), text("e2", missing))),))
        monkeypatch.setattr(reviews_module, "TEXT_EVIDENCE_LIMIT", 40)
        texts = setup.assessor.reviews.evidence_texts(dataclasses.replace(work,
                                                                          package=package))
        assert texts["e1"].startswith("Élodie sorted the tickets.")
        assert texts["e1"].endswith("\n…")  # cut at the limit, and says so
        assert "No such file" in texts["e2"]
    finally:
        setup.close()


def test_the_queue_parses_a_definition_once_and_again_after_the_catalog_changed(
        shared: ReviewSetup, assessor: Workspace, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    import sqlite3

    from mcdesk.credentials import achievement

    reviews = assessor.reviews
    opened = reviews.open_package(shared.package)
    parsed: list[str] = []
    parse = achievement.parse_achievement_text
    monkeypatch.setattr(achievement, "parse_achievement_text",
                        lambda text: parsed.append(text) or parse(text))
    assert reviews.summaries()[0].criteria == 3
    assert reviews.summaries(1)[0].criteria == 3
    assert len(parsed) == 1  # the second read found the catalog's mark unchanged
    with sqlite3.connect(tmp_path / "assessor" / "mcdesk.sqlite3") as connection:
        (source,) = connection.execute(
            "SELECT source_json FROM micro_credential WHERE achievement_id = ? AND version = ?",
            (opened.mc_id, opened.mc_version)).fetchone()
    stored = json.loads(source)
    stored["description"] += " Revised."
    assessor.catalog.import_text(json.dumps(stored), "changed.json")  # the same version
    assert reviews.summaries()[0].criteria == 3
    assert len(parsed) == 2
    definition = reviews.definition(opened)
    assert definition is not None and definition.description.endswith("Revised.")
    assert len(parsed) == 2
