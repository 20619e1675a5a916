"""Study material that travels with the catalog: resource files, exemplars and where each file
is (offline, online only, downloading, refused); plain data, any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass

GIB = 1024**3
# The storage budget for study files when the person has not set one.
DEFAULT_BUDGET_BYTES = 2 * GIB
# No single study file is ever larger than this, whatever the catalog says.
MAX_STUDY_FILE_BYTES = 4 * GIB
# The demo's study files are drawn in a portfolio folder named so, then added; a check finds
# one left by a window closed mid-way.
DEMO_SCRATCH_PREFIX = "demo-study-"
# Media types a resource or exemplar file may have, and the viewer each opens in.
VIEWER_OF_MEDIA_TYPE = {
    "application/pdf": "pdf",
    "text/html": "html",
    "image/png": "image",
    "image/jpeg": "image",
    "image/gif": "image",
    "image/webp": "image",
    "video/mp4": "video",
    "video/webm": "video",
    "video/quicktime": "video",
    "audio/mpeg": "video",
    "audio/mp4": "video",
}


@dataclass(frozen=True)
class FileRef:
    """A file a catalog entry carries: where to fetch it and what its bytes must be."""

    href: str
    sha256: str
    size: int
    media_type: str
    licence: str
    unavailable: str | None = None  # the server said it cannot serve it, and why

    @property
    def viewer(self) -> str:
        return VIEWER_OF_MEDIA_TYPE.get(self.media_type, "other")


@dataclass(frozen=True)
class Exemplar:
    """An example of work that reached a rubric level on one submission criterion, with the
    assessor's reasons."""

    id: str
    title: str
    criterion: str  # a submission criterion id of the micro-credential
    level: str  # a rubric level id of that criterion's rubric criterion
    reasons: str
    licence: str
    text: str | None = None
    file: FileRef | None = None


class FileState(enum.StrEnum):
    OFFLINE = "available offline"
    ONLINE = "online only"
    DOWNLOADING = "downloading"
    REFUSED = "refused"


@dataclass(frozen=True)
class StudyFile:
    """One study file as the portfolio knows it (metadata, and where its bytes are)."""

    sha256: str
    size: int
    media_type: str
    href: str
    licence: str
    server: str | None
    state: FileState
    bytes_here: int = 0  # the partial download's bytes while DOWNLOADING
    reason: str = ""  # why it is refused, or why it is still online only
    wanted: bool = False  # asked for by the person (a resource, a micro-credential, a stack)

    @property
    def percent(self) -> int:
        return int(100 * self.bytes_here / self.size) if self.size else 0


@dataclass(frozen=True)
class StudyItem:
    """A resource or an exemplar of one micro-credential with its file's whereabouts."""

    achievement_id: str
    mc_name: str
    kind: str  # "resource" or "exemplar"
    title: str
    file: StudyFile | None  # None: a citation or link only (or an exemplar's text only)
    path: str | None = None  # the offline copy, when available offline
    url: str | None = None  # a resource's web address, if it has one


@dataclass(frozen=True)
class FetchReport:
    """What bringing files down did: fetched, already here, refused (with reasons), left."""

    fetched: tuple[str, ...] = ()
    already: tuple[str, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()  # (sha256, reason)
    left: tuple[tuple[str, str], ...] = ()  # (sha256, why it waits: budget, metered, network)
    bytes_fetched: int = 0

    @property
    def ok(self) -> bool:
        return not self.refused and not self.left
