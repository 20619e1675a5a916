"""A submission through a lossy, slow link: in a network namespace of the test's own, its
loopback losing 5 % of packets and delaying each by 150 ms (300 ms round trip, tc netem), the
reference issuer and one `sync_once` in a child both run inside it; the submission arrives and
the throughput is reported. Where the machine does not allow it (not root, no iproute2, a
kernel without netem) the test is skipped with the reason."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from mcdesk.services.workspace import Workspace
from tests.conftest import DEMO_CATALOG, REPO
from tests.sync_helpers import Issuer, issuer_missing_reason, ready_draft
from tests.tus_peers import free_port

MB = 1024 * 1024
LOSS = "5%"
DELAY = "150ms"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), capture_output=True, text=True, check=False,
                          timeout=30)


def lossy_link_reason() -> str | None:
    """Why a namespace with netem cannot be made here, or None when it can."""
    if os.geteuid() != 0:
        return "needs root to make a network namespace"
    if shutil.which("ip") is None or shutil.which("tc") is None:
        return "needs iproute2 (ip, tc)"
    probe = f"mcdesk-probe-{uuid.uuid4().hex[:8]}"
    made = _run("ip", "netns", "add", probe)
    if made.returncode != 0:
        return f"cannot make a network namespace: {made.stderr.strip()}"
    try:
        _run("ip", "netns", "exec", probe, "ip", "link", "set", "lo", "up")
        netem = _run("ip", "netns", "exec", probe, "tc", "qdisc", "add", "dev", "lo", "root",
                     "netem", "delay", "10ms")
        if netem.returncode != 0:
            return f"tc netem is not available on this kernel ({netem.stderr.strip()})"
    finally:
        _run("ip", "netns", "del", probe)
    return None


REASON = issuer_missing_reason() or lossy_link_reason()
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")

CHILD = textwrap.dedent("""
    import json, os, sys, time
    from pathlib import Path
    import keyring
    from tests.memory_keyring import MemoryKeyring
    keyring.set_keyring(MemoryKeyring())
    from mcdesk.services.workspace import Workspace
    workspace = Workspace.open(Path(sys.argv[1]))
    workspace.sync.add_server("riverbend", sys.argv[2], os.environ["TEST_TOKEN"])
    began = time.monotonic()
    report = workspace.sync.sync_once(immediate=True)
    item = workspace.sync.outbox()[0]
    print(json.dumps({"state": str(item.state), "seconds": time.monotonic() - began,
                      "bytes": item.bytes_total, "error": item.last_error}), flush=True)
    workspace.close()
""")


def test_a_submission_arrives_through_loss_and_latency(tmp_path: Path,
                                                       record_property: pytest.RecordProperty
                                                       ) -> None:
    namespace = f"mcdesk-lossy-{uuid.uuid4().hex[:8]}"
    inside = ["ip", "netns", "exec", namespace]
    assert _run("ip", "netns", "add", namespace).returncode == 0
    server: subprocess.Popen[bytes] | None = None
    try:
        assert _run(*inside, "ip", "link", "set", "lo", "up").returncode == 0
        assert _run(*inside, "tc", "qdisc", "add", "dev", "lo", "root", "netem", "loss", LOSS,
                    "delay", DELAY).returncode == 0
        data = tmp_path / "issuer"
        data.mkdir()
        issuer = Issuer("", data)
        issuer.cli("catalog", "import", str(DEMO_CATALOG))
        token = issuer.token("earner", "Teacher on a bad link")
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "issuer")])}
        server = subprocess.Popen(
            [*inside, sys.executable, "-m", "mcdesk_issuer", "--data", str(data), "--port",
             str(port), "--log-level", "warning"], cwd=REPO, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while _run(*inside, sys.executable, "-c",
                   f"import urllib.request; urllib.request.urlopen('{url}/.well-known/"
                   "mcdesk-issuer', timeout=5)").returncode != 0:
            assert server.poll() is None and time.monotonic() < deadline, "no issuer"
            time.sleep(1)

        portfolio = tmp_path / "teacher"
        workspace = Workspace.open(portfolio)
        try:
            draft_id = ready_draft(workspace, tmp_path / "files", big_bytes=4 * MB)
            workspace.sync.add_server("riverbend", url, token)
            workspace.sync.queue(draft_id)
        finally:
            workspace.close()
        child = subprocess.run([*inside, sys.executable, "-c", CHILD, str(portfolio), url],
                               cwd=REPO, env={**env, "TEST_TOKEN": token}, capture_output=True,
                               text=True, timeout=900, check=False)
        assert child.returncode == 0, child.stderr[-2000:]
        answer = json.loads(child.stdout.strip().splitlines()[-1])
        assert answer["state"] == "received", answer
        throughput = answer["bytes"] / answer["seconds"] / MB
        record_property("lossy_link_mb_per_s", round(throughput, 3))
        print(f"\n{answer['bytes'] / MB:.1f} MB through {LOSS} loss and {DELAY} each way: "
              f"{answer['seconds']:.1f} s, {throughput:.2f} MB/s")
    finally:
        if server is not None:
            server.terminate()
            server.wait(20)
        _run("ip", "netns", "del", namespace)
