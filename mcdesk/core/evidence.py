"""Evidence as plain data: what a file is, what probing found in it, and its privacy state;
any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from mcdesk.core.kinds import EvidenceKind
from mcdesk.core.units import clock

if TYPE_CHECKING:  # an annotation only: the media worker loads this module, not coaching's
    from mcdesk.core.coaching import Provenance

__all__ = [
    "Consent",
    "Evidence",
    "EvidenceKind",
    "FaceRegion",
    "GpsPoint",
    "MediaInfo",
    "Rect",
    "RosterEntry",
    "RosterHit",
    "RosterRole",
]


class Consent(enum.StrEnum):
    """Whether the people on camera may be seen by assessors."""

    NOT_SET = "not set"
    CONSENTED = "everyone consented"
    NOT_YET = "not yet"
    BLURRED = "blurred"


@dataclass(frozen=True)
class GpsPoint:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Rect:
    """A rectangle in pixels of the image or video frame, origin top-left."""

    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class FaceRegion:
    """A region to blur: in a photo (start/end None) or in a video from start_s to end_s."""

    rect: Rect
    start_s: float | None = None
    end_s: float | None = None


@dataclass(frozen=True)
class MediaInfo:
    """What mcdesk learned by reading a file (in an isolated worker process)."""

    kind: EvidenceKind
    mime_type: str
    duration_s: float | None = None
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    words: int | None = None
    has_audio: bool | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    taken_at: datetime | None = None
    gps: GpsPoint | None = None
    camera: str | None = None
    # Names of identifying metadata fields found (e.g. "GPS position", "Author", "Camera serial").
    identifying: tuple[str, ...] = ()
    # Readable text (PDF, DOCX, plain text), for word counts and the roster search; capped.
    text: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A piece of evidence as the teacher sees it. A version made by mcdesk (trimmed,
    compressed, blurred, metadata removed) points at its untouched source."""

    id: str
    kind: EvidenceKind
    title: str
    created_at: datetime
    original_name: str | None = None
    sha256: str | None = None
    size: int | None = None
    url: str | None = None
    body: str | None = None  # written text made in mcdesk
    source_id: str | None = None
    derivation: str | None = None  # what made this version, in words
    taken_at: datetime | None = None
    captured_by: str | None = None
    tags: tuple[str, ...] = ()
    consent: Consent = Consent.NOT_SET
    media: MediaInfo | None = None
    identifying: bool = False
    """The teacher marked it as showing who they are: hidden from assessors in blind review."""
    versions: tuple[str, ...] = field(default=())  # ids of versions made from this one
    # Who captured or wrote it, when, on which portfolio (None: the owner, before coach mode).
    provenance: Provenance | None = None

    @property
    def has_location(self) -> bool:
        return self.media is not None and self.media.gps is not None

    @property
    def needs_consent(self) -> bool:
        return self.kind in (EvidenceKind.VIDEO, EvidenceKind.IMAGE) and (
            self.consent in (Consent.NOT_SET, Consent.NOT_YET))


class RosterRole(enum.StrEnum):
    """Who a name on the roster belongs to."""

    STUDENT = "student"
    TEACHER = "teacher"
    SCHOOL = "school"
    OTHER = "other"


@dataclass(frozen=True)
class RosterEntry:
    """A name that must not leave the laptop: a student, the teacher, the school."""

    id: int
    name: str
    role: str  # a RosterRole's value


@dataclass(frozen=True)
class RosterHit:
    evidence_id: str
    evidence_title: str
    name: str
    where: str  # "file name", "text", "PDF page 2", "title"
    context: str  # a short excerpt around the hit


@dataclass(frozen=True)
class StripMetadata:
    """Remove location, camera and author details."""


@dataclass(frozen=True)
class Trim:
    start_s: float
    end_s: float


@dataclass(frozen=True)
class Compress:
    max_height: int | None
    video_kbps: int
    audio_kbps: int = 128


@dataclass(frozen=True)
class BlurFaces:
    regions: tuple[FaceRegion, ...]


@dataclass(frozen=True)
class Redact:
    rects: tuple[Rect, ...]


VersionRequest = StripMetadata | Trim | Compress | BlurFaces | Redact


def describe_version(request: VersionRequest) -> str:
    """How a version is named in the library, in the teacher's words."""
    if isinstance(request, StripMetadata):
        return "location and details removed"
    if isinstance(request, Trim):
        return f"trimmed {clock(request.start_s)}–{clock(request.end_s)}"
    if isinstance(request, Compress):
        size = f"{request.max_height}p, " if request.max_height else ""
        return f"compressed ({size}{request.video_kbps} kb/s)"
    if isinstance(request, BlurFaces):
        return f"{len(request.regions)} face(s) blurred"
    return f"{len(request.rects)} area(s) blacked out"

