"""The `mcdesk` command run as a user runs it: a real subprocess on a real portfolio, checking
exit codes, JSON output and that no traceback ever reaches the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mcdesk.launcher import NO_DISPLAY_HELP
from mcdesk.storage.models import EvidenceFileRow
from mcdesk.storage.portfolio import Portfolio
from tests.cli_runner import Run, run_mcdesk
from tests.conftest import DEMO_CATALOG

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"


def mcdesk(home: Path, *args: str, portfolio: Path | None = None) -> Run:
    return run_mcdesk(home, *args, portfolio=portfolio)


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("user")


@pytest.fixture(scope="module")
def demo_portfolio(home: Path) -> Path:
    """A portfolio with the demo catalog imported through the command line."""
    portfolio = home / "demo-portfolio"
    run = mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=portfolio)
    assert run.code == 0, run.err
    assert run.err == ""
    lines = run.out.splitlines()
    assert len(lines) == 11
    assert all(line.startswith(f"{DEMO_CATALOG}: ") and line.endswith(": added")
               for line in lines)
    assert "Checking for Understanding with Exit Tickets (version 1.0): added" in run.out
    return portfolio


# --- catalog ------------------------------------------------------------------------------------


def test_import_demo_creates_the_portfolio_and_logs_in_the_user_folder(
    home: Path, demo_portfolio: Path
) -> None:
    assert (demo_portfolio / "mcdesk.sqlite3").is_file()
    assert (home / "state" / "mcdesk" / "log" / "mcdesk.log").is_file()
    again = mcdesk(home, "catalog", "import", "--json", str(DEMO_CATALOG),
                   portfolio=demo_portfolio)
    assert again.code == 0
    report = again.json()
    assert report["ok"] is True
    (only,) = report["files"]
    assert {item["outcome"] for item in only["items"]} == {"unchanged"}


def test_import_good_and_bad_files(home: Path, tmp_path: Path) -> None:
    good = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))["achievements"][0]
    good_path = tmp_path / "good.json"
    good_path.write_text(json.dumps(good), encoding="utf-8")
    bad_path = tmp_path / "broken catalog.json"
    bad_path.write_text('{"type": ["Achievement"], "name": "x",}', encoding="utf-8")
    badge_path = tmp_path / "badge.json"
    badge_path.write_text(json.dumps(dict(good, achievementType="Badge")), encoding="utf-8")
    portfolio = tmp_path / "p"

    run = mcdesk(home, "catalog", "import", str(bad_path), str(good_path), str(badge_path),
                 str(tmp_path / "missing.json"), portfolio=portfolio)
    assert run.code == 1
    err = run.err.splitlines()
    assert len(err) == 3
    assert err[0].startswith(f"{bad_path}: not imported: not valid JSON (line 1, column")
    assert err[1].startswith(f"{badge_path}: not imported: achievement 1 (")
    assert 'achievementType is "Badge", not "MicroCredential"' in err[1]
    assert err[2] == f"{tmp_path / 'missing.json'}: not imported: no such file"
    assert run.out.strip() == (f"{good_path}: Checking for Understanding with Exit Tickets "
                               "(version 1.0): added")

    listed = mcdesk(home, "catalog", "list", "--json", portfolio=portfolio).json()
    assert [e["achievement_id"] for e in listed["micro_credentials"]] == [EXIT_TICKETS]

    as_json = mcdesk(home, "catalog", "import", "--json", str(bad_path), str(good_path),
                     portfolio=portfolio)
    assert as_json.code == 1
    report = as_json.json()
    assert report["ok"] is False
    assert report["files"][0]["path"] == str(bad_path)
    assert report["files"][0]["error"].startswith("not valid JSON")
    assert report["files"][1]["items"][0]["outcome"] == "unchanged"


def test_list_json(home: Path, demo_portfolio: Path) -> None:
    run = mcdesk(home, "catalog", "list", "--json", portfolio=demo_portfolio)
    assert run.code == 0 and run.err == ""
    data = run.json()
    entries = data["micro_credentials"]
    assert len(entries) == 11
    names = [e["name"] for e in entries]
    assert names == sorted(names, key=str.casefold)
    exit_tickets = next(e for e in entries if e["achievement_id"] == EXIT_TICKETS)
    assert exit_tickets["version"] == "1.0"
    assert exit_tickets["stack_name"] == "Formative Assessment"
    assert exit_tickets["stack_position"] == 1
    assert exit_tickets["in_service_hours"] == 3.0
    assert exit_tickets["older_versions"] == []
    assert sorted(s["name"] for s in data["stacks"]) == [
        "Computational Thinking", "Family Engagement", "Formative Assessment"]


def test_list_by_stack_name_in_order(home: Path, demo_portfolio: Path) -> None:
    run = mcdesk(home, "catalog", "list", "--stack", "formative assessment",
                 portfolio=demo_portfolio)
    assert run.code == 0
    titles = [line for line in run.out.splitlines() if not line.startswith(" ")]
    assert [t.split("  (")[0] for t in titles] == [
        "Checking for Understanding with Exit Tickets", "Questioning Techniques and Wait Time",
        "Peer Feedback with Rubrics", "Data-Driven Small Groups"]
    unknown = mcdesk(home, "catalog", "list", "--stack", "Nope", portfolio=demo_portfolio)
    assert unknown.code == 2
    assert unknown.err.strip() == 'mcdesk: no stack named "Nope"'


def test_show_json(home: Path, demo_portfolio: Path) -> None:
    run = mcdesk(home, "catalog", "show", "exit-tickets", "--json", portfolio=demo_portfolio)
    assert run.code == 0 and run.err == ""
    data = run.json()
    assert data["is_current"] is True
    assert data["versions"] == ["1.0"]
    assert data["missing_parts"] == []
    mc = data["micro_credential"]
    assert mc["achievement_id"] == EXIT_TICKETS
    assert mc["competency"].startswith("The educator checks")
    assert [p["id"] for p in mc["submission_parts"]] == ["part-1", "part-2", "part-3"]
    assert [p["kind"] for p in mc["submission_parts"]] == ["overview", "artifacts",
                                                          "reflection"]
    assert [c["id"] for c in mc["submission_parts"][1]["criteria"]] == [
        "p2-video", "p2-samples", "p2-plan"]
    video = mc["submission_parts"][1]["criteria"][0]
    assert video["evidence_kinds"] == ["video"]
    assert video["media"]["max_duration_s"] == 600
    rubric = mc["rubric"]
    assert len(rubric) == 4
    assert [lv["name"] for lv in rubric[0]["levels"]] == ["Not yet", "Developing", "Proficient",
                                                          "Exemplary"]
    assert rubric[0]["required_level_id"].endswith("/overview/proficient")


def test_show_text_of_a_plain_micro_credential(home: Path, demo_portfolio: Path) -> None:
    run = mcdesk(home, "catalog", "show", "Culturally Responsive Read-Alouds",
                 portfolio=demo_portfolio)
    assert run.code == 0
    assert run.out.startswith("Culturally Responsive Read-Alouds\n=====")
    assert "Competency\n----------\n(missing)" in run.out
    assert "Scoring rubric" in run.out and "Proficient (passing)" in run.out


def test_show_unknown(home: Path, demo_portfolio: Path) -> None:
    run = mcdesk(home, "catalog", "show", "nope", portfolio=demo_portfolio)
    assert run.code == 2
    assert run.out == ""
    assert run.err.strip() == 'mcdesk: no micro-credential in the catalog matches "nope"'


def test_search_json_folds_accents(home: Path, demo_portfolio: Path) -> None:
    run = mcdesk(home, "catalog", "search", "évaluation", "--json", portfolio=demo_portfolio)
    assert run.code == 0
    data = run.json()
    assert data["query"] == "évaluation"
    assert EXIT_TICKETS in [e["achievement_id"] for e in data["micro_credentials"]]
    cafe = mcdesk(home, "catalog", "search", "CAFE", "--json", portfolio=demo_portfolio).json()
    assert [e["name"] for e in cafe["micro_credentials"]] == ["Family Learning Café"]
    none = mcdesk(home, "catalog", "search", "zzzzqqq", portfolio=demo_portfolio)
    assert none.code == 0 and none.out.strip() == "No micro-credentials found."


# --- check --------------------------------------------------------------------------------------


def add_evidence(portfolio_dir: Path, data: bytes) -> Path:
    """Store a file the way evidence import will, straight through storage."""
    portfolio = Portfolio.open(portfolio_dir, create=False)
    try:
        stored = portfolio.files.put_bytes(data)
        with portfolio.database.transaction() as session:
            session.add(EvidenceFileRow(sha256=stored.sha256, size=stored.size,
                                        added_at=datetime.now(UTC).replace(tzinfo=None)))
        return stored.path
    finally:
        portfolio.close()


def test_check_finds_and_repairs(home: Path, tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    assert mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=portfolio).code == 0
    lost = add_evidence(portfolio, b"a lesson plan")
    damaged = add_evidence(portfolio, b"a student work sample")

    healthy = mcdesk(home, "check", "--json", portfolio=portfolio)
    assert healthy.code == 0, healthy.out
    report = healthy.json()
    assert report["healthy"] is True
    assert report["report"]["files_checked"] == 2
    assert report["report"]["problems"] == []

    # lose one file (a good copy sits in the trash) and damage another (no copy anywhere)
    trashed = portfolio / "trash" / "20260101-000000-deleted" / lost.name
    trashed.parent.mkdir(parents=True)
    lost.rename(trashed)
    damaged.write_bytes(b"A STUDENT WORK SAMPLE")
    stray = portfolio / "evidence" / "zz" / "stray.txt"
    stray.parent.mkdir()
    stray.write_text("stray", encoding="utf-8")

    found = mcdesk(home, "check", "--json", portfolio=portfolio)
    assert found.code == 1
    problems = {p["kind"]: p for p in found.json()["report"]["problems"]}
    assert set(problems) == {"missing file", "damaged file", "orphaned file"}
    assert problems["missing file"]["path"] == str(lost)
    assert not any(p["repaired"] for p in problems.values())
    assert stray.exists() and not lost.exists()  # no --repair: nothing changed

    repaired = mcdesk(home, "check", "--repair", "--json", portfolio=portfolio)
    assert repaired.code == 1  # the damaged file has no good copy: it remains a problem
    after = {p["kind"]: p for p in repaired.json()["report"]["problems"]}
    assert after["missing file"]["repaired"] and after["orphaned file"]["repaired"]
    assert not after["damaged file"]["repaired"]
    assert lost.read_bytes() == b"a lesson plan"
    assert not stray.exists()
    assert [p.read_text(encoding="utf-8") for p in (portfolio / "trash").rglob("stray.txt")] == [
        "stray"]

    text = mcdesk(home, "check", portfolio=portfolio)
    assert text.code == 1
    assert "found: damaged file:" in text.out
    assert "run with --repair" in text.out


def test_check_repair_makes_it_healthy(home: Path, tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    assert mcdesk(home, "check", portfolio=portfolio).code == 0  # creates an empty one
    (portfolio / "evidence" / "loose.bin").write_bytes(b"loose")
    assert mcdesk(home, "check", "--json", portfolio=portfolio).code == 1
    repaired = mcdesk(home, "check", "--repair", "--json", portfolio=portfolio)
    assert repaired.code == 0
    assert repaired.json()["healthy"] is True
    final = mcdesk(home, "check", portfolio=portfolio)
    assert final.code == 0 and "The portfolio is healthy." in final.out


# --- refusing, and no display -------------------------------------------------------------------


def test_folder_with_other_files_is_refused(home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"mine")
    run = mcdesk(home, "catalog", "list", portfolio=folder)
    assert run.code == 2
    assert run.err.startswith(f"mcdesk: {folder}: this folder already holds other files")
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]


def test_no_command_and_no_display_explains(home: Path) -> None:
    run = mcdesk(home)
    assert run.code == 2
    assert run.err == NO_DISPLAY_HELP
    assert run.out == ""
    assert "xvfb-run -a mcdesk" in run.err


def test_bad_arguments_are_usage_errors(home: Path) -> None:
    run = mcdesk(home, "catalog", "frobnicate")
    assert run.code == 2
    assert "usage: mcdesk catalog" in run.err


def test_evidence_add_through_python_dash_m_starts_media_workers(tmp_path: Path) -> None:
    """Adding evidence from the command line reads the file in spawned media workers."""
    from mcdesk.media import demo

    photo = demo.make_demo_photo(tmp_path / "work.jpg", gps=None, text="1/2")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "mcdesk", "--portfolio", str(tmp_path / "p"), "evidence",
         "add", str(photo), "--json"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ok"] is True
