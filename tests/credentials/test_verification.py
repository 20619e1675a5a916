"""Offline verification of credentials signed here with every suite and algorithm mcdesk
accepts, and the three outcomes: verified, needs a network check, failed with the reason;
test thread."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from mcdesk.credentials.keys import CachedKey, MemoryKeyCache
from mcdesk.credentials.received import CredentialFormat
from mcdesk.credentials.vc_jwt import CredentialError, verify_vc_jwt
from mcdesk.credentials.verification import Verification, VerificationState, verify_bytes
from tests.credentials.signing import (
    NOW,
    credential,
    ed25519,
    p256,
    rsa_key,
    signed_json,
    vc_jwt,
)

VERIFIED = VerificationState.VERIFIED
FAILED = VerificationState.FAILED
NEEDS_NETWORK = VerificationState.NEEDS_NETWORK


def check(data: str | dict[str, Any], name: str = "credential.json",
          **options: Any) -> Verification:
    raw = data if isinstance(data, str) else json.dumps(data)
    return verify_bytes(raw.encode("utf-8"), name, now=options.pop("now", NOW), **options)


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", "eddsa-2022", "Ed25519Signature2020"])
def test_data_integrity_suites_verify_offline_with_a_did_key(suite: str) -> None:
    key = ed25519()
    cred = credential(key.did)
    if suite == "Ed25519Signature2020":  # its proof terms come from a context of its own
        cred["@context"].append("https://w3id.org/security/suites/ed25519-2020/v1")
    result = check(signed_json(key, cred, suite=suite))
    assert result.state is VERIFIED, result.reasons
    assert result.format is CredentialFormat.OB3_JSON
    assert result.issuer_id == key.did
    assert result.issuer_name == "Test Issuer"
    assert result.achievement_name == "Wait Time"
    assert result.signed_by == key.kid
    assert result.reasons == () and result.warnings == ()


@pytest.mark.parametrize("make", [ed25519, p256])
def test_vc_jwts_with_eddsa_and_es256_verify_offline_with_a_did_key(make: Any) -> None:
    key = make()
    result = check(vc_jwt(key), "badge.jwt")
    assert result.state is VERIFIED, result.reasons
    assert result.format is CredentialFormat.VC_JWT
    assert result.subject_id == "urn:uuid:0c8f4b7e-1b1e-4f8e-9a4e-7f1d2c3b4a59"
    verified = verify_vc_jwt(vc_jwt(key), now=NOW)
    assert verified.issuer == key.did


def test_rs256_verifies_with_a_cached_key_and_otherwise_needs_the_network() -> None:
    key = rsa_key()
    issuer = "https://issuer.example.org/profile"
    token = vc_jwt(key, credential(issuer), header={"typ": "JWT", "kid": f"{issuer}#key-1"})
    offline = check(token, "rs.jwt")
    assert offline.state is NEEDS_NETWORK
    assert offline.reasons == ("the issuer's key is published online (by https://issuer.example"
                               ".org/profile) and is not in the key cache; checking the "
                               "signature needs the network",)
    cache = MemoryKeyCache()
    cache.add(CachedKey(f"{issuer}#key-1", issuer, public_key_jwk=key.jwk()))
    assert check(token, "rs.jwt", keys=cache).state is VERIFIED
    other = MemoryKeyCache()
    other.add(CachedKey(f"{issuer}#key-1", issuer, public_key_jwk=rsa_key().jwk()))
    forged = check(token, "rs.jwt", keys=other)
    assert forged.state is FAILED
    assert "signature does not match" in forged.reasons[0]


def test_a_key_published_only_online_needs_a_network_check() -> None:
    key = ed25519()
    issuer = "did:web:issuer.example.org"
    result = check(signed_json(key, credential(issuer), method=f"{issuer}#key-1"))
    assert result.state is NEEDS_NETWORK
    assert "did:web:issuer.example.org#key-1" in result.reasons[0]
    cache = MemoryKeyCache()
    cache.add(CachedKey(f"{issuer}#key-1", issuer, public_key_jwk=key.jwk()))
    assert check(signed_json(key, credential(issuer), method=f"{issuer}#key-1"),
                 keys=cache).state is VERIFIED


def test_a_status_list_needs_a_network_check_even_when_the_signature_is_valid() -> None:
    key = ed25519()
    status = {"id": "https://issuer.example.org/status/1#94567", "type": "BitstringStatusListEntry",
              "statusPurpose": "revocation", "statusListIndex": "94567",
              "statusListCredential": "https://issuer.example.org/status/1"}
    result = check(signed_json(key, credential(key.did, credentialStatus=status)))
    assert result.state is NEEDS_NETWORK
    assert result.reasons == ("the issuer publishes a status list (BitstringStatusListEntry); "
                              "whether the credential was revoked needs a network check",)


def test_a_context_not_shipped_needs_a_network_check_and_is_never_fetched() -> None:
    key = ed25519()
    cred = credential(key.did)
    cred["@context"] = [*cred["@context"], "https://contexts.example.org/extra.jsonld"]
    result = check(signed_json(key, credential(key.did)) | {"@context": cred["@context"]})
    assert result.state is NEEDS_NETWORK
    assert "https://contexts.example.org/extra.jsonld is not among the contexts shipped" \
        in result.reasons[0]


@pytest.mark.parametrize(("changes", "reason"), [
    ({"validFrom": "2027-01-01T00:00:00Z"}, "not yet valid: valid from 2027-01-01 00:00 UTC"),
    ({"validUntil": "2026-03-01T00:00:00Z"}, "expired on 2026-03-01"),
    ({"validFrom": "yesterday"}, "malformed: validFrom is not a date (yesterday)"),
])
def test_dates_outside_the_validity_fail(changes: dict[str, Any], reason: str) -> None:
    key = ed25519()
    result = check(signed_json(key, credential(key.did, **changes)))
    assert result.state is FAILED
    assert reason in result.reasons


def test_jwt_times_are_checked() -> None:
    key = ed25519()
    expired = check(vc_jwt(key, exp=int((NOW - timedelta(days=1)).timestamp())), "x.jwt")
    assert expired.state is FAILED and expired.reasons == ("expired on 2026-05-31",)
    early = check(vc_jwt(key, nbf=int((NOW + timedelta(days=1)).timestamp())), "x.jwt")
    assert early.state is FAILED and early.reasons[0].startswith("not yet valid")


def test_the_recipient_in_aud_without_sub_is_accepted_with_a_warning() -> None:
    key = ed25519()
    cred = credential(key.did)
    token = vc_jwt(key, cred, sub=None, aud=cred["credentialSubject"]["id"])
    result = check(token, "x.jwt")
    assert result.state is VERIFIED
    assert result.warnings == ("the token names its recipient in aud, not sub",)
    other = check(vc_jwt(key, cred, sub="urn:uuid:someone-else"), "x.jwt")
    assert other.state is FAILED
    assert "sub names another recipient" in other.reasons[0]


def test_wrong_issuer_for_the_key_fails() -> None:
    signer, named = ed25519(), ed25519()
    proof = check(signed_json(signer, credential(named.did)))
    assert proof.state is FAILED
    assert proof.reasons == (f"wrong issuer for the key: signed with a key of {signer.did}, but "
                             f"the credential names {named.did} as issuer",)
    token = check(vc_jwt(signer, credential(named.did)), "x.jwt")
    assert token.state is FAILED
    assert token.reasons[0].startswith("wrong issuer for the key")


def test_a_forgery_signed_by_another_key_in_the_issuers_name_fails() -> None:
    issuer, forger = ed25519(), ed25519()
    forged_proof = signed_json(forger, credential(issuer.did), method=issuer.kid)
    result = check(forged_proof)
    assert result.state is FAILED
    assert "signature does not match" in result.reasons[0]
    forged_token = vc_jwt(forger, credential(issuer.did),
                          header={"typ": "JWT", "kid": issuer.kid})
    assert check(forged_token, "x.jwt").state is FAILED
    with pytest.raises(CredentialError, match="signature does not match"):
        verify_vc_jwt(forged_token, now=NOW)


@pytest.mark.parametrize(("header", "reason"), [
    ({"alg": "none"}, 'the token is not signed (alg "none")'),
    ({"alg": "HS256"}, 'the token is signed with "HS256"; mcdesk accepts EdDSA, ES256, RS256'),
    ({"jku": "https://attacker.example/keys.json"}, "points to a key elsewhere (\"jku\")"),
    ({"x5u": "https://attacker.example/cert.pem"}, "points to a key elsewhere (\"x5u\")"),
])
def test_unsigned_tokens_and_headers_pointing_the_key_elsewhere_fail(
        header: dict[str, Any], reason: str) -> None:
    key = ed25519()
    result = check(vc_jwt(key, header={"typ": "JWT", "kid": key.kid, **header}), "x.jwt")
    assert result.state is FAILED
    assert any(reason in r for r in result.reasons), result.reasons


def test_a_header_jwk_other_than_the_issuers_key_fails() -> None:
    key, attacker = ed25519(), ed25519()
    result = check(vc_jwt(attacker, credential(key.did),
                          header={"typ": "JWT", "kid": key.kid, "jwk": attacker.jwk()}), "x.jwt")
    assert result.state is FAILED
    assert "another key than the issuer's" in result.reasons[0]
    own = check(vc_jwt(key, header={"typ": "JWT", "kid": key.kid, "jwk": key.jwk()}), "x.jwt")
    assert own.state is VERIFIED


def test_properties_the_context_does_not_define_are_refused() -> None:
    key = ed25519()
    cred = credential(key.did)
    cred["@context"] = ["https://www.w3.org/2018/credentials/v1", cred["@context"][1],
                        "https://w3id.org/security/data-integrity/v1"]
    cred["issuanceDate"] = cred.pop("validFrom")
    signed = signed_json(key, cred)
    assert check(signed).state is VERIFIED
    # Added after signing: JSON-LD would drop it, so the signature alone would still match.
    result = check(signed | {"unsignedClaim": "anything"})
    assert result.state is FAILED
    assert any("unsignedClaim" in r for r in result.reasons), result.reasons


def test_a_credential_without_proof_or_of_another_kind_fails() -> None:
    key = ed25519()
    assert check(credential(key.did)).reasons == ("the credential carries no proof: anyone "
                                                  "could have written it",)
    other = check(signed_json(key) | {"type": ["VerifiableCredential"]})
    assert other.state is FAILED
    assert "not VerifiableCredential with OpenBadgeCredential" in other.reasons[0]


def test_a_did_key_signing_for_a_web_issuer_needs_a_network_check_or_the_cache() -> None:
    key = ed25519()
    issuer = "https://district.example.org/issuer"
    token = vc_jwt(key, credential(issuer))
    result = check(token, "x.jwt")
    assert result.state is NEEDS_NETWORK
    assert result.reasons == (f"that the issuer {issuer} uses the key {key.did} needs a "
                              "network check",)
    assert check(signed_json(key, credential(issuer))).reasons == result.reasons
    cache = MemoryKeyCache()
    cache.add(CachedKey(f"{issuer}#main", issuer, public_key_jwk=key.jwk()))
    assert check(token, "x.jwt", keys=cache).state is VERIFIED
    unbound = check(vc_jwt(key, credential("urn:uuid:7d0c2a39-4c1e-4b7e-a1a4-3e8c3c1c9b10")),
                    "x.jwt")
    assert unbound.state is VERIFIED
    assert unbound.warnings[0].startswith("the issuer's id urn:uuid:7d0c2a39")
