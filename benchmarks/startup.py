"""Figure 1: start-up to the first painted window with the catalog list filled, against a bare
PySide6 window's first paint. Both are child processes timed from Popen to their marker line."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.stats import Figure, median

GOAL_RATIO = 2.5
MARKER = "BENCH-READY"
TIMEOUT_S = 90.0
REPO = Path(__file__).resolve().parents[1]


class StartupError(RuntimeError):
    pass


@dataclass(frozen=True)
class Run:
    seconds: float  # Popen to the marker line, measured by the parent
    phases: dict[str, float]  # the child's own stamps, seconds since the parent's Popen
    fields: dict[str, str]


@dataclass
class StartupResult:
    rounds: int
    bytecode_cache: bool = True
    subject: list[Run] = field(default_factory=list)
    reference: list[Run] = field(default_factory=list)

    def ratios(self) -> list[float]:
        return [s.seconds / r.seconds for s, r in zip(self.subject, self.reference, strict=True)]


def child_env(home: Path, *, bytecode_cache: bool = True) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Keep settings and logs out of the real home; the font cache stays shared.
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    if bytecode_cache:
        # Both children read compiled bytecode, as an installed application does, from a
        # private cache that the unmeasured first start of each fills. Without this, an
        # inherited PYTHONDONTWRITEBYTECODE makes every start of mcdesk (an editable install,
        # never compiled) compile its sources, while PySide's bytecode was compiled when it
        # was installed.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def _read_marker(module: str, child: subprocess.Popen[str], started: float
                 ) -> tuple[str, float]:
    """The marker line and the seconds since `started` when it arrived; reads to the end."""
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(MARKER):
            seconds = time.perf_counter() - started
            child.stdout.read()
            return line, seconds
        if line.startswith("BENCH-FAILED"):
            raise StartupError(f"{module}: {line.strip()}")
    raise StartupError(f"{module} ended without its marker line")


def time_child(module: str, args: Sequence[str], env: dict[str, str]) -> Run:
    """Start `python -m module args`, return the time until it prints the marker line."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr:
        env = {**env, "MCDESK_BENCH_T0": repr(time.time())}
        started = time.perf_counter()
        with subprocess.Popen(
            [sys.executable, "-m", module, *args], cwd=REPO, env=env, stdout=subprocess.PIPE,
            stderr=stderr, text=True, encoding="utf-8", errors="replace",
        ) as child:
            watchdog = threading.Timer(TIMEOUT_S, child.kill)
            watchdog.start()
            try:
                marker, seconds = _read_marker(module, child, started)
                child.wait(timeout=TIMEOUT_S)
            except BaseException as exc:
                child.kill()
                child.wait()
                if isinstance(exc, StartupError):
                    stderr.seek(0)
                    tail = stderr.read()[-2000:]
                    raise StartupError(f"{exc}\n--- its stderr ---\n{tail}") from None
                raise
            finally:
                watchdog.cancel()
            if child.returncode != 0:
                stderr.seek(0)
                print(f"warning: {module} exited with {child.returncode} after its marker:\n"
                      + stderr.read()[-1000:], file=sys.stderr)
    phases: dict[str, float] = {}
    fields: dict[str, str] = {}
    for item in marker.split()[1:]:
        key, _, value = item.partition("=")
        try:
            number = float(value)
        except ValueError:
            fields[key] = value
            continue
        if "." in value:
            phases[key] = number
        else:
            fields[key] = value
    return Run(seconds, phases, fields)


def run_startup(portfolio: Path, *, rounds: int = 5, progress: bool = True,
                bytecode_cache: bool = True) -> StartupResult:
    """Alternate the bare window and mcdesk (ABBA order), after one unmeasured start of each
    that warms the disk cache (and the bytecode cache) and writes the portfolio's daily
    backup."""
    result = StartupResult(rounds, bytecode_cache)
    subject = ("benchmarks.startup_mcdesk", [str(portfolio)])
    reference: tuple[str, list[str]] = ("benchmarks.startup_bare", [])
    with tempfile.TemporaryDirectory(prefix="mcdesk-bench-home-") as home:
        env = child_env(Path(home), bytecode_cache=bytecode_cache)
        time_child(*reference, env)
        time_child(*subject, env)
        for number in range(rounds):
            pair = (reference, subject) if number % 2 == 0 else (subject, reference)
            runs = [time_child(module, args, env) for module, args in pair]
            bare, mcdesk = runs if number % 2 == 0 else runs[::-1]
            result.reference.append(bare)
            result.subject.append(mcdesk)
            if progress:
                print(f"  start-up round {number + 1}/{rounds}: mcdesk {mcdesk.seconds * 1000:.0f}"
                      f" ms, bare window {bare.seconds * 1000:.0f} ms", flush=True)
    return result


def figures(result: StartupResult) -> list[Figure]:
    subject = median([r.seconds for r in result.subject])
    reference = median([r.seconds for r in result.reference])
    ratio = median(result.ratios())
    entries = {r.fields.get("entries", "?") for r in result.subject}
    note = (f"{result.rounds} rounds, medians; ratio is the median of the per-round ratios; "
            f"first screenful of {'/'.join(sorted(entries))} catalog lines painted (the rest "
            "follows); "
            + ("children read cached bytecode" if result.bytecode_cache
               else "children compile their Python sources when the environment says so"))
    return [Figure("start-up", f"{subject * 1000:.0f} ms", f"{reference * 1000:.0f} ms", ratio,
                   f"<= {GOAL_RATIO}x", ratio <= GOAL_RATIO, note)]


def details(result: StartupResult) -> str:
    """Median child stamps: where mcdesk's start-up time goes."""
    lines = ["start-up phases (median ms since Popen, from the children's own clocks):"]
    for label, runs in (("mcdesk", result.subject), ("bare window", result.reference)):
        names = list(runs[0].phases) if runs else []
        stamps = ", ".join(f"{name} {median([r.phases[name] for r in runs]) * 1000:.0f}"
                           for name in names)
        lines.append(f"  {label}: {stamps}")
    return "\n".join(lines)
