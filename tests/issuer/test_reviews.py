"""Assessors: automatic assignment (two per submission, never the earner's identity), the bag
download with ETag and byte ranges, reviews with ETags (idempotent, 428/412 on changes
without the current tag); test thread."""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from pathlib import Path
from typing import Any

import bagit
import pytest

from mcdesk.formats.bag import read_bag
from tests.issuer.conftest import RUBRIC, Portfolio, Server

ASSIGNMENT_KEYS = {"assignmentId", "submissionId", "achievementId", "version", "attempt",
                   "dueAt", "bagSize", "bagSha256"}
RUBRIC_IDS = ("overview", "video", "analysis", "reflection")


def assignment_for(server: Server, who: str, submission_id: str) -> dict[str, Any]:
    listed = server.api(who).get("/api/v1/assignments")
    assert listed.status_code == 200
    found = [a for a in listed.json() if a["submissionId"] == submission_id]
    assert len(found) == 1, listed.json()
    return found[0]


def review(level: str = "proficient", decision: str = "earned", **changes: Any
           ) -> dict[str, Any]:
    body: dict[str, Any] = {
        "reviewId": str(uuid.uuid4()),
        "scores": [{"rubricCriterionId": f"{RUBRIC}/{c}", "levelId": f"{RUBRIC}/{c}/{level}",
                    "feedback": f"{c}: clear evidence."} for c in RUBRIC_IDS],
        "comments": [{"text": "Good check at 1:20", "atSeconds": 80,
                      "rubricCriterionId": f"{RUBRIC}/video"}],
        "decision": decision, "overrideReason": None}
    body.update(changes)
    return body


@pytest.fixture
def received(server: Server, teacher_portfolio: Portfolio) -> str:
    bag = teacher_portfolio.bag(answer=f"Reviews test {uuid.uuid4()}: a bag for the assessors.")
    answer = server.send(bag)
    assert answer.status_code == 200, answer.text
    return bag.submission_id


def test_rubric_ids_match_the_demo_catalog(server: Server) -> None:
    catalog = server.api("earner").get("/api/v1/catalog").json()
    exit_tickets = next(a for a in catalog["achievements"]
                        if a["id"].endswith("/exit-tickets"))
    ids = {r["id"] for r in exit_tickets["resultDescription"]}
    assert ids == {f"{RUBRIC}/{c}" for c in RUBRIC_IDS}
    for rubric in exit_tickets["resultDescription"]:
        levels = [level["id"] for level in rubric["rubricCriterionLevel"]]
        assert f"{rubric['id']}/proficient" in levels and f"{rubric['id']}/developing" in levels


def test_two_assessors_are_assigned_and_never_see_the_earner(server: Server,
                                                             received: str) -> None:
    first = assignment_for(server, "assessor", received)
    second = assignment_for(server, "assessor2", received)
    assert first["assignmentId"] != second["assignmentId"]
    assert set(first) == ASSIGNMENT_KEYS
    assert first["achievementId"].endswith("/exit-tickets")
    assert first["version"] == "1.0" and first["attempt"] == 1
    assert first["dueAt"].endswith("Z")
    bag = (server.data / "bags" / f"{received}.zip").read_bytes()
    assert first["bagSize"] == len(bag)
    assert first["bagSha256"] == hashlib.sha256(bag).hexdigest()
    text = str(first)
    for who in ("Ada Teacher", "earner"):
        assert who not in text
    staff = server.api("staff").get("/api/v1/assignments").json()
    assert {a["assignmentId"] for a in staff} >= {first["assignmentId"],
                                                   second["assignmentId"]}


def test_the_bag_downloads_as_a_valid_package(server: Server, received: str,
                                              tmp_path: Path) -> None:
    assigned = assignment_for(server, "assessor", received)
    answer = server.api("assessor").get(f"/api/v1/assignments/{assigned['assignmentId']}/bag")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/zip"
    assert answer.headers["ETag"] == f'"{assigned["bagSha256"]}"'
    assert answer.headers["Accept-Ranges"] == "bytes"
    assert "attachment" in answer.headers["Content-Disposition"]
    assert hashlib.sha256(answer.content).hexdigest() == assigned["bagSha256"]
    archive = tmp_path / "bag.zip"
    archive.write_bytes(answer.content)
    reading = read_bag(archive, keep=("data/submission.json",))
    assert reading.problems == ()
    with zipfile.ZipFile(io.BytesIO(answer.content)) as opened:
        opened.extractall(tmp_path / "out")
    bagit.Bag(str(tmp_path / "out" / reading.bag_name)).validate(fast=False)
    head = server.api("assessor").request(
        "HEAD", f"/api/v1/assignments/{assigned['assignmentId']}/bag")
    assert head.status_code == 200
    assert head.headers["Content-Length"] == str(assigned["bagSize"])
    assert head.content == b""


def test_a_broken_download_resumes_with_a_range(server: Server, received: str) -> None:
    assigned = assignment_for(server, "assessor", received)
    url = f"/api/v1/assignments/{assigned['assignmentId']}/bag"
    api = server.api("assessor")
    size = assigned["bagSize"]
    cut = size // 3
    first = api.get(url, headers={"Range": f"bytes=0-{cut - 1}"})
    assert first.status_code == 206
    assert first.headers["Content-Range"] == f"bytes 0-{cut - 1}/{size}"
    assert len(first.content) == cut
    etag = first.headers["ETag"]
    rest = api.get(url, headers={"Range": f"bytes={cut}-", "If-Range": etag})
    assert rest.status_code == 206
    assert rest.headers["Content-Range"] == f"bytes {cut}-{size - 1}/{size}"
    whole = first.content + rest.content
    assert hashlib.sha256(whole).hexdigest() == assigned["bagSha256"]
    tail = api.get(url, headers={"Range": "bytes=-100"})
    assert tail.status_code == 206 and tail.content == whole[-100:]
    stale = api.get(url, headers={"Range": f"bytes={cut}-", "If-Range": '"stale"'})
    assert stale.status_code == 200 and stale.content == whole
    beyond = api.get(url, headers={"Range": f"bytes={size}-"})
    assert beyond.status_code == 416
    assert beyond.headers["Content-Range"] == f"bytes */{size}"


def test_only_the_assigned_assessor_and_staff_get_the_bag(server: Server,
                                                          received: str) -> None:
    assigned = assignment_for(server, "assessor", received)
    url = f"/api/v1/assignments/{assigned['assignmentId']}/bag"
    assert server.api("assessor2").get(url).status_code == 404
    assert server.api("earner").get(url).status_code == 403
    assert server.api("staff").get(url).status_code == 200
    assert server.api(None).get(url).status_code == 401
    assert server.api("assessor").get("/api/v1/assignments/not-a-uuid/bag").status_code == 404


def test_a_review_is_idempotent_and_changed_only_with_its_etag(server: Server,
                                                               received: str) -> None:
    assigned = assignment_for(server, "assessor", received)
    url = f"/api/v1/assignments/{assigned['assignmentId']}/review"
    api = server.api("assessor")
    assert api.get(url).status_code == 404
    body = review()
    first = api.put(url, json=body)
    assert first.status_code == 201, first.text
    etag = first.headers["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    assert first.json() == body
    again = api.put(url, json=body)
    assert again.status_code == 200
    assert again.headers["ETag"] == etag
    status = server.api("earner").get(f"/api/v1/submissions/{received}").json()
    assert status["state"] == "in review"

    changed = review("developing", "not yet", reviewId=body["reviewId"])
    no_tag = api.put(url, json=changed)
    assert no_tag.status_code == 428
    assert no_tag.headers["ETag"] == etag
    stale = api.put(url, json=changed, headers={"If-Match": '"not-the-tag"'})
    assert stale.status_code == 412
    assert stale.headers["ETag"] == etag
    assert stale.headers["Content-Type"] == "application/problem+json"
    current = api.get(url)
    assert current.json() == body and current.headers["ETag"] == etag
    updated = api.put(url, json=changed, headers={"If-Match": etag})
    assert updated.status_code == 200
    new_tag = updated.headers["ETag"]
    assert new_tag != etag
    assert api.put(url, json=body, headers={"If-Match": etag}).status_code == 412
    assert api.get(url).json() == changed
    assert server.api("staff").get(url).headers["ETag"] == new_tag


def test_a_review_must_fit_the_rubric(server: Server, received: str) -> None:
    assigned = assignment_for(server, "assessor2", received)
    url = f"/api/v1/assignments/{assigned['assignmentId']}/review"
    api = server.api("assessor2")
    unknown = review()
    unknown["scores"][0]["rubricCriterionId"] = "https://example.org/rubric/nothing"
    answer = api.put(url, json=unknown)
    assert answer.status_code == 422
    assert "nothing" in answer.json()["problems"][0]
    bad_level = review()
    bad_level["scores"][1]["levelId"] = "https://example.org/level/x"
    assert api.put(url, json=bad_level).status_code == 422
    against_rubric = review("developing", "earned")
    refused = api.put(url, json=against_rubric)
    assert refused.status_code == 422
    assert "overrideReason" in refused.json()["problems"][0]
    overridden = review("developing", "earned",
                        overrideReason="The video shows it; the written part was cut off.")
    assert api.put(url, json=overridden).status_code == 201
    assert server.api("assessor").put(url, json=review()).status_code == 404
    not_uuid = review(reviewId="review-1")
    assert api.put(url, json=not_uuid).status_code == 400
