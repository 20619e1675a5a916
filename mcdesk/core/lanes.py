"""Which background lane the current thread serves, so storage can refuse a write made on a
reading lane; any thread.

The job runner marks its worker threads; threads it did not start (the CLI, tests, the GUI
thread) are unmarked and may write."""

from __future__ import annotations

import threading

READING_LANE = "pool"
"""The shared pool for reads, hashing and media: never a database write."""

_local = threading.local()
_enforced = False


def enforce_write_lanes(on: bool = True) -> None:
    """Make a write on the reading pool raise (the test suite turns this on for every test)."""
    global _enforced
    _enforced = on


class WriteOnReadingLaneError(RuntimeError):
    """A database write ran on the reading pool; its operation must be declared a write."""


def mark_thread(lane: str) -> None:
    """Record that the calling thread serves `lane` (called once by each worker thread)."""
    _local.lane = lane


def current_lane() -> str | None:
    return getattr(_local, "lane", None)


def ensure_writes_allowed(what: str) -> None:
    """Raise WriteOnReadingLaneError if the calling thread serves the reading pool."""
    if _enforced and current_lane() == READING_LANE:
        raise WriteOnReadingLaneError(
            f"{what} ran on the reading pool; declare the operation a write (writer lane)")
