"""Reviews over the wire for an assessor: pull the server's assignments into the review queue and
download their submissions (a broken download resumes from its .part file), then push the
finished reviews (a conflict is recorded, never overwritten; a submission decided meanwhile
closes the review); worker thread (the sync lane, inside a sync pass)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.calibration import CALIBRATION_PREFIX
from mcdesk.core.errors import McdeskError
from mcdesk.core.progress import NULL_CONTROL, JobControl, ScaledControl
from mcdesk.core.reviews import Review, ReviewSource, ReviewState
from mcdesk.core.sync import (
    Assignment,
    Conflict,
    LoginNeeded,
    Rejected,
    ReviewClosed,
    TransientError,
)
from mcdesk.core.units import human_size
from mcdesk.services.packages import PackageService
from mcdesk.storage.filestore import sha256_of

if TYPE_CHECKING:
    from mcdesk.services.review_outbox import ReviewOutbox
    from mcdesk.sync.client import IssuerClient

log = logging.getLogger(__name__)

# Answers to the calibration listing that mean there is none to do there.
NO_CALIBRATION = frozenset({403, 404, 405})
# What the sync report says when the account is no assessor on that server.
NOT_AN_ASSESSOR = ("{server} gives this account no reviews to do (it is not an assessor "
                   "there); nothing to download")


class ReviewSync:
    """Moves one portfolio's reviews to and from one server at a time."""

    def __init__(self, reviews: ReviewOutbox, packages: PackageService) -> None:
        self._reviews = reviews
        self._packages = packages

    # -- assignments ----------------------------------------------------------------------

    def pull_assignments(self, client: IssuerClient, server: str,
                         control: JobControl = NULL_CONTROL) -> list[str]:
        """Put each new assignment of `server` in the review queue, then download and open
        every submission whose package is still missing. One failure never stops the others;
        returns what the report should say (problems and notes), empty when all went well.
        LoginNeeded and Cancelled propagate."""
        try:
            assignments = client.assignments()
        except Rejected as exc:
            if exc.status == 403:
                return [NOT_AN_ASSESSOR.format(server=server)]
            return [f"listing the reviews to do: {exc}"]
        except (TransientError, Conflict) as exc:
            return [f"listing the reviews to do: {exc}"]
        messages: list[str] = []
        known = self._reviews.known_assignment_ids(server)
        waiting: list[tuple[Assignment, Review]] = []
        for assignment in assignments:
            control.check_cancelled()
            try:
                if assignment.assignment_id in known:
                    review = self._reviews.resolve(assignment.assignment_id)
                else:
                    review = self._reviews.add_assignment(server, assignment)
            except McdeskError as exc:
                messages.append(f"assignment {_short(assignment.assignment_id)}: {exc}")
                continue
            if review.package_folder is None and review.state is not ReviewState.CLOSED \
                    and review.source is ReviewSource.ASSIGNMENT:
                waiting.append((assignment, review))
        waiting += self._pull_calibration(client, control, server, messages)
        total = sum(a.bag_size or 0 for a, _ in waiting) or None
        offset = 0
        for assignment, review in waiting:
            control.check_cancelled()
            size = assignment.bag_size or 0
            scaled = ScaledControl(control, offset, total or size,
                                   f"downloading {review.mc_name} (attempt {review.attempt})")
            try:
                self._download(client, assignment, review, scaled)
            except LoginNeeded:
                raise
            except TransientError as exc:
                messages.append(f"{_name(review)}: {exc}; the download resumes at the next "
                                "sync")
            except McdeskError as exc:
                messages.append(f"{_name(review)}: {exc}")
            offset += size
        return messages

    def _pull_calibration(self, client: IssuerClient, control: JobControl, server: str,
                          messages: list[str]) -> list[tuple[Assignment, Review]]:
        """Put each calibration item of `server` in the review queue (the server's newest
        answer kept with those scored); those whose package is still missing, as
        assignments to download."""
        try:
            items = client.calibration_items()
        except Rejected as exc:
            # 403: no assessor there (the assignments said so); 404, 405: an issuer that
            # keeps no calibration sets.
            if exc.status not in NO_CALIBRATION:
                messages.append(f"listing the calibration items: {exc}")
            return []
        except LoginNeeded:
            raise
        except McdeskError as exc:  # unreachable for now, or an answer that is no list
            messages.append(f"listing the calibration items: {exc}")
            return []
        waiting = []
        for item in items:
            control.check_cancelled()
            try:
                review = self._reviews.add_calibration(server, item)
                if item.result is not None and review.state is ReviewState.SENT \
                        and review.calibration != item.result:
                    review = self._reviews.keep_calibration(review.id, item.result)
            except McdeskError as exc:
                messages.append(f"calibration item {_short(item.submission_id)}: {exc}")
                continue
            if review.package_folder is None:
                waiting.append((Assignment(
                    assignment_id=item.assignment_id, submission_id=item.submission_id,
                    achievement_id=item.achievement_id, version=item.version, attempt=1,
                    due_at=None, bag_size=item.bag_size, bag_sha256=item.bag_sha256), review))
        return waiting

    def _download(self, client: IssuerClient, assignment: Assignment, review: Review,
                  control: JobControl) -> None:
        folder = self._reviews.downloads_dir()
        folder.mkdir(parents=True, exist_ok=True)
        calibration = assignment.assignment_id.startswith(CALIBRATION_PREFIX)
        # A file name without the prefix's colon (not allowed on every file system).
        dest = folder / f"{assignment.assignment_id.replace(':', '-')}.zip"
        if calibration and not dest.exists():
            client.download_calibration_bag(assignment.submission_id, dest, control)
        elif not dest.exists():  # a whole download from an earlier pass is opened as it is
            client.download_bag(assignment.assignment_id, dest, control)
        self._check_download(dest, assignment)
        package = self._packages.open_received(dest, _CancelOnly(control))
        if package.submission_id != assignment.submission_id:
            raise McdeskError(f"the package downloaded for {_name(review)} is of another "
                              f"submission ({package.submission_id}); it was not used",
                              path=dest)
        self._reviews.attach_download(review.id, package)
        dest.unlink(missing_ok=True)  # extracted and verified: the zip is no longer needed

    @staticmethod
    def _check_download(dest: Path, assignment: Assignment) -> None:
        """The downloaded file must be the one the assignment announced; otherwise it is
        deleted (the next sync downloads it again)."""
        problems = []
        size = dest.stat().st_size
        if assignment.bag_size is not None and size != assignment.bag_size:
            problems.append(f"it has {human_size(size)} ({size} bytes) where the server "
                            f"announced {assignment.bag_size} bytes")
        elif assignment.bag_sha256 is not None:
            digest = sha256_of(dest)
            if digest != assignment.bag_sha256.lower():
                problems.append(f"its sha256 is {digest}, not the {assignment.bag_sha256} "
                                "the server announced")
        if problems:
            dest.unlink(missing_ok=True)
            raise McdeskError("the downloaded submission is damaged: " + "; ".join(problems)
                              + "; it was deleted and is downloaded again at the next sync",
                              path=dest)

    # -- pushing --------------------------------------------------------------------------

    def push_reviews(self, client: IssuerClient, server: str,
                     control: JobControl = NULL_CONTROL) -> list[str]:
        """Send every finished review queued for `server`. Another version on the server is
        recorded as a conflict with the server's copy (nothing is overwritten); a submission
        decided meanwhile closes the review; a failure for now keeps it queued. Returns what
        the report should say. LoginNeeded and Cancelled propagate."""
        messages: list[str] = []
        pending = self._reviews.pending_pushes(server)
        for number, review in enumerate(pending):
            control.check_cancelled()
            control.progress(number, len(pending), f"sending the review of {review.mc_name}")
            name = _name(review)
            if review.assignment_id is None:
                continue
            if review.source is ReviewSource.CALIBRATION:  # push_calibration sends those
                continue
            try:
                push = self._reviews.to_push(review.id)
                receipt = client.push_review(review.assignment_id, push, etag=review.etag)
            except LoginNeeded:
                raise
            except ReviewClosed as exc:
                message = (f"{name} was not sent: the submission was decided before the "
                           "review reached the server, so the review is closed (it is kept "
                           "here)")
                log.info("%s (%s)", message, exc)
                self._reviews.mark_closed(review.id, message)
                messages.append(message)
                continue
            except Conflict as exc:
                messages.append(self._conflict(client, review, str(exc)))
                continue
            except McdeskError as exc:
                messages.append(self._not_sent(review, exc))
                continue
            self._reviews.mark_sent(review.id, receipt.etag)
        if pending:
            control.progress(len(pending), len(pending), "reviews sent")
        return messages

    def push_calibration(self, client: IssuerClient, server: str,
                         control: JobControl = NULL_CONTROL) -> tuple[list[str], list[str]]:
        """Send the levels of every calibration item finished for `server`; the server's
        answer (how they compared, where the assessor stands) is kept with each review.
        Returns (problems, notes: what each answer says). LoginNeeded and Cancelled
        propagate."""
        problems: list[str] = []
        notes: list[str] = []
        for review in self._reviews.pending_pushes(server):
            control.check_cancelled()
            if review.source is not ReviewSource.CALIBRATION:
                continue
            try:
                scores = self._reviews.to_push(review.id).scores
                result = client.push_calibration(review.submission_id, scores)
            except LoginNeeded:
                raise
            except McdeskError as exc:
                problems.append(self._not_sent(review, exc))
                continue
            self._reviews.mark_calibrated(review.id, result)
            standing = result.standing
            said = (f"calibration of {review.mc_name}: {result.agreed} of "
                    f"{len(result.comparison)} criteria at the reference level")
            if standing.released:
                notes.append(said + "; you are released to live reviews")
            else:
                notes.append(said + f"; {standing.scored} of {standing.items} items scored, "
                             "not released to live reviews yet")
        return problems, notes

    def _not_sent(self, review: Review, exc: McdeskError) -> str:
        """A review that could not go: it stays queued with the problem shown (a refusal
        as it is waits for the assessor to reopen it, anything else goes again at the next
        sync); what the report says."""
        if isinstance(exc, TransientError):
            self._reviews.mark_send_error(review.id, f"{exc}; it is sent again at the next "
                                                     "sync")
        else:
            self._reviews.mark_send_error(review.id, str(exc))
        return f"{_name(review)}: {exc}"

    def _conflict(self, client: IssuerClient, review: Review, why: str) -> str:
        """Record the conflict with the server's copy; if that copy cannot be fetched now, the
        review stays queued and the next sync tries again."""
        assert review.assignment_id is not None
        name = _name(review)
        try:
            server_copy, server_etag = client.get_review(review.assignment_id)
        except LoginNeeded:
            raise
        except McdeskError as exc:
            self._reviews.mark_send_error(review.id, f"{why}; the server's copy could not be "
                                                     f"fetched ({exc}); tried again at the "
                                                     "next sync")
            return f"{name}: {why}"
        message = (f"{name}: the server holds another version of this review (changed "
                   "elsewhere); neither was overwritten — compare them, then send yours "
                   "anyway or keep the server's")
        log.info("%s (%s)", message, why)
        self._reviews.mark_conflict(review.id, message, server_copy, server_etag)
        return message


class _CancelOnly:
    """Passes cancellation on but no progress (the step's units are not the parent's)."""

    def __init__(self, parent: JobControl) -> None:
        self._parent = parent

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        return None

    def check_cancelled(self) -> None:
        self._parent.check_cancelled()

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled


def _short(identifier: str) -> str:
    return identifier[:8]


def _name(review: Review) -> str:
    return f'the review of "{review.mc_name}" (attempt {review.attempt})'
