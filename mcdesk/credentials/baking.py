"""Baked badges: the credential inside a PNG (iTXt chunk) or an SVG (openbadges element),
written and read back without an image library; any thread."""

from __future__ import annotations

import re
import struct
import zlib
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from mcdesk.credentials.errors import CredentialError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
OB3_KEYWORD = "openbadgecredential"
OB2_KEYWORD = "openbadges"
OB3_SVG_NS = "https://purl.imsglobal.org/ob/v3p0"
OB2_SVG_NS = "http://openbadges.org"
MAX_TEXT = 4 * 1024 * 1024  # a credential larger than this is not a badge credential


@dataclass(frozen=True)
class BakedText:
    keyword: str  # "openbadgecredential" (OB 3.0) or "openbadges" (OB 2.0)
    text: str


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _chunks(png: bytes) -> list[tuple[bytes, bytes, int, int]]:
    """(type, data, start, end) of every chunk; refuses a damaged file."""
    if not png.startswith(PNG_SIGNATURE):
        raise CredentialError("not a PNG image (the PNG signature is missing)")
    found = []
    position = len(PNG_SIGNATURE)
    while position < len(png):
        if position + 12 > len(png):
            raise CredentialError("the PNG image is truncated")
        (length,) = struct.unpack(">I", png[position:position + 4])
        kind = png[position + 4:position + 8]
        end = position + 12 + length
        if end > len(png):
            raise CredentialError("the PNG image is truncated")
        data = png[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", png[end - 4:end])
        if zlib.crc32(kind + data) & 0xFFFFFFFF != crc:
            raise CredentialError(f"the PNG image is damaged (bad checksum in a "
                                  f"{kind.decode('latin-1')} chunk)")
        found.append((kind, data, position, end))
        position = end
        if kind == b"IEND":
            break
    if not found or found[0][0] != b"IHDR" or found[-1][0] != b"IEND":
        raise CredentialError("the PNG image is damaged (no IHDR or IEND chunk)")
    return found


def _credential_text(kind: bytes, data: bytes) -> BakedText | None:
    keyword, sep, rest = data.partition(b"\0")
    name = keyword.decode("latin-1")
    if not sep or name not in (OB3_KEYWORD, OB2_KEYWORD):
        return None
    if kind == b"tEXt":
        return BakedText(name, rest.decode("latin-1"))
    if kind != b"iTXt" or len(rest) < 2:
        return None
    compressed, _method = rest[0], rest[1]
    _language, _, rest = rest[2:].partition(b"\0")
    _translated, _, text = rest.partition(b"\0")
    if compressed:
        inflater = zlib.decompressobj()
        try:
            text = inflater.decompress(text, MAX_TEXT + 1)
        except zlib.error:
            raise CredentialError("the credential in the PNG cannot be decompressed") from None
        if len(text) > MAX_TEXT:
            raise CredentialError("the credential in the PNG is too large")
    try:
        return BakedText(name, text.decode("utf-8"))
    except UnicodeDecodeError:
        raise CredentialError("the credential in the PNG is not UTF-8 text") from None


def read_png(png: bytes) -> BakedText:
    """The one credential baked into `png`; refuses none, two, or a damaged image."""
    texts = [text for kind, data, _s, _e in _chunks(png)
             if kind in (b"iTXt", b"tEXt", b"zTXt") and (text := _credential_text(kind, data))]
    if not texts:
        raise CredentialError("the PNG image carries no Open Badges credential")
    if len(texts) > 1:
        raise CredentialError(f"the PNG image carries {len(texts)} credential chunks; only "
                              "one is allowed, so which one counts cannot be told")
    return texts[0]


def bake_png(png: bytes, credential_text: str) -> bytes:
    """`png` with `credential_text` in an iTXt chunk "openbadgecredential" (any credential
    already baked in is replaced); the result is a valid PNG."""
    chunks = _chunks(png)
    payload = (OB3_KEYWORD.encode("latin-1") + b"\0" + b"\0\0" + b"\0" + b"\0"
               + credential_text.encode("utf-8"))
    out = [PNG_SIGNATURE]
    for kind, data, start, end in chunks:
        if kind in (b"iTXt", b"tEXt", b"zTXt") and data.partition(b"\0")[0] in (
                OB3_KEYWORD.encode(), OB2_KEYWORD.encode()):
            continue
        if kind == b"IEND":
            out.append(_chunk(b"iTXt", payload))
        out.append(png[start:end])
    return b"".join(out)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _parse_svg(svg_text: str) -> Element:
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.fromstring(svg_text, forbid_dtd=False, forbid_entities=True,
                                 forbid_external=True)
    except DefusedXmlException:
        raise CredentialError("the SVG declares entities or external references, which a "
                              "badge image must not") from None
    except SafeET.ParseError as exc:
        raise CredentialError(f"the SVG is not well-formed XML ({exc})") from None
    if not isinstance(root, Element) or _local(root.tag) != "svg":
        raise CredentialError("the file is XML but not an SVG image")
    for element in root.iter():
        name = _local(element.tag) if isinstance(element.tag, str) else ""
        if name in ("script", "foreignobject", "iframe"):
            raise CredentialError(f"the SVG contains a <{name}> element; an image with scripts "
                                  "or embedded pages is refused as a credential container")
        for attribute, value in element.attrib.items():
            attr = _local(attribute)
            if attr.startswith("on"):
                raise CredentialError(f"the SVG contains an event handler ({attr}); an image "
                                      "with scripts is refused as a credential container")
            if attr == "href" and value.strip().lower().startswith("javascript:"):
                raise CredentialError("the SVG links to a script; refused as a credential "
                                      "container")
    return root


def read_svg(svg_text: str) -> BakedText:
    """The one credential in an SVG: <openbadges:credential> (OB 3.0: its text, or its `verify`
    attribute) or <openbadges:assertion verify="…"> (OB 2.0)."""
    root = _parse_svg(svg_text)
    found: list[BakedText] = []
    for element in root.iter():
        if element.tag == f"{{{OB3_SVG_NS}}}credential":
            keyword = OB3_KEYWORD
        elif element.tag == f"{{{OB2_SVG_NS}}}assertion":
            keyword = OB2_KEYWORD
        else:
            continue
        text = (element.text or "").strip() or element.attrib.get("verify", "").strip()
        if not text:
            raise CredentialError("the SVG's credential element is empty")
        found.append(BakedText(keyword, text))
    if not found:
        raise CredentialError("the SVG image carries no Open Badges credential")
    if len(found) > 1:
        raise CredentialError(f"the SVG image carries {len(found)} credentials; only one is "
                              "allowed")
    return found[0]


_ROOT_START = re.compile(r"<svg\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.IGNORECASE)
_EXISTING = re.compile(r"<openbadges:(?:credential|assertion)\b.*?(?:/>|</openbadges:"
                       r"(?:credential|assertion)>)", re.DOTALL)


def bake_svg(svg_text: str, credential_text: str) -> str:
    """`svg_text` with an <openbadges:credential> element holding `credential_text` (JSON in
    CDATA, or a compact JWS in its `verify` attribute) as the root's first child."""
    _parse_svg(svg_text)
    body = _EXISTING.sub("", svg_text)
    match = _ROOT_START.search(body)
    if match is None:
        raise CredentialError("the SVG has no <svg> start tag")
    start_tag = match.group(0)
    empty = start_tag.endswith("/>")
    start_tag = start_tag[:-2] if empty else start_tag[:-1]
    if "xmlns:openbadges" not in start_tag:
        start_tag = start_tag.rstrip() + f' xmlns:openbadges="{OB3_SVG_NS}"'
    start_tag += ">"
    stripped = credential_text.strip()
    if stripped.startswith("{"):
        cdata = stripped.replace("]]>", "]]]]><![CDATA[>")
        element = f"<openbadges:credential><![CDATA[{cdata}]]></openbadges:credential>"
    else:
        if not re.fullmatch(r"[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*\.[A-Za-z0-9_\-]*", stripped):
            raise CredentialError("the credential is neither JSON nor a compact JWS")
        element = f'<openbadges:credential verify="{stripped}"/>'
    rest = "</svg>" + body[match.end():] if empty else body[match.end():]
    baked = body[:match.start()] + start_tag + "\n" + element + rest
    read_svg(baked)  # what was written must read back as exactly one credential
    return baked
