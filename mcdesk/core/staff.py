"""The issuer staff's work as plain data: submissions waiting for a decision, their reviews side
by side per criterion, the decision staff compose (the rule, an override with its reason, the
earner's feedback per criterion) and its place in the queue; any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mcdesk.core.errors import McdeskError

EARNED, NOT_YET = "earned", "not yet"
CALIBRATION_NEEDS_LEVELS = ("every criterion needs a level for the submission to calibrate "
                            "assessors: its levels are the reference")


class DecisionStatus(enum.StrEnum):
    QUEUED = "queued"  # waits for the next sync
    SENT = "sent"  # the issuer recorded it
    REFUSED = "refused"  # the issuer said no (the error says why); change it and queue again


class CalibrationUse(enum.StrEnum):
    """Whether a decided submission is to join its micro-credential's calibration set (its
    decision's levels the reference assessors are measured against), and how that went."""

    NONE = "none"
    QUEUED = "queued"  # goes right after its decision, with the next sync
    ADDED = "added"  # the issuer made it a calibration item
    REFUSED = "refused"  # the issuer said no, or the decision was refused (the error says)


@dataclass(frozen=True)
class Level:
    id: str
    name: str


@dataclass(frozen=True)
class ReviewComment:
    """A time-stamped comment of a review: its words and where it points."""

    id: str
    text: str
    kind: str
    criterion_id: str | None
    evidence: str | None
    at_seconds: float | None
    end_seconds: float | None
    page: int | None

    @property
    def moment(self) -> str:
        """The moment it points to as m:ss (or the page), empty when none."""
        if self.at_seconds is not None:
            whole = int(self.at_seconds)
            text = f"{whole // 60}:{whole % 60:02d}"
            if self.end_seconds is not None:
                end = int(self.end_seconds)
                text += f"–{end // 60}:{end % 60:02d}"
            return text
        if self.page is not None:
            return f"p. {self.page}"
        return ""


@dataclass(frozen=True)
class ReviewColumn:
    """One assessor's review of the submission (None fields: not in yet)."""

    assessor: str
    kind: str  # expert, peer or extra
    submitted: bool
    submitted_at: datetime | None
    levels: dict[str, str]  # criterion id -> level id
    feedback: dict[str, str]  # criterion id -> words
    comments: tuple[ReviewComment, ...]
    decision: str | None
    override_reason: str | None


@dataclass(frozen=True)
class CriterionRow:
    id: str
    name: str
    levels: tuple[Level, ...]
    passing_level_id: str | None
    given: tuple[str | None, ...]  # one per review in, in the order of the columns in
    differs: bool
    crosses: bool
    reconciled_level_id: str | None

    def level_name(self, level_id: str | None) -> str:
        return next((level.name for level in self.levels if level.id == level_id), "")

    def passes(self, level_id: str | None) -> bool:
        ids = [level.id for level in self.levels]
        if level_id not in ids:
            return False
        if self.passing_level_id not in ids:
            return True
        return ids.index(level_id) >= ids.index(self.passing_level_id)


@dataclass(frozen=True)
class CriterionFeedbackDraft:
    criterion_id: str
    level_id: str | None
    feedback: str


@dataclass(frozen=True)
class SideBySide:
    submission_id: str
    achievement_id: str
    name: str
    attempt: int
    ready: bool
    reviews_in: int
    reviews_assigned: int
    columns: tuple[ReviewColumn, ...]
    criteria: tuple[CriterionRow, ...]
    rule: str | None
    feedback: tuple[CriterionFeedbackDraft, ...]

    def rule_for(self, levels: dict[str, str | None]) -> str | None:
        """The rubric's decision for composed levels (None while a criterion has none)."""
        if not self.criteria or any(levels.get(c.id) is None for c in self.criteria):
            return None
        return EARNED if all(c.passes(levels[c.id]) for c in self.criteria) else NOT_YET


@dataclass(frozen=True)
class WaitingSubmission:
    server: str
    submission_id: str
    achievement_id: str
    name: str
    attempt: int
    ready: bool
    reviews_in: int
    reviews_assigned: int
    disagreements: int
    received_at: datetime | None
    pulled_at: datetime
    decision: QueuedDecision | None = None


@dataclass(frozen=True)
class QueuedDecision:
    server: str
    submission_id: str
    state: str
    feedback: tuple[CriterionFeedbackDraft, ...]
    override_reason: str | None
    status: DecisionStatus
    error: str
    queued_at: datetime
    sent_at: datetime | None
    calibration: CalibrationUse = CalibrationUse.NONE
    calibration_error: str = ""

    def body(self) -> dict[str, Any]:
        """The decision as the issuer protocol sends it."""
        return {"state": self.state,
                "feedback": [{"rubricCriterionId": f.criterion_id, "levelId": f.level_id,
                              "feedback": f.feedback} for f in self.feedback],
                "overrideReason": self.override_reason}


@dataclass(frozen=True)
class CalibrationRemoval:
    """A calibration item staff asked to take out of its set, and where that stands."""

    server: str
    submission_id: str
    status: DecisionStatus  # queued for the next sync, sent (it is out), refused (error says)
    error: str
    queued_at: datetime


@dataclass(frozen=True)
class Snapshot:
    """The last pull of one staff view (pools, calibration sets, the report)."""

    server: str
    kind: str
    data: Any
    pulled_at: datetime


@dataclass(frozen=True)
class StaffPull:
    """What one sync pass brought and sent for staff."""

    waiting: int = 0
    decisions_sent: int = 0
    problems: tuple[str, ...] = field(default_factory=tuple)
    calibration_added: int = 0
    calibration_removed: int = 0


class DecisionRefusedError(McdeskError):
    """A decision that cannot be queued as composed (the message says what to change)."""


def check_decision(view: SideBySide, state: str, feedback: list[CriterionFeedbackDraft],
                   reason: str | None, *, calibrate: bool = False) -> list[str]:
    """Why this decision cannot go as composed (empty when it can): a reason is needed to
    decide before every review is in, or against the rubric rule; to calibrate assessors with
    it, every criterion needs its (reference) level."""
    problems: list[str] = []
    if calibrate:
        levelled = {f.criterion_id for f in feedback if f.level_id is not None}
        if any(c.levels and c.id not in levelled for c in view.criteria):
            problems.append(CALIBRATION_NEEDS_LEVELS)
    if state not in (EARNED, NOT_YET):
        problems.append(f'a decision is "{EARNED}" or "{NOT_YET}"')
    known = {c.id: c for c in view.criteria}
    for entry in feedback:
        criterion = known.get(entry.criterion_id)
        if criterion is None:
            problems.append(f"{entry.criterion_id}: not a criterion of this rubric")
        elif entry.level_id is not None and entry.level_id not in {
                level.id for level in criterion.levels}:
            problems.append(f"{criterion.name}: not one of its levels")
    has_reason = bool((reason or "").strip())
    if not view.ready and not has_reason:
        problems.append("not every review is in yet: write why you decide now")
    rule = view.rule_for({f.criterion_id: f.level_id for f in feedback}) or view.rule
    if rule is not None and state != rule and not has_reason:
        problems.append(f'the rubric makes this "{rule}": write why you decide otherwise')
    return problems
