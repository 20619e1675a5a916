"""IsolatedRunner: results, errors, time-outs, crashes, progress and cancellation across the
process boundary, and calls from several threads at once."""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mcdesk.core.errors import MediaError
from mcdesk.core.progress import Cancelled
from mcdesk.media.isolation import CRASH_MESSAGE, TIMEOUT_MESSAGE, IsolatedRunner
from tests import media_isolation_targets as targets


class RecordingControl:
    """A JobControl that records progress and is cancelled `cancel_after` seconds after it
    first hears progress (or at once when cancel_after is 0)."""

    def __init__(self, cancel_after: float | None = None) -> None:
        self.events: list[tuple[int, int | None, str]] = []
        self.threads: set[str] = set()
        self._cancel_after = cancel_after
        self._first: float | None = None
        self._event = threading.Event()
        if cancel_after == 0:
            self._event.set()

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.events.append((done, total, message))
        self.threads.add(threading.current_thread().name)
        if self._first is None:
            self._first = time.monotonic()

    def check_cancelled(self) -> None:
        if self.cancelled:
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        if (not self._event.is_set() and self._cancel_after is not None
                and self._first is not None
                and time.monotonic() - self._first >= self._cancel_after):
            self._event.set()
        return self._event.is_set()


@pytest.fixture(scope="module")
def runner() -> Iterator[IsolatedRunner]:
    with IsolatedRunner(max_workers=2) as shared:
        yield shared


def test_returns_the_result_and_reuses_the_child(runner: IsolatedRunner) -> None:
    assert runner.call(targets.add, 2, 3) == 5
    first = runner.call(targets.pid)
    assert first != os.getpid()
    started = time.monotonic()
    assert runner.call(targets.pid) in runner.child_pids()
    assert time.monotonic() - started < 0.5
    assert len(runner.child_pids()) <= 2


def test_media_error_comes_back_as_is(runner: IsolatedRunner, tmp_path: Path) -> None:
    with pytest.raises(MediaError) as caught:
        runner.call(targets.fail_with_media_error, tmp_path / "clip.mp4")
    assert caught.value.path == tmp_path / "clip.mp4"
    assert caught.value.detail == "the file is empty"
    assert runner.call(targets.add, 1, 1) == 2


def test_other_exceptions_keep_their_type_and_the_child_traceback(
        runner: IsolatedRunner) -> None:
    with pytest.raises(ValueError, match="boom") as caught:
        runner.call(targets.fail_with_value_error, "boom")
    assert "fail_with_value_error" in str(caught.value.__cause__)


def test_an_unpicklable_result_is_a_clear_type_error(runner: IsolatedRunner) -> None:
    with pytest.raises(TypeError, match="cannot be sent back"):
        runner.call(targets.unpicklable_result)
    assert runner.call(targets.add, 1, 2) == 3


def test_a_hanging_reader_times_out_fast_and_the_next_call_works(
        runner: IsolatedRunner, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(MediaError) as caught:
        runner.call(targets.sleep, 30, tmp_path / "slow.mov", timeout_s=1)
    assert time.monotonic() - started < 3
    assert caught.value.detail == TIMEOUT_MESSAGE
    assert caught.value.path == tmp_path / "slow.mov"
    assert runner.call(targets.add, 20, 22) == 42


@pytest.mark.parametrize("target", [targets.exit_abruptly, targets.segfault],
                         ids=["os._exit", "SIGSEGV"])
def test_a_crashing_reader_is_a_media_error_and_the_next_call_works(
        runner: IsolatedRunner, tmp_path: Path, target: object) -> None:
    with pytest.raises(MediaError) as caught:
        runner.call(target, tmp_path / "bad.mp4")  # type: ignore[arg-type]
    assert caught.value.detail == CRASH_MESSAGE
    assert caught.value.path == tmp_path / "bad.mp4"
    assert runner.call(targets.add, 1, 2) == 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux only")
def test_the_memory_limit_contains_a_bomb(tmp_path: Path) -> None:
    with IsolatedRunner(max_workers=1, memory_limit=1024**3) as small:
        with pytest.raises(MediaError) as caught:
            small.call(targets.allocate, 2048)
        assert caught.value.detail == CRASH_MESSAGE
        assert small.call(targets.allocate, 16) == 16 * 1024 * 1024


def test_children_ignore_ctrl_c(runner: IsolatedRunner) -> None:
    child = runner.call(targets.pid)
    os.kill(child, signal.SIGINT)
    time.sleep(0.1)
    assert child in runner.child_pids()
    assert runner.call(targets.add, 1, 1) == 2


def test_progress_reaches_the_parent_control(runner: IsolatedRunner) -> None:
    control = RecordingControl()
    assert runner.call(targets.count, 30, control=control) == 30
    assert control.events, "no progress arrived"
    assert control.events[-1] == (30, 30, "step 30")  # the last one is never dropped
    assert len(control.events) <= 30
    assert control.threads == {threading.current_thread().name}


class FailingControl(RecordingControl):
    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        raise RuntimeError("the progress bar is gone")


def test_a_call_that_fails_in_the_parent_does_not_leave_a_busy_child(
        runner: IsolatedRunner) -> None:
    with pytest.raises(RuntimeError, match="progress bar"):
        runner.call(targets.progress_then_finish, 0.3, control=FailingControl())
    # The child was still working on that call: it must not answer the next one with it.
    for _ in range(3):
        assert runner.call(targets.add, 1, 1) == 2


def test_cancelling_stops_the_child_quickly_and_it_cleans_up(
        runner: IsolatedRunner, tmp_path: Path) -> None:
    dest = tmp_path / "out.bin"
    control = RecordingControl(cancel_after=0.2)
    control.progress(0)
    child = runner.call(targets.pid)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        runner.call(targets.write_then_cancel, dest, control=control)
    assert time.monotonic() - started < 1.5
    assert not (tmp_path / "out.bin.part").exists()
    assert runner.call(targets.add, 2, 2) == 4
    assert child in runner.child_pids()  # it stopped by itself, so it lives on


def test_cancelling_a_loop_that_checks(runner: IsolatedRunner) -> None:
    control = RecordingControl(cancel_after=0.3)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        runner.call(targets.spin_until_cancelled, 30, control=control)
    assert time.monotonic() - started < 1.5


def test_a_child_that_ignores_cancel_is_killed_after_the_grace(runner: IsolatedRunner) -> None:
    control = RecordingControl(cancel_after=0)
    control.progress(0)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        # Cancelled before the call: nothing runs at all.
        runner.call(targets.ignore_cancel, 30, control=control)
    assert time.monotonic() - started < 0.5

    later = RecordingControl(cancel_after=0.2)
    later.progress(0)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        runner.call(targets.ignore_cancel, 30, control=later)
    assert 2.0 <= time.monotonic() - started < 4.0
    assert runner.call(targets.add, 3, 3) == 6


def test_a_function_without_control_is_killed_at_once_on_cancel(runner: IsolatedRunner) -> None:
    control = RecordingControl(cancel_after=0.2)
    control.progress(0)
    started = time.monotonic()
    with pytest.raises(Cancelled):
        runner.call(targets.sleep, 30, control=control)
    assert time.monotonic() - started < 1.0
    assert runner.call(targets.add, 4, 4) == 8


def test_concurrent_calls_from_four_threads(runner: IsolatedRunner) -> None:
    def job(i: int) -> tuple[int, int, int]:
        runner.call(targets.sleep, 0.2)
        return i, runner.call(targets.add, i, i), runner.call(targets.pid)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(job, range(8)))
    assert [r[:2] for r in results] == [(i, 2 * i) for i in range(8)]
    assert len({r[2] for r in results}) <= 2
    assert len(runner.child_pids()) <= 2


def test_shutdown_stops_the_children() -> None:
    runner = IsolatedRunner()
    child = runner.call(targets.pid)
    runner.shutdown()
    assert runner.child_pids() == []
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)
    with pytest.raises(RuntimeError, match="shut down"):
        runner.call(targets.add, 1, 1)


def test_an_unpicklable_argument_fails_in_the_caller(runner: IsolatedRunner) -> None:
    children = runner.child_pids()
    with pytest.raises((AttributeError, TypeError, pickle.PicklingError)):
        runner.call(targets.add, lambda: 1, 2)
    assert runner.child_pids() == children  # nothing was sent, the child stays
    assert runner.call(targets.add, 1, 2) == 3
