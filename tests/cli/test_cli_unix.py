"""The command line as a Unix tool and on a school network: a reader that closes the pipe
ends the command quietly with 141; plain http to another machine is refused unless asked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import mcdesk
from tests.cli_runner import user_env
from tests.conftest import DEMO_CATALOG, REPO


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "user"
    folder.mkdir()
    return folder


def test_output_into_a_closed_pipe_ends_quietly(home: Path, tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    assert mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=portfolio).code == 0
    reader_r, writer_w = os.pipe()
    os.close(reader_r)  # `| head` that already went away
    completed = subprocess.run(
        [sys.executable, "-m", "mcdesk", "--portfolio", str(portfolio), "catalog", "list",
         "--json"], env=user_env(home), stdout=writer_w, stderr=subprocess.PIPE, text=True,
        timeout=60, check=False, cwd=home)
    os.close(writer_w)
    assert completed.returncode == 141, completed.stderr
    assert completed.stderr == ""  # no "unexpected error: BrokenPipeError", no traceback


def test_head_reads_the_first_lines_and_the_rest_is_dropped(home: Path, tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    assert mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=portfolio).code == 0
    shell = (f"{sys.executable} -m mcdesk --portfolio {portfolio} catalog list --json "
             "| head -c 20; echo \" status=${PIPESTATUS[0]}\"")
    completed = subprocess.run(["bash", "-c", shell], env=user_env(home), capture_output=True,
                               text=True, timeout=60, check=False, cwd=REPO)
    assert completed.stdout.startswith("{") or completed.stdout.startswith("[")
    assert completed.stdout.rstrip().endswith(("status=0", "status=141")), completed.stdout
    assert "Error" not in completed.stderr and "Traceback" not in completed.stderr


@pytest.mark.parametrize("url", ["http://issuer.example.org", "http://192.168.1.20:8080",
                                 "http://10.0.0.5"])
def test_plain_http_to_another_machine_is_refused(home: Path, tmp_path: Path,
                                                  url: str) -> None:
    env = {"MCDESK_TOKEN": "a-token-1234"}
    run = _server_add(home, tmp_path / "p", url, env)
    assert run.returncode == 2, run.stderr
    assert "plain http" in run.stderr and "--allow-insecure-http" in run.stderr
    listed = _mcdesk_env(home, tmp_path / "p", env, "server", "list", "--json")
    assert '"name": "riverbend"' not in listed.stdout  # nothing was kept


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:9000",
                                 "http://[::1]:8080", "https://issuer.example.org"])
def test_https_and_this_machine_are_accepted(home: Path, tmp_path: Path, url: str) -> None:
    run = _server_add(home, tmp_path / "p", url, {"MCDESK_TOKEN": "a-token-1234"})
    assert run.returncode == 0, run.stderr


def test_allow_insecure_http_says_so_and_adds(home: Path, tmp_path: Path) -> None:
    run = _server_add(home, tmp_path / "p", "http://issuer.example.org",
                      {"MCDESK_TOKEN": "a-token-1234"}, "--allow-insecure-http")
    assert run.returncode == 0, run.stderr


def _server_add(home: Path, portfolio: Path, url: str, env: dict[str, str],
                *extra: str) -> subprocess.CompletedProcess[str]:
    return _mcdesk_env(home, portfolio, env, "server", "add", "riverbend", url, *extra)


def _mcdesk_env(home: Path, portfolio: Path, env: dict[str, str],
                *args: str) -> subprocess.CompletedProcess[str]:
    full = {**user_env(home), **env,
            "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
            "PYTHONPATH": str(REPO)}
    completed = subprocess.run([sys.executable, "-m", "mcdesk", "--portfolio", str(portfolio),
                                *args], env=full, capture_output=True, text=True, timeout=60,
                               check=False, cwd=home, stdin=subprocess.DEVNULL)
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed
