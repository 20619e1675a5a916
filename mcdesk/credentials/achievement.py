"""Reads Open Badges 3.0 Achievements (with the mcdesk extension) into catalog data; any thread."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from mcdesk.core.catalog import (
    CatalogDocument,
    EvidenceKind,
    ImportedStack,
    Issuer,
    MediaLimits,
    MethodComponent,
    MicroCredential,
    PartKind,
    Resource,
    ResponseKind,
    RubricCriterion,
    RubricLevel,
    StackRef,
    SubmissionCriterion,
    SubmissionPart,
)
from mcdesk.core.study import Exemplar, FileRef
from mcdesk.formats.schemas import CATALOG_SCHEMA, EXTENSION_SCHEMA, schema_errors

log = logging.getLogger(__name__)

EXTENSION_KEY = "mcdeskMicroCredential"
SUPPORTED_EXTENSION_VERSION = 1
SUPPORTED_CATALOG_VERSION = 1
MAX_ACHIEVEMENTS = 5000
MAX_DEPTH = 64


class AchievementError(ValueError):
    """A definition that cannot be imported; the message says which entry and why."""


def parse_catalog_text(text: str) -> CatalogDocument:
    """Parse a whole catalog file (one Achievement, a list, or an McdeskCatalog) or raise."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise AchievementError(f"the JSON is nested more than {MAX_DEPTH} levels deep") from None
    except json.JSONDecodeError as exc:
        raise AchievementError(
            f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if _depth_exceeds(data, MAX_DEPTH):
        raise AchievementError(f"the JSON is nested more than {MAX_DEPTH} levels deep")
    return parse_catalog_data(data)


def parse_catalog_data(data: object) -> CatalogDocument:
    stacks: tuple[ImportedStack, ...] = ()
    if isinstance(data, list):
        entries: Sequence[object] = data
    elif isinstance(data, dict) and data.get("type") == "McdeskCatalog":
        # Both checks come before the schema: it accepts any version >= 1, and its message
        # for too many achievements would quote the whole list.
        version = data.get("schemaVersion")
        if isinstance(version, int) and version > SUPPORTED_CATALOG_VERSION:
            raise AchievementError(
                f"this catalog uses format version {version}, made by a newer mcdesk; "
                "update mcdesk to import it"
            )
        achievements = data.get("achievements")
        if isinstance(achievements, list) and len(achievements) > MAX_ACHIEVEMENTS:
            raise _too_many(len(achievements))
        problems = schema_errors(CATALOG_SCHEMA, data)
        if problems:
            raise AchievementError("not a valid mcdesk catalog: " + "; ".join(problems))
        entries = data["achievements"]
        stacks = tuple(
            ImportedStack(id=s["id"], name=s["name"], description=s.get("description", ""))
            for s in data.get("stacks", [])
        )
    elif isinstance(data, dict) and _types(data) & {"OpenBadgeCredential", "AchievementCredential"}:
        subject = data.get("credentialSubject")
        achievement = subject.get("achievement") if isinstance(subject, dict) else None
        if not isinstance(achievement, dict):
            raise AchievementError("this credential carries no achievement")
        entries = [achievement]
    elif isinstance(data, dict):
        entries = [data]
    else:
        raise AchievementError("expected an Achievement, a list of them, or an mcdesk catalog")
    if not entries:
        raise AchievementError("the file holds no achievements")
    if len(entries) > MAX_ACHIEVEMENTS:
        raise _too_many(len(entries))
    parsed: list[MicroCredential] = []
    sources: list[str] = []
    seen: set[tuple[str, str]] = set()
    for number, entry in enumerate(entries, start=1):
        label = _entry_label(number, entry)
        try:
            micro_credential = parse_achievement(entry)
        except AchievementError as exc:
            raise AchievementError(f"{label}: {exc}") from None
        key = (micro_credential.achievement_id, micro_credential.version)
        if key in seen:
            raise AchievementError(f"{label}: the same id and version appear twice in the file")
        seen.add(key)
        parsed.append(micro_credential)
        sources.append(json.dumps(entry, ensure_ascii=False, sort_keys=True))
    return CatalogDocument(tuple(parsed), stacks, tuple(sources))


def _too_many(count: int) -> AchievementError:
    return AchievementError(
        f"{count} achievements in one file; at most {MAX_ACHIEVEMENTS} are accepted"
    )


def parse_achievement_text(text: str) -> MicroCredential:
    """Parse one stored Achievement's JSON. It passed the schema when it was imported, so the
    schema is not run again (it costs more than the rest of the parse); the structural checks
    below still run."""
    return parse_achievement(json.loads(text), check_schema=False)


def parse_achievement(data: object, *, check_schema: bool = True) -> MicroCredential:
    if not isinstance(data, dict):
        raise AchievementError("an achievement must be a JSON object")
    if "Achievement" not in _types(data):
        raise AchievementError('"type" must include "Achievement"')
    achievement_type = data.get("achievementType")
    if achievement_type is None:
        raise AchievementError(
            'it has no achievementType; only achievements whose achievementType is '
            '"MicroCredential" are imported'
        )
    if achievement_type != "MicroCredential":
        raise AchievementError(
            f'achievementType is {json.dumps(achievement_type)}, not "MicroCredential"; '
            "only micro-credentials are imported"
        )
    achievement_id = _required_text(data, "id")
    name = _required_text(data, "name")
    description = _required_text(data, "description")
    criteria = data.get("criteria")
    if not isinstance(criteria, dict) or not (criteria.get("narrative") or criteria.get("id")):
        raise AchievementError('"criteria" with a "narrative" or an "id" is required (OB 3.0)')
    narrative = criteria.get("narrative") or ""
    version = data.get("version", "1")
    if not isinstance(version, str | int | float) or isinstance(version, bool) or not str(version):
        raise AchievementError('"version" must be a text')
    rubric = tuple(_parse_result_descriptions(data.get("resultDescription", [])))
    extension = data.get(EXTENSION_KEY)
    base = MicroCredential(
        achievement_id=achievement_id,
        version=str(version),
        name=name,
        description=description,
        criteria_narrative=str(narrative),
        issuer=_parse_issuer(data.get("creator")),
        tags=_parse_tags(data.get("tag")),
        image_url=_image_url(data.get("image")),
        rubric=rubric,
    )
    if extension is None:
        return base
    return _with_extension(base, extension, check_schema=check_schema)


def _with_extension(base: MicroCredential, extension: object, *,
                    check_schema: bool) -> MicroCredential:
    if isinstance(extension, dict):
        version = extension.get("schemaVersion")
        if isinstance(version, int) and version > SUPPORTED_EXTENSION_VERSION:
            raise AchievementError(
                f"{EXTENSION_KEY} version {version} was made by a newer mcdesk; "
                "update mcdesk to import it"
            )
    problems = schema_errors(EXTENSION_SCHEMA, extension) if check_schema else []
    if problems:
        raise AchievementError(f"{EXTENSION_KEY} is not valid: " + "; ".join(problems))
    if not isinstance(extension, dict):
        raise AchievementError(f"{EXTENSION_KEY} must be an object")
    rubric_ids = {criterion.id for criterion in base.rubric}
    parts = []
    seen_ids: set[str] = set()
    for part in extension["submissionCriteria"]["parts"]:
        criteria = []
        for raw in part["criteria"]:
            criterion = _parse_submission_criterion(raw)
            if criterion.id in seen_ids:
                raise AchievementError(f'submission criterion id "{criterion.id}" is used twice')
            seen_ids.add(criterion.id)
            rubric_id = criterion.rubric_criterion_id
            if rubric_id is not None and rubric_id not in rubric_ids:
                raise AchievementError(
                    f'submission criterion "{criterion.id}" names rubric criterion '
                    f'"{rubric_id}", which is not among the resultDescription ids'
                )
            criteria.append(criterion)
        parts.append(
            SubmissionPart(
                id=part["id"],
                name=part["name"],
                kind=PartKind(part["kind"]),
                criteria=tuple(criteria),
                instructions=part.get("instructions", ""),
            )
        )
    stack = extension.get("stack")
    hours = extension.get("inServiceHours")
    return MicroCredential(
        achievement_id=base.achievement_id,
        version=base.version,
        name=base.name,
        description=base.description,
        criteria_narrative=base.criteria_narrative,
        issuer=base.issuer,
        tags=base.tags,
        image_url=base.image_url,
        rubric=base.rubric,
        competency=extension["competency"],
        key_method=extension["keyMethod"],
        method_components=tuple(
            MethodComponent(c["name"], c.get("description", ""))
            for c in extension["methodComponents"]
        ),
        resources=tuple(
            Resource(
                title=r["title"],
                url=r.get("url"),
                citation=r.get("citation"),
                description=r.get("description"),
                file=_parse_file(r.get("file")),
            )
            for r in extension["researchAndResources"]
        ),
        submission_parts=tuple(parts),
        in_service_hours=float(hours) if hours is not None else None,
        stack=StackRef(stack["id"], stack["name"], int(stack["position"])) if stack else None,
        has_extension=True,
        exemplars=_parse_exemplars(extension.get("exemplars", []), parts, base.rubric),
    )


def _parse_file(raw: Mapping[str, Any] | None) -> FileRef | None:
    """A resource's or exemplar's file object (its shape was checked by the schema)."""
    if raw is None:
        return None
    return FileRef(href=raw["href"], sha256=raw["sha256"].lower(), size=int(raw["size"]),
                   media_type=raw["mediaType"].lower(), licence=raw["licence"],
                   unavailable=raw.get("unavailable"))


def _parse_exemplars(raw: Sequence[Mapping[str, Any]], parts: Sequence[SubmissionPart],
                     rubric: Sequence[RubricCriterion]) -> tuple[Exemplar, ...]:
    """Exemplars, each checked against the criterion it illustrates and that criterion's
    rubric levels (what a JSON Schema cannot say). One that does not fit (a criterion or a
    level the micro-credential does not have, an id used twice, neither text nor file) is
    left out with a warning: an example is study material, and the micro-credential is
    whole without it (a copy whose criteria were changed keeps importing)."""
    criteria = {c.id: c for part in parts for c in part.criteria}
    rubric_by_id = {r.id: r for r in rubric}
    exemplars: list[Exemplar] = []
    seen: set[str] = set()
    for entry in raw:
        problem = _exemplar_problem(entry, criteria, rubric_by_id, seen)
        seen.add(entry["id"])
        if problem is not None:
            log.warning('Exemplar "%s" left out: %s', entry["id"], problem)
            continue
        exemplars.append(Exemplar(
            id=entry["id"], title=entry["title"], criterion=entry["criterion"],
            level=entry["level"], reasons=entry["reasons"], licence=entry["licence"],
            text=entry.get("text"), file=_parse_file(entry.get("file"))))
    return tuple(exemplars)


def exemplar_problems(data: Mapping[str, Any]) -> list[str]:
    """What is wrong with each exemplar of an Achievement's extension that would be left out
    on import (for authors' checks and tests)."""
    extension = data.get(EXTENSION_KEY) or {}
    parts = [p for p in (extension.get("submissionCriteria") or {}).get("parts", [])]
    criteria = {c["id"]: _parse_submission_criterion(c) for p in parts for c in p["criteria"]}
    rubric = {r.id: r for r in _parse_result_descriptions(data.get("resultDescription", []))}
    seen: set[str] = set()
    problems = []
    for entry in extension.get("exemplars", []):
        problem = _exemplar_problem(entry, criteria, rubric, seen)
        seen.add(entry["id"])
        if problem is not None:
            problems.append(f'exemplar "{entry["id"]}": {problem}')
    return problems


def _exemplar_problem(entry: Mapping[str, Any], criteria: Mapping[str, SubmissionCriterion],
                      rubric: Mapping[str, RubricCriterion], seen: set[str]) -> str | None:
    if entry["id"] in seen:
        return "the id is used twice"
    criterion = criteria.get(entry["criterion"])
    if criterion is None:
        return (f'it illustrates criterion "{entry["criterion"]}", which is not among the '
                "submission criteria")
    rubric_criterion = rubric.get(criterion.rubric_criterion_id or "")
    if rubric_criterion is not None and entry["level"] not in {
            level.id for level in rubric_criterion.levels}:
        return (f'level "{entry["level"]}" is not a level of rubric criterion '
                f'"{rubric_criterion.name}"')
    if "text" not in entry and "file" not in entry:
        return "it has neither a text nor a file"
    return None


def _parse_submission_criterion(raw: Mapping[str, Any]) -> SubmissionCriterion:
    criterion_id = raw["id"]
    min_words, max_words = raw.get("minWords"), raw.get("maxWords")
    if min_words is not None and max_words is not None and min_words > max_words:
        raise AchievementError(
            f'submission criterion "{criterion_id}": minWords {min_words} is above '
            f"maxWords {max_words}"
        )
    min_items, max_items = raw.get("minItems"), raw.get("maxItems")
    if min_items is not None and max_items is not None and min_items > max_items:
        raise AchievementError(
            f'submission criterion "{criterion_id}": minItems {min_items} is above '
            f"maxItems {max_items}"
        )
    media = raw.get("media") or {}
    limits = MediaLimits(
        min_duration_s=media.get("minDurationSeconds"),
        max_duration_s=media.get("maxDurationSeconds"),
        max_file_bytes=media.get("maxFileBytes"),
    )
    if (
        limits.min_duration_s is not None
        and limits.max_duration_s is not None
        and limits.min_duration_s > limits.max_duration_s
    ):
        raise AchievementError(
            f'submission criterion "{criterion_id}": the shortest duration is above the longest'
        )
    return SubmissionCriterion(
        id=criterion_id,
        prompt=raw["prompt"],
        response=ResponseKind(raw["response"]),
        required=bool(raw.get("required", True)),
        min_words=min_words,
        max_words=max_words,
        evidence_kinds=tuple(EvidenceKind(kind) for kind in raw.get("evidenceKinds", [])),
        min_items=min_items,
        max_items=max_items,
        media=limits,
        rubric_criterion_id=raw.get("rubricCriterion"),
    )


def _parse_result_descriptions(raw: object) -> Iterable[RubricCriterion]:
    if not isinstance(raw, list):
        raise AchievementError('"resultDescription" must be a list')
    seen: set[str] = set()
    for number, entry in enumerate(raw, start=1):
        where = f"resultDescription {number}"
        if not isinstance(entry, dict):
            raise AchievementError(f"{where} must be an object")
        criterion_id = _required_text(entry, "id", where)
        if criterion_id in seen:
            raise AchievementError(f'{where}: id "{criterion_id}" is used twice')
        seen.add(criterion_id)
        name = _required_text(entry, "name", where)
        result_type = entry.get("resultType")
        if not isinstance(result_type, str) or not result_type:
            raise AchievementError(f'{where}: "resultType" is required')
        levels: list[RubricLevel] = []
        raw_levels = entry.get("rubricCriterionLevel", [])
        if result_type == "RubricCriterionLevel" and not raw_levels:
            raise AchievementError(f'{where}: "rubricCriterionLevel" must list the levels')
        if not isinstance(raw_levels, list):
            raise AchievementError(f'{where}: "rubricCriterionLevel" must be a list')
        for level_number, level in enumerate(raw_levels, start=1):
            level_where = f"{where}, level {level_number}"
            if not isinstance(level, dict):
                raise AchievementError(f"{level_where} must be an object")
            points = level.get("points")
            levels.append(
                RubricLevel(
                    id=_required_text(level, "id", level_where),
                    name=_required_text(level, "name", level_where),
                    description=str(level.get("description") or ""),
                    points=str(points) if points is not None else None,
                )
            )
        level_ids = [level.id for level in levels]
        if len(set(level_ids)) != len(level_ids):
            raise AchievementError(f"{where}: two levels share an id")
        required = entry.get("requiredLevel")
        if required is not None and required not in level_ids:
            raise AchievementError(
                f'{where}: requiredLevel "{required}" is not one of its rubricCriterionLevel ids'
            )
        yield RubricCriterion(
            id=criterion_id,
            name=name,
            levels=tuple(levels),
            required_level_id=required,
            description=str(entry.get("description") or ""),
            result_type=result_type,
        )


def _parse_tags(raw: object) -> tuple[str, ...]:
    if raw is None:
        return ()
    if isinstance(raw, str):
        return (raw,)
    if not isinstance(raw, list):
        raise AchievementError('"tag" must be a list of texts')
    return tuple(tag for tag in raw if isinstance(tag, str))


def _parse_issuer(raw: object) -> Issuer | None:
    if isinstance(raw, str):
        return Issuer(id=raw, name=raw)
    if isinstance(raw, dict) and isinstance(raw.get("name"), str):
        issuer_id = raw.get("id")
        return Issuer(id=issuer_id if isinstance(issuer_id, str) else None, name=raw["name"])
    return None


def _image_url(raw: object) -> str | None:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, dict) and isinstance(raw.get("id"), str):
        return str(raw["id"])
    return None


def _types(data: Mapping[str, Any]) -> set[str]:
    raw = data.get("type")
    if isinstance(raw, str):
        return {raw}
    if isinstance(raw, list):
        return {t for t in raw if isinstance(t, str)}
    return set()


def _required_text(data: Mapping[str, Any], key: str, where: str = "") -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        prefix = f"{where}: " if where else ""
        raise AchievementError(f'{prefix}"{key}" is required and must be a non-empty text')
    return value


def _entry_label(number: int, entry: object) -> str:
    if isinstance(entry, dict) and isinstance(entry.get("name"), str):
        name = entry["name"] if len(entry["name"]) <= 60 else entry["name"][:57] + "..."
        return f'achievement {number} ("{name}")'
    return f"achievement {number}"


def _depth_exceeds(data: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
    return False
