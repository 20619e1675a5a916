"""tus 1.0 on the reference issuer: OPTIONS, creation, HEAD, resumed PATCHes, offset
conflicts, expiration, termination, the sha256 check (460) and size limits; test thread."""

from __future__ import annotations

import hashlib
import socket
import time
import uuid
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest

from mcdesk_issuer.db import Upload
from tests.issuer.conftest import TUS, Api, Bag, Portfolio, Server

VIDEO = "data/evidence/p2-video-01-lesson.mp4"


@pytest.fixture
def begun(server: Server, teacher_portfolio: Portfolio) -> Bag:
    """A submission begun with a video no one has sent yet (the answer makes it unique)."""
    bag = teacher_portfolio.bag(answer=f"Uploads test {uuid.uuid4()}: a bag whose parts travel.")
    video = bytearray(bag.files[VIDEO])
    video[-16:] = uuid.uuid4().bytes  # a video of its own: the server does not hold it
    bag.files[VIDEO] = bytes(video)
    answer = server.api("earner").put(f"/api/v1/submissions/{bag.submission_id}",
                                      json=bag.begin_body())
    assert answer.status_code == 201
    assert hashlib.sha256(bag.files[VIDEO]).hexdigest() in answer.json()["missing"]
    return bag


def test_options_describes_the_server_without_a_token(server: Server) -> None:
    for path in ("/api/v1/uploads/", "/api/v1/uploads/0123456789abcdef0123456789abcdef"):
        answer = server.api(None).request("OPTIONS", path)
        assert answer.status_code == 204
        assert answer.headers["Tus-Version"] == "1.0.0"
        assert answer.headers["Tus-Resumable"] == "1.0.0"
        assert answer.headers["Tus-Extension"] == "creation,termination,expiration"
        assert answer.headers["Tus-Max-Size"] == str(4 * 1024**3)


def test_every_tus_request_needs_tus_resumable(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    answer = api.post("/api/v1/uploads/", headers={"Upload-Length": "10"})
    assert answer.status_code == 412
    assert answer.headers["Tus-Version"] == "1.0.0"
    assert answer.headers["Tus-Resumable"] == "1.0.0"
    created = api.create_upload(begun.submission_id, VIDEO, begun.files[VIDEO])
    location = created.headers["Location"]
    assert api.request("HEAD", location).status_code == 412
    wrong = api.request("PATCH", location, data=b"x", headers={
        "Tus-Resumable": "0.2.2", "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream"})
    assert wrong.status_code == 412
    assert api.request("DELETE", location).status_code == 412


def test_creation_head_and_a_resumed_upload(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    created = api.create_upload(begun.submission_id, VIDEO, data)
    assert created.status_code == 201, created.text
    assert created.headers["Tus-Resumable"] == "1.0.0"
    location = created.headers["Location"]
    assert location.startswith(server.url + "/api/v1/uploads/")
    expires = parsedate_to_datetime(created.headers["Upload-Expires"])
    assert expires.tzinfo is not None

    head = api.head(location)
    assert head.status_code == 200
    assert head.headers["Upload-Offset"] == "0"
    assert head.headers["Upload-Length"] == str(len(data))
    assert head.headers["Cache-Control"] == "no-store"
    assert head.headers["Tus-Resumable"] == "1.0.0"

    half = len(data) // 2
    first = api.patch(location, 0, data[:half])
    assert first.status_code == 204
    assert first.headers["Upload-Offset"] == str(half)
    assert first.headers["Tus-Resumable"] == "1.0.0"
    # The link dropped: ask where to go on from, then send the rest.
    offset = int(api.head(location).headers["Upload-Offset"])
    assert offset == half
    rest = api.patch(location, offset, data[offset:])
    assert rest.status_code == 204
    assert rest.headers["Upload-Offset"] == str(len(data))
    assert api.head(location).headers["Upload-Offset"] == str(len(data))
    sha256 = hashlib.sha256(data).hexdigest()
    assert (server.data / "blobs" / sha256[:2] / sha256).read_bytes() == data
    again = api.put(f"/api/v1/submissions/{begun.submission_id}", json=begun.begin_body())
    assert sha256 not in again.json()["missing"]


def test_a_patch_from_the_wrong_offset_is_a_conflict(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    location = api.create_upload(begun.submission_id, VIDEO, data).headers["Location"]
    assert api.patch(location, 0, data[:100]).status_code == 204
    for wrong in (0, 50, 200):
        answer = api.patch(location, wrong, data[wrong:wrong + 10])
        assert answer.status_code == 409
        assert answer.headers["Upload-Offset"] == "100"
        assert answer.headers["Tus-Resumable"] == "1.0.0"
    assert api.head(location).headers["Upload-Offset"] == "100"


def test_a_patch_needs_the_offset_octet_stream_type(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    location = api.create_upload(begun.submission_id, VIDEO, data).headers["Location"]
    answer = api.request("PATCH", location, data=data[:10], headers={
        **TUS, "Upload-Offset": "0", "Content-Type": "application/octet-stream"})
    assert answer.status_code == 415
    missing_offset = api.request("PATCH", location, data=data[:10], headers={
        **TUS, "Content-Type": "application/offset+octet-stream"})
    assert missing_offset.status_code == 400


def test_bytes_that_are_not_the_file_announced_get_460(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    location = api.create_upload(begun.submission_id, VIDEO, data).headers["Location"]
    wrong = bytes(reversed(data))
    answer = api.patch(location, 0, wrong)
    assert answer.status_code == 460
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert answer.json()["title"] == "Checksum Mismatch"
    assert answer.headers["Tus-Resumable"] == "1.0.0"
    assert api.head(location).status_code == 404  # discarded: start the file again
    sha256 = hashlib.sha256(data).hexdigest()
    assert not (server.data / "blobs" / sha256[:2] / sha256).exists()
    assert api.upload(begun.submission_id, VIDEO, data).status_code == 204


def test_too_large_uploads_and_patches_are_413(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    too_large = api.create_upload(begun.submission_id, VIDEO, data, length=5 * 1024**3)
    assert too_large.status_code == 413
    assert too_large.headers["Tus-Resumable"] == "1.0.0"
    location = api.create_upload(begun.submission_id, VIDEO, data).headers["Location"]
    beyond = api.patch(location, 0, data + b"more")
    assert beyond.status_code == 413
    assert api.head(location).headers["Upload-Offset"] == "0"


def test_creation_checks_the_metadata_against_the_submission(server: Server,
                                                             begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    not_listed = api.create_upload(begun.submission_id, "data/evidence/other.mp4", data)
    assert not_listed.status_code == 422
    wrong_length = api.create_upload(begun.submission_id, VIDEO, data, length=len(data) - 1)
    assert wrong_length.status_code == 422
    no_metadata = api.post("/api/v1/uploads/", headers={**TUS, "Upload-Length": "10"})
    assert no_metadata.status_code == 422
    bad_base64 = api.post("/api/v1/uploads/", headers={
        **TUS, "Upload-Length": "10", "Upload-Metadata": "submission !!!"})
    assert bad_base64.status_code == 422
    no_length = api.post("/api/v1/uploads/", headers={**TUS, "Upload-Length": "ten"})
    assert no_length.status_code == 400
    deferred = api.post("/api/v1/uploads/", headers={**TUS, "Upload-Defer-Length": "1"})
    assert deferred.status_code == 400
    someone_else = server.api("earner2").create_upload(begun.submission_id, VIDEO, data)
    assert someone_else.status_code == 404
    assessor = server.api("assessor").create_upload(begun.submission_id, VIDEO, data)
    assert assessor.status_code == 403
    nobody = server.api(None).create_upload(begun.submission_id, VIDEO, data)
    assert nobody.status_code == 401
    assert nobody.headers["Tus-Resumable"] == "1.0.0"


def test_an_upload_is_only_its_creators(server: Server, begun: Bag) -> None:
    data = begun.files[VIDEO]
    location = server.api("earner").create_upload(begun.submission_id, VIDEO,
                                                  data).headers["Location"]
    other = server.api("earner2")
    assert other.head(location).status_code == 404
    assert other.patch(location, 0, data).status_code == 404
    assert other.request("DELETE", location, headers=TUS).status_code == 404


def test_termination_deletes_the_upload(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    location = api.create_upload(begun.submission_id, VIDEO, data).headers["Location"]
    assert api.patch(location, 0, data[:10]).status_code == 204
    upload_id = location.rsplit("/", 1)[1]
    assert (server.data / "uploads" / f"{upload_id}.part").exists()
    deleted = api.request("DELETE", location, headers=TUS)
    assert deleted.status_code == 204
    assert deleted.headers["Tus-Resumable"] == "1.0.0"
    assert not (server.data / "uploads" / f"{upload_id}.part").exists()
    assert api.head(location).status_code == 404
    assert api.patch(location, 10, data[10:]).status_code == 404


def test_an_expired_upload_is_gone(server: Server, begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    location = api.create_upload(begun.submission_id, VIDEO, data).headers["Location"]
    assert api.patch(location, 0, data[:10]).status_code == 204
    upload_id = location.rsplit("/", 1)[1]
    with server.issuer().db.session() as s:
        row = s.get(Upload, upload_id)
        assert row is not None
        row.expires_at = datetime(2001, 1, 1, tzinfo=UTC)
    head = api.head(location)
    assert head.status_code == 410
    assert head.headers["Tus-Resumable"] == "1.0.0"
    assert api.patch(location, 10, data[10:]).status_code == 410
    assert not (server.data / "uploads" / f"{upload_id}.part").exists()
    # The client starts that file again.
    assert api.upload(begun.submission_id, VIDEO, data).status_code == 204


def test_an_empty_file_is_complete_when_created(server: Server,
        teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="A bag with an empty file beside the rest of its payload.")
    api = server.api("earner")
    empty = "data/evidence/p2-text-09-empty.txt"
    body = bag.begin_body()
    body["files"].append({"path": empty, "sha256": hashlib.sha256(b"").hexdigest(), "size": 0})
    answer = api.put(f"/api/v1/submissions/{bag.submission_id}", json=body)
    assert answer.status_code == 201
    if hashlib.sha256(b"").hexdigest() in answer.json()["missing"]:
        created = api.create_upload(bag.submission_id, empty, b"")
        assert created.status_code == 201
        assert api.head(created.headers["Location"]).headers["Upload-Offset"] == "0"
    again = api.put(f"/api/v1/submissions/{bag.submission_id}", json=body).json()
    assert hashlib.sha256(b"").hexdigest() not in again["missing"]


def test_a_patch_cut_off_midway_keeps_the_bytes_that_arrived(server: Server,
                                                             begun: Bag) -> None:
    api = server.api("earner")
    data = begun.files[VIDEO]
    location = api.create_upload(begun.submission_id, VIDEO, data).headers["Location"]
    sent = 4096
    target = urlsplit(location)
    head = (f"PATCH {target.path} HTTP/1.1\r\nHost: {target.netloc}\r\n"
            f"Authorization: Bearer {server.tokens['earner']}\r\nTus-Resumable: 1.0.0\r\n"
            "Content-Type: application/offset+octet-stream\r\nUpload-Offset: 0\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    with socket.create_connection((target.hostname, target.port), timeout=5) as link:
        link.sendall(head + data[:sent])
        time.sleep(0.2)  # the link drops before the rest is sent
    offset = 0
    for _ in range(100):  # the server notices the drop shortly after
        offset = int(api.head(location).headers["Upload-Offset"])
        if offset == sent:
            break
        time.sleep(0.05)
    assert offset == sent
    resumed = api.patch(location, offset, data[offset:])
    if resumed.status_code == 423:  # the dropped PATCH is still being closed
        time.sleep(0.5)
        resumed = api.patch(location, offset, data[offset:])
    assert resumed.status_code == 204


def test_the_location_can_be_used_by_a_fresh_client(server: Server, begun: Bag) -> None:
    data = begun.files[VIDEO]
    location = server.api("earner").create_upload(begun.submission_id, VIDEO,
                                                  data).headers["Location"]
    fresh = Api(server.url, server.tokens["earner"])  # a restarted app
    assert fresh.head(location).headers["Upload-Offset"] == "0"
    assert fresh.patch(location, 0, data).status_code == 204
