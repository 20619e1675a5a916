"""Reads and writes server profiles and the outbox (items and their files); every state change
is one transaction; returns core objects; worker thread (the sync lane)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.sync import FileState, OutboxFile, OutboxItem, OutboxState, ServerProfile
from mcdesk.storage.db import Database
from mcdesk.storage.models import OutboxFileRow, OutboxItemRow, ServerProfileRow

# Item columns a state change may set.
_ITEM_FIELDS = frozenset({"state", "stage", "attempts", "next_attempt_at", "last_error",
                          "reason", "remote_state", "decided_at", "credential_id",
                          "bytes_sent"})


def _naive(moment: datetime | None) -> datetime | None:
    """UTC without tzinfo, as SQLite keeps it."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment


@dataclass(frozen=True)
class NewFile:
    """A file of a bag as queued."""

    path: str
    sha256: str
    size: int
    media_type: str
    source: str


class OutboxStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- server profiles ------------------------------------------------------------------

    def save_profile(self, name: str, url: str, now: datetime) -> ServerProfile:
        """Add a profile, or change the URL of one (keeping when it was added)."""
        with self._db.transaction() as session:
            row = session.get(ServerProfileRow, name)
            if row is None:
                session.add(ServerProfileRow(name=name, url=url, created_at=_naive(now)))
            elif row.url != url:
                row.url = url
                row.catalog_etag = None
        return self.profile(name)

    def profile(self, name: str) -> ServerProfile:
        with self._db.reading() as session:
            row = session.get(ServerProfileRow, name)
            if row is None:
                raise NotFoundError(f'no server named "{name}" (see `mcdesk server list`)')
            return _profile(row)

    def profiles(self) -> list[ServerProfile]:
        with self._db.reading() as session:
            return [_profile(row) for row in session.scalars(
                select(ServerProfileRow).order_by(ServerProfileRow.created_at,
                                                  ServerProfileRow.name))]

    def remove_profile(self, name: str) -> None:
        """Remove a profile; refused while the outbox holds unsent items for it."""
        with self._db.transaction() as session:
            row = session.get(ServerProfileRow, name)
            if row is None:
                raise NotFoundError(f'no server named "{name}"')
            pending = session.scalars(select(OutboxItemRow).where(
                OutboxItemRow.server == name)).all()
            unsent = [item for item in pending if OutboxState(item.stage).unsent]
            if unsent:
                names = ", ".join(sorted({f"{i.mc_name} (attempt {i.attempt})"
                                          for i in unsent}))
                raise McdeskError(f'"{name}" still has {len(unsent)} submission(s) to send '
                                  f"({names}); nothing unsent is dropped, so the server stays "
                                  "until they are sent")
            session.delete(row)

    def catalog_etag(self, name: str) -> str | None:
        with self._db.reading() as session:
            row = session.get(ServerProfileRow, name)
            return row.catalog_etag if row is not None else None

    def set_catalog_etag(self, name: str, etag: str | None) -> None:
        with self._db.transaction() as session:
            row = session.get(ServerProfileRow, name)
            if row is not None:
                row.catalog_etag = etag

    def mark_synced(self, name: str, now: datetime) -> None:
        with self._db.transaction() as session:
            row = session.get(ServerProfileRow, name)
            if row is not None:
                row.last_sync_at = _naive(now)

    # -- items ----------------------------------------------------------------------------

    def queue(self, *, submission_id: str, draft_id: str, server: str, achievement_id: str,
              mc_version: str, mc_name: str, attempt: int, bag_name: str, fingerprint: str,
              files: Sequence[NewFile], now: datetime) -> OutboxItem:
        """Put a frozen bag in the outbox in one transaction. An item of the same submission
        for the same server that was not announced to the server yet is replaced; one the
        server already knows is refused (it cannot change)."""
        with self._db.transaction() as session:
            row = session.scalars(select(OutboxItemRow).where(
                OutboxItemRow.submission_id == submission_id,
                OutboxItemRow.server == server)).first()
            if row is not None:
                current = _item(session, row)
                if row.fingerprint == fingerprint:
                    return current
                if not current.replaceable:
                    raise McdeskError(
                        f'attempt {attempt} of "{mc_name}" is already on its way to {server} '
                        f"({row.state}); the server cannot take a changed copy of it")
                session.execute(delete(OutboxFileRow).where(OutboxFileRow.item_id == row.id))
                row.fingerprint = fingerprint
                row.bag_name = bag_name
                row.state = row.stage = str(OutboxState.QUEUED)
                row.attempts = 0
                row.next_attempt_at = None
                row.last_error = row.reason = ""
                row.bytes_sent = 0
            else:
                row = OutboxItemRow(
                    submission_id=submission_id, draft_id=draft_id, server=server,
                    state=str(OutboxState.QUEUED), stage=str(OutboxState.QUEUED),
                    achievement_id=achievement_id, mc_version=mc_version, mc_name=mc_name,
                    attempt=attempt, bag_name=bag_name, fingerprint=fingerprint,
                    bytes_total=0, bytes_sent=0, attempts=0, last_error="", reason="",
                    queued_at=_naive(now), updated_at=_naive(now))
                session.add(row)
                session.flush()
            row.bytes_total = sum(f.size for f in files)
            row.updated_at = _naive(now)  # type: ignore[assignment]
            for position, file in enumerate(files):
                session.add(OutboxFileRow(
                    item_id=row.id, path=file.path, position=position, sha256=file.sha256,
                    size=file.size, media_type=file.media_type, source=file.source,
                    state=str(FileState.PENDING), upload_url=None, offset=0))
            session.flush()
            return _item(session, row)

    def get(self, item_id: int) -> OutboxItem:
        with self._db.reading() as session:
            row = session.get(OutboxItemRow, item_id)
            if row is None:
                raise NotFoundError(f"no outbox item {item_id}")
            return _item(session, row)

    def find(self, submission_id: str, server: str | None = None) -> list[OutboxItem]:
        with self._db.reading() as session:
            query = select(OutboxItemRow).where(OutboxItemRow.submission_id == submission_id)
            if server is not None:
                query = query.where(OutboxItemRow.server == server)
            return [_item(session, row) for row in session.scalars(query.order_by(
                OutboxItemRow.id))]

    def items(self, server: str | None = None) -> list[OutboxItem]:
        """Every item, oldest first (the order they are sent in)."""
        with self._db.reading() as session:
            query = select(OutboxItemRow)
            if server is not None:
                query = query.where(OutboxItemRow.server == server)
            return [_item(session, row) for row in session.scalars(query.order_by(
                OutboxItemRow.queued_at, OutboxItemRow.id))]

    def update(self, item_id: int, now: datetime, **changes: Any) -> OutboxItem:
        """One state change of an item, in one transaction."""
        unknown = set(changes) - _ITEM_FIELDS
        if unknown:
            raise ValueError(f"not an outbox item field: {sorted(unknown)}")
        with self._db.transaction() as session:
            row = _item_row(session, item_id)
            for key, value in changes.items():
                if isinstance(value, OutboxState):
                    value = str(value)
                elif isinstance(value, datetime):
                    value = _naive(value)
                setattr(row, key, value)
            row.updated_at = _naive(now)  # type: ignore[assignment]
            session.flush()
            return _item(session, row)

    def release_holds(self, server: str, hold: OutboxState, now: datetime) -> int:
        """Take `hold` off every item of `server` (e.g. login needed, once a new token is
        given); they go on from their stage. Returns how many."""
        with self._db.transaction() as session:
            rows = session.scalars(select(OutboxItemRow).where(
                OutboxItemRow.server == server, OutboxItemRow.state == str(hold))).all()
            for row in rows:
                row.state = row.stage
                row.next_attempt_at = None
                row.updated_at = _naive(now)  # type: ignore[assignment]
            return len(rows)

    # -- files ----------------------------------------------------------------------------

    def set_upload(self, item_id: int, path: str, url: str | None, offset: int,
                   now: datetime) -> None:
        """Where the upload of one file is: stored the moment the server gives a URL or
        confirms an offset (None: the server forgot it; the file starts again)."""
        with self._db.transaction() as session:
            row = _file_row(session, item_id, path)
            row.upload_url = url
            row.offset = offset if url is not None else 0
            if row.state != str(FileState.SENT):
                row.state = str(FileState.UPLOADING if url is not None else FileState.PENDING)
            if url is not None and offset >= row.size:
                row.state = str(FileState.SENT)
            _touch(session, item_id, now)

    def mark_files(self, item_id: int, missing: Collection[str], now: datetime) -> OutboxItem:
        """What the server said it needs: files whose sha256 is in `missing` are to send (a
        stored upload URL is kept, to resume); every other file is held by the server."""
        wanted = {m.lower() for m in missing}
        with self._db.transaction() as session:
            for row in _file_rows(session, item_id):
                if row.sha256 in wanted:
                    if row.state == str(FileState.SENT):
                        row.state = str(FileState.PENDING)
                        row.upload_url = None
                        row.offset = 0
                else:
                    row.state = str(FileState.SENT)
            _touch(session, item_id, now)
            session.flush()
            return _item(session, _item_row(session, item_id))


def _touch(session: Session, item_id: int, now: datetime) -> None:
    row = _item_row(session, item_id)
    files = _file_rows(session, item_id)
    row.bytes_sent = sum(f.size if f.state == str(FileState.SENT) else min(f.offset, f.size)
                         for f in files)
    row.updated_at = _naive(now)  # type: ignore[assignment]


def _item_row(session: Session, item_id: int) -> OutboxItemRow:
    row = session.get(OutboxItemRow, item_id)
    if row is None:
        raise NotFoundError(f"no outbox item {item_id}")
    return row


def _file_rows(session: Session, item_id: int) -> list[OutboxFileRow]:
    return list(session.scalars(select(OutboxFileRow).where(
        OutboxFileRow.item_id == item_id).order_by(OutboxFileRow.position)))


def _file_row(session: Session, item_id: int, path: str) -> OutboxFileRow:
    row = session.get(OutboxFileRow, (item_id, path))
    if row is None:
        raise NotFoundError(f"no file {path} in outbox item {item_id}")
    return row


def _profile(row: ServerProfileRow) -> ServerProfile:
    return ServerProfile(row.name, row.url, _aware(row.created_at) or row.created_at,
                         last_sync_at=_aware(row.last_sync_at))


def _item(session: Session, row: OutboxItemRow) -> OutboxItem:
    files = tuple(OutboxFile(f.path, f.sha256, f.size, f.media_type, f.source,
                             FileState(f.state), f.upload_url, f.offset)
                  for f in _file_rows(session, row.id))
    return OutboxItem(
        id=row.id, submission_id=row.submission_id, draft_id=row.draft_id, server=row.server,
        state=OutboxState(row.state), stage=OutboxState(row.stage),
        achievement_id=row.achievement_id, mc_version=row.mc_version, mc_name=row.mc_name,
        attempt=row.attempt, bag_name=row.bag_name, fingerprint=row.fingerprint,
        bytes_total=row.bytes_total, bytes_sent=row.bytes_sent, attempts=row.attempts,
        next_attempt_at=_aware(row.next_attempt_at), last_error=row.last_error,
        reason=row.reason, queued_at=_aware(row.queued_at) or row.queued_at,
        updated_at=_aware(row.updated_at) or row.updated_at, remote_state=row.remote_state,
        decided_at=_aware(row.decided_at), credential_id=row.credential_id, files=files)
