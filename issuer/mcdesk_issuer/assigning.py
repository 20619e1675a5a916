"""Who reviews what: each micro-credential's expert and peer pools, the first submissions to
experts and the rest to peers, the least-loaded assessor first, one more assessor when reviews
disagree, late reviews re-assigned after a grace period; any thread, inside a session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mcdesk_issuer.config import Limits
from mcdesk_issuer.db import (
    Account,
    AccountRole,
    Assignment,
    CalibrationItem,
    PoolMember,
    PoolSettings,
    Release,
    Review,
    Submission,
    utc,
)
from mcdesk_issuer.people import usable_tokens

EXPERT, PEER, EXCLUDED, EXTRA = "expert", "peer", "excluded", "extra"
RECEIVED, IN_REVIEW, EARNED = "received", "in review", "earned"
WAITING = (RECEIVED, IN_REVIEW)
#: The database lock (Database.lock) held by every transaction that may assign, across issuer
#: processes; taken before any row lock of the transaction, so that two never wait for each
#: other in opposite orders.
LOCK = "assigning"


@dataclass(frozen=True)
class Share:
    """How a micro-credential's submissions are shared out."""

    expert_submissions: int
    experts_per_submission: int
    peers_per_submission: int


def share_of(s: Session, achievement_id: str, limits: Limits) -> Share:
    row = s.get(PoolSettings, achievement_id)
    if row is None:
        return Share(limits.expert_submissions, limits.assessors_per_submission,
                     limits.peers_per_submission)
    return Share(row.expert_submissions, row.experts_per_submission, row.peers_per_submission)


def set_share(s: Session, achievement_id: str, limits: Limits, *,
              expert_submissions: int | None = None, experts: int | None = None,
              peers: int | None = None) -> Share:
    current = share_of(s, achievement_id, limits)
    new = Share(current.expert_submissions if expert_submissions is None else expert_submissions,
                current.experts_per_submission if experts is None else experts,
                current.peers_per_submission if peers is None else peers)
    if min(new.expert_submissions, 0) < 0 or new.experts_per_submission < 1 \
            or new.peers_per_submission < 1:
        raise ValueError("the numbers of submissions and of assessors per submission must be "
                         "positive")
    s.merge(PoolSettings(achievement_id=achievement_id,
                         expert_submissions=new.expert_submissions,
                         experts_per_submission=new.experts_per_submission,
                         peers_per_submission=new.peers_per_submission))
    return new


def _assessors(s: Session) -> list[Account]:
    return list(s.scalars(select(Account).join(AccountRole, AccountRole.account_id == Account.id)
                          .where(AccountRole.role == "assessor")
                          .order_by(Account.created_at, Account.id)))


def _members(s: Session, achievement_id: str, kind: str) -> list[str]:
    return list(s.scalars(select(PoolMember.account_id).where(
        PoolMember.achievement_id == achievement_id, PoolMember.kind == kind)))


def experts(s: Session, achievement_id: str) -> list[Account]:
    """The micro-credential's experts; while staff have named none, every assessor (the one
    pool of a small issuer)."""
    named = set(_members(s, achievement_id, EXPERT))
    return [a for a in _assessors(s) if not named or a.id in named]


def peers(s: Session, achievement_id: str) -> list[Account]:
    """People who earned the micro-credential (and hold the assessor role), plus the peers
    staff added, less those staff took out."""
    earned = set(s.scalars(select(Submission.earner_id).where(
        Submission.achievement_id == achievement_id, Submission.state == EARNED)))
    added = set(_members(s, achievement_id, PEER))
    excluded = set(_members(s, achievement_id, EXCLUDED))
    return [a for a in _assessors(s) if (a.id in earned or a.id in added)
            and a.id not in excluded]


def needs_calibration(s: Session, achievement_id: str) -> bool:
    return s.scalars(select(CalibrationItem).where(
        CalibrationItem.achievement_id == achievement_id).limit(1)).first() is not None


def released(s: Session, achievement_id: str, account_id: str) -> bool:
    return (not needs_calibration(s, achievement_id)
            or s.get(Release, (achievement_id, account_id)) is not None)


def open_load(s: Session, account_id: str) -> int:
    """How many reviews the assessor owes now."""
    count = s.scalar(select(func.count()).select_from(Assignment)
                     .join(Submission, Assignment.submission_id == Submission.id)
                     .outerjoin(Review, Review.assignment_id == Assignment.id)
                     .where(Assignment.assessor_id == account_id,
                            Assignment.withdrawn_at.is_(None), Review.assignment_id.is_(None),
                            Submission.state.in_(WAITING)))
    return int(count or 0)


def active(s: Session, submission_id: str) -> list[Assignment]:
    return list(s.scalars(select(Assignment).where(
        Assignment.submission_id == submission_id, Assignment.withdrawn_at.is_(None))
        .order_by(Assignment.created_at, Assignment.id)))


def phase(s: Session, submission: Submission, limits: Limits) -> str:
    """Expert while the micro-credential has had fewer than N submissions before this one."""
    before = s.scalar(select(func.count()).select_from(Submission).where(
        Submission.achievement_id == submission.achievement_id,
        Submission.received_at.is_not(None), Submission.id != submission.id,
        Submission.received_at <= (submission.received_at or submission.created_at)))
    share = share_of(s, submission.achievement_id, limits)
    return EXPERT if int(before or 0) < share.expert_submissions else PEER


def pick(s: Session, submission: Submission, pool: list[Account], count: int,
         now: datetime) -> list[Account]:
    """Up to `count` people of `pool` who may review the submission, the least loaded first:
    never its earner, never someone it was already given to, only people with a usable
    assessor token who are released to live work on the micro-credential."""
    taken = set(s.scalars(select(Assignment.assessor_id).where(
        Assignment.submission_id == submission.id)))
    fit = [a for a in pool if a.id != submission.earner_id and a.id not in taken
           and usable_tokens(s, a.id, now, "assessor") > 0
           and released(s, submission.achievement_id, a.id)]
    fit.sort(key=lambda a: (open_load(s, a.id), utc(a.created_at), a.id))
    return fit[:max(count, 0)]


def assign(s: Session, submission: Submission, assessor: Account, kind: str, now: datetime,
           limits: Limits) -> Assignment:
    existing = s.scalars(select(Assignment).where(
        Assignment.submission_id == submission.id,
        Assignment.assessor_id == assessor.id)).first()
    if existing is not None:
        return existing
    row = Assignment(id=str(uuid.uuid4()), submission_id=submission.id,
                     assessor_id=assessor.id, created_at=now, kind=kind,
                     due_at=now + timedelta(days=limits.review_days), withdrawn_at=None)
    s.add(row)
    s.flush()
    return row


def _pools_for(s: Session, submission: Submission, kind: str) -> list[list[Account]]:
    """The pools to draw from, in order: peers before experts in the peer phase (experts
    fill in while there are too few peers)."""
    if kind == PEER:
        return [peers(s, submission.achievement_id), experts(s, submission.achievement_id)]
    return [experts(s, submission.achievement_id)]


def _draw(s: Session, submission: Submission, kind: str, count: int, now: datetime,
          limits: Limits, as_kind: str | None = None) -> int:
    """Assign up to `count` people from the phase's pools; how many were assigned."""
    added = 0
    for number, pool in enumerate(_pools_for(s, submission, kind)):
        for person in pick(s, submission, pool, count - added, now):
            label = as_kind or (PEER if kind == PEER and number == 0 else EXPERT)
            assign(s, submission, person, label, now, limits)
            added += 1
    return added


def auto_assign(s: Session, submission: Submission, now: datetime, limits: Limits) -> int:
    """Give a received submission to as many assessors as its phase asks for (fewer when
    too few can take it: `fill` tops it up later); how many were added."""
    kind = phase(s, submission, limits)
    share = share_of(s, submission.achievement_id, limits)
    want = share.experts_per_submission if kind == EXPERT else share.peers_per_submission
    missing = want - len(active(s, submission.id))
    return _draw(s, submission, kind, missing, now, limits) if missing > 0 else 0


def crosses_passing_line(levels: list[bool]) -> bool:
    return True in levels and False in levels


def call_extra(s: Session, submission: Submission, now: datetime, limits: Limits) -> bool:
    """One more assessor for a submission whose reviews disagree across a passing line
    (once per submission); whether one was found."""
    if any(a.kind == EXTRA for a in active(s, submission.id)):
        return False
    return _draw(s, submission, phase(s, submission, limits), 1, now, limits, EXTRA) > 0


def reassign_late(s: Session, now: datetime, limits: Limits) -> int:
    """Withdraw each assignment whose review is past its due date by more than the grace
    period and give the submission to someone else; how many were withdrawn."""
    late_before = now - timedelta(days=limits.grace_days)
    rows = list(s.scalars(
        select(Assignment).join(Submission, Assignment.submission_id == Submission.id)
        .outerjoin(Review, Review.assignment_id == Assignment.id)
        .where(Assignment.withdrawn_at.is_(None), Review.assignment_id.is_(None),
               Submission.state.in_(WAITING))))
    withdrawn = 0
    for row in rows:
        if utc(row.due_at) > late_before:
            continue
        submission = s.get(Submission, row.submission_id)
        if submission is None:  # pragma: no cover - foreign keys keep it
            continue
        row.withdrawn_at = now
        withdrawn += 1
        _draw(s, submission, phase(s, submission, limits), 1, now, limits,
              EXTRA if row.kind == EXTRA else None)
    return withdrawn


def fill(s: Session, now: datetime, limits: Limits) -> int:
    """Top up waiting submissions that got fewer assessors than they need (nobody was free
    or released when they arrived); how many assignments were added."""
    added = 0
    for submission in s.scalars(select(Submission).where(Submission.state.in_(WAITING))):
        added += auto_assign(s, submission, now, limits)
    return added
