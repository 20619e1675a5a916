"""Open Badges 2.0 assertions: hosted ones (JSON, baked in PNG or SVG) need a network check,
signed ones (JWS) verify with their issuer's key from the cache; test thread."""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

from mcdesk.credentials.keys import CachedKey, MemoryKeyCache
from mcdesk.credentials.received import CredentialFormat, read_credential
from mcdesk.credentials.verification import VerificationState, verify_bytes
from tests.credentials.signing import NOW, jws, rsa_key
from tests.credentials.test_bad_input import tiny_png

KEY_URL = "https://badges.example.org/public-key"


def assertion(kind: str) -> dict[str, Any]:
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://badges.example.org/assertions/123",
        "recipient": {"type": "email", "hashed": True,
                      "identity": "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1"
                                  "bba46e865c5"},
        "badge": {"type": "BadgeClass", "id": "https://badges.example.org/badges/wait-time",
                  "name": "Wait Time", "issuer": {"type": "Issuer", "name": "Old Issuer",
                                                  "id": "https://badges.example.org/issuer"}},
        "issuedOn": "2019-05-01T00:00:00Z",
        "verification": {"type": kind, **({"creator": KEY_URL} if kind == "signed" else {})},
    }


def baked_ob2_png(text: str) -> bytes:
    png = tiny_png()
    data = b"openbadges\0\0\0\0\0" + text.encode()
    chunk = (struct.pack(">I", len(data)) + b"iTXt" + data
             + struct.pack(">I", zlib.crc32(b"iTXt" + data) & 0xFFFFFFFF))
    return png[:-12] + chunk + png[-12:]


def test_a_hosted_assertion_needs_a_network_check_in_every_container() -> None:
    text = json.dumps(assertion("hosted"))
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
           f'<openbadges:assertion verify="https://badges.example.org/assertions/123">'
           f"<![CDATA[{text}]]></openbadges:assertion></svg>")
    for data, name in ((text.encode(), "a.json"), (baked_ob2_png(text), "a.png"),
                       (svg.encode(), "a.svg"),
                       (baked_ob2_png("https://badges.example.org/assertions/123"), "u.png")):
        result = verify_bytes(data, name, now=NOW)
        assert result.state is VerificationState.NEEDS_NETWORK, (name, result.reasons)
        assert "hosted Open Badges 2.0 badge" in result.reasons[0]
    result = verify_bytes(text.encode(), "a.json", now=NOW)
    assert result.format is CredentialFormat.OB2
    assert result.achievement_name == "Wait Time" and result.issuer_name == "Old Issuer"


def test_a_signed_assertion_verifies_with_its_cached_key() -> None:
    key = rsa_key()
    token = jws(key, assertion("signed"), {})
    received = read_credential(token.encode(), "a.jws")
    assert received.format is CredentialFormat.OB2 and received.is_ob2
    offline = verify_bytes(token.encode(), "a.jws", now=NOW)
    assert offline.state is VerificationState.NEEDS_NETWORK
    assert KEY_URL in offline.reasons[0]
    cache = MemoryKeyCache()
    cache.add(CachedKey(KEY_URL, "https://badges.example.org/issuer",
                        public_key_jwk=key.jwk()))
    assert verify_bytes(token.encode(), "a.jws", now=NOW, keys=cache).state \
        is VerificationState.VERIFIED
    baked = verify_bytes(baked_ob2_png(token), "a.png", now=NOW, keys=cache)
    assert baked.state is VerificationState.VERIFIED and baked.format is CredentialFormat.PNG
    head, body, _signature = token.split(".")
    unsigned = f"{head}.{body}."
    assert verify_bytes(unsigned.encode(), "a.jws", now=NOW, keys=cache).state \
        is VerificationState.FAILED
    none = jws(key, assertion("signed"), {"alg": "none"})
    result = verify_bytes(none.encode(), "n.jws", now=NOW, keys=cache)
    assert result.state is VerificationState.FAILED
    assert result.reasons == ('the token is not signed (alg "none")',)


def test_a_signed_assertion_without_its_signature_or_revoked_fails() -> None:
    bare = verify_bytes(json.dumps(assertion("signed")).encode(), "a.json", now=NOW)
    assert bare.state is VerificationState.FAILED
    assert "without its signature" in bare.reasons[0]
    revoked = assertion("hosted") | {"revoked": True}
    result = verify_bytes(json.dumps(revoked).encode(), "r.json", now=NOW)
    assert result.state is VerificationState.FAILED
    assert "the issuer revoked this badge" in result.reasons
