"""End to end against the reference issuing server (mcdesk_issuer in its own process on
127.0.0.1): a teacher's draft goes through the mcdesk command line (server add, draft send,
sync), the server holds exactly one submission whose every file matches, a staff decision comes
back as "earned" with its credential; and a sync killed with SIGKILL mid-upload is finished by
the next one, with one submission and at most one slice sent twice."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesk.core.sync import OutboxState
from mcdesk.services.workspace import Workspace
from mcdesk.sync.client import IssuerClient
from tests.cli_runner import Run, run_mcdesk
from tests.conftest import REPO
from tests.fault_proxy import FaultProxy
from tests.sync_helpers import (
    FAMILY,
    Issuer,
    issuer_missing_reason,
    ready_draft,
    running_issuer,
)

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
MB = 1024 * 1024
SLICE = 1 * MB


def mcdesk(home: Path, *args: str, portfolio: Path, token: str | None = None) -> Run:
    """mcdesk as a user runs it, its keyring a file under `home` (never the OS keyring)."""
    return run_mcdesk(home, *args, portfolio=portfolio, timeout=120, env={
        "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
        "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "issuer")]),
        "MCDESK_TOKEN": token})


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def issuer(tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[Issuer]:
    """The issuer on SQLite, and on PostgreSQL for the round trip (the representative sync
    test on PostgreSQL; the issuer's own suite runs on both)."""
    url = None if request.param == "sqlite" else request.getfixturevalue("pg_cluster").url()
    with running_issuer(tmp_path_factory.mktemp("issuer"), database_url=url) as started:
        yield started


def test_a_draft_goes_out_once_and_comes_back_earned(issuer: Issuer, tmp_path: Path) -> None:
    portfolio = tmp_path / "teacher"
    opened = Workspace.open(portfolio)
    try:
        draft_id = ready_draft(opened, tmp_path / "files")
    finally:
        opened.close()
    token = issuer.token("earner", "Teacher E")
    before = len(issuer.submissions())

    added = mcdesk(tmp_path, "server", "add", "riverbend", issuer.url, portfolio=portfolio,
                   token=token)
    assert added.code == 0, added.err
    assert token not in added.out + added.err
    assert token not in (portfolio / "mcdesk.sqlite3").read_bytes().decode("latin-1")
    listed = mcdesk(tmp_path, "server", "list", "--json", portfolio=portfolio).json()
    assert [(s["name"], s["has_token"]) for s in listed["servers"]] == [("riverbend", True)]

    sent = mcdesk(tmp_path, "draft", "send", draft_id[:8], "--json", portfolio=portfolio)
    assert sent.code == 0, sent.err
    assert sent.json()["queued"] is True
    item = sent.json()["item"]

    synced = mcdesk(tmp_path, "sync", "--json", portfolio=portfolio)
    assert synced.code == 0, (synced.out, synced.err)
    (line,) = synced.json()["items"]
    assert line["state"] == "received" and line["bytes_sent"] == item["bytes_total"]
    assert len(issuer.submissions()) == before + 1

    assessor = issuer.token("assessor", "Assessor E")
    issuer.cli("assign", item["submission_id"], "Assessor E")
    with IssuerClient(issuer.url, assessor, server="riverbend") as client:
        (assignment,) = [a for a in client.assignments()
                         if a.submission_id == item["submission_id"]]
        package = client.download_bag(assignment.assignment_id, tmp_path / "bag.zip")
    opened = Workspace.open(portfolio)
    try:
        outbox = opened.sync.outbox()[0]
    finally:
        opened.close()
    with zipfile.ZipFile(package) as opened_zip:
        held = {name.split("/", 1)[1]: hashlib.sha256(opened_zip.read(name)).hexdigest()
                for name in opened_zip.namelist() if not name.endswith("/")}
    assert held == {f.path: f.sha256 for f in outbox.files}
    assert item["fingerprint"] == outbox.fingerprint

    issuer.decide(item["submission_id"], "earned", issuer.token("staff", "Staff E"))
    decided = mcdesk(tmp_path, "sync", portfolio=portfolio)
    assert decided.code == 0, (decided.out, decided.err)
    assert "earned" in decided.out and "new credential" in decided.out
    drafts = mcdesk(tmp_path, "draft", "list", "--json", portfolio=portfolio).json()["drafts"]
    assert [d["status"] for d in drafts if d["id"] == draft_id] == ["earned"]
    earned = mcdesk(tmp_path, "credential", "list", "--json",
                    portfolio=portfolio).json()["credentials"]
    assert [(c["achievement_id"], c["verification"]) for c in earned] == [
        (FAMILY, "verified")]  # kept in the portfolio, verified offline on arrival
    assert len(issuer.submissions()) == before + 1
    verified = mcdesk(tmp_path, "package", "verify", str(package), "--json",
                      portfolio=portfolio)
    assert verified.code == 0 and verified.json()["valid"] is True


CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    import keyring
    from tests.memory_keyring import MemoryKeyring
    keyring.set_keyring(MemoryKeyring())
    from mcdesk.services.workspace import Workspace
    from mcdesk.sync import secrets
    from mcdesk.sync.client import IssuerClient
    secrets.set_token("riverbend", os.environ["TEST_TOKEN"])
    workspace = Workspace.open(Path(sys.argv[1]))
    workspace.sync.client_factory = lambda p, t: IssuerClient(
        p.url, t, server=p.name, slice_size=int(sys.argv[2]))
    print("syncing", flush=True)
    workspace.sync.sync_once()
    print("done", flush=True)
""")


@pytest.mark.parametrize("issuer", ["sqlite"], indirect=True)
def test_a_sync_killed_mid_upload_is_finished_by_the_next(issuer: Issuer,
                                                           tmp_path: Path) -> None:
    portfolio = tmp_path / "teacher"
    token = issuer.token("earner", "Teacher K")
    port = int(issuer.url.rsplit(":", 1)[1])
    opened = Workspace.open(portfolio)
    with FaultProxy(port) as proxy:
        try:
            draft_id = ready_draft(opened, tmp_path / "files", big_bytes=12 * MB)
            opened.sync.add_server("riverbend", proxy.url, token)
            total = opened.sync.queue(draft_id).item.bytes_total
        finally:
            opened.close()
        before = len(issuer.submissions())
        proxy.throttle(4 * MB)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(portfolio), str(SLICE)], cwd=REPO,
            env={**os.environ, "TEST_TOKEN": token, "PYTHONPATH": str(REPO)},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 30
            while proxy.upstream_bytes < 5 * MB and time.monotonic() < deadline:
                assert child.poll() is None, child.stdout.read() if child.stdout else ""
                time.sleep(0.05)
            assert proxy.upstream_bytes >= 5 * MB
            child.send_signal(signal.SIGKILL)
        finally:
            child.wait(10)
            if child.stdout is not None:
                child.stdout.close()
        sent_by_the_killed = proxy.upstream_bytes
        proxy.throttle(None)
        proxy.drop_connections()

        opened = Workspace.open(portfolio)
        try:
            stored = opened.sync.outbox()[0]
            assert stored.state is OutboxState.UPLOADING
            assert any(f.upload_url for f in stored.files)  # kept before the kill
            opened.sync.add_server("riverbend", proxy.url, token)
            opened.sync.client_factory = lambda p, t: IssuerClient(p.url, t, server=p.name,
                                                                   slice_size=SLICE)
            report = opened.sync.sync_once()
            assert report.ok, report
            assert report.items[0].state is OutboxState.RECEIVED
        finally:
            opened.close()
        assert len(issuer.submissions()) == before + 1
        overhead = 512 * 1024  # headers, discovery, begin bodies, pulls, both passes
        assert proxy.upstream_bytes <= total + SLICE + overhead, (
            proxy.upstream_bytes, sent_by_the_killed, total)
