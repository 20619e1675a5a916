"""The Decide place's operations (read what waits, read one submission's reviews side by side,
queue a decision): the only code in this place that starts background work; built on the GUI
thread, run on the lane their kind gives them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.staff import (
    CriterionFeedbackDraft,
    QueuedDecision,
    SideBySide,
    WaitingSubmission,
)
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


def _tr(text: str) -> str:
    return QCoreApplication.translate("decide", text)


@dataclass(frozen=True)
class Detail:
    waiting: WaitingSubmission
    view: SideBySide


def load(workspace: Workspace) -> Op[list[WaitingSubmission]]:
    return Op.read(_tr("Reading the submissions waiting"),
                   lambda _c: workspace.staff.waiting())


def load_detail(workspace: Workspace, waiting: WaitingSubmission) -> Op[Detail]:
    return Op.read(_tr("Reading the reviews"), lambda _c: Detail(
        waiting, workspace.staff.side_by_side(waiting.server, waiting.submission_id)))


def queue(workspace: Workspace, waiting: WaitingSubmission, state: str,
          feedback: list[CriterionFeedbackDraft], reason: str | None) -> Op[QueuedDecision]:
    return Op.write(_tr("Queueing the decision"),
                    lambda _c: workspace.staff.queue_decision(
                        waiting.server, waiting.submission_id, state, feedback, reason),
                    [Change.DECISIONS], ids=[waiting.submission_id])
