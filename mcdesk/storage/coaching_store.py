"""Reads and writes coaching data (provenance, observations, notes and their versions, coached
drafts, a coach's comments and practice scores); worker thread (writes on the writer lane,
each one short transaction so a kill loses at most the change being made)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mcdesk.core.coaching import (
    AlignedBy,
    CoachComment,
    CoachedDraft,
    CoachedItem,
    LookFor,
    NoteVersion,
    Observation,
    ObservationNote,
    PracticeScore,
    Provenance,
)
from mcdesk.core.errors import NotFoundError
from mcdesk.core.reviews import Anchor
from mcdesk.core.role import role_or_coach
from mcdesk.storage.coaching_models import (
    CoachCommentRow,
    CoachedDraftRow,
    EvidenceProvenanceRow,
    LookForRow,
    NoteVersionRow,
    ObservationNoteRow,
    ObservationRow,
    PracticeScoreRow,
)
from mcdesk.storage.db import Database
from mcdesk.storage.evidence_pieces import provenance_from
from mcdesk.storage.models import MetaRow

PENDING_KEY = "observe_line:"


def naive(moment: datetime) -> datetime:
    """UTC without a zone, as the portfolio stores times."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class CoachingStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- provenance ------------------------------------------------------------------------

    def set_provenance(self, evidence_id: str, provenance: Provenance, *,
                       replace: bool = False) -> None:
        with self._db.transaction() as session:
            put_provenance(session, evidence_id, provenance, replace=replace)

    def provenance(self, evidence_id: str) -> Provenance | None:
        with self._db.reading() as session:
            row = session.get(EvidenceProvenanceRow, evidence_id)
            return None if row is None else provenance_of(row)

    def all_provenance(self) -> dict[str, Provenance]:
        with self._db.reading() as session:
            return {row.evidence_id: provenance_of(row)
                    for row in session.scalars(select(EvidenceProvenanceRow))}

    # -- observations ----------------------------------------------------------------------

    def add_observation(self, observation: Observation, look_fors: Sequence[str]) -> Observation:
        with self._db.transaction() as session:
            put_observation(session, observation)
            for position, text in enumerate(look_fors, start=1):
                session.add(LookForRow(observation_id=observation.id, position=position,
                                       text=text, seen_at_ms=None))
        return self.observation(observation.id)

    def observation(self, observation_id: str) -> Observation:
        with self._db.reading() as session:
            row = session.get(ObservationRow, observation_id)
            if row is None:
                raise NotFoundError(f'no observation with id "{observation_id}"')
            return load_observation(session, row)

    def observations(self) -> list[Observation]:
        with self._db.reading() as session:
            rows = session.scalars(select(ObservationRow).order_by(
                ObservationRow.started_at.desc())).all()
            return [load_observation(session, row) for row in rows]

    def add_note(self, observation_id: str, note_id: str, version: NoteVersion,
                 offset_ms: int, now: datetime,
                 clip: tuple[int, int] | None = None) -> ObservationNote:
        """Append note N+1 and its first version, in one transaction."""
        with self._db.transaction() as session:
            obs = _observation_row(session, observation_id)
            last = session.scalar(select(ObservationNoteRow.number).where(
                ObservationNoteRow.observation_id == observation_id)
                .order_by(ObservationNoteRow.number.desc()).limit(1))
            session.add(ObservationNoteRow(
                id=note_id, observation_id=observation_id, number=(last or 0) + 1,
                offset_ms=offset_ms, text=version.text,
                rubric_criterion_id=version.rubric_criterion_id,
                current_version_id=version.id, updated_at=naive(now),
                clip_start_ms=clip[0] if clip else None, clip_end_ms=clip[1] if clip else None))
            session.flush()
            session.add(_version_row(note_id, version))
            obs.updated_at = naive(now)
            session.flush()
            return _note(session, session.get(ObservationNoteRow, note_id))  # type: ignore[arg-type]

    def edit_note(self, note_id: str, version: NoteVersion, now: datetime) -> ObservationNote:
        """A new version of a note's text (or criterion tag) becomes its current one; choosing
        it also settles any pair edited on both sides."""
        with self._db.transaction() as session:
            row = _note_row(session, note_id)
            session.add(_version_row(note_id, version))
            row.text = version.text
            row.rubric_criterion_id = version.rubric_criterion_id
            row.current_version_id = version.id
            row.choose_between_json = "[]"
            row.updated_at = naive(now)
            session.flush()
            return _note(session, row)

    def choose_version(self, note_id: str, version_id: str, now: datetime) -> ObservationNote:
        with self._db.transaction() as session:
            row = _note_row(session, note_id)
            version = session.get(NoteVersionRow, version_id)
            if version is None or version.note_id != note_id:
                raise NotFoundError("this note has no such version")
            row.text = version.text
            row.rubric_criterion_id = version.rubric_criterion_id
            row.current_version_id = version.id
            row.choose_between_json = "[]"
            row.updated_at = naive(now)
            session.flush()
            return _note(session, row)

    def set_clip(self, note_id: str, start_ms: int | None, end_ms: int | None,
                 now: datetime) -> ObservationNote:
        with self._db.transaction() as session:
            row = _note_row(session, note_id)
            row.clip_start_ms, row.clip_end_ms = start_ms, end_ms
            row.updated_at = naive(now)
            session.flush()
            return _note(session, row)

    def set_clip_evidence(self, note_id: str, evidence_id: str, now: datetime) -> None:
        with self._db.transaction() as session:
            row = _note_row(session, note_id)
            row.clip_evidence_id = evidence_id
            row.updated_at = naive(now)

    def tick(self, observation_id: str, position: int, seen_at_ms: int | None,
             now: datetime) -> None:
        with self._db.transaction() as session:
            row = session.get(LookForRow, (observation_id, position))
            if row is None:
                raise NotFoundError(f"this observation has no look-for {position}")
            row.seen_at_ms = seen_at_ms
            _observation_row(session, observation_id).updated_at = naive(now)

    def align(self, observation_id: str, video_evidence_id: str, shift_ms: int,
              aligned_by: AlignedBy, now: datetime) -> Observation:
        with self._db.transaction() as session:
            row = _observation_row(session, observation_id)
            row.video_evidence_id = video_evidence_id
            row.shift_ms = shift_ms
            row.aligned_by = str(aligned_by)
            row.updated_at = naive(now)
        return self.observation(observation_id)

    def set_pending_line(self, observation_id: str, text: str | None) -> None:
        """The words typed in the note line but not yet saved as a note (None: none)."""
        key = PENDING_KEY + observation_id
        with self._db.transaction() as session:
            row = session.get(MetaRow, key)
            if text is None:
                if row is not None:
                    session.delete(row)
            elif row is None:
                session.add(MetaRow(key=key, value=text))
            else:
                row.value = text

    def pending_line(self, observation_id: str) -> str | None:
        with self._db.reading() as session:
            row = session.get(MetaRow, PENDING_KEY + observation_id)
            return None if row is None else row.value

    # -- coached drafts, comments, practice scores -------------------------------------------

    def coached_drafts(self) -> list[CoachedDraft]:
        with self._db.reading() as session:
            return [_coached(row) for row in session.scalars(
                select(CoachedDraftRow).order_by(CoachedDraftRow.received_at.desc()))]

    def coached_draft(self, draft_id: str) -> CoachedDraft:
        with self._db.reading() as session:
            row = session.get(CoachedDraftRow, draft_id)
            if row is None:
                raise NotFoundError(f'no draft received for coaching with id "{draft_id}"')
            return _coached(row)

    def put_comment(self, comment: CoachComment) -> CoachComment:
        with self._db.transaction() as session:
            put_comment(session, comment)
        return self.comment(comment.id)

    def comment(self, comment_id: str) -> CoachComment:
        with self._db.reading() as session:
            row = session.get(CoachCommentRow, comment_id)
            if row is None:
                raise NotFoundError(f'no coaching comment with id "{comment_id}"')
            return _comment(row)

    def delete_comment(self, comment_id: str) -> None:
        with self._db.transaction() as session:
            row = session.get(CoachCommentRow, comment_id)
            if row is not None:
                session.delete(row)

    def mark_accepted(self, comment_id: str, now: datetime) -> CoachComment:
        with self._db.transaction() as session:
            row = session.get(CoachCommentRow, comment_id)
            if row is None:
                raise NotFoundError(f'no coaching comment with id "{comment_id}"')
            row.accepted_at = naive(now)
        return self.comment(comment_id)

    def comments(self, draft_id: str | None = None) -> list[CoachComment]:
        with self._db.reading() as session:
            query = select(CoachCommentRow)
            if draft_id is not None:
                query = query.where(CoachCommentRow.draft_id == draft_id)
            return [_comment(row) for row in session.scalars(query.order_by(
                CoachCommentRow.created_at, CoachCommentRow.id))]

    def put_score(self, score: PracticeScore) -> None:
        with self._db.transaction() as session:
            put_score(session, score)

    def scores(self, draft_id: str | None = None) -> list[PracticeScore]:
        with self._db.reading() as session:
            query = select(PracticeScoreRow)
            if draft_id is not None:
                query = query.where(PracticeScoreRow.draft_id == draft_id)
            return [_score(row) for row in session.scalars(query)]


# -- row helpers, shared with the exchange import (one transaction for a whole bundle) --------


def put_provenance(session: Session, evidence_id: str, provenance: Provenance, *,
                   replace: bool = False) -> None:
    existing = session.get(EvidenceProvenanceRow, evidence_id)
    if existing is not None and not replace:
        return
    session.merge(EvidenceProvenanceRow(
        evidence_id=evidence_id, name=provenance.name, role=str(provenance.role),
        action=provenance.action, at=naive(provenance.at), portfolio_id=provenance.portfolio_id,
        portfolio_name=provenance.portfolio_name))


def put_observation(session: Session, observation: Observation) -> None:
    """Insert an observation row, or update an existing one's alignment (never its notes)."""
    row = session.get(ObservationRow, observation.id)
    provenance = observation.provenance
    now = naive(datetime.now(UTC))
    if row is None:
        session.add(ObservationRow(
            id=observation.id, teacher=observation.teacher,
            achievement_id=observation.achievement_id, mc_version=observation.mc_version,
            mc_name=observation.mc_name, started_at=naive(observation.started_at),
            video_evidence_id=observation.video_evidence_id, shift_ms=observation.shift_ms,
            aligned_by=str(observation.aligned_by) if observation.aligned_by else None,
            by_name=provenance.name if provenance else "",
            by_role=str(provenance.role) if provenance else "coach",
            portfolio_id=provenance.portfolio_id if provenance else "",
            portfolio_name=provenance.portfolio_name if provenance else "",
            created_at=naive(provenance.at) if provenance else now, updated_at=now))
        session.flush()
    elif observation.shift_ms is not None and observation.video_evidence_id is not None:
        row.video_evidence_id = observation.video_evidence_id
        row.shift_ms = observation.shift_ms
        row.aligned_by = str(observation.aligned_by) if observation.aligned_by else None
        row.updated_at = now


def put_look_for(session: Session, observation_id: str, look_for: LookFor) -> None:
    """A look-for seen on either side stays seen (the earliest moment wins)."""
    row = session.get(LookForRow, (observation_id, look_for.position))
    if row is None:
        session.add(LookForRow(observation_id=observation_id, position=look_for.position,
                               text=look_for.text, seen_at_ms=look_for.seen_at_ms))
    elif look_for.seen_at_ms is not None and (
            row.seen_at_ms is None or look_for.seen_at_ms < row.seen_at_ms):
        row.seen_at_ms = look_for.seen_at_ms


def merge_note(session: Session, observation_id: str, note: ObservationNote) -> str:
    """Bring one note from elsewhere in; returns what happened ("new", "same", "updated",
    "two versions"). An edit made after the other side's current version replaces it; edits
    made apart are both kept, and the user chooses."""
    row = session.get(ObservationNoteRow, note.id)
    if row is None:
        session.add(ObservationNoteRow(
            id=note.id, observation_id=observation_id, number=note.number,
            offset_ms=note.offset_ms, text=note.text,
            rubric_criterion_id=note.rubric_criterion_id,
            current_version_id=note.current_version_id,
            choose_between_json=json.dumps(list(note.choose_between)),
            clip_start_ms=note.clip_start_ms, clip_end_ms=note.clip_end_ms,
            clip_evidence_id=note.clip_evidence_id, updated_at=naive(datetime.now(UTC))))
        session.flush()
        for version in note.versions:
            session.add(_version_row(note.id, version))
        return "new"
    known = set(session.scalars(select(NoteVersionRow.id).where(
        NoteVersionRow.note_id == note.id)))
    incoming = {v.id for v in note.versions}
    for version in note.versions:
        if version.id not in known:
            session.add(_version_row(note.id, version))
    if note.clip_start_ms is not None and row.clip_start_ms is None:
        row.clip_start_ms, row.clip_end_ms = note.clip_start_ms, note.clip_end_ms
    if note.clip_evidence_id is not None and row.clip_evidence_id is None:
        row.clip_evidence_id = note.clip_evidence_id
    if note.current_version_id == row.current_version_id or note.current_version_id in known:
        return "same"
    current = next(v for v in note.versions if v.id == note.current_version_id)
    if row.current_version_id in incoming:
        row.text = current.text
        row.rubric_criterion_id = current.rubric_criterion_id
        row.current_version_id = current.id
        row.updated_at = naive(datetime.now(UTC))
        return "updated"
    row.choose_between_json = json.dumps([row.current_version_id, current.id])
    row.updated_at = naive(datetime.now(UTC))
    return "two versions"


def put_coached_draft(session: Session, draft: CoachedDraft) -> None:
    session.merge(CoachedDraftRow(
        id=draft.id, submission_id=draft.submission_id, achievement_id=draft.achievement_id,
        mc_version=draft.mc_version, mc_name=draft.mc_name, attempt=draft.attempt,
        owner=draft.owner, answers_json=json.dumps([list(a) for a in draft.answers]),
        items_json=json.dumps([{"criterionId": i.criterion_id, "evidenceId": i.evidence_id,
                                "position": i.position, "caption": i.caption}
                               for i in draft.items]),
        from_portfolio_id=draft.from_portfolio_id, received_at=naive(draft.received_at)))


def put_comment(session: Session, comment: CoachComment, *, keep_newer: bool = False) -> bool:
    """Store a comment (replacing the one with its id); with `keep_newer`, one already here
    and updated later stays. Returns whether it was written."""
    existing = session.get(CoachCommentRow, comment.id)
    updated = naive(comment.updated_at or datetime.now(UTC))
    if existing is not None and keep_newer and existing.updated_at >= updated:
        return False
    a = comment.anchor
    region = a.region or (None, None, None, None)
    provenance = comment.provenance
    accepted = comment.accepted_at or (existing.accepted_at if existing is not None else None)
    session.merge(CoachCommentRow(
        id=comment.id, draft_id=comment.draft_id, target=a.target, path=a.path,
        start_ms=a.start_ms, end_ms=a.end_ms, page=a.page, region_x=region[0],
        region_y=region[1], region_w=region[2], region_h=region[3],
        passage_start=a.passage[0] if a.passage else None,
        passage_end=a.passage[1] if a.passage else None, quote=a.quote, text=comment.text,
        rubric_criterion_id=comment.rubric_criterion_id,
        suggested_caption=comment.suggested_caption,
        suggested_criterion_id=comment.suggested_criterion_id,
        accepted_at=naive(accepted) if accepted else None,
        by_name=provenance.name if provenance else "",
        by_role=str(provenance.role) if provenance else "coach",
        portfolio_id=provenance.portfolio_id if provenance else "",
        portfolio_name=provenance.portfolio_name if provenance else "",
        created_at=naive(provenance.at) if provenance else updated, updated_at=updated))
    return True


def put_score(session: Session, score: PracticeScore, *, keep_newer: bool = False) -> bool:
    key = (score.draft_id, score.rubric_criterion_id, score.portfolio_id)
    existing = session.get(PracticeScoreRow, key)
    updated = naive(score.updated_at or datetime.now(UTC))
    if existing is not None and keep_newer and existing.updated_at >= updated:
        return False
    session.merge(PracticeScoreRow(
        draft_id=score.draft_id, rubric_criterion_id=score.rubric_criterion_id,
        portfolio_id=score.portfolio_id, level_id=score.level_id, note=score.note,
        by_name=score.by, updated_at=updated))
    return True


def load_observation(session: Session, row: ObservationRow) -> Observation:
    look_fors = tuple(LookFor(r.position, r.text, r.seen_at_ms) for r in session.scalars(
        select(LookForRow).where(LookForRow.observation_id == row.id)
        .order_by(LookForRow.position)))
    notes = tuple(_note(session, n) for n in session.scalars(
        select(ObservationNoteRow).where(ObservationNoteRow.observation_id == row.id)
        .order_by(ObservationNoteRow.number)))
    return Observation(
        id=row.id, teacher=row.teacher, achievement_id=row.achievement_id,
        mc_version=row.mc_version, mc_name=row.mc_name, started_at=aware(row.started_at),
        look_fors=look_fors, notes=notes, video_evidence_id=row.video_evidence_id,
        shift_ms=row.shift_ms, aligned_by=AlignedBy(row.aligned_by) if row.aligned_by else None,
        provenance=Provenance(row.by_name, role_or_coach(row.by_role), aware(row.created_at),
                              row.portfolio_id, row.portfolio_name, "written"))


def _observation_row(session: Session, observation_id: str) -> ObservationRow:
    row = session.get(ObservationRow, observation_id)
    if row is None:
        raise NotFoundError(f'no observation with id "{observation_id}"')
    return row


def _note_row(session: Session, note_id: str) -> ObservationNoteRow:
    row = session.get(ObservationNoteRow, note_id)
    if row is None:
        raise NotFoundError(f'no observation note with id "{note_id}"')
    return row


def _version_row(note_id: str, version: NoteVersion) -> NoteVersionRow:
    return NoteVersionRow(id=version.id, note_id=note_id, text=version.text,
                          rubric_criterion_id=version.rubric_criterion_id,
                          saved_at=naive(version.saved_at), by_name=version.by,
                          portfolio_id=version.portfolio_id)


def _note(session: Session, row: ObservationNoteRow) -> ObservationNote:
    versions = tuple(NoteVersion(v.id, v.text, v.rubric_criterion_id, aware(v.saved_at),
                                 v.by_name, v.portfolio_id) for v in session.scalars(
        select(NoteVersionRow).where(NoteVersionRow.note_id == row.id)
        .order_by(NoteVersionRow.saved_at, NoteVersionRow.id)))
    return ObservationNote(
        id=row.id, number=row.number, offset_ms=row.offset_ms, text=row.text,
        rubric_criterion_id=row.rubric_criterion_id,
        current_version_id=row.current_version_id, clip_start_ms=row.clip_start_ms,
        clip_end_ms=row.clip_end_ms, clip_evidence_id=row.clip_evidence_id, versions=versions,
        choose_between=tuple(json.loads(row.choose_between_json or "[]")))


def provenance_of(row: EvidenceProvenanceRow) -> Provenance:
    return provenance_from(row.name, row.role, row.action, row.at, row.portfolio_id,
                           row.portfolio_name)


def _coached(row: CoachedDraftRow) -> CoachedDraft:
    items: Iterable[dict[str, object]] = json.loads(row.items_json)
    return CoachedDraft(
        id=row.id, submission_id=row.submission_id, achievement_id=row.achievement_id,
        mc_version=row.mc_version, mc_name=row.mc_name, attempt=row.attempt, owner=row.owner,
        answers=tuple((str(a[0]), str(a[1])) for a in json.loads(row.answers_json)),
        items=tuple(CoachedItem(str(i["criterionId"]), str(i["evidenceId"]),
                                int(str(i["position"])), str(i.get("caption") or ""))
                    for i in items),
        received_at=aware(row.received_at), from_portfolio_id=row.from_portfolio_id)


def _comment(row: CoachCommentRow) -> CoachComment:
    region = None
    if row.region_x is not None and row.region_y is not None and row.region_w is not None \
            and row.region_h is not None:
        region = (row.region_x, row.region_y, row.region_w, row.region_h)
    passage = None
    if row.passage_start is not None and row.passage_end is not None:
        passage = (row.passage_start, row.passage_end)
    anchor = Anchor(target=row.target, path=row.path, start_ms=row.start_ms,
                    end_ms=row.end_ms, page=row.page, region=region, passage=passage,
                    quote=row.quote)
    return CoachComment(
        id=row.id, draft_id=row.draft_id, anchor=anchor, text=row.text,
        rubric_criterion_id=row.rubric_criterion_id, suggested_caption=row.suggested_caption,
        suggested_criterion_id=row.suggested_criterion_id,
        accepted_at=aware(row.accepted_at) if row.accepted_at else None,
        provenance=Provenance(row.by_name, role_or_coach(row.by_role), aware(row.created_at),
                              row.portfolio_id, row.portfolio_name, "written"),
        updated_at=aware(row.updated_at))


def _score(row: PracticeScoreRow) -> PracticeScore:
    return PracticeScore(row.draft_id, row.rubric_criterion_id, row.level_id, row.note,
                         row.by_name, row.portfolio_id, aware(row.updated_at))
