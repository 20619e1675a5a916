"""What one person may hold open on the server: uploads open at once and the bytes they
announce, and the free disk space the data folder keeps in reserve; checked when an upload
is created, one count at a time for one person; any thread, inside a session."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mcdesk_issuer.config import Limits
from mcdesk_issuer.db import Account, Upload, utc
from mcdesk_issuer.problems import Problem


def check_room(s: Session, account_id: str, length: int, limits: Limits, folder: Path,
               now: datetime) -> None:
    """Refuse a new upload of `length` bytes: 429 past the person's quota of open uploads
    (Retry-After: when their first open upload expires), 507 when the disk would fall under
    the reserve."""
    # One count at a time for one person: another process may be between its count and
    # its new upload. The person's row is locked until this session ends (SQLite's
    # BEGIN IMMEDIATE already holds the whole database).
    s.get(Account, account_id, with_for_update=True)
    open_uploads = (Upload.account_id == account_id, Upload.completed.is_(False),
                    Upload.expires_at > now)
    count, announced, first_expiry = s.execute(
        select(func.count(), func.coalesce(func.sum(Upload.length), 0),
               func.min(Upload.expires_at)).where(*open_uploads)).one()
    wait = 60
    if first_expiry is not None:
        wait = max(1, int((utc(first_expiry) - now).total_seconds()) + 1)
    if int(count) + 1 > limits.max_open_uploads:
        raise Problem(429, "quota-exceeded",
                      f"you have {count} unfinished uploads open, the most this server keeps "
                      "for one person; finish or delete one first",
                      headers={"Retry-After": str(wait)},
                      extra={"openUploads": int(count), "maxOpenUploads": limits.max_open_uploads})
    if int(announced) + length > limits.max_open_upload_bytes:
        raise Problem(429, "quota-exceeded",
                      f"your unfinished uploads already announce {announced} bytes; with "
                      f"{length} more they would pass the {limits.max_open_upload_bytes} "
                      "bytes this server keeps for one person",
                      headers={"Retry-After": str(wait)},
                      extra={"openUploadBytes": int(announced),
                             "maxOpenUploadBytes": limits.max_open_upload_bytes})
    free = shutil.disk_usage(folder).free
    if free - length < limits.reserve_free_bytes:
        raise Problem(507, "insufficient-storage",
                      f"the server has too little free disk space for {length} more bytes; "
                      "try again later (its staff have been told by its log)",
                      headers={"Retry-After": "3600"})
