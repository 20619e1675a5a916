"""Reading a received credential in any of its forms (OB 3.0 JSON, VC-JWT, baked PNG or SVG, OB
2.0 assertion) into the credential it carries, within size and depth limits; any thread."""

from __future__ import annotations

import base64
import enum
import json
import re
from dataclasses import dataclass
from typing import Any

from mcdesk.credentials.baking import OB2_KEYWORD, PNG_SIGNATURE, read_png, read_svg
from mcdesk.credentials.errors import CredentialError

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_PAYLOAD_CHARS = 4 * 1024 * 1024
MAX_JSON_DEPTH = 64
_COMPACT_JWS = re.compile(r"[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*")


class CredentialFormat(enum.StrEnum):
    OB3_JSON = "ob3-json"
    VC_JWT = "vc-jwt"
    PNG = "png"
    SVG = "svg"
    OB2 = "ob2"


@dataclass(frozen=True)
class ReceivedCredential:
    format: CredentialFormat
    raw: bytes  # the bytes exactly as received (file or download)
    payload: str  # the credential inside: JSON text or a compact JWS
    credential: dict[str, Any]  # OB 3.0 credential (JWT: its `vc` claim or payload) or OB 2.0
    is_jws: bool = False  # the payload is a compact JWS (VC-JWT or signed OB 2.0 assertion)
    is_ob2: bool = False  # an Open Badges 2.0 assertion rather than an OB 3.0 credential
    jws_header: dict[str, Any] | None = None
    jws_claims: dict[str, Any] | None = None  # the whole JWT payload (iss, sub, aud, nbf, …)


def read_credential(data: bytes, name: str) -> ReceivedCredential:
    """What `data` (a file called `name`) carries, or CredentialError saying why not."""
    if len(data) > MAX_FILE_BYTES:
        raise CredentialError(f"{name} is {len(data) / 1_048_576:.1f} MB; a credential file "
                              f"may be at most {MAX_FILE_BYTES // 1_048_576} MB")
    if not data.strip():
        raise CredentialError(f"{name} is empty")
    if data.startswith(PNG_SIGNATURE):
        baked = read_png(data)
        return _from_payload(data, baked.text, CredentialFormat.PNG,
                             ob2=baked.keyword == OB2_KEYWORD)
    text = _decode_text(data, name)
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith("<"):
        baked = read_svg(stripped)
        return _from_payload(data, baked.text, CredentialFormat.SVG,
                             ob2=baked.keyword == OB2_KEYWORD)
    if stripped.startswith("{"):
        return _from_payload(data, stripped, CredentialFormat.OB3_JSON, ob2=False)
    if _COMPACT_JWS.fullmatch(stripped):
        return _from_payload(data, stripped, CredentialFormat.VC_JWT, ob2=False)
    raise CredentialError(f"{name} is not a credential: neither JSON, a compact JWS, a PNG nor "
                          "an SVG")


def _decode_text(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise CredentialError(f"{name} is neither a PNG image nor UTF-8 text") from None


def parse_json_object(text: str, what: str) -> dict[str, Any]:
    if len(text) > MAX_PAYLOAD_CHARS:
        raise CredentialError(f"the {what} is too large to be a credential")
    try:
        value = json.loads(text)
    except RecursionError:
        raise CredentialError(f"the {what} is nested more than {MAX_JSON_DEPTH} levels "
                              "deep") from None
    except json.JSONDecodeError as exc:
        raise CredentialError(f"the {what} is not valid JSON (line {exc.lineno}, column "
                              f"{exc.colno}: {exc.msg})") from None
    if _too_deep(value):
        raise CredentialError(f"the {what} is nested more than {MAX_JSON_DEPTH} levels deep")
    if not isinstance(value, dict):
        raise CredentialError(f"the {what} is not a JSON object")
    return value


def _too_deep(value: object) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            return True
        if isinstance(node, dict):
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            stack.extend((child, depth + 1) for child in node)
    return False


def _b64url_json(part: str, what: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        text = raw.decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise CredentialError(f"the token's {what} is not base64url-encoded UTF-8") from None
    return parse_json_object(text, f"token's {what}")


def split_jws(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The (header, payload) of a compact JWS, unverified. Each part must be canonical
    base64url: a changed padding bit would otherwise decode to the same bytes, and a token that
    is not byte for byte what was signed must not verify."""
    parts = token.split(".")
    if len(parts) != 3:
        raise CredentialError("not a compact JWS (three dot-separated parts)")
    for part, what in zip(parts, ("header", "payload", "signature"), strict=True):
        try:
            decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            raise CredentialError(f"the token's {what} is not base64url") from None
        if base64.urlsafe_b64encode(decoded).rstrip(b"=").decode("ascii") != part:
            raise CredentialError(f"the token's {what} is not canonical base64url: it was "
                                  "changed")
    return _b64url_json(parts[0], "header"), _b64url_json(parts[1], "payload")


def _from_payload(raw: bytes, payload: str, fmt: CredentialFormat, *,
                  ob2: bool) -> ReceivedCredential:
    payload = payload.strip()
    if payload.startswith("{"):
        credential = parse_json_object(payload, "credential")
        is_ob2 = ob2 or _looks_ob2(credential)
        if is_ob2 and fmt is CredentialFormat.OB3_JSON:
            fmt = CredentialFormat.OB2
        return ReceivedCredential(fmt, raw, payload, credential, is_ob2=is_ob2)
    if ob2 and payload.startswith(("http://", "https://")):
        # OB 2.0 hosted verification: the image carries only the assertion's URL.
        return ReceivedCredential(fmt, raw, payload, {"id": payload, "verification":
                                                      {"type": "hosted"}}, is_ob2=True)
    if not _COMPACT_JWS.fullmatch(payload):
        raise CredentialError("the credential inside is neither JSON nor a compact JWS")
    header, claims = split_jws(payload)
    vc = claims.get("vc")
    credential = vc if isinstance(vc, dict) else claims
    is_ob2 = ob2 or _looks_ob2(credential)
    if fmt is CredentialFormat.VC_JWT and is_ob2:
        fmt = CredentialFormat.OB2
    return ReceivedCredential(fmt, raw, payload, credential, is_jws=True, is_ob2=is_ob2,
                              jws_header=header, jws_claims=claims)


def _looks_ob2(credential: dict[str, Any]) -> bool:
    context = credential.get("@context")
    contexts = context if isinstance(context, list) else [context]
    if any(isinstance(c, str) and "w3id.org/openbadges/v2" in c for c in contexts):
        return True
    kind = credential.get("type")
    return kind == "Assertion" or (isinstance(kind, list) and "Assertion" in kind)
