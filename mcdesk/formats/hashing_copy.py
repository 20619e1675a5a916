"""Copying a file's bytes to a writer while hashing them, reading once and overlapping the
read, the sha256 and the write; pure stdlib; worker thread (it starts two helper threads of
its own and stops them before it returns)."""

from __future__ import annotations

import collections
import contextlib
import hashlib
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from mcdesk.core.progress import NULL_CONTROL, JobControl

# 1 MiB chunks measured faster than 4-8 MiB ones: the chunk is still in the CPU cache when
# the sha256 and the write (and a zip's CRC) read it. A ring of 6 keeps the reader ahead of
# both helpers with 6 MiB of memory whatever the file's size.
CHUNK = 1024 * 1024
RING = 6


class ReadsInto(Protocol):
    def readinto(self, buffer: bytearray, /) -> int | None: ...


def advise(descriptor: int, advice: str, offset: int = 0, length: int = 0) -> None:
    """posix_fadvise where the OS has it (not Windows, not macOS); advice only, never fatal."""
    value = getattr(os, advice, None)
    if value is None or not hasattr(os, "posix_fadvise"):
        return
    with contextlib.suppress(OSError):
        os.posix_fadvise(descriptor, offset, length, value)


def _settle(jobs: tuple[Future[None], Future[None]]) -> None:
    """Wait for both helpers to be done with one chunk (raising what either raised)."""
    for job in jobs:
        job.result()


class CopyRing:
    """The chunk buffers `copy_hashing` reads into, each made the first time a copy needs
    it: a small file pays for one or two, and a package of many files built with one ring
    pays for them once (fresh memory costs a page fault a page: 6 MiB took 3-5 ms)."""

    def __init__(self, chunk_size: int = CHUNK, count: int = RING) -> None:
        self.chunk_size = chunk_size
        self.count = max(2, count)
        self._buffers: list[bytearray] = []

    @property
    def made(self) -> int:
        """How many buffers exist so far."""
        return len(self._buffers)

    def buffer(self, turn: int) -> bytearray:
        index = turn % self.count
        if index == len(self._buffers):
            self._buffers.append(bytearray(self.chunk_size))
        return self._buffers[index]


def copy_hashing(reader: ReadsInto, write: Callable[[memoryview], object], *,
                 control: JobControl = NULL_CONTROL,
                 copied: Callable[[int], None] | None = None,
                 ring: CopyRing | None = None) -> tuple[int, str]:
    """Read `reader` to its end into `ring`'s reused buffers (a new ring when None); each
    chunk goes to `write` (which must take all of it) on one helper thread while its sha256
    runs on another and this thread reads the next chunk. hashlib, zlib and file writes
    release the GIL, so on two cores the copy costs about the sha256 alone. `copied(n)` is
    called on this thread after each chunk is read; `control` can cancel between chunks.
    Returns (bytes, sha256 hex). Whatever stops the copy, both helpers are finished before
    this returns or raises, so `write`'s target can be closed at once (and the ring used
    again)."""
    buffers = ring if ring is not None else CopyRing()
    digest = hashlib.sha256()
    hashes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copy-sha256")
    writes = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copy-write")
    pending: collections.deque[tuple[Future[None], Future[None]]] = collections.deque()
    total = 0

    def write_all(chunk: memoryview) -> None:
        write(chunk)

    try:
        turn = 0
        while True:
            control.check_cancelled()
            if len(pending) >= buffers.count - 1:  # the next buffer is free again
                _settle(pending.popleft())
            buffer = buffers.buffer(turn)
            turn += 1
            count = reader.readinto(buffer)
            if not count:
                break
            chunk = memoryview(buffer)[:count]
            pending.append((hashes.submit(digest.update, chunk),
                            writes.submit(write_all, chunk)))
            total += count
            if copied is not None:
                copied(count)
        while pending:
            _settle(pending.popleft())
    finally:
        hashes.shutdown(wait=True, cancel_futures=True)
        writes.shutdown(wait=True, cancel_futures=True)
    return total, digest.hexdigest()


class WriteBehind:
    """Writes to a plain file descriptor, asking the OS every few MB to start writing what
    came so far to disk (on Linux 'don't need' starts an asynchronous write-back), so the
    fsync at the end finds little left to do and the disk works while the copy goes on."""

    EVERY = 16 * 1024 * 1024

    def __init__(self, descriptor: int) -> None:
        self._fd = descriptor
        self._written = 0
        self._advised = 0

    def __call__(self, chunk: memoryview) -> None:
        view = chunk
        while view:
            done = os.write(self._fd, view)
            view = view[done:]
        self._written += len(chunk)
        if self._written - self._advised >= self.EVERY:
            advise(self._fd, "POSIX_FADV_DONTNEED", self._advised, self._written - self._advised)
            self._advised = self._written
