"""Two real issuer processes on one database and one blob folder, raced through the same
submission: begin through both, the same upload PATCHed through both at once and resumed
through the other, finalize twice at once, decide twice at once; nothing lost, nothing done
twice; and an upload whose process died after its last byte completed by the next request;
on SQLite and on PostgreSQL; test thread (the racing requests on a few threads)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from mcdesk_issuer.db import Assignment, Credential, DecisionRecord, Submission
from mcdesk_issuer.service import Issuer
from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import (
    Api,
    Backend,
    Portfolio,
    Server,
    database_args,
    start_server,
    stop_server,
)

ROUNDS = 3


def at_once(*calls: Callable[[], requests.Response]) -> list[requests.Response]:
    """Run the calls on their own threads, released together."""
    barrier = threading.Barrier(len(calls))
    answers: list[Any] = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        answers[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert all(isinstance(a, requests.Response) for a in answers), answers
    return answers


class Pair:
    """Two issuer processes over one data folder and database, each with its own client."""

    def __init__(self, data: Path, url: str | None, tokens: dict[str, str]) -> None:
        self.data = data
        self.url = url
        self.tokens = tokens
        self.processes = []
        self.bases = []
        # Prometheus's multiprocess mode: each process writes its counters here.
        self.metrics = data.parent / "metrics"
        self.metrics.mkdir()
        for _ in range(2):
            process, base = start_server(data, *database_args(url),
                                         env={"PROMETHEUS_MULTIPROC_DIR": str(self.metrics)})
            self.processes.append(process)
            self.bases.append(base)

    def api(self, index: int, who: str) -> Api:
        return Api(self.bases[index], self.tokens[who])

    def issuer(self) -> Issuer:
        from mcdesk_issuer.config import Settings

        return Issuer(Settings(self.data, database_url=self.url))

    def stop(self) -> None:
        for process in self.processes:
            stop_server(process)


@pytest.fixture
def pair(tmp_path: Path, backend: Backend) -> Iterator[Pair]:
    data = tmp_path / "issuer"
    url = backend.database_url()
    from mcdesk_issuer.config import Settings

    issuer = Issuer(Settings(data, database_url=url))
    try:
        issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        tokens = {"earner": issuer.create_token("earner", "Ada Teacher").token,
                  "staff": issuer.create_token("staff", "Eve Coordinator").token}
        for name in ("Cleo", "Dev", "Fox"):
            issuer.create_token("assessor", f"{name} Assessor")
    finally:
        issuer.close()
    made = Pair(data, url, tokens)
    yield made
    made.stop()


def test_two_processes_share_uploads_finalize_and_decisions(pair: Pair,
                                                           teacher_portfolio: Portfolio) -> None:
    a, b = pair.api(0, "earner"), pair.api(1, "earner")
    patched = 0
    for round_ in range(ROUNDS):
        # The answers make each round's bag its own (the evidence goes once, in round 0).
        bag = teacher_portfolio.bag(answer=f"Two processes, round {round_}: {uuid.uuid4()}")
        path = f"/api/v1/submissions/{bag.submission_id}"

        begun = at_once(partial(a.put, path, json=bag.begin_body()),
                        partial(b.put, path, json=bag.begin_body()))
        assert sorted(r.status_code for r in begun) == [200, 201], [r.text for r in begun]
        missing = begun[0].json()["missing"]
        assert missing == begun[1].json()["missing"]

        files = bag.by_sha256()
        raced_sha = max(missing, key=lambda sha256: len(files[sha256][1]))
        for sha256 in missing:
            name, content = files[sha256]
            patched += len(content)
            created = a.create_upload(bag.submission_id, name, content)
            assert created.status_code == 201, created.text
            location = created.headers["Location"]
            where = location.split("/api/v1/")[1]
            on_b = f"{pair.bases[1]}/api/v1/{where}"
            if sha256 == raced_sha:
                # Half through A; then the same rest through both at once: one writes it, the
                # other is told the upload is busy (423) or already further (409).
                half = len(content) // 2
                assert a.patch(location, 0, content[:half]).status_code == 204
                raced = at_once(partial(a.patch, location, half, content[half:]),
                                partial(b.patch, on_b, half, content[half:]))
                codes = sorted(r.status_code for r in raced)
                assert codes[0] == 204 and codes[1] in (409, 423), [r.text for r in raced]
                for api, url in ((a, location), (b, on_b)):
                    head = api.head(url)
                    assert head.headers["Upload-Offset"] == str(len(content))
            else:
                assert b.patch(on_b, 0, content).status_code == 204

        finalized = at_once(partial(a.post, f"{path}/finalize"),
                            partial(b.post, f"{path}/finalize"))
        assert [r.status_code for r in finalized] == [200, 200], [r.text for r in finalized]
        assert [r.json()["state"] for r in finalized] == ["received", "received"]

        staff_a, staff_b = pair.api(0, "staff"), pair.api(1, "staff")
        decision = {"state": "earned", "feedback": [],
                    "overrideReason": "Raced on purpose: both processes get this decision."}
        decided = at_once(partial(staff_a.post, f"{path}/decision", json=decision),
                          partial(staff_b.post, f"{path}/decision", json=decision))
        assert [r.status_code for r in decided] == [200, 200], [r.text for r in decided]
        assert decided[0].json()["credentialId"] == decided[1].json()["credentialId"]

    # Either process answers /metrics for both: every byte PATCHed, counted once.
    for base in pair.bases:
        text = requests.get(f"{base}/metrics", timeout=10).text
        counted = [float(line.split()[-1]) for line in text.splitlines()
                   if line.startswith("mcdesk_issuer_upload_bytes_total")]
        assert sum(counted) == patched

    issuer = pair.issuer()
    try:
        with issuer.db.session() as s:
            ids = list(s.scalars(select(Submission.id)))
        # Each bag is assembled after its finalize answered, on a low-priority thread of either
        # process: as a download would, take it now, built then or built here.
        served = {sid: issuer.served_bags.get(sid) for sid in ids}
        with issuer.db.session() as s:
            submissions = list(s.scalars(select(Submission)))
            assert len(submissions) == ROUNDS
            assert {row.state for row in submissions} == {"earned"}
            for row in submissions:
                assert served[row.id].path.stat().st_size == row.bag_size == served[row.id].size
                per_assessor = s.execute(
                    select(Assignment.assessor_id, func.count())
                    .where(Assignment.submission_id == row.id)
                    .group_by(Assignment.assessor_id)).all()
                assert len(per_assessor) == issuer.limits.assessors_per_submission
                assert {count for _, count in per_assessor} == {1}
            assert s.scalar(select(func.count()).select_from(Credential)) == ROUNDS
            assert s.scalar(select(func.count()).select_from(DecisionRecord)) == ROUNDS
        assert not list(issuer.files.bags.glob("*.partial"))
    finally:
        issuer.close()


def test_an_upload_whose_process_died_after_its_last_byte_is_completed_later(
        server: Server, teacher_portfolio: Portfolio) -> None:
    """The part holds every byte but its process died before checking it (as a SIGKILL
    between the last write and the sha256 check leaves it): HEAD completes it, so the client
    that resumes is not told "whole" about a file the server never stored; wrong bytes are
    dropped and the upload is gone."""
    api = server.api("earner")
    bag = teacher_portfolio.bag(answer=f"The process died after the last byte: {uuid.uuid4()}")
    begun = api.put(f"/api/v1/submissions/{bag.submission_id}", json=bag.begin_body())
    files = bag.by_sha256()
    for number, sha256 in enumerate(begun.json()["missing"]):
        name, content = files[sha256]
        created = api.create_upload(bag.submission_id, name, content)
        location = created.headers["Location"]
        part = server.data / "uploads" / f"{location.rstrip('/').rsplit('/', 1)[1]}.part"
        if number == 0:
            part.write_bytes(bytes(len(content)))  # as long, but not the file
            assert api.head(location).status_code == 404
            created = api.create_upload(bag.submission_id, name, content)
            location = created.headers["Location"]
            part = server.data / "uploads" / f"{location.rstrip('/').rsplit('/', 1)[1]}.part"
        part.write_bytes(content)
        head = api.head(location)
        assert head.status_code == 200 and head.headers["Upload-Offset"] == str(len(content))
    finalized = api.post(f"/api/v1/submissions/{bag.submission_id}/finalize")
    assert finalized.status_code == 200, finalized.text
    assert finalized.json()["state"] == "received"


def test_an_upload_stored_by_a_process_that_died_before_marking_it_done_is_whole(
        server: Server, teacher_portfolio: Portfolio) -> None:
    """Uploads.complete moves the checked part into the blob store, then marks the upload
    done: a SIGKILL between the two left a record with no part, which HEAD answered with
    offset 0 and the resumed PATCH with a 500 (seen in the load test). HEAD now says whole,
    finalize works; a part gone with no stored blob is a clean 404, never a 500."""
    api = server.api("earner")
    bag = teacher_portfolio.bag(answer=f"Stored, then the process died: {uuid.uuid4()}")
    begun = api.put(f"/api/v1/submissions/{bag.submission_id}", json=bag.begin_body())
    files = bag.by_sha256()
    for number, sha256 in enumerate(begun.json()["missing"]):
        name, content = files[sha256]
        location = api.create_upload(bag.submission_id, name, content).headers["Location"]
        part = server.data / "uploads" / f"{location.rstrip('/').rsplit('/', 1)[1]}.part"
        if number == 0:
            part.unlink()  # gone, and nothing stored: the client must start again
            patched = api.patch(location, 0, content)
            assert patched.status_code == 404, patched.text
            location = api.create_upload(bag.submission_id, name, content).headers["Location"]
            part = server.data / "uploads" / f"{location.rstrip('/').rsplit('/', 1)[1]}.part"
        part.write_bytes(content)
        target = server.issuer().files.blob_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        part.rename(target)  # adopted, and the process died before the record changed
        head = api.head(location)
        assert head.status_code == 200 and head.headers["Upload-Offset"] == str(len(content))
    finalized = api.post(f"/api/v1/submissions/{bag.submission_id}/finalize")
    assert finalized.status_code == 200, finalized.text
    assert finalized.json()["state"] == "received"
