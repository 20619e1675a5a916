"""The issuer's tus uploads: created, read back, completed (the bytes checked against their
sha256 and moved into the blob store), settled when a process died before completing one,
deleted and swept once expired. The tus routes, finalize and the CLI reach them as
`Issuer.uploads`; every call is synchronous (run it on a worker thread, never on the event loop),
and a PATCH writes an upload's bytes only while it holds the upload's lease (`lease`)."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from mcdesk_issuer import leases, quotas
from mcdesk_issuer.db import SubmissionFile, Upload, utc, utcnow
from mcdesk_issuer.files import hash_file
from mcdesk_issuer.problems import Problem, conflict, invalid, not_found
from mcdesk_issuer.service import OPEN, _iso, _require

if TYPE_CHECKING:
    from mcdesk_issuer.service import Caller, Issuer

log = logging.getLogger(__name__)

#: Seconds a lease lives without renewal: how long the work of an issuer process that died
#: blocks the others (a live one renews every third of it).
PATCH_LEASE_S = 10.0


@dataclass(frozen=True)
class UploadInfo:
    id: str
    length: int
    offset: int
    expires_at: datetime
    completed: bool
    sha256: str


class Uploads:
    """The uploads of one issuer."""

    def __init__(self, issuer: Issuer) -> None:
        self.issuer = issuer

    def lease(self, upload_id: str) -> leases.Held:
        """The lease a PATCH holds on its upload, in whichever issuer process it arrives."""
        return leases.Held(self.issuer.db, f"patch:{upload_id}", PATCH_LEASE_S)

    def create(self, caller: Caller, length: int, metadata: dict[str, str]) -> UploadInfo:
        _require(caller, "earner")
        if length > self.issuer.limits.max_file_bytes:
            raise Problem(413, "too-large", f"Upload-Length {length} is more than this server "
                          f"accepts ({self.issuer.limits.max_file_bytes} bytes)")
        lacking = [k for k in ("submission", "sha256", "path") if not metadata.get(k)]
        if lacking:
            raise invalid("Upload-Metadata must give submission, sha256 and path",
                          [f"{k} is missing" for k in lacking])
        sha256 = metadata["sha256"].lower()
        self.sweep_expired()
        with self.issuer.db.session() as s:
            quotas.check_room(s, caller.id, length, self.issuer.limits,
                              self.issuer.settings.uploads, utcnow())
            submission = self.issuer._own_submission(s, caller, metadata["submission"])
            if submission.state != OPEN:
                raise conflict(f"submission {submission.id} is {submission.state}: it takes "
                               "no more files")
            entry = s.get(SubmissionFile, (submission.id, metadata["path"]))
            if entry is None or entry.sha256 != sha256:
                raise invalid("the upload is not a file of the submission", [
                    f"{metadata['path']} with sha256 {sha256} is not a file of submission "
                    f"{submission.id}"])
            if entry.size != length:
                raise invalid("the upload is not the size announced", [
                    f"Upload-Length {length} differs from the size of {entry.path} given when "
                    f"the submission began ({entry.size})"])
            now = utcnow()
            upload = Upload(id=uuid.uuid4().hex, account_id=caller.id,
                            submission_id=submission.id, sha256=sha256, path=entry.path,
                            length=length, created_at=now,
                            expires_at=now + timedelta(
                                seconds=self.issuer.limits.upload_lifetime_s),
                            completed=False)
            self.issuer.files.create_part(upload.id)
            s.add(upload)
            return _upload_info(upload, 0)

    def get(self, caller: Caller, upload_id: str) -> UploadInfo:
        """An upload of the caller's: 404 when unknown, 410 when it expired (its bytes are
        then dropped)."""
        _require(caller, "earner")
        expired = False
        with self.issuer.db.session() as s:
            row = s.get(Upload, upload_id) if len(upload_id) == 32 else None
            if row is None or row.account_id != caller.id:
                raise not_found("no such upload (it may have finished long ago)")
            if utc(row.expires_at) <= utcnow():
                expired = True
                self.issuer.files.discard_part(row.id)
                info = _upload_info(row, 0)
            else:
                size = self.issuer.files.part_size(row.id)
                if (not row.completed and size is None
                        and self.issuer.files.has_blob(row.sha256)):
                    # The bytes were checked and stored, then the process died before it
                    # marked the upload done (complete's two steps): done it is.
                    row.completed = True
                offset = row.length if row.completed else (size or 0)
                info = _upload_info(row, offset)
        if expired:
            raise Problem(410, "gone", "the upload expired; create a new one",
                          extra={"expiredAt": _iso(info.expires_at)})
        return info

    def complete(self, caller: Caller, info: UploadInfo) -> None:
        """Every byte arrived: check the sha256 and move the file into the blob store;
        460 (the upload discarded) when the bytes are not what the metadata said."""
        part = self.issuer.files.part_path(info.id)
        actual = hash_file(part)
        if actual != info.sha256:
            self.issuer.files.discard_part(info.id)
            with self.issuer.db.session() as s:
                row = s.get(Upload, info.id)
                if row is not None:
                    s.delete(row)
            raise Problem(460, "checksum-mismatch", f"the bytes received have sha256 {actual}, "
                          f"not {info.sha256}; the upload was discarded, send the file again")
        if self.issuer.files.has_blob(info.sha256):
            self.issuer.files.discard_part(info.id)
        else:
            self.issuer.files.adopt(part, info.sha256)
        with self.issuer.db.session() as s:
            row = s.get(Upload, info.id)
            if row is not None:
                row.completed = True

    def settle(self, caller: Caller, info: UploadInfo) -> UploadInfo:
        """An upload whose part holds every byte but was never completed: the process that
        received the last byte died before checking it. Check and store it now, under the
        upload's lease (a live PATCH that is about to do it is waited for); a part whose bytes
        are wrong is dropped and the upload is gone (404: the client starts a new one)."""
        if info.completed or info.offset != info.length:
            return info
        lease = self.lease(info.id)
        deadline = time.monotonic() + 2 * PATCH_LEASE_S
        while not lease.acquire():
            if time.monotonic() > deadline:
                raise Problem(423, "locked", "another request is completing this upload; try "
                              "again in a moment", headers={"Retry-After": "5"})
            time.sleep(0.2)
        try:
            fresh = self.get(caller, info.id)
            if not fresh.completed and fresh.offset == fresh.length:
                log.info("Upload %s held every byte but was not completed; completing it",
                         info.id)
                try:
                    self.complete(caller, fresh)
                except Problem as exc:
                    if exc.status != 460:
                        raise
                    raise not_found("the upload's bytes did not match its sha256 and were "
                                    "dropped; create a new upload") from None
            return self.get(caller, info.id)
        finally:
            lease.release()

    def settle_submission(self, caller: Caller, sid: str) -> None:
        """Complete the submission's uploads that hold every byte (see settle)."""
        with self.issuer.db.session() as s:
            open_uploads = [_upload_info(row, self.issuer.files.part_size(row.id) or 0)
                            for row in s.scalars(select(Upload).where(
                                Upload.submission_id == sid, Upload.completed.is_(False),
                                Upload.account_id == caller.id))]
        for info in open_uploads:
            if info.offset == info.length and info.expires_at > utcnow():
                try:
                    self.settle(caller, info)
                except Problem:  # it stays missing; finalize says so
                    log.warning("Upload %s could not be completed at finalize", info.id)

    def delete(self, caller: Caller, upload_id: str) -> None:
        self.get(caller, upload_id)
        with self.issuer.db.session() as s:
            row = s.get(Upload, upload_id)
            if row is not None:
                s.delete(row)
        self.issuer.files.discard_part(upload_id)

    def sweep_expired(self) -> int:
        """Drop the bytes of the uploads past their expiry, and forget them a week later
        (until then their URLs answer 410 Gone); how many were dropped."""
        now = utcnow()
        with self.issuer.db.session() as s:
            rows = list(s.scalars(select(Upload).where(Upload.expires_at <= now)))
            for row in rows:
                self.issuer.files.discard_part(row.id)
                if utc(row.expires_at) <= now - timedelta(days=7):
                    s.delete(row)
            return len(rows)


def _upload_info(row: Upload, offset: int) -> UploadInfo:
    return UploadInfo(row.id, row.length, offset, utc(row.expires_at), row.completed,
                      row.sha256)
