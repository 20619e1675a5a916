"""Third-party tus servers started for the tests on 127.0.0.1: @tus/server (Node, from the npm
registry) and tuspyserver (Python, from PyPI), each in its own process storing to a temporary
folder; test thread."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.conftest import REPO

NODE_PEER = REPO / "tests" / "peers" / "tus-node"
TUSPY_PEER = REPO / "tests" / "peers" / "tuspy_server.py"
START_TIMEOUT = 30.0


@dataclass(frozen=True)
class TusPeer:
    name: str
    url: str  # the server's base URL, e.g. http://127.0.0.1:1234
    files_dir: Path

    @property
    def endpoint(self) -> str:
        return f"{self.url}/files/"

    def via(self, base_url: str) -> str:
        """The endpoint as reached through another base URL (a proxy)."""
        return f"{base_url}/files/"

    def stored(self, upload_url: str) -> Path:
        """The file on the server's disk holding the upload at `upload_url`."""
        return self.files_dir / upload_url.rstrip("/").rsplit("/", 1)[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def node_missing_reason() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed, so @tus/server cannot run (scripts/setup.sh installs it)"
    if not (NODE_PEER / "node_modules" / "@tus" / "server").is_dir():
        return ("tests/peers/tus-node/node_modules is missing: run `npm ci` there "
                "(scripts/setup.sh does)")
    return None


def _wait_ready(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            out = process.stdout.read().decode(errors="replace") if process.stdout else ""
            raise RuntimeError(f"the tus server at {url} exited early: {out}")
        try:
            with requests.options(f"{url}/files/", headers={"Tus-Resumable": "1.0.0"},
                                  timeout=1) as answer:
                if answer.status_code in (200, 204):
                    return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the tus server at {url} did not start in {START_TIMEOUT:.0f} s")


@contextmanager
def running_peer(name: str, files_dir: Path) -> Iterator[TusPeer]:
    files_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    if name == "tus-node":
        command = ["node", str(NODE_PEER / "server.mjs"), str(port), str(files_dir)]
        cwd = NODE_PEER
    else:
        command = [sys.executable, str(TUSPY_PEER), str(port), str(files_dir)]
        cwd = REPO
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True,
                               env={**os.environ, "PYTHONPATH": str(REPO)})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(process, url)
        yield TusPeer(name, url, files_dir)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
        if process.stdout is not None:
            process.stdout.close()
