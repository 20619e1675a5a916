"""Calibration as an assessor meets it: a scored submission the issuer keeps with reference
levels, scored before live work; the answer says, per criterion, where the assessor's level
differed from the reference and why (the reference feedback), and where the assessor stands
on the whole set (released to live reviews or not); any thread."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mcdesk.core.errors import McdeskError

# What a calibration item's assignment id starts with in the review queue: the server knows
# it by its submission id, which a live assignment of the same submission never uses.
CALIBRATION_PREFIX = "calibration:"


@dataclass(frozen=True)
class CriterionComparison:
    """One criterion: the reference level and feedback, the assessor's level, how many
    levels apart (None when the assessor gave none)."""

    rubric_criterion_id: str
    reference_level_id: str
    reference_feedback: str
    level_id: str | None
    distance: int | None

    @property
    def agrees(self) -> bool:
        return self.distance == 0


@dataclass(frozen=True)
class CalibrationStanding:
    """An assessor on one micro-credential's set: items scored of all, the share of criteria
    scored exactly as the reference, per criterion the share within one level, released."""

    items: int
    scored: int
    exact: float | None
    adjacent: Mapping[str, float]
    released: bool


@dataclass(frozen=True)
class CalibrationResult:
    comparison: tuple[CriterionComparison, ...]
    standing: CalibrationStanding

    @property
    def agreed(self) -> int:
        return sum(row.agrees for row in self.comparison)

    def wire(self) -> dict[str, Any]:
        """As the issuer protocol carries it (and as the portfolio keeps it)."""
        standing = self.standing
        return {"comparison": [
            {"rubricCriterionId": row.rubric_criterion_id,
             "referenceLevelId": row.reference_level_id,
             "referenceFeedback": row.reference_feedback, "levelId": row.level_id,
             "distance": row.distance, "agrees": row.agrees} for row in self.comparison],
            "standing": {"items": standing.items, "scored": standing.scored,
                         "exact": standing.exact,
                         "adjacentByCriterion": dict(standing.adjacent),
                         "released": standing.released}}

    @staticmethod
    def from_wire(body: Mapping[str, Any]) -> CalibrationResult:
        """McdeskError naming what is wrong when `body` is no calibration answer."""
        try:
            rows = tuple(CriterionComparison(
                rubric_criterion_id=str(row["rubricCriterionId"]),
                reference_level_id=str(row["referenceLevelId"]),
                reference_feedback=str(row.get("referenceFeedback") or ""),
                level_id=None if row.get("levelId") is None else str(row["levelId"]),
                distance=None if row.get("distance") is None else int(row["distance"]))
                for row in body["comparison"])
            standing = body["standing"]
            exact = standing.get("exact")
            adjacent = standing.get("adjacentByCriterion") or {}
            return CalibrationResult(rows, CalibrationStanding(
                items=int(standing["items"]), scored=int(standing["scored"]),
                exact=None if exact is None else float(exact),
                adjacent={str(k): float(v) for k, v in adjacent.items()},
                released=bool(standing["released"])))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise McdeskError(f"not a calibration answer mcdesk understands ({exc!r})") \
                from exc


@dataclass(frozen=True)
class CalibrationItem:
    """A calibration item offered to an assessor; never names the earner. `result` is how
    their last scoring of it compared, when they scored it."""

    submission_id: str
    achievement_id: str
    version: str
    bag_size: int | None
    bag_sha256: str | None
    result: CalibrationResult | None = None

    @property
    def assignment_id(self) -> str:
        return CALIBRATION_PREFIX + self.submission_id
