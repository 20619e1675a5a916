"""Agreement figures for staff: exact and adjacent agreement, linear-weighted Cohen's kappa
(scikit-learn) over pairs of reviews, ordinal Krippendorff's alpha (`krippendorff`) where three
or more assessors scored the same thing, per assessor, per criterion and per micro-credential,
and the time from receipt to decision; any thread."""

from __future__ import annotations

import math
import statistics
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations
from typing import Any

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score


@dataclass(frozen=True)
class Rating:
    """One assessor's level on one criterion of one submission, as a level index (0 low)."""

    submission_id: str
    achievement_id: str
    criterion_id: str
    assessor_id: str
    level: int
    order: int  # the review's place among the submission's reviews (first in, first)


@dataclass(frozen=True)
class Decided:
    achievement_id: str
    received_at: datetime | None
    decided_at: datetime | None


Pair = tuple[Rating, Rating]


def pairs_of(ratings: Iterable[Rating]) -> list[Pair]:
    """Every pair of ratings of the same criterion of the same submission, the earlier
    review first."""
    units: dict[tuple[str, str], list[Rating]] = {}
    for rating in ratings:
        units.setdefault((rating.submission_id, rating.criterion_id), []).append(rating)
    found: list[Pair] = []
    for unit in units.values():
        unit.sort(key=lambda r: r.order)
        found += list(combinations(unit, 2))
    return found


def _kappa(first: list[int], second: list[int]) -> float | None:
    """Linear-weighted Cohen's kappa; None when it is undefined (too few pairs, or every
    rating the same level so there is no chance agreement to correct for)."""
    if len(first) < 2 or len(set(first) | set(second)) < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = float(cohen_kappa_score(first, second, weights="linear",
                                        labels=sorted(set(first) | set(second))))
    return None if math.isnan(value) else round(value, 4)


def _alpha(ratings: list[Rating]) -> float | None:
    """Ordinal Krippendorff's alpha over raters x units; only where some unit has three or
    more ratings (pairs are kappa's) and the levels vary."""
    units: dict[tuple[str, str], dict[str, int]] = {}
    for rating in ratings:
        units.setdefault((rating.submission_id, rating.criterion_id), {})[
            rating.assessor_id] = rating.level
    if not any(len(unit) >= 3 for unit in units.values()):
        return None
    if len({r.level for r in ratings}) < 2:
        return None
    raters = sorted({r.assessor_id for r in ratings})
    keys = sorted(units)
    data = np.full((len(raters), len(keys)), np.nan)
    for column, key in enumerate(keys):
        for row, rater in enumerate(raters):
            if rater in units[key]:
                data[row, column] = units[key][rater]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = float(krippendorff.alpha(reliability_data=data,
                                         level_of_measurement="ordinal"))
    return None if math.isnan(value) else round(value, 4)


def figures(pairs: list[Pair], ratings: list[Rating] | None = None) -> dict[str, Any]:
    """Exact and adjacent agreement and kappa over `pairs`; alpha over `ratings`."""
    if not pairs:
        exact = adjacent = None
    else:
        exact = round(sum(a.level == b.level for a, b in pairs) / len(pairs), 4)
        adjacent = round(sum(abs(a.level - b.level) <= 1 for a, b in pairs) / len(pairs), 4)
    return {"pairs": len(pairs), "exact": exact, "adjacent": adjacent,
            "kappa": _kappa([a.level for a, _ in pairs], [b.level for _, b in pairs]),
            "alpha": _alpha(ratings) if ratings is not None else None}


def _hours(items: list[Decided]) -> dict[str, float | None]:
    spans = [(d.decided_at - d.received_at).total_seconds() / 3600 for d in items
             if d.decided_at is not None and d.received_at is not None]
    if not spans:
        return {"meanHoursToDecision": None, "medianHoursToDecision": None}
    return {"meanHoursToDecision": round(statistics.fmean(spans), 2),
            "medianHoursToDecision": round(statistics.median(spans), 2)}


def build(ratings: list[Rating], decided: list[Decided], names: Callable[[str], str],
          criterion_names: Callable[[str], str]) -> dict[str, Any]:
    """The whole report: overall, per micro-credential (with its criteria), per criterion,
    per assessor."""
    all_pairs = pairs_of(ratings)
    report: dict[str, Any] = {"overall": {**figures(all_pairs, ratings), **_hours(decided)}}
    mcs = []
    for achievement_id in sorted({r.achievement_id for r in ratings}
                                 | {d.achievement_id for d in decided}):
        mine = [r for r in ratings if r.achievement_id == achievement_id]
        entry = {"achievementId": achievement_id, "name": names(achievement_id),
                 "submissions": len({r.submission_id for r in mine}),
                 **figures(pairs_of(mine), mine),
                 **_hours([d for d in decided if d.achievement_id == achievement_id])}
        mcs.append(entry)
    report["microCredentials"] = mcs
    criteria = []
    for criterion_id in sorted({r.criterion_id for r in ratings}):
        mine = [r for r in ratings if r.criterion_id == criterion_id]
        criteria.append({"rubricCriterionId": criterion_id, "name": criterion_names(criterion_id),
                         "achievementId": mine[0].achievement_id,
                         **figures(pairs_of(mine), mine)})
    report["criteria"] = criteria
    assessors = []
    for assessor_id in sorted({r.assessor_id for r in ratings}):
        # The assessor's pairs with everyone who scored the same things, theirs first.
        pairs = [(a, b) if a.assessor_id == assessor_id else (b, a) for a, b in all_pairs
                 if assessor_id in (a.assessor_id, b.assessor_id)]
        assessors.append({"id": assessor_id, "name": names(assessor_id),
                          "reviews": len({r.submission_id for r in ratings
                                          if r.assessor_id == assessor_id}),
                          **figures(pairs)})
    report["assessors"] = assessors
    return report
