"""The gate of the reference issuer, attacked over real HTTP: an unauthenticated 64 MiB body
is answered 401 from its headers (long before it is sent), an authenticated oversized body
413, a chunked one refused once past the limit; a Host the server does not answer for is 421
and the URLs it hands out come from the configured public URL; test thread."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from tests.issuer.conftest import Portfolio, Server
from tests.issuer.fresh import fresh_server, raw_request

MIB = 1024 * 1024


def json_body(size: int) -> bytes:
    """A well-formed JSON document of `size` bytes."""
    head, tail = b'{"padding": "', b'"}'
    return head + b"x" * (size - len(head) - len(tail)) + tail


def put_head(server: Server, length: int, token: str | None) -> str:
    lines = [f"PUT /api/v1/submissions/{uuid.uuid4()} HTTP/1.1",
             f"Host: {server.url.removeprefix('http://')}",
             "Content-Type: application/json", f"Content-Length: {length}"]
    if token is not None:
        lines.append(f"Authorization: Bearer {token}")
    return "\r\n".join(lines)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else 0


def test_an_unauthenticated_64_mib_body_is_refused_before_it_is_read(server: Server) -> None:
    body = json_body(64 * MIB)
    for token in (None, "mci_not-a-token-anyone-was-given"):
        answer, sent = raw_request(server.url, put_head(server, len(body), token), body)
        assert status_of(answer) == 401, answer[:200]
        assert b"www-authenticate: Bearer" in answer.lower().replace(b"bearer", b"Bearer")
        # The answer came from the headers: at most a few MiB of the body had gone out.
        assert sent <= 4 * MIB, sent


def test_an_authenticated_oversized_body_is_413_before_it_is_read(server: Server) -> None:
    body = json_body(17 * MIB)
    answer, sent = raw_request(server.url, put_head(server, len(body), server.tokens["earner"]),
                               body)
    assert status_of(answer) == 413, answer[:300]
    assert b"application/problem+json" in answer
    assert sent <= 4 * MIB, sent


def test_a_chunked_body_is_refused_once_it_passes_the_limit(server: Server) -> None:
    head = "\r\n".join([f"PUT /api/v1/submissions/{uuid.uuid4()} HTTP/1.1",
                        f"Host: {server.url.removeprefix('http://')}",
                        "Content-Type: application/json", "Transfer-Encoding: chunked",
                        f"Authorization: Bearer {server.tokens['earner']}"])
    piece = b"x" * MIB
    chunked = (f"{len(piece):x}\r\n".encode() + piece + b"\r\n") * 24 + b"0\r\n\r\n"
    answer, sent = raw_request(server.url, head, chunked)
    assert status_of(answer) == 413, answer[:300]
    assert sent < len(chunked)


def test_a_small_body_still_reaches_the_handler(server: Server) -> None:
    """The gate lets through what it should: a valid token and a body under the limit get
    the handler's own answer (here a 422 for a micro-credential not in the catalog)."""
    answer = server.api("earner").put(f"/api/v1/submissions/{uuid.uuid4()}", json={
        "achievementId": "https://example.org/none", "version": "1", "attempt": 1,
        "bagName": "b", "files": [{"path": "bagit.txt", "sha256": "a" * 64, "size": 1}]})
    assert answer.status_code == 422, answer.text


def test_a_host_the_server_does_not_answer_for_is_refused(server: Server) -> None:
    api = server.api("earner")
    for host in ("evil.example", "evil.example:80", "127.0.0.1.evil.example"):
        answer = api.get("/api/v1/me", headers={"Host": host})
        assert answer.status_code == 421, (host, answer.text)
        assert answer.headers["Content-Type"] == "application/problem+json"
    port = server.url.rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}"):
        assert api.get("/api/v1/me", headers={"Host": host}).status_code == 200


def test_upload_locations_and_discovery_use_the_public_url(tmp_path: Path,
                                                           teacher_portfolio: Portfolio) -> None:
    public = "https://issuer.example.org"
    with fresh_server(tmp_path / "issuer", "--public-url", public + "/") as server:
        api = server.api("earner")
        bag = teacher_portfolio.bag(answer="A bag whose uploads are located by the public URL.")
        begun = api.put(f"/api/v1/submissions/{bag.submission_id}", json=bag.begin_body())
        assert begun.status_code == 201, begun.text
        path, data = bag.by_sha256()[begun.json()["missing"][0]]
        created = api.create_upload(bag.submission_id, path, data)
        assert created.status_code == 201, created.text
        location = created.headers["Location"]
        assert location.startswith(f"{public}/api/v1/uploads/"), location
        # The client reaches the server by another name (here, through a proxy on loopback);
        # the path of the public location is the upload's.
        local = server.url + location.removeprefix(public)
        assert api.patch(local, 0, data).status_code == 204

        ob = server.api(None).get("/ims/ob/v3p0/discovery").json()
        assert ob["servers"] == [{"url": f"{public}/ims/ob/v3p0"}]
        assert json.dumps(ob).count("127.0.0.1") == 0
        # The public host is trusted; another still is not.
        assert api.get("/api/v1/me", headers={"Host": "issuer.example.org"}).status_code == 200
        assert api.get("/api/v1/me", headers={"Host": "other.example.org"}).status_code == 421
        listed = server.api("staff").get("/ims/ob/v3p0/credentials?limit=1")
        assert listed.status_code == 200
