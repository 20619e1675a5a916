"""The issuer's Ed25519 signing key (made on first run, kept in a 0600 PEM file), its did:key
identifier and compact JWS signing and verification (alg EdDSA); any thread."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_ED25519_MULTICODEC = b"\xed\x01"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _B58[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def base58btc_decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + _B58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def did_key(public: Ed25519PublicKey) -> str:
    """The did:key of an Ed25519 public key (multicodec 0xed01, multibase base58btc)."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return "did:key:z" + base58btc(_ED25519_MULTICODEC + raw)


def public_key_of_did(did: str) -> Ed25519PublicKey:
    """The Ed25519 public key a did:key (or a DID URL of one) names."""
    identifier = did.split("#", 1)[0]
    if not identifier.startswith("did:key:z"):
        raise ValueError(f"not an Ed25519 did:key: {did}")
    raw = base58btc_decode(identifier.removeprefix("did:key:z"))
    if not raw.startswith(_ED25519_MULTICODEC) or len(raw) != 34:
        raise ValueError(f"not an Ed25519 did:key: {did}")
    return Ed25519PublicKey.from_public_bytes(raw[2:])


@dataclass(frozen=True)
class IssuerKey:
    private: Ed25519PrivateKey

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()

    @property
    def did(self) -> str:
        return did_key(self.public)

    @property
    def kid(self) -> str:
        """The verification method: did:key:z…#z… (the key's own fragment)."""
        return f"{self.did}#{self.did.removeprefix('did:key:')}"

    @property
    def jwk(self) -> dict[str, str]:
        raw = self.public.public_bytes(serialization.Encoding.Raw,
                                       serialization.PublicFormat.Raw)
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}

    def sign_jws(self, payload: dict[str, Any], header: dict[str, Any]) -> str:
        """A compact JWS (RFC 7515) of `payload` with alg EdDSA (RFC 8037)."""
        protected = {"alg": "EdDSA", **header}
        signing_input = (b64url(_canonical(protected)) + "." + b64url(_canonical(payload)))
        signature = self.private.sign(signing_input.encode("ascii"))
        return signing_input + "." + b64url(signature)


def _canonical(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False,
                      sort_keys=True).encode("utf-8")


def verify_jws(token: str, public: Ed25519PublicKey) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and payload of a compact EdDSA JWS whose signature `public` verifies;
    ValueError otherwise."""
    try:
        header_part, payload_part, signature_part = token.split(".")
        header = json.loads(b64url_decode(header_part))
        payload = json.loads(b64url_decode(payload_part))
        signature = b64url_decode(signature_part)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"not a compact JWS: {exc}") from None
    if not isinstance(header, dict) or header.get("alg") != "EdDSA":
        raise ValueError("the JWS is not signed with EdDSA")
    try:
        public.verify(signature, f"{header_part}.{payload_part}".encode("ascii"))
    except InvalidSignature:
        raise ValueError("the JWS signature does not verify") from None
    if not isinstance(payload, dict):
        raise ValueError("the JWS payload is not a JSON object")
    return header, payload


def load_or_create_key(path: Path) -> IssuerKey:
    """The issuer's key from `path`, made there (mode 0600, PKCS#8 PEM) on first run."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            return load_or_create_key(path)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        return IssuerKey(key)
    loaded = serialization.load_pem_private_key(data, password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 private key")
    return IssuerKey(loaded)
