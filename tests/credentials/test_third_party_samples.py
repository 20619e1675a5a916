"""1EdTech's signed Open Badges 3.0 samples (read from ../shared, never copied): the valid ones
verify (fully once their issuer's key is in the key cache), the broken ones and tampered copies
fail, each with its reason; test thread."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from mcdesk.credentials.keys import CachedKey, MemoryKeyCache
from mcdesk.credentials.verification import VerificationState, verify_bytes
from tests.credentials.signing import NOW, OB30

pytestmark = pytest.mark.skipif(
    not OB30.is_dir(), reason=f"third-party OB 3.0 samples not found at {OB30} (../shared is "
                              "absent)")

EXAMPLE_METHODS = tuple(f"https://example.com/issuers/876543#{key}" for key in (
    "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi",
    "z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x"))


def sample(name: str) -> bytes:
    return (OB30 / name).read_bytes()


def example_corp_cache() -> MemoryKeyCache:
    """Example Corp's keys as if fetched once from its issuer profile."""
    cache = MemoryKeyCache()
    for method in EXAMPLE_METHODS:
        cache.add(CachedKey(verification_method=method,
                            controller="https://example.com/issuers/876543",
                            public_key_multibase=method.split("#")[1], source_sha256="0" * 64))
    return cache


@pytest.mark.parametrize("name", ["simple.json", "simple-json.png", "simple-json.svg"])
def test_valid_samples_verify_once_the_issuers_key_is_cached(name: str) -> None:
    result = verify_bytes(sample(name), name, now=NOW, keys=example_corp_cache())
    assert result.state is VerificationState.VERIFIED, result.reasons
    assert result.issuer_name == "Example Corp"
    assert result.achievement_name == "Teamwork"
    assert result.subject_id == "did:example:ebfeb1f712ebc6f1c276e12ec21"
    assert result.signed_by in EXAMPLE_METHODS


@pytest.mark.parametrize("name", ["simple.json", "simple-json.png", "simple-json.svg"])
def test_without_the_cached_key_the_signature_is_checked_but_the_key_needs_a_network_check(
        name: str) -> None:
    result = verify_bytes(sample(name), name, now=NOW)
    assert result.state is VerificationState.NEEDS_NETWORK
    assert result.reasons == ("the signature is valid for the key named in the credential, but "
                              "that https://example.com/issuers/876543 publishes this key needs "
                              "a network check",)


def test_a_did_key_sample_verifies_fully_offline() -> None:
    result = verify_bytes(sample("simple-did-key-method.json"), "x.json", now=NOW)
    assert result.state is VerificationState.VERIFIED, result.reasons
    assert result.achievement_type == "Achievement"
    assert any("cannot be looked up" in warning for warning in result.warnings)


def test_the_complete_sample_needs_its_revocation_list_checked() -> None:
    result = verify_bytes(sample("complete.json"), "complete.json", now=NOW)
    assert result.state is VerificationState.NEEDS_NETWORK
    assert any("1EdTechRevocationList" in reason for reason in result.reasons)
    assert result.achievement_name == "1EdTech University Degree"


def test_the_jwt_samples_need_the_issuers_key_and_accept_aud_for_the_recipient() -> None:
    token = verify_bytes(sample("simple.jwt"), "simple.jwt", now=NOW)
    assert token.state is VerificationState.NEEDS_NETWORK
    assert "published online" in token.reasons[0]
    baked = verify_bytes(sample("simple-jwt.png"), "simple-jwt.png", now=NOW)
    assert baked.state is VerificationState.NEEDS_NETWORK
    assert "brings its own key" in baked.reasons[0]
    assert "the token names its recipient in aud, not sub" in baked.warnings
    assert baked.subject_id == "did:example:ebfeb1f712ebc6f1c276e12ec21"


def _png_texts(png: bytes) -> dict[str, bytes]:
    out, position = {}, 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        kind = png[position + 4:position + 8]
        data = png[position + 8:position + 8 + length]
        if kind == b"iTXt":
            out[data.split(b"\0")[0].decode()] = data
        position += 12 + length
    return out


def test_the_baked_jwt_sample_verifies_with_its_issuers_key_cached() -> None:
    chunk = _png_texts(sample("simple-jwt.png"))["openbadgecredential"]
    token = chunk.split(b"\0")[-1].decode()
    header = json.loads(_b64(token.split(".")[0]))
    cache = MemoryKeyCache()
    cache.add(CachedKey(verification_method="https://1edtech.edu/issuers/565049#key-1",
                        controller="https://1edtech.edu/issuers/565049",
                        public_key_jwk=header["jwk"]))
    result = verify_bytes(sample("simple-jwt.png"), "simple-jwt.png", now=NOW, keys=cache)
    assert result.state is VerificationState.VERIFIED, result.reasons


def _b64(text: str) -> bytes:
    import base64

    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.mark.parametrize(("name", "reason"), [
    ("simple-err-proof-value.json", "the signature does not match"),
    ("simple-err-expired.json", "expired on 2010-01-01"),
    ("simple-err-evidence-type.json", 'evidence entry 2 is not of type "Evidence"'),
    ("simple-err-context.json", "the first @context must be the W3C Verifiable Credentials"),
    ("simple-noproof.json", "carries no proof"),
])
def test_broken_samples_fail_with_the_reason(name: str, reason: str) -> None:
    for keys in (None, example_corp_cache()):
        result = verify_bytes(sample(name), name, now=NOW,
                              **({"keys": keys} if keys else {}))  # type: ignore[arg-type]
        assert result.state is VerificationState.FAILED
        assert any(reason in r for r in result.reasons), result.reasons


@pytest.mark.parametrize(("name", "change"), [
    ("simple.json", lambda c: c["credentialSubject"]["achievement"].update(name="Leadership")),
    ("simple.json", lambda c: c.update(validFrom="2009-01-01T00:00:00Z")),
    ("simple.json", lambda c: c["issuer"].update(name="Example Corp.")),
    ("simple-did-key-method.json", lambda c: c["credentialSubject"].update(
        id="urn:uuid:00000000-0000-4000-8000-000000000000")),
    ("complete.json", lambda c: c.update(name="Another degree")),
])
def test_tampered_copies_fail(name: str, change: object, tmp_path: Path) -> None:
    data = json.loads(sample(name))
    change(data)  # type: ignore[operator]
    result = verify_bytes(json.dumps(data).encode(), name, now=NOW, keys=example_corp_cache())
    assert result.state is VerificationState.FAILED
    assert result.reasons == ("the signature does not match: the credential was changed after "
                              "it was signed, or not signed with this key",)


def test_a_tampered_baked_png_fails() -> None:
    png = sample("simple-jwt.png")
    chunk = _png_texts(png)["openbadgecredential"]
    token = chunk.split(b"\0")[-1].decode()
    head, body, signature = token.split(".")
    claims = json.loads(_b64(body))
    claims["credentialSubject"]["achievement"]["name"] = "Leadership"
    import base64

    forged_body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    forged_chunk = chunk.replace(token.encode(), f"{head}.{forged_body}.{signature}".encode())
    start = png.index(chunk) - 8
    new = (struct.pack(">I", len(forged_chunk)) + b"iTXt" + forged_chunk
           + struct.pack(">I", zlib.crc32(b"iTXt" + forged_chunk) & 0xFFFFFFFF))
    forged = png[:start] + new + png[start + 12 + len(chunk):]
    result = verify_bytes(forged, "forged.png", now=NOW)
    assert result.state is VerificationState.FAILED
    assert "signature does not match" in result.reasons[0]
