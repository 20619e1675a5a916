"""Starting one media worker process: a bare interpreter (`-I -S`) handed its descriptors, or
multiprocessing's "spawn" where that cannot be done (Windows, a frozen app); any thread."""

from __future__ import annotations

import contextlib
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from mcdesk.media.worker_child import FdChannel, Flag, MappedFlag, serve

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.sharedctypes import Synchronized

__all__ = ["ParentChannel", "Started", "WorkerProcess", "start_worker", "wait_readable"]

W = TypeVar("W")

# The child's first line: the parent's import path (the package's folder first: an editable
# install finds mcdesk through a hook that -S leaves out), then the loop.
_BOOT = ("import sys; sys.path[:] = __import__('json').loads(sys.argv[1]); "
         "from mcdesk.media.worker_child import boot; boot(sys.argv[2:])")


class ParentChannel(Protocol):
    """The parent's end of a worker's channel (FdChannel, or multiprocessing's Connection)."""

    def send(self, obj: Any, /) -> None: ...

    def recv(self) -> Any: ...

    def poll(self, timeout: float = 0.0, /) -> bool: ...

    def close(self) -> None: ...

    def fileno(self) -> int: ...


def wait_readable(objects: Sequence[W], timeout: float) -> list[W]:
    """Those of `objects` (channels, or descriptors as ints) with something to read, waiting
    up to `timeout` seconds; like multiprocessing.connection.wait, which Windows needs."""
    if os.name != "posix":
        from multiprocessing.connection import wait

        return cast("list[W]", wait(cast(Any, objects), timeout))
    import select

    poller = select.poll()
    by_fd: dict[int, W] = {}
    for item in objects:
        fd = item if isinstance(item, int) else cast(ParentChannel, item).fileno()
        by_fd[fd] = item
        poller.register(fd, select.POLLIN)
    return [by_fd[fd] for fd, _events in poller.poll(math.ceil(max(0.0, timeout) * 1000))]


class WorkerProcess(Protocol):
    """What the runner needs of a worker process (multiprocessing's Process has it all)."""

    @property
    def pid(self) -> int | None: ...

    @property
    def exitcode(self) -> int | None: ...

    def is_alive(self) -> bool: ...

    def kill(self) -> None: ...

    def join(self, timeout: float | None = None) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Started:
    process: WorkerProcess
    conn: ParentChannel
    flag: Flag
    # What to wait on beside `conn` to notice the child's end (its channel's end is enough
    # for a child started bare: only it holds the other side).
    sentinels: tuple[int, ...]


class _BareProcess:
    """A worker started with subprocess, seen through multiprocessing's Process methods. It
    holds the lifeline: the child ends itself when that pipe's far end closes."""

    def __init__(self, popen: subprocess.Popen[bytes], lifeline: int) -> None:
        self._popen = popen
        self._lifeline: int | None = lifeline

    @property
    def pid(self) -> int | None:
        return self._popen.pid

    @property
    def exitcode(self) -> int | None:
        return self._popen.poll()

    def is_alive(self) -> bool:
        return self._popen.poll() is None

    def kill(self) -> None:
        if self._popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                self._popen.kill()

    def join(self, timeout: float | None = None) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)

    def close(self) -> None:
        if self._lifeline is not None:
            os.close(self._lifeline)
            self._lifeline = None


def _child_path() -> list[str]:
    import mcdesk

    paths = [os.path.abspath(entry) if entry else os.getcwd()
             for entry in sys.path if isinstance(entry, str)]
    root = os.path.dirname(os.path.dirname(os.path.abspath(mcdesk.__file__)))
    if root not in paths:
        paths.insert(0, root)
    return paths


def _start_bare(memory_limit: int | None, modules: Sequence[str]) -> Started:
    # The child's ends are closed here whatever happens; the parent's only if the start fails
    # (it runs again the next time a file chooser opens: a leak would add up).
    with contextlib.ExitStack() as always, contextlib.ExitStack() as on_failure:
        parent_end, child_end = socket.socketpair()
        on_failure.callback(parent_end.close)
        always.callback(child_end.close)
        lifeline_read, lifeline_write = os.pipe()
        always.callback(os.close, lifeline_read)
        on_failure.callback(os.close, lifeline_write)
        shared = always.enter_context(tempfile.TemporaryFile(prefix="mcdesk-cancel-"))
        shared.write(b"\0")
        shared.flush()
        flag = MappedFlag(shared.fileno())
        popen = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _BOOT, json.dumps(_child_path()),
             str(child_end.fileno()), str(shared.fileno()), str(lifeline_read),
             str(memory_limit or 0), *modules],
            stdin=subprocess.DEVNULL,
            pass_fds=(child_end.fileno(), shared.fileno(), lifeline_read))
        on_failure.pop_all()
    return Started(_BareProcess(popen, lifeline_write), FdChannel(parent_end.detach()), flag,
                   ())


def _die_with_parent() -> None:
    """End a spawned child when the app goes away, even in the middle of a long call."""
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="mcdesk-parent-watch", daemon=True).start()


def _spawned_main(conn: Connection, flag: Synchronized[int], memory_limit: int | None,
                  modules: tuple[str, ...]) -> None:
    """A child started by multiprocessing's "spawn"; runs in the media worker process."""
    _die_with_parent()
    serve(conn, flag, memory_limit, modules)


def _start_spawned(memory_limit: int | None, modules: Sequence[str]) -> Started:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    parent_conn, child_conn = context.Pipe(duplex=True)
    flag = cast("Synchronized[int]", context.Value("b", 0, lock=False))
    process = context.Process(
        target=_spawned_main, args=(child_conn, flag, memory_limit, tuple(modules)),
        name="mcdesk-media-reader", daemon=True)
    process.start()
    child_conn.close()
    return Started(process, parent_conn, flag, (process.sentinel,))


def start_worker(memory_limit: int | None, modules: Sequence[str] = ()) -> Started:
    """A new worker, not yet ready (it says so on its channel first); it imports `modules`
    once it is, before reading its first request."""
    if can_start_bare():
        return _start_bare(memory_limit, modules)
    return _start_spawned(memory_limit, modules)


def can_start_bare() -> bool:
    """Whether a worker can be a bare interpreter handed descriptors: not on Windows, nor in
    a frozen app (packaging/), which has no interpreter to run but turns multiprocessing's
    own start into a worker (freeze_support in mcdesk_entry.py)."""
    return os.name == "posix" and not getattr(sys, "frozen", False)
