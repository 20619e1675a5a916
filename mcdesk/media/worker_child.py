"""The media worker process's own side: its request loop, the JobControl its functions see,
its memory limit and its start from a bare interpreter; runs in the media worker process
(its channel and shared flag are also the app's ends, used on the calling thread)."""

# Kept to the standard library's light modules and mcdesk.core: every import here is paid
# by each worker before it reads its first file.
from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import signal
import struct
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any, Protocol

from mcdesk.core.progress import Cancelled

# Minimum seconds between two progress messages a child sends.
PROGRESS_INTERVAL = 0.05

# Messages from the child: (tag, payload).
READY, PROGRESS, RESULT, ERROR, CANCELLED, CRASHED = (
    "ready", "progress", "result", "error", "cancelled", "crashed")


class Channel(Protocol):
    def send(self, obj: Any, /) -> None: ...

    def recv(self) -> Any: ...


class Flag(Protocol):
    """The cancel flag the parent sets in memory both processes share."""

    @property
    def value(self) -> int: ...

    @value.setter
    def value(self, value: int, /) -> None: ...


class FdChannel:
    """Pickled messages over a socket (both ends: the parent's too), framed as
    multiprocessing.connection frames them (a 4-byte big-endian length, -1 then 8 bytes for a
    larger one); without importing multiprocessing, whose import both sides would pay."""

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def poll(self, timeout: float = 0.0) -> bool:
        """Whether a message (or the end of the channel) is waiting."""
        import select

        poller = select.poll()
        poller.register(self._fd, select.POLLIN)
        return bool(poller.poll(max(0, int(timeout * 1000))))

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def send(self, obj: Any) -> None:
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        size = len(data)
        header = (struct.pack("!i", size) if size <= 0x7FFFFFFF
                  else struct.pack("!i", -1) + struct.pack("!Q", size))
        view = memoryview(header + data) if size <= 16384 else None
        if view is None:
            self._write_all(memoryview(header))
            view = memoryview(data)
        self._write_all(view)

    def _write_all(self, view: memoryview) -> None:
        while view:
            view = view[os.write(self._fd, view):]

    def recv(self) -> Any:
        (size,) = struct.unpack("!i", self._read_exact(4))
        if size == -1:
            (size,) = struct.unpack("!Q", self._read_exact(8))
        return pickle.loads(self._read_exact(size))

    def _read_exact(self, count: int) -> bytes:
        parts: list[bytes] = []
        while count:
            part = os.read(self._fd, min(count, 1 << 20))
            if not part:
                raise EOFError("the parent closed the channel")
            parts.append(part)
            count -= len(part)
        return b"".join(parts)


class MappedFlag:
    """One byte of a file both processes map (the parent's end is in isolation.py)."""

    def __init__(self, fd: int) -> None:
        import mmap

        self._map = mmap.mmap(fd, 1)

    @property
    def value(self) -> int:
        return self._map[0]

    @value.setter
    def value(self, value: int) -> None:
        self._map[0] = value


class ChildControl:
    """The JobControl a function sees in the child: progress goes to the parent (throttled),
    cancellation is a flag in shared memory that the parent sets."""

    def __init__(self, conn: Channel, flag: Flag) -> None:
        self._conn = conn
        self._flag = flag
        self._last_sent = 0.0
        self._pending: tuple[int, int | None, str] | None = None

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        if now - self._last_sent >= PROGRESS_INTERVAL:
            self._conn.send((PROGRESS, (done, total, message)))
            self._last_sent = now
            self._pending = None
        else:
            self._pending = (done, total, message)

    def flush(self) -> None:
        if self._pending is not None:
            self._conn.send((PROGRESS, self._pending))
            self._pending = None

    def check_cancelled(self) -> None:
        if self._flag.value:
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return bool(self._flag.value)


def limit_memory(limit: int | None) -> None:
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


def pack_exception(exc: BaseException) -> tuple[bytes | None, str, str]:
    """The exception pickled if it can be, its type name and its traceback text."""
    import traceback

    text = "".join(traceback.format_exception(exc))
    data: bytes | None
    try:
        data = pickle.dumps(exc)
        pickle.loads(data)  # an exception whose __init__ needs other arguments fails here
    except Exception:
        data = None
    return data, f"{type(exc).__module__}.{type(exc).__qualname__}", text


def call_named(module: str, name: str, *args: Any) -> Any:
    """`module.name(*args)`, the module imported here: the app can ask for a function without
    importing what that function needs (the first look's probe and thumbnail code)."""
    return getattr(importlib.import_module(module), name)(*args)


def preload(modules: Sequence[str]) -> None:
    """Import what the coming calls will need, while the parent is still busy (hashing, or a
    person choosing files); a module that cannot load now fails later, in the call."""
    for name in modules:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


def serve(conn: Channel, flag: Flag, memory_limit: int | None,
          modules: Sequence[str] = ()) -> None:
    """The loop of a child process: receive (func, args, wants_control), answer, repeat."""
    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no SIGINT
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(memory_limit)
    conn.send((READY, os.getpid()))
    preload(modules)
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        func, args, wants_control = request
        control = ChildControl(conn, flag)
        try:
            result = func(*args, control=control) if wants_control else func(*args)
            control.flush()
            answer: tuple[str, Any] = (RESULT, result)
        except Cancelled:
            answer = (CANCELLED, None)
        except MemoryError:
            answer = (CRASHED, "out of memory")
        except BaseException as exc:
            answer = (ERROR, pack_exception(exc))
        try:
            conn.send(answer)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send((ERROR, pack_exception(
                TypeError(f"the result of {getattr(func, '__name__', func)!r} cannot be sent "
                          f"back to mcdesk: {exc}"))))
        except MemoryError:
            conn.send((CRASHED, "out of memory"))
        if answer[0] == CRASHED:
            return  # after an allocation failure the heap is not worth trusting


def _watch_lifeline(fd: int) -> None:
    """End this process when the app goes away, even in the middle of a long call: only the
    app holds the pipe's other end, so a read returns (empty) when it is gone."""

    def watch() -> None:
        with contextlib.suppress(OSError):
            while os.read(fd, 1):
                pass
        os._exit(0)

    threading.Thread(target=watch, name="mcdesk-parent-watch", daemon=True).start()


def boot(argv: Sequence[str]) -> None:
    """Entry point of a worker started as `python -I -S -c ...` (isolation.py): argv is the
    channel's, the flag's and the lifeline's descriptors, the memory limit (0: none) and the
    modules to preload. Leaves with os._exit: nothing here needs the interpreter's
    finalization, which would unload FFmpeg's libraries one by one while the app waits."""
    conn_fd, flag_fd, lifeline_fd, limit = (int(value) for value in argv[:4])
    _watch_lifeline(lifeline_fd)
    flag = MappedFlag(flag_fd)
    os.close(flag_fd)
    code = 0
    try:
        serve(FdChannel(conn_fd), flag, limit or None, argv[4:])
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
    os._exit(code)
