"""Earned credentials as the portfolio keeps them, recognition rules that turn them into
in-service hours, stack progress and transcripts; plain data and rules, any thread."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mcdesk.core.legacy_credentials import LEGACY_DIR as LEGACY_DIR
from mcdesk.core.legacy_credentials import LEGACY_DONE_KEY as LEGACY_DONE_KEY
from mcdesk.core.legacy_credentials import LEGACY_INDEX as LEGACY_INDEX


class CredentialOrigin(enum.StrEnum):
    SYNC = "sync"
    IMPORT = "import"


@dataclass(frozen=True)
class EarnedCredential:
    """One credential the teacher holds: the bytes as received and what was read from them."""

    id: str
    sha256: str
    format: str
    """A CredentialFormat value (ob3-json, vc-jwt, png, svg, ob2)."""
    raw: bytes
    payload: str
    credential: dict[str, Any]
    achievement_id: str | None
    achievement_name: str | None
    achievement_type: str | None
    issuer_id: str | None
    issuer_name: str | None
    valid_from: datetime | None
    valid_until: datetime | None
    awarded: datetime | None
    image: str | None
    state: str
    """A VerificationState value (verified, needs-network, failed)."""
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    checked_at: datetime
    origin: CredentialOrigin
    source: str
    """The server it was pulled from, or the file name it was imported from."""
    received_at: datetime
    results: tuple[tuple[str, str], ...] = ()
    evidence: tuple[dict[str, Any], ...] = ()

    @property
    def earned_on(self) -> datetime:
        """The date the credential counts from: awarded, else valid from, else received."""
        return self.awarded or self.valid_from or self.received_at

    @property
    def title(self) -> str:
        return credential_title(self.achievement_name, self.achievement_id)

    @property
    def line(self) -> CredentialLine:
        return CredentialLine(id=self.id, title=self.title, issuer_name=self.issuer_name,
                              issuer_id=self.issuer_id, earned_on=self.earned_on,
                              state=self.state, reasons=self.reasons, image=self.image)


def credential_title(achievement_name: str | None, achievement_id: str | None) -> str:
    return achievement_name or achievement_id or "Untitled credential"


@dataclass(frozen=True)
class CredentialLine:
    """A credential as its row in a list shows it (the whole of it is read later)."""

    id: str
    title: str
    issuer_name: str | None
    issuer_id: str | None
    earned_on: datetime
    state: str
    reasons: tuple[str, ...]
    image: str | None


@dataclass(frozen=True)
class RecognitionRule:
    """How a district or state turns micro-credentials into in-service hours."""

    id: int | None
    name: str
    hours_per_credential: float | None
    """Fixed hours for each; None: the catalog's inServiceHours for that micro-credential."""
    cap_per_year: float | None
    active: bool = True
    verified_only: bool = True
    """Count only credentials that verified (a failed one never counts)."""


@dataclass(frozen=True)
class StackProgress:
    stack_id: str
    name: str
    total: int
    earned: tuple[str, ...]
    """Names of the members earned (in the stack's order)."""
    in_progress: tuple[tuple[str, str], ...]
    """(member name, what is happening: "draft", "in review", "not yet")."""
    missing: tuple[str, ...]
    """Members neither earned nor in progress."""
    stack_credential: bool = False
    """True when a credential for the stack itself was received."""

    @property
    def complete(self) -> bool:
        return self.total > 0 and len(self.earned) == self.total


@dataclass(frozen=True)
class TranscriptLine:
    credential_id: str
    name: str
    issuer: str
    earned_on: date
    state: str
    hours: float
    note: str = ""
    """Why the hours are fewer than the rule gives (the cap, a failed verification)."""


@dataclass(frozen=True)
class Transcript:
    rule: RecognitionRule | None
    start: date
    end: date
    lines: tuple[TranscriptLine, ...]
    made_at: datetime
    owner: str | None = None

    @property
    def total_hours(self) -> float:
        return sum(line.hours for line in self.lines)


@dataclass
class _YearTotals:
    used: dict[int, float] = field(default_factory=dict)


def hours_for(rule: RecognitionRule | None, credentials: Sequence[EarnedCredential],
              catalog_hours: dict[str, float],
              stack_ids: frozenset[str] = frozenset()) -> dict[str, tuple[float, str]]:
    """Hours each credential gives under `rule` (id -> (hours, note)), earliest first so a
    yearly cap is reached by the later ones; a credential that failed verification (or, with
    `verified_only`, did not verify) gives none, nor does a stack's own credential (its
    members already counted)."""
    result: dict[str, tuple[float, str]] = {}
    totals = _YearTotals()
    for credential in sorted(credentials, key=lambda c: (c.earned_on, c.id)):
        if rule is None or not rule.active:
            result[credential.id] = (0.0, "no recognition rule is active")
            continue
        if credential.achievement_id in stack_ids:
            result[credential.id] = (0.0, "a completed stack: its micro-credentials count")
            continue
        if credential.state == "failed":
            result[credential.id] = (0.0, "did not verify")
            continue
        if rule.verified_only and credential.state != "verified":
            result[credential.id] = (0.0, "needs a network check first")
            continue
        if rule.hours_per_credential is not None:
            hours = rule.hours_per_credential
        else:
            hours = catalog_hours.get(credential.achievement_id or "", 0.0)
        note = "" if hours else "the catalog gives no in-service hours"
        year = credential.earned_on.year
        if rule.cap_per_year is not None:
            room = max(0.0, rule.cap_per_year - totals.used.get(year, 0.0))
            if hours > room:
                note = f"capped at {_number(rule.cap_per_year)} hours in {year}"
                hours = room
        totals.used[year] = totals.used.get(year, 0.0) + hours
        result[credential.id] = (hours, note)
    return result


def _number(value: float) -> str:
    return f"{value:g}"
