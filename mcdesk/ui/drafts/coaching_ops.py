"""The operations of the teacher's Coaching dialog (reading a coach's feedback on a draft,
accepting a suggestion); built on the GUI thread, run on the lane their kind gives. Kept apart
from the drafts place's other operations so the two can merge into its ops module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.evidence import EvidenceKind
from mcdesk.core.reviews import AnswerTarget
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.catalog import RubricCriterion
    from mcdesk.core.coaching import CoachComment, PracticeScore
    from mcdesk.core.reviews import Annotation
    from mcdesk.services.workspace import Workspace



translate = QCoreApplication.translate


@dataclass(frozen=True)
class CoachedPiece:
    target: str
    title: str
    kind: EvidenceKind
    path: Path | None
    text: str | None


@dataclass(frozen=True)
class CoachingView:
    rubric: tuple[RubricCriterion, ...]
    self_assessment: dict[str, str]
    comments: tuple[CoachComment, ...]
    scores: tuple[PracticeScore, ...]
    pieces: dict[str, CoachedPiece]
    notes: tuple[Annotation, ...] = ()
    """A coach's observation notes lined up on a video of this draft (read-only)."""


def load(workspace: Workspace, draft_id: str) -> Op[CoachingView]:
    def work(_c: object) -> CoachingView:
        from mcdesk.core.errors import McdeskError

        draft = workspace.drafts.get(draft_id)
        try:
            mc = workspace.drafts.micro_credential(draft)
            rubric = mc.rubric
            prompts = {c.id: c.prompt for p in mc.submission_parts for c in p.criteria}
        except McdeskError:
            rubric, prompts = (), {}
        comments = tuple(workspace.coaching.comments(draft_id))
        pieces: dict[str, CoachedPiece] = {}
        for comment in comments:
            target = comment.anchor.target
            if target in pieces:
                continue
            answer = AnswerTarget.parse(target)
            if answer is not None:
                criterion = answer.criterion_id
                pieces[target] = CoachedPiece(target, prompts.get(criterion, criterion),
                                              EvidenceKind.TEXT, None, draft.answer(criterion))
                continue
            try:
                evidence = workspace.evidence.get(target)
            except McdeskError:
                continue
            text = evidence.body if evidence.kind is EvidenceKind.TEXT else None
            pieces[target] = CoachedPiece(target, evidence.title, evidence.kind,
                                          workspace.evidence.file_path(evidence), text)
        attached = {a.evidence_id for a in draft.attachments}
        notes = []
        for observation in workspace.observations.list():
            if observation.video_evidence_id not in attached:
                continue
            notes += workspace.observations.video_comments(observation)
            video_id = observation.video_evidence_id
            if video_id is not None and video_id not in pieces:
                video = workspace.evidence.get(video_id)
                pieces[video_id] = CoachedPiece(video_id, video.title, video.kind,
                                                workspace.evidence.file_path(video), None)
        return CoachingView(tuple(rubric), dict(draft.self_assessment), comments,
                            tuple(workspace.coaching.scores(draft_id)), pieces, tuple(notes))

    return Op.read(translate("drafts", "Reading your coach's feedback"), work)


def accept(workspace: Workspace, comment_id: str) -> Op[CoachComment]:
    return Op.write(translate("drafts", "Taking the suggestion"),
                    lambda _c: workspace.coaching.accept(comment_id),
                    [Change.DRAFTS, Change.EVIDENCE, Change.COACHING], cancellable=True)
