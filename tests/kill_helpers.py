"""The one way tests kill mcdesk while it works: a child Python process doing real work on a
real portfolio is ended with SIGKILL (no clean exit, no flush), then the test reopens the
portfolio to see what survived."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass

from tests.conftest import REPO


@dataclass(frozen=True)
class Killed:
    last: int
    """The last number the child printed before the kill (-1: it printed none)."""
    stderr: str


def kill_while_working(code: str, *args: str, after: int | None = None,
                       timeout: float = 120) -> Killed:
    """Run `code` (a Python program) with `args`. With `after`, the child prints a number
    each time it has finished a unit of work and is killed as soon as it printed `after`;
    without, the child kills itself. Fails the test unless SIGKILL ended it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUNBUFFERED="1",
               PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=REPO, env=env)
    assert process.stdout is not None
    last = -1
    try:
        if after is not None:
            for line in process.stdout:
                last = int(line)
                if last >= after:
                    process.send_signal(signal.SIGKILL)  # the moment the work has returned
                    break
        _out, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            _out, err = process.communicate(timeout=30)
    assert after is None or last >= after, err[-2000:]
    assert process.returncode == -signal.SIGKILL, err[-2000:]
    return Killed(last, err)
