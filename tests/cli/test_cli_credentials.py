"""`mcdesk credential verify`: files and folders, exit codes (0 all verified, 1 any failed, 3
any needs a network check), --json and the CSV for a district's HR office; it never opens or
creates a portfolio; test thread."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from mcdesk.credentials.baking import bake_png
from mcdesk.services.credential_check import verify_paths
from tests.cli.test_cli import mcdesk
from tests.credentials.signing import credential, ed25519, rsa_key, signed_json, vc_jwt
from tests.credentials.test_bad_input import tiny_png


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of credentials as a district receives them: all verify."""
    key = ed25519()
    inbox = tmp_path / "inbox"
    (inbox / "2026" / ".hidden").mkdir(parents=True)
    (inbox / "ana.jwt").write_text(vc_jwt(key), "utf-8")
    (inbox / "2026" / "ben.json").write_text(json.dumps(signed_json(key)), "utf-8")
    (inbox / "2026" / "cleo.png").write_bytes(bake_png(tiny_png(), vc_jwt(key)))
    (inbox / "2026" / ".hidden" / "skip.json").write_text("not looked at", "utf-8")
    (inbox / "notes.txt").write_text("not a credential file", "utf-8")
    return inbox


def test_a_folder_that_all_verifies_exits_0_without_a_portfolio(folder: Path,
                                                                 tmp_path: Path) -> None:
    portfolio = tmp_path / "never-made"
    run = mcdesk(tmp_path, "credential", "verify", str(folder), portfolio=portfolio)
    assert run.code == 0, run.out + run.err
    assert run.out.count(": verified: Wait Time") == 3
    assert "skip.json" not in run.out and "notes.txt" not in run.out
    assert not portfolio.exists()
    assert not (tmp_path / "data").exists()  # nor the default portfolio


def test_any_failure_exits_1_and_the_json_says_why(folder: Path, tmp_path: Path) -> None:
    token = vc_jwt(ed25519())
    head, body, signature = token.split(".")
    (folder / "forged.jwt").write_text(f"{head}.{body}.{signature[::-1]}", "utf-8")
    run = mcdesk(tmp_path, "credential", "verify", str(folder), "--json")
    assert run.code == 1, run.err
    rows = {Path(row["file"]).name: row for row in run.json()}
    assert set(rows) == {"ana.jwt", "ben.json", "cleo.png", "forged.jwt"}
    assert rows["forged.jwt"]["state"] == "failed"
    assert "signature" in rows["forged.jwt"]["reason"]
    assert rows["ana.jwt"]["verification"]["achievement_name"] == "Wait Time"
    assert rows["cleo.png"]["verification"]["format"] == "png"


def test_needs_a_network_check_exits_3_and_the_csv_is_readable(folder: Path,
                                                               tmp_path: Path) -> None:
    issuer = "https://district.example.org/issuer"
    online = vc_jwt(rsa_key(), credential(issuer), header={"typ": "JWT",
                                                           "kid": f"{issuer}#k"})
    (folder / "online.jwt").write_text(online, "utf-8")
    out = tmp_path / "hr" / "credentials.csv"
    run = mcdesk(tmp_path, "credential", "verify", str(folder / "ana.jwt"),
                 str(folder / "online.jwt"), "--csv", str(out))
    assert run.code == 3, run.out + run.err
    assert "needs a network check" in run.out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheet programs then read UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == ["file", "state", "reason", "issuer", "achievement", "subject",
                             "date"]
    assert [(Path(r["file"]).name, r["state"]) for r in rows] == [
        ("ana.jwt", "verified"), ("online.jwt", "needs-network")]
    assert rows[0]["reason"] == "" and rows[0]["issuer"] == "Test Issuer"
    assert rows[0]["achievement"] == "Wait Time" and rows[0]["date"] == "2026-01-01"
    assert rows[0]["subject"] == "urn:uuid:0c8f4b7e-1b1e-4f8e-9a4e-7f1d2c3b4a59"
    assert "published online" in rows[1]["reason"]


def test_missing_files_and_empty_folders_are_failures_not_crashes(tmp_path: Path) -> None:
    missing = mcdesk(tmp_path, "credential", "verify", str(tmp_path / "nope.json"))
    assert missing.code == 1
    assert "does not exist" in missing.out
    (tmp_path / "empty").mkdir()
    empty = mcdesk(tmp_path, "credential", "verify", str(tmp_path / "empty"))
    assert empty.code == 1
    assert "no credential files found" in empty.err


def test_the_service_walks_folders_in_order_and_skips_links(folder: Path) -> None:
    (folder / "link.json").symlink_to(folder / "2026" / "ben.json")
    results = verify_paths([folder])
    assert [path.name for path, _ in results] == ["ben.json", "cleo.png", "ana.jwt"]
    assert all(v.state.value == "verified" for _, v in results)
