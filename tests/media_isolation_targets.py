"""Module-level functions the isolation tests run in mcdesk's media child processes; child."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from mcdesk.core.errors import MediaError
from mcdesk.core.progress import NULL_CONTROL, JobControl


def add(a: int, b: int) -> int:
    return a + b


def pid() -> int:
    return os.getpid()


def fail_with_media_error(path: Path) -> None:
    raise MediaError("the file is empty", path=path)


def fail_with_value_error(text: str) -> None:
    raise ValueError(text)


def sleep(seconds: float, path: Path | None = None) -> str:
    time.sleep(seconds)
    return "woke up"


def exit_abruptly(path: Path) -> None:
    os._exit(1)


def segfault(path: Path) -> None:
    os.kill(os.getpid(), signal.SIGSEGV)
    time.sleep(10)


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def count(steps: int, *, control: JobControl = NULL_CONTROL) -> int:
    for step in range(steps):
        control.progress(step + 1, steps, f"step {step + 1}")
        time.sleep(0.01)
    return steps


def spin_until_cancelled(seconds: float, *, control: JobControl = NULL_CONTROL) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        control.check_cancelled()
        control.progress(0, None, "working")
        time.sleep(0.01)
    return "finished"


def ignore_cancel(seconds: float, *, control: JobControl = NULL_CONTROL) -> str:
    time.sleep(seconds)
    return "finished"


def write_then_cancel(dest: Path, *, control: JobControl = NULL_CONTROL) -> None:
    """Write a partial file and remove it when cancelled, as media functions must."""
    partial = dest.with_name(dest.name + ".part")
    partial.write_bytes(b"half")
    try:
        while True:
            control.check_cancelled()
            time.sleep(0.01)
    except BaseException:
        partial.unlink()
        raise


def unpicklable_result() -> object:
    return lambda: None


def progress_then_finish(seconds: float, *, control: JobControl = NULL_CONTROL) -> str:
    control.progress(1, 2, "half")
    time.sleep(seconds)
    return "late result"


def loaded(name: str) -> bool:
    """Whether the child has imported module `name` (by a preload, or at its start)."""
    import sys

    return name in sys.modules
