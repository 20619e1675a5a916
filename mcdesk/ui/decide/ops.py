"""The Decide place's operations (read what waits, read one submission's reviews side by side,
queue a decision): the only code in this place that starts background work; built on the GUI
thread, run on the lane their kind gives them."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.errors import McdeskError
from mcdesk.core.reviews import Annotation
from mcdesk.core.staff import (
    CriterionFeedbackDraft,
    QueuedDecision,
    SideBySide,
    WaitingSubmission,
)
from mcdesk.jobs.ops import Op
from mcdesk.ui.annotation.panel import AnnotatedPiece

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace



translate = QCoreApplication.translate


@dataclass(frozen=True)
class Detail:
    waiting: WaitingSubmission
    view: SideBySide


def load(workspace: Workspace) -> Op[list[WaitingSubmission]]:
    return Op.read(translate("decide", "Reading the submissions waiting"),
                   lambda _c: workspace.staff.waiting())


def load_detail(workspace: Workspace, waiting: WaitingSubmission) -> Op[Detail]:
    return Op.read(translate("decide", "Reading the reviews"), lambda _c: Detail(
        waiting, workspace.staff.side_by_side(waiting.server, waiting.submission_id)))


@dataclass(frozen=True)
class EvidenceAt:
    piece: AnnotatedPiece
    comments: list[Annotation]
    comment_id: str


def evidence_at(workspace: Workspace, waiting: WaitingSubmission,
                comment_id: str) -> Op[EvidenceAt]:
    """The piece a comment points to, from the package the last sync fetched."""
    def work(_c: object) -> EvidenceAt:
        staff = workspace.staff
        comments = staff.comments(waiting.server, waiting.submission_id)
        comment = next((c for c in comments if c.id == comment_id), None)
        if comment is None:
            raise McdeskError(translate("decide", "This comment points to no piece of evidence."))
        package = staff.package(waiting.submission_id)
        if package is None and not waiting.ready:
            raise McdeskError(translate(
                "decide", "The submission's files come to this computer with the first sync "
                "after every review is in."))
        if package is None:
            raise McdeskError(translate("decide",
                                        "The submission's files are not on this computer yet: "
                                        "sync, then try again."))
        for criterion in package.criteria:
            for evidence in criterion.evidence:
                if evidence.id == comment.anchor.target:
                    path_in_package = None
                    if evidence.file is not None:
                        with contextlib.suppress(ValueError):
                            path_in_package = evidence.file.relative_to(
                                package.folder).as_posix()
                    piece = AnnotatedPiece(target=evidence.id, title=evidence.name,
                                           kind=evidence.kind, path=evidence.file,
                                           path_in_package=path_in_package, url=evidence.url)
                    return EvidenceAt(piece, comments, comment_id)
        raise McdeskError(translate("decide",
                                    "The piece this comment points to is not in the submission."))

    return Op.read(translate("decide", "Opening the evidence"), work)


def queue(workspace: Workspace, waiting: WaitingSubmission, state: str,
          feedback: list[CriterionFeedbackDraft], reason: str | None, *,
          calibrate: bool = False) -> Op[QueuedDecision]:
    return Op.write(translate("decide", "Queueing the decision"),
                    lambda _c: workspace.staff.queue_decision(
                        waiting.server, waiting.submission_id, state, feedback, reason,
                        calibrate=calibrate),
                    [Change.DECISIONS], ids=[waiting.submission_id])
