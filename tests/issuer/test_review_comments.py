"""Review comments on the issuer: a pushed comment that breaks the protocol is a 422 naming it;
once decided, the earner's status carries the comments meant for them (audience "earner" only,
a missing audience counting as private), reduced to the protocol's members and never naming
the assessor; before the decision, none; test thread."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest

from mcdesk_issuer.comments import comment_problems, earner_comments
from tests.issuer.conftest import RUBRIC, Portfolio, Server
from tests.issuer.test_reviews import assignment_for, review

EVIDENCE = "urn:uuid:0b6f2b1e-7a51-4a57-9f5e-0c7d4c1a8e11"


def comment(**members: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"id": str(uuid.uuid4()), "text": "Students sort their tickets.",
                            "kind": "strength", "audience": "earner", "evidenceId": EVIDENCE}
    body.update(members)
    return {k: v for k, v in body.items() if v is not None}


@pytest.fixture
def received(server: Server, teacher_portfolio: Portfolio) -> str:
    bag = teacher_portfolio.bag(answer=f"Comments test {uuid.uuid4()}: a bag with comments.")
    answer = server.send(bag)
    assert answer.status_code == 200, answer.text
    return bag.submission_id


@pytest.mark.parametrize(("bad", "words"), [
    ("not an object", "a comment is a JSON object"),
    ({"audience": "earner"}, "text must be some words"),
    (comment(text="   "), "text must be some words"),
    (comment(text="x" * 20_001), "at most 20,000"),
    (comment(atSeconds=-1), "atSeconds must be a number of seconds, 0 or more"),
    (comment(atSeconds="12"), "atSeconds must be a number"),
    (comment(atSeconds=True), "atSeconds must be a number"),
    (comment(endSeconds=3), "endSeconds needs an atSeconds"),
    (comment(atSeconds=5, endSeconds=4.5), "endSeconds needs an atSeconds no later"),
    (comment(audience="everyone"), 'audience must be "earner" or "issuer"'),
    (comment(kind="praise"), "kind must be one of"),
    (comment(page=0), "page must be a whole number from 1"),
    (comment(page=1.5), "page must be a whole number from 1"),
    (comment(region={"x": 0.8, "y": 0, "width": 0.5, "height": 0.2}), "inside the picture"),
    (comment(region={"x": 0, "y": 0}), "region must be an object of numbers"),
    (comment(passage={"start": 4, "end": 4}), "at least one character"),
    (comment(passage={"start": 0, "end": 4, "quote": 7}), "quote must be text"),
    (comment(evidenceId=7), "evidenceId must be text"),
    (comment(createdAt="yesterday"), "createdAt must be an RFC 3339"),
])
def test_a_bad_comment_is_named_in_words(bad: object, words: str) -> None:
    fine = comment(atSeconds=1.5, endSeconds=2, page=2,
                   region={"x": 0.1, "y": 0.2, "width": 0.9, "height": 0.8},
                   passage={"start": 0, "end": 9, "quote": "Students "},
                   createdAt="2026-12-01T09:00:00.123+00:00")
    assert comment_problems([fine]) == []
    problems = comment_problems([fine, bad])
    assert len(problems) == 1, problems
    assert problems[0].startswith("comments[1]: ") and words in problems[0], problems


def test_only_comments_for_the_earner_are_shown_and_only_their_protocol_members() -> None:
    first = [comment(text="Shown", atSeconds=80, assessor="Cleo Assessor"),
             comment(text="Private", audience="issuer"),
             {"text": "No audience: private by default"},
             "not even an object"]
    second = [comment(text="Also shown", id=None, evidenceId=None)]
    shown = earner_comments([first, second])
    assert [c["text"] for c in shown] == ["Shown", "Also shown"]
    assert "assessor" not in shown[0] and shown[0]["atSeconds"] == 80
    assert shown[1] == {"text": "Also shown", "kind": "strength", "audience": "earner"}


def test_the_server_refuses_bad_comments_with_a_422_naming_each(server: Server,
                                                               received: str) -> None:
    assigned = assignment_for(server, "assessor", received)
    url = f"/api/v1/assignments/{assigned['assignmentId']}/review"
    api = server.api("assessor")
    bad = review(comments=[comment(), 42, comment(atSeconds=-3, audience="all")])
    answer = api.put(url, json=bad)
    assert answer.status_code == 422, answer.text
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert answer.json()["problems"] == [
        "comments[1]: a comment is a JSON object",
        'comments[2]: audience must be "earner" or "issuer"',
        "comments[2]: atSeconds must be a number of seconds, 0 or more"]
    assert api.get(url).status_code == 404  # nothing was stored
    good = review(comments=[comment(atSeconds=12.5, endSeconds=20, path="data/a.mp4")])
    stored = api.put(url, json=good)
    assert stored.status_code == 201, stored.text
    assert api.get(url).json()["comments"] == good["comments"]


def test_the_earner_sees_the_comments_meant_for_them_once_decided(server: Server,
                                                                  received: str) -> None:
    earner = server.api("earner")
    status_url = f"/api/v1/submissions/{received}"
    for who, texts in (("assessor", ("From the first", "Issuer only (first)")),
                       ("assessor2", ("From the second", "Issuer only (second)"))):
        assigned = assignment_for(server, who, received)
        body = review(comments=[
            comment(text=texts[0], atSeconds=80, rubricCriterionId=f"{RUBRIC}/video",
                    reviewer=f"{who} wrote this"),
            comment(text=texts[1], audience="issuer"),
            {"text": f"No audience ({who})", "atSeconds": 3}])
        put = server.api(who).put(f"/api/v1/assignments/{assigned['assignmentId']}/review",
                                  json=body)
        assert put.status_code == 201, put.text
    before = earner.get(status_url).json()
    assert before["state"] == "in review" and "comments" not in before
    assert all("comments" not in s for s in earner.get("/api/v1/submissions").json()
               if s["submissionId"] == received)

    decided = server.api("staff").post(f"{status_url}/decision",
                                       json={"state": "not yet", "feedback": [],
                                             "overrideReason": "Set-up: no waiting for reviews."})
    assert decided.status_code == 200, decided.text
    status = earner.get(status_url).json()
    assert [c["text"] for c in status["comments"]] == ["From the first", "From the second"]
    first = status["comments"][0]
    assert first["atSeconds"] == 80 and first["audience"] == "earner"
    assert first["evidenceId"] == EVIDENCE and first["kind"] == "strength"
    text = json.dumps(status)
    for secret in ("Issuer only", "No audience", "reviewer", "Cleo", "Dev", "assessor",
                   "reviewId", "assignmentId"):
        assert secret not in text, secret
    listed = [s for s in earner.get("/api/v1/submissions").json()
              if s["submissionId"] == received]
    assert listed == [status]
    assert decided.json() == status


def test_members_nested_in_a_region_or_passage_never_reach_the_earner(
        server: Server, teacher_portfolio: Portfolio) -> None:
    """An assessor hides their name inside a region and a passage: the earner's copy keeps
    only the documented members at every depth."""
    bag = teacher_portfolio.bag(answer=f"Nested members test {uuid.uuid4()}: Ben's bag.")
    assert server.send(bag, "earner2").status_code == 200  # Ada's attempts stay free
    received = bag.submission_id
    assigned = assignment_for(server, "assessor", received)
    region = {"x": 0.1, "y": 0.2, "width": 0.3, "height": 0.4, "assessor": "Cleo Assessor",
              "note": {"by": "Cleo"}}
    passage = {"start": 0, "end": 9, "quote": "Students ", "reviewer": "Cleo Assessor"}
    body = review(comments=[comment(text="On the photo", page=1, region=region),
                            comment(text="On the answer", passage=passage)])
    put = server.api("assessor").put(
        f"/api/v1/assignments/{assigned['assignmentId']}/review", json=body)
    assert put.status_code == 201, put.text
    status_url = f"/api/v1/submissions/{received}"
    decided = server.api("staff").post(f"{status_url}/decision", json={
        "state": "not yet", "feedback": [], "overrideReason": "Set-up: no second review."})
    assert decided.status_code == 200, decided.text
    shown = server.api("earner2").get(status_url).json()["comments"]
    assert [c["text"] for c in shown] == ["On the photo", "On the answer"]
    assert shown[0]["region"] == {"x": 0.1, "y": 0.2, "width": 0.3, "height": 0.4}
    assert shown[1]["passage"] == {"start": 0, "end": 9, "quote": "Students "}
    assert "Cleo" not in json.dumps(shown)
    # The issuer keeps what the assessor sent.
    stored = server.api("assessor").get(
        f"/api/v1/assignments/{assigned['assignmentId']}/review").json()
    assert stored["comments"][0]["region"]["assessor"] == "Cleo Assessor"


def test_the_earners_view_of_nested_members_is_whitelisted() -> None:
    shown = earner_comments([[comment(region={"x": 0, "y": 0, "width": 1, "height": 1,
                                              "who": "Cleo"},
                                      passage={"start": 1, "end": 2, "by": "Cleo"})]])
    assert shown[0]["region"] == {"x": 0, "y": 0, "width": 1, "height": 1}
    assert shown[0]["passage"] == {"start": 1, "end": 2}
