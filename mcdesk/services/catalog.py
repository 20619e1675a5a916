"""Catalog use cases: import definition files, list, search, show; worker thread (imports on the
writer lane)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.catalog_list import CatalogEntry, Stack
from mcdesk.core.errors import CatalogImportError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.services.text_files import read_utf8
from mcdesk.storage.portfolio import Portfolio

if TYPE_CHECKING:
    from mcdesk.core.catalog import CatalogDocument, FileImportResult, MicroCredential

# The definitions (core.catalog) and their parsing (mcdesk.credentials.achievement) are imported
# by the calls that need them: listing and searching the catalog, the first thing the window
# does, need neither.

MAX_CATALOG_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class MicroCredentialDetail:
    """One version of a micro-credential with what the window shows around it."""

    micro_credential: MicroCredential
    is_current: bool
    all_versions: tuple[str, ...]
    stack: Stack | None


class CatalogService:
    def __init__(self, portfolio: Portfolio) -> None:
        self._portfolio = portfolio
        self._parsed: dict[str, tuple[str, MicroCredential]] = {}
        self._parsed_lock = threading.Lock()

    def import_files(
        self, paths: Sequence[Path], control: JobControl = NULL_CONTROL
    ) -> list[FileImportResult]:
        """Import each file whole or not at all; one bad file does not stop the others."""
        from mcdesk.core.catalog import FileImportResult

        results = []
        for number, path in enumerate(paths):
            control.check_cancelled()
            control.progress(number, len(paths), f"Importing {path.name}")
            try:
                results.append(self.import_file(path))
            except CatalogImportError as exc:
                results.append(FileImportResult(str(path), error=exc.detail))
        control.progress(len(paths), len(paths))
        return results

    def import_file(self, path: Path) -> FileImportResult:
        from mcdesk.core.catalog import FileImportResult
        from mcdesk.credentials.achievement import AchievementError, parse_catalog_text

        document_text = read_catalog_file(path)
        try:
            document = parse_catalog_text(document_text)
        except AchievementError as exc:
            raise CatalogImportError(str(exc), path=path) from None
        items = self._portfolio.catalog.save_document(document)
        _register_study_files(self._portfolio, document, None)
        return FileImportResult(str(path), tuple(items))

    def import_text(self, text: str, label: str, *, server: str | None = None
                    ) -> FileImportResult:
        """Import a catalog's text; `server` is the one it came from (its resource files
        are fetched from there)."""
        from mcdesk.core.catalog import FileImportResult
        from mcdesk.credentials.achievement import AchievementError, parse_catalog_text

        try:
            document = parse_catalog_text(text)
        except AchievementError as exc:
            raise CatalogImportError(str(exc), path=label) from None
        items = self._portfolio.catalog.save_document(document)
        _register_study_files(self._portfolio, document, server)
        return FileImportResult(label, tuple(items))

    def count(self) -> int:
        return self._portfolio.catalog.count()

    def entries(self, *, stack_id: str | None = None, issuer: str | None = None,
                query: str = "", limit: int = 500) -> list[CatalogEntry]:
        if query.strip():
            return self._portfolio.catalog.search(query, stack_id=stack_id, issuer=issuer,
                                                  limit=limit)
        return self._portfolio.catalog.list_current(stack_id=stack_id, issuer=issuer,
                                                    limit=limit)

    def stacks(self) -> list[Stack]:
        return self._portfolio.catalog.stacks()

    def stack_sizes(self) -> list[tuple[Stack, int]]:
        """Each stack (its members left out) with its number of micro-credentials, in the
        order of stacks(): what a stack filter shows, for a fraction of the reading."""
        return self._portfolio.catalog.stack_sizes()

    def issuers(self) -> list[str]:
        return self._portfolio.catalog.issuers()

    def resolve(self, reference: str) -> str:
        return self._portfolio.catalog.resolve(reference)

    def current_definition(self, achievement_id: str) -> MicroCredential:
        """The current version of a stored micro-credential, parsed once (again only when it
        was re-imported with changes): lists that show one line per credential read it often."""
        from mcdesk.credentials.achievement import parse_achievement_text

        source = self._portfolio.catalog.definition(achievement_id).source_json
        with self._parsed_lock:
            cached = self._parsed.get(achievement_id)
            if cached is not None and cached[0] == source:
                return cached[1]
        parsed = parse_achievement_text(source)
        with self._parsed_lock:
            self._parsed[achievement_id] = (source, parsed)
        return parsed

    def detail(self, reference: str, version: str | None = None) -> MicroCredentialDetail:
        from mcdesk.credentials.achievement import parse_achievement_text

        achievement_id = self.resolve(reference)
        stored = self._portfolio.catalog.definition(achievement_id, version)
        micro_credential = parse_achievement_text(stored.source_json)
        stack = None
        if micro_credential.stack is not None:
            stack = self._portfolio.catalog.stack(micro_credential.stack.id)
        return MicroCredentialDetail(micro_credential, stored.is_current, stored.all_versions,
                                     stack)


def _register_study_files(portfolio: Portfolio, document: CatalogDocument,
                          server: str | None) -> None:
    """Record the resource and exemplar files the document names (nothing is fetched)."""
    from mcdesk.services.study import register_document

    register_document(portfolio, document, server)


def read_catalog_file(path: Path) -> str:
    """The text of a catalog file, or a CatalogImportError naming the file and the problem."""
    return read_utf8(path, limit=MAX_CATALOG_FILE_BYTES, what="catalog files",
                     error=CatalogImportError)
