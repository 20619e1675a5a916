"""Reads and writes drafts: answers and their versions, attachments, self-assessment, feedback;
returns core objects; worker thread (writes on the writer lane; an answer write is one small
transaction, safe on every debounced keystroke)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from mcdesk.core.drafts import (
    Answer,
    AnswerVersion,
    Attachment,
    CriterionFeedback,
    Draft,
    DraftStatus,
)
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.storage.db import Database
from mcdesk.storage.models import (
    AnswerVersionRow,
    DraftAnswerRow,
    DraftAttachmentRow,
    DraftRow,
    EvidenceRow,
    FeedbackRow,
    SelfAssessmentRow,
)

# A new version starts when the newest one is older than this (seconds)...
VERSION_WINDOW_S = 60.0
# ...or when one write changes a lot (a paste, a deleted paragraph): this share of the text,
# between BIG_EDIT_MIN_CHARS and BIG_EDIT_MAX_CHARS characters.
BIG_EDIT_SHARE = 0.25
BIG_EDIT_MIN_CHARS = 40
BIG_EDIT_MAX_CHARS = 80
# Versions kept per answer; the oldest go first.
MAX_VERSIONS = 50

R = TypeVar("R")


class DraftStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- drafts ----------------------------------------------------------------------------

    def create(self, *, achievement_id: str, mc_version: str, mc_name: str,
               now: datetime) -> Draft:
        draft_id = str(uuid.uuid4())
        with self._db.transaction() as session:
            session.add(DraftRow(
                id=draft_id, achievement_id=achievement_id, mc_version=mc_version,
                mc_name=mc_name, attempt=1, status=str(DraftStatus.DRAFT),
                previous_attempt_id=None, submission_id=str(uuid.uuid4()),
                created_at=_naive(now), updated_at=_naive(now)))
        return self.get(draft_id)

    def get(self, draft_id: str, *, include_trashed: bool = False) -> Draft:
        with self._db.reading() as session:
            row = session.get(DraftRow, draft_id)
            if row is None or (row.trashed_at is not None and not include_trashed):
                raise NotFoundError(f'no draft with id "{draft_id}"')
            return self._load(session, [row])[0]

    def all(self, *, include_trashed: bool = False) -> list[Draft]:
        """Every draft, the most recently changed first."""
        with self._db.reading() as session:
            query = select(DraftRow)
            if not include_trashed:
                query = query.where(DraftRow.trashed_at.is_(None))
            rows = list(session.scalars(query.order_by(DraftRow.updated_at.desc(),
                                                       DraftRow.id)))
            return self._load(session, rows)

    def lines(self, limit: int | None = None) -> list[tuple[str, str, int, str]]:
        """(id, micro-credential name, attempt, status) of every draft not in the trash (or
        the first `limit`), in the order of `all`, without reading their answers and
        attachments."""
        with self._db.reading() as session:
            rows = session.execute(
                select(DraftRow.id, DraftRow.mc_name, DraftRow.attempt, DraftRow.status)
                .where(DraftRow.trashed_at.is_(None))
                .order_by(DraftRow.updated_at.desc(), DraftRow.id).limit(limit))
            return [(str(i), str(n), int(a), str(s)) for i, n, a, s in rows]

    def usage_rows(self) -> list[tuple[str, str, str, int]]:
        """(evidence id, draft id, micro-credential name, attempt) for every attachment of a
        draft not in the trash, drafts in the order of `all`: the "Used in" line without
        loading every draft."""
        with self._db.reading() as session:
            rows = session.execute(
                select(DraftAttachmentRow.evidence_id, DraftRow.id, DraftRow.mc_name,
                       DraftRow.attempt)
                .join(DraftRow, DraftRow.id == DraftAttachmentRow.draft_id)
                .where(DraftRow.trashed_at.is_(None))
                .order_by(DraftRow.updated_at.desc(), DraftRow.id,
                          DraftAttachmentRow.criterion_id, DraftAttachmentRow.position))
            return [(str(e), str(d), str(n), int(a)) for e, d, n, a in rows]

    def pinned(self, draft_id: str) -> tuple[str, str]:
        """(achievement id, version) a draft was started on, read without loading the draft."""
        with self._db.reading() as session:
            row = session.execute(select(DraftRow.achievement_id, DraftRow.mc_version).where(
                DraftRow.id == draft_id, DraftRow.trashed_at.is_(None))).first()
            if row is None:
                raise NotFoundError(f'no draft with id "{draft_id}"')
            return str(row[0]), str(row[1])

    def ids(self, *, include_trashed: bool = False) -> list[str]:
        with self._db.reading() as session:
            query = select(DraftRow.id)
            if not include_trashed:
                query = query.where(DraftRow.trashed_at.is_(None))
            return list(session.scalars(query))

    def next_attempt_id(self, draft_id: str) -> str | None:
        """The attempt started from `draft_id`, if any (trashed ones too)."""
        with self._db.reading() as session:
            return session.scalar(select(DraftRow.id).where(
                DraftRow.previous_attempt_id == draft_id).limit(1))

    def move_to_trash(self, draft_id: str, now: datetime) -> None:
        with self._db.transaction() as session:
            row = _draft_row(session, draft_id)
            row.trashed_at = _naive(now)

    def restore_from_trash(self, draft_id: str) -> Draft:
        with self._db.transaction() as session:
            row = session.get(DraftRow, draft_id)
            if row is None:
                raise NotFoundError(f'no draft with id "{draft_id}"')
            row.trashed_at = None
        return self.get(draft_id)

    def set_status(self, draft_id: str, status: DraftStatus, now: datetime) -> Draft:
        with self._db.transaction() as session:
            row = _draft_row(session, draft_id)
            row.status = str(status)
            row.updated_at = _naive(now)
        return self.get(draft_id)

    def record_decision(self, draft_id: str, status: DraftStatus,
                        feedback: Sequence[CriterionFeedback], now: datetime) -> Draft:
        """Set the issuer's decision and what assessors said, replacing an earlier record."""
        with self._db.transaction() as session:
            row = _draft_row(session, draft_id)
            row.status = str(status)
            row.decided_at = _naive(now)
            row.updated_at = _naive(now)
            session.execute(delete(FeedbackRow).where(FeedbackRow.draft_id == draft_id))
            for item in feedback:
                session.add(FeedbackRow(draft_id=draft_id,
                                        rubric_criterion_id=item.rubric_criterion_id,
                                        level_id=item.level_id, text=item.feedback))
        return self.get(draft_id)

    def start_next_attempt(self, previous_id: str, now: datetime) -> Draft:
        """A new draft continuing `previous_id`: same micro-credential version, the next attempt
        number, a new submission id, and copies of its answers, attachments and
        self-assessment. One transaction."""
        new_id = str(uuid.uuid4())
        moment = _naive(now)
        with self._db.transaction() as session:
            previous = _draft_row(session, previous_id)
            session.add(DraftRow(
                id=new_id, achievement_id=previous.achievement_id,
                mc_version=previous.mc_version, mc_name=previous.mc_name,
                attempt=previous.attempt + 1, status=str(DraftStatus.DRAFT),
                previous_attempt_id=previous.id, submission_id=str(uuid.uuid4()),
                created_at=moment, updated_at=moment))
            session.flush()
            reason = f"copied from attempt {previous.attempt}"
            for answer in session.scalars(select(DraftAnswerRow).where(
                    DraftAnswerRow.draft_id == previous_id)):
                session.add(DraftAnswerRow(draft_id=new_id, criterion_id=answer.criterion_id,
                                           text=answer.text, updated_at=moment))
                session.add(AnswerVersionRow(draft_id=new_id, criterion_id=answer.criterion_id,
                                             text=answer.text, started_at=moment,
                                             saved_at=moment, reason=reason))
            for attachment in session.scalars(select(DraftAttachmentRow).where(
                    DraftAttachmentRow.draft_id == previous_id)):
                session.add(DraftAttachmentRow(
                    draft_id=new_id, criterion_id=attachment.criterion_id,
                    evidence_id=attachment.evidence_id, position=attachment.position,
                    caption=attachment.caption))
            for mark in session.scalars(select(SelfAssessmentRow).where(
                    SelfAssessmentRow.draft_id == previous_id)):
                session.add(SelfAssessmentRow(draft_id=new_id,
                                              rubric_criterion_id=mark.rubric_criterion_id,
                                              level_id=mark.level_id))
        return self.get(new_id)

    # -- answers ---------------------------------------------------------------------------

    def write_answer(self, draft_id: str, criterion_id: str, text: str,
                     now: datetime) -> Answer:
        """Save the answer and keep its history: the newest version follows the text while the
        teacher types, and a new version starts after VERSION_WINDOW_S or a big edit."""
        moment = _naive(now)
        with self._db.transaction() as session:
            draft = _editable_row(session, draft_id)
            row = session.get(DraftAnswerRow, (draft_id, criterion_id))
            if row is not None and row.text == text:
                return _answer(row)
            if row is None and not text:  # nothing written yet, nothing to keep
                return Answer(criterion_id, "", _aware(moment))
            if row is None:
                row = DraftAnswerRow(draft_id=draft_id, criterion_id=criterion_id, text=text,
                                     updated_at=moment)
                session.add(row)
            else:
                row.text = text
                row.updated_at = moment
            _touch(draft, moment)
            latest = session.scalars(select(AnswerVersionRow).where(
                AnswerVersionRow.draft_id == draft_id,
                AnswerVersionRow.criterion_id == criterion_id)
                .order_by(AnswerVersionRow.id.desc()).limit(1)).first()
            if latest is not None and not latest.reason and not _new_version_due(
                    latest, text, moment):
                latest.text = text
                latest.saved_at = moment
            else:
                _add_version(session, draft_id, criterion_id, text, moment, "")
            return _answer(row)

    def answer_versions(self, draft_id: str, criterion_id: str) -> list[AnswerVersion]:
        """The versions of one answer, newest first."""
        with self._db.reading() as session:
            rows = session.scalars(select(AnswerVersionRow).where(
                AnswerVersionRow.draft_id == draft_id,
                AnswerVersionRow.criterion_id == criterion_id)
                .order_by(AnswerVersionRow.id.desc()))
            return [_version(row) for row in rows]

    def restore_version(self, draft_id: str, version_id: int, now: datetime) -> Answer:
        """Make an earlier version the answer again; the restore is itself a new version, so the
        text it replaces stays in the history."""
        moment = _naive(now)
        with self._db.transaction() as session:
            draft = _editable_row(session, draft_id)
            version = session.get(AnswerVersionRow, version_id)
            if version is None or version.draft_id != draft_id:
                raise NotFoundError(f"this draft has no earlier version {version_id}")
            row = session.get(DraftAnswerRow, (draft_id, version.criterion_id))
            if row is None:
                row = DraftAnswerRow(draft_id=draft_id, criterion_id=version.criterion_id,
                                     text=version.text, updated_at=moment)
                session.add(row)
            else:
                row.text = version.text
                row.updated_at = moment
            _touch(draft, moment)
            when = version.saved_at.replace(tzinfo=UTC).strftime("%Y-%m-%d %H:%M")
            _add_version(session, draft_id, version.criterion_id, version.text, moment,
                         f"restored from {when}")
            return _answer(row)

    # -- attachments -----------------------------------------------------------------------

    def attach(self, draft_id: str, criterion_id: str, evidence_id: str, caption: str,
               now: datetime) -> Attachment:
        with self._db.transaction() as session:
            draft = _editable_row(session, draft_id)
            evidence = session.get(EvidenceRow, evidence_id)
            if evidence is None:
                raise NotFoundError(f'no evidence with id "{evidence_id}"')
            if evidence.trashed_at is not None:
                raise McdeskError(f'"{evidence.title}" is in the trash; restore it before '
                                  "attaching it")
            if session.scalar(select(DraftAttachmentRow.id).where(
                    DraftAttachmentRow.draft_id == draft_id,
                    DraftAttachmentRow.criterion_id == criterion_id,
                    DraftAttachmentRow.evidence_id == evidence_id)) is not None:
                raise McdeskError(f'"{evidence.title}" is already attached to this criterion')
            position = session.scalar(select(func.count()).select_from(DraftAttachmentRow)
                                      .where(DraftAttachmentRow.draft_id == draft_id,
                                             DraftAttachmentRow.criterion_id == criterion_id))
            row = DraftAttachmentRow(draft_id=draft_id, criterion_id=criterion_id,
                                     evidence_id=evidence_id, position=int(position or 0),
                                     caption=caption)
            session.add(row)
            _touch(draft, _naive(now))
            return _attachment(row)

    def detach(self, draft_id: str, criterion_id: str, evidence_id: str,
               now: datetime) -> None:
        with self._db.transaction() as session:
            draft = _editable_row(session, draft_id)
            rows = _attachment_rows(session, draft_id, criterion_id)
            keep = [row for row in rows if row.evidence_id != evidence_id]
            if len(keep) == len(rows):
                raise NotFoundError("this evidence is not attached to this criterion")
            for row in rows:
                if row.evidence_id == evidence_id:
                    session.delete(row)
            _renumber(keep)
            _touch(draft, _naive(now))

    def move(self, draft_id: str, criterion_id: str, evidence_id: str, position: int,
             now: datetime) -> list[Attachment]:
        """Put one attachment at `position` (0 is first; clamped) among its criterion's."""
        with self._db.transaction() as session:
            draft = _editable_row(session, draft_id)
            rows = _attachment_rows(session, draft_id, criterion_id)
            moving = [row for row in rows if row.evidence_id == evidence_id]
            if not moving:
                raise NotFoundError("this evidence is not attached to this criterion")
            rest = [row for row in rows if row.evidence_id != evidence_id]
            rest.insert(max(0, min(position, len(rest))), moving[0])
            _renumber(rest)
            _touch(draft, _naive(now))
            return [_attachment(row) for row in rest]

    def set_caption(self, draft_id: str, criterion_id: str, evidence_id: str, caption: str,
                    now: datetime) -> Attachment:
        with self._db.transaction() as session:
            draft = _editable_row(session, draft_id)
            row = session.scalars(select(DraftAttachmentRow).where(
                DraftAttachmentRow.draft_id == draft_id,
                DraftAttachmentRow.criterion_id == criterion_id,
                DraftAttachmentRow.evidence_id == evidence_id)).first()
            if row is None:
                raise NotFoundError("this evidence is not attached to this criterion")
            row.caption = caption
            _touch(draft, _naive(now))
            return _attachment(row)

    # -- self-assessment -------------------------------------------------------------------

    def set_self_assessment(self, draft_id: str, rubric_criterion_id: str,
                            level_id: str | None, now: datetime) -> None:
        with self._db.transaction() as session:
            draft = _editable_row(session, draft_id)
            row = session.get(SelfAssessmentRow, (draft_id, rubric_criterion_id))
            if level_id is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(SelfAssessmentRow(draft_id=draft_id,
                                              rubric_criterion_id=rubric_criterion_id,
                                              level_id=level_id))
            else:
                row.level_id = level_id
            _touch(draft, _naive(now))

    # -- reading ---------------------------------------------------------------------------

    def _load(self, session: Session, rows: Sequence[DraftRow]) -> list[Draft]:
        """Core drafts for `rows`, with their parts read in a handful of queries."""
        if not rows:
            return []
        ids = [row.id for row in rows]
        feedback_of = {row.id for row in rows} | {
            row.previous_attempt_id for row in rows if row.previous_attempt_id}
        answers = _group(session.scalars(select(DraftAnswerRow).where(
            DraftAnswerRow.draft_id.in_(ids)).order_by(DraftAnswerRow.criterion_id)),
            lambda r: r.draft_id)
        attachments = _group(session.scalars(select(DraftAttachmentRow).where(
            DraftAttachmentRow.draft_id.in_(ids)).order_by(
            DraftAttachmentRow.criterion_id, DraftAttachmentRow.position)),
            lambda r: r.draft_id)
        marks = _group(session.scalars(select(SelfAssessmentRow).where(
            SelfAssessmentRow.draft_id.in_(ids)).order_by(
            SelfAssessmentRow.rubric_criterion_id)), lambda r: r.draft_id)
        feedback = _group(session.scalars(select(FeedbackRow).where(
            FeedbackRow.draft_id.in_(feedback_of)).order_by(FeedbackRow.rubric_criterion_id)),
            lambda r: r.draft_id)
        drafts = []
        for row in rows:
            previous = feedback.get(row.previous_attempt_id or "", [])
            drafts.append(Draft(
                id=row.id,
                achievement_id=row.achievement_id,
                mc_version=row.mc_version,
                mc_name=row.mc_name,
                attempt=row.attempt,
                status=DraftStatus(row.status),
                created_at=_aware(row.created_at),
                updated_at=_aware(row.updated_at),
                previous_attempt_id=row.previous_attempt_id,
                answers=tuple(_answer(a) for a in answers.get(row.id, [])),
                attachments=tuple(_attachment(a) for a in attachments.get(row.id, [])),
                self_assessment=tuple((m.rubric_criterion_id, m.level_id)
                                      for m in marks.get(row.id, [])),
                feedback=tuple(_feedback(f) for f in previous),
                submission_id=row.submission_id,
                received_feedback=tuple(_feedback(f) for f in feedback.get(row.id, [])),
            ))
        return drafts


# -- helpers -------------------------------------------------------------------------------


def _naive(moment: datetime) -> datetime:
    """UTC without a zone, as every table of the portfolio stores time."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None)


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC)


def _draft_row(session: Session, draft_id: str) -> DraftRow:
    row = session.get(DraftRow, draft_id)
    if row is None or row.trashed_at is not None:
        raise NotFoundError(f'no draft with id "{draft_id}"')
    return row


def _editable_row(session: Session, draft_id: str) -> DraftRow:
    """The draft's row, if its contents may still change."""
    row = _draft_row(session, draft_id)
    status = DraftStatus(row.status)
    if not status.editable:
        if status is DraftStatus.NOT_YET:
            advice = "start a resubmission to change it"
        elif status is DraftStatus.EARNED:
            advice = "the micro-credential was earned with it"
        else:
            advice = 'it can be changed only in a resubmission, if it comes back "not yet"'
        raise McdeskError(f'the draft of "{row.mc_name}" (attempt {row.attempt}) was sent and '
                          f"is {status}; {advice}")
    return row


def _touch(row: DraftRow, moment: datetime) -> None:
    """Mark a draft changed; a packaged draft becomes a plain draft (its package is stale)."""
    row.updated_at = moment
    if row.status == str(DraftStatus.PACKAGED):
        row.status = str(DraftStatus.DRAFT)


def _new_version_due(latest: AnswerVersionRow, text: str, moment: datetime) -> bool:
    if (moment - latest.started_at).total_seconds() >= VERSION_WINDOW_S:
        return True
    share = BIG_EDIT_SHARE * max(len(latest.text), len(text))
    threshold = max(BIG_EDIT_MIN_CHARS, min(BIG_EDIT_MAX_CHARS, share))
    return _changed_chars(latest.text, text) >= threshold


def _changed_chars(old: str, new: str) -> int:
    """How many characters one edit changed: the longer side of what lies between the common
    start and the common end. Linear, so it is cheap on every keystroke."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return max(len(old), len(new)) - start - end


def _add_version(session: Session, draft_id: str, criterion_id: str, text: str,
                 moment: datetime, reason: str) -> None:
    session.add(AnswerVersionRow(draft_id=draft_id, criterion_id=criterion_id, text=text,
                                 started_at=moment, saved_at=moment, reason=reason))
    session.flush()
    keep = select(AnswerVersionRow.id).where(
        AnswerVersionRow.draft_id == draft_id, AnswerVersionRow.criterion_id == criterion_id
    ).order_by(AnswerVersionRow.id.desc()).limit(MAX_VERSIONS)
    session.execute(delete(AnswerVersionRow).where(
        AnswerVersionRow.draft_id == draft_id, AnswerVersionRow.criterion_id == criterion_id,
        AnswerVersionRow.id.not_in(keep.scalar_subquery())))


def _attachment_rows(session: Session, draft_id: str,
                     criterion_id: str) -> list[DraftAttachmentRow]:
    return list(session.scalars(select(DraftAttachmentRow).where(
        DraftAttachmentRow.draft_id == draft_id, DraftAttachmentRow.criterion_id == criterion_id)
        .order_by(DraftAttachmentRow.position, DraftAttachmentRow.id)))


def _renumber(rows: Iterable[DraftAttachmentRow]) -> None:
    for index, row in enumerate(rows):
        row.position = index


def _group(rows: Iterable[R], key: Callable[[R], str]) -> dict[str, list[R]]:
    grouped: dict[str, list[R]] = {}
    for row in rows:
        grouped.setdefault(key(row), []).append(row)
    return grouped


def _answer(row: DraftAnswerRow) -> Answer:
    return Answer(row.criterion_id, row.text, _aware(row.updated_at))


def _version(row: AnswerVersionRow) -> AnswerVersion:
    return AnswerVersion(row.id, row.criterion_id, row.text, _aware(row.saved_at), row.reason)


def _attachment(row: DraftAttachmentRow) -> Attachment:
    return Attachment(row.criterion_id, row.evidence_id, row.position, row.caption)


def _feedback(row: FeedbackRow) -> CriterionFeedback:
    return CriterionFeedback(row.rubric_criterion_id, row.level_id, row.text)

