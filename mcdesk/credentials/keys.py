"""Where verification finds issuers' public keys: did:key offline, and a small cache of keys
fetched once online (with the hash of what was fetched); any thread."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from cryptography.hazmat.primitives import serialization

from mcdesk.credentials.errors import CredentialError
from mcdesk.credentials.multiformats import PublicKey, public_key_from_multikey

VerifyingKey = Any  # a cryptography public key: Ed25519, EC or RSA


@dataclass(frozen=True)
class CachedKey:
    """A key fetched once online: which verification method, whose, the key (a JWK or a
    multibase value) and the sha256 of the document it came from."""

    verification_method: str
    controller: str
    public_key_jwk: Mapping[str, Any] | None = None
    public_key_multibase: str | None = None
    source_sha256: str = ""
    fetched: datetime | None = None

    def public_key(self) -> VerifyingKey:
        if self.public_key_multibase:
            return public_key_from_multikey(self.public_key_multibase)
        if self.public_key_jwk:
            return public_key_from_jwk(self.public_key_jwk)
        raise CredentialError(f"the cached key for {self.verification_method} is empty")


class KeyCache(Protocol):
    """Keys fetched online earlier; verification only reads it (fetching is elsewhere)."""

    def get(self, verification_method: str) -> CachedKey | None: ...

    def for_issuer(self, issuer_id: str) -> tuple[CachedKey, ...]: ...


@dataclass
class MemoryKeyCache:
    """A KeyCache held in memory (the portfolio may keep its own in the database)."""

    keys: dict[str, CachedKey] = field(default_factory=dict)

    def add(self, key: CachedKey) -> None:
        self.keys[key.verification_method] = key

    def get(self, verification_method: str) -> CachedKey | None:
        return self.keys.get(verification_method)

    def for_issuer(self, issuer_id: str) -> tuple[CachedKey, ...]:
        return tuple(k for k in self.keys.values() if k.controller == issuer_id)


EMPTY_CACHE = MemoryKeyCache()


def document_sha256(document: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True,
                                     separators=(",", ":")).encode()).hexdigest()


def public_key_from_jwk(jwk: Mapping[str, Any]) -> VerifyingKey:
    """A public key from a JWK (OKP Ed25519, EC P-256, RSA); private members are refused."""
    from joserfc.errors import JoseError
    from joserfc.jwk import import_key

    if "d" in jwk:
        raise CredentialError("a private key was offered where a public key belongs")
    try:
        kty = jwk.get("kty")
        if kty not in ("OKP", "EC", "RSA"):
            raise CredentialError(f"the key type {kty!r} is not one mcdesk verifies with")
        key = import_key(dict(jwk), kty)
    except (JoseError, ValueError, TypeError, KeyError) as exc:
        raise CredentialError(f"the key cannot be read ({exc})") from None
    return key.public_key


def same_key(left: VerifyingKey, right: VerifyingKey) -> bool:
    def raw(key: VerifyingKey) -> bytes:
        encoded: bytes = key.public_bytes(serialization.Encoding.DER,
                                          serialization.PublicFormat.SubjectPublicKeyInfo)
        return encoded
    try:
        return raw(left) == raw(right)
    except (AttributeError, ValueError):
        return False


def pem_of(key: PublicKey | VerifyingKey) -> bytes:
    pem: bytes = key.public_bytes(serialization.Encoding.PEM,
                                  serialization.PublicFormat.SubjectPublicKeyInfo)
    return pem
