"""Resource files and exemplars in the catalog format: the demo catalog's exemplars parse with
their levels and criteria; a file object that does not fit (a bad sha256, a
file too large) is refused with a message naming the entry and the problem; an exemplar whose
criterion or level does not exist is left out with a warning and the rest imports; a server's
`unavailable` note is kept."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from mcdesk.core.study import MAX_STUDY_FILE_BYTES
from mcdesk.credentials.achievement import (
    AchievementError,
    exemplar_problems,
    parse_catalog_text,
)
from tests.conftest import DEMO_CATALOG

EXIT = "https://demo.mcdesk.org/achievements/exit-tickets"
LEVEL = f"{EXIT}/rubric/overview/proficient"
FILE = {"href": "guide.pdf", "sha256": "ab" * 32, "size": 1000,
        "mediaType": "application/pdf", "licence": "CC BY 4.0"}


def exit_tickets() -> dict[str, Any]:
    data = json.loads(DEMO_CATALOG.read_text("utf-8"))
    achievement: dict[str, Any] = copy.deepcopy(data["achievements"][0])
    assert achievement["id"] == EXIT
    return achievement


def refused(achievement: dict[str, Any]) -> str:
    with pytest.raises(AchievementError) as caught:
        parse_catalog_text(json.dumps(achievement))
    return str(caught.value)


def test_the_demo_exemplars_parse_with_their_criteria_and_levels() -> None:
    document = parse_catalog_text(DEMO_CATALOG.read_text("utf-8"))
    with_examples = [mc for mc in document.micro_credentials if mc.exemplars]
    assert len(with_examples) == 10  # every micro-credential with submission criteria
    exit_mc = next(mc for mc in document.micro_credentials if mc.achievement_id == EXIT)
    (design,) = exit_mc.exemplars_for("p1-design")
    assert design.level == LEVEL and "CC BY 4.0" in design.licence
    rubric = exit_mc.rubric_criterion(exit_mc.criterion("p1-design").rubric_criterion_id or "")
    assert rubric is not None and rubric.passes(design.level)
    (impact,) = exit_mc.exemplars_for("p3-impact")
    assert impact.level.endswith("/developing") and impact.text
    for mc in with_examples:
        for exemplar in mc.exemplars:
            assert exemplar.text and len(exemplar.text.split()) >= 50, exemplar.id
            assert exemplar.reasons


def test_a_resource_file_and_the_servers_note_are_read() -> None:
    achievement = exit_tickets()
    extension = achievement["mcdeskMicroCredential"]
    extension["researchAndResources"].append({"title": "A guide", "file": dict(FILE)})
    extension["researchAndResources"].append(
        {"title": "Gone", "file": {**FILE, "sha256": "CD" * 32,
                                   "unavailable": "this server does not hold the file"}})
    (mc,) = parse_catalog_text(json.dumps(achievement)).micro_credentials
    guide, gone = mc.resources[-2].file, mc.resources[-1].file
    assert guide is not None and guide.viewer == "pdf" and guide.size == 1000
    assert gone is not None and gone.sha256 == "cd" * 32  # hashes are compared lower-case
    assert gone.unavailable == "this server does not hold the file"


@pytest.mark.parametrize(("change", "expected"), [
    ({"sha256": "not-a-hash"}, "sha256"),
    ({"size": MAX_STUDY_FILE_BYTES + 1}, "size"),
    ({"size": 0}, "size"),
    ({"mediaType": "pdf"}, "mediaType"),
    ({"licence": ""}, "licence"),
])
def test_a_file_object_that_does_not_fit_is_refused(change: dict[str, Any],
                                                    expected: str) -> None:
    achievement = exit_tickets()
    achievement["mcdeskMicroCredential"]["researchAndResources"][0]["file"] = {**FILE,
                                                                              **change}
    message = refused(achievement)
    assert "achievement 1" in message and expected in message


@pytest.mark.parametrize(("change", "expected"), [
    ({"criterion": "p9-nowhere"}, 'illustrates criterion "p9-nowhere", which is not among'),
    ({"level": f"{EXIT}/rubric/overview/legendary"}, "is not a level of rubric criterion"),
    ({"text": None}, "has neither a text nor a file"),
    ({"id": "ex-impact-developing"}, "the id is used twice"),
])
def test_an_exemplar_that_does_not_fit_is_left_out_and_the_rest_imports(
        change: dict[str, Any], expected: str, caplog: pytest.LogCaptureFixture) -> None:
    achievement = exit_tickets()
    exemplars = achievement["mcdeskMicroCredential"]["exemplars"]
    exemplars.reverse()  # the one changed comes after the one whose id it may borrow
    exemplar = exemplars[-1]
    for key, value in change.items():
        if value is None:
            exemplar.pop(key)
        else:
            exemplar[key] = value
    assert any(expected in problem for problem in exemplar_problems(achievement))
    (mc,) = parse_catalog_text(json.dumps(achievement)).micro_credentials
    assert len(mc.exemplars) == 1 and mc.submission_parts  # the micro-credential is whole
    assert expected in caplog.text


def test_an_exemplar_without_its_reasons_is_refused_by_the_schema() -> None:
    achievement = exit_tickets()
    achievement["mcdeskMicroCredential"]["exemplars"][0].pop("reasons")
    message = refused(achievement)
    assert "achievement 1" in message and "reasons" in message
