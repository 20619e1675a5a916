"""Reads and writes the issuer staff's offline copy: submissions waiting with their reviews side
by side, snapshots of pools, calibration sets and the report, and the decisions queued for the
next sync; returns core objects; writes on the writer lane or the sync lane."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, delete, select
from sqlalchemy.orm import Session

from mcdesk.core.errors import NotFoundError
from mcdesk.core.staff import (
    CalibrationRemoval,
    CalibrationUse,
    CriterionFeedbackDraft,
    DecisionStatus,
    QueuedDecision,
    SideBySide,
    Snapshot,
    WaitingSubmission,
)
from mcdesk.storage.db import Database
from mcdesk.storage.models import (
    StaffCalibrationRemovalRow,
    StaffDecisionRow,
    StaffSnapshotRow,
    StaffSubmissionRow,
)


def _naive(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


class StaffStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- submissions waiting ------------------------------------------------------------

    def replace_waiting(self, server: str, entries: Sequence[tuple[dict[str, Any],
                                                                   dict[str, Any]]],
                        now: datetime) -> None:
        """What the server says is waiting now (each with its side-by-side JSON) replaces
        the earlier pull; one transaction."""
        with self._db.transaction() as session:
            session.execute(delete(StaffSubmissionRow).where(
                StaffSubmissionRow.server == server))
            for summary, detail in entries:
                session.add(StaffSubmissionRow(
                    server=server, submission_id=str(summary["submissionId"]),
                    achievement_id=str(summary.get("achievementId", "")),
                    name=str(summary.get("name") or summary.get("achievementId", "")),
                    attempt=int(summary.get("attempt", 1)),
                    ready=bool(summary.get("ready")),
                    reviews_in=int(summary.get("reviewsIn", 0)),
                    reviews_assigned=int(summary.get("reviewsAssigned", 0)),
                    disagreements=int(summary.get("disagreements", 0)),
                    received_at=_naive(_parse_time(summary.get("receivedAt"))),
                    detail_json=json.dumps(detail), pulled_at=_naive(now)))

    def waiting(self, server: str | None = None) -> list[WaitingSubmission]:
        with self._db.reading() as session:
            query = select(StaffSubmissionRow).order_by(
                StaffSubmissionRow.ready.desc(), StaffSubmissionRow.received_at,
                StaffSubmissionRow.submission_id)
            if server is not None:
                query = query.where(StaffSubmissionRow.server == server)
            rows = list(session.scalars(query))
            decisions = {(d.server, d.submission_id): _decision(d)
                         for d in session.scalars(select(StaffDecisionRow))}
        return [_waiting(row, decisions.get((row.server, row.submission_id))) for row in rows]

    def detail(self, server: str, submission_id: str) -> dict[str, Any]:
        with self._db.reading() as session:
            row = session.get(StaffSubmissionRow, (server, submission_id))
            if row is None:
                raise NotFoundError(f"no submission {submission_id} waits for a decision on "
                                    f"{server} (sync to bring the latest)")
            found: dict[str, Any] = json.loads(row.detail_json)
            return found

    # -- snapshots ----------------------------------------------------------------------

    def save_snapshot(self, server: str, kind: str, data: Any, now: datetime) -> None:
        with self._db.transaction() as session:
            session.merge(StaffSnapshotRow(server=server, kind=kind, json=json.dumps(data),
                                           pulled_at=_naive(now)))

    def snapshot(self, server: str, kind: str) -> Snapshot | None:
        with self._db.reading() as session:
            row = session.get(StaffSnapshotRow, (server, kind))
            if row is None:
                return None
            return Snapshot(row.server, row.kind, json.loads(row.json),
                            _aware(row.pulled_at) or datetime.now(UTC))

    # -- decisions ----------------------------------------------------------------------

    def queue_decision(self, server: str, submission_id: str, state: str,
                       feedback: Sequence[CriterionFeedbackDraft], reason: str | None,
                       now: datetime, *, calibrate: bool = False) -> QueuedDecision:
        """Queue (or replace a queued or refused) decision, and with it whether the submission
        is to join the calibration set; a sent one stays as it is."""
        with self._db.transaction() as session:
            row = session.get(StaffDecisionRow, (server, submission_id))
            if row is not None and row.status == DecisionStatus.SENT:
                return _decision(row)
            if row is None:
                row = StaffDecisionRow(server=server, submission_id=submission_id)
                session.add(row)
            row.state = state
            row.feedback_json = json.dumps([
                {"criterion_id": f.criterion_id, "level_id": f.level_id,
                 "feedback": f.feedback} for f in feedback])
            row.override_reason = reason
            row.status = str(DecisionStatus.QUEUED)
            row.error = ""
            row.queued_at = _naive(now)  # type: ignore[assignment]
            row.sent_at = None
            row.calibration = str(CalibrationUse.QUEUED if calibrate else CalibrationUse.NONE)
            row.calibration_error = ""
            session.flush()
            return _decision(row)

    def decisions(self, server: str | None = None,
                  status: DecisionStatus | None = None) -> list[QueuedDecision]:
        with self._db.reading() as session:
            return [_decision(row) for row in session.scalars(
                _queued_query(StaffDecisionRow, server, status))]

    # -- calibration items taken out ------------------------------------------------------

    def queue_calibration_removal(self, server: str, submission_id: str,
                                  now: datetime) -> CalibrationRemoval:
        with self._db.transaction() as session:
            row = session.get(StaffCalibrationRemovalRow, (server, submission_id))
            if row is None:
                row = StaffCalibrationRemovalRow(server=server, submission_id=submission_id)
                session.add(row)
            row.status = str(DecisionStatus.QUEUED)
            row.error = ""
            row.queued_at = _naive(now)  # type: ignore[assignment]
            session.flush()
            return _removal(row)

    def calibration_removals(self, server: str | None = None,
                             status: DecisionStatus | None = None) -> list[CalibrationRemoval]:
        with self._db.reading() as session:
            return [_removal(row) for row in session.scalars(
                _queued_query(StaffCalibrationRemovalRow, server, status))]

    def mark_calibration_removal(self, server: str, submission_id: str,
                                 status: DecisionStatus, error: str = "") -> None:
        with self._db.transaction() as session:
            row = _queued_row(session, StaffCalibrationRemovalRow, server, submission_id)
            row.status = str(status)
            row.error = error

    def mark_decision(self, server: str, submission_id: str, status: DecisionStatus,
                      now: datetime, error: str = "") -> None:
        with self._db.transaction() as session:
            row = _queued_row(session, StaffDecisionRow, server, submission_id)
            row.status = str(status)
            row.error = error
            row.sent_at = _naive(now) if status is DecisionStatus.SENT else None

    def mark_calibration(self, server: str, submission_id: str, use: CalibrationUse,
                         error: str = "") -> None:
        with self._db.transaction() as session:
            row = _queued_row(session, StaffDecisionRow, server, submission_id)
            row.calibration = str(use)
            row.calibration_error = error


def _removal(row: StaffCalibrationRemovalRow) -> CalibrationRemoval:
    return CalibrationRemoval(row.server, row.submission_id, DecisionStatus(row.status),
                              row.error or "", _aware(row.queued_at) or datetime.now(UTC))


QueuedRow = TypeVar("QueuedRow", StaffDecisionRow, StaffCalibrationRemovalRow)


def _queued_query(model: type[QueuedRow], server: str | None,
                  status: DecisionStatus | None) -> Select[QueuedRow]:
    """The decisions or removals queued (of one server, in one state), oldest first."""
    query = select(model).order_by(model.queued_at)
    if server is not None:
        query = query.where(model.server == server)
    if status is not None:
        query = query.where(model.status == str(status))
    return query


def _queued_row(session: Session, model: type[QueuedRow], server: str,
                submission_id: str) -> QueuedRow:
    """The decision or removal queued for a submission (NotFoundError when there is none)."""
    row = session.get(model, (server, submission_id))
    if row is None:
        raise NotFoundError(f"nothing queued for {submission_id}")
    return row


def _parse_time(text: Any) -> datetime | None:
    if not isinstance(text, str) or not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _waiting(row: StaffSubmissionRow, decision: QueuedDecision | None) -> WaitingSubmission:
    return WaitingSubmission(
        server=row.server, submission_id=row.submission_id, achievement_id=row.achievement_id,
        name=row.name, attempt=row.attempt, ready=row.ready, reviews_in=row.reviews_in,
        reviews_assigned=row.reviews_assigned, disagreements=row.disagreements,
        received_at=_aware(row.received_at),
        pulled_at=_aware(row.pulled_at) or datetime.now(UTC), decision=decision)


def _decision(row: StaffDecisionRow) -> QueuedDecision:
    feedback = tuple(CriterionFeedbackDraft(str(f["criterion_id"]), f.get("level_id"),
                                            str(f.get("feedback", "")))
                     for f in json.loads(row.feedback_json or "[]"))
    return QueuedDecision(
        server=row.server, submission_id=row.submission_id, state=row.state,
        feedback=feedback, override_reason=row.override_reason,
        status=DecisionStatus(row.status), error=row.error or "",
        queued_at=_aware(row.queued_at) or datetime.now(UTC), sent_at=_aware(row.sent_at),
        calibration=CalibrationUse(row.calibration or CalibrationUse.NONE),
        calibration_error=row.calibration_error or "")


def parse_side_by_side(data: dict[str, Any]) -> SideBySide:
    """The server's side-by-side JSON as core data (tolerant: a missing member is empty)."""
    from mcdesk.core.staff import CriterionRow, Level, ReviewColumn, ReviewComment

    columns = []
    for entry in data.get("reviews", []):
        review = entry.get("review") or {}
        scores = review.get("scores", []) if isinstance(review, dict) else []
        comments = []
        for comment in review.get("comments", []) if isinstance(review, dict) else []:
            if not isinstance(comment, dict):
                continue
            raw_target = comment.get("target")
            target: dict[str, Any] = raw_target if isinstance(raw_target, dict) else {}
            comments.append(ReviewComment(
                id=str(comment.get("id") or ""), text=str(comment.get("text", "")),
                kind=str(comment.get("kind", "note")),
                criterion_id=comment.get("rubricCriterionId") or comment.get("criterionId"),
                evidence=comment.get("evidenceId") or target.get("evidence"),
                at_seconds=_number(comment.get("atSeconds", target.get("atSeconds"))),
                end_seconds=_number(comment.get("endSeconds", target.get("endSeconds"))),
                page=comment.get("page", target.get("page"))))
        columns.append(ReviewColumn(
            assessor=str(entry.get("assessorName", "")), kind=str(entry.get("kind", "")),
            submitted=entry.get("review") is not None,
            submitted_at=_parse_time(entry.get("submittedAt")),
            levels={s["rubricCriterionId"]: s["levelId"] for s in scores
                    if isinstance(s, dict) and "rubricCriterionId" in s and "levelId" in s},
            feedback={s["rubricCriterionId"]: str(s.get("feedback", "")) for s in scores
                      if isinstance(s, dict) and "rubricCriterionId" in s},
            comments=tuple(comments),
            decision=review.get("decision") if isinstance(review, dict) else None,
            override_reason=review.get("overrideReason") if isinstance(review, dict) else None))
    criteria = tuple(CriterionRow(
        id=str(c["rubricCriterionId"]), name=str(c.get("name", "")),
        levels=tuple(Level(str(level["id"]), str(level.get("name", "")))
                     for level in c.get("levels", [])),
        passing_level_id=c.get("passingLevelId"), given=tuple(c.get("given", [])),
        differs=bool(c.get("differs")), crosses=bool(c.get("crossesPassingLine")),
        reconciled_level_id=c.get("reconciledLevelId")) for c in data.get("criteria", []))
    feedback = tuple(CriterionFeedbackDraft(str(f["rubricCriterionId"]), f.get("levelId"),
                                            str(f.get("feedback", "")))
                     for f in data.get("feedback", []))
    return SideBySide(
        submission_id=str(data.get("submissionId", "")),
        achievement_id=str(data.get("achievementId", "")),
        name=str(data.get("name") or data.get("achievementId", "")),
        attempt=int(data.get("attempt", 1)), ready=bool(data.get("ready")),
        reviews_in=int(data.get("reviewsIn", 0)),
        reviews_assigned=int(data.get("reviewsAssigned", 0)), columns=tuple(columns),
        criteria=criteria, rule=data.get("rule"), feedback=feedback)


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
        else None
