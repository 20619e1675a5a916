"""Reads and writes reviews (scores, state, time spent) and anchored comments (annotations);
every change is one short transaction that checks the review is not locked; returns core
objects; worker thread (the writer lane; an edit is safe on every debounced keystroke)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mcdesk.core.calibration import CalibrationResult
from mcdesk.core.drafts import CriterionFeedback
from mcdesk.core.errors import McdeskError, NotFoundError
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
from mcdesk.storage.db import Database
from mcdesk.storage.models import (
    AnnotationRow,
    DraftRow,
    FeedbackRow,
    MetaRow,
    ReviewRow,
    ReviewScoreRow,
)

# Subjects of annotations.
REVIEW_SUBJECT = "review"
RECEIVED_SUBJECT = "received"
DRAFT_SUBJECT = "draft"

# Review columns a state change may set.
_STATE_FIELDS = frozenset({"state", "finished_at", "sent_at", "etag", "error",
                           "server_copy_json", "package_folder", "mc_name",
                           "calibration_json"})
# Review columns an edit may set.
_EDIT_FIELDS = frozenset({"override_decision", "override_reason", "blind"})


def _naive(moment: datetime | None) -> datetime | None:
    """UTC without a zone, as every table of the portfolio stores time."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None)


def _now(moment: datetime) -> datetime:
    naive = _naive(moment)
    assert naive is not None
    return naive


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


def locked_message(row: ReviewRow | Review) -> str:
    """Why a review can no longer change, in words."""
    state = ReviewState(row.state)
    finished = _aware(row.finished_at)
    sent = _aware(row.sent_at)
    if state is ReviewState.QUEUED:
        when = f" on {finished:%Y-%m-%d %H:%M}" if finished else ""
        return (f"this review was finished{when} and waits for the next sync to send it; "
                "reopen it to change it")
    if state is ReviewState.SENT:
        when = f" on {sent:%Y-%m-%d %H:%M}" if sent else ""
        return f"this review was sent{when}; it can no longer change"
    if state is ReviewState.EXPORTED:
        when = f" on {finished:%Y-%m-%d %H:%M}" if finished else ""
        return f"this review was exported to a review file{when}; it can no longer change"
    return ("the submission was decided before this review reached the server; it can no "
            "longer change")


class _Keep:
    """Marks an argument left as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


@dataclass(frozen=True)
class NewReview:
    """What a review starts with."""

    submission_id: str
    mc_id: str
    mc_version: str
    mc_name: str
    attempt: int
    source: ReviewSource
    server: str | None = None
    assignment_id: str | None = None
    due_at: datetime | None = None
    package_folder: Path | None = None


class ReviewStore:
    """Reviews and annotations in one portfolio database. `root` is the portfolio folder:
    package folders are stored relative to it, so the portfolio can move."""

    def __init__(self, database: Database, root: Path) -> None:
        self._db = database
        self._root = root

    # -- reviews ---------------------------------------------------------------------------

    def create(self, new: NewReview, now: datetime) -> Review:
        review_id = str(uuid.uuid4())
        moment = _now(now)
        with self._db.transaction() as session:
            session.add(self._new_row(new, review_id, moment))
        return self.get(review_id)

    def create_or_get(self, new: NewReview, now: datetime,
                      match: Callable[[Review], bool]) -> tuple[Review, bool]:
        """The review of `new.submission_id` that `match` accepts, or a new one; both in one
        transaction, so two openings of the same package never make two reviews."""
        moment = _now(now)
        with self._db.transaction() as session:
            rows = session.scalars(select(ReviewRow).where(
                ReviewRow.submission_id == new.submission_id).order_by(ReviewRow.created_at))
            for found in self._load(session, list(rows)):
                if match(found):
                    return found, False
            review_id = str(uuid.uuid4())
            session.add(self._new_row(new, review_id, moment))
        return self.get(review_id), True

    def get(self, review_id: str) -> Review:
        with self._db.reading() as session:
            return self._load(session, [_row(session, review_id)])[0]

    def all(self) -> list[Review]:
        with self._db.reading() as session:
            rows = list(session.scalars(select(ReviewRow).order_by(
                ReviewRow.created_at.desc(), ReviewRow.id)))
            return self._load(session, rows)

    def ids(self) -> list[str]:
        with self._db.reading() as session:
            return list(session.scalars(select(ReviewRow.id)))

    def by_assignment(self, assignment_id: str, server: str | None = None) -> list[Review]:
        with self._db.reading() as session:
            query = select(ReviewRow).where(ReviewRow.assignment_id == assignment_id)
            if server is not None:
                query = query.where(ReviewRow.server == server)
            return self._load(session, list(session.scalars(query)))

    def known_assignment_ids(self, server: str) -> set[str]:
        with self._db.reading() as session:
            return {a for a in session.scalars(select(ReviewRow.assignment_id).where(
                ReviewRow.server == server, ReviewRow.assignment_id.is_not(None)))
                if a is not None}

    def in_state(self, state: ReviewState, server: str | None = None) -> list[Review]:
        with self._db.reading() as session:
            query = select(ReviewRow).where(ReviewRow.state == str(state))
            if server is not None:
                query = query.where(ReviewRow.server == server)
            rows = list(session.scalars(query.order_by(ReviewRow.finished_at, ReviewRow.id)))
            return self._load(session, rows)

    def add_assignment(self, new: NewReview, now: datetime) -> Review:
        """The queue line of a server's assignment; the existing one when it is known."""
        assert new.server is not None and new.assignment_id is not None
        moment = _now(now)
        with self._db.transaction() as session:
            existing = session.scalars(select(ReviewRow).where(
                ReviewRow.server == new.server,
                ReviewRow.assignment_id == new.assignment_id)).first()
            if existing is not None:
                return self._load(session, [existing])[0]
            review_id = str(uuid.uuid4())
            session.add(self._new_row(new, review_id, moment))
        return self.get(review_id)

    # -- edits (refused once locked) -------------------------------------------------------

    def edit(self, review_id: str, now: datetime, **fields: Any) -> Review:
        """Set override, reason or blind on an unlocked review."""
        unknown = set(fields) - _EDIT_FIELDS
        if unknown:
            raise ValueError(f"not editable review fields: {sorted(unknown)}")
        with self._db.transaction() as session:
            row = _editable(session, review_id)
            for name, value in fields.items():
                setattr(row, name, value)
            row.updated_at = _now(now)
            return self._load(session, [row])[0]

    def set_score(self, review_id: str, rubric_criterion_id: str, now: datetime, *,
                  level_id: str | _Keep | None = KEEP, feedback: str | _Keep = KEEP
                  ) -> Review:
        """Change the level and/or the feedback of one rubric criterion (KEEP leaves one as
        it is). A score with neither a level nor feedback is removed."""
        moment = _now(now)
        with self._db.transaction() as session:
            row = _editable(session, review_id)
            score = session.get(ReviewScoreRow, (review_id, rubric_criterion_id))
            level = (score.level_id if score is not None else None) if level_id is KEEP \
                else level_id
            text = (score.feedback if score is not None else "") if feedback is KEEP \
                else feedback
            assert not isinstance(level, _Keep) and not isinstance(text, _Keep)
            text = text or ""
            if level is None and not text:
                if score is not None:
                    session.delete(score)
            elif score is None:
                session.add(ReviewScoreRow(review_id=review_id,
                                           rubric_criterion_id=rubric_criterion_id,
                                           level_id=level, feedback=text, updated_at=moment))
            elif score.level_id != level or score.feedback != text:
                score.level_id = level
                score.feedback = text
                score.updated_at = moment
            row.updated_at = moment
            session.flush()
            return self._load(session, [row])[0]

    def add_comment(self, review_id: str, comment: Annotation, now: datetime) -> Annotation:
        with self._db.transaction() as session:
            row = _editable(session, review_id)
            if session.get(AnnotationRow, comment.id) is not None:
                raise McdeskError(f'a comment with id "{comment.id}" exists already')
            session.add(_annotation_row(comment, REVIEW_SUBJECT, review_id))
            row.updated_at = _now(now)
        return comment

    def update_comment(self, review_id: str, comment: Annotation, now: datetime) -> Annotation:
        with self._db.transaction() as session:
            row = _editable(session, review_id)
            existing = session.get(AnnotationRow, comment.id)
            if existing is None or (existing.subject_kind, existing.subject_id) != (
                    REVIEW_SUBJECT, review_id):
                raise NotFoundError(f'this review has no comment with id "{comment.id}"')
            updated = _annotation_row(comment, REVIEW_SUBJECT, review_id)
            updated.created_at = existing.created_at
            updated.updated_at = _now(now)
            session.merge(updated)
            row.updated_at = _now(now)
            session.flush()
            return _annotation(session.get(AnnotationRow, comment.id) or updated)

    def delete_comment(self, review_id: str, comment_id: str, now: datetime) -> None:
        with self._db.transaction() as session:
            row = _editable(session, review_id)
            existing = session.get(AnnotationRow, comment_id)
            if existing is None or (existing.subject_kind, existing.subject_id) != (
                    REVIEW_SUBJECT, review_id):
                raise NotFoundError(f'this review has no comment with id "{comment_id}"')
            session.delete(existing)
            row.updated_at = _now(now)

    def add_time(self, review_id: str, seconds: int, now: datetime) -> Review:
        """Add to the time spent; silently nothing once the review is locked."""
        with self._db.transaction() as session:
            row = _row(session, review_id)
            if not ReviewState(row.state).locked and seconds > 0:
                row.seconds_spent = int(row.seconds_spent or 0) + int(seconds)
                row.updated_at = _now(now)
            return self._load(session, [row])[0]

    # -- state changes ---------------------------------------------------------------------

    def transition(self, review_id: str, now: datetime, *,
                   allowed: Iterable[ReviewState] | None = None,
                   expected: Review | None = None, **fields: Any) -> Review:
        """Change the review's state fields in one transaction. `allowed`: the states it may
        be in (otherwise ReviewLockedError when it is locked, McdeskError when not);
        `expected`: the review as the caller last read it (a concurrent edit since then is
        reported as ChangedMeanwhile, and nothing is changed)."""
        unknown = set(fields) - _STATE_FIELDS
        if unknown:
            raise ValueError(f"not review state fields: {sorted(unknown)}")
        with self._db.transaction() as session:
            row = _row(session, review_id)
            state = ReviewState(row.state)
            if allowed is not None and state not in set(allowed):
                if state.locked:
                    raise ReviewLockedError(locked_message(row))
                raise McdeskError(f"this review is {state}")
            if expected is not None and self._load(session, [row])[0] != expected:
                raise ChangedMeanwhileError("the review changed while it was being written")
            for name, value in fields.items():
                if name == "package_folder":
                    value = self._relative(value)
                elif name in ("server_copy_json", "calibration_json") and \
                        value is not None and not isinstance(value, str):
                    value = json.dumps(value, ensure_ascii=False)
                elif isinstance(value, datetime):
                    value = _naive(value)
                elif isinstance(value, ReviewState):
                    value = str(value)
                setattr(row, name, value)
            row.updated_at = _now(now)
            session.flush()
            return self._load(session, [row])[0]

    # -- the earner's side -----------------------------------------------------------------

    def draft_of_submission(self, submission_id: str) -> str | None:
        """The id of the draft (trashed ones too) whose submission id this is."""
        wanted = submission_id.removeprefix("urn:uuid:")
        with self._db.reading() as session:
            return session.scalar(select(DraftRow.id).where(DraftRow.submission_id == wanted))

    def received_comments(self, draft_id: str) -> list[Annotation]:
        with self._db.reading() as session:
            return _comments(session, RECEIVED_SUBJECT, draft_id)

    def record_received(self, draft_id: str, comments: Sequence[Annotation], *,
                        feedback: Sequence[CriterionFeedback] | None = None,
                        merge: bool = False) -> None:
        """Replace the comments the earner received on draft `draft_id` (and, given
        `feedback`, what assessors said per rubric criterion) in one transaction. With
        `merge`, comments and criteria not named here are kept (another assessor's)."""
        with self._db.transaction() as session:
            if session.get(DraftRow, draft_id) is None:
                raise NotFoundError(f'no draft with id "{draft_id}"')
            rows = [_annotation_row(c, RECEIVED_SUBJECT, draft_id) for c in comments]
            for row in rows:
                row.id = _received_id(draft_id, row.id)
            mine = (AnnotationRow.subject_kind == RECEIVED_SUBJECT,
                    AnnotationRow.subject_id == draft_id)
            if merge:
                session.execute(delete(AnnotationRow).where(
                    *mine, AnnotationRow.id.in_([row.id for row in rows])))
            else:
                session.execute(delete(AnnotationRow).where(*mine))
            session.flush()
            seen: set[str] = set()
            for row in rows:
                if row.id in seen:
                    continue
                seen.add(row.id)
                session.add(row)
            if feedback is not None:
                if merge:
                    session.execute(delete(FeedbackRow).where(
                        FeedbackRow.draft_id == draft_id,
                        FeedbackRow.rubric_criterion_id.in_(
                            [item.rubric_criterion_id for item in feedback])))
                else:
                    session.execute(delete(FeedbackRow).where(FeedbackRow.draft_id == draft_id))
                session.flush()
                named: set[str] = set()
                for item in feedback:
                    if item.rubric_criterion_id in named:
                        continue
                    named.add(item.rubric_criterion_id)
                    session.add(FeedbackRow(draft_id=draft_id,
                                            rubric_criterion_id=item.rubric_criterion_id,
                                            level_id=item.level_id, text=item.feedback))

    # -- meta (roles) ----------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        with self._db.reading() as session:
            row = session.get(MetaRow, key)
            return row.value if row is not None else None

    def set_meta(self, values: Mapping[str, str | None]) -> None:
        """Set (or, with None, remove) portfolio facts in one transaction."""
        with self._db.transaction() as session:
            for key, value in values.items():
                row = session.get(MetaRow, key)
                if value is None:
                    if row is not None:
                        session.delete(row)
                elif row is None:
                    session.add(MetaRow(key=key, value=value))
                else:
                    row.value = value

    # -- reading ---------------------------------------------------------------------------

    def _new_row(self, new: NewReview, review_id: str, moment: datetime) -> ReviewRow:
        return ReviewRow(
            id=review_id, submission_id=new.submission_id, mc_id=new.mc_id,
            mc_version=new.mc_version, mc_name=new.mc_name, attempt=new.attempt,
            source=str(new.source), server=new.server, assignment_id=new.assignment_id,
            due_at=_naive(new.due_at), package_folder=self._relative(new.package_folder),
            state=str(ReviewState.IN_PROGRESS), blind=True, override_decision=None,
            override_reason="", seconds_spent=0, created_at=moment, updated_at=moment,
            error="")

    def _relative(self, folder: Path | str | None) -> str | None:
        if folder is None:
            return None
        path = Path(folder)
        try:
            return PurePosixPath(*path.absolute().relative_to(self._root).parts).as_posix()
        except ValueError:
            return str(path.absolute())

    def _folder(self, stored: str | None) -> Path | None:
        if stored is None:
            return None
        path = Path(stored)
        return path if path.is_absolute() else self._root.joinpath(*stored.split("/"))

    def _load(self, session: Session, rows: Sequence[ReviewRow]) -> list[Review]:
        if not rows:
            return []
        ids = [row.id for row in rows]
        scores: dict[str, list[CriterionScore]] = {}
        for score in session.scalars(select(ReviewScoreRow).where(
                ReviewScoreRow.review_id.in_(ids)).order_by(ReviewScoreRow.rubric_criterion_id)):
            scores.setdefault(score.review_id, []).append(
                CriterionScore(score.rubric_criterion_id, score.level_id, score.feedback))
        comments: dict[str, list[Annotation]] = {}
        for comment in session.scalars(select(AnnotationRow).where(
                AnnotationRow.subject_kind == REVIEW_SUBJECT,
                AnnotationRow.subject_id.in_(ids)).order_by(
                AnnotationRow.created_at, AnnotationRow.id)):
            comments.setdefault(comment.subject_id, []).append(_annotation(comment))
        reviews = []
        for row in rows:
            created = _aware(row.created_at)
            updated = _aware(row.updated_at)
            assert created is not None and updated is not None
            reviews.append(Review(
                id=row.id, submission_id=row.submission_id, mc_id=row.mc_id,
                mc_version=row.mc_version, mc_name=row.mc_name, attempt=row.attempt,
                source=ReviewSource(row.source), state=ReviewState(row.state),
                created_at=created, updated_at=updated,
                package_folder=self._folder(row.package_folder), server=row.server,
                assignment_id=row.assignment_id, due_at=_aware(row.due_at),
                scores=tuple(scores.get(row.id, ())),
                comments=tuple(comments.get(row.id, ())),
                override_decision=row.override_decision,
                override_reason=row.override_reason or "",
                seconds_spent=int(row.seconds_spent or 0), blind=bool(row.blind),
                finished_at=_aware(row.finished_at), sent_at=_aware(row.sent_at),
                etag=row.etag, error=row.error or "",
                server_copy=_server_copy(row.server_copy_json),
                calibration=_calibration(row.calibration_json)))
        return reviews


class ChangedMeanwhileError(McdeskError):
    """A review changed between reading it and a state change that relied on it."""


# -- helpers -------------------------------------------------------------------------------


def _row(session: Session, review_id: str) -> ReviewRow:
    row = session.get(ReviewRow, review_id)
    if row is None:
        raise NotFoundError(f'no review with id "{review_id}"')
    return row


def _editable(session: Session, review_id: str) -> ReviewRow:
    row = _row(session, review_id)
    if ReviewState(row.state).locked:
        raise ReviewLockedError(locked_message(row))
    return row


def _received_id(draft_id: str, comment_id: str) -> str:
    """The id a received comment is kept under: its own id would collide with the assessor's
    copy when one portfolio is used for both roles, so a stable id derived from both."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mcdesk:received:{draft_id}:{comment_id}"))


def _server_copy(text: str | None) -> Mapping[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _calibration(text: str | None) -> CalibrationResult | None:
    """The kept answer; None when there is none (or it cannot be read: the item is then
    shown as not compared yet, and its next sync brings the answer again)."""
    found = _server_copy(text)
    if found is None:
        return None
    try:
        return CalibrationResult.from_wire(found)
    except McdeskError:
        return None


def _comments(session: Session, kind: str, subject_id: str) -> list[Annotation]:
    return [_annotation(row) for row in session.scalars(select(AnnotationRow).where(
        AnnotationRow.subject_kind == kind, AnnotationRow.subject_id == subject_id).order_by(
        AnnotationRow.created_at, AnnotationRow.id))]


def _annotation_row(comment: Annotation, kind: str, subject_id: str) -> AnnotationRow:
    anchor = comment.anchor
    region = anchor.region
    passage = anchor.passage
    return AnnotationRow(
        id=comment.id, subject_kind=kind, subject_id=subject_id, target=anchor.target,
        path=anchor.path, start_ms=anchor.start_ms, end_ms=anchor.end_ms, page=anchor.page,
        region_x=region[0] if region else None, region_y=region[1] if region else None,
        region_w=region[2] if region else None, region_h=region[3] if region else None,
        passage_start=passage[0] if passage else None,
        passage_end=passage[1] if passage else None, quote=anchor.quote, text=comment.text,
        kind=str(comment.kind), rubric_criterion_id=comment.rubric_criterion_id,
        audience=str(comment.audience), created_at=_naive(comment.created_at),
        updated_at=_naive(comment.updated_at))


def _annotation(row: AnnotationRow) -> Annotation:
    region = None
    if None not in (row.region_x, row.region_y, row.region_w, row.region_h):
        assert row.region_x is not None and row.region_y is not None
        assert row.region_w is not None and row.region_h is not None
        region = (row.region_x, row.region_y, row.region_w, row.region_h)
    passage = None
    if row.passage_start is not None and row.passage_end is not None:
        passage = (row.passage_start, row.passage_end)
    return Annotation(
        id=row.id,
        anchor=Anchor(target=row.target, path=row.path, start_ms=row.start_ms,
                      end_ms=row.end_ms, page=row.page, region=region, passage=passage,
                      quote=row.quote or ""),
        text=row.text, kind=CommentKind(row.kind),
        rubric_criterion_id=row.rubric_criterion_id, audience=Audience(row.audience),
        created_at=_aware(row.created_at), updated_at=_aware(row.updated_at))
