"""A submission's reviews put side by side per rubric criterion: the levels each assessor gave,
where they cross the passing line, the reconciled level (the lower median), the rubric rule's
decision and the earner's feedback pre-filled from the assessors'; any thread, in a session."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mcdesk.core.catalog import MicroCredential, RubricCriterion
from mcdesk_issuer import credentials
from mcdesk_issuer.db import Account, Assignment, Review, Submission, utc

EARNED, NOT_YET = "earned", "not yet"


@dataclass(frozen=True)
class ReviewIn:
    assignment: Assignment
    assessor: Account | None
    body: dict[str, Any] | None  # None: not in yet
    submitted_at: datetime | None


@dataclass
class CriterionView:
    criterion: RubricCriterion
    levels: list[str | None] = field(default_factory=list)  # one per review, in order

    def indexes(self) -> list[int]:
        found = []
        for level in self.levels:
            if level is None:
                continue
            try:
                found.append(self.criterion.level_index(level))
            except KeyError:
                continue
        return found

    @property
    def crosses(self) -> bool:
        """Some assessors put it at or above the passing level and some below."""
        passing = {self.criterion.passes(self.criterion.levels[i].id) for i in self.indexes()}
        return len(passing) == 2

    @property
    def differs(self) -> bool:
        return len(set(self.indexes())) > 1

    @property
    def reconciled(self) -> str | None:
        """The lower median of the levels given: with two reviews the lower one, with three
        the middle one (a majority)."""
        found = sorted(self.indexes())
        if not found:
            return None
        return self.criterion.levels[found[(len(found) - 1) // 2]].id


def reviews_of(s: Session, submission_id: str) -> list[ReviewIn]:
    """The active assignments of a submission with their reviews (those in first, oldest
    first)."""
    found: list[ReviewIn] = []
    for assignment in s.scalars(select(Assignment).where(
            Assignment.submission_id == submission_id, Assignment.withdrawn_at.is_(None))
            .order_by(Assignment.created_at, Assignment.id)):
        review = s.get(Review, assignment.id)
        found.append(ReviewIn(assignment, s.get(Account, assignment.assessor_id),
                              json.loads(review.body_json) if review else None,
                              utc(review.updated_at) if review else None))
    found.sort(key=lambda r: (r.submitted_at is None, r.submitted_at or r.assignment.created_at))
    return found


def rubric_of(mc: MicroCredential | None) -> list[RubricCriterion]:
    return [c for c in mc.rubric if c.is_rubric] if mc else []


def criteria(reviews: list[ReviewIn], mc: MicroCredential | None) -> list[CriterionView]:
    views = []
    for criterion in rubric_of(mc):
        view = CriterionView(criterion)
        for review in reviews:
            if review.body is None:
                continue
            levels = {sc.get("rubricCriterionId"): sc.get("levelId")
                      for sc in review.body.get("scores", [])}
            view.levels.append(levels.get(criterion.id))
        views.append(view)
    return views


def rule(mc: MicroCredential | None, levels: dict[str, str | None]) -> str | None:
    """The rubric's decision for these levels: earned when every criterion is at or above its
    passing level; None when a criterion has no level."""
    rubric = rubric_of(mc)
    if not rubric or any(levels.get(c.id) is None for c in rubric):
        return None
    try:
        return EARNED if all(c.passes(str(levels[c.id])) for c in rubric) else NOT_YET
    except KeyError:
        return None


def ready(reviews: list[ReviewIn]) -> bool:
    return bool(reviews) and all(r.body is not None for r in reviews)


def needs_extra(reviews: list[ReviewIn], mc: MicroCredential | None) -> bool:
    return ready(reviews) and any(view.crosses for view in criteria(reviews, mc))


def prefilled(views: list[CriterionView], reviews: list[ReviewIn]) -> list[dict[str, Any]]:
    """The earner's feedback as the assessors wrote it, per criterion, at the reconciled
    level: where staff start composing."""
    composed = []
    for view in views:
        texts = []
        for review in reviews:
            for score in (review.body or {}).get("scores", []):
                text = str(score.get("feedback") or "").strip()
                if score.get("rubricCriterionId") == view.criterion.id and text \
                        and text not in texts:
                    texts.append(text)
        composed.append({"rubricCriterionId": view.criterion.id, "levelId": view.reconciled,
                         "feedback": "\n\n".join(texts)})
    return composed


def side_by_side(s: Session, submission: Submission, mc: MicroCredential | None
                 ) -> dict[str, Any]:
    """Everything staff need to decide a submission."""
    reviews = reviews_of(s, submission.id)
    views = criteria(reviews, mc)
    done = [r for r in reviews if r.body is not None]
    reconciled = {v.criterion.id: v.reconciled for v in views}
    return {
        "submissionId": submission.id, "achievementId": submission.achievement_id,
        "version": submission.version, "attempt": submission.attempt,
        "state": submission.state,
        "receivedAt": credentials.iso(utc(submission.received_at))
        if submission.received_at else None,
        "ready": ready(reviews), "reviewsIn": len(done), "reviewsAssigned": len(reviews),
        "reviews": [{
            "assignmentId": r.assignment.id, "assessorId": r.assignment.assessor_id,
            "assessorName": r.assessor.name if r.assessor else "",
            "kind": r.assignment.kind,
            "dueAt": credentials.iso(utc(r.assignment.due_at)),
            "submittedAt": credentials.iso(r.submitted_at) if r.submitted_at else None,
            "review": r.body} for r in reviews],
        "criteria": [{
            "rubricCriterionId": v.criterion.id, "name": v.criterion.name,
            "passingLevelId": v.criterion.required_level_id,
            "levels": [{"id": level.id, "name": level.name} for level in v.criterion.levels],
            "given": v.levels, "differs": v.differs, "crossesPassingLine": v.crosses,
            "reconciledLevelId": v.reconciled} for v in views],
        "rule": rule(mc, reconciled) if done else None,
        "feedback": prefilled(views, done),
    }
