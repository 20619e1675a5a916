"""What the parts of a portfolio check (evidence files, study files) find alike: a stored file
that is not the one its row names, and something out of place that a repair moves to the
trash; worker thread (writer lane)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mcdesk.core.check import CheckProblem, ProblemKind
from mcdesk.storage.portfolio import Portfolio


def damage(path: Path, size: int, sha256: str, digest: Callable[[Path], str]) -> str | None:
    """Why the file at `path` is not the one of `size` bytes and this sha256 (None: it is);
    its bytes are read only when its size is right."""
    actual = path.stat().st_size
    if actual != size:
        return f"has {actual} bytes instead of {size}"
    return None if digest(path) == sha256 else "its content no longer matches its hash"


def out_of_place(portfolio: Portfolio, kind: ProblemKind, path: Path, detail: str,
                 repair: bool, reason: str) -> CheckProblem:
    """Something that does not belong where it is: moved to the trash (in a folder named
    after `reason`) when repairing, never deleted."""
    if not repair:
        return CheckProblem(kind, str(path), detail, action="move it to the trash folder")
    moved = portfolio.files.move_to_trash(path, reason)
    return CheckProblem(kind, str(path), detail, repaired=True, action=f"moved to {moved}")
