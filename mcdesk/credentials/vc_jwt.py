"""Offline verification of Open Badges 3.0 credentials sent as VC-JWTs whose issuer is a
did:key (kept for callers that want the credential or an exception; new code uses
mcdesk.credentials.verification); any thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mcdesk.credentials.errors import CredentialError

__all__ = ["CredentialError", "VerifiedCredential", "verify_vc_jwt"]


@dataclass(frozen=True)
class VerifiedCredential:
    issuer: str  # the did:key that signed it
    credential: dict[str, Any]  # the `vc` claim: the OB 3.0 OpenBadgeCredential
    achievement_name: str | None
    valid_from: datetime | None


def verify_vc_jwt(token: str, *, now: datetime | None = None) -> VerifiedCredential:
    """The credential in `token` when it verifies fully offline; CredentialError otherwise
    (also when something would need a network check)."""
    from mcdesk.credentials.received import CredentialFormat, read_credential
    from mcdesk.credentials.verification import VerificationState, verify_credential

    received = read_credential(token.strip().encode("utf-8"), "the token")
    if received.format is not CredentialFormat.VC_JWT:
        raise CredentialError("not a VC-JWT")
    result = verify_credential(received, now=now)
    if result.state is not VerificationState.VERIFIED:
        raise CredentialError("; ".join(result.reasons))
    return VerifiedCredential(issuer=result.issuer_id or "", credential=received.credential,
                              achievement_name=result.achievement_name,
                              valid_from=result.valid_from)
