"""How long-running work reports progress and learns it was cancelled; any thread."""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):  # noqa: N818 - it is not an error, the user asked
    """Raised inside a job when the user cancelled it; the job must leave nothing half-done."""


class JobControl(Protocol):
    """What a service receives to report progress and check for cancellation."""

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        """Report `done` units of `total` (None when the total is unknown)."""

    def check_cancelled(self) -> None:
        """Raise Cancelled if the user asked to stop."""

    @property
    def cancelled(self) -> bool:
        """True once the user asked to stop."""


class NullControl:
    """A JobControl for callers that want neither progress nor cancellation (CLI, tests)."""

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        return None

    def check_cancelled(self) -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


NULL_CONTROL = NullControl()


class ScaledControl:
    """Maps one step's progress into a share of a larger job's total (e.g. one file of many)."""

    def __init__(self, parent: JobControl, offset: int, total: int, message: str = "") -> None:
        self._parent = parent
        self._offset = offset
        self._total = total
        self._message = message

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self._parent.progress(self._offset + done, self._total, message or self._message)

    def check_cancelled(self) -> None:
        self._parent.check_cancelled()

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled
