"""The published OpenAPI document against the server: the same paths and methods as the
routes, a valid OpenAPI 3.1 document, and schemathesis driving every operation of the live
server from it (a bounded number of examples, every default check); test thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from fastapi.routing import APIRoute
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from mcdesk_issuer.app import create_app
from mcdesk_issuer.config import Settings
from mcdesk_issuer.service import Issuer
from tests.issuer.conftest import Server

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "issuer-protocol.openapi.yaml"
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def published() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    return loaded


def test_the_document_and_the_server_have_the_same_operations(tmp_path: Path) -> None:
    issuer = Issuer(Settings(tmp_path))
    try:
        app = create_app(issuer)
        served = {(route.path, method.lower()) for route in app.routes
                  if isinstance(route, APIRoute) for method in route.methods}
    finally:
        issuer.close()
    documented = {(path, method) for path, item in published()["paths"].items()
                  for method in item if method in METHODS}
    assert served == documented


def test_the_document_is_openapi_3_1_version_1_0_0() -> None:
    document = published()
    assert document["openapi"] == "3.1.0"
    assert document["info"]["version"] == "1.0.0"
    assert document["components"]["securitySchemes"]["bearer"] == {
        "type": "http", "scheme": "bearer",
        "description": document["components"]["securitySchemes"]["bearer"]["description"]}
    operation_ids = [op["operationId"] for item in document["paths"].values()
                     for method, op in item.items() if method in METHODS]
    assert len(operation_ids) == len(set(operation_ids))
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            codes = set(operation["responses"])
            if operation.get("security", document["security"]):
                assert "401" in codes, (path, method)


# Statuses that reject a request besides schemathesis's defaults: tus answers 412 to a
# request without Tus-Resumable; 413 and 416 reject sizes and ranges. Valid requests may still
# be refused for what a schema cannot say: a file too large or of a type not accepted (413,
# 415), a micro-credential not in the catalog, a level not in the rubric (422).
CONFIG = SchemathesisConfig.from_str("""
[checks.negative_data_rejection]
expected-statuses = ["400", "401", "403", "404", "405", "406", "409", "412", "413", "415",
                     "416", "422", "428"]
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "401", "403", "404", "409", "413", "415", "422"]
[checks.missing_required_header]
expected-statuses = ["400", "401", "403", "406", "412", "415", "422"]
""")
# A tus PATCH body is raw bytes, serialized as application/octet-stream is.
schemathesis.serializer.alias("application/offset+octet-stream", "application/octet-stream")
SCHEMA = schemathesis.openapi.from_path(DOCUMENT, config=CONFIG)
OPERATIONS = {result.ok().label: result.ok() for result in SCHEMA.get_all_operations()}


def _has_inputs(label: str) -> bool:
    """Whether an operation takes anything a negative test could make invalid."""
    method, path = label.split(" ", 1)
    item = published()["paths"][path]
    return bool(item.get("parameters") or item[method.lower()].get("parameters")
                or item[method.lower()].get("requestBody"))


CASES = [(label, mode) for label in sorted(OPERATIONS)
         for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
         if mode is GenerationMode.POSITIVE or _has_inputs(label)]


# The document against the routes: the database engine has no say (PostgreSQL runs the rest).
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize("who", ["staff", "earner"])
@pytest.mark.parametrize(("label", "mode"), CASES)
def test_every_operation_conforms_to_the_document(label: str, mode: GenerationMode, who: str,
                                                  server: Server) -> None:
    """Generated requests (valid, then invalid) as a member of staff and as an earner; every
    default check."""
    headers = {"Authorization": f"Bearer {server.tokens[who]}"}

    @given(case=OPERATIONS[label].as_strategy(generation_mode=mode))
    @settings(max_examples=20, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        case.call_and_validate(base_url=server.url, headers=headers, timeout=15)

    run()
