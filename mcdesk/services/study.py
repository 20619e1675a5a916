"""Study material use cases: which resource and exemplar files a micro-credential or a stack
names and where each one is, the storage budget, and bringing files down (resumable, verified
against their sha256, under the budget, held on a metered network, after more urgent sync
work); worker thread (fetching on a network lane, one at a time)."""

from __future__ import annotations

import hashlib
import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mcdesk.core.catalog import CatalogDocument, MicroCredential
from mcdesk.core.errors import McdeskError, StorageFullError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.study import (
    DEFAULT_BUDGET_BYTES,
    MAX_STUDY_FILE_BYTES,
    FetchReport,
    FileRef,
    FileState,
    StudyFile,
    StudyItem,
)
from mcdesk.core.sync import LoginNeeded, Rejected, ServerProfile, TransientError
from mcdesk.core.units import human_size
from mcdesk.storage.portfolio import Portfolio

if TYPE_CHECKING:
    from mcdesk.services.catalog import CatalogService
    from mcdesk.services.sync import SyncService
    from mcdesk.storage.study_store import StudyStore, Use
    from mcdesk.sync.client import IssuerClient

log = logging.getLogger(__name__)

SERVER_LACKS = "the server does not have this file"
HELD_METERED = "held: the network is metered; study files wait for another network"
# How long a download waits, between chunks, for a sync pass to finish.
YIELD_POLL_S = 0.2
_CHUNK = 1024 * 1024


def study_store(portfolio: Portfolio) -> StudyStore:
    from mcdesk.storage.study_store import StudyStore

    return StudyStore(portfolio.database, portfolio.layout.root)


def uses_of(micro_credential: MicroCredential) -> list[Use]:
    """Every file a micro-credential names, as the store records it."""
    from mcdesk.storage.study_store import Use

    uses = [Use(micro_credential.achievement_id, "resource", r.title, r.file)
            for r in micro_credential.resources if r.file is not None]
    uses += [Use(micro_credential.achievement_id, "exemplar", e.title, e.file)
             for e in micro_credential.exemplars if e.file is not None]
    return uses


def register_document(portfolio: Portfolio, document: CatalogDocument,
                      server: str | None) -> None:
    """Record the files an imported catalog names (writer lane, right after the import)."""
    uses = [use for mc in document.micro_credentials for use in uses_of(mc)]
    ids = [mc.achievement_id for mc in document.micro_credentials]
    if uses or ids:
        study_store(portfolio).register(uses, server, ids)


class StudyService:
    """Study files of one portfolio. Fetches run one at a time (a lock)."""

    def __init__(self, portfolio: Portfolio, catalog: CatalogService,
                 sync: Callable[[], SyncService]) -> None:
        self._portfolio = portfolio
        self._catalog = catalog
        self._sync = sync
        self._store: StudyStore | None = None
        self._fetch_lock = threading.Lock()

    @property
    def store(self) -> StudyStore:
        if self._store is None:
            self._store = study_store(self._portfolio)
        return self._store

    # -- the budget -----------------------------------------------------------------------

    def budget(self) -> int:
        return self.store.budget() or DEFAULT_BUDGET_BYTES

    def set_budget(self, budget: int) -> None:
        if budget < 0:
            raise McdeskError("the storage budget cannot be below zero")
        self.store.set_budget(budget)

    def used(self) -> int:
        return self.store.bytes_used()

    # -- where things are ----------------------------------------------------------------

    def items(self, reference: str) -> list[StudyItem]:
        """The resources and exemplars of a micro-credential (current version), in the
        catalog's order, each with its file's whereabouts."""
        mc = self._catalog.detail(reference).micro_credential
        files = {f.sha256: f for f in self.store.files(
            [ref.sha256 for ref in _refs(mc)])}
        items = []
        for resource in mc.resources:
            items.append(self._item(mc, "resource", resource.title, resource.file, files,
                                    resource.url))
        for exemplar in mc.exemplars:
            items.append(self._item(mc, "exemplar", exemplar.title, exemplar.file, files, None))
        return items

    def _item(self, mc: MicroCredential, kind: str, title: str, ref: FileRef | None,
              files: dict[str, StudyFile], url: str | None) -> StudyItem:
        found = files.get(ref.sha256) if ref is not None else None
        path = None
        if found is not None and found.state is FileState.OFFLINE:
            path = str(self.store.path_for(found.sha256))
        return StudyItem(mc.achievement_id, mc.name, kind, title, found, path, url)

    def offline_path(self, sha256: str) -> str | None:
        found = self.store.file(sha256)
        if found is None or found.state is not FileState.OFFLINE:
            return None
        return str(self.store.path_for(sha256))

    def files_of(self, reference: str) -> list[str]:
        """The sha256 of every file a micro-credential names."""
        return [ref.sha256 for ref in _refs(self._catalog.detail(reference).micro_credential)]

    def files_of_stack(self, stack: str) -> list[str]:
        """The sha256 of every file the members of a stack (its id or name) name."""
        stacks = self._catalog.stacks()
        found = next((s for s in stacks if s.id == stack), None) or next(
            (s for s in stacks if s.name.casefold() == stack.casefold()), None)
        if found is None:
            raise McdeskError(f'no stack "{stack}" in the catalog')
        members = self._catalog.entries(stack_id=found.id)
        shas: list[str] = []
        for use in self.store.uses_of([m.achievement_id for m in members]):
            if use[3] not in shas:
                shas.append(use[3])
        return shas

    # -- fetching -------------------------------------------------------------------------

    def fetch(self, sha256s: Iterable[str], control: JobControl = NULL_CONTROL, *,
              asked: bool = True, metered: bool = False) -> FetchReport:
        """Bring these files down now. `asked`: the person asked for them (they become
        wanted, and a refused one is tried again); otherwise a background pass, which waits
        on a metered network. Each file: resumed from its partial download, verified
        against its sha256 and size, kept only if it fits the budget."""
        wanted = list(dict.fromkeys(sha256s))
        if asked and wanted:
            self.store.set_wanted(wanted)
        with self._fetch_lock:
            return self._fetch(self.store.files(wanted), control, asked=asked,
                               metered=metered)

    def background(self, control: JobControl = NULL_CONTROL, *,
                   metered: bool = False) -> FetchReport:
        """The low-priority pass after a sync: every file not yet here, wanted ones first,
        then the smallest, as long as the budget allows."""
        with self._fetch_lock:
            return self._fetch(self.store.files(), control, asked=False, metered=metered)

    def _fetch(self, files: list[StudyFile], control: JobControl, *, asked: bool,
               metered: bool) -> FetchReport:
        fetched: list[str] = []
        already: list[str] = []
        refused: list[tuple[str, str]] = []
        left: list[tuple[str, str]] = []
        moved = 0
        clients: dict[str | None, IssuerClient] = {}
        budget = self.budget()
        try:
            for number, file in enumerate(files):
                control.check_cancelled()
                control.progress(number, len(files), f"study file {number + 1} of {len(files)}")
                if file.state is FileState.OFFLINE:
                    already.append(file.sha256)
                    continue
                if file.state is FileState.REFUSED and (
                        not asked or file.reason.startswith(SERVER_LACKS)):
                    # The server's own word stands until a newer catalog offers the file.
                    if asked:
                        refused.append((file.sha256, file.reason))
                    continue
                if metered and not asked:
                    left.append((file.sha256, HELD_METERED))
                    continue
                if file.size > MAX_STUDY_FILE_BYTES:
                    reason = (f"too large: {human_size(file.size)} (study files are at most "
                              f"{human_size(MAX_STUDY_FILE_BYTES)})")
                    self.store.mark_refused(file.sha256, reason)
                    refused.append((file.sha256, reason))
                    continue
                need = file.size - file.bytes_here
                if self.store.bytes_used() + need > budget:
                    reason = (f"over your storage budget ({human_size(budget)}; "
                              f"{human_size(self.store.bytes_used())} used)")
                    self.store.note(file.sha256, reason)
                    left.append((file.sha256, reason))
                    continue
                try:
                    client = self._client(file, clients)
                    before = self.store.partial_size(file.sha256)
                    outcome = self._one(client, file, control)
                    if outcome is None:
                        moved += file.size - before
                except Rejected as exc:
                    reason = _plain(exc)
                    self.store.discard_partial(file.sha256)
                    self.store.mark_refused(file.sha256, reason)
                    refused.append((file.sha256, reason))
                    continue
                except (TransientError, LoginNeeded) as exc:
                    self.store.note(file.sha256, str(exc))
                    left.append((file.sha256, str(exc)))
                    continue
                except StorageFullError:
                    raise
                except McdeskError as exc:  # e.g. its server was removed: the rest go on
                    left.append((file.sha256, str(exc)))
                    continue
                if outcome is None:
                    fetched.append(file.sha256)
                else:
                    refused.append((file.sha256, outcome))
        finally:
            for client in clients.values():
                client.close()
        control.progress(len(files), len(files))
        return FetchReport(tuple(fetched), tuple(already), tuple(refused), tuple(left), moved)

    def _one(self, client: IssuerClient, file: StudyFile, control: JobControl) -> str | None:
        """Fetch one file to the end and keep it; None, or the reason it was refused."""
        partial = self.store.partial_for(file.sha256)
        done = client.fetch_file(file.href, partial, limit=file.size, control=control,
                                 yield_to=self._yield_to_sync)
        if done < file.size:
            raise TransientError(f"{done} of {file.size} bytes arrived; it will resume")
        received = _sha256_of(partial)
        if received != file.sha256:
            self.store.discard_partial(file.sha256)
            reason = (f"its bytes do not match the sha256 the catalog gives ({file.sha256[:12]}…"
                      f" expected, {received[:12]}… received); nothing was kept")
            self.store.mark_refused(file.sha256, reason)
            return reason
        self.store.adopt(file.sha256)
        self.store.mark_offline(file.sha256)
        return None

    def adopt_local(self, source: Path, sha256: str) -> None:
        """Keep a file made or found on this computer as the offline copy of the study file
        `sha256` (the demo's files); refused unless its bytes match."""
        known = self.store.file(sha256)
        if known is None:
            raise McdeskError("no resource or exemplar of the catalog has this file",
                              path=source)
        partial = self.store.partial_for(sha256)
        shutil.copyfile(source, partial)
        if _sha256_of(partial) != sha256 or partial.stat().st_size != known.size:
            self.store.discard_partial(sha256)
            raise McdeskError("its bytes do not match the sha256 the catalog gives",
                              path=source)
        self.store.adopt(sha256)
        self.store.mark_offline(sha256)

    def _yield_to_sync(self) -> None:
        """Submissions and reviews go first: wait while a sync pass runs."""
        sync = self._sync()
        while sync.passing():
            time.sleep(YIELD_POLL_S)

    def _client(self, file: StudyFile, clients: dict[str | None, IssuerClient]
                ) -> IssuerClient:
        """A client of the server the file's catalog came from; for a catalog imported from
        a file, an anonymous one for the file's own web address."""
        from mcdesk.sync import secrets

        key = file.server
        if key in clients:
            return clients[key]
        sync = self._sync()
        if file.server is not None:
            profile = sync.server(file.server)
            client = sync.client_factory(profile, secrets.get_token(profile.name))
        else:
            parts = urlsplit(file.href)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                raise Rejected("this file's catalog was imported from a file and names no "
                               "server or web address to fetch it from")
            base = f"{parts.scheme}://{parts.netloc}"
            client = sync.client_factory(ServerProfile(name=parts.netloc, url=base,
                                                       created_at=datetime.now(UTC)), None)
        clients[key] = client
        return client


def _refs(mc: MicroCredential) -> list[FileRef]:
    refs = [r.file for r in mc.resources if r.file is not None]
    refs += [e.file for e in mc.exemplars if e.file is not None]
    return refs


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as reader:
        while chunk := reader.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _plain(exc: Rejected) -> str:
    return getattr(exc, "message", None) or str(exc)
