"""Bakes a credential into a badge picture: a PNG iTXt chunk or an SVG element; any thread.

Interim version written on branch badges-place against the agreed API; branch badges-verify
replaces this file."""

from __future__ import annotations

import struct
import zlib

from mcdesk.credentials.vc_jwt import CredentialError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_KEYWORDS = (b"openbadgecredential", b"openbadges")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (struct.pack(">I", len(body)) + kind + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))


def bake_png(png: bytes, credential_text: str) -> bytes:
    """`png` with `credential_text` in an iTXt chunk keyword "openbadgecredential" after the
    header (any credential already there is replaced)."""
    if not png.startswith(PNG_SIGNATURE):
        raise CredentialError("the badge picture is not a PNG")
    out = [PNG_SIGNATURE]
    offset = len(PNG_SIGNATURE)
    baked = False
    while offset + 8 <= len(png):
        (length,) = struct.unpack(">I", png[offset:offset + 4])
        kind = png[offset + 4:offset + 8]
        chunk = png[offset:offset + 12 + length]
        offset += 12 + length
        body = chunk[8:8 + length]
        if kind in (b"iTXt", b"tEXt") and body.split(b"\x00", 1)[0] in _KEYWORDS:
            continue
        out.append(chunk)
        if kind == b"IHDR" and not baked:
            text = b"openbadgecredential\x00\x00\x00\x00\x00" + credential_text.encode("utf-8")
            out.append(_chunk(b"iTXt", text))
            baked = True
        if kind == b"IEND":
            break
    if not baked:
        raise CredentialError("the badge picture has no PNG header")
    return b"".join(out)


def bake_svg(svg_text: str, credential_text: str) -> str:
    """`svg_text` with `<openbadges:credential>` holding the credential as its first child."""
    start = svg_text.find("<svg")
    if start < 0:
        raise CredentialError("the badge picture is not an SVG")
    end = svg_text.find(">", start)
    tag = svg_text[start:end]
    if "xmlns:openbadges" not in tag:
        tag += ' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"'
    element = ("<openbadges:credential><![CDATA["
               + credential_text.replace("]]>", "]]]]><![CDATA[>")
               + "]]></openbadges:credential>")
    return svg_text[:start] + tag + ">" + element + svg_text[end + 1:]
