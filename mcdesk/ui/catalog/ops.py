"""The Catalog place's operations: the list with its filters, a micro-credential's detail,
importing catalog files; built on the GUI thread, run on the lane their kind gives them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.catalog_list import CatalogEntry, Stack
from mcdesk.core.changes import Change
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.catalog import FileImportResult
    from mcdesk.core.progress import JobControl
    from mcdesk.core.study import FetchReport, StudyFile
    from mcdesk.services.catalog import MicroCredentialDetail
    from mcdesk.services.workspace import Workspace

# Study files come down on a lane of their own, so a long download never holds a sync pass.
STUDY_LANE = "study-files"
Listing = tuple[list[tuple[Stack, int]], list[str], list[CatalogEntry], int]



translate = QCoreApplication.translate


def listing(workspace: Workspace, query: str, stack_id: str | None,
            issuer: str | None, *, limit: int) -> Op[Listing]:
    """The stack and issuer choices and, in the same job, the first `limit` lines of the
    list."""

    def work(_c: JobControl) -> Listing:
        catalog = workspace.catalog
        entries = catalog.entries(query=query, stack_id=stack_id, issuer=issuer, limit=limit)
        return catalog.stack_sizes(), catalog.issuers(), entries, catalog.count()

    return Op.read(translate("catalog", "Loading the catalog"), work)


def search(workspace: Workspace, query: str, stack_id: str | None,
           issuer: str | None) -> Op[tuple[list[CatalogEntry], int]]:
    def work(_c: JobControl) -> tuple[list[CatalogEntry], int]:
        entries = workspace.catalog.entries(query=query, stack_id=stack_id, issuer=issuer)
        return entries, workspace.catalog.count()

    return Op.read(translate("catalog", "Searching the catalog"), work)


def detail(workspace: Workspace, achievement_id: str,
           version: str | None) -> Op[MicroCredentialDetail]:
    return Op.read(translate("catalog", "Opening a micro-credential"),
                   lambda _c: workspace.catalog.detail(achievement_id, version))


def import_files(workspace: Workspace, paths: Sequence[Path]) -> Op[list[FileImportResult]]:
    chosen = list(paths)
    title = translate("catalog", "Importing a file") if len(chosen) == 1 else translate("catalog",
        "Importing %1 files").replace("%1", str(len(chosen)))
    return Op.write(title, lambda control: workspace.catalog.import_files(chosen, control),
                    [Change.CATALOG], cancellable=True)


StudyFiles = dict[str, "StudyFile"]


def detail_and_study(workspace: Workspace, achievement_id: str, version: str | None
                     ) -> Op[tuple[MicroCredentialDetail, StudyFiles]]:
    """A micro-credential's detail and where each of its resource and exemplar files is."""

    def work(_c: JobControl) -> tuple[MicroCredentialDetail, StudyFiles]:
        found = workspace.catalog.detail(achievement_id, version)
        mc = found.micro_credential
        refs = [r.file for r in mc.resources if r.file is not None]
        refs += [e.file for e in mc.exemplars if e.file is not None]
        files: StudyFiles = {}
        if refs:
            files = {f.sha256: f for f in workspace.study.store.files(
                [ref.sha256 for ref in refs])}
        return found, files

    return Op.read(translate("catalog", "Opening a micro-credential"), work)


def offline_path(workspace: Workspace, sha256: str) -> Op[str | None]:
    return Op.read(translate("catalog", "Finding a study file"),
                   lambda _c: workspace.study.offline_path(sha256))


def fetch_files(workspace: Workspace, sha256s: Sequence[str]) -> Op[FetchReport]:
    """Bring these files down now (the person asked), on the study lane."""
    chosen = list(sha256s)
    return Op.network(translate("catalog", "Bringing study files down"), STUDY_LANE,
                      lambda control: workspace.study.fetch(chosen, control, asked=True),
                      changes=[Change.STUDY])


def fetch_stack(workspace: Workspace, stack_id: str) -> Op[FetchReport]:
    """Every file of a stack's micro-credentials, now."""

    def work(control: JobControl) -> FetchReport:
        study = workspace.study
        return study.fetch(study.files_of_stack(stack_id), control, asked=True)

    return Op.network(translate("catalog", "Making a stack available offline"), STUDY_LANE, work,
                      changes=[Change.STUDY])
