"""The credential tables on disk: migration 0006 from a real 0005 portfolio (with a backup,
data kept), credentials kept once by their bytes, the exact bytes surviving a reopen, checks
recorded, recognition rules with one active at a time; real SQLite in a temp folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from mcdesk.core.credentials import CredentialOrigin, RecognitionRule
from mcdesk.core.errors import NotFoundError
from mcdesk.storage import migrate
from mcdesk.storage.credential_store import (
    CheckedFields,
    CredentialStore,
    NewCredential,
    newest_lines,
)
from mcdesk.storage.portfolio import Portfolio
from tests.storage.old_portfolio import portfolio_at
from tests.storage.test_review_store import raw, revision_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
RAW = b"\x89PNG\r\n\x1a\n not really a picture \x00\xff but bytes as received"


def checked(state: str = "verified", **changes: object) -> CheckedFields:
    values: dict[str, object] = dict(
        state=state, reasons=(), warnings=("no sub",), achievement_id="urn:mc:1",
        achievement_name="Exit Tickets", achievement_type="MicroCredential",
        issuer_id="did:key:z6Mk", issuer_name="Riverbend", valid_from=T0, valid_until=None,
        awarded=None, image=None, results=(("overview", "proficient"),),
        evidence=({"name": "Lesson video", "genre": "video"},))
    values.update(changes)
    return CheckedFields(**values)  # type: ignore[arg-type]


def new(raw_bytes: bytes = RAW, sha: str = "a" * 64) -> NewCredential:
    return NewCredential(sha256=sha, format="png", raw=raw_bytes, payload="x.y.z",
                         credential={"type": ["OpenBadgeCredential"], "name": "É"},
                         origin=CredentialOrigin.IMPORT, source="badge.png")


def test_a_0005_portfolio_is_upgraded_with_a_backup_and_keeps_its_data(tmp_path: Path) -> None:
    root = tmp_path / "old"
    db = portfolio_at(
        root, "0005",
        "INSERT INTO meta (key, value) VALUES ('portfolio_id', 'old-one')",
        "INSERT INTO draft (id, achievement_id, mc_version, mc_name, attempt, status,"
        " submission_id, created_at, updated_at) VALUES ('d1', 'mc', '1.0', 'MC', 1,"
        " 'earned', 's1', '2026-11-01 10:00:00', '2026-11-01 10:00:00')")
    assert revision_of(db) == "0005"

    upgraded = Portfolio.open(root)
    try:
        assert revision_of(db) == migrate.HEAD_REVISION
        tables = {r[0] for r in raw(db, "SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"credential", "recognition_rule"} <= tables
        assert upgraded.meta("portfolio_id") == "old-one"
        assert raw(db, "SELECT status FROM draft WHERE id = 'd1'") == [("earned",)]
        (backup,) = upgraded.backups()
        assert backup.name.endswith(f"-before-{migrate.HEAD_REVISION}.sqlite3")
        assert revision_of(backup) == "0005"
        store = CredentialStore(upgraded.database)
        made, is_new = store.add(new(), checked(), T0)
        assert is_new and store.get(made.id) == made
    finally:
        upgraded.close()


def test_kept_once_by_bytes_exactly_as_received_and_rechecked(tmp_path: Path) -> None:
    portfolio = Portfolio.open(tmp_path / "p")
    try:
        store = CredentialStore(portfolio.database)
        first, is_new = store.add(new(), checked(), T0)
        again, again_new = store.add(new(), checked("failed"), T0)
        assert is_new and not again_new and again.id == first.id and again.state == "verified"
        assert len(store.list()) == 1
        assert first.raw == RAW and first.credential["name"] == "É"
        assert first.results == (("overview", "proficient"),)
        assert first.evidence[0]["genre"] == "video" and first.warnings == ("no sub",)
        assert first.origin is CredentialOrigin.IMPORT and first.source == "badge.png"
        later = datetime(2027, 1, 2, tzinfo=UTC)
        failed = store.record_check(first.id, checked("failed", reasons=("expired",)), later)
        assert failed.state == "failed" and failed.reasons == ("expired",)
        assert failed.checked_at == later
        with pytest.raises(NotFoundError):
            store.record_check("nope", checked(), later)
    finally:
        portfolio.close()
    reopened = Portfolio.open(tmp_path / "p")
    try:
        (kept,) = CredentialStore(reopened.database).list()
        assert kept.raw == RAW and kept.state == "failed" and kept.valid_from == T0
    finally:
        reopened.close()


def test_one_recognition_rule_is_active_at_a_time(tmp_path: Path) -> None:
    portfolio = Portfolio.open(tmp_path / "p")
    try:
        store = CredentialStore(portfolio.database)
        district = store.save_rule(RecognitionRule(None, "Riverbend USD", 3.0, 12.0))
        state = store.save_rule(RecognitionRule(None, "State PD", None, None))
        rules = {rule.name: rule for rule in store.rules()}
        assert not rules["Riverbend USD"].active and rules["State PD"].active
        store.save_rule(RecognitionRule(district.id, "Riverbend USD", 4.0, 12.0))
        rules = {rule.name: rule for rule in store.rules()}
        assert rules["Riverbend USD"].active and rules["Riverbend USD"].hours_per_credential == 4
        assert not rules["State PD"].active
        assert state.id is not None
        store.delete_rule(state.id)
        assert [rule.name for rule in store.rules()] == ["Riverbend USD"]
    finally:
        portfolio.close()


def test_the_first_screenful_is_the_newest_earned(tmp_path: Path) -> None:
    """Awarded, else valid from, else received: the newest of them first, in SQL as in the
    whole list (a credential awarded on the 1st is newer than one only valid from the 2nd
    of the month before)."""
    portfolio = Portfolio.open(tmp_path / "p")
    try:
        store = CredentialStore(portfolio.database)
        for day in (3, 1, 2):
            store.add(new(RAW + bytes([day]), sha=str(day) * 64),
                      checked(awarded=datetime(2026, 11, day, tzinfo=UTC) if day != 2
                              else None, valid_from=datetime(2026, 10, day, tzinfo=UTC)),
                      T0)
        lines = newest_lines(portfolio.reads, 3)
        assert [line.earned_on for line in lines] == [
            datetime(2026, 11, 3, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC),
            datetime(2026, 10, 2, tzinfo=UTC)]
        assert lines == [credential.line for credential in store.list()]
        assert newest_lines(portfolio.reads, 2) == lines[:2]
    finally:
        portfolio.close()


def test_the_first_screenfuls_lines_are_the_whole_credentials_lines(tmp_path: Path) -> None:
    """What the Badges list shows first is read without the credentials' bytes: the same
    rows, in the same order, as the whole credentials give (moments as aware UTC, a title
    from the id when the name is missing, reasons, picture)."""
    portfolio = Portfolio.open(tmp_path / "p")
    try:
        store = CredentialStore(portfolio.database)
        picture = "data:image/svg+xml;base64,PHN2Zy8+"
        store.add(new(RAW + b"1", sha="1" * 64),
                  checked(awarded=datetime(2026, 11, 5, tzinfo=UTC), image=picture), T0)
        store.add(new(RAW + b"2", sha="2" * 64),
                  checked("failed", reasons=("the proof does not match",),
                          achievement_name=None, valid_from=datetime(2026, 11, 7, tzinfo=UTC)),
                  T0)
        store.add(new(RAW + b"3", sha="3" * 64), checked(valid_from=None), T0)
        lines = newest_lines(portfolio.reads, 3)
        assert lines == [credential.line for credential in store.list()]
        assert [line.title for line in lines] == ["Exit Tickets", "urn:mc:1", "Exit Tickets"]
        assert lines[0].earned_on == T0  # neither awarded nor valid from: when received
        assert lines[1].reasons == ("the proof does not match",)
        assert lines[1].state == "failed"
        assert lines[2].image == picture
        assert all(line.earned_on.tzinfo is not None for line in lines)
        assert newest_lines(portfolio.reads, 2) == lines[:2]
    finally:
        portfolio.close()
