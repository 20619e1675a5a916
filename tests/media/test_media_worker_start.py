"""How media workers start: ahead of the call that needs them (prestart, with modules
preloaded), as bare interpreters that import only what the work needs, and ending with the
app even when it never says goodbye."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from mcdesk.media import worker_launch
from mcdesk.media.isolation import IsolatedRunner
from tests import media_isolation_targets as targets

REPO = Path(__file__).resolve().parents[2]


def gone(pid: int, within: float = 10.0) -> bool:
    """Whether process `pid` has ended (a zombie waiting for its reaper counts as ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


def test_a_prestarted_worker_answers_the_first_call_with_its_modules_loaded() -> None:
    runner = IsolatedRunner(max_workers=1)
    try:
        runner.prestart(["colorsys"])
        (early,) = runner.child_pids()
        assert runner.call(targets.pid) == early  # reused, not a second start
        assert runner.call(targets.loaded, "colorsys") is True
        assert runner.child_pids() == [early]
    finally:
        runner.shutdown()
    assert runner.child_pids() == []
    assert gone(early)


def test_prestart_keeps_to_the_pool_and_reuses_an_idle_worker() -> None:
    with IsolatedRunner(max_workers=1) as runner:
        runner.prestart()
        runner.prestart()
        assert len(runner.child_pids()) == 1
        first = runner.call(targets.pid)
        runner.prestart()  # one is idle: nothing new
        assert runner.child_pids() == [first]


def test_a_worker_started_for_a_call_preloads_nothing() -> None:
    with IsolatedRunner(max_workers=1) as runner:
        assert runner.call(targets.loaded, "colorsys") is False


def test_prestart_after_shutdown_starts_nothing() -> None:
    runner = IsolatedRunner()
    runner.shutdown()
    runner.prestart(["colorsys"])
    assert runner.child_pids() == []


@pytest.mark.skipif(os.name != "posix", reason="Windows workers start through multiprocessing")
def test_a_worker_is_a_bare_interpreter() -> None:
    with IsolatedRunner(max_workers=1) as runner:
        # Neither site (-S) nor multiprocessing: each would be paid before every first look.
        assert runner.call(targets.loaded, "site") is False
        assert runner.call(targets.loaded, "multiprocessing") is False
        assert runner.call(targets.loaded, "mcdesk.core.catalog") is False


@pytest.mark.skipif(os.name != "posix", reason="the lifeline is a POSIX pipe")
def test_a_busy_worker_ends_when_the_app_dies_without_stopping_it() -> None:
    script = ("import os, threading, time\n"
              "from mcdesk.media.isolation import IsolatedRunner\n"
              "from tests import media_isolation_targets as targets\n"
              "runner = IsolatedRunner(max_workers=1)\n"
              "print(runner.call(targets.pid), flush=True)\n"
              "threading.Thread(target=runner.call, args=(targets.sleep, 60),\n"
              "                 kwargs={'timeout_s': 120}, daemon=True).start()\n"
              "time.sleep(0.5)\n"
              "os._exit(0)\n")
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True,
                          text=True, timeout=60, check=True)
    # Asleep in a call, it is not reading its channel: only the lifeline can end it.
    assert gone(int(done.stdout.strip()))


def test_the_spawn_start_still_works_where_a_bare_one_cannot_be_made(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # As in a frozen app (or on Windows): multiprocessing's spawn, preloads included.
    monkeypatch.setattr(worker_launch, "can_start_bare", lambda: False)
    with IsolatedRunner(max_workers=1) as runner:
        runner.prestart(["colorsys"])
        assert runner.call(targets.loaded, "colorsys") is True
        assert runner.call(targets.loaded, "multiprocessing") is True  # the spawn machinery
        assert runner.call(targets.add, 2, 3) == 5


def _refuse(*_args: object, **_kwargs: object) -> None:
    raise OSError(24, "Too many open files")


@pytest.mark.parametrize("failing", ["subprocess.Popen", "tempfile.TemporaryFile"])
def test_a_worker_that_cannot_start_leaves_no_descriptor_open(
        monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    # A prestart runs each time a file chooser opens: a failed start must not leak its ends.
    module, name = failing.split(".")
    monkeypatch.setattr(getattr(worker_launch, module), name, _refuse)
    before = sorted(os.listdir("/proc/self/fd"))
    with pytest.raises(OSError, match="Too many open files"):
        worker_launch._start_bare(None, ())
    assert sorted(os.listdir("/proc/self/fd")) == before
