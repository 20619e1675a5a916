"""An evidence row to and from the core dataclasses (its columns, MediaInfo as JSON), shared by
the SQLAlchemy store and the plain-sqlite3 adder and reader; no SQLAlchemy; any thread."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from mcdesk.core.evidence import Consent, Evidence, EvidenceKind, GpsPoint, MediaInfo

if TYPE_CHECKING:
    # Only named: an import (which reads no provenance) need not load the coaching model,
    # nor SQLAlchemy for the ORM's rows.
    from mcdesk.core.coaching import Provenance
    from mcdesk.storage.models import EvidenceRow


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
