"""Calibration: scored submissions kept as a micro-credential's calibration set with reference
levels; a new assessor scores them, sees where they differed (with the reference feedback) and
is released to live work once they reach the agreement bar; any thread, inside a session."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mcdesk.core.catalog import MicroCredential
from mcdesk_issuer.config import Limits
from mcdesk_issuer.db import CalibrationAttempt, CalibrationItem, Release


@dataclass(frozen=True)
class Standing:
    """An assessor's calibration on one micro-credential."""

    achievement_id: str
    items: int
    scored: int
    exact: float | None  # share of criteria scored exactly as the reference
    adjacent: dict[str, float]  # per criterion: share within one level of the reference
    released: bool

    def as_json(self) -> dict[str, Any]:
        return {"achievementId": self.achievement_id, "items": self.items,
                "scored": self.scored, "exact": self.exact,
                "adjacentByCriterion": self.adjacent, "released": self.released}


def reference_problems(reference: list[dict[str, Any]], mc: MicroCredential | None
                       ) -> list[str]:
    rubric = [c for c in mc.rubric if c.is_rubric] if mc else []
    given = {r.get("rubricCriterionId"): r.get("levelId") for r in reference}
    problems = []
    for criterion in rubric:
        level = given.get(criterion.id)
        if level is None:
            problems.append(f"{criterion.id}: no reference level")
        elif all(option.id != level for option in criterion.levels):
            problems.append(f"{level}: not a level of {criterion.id}")
    extra = set(given) - {c.id for c in rubric}
    problems += [f"{c}: not a rubric criterion of this micro-credential" for c in sorted(
        str(e) for e in extra)]
    return problems


def add(s: Session, submission_id: str, achievement_id: str, reference: list[dict[str, Any]],
        now: datetime) -> None:
    s.merge(CalibrationItem(submission_id=submission_id, achievement_id=achievement_id,
                            reference_json=json.dumps(reference), created_at=now))


def remove(s: Session, submission_id: str) -> CalibrationItem | None:
    """Take a submission out of its calibration set, with every assessor's score of it (the
    standings are worked out anew from what is left; an assessor released stays released).
    The item that was removed; None when it was in no set."""
    item = s.get(CalibrationItem, submission_id)
    if item is None:
        return None
    s.execute(delete(CalibrationAttempt).where(
        CalibrationAttempt.submission_id == submission_id))
    s.delete(item)
    return item


def items(s: Session, achievement_id: str | None = None) -> list[CalibrationItem]:
    query = select(CalibrationItem).order_by(CalibrationItem.created_at,
                                             CalibrationItem.submission_id)
    if achievement_id is not None:
        query = query.where(CalibrationItem.achievement_id == achievement_id)
    return list(s.scalars(query))


def compare(item: CalibrationItem, scores: list[dict[str, Any]], mc: MicroCredential | None
            ) -> list[dict[str, Any]]:
    """Per criterion: the reference level and feedback, the assessor's level, and how far
    apart they are in levels (None when the assessor gave none)."""
    reference = json.loads(item.reference_json)
    mine = {sc.get("rubricCriterionId"): sc.get("levelId") for sc in scores}
    rows = []
    for ref in reference:
        cid = ref.get("rubricCriterionId")
        criterion = mc.rubric_criterion(cid) if mc else None
        distance = None
        if criterion is not None and mine.get(cid) is not None:
            try:
                distance = abs(criterion.level_index(str(mine[cid]))
                               - criterion.level_index(str(ref.get("levelId"))))
            except KeyError:
                distance = None
        rows.append({"rubricCriterionId": cid, "referenceLevelId": ref.get("levelId"),
                     "referenceFeedback": ref.get("feedback", ""), "levelId": mine.get(cid),
                     "distance": distance, "agrees": distance == 0})
    return rows


def standing(s: Session, achievement_id: str, account_id: str, limits: Limits,
             mc: MicroCredential | None) -> Standing:
    found = items(s, achievement_id)
    exact_hits = total = 0
    adjacent: dict[str, list[bool]] = {}
    scored = 0
    for item in found:
        attempt = s.get(CalibrationAttempt, (item.submission_id, account_id))
        if attempt is None:
            continue
        scored += 1
        for row in compare(item, json.loads(attempt.scores_json), mc):
            total += 1
            exact_hits += row["distance"] == 0
            near = row["distance"] is not None and row["distance"] <= 1
            adjacent.setdefault(row["rubricCriterionId"], []).append(near)
    exact = exact_hits / total if total else None
    shares = {cid: sum(hits) / len(hits) for cid, hits in adjacent.items()}
    released = s.get(Release, (achievement_id, account_id)) is not None
    return Standing(achievement_id, len(found), scored, exact, shares, released)


def meets_bar(found: Standing, limits: Limits) -> bool:
    return (found.items > 0 and found.scored == found.items and found.exact is not None
            and found.exact >= limits.calibration_exact
            and all(share >= limits.calibration_adjacent for share in found.adjacent.values()))


def record(s: Session, item: CalibrationItem, account_id: str, scores: list[dict[str, Any]],
           now: datetime, limits: Limits, mc: MicroCredential | None) -> Standing:
    """Keep an assessor's levels for a calibration item (a later try replaces an earlier
    one) and release them when the whole set now meets the bar."""
    s.merge(CalibrationAttempt(submission_id=item.submission_id, account_id=account_id,
                               scores_json=json.dumps(scores), created_at=now))
    s.flush()
    found = standing(s, item.achievement_id, account_id, limits, mc)
    if not found.released and meets_bar(found, limits):
        s.add(Release(achievement_id=item.achievement_id, account_id=account_id,
                      released_at=now))
        s.flush()
        found = standing(s, item.achievement_id, account_id, limits, mc)
    return found
