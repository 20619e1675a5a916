"""Submissions end to end with real bags: begin (idempotent, 409 on other content, limits),
tus uploads of only what is missing, finalize (idempotent, 409 missing, 422 problems), status
and list, blobs shared between attempts; test thread."""

from __future__ import annotations

import hashlib
import uuid

from tests.issuer.conftest import Bag, Portfolio, Server


def test_a_whole_submission_begins_uploads_and_finalizes(server: Server,
                                                          teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="A class of twenty-six, fractions in the morning block.")
    api = server.api("earner")
    url = f"/api/v1/submissions/{bag.submission_id}"
    begun = api.put(url, json=bag.begin_body())
    assert begun.status_code == 201, begun.text
    body = begun.json()
    assert body["submissionId"] == bag.submission_id
    assert body["state"] == "open"
    # Some blobs may be shared with earlier tests' bags; every listed one is the bag's.
    assert set(body["missing"]) <= set(bag.by_sha256())
    assert hashlib.sha256(bag.files["data/submission.json"]).hexdigest() in body["missing"]

    again = api.put(url, json=bag.begin_body())
    assert again.status_code == 200
    assert again.json() == body

    early = api.post(f"{url}/finalize")
    assert early.status_code == 409
    assert early.headers["Content-Type"] == "application/problem+json"
    assert set(early.json()["missing"]) == set(body["missing"])

    files = bag.by_sha256()
    for sha256 in body["missing"]:
        path, data = files[sha256]
        assert api.upload(bag.submission_id, path, data).status_code == 204
    assert api.put(url, json=bag.begin_body()).json()["missing"] == []

    done = api.post(f"{url}/finalize")
    assert done.status_code == 200, done.text
    assert done.json() == {"submissionId": bag.submission_id, "state": "received"}
    twice = api.post(f"{url}/finalize")
    assert twice.status_code == 200
    assert twice.json() == done.json()
    after = api.put(url, json=bag.begin_body())
    assert after.status_code == 200
    assert after.json() == {"submissionId": bag.submission_id, "state": "received",
                            "missing": []}

    status = api.get(url)
    assert status.status_code == 200
    assert status.json() == {"submissionId": bag.submission_id, "state": "received",
                             "achievementId": bag.achievement_id, "version": "1.0",
                             "attempt": 1, "decidedAt": None, "feedback": [],
                             "credentialId": None}
    listed = api.get("/api/v1/submissions").json()
    assert bag.submission_id in [s["submissionId"] for s in listed]
    assert all(s["submissionId"] != bag.submission_id
               for s in server.api("earner2").get("/api/v1/submissions").json())
    assert server.api("earner2").get(url).status_code == 404
    staff_view = server.api("staff").get("/api/v1/submissions").json()
    assert bag.submission_id in [s["submissionId"] for s in staff_view]


def test_the_assembled_bag_is_byte_for_byte_the_package_built(server: Server,
                                                              teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="Same bytes on both sides of the wire, every one of them.")
    assert server.send(bag).status_code == 200
    # The bag handed out (built from the blobs after finalize answered) is the package.
    assembled = server.issuer().served_bags.get(bag.submission_id).path.read_bytes()
    assert assembled == bag.zip_bytes


def test_a_resubmission_never_sends_the_evidence_again(server: Server,
                                                       teacher_portfolio: Portfolio) -> None:
    first = teacher_portfolio.bag(answer="The first attempt at this micro-credential, in words.")
    assert server.send(first).status_code == 200
    second = teacher_portfolio.bag(attempt=2,
                                   answer="The second attempt, with more said this time.")
    begun = server.api("earner").put(f"/api/v1/submissions/{second.submission_id}",
                                     json=second.begin_body())
    assert begun.status_code == 201
    missing = set(begun.json()["missing"])
    for path in ("data/evidence/p2-video-01-lesson.mp4", "data/evidence/p2-image-02-work.jpg",
                 "data/evidence/p2-document-03-plan.pdf", "bagit.txt"):
        assert hashlib.sha256(second.files[path]).hexdigest() not in missing, path
    assert hashlib.sha256(second.files["data/submission.json"]).hexdigest() in missing
    assert server.send(second).status_code == 200


def test_begin_with_other_content_for_the_same_id_is_a_conflict(
        server: Server, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag()
    api = server.api("earner")
    url = f"/api/v1/submissions/{bag.submission_id}"
    assert api.put(url, json=bag.begin_body()).status_code == 201
    changed = bag.begin_body()
    changed["attempt"] = 2
    conflict = api.put(url, json=changed)
    assert conflict.status_code == 409
    assert conflict.headers["Content-Type"] == "application/problem+json"
    other_earner = server.api("earner2").put(url, json=bag.begin_body())
    assert other_earner.status_code == 409


def test_begin_refuses_files_too_large_or_of_a_type_not_accepted(server: Server) -> None:
    api = server.api("earner")
    body = {"achievementId": "https://demo.mcdesk.org/achievements/exit-tickets",
            "version": "1.0", "attempt": 1, "bagName": "big",
            "files": [{"path": "bagit.txt", "sha256": "a" * 64, "size": 55},
                      {"path": "data/evidence/p2-video-01.mp4", "sha256": "b" * 64,
                       "size": 5 * 1024**3}]}
    too_large = api.put(f"/api/v1/submissions/{uuid.uuid4()}", json=body)
    assert too_large.status_code == 413
    assert too_large.json()["file"] == "data/evidence/p2-video-01.mp4"
    assert "data/evidence/p2-video-01.mp4" in too_large.json()["detail"]

    body["files"][1] = {"path": "data/evidence/p2-document-01.exe", "sha256": "b" * 64,
                        "size": 10}
    wrong_type = api.put(f"/api/v1/submissions/{uuid.uuid4()}", json=body)
    assert wrong_type.status_code == 415
    assert wrong_type.json()["file"] == "data/evidence/p2-document-01.exe"

    body["files"][1] = {"path": "data/../../etc/passwd.txt", "sha256": "b" * 64, "size": 10}
    unsafe = api.put(f"/api/v1/submissions/{uuid.uuid4()}", json=body)
    assert unsafe.status_code == 422
    assert unsafe.json()["problems"]

    body["files"][1] = {"path": "BAGIT.TXT", "sha256": "b" * 64, "size": 10}
    twice = api.put(f"/api/v1/submissions/{uuid.uuid4()}", json=body)
    assert twice.status_code == 422

    body["files"].pop()
    body["achievementId"] = "https://example.org/not-offered"
    unknown = api.put(f"/api/v1/submissions/{uuid.uuid4()}", json=body)
    assert unknown.status_code == 422
    assert "not-offered" in unknown.json()["problems"][0]


def test_a_bag_changed_after_packaging_is_refused_and_can_be_sent_again(
        server: Server, teacher_portfolio: Portfolio) -> None:
    good = teacher_portfolio.bag(answer="A bag that is damaged in transit, then sent again whole.")
    files = dict(good.files)
    pdf = "data/evidence/p2-document-03-plan.pdf"
    files[pdf] = files[pdf].replace(b"Next lesson", b"Next lessom")
    tampered = Bag(good.submission_id, good.bag_name, files)
    refused = server.send(tampered)
    assert refused.status_code == 422, refused.text
    problems = refused.json()["problems"]
    assert any(pdf in p and "sha256" in p for p in problems), problems
    assert not (server.data / "bags" / f"{good.submission_id}.zip").exists()
    gone = server.api("earner").get(f"/api/v1/submissions/{good.submission_id}")
    assert gone.status_code == 404
    # The rebuilt (good) bag of the same submission goes through.
    assert server.send(good).status_code == 200


def test_metadata_that_does_not_match_the_begin_request_is_refused(
        server: Server, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="The metadata says attempt one; the begin request says two.")
    bag.attempt = 2
    refused = server.send(bag)
    assert refused.status_code == 422
    assert any("attempt" in p for p in refused.json()["problems"])


def test_a_blob_damaged_on_the_server_is_asked_for_again(server: Server,
                                                         teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="A file rots on the server's disk before finalize.")
    api = server.api("earner")
    url = f"/api/v1/submissions/{bag.submission_id}"
    begun = api.put(url, json=bag.begin_body()).json()
    files = bag.by_sha256()
    for sha256 in begun["missing"]:
        path, data = files[sha256]
        assert api.upload(bag.submission_id, path, data).status_code == 204
    answer_path = "data/answers/p1-01-describe-your-class-grade-level-subject.txt"
    sha256 = hashlib.sha256(bag.files[answer_path]).hexdigest()
    blob = server.data / "blobs" / sha256[:2] / sha256
    blob.write_bytes(blob.read_bytes().upper())
    damaged = api.post(f"{url}/finalize")
    assert damaged.status_code == 409
    assert damaged.json()["missing"] == [sha256]
    assert api.put(url, json=bag.begin_body()).json()["missing"] == [sha256]
    assert api.upload(bag.submission_id, answer_path, bag.files[answer_path]).ok
    assert api.post(f"{url}/finalize").status_code == 200


def test_a_bag_without_its_metadata_is_refused(server: Server,
        teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="This bag lost its submission.json on the way somehow.")
    files = {p: d for p, d in bag.files.items() if p != "data/submission.json"}
    refused = server.send(Bag(bag.submission_id, bag.bag_name, files))
    assert refused.status_code == 422
    problems = " ".join(refused.json()["problems"])
    assert "submission.json" in problems
