"""IsolatedRunner: runs untrusted-file parsing in reusable child processes with a time limit;
call() from any thread (blocks the caller), the child functions run in the child process."""

from __future__ import annotations

import contextlib
import inspect
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar, cast

from mcdesk.core.errors import McdeskError, MediaError
from mcdesk.core.progress import NULL_CONTROL, Cancelled, JobControl

if TYPE_CHECKING:
    from multiprocessing.context import SpawnContext, SpawnProcess
    from multiprocessing.sharedctypes import Synchronized

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

#: Address space allowed to one child (Linux only): enough for 4K video, not for a bomb.
DEFAULT_MEMORY_LIMIT: Final = 3 * 1024**3
#: How often the waiting parent looks at the job's cancel flag, the clock and the child.
POLL_INTERVAL: Final = 0.05
#: How long a cancelled child may take to stop by itself before it is killed.
CANCEL_GRACE: Final = 2.0
#: Minimum seconds between two progress messages a child sends.
PROGRESS_INTERVAL: Final = 0.05

# Messages from the child: (tag, payload).
_READY, _PROGRESS, _RESULT, _ERROR, _CANCELLED, _CRASHED = (
    "ready", "progress", "result", "error", "cancelled", "crashed")


# --------------------------------------------------------------------------- child side


class _ChildControl:
    """The JobControl a function sees in the child: progress goes to the parent (throttled),
    cancellation is a flag in shared memory that the parent sets."""

    def __init__(self, conn: Connection, flag: Synchronized[int]) -> None:
        self._conn = conn
        self._flag = flag
        self._last_sent = 0.0
        self._pending: tuple[int, int | None, str] | None = None

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last_sent >= PROGRESS_INTERVAL:
            self._conn.send((_PROGRESS, (done, total, message)))
            self._last_sent = now
            self._pending = None
        else:
            self._pending = (done, total, message)

    def flush(self) -> None:
        if self._pending is not None:
            self._conn.send((_PROGRESS, self._pending))
            self._pending = None

    def check_cancelled(self) -> None:
        if self._flag.value:
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return bool(self._flag.value)


def _limit_memory(limit: int | None) -> None:
    if limit is None or not sys.platform.startswith("linux"):
        return  # RLIMIT_AS is not enforced on macOS and does not exist on Windows
    import resource

    # Address space, not memory, is what RLIMIT_AS counts: keep reservations that cost no
    # memory small, or a many-core machine hits the limit on an ordinary file. glibc
    # reserves 64 MB per thread arena; OpenBLAS (numpy) a buffer per thread.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX = 2 (glibc only)

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _die_with_parent() -> None:
    """End the child when the app goes away, even in the middle of a long call."""
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="mcdesk-parent-watch", daemon=True).start()


def _child_main(conn: Connection, flag: Synchronized[int], memory_limit: int | None) -> None:
    """The loop of a child process: receive (func, args, wants_control), answer, repeat."""
    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no SIGINT
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _limit_memory(memory_limit)
    _die_with_parent()
    conn.send((_READY, os.getpid()))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        func, args, wants_control = request
        control = _ChildControl(conn, flag)
        try:
            result = func(*args, control=control) if wants_control else func(*args)
            control.flush()
            answer: tuple[str, Any] = (_RESULT, result)
        except Cancelled:
            answer = (_CANCELLED, None)
        except MemoryError:
            answer = (_CRASHED, "out of memory")
        except BaseException as exc:
            answer = (_ERROR, _pack_exception(exc))
        try:
            conn.send(answer)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send((_ERROR, _pack_exception(
                TypeError(f"the result of {getattr(func, '__name__', func)!r} cannot be sent "
                          f"back to mcdesk: {exc}"))))
        except MemoryError:
            conn.send((_CRASHED, "out of memory"))
        if answer[0] == _CRASHED:
            return  # after an allocation failure the heap is not worth trusting


def _pack_exception(exc: BaseException) -> tuple[bytes | None, str, str]:
    """The exception pickled if it can be, its type name and its traceback text."""
    text = "".join(traceback.format_exception(exc))
    data: bytes | None
    try:
        data = pickle.dumps(exc)
        pickle.loads(data)  # an exception whose __init__ needs other arguments fails here
    except Exception:
        data = None
    return data, f"{type(exc).__module__}.{type(exc).__qualname__}", text


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
    process: SpawnProcess
    conn: Connection
    flag: Synchronized[int]
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
    """A small pool of long-lived child processes ("spawn") that run module-level functions
    on untrusted files. A child that hangs, crashes or is cancelled is killed and replaced
    on the next call; a healthy one is reused, so a call costs little more than the work.

    Thread-safe: each call() borrows one child for its duration; at most `max_workers` calls
    run at once, others wait for a free child."""

    def __init__(self, max_workers: int = 2, *,
                 memory_limit: int | None = DEFAULT_MEMORY_LIMIT) -> None:
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self._max_workers = max_workers
        self._memory_limit = memory_limit
        self._context: SpawnContext = multiprocessing.get_context("spawn")
        self._lock = threading.Condition()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._closed = False

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

    def _start(self) -> _Worker:
        parent_conn, child_conn = self._context.Pipe(duplex=True)
        flag = cast("Synchronized[int]", self._context.Value("b", 0, lock=False))
        process = self._context.Process(
            target=_child_main, args=(child_conn, flag, self._memory_limit),
            name="mcdesk-media-reader", daemon=True)
        process.start()
        child_conn.close()
        return _Worker(process, parent_conn, flag)

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
        ready = wait([worker.conn, worker.process.sentinel], timeout)
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
