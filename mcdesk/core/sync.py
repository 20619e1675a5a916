"""Sync as plain data: server profiles, what an issuing server says (discovery, statuses,
assignments), the outbox's states and the errors a sync step can end with; any thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from mcdesk.core.drafts import CriterionFeedback
from mcdesk.core.errors import McdeskError
from mcdesk.core.readiness import ServerLimits
from mcdesk.core.reviews import Annotation

# ----------------------------------------------------------------------------------- errors


class SyncError(McdeskError):
    """A sync step did not go through; the subclasses say whether and when to try again."""


class LoginNeeded(SyncError):  # noqa: N818 - a state the user acts on, not a crash
    """The server does not accept the token (missing, unknown or expired): never retried
    until the user gives a new one."""

    def __init__(self, server: str, message: str = "") -> None:
        self.server = server
        super().__init__(message or f"{server} needs you to sign in again: give a new token "
                                    f"with `mcdesk server add {server} URL`")


class Rejected(SyncError):  # noqa: N818 - the server's answer, shown to the user
    """The server refused something and will refuse it again: too large, a type it does not
    accept, an invalid bag. `file` names the bag file concerned, when there is one."""

    def __init__(self, message: str, file: str | None = None, *, status: int | None = None,
                 problems: tuple[str, ...] = ()) -> None:
        self.message = message
        self.file = file
        self.status = status
        self.problems = problems
        super().__init__(f"{file}: {message}" if file else message)


class TransientError(SyncError):
    """The network or the server failed for now (timeout, cut connection, 5xx, 429): try
    again later, not before `retry_after` seconds when the server said so."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class Conflict(SyncError):  # noqa: N818 - the server's answer, shown to the user
    """What was sent disagrees with what the server already holds (a submission begun with
    other files, a review changed elsewhere): never overwritten silently."""


class ReviewClosed(Conflict):
    """The submission was decided before this review reached the server: the server takes
    no more reviews of it, so the review is closed (kept, never sent)."""


class ProtocolError(TransientError):
    """The server answered something that is not the mcdesk issuer protocol (garbage, a web
    page, a wrong shape). Treated as transient: the server may be fixed; nothing is lost."""


# --------------------------------------------------------------------------------- servers


@dataclass(frozen=True)
class ServerProfile:
    """An issuing server the user added: a name they chose and its base URL. The token lives
    in the OS keyring, never here."""

    name: str
    url: str
    created_at: datetime
    has_token: bool = False
    last_sync_at: datetime | None = None


@dataclass(frozen=True)
class TusEndpoint:
    url: str  # absolute
    version: str
    extensions: tuple[str, ...]
    max_size: int | None


@dataclass(frozen=True)
class Discovery:
    """The server's `/.well-known/mcdesk-issuer` document, URLs made absolute."""

    name: str
    protocol_version: str
    api_base: str  # absolute
    limits: ServerLimits
    tus: TusEndpoint
    auth_type: str
    auth_help: str
    open_badges_api: str | None  # absolute


@dataclass(frozen=True)
class Me:
    id: str
    display_name: str
    role: str


@dataclass(frozen=True)
class CatalogPull:
    """A catalog fetch: `unchanged` when the server answered 304 to our ETag."""

    unchanged: bool
    text: str | None
    etag: str | None


@dataclass(frozen=True)
class BagEntry:
    """One file of a bag as a submission lists it."""

    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class BeginRequest:
    achievement_id: str
    version: str
    attempt: int
    bag_name: str
    files: tuple[BagEntry, ...]

    def body(self) -> dict[str, Any]:
        return {"achievementId": self.achievement_id, "version": self.version,
                "attempt": self.attempt, "bagName": self.bag_name,
                "files": [{"path": f.path, "sha256": f.sha256, "size": f.size}
                          for f in self.files]}


@dataclass(frozen=True)
class BeginResult:
    submission_id: str
    state: str
    missing: tuple[str, ...]  # sha256 of the files the server still needs


@dataclass(frozen=True)
class FinalizeResult:
    """`state` "received" when the bag is whole; otherwise `missing` lists what to send."""

    state: str
    missing: tuple[str, ...] = ()


class RemoteState(enum.StrEnum):
    OPEN = "open"
    RECEIVED = "received"
    IN_REVIEW = "in review"
    EARNED = "earned"
    NOT_YET = "not yet"


@dataclass(frozen=True)
class RemoteStatus:
    submission_id: str
    state: RemoteState
    decided_at: datetime | None = None
    feedback: tuple[CriterionFeedback, ...] = ()
    credential_id: str | None = None
    # Once decided: the reviews' comments meant for the earner (never who wrote them).
    comments: tuple[Annotation, ...] = ()


@dataclass(frozen=True)
class Assignment:
    """A submission an assessor is asked to review; never names the earner."""

    assignment_id: str
    submission_id: str
    achievement_id: str
    version: str
    attempt: int
    due_at: datetime | None
    bag_size: int | None
    bag_sha256: str | None


@dataclass(frozen=True)
class ReviewScore:
    rubric_criterion_id: str
    level_id: str
    feedback: str = ""

    def body(self) -> dict[str, Any]:
        return {"rubricCriterionId": self.rubric_criterion_id, "levelId": self.level_id,
                "feedback": self.feedback}


@dataclass(frozen=True)
class ReviewPush:
    review_id: str
    scores: tuple[ReviewScore, ...]
    decision: str  # "earned" | "not yet"
    comments: tuple[dict[str, Any], ...] = ()
    override_reason: str | None = None

    def body(self) -> dict[str, Any]:
        return {"reviewId": self.review_id,
                "scores": [s.body() for s in self.scores],
                "comments": list(self.comments), "decision": self.decision,
                "overrideReason": self.override_reason}


@dataclass(frozen=True)
class ReviewReceipt:
    created: bool
    etag: str | None


@dataclass(frozen=True)
class CredentialsPage:
    """One page of `/ims/ob/v3p0/credentials`: JSON credentials and compact JWS strings."""

    credentials: tuple[dict[str, Any], ...]
    compact_jws: tuple[str, ...]
    total: int | None
    next_url: str | None


# ---------------------------------------------------------------------------------- outbox


class OutboxState(enum.StrEnum):
    """Where an outbox item is. The first eight are stages of the way through; the last four
    are holds that stop an item until time passes or the user acts."""

    QUEUED = "queued"
    UPLOADING = "uploading"
    FINALIZING = "finalizing"
    SUBMITTED = "submitted"  # finalize went through; the server's own states follow
    RECEIVED = "received"
    IN_REVIEW = "in review"
    EARNED = "earned"
    NOT_YET = "not yet"
    WAITING = "waiting to retry"
    LOGIN_NEEDED = "login needed"
    REJECTED = "rejected"
    CONFLICT = "conflict"

    @property
    def is_hold(self) -> bool:
        return self in _HOLDS

    @property
    def unsent(self) -> bool:
        """Still to be pushed (as a stage)."""
        return self in (OutboxState.QUEUED, OutboxState.UPLOADING, OutboxState.FINALIZING)

    @property
    def decided(self) -> bool:
        return self in (OutboxState.EARNED, OutboxState.NOT_YET)


_HOLDS = frozenset({OutboxState.WAITING, OutboxState.LOGIN_NEEDED, OutboxState.REJECTED,
                    OutboxState.CONFLICT})

# The outbox stage each server state maps to.
STAGE_OF_REMOTE = {RemoteState.OPEN: OutboxState.FINALIZING,
                   RemoteState.RECEIVED: OutboxState.RECEIVED,
                   RemoteState.IN_REVIEW: OutboxState.IN_REVIEW,
                   RemoteState.EARNED: OutboxState.EARNED,
                   RemoteState.NOT_YET: OutboxState.NOT_YET}


class FileState(enum.StrEnum):
    PENDING = "pending"  # the server may need it (not yet asked, or said missing)
    UPLOADING = "uploading"  # an upload was created; `upload_url` and `offset` say where
    SENT = "sent"  # the server holds it (all bytes sent, or it had it already)


@dataclass(frozen=True)
class OutboxFile:
    path: str  # in the bag
    sha256: str
    size: int
    media_type: str
    source: str  # where the bytes are: relative to the portfolio, or absolute
    state: FileState
    upload_url: str | None
    offset: int


@dataclass(frozen=True)
class OutboxItem:
    """One submission on its way to one server (or back from it)."""

    id: int
    submission_id: str
    draft_id: str
    server: str
    state: OutboxState  # the stage, or the hold when held
    stage: OutboxState  # where on the way it is, whatever the hold
    achievement_id: str
    mc_version: str
    mc_name: str
    attempt: int
    bag_name: str
    fingerprint: str
    bytes_total: int
    bytes_sent: int
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    reason: str  # why it was rejected or is in conflict, in words
    queued_at: datetime
    updated_at: datetime
    remote_state: str | None = None
    decided_at: datetime | None = None
    credential_id: str | None = None
    files: tuple[OutboxFile, ...] = field(default=())

    @property
    def touched(self) -> bool:
        """Whether the server may hold any of it (an upload made, a file it said it has)."""
        return any(f.upload_url or f.state is not FileState.PENDING for f in self.files)

    @property
    def replaceable(self) -> bool:
        """Whether a new copy may take its place: never announced, or refused before any
        file went out (e.g. too large: the teacher fixes it and sends the draft again)."""
        return not self.touched and (self.stage is OutboxState.QUEUED
                                     or self.state is OutboxState.REJECTED)

    def begin_request(self) -> BeginRequest:
        return BeginRequest(self.achievement_id, self.mc_version, self.attempt, self.bag_name,
                            tuple(BagEntry(f.path, f.sha256, f.size) for f in self.files))


# ----------------------------------------------------------------------------------- report


@dataclass(frozen=True)
class ItemReport:
    """What one pass did with one outbox item."""

    submission_id: str
    draft_id: str
    mc_name: str
    attempt: int
    server: str
    state: OutboxState
    bytes_total: int
    bytes_sent: int
    bytes_this_pass: int
    error: str = ""
    next_attempt_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return not self.state.is_hold and not self.error


@dataclass(frozen=True)
class ServerReport:
    server: str
    reached: bool
    error: str = ""
    catalog: str = ""  # "unchanged", "imported N", "" when not pulled
    credentials_new: int = 0
    login_needed: bool = False
    reviews_sent: int = 0
    assignments_new: int = 0
    # What went wrong with reviews and assignments, or a note (e.g. not an assessor there).
    review_problems: tuple[str, ...] = ()
    # What the server answered that the assessor should read (a calibration's outcome).
    review_notes: tuple[str, ...] = ()
    # Issuer staff: decisions sent and submissions waiting pulled in this pass.
    decisions_sent: int = 0
    waiting_pulled: int = 0
    calibration_added: int = 0
    calibration_removed: int = 0


@dataclass(frozen=True)
class SyncReport:
    """One full pass: per server, per item."""

    servers: tuple[ServerReport, ...]
    items: tuple[ItemReport, ...]

    @property
    def ok(self) -> bool:
        return (all(s.reached and not s.error for s in self.servers)
                and all(i.ok for i in self.items))


class InsecureAddressError(McdeskError):
    """Plain http to another machine: the token and the videos would cross the network in
    clear. Allowed only when the person says so."""


class NoKeyringError(McdeskError):
    """The OS keyring cannot be used here; a token file needs the person's agreement. The
    message says the risk in words."""
