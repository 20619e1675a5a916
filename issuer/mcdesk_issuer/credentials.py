"""Open Badges 3.0 credentials the issuer awards: the OpenBadgeCredential for an earned
micro-credential, its VC-JWT (OB 3.0 §8.2: JWS compact, EdDSA) and the issuer's Profile; any
thread."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mcdesk_issuer.keys import IssuerKey

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MCDESK_CONTEXT = "https://purl.mcdesk.org/context/v1.jsonld"
EXTENSION_KEY = "mcdeskMicroCredential"


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def issuer_profile(key: IssuerKey, name: str) -> dict[str, Any]:
    return {"id": key.did, "type": ["Profile"], "name": name}


@dataclass(frozen=True)
class Awarded:
    credential: dict[str, Any]
    jws: str


def award(*, key: IssuerKey, issuer_name: str, credential_id: str, earner_id: str,
          earner_name: str, achievement: dict[str, Any], valid_from: datetime,
          results: Sequence[tuple[str, str]]) -> Awarded:
    """The OpenBadgeCredential for `earner_id` (an account id) earning `achievement` (the
    catalog's OB 3.0 Achievement JSON), with the rubric levels reached as `results`
    ((rubric criterion id, level id) pairs), signed as a VC-JWT."""
    embedded = copy.deepcopy(achievement)
    embedded.pop("@context", None)
    contexts = [VC_CONTEXT, OB_CONTEXT]
    if EXTENSION_KEY in embedded:
        contexts.append(MCDESK_CONTEXT)
    subject: dict[str, Any] = {
        "id": f"urn:uuid:{earner_id}",
        "type": ["AchievementSubject"],
        "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                        "identityHash": earner_name}],
        "achievement": embedded,
    }
    if results:
        subject["result"] = [{"type": ["Result"], "resultDescription": rubric,
                              "achievedLevel": level} for rubric, level in results]
    credential: dict[str, Any] = {
        "@context": contexts,
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": str(achievement.get("name", "Micro-credential")),
        "issuer": issuer_profile(key, issuer_name),
        "validFrom": iso(valid_from),
        "credentialSubject": subject,
    }
    payload = {"vc": credential, "iss": key.did, "sub": subject["id"],
               "nbf": int(valid_from.timestamp()), "jti": credential_id}
    jws = key.sign_jws(payload, {"typ": "JWT", "kid": key.kid, "jwk": key.jwk})
    return Awarded(credential, jws)
