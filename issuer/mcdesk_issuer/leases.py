"""Leases in the database: one issuer process at a time does a piece of shared work (a PATCH
to an upload, a submission's finalize, the periodic assignment pass), whichever process the
load balancer picked; a lease of a process that died runs out. Any thread (blocking)."""

from __future__ import annotations

import logging
import threading
import uuid
from datetime import timedelta

from mcdesk_issuer.db import Database, Lease, utc, utcnow

log = logging.getLogger(__name__)


def acquire(db: Database, name: str, owner: str, seconds: float) -> bool:
    """Take the lease `name` for `seconds` when it is free, ran out, or is already `owner`'s."""
    now = utcnow()
    with db.session() as s:
        # PostgreSQL: the advisory lock orders two processes taking a lease nobody held yet
        # (a row lock cannot: there is no row). SQLite: BEGIN IMMEDIATE already did.
        db.lock(s, f"lease:{name}")
        row = s.get(Lease, name, with_for_update=True)
        until = now + timedelta(seconds=seconds)
        if row is None:
            s.add(Lease(name=name, owner=owner, expires_at=until))
            return True
        if row.owner == owner or utc(row.expires_at) <= now:
            row.owner = owner
            row.expires_at = until
            return True
        return False


def renew(db: Database, name: str, owner: str, seconds: float) -> bool:
    """Push the lease's end `seconds` from now, if `owner` still holds it."""
    with db.session() as s:
        row = s.get(Lease, name, with_for_update=True)
        if row is None or row.owner != owner:
            return False
        row.expires_at = utcnow() + timedelta(seconds=seconds)
        return True


def release(db: Database, name: str, owner: str) -> None:
    with db.session() as s:
        row = s.get(Lease, name, with_for_update=True)
        if row is not None and row.owner == owner:
            s.delete(row)


class Held:
    """A lease kept alive by a small thread while its work runs (renewed every third of its
    time), so that long work keeps it and a dead process loses it within `seconds`."""

    def __init__(self, db: Database, name: str, seconds: float) -> None:
        self.db = db
        self.name = name
        self.seconds = seconds
        self.owner = uuid.uuid4().hex
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def acquire(self) -> bool:
        if not acquire(self.db, self.name, self.owner, self.seconds):
            return False
        self._thread = threading.Thread(target=self._keep, name=f"lease {self.name}",
                                        daemon=True)
        self._thread.start()
        return True

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        release(self.db, self.name, self.owner)

    def _keep(self) -> None:
        while not self._stop.wait(self.seconds / 3):
            try:
                if not renew(self.db, self.name, self.owner, self.seconds):
                    log.warning("Lost the lease %s", self.name)
                    return
            except Exception:  # the database is away for a moment: try again next time
                log.exception("Could not renew the lease %s", self.name)
