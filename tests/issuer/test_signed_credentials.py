"""What the reference issuer signs: OB 3.0 credentials with the badge image, the submission's
evidence (names only), rubric results and awardedDate, as a VC-JWT and with a Data Integrity
proof, both verified offline by mcdesk; one flipped byte makes them fail; a completed stack
earns its own credential; test thread."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from mcdesk.credentials.baking import bake_png
from mcdesk.credentials.verification import Verification, VerificationState, verify_bytes
from mcdesk_issuer.credentials import award
from mcdesk_issuer.db import Credential, StackCredential, Submission, utcnow
from mcdesk_issuer.keys import IssuerKey, b64url_decode
from tests.credentials.test_bad_input import tiny_png
from tests.issuer.conftest import EXIT_TICKETS, ISSUER_NAME, RUBRIC, Portfolio, Server

FORMATIVE = "https://demo.mcdesk.org/stacks/formative-assessment"
LEVELS = {"overview": "proficient", "video": "exemplary", "analysis": "proficient",
          "reflection": "proficient"}


def assert_ob3(credential: dict[str, Any]) -> None:
    """The fields OB 3.0 requires of an AchievementCredential and what it holds."""
    assert credential["@context"][:2] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
    assert credential["id"].startswith("urn:uuid:")
    assert {"VerifiableCredential", "OpenBadgeCredential"} <= set(credential["type"])
    assert credential["issuer"]["id"] and "Profile" in credential["issuer"]["type"]
    assert credential["name"] and credential["validFrom"].endswith("Z")
    subject = credential["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    achievement = subject["achievement"]
    for field in ("id", "type", "name", "description", "criteria"):
        assert achievement[field], field
    assert "Achievement" in achievement["type"]
    for identity in subject.get("identifier", []):
        assert identity["type"] == "IdentityObject"
        assert {"identityHash", "identityType", "hashed"} <= identity.keys()
    for result in subject.get("result", []):
        assert "Result" in result["type"]
    for evidence in credential.get("evidence", []):
        assert "Evidence" in evidence["type"]


def earn(server: Server, portfolio: Portfolio, who: str) -> str:
    bag = portfolio.bag(answer=f"Signed credentials test {uuid.uuid4()}: a bag to earn with.")
    assert server.send(bag, who).status_code == 200
    answer = server.api("staff").post(
        f"/api/v1/submissions/{bag.submission_id}/decision",
        json={"state": "earned", "feedback": [
            {"rubricCriterionId": f"{RUBRIC}/{c}", "levelId": f"{RUBRIC}/{c}/{level}",
             "feedback": ""} for c, level in LEVELS.items()],
            "overrideReason": "Set-up: no waiting for reviews."})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["credentialId"])


def tokens_of(server: Server, who: str) -> list[str]:
    page = server.api(who).get("/ims/ob/v3p0/credentials", params={"limit": 100})
    assert page.status_code == 200
    return list(page.json()["compactJwsStrings"])


def verified(data: str | bytes, name: str) -> Verification:
    result = verify_bytes(data if isinstance(data, bytes) else data.encode(), name)
    assert result.state is VerificationState.VERIFIED, result.reasons
    return result


def test_an_earned_credential_is_rich_and_verifies_both_ways(server: Server,
                                                            teacher_portfolio: Portfolio) -> None:
    who = "signed-earner"
    server.tokens[who] = server.issuer().create_token("earner", "Gia Teacher").token
    credential_id = earn(server, teacher_portfolio, who)
    token = next(t for t in tokens_of(server, who)
                 if json.loads(b64url_decode(t.split(".")[1]))["jti"] == credential_id)
    from_jwt = verified(token, "badge.jwt")
    with server.issuer().db.session() as s:
        stored = s.get(Credential, credential_id)
        assert stored is not None
        document = stored.json
    signed = json.loads(document)
    assert signed["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert_ob3(signed)
    from_proof = verified(document, "badge.json")
    for result in (from_jwt, from_proof):
        assert result.issuer_name == ISSUER_NAME
        assert result.achievement_id == EXIT_TICKETS
        assert result.achievement_name == "Checking for Understanding with Exit Tickets"
        assert result.achievement_type == "MicroCredential"
        assert result.image is not None and result.image.startswith("data:image/svg+xml;base64,")
        assert result.awarded is not None
        assert abs((datetime.now(UTC) - result.awarded).total_seconds()) < 300
        assert len(result.results) == 4
        assert all(name and level in ("Proficient", "Exemplary")
                   for name, level in result.results)
        names = sorted(e["name"] for e in result.evidence)
        assert names and all(set(e) <= {"type", "name", "genre", "narrative"}
                             for e in result.evidence)
        assert not any("path" in json.dumps(e) or "sha256" in json.dumps(e)
                       for e in result.evidence)
        assert {"Video", "Document"} <= {e["genre"] for e in result.evidence}


def test_one_flipped_byte_anywhere_makes_an_issued_credential_fail() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = IssuerKey(Ed25519PrivateKey.generate())
    achievement = {"id": "https://example.org/a/1", "type": ["Achievement"], "name": "Wait",
                   "description": "Waits.", "criteria": {"narrative": "Wait."}}
    made = award(key=key, issuer_name="Small", credential_id="urn:uuid:" + str(uuid.uuid4()),
                 earner_id="e1", earner_name="E", achievement=achievement,
                 valid_from=datetime(2026, 1, 1, tzinfo=UTC), results=(),
                 evidence=[{"name": "Clip", "genre": "Video", "narrative": "Row 2."}])
    token = made.jws.encode()
    verified(token, "t.jwt")
    for position in range(len(token)):  # every byte of the VC-JWT
        flipped = bytearray(token)
        flipped[position] ^= 0x01
        result = verify_bytes(bytes(flipped), "t.jwt")
        assert result.state is VerificationState.FAILED, (position, chr(token[position]))
    document = json.dumps(made.signed, separators=(",", ":")).encode()
    verified(document, "d.json")
    for position in range(0, len(document), 5):  # a dense sample of the proof-signed JSON
        flipped = bytearray(document)
        flipped[position] ^= 0x01
        result = verify_bytes(bytes(flipped), "d.json")
        assert result.state is not VerificationState.VERIFIED, (position, document[position:
                                                                                    position + 20])
    baked = bake_png(tiny_png(), made.jws)
    verified(baked, "b.png")
    for position in range(0, len(baked), 3):
        flipped = bytearray(baked)
        flipped[position] ^= 0x01
        assert verify_bytes(bytes(flipped), "b.png").state is VerificationState.FAILED, position


def test_earning_every_member_of_a_stack_issues_the_stack_credential(
        server: Server, teacher_portfolio: Portfolio) -> None:
    who = "stack-earner"
    server.tokens[who] = server.issuer().create_token("earner", "Hal Teacher").token
    me = server.api(who).get("/api/v1/me").json()["id"]
    catalog = server.api(who).get("/api/v1/catalog").json()
    members = [a for a in catalog["achievements"]
               if (a.get("mcdeskMicroCredential") or {}).get("stack", {}).get("id") == FORMATIVE]
    assert len(members) == 4
    issuer = server.issuer()
    with issuer.db.session() as s:  # the other three earned earlier
        for member in members:
            if member["id"] == EXIT_TICKETS:
                continue
            s.add(Submission(id=str(uuid.uuid4()), earner_id=me, achievement_id=member["id"],
                             version=member["version"], attempt=1, bag_name="earlier.zip",
                             body_hash="0" * 64, state="earned", created_at=utcnow()))
    before = tokens_of(server, who)
    earn(server, teacher_portfolio, who)
    after = tokens_of(server, who)
    assert len(after) == len(before) + 2
    results = [verified(t, "t.jwt") for t in after if t not in before]
    stack = next(r for r in results if r.achievement_id == FORMATIVE)
    assert stack.achievement_name == "Formative Assessment"
    assert stack.achievement_type == "Certificate"
    assert stack.image is not None and stack.image.startswith("data:image/svg+xml")
    assert sorted(e["name"] for e in stack.evidence) == sorted(m["name"] for m in members)
    with issuer.db.session() as s:
        rows = list(s.scalars(select(StackCredential).where(StackCredential.earner_id == me)))
        assert len(rows) == 1
        assert_ob3(json.loads(rows[0].json))
        verified(rows[0].json, "stack.json")
    earn(server, teacher_portfolio, who)  # earning a member again issues no second stack credential
    assert len(tokens_of(server, who)) == len(after) + 1
