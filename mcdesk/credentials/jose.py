"""Compact JWS signatures checked with joserfc (EdDSA, ES256, RS256 only; alg none and keys
named in the header refused); any thread."""

from __future__ import annotations

from typing import Any, Literal

from mcdesk.credentials.errors import CredentialError
from mcdesk.credentials.keys import VerifyingKey, pem_of

ALLOWED_ALGORITHMS = ("EdDSA", "ES256", "RS256")
# Header members that point at a key somewhere else: trusting them lets anyone sign.
KEY_POINTERS = ("jku", "x5u", "x5c")
# An RSA key in a `jwk` header member makes headers of 500+ bytes: joserfc's default of 512
# refuses 1EdTech's own samples.
MAX_HEADER_BYTES = 16 * 1024
MAX_PAYLOAD_BYTES = 6 * 1024 * 1024


def check_header(header: dict[str, Any]) -> str:
    """The algorithm, or CredentialError for none, an unknown one, or a key pointer."""
    alg = header.get("alg")
    if not isinstance(alg, str) or alg.lower() == "none":
        raise CredentialError('the token is not signed (alg "none")')
    if alg not in ALLOWED_ALGORITHMS:
        raise CredentialError(f'the token is signed with "{alg}"; mcdesk accepts '
                              + ", ".join(ALLOWED_ALGORITHMS))
    for member in KEY_POINTERS:
        if member in header:
            raise CredentialError(f'the token\'s header points to a key elsewhere ("{member}"); '
                                  "a key the token names itself proves nothing")
    return alg


def verify_compact(token: str, key: VerifyingKey) -> None:
    """Raise CredentialError unless `token`'s signature is valid under `key`."""
    from joserfc import jws
    from joserfc.errors import BadSignatureError, JoseError
    from joserfc.jwk import import_key

    from mcdesk.credentials.received import split_jws

    header, _claims = split_jws(token)
    alg = check_header(header)
    registry = _registry()
    try:
        joserfc_key = import_key(pem_of(key), _key_type(key))
        jws.deserialize_compact(token, joserfc_key, algorithms=[alg], registry=registry)
    except BadSignatureError:
        raise CredentialError("the signature does not match: the credential was changed after "
                              "it was signed, or not signed with this key") from None
    except JoseError as exc:
        raise CredentialError(f"the token cannot be checked ({exc.description or exc})") \
            from None
    except (ValueError, TypeError) as exc:
        raise CredentialError(f"the token cannot be checked ({exc})") from None


def _key_type(key: VerifyingKey) -> Literal["OKP", "EC", "RSA"]:
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    if isinstance(key, ed25519.Ed25519PublicKey):
        return "OKP"
    if isinstance(key, ec.EllipticCurvePublicKey):
        return "EC"
    if isinstance(key, rsa.RSAPublicKey):
        return "RSA"
    raise CredentialError("the key is neither Ed25519, EC nor RSA")


def _registry() -> Any:
    from joserfc import jws
    from joserfc.errors import UnsupportedAlgorithmError

    class Registry(jws.JWSRegistry):
        """Only the three algorithms, and EdDSA without a warning: RFC 9864 deprecates the
        name "EdDSA" in favour of "Ed25519", but Open Badges 3.0 names it EdDSA."""

        max_header_length = MAX_HEADER_BYTES
        max_payload_length = MAX_PAYLOAD_BYTES

        def get_alg(self, name: str) -> Any:
            if name not in ALLOWED_ALGORITHMS or name not in self.algorithms:
                raise UnsupportedAlgorithmError(f"Algorithm of '{name}' is not allowed")
            return self.algorithms[name]

    return Registry(algorithms=list(ALLOWED_ALGORITHMS), strict_check_header=False)
