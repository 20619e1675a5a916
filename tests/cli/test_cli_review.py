"""`mcdesk review ...` run as users run it: a real subprocess on an assessor's portfolio that
opens an earner's real package, scores and comments by name, exports a review file, and on the
earner's portfolio imports it; exit codes, JSON output, no traceback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mcdesk.services.workspace import Workspace
from tests.cli.test_cli import mcdesk
from tests.cli_runner import Run
from tests.conftest import DEMO_CATALOG
from tests.formats.test_review_file import HOSTILE
from tests.review_helpers import EARNER_NAME, review_setup

FAMILY_RUBRIC = "https://demo.mcdesk.org/achievements/two-way-family-communication/rubric"


def ok(run: Run) -> Any:
    assert run.code == 0, (run.out, run.err)
    return run.json() if run.out.startswith(("{", "[")) else run.out


@dataclass
class Sides:
    home: Path
    earner: Path  # the earner's portfolio
    draft_id: str
    package: Path
    assessor: Path  # an assessor's portfolio with the demo catalog, nothing opened yet


@pytest.fixture(scope="module")
def sides(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sides]:
    folder = tmp_path_factory.mktemp("cli-review")
    setup = review_setup(folder, earner_name=EARNER_NAME)
    earner, draft_id, package = setup.earner.root, setup.draft_id, setup.package
    setup.close()
    home = folder / "home"
    home.mkdir()
    assessor = folder / "cli-assessor"
    ok(mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=assessor))
    yield Sides(home, earner, draft_id, package, assessor)


def test_the_whole_review_through_the_command_line(sides: Sides) -> None:
    home, assessor = sides.home, sides.assessor
    empty = mcdesk(home, "review", "list", portfolio=assessor)
    assert empty.code == 0 and "No reviews yet" in empty.out
    assert ok(mcdesk(home, "review", "list", "--json", portfolio=assessor)) == {"reviews": []}

    opened = ok(mcdesk(home, "review", "open", str(sides.package), "--json",
                       portfolio=assessor))
    review_id = opened["review"]["id"]
    assert opened["review"]["state"] == "in progress" and opened["review"]["blind"] is True
    assert opened["earner_name"] is None and opened["earner_hidden"] is True  # blind
    assert EARNER_NAME not in json.dumps(opened)
    assert [c["name"] for c in opened["criteria"]] == [
        "Communication plan", "Messages and response log", "Reflection on partnership"]
    assert len(opened["problems"]) == 3 and opened["decision"] is None
    survey = opened["package"]["criteria"][2]["evidence"][0]
    assert survey["name"] == "Family survey" and survey["hidden"] is False

    listed = ok(mcdesk(home, "review", "list", "--json", portfolio=assessor))["reviews"]
    assert [(r["id"], r["scored"], r["criteria"], r["source"]) for r in listed] == [
        (review_id, 0, 3, "package")]
    short = review_id[:6]

    scored = ok(mcdesk(home, "review", "score", short, "communication PLAN", "Proficient",
                       "--feedback", "A clear plan.", "--json", portfolio=assessor))
    assert scored == {"review_id": review_id,
                      "rubric_criterion_id": f"{FAMILY_RUBRIC}/plan",
                      "level_id": f"{FAMILY_RUBRIC}/plan/proficient",
                      "feedback": "A clear plan."}
    ok(mcdesk(home, "review", "score", short, "messages", "developing", portfolio=assessor))
    unknown = mcdesk(home, "review", "score", short, "Timing", "Proficient", portfolio=assessor)
    assert unknown.code == 2 and "is not a rubric criterion" in unknown.err

    commented = ok(mcdesk(home, "review", "comment", short, "--evidence", "family SURVEY",
                          "--at", "0:02", "--to", "0:03.5", "--criterion",
                          "Communication plan", "--kind", "strength", "--text",
                          "Asks families how they want to hear from school.", "--json",
                          portfolio=assessor))["comment"]
    assert commented["atSeconds"] == 2.0 and commented["endSeconds"] == 3.5
    assert commented["evidenceId"] == survey["id"] and commented["kind"] == "strength"
    assert commented["rubricCriterionId"] == f"{FAMILY_RUBRIC}/plan"
    assert commented["path"].startswith("data/evidence/") and commented["where"] == "0:02–0:04"
    private = ok(mcdesk(home, "review", "comment", short, "--evidence", "Contact log",
                        "--page", "1", "--text", "Check the dates with the issuer.",
                        "--private", "--json", portfolio=assessor))["comment"]
    assert private["audience"] == "issuer" and private["page"] == 1
    nowhere = mcdesk(home, "review", "comment", short, "--evidence", "Lesson video",
                     "--text", "Hm", portfolio=assessor)
    assert nowhere.code == 2 and "is not a piece of evidence" in nowhere.err
    bad_time = mcdesk(home, "review", "comment", short, "--evidence", "Contact log",
                      "--at", "1:75", "--text", "Hm", portfolio=assessor)
    assert bad_time.code == 2 and "seconds go up to 59" in bad_time.err

    export = sides.home / "family.mcreview"
    incomplete = mcdesk(home, "review", "export", short, "-o", str(export), "--json",
                        portfolio=assessor)
    assert incomplete.code == 1 and not export.exists()
    assert incomplete.json() == {"exported": False,
                                 "problems": ["choose a level for “Reflection on partnership”"]}
    ok(mcdesk(home, "review", "score", short, "Reflection on partnership", "proficient",
              portfolio=assessor))
    no_reason = mcdesk(home, "review", "decide", short, "--override", "earned",
                       portfolio=assessor)
    assert no_reason.code == 2 and "needs a reason" in no_reason.err
    decided = ok(mcdesk(home, "review", "decide", short, "--override", "earned", "--reason",
                        "The log shows steady two-way contact.", "--json",
                        portfolio=assessor))
    assert decided["decision"] == "earned" and decided["rule"] == "not yet"
    finish = mcdesk(home, "review", "finish", short, portfolio=assessor)
    assert finish.code == 2 and "export it to a review file" in finish.err

    shown = mcdesk(home, "review", "open", short, portfolio=assessor)
    assert shown.code == 0
    assert "Earner: (hidden during blind review)" in shown.out
    assert "Communication plan: Proficient" in shown.out
    assert "Family survey, 0:02–0:04: Asks families" in shown.out
    assert "(for the issuer only)" in shown.out and EARNER_NAME not in shown.out

    written = ok(mcdesk(home, "review", "export", short, "-o", str(export), "--json",
                        portfolio=assessor))
    assert written["exported"] is True and Path(written["file"]) == export
    assert written["review"]["state"] == "exported"
    locked = mcdesk(home, "review", "score", short, "plan", "exemplary", portfolio=assessor)
    assert locked.code == 2 and "can no longer change" in locked.err
    after = ok(mcdesk(home, "review", "open", review_id, "--json", portfolio=assessor))
    assert after["decision"] == "earned" and after["problems"] == []
    assert len(after["comments"]) == 2

    # the earner's side
    imported = ok(mcdesk(home, "review", "import", str(export), "--json",
                         portfolio=sides.earner))
    assert imported["imported"] is True and imported["draft_id"] == sides.draft_id
    assert imported["decision"] == "earned" and imported["withheld"] == 1
    assert [c["text"] for c in imported["comments"]] == [
        "Asks families how they want to hear from school."]
    shown_draft = ok(mcdesk(home, "draft", "show", sides.draft_id, "--json",
                            portfolio=sides.earner))
    feedback = {f["rubric_criterion_id"]: f for f in shown_draft["received_feedback"]}
    assert feedback[f"{FAMILY_RUBRIC}/plan"]["feedback"] == "A clear plan."
    workspace = Workspace.open(sides.earner, create=False)
    try:
        received = workspace.feedback.received_comments(sides.draft_id)
        assert [c.anchor.start_ms for c in received] == [2000]
    finally:
        workspace.close()


def test_refused_files_exit_1_with_every_problem(sides: Sides, tmp_path: Path) -> None:
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a zip")
    refused = mcdesk(sides.home, "review", "open", str(bad), "--json", portfolio=sides.assessor)
    assert refused.code == 1 and refused.json()["opened"] is False
    assert refused.json()["problems"] == ["not a zip file, or a damaged one"]

    # a review file whose JSON breaks its schema, on the earner's side
    source = tmp_path / "source.mcreview"
    setup = review_setup(tmp_path / "another")
    try:
        reviews = setup.assessor.reviews
        for criterion in ("plan", "messages", "reflection"):
            reviews.set_level(setup.review.id, f"{FAMILY_RUBRIC}/{criterion}",
                              f"{FAMILY_RUBRIC}/{criterion}/developing")
        setup.assessor.review_files.export(setup.review.id, source)
    finally:
        setup.close()
    make, _words = HOSTILE["schema"]
    broken = make(source, tmp_path / "broken.mcreview")
    imported = mcdesk(sides.home, "review", "import", str(broken), portfolio=sides.earner)
    assert imported.code == 1
    assert "broken.mcreview: refused" in imported.err and "decision" in imported.err
    missing = mcdesk(sides.home, "review", "open", "no-such-review", portfolio=sides.assessor)
    assert missing.code == 2 and 'no review matches "no-such-review"' in missing.err
