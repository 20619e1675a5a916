"""Figure "bundle": the Linux bundle's size, and the frozen app's start-up against the same
version installed in the venv. Both start the window with ``--smoke-test`` on the same warm
portfolio (open, catalog listed, painted, closed), timed from Popen to exit; main thread.

Needs a bundle in dist/ (``bash packaging/build-linux.sh``) built from these sources; the
figure says so when there is none, or it is older than the sources' last commit, rather than
building one (a build takes minutes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.stats import Figure, median

REPO = Path(__file__).resolve().parents[1]
GOAL_RATIO = 1.5
TIMEOUT_S = 180.0


class BundleError(RuntimeError):
    pass


class StaleBundleError(BundleError):
    """The bundle in dist/ was built from older sources: what it measures is not this code
    (a newer portfolio schema even stops it opening the portfolio)."""


# What a bundle is built from: a commit touching any of these after the build makes it stale.
BUILT_FROM = ("mcdesk", "resources", "packaging", "setup.py")


@dataclass
class BundleResult:
    tarball: Path
    packed_bytes: int
    installed_bytes: int
    rounds: int
    frozen: list[float] = field(default_factory=list)
    installed: list[float] = field(default_factory=list)
    frozen_version: list[float] = field(default_factory=list)
    installed_version: list[float] = field(default_factory=list)


def find_tarball() -> Path | None:
    found = sorted((REPO / "dist").glob("mcdesk-*-linux-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def stale_reason(tarball: Path, repo: Path = REPO) -> str | None:
    """Why `tarball` cannot stand for the sources at `repo` (built before their last commit),
    or None; None too when git cannot say."""
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *BUILT_FROM],
                              cwd=repo, capture_output=True, text=True, timeout=30,
                              check=False)
    except OSError:
        return None
    changed = done.stdout.strip()
    if done.returncode != 0 or not changed.isdigit():
        return None
    if tarball.stat().st_mtime >= int(changed):
        return None
    return (f"{tarball.name} was built before the last change to the sources; rebuild it "
            "(bash packaging/build-linux.sh)")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def venv_command() -> Path:
    command = Path(sys.executable).with_name("mcdesk")
    if not command.exists():
        raise BundleError(f"{command} is missing: run scripts/setup.sh")
    return command


def child_env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(home / name.lower())
    return env


def time_run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT_S, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BundleError(f"{' '.join(command)} failed ({done.returncode}):\n"
                          f"{done.stdout[-1000:]}{done.stderr[-2000:]}")
    return seconds


def run(rounds: int = 5, *, progress: bool = True) -> BundleResult | None:
    tarball = find_tarball()
    if tarball is None:
        return None
    reason = stale_reason(tarball)
    if reason is not None:
        raise StaleBundleError(reason)
    with tempfile.TemporaryDirectory(prefix="mcdesk-bench-bundle-") as temp:
        work = Path(temp)
        with tarfile.open(tarball) as archive:
            archive.extractall(work, filter="tar")
        app = next(work.glob("mcdesk-*")) / "app"
        frozen = str(app / "mcdesk")
        installed = str(venv_command())
        result = BundleResult(tarball, tarball.stat().st_size, folder_bytes(app), rounds)
        env = child_env(work / "home")
        portfolio = str(work / "portfolio")
        # Unmeasured: the first start makes the portfolio and its sample evidence; one start
        # of the other warms the disk cache for it.
        time_run([frozen, "--portfolio", portfolio, "--smoke-test"], env)
        time_run([installed, "--portfolio", portfolio, "--smoke-test"], env)
        for number in range(rounds):
            pair = [(frozen, result.frozen), (installed, result.installed)]
            for command, times in pair if number % 2 == 0 else pair[::-1]:
                times.append(time_run([command, "--portfolio", portfolio, "--smoke-test"],
                                      env))
            for command, times in ((frozen, result.frozen_version),
                                   (installed, result.installed_version)):
                times.append(time_run([command, "--version"], env))
            if progress:
                print(f"  bundle round {number + 1}/{rounds}: frozen "
                      f"{result.frozen[-1] * 1000:.0f} ms, installed "
                      f"{result.installed[-1] * 1000:.0f} ms", flush=True)
        shutil.rmtree(work / "home", ignore_errors=True)
    return result


def not_measured(error: BundleError) -> list[Figure]:
    """The row saying why the bundle was not measured: a stale bundle is only noted; a fresh
    one that fails its smoke test misses."""
    stale = isinstance(error, StaleBundleError)
    first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
    return [Figure("bundle", "stale" if stale else "failed", "-", None, "info" if stale
                   else "runs", None if stale else False, first_line[:300])]


def figures(result: BundleResult | None) -> list[Figure]:
    if result is None:
        return [Figure("bundle", "no bundle", "-", None, "info", None,
                       "no dist/mcdesk-*-linux-*.tar.gz: run bash packaging/build-linux.sh")]
    frozen = median(result.frozen)
    installed = median(result.installed)
    ratio = median([f / i for f, i in zip(result.frozen, result.installed, strict=True)])
    version_ratio = median([f / i for f, i in zip(result.frozen_version,
                                                   result.installed_version, strict=True)])
    return [
        Figure("bundle size", f"{result.installed_bytes / 1e6:.0f} MB installed",
               f"{result.packed_bytes / 1e6:.0f} MB download", None, "info", None,
               result.tarball.name),
        Figure("bundle start-up (window)", f"{frozen * 1000:.0f} ms",
               f"{installed * 1000:.0f} ms (venv)", ratio, f"<= {GOAL_RATIO}x",
               ratio <= GOAL_RATIO,
               f"{result.rounds} rounds, medians; --smoke-test on a warm portfolio, Popen to "
               "exit: open, catalog listed, painted, closed"),
        Figure("bundle start-up (--version)",
               f"{median(result.frozen_version) * 1000:.0f} ms",
               f"{median(result.installed_version) * 1000:.0f} ms (venv)", version_ratio,
               "info", None,
               "the CLI's start path; PyInstaller's PySide6 start-up hook loads QtCore before "
               "mcdesk runs, which the venv's CLI never does"),
    ]
