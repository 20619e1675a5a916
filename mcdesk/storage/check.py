"""Checks a portfolio: database integrity, search index, every stored file's hash (evidence,
and study files kept offline: `study_check`), orphans and leftovers; repairs what it can
without deleting anything; worker thread (writer lane)."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import func, select, text

from mcdesk.core.check import CheckProblem, CheckReport, ProblemKind
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.storage.catalog_store import index_row
from mcdesk.storage.check_findings import damage, out_of_place
from mcdesk.storage.filestore import is_sha256
from mcdesk.storage.models import EvidenceFileRow, MicroCredentialRow
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.study_check import check_study

# An unfinished copy younger than this may belong to an import that is still running.
LEFTOVER_AGE_S = 3600


def check_portfolio(
    portfolio: Portfolio, *, repair: bool = False, control: JobControl = NULL_CONTROL
) -> CheckReport:
    problems: list[CheckProblem] = []
    problems += _check_database(portfolio)
    problems += _check_search_index(portfolio, repair)
    file_problems, files_checked, bytes_checked = _check_files(portfolio, repair, control)
    problems += file_problems
    study_problems, study_files, study_bytes = check_study(portfolio, repair, control)
    problems += study_problems
    return CheckReport(tuple(problems), files_checked + study_files,
                       bytes_checked + study_bytes, repaired=repair)


def _check_database(portfolio: Portfolio) -> list[CheckProblem]:
    path = str(portfolio.layout.db_path)
    with portfolio.database.reading() as session:
        integrity = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        foreign = session.execute(text("PRAGMA foreign_key_check")).fetchall()
    problems = []
    if integrity != ["ok"]:
        problems.append(CheckProblem(
            ProblemKind.DATABASE, path, "; ".join(integrity[:10]),
            action="restore the newest backup from the backups folder",
        ))
    if foreign:
        problems.append(CheckProblem(
            ProblemKind.DATABASE, path, f"{len(foreign)} rows point at rows that do not exist",
            action="restore the newest backup from the backups folder",
        ))
    return problems


def _check_search_index(portfolio: Portfolio, repair: bool) -> list[CheckProblem]:
    with portfolio.database.reading() as session:
        indexed = set(session.scalars(text("SELECT rowid FROM catalog_fts")))
        current = set(session.scalars(
            select(MicroCredentialRow.pk).where(MicroCredentialRow.is_current)))
    if indexed == current:
        return []
    detail = (f"the catalog search index holds {len(indexed)} entries for "
              f"{len(current)} micro-credentials")
    if not repair:
        return [CheckProblem(ProblemKind.SEARCH_INDEX, "catalog", detail,
                             action="rebuild the search index")]
    with portfolio.database.transaction() as session:
        session.execute(text("DELETE FROM catalog_fts"))
        for row in session.scalars(select(MicroCredentialRow).where(MicroCredentialRow.is_current)):
            index_row(session, row)
    return [CheckProblem(ProblemKind.SEARCH_INDEX, "catalog", detail, repaired=True,
                         action="rebuilt the search index")]


def _check_files(
    portfolio: Portfolio, repair: bool, control: JobControl
) -> tuple[list[CheckProblem], int, int]:
    store = portfolio.files
    with portfolio.database.reading() as session:
        rows = session.execute(select(EvidenceFileRow.sha256, EvidenceFileRow.size))
        known: dict[str, int] = {row[0]: row[1] for row in rows}
        total = session.scalar(select(func.coalesce(func.sum(EvidenceFileRow.size), 0))) or 0
    problems: list[CheckProblem] = []
    done_bytes = 0
    checked = 0
    for sha256, size in sorted(known.items()):
        control.check_cancelled()
        path = store.path_for(sha256)
        checked += 1
        if not path.is_file():
            problems.append(_repair_missing(portfolio, sha256, path, repair, "is missing"))
            continue
        reason = damage(path, size, sha256, store.hash_of)
        done_bytes += size
        control.progress(done_bytes, total, f"Checking {checked} of {len(known)} files")
        if reason is not None:
            problems.append(_repair_missing(portfolio, sha256, path, repair, reason))
    for path in store.iter_stored():
        control.check_cancelled()
        if is_sha256(path.name) and path.name in known and path.parent.name == path.name[:2]:
            continue
        problems.append(out_of_place(portfolio, ProblemKind.ORPHAN_FILE, path,
                                     "no evidence refers to this file", repair, "orphan"))
    now = time.time()
    for partial in store.leftover_partials():
        if now - partial.stat().st_mtime < LEFTOVER_AGE_S:
            continue
        problems.append(out_of_place(portfolio, ProblemKind.LEFTOVER, partial,
                                     "an interrupted copy", repair, "unfinished"))
    return problems, checked, done_bytes


def _repair_missing(
    portfolio: Portfolio, sha256: str, path: Path, repair: bool, reason: str
) -> CheckProblem:
    store = portfolio.files
    kind = ProblemKind.MISSING_FILE if not path.exists() else ProblemKind.DAMAGED_FILE
    detail = f"stored file {sha256[:12]}… {reason}"
    good_copy = store.find_in_trash(sha256)
    if not repair:
        action = ("restore it from the trash folder" if good_copy
                  else "add the original file again as evidence")
        return CheckProblem(kind, str(path), detail, action=action)
    if good_copy is None:
        return CheckProblem(kind, str(path), detail,
                            action="no good copy found; add the original file again")
    if path.exists():
        store.move_to_trash(path, "damaged")
    store.restore(good_copy, sha256)
    return CheckProblem(kind, str(path), detail, repaired=True,
                        action=f"restored from {good_copy}")
