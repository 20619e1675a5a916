"""Offline verification of a received credential with three honest outcomes: verified, signature
valid but something needs a network check, or failed with the reason in words; any thread."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mcdesk.credentials import data_integrity, jose
from mcdesk.credentials.contexts import UnpinnedContextError
from mcdesk.credentials.errors import CredentialError
from mcdesk.credentials.keys import (
    EMPTY_CACHE,
    KeyCache,
    VerifyingKey,
    public_key_from_jwk,
    same_key,
)
from mcdesk.credentials.multiformats import public_key_from_multikey, resolve_did_key
from mcdesk.credentials.received import CredentialFormat, ReceivedCredential, read_credential

log = logging.getLogger(__name__)

VC_V1 = "https://www.w3.org/2018/credentials/v1"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB3_TYPES = ("OpenBadgeCredential", "AchievementCredential", "EndorsementCredential")


class VerificationState(enum.StrEnum):
    VERIFIED = "verified"
    NEEDS_NETWORK = "needs-network"
    FAILED = "failed"


@dataclass(frozen=True)
class Verification:
    state: VerificationState
    reasons: tuple[str, ...]  # why failed / what needs a network check, in words
    warnings: tuple[str, ...]
    format: CredentialFormat | None
    issuer_id: str | None = None
    issuer_name: str | None = None
    achievement_id: str | None = None
    achievement_name: str | None = None
    achievement_type: str | None = None
    subject_id: str | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    awarded: datetime | None = None
    image: str | None = None  # the badge image: a URL or a data: URI
    results: tuple[tuple[str, str], ...] = ()  # (result description name or id, level reached)
    evidence: tuple[dict[str, Any], ...] = ()  # OB 3.0 Evidence entries (name, genre, narrative)
    signed_by: str | None = None  # the verification method whose key checked the signature

    @property
    def summary(self) -> str:
        """One line for a list or a CSV cell."""
        if self.state is VerificationState.VERIFIED:
            return "verified"
        return "; ".join(self.reasons)


@dataclass
class _Findings:
    failures: list[str] = field(default_factory=list)
    network: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    signed_by: str | None = None

    def state(self) -> VerificationState:
        if self.failures:
            return VerificationState.FAILED
        if self.network:
            return VerificationState.NEEDS_NETWORK
        return VerificationState.VERIFIED


def verify_bytes(data: bytes, name: str, *, now: datetime | None = None,
                 keys: KeyCache = EMPTY_CACHE) -> Verification:
    """Read and verify; never raises for bad input: FAILED with the reason."""
    try:
        received = read_credential(data, name)
    except CredentialError as exc:
        return Verification(VerificationState.FAILED, (str(exc),), (), None)
    except Exception as exc:  # a credential must never take the caller down
        log.exception("Reading %s failed unexpectedly", name)
        return Verification(VerificationState.FAILED,
                            (f"{name} could not be read ({exc.__class__.__name__})",), (), None)
    return verify_credential(received, now=now, keys=keys)


def verify_credential(received: ReceivedCredential, *, now: datetime | None = None,
                      keys: KeyCache = EMPTY_CACHE) -> Verification:
    moment = now or datetime.now(UTC)
    findings = _Findings()
    try:
        if received.is_ob2:
            _check_ob2(received, moment, keys, findings)
        else:
            _check_ob3_structure(received.credential, findings)
            if received.is_jws:
                _check_jwt(received, moment, keys, findings)
            else:
                _check_data_integrity(received.credential, keys, findings)
            _check_ob3_dates(received.credential, moment, findings)
            _check_status(received.credential, findings)
    except CredentialError as exc:
        findings.failures.append(str(exc))
    except Exception as exc:
        log.exception("Verifying a %s credential failed unexpectedly", received.format)
        findings.failures.append(f"the credential could not be checked "
                                 f"({exc.__class__.__name__})")
    return _describe(received, findings)


# --- OB 3.0 -------------------------------------------------------------------------------

def _types(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _issuer_id(credential: dict[str, Any]) -> str | None:
    issuer = credential.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) and issuer else None


def _check_ob3_structure(credential: dict[str, Any], findings: _Findings) -> None:
    contexts = credential.get("@context")
    first = contexts[0] if isinstance(contexts, list) and contexts else contexts
    if first not in (VC_V1, VC_V2):
        findings.failures.append("malformed: the first @context must be the W3C Verifiable "
                                 f"Credentials context ({VC_V2})")
    kinds = _types(credential.get("type"))
    if "VerifiableCredential" not in kinds or not set(kinds) & set(OB3_TYPES):
        findings.failures.append("malformed: the type is not VerifiableCredential with "
                                 "OpenBadgeCredential or AchievementCredential")
    if _issuer_id(credential) is None:
        findings.failures.append("malformed: the credential names no issuer id")
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        findings.failures.append("malformed: the credential has no credentialSubject")
    elif not isinstance(subject.get("achievement"), dict):
        findings.warnings.append("the credential names no achievement")
    evidence = credential.get("evidence", [])
    entries = evidence if isinstance(evidence, list) else [evidence]
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or "Evidence" not in _types(entry.get("type")):
            findings.failures.append(f'malformed: evidence entry {number} is not of type '
                                     '"Evidence"')


def _parse_date(value: object, what: str, findings: _Findings) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        findings.failures.append(f"malformed: {what} is not a date")
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        findings.failures.append(f"malformed: {what} is not a date ({value[:40]})")
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _check_ob3_dates(credential: dict[str, Any], moment: datetime, findings: _Findings) -> None:
    start = _parse_date(credential.get("validFrom", credential.get("issuanceDate")),
                        "validFrom", findings)
    end = _parse_date(credential.get("validUntil", credential.get("expirationDate")),
                      "validUntil", findings)
    if "validFrom" not in credential and "issuanceDate" not in credential:
        findings.failures.append("malformed: the credential has no validFrom date")
    if start is not None and moment < start:
        findings.failures.append(f"not yet valid: valid from {start:%Y-%m-%d %H:%M} UTC")
    if end is not None and moment >= end:
        findings.failures.append(f"expired on {end.astimezone(UTC):%Y-%m-%d}")


def _check_status(credential: dict[str, Any], findings: _Findings) -> None:
    status = credential.get("credentialStatus")
    if status is None:
        return
    entries = status if isinstance(status, list) else [status]
    for entry in entries:
        kind = ", ".join(_types(entry.get("type"))) if isinstance(entry, dict) else "status"
        findings.network.append(f"the issuer publishes a status list ({kind or 'status'}); "
                                "whether the credential was revoked needs a network check")


def _check_data_integrity(credential: dict[str, Any], keys: KeyCache,
                          findings: _Findings) -> None:
    raw = credential.get("proof")
    if raw is None:
        findings.failures.append("the credential carries no proof: anyone could have "
                                 "written it")
        return
    proofs = [p for p in (raw if isinstance(raw, list) else [raw]) if isinstance(p, dict)]
    usable = [p for p in proofs if data_integrity.suite_of(p) is not None]
    if not usable:
        findings.failures.append(f"no proof mcdesk can check (it checks "
                                 f"{data_integrity.SUPPORTED})")
        return
    proof = usable[0]
    if proof.get("proofPurpose") != "assertionMethod":
        findings.failures.append('the proof\'s purpose is not "assertionMethod"')
        return
    method = proof.get("verificationMethod")
    if isinstance(method, dict):
        method = method.get("id")
    if not isinstance(method, str) or not method:
        findings.failures.append("the proof names no verification method")
        return
    issuer = _issuer_id(credential) or ""
    resolved = _resolve_method(method, issuer, keys, findings)
    if resolved is None:
        return
    key, _controller = resolved
    try:
        data_integrity.verify_proof(credential, proof, key)
    except UnpinnedContextError as exc:
        findings.network.append(f"{exc}; checking the signature needs it from the network")
        return
    findings.signed_by = method


def _resolve_method(method: str, issuer: str, keys: KeyCache,
                    findings: _Findings) -> tuple[VerifyingKey, str] | None:
    """The key a verification method names and its controller; records what binds (or fails
    to bind) it to the issuer."""
    cached = keys.get(method)
    if method.startswith("did:key:"):
        controller, key = resolve_did_key(method)
    elif cached is not None:
        key, controller = cached.public_key(), cached.controller
    else:
        base, _, fragment = method.partition("#")
        key_in_fragment = None
        if fragment.startswith("z"):
            try:
                key_in_fragment = public_key_from_multikey(fragment)
            except CredentialError:
                key_in_fragment = None
        if key_in_fragment is None:
            findings.network.append(f"the issuer's key is published online ({method}) and is "
                                    "not in the key cache; checking the signature needs the "
                                    "network")
            return None
        # 1EdTech's convention: controller#publicKeyMultibase. The signature can be checked
        # with that key, but only the controller's own document can say the key is theirs.
        findings.network.append(f"the signature is valid for the key named in the credential, "
                                f"but that {base} publishes this key needs a network check")
        _bind(base, issuer, key_in_fragment, keys, findings, already_network=True)
        return key_in_fragment, base
    _bind(controller, issuer, key, keys, findings)
    return key, controller


def _bind(controller: str, issuer: str, key: VerifyingKey, keys: KeyCache,
          findings: _Findings, *, already_network: bool = False) -> None:
    """Is the key's controller the credential's issuer?"""
    if controller == issuer:
        return
    if any(same_key(cached.public_key(), key) for cached in keys.for_issuer(issuer)):
        return
    if issuer.startswith("did:") or (controller.startswith(("http://", "https://")) \
            and issuer.startswith(("http://", "https://"))):
        findings.failures.append(f"wrong issuer for the key: signed with a key of "
                                 f"{controller}, but the credential names {issuer} as issuer")
    elif issuer.startswith(("http://", "https://")):
        if not already_network:
            findings.network.append(f"that the issuer {issuer} uses the key {controller} "
                                    "needs a network check")
    else:
        findings.warnings.append(f"the issuer's id {issuer} cannot be looked up; the "
                                 f"credential was signed by {controller}")


# --- VC-JWT -------------------------------------------------------------------------------

def _check_jwt(received: ReceivedCredential, moment: datetime, keys: KeyCache,
               findings: _Findings) -> None:
    header = received.jws_header or {}
    claims = received.jws_claims or {}
    jose.check_header(header)
    credential = received.credential
    issuer = _issuer_id(credential) or ""
    iss = claims.get("iss")
    if isinstance(iss, str) and issuer and iss != issuer:
        findings.failures.append(f"wrong issuer: the token is from {iss}, the credential names "
                                 f"{issuer}")
    issuer = issuer or (iss if isinstance(iss, str) else "")
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    embedded = header.get("jwk")
    key: VerifyingKey | None = None
    method: str | None = None
    if (kid and kid.startswith("did:key:")) or issuer.startswith("did:key:"):
        method = kid if kid and kid.startswith("did:key:") else issuer
        controller, key = resolve_did_key(method)
        _bind(controller, issuer, key, keys, findings)
        if isinstance(embedded, dict) and not same_key(public_key_from_jwk(embedded), key):
            raise CredentialError("the token's header carries another key than the issuer's "
                                  "(jwk): the key points elsewhere")
    elif kid and keys.get(kid) is not None:
        cached = keys.get(kid)
        assert cached is not None
        key, method = cached.public_key(), kid
        _bind(cached.controller, issuer, key, keys, findings)
    elif isinstance(embedded, dict):
        key = public_key_from_jwk(embedded)
        method = "the key in the token's header"
        if not any(same_key(c.public_key(), key) for c in keys.for_issuer(issuer)):
            findings.network.append(f"the token brings its own key (jwk); that {issuer} "
                                    "publishes this key needs a network check")
    elif keys.for_issuer(issuer):
        candidates = keys.for_issuer(issuer)
        for cached in candidates:
            try:
                jose.verify_compact(received.payload, cached.public_key())
            except CredentialError:
                continue
            findings.signed_by = cached.verification_method
            break
        else:
            findings.failures.append("the signature does not match any key the issuer is known "
                                     "to use")
        _check_jwt_claims(claims, credential, moment, findings)
        return
    else:
        who = issuer or "an unnamed issuer"
        findings.network.append(f"the issuer's key is published online (by {who}) and is not "
                                "in the key cache; checking the signature needs the network")
        _check_jwt_claims(claims, credential, moment, findings)
        return
    jose.verify_compact(received.payload, key)
    findings.signed_by = method
    _check_jwt_claims(claims, credential, moment, findings)


def _check_jwt_claims(claims: dict[str, Any], credential: dict[str, Any], moment: datetime,
                      findings: _Findings) -> None:
    for name, late in (("nbf", False), ("exp", True)):
        value = claims.get(name)
        if value is None:
            continue
        if not isinstance(value, int | float) or isinstance(value, bool):
            findings.failures.append(f"malformed: the token's {name} is not a time")
            continue
        when = datetime.fromtimestamp(value, UTC)
        if late and moment >= when:
            findings.failures.append(f"expired on {when:%Y-%m-%d}")
        if not late and moment < when:
            findings.failures.append(f"not yet valid: valid from {when:%Y-%m-%d %H:%M} UTC")
    subject = credential.get("credentialSubject")
    subject_id = subject.get("id") if isinstance(subject, dict) else None
    sub = claims.get("sub")
    if sub is None:
        if "aud" in claims:
            findings.warnings.append("the token names its recipient in aud, not sub")
    elif subject_id is not None and sub != subject_id:
        findings.failures.append("the token's sub names another recipient than the "
                                 "credential's subject")
    jti = claims.get("jti")
    if jti is not None and credential.get("id") is not None and jti != credential.get("id"):
        findings.failures.append("the token's jti is not the credential's id")


# --- OB 2.0 -------------------------------------------------------------------------------

def _check_ob2(received: ReceivedCredential, moment: datetime, keys: KeyCache,
               findings: _Findings) -> None:
    assertion = received.credential
    verification = assertion.get("verification")
    kind = verification.get("type") if isinstance(verification, dict) else None
    if received.is_jws:
        jose.check_header(received.jws_header or {})
        creator = verification.get("creator") if isinstance(verification, dict) else None
        cached = keys.get(creator) if isinstance(creator, str) else None
        if cached is None:
            findings.network.append("a signed Open Badges 2.0 assertion: its issuer's key is "
                                    f"published online ({creator or 'no key named'}); checking "
                                    "the signature needs the network")
        else:
            jose.verify_compact(received.payload, cached.public_key())
            findings.signed_by = creator
    elif str(kind).lower() in ("hosted", "hostedbadge"):
        findings.network.append("a hosted Open Badges 2.0 badge: the issuer's copy at "
                                f"{assertion.get('id')} must be checked online")
    elif str(kind).lower() in ("signed", "signedbadge"):
        findings.failures.append("an Open Badges 2.0 assertion marked as signed comes without "
                                 "its signature")
    else:
        findings.failures.append("an Open Badges 2.0 assertion without a verification method")
    if str(assertion.get("revoked")).lower() == "true":
        findings.failures.append("the issuer revoked this badge")
    expires = _parse_date(assertion.get("expires"), "expires", findings)
    if expires is not None and moment >= expires:
        findings.failures.append(f"expired on {expires.astimezone(UTC):%Y-%m-%d}")


# --- what the credential says -------------------------------------------------------------

def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _image(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("id")
    return _text(value)


def _results(subject: dict[str, Any], achievement: dict[str, Any]) -> tuple[tuple[str, str],
                                                                             ...]:
    raw = subject.get("result")
    if not isinstance(raw, list):
        return ()
    descriptions = {d.get("id"): d for d in achievement.get("resultDescription", [])
                    if isinstance(d, dict)} if isinstance(
        achievement.get("resultDescription"), list) else {}
    out = []
    for result in raw:
        if not isinstance(result, dict):
            continue
        described = result.get("resultDescription")
        description = descriptions.get(described, {})
        label = _text(description.get("name")) or _text(described) or "result"
        level_id = result.get("achievedLevel")
        level_name = next((lv.get("name") for lv in description.get("rubricCriterionLevel", [])
                           if isinstance(lv, dict) and lv.get("id") == level_id), None)
        value = _text(level_name) or _text(level_id) or _text(str(result.get("value", ""))) \
            or ""
        out.append((label, value))
    return tuple(out)


def _describe(received: ReceivedCredential, findings: _Findings) -> Verification:
    credential = received.credential
    state = findings.state()
    reasons = tuple(findings.failures if state is VerificationState.FAILED
                    else findings.network)
    if received.is_ob2:
        raw_badge = credential.get("badge")
        badge: dict[str, Any] = raw_badge if isinstance(raw_badge, dict) else {}
        raw_issuer = badge.get("issuer")
        ob2_issuer: dict[str, Any] = raw_issuer if isinstance(raw_issuer, dict) else {}
        recipient = credential.get("recipient")
        scratch = _Findings()
        return Verification(
            state, reasons, tuple(findings.warnings), received.format,
            issuer_id=_text(ob2_issuer.get("id")) or _text(badge.get("issuer")),
            issuer_name=_text(ob2_issuer.get("name")),
            achievement_id=_text(badge.get("id")) or _text(credential.get("badge")),
            achievement_name=_text(badge.get("name")), achievement_type="OB 2.0 BadgeClass",
            subject_id=_text(recipient.get("identity")) if isinstance(recipient, dict) else None,
            valid_from=_parse_date(credential.get("issuedOn"), "issuedOn", scratch),
            valid_until=_parse_date(credential.get("expires"), "expires", scratch),
            awarded=_parse_date(credential.get("issuedOn"), "issuedOn", scratch),
            image=_image(credential.get("image")) or _image(badge.get("image")),
            evidence=tuple(e for e in _as_list(credential.get("evidence"))
                           if isinstance(e, dict)),
            signed_by=findings.signed_by)
    issuer = credential.get("issuer")
    subject = credential.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    achievement = subject.get("achievement")
    achievement = achievement if isinstance(achievement, dict) else {}
    claims = received.jws_claims or {}
    scratch = _Findings()
    subject_id = _text(subject.get("id")) or _text(claims.get("sub")) or _text(claims.get("aud"))
    return Verification(
        state, reasons, tuple(findings.warnings), received.format,
        issuer_id=_issuer_id(credential),
        issuer_name=_text(issuer.get("name")) if isinstance(issuer, dict) else None,
        achievement_id=_text(achievement.get("id")),
        achievement_name=_text(achievement.get("name")) or _text(credential.get("name")),
        achievement_type=_text(achievement.get("achievementType")),
        subject_id=subject_id,
        valid_from=_parse_date(credential.get("validFrom", credential.get("issuanceDate")),
                               "validFrom", scratch),
        valid_until=_parse_date(credential.get("validUntil", credential.get("expirationDate")),
                                "validUntil", scratch),
        awarded=_parse_date(credential.get("awardedDate"), "awardedDate", scratch),
        image=_image(achievement.get("image")) or _image(credential.get("image")),
        results=_results(subject, achievement),
        evidence=tuple(e for e in _as_list(credential.get("evidence")) if isinstance(e, dict)),
        signed_by=findings.signed_by)


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
