"""One window per portfolio, with real processes: a second launch on the same portfolio
brings the first window forward and exits; when the first does not answer (stopped), a third
launch names the process that holds the portfolio; the command line works beside the window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from mcdesk.services.workspace import Workspace
from mcdesk.ui.shell.single_window import PID_FILE
from tests.cli.test_cli import mcdesk
from tests.cli_runner import user_env
from tests.conftest import REPO

LAUNCH = ("import sys; from pathlib import Path; from mcdesk.ui.shell.app import run_gui; "
          "sys.exit(run_gui(Path(sys.argv[1])))")


def _launch(home: Path, portfolio: Path) -> subprocess.Popen[str]:
    env = {**user_env(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-c", LAUNCH, str(portfolio)], env=env, cwd=home,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_launch_brings_the_first_window_forward(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    portfolio = tmp_path / "portfolio"
    Workspace.open(portfolio, create=True, seed_demo=False).close()
    first = _launch(home, portfolio)
    try:
        deadline = time.monotonic() + 60
        while not (portfolio / PID_FILE).exists():
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, "the first window never started"
            time.sleep(0.1)
        assert (portfolio / PID_FILE).read_text().strip() == str(first.pid)

        second = _launch(home, portfolio)
        _out, err = second.communicate(timeout=60)
        assert second.returncode == 0, err
        assert "already open" in err and "brought forward" in err
        assert first.poll() is None  # the first window goes on

        # The command line is no second window: it works beside the open one.
        listed = mcdesk(home, "catalog", "list", "--json", portfolio=portfolio)
        assert listed.code == 0, listed.err

        first.send_signal(signal.SIGSTOP)  # hung: it cannot answer
        try:
            third = _launch(home, portfolio)
            _out, err = third.communicate(timeout=60)
        finally:
            first.send_signal(signal.SIGCONT)
        assert third.returncode == 1, err
        assert f"process {first.pid}" in err and "does not answer" in err
    finally:
        if first.poll() is None:
            first.terminate()
            try:
                first.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                first.kill()
                first.communicate(timeout=10)


def test_a_window_that_crashed_does_not_block_the_next(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    portfolio = tmp_path / "portfolio"
    Workspace.open(portfolio, create=True, seed_demo=False).close()
    first = _launch(home, portfolio)
    deadline = time.monotonic() + 60
    while not (portfolio / PID_FILE).exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.1)
    os.kill(first.pid, signal.SIGKILL)
    first.communicate(timeout=20)
    second = _launch(home, portfolio)
    try:
        deadline = time.monotonic() + 60
        while (portfolio / PID_FILE).read_text().strip() != str(second.pid):
            assert second.poll() is None, second.communicate()
            assert time.monotonic() < deadline, "the next window never started"
            time.sleep(0.1)
    finally:
        second.terminate()
        try:
            second.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            second.kill()
            second.communicate(timeout=10)
