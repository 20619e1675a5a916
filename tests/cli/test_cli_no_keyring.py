"""No OS keyring (many school laptops have no Secret Service): `server add` explains the risk
and refuses to write a token file unless asked; with --store-token-in-file (or a yes on a
terminal) the token goes to a 0600 file in the user's settings folder, never the portfolio,
and sync uses it; `server remove` deletes it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import user_env
from tests.conftest import REPO

TOKEN = "a-secret-token-5678"


def _run(home: Path, portfolio: Path, *args: str,
         stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**user_env(home), "MCDESK_TOKEN": TOKEN, "PYTHONPATH": str(REPO),
           # the keyring backend a laptop without a Secret Service ends up with
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    completed = subprocess.run([sys.executable, "-m", "mcdesk", "--portfolio", str(portfolio),
                                *args], env=env, capture_output=True, text=True, timeout=60,
                               check=False, cwd=home,
                               input=stdin, stdin=None if stdin is not None else
                               subprocess.DEVNULL)
    assert "Traceback" not in completed.stderr, completed.stderr
    return completed


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def _token_files(home: Path) -> list[Path]:
    return [p for p in home.rglob("*.token")]


def test_without_a_keyring_nothing_is_written_silently(home: Path, tmp_path: Path) -> None:
    run = _run(home, tmp_path / "p", "server", "add", "riverbend", "https://issuer.example.org")
    assert run.returncode == 2
    assert "no system keyring" in run.stderr and "--store-token-in-file" in run.stderr
    assert "only your user account can read" in run.stderr  # the risk, in words
    assert _token_files(home) == []
    listed = _run(home, tmp_path / "p", "server", "list", "--json")
    assert "riverbend" not in listed.stdout


def test_with_consent_the_token_goes_to_a_private_file(home: Path, tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    run = _run(home, portfolio, "server", "add", "riverbend", "https://issuer.example.org",
               "--store-token-in-file")
    assert run.returncode == 0, run.stderr
    files = _token_files(home)
    assert len(files) == 1
    kept = files[0]
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert kept.read_text() == TOKEN
    assert kept.parent.parent == home / "config" / "mcdesk"  # XDG_CONFIG_HOME, user_env
    assert not any(TOKEN.encode() in p.read_bytes() for p in portfolio.rglob("*")
                   if p.is_file())  # never in the portfolio
    assert TOKEN not in run.stdout + run.stderr
    listed = _run(home, portfolio, "server", "list", "--json")
    assert '"has_token": true' in listed.stdout
    removed = _run(home, portfolio, "server", "remove", "riverbend")
    assert removed.returncode == 0, removed.stderr
    assert _token_files(home) == []


def test_a_token_file_others_can_read_is_not_used(home: Path, tmp_path: Path) -> None:
    portfolio = tmp_path / "p"
    assert _run(home, portfolio, "server", "add", "riverbend", "https://issuer.example.org",
                "--store-token-in-file").returncode == 0
    kept = _token_files(home)[0]
    os.chmod(kept, 0o644)
    listed = _run(home, portfolio, "server", "list", "--json")
    assert listed.returncode == 2
    assert "can be read by other users" in listed.stderr
