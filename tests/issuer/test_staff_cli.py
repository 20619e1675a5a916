"""`mcdesk-issuer` for staff from the command line, as separate processes on a real data
folder: people (same-name people stay two, a person takes on a role by id), pools, calibration
refused without reference levels, the report as JSON; test thread."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import EXIT_TICKETS, Backend
from tests.issuer.test_decisions import cli


def test_people_pools_calibration_and_report_from_the_command_line(tmp_path: Path,
                                                                   backend: Backend) -> None:
    data = tmp_path / "issuer"
    url = backend.database_url()
    assert cli(data, url, "catalog", "import", str(DEMO_CATALOG)).returncode == 0
    for _ in range(2):
        made = cli(data, url, "token", "create", "--role", "earner", "--name", "Sam Lee")
        assert made.returncode == 0 and "person " in made.stderr
    listed = cli(data, url, "people", "list").stdout.splitlines()
    sams = [line.split()[0] for line in listed if "Sam Lee" in line]
    assert len(sams) == 2 and sams[0] != sams[1]
    # The first Sam becomes an assessor too: same person, a second role.
    again = cli(data, url, "token", "create", "--role", "assessor", "--person", sams[0])
    assert again.returncode == 0, again.stderr
    shown = json.loads(cli(data, url, "people", "show", sams[0]).stdout)
    assert shown["roles"] == ["assessor", "earner"] and len(shown["tokens"]) == 2
    assert "mci_" not in json.dumps(shown)
    tokens = cli(data, url, "token", "list").stdout
    assert tokens.count(sams[0]) == 2 and tokens.count(sams[1]) == 1
    unknown = cli(data, url, "token", "create", "--role", "staff", "--person", "nobody")
    assert unknown.returncode == 1 and "no person" in unknown.stderr

    assert cli(data, url, "pool", "add", EXIT_TICKETS, sams[0], "--expert").returncode == 0
    not_assessor = cli(data, url, "pool", "add", EXIT_TICKETS, sams[1], "--peer")
    assert not_assessor.returncode == 1 and "assessor role" in not_assessor.stderr
    settings = cli(data, url, "pool", "settings", EXIT_TICKETS, "--expert-submissions", "5",
                   "--peers", "2")
    assert json.loads(settings.stdout)["peersPerSubmission"] == 2
    pools = {p["achievementId"]: p for p in json.loads(cli(data, url, "pool", "list").stdout)}
    exit_tickets = pools[EXIT_TICKETS]
    assert [e["id"] for e in exit_tickets["experts"]] == [sams[0]]
    assert exit_tickets["expertSubmissions"] == 5
    assert cli(data, url, "pool", "remove", EXIT_TICKETS, sams[0], "--expert").returncode == 0

    missing = cli(data, url, "calibration", "add", "2f0a6a44-9d7e-4c56-a6a4-7a6ad2d4f3c9")
    assert missing.returncode == 1 and "no submission" in missing.stderr
    missing = cli(data, url, "calibration", "remove", "2f0a6a44-9d7e-4c56-a6a4-7a6ad2d4f3c9")
    assert missing.returncode == 1 and "no submission" in missing.stderr
    report = cli(data, url, "report", "--json")
    assert report.returncode == 0, report.stderr
    figures = json.loads(report.stdout)
    assert figures["overall"]["pairs"] == 0 and figures["overall"]["kappa"] is None
    assert cli(data, url, "tick").stdout.startswith("0 late review(s)")
