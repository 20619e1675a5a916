"""Reviews and annotations as plain data: comments anchored to a moment, page, region or passage
of a piece of evidence, rubric scores, the decision rule and what must be done before a review
can be finished; any thread."""

from __future__ import annotations

import enum
import math
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcdesk.core.calibration import CalibrationResult
from mcdesk.core.errors import McdeskError
from mcdesk.core.role import Role as Role
from mcdesk.core.units import clock

if TYPE_CHECKING:
    from mcdesk.core.catalog import RubricCriterion

EARNED = "earned"
NOT_YET = "not yet"
DECISIONS = (EARNED, NOT_YET)

# Longest comment text accepted (characters), in the app and in a review file.
MAX_COMMENT_CHARS = 20_000
# Most comments one review may carry (the reference issuer accepts 5,000).
MAX_COMMENTS = 5_000


class CommentKind(enum.StrEnum):
    STRENGTH = "strength"
    QUESTION = "question"
    SUGGESTION = "suggestion"
    NOTE = "note"


class Audience(enum.StrEnum):
    """Who may read a comment: the earner (sent on with the decision) or only the issuer."""

    EARNER = "earner"
    ISSUER = "issuer"


class ReviewState(enum.StrEnum):
    IN_PROGRESS = "in progress"
    QUEUED = "queued"  # finished, waiting for the next sync to send it
    SENT = "sent"  # the server has it: locked
    EXPORTED = "exported"  # written to a review file to carry by hand: locked
    CONFLICT = "conflict"  # the server holds another version; never overwritten silently
    CLOSED = "closed"  # the submission was decided before this review reached the server

    @property
    def locked(self) -> bool:
        """Whether scores and comments may no longer change."""
        return self in (ReviewState.QUEUED, ReviewState.SENT, ReviewState.EXPORTED,
                        ReviewState.CLOSED)


class ReviewSource(enum.StrEnum):
    ASSIGNMENT = "assignment"  # downloaded from a server's assignment
    PACKAGE = "package"  # opened from a package file
    CALIBRATION = "calibration"  # a server's calibration item, scored before live reviews


class ReviewLockedError(McdeskError):
    """A review that was finished, sent or exported cannot change."""


class ReviewIncompleteError(McdeskError):
    """A review cannot be finished yet; `problems` says what is missing, in words."""

    def __init__(self, message: str, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__(message + ": " + "; ".join(problems) if problems else message)


class AnnotationError(McdeskError):
    """A comment that cannot be stored as given (no text, a range that ends before it
    starts, a region outside the picture)."""


ANSWER_PREFIX = "answer:"


@dataclass(frozen=True)
class AnswerTarget:
    """A comment's target when it is about a written answer: `answer:<criterion id>` (the one
    place that spelling is read and written)."""

    criterion_id: str

    def __str__(self) -> str:
        return ANSWER_PREFIX + self.criterion_id

    @staticmethod
    def parse(target: str) -> AnswerTarget | None:
        """The answer `target` names, or None when it names a piece of evidence."""
        if target.startswith(ANSWER_PREFIX):
            return AnswerTarget(target.removeprefix(ANSWER_PREFIX))
        return None


@dataclass(frozen=True)
class Anchor:
    """Where a comment points. `target` is the evidence id (`urn:uuid:…`) or, for a written
    answer, `answer:<criterion id>`; `path` is the file inside the package. At most one of:
    a moment or range of a video or recording (milliseconds), a page of a PDF (from 1, with
    an optional region on it), a region of an image (x, y, width, height as fractions of the
    picture), a passage of a text (character offsets and the quoted words)."""

    target: str
    path: str | None = None
    start_ms: int | None = None
    end_ms: int | None = None
    page: int | None = None
    region: tuple[float, float, float, float] | None = None
    passage: tuple[int, int] | None = None
    quote: str = ""

    def problems(self) -> list[str]:
        found: list[str] = []
        if not self.target.strip():
            found.append("a comment must say which evidence or answer it is about")
        if self.start_ms is not None and self.start_ms < 0:
            found.append("a moment cannot be before the start")
        if self.end_ms is not None and (self.start_ms is None or self.end_ms < self.start_ms):
            found.append("a range must end after it starts")
        if self.page is not None and self.page < 1:
            found.append("pages are counted from 1")
        if self.region is not None:
            x, y, w, h = self.region
            if not all(math.isfinite(v) for v in self.region) or w <= 0 or h <= 0 or \
                    x < 0 or y < 0 or x + w > 1.0001 or y + h > 1.0001:
                found.append("a region must lie inside the picture")
        if self.passage is not None and not 0 <= self.passage[0] < self.passage[1]:
            found.append("a passage must hold at least one character")
        return found

    @property
    def is_timed(self) -> bool:
        return self.start_ms is not None

    def describe(self) -> str:
        """Where, in words: "at 1:23", "1:23–1:40", "page 3", "a region", "“the words…”"."""
        if self.start_ms is not None:
            if self.end_ms is not None and self.end_ms > self.start_ms:
                return f"{clock(self.start_ms / 1000)}–{clock(self.end_ms / 1000)}"
            return f"at {clock(self.start_ms / 1000)}"
        if self.page is not None:
            return f"page {self.page}" + (", a region" if self.region else "")
        if self.region is not None:
            return "a region"
        if self.passage is not None:
            quote = " ".join(self.quote.split())
            return f"“{quote[:40]}…”" if len(quote) > 40 else f"“{quote}”"
        return "the whole piece"


@dataclass(frozen=True)
class Annotation:
    """One comment. The same type serves assessors on a submission and coaches on a draft."""

    id: str
    anchor: Anchor
    text: str
    kind: CommentKind = CommentKind.NOTE
    rubric_criterion_id: str | None = None
    audience: Audience = Audience.EARNER
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def wire(self) -> dict[str, Any]:
        """The comment as the issuer protocol and review files carry it."""
        a = self.anchor
        body: dict[str, Any] = {"id": self.id, "text": self.text, "kind": str(self.kind),
                                "audience": str(self.audience), "evidenceId": a.target}
        if self.rubric_criterion_id:
            body["rubricCriterionId"] = self.rubric_criterion_id
        if a.path:
            body["path"] = a.path
        if a.start_ms is not None:
            body["atSeconds"] = a.start_ms / 1000
        if a.end_ms is not None:
            body["endSeconds"] = a.end_ms / 1000
        if a.page is not None:
            body["page"] = a.page
        if a.region is not None:
            body["region"] = {"x": a.region[0], "y": a.region[1], "width": a.region[2],
                              "height": a.region[3]}
        if a.passage is not None:
            body["passage"] = {"start": a.passage[0], "end": a.passage[1], "quote": a.quote}
        if self.created_at is not None:
            body["createdAt"] = self.created_at.isoformat()
        return body

    @classmethod
    def from_wire(cls, body: Mapping[str, Any]) -> Annotation:
        """A comment read back from the protocol or a review file; AnnotationError when it
        is not one."""
        try:
            region = body.get("region")
            passage = body.get("passage")
            at = body.get("atSeconds")
            end = body.get("endSeconds")
            anchor = Anchor(
                target=str(body.get("evidenceId") or ""),
                path=str(body["path"]) if body.get("path") else None,
                start_ms=round(float(at) * 1000) if at is not None else None,
                end_ms=round(float(end) * 1000) if end is not None else None,
                page=int(body["page"]) if body.get("page") is not None else None,
                region=(float(region["x"]), float(region["y"]), float(region["width"]),
                        float(region["height"])) if region else None,
                passage=(int(passage["start"]), int(passage["end"])) if passage else None,
                quote=str(passage.get("quote", "")) if passage else "")
            created = body.get("createdAt")
            comment = cls(
                id=str(body.get("id") or uuid.uuid4()), anchor=anchor, text=str(body["text"]),
                kind=CommentKind(body.get("kind", CommentKind.NOTE)),
                rubric_criterion_id=(str(body["rubricCriterionId"])
                                     if body.get("rubricCriterionId") else None),
                audience=Audience(body.get("audience", Audience.ISSUER)),
                created_at=datetime.fromisoformat(created) if created else None)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise AnnotationError(f"not a comment mcdesk understands ({exc})") from exc
        comment.check()
        return comment

    def check(self) -> None:
        problems = self.anchor.problems()
        if not self.text.strip():
            problems.append("a comment needs some words")
        if len(self.text) > MAX_COMMENT_CHARS:
            problems.append(f"a comment holds at most {MAX_COMMENT_CHARS:,} characters")
        if problems:
            raise AnnotationError("; ".join(problems))


def new_annotation(anchor: Anchor, text: str, *, kind: CommentKind = CommentKind.NOTE,
                   rubric_criterion_id: str | None = None,
                   audience: Audience = Audience.EARNER, now: datetime) -> Annotation:
    comment = Annotation(str(uuid.uuid4()), anchor, text.strip(), kind, rubric_criterion_id,
                         audience, now, now)
    comment.check()
    return comment


def sorted_for_timeline(comments: Sequence[Annotation]) -> list[Annotation]:
    """Comments in the order a reader meets them: by piece, then moment, page, passage."""
    def key(c: Annotation) -> tuple[str, int, int, int]:
        a = c.anchor
        return (a.target, a.start_ms if a.start_ms is not None else -1,
                a.page or 0, a.passage[0] if a.passage else -1)
    return sorted(comments, key=key)


@dataclass(frozen=True)
class CriterionScore:
    rubric_criterion_id: str
    level_id: str | None = None
    feedback: str = ""


@dataclass(frozen=True)
class ReviewSummary:
    """A line of the assessor's queue."""

    id: str
    mc_name: str
    mc_version: str
    attempt: int
    state: ReviewState
    source: ReviewSource
    scored: int
    criteria: int
    due_at: datetime | None = None
    server: str | None = None
    seconds_spent: int = 0
    error: str = ""


@dataclass(frozen=True)
class QueuedReview:
    """What a line of the assessor's queue is made from: a review read without its comments
    or package."""

    id: str
    mc_id: str
    mc_version: str
    mc_name: str
    attempt: int
    source: ReviewSource
    state: ReviewState
    created_at: datetime
    scores: tuple[CriterionScore, ...] = ()
    due_at: datetime | None = None
    server: str | None = None
    seconds_spent: int = 0
    error: str = ""

    def score(self, rubric_criterion_id: str) -> CriterionScore:
        return next((s for s in self.scores if s.rubric_criterion_id == rubric_criterion_id),
                    CriterionScore(rubric_criterion_id))


@dataclass(frozen=True)
class Review:
    """One assessor's review of one submission."""

    id: str
    submission_id: str
    mc_id: str
    mc_version: str
    mc_name: str
    attempt: int
    source: ReviewSource
    state: ReviewState
    created_at: datetime
    updated_at: datetime
    package_folder: Path | None = None  # the extracted submission, None while downloading
    server: str | None = None
    assignment_id: str | None = None
    due_at: datetime | None = None
    scores: tuple[CriterionScore, ...] = ()
    comments: tuple[Annotation, ...] = ()
    override_decision: str | None = None  # set only when the assessor overrides the rule
    override_reason: str = ""
    seconds_spent: int = 0
    blind: bool = True
    finished_at: datetime | None = None
    sent_at: datetime | None = None
    etag: str | None = None
    error: str = ""  # the last problem sending it, in words
    server_copy: Mapping[str, Any] | None = field(default=None, compare=False)
    # How a calibration item's levels compared with the reference, once the server said.
    calibration: CalibrationResult | None = field(default=None, compare=False)

    @property
    def locked(self) -> bool:
        return self.state.locked

    @property
    def can_score_again(self) -> bool:
        """A calibration item the server compared without releasing its assessor: it may be
        reopened and sent again (the server keeps the latest try)."""
        return (self.source is ReviewSource.CALIBRATION and self.state is ReviewState.SENT
                and self.calibration is not None and not self.calibration.standing.released)

    def score(self, rubric_criterion_id: str) -> CriterionScore:
        for score in self.scores:
            if score.rubric_criterion_id == rubric_criterion_id:
                return score
        return CriterionScore(rubric_criterion_id)

    def comments_for(self, rubric_criterion_id: str) -> list[Annotation]:
        return sorted_for_timeline([c for c in self.comments
                                    if c.rubric_criterion_id == rubric_criterion_id])

    def comments_on(self, target: str) -> list[Annotation]:
        return sorted_for_timeline([c for c in self.comments if c.anchor.target == target])


def scored_criteria(review: Review | QueuedReview, rubric: Sequence[RubricCriterion]) -> int:
    return sum(1 for c in rubric if c.is_rubric and _valid_level(c, review.score(c.id).level_id))


def rule_decision(rubric: Sequence[RubricCriterion],
                  scores: Sequence[CriterionScore]) -> str | None:
    """The rubric's rule: earned when every criterion reaches its required level, otherwise
    "not yet"; None while some criterion has no level."""
    levels = {s.rubric_criterion_id: s.level_id for s in scores}
    criteria = [c for c in rubric if c.is_rubric]
    if not criteria:
        return None
    passed = True
    for criterion in criteria:
        level = levels.get(criterion.id)
        if not _valid_level(criterion, level):
            return None
        assert level is not None
        passed = passed and criterion.passes(level)
    return EARNED if passed else NOT_YET


def final_decision(review: Review, rubric: Sequence[RubricCriterion]) -> str | None:
    """What the review decides: the assessor's override when there is one, else the rule."""
    if review.override_decision in DECISIONS:
        return review.override_decision
    return rule_decision(rubric, review.scores)


def finish_problem_facts(review: Review, rubric: Sequence[RubricCriterion]
                         ) -> list[tuple[str, str]]:
    """What stops the review from being finished, as (what, about) pairs the window words in
    its own language: ("no-rubric", ""), ("level", a criterion's name), ("decision", ""),
    ("reason", ""), ("comments", "")."""
    facts: list[tuple[str, str]] = []
    criteria = [c for c in rubric if c.is_rubric]
    if not criteria:
        facts.append(("no-rubric", ""))
    for criterion in criteria:
        if not _valid_level(criterion, review.score(criterion.id).level_id):
            facts.append(("level", criterion.name))
    rule = rule_decision(rubric, review.scores)
    if review.override_decision is not None:
        if review.override_decision not in DECISIONS:
            facts.append(("decision", ""))
        elif review.override_decision != rule and not review.override_reason.strip():
            facts.append(("reason", ""))
    if len(review.comments) > MAX_COMMENTS:
        facts.append(("comments", ""))
    return facts


def finish_problems(review: Review, rubric: Sequence[RubricCriterion]) -> list[str]:
    """What stops the review from being finished, in words (empty: it can be finished)."""
    words = {
        "no-rubric": f"the rubric of {review.mc_name} (version {review.mc_version}) is not "
                     "in this portfolio's catalog; sync or import the catalog first",
        "decision": "the decision must be “earned” or “not yet”",
        "reason": "write why you decide differently from the rubric",
        "comments": f"a review holds at most {MAX_COMMENTS:,} comments",
    }
    return [f"choose a level for “{about}”" if what == "level" else words[what]
            for what, about in finish_problem_facts(review, rubric)]


def _valid_level(criterion: RubricCriterion, level_id: str | None) -> bool:
    return level_id is not None and any(level.id == level_id for level in criterion.levels)
