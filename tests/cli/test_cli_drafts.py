"""`mcdesk draft ...` run as a user runs it: a real subprocess on a real portfolio, checking exit
codes, JSON output and that no traceback ever reaches the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mcdesk.core.evidence import GpsPoint
from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from tests.cli_runner import Run, run_mcdesk
from tests.conftest import DEMO_CATALOG

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
SHORT_MC = "https://demo.mcdesk.org/achievements/one-question"


def short_micro_credential() -> str:
    """A small micro-credential: one question of 3–50 words and one document."""
    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    achievement = next(a for a in catalog["achievements"] if a["id"] == EXIT_TICKETS)
    achievement.update(id=SHORT_MC, name="One Question")
    achievement["mcdeskMicroCredential"].pop("stack", None)
    achievement["mcdeskMicroCredential"]["submissionCriteria"] = {"parts": [
        {"id": "part-1", "name": "Part 1. Overview", "kind": "overview", "criteria": [
            {"id": "q1", "prompt": "Describe the lesson.", "response": "text",
             "minWords": 3, "maxWords": 50}]},
        {"id": "part-2", "name": "Part 2. Artifacts", "kind": "artifacts", "criteria": [
            {"id": "plan", "prompt": "The lesson plan.", "response": "evidence",
             "evidenceKinds": ["document"], "minItems": 1, "maxItems": 1}]},
    ]}
    return json.dumps(achievement)


def mcdesk(home: Path, *args: str, portfolio: Path, stdin: str | None = None) -> Run:
    return run_mcdesk(home, *args, portfolio=portfolio, stdin=stdin)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("user")


@pytest.fixture(scope="module")
def cli_portfolio(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A portfolio with the demo catalog, the small micro-credential, a lesson-plan PDF and a
    photo; returns the folder and the evidence ids."""
    media = tmp_path_factory.mktemp("media")
    root = tmp_path_factory.mktemp("drafts") / "portfolio"
    workspace = Workspace.open(root, seed_demo=True)
    try:
        workspace.catalog.import_text(short_micro_credential(), "one-question.json")
        report = workspace.evidence.add_paths([
            demo.make_demo_pdf(media / "Lesson plan.pdf", title="Plan",
                               paragraphs=["Warm-up, mini-lesson, exit ticket."]),
            demo.make_demo_photo(media / "Ticket.jpg", gps=GpsPoint(40.78, -73.97),
                                 text="3/4 > 2/3"),
        ])
        assert report.ok, report.results
        plan, photo = (result.evidence for result in report.results)
        assert plan is not None and photo is not None
        return {"root": str(root), "plan": plan.id, "photo": photo.id}
    finally:
        workspace.close()


def test_new_list_and_show(home: Path, cli_portfolio: dict[str, str]) -> None:
    root = Path(cli_portfolio["root"])
    made = mcdesk(home, "draft", "new", "exit-tickets", "--json", portfolio=root)
    assert made.code == 0, made.err
    draft = made.json()
    assert (draft["achievement_id"], draft["mc_version"], draft["attempt"]) == (
        EXIT_TICKETS, "1.0", 1)
    plain = mcdesk(home, "draft", "new", EXIT_TICKETS, portfolio=root)
    assert plain.code == 0 and len(plain.out.strip()) == 36  # just the id, for scripts

    listed = mcdesk(home, "draft", "list", "--json", portfolio=root)
    assert listed.code == 0
    assert draft["id"] in {d["id"] for d in listed.json()["drafts"]}

    shown = mcdesk(home, "draft", "show", draft["id"][:8], "--json", portfolio=root)
    assert shown.code == 0, shown.err
    data = shown.json()
    assert data["draft"]["id"] == draft["id"]
    criteria = {c["id"]: c for part in data["parts"] for c in part["criteria"]}
    assert list(criteria) == ["p1-context", "p1-design", "p2-video", "p2-samples", "p2-plan",
                              "p3-impact"]
    assert criteria["p1-context"]["words"] == 0
    assert (criteria["p1-context"]["min_words"], criteria["p1-context"]["max_words"]) == (100,
                                                                                          250)
    assert criteria["p2-video"]["evidence_kinds"] == ["video"]
    assert criteria["p2-video"]["attachments"] == []
    text = mcdesk(home, "draft", "show", draft["id"], portfolio=root)
    assert text.code == 0 and "[p2-video]" in text.out and "nothing attached" in text.out


def test_write_attach_and_check_a_draft_that_is_not_ready(
        home: Path, cli_portfolio: dict[str, str], tmp_path: Path) -> None:
    root = Path(cli_portfolio["root"])
    draft_id = mcdesk(home, "draft", "new", "exit-tickets", "--json",
                      portfolio=root).json()["id"]
    answer = tmp_path / "context.txt"
    answer.write_text("I teach fourth grade. " * 5, encoding="utf-8")
    written = mcdesk(home, "draft", "write", draft_id[:6], "p1-context", "--file", str(answer),
                     "--json", portfolio=root)
    assert written.code == 0, written.err
    assert written.json()["words"] == 20
    attached = mcdesk(home, "draft", "attach", draft_id, "p2-samples", cli_portfolio["photo"][:8],
                      "--caption", "Sorted as got it", "--json", portfolio=root)
    assert attached.code == 0, attached.err
    assert attached.json()["attachment"]["caption"] == "Sorted as got it"

    checked = mcdesk(home, "draft", "check", draft_id, "--json", portfolio=root)
    assert checked.code == 1
    report = checked.json()
    assert report["ready"] is False
    codes = [p["code"] for p in report["problems"]]
    assert codes[:2] == ["word-count", "missing-answer"]
    assert {"missing-evidence", "item-count", "gps", "consent"} <= set(codes)
    first = report["problems"][0]
    assert first["criterion_id"] == "p1-context" and first["severity"] == "blocking"
    assert first["problem"] == "The answer has 20 words; this question asks for 100–250 words."
    assert first["fix"] == "Add at least 80 more words."
    text = mcdesk(home, "draft", "check", draft_id, portfolio=root)
    assert text.code == 1
    assert "Fix: Add at least 80 more words." in text.out
    assert "Not ready:" in text.out


def test_a_ready_draft_checks_with_exit_code_0(home: Path, cli_portfolio: dict[str, str]) -> None:
    root = Path(cli_portfolio["root"])
    draft_id = mcdesk(home, "draft", "new", "one-question", "--json",
                      portfolio=root).json()["id"]
    written = mcdesk(home, "draft", "write", draft_id, "q1", "--file", "-", portfolio=root,
                     stdin="We compared fractions on number lines.\n")
    assert written.code == 0, written.err
    assert written.out.strip() == "Saved 6 words for [q1] (3–50 words asked)."
    attached = mcdesk(home, "draft", "attach", draft_id, "plan", "Lesson plan",
                      portfolio=root)
    assert attached.code == 0, attached.err
    checked = mcdesk(home, "draft", "check", draft_id, "--json", portfolio=root)
    assert checked.code == 0, checked.out
    assert checked.json() | {"draft_id": None} == {
        "draft_id": None, "ready": True, "criteria_total": 2, "criteria_done": 2,
        "problems": []}


@pytest.mark.parametrize(("args", "message"), [
    (("draft", "show", "ffffffff"), 'no draft matches "ffffffff"'),
    (("draft", "check", "abc"), "give at least 6 characters of its id"),
    (("draft", "new", "culturally-responsive-read-alouds"), "has no submission criteria"),
    (("draft", "new", "nothing-like-this"), "no micro-credential in the catalog matches"),
])
def test_failures_exit_2_with_a_message(home: Path, cli_portfolio: dict[str, str],
                                        args: tuple[str, ...], message: str) -> None:
    run = mcdesk(home, *args, portfolio=Path(cli_portfolio["root"]))
    assert run.code == 2
    assert message in run.err and run.out == ""


def test_write_and_attach_failures_exit_2(home: Path, cli_portfolio: dict[str, str],
                                          tmp_path: Path) -> None:
    root = Path(cli_portfolio["root"])
    draft_id = mcdesk(home, "draft", "new", "exit-tickets", "--json",
                      portfolio=root).json()["id"]
    missing = mcdesk(home, "draft", "write", draft_id, "p1-context", "--file",
                     str(tmp_path / "nope.txt"), portfolio=root)
    assert missing.code == 2 and "nope.txt: no such file" in missing.err
    binary = tmp_path / "answer.txt"
    binary.write_bytes(b"caf\xe9")
    not_utf8 = mcdesk(home, "draft", "write", draft_id, "p1-context", "--file", str(binary),
                      portfolio=root)
    assert not_utf8.code == 2 and "not UTF-8 text" in not_utf8.err
    wrong_kind = mcdesk(home, "draft", "attach", draft_id, "p2-video", cli_portfolio["plan"],
                        portfolio=root)
    assert wrong_kind.code == 2 and "accepts videos only" in wrong_kind.err
    no_criterion = mcdesk(home, "draft", "attach", draft_id, "p9", cli_portfolio["plan"],
                          portfolio=root)
    assert no_criterion.code == 2 and '"p9" is not a submission criterion' in no_criterion.err
    no_evidence = mcdesk(home, "draft", "attach", draft_id, "p2-plan", "zzzzzzzz",
                         portfolio=root)
    assert no_evidence.code == 2 and 'no evidence matches "zzzzzzzz"' in no_evidence.err


def test_detach_takes_evidence_off_a_criterion_and_keeps_it(
        home: Path, cli_portfolio: dict[str, str]) -> None:
    root = Path(cli_portfolio["root"])
    draft_id = mcdesk(home, "draft", "new", "one-question", "--json",
                      portfolio=root).json()["id"]
    assert mcdesk(home, "draft", "attach", draft_id, "plan", cli_portfolio["plan"],
                  portfolio=root).code == 0
    detached = mcdesk(home, "draft", "detach", draft_id, "plan", cli_portfolio["plan"][:8],
                      "--json", portfolio=root)
    assert detached.code == 0, detached.err
    assert detached.json() == {"draft_id": draft_id, "criterion_id": "plan",
                               "detached": cli_portfolio["plan"]}
    shown = mcdesk(home, "draft", "show", draft_id, "--json", portfolio=root).json()
    plan = next(c for part in shown["parts"] for c in part["criteria"] if c["id"] == "plan")
    assert plan["attachments"] == []
    listed = mcdesk(home, "evidence", "list", "--json", portfolio=root).json()["evidence"]
    assert cli_portfolio["plan"] in {e["id"] for e in listed}  # still in the library

    again = mcdesk(home, "draft", "detach", draft_id, "plan", cli_portfolio["plan"],
                   portfolio=root)
    assert again.code == 1
    assert "is not attached to [plan]; nothing was changed" in again.err
