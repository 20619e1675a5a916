"""The JSON bodies clients send (pydantic models, strict: no type coercion, no unknown
members), as docs/issuer-protocol.openapi.yaml describes them; any thread."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
BAG_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"

Text = Annotated[str, Field(min_length=1, max_length=2000)]


def _integral(value: object) -> object:
    """JSON has one number type: 3.0 is the integer 3 (JSON Schema agrees); 3.5 is not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


#: An integer as JSON Schema means it: no strings, no booleans, integral floats accepted.
JsonInt = Annotated[int, BeforeValidator(_integral)]
LongText = Annotated[str, Field(max_length=20000)]


class _Body(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")

    def canonical(self) -> str:
        """The body as canonical JSON: what makes two requests "the same"."""
        return json.dumps(self.model_dump(mode="json"), sort_keys=True,
                          separators=(",", ":"), ensure_ascii=False)


class BagFileIn(_Body):
    path: Annotated[str, Field(min_length=1, max_length=1024)]
    sha256: Annotated[str, Field(pattern=SHA256_PATTERN)]
    size: Annotated[JsonInt, Field(ge=0)]


class BeginBody(_Body):
    achievementId: Text
    version: Annotated[str, Field(min_length=1, max_length=200)]
    attempt: Annotated[JsonInt, Field(ge=1, le=1000)]
    bagName: Annotated[str, Field(pattern=BAG_NAME_PATTERN)]
    files: Annotated[list[BagFileIn], Field(min_length=1, max_length=10000)]


class ScoreIn(_Body):
    rubricCriterionId: Text
    levelId: Text
    feedback: LongText = ""


class ReviewBody(_Body):
    reviewId: Annotated[str, Field(pattern=UUID_PATTERN)]
    scores: Annotated[list[ScoreIn], Field(max_length=1000)]
    #: Checked by the service (mcdesk_issuer.comments), so a bad comment is a 422 naming it.
    comments: Annotated[list[Any], Field(max_length=5000)] = []
    decision: Literal["earned", "not yet"]
    overrideReason: Annotated[str, Field(max_length=20000)] | None = None


class FeedbackIn(_Body):
    rubricCriterionId: Text
    levelId: Text | None = None
    feedback: LongText = ""


class DecisionBody(_Body):
    state: Literal["earned", "not yet"]
    feedback: Annotated[list[FeedbackIn], Field(max_length=1000)] = []
    #: Why staff decide against the rubric rule or before every review is in (recorded).
    overrideReason: Annotated[str, Field(max_length=20000)] | None = None


PoolKind = Literal["expert", "peer"]
PersonId = Annotated[str, Field(pattern=UUID_PATTERN)]


class PoolChangeBody(_Body):
    """Staff put a person in (member true) or take them out of a pool."""

    achievementId: Text
    personId: PersonId
    kind: PoolKind
    member: bool = True


class PoolSettingsBody(_Body):
    achievementId: Text
    expertSubmissions: Annotated[JsonInt, Field(ge=0, le=1_000_000)] | None = None
    expertsPerSubmission: Annotated[JsonInt, Field(ge=1, le=50)] | None = None
    peersPerSubmission: Annotated[JsonInt, Field(ge=1, le=50)] | None = None


class CalibrationBody(_Body):
    """A submission made a calibration item; reference levels, else its decision's."""

    submissionId: Annotated[str, Field(pattern=UUID_PATTERN)]
    reference: Annotated[list[FeedbackIn], Field(max_length=1000)] | None = None


class CalibrationScoresBody(_Body):
    scores: Annotated[list[ScoreIn], Field(max_length=1000)]


class TokenBody(_Body):
    """A token for a new person (name) or an existing one (personId)."""

    role: Literal["earner", "coach", "assessor", "staff"]
    name: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    personId: PersonId | None = None
    expiresDays: Annotated[float, Field(gt=0, le=36500)] | None = None
