"""Reads and writes earned credentials (bytes as received, parsed view, last verification) and
recognition rules; returns core objects; worker thread (writes on the writer lane)."""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from mcdesk.core.credentials import (
    CredentialLine,
    CredentialOrigin,
    EarnedCredential,
    RecognitionRule,
    credential_title,
)
from mcdesk.core.errors import NotFoundError
from mcdesk.storage.db import Database
from mcdesk.storage.models import CredentialRow, MetaRow, RecognitionRuleRow
from mcdesk.storage.read_connections import ReadConnections

# The columns an EarnedCredential is made from (CredentialRow's attribute names).
_COLUMNS = ("id", "sha256", "format", "raw", "payload", "credential_json", "achievement_id",
            "achievement_name", "achievement_type", "issuer_id", "issuer_name", "valid_from",
            "valid_until", "awarded", "image", "state", "reasons_json", "warnings_json",
            "checked_at", "origin", "source", "received_at", "results_json", "evidence_json")
# EarnedCredential.earned_on in SQL.
_EARNED = "coalesce(awarded, valid_from, received_at)"


def _naive(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None)


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


@dataclass(frozen=True)
class NewCredential:
    """What is stored for a credential on arrival."""

    sha256: str
    format: str
    raw: bytes
    payload: str
    credential: dict[str, Any]
    origin: CredentialOrigin
    source: str


@dataclass(frozen=True)
class CheckedFields:
    """What a verification read from a credential and decided about it."""

    state: str
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    achievement_id: str | None
    achievement_name: str | None
    achievement_type: str | None
    issuer_id: str | None
    issuer_name: str | None
    valid_from: datetime | None
    valid_until: datetime | None
    awarded: datetime | None
    image: str | None
    results: tuple[tuple[str, str], ...]
    evidence: tuple[dict[str, Any], ...]


class CredentialStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, new: NewCredential, checked: CheckedFields,
            now: datetime) -> tuple[EarnedCredential, bool]:
        """Store `new` unless a credential with the same bytes is there; (it, whether new),
        decided inside one transaction so two imports of one file keep one."""
        with self._db.transaction() as session:
            found = session.scalars(select(CredentialRow).where(
                CredentialRow.sha256 == new.sha256)).first()
            if found is not None:
                return _credential(found), False
            row = CredentialRow(
                id=str(uuid.uuid4()), sha256=new.sha256, format=new.format, raw=new.raw,
                payload=new.payload,
                credential_json=json.dumps(new.credential, ensure_ascii=False),
                origin=new.origin.value, source=new.source, received_at=_naive(now))
            _apply(row, checked, now)
            session.add(row)
        return _credential(row), True

    def record_check(self, credential_id: str, checked: CheckedFields,
                     now: datetime) -> EarnedCredential:
        with self._db.transaction() as session:
            row = session.get(CredentialRow, credential_id)
            if row is None:
                raise NotFoundError("no such credential in this portfolio")
            _apply(row, checked, now)
        return _credential(row)

    def get(self, credential_id: str) -> EarnedCredential:
        with self._db.reading() as session:
            row = session.get(CredentialRow, credential_id)
            if row is None:
                raise NotFoundError("no such credential in this portfolio")
            return _credential(row)

    def list(self) -> list[EarnedCredential]:
        """Newest earned first."""
        with self._db.reading() as session:
            found = [_credential(row) for row in session.scalars(select(CredentialRow))]
        return sorted(found, key=lambda c: c.earned_on, reverse=True)

    def ids(self) -> builtins.list[str]:
        with self._db.reading() as session:
            return list(session.scalars(select(CredentialRow.id)))

    def has_sha256(self, sha256: str) -> bool:
        with self._db.reading() as session:
            return session.scalars(select(CredentialRow.id).where(
                CredentialRow.sha256 == sha256)).first() is not None

    def set_meta(self, key: str, value: str) -> None:
        with self._db.transaction() as session:
            session.merge(MetaRow(key=key, value=value))

    # -- recognition rules ----------------------------------------------------------------

    def rules(self) -> builtins.list[RecognitionRule]:
        with self._db.reading() as session:
            rows = session.scalars(select(RecognitionRuleRow).order_by(RecognitionRuleRow.id))
            return [_rule(row) for row in rows]

    def save_rule(self, rule: RecognitionRule) -> RecognitionRule:
        """Insert (id None) or update a rule; an active rule makes every other inactive, so
        one rule at a time decides the hours."""
        with self._db.transaction() as session:
            if rule.id is None:
                row = RecognitionRuleRow()
                session.add(row)
            else:
                found = session.get(RecognitionRuleRow, rule.id)
                if found is None:
                    raise NotFoundError("no such recognition rule")
                row = found
            row.name = rule.name
            row.hours_per_credential = rule.hours_per_credential
            row.cap_per_year = rule.cap_per_year
            row.active = rule.active
            row.verified_only = rule.verified_only
            session.flush()
            if rule.active:
                for other in session.scalars(select(RecognitionRuleRow).where(
                        RecognitionRuleRow.id != row.id)):
                    other.active = False
            saved = _rule(row)
        return saved

    def delete_rule(self, rule_id: int) -> None:
        with self._db.transaction() as session:
            row = session.get(RecognitionRuleRow, rule_id)
            if row is None:
                raise NotFoundError("no such recognition rule")
            session.delete(row)


def _apply(row: CredentialRow, checked: CheckedFields, now: datetime) -> None:
    row.state = checked.state
    row.reasons_json = json.dumps(list(checked.reasons), ensure_ascii=False)
    row.warnings_json = json.dumps(list(checked.warnings), ensure_ascii=False)
    row.checked_at = _naive(now)  # type: ignore[assignment]
    row.achievement_id = checked.achievement_id
    row.achievement_name = checked.achievement_name
    row.achievement_type = checked.achievement_type
    row.issuer_id = checked.issuer_id
    row.issuer_name = checked.issuer_name
    row.valid_from = _naive(checked.valid_from)
    row.valid_until = _naive(checked.valid_until)
    row.awarded = _naive(checked.awarded)
    row.image = checked.image
    row.results_json = json.dumps([list(pair) for pair in checked.results], ensure_ascii=False)
    row.evidence_json = json.dumps(list(checked.evidence), ensure_ascii=False)


def newest_lines(reads: ReadConnections, limit: int) -> list[CredentialLine]:
    """The newest `limit` credentials as their rows in the Badges list show them: the first
    screenful, read without the credentials' bytes and JSON (parsing those for whole
    credentials took most of the read, and the read holds up the list's first paint)."""
    with reads.connection() as connection:
        rows = connection.execute(
            f"SELECT id, achievement_name, achievement_id, issuer_name, issuer_id, awarded, "
            f"valid_from, received_at, state, reasons_json, image FROM credential "
            f"WHERE rowid IN (SELECT rowid FROM credential ORDER BY {_EARNED} DESC LIMIT ?)",
            (limit,)).fetchall()  # rowids first: sorting whole rows carried the images
    lines = [CredentialLine(
        id=ident, title=credential_title(name, achievement), issuer_name=issuer_name,
        issuer_id=issuer_id, earned_on=_earned(awarded, valid_from, received),
        state=state, reasons=tuple(json.loads(reasons)), image=image)
        for (ident, name, achievement, issuer_name, issuer_id, awarded, valid_from, received,
             state, reasons, image) in rows]
    return sorted(lines, key=lambda line: line.earned_on, reverse=True)


def _earned(*stored: object) -> datetime:
    """EarnedCredential.earned_on from its three stored moments."""
    for value in stored:
        moment = _aware(_moment(value))
        if moment is not None:
            return moment
    raise ValueError("a credential without the moment it was received")


def _moment(stored: object) -> datetime | None:
    """A DATETIME column as SQLAlchemy stores it in SQLite (text), as it reads it back."""
    return datetime.fromisoformat(stored) if isinstance(stored, str) and stored else None


def _credential(row: CredentialRow) -> EarnedCredential:
    return _from_values({name: getattr(row, name) for name in _COLUMNS})


def _from_values(row: Mapping[str, Any]) -> EarnedCredential:
    received = _aware(row["received_at"])
    checked = _aware(row["checked_at"])
    assert received is not None and checked is not None
    return EarnedCredential(
        id=row["id"], sha256=row["sha256"], format=row["format"], raw=bytes(row["raw"]),
        payload=row["payload"], credential=json.loads(row["credential_json"]),
        achievement_id=row["achievement_id"], achievement_name=row["achievement_name"],
        achievement_type=row["achievement_type"], issuer_id=row["issuer_id"],
        issuer_name=row["issuer_name"], valid_from=_aware(row["valid_from"]),
        valid_until=_aware(row["valid_until"]), awarded=_aware(row["awarded"]),
        image=row["image"], state=row["state"], reasons=tuple(json.loads(row["reasons_json"])),
        warnings=tuple(json.loads(row["warnings_json"])), checked_at=checked,
        origin=CredentialOrigin(row["origin"]), source=row["source"], received_at=received,
        results=tuple((str(a), str(b)) for a, b in json.loads(row["results_json"])),
        evidence=tuple(e for e in json.loads(row["evidence_json"]) if isinstance(e, dict)))


def _rule(row: RecognitionRuleRow) -> RecognitionRule:
    return RecognitionRule(id=row.id, name=row.name,
                           hours_per_credential=row.hours_per_credential,
                           cap_per_year=row.cap_per_year, active=row.active,
                           verified_only=row.verified_only)
