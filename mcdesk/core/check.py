"""What a portfolio check found and what it repaired, as plain data; any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ProblemKind(enum.StrEnum):
    DATABASE = "database"
    SEARCH_INDEX = "search index"
    MISSING_FILE = "missing file"
    DAMAGED_FILE = "damaged file"
    ORPHAN_FILE = "orphaned file"
    LEFTOVER = "unfinished copy"


@dataclass(frozen=True)
class CheckProblem:
    kind: ProblemKind
    path: str
    detail: str
    repaired: bool = False
    action: str = ""  # what --repair did, or would do


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[CheckProblem, ...]
    files_checked: int
    bytes_checked: int
    repaired: bool

    @property
    def healthy(self) -> bool:
        """True when nothing is wrong now (every problem found was repaired)."""
        return all(problem.repaired for problem in self.problems)
