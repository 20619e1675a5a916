"""The Catalog place's operations: the list with its filters, a micro-credential's detail,
importing catalog files; built on the GUI thread, run on the lane their kind gives them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.catalog import CatalogEntry, FileImportResult, Stack
from mcdesk.core.changes import Change
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.progress import JobControl
    from mcdesk.services.catalog import MicroCredentialDetail
    from mcdesk.services.workspace import Workspace

Listing = tuple[list[tuple[Stack, int]], list[str], list[CatalogEntry], int]



translate = QCoreApplication.translate


def listing(workspace: Workspace, query: str, stack_id: str | None,
            issuer: str | None) -> Op[Listing]:
    """The stack and issuer choices and, in the same job, the list."""

    def work(_c: JobControl) -> Listing:
        catalog = workspace.catalog
        entries = catalog.entries(query=query, stack_id=stack_id, issuer=issuer)
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
