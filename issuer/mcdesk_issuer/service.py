"""The issuer's use cases over its database and files: tokens, the catalog, submissions
(begin, finalize), assignments, reviews and credentials; its uploads, decisions, staff work and
the bags handed to assessors (with the threads that assemble and assign after finalize) are in
their own modules, reached from it (`Issuer.uploads`, `.decisions`, `.staff`,
`.served_bags`). The HTTP layer and the CLI both go through it; every call is synchronous (run
it on a worker thread, never on the event loop) and raises Problem for anything a client did
wrong."""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import re
import secrets
import time
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from mcdesk.core.catalog import MicroCredential
from mcdesk.credentials.achievement import (
    AchievementError,
    parse_achievement,
    parse_catalog_text,
)
from mcdesk_issuer import (
    assigning,
    bags,
    credentials,
    leases,
    metrics,
    ownership,
    people,
    reconcile,
)
from mcdesk_issuer.comments import comment_problems, earner_comments
from mcdesk_issuer.config import Settings
from mcdesk_issuer.db import (
    Account,
    AccountRole,
    AchievementRow,
    Assignment,
    CatalogFile,
    Credential,
    Database,
    Meta,
    Review,
    StackCredential,
    Submission,
    SubmissionFile,
    Token,
    Upload,
    utc,
    utcnow,
)
from mcdesk_issuer.files import FileStore
from mcdesk_issuer.keys import IssuerKey, load_or_create_key
from mcdesk_issuer.layout import check_layout
from mcdesk_issuer.models import BeginBody, ReviewBody, ScoreIn
from mcdesk_issuer.private import make_private, sqlite_file
from mcdesk_issuer.problems import (
    Problem,
    conflict,
    forbidden,
    invalid,
    not_found,
    unauthorized,
)

if TYPE_CHECKING:
    from mcdesk_issuer.served_bags import BagDownload

log = logging.getLogger(__name__)

ROLES = ("earner", "coach", "assessor", "staff")
DEFAULT_NAME = "mcdesk issuer"
#: Attempts allowed when a micro-credential does not say (the desktop app's default too).
DEFAULT_MAX_ATTEMPTS = 3
OPEN, RECEIVED, IN_REVIEW, EARNED, NOT_YET = "open", "received", "in review", "earned", "not yet"
DECIDED = (EARNED, NOT_YET)
TOKEN_PREFIX = "mci_"
#: How long a finalize waits for the same submission's finalize in another request.
FINALIZE_WAIT_S = 120.0
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Extensions whose media type the platform's tables may not know.
_MEDIA_TYPES = {
    ".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime",
    ".webm": "video/webm", ".mkv": "video/x-matroska", ".avi": "video/x-msvideo",
    ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".wav": "audio/wav", ".ogg": "audio/ogg",
    ".oga": "audio/ogg", ".flac": "audio/flac", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
    ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp", ".heic": "image/heic",
    ".heif": "image/heif", ".tif": "image/tiff", ".tiff": "image/tiff",
    ".svg": "image/svg+xml", ".pdf": "application/pdf", ".txt": "text/plain",
    ".md": "text/markdown", ".csv": "text/csv", ".html": "text/html", ".htm": "text/html",
    ".json": "application/json", ".rtf": "application/rtf", ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
}


@dataclass(frozen=True)
class Caller:
    """Who a request comes from: the account its token names."""

    id: str
    name: str
    role: str


@dataclass(frozen=True)
class CreatedToken:
    token: str
    account_id: str
    name: str
    role: str
    expires_at: datetime | None


@dataclass(frozen=True)
class _Finalized:
    """One try at finalize: the answer, whether it received the bag (and left its assignment
    for later), or that missing files should be settled and the try made again."""

    answer: dict[str, Any]
    received: bool = False
    assign_later: bool = False
    settle: bool = False


class _RowBusyError(Exception):
    """Another request holds the submission's row (it is finalizing it)."""


#: PostgreSQL's SQLSTATE for NOWAIT finding the row locked.
_LOCK_NOT_AVAILABLE = "55P03"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def canonical_uuid(text: str) -> str | None:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def media_type_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return _MEDIA_TYPES.get(suffix) or mimetypes.guess_type(path)[0] or (
        "application/octet-stream")


def path_problems(path: str) -> list[str]:
    """Why `path` cannot be a file of a bag (empty when it can)."""
    if path.startswith("/") or "\\" in path or _CONTROL.search(path) or re.match(
            r"^[A-Za-z]:", path):
        return [f"{path!r}: not a plain relative path with '/'"]
    if any(part in ("", ".", "..") for part in path.split("/")):
        return [f"{path!r}: has an empty, '.' or '..' part"]
    if any(len(part.encode()) > 255 for part in path.split("/")):
        return [f"{path!r}: a part is longer than 255 bytes"]
    return []


def _fold(path: str) -> str:
    return unicodedata.normalize("NFC", path).casefold()


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else credentials.iso(utc(moment))


class Issuer:
    """The server's state: its database, files and key."""

    def __init__(self, settings: Settings, clock: Callable[[], datetime] = utcnow) -> None:
        self.settings = settings
        self.clock = clock
        self._ticked = 0.0
        self.limits = settings.limits
        make_private(settings.data, sqlite_file(settings.url))
        self.db = Database(settings.url)
        self.files = FileStore(settings.blobs, settings.uploads, settings.bags)
        self.key: IssuerKey = load_or_create_key(settings.key_file)
        if settings.name:
            self._set_meta("name", settings.name)
        from mcdesk_issuer.decisions import Decisions
        from mcdesk_issuer.served_bags import ServedBags
        from mcdesk_issuer.staff import Staff
        from mcdesk_issuer.uploads import Uploads

        self.staff = Staff(self)
        self.uploads = Uploads(self)
        self.decisions = Decisions(self)
        self.served_bags = ServedBags(self)

    def close(self) -> None:
        self.served_bags.close()  # its threads' last work still needs the database
        self.db.close()

    # -- settings ------------------------------------------------------------------------

    def _set_meta(self, key: str, value: str) -> None:
        with self.db.session() as s:
            s.merge(Meta(key=key, value=value))

    @property
    def name(self) -> str:
        if self.settings.name:
            return self.settings.name
        with self.db.session() as s:
            row = s.get(Meta, "name")
            return row.value if row else DEFAULT_NAME

    # -- operations ----------------------------------------------------------------------

    def health(self) -> dict[str, str]:
        """Each dependency of a working process: "ok" or what is wrong with it."""
        checks: dict[str, str] = {}
        try:
            self.db.ping()
            checks["database"] = "ok"
        except Exception as exc:  # any failure is the answer, not a crash of /healthz
            checks["database"] = f"cannot reach the database ({type(exc).__name__})"
        checks["blobs"] = self.files.writable()
        return checks

    def queue_depths(self) -> dict[str, int]:
        """Open uploads, and submissions waiting for their first review (received) or for the
        rest of their reviews and the decision (in review)."""
        with self.db.session() as s:
            open_uploads = s.scalar(select(func.count()).select_from(Upload).where(
                Upload.completed.is_(False), Upload.expires_at > utcnow())) or 0
            states = dict(s.execute(select(Submission.state, func.count())
                                    .group_by(Submission.state)).tuples().all())
        return {"open uploads": int(open_uploads),
                "received": int(states.get(RECEIVED, 0)),
                "in review": int(states.get(IN_REVIEW, 0))}

    # -- tokens --------------------------------------------------------------------------

    def create_token(self, role: str, name: str | None = None, *,
                     person: str | None = None, expires_days: float | None = None
                     ) -> CreatedToken:
        """A new token for a person acting in `role`: a new person named `name`, or the
        existing person whose id is `person` (who takes on the role); only the token's hash
        is kept. Two people may share a name: a name never finds an existing person."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        name = " ".join((name or "").split())
        if person is None and not name:
            raise ValueError("the name is empty")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        now = utcnow()
        days = self.limits.token_days if expires_days is None else expires_days
        expires = now + timedelta(days=days)
        with self.db.session() as s:
            if person is not None:
                pid = canonical_uuid(person)
                account = s.get(Account, pid) if pid else None
                if account is None:
                    raise ValueError(f"no person with the id {person!r} (see 'people list')")
                if name and name != account.name:
                    raise ValueError(f"person {account.id} is {account.name!r}, not {name!r}")
            else:
                account = Account(id=str(uuid.uuid4()), name=name, created_at=now)
                s.add(account)
                s.flush()
            if s.get(AccountRole, (account.id, role)) is None:
                s.add(AccountRole(account_id=account.id, role=role))
            s.add(Token(hash=token_hash(token), account_id=account.id, role=role,
                        created_at=now, expires_at=expires, revoked=False))
            return CreatedToken(token, account.id, account.name, role, expires)

    def revoke_tokens(self, who: str, role: str | None = None) -> int:
        """Revoke the tokens of a person (by id) or of everyone with that name."""
        with self.db.session() as s:
            pid = canonical_uuid(who)
            query = select(Token).where(Token.revoked.is_(False))
            if pid is not None and s.get(Account, pid) is not None:
                query = query.where(Token.account_id == pid)
            else:
                query = query.join(Account, Token.account_id == Account.id).where(
                    Account.name == " ".join(who.split()))
            if role is not None:
                query = query.where(Token.role == role)
            rows = list(s.scalars(query))
            for row in rows:
                row.revoked = True
            return len(rows)

    def accounts(self) -> list[tuple[Caller, int]]:
        """Every person in each role they hold, with their number of usable tokens in it."""
        now = utcnow()
        with self.db.session() as s:
            found = []
            for account, role in s.execute(
                    select(Account, AccountRole.role)
                    .join(AccountRole, AccountRole.account_id == Account.id)
                    .order_by(AccountRole.role, Account.name, Account.created_at)):
                tokens = s.scalars(select(Token).where(Token.account_id == account.id,
                                                       Token.role == role,
                                                       Token.revoked.is_(False))).all()
                usable = sum(1 for t in tokens
                             if t.expires_at is None or utc(t.expires_at) > now)
                found.append((Caller(account.id, account.name, role), usable))
            return found

    def people(self) -> list[dict[str, Any]]:
        """Every person: id, name, roles, usable tokens, when they were added."""
        with self.db.session() as s:
            return [people.describe(s, a, utcnow()) for a in s.scalars(
                select(Account).order_by(Account.name, Account.created_at))]

    def person(self, person_id: str) -> dict[str, Any]:
        """One person with their tokens (never the tokens themselves), pools, submissions
        and assignments."""
        with self.db.session() as s:
            pid = canonical_uuid(person_id)
            account = s.get(Account, pid) if pid else None
            if account is None:
                raise not_found(f"no person with the id {person_id}")
            return people.detail(s, account, utcnow())

    def authenticate(self, authorization: str | None) -> Caller:
        if not authorization:
            raise unauthorized("this call needs 'Authorization: Bearer <token>'")
        scheme, _, token = authorization.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise unauthorized("this call needs 'Authorization: Bearer <token>'",
                               error="invalid_request")
        with self.db.session() as s:
            row = s.get(Token, token_hash(token))
            if row is None or row.revoked:
                raise unauthorized("the token is unknown or was revoked", error="invalid_token")
            if row.expires_at is not None and utc(row.expires_at) <= utcnow():
                raise unauthorized("the token has expired; ask for a new one",
                                   error="invalid_token")
            account = s.get(Account, row.account_id)
            if account is None:
                raise unauthorized("the token is unknown", error="invalid_token")
            return Caller(account.id, account.name, row.role)

    # -- catalog -------------------------------------------------------------------------

    def import_catalog(self, text: str) -> list[tuple[str, str]]:
        """Import an mcdesk catalog file (validated as mcdesk validates it); it becomes the
        catalog served. Returns the (id, version) of each micro-credential in it."""
        try:
            document = parse_catalog_text(text)
        except AchievementError as exc:
            raise ValueError(f"not a valid mcdesk catalog: {exc}") from None
        etag = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with self.db.session() as s:
            for mc, source in zip(document.micro_credentials, document.source_json,
                                  strict=True):
                s.merge(AchievementRow(achievement_id=mc.achievement_id, version=mc.version,
                                       name=mc.name, json=source))
            s.add(CatalogFile(text=text, etag=etag, imported_at=utcnow()))
        return [(mc.achievement_id, mc.version) for mc in document.micro_credentials]

    def catalog(self) -> tuple[str, str] | None:
        """The catalog served (its text and ETag value), None before any import."""
        with self.db.session() as s:
            row = s.scalars(select(CatalogFile).order_by(CatalogFile.id.desc())).first()
            return None if row is None else (row.text, row.etag)

    def _achievement(self, s: Session, achievement_id: str, version: str
                     ) -> tuple[dict[str, Any], MicroCredential] | None:
        row = s.get(AchievementRow, (achievement_id, version))
        if row is None:
            return None
        data = json.loads(row.json)
        return data, parse_achievement(data, check_schema=False)

    # -- submissions ---------------------------------------------------------------------

    def begin(self, caller: Caller, submission_id: str, body: BeginBody
              ) -> tuple[bool, dict[str, Any]]:
        """Begin (or repeat the beginning of) a submission; (created, answer)."""
        _require(caller, "earner")
        sid = _submission_id(submission_id)
        self._check_files(body)
        body_hash = hashlib.sha256(body.canonical().encode("utf-8")).hexdigest()
        with self.db.session() as s:
            # Two begins of one new submission (two processes, or two threads) insert once.
            self.db.lock(s, f"begin:{sid}")
            existing = s.get(Submission, sid)
            if existing is None:
                found = self._achievement(s, body.achievementId, body.version)
                if found is None:
                    raise invalid("this issuer does not offer that micro-credential", [
                        f"achievementId {body.achievementId} version {body.version} is not "
                        "in the catalog"])
                check_layout(body.files, self.limits)  # before anything is stored
                self._check_attempt(s, caller, body, found[0])
                s.add(Submission(
                    id=sid, earner_id=caller.id, achievement_id=body.achievementId,
                    version=body.version, attempt=body.attempt, bag_name=body.bagName,
                    body_hash=body_hash, state=OPEN, created_at=utcnow(), feedback_json="[]"))
                s.flush()
                for position, entry in enumerate(body.files):
                    s.add(SubmissionFile(submission_id=sid, path=entry.path,
                                         sha256=entry.sha256, size=entry.size,
                                         position=position))
                created, state = True, OPEN
            elif existing.earner_id != caller.id or existing.body_hash != body_hash:
                raise conflict(f"submission {sid} already exists with other content; a new "
                               "attempt needs a new submission id")
            else:
                created, state = False, existing.state
        missing = [] if state != OPEN else self._missing(caller, body.files)
        return created, {"submissionId": sid, "state": state, "missing": missing}

    def _check_attempt(self, s: Session, caller: Caller, body: BeginBody,
                       achievement: dict[str, Any]) -> None:
        """Refuse an attempt past the micro-credential's cap: by its number, or because the
        earner already had that many "not yet" decisions on it."""
        cap = max_attempts(achievement)
        not_yet = s.scalar(select(func.count()).select_from(Submission).where(
            Submission.earner_id == caller.id, Submission.state == NOT_YET,
            Submission.achievement_id == body.achievementId)) or 0
        if body.attempt > cap or int(not_yet) >= cap:
            raise Problem(409, "attempts-exhausted",
                          f"this micro-credential allows {cap} attempt(s); attempt "
                          f"{max(body.attempt, int(not_yet) + 1)} is past the cap",
                          extra={"maxAttempts": cap})

    def _check_files(self, body: BeginBody) -> None:
        problems: list[str] = []
        seen: set[str] = set()
        for entry in body.files:
            problems += path_problems(entry.path)
            folded = _fold(entry.path)
            if folded in seen:
                problems.append(f"{entry.path!r}: listed twice (names differing only in case "
                                "are the same file on many systems)")
            seen.add(folded)
        if problems:
            raise invalid("the bag's file list is not valid", problems)
        limit = self.limits.max_file_bytes
        too_large = [e for e in body.files if e.size > limit]
        if too_large:
            raise Problem(413, "too-large", f"{too_large[0].path} is larger than this server "
                          f"accepts ({limit} bytes per file)",
                          problems=[f"{e.path}: {e.size} bytes" for e in too_large],
                          extra={"file": too_large[0].path})
        total = sum(e.size for e in body.files)
        if total > self.limits.max_submission_bytes:
            raise Problem(413, "too-large", f"the submission holds {total} bytes; this server "
                          f"accepts {self.limits.max_submission_bytes}")
        accepted = set(self.limits.accepted_media_types)
        refused = [(e.path, media_type_of(e.path)) for e in body.files
                   if e.path.startswith("data/") and media_type_of(e.path) not in accepted]
        if refused:
            raise Problem(415, "unsupported-media-type",
                          f"{refused[0][0]}: this server does not accept {refused[0][1]}",
                          problems=[f"{p}: {t}" for p, t in refused],
                          extra={"file": refused[0][0]})

    def _missing(self, caller: Caller, files: Sequence[Any]) -> list[str]:
        with self.db.session() as s:
            return self._missing_in(s, caller, files)

    def _missing_in(self, s: Session, caller: Caller, files: Sequence[Any]) -> list[str]:
        """The files the caller still has to send: every one they have not sent themselves
        (a file another account sent counts as missing, so the answer reveals nothing about
        other accounts), and any that is no longer on disk."""
        held = ownership.held_by(s, caller.id, (e.sha256 for e in files), OPEN)
        missing: list[str] = []
        for entry in files:
            if entry.sha256 not in missing and (entry.sha256 not in held
                                                or not self.files.has_blob(entry.sha256)):
                missing.append(entry.sha256)
        return missing

    def _own_submission(self, s: Session, caller: Caller, submission_id: str) -> Submission:
        sid = _submission_id(submission_id)
        row = s.get(Submission, sid)
        if row is None or (caller.role != "staff" and row.earner_id != caller.id):
            raise not_found(f"no submission {submission_id}")
        return row

    def finalize(self, caller: Caller, submission_id: str) -> dict[str, Any]:
        """Check the bag once, from the files stored, and record it received, whichever
        process each of several finalize requests reaches: the first locks the submission's
        row for the one short transaction this takes; the others wait for it (423 past
        FINALIZE_WAIT_S) and answer with the state it left. A process that dies mid-way
        loses its connection and with it the lock. The zip handed to assessors is assembled
        afterwards (`served_bags`)."""
        _require(caller, "earner")
        sid = _submission_id(submission_id)
        deadline = time.monotonic() + FINALIZE_WAIT_S
        settled = False
        while True:
            began = time.perf_counter()
            try:
                outcome = self._finalize(caller, sid, settle=not settled)
            except _RowBusyError:
                if time.monotonic() > deadline:
                    raise Problem(423, "locked", "this submission is being finalized by "
                                  "another request; try again in a moment",
                                  headers={"Retry-After": "5"}) from None
                time.sleep(0.1)
                continue
            except Problem:
                metrics.FINALIZE_SECONDS.observe(time.perf_counter() - began)
                raise
            if outcome.settle:  # files missing: complete the uploads that hold every byte
                settled = True
                self.uploads.settle_submission(caller, sid)
                continue
            metrics.FINALIZE_SECONDS.observe(time.perf_counter() - began)
            break
        if outcome.received:
            if outcome.assign_later:
                self.served_bags.assign_soon(sid)
            self.served_bags.assemble_soon(sid)
        return outcome.answer

    def _finalize(self, caller: Caller, sid: str, *, settle: bool) -> _Finalized:
        """One try, in one transaction holding the submission's row (_RowBusyError when
        another request holds it)."""
        problem: Problem | None = None
        try:
            with self.db.session() as s:
                if not self.settings.background_work:
                    self.db.lock(s, assigning.LOCK)  # taken first: see assigning.LOCK
                row = s.get(Submission, sid, with_for_update={"nowait": True})
                if row is None or row.earner_id != caller.id:
                    raise not_found(f"no submission {sid}")
                if row.state != OPEN:
                    return _Finalized({"submissionId": sid, "state": row.state})
                files = self._refs(s, sid)
                problem, missing = self._refusal(s, caller, row, files)
                if missing and settle:
                    return _Finalized({}, settle=True)
                if problem is not None:
                    assign_now = False
                else:
                    # Only when free (taken after the row, a try never waits): a burst of
                    # finalizes each waiting its turn for it was what made finalize slow
                    # under load. When another request holds it, the assignment is made
                    # after the answer, in one batch.
                    assign_now = (not self.settings.background_work
                                  or self.db.try_lock(s, assigning.LOCK))
                    row.state = RECEIVED
                    row.received_at = self.clock()
                    row.bag_sha256 = None  # set when the bag handed out is assembled
                    row.bag_size = None
                    if assign_now:
                        self._auto_assign(s, row)
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
                raise _RowBusyError from None
            raise
        if problem is not None:
            raise problem
        return _Finalized({"submissionId": sid, "state": RECEIVED}, received=True,
                          assign_later=not assign_now)

    def _refusal(self, s: Session, caller: Caller, row: Submission,
                 files: list[bags.BagFileRef]) -> tuple[Problem | None, bool]:
        """Why the bag cannot be received (None when it can), and whether files are missing.
        Checked from the stored files: every blob's sha256 was checked when its upload
        completed, so only the tag files, the metadata and small files are read again. A bag
        refused with 422 is forgotten here, in the same transaction."""
        sid = row.id
        try:
            check_layout(files, self.limits)
        except Problem as exc:  # begun before the layout was checked: refused before any work
            self._forget_in(s, sid)
            return exc, False
        missing = self._missing_in(s, caller, files)
        if missing:
            return Problem(409, "missing-files", f"the server still needs {len(missing)} "
                           "file(s) of this bag", extra={"missing": missing}), True
        wrong = [f"{f.path}: {f.size} bytes were announced but the file the server holds "
                 f"(sha256 {f.sha256}) has {self.files.blob_size(f.sha256)}"
                 for f in files if self.files.blob_size(f.sha256) != f.size]
        if wrong:
            self._forget_in(s, sid)
            return invalid("the bag's files do not match what was announced", wrong), False
        early = bags.precheck(self.files, files)
        if early:  # refused from two small files
            self._forget_in(s, sid)
            return invalid("the bag is not a valid mcdesk submission", early), False
        expected = bags.Expected(sid, row.achievement_id, row.version, row.attempt)
        checked = bags.validate_listed(self.files, row.bag_name, files, expected)
        if checked.damaged:
            self._discard_damaged(checked.damaged)
            return Problem(409, "missing-files", "some files the server held were damaged "
                           "and were discarded; send them again",
                           extra={"missing": list(checked.damaged)}), False
        if checked.problems:
            self._forget_in(s, sid)
            return invalid("the bag is not a valid mcdesk submission",
                           list(checked.problems)), False
        return None, False

    def _discard_damaged(self, damaged: Sequence[str]) -> None:
        for sha256 in damaged:
            log.warning("Blob %s was damaged on disk; discarded", sha256)
            self.files.discard_blob(sha256)

    @staticmethod
    def _refs(s: Session, sid: str) -> list[bags.BagFileRef]:
        """A submission's files in their bag order (finalize, served_bags and decisions)."""
        return [bags.BagFileRef(f.path, f.sha256, f.size) for f in s.scalars(
            select(SubmissionFile).where(SubmissionFile.submission_id == sid)
            .order_by(SubmissionFile.position))]

    def _forget_in(self, s: Session, sid: str) -> None:
        """A bag refused at finalize is forgotten (its blobs stay): the rebuilt bag can be
        begun again under the same submission id."""
        for upload in s.scalars(select(Upload).where(Upload.submission_id == sid)):
            self.files.discard_part(upload.id)
            s.delete(upload)
        for entry in s.scalars(select(SubmissionFile)
                               .where(SubmissionFile.submission_id == sid)):
            s.delete(entry)
        s.flush()  # the rows naming the submission go first (no relationship orders them)
        row = s.get(Submission, sid)
        if row is not None:
            s.delete(row)

    def status(self, caller: Caller, submission_id: str) -> dict[str, Any]:
        _require(caller, "earner", "staff")
        with self.db.session() as s:
            return _status(s, self._own_submission(s, caller, submission_id))

    def submissions(self, caller: Caller) -> list[dict[str, Any]]:
        _require(caller, "earner", "staff")
        with self.db.session() as s:
            query = select(Submission).order_by(Submission.created_at, Submission.id)
            if caller.role != "staff":
                query = query.where(Submission.earner_id == caller.id)
            return [_status(s, row) for row in s.scalars(query)]

    def all_submissions(self) -> list[dict[str, Any]]:
        """Every submission (the CLI)."""
        with self.db.session() as s:
            return [_status(s, row) for row in s.scalars(
                select(Submission).order_by(Submission.created_at, Submission.id))]

    # -- assignments and reviews ---------------------------------------------------------

    def _auto_assign(self, s: Session, submission: Submission) -> None:
        assigning.auto_assign(s, submission, self.clock(), self.limits)

    def tick(self) -> tuple[int, int]:
        """The periodic work: late reviews re-assigned after the grace period, submissions
        short of assessors topped up; (withdrawn, added)."""
        with self.db.session() as s:
            self.db.lock(s, assigning.LOCK)
            now = self.clock()
            return (assigning.reassign_late(s, now, self.limits),
                    assigning.fill(s, now, self.limits))

    def maybe_tick(self, every_s: float = 30.0) -> None:
        """`tick` at most every `every_s` seconds: the server runs it as requests come."""
        if time.monotonic() - self._ticked < every_s:
            return
        self._ticked = time.monotonic()
        try:
            # Once per period across every process: the lease is never released, it runs out.
            if leases.acquire(self.db, "tick", uuid.uuid4().hex, every_s):
                self.uploads.sweep_expired()
                self.tick()
        except Exception:  # pragma: no cover - the request itself must still be answered
            log.exception("The periodic assignment work failed")

    def assign(self, submission_id: str, assessor: str) -> str:
        """Assign a received submission to an assessor, by person id or by a name only one
        assessor has (CLI)."""
        with self.db.session() as s:
            self.db.lock(s, assigning.LOCK)
            submission = s.get(Submission, _submission_id(submission_id))
            if submission is None:
                raise ValueError(f"no submission {submission_id}")
            if submission.state in (OPEN, *DECIDED):
                raise ValueError(f"submission {submission.id} is {submission.state}; only "
                                 "received submissions are assigned")
            person = self._assessor(s, assessor)
            if person.id == submission.earner_id:
                raise ValueError("nobody reviews their own submission")
            return assigning.assign(s, submission, person, assigning.EXPERT, self.clock(),
                                    self.limits).id

    def _assessor(self, s: Session, who: str) -> Account:
        pid = canonical_uuid(who)
        query = select(Account).join(AccountRole, AccountRole.account_id == Account.id).where(
            AccountRole.role == "assessor")
        found = list(s.scalars(query.where(Account.id == pid) if pid else
                               query.where(Account.name == " ".join(who.split()))))
        if not found:
            raise ValueError(f"no assessor {who!r}")
        if len(found) > 1:
            raise ValueError(f"{len(found)} assessors are named {who!r}; give the person's id "
                             "(see 'people list')")
        return found[0]

    def assignments(self, caller: Caller) -> list[dict[str, Any]]:
        _require(caller, "assessor", "staff")
        query = (select(Assignment, Submission)
                 .join(Submission, Assignment.submission_id == Submission.id)
                 .order_by(Assignment.created_at, Assignment.id))
        if caller.role != "staff":
            query = query.where(Assignment.assessor_id == caller.id,
                                Assignment.withdrawn_at.is_(None))
        self.served_bags.ensure(query)
        with self.db.session() as s:
            return [{"assignmentId": a.id, "submissionId": sub.id,
                     "achievementId": sub.achievement_id, "version": sub.version,
                     "attempt": sub.attempt, "dueAt": _iso(a.due_at), "bagSize": sub.bag_size,
                     "bagSha256": sub.bag_sha256} for a, sub in s.execute(query)]

    def _own_assignment(self, s: Session, caller: Caller, assignment_id: str
                        ) -> tuple[Assignment, Submission]:
        aid = canonical_uuid(assignment_id)
        row = s.get(Assignment, aid) if aid else None
        if row is None or (caller.role != "staff" and row.assessor_id != caller.id):
            raise not_found(f"no assignment {assignment_id}")
        submission = s.get(Submission, row.submission_id)
        if submission is None:  # pragma: no cover - foreign keys keep it
            raise not_found(f"no assignment {assignment_id}")
        return row, submission

    def bag(self, caller: Caller, assignment_id: str) -> BagDownload:
        _require(caller, "assessor", "staff")
        with self.db.session() as s:
            _, submission = self._own_assignment(s, caller, assignment_id)
            sid = submission.id
        return self.served_bags.get(sid)

    def put_review(self, caller: Caller, assignment_id: str, body: ReviewBody,
                   if_match: str | None) -> tuple[bool, str, dict[str, Any]]:
        """Store the review of an assignment; (created, ETag, review)."""
        _require(caller, "assessor")
        canonical = body.canonical()
        etag = '"' + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32] + '"'
        with self.db.session() as s:
            self.db.lock(s, assigning.LOCK)  # an extra assessor may be called
            assignment, submission = self._own_assignment(s, caller, assignment_id)
            review = s.get(Review, assignment.id)
            if review is not None and review.body_json == canonical:
                return False, review.etag, json.loads(review.body_json)
            if submission.state in DECIDED:
                raise conflict(f"submission {submission.id} was decided ({submission.state}); "
                               "its reviews are closed")
            if assignment.withdrawn_at is not None:
                raise conflict("this review came after the grace period and the submission "
                               "went to another assessor")
            found = self._achievement(s, submission.achievement_id, submission.version)
            self._check_review(body, found[1] if found else None)
            now = self.clock()
            if review is None:
                s.add(Review(assignment_id=assignment.id, review_id=body.reviewId.lower(),
                             body_json=canonical, etag=etag, created_at=now, updated_at=now))
                created = True
            else:
                if if_match is None:
                    raise Problem(428, "precondition-required",
                                  "a review is already stored for this assignment: changing it "
                                  "needs If-Match with its ETag",
                                  headers={"ETag": review.etag})
                if not _etag_matches(if_match, review.etag):
                    raise Problem(412, "precondition-failed",
                                  "the review changed since you last read it; fetch it, "
                                  "reconcile and send it again with its new ETag",
                                  headers={"ETag": review.etag})
                review.review_id = body.reviewId.lower()
                review.body_json = canonical
                review.etag = etag
                review.updated_at = now
                created = False
            if submission.state == RECEIVED:
                submission.state = IN_REVIEW
            s.flush()
            if reconcile.needs_extra(reconcile.reviews_of(s, submission.id),
                                     found[1] if found else None):
                assigning.call_extra(s, submission, now, self.limits)
            return created, etag, json.loads(canonical)

    def get_review(self, caller: Caller, assignment_id: str) -> tuple[str, dict[str, Any]]:
        _require(caller, "assessor", "staff")
        with self.db.session() as s:
            assignment, _ = self._own_assignment(s, caller, assignment_id)
            review = s.get(Review, assignment.id)
            if review is None:
                raise not_found("no review has been stored for this assignment")
            return review.etag, json.loads(review.body_json)

    def _check_review(self, body: ReviewBody, mc: MicroCredential | None) -> None:
        problems = _score_problems(body.scores, mc)
        if mc is not None and not problems and not (body.overrideReason or "").strip():
            rubric = [c for c in mc.rubric if c.is_rubric]
            levels = {score.rubricCriterionId: score.levelId for score in body.scores}
            earned = all(c.id in levels and c.passes(levels[c.id]) for c in rubric)
            rule = "earned" if earned else "not yet"
            if rubric and body.decision != rule:
                problems.append(f"the scores make it {rule!r} by the rubric; a decision of "
                                f"{body.decision!r} needs an overrideReason")
        problems += comment_problems(body.comments)
        if problems:
            raise invalid("the review is not valid for this micro-credential", problems)

    # -- credentials ---------------------------------------------------------------------

    def credentials(self, caller: Caller, *, limit: int, offset: int,
                    since: datetime | None) -> tuple[list[str], int]:
        """A page of the caller's credentials as VC-JWTs (staff: every credential) and how
        many there are in all."""
        _require(caller, "earner", "staff")
        with self.db.session() as s:
            found: list[tuple[datetime, str, str]] = []
            for table in (Credential, StackCredential):
                query = select(table.issued_at, table.id, table.jws)
                if caller.role != "staff":
                    query = query.where(table.earner_id == caller.id)
                if since is not None:
                    query = query.where(table.issued_at >= since)
                found += [(utc(when), cid, jws) for when, cid, jws in s.execute(query)]
            found.sort(key=lambda item: (item[0], item[1]))
            return [jws for _when, _cid, jws in found[offset:offset + limit]], len(found)

    def profile(self, caller: Caller) -> dict[str, Any]:
        return {"@context": [credentials.VC_CONTEXT, credentials.OB_CONTEXT],
                "id": f"urn:uuid:{caller.id}", "type": ["Profile"], "name": caller.name}


# ----------------------------------------------------------------------------------- helpers


def _require(caller: Caller, *roles: str) -> None:
    if caller.role not in roles:
        raise forbidden(f"a {caller.role} token cannot make this call (it is for "
                        f"{' or '.join(roles)})")


def max_attempts(achievement: dict[str, Any]) -> int:
    """The attempts a micro-credential allows: its mcdesk extension's maxAttempts, else 3."""
    extension = achievement.get(credentials.EXTENSION_KEY)
    value = extension.get("maxAttempts") if isinstance(extension, dict) else None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_MAX_ATTEMPTS


def _submission_id(text: str) -> str:
    sid = canonical_uuid(text)
    if sid is None:
        raise not_found(f"no submission {text} (submission ids are UUIDs)")
    return sid


def _status(s: Session, row: Submission) -> dict[str, Any]:
    """A submission's status; once decided it carries the reviews' comments meant for the
    earner (never who wrote them)."""
    status = {"submissionId": row.id, "state": row.state, "achievementId": row.achievement_id,
              "version": row.version, "attempt": row.attempt,
              "decidedAt": _iso(row.decided_at),
              "feedback": json.loads(row.feedback_json or "[]"),
              "credentialId": row.credential_id}
    if row.state in DECIDED:
        status["comments"] = _earner_comments(s, row.id)
    return status


def _earner_comments(s: Session, submission_id: str) -> list[dict[str, Any]]:
    bodies = s.scalars(select(Review.body_json)
                       .join(Assignment, Review.assignment_id == Assignment.id)
                       .where(Assignment.submission_id == submission_id)
                       .order_by(Review.created_at, Review.assignment_id))
    comments = []
    for body in bodies:
        stored = json.loads(body).get("comments")
        comments.append(stored if isinstance(stored, list) else [])
    return earner_comments(comments)


def _etag_matches(header: str, etag: str) -> bool:
    candidates = [c.strip() for c in header.split(",")]
    return "*" in candidates or etag in candidates


def _score_problems(scores: Sequence[ScoreIn], mc: MicroCredential | None) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for score in scores:
        if score.rubricCriterionId in seen:
            problems.append(f"{score.rubricCriterionId}: scored twice")
        seen.add(score.rubricCriterionId)
        criterion = mc.rubric_criterion(score.rubricCriterionId) if mc else None
        if criterion is None:
            problems.append(f"{score.rubricCriterionId}: not a rubric criterion of this "
                            "micro-credential")
        elif all(level.id != score.levelId for level in criterion.levels):
            problems.append(f"{score.levelId}: not a level of {score.rubricCriterionId}")
    return problems
