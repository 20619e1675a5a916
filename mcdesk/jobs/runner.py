"""JobRunner: runs jobs on worker lanes, reports back on the thread owning it (the GUI thread)."""

from __future__ import annotations

import enum
import itertools
import logging
import math
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import NamedTuple, TypeAlias, TypeVar, cast

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from mcdesk.core.changes import ChangeNotice
from mcdesk.core.errors import McdeskError
from mcdesk.core.lanes import mark_thread
from mcdesk.core.progress import Cancelled, JobControl

__all__ = ["JobHandle", "JobRunner", "JobState", "JobStatus", "Lane", "LaneKey", "ServerLane"]

_log = logging.getLogger(__name__)

T = TypeVar("T")

# Minimum seconds between two progress emissions of one job (at most ~10 per second).
PROGRESS_INTERVAL = 0.1
# How long a thread running Python keeps the interpreter when another asks for it. The
# workers run Python beside the GUI thread, which needs the interpreter back for every slot,
# event filter and Python paint: at Python's 5 ms a busy worker made each of those wait that
# long (a list painting over several of them, a search while the drafts are checked).
SWITCH_INTERVAL_S = 0.001


class Lane(enum.Enum):
    """The shared lanes a job can run on."""

    WRITE = "write"
    """Exactly one thread: every database write is serialized through it, in submission order."""
    POOL = "pool"
    """max(2, os.cpu_count()) threads for hashing, media work and reads."""


class ServerLane(NamedTuple):
    """A serial lane for one server (one thread per server name, created on first use)."""

    # NamedTuples here, not frozen dataclasses: made in a fifth of the time, on the way to
    # the first window.
    name: str


LaneKey: TypeAlias = Lane | ServerLane


class JobState(enum.Enum):
    """Where a job is in its life: QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self not in (JobState.QUEUED, JobState.RUNNING)


class JobStatus(NamedTuple):
    """A snapshot of one job, as carried by JobRunner.job_changed."""

    job_id: int
    title: str
    done: int
    total: int | None
    message: str
    cancellable: bool
    state: JobState


class _Job:
    """The shared, lock-protected state of one job (touched by the worker and the GUI thread)."""

    def __init__(
        self, job_id: int, title: str, cancellable: bool, on_cancelled: Callable[[], None] | None
    ) -> None:
        self.job_id = job_id
        self.title = title
        self.cancellable = cancellable
        self.on_cancelled = on_cancelled
        self.cancel_requested = threading.Event()
        self.lock = threading.Lock()
        self.state = JobState.QUEUED
        self.done = 0
        self.total: int | None = None
        self.message = ""
        self.last_emit = -math.inf
        self.flush_pending = False

    def status(self) -> JobStatus:
        with self.lock:
            return self._status()

    def _status(self) -> JobStatus:
        return JobStatus(
            job_id=self.job_id,
            title=self.title,
            done=self.done,
            total=self.total,
            message=self.message,
            cancellable=self.cancellable,
            state=self.state,
        )

    def cancel(self, force: bool = False) -> bool:
        """Ask the job to stop; True if it was still queued and is now CANCELLED (never to run)."""
        if not (self.cancellable or force):
            return False
        with self.lock:
            if self.state is JobState.QUEUED:
                self.cancel_requested.set()
                self.state = JobState.CANCELLED
                return True
            if self.cancellable and self.state is JobState.RUNNING:
                self.cancel_requested.set()
            return False

    def start(self) -> JobStatus | None:
        """QUEUED -> RUNNING on the worker; None if the job was cancelled before it started."""
        with self.lock:
            if self.state is not JobState.QUEUED:
                return None
            self.state = JobState.RUNNING
            self.last_emit = time.monotonic()
            return self._status()

    def end(self, state: JobState) -> None:
        with self.lock:
            self.state = state

    def report(self, done: int, total: int | None, message: str) -> float | None:
        """Store progress; return the delay before a flush if one must be scheduled, else None."""
        with self.lock:
            self.done, self.total, self.message = done, total, message
            if self.flush_pending or self.state is not JobState.RUNNING:
                return None
            self.flush_pending = True
            return max(0.0, self.last_emit + PROGRESS_INTERVAL - time.monotonic())

    def take_flush(self) -> JobStatus | None:
        """On the GUI thread: the status to emit now, or None if the job is no longer running."""
        with self.lock:
            self.flush_pending = False
            if self.state is not JobState.RUNNING:
                return None
            self.last_emit = time.monotonic()
            return self._status()


class _Control:
    """The JobControl a job function receives; any thread, normally the job's worker."""

    def __init__(self, runner: JobRunner, job: _Job) -> None:
        self._runner = runner
        self._job = job

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        delay = self._job.report(done, total, message)
        if delay is not None:
            job = self._job
            self._runner._post(lambda: self._runner._schedule_flush(job, delay))

    def check_cancelled(self) -> None:
        if self._job.cancel_requested.is_set():
            raise Cancelled(f"job {self._job.job_id} ({self._job.title}) was cancelled")

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_requested.is_set()


class JobHandle:
    """What submit() returns: identifies a job and cancels it; any thread."""

    def __init__(self, runner: JobRunner, job: _Job) -> None:
        self._runner = runner
        self._job = job

    @property
    def job_id(self) -> int:
        return self._job.job_id

    @property
    def title(self) -> str:
        return self._job.title

    def cancel(self) -> None:
        """Ask the job to stop (no effect when not cancellable or already finished).

        A queued job is never started and is reported CANCELLED; a running job sees the request
        through check_cancelled()/cancelled and ends CANCELLED if it raises Cancelled.
        """
        self._runner._cancel(self._job, force=False)

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_requested.is_set()

    @property
    def state(self) -> JobState:
        """The job's state as the worker sees it (it may run ahead of the GUI-side signals)."""
        with self._job.lock:
            return self._job.state

    def __repr__(self) -> str:
        return f"JobHandle({self.job_id}, {self.title!r}, {self.state.name})"


_Task: TypeAlias = Callable[[], None]


class _Workers:
    """A FIFO queue served by `size` daemon threads; size 1 makes the lane serial."""

    def __init__(self, name: str, size: int) -> None:
        self._queue: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self.name = name
        self.threads = [
            threading.Thread(target=self._loop, name=f"mcdesk-{name}-{i}", daemon=True)
            for i in range(size)
        ]
        for thread in self.threads:
            thread.start()

    def put(self, task: _Task) -> None:
        self._queue.put(task)

    def stop(self) -> None:
        for _ in self.threads:
            self._queue.put(None)

    def _loop(self) -> None:
        mark_thread(self.name)
        while (task := self._queue.get()) is not None:
            try:
                task()
            except BaseException:  # pragma: no cover - tasks catch everything themselves
                _log.exception("internal error in job runner worker")


class JobRunner(QObject):
    """Runs jobs on lanes and delivers their status and results on the thread that owns it.

    Everything that must reach the owner (GUI) thread -- status signals, success/failure/cancel
    callbacks, progress flushes -- goes through ONE mechanism: the private `_call` signal, which
    carries a zero-argument callable and is connected to `_run_call` with Qt.QueuedConnection.
    A queued connection posts an event to the receiver's thread, which is thread-safe from any
    Python or Qt thread and keeps the order in which things were posted, so a job's QUEUED,
    RUNNING, progress and final notices arrive in order. It is queued even when emitted from the
    GUI thread itself, so no callback ever runs re-entrantly inside submit() or cancel().

    Create it on the GUI thread and call shutdown() before the application quits. Callbacks for
    jobs that end during shutdown are delivered later by the event loop, if it still runs.
    """

    job_changed = Signal(object)
    """A JobStatus, on queue, start, (throttled) progress and finish; GUI thread."""
    active_count_changed = Signal(int)
    """The number of queued plus running jobs; GUI thread."""
    unhandled_error = Signal(object)
    """A BaseException from a job without on_failure, or from a callback; GUI thread."""
    changed = Signal(object)
    """A ChangeNotice: what a finished write changed (see announce()); GUI thread."""

    _call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        self._lanes: dict[LaneKey, _Workers] = {}
        self._closed = False
        self._last_count = 0
        self._pool_size = max(2, os.cpu_count() or 1)
        self._call.connect(self._run_call, Qt.ConnectionType.QueuedConnection)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)

    @staticmethod
    def server_lane(name: str) -> ServerLane:
        """The lane key of the serial queue for server `name`."""
        return ServerLane(name)

    def submit(
        self,
        title: str,
        fn: Callable[[JobControl], T],
        *,
        lane: LaneKey = Lane.POOL,
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        cancellable: bool = True,
    ) -> JobHandle:
        """Queue `fn(control)` on `lane`; callbacks run on the GUI thread. Any thread.

        Raises RuntimeError after shutdown().
        """

        def run() -> None:
            running = job.start()
            if running is None:
                return  # cancelled while queued; already reported by _cancel()
            self._post(lambda: self._emit_status(running))
            try:
                result = fn(_Control(self, job))
            except Cancelled:
                job.end(JobState.CANCELLED)
                self._post(lambda: self._finish(job, on_cancelled))
            except BaseException as exc:
                if isinstance(exc, McdeskError):  # the user's to fix; no traceback needed
                    _log.info("job %d (%s) stopped: %s", job.job_id, title, exc)
                else:
                    _log.exception("job %d (%s) failed", job.job_id, title)
                job.end(JobState.FAILED)
                error = exc  # `exc` is unbound when the except block ends
                handler = on_failure if on_failure is not None else self._emit_unhandled
                self._post(lambda: self._finish(job, lambda: handler(error)))
            else:
                job.end(JobState.SUCCEEDED)
                if on_success is not None:
                    success = on_success
                    self._post(lambda: self._finish(job, lambda: success(result)))
                else:
                    self._post(lambda: self._finish(job, None))

        with self._lock:
            if self._closed:
                raise RuntimeError("JobRunner has been shut down")
            job = _Job(next(self._ids), title, cancellable, on_cancelled)
            self._jobs[job.job_id] = job
            queued = job.status()
            self._post(lambda: self._emit_status(queued))
            self._workers(lane).put(run)
        return JobHandle(self, job)

    def announce(self, notice: ChangeNotice) -> None:
        """Tell everyone listening to `changed` what a write changed; any thread.

        Delivered on the owner thread through the same queue as job callbacks, so it arrives
        after the callbacks of the job that made the change.
        """
        if notice.changes:
            self._post(lambda: self.changed.emit(notice))

    def cancel(self, job_id: int) -> None:
        """Ask job `job_id` to stop (ignored for finished or non-cancellable jobs). Any thread."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is not None:
            self._cancel(job, force=False)

    @property
    def is_shut_down(self) -> bool:
        """Whether shutdown() was called: submit() refuses new jobs."""
        with self._lock:
            return self._closed

    def active(self) -> list[JobStatus]:
        """Statuses of queued and running jobs not yet reported finished, oldest first."""
        with self._lock:
            jobs = list(self._jobs.values())
        return [job.status() for job in jobs]

    def shutdown(self, wait: bool = True, timeout: float = 10.0) -> None:
        """Refuse new jobs, cancel queued ones, ask running ones to stop, then join the threads.

        Jobs that are not cancellable (a database write the user is owed) still run, queued or
        running, and are left to finish within `timeout` seconds; any
        thread still alive after that is abandoned (they are daemon threads) and logged.
        Idempotent; call it from the GUI thread.
        """
        with self._lock:
            self._closed = True
            jobs = list(self._jobs.values())
            lanes = list(self._lanes.values())
            self._lanes.clear()
        for job in jobs:
            self._cancel(job, force=False)
        for workers in lanes:
            workers.stop()
        if not wait:
            return
        deadline = time.monotonic() + timeout
        for workers in lanes:
            for thread in workers.threads:
                if thread is threading.current_thread():
                    continue  # shutdown() called from a job: cannot join itself
                thread.join(max(0.0, deadline - time.monotonic()))
                if thread.is_alive():
                    _log.warning("job thread %s did not stop within %.1f s", thread.name, timeout)

    # -- internals ----------------------------------------------------------------------------

    def _workers(self, lane: LaneKey) -> _Workers:
        """The workers of `lane`, started on first use; caller holds self._lock."""
        workers = self._lanes.get(lane)
        if workers is None:
            if lane is Lane.POOL:
                workers = _Workers("pool", self._pool_size)
            elif lane is Lane.WRITE:
                workers = _Workers("write", 1)
            else:
                assert isinstance(lane, ServerLane)
                workers = _Workers(f"server-{lane.name}", 1)
            self._lanes[lane] = workers
        return workers

    def _cancel(self, job: _Job, force: bool) -> None:
        if job.cancel(force):
            self._post(lambda: self._finish(job, job.on_cancelled))

    def _post(self, task: _Task) -> None:
        """Run `task` on the thread owning this object, via the queued `_call` signal."""
        try:
            self._call.emit(task)
        except RuntimeError:  # the C++ object is gone (runner deleted without shutdown)
            _log.debug("job runner deleted; dropping a notification")

    @Slot(object)
    def _run_call(self, task: object) -> None:
        cast(_Task, task)()

    def _emit_unhandled(self, exc: BaseException) -> None:
        self.unhandled_error.emit(exc)

    def _emit_status(self, status: JobStatus) -> None:
        self.job_changed.emit(status)
        self._emit_count()

    def _emit_count(self) -> None:
        with self._lock:
            count = len(self._jobs)
        if count != self._last_count:
            self._last_count = count
            self.active_count_changed.emit(count)

    def _schedule_flush(self, job: _Job, delay: float) -> None:
        if delay <= 0.0:
            self._flush(job)
        else:
            QTimer.singleShot(math.ceil(delay * 1000), self, lambda: self._flush(job))

    def _flush(self, job: _Job) -> None:
        status = job.take_flush()
        if status is not None:
            self.job_changed.emit(status)

    def _finish(self, job: _Job, callback: _Task | None) -> None:
        with self._lock:
            self._jobs.pop(job.job_id, None)
        self.job_changed.emit(job.status())
        self._emit_count()
        if callback is None:
            return
        try:
            callback()
        except BaseException as exc:
            _log.exception("callback of job %d (%s) failed", job.job_id, job.title)
            self._emit_unhandled(exc)
