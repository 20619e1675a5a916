"""Operations: one service call run in the background, whose kind fixes its lane; the only way
ui code starts background work. Built and run on the GUI thread; the call runs on its lane.

Modelled on Anki's CollectionOp/QueryOp: a place's `ops` module builds an Op from a service
call and says what kind of work it is; the widget says what to do with the result:

    ops.attach(workspace, draft_id, piece).success(self._attached).run(runner, origin=self)

A write says what it changes; when it succeeds the runner announces a ChangeNotice and the
shell passes it to every place but the one that made the edit.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.progress import JobControl
from mcdesk.jobs.runner import JobHandle, JobRunner, Lane, LaneKey, ServerLane

__all__ = ["Op", "OpKind"]

T = TypeVar("T")


class OpKind(enum.Enum):
    """What an operation does, which decides where it runs."""

    READ = "read"
    """Reads the portfolio (never writes it): the pool, many at once."""
    WRITE = "write"
    """Writes the portfolio: the one writer lane, in order."""
    MEDIA = "media"
    """Hashing, decoding, converting files; writes nothing to the database: the pool."""
    NETWORK = "network"
    """Talks to one server: that server's serial lane (it may record what it did)."""
    EXCLUSIVE = "exclusive"
    """Reads the whole portfolio while nothing writes it (a check of files against rows):
    the writer lane, changing nothing."""
    OPEN = "open"
    """Opens a portfolio (creating or upgrading it): the writer lane, with no notice, since
    every place is handed the opened portfolio and reads it then (a notice would make each
    place on screen read it a second time)."""


class Op(Generic[T]):
    """One background operation: a kind, a title for the jobs list, and the work."""

    def __init__(self, kind: OpKind, title: str, work: Callable[[JobControl], T], *,
                 changes: Iterable[Change] = (), ids: Iterable[str] = (),
                 server: str | None = None, cancellable: bool = False) -> None:
        self.kind = kind
        self.title = title
        self.work = work
        self.changes = frozenset(changes)
        self.ids = frozenset(ids)
        self.server = server
        self.cancellable = cancellable
        if kind is OpKind.WRITE and not self.changes:
            raise ValueError(f"the write {title!r} must say what it changes")
        if kind in (OpKind.READ, OpKind.MEDIA, OpKind.EXCLUSIVE, OpKind.OPEN) and self.changes:
            raise ValueError(f"{title!r} changes {sorted(self.changes)}: make it a write")
        if (kind is OpKind.NETWORK) != (server is not None):
            raise ValueError(f"{title!r}: a network operation, and only one, names its server")
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._on_cancelled: Callable[[], None] | None = None

    @classmethod
    def read(cls, title: str, work: Callable[[JobControl], T], *,
             cancellable: bool = False) -> Op[T]:
        return cls(OpKind.READ, title, work, cancellable=cancellable)

    @classmethod
    def write(cls, title: str, work: Callable[[JobControl], T], changes: Iterable[Change], *,
              ids: Iterable[str] = (), cancellable: bool = False) -> Op[T]:
        return cls(OpKind.WRITE, title, work, changes=changes, ids=ids, cancellable=cancellable)

    @classmethod
    def exclusive(cls, title: str, work: Callable[[JobControl], T], *,
                  cancellable: bool = True) -> Op[T]:
        return cls(OpKind.EXCLUSIVE, title, work, cancellable=cancellable)

    @classmethod
    def open(cls, title: str, work: Callable[[JobControl], T]) -> Op[T]:
        return cls(OpKind.OPEN, title, work, cancellable=False)

    @classmethod
    def media(cls, title: str, work: Callable[[JobControl], T], *,
              cancellable: bool = True) -> Op[T]:
        return cls(OpKind.MEDIA, title, work, cancellable=cancellable)

    @classmethod
    def network(cls, title: str, server: str, work: Callable[[JobControl], T], *,
                changes: Iterable[Change] = (), cancellable: bool = True) -> Op[T]:
        return cls(OpKind.NETWORK, title, work, changes=changes, server=server,
                   cancellable=cancellable)

    @property
    def lane(self) -> LaneKey:
        if self.kind in (OpKind.WRITE, OpKind.EXCLUSIVE, OpKind.OPEN):
            return Lane.WRITE
        if self.kind is OpKind.NETWORK:
            assert self.server is not None
            return ServerLane(self.server)
        return Lane.POOL

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        """Call `callback(result)` on the GUI thread when the work succeeds."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        """Call `callback(error)` on the GUI thread when it fails (else the crash dialog)."""
        self._on_failure = callback
        return self

    def cancelled(self, callback: Callable[[], None]) -> Op[T]:
        self._on_cancelled = callback
        return self

    def run(self, runner: JobRunner, *, origin: object | None = None) -> JobHandle:
        """Queue the work on its lane; a write that succeeds announces what it changed."""
        on_success = self._on_success
        changes, ids = self.changes, self.ids

        def succeeded(result: T) -> None:
            try:
                if on_success is not None:
                    on_success(result)
            finally:
                if changes:
                    runner.changed.emit(ChangeNotice(changes, origin, ids))

        return runner.submit(self.title, self.work, lane=self.lane, on_success=succeeded,
                             on_failure=self._on_failure, on_cancelled=self._on_cancelled,
                             cancellable=self.cancellable)
