"""The server's settings: where its data lives, its name and its limits; any thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

GIB = 1024**3

#: Media types a submission's files may have (by their extension), besides the bag's text.
ACCEPTED_MEDIA_TYPES = (
    "video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-msvideo",
    "audio/mpeg", "audio/mp4", "audio/wav", "audio/x-wav", "audio/ogg", "audio/flac",
    "audio/webm", "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
    "image/heif", "image/tiff", "image/svg+xml", "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text", "application/msword", "application/rtf",
    "text/plain", "text/markdown", "text/csv", "text/html", "application/json",
)


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 4 * GIB
    max_submission_bytes: int = 8 * GIB
    max_files: int = 10_000
    accepted_media_types: tuple[str, ...] = ACCEPTED_MEDIA_TYPES
    upload_lifetime_s: int = 24 * 3600
    review_days: int = 14
    #: Experts per submission while a micro-credential is in its expert phase.
    assessors_per_submission: int = 2
    #: The first N submissions of a micro-credential go to experts, the rest to peers.
    expert_submissions: int = 50
    peers_per_submission: int = 3
    #: Days past its due date before a missing review is given to someone else.
    grace_days: float = 2.0
    #: The agreement a new assessor needs with the calibration set's reference levels:
    #: exact agreement overall and adjacent agreement on every criterion.
    calibration_exact: float = 0.7
    calibration_adjacent: float = 1.0


@dataclass(frozen=True)
class Settings:
    data: Path
    database_url: str | None = None
    name: str | None = None  # None: the name stored in the database (or the default)
    limits: Limits = field(default_factory=Limits)

    @property
    def url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data / 'issuer.sqlite3'}"

    @property
    def blobs(self) -> Path:
        return self.data / "blobs"

    @property
    def uploads(self) -> Path:
        return self.data / "uploads"

    @property
    def bags(self) -> Path:
        return self.data / "bags"

    @property
    def key_file(self) -> Path:
        return self.data / "issuer-key.pem"
