"""Study files in the portfolio: their rows (what the catalog says of each, where its bytes
are, who names it) and their bytes under study/ab/ab12… with partial downloads in
study/.partial; worker thread (writes on the writer lane)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, select

from mcdesk.core.study import FileRef, FileState, StudyFile
from mcdesk.storage.db import Database
from mcdesk.storage.filestore import is_sha256
from mcdesk.storage.models import MetaRow
from mcdesk.storage.study_models import StudyFileRow, StudyUseRow

STUDY_DIR = "study"
PARTIAL_DIR = ".partial"
BUDGET_KEY = "study_budget_bytes"


@dataclass(frozen=True)
class Use:
    """A micro-credential naming a file as a resource or an exemplar (with its title)."""

    achievement_id: str
    kind: str
    title: str
    file: FileRef


class StudyStore:
    def __init__(self, database: Database, root: Path) -> None:
        self._database = database
        self.root = root / STUDY_DIR
        self.partials = self.root / PARTIAL_DIR

    # -- bytes ---------------------------------------------------------------------------

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def partial_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        self.partials.mkdir(parents=True, exist_ok=True)
        return self.partials / f"{sha256}.part"

    def partial_size(self, sha256: str) -> int:
        try:
            return (self.partials / f"{sha256}.part").stat().st_size
        except FileNotFoundError:
            return 0

    def discard_partial(self, sha256: str) -> None:
        for suffix in (".part", ".part.etag"):
            (self.partials / f"{sha256}{suffix}").unlink(missing_ok=True)

    def adopt(self, sha256: str) -> Path:
        """Move a complete, verified partial download under its hash (one rename)."""
        partial = self.partials / f"{sha256}.part"
        target = self.path_for(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(partial, target)
        (self.partials / f"{sha256}.part.etag").unlink(missing_ok=True)
        return target

    def bytes_used(self) -> int:
        """What study files take on disk now: the complete ones and the partial downloads."""
        total = 0
        if not self.root.is_dir():
            return 0
        for folder in self.root.iterdir():
            if folder.is_dir():
                total += sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
        return total

    # -- rows ----------------------------------------------------------------------------

    def budget(self) -> int | None:
        """The storage budget the person set (None: not set)."""
        with self._database.reading() as session:
            row = session.get(MetaRow, BUDGET_KEY)
            return int(row.value) if row is not None and row.value.isdigit() else None

    def set_budget(self, budget: int) -> None:
        with self._database.transaction() as session:
            session.merge(MetaRow(key=BUDGET_KEY, value=str(budget)))

    def register(self, uses: Iterable[Use], server: str | None,
                 achievement_ids: Iterable[str]) -> None:
        """Record the files a catalog import names: the uses of `achievement_ids` are replaced
        by `uses`; a file seen for the first time is online only; a file the server says it
        cannot serve is refused with the server's reason (until a later catalog offers it)."""
        ids = set(achievement_ids)
        with self._database.transaction() as session:
            if ids:
                session.execute(delete(StudyUseRow).where(StudyUseRow.achievement_id.in_(ids)))
            for use in uses:
                ref = use.file
                row = session.get(StudyFileRow, ref.sha256)
                if row is None:
                    row = StudyFileRow(sha256=ref.sha256, size=ref.size,
                                       media_type=ref.media_type, href=ref.href,
                                       licence=ref.licence, server=server,
                                       state=str(FileState.ONLINE), reason="", wanted=False)
                    session.add(row)
                else:
                    row.href, row.server, row.licence = ref.href, server, ref.licence
                    row.media_type, row.size = ref.media_type, ref.size
                if ref.unavailable and row.state != str(FileState.OFFLINE):
                    row.state, row.reason = str(FileState.REFUSED), (
                        f"the server does not have this file: {ref.unavailable}")
                elif not ref.unavailable and row.reason.startswith("the server does not have"):
                    row.state, row.reason = str(FileState.ONLINE), ""
                session.merge(StudyUseRow(sha256=ref.sha256, achievement_id=use.achievement_id,
                                          kind=use.kind, title=use.title))

    def files(self, sha256s: Iterable[str] | None = None) -> list[StudyFile]:
        """Study files (all, or those named), wanted first, then the smallest first."""
        with self._database.reading() as session:
            query = select(StudyFileRow).order_by(StudyFileRow.wanted.desc(),
                                                  StudyFileRow.size, StudyFileRow.sha256)
            if sha256s is not None:
                query = query.where(StudyFileRow.sha256.in_(list(sha256s)))
            return [self._file(row) for row in session.scalars(query)]

    def file(self, sha256: str) -> StudyFile | None:
        found = self.files([sha256])
        return found[0] if found else None

    def uses_of(self, achievement_ids: Iterable[str]) -> list[tuple[str, str, str, str]]:
        """(achievement id, kind, title, sha256) of every file the micro-credentials name."""
        with self._database.reading() as session:
            rows = session.scalars(select(StudyUseRow).where(
                StudyUseRow.achievement_id.in_(list(achievement_ids))))
            return [(r.achievement_id, r.kind, r.title, r.sha256) for r in rows]

    def offline_bytes(self) -> int:
        with self._database.reading() as session:
            total = session.scalar(select(func.sum(StudyFileRow.size)).where(
                StudyFileRow.state == str(FileState.OFFLINE)))
            return int(total or 0)

    def set_wanted(self, sha256s: Iterable[str]) -> None:
        with self._database.transaction() as session:
            for sha256 in sha256s:
                row = session.get(StudyFileRow, sha256)
                if row is not None:
                    row.wanted = True

    def mark_offline(self, sha256: str) -> None:
        with self._database.transaction() as session:
            row = session.get(StudyFileRow, sha256)
            if row is not None:
                row.state, row.reason = str(FileState.OFFLINE), ""
                row.stored_at = datetime.now(UTC).replace(tzinfo=None)

    def mark_refused(self, sha256: str, reason: str) -> None:
        with self._database.transaction() as session:
            row = session.get(StudyFileRow, sha256)
            if row is not None:
                row.state, row.reason = str(FileState.REFUSED), reason

    def note(self, sha256: str, reason: str) -> None:
        """Why an online-only file still waits (the budget, the network); not a refusal."""
        with self._database.transaction() as session:
            row = session.get(StudyFileRow, sha256)
            if row is not None and row.state == str(FileState.ONLINE):
                row.reason = reason

    def _file(self, row: StudyFileRow) -> StudyFile:
        state = FileState(row.state)
        here = 0
        if state is FileState.OFFLINE and not self.path_for(row.sha256).is_file():
            # The bytes went missing (a check moved them, a hand deleted them): online only.
            state = FileState.ONLINE
        if state is FileState.ONLINE:
            here = self.partial_size(row.sha256)
            if here:
                state = FileState.DOWNLOADING
        return StudyFile(sha256=row.sha256, size=row.size, media_type=row.media_type,
                         href=row.href, licence=row.licence, server=row.server, state=state,
                         bytes_here=here, reason=row.reason, wanted=row.wanted)
