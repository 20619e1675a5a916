"""What operators get from a running issuer: /healthz (and 503 naming the broken part),
Prometheus metrics counting requests, upload bytes, finalize latency and queue depth (across
processes in multiprocess mode), and JSON log lines that never carry a token; test thread."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest
import requests

from mcdesk_issuer import logs
from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import Backend, Portfolio, Server, start_server, stop_server


def samples(text: str, name: str) -> dict[str, float]:
    """The samples of metric `name` in a Prometheus text exposition: {labels: value}."""
    found: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            head, _, value = line.rpartition(" ")
            found[head[len(name):]] = float(value)
    return found


def test_healthz_answers_without_a_token(server: Server) -> None:
    answer = server.api(None).get("/healthz")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "checks": {"database": "ok", "blobs": "ok"}}
    assert answer.headers["Cache-Control"] == "no-store"


def test_metrics_count_requests_upload_bytes_finalize_and_queues(
        server: Server, teacher_portfolio: Portfolio) -> None:
    before = server.api(None).get("/metrics").text
    bag = teacher_portfolio.bag(answer="Counted by the metrics: one submission.")
    assert server.send(bag).status_code == 200
    answer = server.api(None).get("/metrics")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/plain")
    text = answer.text

    def total(name: str, source: str) -> float:
        return sum(samples(source, name).values())

    sent = sum(len(data) for data in bag.files.values())
    grown = total("mcdesk_issuer_upload_bytes_total", text) - total(
        "mcdesk_issuer_upload_bytes_total", before)
    assert 0 < grown <= sent  # what was missing went over PATCH, never more than the bag
    assert total("mcdesk_issuer_finalize_seconds_count", text) >= 1 + total(
        "mcdesk_issuer_finalize_seconds_count", before)
    finalized = samples(text, "mcdesk_issuer_requests_total")
    key = ('{method="POST",route="/api/v1/submissions/{submissionId}/finalize",'
           'status="200"}')
    assert finalized[key] >= 1
    assert not any(bag.submission_id in labels for labels in finalized)
    queues = samples(text, "mcdesk_issuer_queue_depth")
    assert set(queues) == {'{queue="open uploads"}', '{queue="received"}',
                           '{queue="in review"}'}
    assert queues['{queue="received"}'] >= 1


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_healthz_names_a_broken_blob_folder_and_logs_are_json_without_tokens(
        tmp_path: Path, backend: Backend) -> None:
    from mcdesk_issuer.service import Issuer

    data = tmp_path / "issuer"
    issuer = Issuer(backend.settings(data))
    try:
        issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        token = issuer.create_token("earner", "Ada Teacher").token
    finally:
        issuer.close()
    process, url = start_server(data, log_level="info")
    try:
        headers = {"Authorization": f"Bearer {token}"}
        assert requests.get(f"{url}/api/v1/me", headers=headers, timeout=10).ok
        assert requests.get(f"{url}/api/v1/me", timeout=10,
                            headers={"Authorization": f"Bearer {token}x"}).status_code == 401
        shutil.rmtree(data / "blobs")
        (data / "blobs").write_text("not a folder", encoding="utf-8")
        broken = requests.get(f"{url}/healthz", timeout=10)
        assert broken.status_code == 503
        assert broken.json()["status"] == "failing"
        assert broken.json()["checks"]["database"] == "ok"
        assert broken.json()["checks"]["blobs"].startswith("cannot write in blobs/")
    finally:
        stop_server(process)
    text = (data / "server.log").read_text(encoding="utf-8")
    assert token not in text and token[4:20] not in text
    entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    access = [e for e in entries if e["logger"] == "mcdesk_issuer.access"
              and e["route"] != "/.well-known/mcdesk-issuer"]  # start_server's polling
    assert [(e["method"], e["route"], e["status"]) for e in access] == [
        ("GET", "/api/v1/me", 200), ("GET", "/api/v1/me", 401)]
    assert all({"time", "level", "message"} <= set(e) for e in entries)


def test_a_token_in_a_log_message_is_masked() -> None:
    record = logging.LogRecord("x", logging.WARNING, __file__, 1,
                               "refused %s (Authorization: Bearer abc.def-123)",
                               ("mci_AbCdEfGhIjKlMnOpQrStUvWx0123456789",), None)
    entry = json.loads(logs.JsonFormatter().format(record))
    assert entry["message"] == "refused [secret] (Authorization: [secret])"
