"""credentials.achievement: reading OB 3.0 Achievements (with and without the mcdesk extension),
lists, catalogs and credentials, and refusing bad or hostile files with a clear message."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mcdesk.core.catalog import CatalogDocument, EvidenceKind, PartKind, ResponseKind
from mcdesk.credentials.achievement import (
    MAX_ACHIEVEMENTS,
    MAX_DEPTH,
    AchievementError,
    parse_achievement_text,
    parse_catalog_data,
    parse_catalog_text,
)

ROOT = Path(__file__).resolve().parents[2]
DEMO_CATALOG = ROOT / "resources" / "demo_catalog.json"
SHARED = Path(__file__).resolve().parents[3] / "shared"
OB30 = SHARED / "third_party" / "1edtech-validator" / "ob30"

DEMO = "https://demo.mcdesk.org"
EXIT_TICKETS = f"{DEMO}/achievements/exit-tickets"

PLAIN_ACHIEVEMENT: dict[str, Any] = {
    "@context": ["https://www.w3.org/ns/credentials/v2",
                 "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
    "id": "https://example.org/achievements/plain",
    "type": ["Achievement"],
    "achievementType": "MicroCredential",
    "name": "Plain Micro-credential",
    "description": "An OB 3.0 Achievement without the mcdesk extension.",
    "criteria": {"narrative": "Do the thing and show it."},
}


def demo_data() -> dict[str, Any]:
    data = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def exit_tickets() -> dict[str, Any]:
    """A fresh copy of the demo's first, fully extended achievement."""
    achievement = demo_data()["achievements"][0]
    assert achievement["id"] == EXIT_TICKETS
    return copy.deepcopy(achievement)


def refused(data: object) -> str:
    """The message parsing `data` (JSON text or a value to dump) is refused with."""
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(AchievementError) as caught:
        parse_catalog_text(text)
    message = str(caught.value)
    assert message.strip()
    assert "Traceback" not in message
    return message


# --- the demo catalog ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo() -> CatalogDocument:
    return parse_catalog_text(DEMO_CATALOG.read_text(encoding="utf-8"))


def test_demo_catalog_parses_whole(demo: CatalogDocument) -> None:
    raw = demo_data()["achievements"]
    assert len(demo.micro_credentials) == len(raw) == 11
    assert [mc.achievement_id for mc in demo.micro_credentials] == [a["id"] for a in raw]
    assert len(demo.source_json) == 11
    # the stored source is the achievement itself, canonically dumped
    assert json.loads(demo.source_json[0]) == raw[0]
    assert [s.name for s in demo.stacks] == ["Formative Assessment", "Computational Thinking",
                                            "Family Engagement"]
    assert all(s.description for s in demo.stacks)


def test_demo_exit_tickets_has_every_part(demo: CatalogDocument) -> None:
    mc = demo.micro_credentials[0]
    assert mc.name == "Checking for Understanding with Exit Tickets"
    assert mc.version == "1.0"
    assert mc.has_extension
    assert mc.missing_parts() == []
    assert mc.issuer is not None and mc.issuer.name == "Riverbend Teacher Learning Collaborative"
    assert mc.issuer.id == f"{DEMO}/issuers/riverbend"
    assert "évaluation formative" in mc.tags
    assert mc.image_url is not None and mc.image_url.startswith("data:image/svg+xml;base64,")
    assert mc.competency and mc.competency.startswith("The educator checks")
    assert mc.key_method
    assert [c.name for c in mc.method_components] == [
        "Aligned questions", "Quick to answer, quick to read", "Sorting by understanding",
        "Acting on the evidence"]
    assert len(mc.resources) == 3 and mc.resources[1].title == "Embedded Formative Assessment"
    assert mc.in_service_hours == 3.0
    assert mc.stack is not None
    assert (mc.stack.name, mc.stack.position) == ("Formative Assessment", 1)

    parts = mc.submission_parts
    assert [p.id for p in parts] == ["part-1", "part-2", "part-3"]
    assert [p.kind for p in parts] == [PartKind.OVERVIEW, PartKind.ARTIFACTS, PartKind.REFLECTION]
    assert [c.id for c in parts[1].criteria] == ["p2-video", "p2-samples", "p2-plan"]
    context = mc.criterion("p1-context")
    assert context.response is ResponseKind.TEXT
    assert (context.min_words, context.max_words) == (100, 250)
    assert context.required
    video = mc.criterion("p2-video")
    assert video.response is ResponseKind.EVIDENCE
    assert video.evidence_kinds == (EvidenceKind.VIDEO,)
    assert (video.min_items, video.max_items) == (1, 1)
    assert (video.media.min_duration_s, video.media.max_duration_s) == (300, 600)
    assert video.media.max_file_bytes == 4294967296
    assert mc.criterion("p2-samples").evidence_kinds == (EvidenceKind.IMAGE,
                                                         EvidenceKind.DOCUMENT)
    # every submission criterion points at a rubric criterion that exists
    for part in parts:
        for criterion in part.criteria:
            assert criterion.rubric_criterion_id is not None
            assert mc.rubric_criterion(criterion.rubric_criterion_id) is not None


def test_demo_rubric_levels_low_to_high(demo: CatalogDocument) -> None:
    for mc in demo.micro_credentials:
        assert mc.rubric, mc.name
        for criterion in mc.rubric:
            assert criterion.is_rubric
            names = [level.name for level in criterion.levels]
            assert names[0] == "Not yet", (mc.name, names)
            points = [level.points for level in criterion.levels]
            if None not in points:
                assert points == sorted(points, key=lambda p: float(p or 0))
            required = criterion.required_level
            assert required is not None and required.name == "Proficient"
            assert not criterion.passes(criterion.levels[0].id)
            assert criterion.passes(criterion.levels[-1].id)
            assert criterion.passes(required.id)


def test_demo_rubric_of_exit_tickets(demo: CatalogDocument) -> None:
    rubric = demo.micro_credentials[0].rubric
    assert [c.name for c in rubric] == [
        "Context and exit-ticket design", "Giving the exit ticket (video)",
        "Sorting the responses and planning next steps", "Reflection on impact"]
    overview = rubric[0]
    assert [lv.name for lv in overview.levels] == ["Not yet", "Developing", "Proficient",
                                                   "Exemplary"]
    assert [lv.points for lv in overview.levels] == ["0", "1", "2", "3"]
    assert overview.required_level_id == f"{EXIT_TICKETS}/rubric/overview/proficient"
    assert [overview.passes(lv.id) for lv in overview.levels] == [False, False, True, True]


def test_demo_stacks_and_positions(demo: CatalogDocument) -> None:
    by_stack: dict[str, list[int]] = {}
    for mc in demo.micro_credentials:
        if mc.stack is not None:
            by_stack.setdefault(mc.stack.name, []).append(mc.stack.position)
    assert by_stack == {"Formative Assessment": [1, 2, 3, 4],
                        "Computational Thinking": [1, 2, 3, 4],
                        "Family Engagement": [1, 2]}
    assert {s.id for s in demo.stacks} == {
        mc.stack.id for mc in demo.micro_credentials if mc.stack is not None}


def test_demo_plain_entry_lists_missing_parts(demo: CatalogDocument) -> None:
    plain = demo.micro_credentials[-1]
    assert plain.name == "Culturally Responsive Read-Alouds"
    assert not plain.has_extension
    assert plain.stack is None
    assert plain.missing_parts() == ["Competency", "Key method", "Method components",
                                     "Research and resources", "Submission criteria"]
    assert len(plain.rubric) == 2  # the rubric is OB 3.0 and is still read


def test_stored_source_parses_back_the_same(demo: CatalogDocument) -> None:
    for mc, source in zip(demo.micro_credentials, demo.source_json, strict=True):
        assert parse_achievement_text(source) == mc


# --- other accepted shapes ----------------------------------------------------------------------


def test_plain_ob30_achievement_without_extension() -> None:
    document = parse_catalog_text(json.dumps(PLAIN_ACHIEVEMENT))
    assert document.stacks == ()
    (mc,) = document.micro_credentials
    assert mc.name == "Plain Micro-credential"
    assert mc.version == "1"  # the default
    assert mc.criteria_narrative == "Do the thing and show it."
    assert not mc.has_extension
    assert mc.issuer is None and mc.tags == () and mc.image_url is None
    assert mc.missing_parts() == ["Competency", "Key method", "Method components",
                                  "Research and resources", "Submission criteria",
                                  "Scoring rubric"]


def test_plain_achievement_type_as_a_string_and_numeric_version() -> None:
    achievement = dict(PLAIN_ACHIEVEMENT, type="Achievement", version=2,
                       creator="https://example.org/issuer", tag="single",
                       image="https://example.org/i.png")
    (mc,) = parse_catalog_text(json.dumps(achievement)).micro_credentials
    assert mc.version == "2"
    assert mc.issuer is not None and mc.issuer.name == "https://example.org/issuer"
    assert mc.tags == ("single",)
    assert mc.image_url == "https://example.org/i.png"


def test_criteria_with_only_an_id_is_accepted() -> None:
    achievement = dict(PLAIN_ACHIEVEMENT, criteria={"id": "https://example.org/criteria"})
    (mc,) = parse_catalog_text(json.dumps(achievement)).micro_credentials
    assert mc.criteria_narrative == ""


def test_json_list_of_achievements() -> None:
    second = exit_tickets()
    document = parse_catalog_text(json.dumps([PLAIN_ACHIEVEMENT, second]))
    assert [mc.name for mc in document.micro_credentials] == [
        "Plain Micro-credential", "Checking for Understanding with Exit Tickets"]
    assert document.stacks == ()  # a bare list carries no stack descriptions
    assert document.micro_credentials[1].stack is not None


def test_same_id_in_two_versions_is_fine() -> None:
    newer = exit_tickets()
    newer["version"] = "1.1"
    document = parse_catalog_text(json.dumps([exit_tickets(), newer]))
    assert [mc.version for mc in document.micro_credentials] == ["1.0", "1.1"]


@pytest.mark.parametrize("credential_type", ["OpenBadgeCredential", "AchievementCredential"])
def test_credential_wrapping_an_achievement(credential_type: str) -> None:
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
                     "https://purl.mcdesk.org/context/v1.jsonld"],
        "id": "urn:uuid:2d7bd2ba-5b3a-4a53-9ad1-3c7e2e2f6c11",
        "type": ["VerifiableCredential", credential_type],
        "issuer": {"id": "https://example.org/issuer", "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Exit tickets",
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": exit_tickets()},
    }
    (mc,) = parse_catalog_text(json.dumps(credential)).micro_credentials
    assert mc.achievement_id == EXIT_TICKETS
    assert mc.has_extension and mc.missing_parts() == []


def test_credential_without_achievement_is_refused() -> None:
    credential = {"type": ["VerifiableCredential", "OpenBadgeCredential"],
                  "credentialSubject": {"type": ["AchievementSubject"]}}
    assert "carries no achievement" in refused(credential)


def test_byte_order_mark_and_whitespace_are_fine_in_text() -> None:
    document = parse_catalog_text("\n  " + json.dumps(PLAIN_ACHIEVEMENT) + "\n\n")
    assert len(document.micro_credentials) == 1


# --- real third-party Open Badges 3.0 credentials (1EdTech validator test data) -----------------


def third_party(name: str) -> str:
    path = OB30 / name
    if not path.is_file():
        pytest.skip(f"third-party OB 3.0 samples not found at {OB30} (../shared is absent)")
    return path.read_text(encoding="utf-8")


def test_third_party_complete_credential_is_a_degree_not_a_micro_credential() -> None:
    message = refused(third_party("complete.json"))
    assert message.startswith('achievement 1 ("1EdTech University Degree")')
    assert 'achievementType is "Degree", not "MicroCredential"' in message
    assert "only micro-credentials are imported" in message


def test_third_party_achievement_with_type_achievement_is_refused() -> None:
    message = refused(third_party("simple-did-key-method.json"))
    assert message.startswith('achievement 1 ("test 1")')
    assert 'achievementType is "Achievement", not "MicroCredential"' in message


@pytest.mark.parametrize("name", ["simple.json", "simple-err-expired.json",
                                  "simple-err-proof-value.json", "simple-err-evidence-type.json"])
def test_third_party_badge_without_achievement_type_is_refused_clearly(name: str) -> None:
    message = refused(third_party(name))
    assert message.startswith('achievement 1 ("Teamwork")')
    assert "no achievementType" in message
    assert '"MicroCredential"' in message
    assert "null" not in message  # a missing field is called missing, not "null"


@pytest.mark.parametrize("name", ["simple-noproof.json", "simple-err-context.json"])
def test_third_party_credential_without_achievement(name: str) -> None:
    assert "carries no achievement" in refused(third_party(name))


def test_third_party_every_json_sample_gives_a_clear_answer() -> None:
    third_party("complete.json")
    for path in sorted(OB30.glob("*.json")):
        message = refused(path.read_text(encoding="utf-8"))
        assert "achievementType" in message or "carries no achievement" in message, path.name


def test_third_party_rubric_reads_when_the_type_says_micro_credential() -> None:
    """complete.json's achievement is rich real OB 3.0 data: relabelled as a micro-credential it
    must import as a plain one, with its one RubricCriterionLevel result as the rubric."""
    credential = json.loads(third_party("complete.json"))
    credential["credentialSubject"]["achievement"]["achievementType"] = "MicroCredential"
    (mc,) = parse_catalog_data(credential).micro_credentials
    assert mc.achievement_id == "https://1edtech.edu/achievements/degree"
    assert mc.issuer is not None and mc.issuer.name == "1EdTech University"
    assert mc.tags == ("research", "computer science")
    assert mc.image_url == "https://1edtech.edu/achievements/degree/image"
    assert mc.criteria_narrative.startswith("# Degree Requirements")
    assert [c.result_type for c in mc.rubric] == ["LetterGrade", "RubricCriterionLevel",
                                                 "Status"]
    rubric = [c for c in mc.rubric if c.is_rubric]
    assert len(rubric) == 1
    assert [lv.name for lv in rubric[0].levels] == ["Mastery", "Basic"]
    assert rubric[0].required_level is not None
    assert rubric[0].required_level.name == "Mastery"
    assert mc.missing_parts() == ["Competency", "Key method", "Method components",
                                  "Research and resources", "Submission criteria"]


# --- bad and hostile input ----------------------------------------------------------------------


def test_malformed_json_names_line_and_column() -> None:
    message = refused('{\n  "name": "x",\n  oops\n}')
    assert message.startswith("not valid JSON")
    assert "line 3, column 3" in message


def test_truncated_json() -> None:
    text = json.dumps(PLAIN_ACHIEVEMENT)
    assert "not valid JSON" in refused(text[: len(text) // 2])


@pytest.mark.parametrize("text", ["42", '"text"', "null", "true"])
def test_top_level_that_is_not_an_object_or_list(text: str) -> None:
    assert "expected an Achievement" in refused(text)


def test_not_an_achievement() -> None:
    message = refused(dict(PLAIN_ACHIEVEMENT, type=["Profile"]))
    assert message == ('achievement 1 ("Plain Micro-credential"): '
                       '"type" must include "Achievement"')


def test_list_entry_that_is_not_an_object() -> None:
    message = refused([PLAIN_ACHIEVEMENT, "oops"])
    assert message == "achievement 2: an achievement must be a JSON object"


@pytest.mark.parametrize("achievement_type", ["Badge", "Course", "microcredential", 7])
def test_wrong_achievement_type(achievement_type: object) -> None:
    message = refused([dict(PLAIN_ACHIEVEMENT, achievementType=achievement_type)])
    assert message.startswith('achievement 1 ("Plain Micro-credential"): achievementType is ')
    assert json.dumps(achievement_type) in message
    assert 'not "MicroCredential"' in message


def test_other_achievement_types_refuse_the_whole_file_naming_the_first() -> None:
    badge = dict(PLAIN_ACHIEVEMENT, id="https://example.org/badge", name="A Badge",
                 achievementType="Badge")
    message = refused([PLAIN_ACHIEVEMENT, badge, dict(badge, name="Another")])
    assert message.startswith('achievement 2 ("A Badge"): achievementType is "Badge"')


@pytest.mark.parametrize("field", ["id", "name", "description"])
@pytest.mark.parametrize("value", ["<missing>", "", "   ", 5, None])
def test_missing_required_text(field: str, value: object) -> None:
    achievement = dict(PLAIN_ACHIEVEMENT)
    if value == "<missing>":
        del achievement[field]
    else:
        achievement[field] = value
    message = refused(achievement)
    assert message.startswith("achievement 1")
    assert f'"{field}" is required and must be a non-empty text' in message


@pytest.mark.parametrize("criteria", ["<missing>", None, "Do it", {}, {"narrative": ""}])
def test_missing_criteria(criteria: object) -> None:
    achievement = dict(PLAIN_ACHIEVEMENT)
    if criteria == "<missing>":
        del achievement["criteria"]
    else:
        achievement["criteria"] = criteria
    message = refused(achievement)
    assert message.startswith('achievement 1 ("Plain Micro-credential"): "criteria"')
    assert "is required" in message


@pytest.mark.parametrize("version", ["", None, True, [], {}])
def test_bad_version(version: object) -> None:
    assert '"version" must be a text' in refused(dict(PLAIN_ACHIEVEMENT, version=version))


@pytest.mark.parametrize("tag", [5, {"a": 1}, True])
def test_bad_tag_is_refused_not_a_crash(tag: object) -> None:
    assert '"tag" must be a list of texts' in refused(dict(PLAIN_ACHIEVEMENT, tag=tag))


def test_duplicate_id_and_version_in_one_file() -> None:
    message = refused([PLAIN_ACHIEVEMENT, dict(PLAIN_ACHIEVEMENT, name="Again")])
    assert message == ('achievement 2 ("Again"): the same id and version appear twice '
                       "in the file")


def test_duplicate_id_with_numeric_and_text_version() -> None:
    message = refused([dict(PLAIN_ACHIEVEMENT, version=1), dict(PLAIN_ACHIEVEMENT, version="1")])
    assert "appear twice" in message


def test_required_level_not_among_levels() -> None:
    achievement = exit_tickets()
    achievement["resultDescription"][1]["requiredLevel"] = "https://example.org/nowhere"
    message = refused([achievement])
    assert message.startswith('achievement 1 ("Checking for Understanding with Exit Tickets")')
    assert ('resultDescription 2: requiredLevel "https://example.org/nowhere" is not one of its '
            "rubricCriterionLevel ids") in message


def test_rubric_without_levels() -> None:
    achievement = exit_tickets()
    achievement["resultDescription"][0]["rubricCriterionLevel"] = []
    assert 'resultDescription 1: "rubricCriterionLevel" must list the levels' in refused(
        achievement)


def test_rubric_levels_sharing_an_id() -> None:
    achievement = exit_tickets()
    levels = achievement["resultDescription"][0]["rubricCriterionLevel"]
    levels[1]["id"] = levels[0]["id"]
    assert "resultDescription 1: two levels share an id" in refused(achievement)


def test_rubric_level_without_name() -> None:
    achievement = exit_tickets()
    del achievement["resultDescription"][2]["rubricCriterionLevel"][3]["name"]
    assert 'resultDescription 3, level 4: "name" is required' in refused(achievement)


def test_result_description_without_result_type() -> None:
    achievement = exit_tickets()
    del achievement["resultDescription"][0]["resultType"]
    assert 'resultDescription 1: "resultType" is required' in refused(achievement)


def test_rubric_criterion_naming_unknown_result_description() -> None:
    achievement = exit_tickets()
    part = achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"][0]
    part["criteria"][1]["rubricCriterion"] = "https://example.org/rubric/none"
    message = refused(achievement)
    assert message.startswith('achievement 1 ("Checking for Understanding with Exit Tickets")')
    assert ('submission criterion "p1-design" names rubric criterion '
            '"https://example.org/rubric/none", which is not among the resultDescription ids'
            ) in message


def test_duplicate_submission_criterion_ids() -> None:
    achievement = exit_tickets()
    parts = achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"]
    parts[2]["criteria"][0]["id"] = "p1-context"  # same as a Part 1 criterion
    message = refused(achievement)
    assert 'submission criterion id "p1-context" is used twice' in message


def test_duplicate_result_description_ids() -> None:
    achievement = exit_tickets()
    rubric = achievement["resultDescription"]
    rubric[3]["id"] = rubric[0]["id"]
    message = refused(achievement)
    assert f'resultDescription 4: id "{rubric[0]["id"]}" is used twice' in message


def test_min_words_above_max_words() -> None:
    achievement = exit_tickets()
    criterion = achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"][2][
        "criteria"][0]
    criterion["minWords"], criterion["maxWords"] = 500, 400
    message = refused(achievement)
    assert message.startswith('achievement 1 ("Checking for Understanding with Exit Tickets")')
    assert 'submission criterion "p3-impact": minWords 500 is above maxWords 400' in message


def test_min_items_above_max_items_and_durations() -> None:
    achievement = exit_tickets()
    video = achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"][1]["criteria"][0]
    video["minItems"], video["maxItems"] = 3, 2
    assert '"p2-video": minItems 3 is above maxItems 2' in refused(achievement)
    achievement = exit_tickets()
    video = achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"][1]["criteria"][0]
    video["media"]["minDurationSeconds"] = 900
    assert '"p2-video": the shortest duration is above the longest' in refused(achievement)


def test_extension_from_a_newer_mcdesk() -> None:
    achievement = exit_tickets()
    achievement["mcdeskMicroCredential"]["schemaVersion"] = 2
    achievement["mcdeskMicroCredential"]["somethingNew"] = {"x": 1}
    message = refused(achievement)
    assert message.startswith('achievement 1 ("Checking for Understanding with Exit Tickets")')
    assert "mcdeskMicroCredential version 2 was made by a newer mcdesk" in message
    assert "update mcdesk" in message


def test_extension_failing_its_schema_names_the_place() -> None:
    achievement = exit_tickets()
    del achievement["mcdeskMicroCredential"]["competency"]
    achievement["mcdeskMicroCredential"]["submissionCriteria"]["parts"][0]["kind"] = "essay"
    message = refused(achievement)
    assert "mcdeskMicroCredential is not valid" in message
    assert "'competency' is a required property" in message
    assert "submissionCriteria/parts/0/kind" in message


@pytest.mark.parametrize("extension", [None, "yes", [], 3])
def test_extension_that_is_not_an_object(extension: object) -> None:
    achievement = exit_tickets()
    achievement["mcdeskMicroCredential"] = extension
    if extension is None:  # null means "no extension": a plain micro-credential
        (mc,) = parse_catalog_data(achievement).micro_credentials
        assert not mc.has_extension
        return
    assert "mcdeskMicroCredential is not valid" in refused(achievement)


def test_catalog_from_a_newer_mcdesk() -> None:
    catalog = demo_data()
    catalog["schemaVersion"] = 2
    message = refused(catalog)
    assert "format version 2, made by a newer mcdesk" in message
    assert "update mcdesk" in message


def test_catalog_failing_its_schema() -> None:
    catalog = demo_data()
    del catalog["achievements"][3]["name"]
    message = refused(catalog)
    assert message.startswith("not a valid mcdesk catalog")
    assert "achievements/3" in message and "'name' is a required property" in message


def many(count: int) -> list[dict[str, Any]]:
    return [dict(PLAIN_ACHIEVEMENT, id=f"https://example.org/a/{n}") for n in range(count)]


def test_at_most_5000_achievements_in_a_list() -> None:
    assert MAX_ACHIEVEMENTS == 5000
    message = refused(many(5001))
    assert message == "5001 achievements in one file; at most 5000 are accepted"


def test_at_most_5000_achievements_in_a_catalog() -> None:
    catalog = {"type": "McdeskCatalog", "schemaVersion": 1, "achievements": many(5001)}
    message = refused(catalog)
    assert message == "5001 achievements in one file; at most 5000 are accepted"


def test_5000_achievements_are_accepted() -> None:
    document = parse_catalog_data(many(5000))
    assert len(document.micro_credentials) == 5000


def nested(depth: int) -> dict[str, Any]:
    """PLAIN_ACHIEVEMENT with an extra property so that the document is `depth` levels deep."""
    value: Any = []
    for _ in range(depth - 2):
        value = [value]
    return dict(PLAIN_ACHIEVEMENT, extra=value)


def test_nesting_up_to_64_levels_is_fine() -> None:
    assert MAX_DEPTH == 64
    assert len(parse_catalog_text(json.dumps(nested(64))).micro_credentials) == 1


def test_nesting_deeper_than_64_levels_is_refused() -> None:
    assert refused(nested(65)) == "the JSON is nested more than 64 levels deep"
    assert refused("[" * 65 + "]" * 65) == "the JSON is nested more than 64 levels deep"


@pytest.mark.parametrize("opener,closer", [("[", "]"), ('{"a":', "}")])
def test_100000_levels_deep_does_not_crash(opener: str, closer: str) -> None:
    limit = sys.getrecursionlimit()
    text = opener * 100_000 + "0" + closer * 100_000
    assert refused(text) == "the JSON is nested more than 64 levels deep"
    assert sys.getrecursionlimit() == limit


def test_empty_list_and_empty_catalog() -> None:
    assert refused([]) == "the file holds no achievements"
    assert refused({"type": "McdeskCatalog", "schemaVersion": 1, "achievements": []}) == (
        "the file holds no achievements")


def test_empty_text() -> None:
    assert refused("").startswith("not valid JSON")
    assert refused("   \n").startswith("not valid JSON")


def test_long_names_are_shortened_in_messages() -> None:
    message = refused(dict(PLAIN_ACHIEVEMENT, name="N" * 500, achievementType="Badge"))
    assert message.startswith('achievement 1 ("' + "N" * 57 + '...")')


def _key_paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if prefix:
        yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _key_paths(child, (*prefix, key))
    elif isinstance(node, list):
        for index, child in enumerate(node[:1]):
            yield from _key_paths(child, (*prefix, index))


HOSTILE_VALUES: list[object] = [None, 0, -1, 1e308, True, "", "x" * 3, [], [None], {}, {"a": []}]


def test_every_field_replaced_by_junk_gives_a_message_or_imports() -> None:
    """Replace or remove each field of a full achievement in turn: the parser either accepts
    the result or raises AchievementError, never another exception."""
    original = exit_tickets()
    checked = 0
    for path in _key_paths(original):
        for value in [*HOSTILE_VALUES, "<delete>"]:
            achievement = copy.deepcopy(original)
            parent = achievement
            for key in path[:-1]:
                parent = parent[key]
            if value == "<delete>":
                if not isinstance(parent, dict):
                    continue
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
            try:
                parse_catalog_data([achievement])
            except AchievementError as exc:
                assert str(exc).startswith("achievement 1"), (path, value, exc)
            checked += 1
    assert checked > 500
