"""Sync use cases: server profiles (tokens in the OS keyring), queueing a ready draft for a
server, and one full sync pass (push the outbox over tus; for an assessor, pull assignments and
push reviews; poll statuses and record decisions with the comments meant for the earner; pull
the catalog and earned credentials); worker thread (the sync lane: one pass at a time per
portfolio; every outbox state change is its own transaction)."""

from __future__ import annotations

import json
import logging
import random
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from mcdesk.core.drafts import DraftStatus, ReadinessProblem, Severity
from mcdesk.core.errors import CatalogImportError, McdeskError, StorageFullError
from mcdesk.core.progress import NULL_CONTROL, Cancelled, JobControl
from mcdesk.core.reviews import ReviewState, Role
from mcdesk.core.sync import (
    STAGE_OF_REMOTE,
    Conflict,
    Discovery,
    FileState,
    ItemReport,
    LoginNeeded,
    OutboxItem,
    OutboxState,
    Rejected,
    RemoteState,
    ServerProfile,
    ServerReport,
    SyncReport,
    TransientError,
)
from mcdesk.core.units import human_size
from mcdesk.services.catalog import CatalogService
from mcdesk.services.drafts import DraftService
from mcdesk.services.packages import PackageService, submission_uuid
from mcdesk.storage.atomic import write_atomic
from mcdesk.storage.outbox_store import NewFile, OutboxStore
from mcdesk.storage.portfolio import Portfolio
from mcdesk.sync import secrets

if TYPE_CHECKING:
    from mcdesk.core.staff import StaffPull
    from mcdesk.services.badges import BadgeService
    from mcdesk.services.feedback import ReceivedFeedback
    from mcdesk.services.review_outbox import ReviewOutbox
    from mcdesk.services.review_sync import ReviewSync
    from mcdesk.services.roles import RoleService
    from mcdesk.services.staff import StaffService
    from mcdesk.sync.client import IssuerClient

log = logging.getLogger(__name__)

OUTBOX_DIR = "outbox"
# Backoff for transient failures: the first wait, the longest, and the growth.
BACKOFF_FIRST_S = 5.0
BACKOFF_MAX_S = 3600.0
# Times finalize may send back a list of missing files in one pass.
MAX_FINALIZE_ROUNDS = 3
# Pushes of one submission within a pass while each try moves it forward: a link that keeps
# dropping still finishes, a server that takes nothing does not hold the pass for ever.
MAX_PROGRESS_ROUNDS = 50
# The wait before the next pass tries a submission whose last try moved it forward.
AFTER_PROGRESS_S = 5.0
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
# Bag files whose type the server's accepted media types apply to (the rest is the bag's own
# text: tag files, the metadata, written answers).
_EVIDENCE_PREFIX = "data/evidence/"

# The HTTP stack (requests) loads with the first pass, not with the outbox the status line reads.
ClientFactory = Callable[[ServerProfile, str | None], "IssuerClient"]


HELD_FOR_UNMETERED = ("held: {size} still to send waits for a network that is not metered "
                      "(Sync › uncheck the hold, or connect to the school's network)")


class NotReadyError(McdeskError):
    """A draft that is not ready to send; `problems` are the blocking ones."""

    def __init__(self, message: str, problems: tuple[ReadinessProblem, ...]) -> None:
        self.problems = problems
        super().__init__(message)


@dataclass(frozen=True)
class Queued:
    """What queueing a draft did."""

    item: OutboxItem
    already: bool  # it was on its way already: nothing changed
    note: str


def backoff_seconds(attempts: int, retry_after: float | None = None,
                    rng: random.Random | None = None) -> float:
    """How long to wait after the `attempts`-th failure in a row: exponential, capped, with
    jitter (between half and all of the step), never less than the server's Retry-After."""
    step = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * 2 ** max(0, attempts - 1))
    wait = (rng or random).uniform(step / 2, step)
    if retry_after is not None:
        wait = max(wait, retry_after)
    return min(wait, max(BACKOFF_MAX_S, retry_after or 0.0))


class SyncService:
    """Sync for one portfolio. One pass runs at a time (a lock); the other calls are short."""

    def __init__(self, portfolio: Portfolio, drafts: DraftService, packages: PackageService,
                 catalog: CatalogService, *, clock: Callable[[], datetime] | None = None,
                 rng: random.Random | None = None,
                 client_factory: ClientFactory | None = None,
                 reviews: ReviewOutbox | None = None,
                 feedback: ReceivedFeedback | None = None,
                 roles: RoleService | None = None,
                 badges: BadgeService | None = None,
                 staff: StaffService | None = None) -> None:
        self._portfolio = portfolio
        # Issuer staff: waiting submissions pulled, queued decisions sent (None: neither).
        self._staff = staff
        # Earned credentials pulled in a pass land here (None: they are not pulled).
        self._badges = badges
        self._drafts = drafts
        self._packages = packages
        self._catalog = catalog
        # Reviews: the earner's received comments, and (with the assessor role) the
        # assignments and reviews exchanged in each pass. None: neither.
        self._reviews = reviews
        self._feedback = feedback
        self._roles = roles
        self._review_sync: ReviewSync | None = None
        if reviews is not None:
            from mcdesk.services.review_sync import ReviewSync

            self._review_sync = ReviewSync(reviews, packages)
        self._store = OutboxStore(portfolio.database)
        # What time it is (UTC); tests give a fake clock to check the backoff.
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        self._rng = rng or random.Random()
        # How a client for one server is made (tests give slices, timeouts, a proxy).
        self.client_factory: ClientFactory = client_factory or _default_client
        self._pass_lock = threading.Lock()

    @property
    def root(self) -> Path:
        return self._portfolio.layout.root

    def passing(self) -> bool:
        """True while a pass runs (study downloads, less urgent, wait for it to end)."""
        return self._pass_lock.locked()

    # -- server profiles ------------------------------------------------------------------

    def add_server(self, name: str, url: str, token: str, *,
                   allow_insecure_http: bool = False,
                   allow_token_file: bool = False) -> ServerProfile:
        """Add a server (or give a known one a new address or token). The token goes to the
        OS keyring; items that waited for a login go on at the next pass. Plain http to
        another machine is refused unless `allow_insecure_http` (InsecureAddressError).
        Without an OS keyring the token goes to a file only with `allow_token_file`
        (secrets.NoKeyringError otherwise, which says the risk in words)."""
        name = name.strip()
        if not _NAME.match(name):
            raise McdeskError(f'"{name}" cannot name a server: use letters, digits, ".", "_" '
                              'or "-" (e.g. "riverbend")')
        from mcdesk.sync.client import check_transport, normalize_url

        address = normalize_url(url)
        check_transport(address, allow_insecure_http=allow_insecure_http)
        token = token.strip()
        if not token:
            raise McdeskError("no token given: paste the token your program coordinator gave "
                              "you (on standard input, or in MCDESK_TOKEN)")
        if any(ch.isspace() for ch in token) or not token.isprintable():
            raise McdeskError("the token holds spaces or unprintable characters; paste it "
                              "exactly as given")
        secrets.set_token(name, token, allow_file=allow_token_file)
        profile = self._store.save_profile(name, address, self.clock())
        released = self._store.release_holds(name, OutboxState.LOGIN_NEEDED, self.clock())
        if released:
            log.info("%d item(s) for %s go on with the new token", released, name)
        return self._with_token(profile)

    def adopt_server_role(self, name: str) -> Role | None:
        """Ask the server whose token this is; when it is an assessor's (or a teacher's, a
        coach's) and the portfolio works in another role, switch to it, so an assessor token
        makes an assessor portfolio. Returns the role switched to, None when nothing changed.
        Network: run it on the server's lane."""
        profile = self._with_token(self.server(name))
        token = secrets.get_token(profile.name)
        if token is None or self._roles is None:
            return None
        client = self.client_factory(profile, token)
        try:
            account = client.me()
        finally:
            client.close()
        try:
            role = Role(account.role)
        except ValueError:
            return None  # a role this app has no place for
        if role is self._roles.current():
            return None
        return self._roles.switch(role)

    def servers(self) -> list[ServerProfile]:
        return [self._with_token(p) for p in self._store.profiles()]

    def server(self, name: str | None = None) -> ServerProfile:
        """A profile by name; without a name, the only one there is."""
        if name is not None:
            return self._with_token(self._store.profile(name))
        profiles = self._store.profiles()
        if not profiles:
            raise McdeskError("no server yet: add one with `mcdesk server add NAME URL` (the "
                              "token on standard input)")
        if len(profiles) > 1:
            names = ", ".join(p.name for p in profiles)
            raise McdeskError(f"several servers ({names}); say which with --server NAME")
        return self._with_token(profiles[0])

    def remove_server(self, name: str) -> None:
        """Forget a server and its token; refused while it has submissions to send."""
        self._store.remove_profile(name)
        secrets.delete_token(name)

    def _with_token(self, profile: ServerProfile) -> ServerProfile:
        from dataclasses import replace

        return replace(profile, has_token=secrets.get_token(profile.name) is not None)

    # -- the outbox -----------------------------------------------------------------------

    def outbox(self, server: str | None = None) -> list[OutboxItem]:
        return self._store.items(server)

    def queue(self, draft_id: str, server: str | None = None) -> Queued:
        """Put a ready draft in the outbox for `server`: its bag is frozen now, file by file
        (the text made in mcdesk is written under outbox/, the evidence stays where it is
        stored). Sending the same attempt again changes nothing."""
        profile = self.server(server)
        draft = self._drafts.get(draft_id)
        sid = submission_uuid(draft.submission_id)
        existing = self._store.find(sid, profile.name)
        if existing and not existing[0].replaceable:
            item = existing[0]
            return Queued(item, True, f'attempt {item.attempt} of "{item.mc_name}" is already '
                                      f"on its way to {profile.name} ({item.state}); changes "
                                      "made since are not part of it")
        if not draft.status.editable:
            raise McdeskError(f'attempt {draft.attempt} of "{draft.mc_name}" is '
                              f"{draft.status}; it cannot be sent again")
        readiness = self._drafts.check(draft.id)
        if not readiness.ready:
            blocking = tuple(p for p in readiness.problems if p.severity is Severity.BLOCKING)
            raise NotReadyError(f'the draft of "{draft.mc_name}" is not ready to send; '
                                f"{len(blocking)} thing(s) must be fixed first", blocking)
        snapshot = self._drafts.snapshot(draft.id)
        planned = self._packages.plan_files(snapshot)
        folder = self.root / OUTBOX_DIR / sid / planned.fingerprint[:16]
        files = []
        for planned_file in planned.files:
            if planned_file.data is not None:
                target = folder.joinpath(*planned_file.path.split("/"))
                write_atomic(target, planned_file.data)
                source = self._relative(target)
            else:
                assert planned_file.source is not None
                source = self._relative(planned_file.source)
            files.append(NewFile(planned_file.path, planned_file.sha256, planned_file.size,
                                 planned_file.media_type, source))
        item = self._store.queue(
            submission_id=sid, draft_id=draft.id, server=profile.name,
            achievement_id=snapshot.achievement_id, mc_version=snapshot.mc_version,
            mc_name=snapshot.mc_name, attempt=snapshot.attempt, bag_name=planned.bag_name,
            fingerprint=planned.fingerprint, files=files, now=self.clock())
        note = (f'attempt {item.attempt} of "{item.mc_name}" will go to {profile.name} '
                f"({profile.url}) at the next sync: {len(item.files)} files, "
                f"{human_size(item.bytes_total)}, sent one by one so a broken connection "
                "costs at most one slice; changes made to the draft from now on are not part "
                "of it")
        return Queued(item, False, note)

    def _relative(self, path: Path) -> str:
        try:
            return path.absolute().relative_to(self.root).as_posix()
        except ValueError:
            return str(path.absolute())

    def _source(self, source: str) -> Path:
        path = Path(source)
        return path if path.is_absolute() else self.root.joinpath(*source.split("/"))

    # -- one pass -------------------------------------------------------------------------

    def sync_once(self, server: str | None = None,
                  control: JobControl = NULL_CONTROL, *,
                  hold_larger_than: int | None = None, immediate: bool = False) -> SyncReport:
        """One full pass with every server (or one): push what is due in the outbox, poll
        what was submitted, pull the catalog and earned credentials. Failures are recorded
        per item and per server, never raised (but Cancelled is). With `hold_larger_than`
        (on a metered network), a submission with more than that many bytes still to send
        waits for a later pass; everything else goes on. `immediate` (the person asked: Sync
        now, `mcdesk sync`) tries every waiting item now, whatever its backoff says."""
        with self._pass_lock:
            profiles = [self.server(server)] if server is not None else self.servers()
            servers: list[ServerReport] = []
            items: list[ItemReport] = []
            for profile in profiles:
                control.check_cancelled()
                report, item_reports = self._sync_server(profile, control, hold_larger_than,
                                                          immediate)
                servers.append(report)
                items += item_reports
            return SyncReport(tuple(servers), tuple(items))

    def _sync_server(self, profile: ServerProfile, control: JobControl,
                     hold_larger_than: int | None = None, immediate: bool = False
                     ) -> tuple[ServerReport, list[ItemReport]]:
        name = profile.name
        token = secrets.get_token(name)
        done: dict[int, ItemReport] = {}
        if token is None:
            self._hold_all(name, OutboxState.LOGIN_NEEDED, "no token for this server")
            return (ServerReport(name, False, LoginNeeded(name).detail, login_needed=True),
                    self._reports(name, done))
        client = self.client_factory(profile, token)
        catalog_note = ""
        new_credentials = 0
        reviewed = _ReviewCounts()
        try:
            try:
                discovery = client.discover()
            except (TransientError, Rejected) as exc:
                self._defer_due(name, str(exc), getattr(exc, "retry_after", None), immediate)
                return ServerReport(name, False, f"{name} could not be reached: {exc}"), \
                    self._reports(name, done)
            for item in self._store.items(name):
                control.check_cancelled()
                if not (item.stage.unsent and self._due(item, immediate)):
                    continue
                left = item.bytes_total - item.bytes_sent
                if hold_larger_than is not None and left > hold_larger_than:
                    done[item.id] = _report(item, 0, HELD_FOR_UNMETERED.format(
                        size=human_size(left)))
                    continue
                done[item.id] = self._push(client, discovery, item, control)
            errors: list[str] = []
            if self._assessor():
                reviewed = self._sync_reviews(client, name, control)
            staffed = self._sync_staff(client, name, errors)
            for item in self._store.items(name):
                control.check_cancelled()
                if (item.stage in (OutboxState.SUBMITTED, OutboxState.RECEIVED,
                                   OutboxState.IN_REVIEW) and self._due(item, immediate)):
                    done[item.id] = self._poll(client, item)
            try:
                catalog_note = self._pull_catalog(client, name)
            except (TransientError, Rejected, Conflict, CatalogImportError) as exc:
                errors.append(f"catalog: {exc}")
            try:
                # Staff tokens see every earner's credentials: none belong in this portfolio.
                new_credentials = 0 if self._is_staff() else self._pull_credentials(client,
                                                                                     name)
            except Rejected as exc:
                if exc.status != 403:
                    errors.append(f"credentials: {exc}")
                else:  # an assessor's or coach's account earns nothing there
                    log.info("No earned credentials for this account on %s: %s", name, exc)
            except (TransientError, Conflict) as exc:
                errors.append(f"credentials: {exc}")
            self._store.mark_synced(name, self.clock())
            return (ServerReport(name, True, "; ".join(errors), catalog_note, new_credentials,
                                 **reviewed.fields(), **_staff_fields(staffed)),
                    self._reports(name, done))
        except LoginNeeded as exc:
            self._hold_all(name, OutboxState.LOGIN_NEEDED, str(exc))
            return (ServerReport(name, True, str(exc), catalog_note, new_credentials,
                                 login_needed=True, **reviewed.fields()),
                    self._reports(name, done))
        finally:
            client.close()

    def _is_staff(self) -> bool:
        return self._roles is not None and self._roles.current() is Role.STAFF

    def _sync_staff(self, client: IssuerClient, server: str, errors: list[str]) -> StaffPull:
        """For issuer staff: queued decisions out, waiting submissions and their reviews in."""
        from mcdesk.core.staff import StaffPull

        if self._staff is None or not self._is_staff():
            return StaffPull()
        try:
            pulled = self._staff.sync(client, server)
        except (Rejected, Conflict) as exc:
            errors.append(f"staff work: {exc}")
            return StaffPull()
        errors.extend(pulled.problems)
        return pulled

    def _assessor(self) -> bool:
        return (self._review_sync is not None and self._roles is not None
                and Role.ASSESSOR in self._roles.roles())

    def _sync_reviews(self, client: IssuerClient, server: str,
                      control: JobControl) -> _ReviewCounts:
        """Pull assignments (downloading their submissions), then push finished reviews."""
        assert self._review_sync is not None and self._reviews is not None
        reviews = self._reviews
        known = reviews.known_assignment_ids(server)
        problems = self._review_sync.pull_assignments(client, server, control)
        new = len(reviews.known_assignment_ids(server) - known)
        pending = reviews.pending_pushes(server)
        problems += self._review_sync.push_reviews(client, server, control)
        calibration_problems, notes = self._review_sync.push_calibration(client, server,
                                                                         control)
        problems += calibration_problems
        sent = 0
        for review in pending:
            try:
                if reviews.get(review.id).state is ReviewState.SENT:
                    sent += 1
            except McdeskError:
                continue
        return _ReviewCounts(sent, new, tuple(problems), tuple(notes))

    def _due(self, item: OutboxItem, immediate: bool = False) -> bool:
        if item.state in (OutboxState.REJECTED, OutboxState.CONFLICT,
                          OutboxState.LOGIN_NEEDED):
            return False
        return (immediate or item.next_attempt_at is None
                or item.next_attempt_at <= self.clock())

    def _reports(self, server: str, done: dict[int, ItemReport]) -> list[ItemReport]:
        """A line for every item of `server` still of interest: what this pass did, or why
        it waits."""
        reports = []
        for item in self._store.items(server):
            if item.id in done:
                reports.append(done[item.id])
            elif not item.stage.decided or item.state.is_hold:
                reports.append(_report(item, 0, item.last_error or item.reason))
        return reports

    def _hold_all(self, server: str, hold: OutboxState, message: str) -> None:
        for item in self._store.items(server):
            if (item.stage.unsent or not item.stage.decided) and item.state not in (
                    OutboxState.REJECTED, OutboxState.CONFLICT):
                self._store.update(item.id, self.clock(), state=hold, last_error=message)

    def _defer_due(self, server: str, message: str, retry_after: float | None,
                   immediate: bool = False) -> None:
        """The server cannot be reached: every unsent item that was due waits its turn."""
        for item in self._store.items(server):
            if item.stage.unsent and self._due(item, immediate):
                self._wait(item, message, retry_after)

    def _wait(self, item: OutboxItem, message: str, retry_after: float | None, *,
              moved: bool = False) -> OutboxItem:
        """Record a transient failure. Only a try that moved nothing counts toward the
        backoff; one that moved the upload forward is tried again soon."""
        if moved:
            attempts = 0
            delay = max(AFTER_PROGRESS_S, retry_after or 0.0)
        else:
            attempts = item.attempts + 1
            delay = backoff_seconds(attempts, retry_after, self._rng)
        return self._store.update(
            item.id, self.clock(), attempts=attempts, last_error=message,
            next_attempt_at=self.clock() + timedelta(seconds=delay),
            state=OutboxState.WAITING if item.stage.unsent else item.stage)

    # -- pushing --------------------------------------------------------------------------

    def _push(self, client: IssuerClient, discovery: Discovery, item: OutboxItem,
              control: JobControl) -> ItemReport:
        sent_before = item.bytes_sent
        for _round in range(MAX_PROGRESS_ROUNDS):
            try_start = self._store.get(item.id).bytes_sent
            try:
                return self._push_once(client, discovery, item, control, sent_before)
            except TransientError as exc:
                item = self._store.get(item.id)
                moved = item.bytes_sent > try_start
                if moved and _round + 1 < MAX_PROGRESS_ROUNDS:
                    log.info("%s: the link dropped after progress (%s); going on", item.bag_name,
                             exc)
                    continue
                message = str(exc)
                if moved and item.bytes_total:
                    share = item.bytes_sent * 100 // item.bytes_total
                    message = f"the link keeps dropping; {share} % sent, still going ({exc})"
                item = self._wait(item, message, exc.retry_after, moved=moved)
                return _report(item, item.bytes_sent - sent_before, message)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns

    def _push_once(self, client: IssuerClient, discovery: Discovery, item: OutboxItem,
                   control: JobControl, sent_before: int) -> ItemReport:
        """One try at pushing `item`; a TransientError is the caller's to retry or record."""
        try:
            self._check_limits(discovery, item)
            item = self._store.update(item.id, self.clock(), state=OutboxState.UPLOADING,
                                      stage=OutboxState.UPLOADING)
            begun = client.begin(item.submission_id, item.begin_request())
            item = self._store.mark_files(item.id, begun.missing, self.clock())
            for _round in range(MAX_FINALIZE_ROUNDS):
                self._upload_missing(client, item, control)
                item = self._store.update(item.id, self.clock(),
                                          state=OutboxState.FINALIZING,
                                          stage=OutboxState.FINALIZING)
                result = client.finalize(item.submission_id)
                if not result.missing:
                    break
                log.info("The server still needs %d file(s) of %s", len(result.missing),
                         item.bag_name)
                item = self._store.update(item.id, self.clock(), state=OutboxState.UPLOADING,
                                          stage=OutboxState.UPLOADING)
                item = self._store.mark_files(item.id, result.missing, self.clock())
            else:
                raise TransientError("the server keeps asking for files it was sent")
            stage = _stage_of(result.state)
            item = self._store.update(item.id, self.clock(), state=stage, stage=stage,
                                      remote_state=result.state, attempts=0,
                                      next_attempt_at=None, last_error="", reason="")
            self._mark_submitted(item)
            return _report(item, item.bytes_sent - sent_before)
        except LoginNeeded:
            raise
        except Cancelled:
            raise
        except TransientError:
            raise
        except Conflict as exc:
            item = self._store.update(item.id, self.clock(), state=OutboxState.CONFLICT,
                                      reason=str(exc), last_error=str(exc))
            return _report(item, item.bytes_sent - sent_before, str(exc))
        except McdeskError as exc:  # Rejected, or a file that cannot be read here
            item = self._store.update(item.id, self.clock(), state=OutboxState.REJECTED,
                                      reason=str(exc), last_error=str(exc))
            return _report(item, item.bytes_sent - sent_before, str(exc))

    def _check_limits(self, discovery: Discovery, item: OutboxItem) -> None:
        """Refuse early, naming the file and the limit, what the server would refuse."""
        limits = discovery.limits
        max_file = min((v for v in (limits.max_file_bytes, discovery.tus.max_size)
                        if v is not None), default=None)
        for file in item.files:
            if max_file is not None and file.size > max_file:
                raise Rejected(f"{human_size(file.size)} is more than {discovery.name} takes "
                               f"in one file ({human_size(max_file)}); compress or trim it "
                               "and send the draft again", file.path)
            if file.path.startswith(_EVIDENCE_PREFIX) and not limits.accepts_type(
                    file.media_type):
                accepted = ", ".join(limits.accepted_media_types)
                raise Rejected(f"{discovery.name} does not accept {file.media_type} files "
                               f"(it takes {accepted})", file.path)
        if limits.max_total_bytes is not None and item.bytes_total > limits.max_total_bytes:
            raise Rejected(f"the submission is {human_size(item.bytes_total)}, more than "
                           f"{discovery.name} takes ({human_size(limits.max_total_bytes)})")

    def _upload_missing(self, client: IssuerClient, item: OutboxItem,
                        control: JobControl) -> None:
        total = item.bytes_total
        base = {f.path: (f.size if f.state is FileState.SENT else f.offset) for f in item.files}
        for file in item.files:
            if file.state is FileState.SENT:
                continue
            control.check_cancelled()
            path = self._source(file.source)
            others = sum(v for p, v in base.items() if p != file.path)

            def stored(url: str | None, offset: int, path_in_bag: str = file.path) -> None:
                self._store.set_upload(item.id, path_in_bag, url, offset, self.clock())

            def moved(position: int, others: int = others, label: str = file.path) -> None:
                control.progress(others + position, total, f"{item.mc_name}: {label}")

            from mcdesk.sync.tus import UploadFile

            upload = UploadFile(
                label=file.path, size=file.size,
                opener=_opener(path),
                metadata={"submission": item.submission_id, "sha256": file.sha256,
                          "path": file.path, "filename": file.path.rsplit("/", 1)[-1],
                          "filetype": file.media_type},
                sha256=file.sha256)
            def retrying(offset: int, error: TransientError, others: int = others) -> None:
                share = (others + offset) * 100 // max(1, total)
                control.progress(others + offset, total,
                                 f"{item.mc_name}: the link keeps dropping; {share} % sent, "
                                 f"still going ({error})")

            result = client.upload(upload, url=file.upload_url, on_url=stored,
                                   on_progress=moved, control=control, on_retry=retrying)
            self._store.set_upload(item.id, file.path, result.url, file.size, self.clock())
            base[file.path] = file.size

    def _mark_submitted(self, item: OutboxItem) -> None:
        try:
            draft = self._drafts.get(item.draft_id)
        except McdeskError:
            return
        if draft.status.editable:
            self._drafts.set_status(draft.id, DraftStatus.SUBMITTED)

    # -- polling --------------------------------------------------------------------------

    def _poll(self, client: IssuerClient, item: OutboxItem) -> ItemReport:
        try:
            status = client.status(item.submission_id)
        except LoginNeeded:
            raise
        except TransientError as exc:
            item = self._wait(item, str(exc), exc.retry_after)
            return _report(item, 0, str(exc))
        except (Rejected, Conflict) as exc:
            item = self._store.update(item.id, self.clock(), last_error=str(exc))
            return _report(item, 0, str(exc))
        stage = STAGE_OF_REMOTE[status.state]
        if status.state is RemoteState.OPEN:  # the server lost the finalize: push again
            stage = OutboxState.FINALIZING
        if status.state in (RemoteState.EARNED, RemoteState.NOT_YET):
            decision = (DraftStatus.EARNED if status.state is RemoteState.EARNED
                        else DraftStatus.NOT_YET)
            draft = self._drafts.get(item.draft_id)
            if draft.status is not decision or draft.received_feedback != status.feedback:
                self._drafts.record_decision(item.draft_id, decision, status.feedback)
            if self._feedback is not None:
                try:
                    self._feedback.record_received_comments(item.draft_id, status.comments)
                except McdeskError as exc:  # the decision stands; the comments come next time
                    log.warning("The comments on %s could not be kept: %s", item.bag_name, exc)
        elif status.state in (RemoteState.RECEIVED, RemoteState.IN_REVIEW):
            self._mark_submitted(item)
        item = self._store.update(item.id, self.clock(), state=stage, stage=stage,
                                  remote_state=str(status.state), decided_at=status.decided_at,
                                  credential_id=status.credential_id, attempts=0,
                                  next_attempt_at=None, last_error="")
        return _report(item, 0)

    # -- pulling --------------------------------------------------------------------------

    def _pull_catalog(self, client: IssuerClient, server: str) -> str:
        pulled = client.catalog(self._store.catalog_etag(server))
        if pulled.unchanged or pulled.text is None:
            return "unchanged"
        result = self._catalog.import_text(pulled.text, f"the catalog of {server}",
                                           server=server)
        self._store.set_catalog_etag(server, pulled.etag)
        return f"imported {len(result.items)}"

    def _pull_credentials(self, client: IssuerClient, server: str) -> int:
        """Every earned credential into the credential store as it came (JSON, or a compact
        JWS), verified on arrival, once each (by its bytes)."""
        from mcdesk.core.credentials import CredentialOrigin

        if self._badges is None:
            return 0
        new = 0
        for page in client.credentials_pages():
            entries: list[tuple[str, bytes]] = []
            for credential in page.credentials:
                data = json.dumps(credential, ensure_ascii=False, sort_keys=True,
                                  indent=2).encode() + b"\n"
                entries.append(("credential.json", data))
            for jws in page.compact_jws:
                entries.append(("credential.jws", jws.strip().encode("ascii", "replace")))
            for name, data in entries:
                try:
                    result = self._badges.receive(data, name, CredentialOrigin.SYNC, server)
                except StorageFullError:
                    raise
                except McdeskError as exc:  # a server bug: say so, keep the rest
                    log.warning("A credential from %s cannot be read: %s", server, exc)
                    continue
                new += int(result.new)
        return new


# ----------------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class _ReviewCounts:
    """What a pass did with an assessor's reviews on one server."""

    sent: int = 0
    new: int = 0
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def fields(self) -> dict[str, Any]:
        return {"reviews_sent": self.sent, "assignments_new": self.new,
                "review_problems": self.problems, "review_notes": self.notes}


def _staff_fields(pulled: StaffPull) -> dict[str, Any]:
    """What a pass did as issuer staff on one server, as ServerReport names it."""
    return {"decisions_sent": pulled.decisions_sent, "waiting_pulled": pulled.waiting,
            "calibration_added": pulled.calibration_added,
            "calibration_removed": pulled.calibration_removed}


def _opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: open(path, "rb")


def _default_client(profile: ServerProfile, token: str | None) -> IssuerClient:
    from mcdesk.sync.client import IssuerClient

    return IssuerClient(profile.url, token, server=profile.name)


def _stage_of(state: str) -> OutboxState:
    try:
        remote = RemoteState(state)
    except ValueError:
        return OutboxState.SUBMITTED
    if remote is RemoteState.OPEN:
        return OutboxState.SUBMITTED
    return STAGE_OF_REMOTE[remote]


def _report(item: OutboxItem, this_pass: int, error: str = "") -> ItemReport:
    return ItemReport(
        submission_id=item.submission_id, draft_id=item.draft_id, mc_name=item.mc_name,
        attempt=item.attempt, server=item.server, state=item.state,
        bytes_total=item.bytes_total, bytes_sent=item.bytes_sent,
        bytes_this_pass=max(0, this_pass), error=error,
        next_attempt_at=item.next_attempt_at)


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
