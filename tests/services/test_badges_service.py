"""The badge service on a real portfolio: credentials the reference issuer's code signs and
1EdTech's samples imported, kept once, failed ones kept with the reason; shares read back (the
baked PNG and SVG verify again, the PDF is one page with the competency); stacks; hours under
a rule with a yearly cap and the transcript as CSV and PDF; old credentials/ files adopted."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mcdesk.core.credentials import RecognitionRule
from mcdesk.core.errors import McdeskError
from mcdesk.credentials.received import CredentialFormat, read_credential
from mcdesk.credentials.verification import VerificationState, verify_bytes
from mcdesk.services.badges import ExportKind
from mcdesk.services.workspace import Workspace
from tests.badge_helpers import (
    BADGE_SVG,
    EXIT_TICKETS,
    FAMILY,
    FORMATIVE,
    OB30,
    PEER_FEEDBACK,
    SMALL_GROUPS,
    WAIT_TIME,
    signed_jwt,
    signed_stack_jwt,
)

MAY = datetime(2026, 5, 4, 12, tzinfo=UTC)


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(tmp_path / "portfolio", seed_demo=True)
    yield opened
    opened.close()


def write(folder: Path, name: str, data: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_a_signed_credential_is_imported_verified_and_kept_once(
        workspace: Workspace, tmp_path: Path) -> None:
    token = signed_jwt(EXIT_TICKETS, MAY, results=((f"{EXIT_TICKETS}/rubric/overview",
                                                     f"{EXIT_TICKETS}/rubric/overview/"
                                                     "proficient"),))
    path = write(tmp_path / "in", "exit-tickets.jwt", token + "\n")
    result = workspace.badges.import_file(path)
    credential = result.credential
    assert result.new and credential.state == "verified", credential.reasons
    assert credential.format == "vc-jwt" and credential.raw == (token + "\n").encode()
    assert credential.achievement_id == EXIT_TICKETS
    assert credential.issuer_name == "Riverbend Teaching Academy"
    assert credential.results == (("Context and exit-ticket design", "Proficient"),)
    assert credential.source == "exit-tickets.jwt" and credential.earned_on == MAY
    again = workspace.badges.import_file(path)
    assert not again.new and again.credential.id == credential.id
    assert [c.id for c in workspace.badges.list()] == [credential.id]
    assert workspace.badges.resolve(credential.id[:8]).id == credential.id
    assert workspace.badges.reverify(credential.id).state == "verified"


def test_a_tampered_credential_is_kept_as_failed_with_the_reason_and_garbage_is_refused(
        workspace: Workspace, tmp_path: Path) -> None:
    token = signed_jwt(FAMILY, MAY)
    head, body, signature = token.split(".")
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    path = write(tmp_path / "in", "tampered.jwt", f"{head}.{body}.{flipped}")
    failed = workspace.badges.import_file(path).credential
    assert failed.state == "failed" and "signature" in " ".join(failed.reasons)
    garbage = write(tmp_path / "in", "holiday.txt", "not a badge at all")
    with pytest.raises(McdeskError, match=r"holiday\.txt"):
        workspace.badges.import_file(garbage)
    with pytest.raises(McdeskError, match="no such file"):
        workspace.badges.import_file(tmp_path / "in" / "missing.jwt")
    assert [c.id for c in workspace.badges.list()] == [failed.id]


def test_1edtech_samples_are_imported_and_the_forged_ones_never_verify(
        workspace: Workspace) -> None:
    if not OB30.is_dir():
        pytest.skip(f"third-party OB 3.0 samples not found at {OB30} (../shared is absent)")
    results = workspace.badges.import_files(sorted(p for p in OB30.iterdir() if p.is_file()))
    kept = {r.path.name: r.credential for r in results if not isinstance(r, McdeskError)}
    assert {"simple.json", "simple.jwt", "simple-json.png", "simple-json.svg",
            "simple-jwt.png", "simple-err-proof-value.json"} <= set(kept)
    assert kept["simple-did-key-method.json"].state == "verified"
    assert kept["simple.json"].state == "needs-network"  # its key is published online only
    for forged in ("simple-err-proof-value.json", "simple-err-expired.json",
                   "simple-noproof.json"):
        assert kept[forged].state == "failed" and kept[forged].reasons, forged
    assert kept["simple-json.png"].format == "png" and kept["simple-json.svg"].format == "svg"
    raw = (OB30 / "simple-json.png").read_bytes()
    assert kept["simple-json.png"].raw == raw
    assert len(workspace.badges.list()) == len(kept)


def test_shares_read_back_and_verify_again(workspace: Workspace, tmp_path: Path) -> None:
    image = "data:image/svg+xml;base64," + __import__("base64").b64encode(
        BADGE_SVG.encode()).decode()
    token = signed_jwt(EXIT_TICKETS, MAY, image=image)
    credential = workspace.badges.import_file(
        write(tmp_path / "in", "badge.jwt", token)).credential
    assert credential.image == image
    out = tmp_path / "out"
    out.mkdir()

    png = workspace.badges.export(credential.id, ExportKind.PNG, out / "badge.png")
    received = read_credential(png.read_bytes(), png.name)
    assert received.format is CredentialFormat.PNG and received.payload == token
    assert verify_bytes(png.read_bytes(), png.name).state is VerificationState.VERIFIED
    from PIL import Image

    with Image.open(png) as picture:
        assert picture.size == (512, 512)
        # The credential's own SVG picture, drawn: its green circle fills the middle.
        assert picture.convert("RGB").getpixel((256, 256)) == (0x2e, 0x7d, 0x5b)

    svg = workspace.badges.export(credential.id, ExportKind.SVG, out / "badge.svg")
    text = svg.read_text("utf-8")
    assert "<circle" in text and "openbadges:credential" in text
    assert verify_bytes(svg.read_bytes(), svg.name).state is VerificationState.VERIFIED

    exported = workspace.badges.export(credential.id, ExportKind.JSON, out / "badge.json")
    assert json.loads(exported.read_text("utf-8"))["credentialSubject"]["achievement"][
        "id"] == EXIT_TICKETS

    pdf = workspace.badges.export(credential.id, ExportKind.PDF, out / "badge.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    page = " ".join(reader.pages[0].extract_text().split())
    competency = workspace.catalog.detail(EXIT_TICKETS).micro_credential.competency
    assert competency and " ".join(competency.split())[:60] in page
    assert "Checking for Understanding with Exit Tickets" in page
    assert "Riverbend Teaching Academy" in page and "Verified" in page

    # Imported back from its own share: the same credential inside, a new copy of bytes.
    again = workspace.badges.import_file(png).credential
    assert again.state == "verified" and again.achievement_id == EXIT_TICKETS


def test_stacks_show_earned_in_progress_and_missing(workspace: Workspace,
                                                    tmp_path: Path) -> None:
    for serial, achievement_id in enumerate((EXIT_TICKETS, WAIT_TIME), 1):
        workspace.badges.import_file(write(tmp_path / "in", f"{serial}.jwt",
                                           signed_jwt(achievement_id, MAY, serial=serial)))
    workspace.drafts.new(PEER_FEEDBACK)
    formative = next(s for s in workspace.badges.stacks() if s.stack_id == FORMATIVE)
    assert formative.total == 4 and not formative.complete
    assert len(formative.earned) == 2
    assert formative.in_progress == (("Peer Feedback with Rubrics", "draft"),)
    assert formative.missing == ("Data-Driven Small Groups",)
    workspace.badges.import_file(write(tmp_path / "in", "3.jwt",
                                       signed_jwt(SMALL_GROUPS, MAY, serial=3)))
    formative = next(s for s in workspace.badges.stacks() if s.stack_id == FORMATIVE)
    assert len(formative.earned) == 3 and formative.missing == ()
    assert not formative.stack_credential

    # Every member earned: the issuer's stack credential arrives, and is no extra hours.
    workspace.badges.import_file(write(tmp_path / "in", "4.jwt",
                                       signed_jwt(PEER_FEEDBACK, MAY, serial=4)))
    stack_badge = workspace.badges.import_file(write(
        tmp_path / "in", "stack.jwt", signed_stack_jwt(FORMATIVE, MAY))).credential
    assert stack_badge.state == "verified" and stack_badge.achievement_type == "Certificate"
    assert len(stack_badge.evidence) == 4
    formative = next(s for s in workspace.badges.stacks() if s.stack_id == FORMATIVE)
    assert formative.complete and formative.stack_credential
    workspace.badges.save_rule(RecognitionRule(None, "Riverbend USD", 3.0, None))
    hours = workspace.badges.hours()
    assert hours[stack_badge.id][0] == 0 and "stack" in hours[stack_badge.id][1]
    assert sum(h for h, _ in hours.values()) == 12


def test_hours_follow_the_rule_with_a_cap_per_year_and_the_transcript_totals(
        workspace: Workspace, tmp_path: Path) -> None:
    dates = {EXIT_TICKETS: datetime(2025, 2, 1, tzinfo=UTC),
             WAIT_TIME: datetime(2025, 4, 1, tzinfo=UTC),
             PEER_FEEDBACK: datetime(2025, 9, 1, tzinfo=UTC),
             FAMILY: datetime(2026, 1, 15, tzinfo=UTC)}
    for serial, (achievement_id, moment) in enumerate(dates.items(), 1):
        workspace.badges.import_file(write(tmp_path / "in", f"{serial}.jwt",
                                           signed_jwt(achievement_id, moment, serial=serial)))
    assert all(hours == 0 for hours, _ in workspace.badges.hours().values())  # no rule yet
    workspace.badges.save_rule(RecognitionRule(None, "Riverbend USD", 3.0, 7.0))
    transcript = workspace.badges.transcript(date(2025, 1, 1), date(2026, 12, 31))
    assert [line.hours for line in transcript.lines] == [3.0, 3.0, 1.0, 3.0]
    assert transcript.lines[2].note == "capped at 7 hours in 2025"
    assert transcript.total_hours == 10.0
    only_2025 = workspace.badges.transcript(date(2025, 3, 1), date(2025, 12, 31))
    assert [line.hours for line in only_2025.lines] == [3.0, 1.0]  # Feb counted for the cap

    csv_path = tmp_path / "out" / "hours.csv"
    csv_path.parent.mkdir()
    workspace.badges.write_transcript(date(2025, 1, 1), date(2025, 12, 31), csv_path)
    rows = list(csv.reader(io.StringIO(csv_path.read_text("utf-8-sig"))))
    assert rows[0][:5] == ["credential", "issuer", "date", "verification", "hours"]
    assert rows[1][:5] == ["Checking for Understanding with Exit Tickets",
                           "Riverbend Teaching Academy", "2025-02-01", "Verified", "3"]
    assert rows[-1][0] == "Total" and rows[-1][4] == "7"
    written = workspace.badges.write_transcript(date(2025, 1, 1), date(2025, 12, 31),
                                                tmp_path / "out" / "hours.pdf")
    text = " ".join(PdfReader(tmp_path / "out" / "hours.pdf").pages[0].extract_text().split())
    assert len(written.lines) == 3 and "Total: 7 hours" in text and "Riverbend USD" in text
    with pytest.raises(McdeskError, match=r"\.csv or \.pdf"):
        workspace.badges.write_transcript(date(2025, 1, 1), date(2025, 12, 31),
                                          tmp_path / "out" / "hours.txt")

    # Hours from the catalog's inServiceHours, no cap.
    workspace.badges.save_rule(RecognitionRule(None, "State", None, None))
    by_catalog = workspace.badges.transcript(date(2025, 1, 1), date(2026, 12, 31))
    hours = workspace.badges.catalog_hours()
    assert by_catalog.total_hours == sum(hours[a] for a in dates)


def test_credentials_an_older_sync_left_in_the_folder_join_the_store_once(
        tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    Workspace.open(root).close()
    token = signed_jwt(FAMILY, MAY)
    folder = root / "credentials"
    write(folder, "abc.jws", token + "\n")
    write(folder, "index.json", json.dumps({"credentials": [
        {"file": "abc.jws", "id": None, "format": "compact-jws", "server": "riverbend"},
        {"file": "../../outside", "format": "json", "server": "riverbend"}]}))
    opened = Workspace.open(root)
    try:
        (adopted,) = opened.badges.list()
        assert adopted.state == "verified" and adopted.source == "riverbend"
    finally:
        opened.close()
    write(folder, "def.jws", signed_jwt(FAMILY, MAY, serial=9))  # not in the index
    reopened = Workspace.open(root)
    try:
        assert len(reopened.badges.list()) == 1  # adopted once, not at every open
    finally:
        reopened.close()


def test_an_svg_badge_reaching_outside_is_not_drawn_and_a_default_badge_stands_in() -> None:
    from mcdesk.media.badges import badge_png, render_svg

    reaching = BADGE_SVG.replace("<circle", '<image href="file:///etc/passwd"/><circle')
    assert render_svg(reaching, 64) is None
    assert render_svg("<svg><script>alert(1)</script></svg>", 64) is None
    assert render_svg(BADGE_SVG, 64) is not None
    image = "data:image/svg+xml;utf8," + __import__("urllib.parse").parse.quote(reaching)
    assert badge_png(image, "Exit Tickets", 64).startswith(b"\x89PNG")
