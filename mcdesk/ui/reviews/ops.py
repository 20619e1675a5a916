"""The Reviews place's operations: the queue, opening packages and the sample, scoring,
comments and the decision, finishing, exporting, time spent; built on the GUI thread, run on
the lane their kind gives them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.reviews import Anchor, Annotation, Review, ReviewSummary
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.progress import JobControl
    from mcdesk.services.reviews import ReviewService, ReviewWork
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.annotation.comment_editor import CommentFields



translate = QCoreApplication.translate


# -- reading ----------------------------------------------------------------------------

def queue(workspace: Workspace) -> Op[list[ReviewSummary]]:
    return Op.read(translate("reviews",
                             "Loading reviews"), lambda _c: workspace.reviews.summaries())


def first_of_queue(workspace: Workspace, count: int) -> Op[list[ReviewSummary]]:
    """The queue's first `count` reviews: what the list paints first."""
    return Op.read(translate("reviews", "Loading reviews"),
                   lambda _c: workspace.reviews.summaries(count))


def open_review(workspace: Workspace, review_id: str) -> Op[tuple[ReviewWork, dict[str, str]]]:
    """The review with the words of its text evidence."""

    def work(_c: JobControl) -> tuple[ReviewWork, dict[str, str]]:
        reviews = workspace.reviews
        loaded = reviews.work(review_id)
        return loaded, reviews.evidence_texts(loaded)

    return Op.read(translate("reviews", "Opening a review"), work)


# -- packages and files -----------------------------------------------------------------

def open_package(workspace: Workspace, path: Path) -> Op[Review]:
    """Extract a package into the portfolio and record a review of it."""
    return Op.write(translate("reviews", "Opening %1").replace("%1", path.name),
                    lambda control: workspace.reviews.open_package(path, control),
                    [Change.REVIEWS, Change.RECEIVED], cancellable=True)


def open_sample(workspace: Workspace) -> Op[Review]:
    def work(control: JobControl) -> Review:
        from mcdesk.services.demo_review import open_sample_review

        return open_sample_review(workspace, control)

    return Op.write(translate("reviews", "Making a sample submission"), work,
                    [Change.REVIEWS, Change.RECEIVED], cancellable=True)


def export(workspace: Workspace, review_id: str, dest: Path) -> Op[Path]:
    return Op.write(translate("reviews", "Exporting the review"),
                    lambda control: workspace.review_files.export(review_id, dest, control),
                    [Change.REVIEWS], ids=[review_id], cancellable=True)


# -- editing a review -------------------------------------------------------------------

def _edit(workspace: Workspace, review_id: str, title: str,
          change: Callable[[ReviewService], object],
          also: Iterable[Change] = ()) -> Op[Review]:
    """One change to a review, answered with the review as stored."""

    def work(_c: JobControl) -> Review:
        service = workspace.reviews
        change(service)
        return service.get(review_id)

    return Op.write(title, work, [Change.REVIEWS, *also], ids=[review_id])


def set_level(workspace: Workspace, review_id: str, criterion_id: str,
              level: str | None) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews", "Saving a score"),
                 lambda s: s.set_level(review_id, criterion_id, level))


def set_feedback(workspace: Workspace, review_id: str, criterion_id: str,
                 text: str) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews", "Saving feedback"),
                 lambda s: s.set_feedback(review_id, criterion_id, text))


def set_override(workspace: Workspace, review_id: str, decision: str | None,
                 reason: str) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews", "Saving the decision"),
                 lambda s: s.set_override(review_id, decision, reason))


def add_comment(workspace: Workspace, review_id: str, fields: CommentFields) -> Op[Review]:
    anchor: Anchor = fields.anchor
    return _edit(workspace, review_id, translate("reviews",
                                                 "Saving a comment"), lambda s: s.add_comment(
        review_id, anchor, fields.text, kind=fields.kind,
        rubric_criterion_id=fields.rubric_criterion_id, audience=fields.audience))


def update_comment(workspace: Workspace, review_id: str, comment: Annotation) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews", "Saving a comment"),
                 lambda s: s.update_comment(review_id, comment))


def delete_comment(workspace: Workspace, review_id: str, comment_id: str) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews", "Deleting a comment"),
                 lambda s: s.delete_comment(review_id, comment_id))


def set_blind(workspace: Workspace, review_id: str, blind: bool) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews",
                                                 "Saving"), lambda s: s.set_blind(review_id, blind))


def finish(workspace: Workspace, review_id: str) -> Op[Review]:
    """A finished review waits in the outbox for its server."""
    return _edit(workspace, review_id, translate("reviews", "Finishing the review"),
                 lambda s: s.finish(review_id), also=[Change.OUTBOX])


def reopen(workspace: Workspace, review_id: str) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews", "Reopening the review"),
                 lambda s: s.reopen(review_id), also=[Change.OUTBOX])


def resend(workspace: Workspace, review_id: str) -> Op[Review]:
    return _edit(workspace, review_id, translate("reviews", "Queueing the review"),
                 lambda _s: workspace.review_outbox.resend_over_conflict(review_id),
                 also=[Change.OUTBOX])


def add_time(workspace: Workspace, review_id: str, seconds: int) -> Op[Review]:
    return Op.write(translate("reviews", "Saving time spent"),
                    lambda _c: workspace.reviews.add_time(review_id, seconds),
                    [Change.REVIEWS], ids=[review_id])
