"""Open Badges 3.0 credentials the issuer awards: the OpenBadgeCredential for an earned
micro-credential or a completed stack (image, evidence, rubric results, awardedDate), signed as
a VC-JWT (OB 3.0 §8.2: JWS compact, EdDSA) and with a Data Integrity proof (eddsa-rdfc-2022),
and the issuer's Profile; any thread."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mcdesk.credentials import data_integrity
from mcdesk_issuer.keys import IssuerKey

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
MCDESK_CONTEXT = "https://purl.mcdesk.org/context/v1.jsonld"
EXTENSION_KEY = "mcdeskMicroCredential"
# Evidence in a credential names the pieces only: never a file, a path or who is on camera.
EVIDENCE_FIELDS = ("name", "genre", "narrative")


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def issuer_profile(key: IssuerKey, name: str) -> dict[str, Any]:
    return {"id": key.did, "type": ["Profile"], "name": name}


@dataclass(frozen=True)
class Awarded:
    credential: dict[str, Any]  # the unsigned credential (the VC-JWT's `vc` claim)
    jws: str  # the VC-JWT
    signed: dict[str, Any]  # the credential with its Data Integrity proof


def evidence_entries(pieces: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """OB 3.0 Evidence for the submission's pieces (each piece once, in order): name, genre
    and narrative only."""
    entries: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for piece in pieces:
        name = str(piece.get("name") or "").strip()
        if not name:
            continue
        key = (str(piece.get("id") or name), name)
        if key in seen:
            continue
        seen.add(key)
        entry: dict[str, Any] = {"type": ["Evidence"], "name": name}
        for field in EVIDENCE_FIELDS[1:]:
            value = str(piece.get(field) or "").strip()
            if value:
                entry[field] = value
        entries.append(entry)
    return entries


def award(*, key: IssuerKey, issuer_name: str, credential_id: str, earner_id: str,
          earner_name: str, achievement: dict[str, Any], valid_from: datetime,
          results: Sequence[tuple[str, str]],
          evidence: Sequence[Mapping[str, Any]] = ()) -> Awarded:
    """The OpenBadgeCredential for `earner_id` (an account id) earning `achievement` (the
    catalog's OB 3.0 Achievement JSON), with the rubric levels reached as `results`
    ((rubric criterion id, level id) pairs) and the submission's pieces as `evidence`."""
    embedded = copy.deepcopy(achievement)
    embedded.pop("@context", None)
    subject = _subject(earner_id, earner_name, embedded)
    if results:
        subject["result"] = [{"type": ["Result"], "resultDescription": rubric,
                              "achievedLevel": level} for rubric, level in results]
    extra: dict[str, Any] = {}
    entries = evidence_entries(evidence)
    if entries:
        extra["evidence"] = entries
    return _sign(key, issuer_name, credential_id, embedded, subject, valid_from, extra)


def award_stack(*, key: IssuerKey, issuer_name: str, credential_id: str, earner_id: str,
                earner_name: str, stack: Mapping[str, Any],
                members: Sequence[Mapping[str, Any]], valid_from: datetime) -> Awarded:
    """The credential for completing a stack: every member micro-credential earned. Its
    achievement is the stack (achievementType "Certificate"), its evidence the members."""
    names = [str(m.get("name", "")) for m in members]
    achievement: dict[str, Any] = {
        "id": str(stack["id"]), "type": ["Achievement"], "achievementType": "Certificate",
        "name": str(stack["name"]),
        "description": str(stack.get("description") or f"The stack {stack['name']}."),
        "criteria": {"narrative": "Earn every micro-credential of the stack: "
                                  + "; ".join(names) + "."},
    }
    if isinstance(stack.get("image"), dict | str):
        achievement["image"] = copy.deepcopy(stack["image"])
    creator = next((m.get("creator") for m in members if isinstance(m.get("creator"), dict)),
                   None)
    if creator is not None:
        achievement["creator"] = copy.deepcopy(creator)
    subject = _subject(earner_id, earner_name, achievement)
    extra = {"evidence": [{"type": ["Evidence"], "name": name, "genre": "Micro-credential",
                           "narrative": "Earned micro-credential of this stack."}
                          for name in names]}
    return _sign(key, issuer_name, credential_id, achievement, subject, valid_from, extra)


def _subject(earner_id: str, earner_name: str, achievement: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"urn:uuid:{earner_id}",
        "type": ["AchievementSubject"],
        "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                        "identityHash": earner_name}],
        "achievement": achievement,
    }


def _sign(key: IssuerKey, issuer_name: str, credential_id: str, achievement: dict[str, Any],
          subject: dict[str, Any], valid_from: datetime, extra: dict[str, Any]) -> Awarded:
    contexts = [VC_CONTEXT, OB_CONTEXT]
    if EXTENSION_KEY in achievement:
        contexts.append(MCDESK_CONTEXT)
    credential: dict[str, Any] = {
        "@context": contexts,
        "id": credential_id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": str(achievement.get("name", "Micro-credential")),
        "issuer": issuer_profile(key, issuer_name),
        "validFrom": iso(valid_from),
        "awardedDate": iso(valid_from),
        "credentialSubject": subject,
        **extra,
    }
    image = achievement.get("image")
    if isinstance(image, dict | str):
        credential["image"] = copy.deepcopy(image)
    payload = {"vc": credential, "iss": key.did, "sub": subject["id"],
               "nbf": int(valid_from.timestamp()), "jti": credential_id}
    jws = key.sign_jws(payload, {"typ": "JWT", "kid": key.kid, "jwk": key.jwk})
    signed = data_integrity.sign(credential, key.private, verification_method=key.kid,
                                 created=iso(valid_from))
    return Awarded(credential, jws, signed)
