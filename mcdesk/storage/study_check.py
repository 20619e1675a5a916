"""The study files' part of a portfolio check: every file kept offline is read and hashed,
files nobody names and demo study files left half drawn are found; repairs send damaged or
missing files back to "online only" (they download again) and move strays to the trash,
never deleting; worker thread (writer lane)."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from sqlalchemy import func, select

from mcdesk.core.check import CheckProblem, ProblemKind
from mcdesk.core.progress import NULL_CONTROL, JobControl, ScaledControl
from mcdesk.core.study import DEMO_SCRATCH_PREFIX, FileState
from mcdesk.storage.check_findings import damage, out_of_place
from mcdesk.storage.filestore import is_sha256, sha256_of
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.study_models import StudyFileRow, StudyUseRow
from mcdesk.storage.study_store import PARTIAL_DIR, STUDY_DIR

# A demo scratch folder this old outlived its drawing (a few seconds).
SCRATCH_AGE_S = 3600


def check_study(portfolio: Portfolio, repair: bool, control: JobControl = NULL_CONTROL,
                ) -> tuple[list[CheckProblem], int, int]:
    """(problems, files checked, bytes checked) for the study files."""
    root = portfolio.layout.root / STUDY_DIR
    with portfolio.database.reading() as session:
        rows = session.execute(select(StudyFileRow.sha256, StudyFileRow.size,
                                      StudyFileRow.state)).all()
        # What a teacher knows a file by: the title a micro-credential gives it.
        titles: dict[str, str] = {
            sha256: title for sha256, title in session.execute(
                select(StudyUseRow.sha256, func.min(StudyUseRow.title))
                .group_by(StudyUseRow.sha256))}
    named = {sha256 for sha256, _size, _state in rows}
    offline = sorted((sha256, size) for sha256, size, state in rows
                     if state == str(FileState.OFFLINE))
    problems: list[CheckProblem] = []
    done = 0
    total = sum(size for _sha, size in offline)
    for number, (sha256, size) in enumerate(offline, start=1):
        control.check_cancelled()
        path = root / sha256[:2] / sha256
        if not path.is_file():
            problems.append(_offline_again(portfolio, sha256, titles.get(sha256), path,
                                           repair, "is missing"))
            continue
        message = f"Checking study file {number} of {len(offline)}"
        reason = damage(path, size, sha256, functools.partial(
            sha256_of, control=ScaledControl(control, done, total, message)))
        done += size
        control.progress(done, total, message)
        if reason is not None:
            problems.append(_offline_again(portfolio, sha256, titles.get(sha256), path,
                                           repair, reason))
    problems += _strays(portfolio, root, named, repair)
    problems += _demo_scratch(portfolio, repair)
    return problems, len(offline), done


def _offline_again(portfolio: Portfolio, sha256: str, title: str | None, path: Path,
                   repair: bool, reason: str) -> CheckProblem:
    """A study file kept offline whose bytes are gone or damaged: the server still has it, so
    the repair is to download it again (damaged bytes go to the trash first)."""
    kind = ProblemKind.MISSING_FILE if not path.exists() else ProblemKind.DAMAGED_FILE
    detail = f"study file “{title}” {reason}" if title else f"study file {sha256[:12]}… {reason}"
    if not repair:
        return CheckProblem(kind, str(path), detail,
                            action="mark it online only, so it downloads again")
    action = "marked online only: it downloads again when you ask for it"
    if path.exists():
        moved = portfolio.files.move_to_trash(path, "damaged")
        action = f"moved to {moved}; " + action
    with portfolio.database.transaction() as session:
        row = session.get(StudyFileRow, sha256)
        if row is not None:
            row.state, row.reason = str(FileState.ONLINE), ""
    return CheckProblem(kind, str(path), detail, repaired=True, action=action)


def _strays(portfolio: Portfolio, root: Path, named: set[str],
            repair: bool) -> list[CheckProblem]:
    """Files under study/ that no study file row names (downloads in progress, under
    study/.partial, are left alone: they resume)."""
    if not root.is_dir():
        return []
    strays: list[Path] = []
    for entry in sorted(root.iterdir()):
        if entry.name == PARTIAL_DIR:
            continue
        if entry.is_file():
            strays.append(entry)
        elif entry.is_dir():
            strays += sorted(p for p in entry.iterdir() if not (
                p.is_file() and is_sha256(p.name) and p.name in named
                and entry.name == p.name[:2]))
    return [out_of_place(portfolio, ProblemKind.ORPHAN_FILE, path,
                      "no study file of any micro-credential is this file", repair, "orphan")
            for path in strays]


def _demo_scratch(portfolio: Portfolio, repair: bool) -> list[CheckProblem]:
    root = portfolio.layout.root
    now = time.time()
    # A young one may be the demo being drawn right now.
    left = [folder for folder in sorted(root.glob(f"{DEMO_SCRATCH_PREFIX}*"))
            if folder.is_dir() and now - folder.stat().st_mtime >= SCRATCH_AGE_S]
    return [out_of_place(portfolio, ProblemKind.LEFTOVER, folder,
                      "demo study files left half drawn (mcdesk closed while drawing them)",
                      repair, "unfinished") for folder in left]

