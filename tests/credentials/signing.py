"""Credentials signed for tests: keys of each kind (Ed25519, P-256, RSA), did:keys, compact JWS
with any header (also the bad ones a verifier must refuse), Data Integrity proofs, and the
1EdTech samples' folder; test thread."""

from __future__ import annotations

import base64
import copy
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from mcdesk.credentials import data_integrity
from mcdesk.credentials.multiformats import base58btc_encode

SHARED = Path(__file__).resolve().parents[3] / "shared"
OB30 = SHARED / "third_party" / "1edtech-validator" / "ob30"
NOW = datetime(2026, 6, 1, tzinfo=UTC)
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class TestKey:
    private: Any
    alg: str

    @property
    def did(self) -> str:
        public = self.private.public_key()
        if isinstance(self.private, Ed25519PrivateKey):
            raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            return "did:key:z" + base58btc_encode(b"\xed\x01" + raw)
        if isinstance(self.private, ec.EllipticCurvePrivateKey):
            raw = public.public_bytes(serialization.Encoding.X962,
                                      serialization.PublicFormat.CompressedPoint)
            return "did:key:z" + base58btc_encode(b"\x80\x24" + raw)
        raise ValueError("RSA keys have no did:key here")

    @property
    def kid(self) -> str:
        return f"{self.did}#{self.did.removeprefix('did:key:')}"

    def jwk(self) -> dict[str, str]:
        public = self.private.public_key()
        if isinstance(self.private, Ed25519PrivateKey):
            raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}
        if isinstance(self.private, ec.EllipticCurvePrivateKey):
            numbers = public.public_numbers()
            return {"kty": "EC", "crv": "P-256", "x": b64url(numbers.x.to_bytes(32, "big")),
                    "y": b64url(numbers.y.to_bytes(32, "big"))}
        numbers = public.public_numbers()
        size = (numbers.n.bit_length() + 7) // 8
        return {"kty": "RSA", "n": b64url(numbers.n.to_bytes(size, "big")),
                "e": b64url(numbers.e.to_bytes(3, "big"))}

    def sign(self, data: bytes) -> bytes:
        if isinstance(self.private, Ed25519PrivateKey):
            signature: bytes = self.private.sign(data)
            return signature
        if isinstance(self.private, ec.EllipticCurvePrivateKey):
            r, s = decode_dss_signature(self.private.sign(data, ec.ECDSA(hashes.SHA256())))
            return r.to_bytes(32, "big") + s.to_bytes(32, "big")
        rsa_signature: bytes = self.private.sign(data, padding.PKCS1v15(), hashes.SHA256())
        return rsa_signature


def ed25519() -> TestKey:
    return TestKey(Ed25519PrivateKey.generate(), "EdDSA")


def p256() -> TestKey:
    return TestKey(ec.generate_private_key(ec.SECP256R1()), "ES256")


def rsa_key() -> TestKey:
    return TestKey(rsa.generate_private_key(public_exponent=65537, key_size=2048), "RS256")


def jws(key: TestKey, payload: dict[str, Any], header: dict[str, Any]) -> str:
    """A compact JWS with exactly `header` (alg added unless given)."""
    full = {"alg": key.alg, **header}
    head = b64url(json.dumps(full, separators=(",", ":")).encode())
    body = b64url(json.dumps(payload, separators=(",", ":")).encode())
    if full["alg"] == "none":
        return f"{head}.{body}."
    return f"{head}.{body}.{b64url(key.sign(f'{head}.{body}'.encode()))}"


def credential(issuer: str, **changes: Any) -> dict[str, Any]:
    """A small OB 3.0 credential from `issuer`."""
    made: dict[str, Any] = {
        "@context": [VC_V2, OB_303],
        "id": "urn:uuid:5f0b3a4e-6a0e-4c5f-9d0e-2f2d9e7a1c11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Test Issuer"},
        "validFrom": "2026-01-01T00:00:00Z",
        "name": "Wait Time",
        "credentialSubject": {
            "id": "urn:uuid:0c8f4b7e-1b1e-4f8e-9a4e-7f1d2c3b4a59",
            "type": ["AchievementSubject"],
            "achievement": {"id": "https://example.org/achievements/wait-time",
                            "type": ["Achievement"], "name": "Wait Time",
                            "description": "Waits after asking.",
                            "criteria": {"narrative": "Wait three seconds."}},
        },
    }
    made.update(changes)
    return made


def vc_jwt(key: TestKey, cred: dict[str, Any] | None = None, *, header: dict[str, Any] | None
           = None, **claims: Any) -> str:
    cred = cred if cred is not None else credential(key.did)
    payload = {"vc": cred, "iss": cred["issuer"]["id"], "jti": cred["id"],
               "sub": cred["credentialSubject"]["id"], "nbf": 1767225600, **claims}
    return jws(key, {k: v for k, v in payload.items() if v is not None},
               header if header is not None else {"typ": "JWT", "kid": key.kid})


def signed_json(key: TestKey, cred: dict[str, Any] | None = None, *,
                suite: str = "eddsa-rdfc-2022", method: str | None = None) -> dict[str, Any]:
    cred = copy.deepcopy(cred if cred is not None else credential(key.did))
    return data_integrity.sign(cred, key.private, verification_method=method or key.kid,
                               created="2026-01-01T00:00:00Z", cryptosuite=suite)
