"""The issuer's data stays its own, checked on a real server process: the data folder 0700
and every file it makes 0600 (an older, wider folder is tightened), and tokens that expire
by default, from the CLI and the staff API alike; test thread."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.issuer.conftest import Portfolio, Server
from tests.issuer.fresh import fresh_server

HARNESS_FILES = {"server.log"}  # written by the test's own process, not the server


def test_the_data_folder_and_its_files_are_private(tmp_path: Path,
                                                   teacher_portfolio: Portfolio) -> None:
    data = tmp_path / "issuer"
    data.mkdir()
    os.chmod(data, 0o755)  # as an older issuer left it
    with fresh_server(data) as server:
        bag = teacher_portfolio.bag(answer="A bag whose files no other local user may read.")
        assert server.send(bag).status_code == 200
        # An upload left open keeps a part file.
        api = server.api("earner")
        other = teacher_portfolio.bag(answer="A second bag, whose video is left half sent.")
        begun = api.put(f"/api/v1/submissions/{other.submission_id}", json=other.begin_body())
        path, content = other.by_sha256()[begun.json()["missing"][0]]
        created = api.create_upload(other.submission_id, path, content)
        if len(content) > 1:
            api.patch(created.headers["Location"], 0, content[:1])
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        made = [p for p in data.rglob("*") if p.name not in HARNESS_FILES]
        names = {p.name for p in made}
        assert "issuer.sqlite3" in names and "issuer-key.pem" in names
        assert any(p.suffix == ".part" for p in made)
        assert any(p.parent.parent.name == "blobs" for p in made)
        assert any(p.parent.name == "bags" for p in made)
        for found in made:
            mode = stat.S_IMODE(found.stat().st_mode)
            assert mode & 0o077 == 0, (found, oct(mode))


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mcdesk_issuer", "--data", str(data), *args],
                          capture_output=True, text=True, timeout=60, check=True)


def expiry_in_days(data: Path, person: str) -> float:
    shown = json.loads(cli(data, "people", "show", person).stdout)
    expires = datetime.fromisoformat(shown["tokens"][-1]["expiresAt"].replace("Z", "+00:00"))
    return (expires - datetime.now(UTC)) / timedelta(days=1)


def person_of(made: subprocess.CompletedProcess[str]) -> str:
    return made.stderr.split("person ", 1)[1].split(";", 1)[0]


def test_tokens_expire_by_default(tmp_path: Path, server: Server) -> None:
    data = tmp_path / "issuer"
    default = cli(data, "token", "create", "--role", "earner", "--name", "Ada Teacher")
    assert 364.9 < expiry_in_days(data, person_of(default)) <= 365
    short = cli(data, "token", "create", "--role", "earner", "--name", "Ben Teacher",
                "--expires-days", "2")
    assert 1.9 < expiry_in_days(data, person_of(short)) <= 2
    configured = cli(data, "--token-days", "30", "token", "create", "--role", "assessor",
                     "--name", "Cleo Assessor")
    assert 29.9 < expiry_in_days(data, person_of(configured)) <= 30
    # The staff API gives the same default when the request does not say.
    made = server.api("staff").post("/api/v1/staff/tokens",
                                    json={"role": "earner", "name": "Dee Teacher"})
    assert made.status_code == 201, made.text
    expires = datetime.fromisoformat(made.json()["expiresAt"].replace("Z", "+00:00"))
    assert timedelta(days=364) < expires - datetime.now(UTC) <= timedelta(days=365)
