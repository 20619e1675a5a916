"""Uploads on the links teachers have, end to end against the reference issuer behind a fault
proxy: one `mcdesk sync` finishes a 16 MB submission through a link cut every 1.5 MB; a
connection that stalls is dropped and resumed; a sync whose process is stopped (a closed lid)
and continued resumes by itself without sending finished slices again; Sync now tries a
waiting item at once, whatever its backoff said."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesk.core.sync import OutboxState
from mcdesk.services.workspace import Workspace
from mcdesk.sync.client import IssuerClient
from tests.conftest import REPO
from tests.e2e.test_sync_e2e import mcdesk
from tests.fault_proxy import FaultProxy
from tests.sync_helpers import Issuer, issuer_missing_reason, ready_draft, running_issuer

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
MB = 1024 * 1024
KB = 1024
#: How long the "closed lid" lasts: long enough for the server side to give up on the
#: connection that was open when the process stopped.
STOPPED_SECONDS = float(os.environ.get("MCDESK_TEST_STOPPED_SECONDS", "120"))


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


def _queued(issuer: Issuer, tmp_path: Path, proxy: FaultProxy, big: int) -> tuple[Path, str, int]:
    portfolio = tmp_path / "teacher"
    token = issuer.token("earner", f"Teacher {tmp_path.name}")
    opened = Workspace.open(portfolio)
    try:
        draft_id = ready_draft(opened, tmp_path / "files", big_bytes=big)
        opened.sync.add_server("riverbend", proxy.url, token)
        total = opened.sync.queue(draft_id).item.bytes_total
    finally:
        opened.close()
    return portfolio, token, total


def test_one_sync_finishes_through_a_link_cut_every_1_5_mb(issuer: Issuer,
                                                           tmp_path: Path) -> None:
    port = int(issuer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        portfolio, token, total = _queued(issuer, tmp_path, proxy, 16 * MB)
        before = len(issuer.submissions())
        proxy.cut_every(1536 * KB)
        home = tmp_path / "home"
        home.mkdir()
        # The user's own command, in its own process, once.
        added = mcdesk(home, "server", "add", "riverbend", proxy.url, portfolio=portfolio,
                       token=token)
        assert added.code == 0, added
        run = mcdesk(home, "sync", "--json", portfolio=portfolio)
        assert run.code == 0, run
        assert proxy.cuts >= 10, proxy.cuts  # the link really kept dropping
    opened = Workspace.open(portfolio)
    try:
        item = opened.sync.outbox()[0]
        assert item.state is OutboxState.RECEIVED, (item.state, item.last_error)
        assert item.attempts == 0
    finally:
        opened.close()
    assert len(issuer.submissions()) == before + 1
    # Each cut costs at most the bytes in flight past the server's last write, not a restart.
    assert proxy.upstream_bytes <= total * 1.5, (proxy.upstream_bytes, total)


def test_a_stalled_connection_is_dropped_and_resumed(issuer: Issuer, tmp_path: Path) -> None:
    port = int(issuer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        portfolio, token, _total = _queued(issuer, tmp_path, proxy, 6 * MB)
        opened = Workspace.open(portfolio)
        try:
            opened.sync.add_server("riverbend", proxy.url, token)
            # A short silence limit so the test is quick; the app's own is a minute.
            opened.sync.client_factory = lambda p, t: IssuerClient(
                p.url, t, server=p.name, timeout=(5.0, 2.0), slice_size=2 * MB)
            proxy.stall_after(3 * MB, 6.0)
            started = time.monotonic()
            report = opened.sync.sync_once(immediate=True)
            took = time.monotonic() - started
            item = opened.sync.outbox()[0]
        finally:
            opened.close()
    assert item.state is OutboxState.RECEIVED, (report, item.last_error)
    # Dropped after the silence limit, then resumed (the server held the broken request's
    # lock until the stall ended: 423, retried) within the same pass.
    assert took < 20.0, took


CHILD = textwrap.dedent("""
    import sys, os
    from pathlib import Path
    from mcdesk.services.workspace import Workspace
    from mcdesk.sync.client import IssuerClient
    from tests.memory_keyring import MemoryKeyring
    import keyring
    keyring.set_keyring(MemoryKeyring())
    workspace = Workspace.open(Path(sys.argv[1]))
    workspace.sync.add_server("riverbend", sys.argv[2], os.environ["TEST_TOKEN"])
    workspace.sync.client_factory = lambda p, t: IssuerClient(
        p.url, t, server=p.name, slice_size=int(sys.argv[3]), timeout=(10.0, 20.0))
    report = workspace.sync.sync_once(immediate=True)
    item = workspace.sync.outbox()[0]
    print("STATE", item.state, flush=True)
    workspace.close()
""")


def test_a_sync_stopped_like_a_closed_lid_resumes_by_itself(issuer: Issuer,
                                                             tmp_path: Path) -> None:
    port = int(issuer.url.rsplit(":", 1)[1])
    slice_size = 1 * MB
    with FaultProxy(port) as proxy:
        portfolio, token, total = _queued(issuer, tmp_path, proxy, 8 * MB)
        before = len(issuer.submissions())
        proxy.throttle(2 * MB)
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(portfolio), proxy.url, str(slice_size)],
            cwd=REPO, env={**os.environ, "TEST_TOKEN": token, "PYTHONPATH": str(REPO)},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            deadline = time.monotonic() + 60
            while proxy.upstream_bytes < 3 * MB and time.monotonic() < deadline:
                assert child.poll() is None, child.stdout.read() if child.stdout else ""
                time.sleep(0.05)
            child.send_signal(signal.SIGSTOP)
            stopped_at = proxy.upstream_bytes
            time.sleep(STOPPED_SECONDS)
            proxy.throttle(None)
            child.send_signal(signal.SIGCONT)
            output, _ = child.communicate(timeout=180)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(10)
        assert child.returncode == 0, output
        assert "STATE received" in output, output
        assert len(issuer.submissions()) == before + 1
        # Only what was in flight when the lid closed may go twice: at most one slice.
        overhead = 512 * KB
        assert proxy.upstream_bytes <= total + slice_size + overhead, (
            proxy.upstream_bytes, stopped_at, total)


def test_sync_now_tries_a_waiting_item_at_once(issuer: Issuer, tmp_path: Path) -> None:
    port = int(issuer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        portfolio, token, _total = _queued(issuer, tmp_path, proxy, 0)
        opened = Workspace.open(portfolio)
        try:
            opened.sync.add_server("riverbend", proxy.url, token)
            proxy.inject(503, "Service Unavailable", times=50)
            first = opened.sync.sync_once()
            assert not first.servers[0].reached, first
            waiting = opened.sync.outbox()[0]
            assert waiting.state is OutboxState.WAITING
            assert waiting.next_attempt_at is not None
            proxy.heal()  # the outage is over
            timer_pass = opened.sync.sync_once()  # the timer respects the backoff
            assert opened.sync.outbox()[0].state is OutboxState.WAITING, timer_pass
            opened.sync.sync_once(immediate=True)  # Sync now does not
            assert opened.sync.outbox()[0].state is OutboxState.RECEIVED
        finally:
            opened.close()


class _Messages:
    """A JobControl that keeps every progress message, as the jobs list would show them."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.messages.append(message)

    def check_cancelled(self) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


def test_the_pass_says_in_words_that_the_link_keeps_dropping(issuer: Issuer,
                                                             tmp_path: Path) -> None:
    port = int(issuer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        portfolio, token, _total = _queued(issuer, tmp_path, proxy, 6 * MB)
        opened = Workspace.open(portfolio)
        try:
            opened.sync.add_server("riverbend", proxy.url, token)
            proxy.cut_every(1 * MB)
            control = _Messages()
            opened.sync.sync_once(control=control, immediate=True)
            assert opened.sync.outbox()[0].state is OutboxState.RECEIVED
        finally:
            opened.close()
    dropping = [m for m in control.messages if "the link keeps dropping" in m]
    assert dropping, control.messages[-5:]
    assert all("% sent, still going" in m for m in dropping)
