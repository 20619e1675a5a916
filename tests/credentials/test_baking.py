"""Baking credentials into PNG and SVG badge images and reading them back; other tools (Pillow)
still open the image and see the chunk; test thread."""

from __future__ import annotations

import io
import json
import struct
import zlib

from PIL import Image

from mcdesk.credentials.baking import OB3_KEYWORD, bake_png, bake_svg, read_png, read_svg
from mcdesk.credentials.received import CredentialFormat, read_credential
from mcdesk.credentials.verification import VerificationState, verify_bytes
from tests.credentials.signing import NOW, ed25519, signed_json, vc_jwt

SVG = ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
       'viewBox="0 0 100 100" width="100" height="100"><title>A > B</title>'
       '<circle cx="50" cy="50" r="40" fill="#0f766e"/></svg>\n')


def pillow_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (15, 118, 110)).save(buffer, "PNG")
    return buffer.getvalue()


def chunk_crcs_hold(png: bytes) -> bool:
    position = 8
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        body = png[position + 4:position + 8 + length]
        (crc,) = struct.unpack(">I", png[position + 8 + length:position + 12 + length])
        if zlib.crc32(body) & 0xFFFFFFFF != crc:
            return False
        position += 12 + length
    return True


def test_a_baked_png_round_trips_and_verifies() -> None:
    key = ed25519()
    for text in (vc_jwt(key), json.dumps(signed_json(key))):
        baked = bake_png(pillow_png(), text)
        assert chunk_crcs_hold(baked)
        assert read_png(baked).text == text
        assert read_png(baked).keyword == OB3_KEYWORD
        received = read_credential(baked, "badge.png")
        assert received.format is CredentialFormat.PNG
        assert received.raw == baked and received.payload == text
        assert verify_bytes(baked, "badge.png", now=NOW).state is VerificationState.VERIFIED


def test_pillow_opens_a_baked_png_and_sees_the_itxt_chunk() -> None:
    token = vc_jwt(ed25519())
    baked = bake_png(pillow_png(), token)
    with Image.open(io.BytesIO(baked)) as image:
        image.load()
        assert image.size == (32, 32)
        assert image.getpixel((3, 3)) == (15, 118, 110)
        assert image.text[OB3_KEYWORD] == token  # type: ignore[attr-defined]


def test_baking_again_replaces_the_credential() -> None:
    first, second = vc_jwt(ed25519()), vc_jwt(ed25519())
    again = bake_png(bake_png(pillow_png(), first), second)
    assert read_png(again).text == second
    assert again.count(b"iTXt") == 1
    svg_again = bake_svg(bake_svg(SVG, first), second)
    assert read_svg(svg_again).text == second
    assert svg_again.count("openbadges:credential") == 1


def test_a_baked_svg_round_trips_json_and_jws_and_verifies() -> None:
    key = ed25519()
    document = json.dumps(signed_json(key), indent=2) + "\n<!-- ]]> -->"
    for text in (vc_jwt(key), json.dumps(signed_json(key))):
        baked = bake_svg(SVG, text)
        assert read_svg(baked).text == text
        assert baked.startswith('<?xml version="1.0" encoding="UTF-8"?>')
        assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
        result = verify_bytes(baked.encode(), "badge.svg", now=NOW)
        assert result.state is VerificationState.VERIFIED, result.reasons
        assert result.format is CredentialFormat.SVG
    # A "]]>" inside the text survives the CDATA section.
    assert read_svg(bake_svg(SVG, "{" + document.removeprefix("{"))).text.endswith("]]> -->")


def test_an_empty_root_svg_can_be_baked() -> None:
    token = vc_jwt(ed25519())
    baked = bake_svg('<svg xmlns="http://www.w3.org/2000/svg"/>', token)
    assert read_svg(baked).text == token
