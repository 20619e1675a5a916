"""The one way tests run the `mcdesk` command: as a user runs it, a real subprocess with no
display and its folders under a private home, failing the test on any traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def user_env(home: Path) -> dict[str, str]:
    """The environment of a user with no display whose folders are all under `home`."""
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONIOENCODING="utf-8")
    return env


def run_mcdesk(home: Path, *args: str, portfolio: Path | None = None, stdin: str | None = None,
               env: Mapping[str, str | None] | None = None, timeout: float = 60) -> Run:
    """Run `mcdesk [--portfolio P] ARGS`; `env` adds variables to the user's (None removes
    one); without `stdin` the command reads nothing."""
    command = [sys.executable, "-m", "mcdesk"]
    if portfolio is not None:
        command += ["--portfolio", str(portfolio)]
    environment = user_env(home)
    for name, value in (env or {}).items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    completed = subprocess.run(
        [*command, *args], env=environment, input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None, capture_output=True, text=True,
        encoding="utf-8", timeout=timeout, check=False, cwd=home)
    assert "Traceback" not in completed.stderr, completed.stderr
    assert "Traceback" not in completed.stdout, completed.stdout
    return Run(completed.returncode, completed.stdout, completed.stderr)
