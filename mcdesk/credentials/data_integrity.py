"""Data Integrity proofs over JSON-LD credentials: eddsa-rdfc-2022, its older name eddsa-2022
and Ed25519Signature2020 (RDF canonicalization with pyld, contexts from the pinned set only),
checked and made; any thread."""

from __future__ import annotations

import copy
import hashlib
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld.canon import URDNA2015 as _URDNA2015

from mcdesk.credentials.contexts import UnpinnedContextError, document_loader
from mcdesk.credentials.errors import CredentialError
from mcdesk.credentials.multiformats import base58btc_encode, multibase_decode

EDDSA_CRYPTOSUITES = ("eddsa-rdfc-2022", "eddsa-2022")
MAX_DEEP_HASHES = 2000
SUPPORTED = "DataIntegrityProof (eddsa-rdfc-2022, eddsa-2022) or Ed25519Signature2020"


def suite_of(proof: dict[str, Any]) -> str | None:
    """The suite name this module verifies, or None."""
    kind = proof.get("type")
    if kind == "Ed25519Signature2020":
        return "Ed25519Signature2020"
    if kind == "DataIntegrityProof" and proof.get("cryptosuite") in EDDSA_CRYPTOSUITES:
        return str(proof["cryptosuite"])
    return None


def canonical_nquads(document: dict[str, Any]) -> str:
    """RDFC-1.0 (URDNA2015) N-Quads of `document`; a term its contexts do not define is refused,
    since it would not be covered by the signature."""
    from pyld import jsonld
    from pyld.context_resolver import ContextResolver

    dropped: list[str] = []

    def on_dropped(term: str | None) -> None:
        dropped.append(str(term))

    processor = jsonld.JsonLdProcessor(on_property_dropped=on_dropped)
    # A resolver of its own: pyld's shared cache could hold contexts another loader fetched.
    resolver = ContextResolver({}, document_loader)
    try:
        dataset = processor.to_rdf(document, {
            "documentLoader": document_loader, "contextResolver": resolver,
            "produceGeneralizedRdf": False, "base": "",
        })
        text = _BoundedCanonicalizer().main(dataset, {"format": "application/n-quads"})
    except jsonld.JsonLdError as exc:
        cause = _root_cause(exc)
        if isinstance(cause, UnpinnedContextError):
            raise cause from None
        if isinstance(cause, CredentialError):
            raise cause from None
        raise CredentialError(f"the credential is not valid JSON-LD ({_short(exc)})") from None
    if dropped:
        raise CredentialError("the credential has properties its @context does not define ("
                              + ", ".join(sorted(set(dropped))[:5])
                              + "), which the signature would not cover")
    return str(text)


class _BoundedCanonicalizer(_URDNA2015):  # type: ignore[misc]
    """RDFC-1.0 with a cap on the n-degree hashing that crafted ("poison") graphs of blank
    nodes make explode: a credential needs a handful of such steps, an attack millions."""

    def __init__(self) -> None:
        super().__init__()
        self.steps = 0

    def hash_n_degree_quads(self, id_: Any, issuer: Any) -> Any:
        self.steps += 1
        if self.steps > MAX_DEEP_HASHES:
            raise CredentialError("the credential's blank nodes are too entangled to "
                                  "canonicalize safely")
        return super().hash_n_degree_quads(id_, issuer)


def _root_cause(exc: BaseException) -> BaseException:
    seen = 0
    current: BaseException = exc
    while seen < 20:
        cause = getattr(current, "cause", None) or current.__cause__ or current.__context__
        if not isinstance(cause, BaseException):
            details = getattr(current, "details", None)
            inner = details.get("cause") if isinstance(details, dict) else None
            if isinstance(inner, BaseException):
                cause = inner
            else:
                return current
        current = cause
        seen += 1
    return current


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:200]


def hash_data(document: dict[str, Any], proof: dict[str, Any]) -> bytes:
    """sha256(canonical proof options) + sha256(canonical document without proof)."""
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    options["@context"] = copy.deepcopy(document.get("@context"))
    return (hashlib.sha256(canonical_nquads(options).encode("utf-8")).digest()
            + hashlib.sha256(canonical_nquads(unsecured).encode("utf-8")).digest())


def verify_proof(document: dict[str, Any], proof: dict[str, Any],
                 public_key: Ed25519PublicKey) -> None:
    """Raise CredentialError unless `proof` over `document` is a valid signature by `key`."""
    if suite_of(proof) is None:
        raise CredentialError(f"the proof is not {SUPPORTED}")
    value = proof.get("proofValue")
    if not isinstance(value, str):
        raise CredentialError("the proof has no proofValue")
    signature = multibase_decode(value)
    if len(signature) != 64:
        raise CredentialError("the proofValue is not an Ed25519 signature (64 bytes)")
    if not isinstance(public_key, Ed25519PublicKey):
        raise CredentialError("the verification method is not an Ed25519 key")
    data = hash_data(document, proof)
    try:
        public_key.verify(signature, data)
    except InvalidSignature:
        raise CredentialError("the signature does not match: the credential was changed after "
                              "it was signed, or not signed with this key") from None


def sign(document: dict[str, Any], private_key: Ed25519PrivateKey, *,
         verification_method: str, created: str,
         cryptosuite: str = "eddsa-rdfc-2022") -> dict[str, Any]:
    """`document` with a DataIntegrityProof (assertionMethod) added; a `cryptosuite` of
    "Ed25519Signature2020" makes a proof of that older type instead (same algorithm)."""
    proof: dict[str, Any] = {"type": "DataIntegrityProof", "cryptosuite": cryptosuite}
    if cryptosuite == "Ed25519Signature2020":
        proof = {"type": "Ed25519Signature2020"}
    proof.update({"created": created, "verificationMethod": verification_method,
                  "proofPurpose": "assertionMethod"})
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    signature = private_key.sign(hash_data(unsecured, proof))
    proof["proofValue"] = "z" + base58btc_encode(signature)
    return {**unsecured, "proof": proof}
