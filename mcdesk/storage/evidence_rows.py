"""An evidence row to and from the core dataclasses (its columns, MediaInfo as JSON), shared by
the SQLAlchemy store and the plain-sqlite3 adder and reader; no SQLAlchemy; any thread."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mcdesk.core.evidence import Consent, Evidence, EvidenceKind, GpsPoint, MediaInfo

if TYPE_CHECKING:
    # Only named: an import (which reads no provenance) need not load the coaching model,
    # nor SQLAlchemy for the ORM's rows.
    from mcdesk.core.coaching import Provenance
    from mcdesk.storage.models import EvidenceRow


# An `evidence` row's columns as PlainEvidenceRow.selected reads them, with its file's size;
# callers add their WHERE.
SELECT_PIECE = ("SELECT e.id, e.kind, e.title, e.original_name, e.sha256, e.url, e.source_id, "
                "e.created_at, e.taken_at, e.captured_by, e.body, e.derivation, e.tags_json, "
                "e.consent, e.identifying, e.media_json, f.size FROM evidence e "
                "LEFT JOIN evidence_file f ON f.sha256 = e.sha256")


@dataclass(frozen=True, slots=True)
class PlainEvidenceRow:
    """An `evidence` row's columns as plain sqlite3 gives them back (or as the adder writes
    them), with its moments parsed (naive UTC, as the ORM's)."""

    id: str
    kind: str
    title: str
    original_name: str | None
    sha256: str | None
    url: str | None
    source_id: str | None
    created_at: datetime
    taken_at: datetime | None
    captured_by: str | None
    body: str | None
    derivation: str | None
    tags_json: str
    consent: str
    identifying: bool
    media_json: str | None


    @classmethod
    def selected(cls, values: Sequence[Any]) -> tuple[PlainEvidenceRow, int | None]:
        """A row of SELECT_PIECE: its columns (moments parsed, naive UTC as stored) and its
        file's size (None for a link or a text)."""
        (ident, kind, title, original_name, sha256, url, source_id, created_at, taken_at,
         captured_by, body, derivation, tags_json, consent, identifying, media_json,
         size) = values
        return cls(ident, kind, title, original_name, sha256, url, source_id,
                   datetime.fromisoformat(created_at),
                   datetime.fromisoformat(taken_at) if taken_at else None, captured_by, body,
                   derivation, tags_json or "[]", consent, bool(identifying),
                   media_json), size


def to_evidence(row: PlainEvidenceRow | EvidenceRow, size: int | None,
                versions: tuple[str, ...],
                provenance: Provenance | None = None) -> Evidence:
    return Evidence(
        id=row.id,
        kind=EvidenceKind(row.kind),
        title=row.title,
        created_at=row.created_at.replace(tzinfo=UTC),
        original_name=row.original_name,
        sha256=row.sha256,
        size=size,
        url=row.url,
        body=row.body,
        source_id=row.source_id,
        derivation=row.derivation,
        taken_at=row.taken_at.replace(tzinfo=UTC) if row.taken_at else None,
        captured_by=row.captured_by,
        tags=tuple(json.loads(row.tags_json or "[]")),
        consent=Consent(row.consent),
        identifying=bool(row.identifying),
        media=media_from_json(row.media_json) if row.media_json else None,
        versions=versions,
        provenance=provenance,
    )


def media_to_json(media: MediaInfo) -> str:
    """MediaInfo without its text (stored apart) as JSON."""
    data: dict[str, Any] = {
        "kind": str(media.kind), "mime_type": media.mime_type,
        "duration_s": media.duration_s, "width": media.width, "height": media.height,
        "pages": media.pages, "words": media.words, "has_audio": media.has_audio,
        "video_codec": media.video_codec, "audio_codec": media.audio_codec,
        "taken_at": media.taken_at.isoformat() if media.taken_at else None,
        "gps": [media.gps.latitude, media.gps.longitude] if media.gps else None,
        "camera": media.camera, "identifying": list(media.identifying),
    }
    return json.dumps(data)


def media_from_json(text: str) -> MediaInfo:
    data = json.loads(text)
    gps = data.get("gps")
    taken = data.get("taken_at")
    return MediaInfo(
        kind=EvidenceKind(data["kind"]), mime_type=data["mime_type"],
        duration_s=data.get("duration_s"), width=data.get("width"), height=data.get("height"),
        pages=data.get("pages"), words=data.get("words"), has_audio=data.get("has_audio"),
        video_codec=data.get("video_codec"), audio_codec=data.get("audio_codec"),
        taken_at=datetime.fromisoformat(taken) if taken else None,
        gps=GpsPoint(gps[0], gps[1]) if gps else None,
        camera=data.get("camera"), identifying=tuple(data.get("identifying", ())),
    )
