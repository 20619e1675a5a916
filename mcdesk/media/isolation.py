"""IsolatedRunner: runs untrusted-file parsing in reusable child processes with a time limit;
call() from any thread (blocks the caller), the child functions run in the child process."""

from __future__ import annotations

import atexit
import contextlib
import inspect
import logging
import os
import pickle
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar, cast

from mcdesk.core.errors import McdeskError, MediaError
from mcdesk.core.progress import NULL_CONTROL, Cancelled, JobControl
from mcdesk.media.worker_child import CANCELLED as _CANCELLED
from mcdesk.media.worker_child import CRASHED as _CRASHED
from mcdesk.media.worker_child import ERROR as _ERROR
from mcdesk.media.worker_child import PROGRESS as _PROGRESS
from mcdesk.media.worker_child import READY as _READY
from mcdesk.media.worker_child import RESULT as _RESULT
from mcdesk.media.worker_launch import start_worker, wait_readable

if TYPE_CHECKING:
    from mcdesk.media.worker_child import Flag
    from mcdesk.media.worker_launch import ParentChannel, WorkerProcess

__all__ = [
    "CRASH_MESSAGE",
    "DEFAULT_MEMORY_LIMIT",
    "TIMEOUT_MESSAGE",
    "IsolatedRunner",
    "default_runner",
    "shutdown_default_runner",
]

_log = logging.getLogger(__name__)

T = TypeVar("T")

TIMEOUT_MESSAGE: Final = "reading this file took too long; it may be damaged"
CRASH_MESSAGE: Final = "the file made mcdesk's reader stop; it is probably damaged"

# Address space allowed to one child (Linux only): enough for 4K video, not for a bomb.
DEFAULT_MEMORY_LIMIT: Final = 3 * 1024**3
# How often the waiting parent looks at the job's cancel flag, the clock and the child.
POLL_INTERVAL: Final = 0.05
# How long a cancelled child may take to stop by itself before it is killed.
CANCEL_GRACE: Final = 2.0

class _RemoteTraceback(Exception):  # noqa: N818 - the name says what it carries
    """Carries the child's traceback text as the __cause__ of a re-raised exception."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f'\n"""\n{self.text}"""'


def _unpack_exception(packed: tuple[bytes | None, str, str]) -> BaseException:
    data, type_name, text = packed
    exc: BaseException | None = None
    if data is not None:
        with contextlib.suppress(Exception):
            exc = cast(BaseException, pickle.loads(data))
    if exc is None:
        exc = RuntimeError(f"{type_name} in mcdesk's reader process")
    if not isinstance(exc, McdeskError):
        exc.__cause__ = _RemoteTraceback(text)
    return exc


# --------------------------------------------------------------------------- parent side


class _Crashed(Exception):  # noqa: N818 - internal signal, never leaves this module
    pass


@dataclass(eq=False)
class _Worker:
    process: WorkerProcess
    conn: ParentChannel
    flag: Flag
    sentinels: tuple[int, ...] = ()
    ready: bool = False
    dead: bool = False
    idle: bool = True  # False from sending a request until its final answer arrives

    def alive(self) -> bool:
        return not self.dead and self.process.is_alive()

    def kill(self) -> None:
        if self.dead:
            return
        self.dead = True
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(timeout=5)
        with contextlib.suppress(Exception):
            self.conn.close()
        with contextlib.suppress(Exception):
            self.process.close()

    def stop(self) -> None:
        """Ask an idle child to leave; kill it if it does not."""
        with contextlib.suppress(Exception):
            self.conn.send(None)
        with contextlib.suppress(Exception):
            self.process.join(timeout=1)
        self.kill()


def _accepts_control(func: Callable[..., Any]) -> bool:
    try:
        parameters = inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False
    return "control" in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())


def _path_of(args: tuple[Any, ...]) -> str | None:
    for arg in args:
        if isinstance(arg, os.PathLike):
            return os.fspath(arg)  # type: ignore[no-any-return]
    return None


class IsolatedRunner:
    """A small pool of long-lived child processes (fresh interpreters, worker_launch.py) that
    run module-level functions on untrusted files. A child that hangs, crashes or is
    cancelled is killed and replaced on the next call; a healthy one is reused, so a call
    costs little more than the work.

    Thread-safe: each call() borrows one child for its duration; at most `max_workers` calls
    run at once, others wait for a free child."""

    def __init__(self, max_workers: int = 2, *,
                 memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> None:
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self._max_workers = max_workers
        self._memory_limit = memory_limit
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._closed = False
        _open_runners.add(self)

    # -- public

    def call(self, func: Callable[..., T], *args: Any, timeout_s: float = 60,
             control: JobControl = NULL_CONTROL) -> T:
        """Run `func(*args)` in a child and return its result.

        `func` must be a module-level function and its arguments and result picklable. If it
        takes a `control` keyword it gets a JobControl whose progress reaches `control` and
        which raises Cancelled once `control` is cancelled. Raises the child's McdeskError as
        is, MediaError on a time-out or a crash, Cancelled when cancelled, and other
        exceptions of the child re-raised with the child's traceback as their cause."""
        control.check_cancelled()
        path = _path_of(args)
        wants_control = _accepts_control(func)
        worker = self._acquire(control)
        try:
            return cast(T, self._run(worker, (func, args, wants_control), path, timeout_s,
                                     control))
        except _Crashed:
            raise MediaError(CRASH_MESSAGE, path=path) from None
        finally:
            # Reused only if it answered this call in full (result, error or cancelled):
            # a child still busy with the call, or killed, is not.
            self._release(worker, healthy=worker.idle and worker.alive())

    def prestart(self, modules: Sequence[str] = ()) -> None:
        """Start a child now, unless one is idle or the pool is full, and have it import
        `modules` once started: its start then overlaps what the caller does before its
        first call (hashing the file, a person choosing files). Never waits for it; a child
        that cannot start is reported by the call that needs it."""
        with self._lock:
            if self._closed or self._idle or len(self._busy) >= self._max_workers:
                return
            try:
                worker = self._start(modules)
            except OSError as exc:
                _log.warning("Could not start a media reader ahead of time: %s", exc)
                return
            self._idle.append(worker)

    def shutdown(self) -> None:
        """Stop every child; calls still running end with MediaError. Idempotent."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            busy = list(self._busy)
            self._lock.notify_all()
        for worker in idle:
            worker.stop()
        for worker in busy:
            worker.kill()

    @property
    def closed(self) -> bool:
        return self._closed

    def child_pids(self) -> list[int]:
        """Process ids of the live children (for tests and diagnostics)."""
        with self._lock:
            workers = [*self._idle, *self._busy]
        return [w.process.pid for w in workers if w.process.pid is not None and w.alive()]

    def __enter__(self) -> IsolatedRunner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.shutdown()

    # -- pool

    def _acquire(self, control: JobControl) -> _Worker:
        with self._lock:
            while True:
                if self._closed:
                    raise RuntimeError("the media reader has been shut down")
                while self._idle:
                    worker = self._idle.pop()
                    if worker.alive():
                        self._busy.add(worker)
                        return worker
                    worker.kill()
                if len(self._busy) < self._max_workers:
                    break
                self._lock.wait(POLL_INTERVAL)
                if control.cancelled:
                    raise Cancelled()
            worker = self._start()
            self._busy.add(worker)
            return worker

    def _start(self, modules: Sequence[str] = ()) -> _Worker:
        started = start_worker(self._memory_limit, modules)
        return _Worker(started.process, started.conn, started.flag, started.sentinels)

    def _release(self, worker: _Worker, *, healthy: bool) -> None:
        with self._lock:
            self._busy.discard(worker)
            keep = healthy and not self._closed
            if keep:
                self._idle.append(worker)
            self._lock.notify()
        if not keep:
            worker.kill()

    # -- one call

    def _receive(self, worker: _Worker, deadline: float) -> tuple[str, Any] | None:
        """The child's next message, None if nothing came by `deadline`; _Crashed if it died."""
        timeout = max(0.0, deadline - time.monotonic())
        ready = wait_readable([worker.conn, *worker.sentinels], timeout)
        if not ready:
            return None
        if worker.conn in ready or worker.conn.poll():
            try:
                return cast("tuple[str, Any]", worker.conn.recv())
            except (EOFError, OSError) as exc:
                raise _Crashed() from exc
        raise _Crashed()

    def _run(self, worker: _Worker, request: tuple[Any, ...], path: str | None,
             timeout_s: float, control: JobControl) -> Any:
        start = time.monotonic()
        if not worker.ready:
            # The start-up of a fresh child does not count against the file's time limit.
            startup_deadline = start + max(60.0, timeout_s)
            while not worker.ready:
                if control.cancelled:
                    self._kill_for(worker, Cancelled())
                try:
                    message = self._receive(worker, min(startup_deadline, time.monotonic()
                                                        + POLL_INTERVAL))
                except _Crashed:
                    message = None
                if message is not None and message[0] == _READY:
                    worker.ready = True
                elif not worker.alive() or time.monotonic() > startup_deadline:
                    # Not the file's fault: the interpreter could not start (see its stderr).
                    code = worker.process.exitcode
                    worker.kill()
                    raise RuntimeError(
                        f"mcdesk's media reader process did not start (exit code {code})")
            start = time.monotonic()
        worker.flag.value = 0
        try:
            worker.conn.send(request)  # pickles first: an unpicklable argument sends nothing
        except (OSError, EOFError) as exc:
            raise _Crashed() from exc
        worker.idle = False
        deadline = start + timeout_s
        cancel_deadline: float | None = None
        while True:
            now = time.monotonic()
            if cancel_deadline is None and control.cancelled:
                if not request[2]:  # the function cannot notice; stop it now
                    self._kill_for(worker, Cancelled())
                worker.flag.value = 1
                cancel_deadline = now + CANCEL_GRACE
            if cancel_deadline is not None and now >= cancel_deadline:
                self._kill_for(worker, Cancelled())
            if now >= deadline:
                self._kill_for(worker, MediaError(TIMEOUT_MESSAGE, path=path))
            message = self._receive(worker, min(deadline, now + POLL_INTERVAL))
            if message is None:
                continue
            tag, payload = message
            worker.idle = tag in (_RESULT, _CANCELLED, _ERROR)
            if tag == _PROGRESS:
                control.progress(*payload)
            elif tag == _RESULT:
                return payload
            elif tag == _CANCELLED:
                raise Cancelled()
            elif tag == _CRASHED:
                raise _Crashed()
            elif tag == _ERROR:
                raise _unpack_exception(payload)

    @staticmethod
    def _kill_for(worker: _Worker, exc: BaseException) -> NoReturn:
        worker.kill()
        raise exc


# Every runner's children are stopped when the interpreter exits, as multiprocessing does
# for its daemon processes (each child also ends by itself when the app is gone).
_open_runners: weakref.WeakSet[IsolatedRunner] = weakref.WeakSet()


@atexit.register
def _stop_all_at_exit() -> None:
    for runner in list(_open_runners):
        runner.shutdown()


_default: IsolatedRunner | None = None
_default_lock = threading.Lock()


def default_runner() -> IsolatedRunner:
    """The shared runner of the app, created on first use (again after a shutdown)."""
    global _default
    with _default_lock:
        if _default is None or _default.closed:
            _default = IsolatedRunner()
        return _default


def shutdown_default_runner() -> None:
    """Stop the shared runner's children (at application exit)."""
    with _default_lock:
        runner = _default
    if runner is not None:
        runner.shutdown()
