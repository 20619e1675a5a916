"""Drafts and submissions as plain data: answers, attached evidence, self-assessment, readiness
problems and the frozen snapshot a package is built from; any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Consent, Evidence


class DraftStatus(enum.StrEnum):
    DRAFT = "draft"
    PACKAGED = "packaged"  # a package was built; the draft can still change (a new package)
    SUBMITTED = "submitted"
    EARNED = "earned"
    NOT_YET = "not yet"

    @property
    def editable(self) -> bool:
        """Whether answers, evidence and the self-assessment may still change. A change to a
        packaged draft makes it a plain draft again (its package is out of date)."""
        return self in (DraftStatus.DRAFT, DraftStatus.PACKAGED)


# How many attempts an issuer allows when it does not say (attempt 1 and two resubmissions).
DEFAULT_MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class Attachment:
    """One piece of evidence answering one submission criterion."""

    criterion_id: str
    evidence_id: str
    position: int
    caption: str = ""


@dataclass(frozen=True)
class Answer:
    """The current written answer to a text criterion."""

    criterion_id: str
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class AnswerVersion:
    """An earlier state of an answer, kept so the teacher can look back and restore it."""

    id: int
    criterion_id: str
    text: str
    saved_at: datetime
    reason: str = ""  # "" while typing; "restored", "copied from attempt 1"


@dataclass(frozen=True)
class CriterionFeedback:
    """What assessors said about one rubric criterion of an earlier attempt."""

    rubric_criterion_id: str
    level_id: str | None
    feedback: str


@dataclass(frozen=True)
class Draft:
    id: str
    achievement_id: str
    mc_version: str
    mc_name: str
    attempt: int
    status: DraftStatus
    created_at: datetime
    updated_at: datetime
    previous_attempt_id: str | None = None
    answers: tuple[Answer, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    self_assessment: tuple[tuple[str, str], ...] = ()  # (rubric criterion id, level id)
    feedback: tuple[CriterionFeedback, ...] = ()  # from the previous attempt, if "not yet"
    # Stable per draft: a package rebuilt or re-sent for this attempt is the same submission.
    submission_id: str = ""
    # What assessors said about this attempt itself, once a decision came back.
    received_feedback: tuple[CriterionFeedback, ...] = ()

    def answer(self, criterion_id: str) -> str:
        for answer in self.answers:
            if answer.criterion_id == criterion_id:
                return answer.text
        return ""

    def attached(self, criterion_id: str) -> list[Attachment]:
        return sorted((a for a in self.attachments if a.criterion_id == criterion_id),
                      key=lambda a: a.position)

    def self_level(self, rubric_criterion_id: str) -> str | None:
        return dict(self.self_assessment).get(rubric_criterion_id)


# A fact in a readiness problem's wording: a count, a limit in bytes or seconds, a title, the
# evidence kinds a criterion accepts.
ProblemValue = str | int | float | tuple[str, ...] | None


class Severity(enum.StrEnum):
    BLOCKING = "must fix"
    WARNING = "check"


@dataclass(frozen=True)
class ReadinessProblem:
    """One thing standing between a draft and sending it: where it is and how to fix it."""

    code: str  # stable, for scripts: "missing-answer", "word-count", "gps", ...
    where: str  # "Part 1 › Describe your students" or an evidence title
    problem: str
    fix: str
    severity: Severity = Severity.BLOCKING
    criterion_id: str | None = None
    evidence_id: str | None = None
    message: str = ""
    """Which wording `problem` and `fix` are ("word-count.short"), so the window can say them
    in its own language from `values`; "" when only the English text exists."""
    values: tuple[tuple[str, ProblemValue], ...] = ()
    """The raw facts in the wording (counts, limits, titles, kinds), by name."""

    def value(self, name: str) -> ProblemValue:
        return dict(self.values).get(name)


@dataclass(frozen=True)
class Readiness:
    problems: tuple[ReadinessProblem, ...]
    criteria_total: int
    criteria_done: int

    @property
    def ready(self) -> bool:
        return not any(p.severity is Severity.BLOCKING for p in self.problems)


@dataclass(frozen=True)
class SnapshotItem:
    """One evidence file as it goes into a package."""

    criterion_id: str
    position: int
    caption: str
    evidence: Evidence
    file_path: str | None  # the stored file; None for links and writing made in mcdesk
    consent: Consent


@dataclass(frozen=True)
class SubmissionSnapshot:
    """Everything a package holds, frozen at the moment it is built."""

    submission_id: str  # stable across rebuilds of the same attempt (idempotent sending)
    draft_id: str
    achievement_id: str
    mc_version: str
    mc_name: str
    attempt: int
    answers: tuple[Answer, ...]
    items: tuple[SnapshotItem, ...]
    self_assessment: tuple[tuple[str, str], ...]
    created_at: datetime


class DraftNotReadyError(McdeskError):
    """A package was asked for a draft whose check still lists blocking problems."""

    def __init__(self, readiness: Readiness) -> None:
        self.readiness = readiness
        super().__init__("the draft is not ready to send; fix what the check lists")

    @property
    def blocking(self) -> list[ReadinessProblem]:
        return [p for p in self.readiness.problems if p.severity is Severity.BLOCKING]
