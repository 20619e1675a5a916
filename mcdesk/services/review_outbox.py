"""A review's life on a server: the assignments the issuer gave this assessor, their
downloads, and the finished reviews waiting to be sent (sent, in conflict, closed); worker
thread (the sync lane, inside a sync pass, or the writer lane for the user's choices)."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mcdesk.core.calibration import CalibrationItem, CalibrationResult
from mcdesk.core.catalog import id_tail
from mcdesk.core.errors import McdeskError
from mcdesk.core.packages import ReceivedPackage
from mcdesk.core.reviews import Review, ReviewSource, ReviewState, sorted_for_timeline
from mcdesk.core.sync import Assignment, ReviewPush, ReviewScore
from mcdesk.services.packages import DOWNLOADS_DIR, RECEIVED_DIR, submission_uuid
from mcdesk.services.reviews import ReviewService
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.review_store import NewReview, ReviewStore


class ReviewOutbox:
    """The server side of an assessor's reviews. Thread-safe like ReviewService."""

    def __init__(self, portfolio: Portfolio, reviews: ReviewService, *,
                 clock: Callable[[], datetime] | None = None) -> None:
        self._portfolio = portfolio
        self._reviews = reviews
        self._store = ReviewStore(portfolio.database, portfolio.layout.root)
        self._clock = clock or (lambda: datetime.now(UTC))

    def get(self, review_id: str) -> Review:
        return self._store.get(review_id)

    def resolve(self, reference: str) -> Review:
        return self._reviews.resolve(reference)

    # -- used by sync ----------------------------------------------------------------------

    def to_push(self, review_id: str) -> ReviewPush:
        """The review as the issuer protocol carries it (all its comments)."""
        review = self._store.get(review_id)
        rubric = self._reviews.rubric(review)
        decision = self._reviews.check_complete(review, rubric)
        scores = tuple(ReviewScore(c.id, level, review.score(c.id).feedback.strip())
                       for c in rubric
                       if (level := review.score(c.id).level_id) is not None)
        reason = review.override_reason.strip() if review.override_decision else ""
        return ReviewPush(review_id=review.id, scores=scores, decision=decision,
                          comments=tuple(c.wire() for c in sorted_for_timeline(review.comments)),
                          override_reason=reason or None)

    def pending_pushes(self, server: str) -> builtins.list[Review]:
        """Finished reviews of `server` waiting to be sent, the first finished first."""
        return self._store.in_state(ReviewState.QUEUED, server)

    def mark_sent(self, review_id: str, etag: str | None) -> Review:
        """The server holds the review: locked for good. (A review reopened while it was on
        its way keeps its edits, and the server's etag for sending them.)"""
        now = self._clock()
        review = self._store.get(review_id)
        if review.state is ReviewState.QUEUED:
            try:
                return self._store.transition(review_id, now, allowed={ReviewState.QUEUED},
                                              state=ReviewState.SENT, sent_at=now, etag=etag,
                                              error="")
            except McdeskError:
                review = self._store.get(review_id)
        if review.state in (ReviewState.IN_PROGRESS, ReviewState.CONFLICT):
            return self._store.transition(review_id, now, allowed={
                ReviewState.IN_PROGRESS, ReviewState.CONFLICT}, sent_at=now, etag=etag)
        return review

    def mark_conflict(self, review_id: str, message: str,
                      server_copy: Mapping[str, Any] | None, etag: str | None) -> Review:
        """The server holds another version: kept aside, shown, never overwritten."""
        return self._store.transition(
            review_id, self._clock(), allowed={ReviewState.QUEUED, ReviewState.IN_PROGRESS,
                                               ReviewState.CONFLICT},
            state=ReviewState.CONFLICT, error=message,
            server_copy_json=dict(server_copy) if server_copy is not None else None, etag=etag)

    def mark_closed(self, review_id: str, message: str) -> Review:
        """The submission was decided before this review reached the server."""
        return self._store.transition(
            review_id, self._clock(), allowed={ReviewState.QUEUED, ReviewState.IN_PROGRESS,
                                               ReviewState.CONFLICT, ReviewState.CLOSED},
            state=ReviewState.CLOSED, error=message)

    def mark_send_error(self, review_id: str, message: str) -> Review:
        """Sending failed for now: the review stays queued, the problem shown."""
        return self._store.transition(review_id, self._clock(), error=message)

    def resend_over_conflict(self, review_id: str) -> Review:
        """The user chose to send their version anyway: queued again, with the server's etag
        so the next push replaces exactly the version they saw."""
        def check(review: Review) -> None:
            if review.state is not ReviewState.CONFLICT:
                raise McdeskError(f"this review is {review.state}, not in conflict")
            self._reviews.check_complete(review)

        return self._reviews.change_state(review_id, check, allowed={ReviewState.CONFLICT},
                            state=ReviewState.QUEUED, finished_at=self._clock(), error="")

    def known_assignment_ids(self, server: str) -> set[str]:
        return self._store.known_assignment_ids(server)

    def add_assignment(self, server: str, assignment: Assignment) -> Review:
        """The queue line of an assignment, before its bag arrives (the same line when the
        assignment is known already)."""
        return self._store.add_assignment(NewReview(
            submission_id=assignment.submission_id.removeprefix("urn:uuid:"),
            mc_id=assignment.achievement_id, mc_version=assignment.version,
            mc_name=self._mc_name(assignment.achievement_id, assignment.version),
            attempt=assignment.attempt, source=ReviewSource.ASSIGNMENT, server=server,
            assignment_id=assignment.assignment_id, due_at=assignment.due_at), self._clock())

    def add_calibration(self, server: str, item: CalibrationItem) -> Review:
        """The queue line of a calibration item, before its bag arrives (the same line when
        it is known already: listed again at every sync, it is not named again)."""
        known = self._store.by_assignment(item.assignment_id, server)
        if known:
            return known[0]
        return self._store.add_assignment(NewReview(
            submission_id=item.submission_id.removeprefix("urn:uuid:"),
            mc_id=item.achievement_id, mc_version=item.version,
            mc_name=self._mc_name(item.achievement_id, item.version), attempt=1,
            source=ReviewSource.CALIBRATION, server=server,
            assignment_id=item.assignment_id, due_at=None), self._clock())

    def mark_calibrated(self, review_id: str, result: CalibrationResult) -> Review:
        """The server compared the levels with the reference: locked, with its answer (a
        review reopened while on its way keeps its edits, and the answer)."""
        now = self._clock()
        review = self._store.get(review_id)
        if review.state is ReviewState.QUEUED:
            return self._store.transition(review_id, now, allowed={ReviewState.QUEUED},
                                          state=ReviewState.SENT, sent_at=now, error="",
                                          calibration_json=result.wire())
        return self.keep_calibration(review_id, result)

    def keep_calibration(self, review_id: str, result: CalibrationResult) -> Review:
        """The server's newer answer for an item scored before (the standing moves as the
        set's other items are scored)."""
        return self._store.transition(review_id, self._clock(),
                                      calibration_json=result.wire())

    def _mc_name(self, achievement_id: str, version: str) -> str:
        name = id_tail(achievement_id)
        try:
            stored = self._portfolio.catalog.definition(achievement_id, version)
            from mcdesk.credentials.achievement import parse_achievement_text

            name = parse_achievement_text(stored.source_json).name
        except McdeskError:
            pass
        return name

    def attach_download(self, review_id: str, package: ReceivedPackage) -> Review:
        """The assignment's bag arrived and was opened into `package.folder`."""
        review = self._store.get(review_id)
        if submission_uuid(package.submission_id) != submission_uuid(review.submission_id):
            raise McdeskError(f"the downloaded package is submission {package.submission_id}, "
                              f"not the assigned {review.submission_id}",
                              path=package.folder)
        return self._store.transition(review_id, self._clock(), package_folder=package.folder,
                                      mc_name=package.mc_name)

    def downloads_dir(self) -> Path:
        """Where bags being downloaded are kept (their .part files survive a restart)."""
        folder = self._portfolio.layout.root / RECEIVED_DIR / DOWNLOADS_DIR
        folder.mkdir(parents=True, exist_ok=True)
        return folder
