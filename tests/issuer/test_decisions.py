"""Staff decisions, the Open Badges 3.0 credential they issue (a VC-JWT whose EdDSA signature
verifies), the OB 3.0 API (paged credentials, discovery, profile) and the command line:
tokens, catalog import, assign, decide; test thread."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from mcdesk_issuer.keys import b64url, b64url_decode, public_key_of_did, verify_jws
from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import (
    EXIT_TICKETS,
    ISSUER_NAME,
    RUBRIC,
    Backend,
    Portfolio,
    Server,
    database_args,
    start_server,
    stop_server,
    upload_in_process,
)

LEVELS = {"overview": "proficient", "video": "exemplary", "analysis": "proficient",
          "reflection": "proficient"}


def feedback(level: str | None = None) -> list[dict[str, Any]]:
    return [{"rubricCriterionId": f"{RUBRIC}/{c}",
             "levelId": f"{RUBRIC}/{c}/{level or chosen}", "feedback": f"About {c}."}
            for c, chosen in LEVELS.items()]


def received(server: Server, teacher_portfolio: Portfolio, who: str = "earner") -> str:
    bag = teacher_portfolio.bag(answer=f"Decisions test {uuid.uuid4()}: a bag to decide on.")
    answer = server.send(bag, who)
    assert answer.status_code == 200, answer.text
    return bag.submission_id


def decide(server: Server, submission_id: str, state: str, items: list[dict[str, Any]],
           who: str = "staff") -> Any:
    return server.api(who).post(f"/api/v1/submissions/{submission_id}/decision",
                                json={"state": state, "feedback": items,
                                      "overrideReason": "Set-up: no waiting for reviews."})


def public_key(server: Server) -> Any:
    key = serialization.load_pem_private_key(
        (server.data / "issuer-key.pem").read_bytes(), password=None)
    assert isinstance(key, Ed25519PrivateKey)
    return key.public_key()


def test_earned_issues_a_signed_open_badge_credential(server: Server,
                                                      teacher_portfolio: Portfolio) -> None:
    submission = received(server, teacher_portfolio)
    answer = decide(server, submission, "earned", feedback())
    assert answer.status_code == 200, answer.text
    status = answer.json()
    assert status["state"] == "earned"
    assert status["credentialId"].startswith("urn:uuid:")
    assert status["decidedAt"].endswith("Z")
    assert status["feedback"] == feedback()
    assert server.api("earner").get(f"/api/v1/submissions/{submission}").json() == status

    page = server.api("earner").get("/ims/ob/v3p0/credentials", params={"limit": 100})
    assert page.status_code == 200
    assert page.json()["credential"] == []
    tokens = page.json()["compactJwsStrings"]
    payloads = [json.loads(b64url_decode(t.split(".")[1])) for t in tokens]
    token = next(t for t, p in zip(tokens, payloads, strict=True)
                 if p["jti"] == status["credentialId"])

    header, payload = verify_jws(token, public_key(server))
    assert header["alg"] == "EdDSA" and header["typ"] == "JWT"
    did = payload["iss"]
    assert did.startswith("did:key:z6Mk")
    assert header["kid"].startswith(did + "#")
    verify_jws(token, public_key_of_did(header["kid"]))  # the kid alone is enough
    credential = payload["vc"]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    assert credential["id"] == payload["jti"] == status["credentialId"]
    assert credential["issuer"] == {"id": did, "type": ["Profile"], "name": ISSUER_NAME}
    valid_from = datetime.fromisoformat(credential["validFrom"].replace("Z", "+00:00"))
    assert payload["nbf"] == int(valid_from.timestamp())
    assert abs((datetime.now(UTC) - valid_from).total_seconds()) < 120
    subject = credential["credentialSubject"]
    assert subject["id"] == payload["sub"]
    me = server.api("earner").get("/api/v1/me").json()
    assert subject["id"] == f"urn:uuid:{me['id']}"
    assert subject["type"] == ["AchievementSubject"]
    catalog = server.api("earner").get("/api/v1/catalog").json()
    achievement = next(a for a in catalog["achievements"] if a["id"] == EXIT_TICKETS)
    assert subject["achievement"] == {k: v for k, v in achievement.items() if k != "@context"}
    assert "https://purl.mcdesk.org/context/v1.jsonld" in credential["@context"]
    assert {r["resultDescription"]: r["achievedLevel"] for r in subject["result"]} == {
        f"{RUBRIC}/{c}": f"{RUBRIC}/{c}/{level}" for c, level in LEVELS.items()}

    forged = dict(payload, vc={**credential, "name": "A badge never earned"})
    parts = token.split(".")
    parts[1] = b64url(json.dumps(forged).encode())
    with pytest.raises(ValueError, match="does not verify"):
        verify_jws(".".join(parts), public_key(server))


def test_a_decision_is_idempotent_and_final(server: Server, teacher_portfolio: Portfolio) -> None:
    submission = received(server, teacher_portfolio)
    first = decide(server, submission, "not yet", feedback("developing"))
    assert first.status_code == 200
    assert first.json()["state"] == "not yet"
    assert first.json()["credentialId"] is None
    again = decide(server, submission, "not yet", feedback("developing"))
    assert again.status_code == 200
    assert again.json() == first.json()
    other = decide(server, submission, "earned", feedback())
    assert other.status_code == 409
    status = server.api("earner").get(f"/api/v1/submissions/{submission}").json()
    assert status["state"] == "not yet"
    assert status["feedback"][0]["feedback"] == "About overview."
    assert decide(server, submission, "earned", feedback(), who="assessor").status_code == 403
    assert decide(server, submission, "earned", feedback(), who="earner").status_code == 403
    # Reviews are closed once decided.
    assigned = next(a for a in server.api("assessor").get("/api/v1/assignments").json()
                    if a["submissionId"] == submission)
    closed = server.api("assessor").put(
        f"/api/v1/assignments/{assigned['assignmentId']}/review",
        json={"reviewId": str(uuid.uuid4()), "scores": [], "comments": [],
              "decision": "not yet", "overrideReason": "Late."})
    assert closed.status_code == 409


def test_decisions_check_their_input(server: Server, teacher_portfolio: Portfolio) -> None:
    unknown = decide(server, str(uuid.uuid4()), "earned", [])
    assert unknown.status_code == 404
    submission = received(server, teacher_portfolio)
    wrong = feedback()
    wrong[0]["levelId"] = "https://example.org/levels/x"
    assert decide(server, submission, "earned", wrong).status_code == 422
    assert server.api("staff").post(f"/api/v1/submissions/{submission}/decision",
                                    json={"state": "maybe"}).status_code == 400
    bag = teacher_portfolio.bag(answer="An open submission cannot be decided yet, not at all.")
    server.api("earner").put(f"/api/v1/submissions/{bag.submission_id}",
                             json=bag.begin_body())
    assert decide(server, bag.submission_id, "earned", []).status_code == 409


def test_credentials_are_paged_with_a_total_and_links(server: Server,
                                                      teacher_portfolio: Portfolio) -> None:
    for _ in range(3):
        submission = received(server, teacher_portfolio, "earner2")
        assert decide(server, submission, "earned", feedback()).status_code == 200
    api = server.api("earner2")
    seen: list[str] = []
    url: str | None = "/ims/ob/v3p0/credentials?limit=2&offset=0"
    pages = 0
    total = None
    while url is not None and pages < 10:
        page = api.get(url)
        assert page.status_code == 200
        total = int(page.headers["X-Total-Count"])
        seen += page.json()["compactJwsStrings"]
        pages += 1
        url = page.links.get("next", {}).get("url")
    assert total == 3 and len(seen) == 3 and len(set(seen)) == 3 and pages == 2
    last = api.get("/ims/ob/v3p0/credentials?limit=2&offset=2")
    assert "prev" in last.links and "next" not in last.links
    for token in seen:
        payload = json.loads(b64url_decode(token.split(".")[1]))
        me = api.get("/api/v1/me").json()
        assert payload["sub"] == f"urn:uuid:{me['id']}"
    staff = server.api("staff").get("/ims/ob/v3p0/credentials?limit=1")
    assert int(staff.headers["X-Total-Count"]) >= 4
    future = api.get("/ims/ob/v3p0/credentials", params={"since": "2999-01-01T00:00:00Z"})
    assert future.json()["compactJwsStrings"] == [] and future.headers["X-Total-Count"] == "0"
    for bad in ({"limit": 0}, {"offset": -1}, {"since": "yesterday"}, {"limit": "x"}):
        assert api.get("/ims/ob/v3p0/credentials", params=bad).status_code == 400


def test_the_open_badges_discovery_and_profile(server: Server) -> None:
    discovery = server.api(None).get("/ims/ob/v3p0/discovery")
    assert discovery.status_code == 200
    body = discovery.json()
    assert body["info"]["title"] == ISSUER_NAME
    assert body["servers"][0]["url"] == f"{server.url}/ims/ob/v3p0"
    assert "/credentials" in body["paths"]
    profile = server.api("earner").get("/ims/ob/v3p0/profile")
    assert profile.status_code == 200
    assert profile.json()["type"] == ["Profile"]
    assert profile.json()["name"] == "Ada Teacher"
    assert server.api(None).get("/ims/ob/v3p0/profile").status_code == 401


# ------------------------------------------------------------------------------------ CLI


def cli(data: Path, url: str | None, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mcdesk_issuer", "--data", str(data),
                           *database_args(url), *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_the_command_line_runs_an_issuer(tmp_path: Path, teacher_portfolio: Portfolio,
                                        backend: Backend) -> None:
    data = tmp_path / "issuer"
    url = backend.database_url()
    imported = cli(data, url, "catalog", "import", str(DEMO_CATALOG))
    assert imported.returncode == 0, imported.stderr
    assert EXIT_TICKETS in imported.stdout
    tokens = {}
    for role, name in (("earner", "Fay Teacher"), ("assessor", "Gus Assessor"),
                       ("assessor", "Hal Assessor"), ("staff", "Ivy Staff")):
        made = cli(data, url, "token", "create", "--role", role, "--name", name)
        assert made.returncode == 0, made.stderr
        assert "shown only this once" in made.stderr
        tokens[name] = made.stdout.strip()
        assert tokens[name].startswith("mci_")
    listed = cli(data, url, "token", "list")
    assert "Gus Assessor" in listed.stdout and tokens["Gus Assessor"] not in listed.stdout
    refused = cli(data, url, "catalog", "import", str(tmp_path / "missing.json"))
    assert refused.returncode == 1
    (tmp_path / "bad.json").write_text('{"type": "McdeskCatalog"}', encoding="utf-8")
    assert cli(data, url, "catalog", "import", str(tmp_path / "bad.json")).returncode == 1

    process, address = start_server(data, *database_args(url))
    try:
        server = Server(address, data, process, {"earner": tokens["Fay Teacher"],
                                             "assessor": tokens["Gus Assessor"]})
        bag = teacher_portfolio.bag(answer="Sent to an issuer run from the command line.")
        assert server.send(bag).status_code == 200
        assigned = server.api("assessor").get("/api/v1/assignments").json()
        assert [a["submissionId"] for a in assigned] == [bag.submission_id]
        assert cli(data, url, "assign", bag.submission_id, "Nobody").returncode == 1
        again = cli(data, url, "assign", bag.submission_id, "Gus Assessor")
        assert again.returncode == 0
        assert again.stdout.strip() == assigned[0]["assignmentId"]  # already assigned
        review = {"reviewId": str(uuid.uuid4()),
                  "scores": [{"rubricCriterionId": f"{RUBRIC}/{c}",
                              "levelId": f"{RUBRIC}/{c}/{level}", "feedback": f"{c} ok"}
                             for c, level in LEVELS.items()],
                  "comments": [], "decision": "earned", "overrideReason": None}
        put = server.api("assessor").put(
            f"/api/v1/assignments/{assigned[0]['assignmentId']}/review", json=review)
        assert put.status_code == 201
        # Set-up: the other assessor's review too (a decision waits for every review).
        other = Server(address, data, process, {"assessor": tokens["Hal Assessor"]})
        hal = other.api("assessor").get("/api/v1/assignments").json()[0]["assignmentId"]
        assert other.api("assessor").put(f"/api/v1/assignments/{hal}/review", json={
            **review, "reviewId": str(uuid.uuid4())}).status_code == 201
        decided = cli(data, url, "decide", bag.submission_id, "earned")
        assert decided.returncode == 0, decided.stderr
        status = json.loads(decided.stdout)
        assert status["state"] == "earned" and status["credentialId"]
        assert {f["levelId"] for f in status["feedback"]} == {
            f"{RUBRIC}/{c}/{level}" for c, level in LEVELS.items()}
        listing = cli(data, url, "submissions")
        assert bag.submission_id in listing.stdout and "earned" in listing.stdout
        jws = server.api("earner").get("/ims/ob/v3p0/credentials").json()["compactJwsStrings"]
        assert len(jws) == 1
        revoked = cli(data, url, "token", "revoke", "Fay Teacher")
        assert revoked.returncode == 0 and revoked.stdout.startswith("1 ")
        assert server.api("earner").get("/api/v1/me").status_code == 401
    finally:
        stop_server(process)


def test_received_submissions_go_to_the_assessors_in_turn(tmp_path: Path,
                                                          teacher_portfolio: Portfolio,
                                                          backend: Backend) -> None:
    """Three assessors, two per submission: the pairs rotate (A B, C A, B C)."""
    from mcdesk_issuer.models import BeginBody
    from mcdesk_issuer.service import Caller, Issuer

    issuer = Issuer(backend.settings(tmp_path / "issuer"))
    try:
        issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        earner = issuer.create_token("earner", "Jo Teacher")
        for name in ("A", "B", "C"):
            issuer.create_token("assessor", f"Assessor {name}")
        issuer.create_token("assessor", "Assessor Gone", expires_days=-1)
        caller = Caller(earner.account_id, earner.name, earner.role)
        names = {a.id: a.name[-1] for a, _ in issuer.accounts()}
        pairs = []
        for number in range(3):
            bag = teacher_portfolio.bag(answer=f"Round robin {number}: who reviews this one?")
            issuer.begin(caller, bag.submission_id, BeginBody.model_validate(bag.begin_body()))
            upload_in_process(issuer, caller, bag)
            assert issuer.finalize(caller, bag.submission_id)["state"] == "received"
            pairs.append(sorted(names[assessor]
                                for assessor in _assessors_of(issuer, bag.submission_id)))
        assert pairs == [["A", "B"], ["A", "C"], ["B", "C"]]
    finally:
        issuer.close()


def _assessors_of(issuer: Any, submission_id: str) -> list[str]:
    from sqlalchemy import select

    from mcdesk_issuer.db import Assignment

    with issuer.db.session() as session:
        return list(session.scalars(select(Assignment.assessor_id)
                                    .where(Assignment.submission_id == submission_id)))
