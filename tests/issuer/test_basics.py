"""Discovery, tokens and roles, the catalog with its ETag, problem documents; test thread."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from mcdesk_issuer.db import Base
from tests.issuer.conftest import ISSUER_NAME, Server

REPO = Path(__file__).resolve().parents[2]


def test_discovery_needs_no_token_and_says_where_everything_is(server: Server) -> None:
    answer = server.api(None).get("/.well-known/mcdesk-issuer")
    assert answer.status_code == 200
    body = answer.json()
    assert body["name"] == ISSUER_NAME
    assert body["protocolVersion"] == "1.0"
    assert body["apiBase"] == "/api/v1"
    assert body["limits"]["maxFileBytes"] == 4 * 1024**3
    assert body["limits"]["maxSubmissionBytes"] == 8 * 1024**3
    assert {"video/mp4", "image/jpeg", "application/pdf"} <= set(
        body["limits"]["acceptedMediaTypes"])
    assert body["tus"] == {"endpoint": "/api/v1/uploads/", "version": "1.0.0",
                           "extensions": ["creation", "termination", "expiration"],
                           "maxSize": 4 * 1024**3}
    assert body["auth"]["type"] == "bearer"
    assert body["openBadgesApi"] == "/ims/ob/v3p0"


@pytest.mark.parametrize(("who", "name", "role"), [
    ("earner", "Ada Teacher", "earner"), ("assessor", "Cleo Assessor", "assessor"),
    ("staff", "Eve Coordinator", "staff")])
def test_me_names_the_person_and_role(server: Server, who: str, name: str, role: str) -> None:
    answer = server.api(who).get("/api/v1/me")
    assert answer.status_code == 200
    body = answer.json()
    assert body["displayName"] == name
    assert body["role"] == role
    assert len(body["id"]) == 36


@pytest.mark.parametrize("authorization", [None, "Bearer nope", "Basic dXNlcjpwYXNz",
                                           "Bearer "])
def test_missing_or_unknown_tokens_get_401_with_a_bearer_challenge(
        server: Server, authorization: str | None) -> None:
    api = server.api(None)
    headers = {} if authorization is None else {"Authorization": authorization}
    answer = api.get("/api/v1/me", headers=headers)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert answer.headers["Content-Type"] == "application/problem+json"
    problem = answer.json()
    assert problem["status"] == 401 and problem["title"] and problem["detail"]
    assert problem["type"].startswith("https://")


def test_an_expired_token_gets_401(server: Server) -> None:
    answer = server.api("expired").get("/api/v1/me")
    assert answer.status_code == 401
    assert 'error="invalid_token"' in answer.headers["WWW-Authenticate"]
    assert "expired" in answer.json()["detail"]


@pytest.mark.parametrize(("who", "method", "path"), [
    ("assessor", "GET", "/api/v1/submissions"),
    ("assessor", "PUT", "/api/v1/submissions/3f1c1d2e-0000-4000-8000-000000000001"),
    ("staff", "POST", "/api/v1/submissions/3f1c1d2e-0000-4000-8000-000000000001/finalize"),
    ("earner", "GET", "/api/v1/assignments"),
    ("earner", "POST", "/api/v1/submissions/3f1c1d2e-0000-4000-8000-000000000001/decision"),
    ("assessor", "POST", "/api/v1/submissions/3f1c1d2e-0000-4000-8000-000000000001/decision"),
    ("earner", "PUT", "/api/v1/assignments/3f1c1d2e-0000-4000-8000-000000000001/review"),
    ("staff", "PUT", "/api/v1/assignments/3f1c1d2e-0000-4000-8000-000000000001/review"),
    ("assessor", "GET", "/ims/ob/v3p0/credentials"),
])
def test_a_role_that_may_not_make_a_call_gets_403(server: Server, who: str, method: str,
                                                  path: str) -> None:
    body = None
    if path.endswith("/decision"):
        body = {"state": "not yet", "feedback": []}
    elif path.endswith("/review"):
        body = {"reviewId": "3f1c1d2e-0000-4000-8000-000000000009", "scores": [],
                "comments": [], "decision": "not yet", "overrideReason": None}
    elif method == "PUT":
        body = {"achievementId": "x", "version": "1", "attempt": 1, "bagName": "b",
                "files": [{"path": "bagit.txt", "sha256": "0" * 64, "size": 1}]}
    answer = server.api(who).request(method, path, json=body)
    assert answer.status_code == 403, answer.text
    assert answer.headers["Content-Type"] == "application/problem+json"


def test_the_catalog_is_served_with_an_etag_and_304_when_unchanged(server: Server) -> None:
    api = server.api("earner")
    first = api.get("/api/v1/catalog")
    assert first.status_code == 200
    assert first.headers["Content-Type"].startswith("application/json")
    catalog = first.json()
    assert catalog["type"] == "McdeskCatalog"
    assert len(catalog["achievements"]) == 11
    etag = first.headers["ETag"]
    assert etag == f'"{hashlib.sha256(first.content).hexdigest()}"'
    again = api.get("/api/v1/catalog", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["ETag"] == etag
    other = api.get("/api/v1/catalog", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    assert server.api(None).get("/api/v1/catalog").status_code == 401


def test_unknown_paths_and_methods_answer_problems(server: Server) -> None:
    api = server.api("earner")
    missing = api.get("/api/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.headers["Content-Type"] == "application/problem+json"
    wrong = api.request("DELETE", "/api/v1/catalog")
    assert wrong.status_code == 405
    assert wrong.headers["Content-Type"] == "application/problem+json"


def test_malformed_bodies_are_400_problems_listing_what_is_wrong(server: Server) -> None:
    api = server.api("earner")
    answer = api.put("/api/v1/submissions/3f1c1d2e-0000-4000-8000-00000000000a",
                     json={"achievementId": "x", "attempt": "1"})
    assert answer.status_code == 400
    problem = answer.json()
    assert problem["problems"]
    assert any("version" in p for p in problem["problems"])
    assert any("attempt" in p for p in problem["problems"])


def test_the_key_file_is_private_and_only_token_hashes_are_stored(server: Server) -> None:
    key = server.data / "issuer-key.pem"
    assert key.stat().st_mode & 0o777 == 0o600
    assert b"PRIVATE KEY" in key.read_bytes()
    if server.database_url is None:
        database = (server.data / "issuer.sqlite3").read_bytes()
        wal = server.data / "issuer.sqlite3-wal"
        everything = database + (wal.read_bytes() if wal.exists() else b"")
    else:  # every value of every table, as PostgreSQL holds them
        with server.issuer().db.session() as s:
            everything = "\n".join(str(row) for table in Base.metadata.sorted_tables
                                   for row in s.execute(select(table))).encode()
    for token in server.tokens.values():
        assert token.encode() not in everything
        assert hashlib.sha256(token.encode()).hexdigest().encode() in everything


def test_the_published_openapi_document_is_served(server: Server) -> None:
    answer = server.api(None).get("/openapi.yaml")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("application/yaml")
    published = (REPO / "docs" / "issuer-protocol.openapi.yaml").read_text(encoding="utf-8")
    assert answer.text == published
    shipped = REPO / "issuer" / "mcdesk_issuer" / "openapi.yaml"
    assert shipped.read_text(encoding="utf-8") == published
