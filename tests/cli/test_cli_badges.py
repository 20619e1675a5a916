"""`mcdesk credential import|list|export` and `mcdesk transcript` run as users run them (a
real subprocess): a credential the reference issuer's code signed imported once, a tampered
one kept as failed (exit 1), a non-credential refused naming the file, every share written and
read back, a transcript as CSV and PDF with the active rule's total; no traceback."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from mcdesk.core.credentials import RecognitionRule
from mcdesk.credentials.verification import VerificationState, verify_bytes
from mcdesk.services.workspace import Workspace
from tests.badge_helpers import EXIT_TICKETS, FAMILY, signed_jwt
from tests.cli.test_cli import mcdesk


def test_credentials_and_the_transcript_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    portfolio = tmp_path / "portfolio"
    files = tmp_path / "received"
    files.mkdir()
    good = files / "exit-tickets.jwt"
    good.write_text(signed_jwt(EXIT_TICKETS, datetime(2026, 3, 2, tzinfo=UTC)))
    token = signed_jwt(FAMILY, datetime(2026, 4, 2, tzinfo=UTC), serial=2)
    tampered = files / "family.jwt"
    tampered.write_text(token[:-8] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
                        + token[-4:])
    junk = files / "notes.txt"
    junk.write_text("remember to bring the laptop")

    empty = mcdesk(home, "credential", "list", portfolio=portfolio)
    assert empty.code == 0 and "arrive with mcdesk sync" in empty.out

    imported = mcdesk(home, "credential", "import", str(good), "--json", portfolio=portfolio)
    assert imported.code == 0, imported.err
    (entry,) = imported.json()["files"]
    assert entry["imported"] is True and entry["credential"]["verification"] == "verified"
    again = mcdesk(home, "credential", "import", str(good), portfolio=portfolio)
    assert again.code == 0 and "already in the portfolio" in again.out

    mixed = mcdesk(home, "credential", "import", str(tampered), str(junk), portfolio=portfolio)
    assert mixed.code == 1
    assert "Failed" in mixed.out and "signature" in mixed.out
    assert "notes.txt" in mixed.err

    listed = mcdesk(home, "credential", "list", "--json", portfolio=portfolio)
    credentials = {c["name"]: c for c in listed.json()["credentials"]}
    assert set(credentials) == {"Checking for Understanding with Exit Tickets",
                                "Two-Way Communication with Families"}
    assert credentials["Two-Way Communication with Families"]["verification"] == "failed"
    ident = credentials["Checking for Understanding with Exit Tickets"]["id"]

    out = tmp_path / "out"
    out.mkdir()
    for flag in ("png", "svg", "pdf", "json"):
        written = mcdesk(home, "credential", "export", ident[:8], f"--{flag}", "-o",
                         str(out / f"badge.{flag}"), portfolio=portfolio)
        assert written.code == 0, written.err
    for baked in ("badge.png", "badge.svg"):
        checked = verify_bytes((out / baked).read_bytes(), baked)
        assert checked.state is VerificationState.VERIFIED, checked.reasons
    assert len(PdfReader(out / "badge.pdf").pages) == 1
    assert json.loads((out / "badge.json").read_text("utf-8"))["issuer"]["name"]
    missing = mcdesk(home, "credential", "export", "nothing-like-it", "--png", "-o",
                     str(out / "x.png"), portfolio=portfolio)
    assert missing.code == 2 and "nothing-like-it" in missing.err
    assert not (out / "x.png").exists()

    no_rule = mcdesk(home, "credential", "rule", "list", portfolio=portfolio)
    assert no_rule.code == 0 and "No recognition rule yet" in no_rule.out
    ruled = mcdesk(home, "credential", "rule", "set", "Riverbend USD", "--hours", "3",
                   "--cap", "12", "--json", portfolio=portfolio)
    assert ruled.code == 0 and ruled.json()["rules"] == [
        {"id": 1, "name": "Riverbend USD", "hours_per_credential": 3.0, "cap_per_year": 12.0,
         "active": True, "verified_only": True}]
    workspace = Workspace.open(portfolio)
    try:
        assert workspace.badges.active_rule() == RecognitionRule(1, "Riverbend USD", 3.0, 12.0)
    finally:
        workspace.close()
    made = mcdesk(home, "transcript", "--from", "2026-01-01", "--to", "2026-12-31", "-o",
                  str(out / "hours.csv"), portfolio=portfolio)
    assert made.code == 0 and "3 in-service hours" in made.out, made.err
    rows = list(csv.reader(io.StringIO((out / "hours.csv").read_text("utf-8-sig"))))
    assert rows[-1][0] == "Total" and rows[-1][4] == "3"  # the failed one counts nothing
    assert {row[3] for row in rows[1:-1]} == {"Verified", "Failed"}
    pdf = mcdesk(home, "transcript", "--from", "2026-01-01", "--to", "2026-12-31", "-o",
                 str(out / "hours.pdf"), "--json", portfolio=portfolio)
    assert pdf.code == 0 and pdf.json()["total_hours"] == 3
    assert "Total: 3 hours" in PdfReader(out / "hours.pdf").pages[0].extract_text()
    bad_date = mcdesk(home, "transcript", "--from", "March", "--to", "2026-12-31", "-o",
                      str(out / "h.csv"), portfolio=portfolio)
    assert bad_date.code == 2 and "not a date" in bad_date.err
