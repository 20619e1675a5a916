"""Reads and writes evidence rows, their stored files and the roster; worker thread (writes on
the writer lane)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.evidence import (
    Consent,
    Evidence,
    RosterEntry,
)
from mcdesk.storage.coaching_models import EvidenceProvenanceRow
from mcdesk.storage.coaching_store import provenance_of
from mcdesk.storage.db import Database
from mcdesk.storage.evidence_rows import media_from_json, media_to_json, to_evidence
from mcdesk.storage.models import EvidenceFileRow, EvidenceRow, RosterRow

__all__ = ["EvidenceStore", "media_from_json", "media_to_json"]

class EvidenceStore:
    def __init__(self, database: Database) -> None:
        self._db = database

    # -- writing -------------------------------------------------------------------------

    def add(self, evidence: Evidence, *, content_text: str | None = None) -> Evidence:
        """Store one evidence row (and its file's row when the file is new) in one transaction."""
        with self._db.transaction() as session:
            if evidence.sha256 is not None and session.get(EvidenceFileRow,
                                                           evidence.sha256) is None:
                session.add(EvidenceFileRow(sha256=evidence.sha256, size=evidence.size or 0,
                                            added_at=_now()))
            session.add(EvidenceRow(
                id=evidence.id,
                kind=str(evidence.kind),
                title=evidence.title,
                original_name=evidence.original_name,
                sha256=evidence.sha256,
                url=evidence.url,
                source_id=evidence.source_id,
                created_at=evidence.created_at.replace(tzinfo=None),
                taken_at=evidence.taken_at.replace(tzinfo=None) if evidence.taken_at else None,
                captured_by=evidence.captured_by,
                body=evidence.body,
                derivation=evidence.derivation,
                tags_json=json.dumps(list(evidence.tags)),
                consent=str(evidence.consent),
                identifying=evidence.identifying,
                media_json=media_to_json(evidence.media) if evidence.media else None,
                content_text=content_text,
            ))
        return self.get(evidence.id)

    def update(self, evidence_id: str, **changes: Any) -> Evidence:
        """Change title, captured_by, consent, identifying, tags or body of one evidence."""
        allowed = {"title", "captured_by", "consent", "identifying", "tags", "body"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}")
        with self._db.transaction() as session:
            row = session.get(EvidenceRow, evidence_id)
            if row is None or row.trashed_at is not None:
                raise NotFoundError(f'no evidence with id "{evidence_id}"')
            for key, value in changes.items():
                if key == "tags":
                    row.tags_json = json.dumps(sorted(set(value)))
                elif key == "consent":
                    row.consent = str(Consent(value))
                else:
                    setattr(row, key, value)
            if "body" in changes:
                row.content_text = changes["body"]
        return self.get(evidence_id)

    def move_to_trash(self, evidence_id: str) -> None:
        """Hide an evidence from the library; its file stays until the trash is emptied."""
        with self._db.transaction() as session:
            row = session.get(EvidenceRow, evidence_id)
            if row is None:
                raise NotFoundError(f'no evidence with id "{evidence_id}"')
            row.trashed_at = _now()

    # -- reading -------------------------------------------------------------------------

    def get(self, evidence_id: str) -> Evidence:
        with self._db.reading() as session:
            row = session.get(EvidenceRow, evidence_id)
            if row is None:
                raise NotFoundError(f'no evidence with id "{evidence_id}"')
            size = session.scalar(select(EvidenceFileRow.size).where(
                EvidenceFileRow.sha256 == row.sha256)) if row.sha256 else None
            versions = tuple(session.scalars(select(EvidenceRow.id).where(
                EvidenceRow.source_id == evidence_id, EvidenceRow.trashed_at.is_(None))
                .order_by(EvidenceRow.created_at)))
            origin = session.get(EvidenceProvenanceRow, evidence_id)
            return to_evidence(row, size, versions,
                                provenance_of(origin) if origin is not None else None)

    def all(self, *, include_trashed: bool = False) -> list[Evidence]:
        return self._select(None, include_trashed=include_trashed)

    def _select(self, ids: Sequence[str] | None, *, include_trashed: bool) -> list[Evidence]:
        with self._db.reading() as session:
            query = select(EvidenceRow, EvidenceFileRow.size).outerjoin(
                EvidenceFileRow, EvidenceFileRow.sha256 == EvidenceRow.sha256)
            children_query = select(EvidenceRow.id, EvidenceRow.source_id).where(
                EvidenceRow.source_id.is_not(None), EvidenceRow.trashed_at.is_(None))
            origins_query = select(EvidenceProvenanceRow)
            if ids is not None:
                query = query.where(EvidenceRow.id.in_(ids))
                children_query = children_query.where(EvidenceRow.source_id.in_(ids))
                origins_query = origins_query.where(EvidenceProvenanceRow.evidence_id.in_(ids))
            if not include_trashed:
                query = query.where(EvidenceRow.trashed_at.is_(None))
            rows = session.execute(query.order_by(EvidenceRow.created_at.desc())).all()
            children: dict[str, list[str]] = {}
            for child_id, source_id in session.execute(
                    children_query.order_by(EvidenceRow.created_at)):
                if source_id is not None:
                    children.setdefault(source_id, []).append(child_id)
            origins = {p.evidence_id: provenance_of(p)
                       for p in session.scalars(origins_query)}
            return [to_evidence(row, size, tuple(children.get(row.id, ())),
                                 origins.get(row.id)) for row, size in rows]

    def ids_with_file(self, sha256: str) -> list[str]:
        with self._db.reading() as session:
            return list(session.scalars(select(EvidenceRow.id).where(
                EvidenceRow.sha256 == sha256, EvidenceRow.trashed_at.is_(None))))

    def file_is_referenced(self, sha256: str) -> bool:
        with self._db.reading() as session:
            return session.scalar(select(EvidenceRow.id).where(
                EvidenceRow.sha256 == sha256).limit(1)) is not None

    def texts(self) -> list[tuple[str, str, str | None, str | None]]:
        """(id, title, original name, readable text) of every evidence, for privacy checks."""
        with self._db.reading() as session:
            return [(r.id, r.title, r.original_name, r.content_text) for r in session.scalars(
                select(EvidenceRow).where(EvidenceRow.trashed_at.is_(None)))]

    # -- the roster ----------------------------------------------------------------------

    def roster(self) -> list[RosterEntry]:
        with self._db.reading() as session:
            return [RosterEntry(r.id, r.name, r.role) for r in session.scalars(
                select(RosterRow).order_by(RosterRow.name))]

    def add_roster_name(self, name: str, role: str) -> RosterEntry:
        cleaned = " ".join(name.split())
        if not cleaned:
            raise McdeskError("a roster name cannot be empty")
        try:
            with self._db.transaction() as session:
                row = RosterRow(name=cleaned, role=role)
                session.add(row)
                session.flush()
                return RosterEntry(row.id, row.name, row.role)
        except IntegrityError:
            raise McdeskError(f'"{cleaned}" is already on the roster') from None

    def remove_roster_name(self, entry_id: int) -> None:
        with self._db.transaction() as session:
            session.execute(delete(RosterRow).where(RosterRow.id == entry_id))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
