"""The staff calls over HTTP on the running reference issuer: the token checked first (401),
then the role (403 for everyone but staff), same-name people made apart through the API, and a
decision without reviews refused; test thread."""

from __future__ import annotations

import uuid

import pytest

from tests.issuer.conftest import EXIT_TICKETS, Portfolio, Server

STAFF_GETS = ["/api/v1/staff/submissions", "/api/v1/staff/pools", "/api/v1/staff/calibration",
              "/api/v1/staff/people", "/api/v1/staff/report"]


@pytest.mark.parametrize("path", STAFF_GETS)
def test_staff_calls_check_the_token_then_the_role(server: Server, path: str) -> None:
    assert server.api(None).get(path).status_code == 401
    assert server.api("expired").get(path).status_code == 401
    for who in ("earner", "assessor"):
        refused = server.api(who).get(path)
        assert refused.status_code == 403, (who, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert server.api("staff").get(path).status_code == 200


def test_staff_writes_refuse_other_roles(server: Server) -> None:
    body = {"role": "earner", "name": "Nobody"}
    assert server.api(None).post("/api/v1/staff/tokens", json=body).status_code == 401
    assert server.api("earner").post("/api/v1/staff/tokens", json=body).status_code == 403
    change = {"achievementId": EXIT_TICKETS, "personId": str(uuid.uuid4()), "kind": "expert"}
    assert server.api("assessor").post("/api/v1/staff/pools/members",
                                       json=change).status_code == 403
    assert server.api("staff").post("/api/v1/staff/pools/members",
                                    json=change).status_code == 404
    # Taking a calibration item out: the token, then the role, then the item.
    item = f"/api/v1/staff/calibration/{uuid.uuid4()}"
    assert server.api(None).request("DELETE", item).status_code == 401
    assert server.api("assessor").request("DELETE", item).status_code == 403
    missing = server.api("staff").request("DELETE", item)
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_tokens_through_the_api_keep_same_name_people_apart(server: Server) -> None:
    staff = server.api("staff")
    first = staff.post("/api/v1/staff/tokens", json={"role": "earner", "name": "Kim Park"})
    second = staff.post("/api/v1/staff/tokens", json={"role": "earner", "name": "Kim Park"})
    assert first.status_code == second.status_code == 201
    assert first.json()["personId"] != second.json()["personId"]
    same = staff.post("/api/v1/staff/tokens", json={"role": "assessor",
                                                    "personId": first.json()["personId"]})
    assert same.status_code == 201 and same.json()["personId"] == first.json()["personId"]
    me = server.api(None)
    me.session.headers["Authorization"] = f"Bearer {same.json()['token']}"
    assert me.get("/api/v1/me").json()["role"] == "assessor"
    person = staff.get(f"/api/v1/staff/people/{first.json()['personId']}").json()
    assert person["roles"] == ["assessor", "earner"]
    assert all("token" not in t for t in person["tokens"])
    both = staff.post("/api/v1/staff/tokens", json={
        "role": "earner", "name": "X", "personId": first.json()["personId"]})
    assert both.status_code == 422


def test_a_decision_without_reviews_is_refused(server: Server,
                                               teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer=f"Staff API {uuid.uuid4()}: no review yet.")
    assert server.send(bag).status_code == 200
    url = f"/api/v1/submissions/{bag.submission_id}/decision"
    refused = server.api("staff").post(url, json={"state": "earned", "feedback": []})
    assert refused.status_code == 409 and refused.json()["reviewsIn"] == 0
    waiting = {w["submissionId"]: w for w in
               server.api("staff").get("/api/v1/staff/submissions").json()}
    assert not waiting[bag.submission_id]["ready"]
    side = server.api("staff").get(f"/api/v1/staff/submissions/{bag.submission_id}/reviews")
    assert side.status_code == 200 and side.json()["rule"] is None
