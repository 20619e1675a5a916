"""Multibase (base58btc) and multicodec public keys, and did:key resolved offline (Ed25519,
P-256); any thread."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from mcdesk.credentials.errors import CredentialError

PublicKey = Ed25519PublicKey | ec.EllipticCurvePublicKey

_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
ED25519_PUB = b"\xed\x01"
P256_PUB = b"\x80\x24"
# A did:key or multibase key is tens of characters; anything far longer is not a key.
_MAX_MULTIBASE = 200


def base58btc_encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _BASE58[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def base58btc_decode(text: str) -> bytes:
    if len(text) > 4 * _MAX_MULTIBASE:
        raise CredentialError("a base58 value is far too long")
    number = 0
    for char in text:
        index = _BASE58.find(char)
        if index < 0:
            raise CredentialError(f"{char!r} is not a base58 character")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def multibase_decode(text: str) -> bytes:
    """Only base58btc ("z…"), the encoding every Data Integrity suite here uses."""
    if not text.startswith("z"):
        raise CredentialError("the value is not multibase base58btc (it must start with z)")
    return base58btc_decode(text[1:])


def public_key_from_multikey(multibase: str) -> PublicKey:
    """The key a multibase multicodec value names (Ed25519 0xed01, P-256 compressed 0x1200)."""
    if len(multibase) > _MAX_MULTIBASE:
        raise CredentialError("the key is far too long to be a public key")
    raw = multibase_decode(multibase)
    if raw.startswith(ED25519_PUB) and len(raw) == 34:
        return Ed25519PublicKey.from_public_bytes(raw[2:])
    if raw.startswith(P256_PUB) and len(raw) == 35:
        try:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
        except ValueError:
            raise CredentialError("the P-256 key is not a point on the curve") from None
    raise CredentialError("the key is neither an Ed25519 nor a P-256 public key")


def resolve_did_key(did_url: str) -> tuple[str, PublicKey]:
    """(the did:key itself, its public key) for a did:key or a DID URL of one; offline."""
    did = did_url.split("#", 1)[0]
    if not did.startswith("did:key:"):
        raise CredentialError(f"{did} is not a did:key")
    fragment = did_url.split("#", 1)[1] if "#" in did_url else None
    identifier = did.removeprefix("did:key:")
    if fragment is not None and fragment != identifier:
        raise CredentialError(f"{did_url} names a key that is not the did:key's own key")
    return did, public_key_from_multikey(identifier)
