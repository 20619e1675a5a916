"""Idle memory: mcdesk's resident memory 10 s after its start on the benchmark portfolio
(catalog list filled, nothing more asked of it), against a bare PySide6 window's at the same
moment. Both are the start-up children, kept open and idle."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.startup import REPO, child_env
from benchmarks.stats import Figure, median

IDLE_S = 10.0
GOAL_MIB = 150
IDLE_MARKER = "BENCH-IDLE"
TIMEOUT_S = 120.0
MIB = 1024 * 1024


class IdleMemoryError(RuntimeError):
    pass


def resident_mib() -> float:
    """This process's resident memory now (VmRSS), in MiB."""
    import psutil

    return float(psutil.Process().memory_info().rss) / MIB


def report_when_idle(t0: float, idle_s: float, done: Callable[[], object]) -> None:
    """In a start-up child, on its GUI thread: at `idle_s` seconds after `t0` (its start,
    wall clock) print the resident memory, then call `done`."""
    from PySide6.QtCore import QTimer

    def report() -> None:
        print(f"{IDLE_MARKER} rss_mib={resident_mib():.1f} at={time.time() - t0:.2f}",
              flush=True)
        done()

    QTimer.singleShot(max(0, round((t0 + idle_s - time.time()) * 1000)), report)


@dataclass
class IdleResult:
    idle_s: float
    subject: list[float] = field(default_factory=list)  # MiB
    reference: list[float] = field(default_factory=list)


def measure_child(module: str, args: Sequence[str], env: dict[str, str],
                  idle_s: float) -> float:
    """Start `python -m module args` kept idle; its resident memory `idle_s` after its start."""
    env = {**env, "MCDESK_BENCH_T0": repr(time.time()), "MCDESK_BENCH_IDLE_S": str(idle_s)}
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as stderr, \
            subprocess.Popen([sys.executable, "-m", module, *args], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, stderr=stderr, text=True,
                             encoding="utf-8", errors="replace") as child:
        watchdog = threading.Timer(TIMEOUT_S, child.kill)
        watchdog.start()
        try:
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith(IDLE_MARKER):
                    fields = dict(item.partition("=")[::2] for item in line.split()[1:])
                    child.stdout.read()
                    child.wait(timeout=TIMEOUT_S)
                    return float(fields["rss_mib"])
                if line.startswith("BENCH-FAILED"):
                    raise IdleMemoryError(f"{module}: {line.strip()}")
            stderr.seek(0)
            raise IdleMemoryError(f"{module} ended without its memory line\n"
                                  f"--- its stderr ---\n{stderr.read()[-2000:]}")
        finally:
            watchdog.cancel()
            if child.poll() is None:
                child.kill()


def run_idle(portfolio: Path, *, rounds: int = 3, idle_s: float = IDLE_S,
             progress: bool = True, bytecode_cache: bool = True) -> IdleResult:
    """Alternate the bare window and mcdesk (ABBA order); one unmeasured start of each first
    (disk and bytecode caches, the portfolio's daily backup)."""
    result = IdleResult(idle_s)
    subject = ("benchmarks.startup_mcdesk", [str(portfolio)])
    reference: tuple[str, list[str]] = ("benchmarks.startup_bare", [])
    with tempfile.TemporaryDirectory(prefix="mcdesk-bench-home-") as home:
        env = child_env(Path(home), bytecode_cache=bytecode_cache)
        for module, args in (reference, subject):
            measure_child(module, args, env, idle_s=0.5)
        for number in range(rounds):
            pair = (reference, subject) if number % 2 == 0 else (subject, reference)
            measured = [measure_child(module, args, env, idle_s) for module, args in pair]
            bare, mcdesk = measured if number % 2 == 0 else measured[::-1]
            result.reference.append(bare)
            result.subject.append(mcdesk)
            if progress:
                print(f"  idle memory round {number + 1}/{rounds}: mcdesk {mcdesk:.0f} MiB, "
                      f"bare window {bare:.0f} MiB", flush=True)
    return result


def figures(result: IdleResult) -> list[Figure]:
    subject = median(result.subject)
    reference = median(result.reference)
    return [Figure(
        "idle memory", f"{subject:.0f} MiB", f"{reference:.0f} MiB (bare window)",
        subject / reference if reference else None, f"<= {GOAL_MIB} MiB",
        subject <= GOAL_MIB,
        f"resident memory {result.idle_s:g} s after start, catalog list filled; median of "
        f"{len(result.subject)} rounds; {subject - reference:.0f} MiB over the bare window")]
