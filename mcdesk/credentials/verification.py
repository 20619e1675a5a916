"""Offline verification of a received credential with three honest outcomes (verified, needs a
network check, failed with the reason in words); any thread.

Interim version written on branch badges-place against the agreed API: it verifies VC-JWTs
signed with Ed25519 by a did:key issuer (bare or baked); branch badges-verify replaces this
file with the full verifier (Data Integrity proofs, ES256/RS256, OB 2.0)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mcdesk.credentials.received import CredentialFormat, ReceivedCredential, read_credential
from mcdesk.credentials.vc_jwt import CredentialError, verify_vc_jwt


class VerificationState(enum.StrEnum):
    VERIFIED = "verified"
    NEEDS_NETWORK = "needs-network"
    FAILED = "failed"


@dataclass(frozen=True)
class Verification:
    state: VerificationState
    reasons: tuple[str, ...]
    warnings: tuple[str, ...]
    format: CredentialFormat | None
    issuer_id: str | None
    issuer_name: str | None
    achievement_id: str | None
    achievement_name: str | None
    achievement_type: str | None
    subject_id: str | None
    valid_from: datetime | None
    valid_until: datetime | None
    awarded: datetime | None
    image: str | None
    results: tuple[tuple[str, str], ...]
    evidence: tuple[dict[str, Any], ...]


def verify_credential(received: ReceivedCredential, *,
                      now: datetime | None = None) -> Verification:
    """Check `received` offline; never raises for bad input."""
    state = VerificationState.VERIFIED
    reasons: list[str] = []
    if received.format is CredentialFormat.OB2 or "Assertion" in _types(received.credential):
        state = VerificationState.NEEDS_NETWORK
        reasons.append("an Open Badges 2.0 badge is checked against its issuer's hosted copy")
    elif received.payload.count(".") == 2 and not received.payload.lstrip().startswith("{"):
        try:
            verify_vc_jwt(received.payload, now=now)
        except CredentialError as exc:
            state = VerificationState.FAILED
            reasons.append(str(exc))
    elif isinstance(received.credential.get("proof"), dict | list):
        state = VerificationState.NEEDS_NETWORK
        reasons.append("this build cannot check a Data Integrity proof yet")
    else:
        state = VerificationState.FAILED
        reasons.append("the credential carries no signature")
    return _describe(received.credential, received.format, state, tuple(reasons))


def verify_bytes(data: bytes, name: str, *, now: datetime | None = None) -> Verification:
    try:
        received = read_credential(data, name)
    except CredentialError as exc:
        return _describe({}, None, VerificationState.FAILED, (str(exc),))
    except Exception as exc:  # a malformed file must fail, never crash
        return _describe({}, None, VerificationState.FAILED, (f"{name}: unreadable ({exc})",))
    return verify_credential(received, now=now)


def _types(value: dict[str, Any]) -> list[str]:
    types = value.get("type", [])
    return [types] if isinstance(types, str) else [t for t in types if isinstance(t, str)]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _describe(credential: dict[str, Any], fmt: CredentialFormat | None,
              state: VerificationState, reasons: tuple[str, ...]) -> Verification:
    issuer = credential.get("issuer")
    subject = credential.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    achievement = subject.get("achievement")
    achievement = achievement if isinstance(achievement, dict) else {}
    image = credential.get("image") or achievement.get("image")
    image_id = image.get("id") if isinstance(image, dict) else image
    results: list[tuple[str, str]] = []
    for result in subject.get("result", []) if isinstance(subject.get("result"), list) else []:
        if isinstance(result, dict):
            results.append((str(result.get("resultDescription", "")),
                            str(result.get("achievedLevel", result.get("value", "")))))
    evidence = credential.get("evidence", [])
    return Verification(
        state=state, reasons=reasons, warnings=(), format=fmt,
        issuer_id=_text(issuer.get("id")) if isinstance(issuer, dict) else _text(issuer),
        issuer_name=_text(issuer.get("name")) if isinstance(issuer, dict) else None,
        achievement_id=_text(achievement.get("id")),
        achievement_name=_text(achievement.get("name")),
        achievement_type=_text(achievement.get("achievementType")),
        subject_id=_text(subject.get("id")),
        valid_from=_date(credential.get("validFrom") or credential.get("issuanceDate")),
        valid_until=_date(credential.get("validUntil") or credential.get("expirationDate")),
        awarded=_date(credential.get("awardedDate")),
        image=_text(image_id),
        results=tuple(results),
        evidence=tuple(e for e in evidence if isinstance(e, dict))
        if isinstance(evidence, list) else (),
    )
