"""An issuer of its own for a test that needs other settings than the shared one: a fresh
data folder with the demo catalog and a token per role, served by a real `mcdesk-issuer`
process started with the given flags; test thread."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from pathlib import Path

from mcdesk_issuer.config import Settings
from mcdesk_issuer.service import Issuer
from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import Server, start_server, stop_server


@contextlib.contextmanager
def fresh_server(data: Path, *flags: str) -> Iterator[Server]:
    data.mkdir(parents=True, exist_ok=True)
    issuer = Issuer(Settings(data))
    try:
        issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        tokens = {who: issuer.create_token(role, name).token for who, role, name in (
            ("earner", "earner", "Ada Teacher"), ("earner2", "earner", "Ben Teacher"),
            ("assessor", "assessor", "Cleo Assessor"), ("staff", "staff", "Eve Coordinator"))}
    finally:
        issuer.close()
    process, url = start_server(data, *flags)
    try:
        yield Server(url, data, process, tokens)
    finally:
        stop_server(process)


def raw_request(url: str, head: str, body: bytes, *, wait: float = 5.0) -> tuple[bytes, int]:
    """Send `head` (the request line and headers, without the blank line) and as much of
    `body` as the server takes before it answers; (what it answered, bytes of body sent).
    A server that answers from the headers alone answers long before the body is sent."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as connection:
        connection.sendall(head.encode("latin-1") + b"\r\n\r\n")
        sent = 0
        connection.settimeout(0.05)
        answer = b""
        chunk = bytes(64 * 1024)
        while sent < len(body) and not answer:
            try:
                answer = connection.recv(65536)
                break
            except TimeoutError:
                pass
            try:
                connection.sendall(body[sent:sent + len(chunk)])
            except OSError:
                break
            sent += len(chunk)
        connection.settimeout(wait)
        with contextlib.suppress(OSError):
            while b"\r\n\r\n" not in answer:
                more = connection.recv(65536)
                if not more:
                    break
                answer += more
        return answer, min(sent, len(body))
