"""Offline verification of Open Badges 3.0 credentials sent as VC-JWTs (JWS compact, EdDSA,
Ed25519) whose issuer is a did:key; any thread."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_MULTICODEC = b"\xed\x01"


class CredentialError(ValueError):
    """A credential that does not verify; the message says why in words."""


@dataclass(frozen=True)
class VerifiedCredential:
    issuer: str  # the did:key that signed it
    credential: dict[str, Any]  # the `vc` claim: the OB 3.0 OpenBadgeCredential
    achievement_name: str | None
    valid_from: datetime | None


def verify_vc_jwt(token: str, *, now: datetime | None = None) -> VerifiedCredential:
    """Check the signature against the issuer's did:key, the claims against the credential,
    and the validity dates. Needs no network."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    parts = token.strip().split(".")
    if len(parts) != 3:
        raise CredentialError("not a compact JWS (three dot-separated parts)")
    try:
        header = json.loads(_b64url(parts[0]))
        payload = json.loads(_b64url(parts[1]))
        signature = _b64url(parts[2])
    except ValueError as exc:
        raise CredentialError(f"the token cannot be read ({exc})") from None
    if header.get("alg") != "EdDSA":
        raise CredentialError(f'signed with "{header.get("alg")}", not EdDSA (Ed25519)')
    issuer = payload.get("iss")
    if not isinstance(issuer, str) or not issuer.startswith("did:key:z"):
        raise CredentialError("the issuer is not a did:key, which mcdesk verifies offline")
    kid = header.get("kid")
    if isinstance(kid, str) and kid.split("#")[0] != issuer:
        raise CredentialError("the signing key does not belong to the issuer")
    raw = _base58_decode(issuer.removeprefix("did:key:z"))
    if not raw.startswith(_ED25519_MULTICODEC) or len(raw) != 34:
        raise CredentialError("the issuer's did:key is not an Ed25519 key")
    try:
        Ed25519PublicKey.from_public_bytes(raw[2:]).verify(
            signature, f"{parts[0]}.{parts[1]}".encode("ascii"))
    except InvalidSignature:
        raise CredentialError("the signature does not match: the credential was changed or "
                              "not signed by its issuer") from None
    credential = payload.get("vc")
    if not isinstance(credential, dict):
        raise CredentialError('the token carries no "vc" credential')
    types = credential.get("type", [])
    if "OpenBadgeCredential" not in types and "AchievementCredential" not in types:
        raise CredentialError("the credential is not an Open Badges 3.0 credential")
    credential_issuer = credential.get("issuer")
    issuer_id = credential_issuer.get("id") if isinstance(credential_issuer, dict) \
        else credential_issuer
    if issuer_id != issuer:
        raise CredentialError("the credential names another issuer than the one who signed")
    moment = now or datetime.now(UTC)
    if isinstance(payload.get("nbf"), int | float) and moment.timestamp() < payload["nbf"]:
        raise CredentialError("the credential is not valid yet")
    if isinstance(payload.get("exp"), int | float) and moment.timestamp() > payload["exp"]:
        raise CredentialError("the credential has expired")
    subject = credential.get("credentialSubject")
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    name = achievement.get("name") if isinstance(achievement, dict) else None
    valid_from = credential.get("validFrom")
    return VerifiedCredential(
        issuer=issuer,
        credential=credential,
        achievement_name=name if isinstance(name, str) else None,
        valid_from=datetime.fromisoformat(valid_from.replace("Z", "+00:00"))
        if isinstance(valid_from, str) else None,
    )


def _b64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _base58_decode(text: str) -> bytes:
    number = 0
    for char in text:
        index = _BASE58.find(char)
        if index < 0:
            raise CredentialError("the did:key is not base58")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading = len(text) - len(text.lstrip("1"))
    return b"\x00" * leading + body
