"""The review tables on disk: migration 0005 from a real 0004 portfolio, every field of a review
and its comments surviving a reopen, locks checked inside the write, comments of different
subjects kept apart; real SQLite in a temp folder."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mcdesk.core.drafts import CriterionFeedback
from mcdesk.core.errors import NotFoundError
from mcdesk.core.reviews import (
    Anchor,
    Annotation,
    Audience,
    CommentKind,
    CriterionScore,
    Review,
    ReviewLockedError,
    ReviewSource,
    ReviewState,
)
from mcdesk.services.catalog import CatalogService
from mcdesk.storage import migrate
from mcdesk.storage.draft_store import DraftStore
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.review_store import KEEP, NewReview, ReviewStore
from tests.conftest import DEMO_CATALOG
from tests.storage.old_portfolio import portfolio_at

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
RUBRIC = "https://demo.mcdesk.org/achievements/exit-tickets/rubric"
VIDEO = "urn:uuid:2ab042f1-bff8-45fc-953d-cf39fcb0ebd2"


def revision_of(db_path: Path) -> str:
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        (row,) = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        connection.close()
    return str(row[0])


def raw(db_path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return list(connection.execute(query))
    finally:
        connection.close()




@pytest.fixture
def store(portfolio: Portfolio) -> ReviewStore:
    return ReviewStore(portfolio.database, portfolio.layout.root)


def new_review(root: Path, **changes: object) -> NewReview:
    values: dict[str, object] = dict(
        submission_id=str(uuid.uuid4()), mc_id="https://demo.mcdesk.org/achievements/"
        "exit-tickets", mc_version="1.0", mc_name="Checking for Understanding", attempt=2,
        source=ReviewSource.ASSIGNMENT, server="riverbend", assignment_id="as-17",
        due_at=T0 + timedelta(days=3), package_folder=root / "received" / "abc")
    values.update(changes)
    return NewReview(**values)  # type: ignore[arg-type]


def comment(text: str, anchor: Anchor, **changes: object) -> Annotation:
    values: dict[str, object] = dict(id=str(uuid.uuid4()), anchor=anchor, text=text,
                                     kind=CommentKind.STRENGTH,
                                     rubric_criterion_id=f"{RUBRIC}/video",
                                     audience=Audience.EARNER, created_at=T0, updated_at=T0)
    values.update(changes)
    return Annotation(**values)  # type: ignore[arg-type]


# --- migration ----------------------------------------------------------------------------------


def test_a_0004_portfolio_is_upgraded_with_a_backup_and_keeps_its_data(tmp_path: Path) -> None:
    root = tmp_path / "old"
    db = portfolio_at(
        root, "0004",
        "INSERT INTO meta (key, value) VALUES ('portfolio_id', 'old-one')",
        "INSERT INTO draft (id, achievement_id, mc_version, mc_name, attempt, status,"
        " submission_id, created_at, updated_at) VALUES ('d1', 'mc', '1.0', 'MC', 1,"
        " 'submitted', 's1', '2026-11-01 10:00:00', '2026-11-01 10:00:00')")
    assert revision_of(db) == "0004"
    tables = {r[0] for r in raw(db, "SELECT name FROM sqlite_master WHERE type='table'")}
    assert "review" not in tables

    upgraded = Portfolio.open(root)
    try:
        assert revision_of(db) == migrate.HEAD_REVISION
        tables = {r[0] for r in raw(db, "SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"review", "review_score", "annotation"} <= tables
        indexes = {r[0] for r in raw(db, "SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"ix_annotation_subject", "ix_review_submission_id"} <= indexes
        assert upgraded.meta("portfolio_id") == "old-one"
        (backup,) = upgraded.backups()
        assert backup.name.endswith(f"-before-{migrate.HEAD_REVISION}.sqlite3")
        assert revision_of(backup) == "0004"
        store = ReviewStore(upgraded.database, upgraded.layout.root)
        made = store.create(new_review(root), T0)
        assert store.get(made.id) == made
        store.record_received("d1", [comment("Well paced.", Anchor(VIDEO, start_ms=5000))])
        assert [c.text for c in store.received_comments("d1")] == ["Well paced."]
        assert DraftStore(upgraded.database).get("d1").mc_name == "MC"
    finally:
        upgraded.close()


def test_a_0013_review_upgrades_and_keeps_a_calibration_answer(tmp_path: Path) -> None:
    """Migration 0014 adds where a calibration item keeps the server's answer: an older
    review reads back with none, and an answer written then survives a reopen."""
    from mcdesk.core.calibration import (
        CalibrationResult,
        CalibrationStanding,
        CriterionComparison,
    )

    root = tmp_path / "old"
    db = portfolio_at(
        root, "0013",
        "INSERT INTO review (id, submission_id, mc_id, mc_version, mc_name, attempt, source,"
        " server, assignment_id, state, blind, override_reason, seconds_spent, created_at,"
        " updated_at, error) VALUES ('r1', 's1', 'mc', '1.0', 'MC', 1, 'assignment', 'school',"
        " 'a1', 'sent', 1, '', 0, '2026-11-01 10:00:00', '2026-11-01 10:00:00', '')")
    upgraded = Portfolio.open(root)
    try:
        assert revision_of(db) == migrate.HEAD_REVISION
        store = ReviewStore(upgraded.database, upgraded.layout.root)
        assert store.get("r1").calibration is None
        answer = CalibrationResult(
            (CriterionComparison(f"{RUBRIC}/video", f"{RUBRIC}/video/proficient",
                                 "The pacing is clear.", f"{RUBRIC}/video/developing", 1),),
            CalibrationStanding(items=2, scored=1, exact=0.0,
                                adjacent={f"{RUBRIC}/video": 1.0}, released=False))
        store.transition("r1", T0, calibration_json=answer.wire())
    finally:
        upgraded.close()
    again = Portfolio.open(root)
    try:
        kept = ReviewStore(again.database, again.layout.root).get("r1")
        assert kept.calibration == answer and kept.state is ReviewState.SENT
    finally:
        again.close()


# --- every field --------------------------------------------------------------------------------


def test_every_field_of_a_review_survives_a_reopen(tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    first = Portfolio.open(root)
    store = ReviewStore(first.database, first.layout.root)
    new = new_review(first.layout.root)
    made = store.create(new, T0)
    assert made.state is ReviewState.IN_PROGRESS and made.blind and made.comments == ()
    store.set_score(made.id, f"{RUBRIC}/video", T0, level_id=f"{RUBRIC}/video/proficient")
    store.set_score(made.id, f"{RUBRIC}/video", T0, feedback="Clear routine.")
    store.set_score(made.id, f"{RUBRIC}/overview", T0, feedback="Only feedback so far.")
    timed = comment("The ticket is handed out here.", Anchor(
        VIDEO, path="data/evidence/p2-video-01.mp4", start_ms=83_500, end_ms=95_000))
    page = comment("Good plan.", Anchor("urn:uuid:0000aaaa-0000-4000-8000-000000000001",
                                        page=2, region=(0.1, 0.2, 0.3, 0.4)),
                   kind=CommentKind.QUESTION, rubric_criterion_id=None,
                   audience=Audience.ISSUER, created_at=T0 + timedelta(seconds=1),
                   updated_at=None)
    region = comment("This student's work.", Anchor(
        "urn:uuid:0000aaaa-0000-4000-8000-000000000002", region=(0.5, 0.5, 0.25, 0.5)),
        kind=CommentKind.SUGGESTION, created_at=T0 + timedelta(seconds=2))
    passage = comment("Say more.", Anchor("answer:p3-impact", passage=(10, 42),
                                          quote="the not-yet group"),
                      kind=CommentKind.NOTE, rubric_criterion_id=f"{RUBRIC}/reflection",
                      created_at=T0 + timedelta(seconds=3))
    for item in (timed, page, region, passage):
        store.add_comment(made.id, item, T0)
    store.edit(made.id, T0, override_decision="not yet", override_reason="Consent unclear.",
               blind=False)
    store.add_time(made.id, 95, T0)
    store.add_time(made.id, 5, T0 + timedelta(minutes=5))
    later = T0 + timedelta(hours=1)
    store.transition(made.id, later, state=ReviewState.CONFLICT, finished_at=later,
                     sent_at=later, etag='"v2"', error="the server holds another version",
                     server_copy_json={"decision": "earned", "scores": []})
    first.close()

    reopened = Portfolio.open(root, create=False)
    try:
        got = ReviewStore(reopened.database, reopened.layout.root).get(made.id)
        expected = Review(
            id=made.id, submission_id=new.submission_id, mc_id=new.mc_id,
            mc_version="1.0", mc_name=new.mc_name, attempt=2, source=ReviewSource.ASSIGNMENT,
            state=ReviewState.CONFLICT, created_at=T0, updated_at=later,
            package_folder=reopened.layout.root / "received" / "abc", server="riverbend",
            assignment_id="as-17", due_at=T0 + timedelta(days=3),
            scores=(CriterionScore(f"{RUBRIC}/overview", None, "Only feedback so far."),
                    CriterionScore(f"{RUBRIC}/video", f"{RUBRIC}/video/proficient",
                                   "Clear routine.")),
            comments=(timed, page, region, passage), override_decision="not yet",
            override_reason="Consent unclear.", seconds_spent=100, blind=False,
            finished_at=later, sent_at=later, etag='"v2"',
            error="the server holds another version")
        assert got == expected
        assert got.server_copy == {"decision": "earned", "scores": []}
        # the package folder is stored relative to the portfolio, so the portfolio can move
        assert raw(reopened.layout.db_path, "SELECT package_folder FROM review") == [
            ("received/abc",)]
    finally:
        reopened.close()


def test_scores_clear_and_keep(store: ReviewStore, portfolio: Portfolio) -> None:
    made = store.create(new_review(portfolio.layout.root), T0)
    criterion = f"{RUBRIC}/video"
    store.set_score(made.id, criterion, T0, level_id=f"{criterion}/developing",
                    feedback="Try a timer.")
    kept = store.set_score(made.id, criterion, T0, level_id=KEEP, feedback="Use a timer.")
    assert kept.score(criterion) == CriterionScore(criterion, f"{criterion}/developing",
                                                   "Use a timer.")
    cleared = store.set_score(made.id, criterion, T0, level_id=None)
    assert cleared.score(criterion).level_id is None
    assert cleared.score(criterion).feedback == "Use a timer."
    gone = store.set_score(made.id, criterion, T0, feedback="")
    assert gone.scores == ()


# --- locks --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("state", "words"), [
    (ReviewState.QUEUED, "waits for the next sync"),
    (ReviewState.SENT, "was sent on 2026-12-01 10:00; it can no longer change"),
    (ReviewState.EXPORTED, "exported to a review file"),
    (ReviewState.CLOSED, "decided before this review reached the server"),
])
def test_a_locked_review_refuses_every_edit_and_says_why(
        store: ReviewStore, portfolio: Portfolio, state: ReviewState, words: str) -> None:
    made = store.create(new_review(portfolio.layout.root), T0)
    note = comment("Kept.", Anchor(VIDEO, start_ms=1000))
    store.add_comment(made.id, note, T0)
    store.add_time(made.id, 10, T0)
    sent = T0 + timedelta(hours=1)
    store.transition(made.id, sent, state=state, finished_at=sent, sent_at=sent)
    before = store.get(made.id)
    edits: list[Callable[[], object]] = [
        lambda: store.set_score(made.id, f"{RUBRIC}/video", T0, level_id="x"),
        lambda: store.add_comment(made.id, comment("New.", Anchor(VIDEO)), T0),
        lambda: store.update_comment(made.id, comment("Changed.", note.anchor, id=note.id), T0),
        lambda: store.delete_comment(made.id, note.id, T0),
        lambda: store.edit(made.id, T0, blind=False),
    ]
    for edit in edits:
        with pytest.raises(ReviewLockedError, match=words):
            edit()
    assert store.add_time(made.id, 60, T0).seconds_spent == 10  # ignored, silently
    assert store.get(made.id) == before
    with pytest.raises(ReviewLockedError, match=words):
        store.transition(made.id, T0, allowed={ReviewState.IN_PROGRESS},
                         state=ReviewState.IN_PROGRESS)


def test_unknown_reviews_and_comments(store: ReviewStore, portfolio: Portfolio) -> None:
    with pytest.raises(NotFoundError, match='no review with id "nope"'):
        store.get("nope")
    with pytest.raises(NotFoundError):
        store.add_time("nope", 5, T0)
    made = store.create(new_review(portfolio.layout.root), T0)
    with pytest.raises(NotFoundError, match="has no comment"):
        store.delete_comment(made.id, "missing", T0)
    other = store.create(new_review(portfolio.layout.root, assignment_id="as-18"), T0)
    theirs = store.add_comment(other.id, comment("Theirs.", Anchor(VIDEO)), T0)
    with pytest.raises(NotFoundError, match="has no comment"):
        store.update_comment(made.id, theirs, T0)  # a comment of another review


def test_one_queue_line_per_assignment_of_a_server(store: ReviewStore,
                                                   portfolio: Portfolio) -> None:
    first = store.add_assignment(new_review(portfolio.layout.root, package_folder=None), T0)
    again = store.add_assignment(new_review(portfolio.layout.root, package_folder=None), T0)
    other_server = store.add_assignment(new_review(portfolio.layout.root, server="hill",
                                                   package_folder=None), T0)
    assert again.id == first.id and other_server.id != first.id
    assert first.package_folder is None
    assert store.known_assignment_ids("riverbend") == {"as-17"}
    assert {r.id for r in store.by_assignment("as-17")} == {first.id, other_server.id}
    assert [r.id for r in store.by_assignment("as-17", "hill")] == [other_server.id]


# --- comments of other subjects -----------------------------------------------------------------


def test_received_comments_are_kept_apart_and_replaced_or_merged(
        portfolio: Portfolio, store: ReviewStore) -> None:
    CatalogService(portfolio).import_file(DEMO_CATALOG)
    drafts = DraftStore(portfolio.database)
    draft = drafts.create(achievement_id="https://demo.mcdesk.org/achievements/exit-tickets",
                          mc_version="1.0", mc_name="Exit tickets", now=T0)
    review = store.create(new_review(portfolio.layout.root), T0)
    shared = comment("Also the assessor's own.", Anchor(VIDEO, start_ms=2000))
    store.add_comment(review.id, shared, T0)
    first = comment("Good questions.", Anchor(VIDEO, start_ms=1000))
    store.record_received(draft.id, [first, shared], feedback=[
        CriterionFeedback(f"{RUBRIC}/video", f"{RUBRIC}/video/proficient", "Well done.")])
    received = store.received_comments(draft.id)
    assert sorted(c.text for c in received) == ["Also the assessor's own.", "Good questions."]
    assert store.get(review.id).comments == (shared,)  # the review's own copy is untouched
    assert drafts.get(draft.id).received_feedback == (
        CriterionFeedback(f"{RUBRIC}/video", f"{RUBRIC}/video/proficient", "Well done."),)
    assert store.draft_of_submission(f"urn:uuid:{draft.submission_id}") == draft.id

    second = comment("From a second assessor.", Anchor(VIDEO, page=1))
    store.record_received(draft.id, [second, first], merge=True, feedback=[
        CriterionFeedback(f"{RUBRIC}/overview", None, "Add the grade level.")])
    assert sorted(c.text for c in store.received_comments(draft.id)) == [
        "Also the assessor's own.", "From a second assessor.", "Good questions."]
    assert {f.rubric_criterion_id for f in drafts.get(draft.id).received_feedback} == {
        f"{RUBRIC}/video", f"{RUBRIC}/overview"}

    store.record_received(draft.id, [second])  # sync: the server's set replaces it
    assert [c.text for c in store.received_comments(draft.id)] == ["From a second assessor."]
    with pytest.raises(NotFoundError):
        store.record_received("no-such-draft", [second])


def test_meta_values(store: ReviewStore) -> None:
    store.set_meta({"role": "assessor", "owner_name": "Dana"})
    assert store.meta("role") == "assessor"
    store.set_meta({"owner_name": None, "role": "coach"})
    assert store.meta("owner_name") is None and store.meta("role") == "coach"
