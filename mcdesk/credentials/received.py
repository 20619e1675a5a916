"""Reads a credential received any way (OB 3.0 JSON, VC-JWT, baked PNG or SVG, OB 2.0
assertion) into its format, its exact bytes and the credential inside; any thread.

Interim version written on branch badges-place against the agreed API; the full reader
lands with branch badges-verify and replaces this file."""

from __future__ import annotations

import enum
import json
import re
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from mcdesk.credentials.vc_jwt import CredentialError, _b64url

MAX_CREDENTIAL_BYTES = 10 * 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JWS = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
_SVG_CREDENTIAL = re.compile(
    rb"<openbadges:(?:credential|assertion)\b[^>]*?(?:verify=\"([^\"]*)\")?[^>]*?>"
    rb"(?:\s*<!\[CDATA\[(.*?)\]\]>|(.*?))\s*</openbadges:(?:credential|assertion)>", re.S)


class CredentialFormat(enum.StrEnum):
    OB3_JSON = "ob3-json"
    VC_JWT = "vc-jwt"
    PNG = "png"
    SVG = "svg"
    OB2 = "ob2"


@dataclass(frozen=True)
class ReceivedCredential:
    format: CredentialFormat
    raw: bytes
    payload: str
    credential: dict[str, Any]


def read_credential(data: bytes, name: str) -> ReceivedCredential:
    """The credential in `data` (a file called `name`); CredentialError says why not."""
    if len(data) > MAX_CREDENTIAL_BYTES:
        raise CredentialError(f"{name}: larger than {MAX_CREDENTIAL_BYTES // (1024 * 1024)} MB,"
                              " too large for a credential")
    if data.startswith(PNG_SIGNATURE):
        payload = _png_payload(data, name)
        return _from_payload(CredentialFormat.PNG, data, payload, name)
    text = data.decode("utf-8-sig", errors="replace").strip()
    if text.startswith("<"):
        payload = _svg_payload(data, name)
        return _from_payload(CredentialFormat.SVG, data, payload, name)
    received = _from_payload(None, data, text, name)
    return received


def _from_payload(container: CredentialFormat | None, raw: bytes, payload: str,
                  name: str) -> ReceivedCredential:
    payload = payload.strip()
    if _JWS.match(payload):
        try:
            claims = json.loads(_b64url(payload.split(".")[1]))
        except ValueError:
            raise CredentialError(f"{name}: the token cannot be read") from None
        vc = claims.get("vc") if isinstance(claims, dict) else None
        credential = vc if isinstance(vc, dict) else claims
        if not isinstance(credential, dict):
            raise CredentialError(f"{name}: the token carries no credential")
        return ReceivedCredential(container or CredentialFormat.VC_JWT, raw, payload, credential)
    try:
        document = json.loads(payload)
    except ValueError:
        raise CredentialError(f"{name}: neither JSON, a JWT, a PNG nor an SVG credential") \
            from None
    if not isinstance(document, dict):
        raise CredentialError(f"{name}: the JSON is not a credential object")
    types = document.get("type", [])
    types = [types] if isinstance(types, str) else types
    if "Assertion" in types:
        return ReceivedCredential(container or CredentialFormat.OB2, raw, payload, document)
    if "VerifiableCredential" in types or "OpenBadgeCredential" in types \
            or "AchievementCredential" in types:
        return ReceivedCredential(container or CredentialFormat.OB3_JSON, raw, payload, document)
    raise CredentialError(f"{name}: the JSON is not an Open Badges credential")


def _png_payload(data: bytes, name: str) -> str:
    found: list[str] = []
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset:offset + 4])
        kind = data[offset + 4:offset + 8]
        body = data[offset + 8:offset + 8 + length]
        if len(body) != length:
            raise CredentialError(f"{name}: the PNG is truncated")
        if kind == b"iTXt":
            keyword, _, rest = body.partition(b"\x00")
            if keyword in (b"openbadgecredential", b"openbadges") and len(rest) >= 2:
                compressed = rest[0]
                rest = rest[2:]
                _lang, _, rest = rest.partition(b"\x00")
                _translated, _, text = rest.partition(b"\x00")
                found.append((zlib.decompress(text) if compressed else text).decode("utf-8"))
        elif kind == b"tEXt":
            keyword, _, text = body.partition(b"\x00")
            if keyword == b"openbadges":
                found.append(text.decode("latin-1"))
        if kind == b"IEND":
            break
        offset += 12 + length
    if not found:
        raise CredentialError(f"{name}: the PNG carries no badge credential")
    if len(found) > 1:
        raise CredentialError(f"{name}: the PNG carries more than one credential")
    return found[0]


def _svg_payload(data: bytes, name: str) -> str:
    if b"<!ENTITY" in data or b"<script" in data.lower():
        raise CredentialError(f"{name}: the SVG holds scripts or entities; refused")
    matches = list(_SVG_CREDENTIAL.finditer(data))
    if not matches:
        raise CredentialError(f"{name}: the SVG carries no badge credential")
    if len(matches) > 1:
        raise CredentialError(f"{name}: the SVG carries more than one credential")
    match = matches[0]
    body = match.group(2) if match.group(2) is not None else match.group(3)
    text = (body or b"").decode("utf-8").strip()
    if not text and match.group(1):
        text = match.group(1).decode("utf-8")
    return text
