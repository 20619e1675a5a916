"""The published JSON Schemas, the JSON-LD context and the demo catalog agree with each other."""

from __future__ import annotations

import copy
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

ROOT = Path(__file__).parents[2]
SCHEMAS = ROOT / "resources" / "schemas"
EXTENSION_SCHEMA = SCHEMAS / "mcdesk-achievement-extension.schema.json"
CATALOG_SCHEMA = SCHEMAS / "mcdesk-catalog.schema.json"
CONTEXT = SCHEMAS / "mcdesk-context-v1.jsonld"
DEMO_CATALOG = ROOT / "resources" / "demo_catalog.json"

MCDESK_CONTEXT_URL = "https://purl.mcdesk.org/context/v1.jsonld"


def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture(scope="module")
def extension_validator() -> Draft202012Validator:
    return Draft202012Validator(load(EXTENSION_SCHEMA), format_checker=FormatChecker())


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    data = load(DEMO_CATALOG)
    assert isinstance(data, dict)
    return data


def micro_credentials(catalog: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in catalog["achievements"] if a.get("achievementType") == "MicroCredential"]


def extended(catalog: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in micro_credentials(catalog) if "mcdeskMicroCredential" in a]


def all_criteria(extension: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for part in extension["submissionCriteria"]["parts"] for c in part["criteria"]]


def messages(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [e.message for e in validator.iter_errors(instance)]


# --- the schemas themselves -------------------------------------------------------------------


@pytest.mark.parametrize("path", [EXTENSION_SCHEMA, CATALOG_SCHEMA], ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    schema = load(path)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("https://purl.mcdesk.org/schemas/")
    assert schema["title"]


@pytest.mark.parametrize("path", [EXTENSION_SCHEMA, CATALOG_SCHEMA], ids=lambda p: p.name)
def test_every_property_has_a_description(path: Path) -> None:
    missing: list[str] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                if "description" not in sub:
                    missing.append(f"{where}/properties/{name}")
            for key, sub in node.items():
                walk(sub, f"{where}/{key}")
        elif isinstance(node, list):
            for i, sub in enumerate(node):
                walk(sub, f"{where}/{i}")

    walk(load(path), "#")
    assert missing == []


def test_context_defines_the_extension_terms() -> None:
    context = load(CONTEXT)["@context"]
    assert context["@protected"] is True
    for term in ("mcdeskMicroCredential", "McdeskMicroCredentialExtension", "McdeskCatalog"):
        assert context[term]["@id"] == f"https://purl.mcdesk.org/vocab#{term}"
    scoped = context["McdeskMicroCredentialExtension"]["@context"]
    extension_schema = load(EXTENSION_SCHEMA)
    fields: set[str] = set(extension_schema["properties"])
    for definition in extension_schema["$defs"].values():
        fields |= set(definition.get("properties", {}))
    # mediaType: the VC 2.0 context's protected term (schema.org encodingFormat), reused.
    inherited = {"id", "type", "name", "description", "url", "mediaType"}
    for field in sorted(fields - inherited):
        assert field in scoped, f"{field} has no JSON-LD term"
        assert scoped[field]["@id"] == f"https://purl.mcdesk.org/vocab#{field}"
    assert inherited <= set(context)


# --- the demo catalog -------------------------------------------------------------------------


def test_demo_catalog_matches_catalog_schema(catalog: dict[str, Any]) -> None:
    validator = Draft202012Validator(load(CATALOG_SCHEMA), format_checker=FormatChecker())
    assert messages(validator, catalog) == []
    assert catalog["type"] == "McdeskCatalog"
    assert catalog["schemaVersion"] == 1
    assert catalog["name"] == "mcdesk demo catalog"


def test_every_extension_matches_extension_schema(
    catalog: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    for achievement in extended(catalog):
        errors = messages(extension_validator, achievement["mcdeskMicroCredential"])
        assert errors == [], achievement["id"]


def test_catalog_has_enough_micro_credentials(catalog: dict[str, Any]) -> None:
    mcs = micro_credentials(catalog)
    assert len(mcs) == len(catalog["achievements"])
    assert len(extended(catalog)) >= 8
    plain = [a for a in mcs if "mcdeskMicroCredential" not in a]
    assert len(plain) == 1
    ids = [a["id"] for a in catalog["achievements"]]
    assert len(ids) == len(set(ids))


def test_achievements_have_the_ob3_fields_mcdesk_uses(catalog: dict[str, Any]) -> None:
    issuers = set()
    for a in catalog["achievements"]:
        assert "Achievement" in a["type"]
        assert a["@context"][:2] == [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
        if "mcdeskMicroCredential" in a:
            assert MCDESK_CONTEXT_URL in a["@context"]
        assert a["id"].startswith("https://demo.mcdesk.org/achievements/")
        assert a["name"]
        assert a["description"]
        assert a["criteria"]["narrative"]
        assert a["creator"]["type"] == ["Profile"]
        issuers.add(a["creator"]["id"])
    assert len(issuers) >= 2
    assert {a["version"] for a in catalog["achievements"]} >= {"1.0", "2.0"}


def test_stacks_are_contiguous(catalog: dict[str, Any]) -> None:
    described = {s["id"]: s for s in catalog["stacks"]}
    members: dict[str, list[int]] = defaultdict(list)
    for a in extended(catalog):
        stack = a["mcdeskMicroCredential"]["stack"]
        assert stack["id"] in described, a["id"]
        assert stack["name"] == described[stack["id"]]["name"]
        members[stack["id"]].append(stack["position"])
    assert len(members) >= 2
    for positions in members.values():
        assert sorted(positions) == list(range(1, len(positions) + 1))
    assert all(s.get("description") for s in catalog["stacks"])
    plain = [a for a in micro_credentials(catalog) if "mcdeskMicroCredential" not in a]
    assert all("stack" not in a for a in plain)


def test_rubric_levels_and_required_levels(catalog: dict[str, Any]) -> None:
    for a in catalog["achievements"]:
        rubric = list(a.get("resultDescription", []))
        assert 2 <= len(rubric) <= 4, a["id"]
        ids = [r["id"] for r in rubric]
        assert len(ids) == len(set(ids)), a["id"]
        for r in rubric:
            assert r["type"] == ["ResultDescription"]
            assert r["resultType"] == "RubricCriterionLevel"
            levels = r["rubricCriterionLevel"]
            assert len(levels) in (3, 4), r["id"]
            level_ids = [level["id"] for level in levels]
            assert len(level_ids) == len(set(level_ids)), r["id"]
            assert r["requiredLevel"] in level_ids, r["id"]
            # Levels run from low to high: the first is never the passing one.
            assert level_ids.index(r["requiredLevel"]) > 0, r["id"]
            assert all(level["description"] for level in levels)


def test_criteria_reference_existing_rubric_criteria(catalog: dict[str, Any]) -> None:
    for a in extended(catalog):
        rubric_ids = {r["id"] for r in a["resultDescription"]}
        criteria = all_criteria(a["mcdeskMicroCredential"])
        criterion_ids = [c["id"] for c in criteria]
        assert len(criterion_ids) == len(set(criterion_ids)), a["id"]
        used = set()
        for c in criteria:
            assert c["rubricCriterion"] in rubric_ids, (a["id"], c["id"])
            used.add(c["rubricCriterion"])
        assert used == rubric_ids, f"{a['id']}: rubric criteria no submission criterion feeds"


def test_submission_criteria_are_consistent(catalog: dict[str, Any]) -> None:
    for a in extended(catalog):
        ext = a["mcdeskMicroCredential"]
        parts = ext["submissionCriteria"]["parts"]
        assert [p["kind"] for p in parts] == ["overview", "artifacts", "reflection"], a["id"]
        part_ids = [p["id"] for p in parts]
        assert len(part_ids) == len(set(part_ids))
        assert 3 <= len(ext["methodComponents"]) <= 5, a["id"]
        assert 2 <= len(ext["researchAndResources"]) <= 4, a["id"]
        for c in all_criteria(ext):
            if c["response"] == "text":
                assert 0 < c["minWords"] <= c["maxWords"], (a["id"], c["id"])
                assert "evidenceKinds" not in c
            else:
                assert c["evidenceKinds"], (a["id"], c["id"])
                assert c["minItems"] <= c["maxItems"], (a["id"], c["id"])
            media = c.get("media")
            if media:
                assert media["minDurationSeconds"] <= media["maxDurationSeconds"]
        has_video = any("video" in c.get("evidenceKinds", []) for c in all_criteria(ext))
        if has_video:
            video = next(c for c in all_criteria(ext) if "video" in c.get("evidenceKinds", []))
            assert video["media"] == {
                "minDurationSeconds": 300,
                "maxDurationSeconds": 600,
                "maxFileBytes": 4294967296,
            }


def test_demo_catalog_has_accented_text_for_folded_search(catalog: dict[str, Any]) -> None:
    text = json.dumps(catalog, ensure_ascii=False)
    assert "Évaluation" in text or "évaluation" in text
    assert "café" in text.lower()


# --- the extension schema refuses bad input -----------------------------------------------------


@pytest.fixture
def good_extension(catalog: dict[str, Any]) -> dict[str, Any]:
    return copy.deepcopy(extended(catalog)[0]["mcdeskMicroCredential"])


def test_good_extension_is_accepted(
    good_extension: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    assert messages(extension_validator, good_extension) == []


def test_missing_competency_is_rejected(
    good_extension: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    del good_extension["competency"]
    assert any("competency" in m for m in messages(extension_validator, good_extension))


def test_unknown_response_is_rejected(
    good_extension: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    good_extension["submissionCriteria"]["parts"][0]["criteria"][0]["response"] = "banana"
    assert any("banana" in m for m in messages(extension_validator, good_extension))


def test_negative_min_words_is_rejected(
    good_extension: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    good_extension["submissionCriteria"]["parts"][0]["criteria"][0]["minWords"] = -5
    assert any("-5" in m for m in messages(extension_validator, good_extension))


@pytest.mark.parametrize(
    "url", ["ftp://example.org/paper.pdf", "javascript:alert(1)", "example.org"]
)
def test_non_http_url_is_rejected(
    url: str, good_extension: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    good_extension["researchAndResources"][0]["url"] = url
    paths = [list(e.absolute_path) for e in extension_validator.iter_errors(good_extension)]
    assert paths == [["researchAndResources", 0, "url"]]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("type",), "SomethingElse"),
        (("schemaVersion",), 0),
        (("schemaVersion",), "1"),
        (("stack", "position"), 0),
        (("submissionCriteria", "parts", 0, "kind"), "appendix"),
        (("submissionCriteria", "parts", 1, "criteria", 0, "evidenceKinds"), ["hologram"]),
        (("submissionCriteria", "parts", 1, "criteria", 0, "media", "maxFileBytes"), -1),
    ],
)
def test_other_bad_values_are_rejected(
    path: tuple[str | int, ...],
    value: Any,
    good_extension: dict[str, Any],
    extension_validator: Draft202012Validator,
) -> None:
    target: Any = good_extension
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    paths = [tuple(e.absolute_path) for e in extension_validator.iter_errors(good_extension)]
    assert paths, f"{path} = {value!r} was accepted"
    assert all(p[: len(path) - 1] == path[:-1] for p in paths)


def test_criterion_without_required_fields_is_rejected(
    good_extension: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    del good_extension["submissionCriteria"]["parts"][0]["criteria"][0]["prompt"]
    assert any("prompt" in m for m in messages(extension_validator, good_extension))


def test_newer_schema_version_is_left_to_code(
    good_extension: dict[str, Any], extension_validator: Draft202012Validator
) -> None:
    # A higher version passes the schema so that code can say "made by a newer mcdesk".
    good_extension["schemaVersion"] = 2
    assert messages(extension_validator, good_extension) == []
