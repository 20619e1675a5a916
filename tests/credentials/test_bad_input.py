"""Bad input to credential reading and verification: oversized, truncated, garbage, deep JSON,
PNGs with two credential chunks or broken checksums, SVGs with scripts or entities; each is
failed with a reason, never a crash and never verified; test thread."""

from __future__ import annotations

import json
import struct
import zlib

import pytest

from mcdesk.credentials.baking import bake_png, bake_svg
from mcdesk.credentials.received import MAX_FILE_BYTES
from mcdesk.credentials.verification import VerificationState, verify_bytes
from tests.credentials.signing import NOW, ed25519, signed_json, vc_jwt

SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
       '<circle cx="5" cy="5" r="4"/></svg>')


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def failed(data: bytes, name: str) -> tuple[str, ...]:
    result = verify_bytes(data, name, now=NOW)
    assert result.state is VerificationState.FAILED, (name, result)
    assert result.reasons and all(result.reasons)
    return result.reasons


def test_an_oversized_file_is_refused_before_it_is_parsed() -> None:
    reasons = failed(b"{" + b" " * (MAX_FILE_BYTES + 10) + b"}", "huge.json")
    assert reasons == ("huge.json is 8.0 MB; a credential file may be at most 8 MB",)


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty.json is empty"),
    (b"\xff\xfe\x00garbage", "neither a PNG image nor UTF-8 text"),
    (b"hello world", "is not a credential"),
    (b"[1, 2, 3]", "is not a credential"),
    (b"{\"a\": ", "not valid JSON"),
    (b"[" * 5000 + b"]" * 5000, "is not a credential"),
    (b'{"a":' * 200 + b"1" + b"}" * 200, "nested more than 64 levels deep"),
])
def test_garbage_is_failed_with_a_reason(data: bytes, reason: str) -> None:
    assert any(reason in r for r in failed(data, "empty.json"))


def test_every_truncation_of_a_signed_credential_fails() -> None:
    key = ed25519()
    token = vc_jwt(key).encode()
    document = json.dumps(signed_json(key), separators=(",", ":")).encode()
    baked = bake_png(tiny_png(), token.decode())
    for data, name in ((token, "t.jwt"), (document, "d.json"), (baked, "b.png")):
        step = max(1, len(data) // 60)
        for end in range(0, len(data) - 1, step):
            failed(data[:end], name)


def test_a_png_with_two_credential_chunks_is_refused() -> None:
    key = ed25519()
    once = bake_png(tiny_png(), vc_jwt(key))
    chunk_start = once.index(b"iTXt") - 4
    (length,) = struct.unpack(">I", once[chunk_start:chunk_start + 4])
    chunk = once[chunk_start:chunk_start + 12 + length]
    twice = once[:chunk_start] + chunk + once[chunk_start:]
    assert failed(twice, "two.png") == ("the PNG image carries 2 credential chunks; only one is "
                                        "allowed, so which one counts cannot be told",)


def test_a_png_with_a_broken_checksum_or_no_credential_is_refused() -> None:
    baked = bytearray(bake_png(tiny_png(), vc_jwt(ed25519())))
    baked[-20] ^= 0x01
    assert "bad checksum" in failed(bytes(baked), "broken.png")[0]
    assert failed(tiny_png(), "plain.png") == ("the PNG image carries no Open Badges "
                                               "credential",)


@pytest.mark.parametrize(("svg", "reason"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "contains a <script> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event handler (onload)"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
     "contains a <foreignobject> element"),
    ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
     '<a x:href="javascript:alert(1)"/></svg>', "links to a script"),
    ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>',
     "declares entities or external references"),
    ('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',
     "declares entities or external references"),
    ("<svg><unclosed></svg>", "not well-formed XML"),
    ("<html><body/></html>", "not an SVG image"),
])
def test_svgs_with_scripts_entities_or_damage_are_refused(svg: str, reason: str) -> None:
    key = ed25519()
    credential = json.dumps(signed_json(key))
    inside = svg.replace("</svg>", f"<openbadges:credential xmlns:openbadges="
                                   f"\"https://purl.imsglobal.org/ob/v3p0\"><![CDATA["
                                   f"{credential}]]></openbadges:credential></svg>")
    assert any(reason in r for r in failed(inside.encode(), "badge.svg")), svg


def test_an_svg_with_two_credentials_is_refused() -> None:
    key = ed25519()
    baked = bake_svg(SVG, vc_jwt(key))
    doubled = baked.replace("</svg>", f'<openbadges:credential verify="{vc_jwt(key)}"/></svg>')
    assert "carries 2 credentials" in failed(doubled.encode(), "two.svg")[0]


def test_random_byte_noise_in_every_format_never_crashes() -> None:
    import random

    key = ed25519()
    samples = [vc_jwt(key).encode(), json.dumps(signed_json(key)).encode(),
               bake_png(tiny_png(), vc_jwt(key)), bake_svg(SVG, vc_jwt(key)).encode()]
    chance = random.Random(11)
    for data in samples:
        for _ in range(40):
            noisy = bytearray(data)
            for _ in range(chance.randint(1, 4)):
                noisy[chance.randrange(len(noisy))] = chance.randrange(256)
            result = verify_bytes(bytes(noisy), "noisy", now=NOW)
            assert result.state is not VerificationState.VERIFIED or bytes(noisy) == data


def test_a_poison_graph_of_blank_nodes_fails_quickly_instead_of_hanging() -> None:
    import time

    key = ed25519()
    document = signed_json(key)
    nodes = [f"_:n{i}" for i in range(10)]
    related = "https://example.org/vocab#related"
    document["credentialSubject"][related] = [
        {"@id": node, related: [{"@id": other} for other in nodes if other != node]}
        for node in nodes]
    started = time.monotonic()
    reasons = failed(json.dumps(document).encode(), "poison.json")
    assert time.monotonic() - started < 30
    assert reasons == ("the credential's blank nodes are too entangled to canonicalize "
                       "safely",)
