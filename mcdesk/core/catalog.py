"""The micro-credential catalog as plain data: parts, submission criteria, rubric; any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from mcdesk.core.catalog_list import CatalogEntry as CatalogEntry
from mcdesk.core.catalog_list import Stack as Stack
from mcdesk.core.catalog_list import StoredDefinition as StoredDefinition
from mcdesk.core.kinds import EvidenceKind as EvidenceKind
from mcdesk.core.study import Exemplar, FileRef


class PartKind(enum.StrEnum):
    OVERVIEW = "overview"
    ARTIFACTS = "artifacts"
    REFLECTION = "reflection"
    OTHER = "other"


class ResponseKind(enum.StrEnum):
    TEXT = "text"
    EVIDENCE = "evidence"


@dataclass(frozen=True)
class RubricLevel:
    id: str
    name: str
    description: str = ""
    points: str | None = None


def id_tail(ident: str) -> str:
    """The last part of an id (a URI): what still says something where its name is not
    known, e.g. ".../levels/proficient" -> "proficient"."""
    return ident.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class RubricCriterion:
    """One OB 3.0 ResultDescription of type RubricCriterionLevel; levels low to high."""

    id: str
    name: str
    levels: tuple[RubricLevel, ...]
    required_level_id: str | None
    description: str = ""
    result_type: str = "RubricCriterionLevel"

    @property
    def is_rubric(self) -> bool:
        return self.result_type == "RubricCriterionLevel" and bool(self.levels)

    def level_index(self, level_id: str) -> int:
        for index, level in enumerate(self.levels):
            if level.id == level_id:
                return index
        raise KeyError(level_id)

    def level_name(self, level_id: str | None) -> str | None:
        """The name of one of its levels; None when it has no such level."""
        return next((level.name for level in self.levels if level.id == level_id), None)

    def passes(self, level_id: str) -> bool:
        """True when `level_id` is at or above the required level."""
        if self.required_level_id is None:
            return True
        return self.level_index(level_id) >= self.level_index(self.required_level_id)

    @property
    def required_level(self) -> RubricLevel | None:
        for level in self.levels:
            if level.id == self.required_level_id:
                return level
        return None


@dataclass(frozen=True)
class MediaLimits:
    min_duration_s: int | None = None
    max_duration_s: int | None = None
    max_file_bytes: int | None = None

    @property
    def is_empty(self) -> bool:
        return self.min_duration_s is None and self.max_duration_s is None and (
            self.max_file_bytes is None
        )


@dataclass(frozen=True)
class SubmissionCriterion:
    id: str
    prompt: str
    response: ResponseKind
    required: bool = True
    min_words: int | None = None
    max_words: int | None = None
    evidence_kinds: tuple[EvidenceKind, ...] = ()
    min_items: int | None = None
    max_items: int | None = None
    media: MediaLimits = field(default_factory=MediaLimits)
    rubric_criterion_id: str | None = None


@dataclass(frozen=True)
class SubmissionPart:
    id: str
    name: str
    kind: PartKind
    criteria: tuple[SubmissionCriterion, ...]
    instructions: str = ""


@dataclass(frozen=True)
class MethodComponent:
    name: str
    description: str


@dataclass(frozen=True)
class Resource:
    title: str
    url: str | None = None
    citation: str | None = None
    description: str | None = None
    file: FileRef | None = None  # a copy that travels with the catalog (PDF, video, page)


@dataclass(frozen=True)
class StackRef:
    id: str
    name: str
    position: int


@dataclass(frozen=True)
class Issuer:
    id: str | None
    name: str


@dataclass(frozen=True)
class MicroCredential:
    """One version of a micro-credential as its issuer published it."""

    achievement_id: str
    version: str
    name: str
    description: str
    criteria_narrative: str
    issuer: Issuer | None = None
    tags: tuple[str, ...] = ()
    image_url: str | None = None
    competency: str | None = None
    key_method: str | None = None
    method_components: tuple[MethodComponent, ...] = ()
    resources: tuple[Resource, ...] = ()
    submission_parts: tuple[SubmissionPart, ...] = ()
    rubric: tuple[RubricCriterion, ...] = ()
    in_service_hours: float | None = None
    stack: StackRef | None = None
    has_extension: bool = False
    exemplars: tuple[Exemplar, ...] = ()

    def exemplars_for(self, criterion_id: str) -> tuple[Exemplar, ...]:
        return tuple(e for e in self.exemplars if e.criterion == criterion_id)

    def missing_parts(self) -> list[str]:
        """Names of the Digital Promise parts this definition does not carry."""
        missing: list[str] = []
        if not self.competency:
            missing.append("Competency")
        if not self.key_method:
            missing.append("Key method")
        if not self.method_components:
            missing.append("Method components")
        if not self.resources:
            missing.append("Research and resources")
        if not self.submission_parts:
            missing.append("Submission criteria")
        if not any(criterion.is_rubric for criterion in self.rubric):
            missing.append("Scoring rubric")
        return missing

    def criterion(self, criterion_id: str) -> SubmissionCriterion:
        for part in self.submission_parts:
            for criterion in part.criteria:
                if criterion.id == criterion_id:
                    return criterion
        raise KeyError(criterion_id)

    def rubric_criterion(self, rubric_id: str) -> RubricCriterion | None:
        for criterion in self.rubric:
            if criterion.id == rubric_id:
                return criterion
        return None

    def searchable_text(self) -> str:
        """Everything a teacher might type to find this micro-credential, in reading order."""
        chunks: list[str] = [self.criteria_narrative, self.competency or "", self.key_method or ""]
        chunks += [f"{c.name} {c.description}" for c in self.method_components]
        chunks += [" ".join(filter(None, (r.title, r.citation, r.description)))
                   for r in self.resources]
        for part in self.submission_parts:
            chunks.append(f"{part.name} {part.instructions}")
            chunks += [criterion.prompt for criterion in part.criteria]
        chunks += [criterion.name for criterion in self.rubric]
        return "\n".join(chunk for chunk in chunks if chunk)


@dataclass(frozen=True)
class ImportedStack:
    """A stack description carried by a catalog file (membership comes from the members)."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class CatalogDocument:
    """What one catalog file holds once parsed and validated."""

    micro_credentials: tuple[MicroCredential, ...]
    stacks: tuple[ImportedStack, ...] = ()
    source_json: tuple[str, ...] = ()  # the original JSON of each Achievement, same order


class ImportOutcome(enum.StrEnum):
    ADDED = "added"
    NEW_VERSION = "new version"
    OLDER_VERSION = "older version kept"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ImportedItem:
    achievement_id: str
    version: str
    name: str
    outcome: ImportOutcome


@dataclass(frozen=True)
class FileImportResult:
    path: str
    items: tuple[ImportedItem, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None
