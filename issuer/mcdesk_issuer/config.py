"""The server's settings: where its data lives, its name and its limits; any thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

MIB = 1024**2
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
    #: Largest request body read (JSON); a tus PATCH streams and is bounded by Upload-Length.
    max_body_bytes: int = 16 * MIB
    #: Largest tag file (bagit.txt, bag-info.txt, the two manifests) a bag may list: a
    #: manifest of 10,000 files with long paths stays well under it.
    max_tag_file_bytes: int = 4 * MIB
    #: How many paths of one bag may name the same stored file (non-empty ones): the same
    #: evidence under two criteria is fine, a thousand copies of one video is not.
    max_paths_per_file: int = 8
    #: Uploads a person may have open (created, not finished, not expired) at once, and the
    #: bytes they announce in all.
    max_open_uploads: int = 20
    max_open_upload_bytes: int = 16 * GIB
    #: Free disk space the data folder keeps: an upload that would leave less is refused.
    reserve_free_bytes: int = 2 * GIB
    #: Lifetime of a new token when whoever makes it does not say.
    token_days: float = 365.0


@dataclass(frozen=True)
class Settings:
    data: Path
    database_url: str | None = None
    name: str | None = None  # None: the name stored in the database (or the default)
    limits: Limits = field(default_factory=Limits)
    #: The address clients use (e.g. https://issuer.example.org), for the URLs the server
    #: hands out (upload Location, discovery). None: the request's own address, which is safe
    #: because only trusted Host headers get that far.
    public_url: str | None = None
    #: Host names (without port) requests may name in Host, besides the loopback names and
    #: the public URL's host; "*" accepts any.
    trusted_hosts: tuple[str, ...] = ()
    #: Work after finalize answered, on background threads: assembling the received bag,
    #: and assigning it when another request holds the assignment lock. False: finalize
    #: waits for the lock and assigns, and the bag is assembled on its first download or
    #: listing.
    background_work: bool = True

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


LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def allowed_hosts(settings: Settings) -> frozenset[str] | None:
    """The Host names requests may use (lower case, no port); None when any is accepted."""
    if "*" in settings.trusted_hosts:
        return None
    hosts = {h.strip().lower().strip("[]") for h in settings.trusted_hosts if h.strip()}
    hosts.update(LOOPBACK_HOSTS)
    if settings.public_url:
        name = urlsplit(settings.public_url).hostname
        if name:
            hosts.add(name.lower())
    return frozenset(hosts)


def check_public_url(url: str) -> str:
    """`url` without a trailing slash when it is an http(s) address with a host and no query;
    ValueError otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or (
            parts.fragment):
        raise ValueError(f"--public-url {url!r}: give an http:// or https:// address such as "
                         "https://issuer.example.org")
    return url.strip().rstrip("/")
