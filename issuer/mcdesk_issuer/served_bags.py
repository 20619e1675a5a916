"""The bag handed to assessors, and the work left for after finalize has answered: the zip
assembled from the stored blobs (once, whichever process gets there first; a blob then found
damaged sends the submission back to its earner) and the received submissions assigned in one
batch. Finalize, the assignment listings and the bag downloads reach it as
`Issuer.served_bags`. `get` is synchronous (run it on a worker thread, never on the event
loop) and builds a bag only while it holds the submission's assemble lease; `assign_soon` and
`assemble_soon` return at once and leave the work to this process's assigner and assembler
threads (one each, the assembler at the lowest CPU priority), whose executors and queue only
`_background_lock` guards; `close` shuts them down."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mcdesk_issuer import assigning, bags, leases, metrics
from mcdesk_issuer.db import Assignment, Submission
from mcdesk_issuer.problems import Problem, not_found
from mcdesk_issuer.service import IN_REVIEW, OPEN, RECEIVED

if TYPE_CHECKING:
    from mcdesk_issuer.service import Issuer

log = logging.getLogger(__name__)

#: The lease on assembling the bag handed to assessors (a download waits for the process
#: already assembling it, as long as ASSEMBLE_WAIT_S).
ASSEMBLE_LEASE_S = 30.0
ASSEMBLE_WAIT_S = 120.0


@dataclass(frozen=True)
class BagDownload:
    path: Path
    sha256: str
    size: int
    bag_name: str


class ServedBags:
    """The served bags of one issuer, and its assigner and assembler threads."""

    def __init__(self, issuer: Issuer) -> None:
        self.issuer = issuer
        self._background_lock = threading.Lock()
        self._assembler: ThreadPoolExecutor | None = None
        self._assigner: ThreadPoolExecutor | None = None
        self._to_assign: set[str] = set()
        self._assigning = False

    def close(self) -> None:
        with self._background_lock:
            assigner, assembler = self._assigner, self._assembler
            self._assigner = self._assembler = None
        if assigner is not None:
            assigner.shutdown(wait=True)  # the assignments waiting are made first
        if assembler is not None:
            # The bags still queued are assembled on their first download instead.
            assembler.shutdown(wait=True, cancel_futures=True)

    def assign_soon(self, sid: str) -> None:
        """Assign a received submission on this process's assigner thread, with the others
        waiting there, in one transaction under the assignment lock. A process that dies
        first leaves them to the periodic pass (`tick`: `assigning.fill`)."""
        with self._background_lock:
            self._to_assign.add(sid)
            if self._assigning:
                return
            self._assigning = True
            if self._assigner is None:
                self._assigner = ThreadPoolExecutor(max_workers=1,
                                                    thread_name_prefix="assign")
            self._assigner.submit(self._assign_pending)

    def _assign_pending(self) -> None:
        while True:
            with self._background_lock:
                batch = sorted(self._to_assign)
                self._to_assign.clear()
                if not batch:
                    self._assigning = False
                    return
            try:
                with self.issuer.db.session() as s:
                    self.issuer.db.lock(s, assigning.LOCK)  # taken first: see assigning.LOCK
                    for sid in batch:
                        row = s.get(Submission, sid)
                        if row is not None and row.state in (RECEIVED, IN_REVIEW):
                            self.issuer._auto_assign(s, row)
            except Exception:  # the periodic pass assigns them
                log.exception("Assigning %d received submission(s) failed", len(batch))

    def assemble_soon(self, sid: str) -> None:
        """Assemble a received submission's bag on this process's assembler thread, after the
        earner has their answer (a process that dies first leaves it to the first download)."""
        if not self.issuer.settings.background_work:
            return
        with self._background_lock:
            if self._assembler is None:
                self._assembler = ThreadPoolExecutor(max_workers=1,
                                                     thread_name_prefix="assemble",
                                                     initializer=_lower_priority)
            self._assembler.submit(self._assemble_quietly, sid)

    def _assemble_quietly(self, sid: str) -> None:
        try:
            self.get(sid)
        except Problem as exc:
            log.warning("The bag of submission %s was not assembled: %s", sid, exc.detail)
        except Exception:  # the first download tries again
            log.exception("Assembling the bag of submission %s failed", sid)

    def get(self, submission_id: str) -> BagDownload:
        """The bag assessors get, assembled now when no process has yet: under the
        submission's assemble lease, so two processes never build it at once (one that waits
        then finds what the other built). Any process builds the same bytes."""
        deadline = time.monotonic() + ASSEMBLE_WAIT_S
        lease = leases.Held(self.issuer.db, f"assemble:{submission_id}", ASSEMBLE_LEASE_S)
        while True:
            with self.issuer.db.session() as s:
                found = self._built(s, submission_id)
            if found is not None:
                return found
            if lease.acquire():
                try:
                    return self._assemble(submission_id)
                finally:
                    lease.release()
            if time.monotonic() > deadline:
                raise Problem(423, "locked", "the bag is being assembled by another request; "
                              "try again in a moment", headers={"Retry-After": "5"})
            time.sleep(0.1)

    def ensure(self, query: Any) -> None:
        """Assemble the bags still to be assembled among the submissions `query` (rows whose
        last column is a Submission) lists, so a listing shows each bag's sha256 and size
        (usually the assembler thread was there first)."""
        with self.issuer.db.session() as s:
            pending = sorted({row[-1].id for row in s.execute(query)
                              if row[-1].bag_sha256 is None and row[-1].state != OPEN})
        for sid in pending:
            try:
                self.get(sid)
            except Problem as exc:  # damaged: the submission went back to its earner
                log.warning("The bag of submission %s is not listed: %s", sid, exc.detail)

    def _built(self, s: Session, sid: str) -> BagDownload | None:
        """The served bag when it was assembled and is on disk; None when it is still to be
        assembled; not found when the submission was not received."""
        row = s.get(Submission, sid)
        if row is None or row.state == OPEN:
            raise not_found("the bag is not there: the submission was not received")
        if row.bag_sha256 is None or row.bag_size is None:
            return None
        path = bags.served_path(self.issuer.files.bag_path(sid))
        if not path.is_file():
            return None
        return BagDownload(path, row.bag_sha256, row.bag_size, row.bag_name)

    def _assemble(self, sid: str) -> BagDownload:
        """Build the served bag (the lease is held) and record its sha256 and size."""
        with self.issuer.db.session() as s:
            found = self._built(s, sid)
            if found is not None:
                return found
            files = self.issuer._refs(s, sid)
            row = s.get(Submission, sid)
            assert row is not None  # _built checked it
            bag_name = row.bag_name
        began = time.perf_counter()
        made = bags.build_served(self.issuer.files, bag_name, files,
                                 self.issuer.files.bag_path(sid))
        if made.damaged or made.path is None or made.sha256 is None or made.size is None:
            self._damaged_after_receipt(sid, made.damaged)
            raise not_found("the submission's files were damaged on the server; its earner's "
                            "app sends them again, and it is assigned again then")
        metrics.ASSEMBLE_SECONDS.observe(time.perf_counter() - began)
        with self.issuer.db.session() as s:
            row = s.get(Submission, sid)
            if row is None:  # pragma: no cover - submissions are never deleted once received
                raise not_found("the bag is not there")
            row.bag_sha256 = made.sha256
            row.bag_size = made.size
            return BagDownload(made.path, made.sha256, made.size, row.bag_name)

    def _damaged_after_receipt(self, sid: str, damaged: Sequence[str]) -> None:
        """A blob of a received submission was found damaged when its bag was assembled: it
        is discarded and, while no review is in, the submission goes back to open with its
        assignments withdrawn, so the earner's app (which polls the status of what it sent
        and pushes an open submission again) sends the file again and finalizes; the
        submission is then received and assigned afresh."""
        self.issuer._discard_damaged(damaged)
        with self.issuer.db.session() as s:
            self.issuer.db.lock(s, assigning.LOCK)  # taken first: see assigning.LOCK
            row = s.get(Submission, sid, with_for_update=True)
            if row is None or row.state != RECEIVED:
                log.error("A file of submission %s (%s) was damaged on the server's disk; it "
                          "cannot go back to its earner now: restore the file from a backup",
                          sid, row.state if row else "gone")
                return
            for assignment in s.scalars(select(Assignment)
                                        .where(Assignment.submission_id == sid)):
                s.delete(assignment)
            row.state = OPEN
            row.received_at = None
            row.bag_sha256 = None
            row.bag_size = None
            log.warning("Submission %s is open again: its earner's app sends the damaged "
                        "file(s) again", sid)


def _lower_priority() -> None:
    """Run the calling thread (the assembler) at the lowest CPU priority (Linux: a thread is
    a task with its own nice value; elsewhere nothing changes): its hashing and writing give
    way to the finalize and upload requests of a busy moment, and catch up when it is over."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
