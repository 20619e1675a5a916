"""The Coaching place's operations (the only code there that starts background work): drafts
received for coaching, a coach's comments and practice scores (each one write), importing and
exporting exchange bundles; built on the GUI thread, run on the lane their kind gives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.evidence import EvidenceKind
from mcdesk.core.progress import JobControl
from mcdesk.core.reviews import AnswerTarget
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.catalog import RubricCriterion
    from mcdesk.core.coaching import CoachComment, CoachedDraft, PracticeScore
    from mcdesk.core.reviews import Anchor
    from mcdesk.services.exchange import ExportReport, ImportReport
    from mcdesk.services.workspace import Workspace



translate = QCoreApplication.translate


@dataclass(frozen=True)
class Piece:
    """One thing of the draft to comment on: an attached evidence or a written answer."""

    target: str
    title: str
    kind: EvidenceKind
    path: Path | None
    text: str | None
    criterion_id: str
    caption: str = ""


@dataclass(frozen=True)
class DraftView:
    draft: CoachedDraft
    rubric: tuple[RubricCriterion, ...]
    pieces: tuple[Piece, ...]
    comments: tuple[CoachComment, ...]
    scores: tuple[PracticeScore, ...]


def load_list(workspace: Workspace) -> Op[list[CoachedDraft]]:
    return Op.read(translate("coaching", "Loading drafts to coach"),
                   lambda _c: workspace.coaching.coached_drafts())


def load_draft(workspace: Workspace, draft_id: str) -> Op[DraftView]:
    def work(_c: object) -> DraftView:
        from mcdesk.core.errors import McdeskError

        coaching = workspace.coaching
        draft = coaching.coached_draft(draft_id)
        try:
            mc = coaching.micro_credential_of(draft.achievement_id, draft.mc_version)
            rubric, prompts = mc.rubric, {c.id: c.prompt for p in mc.submission_parts
                                          for c in p.criteria}
        except McdeskError:
            rubric, prompts = (), {}
        pieces = []
        for item in sorted(draft.items, key=lambda i: (i.criterion_id, i.position)):
            try:
                evidence = workspace.evidence.get(item.evidence_id)
            except McdeskError:
                continue
            is_text = evidence.kind is EvidenceKind.TEXT
            text = workspace.evidence.text_of(evidence) if is_text else None
            pieces.append(Piece(evidence.id, evidence.title, evidence.kind,
                                workspace.evidence.file_path(evidence), text,
                                item.criterion_id, item.caption))
        for criterion_id, answer in draft.answers:
            title = prompts.get(criterion_id, criterion_id)
            pieces.append(Piece(str(AnswerTarget(criterion_id)), title, EvidenceKind.TEXT,
                                None, answer, criterion_id))
        return DraftView(draft, tuple(rubric), tuple(pieces),
                         tuple(coaching.comments(draft.id)), tuple(coaching.scores(draft.id)))

    return Op.read(translate("coaching", "Opening the draft"), work)


def comment(workspace: Workspace, draft_id: str, anchor: Anchor, text: str,
            criterion: str | None, *, comment_id: str | None = None,
            caption: str | None = None, caption_for: str | None = None) -> Op[CoachComment]:
    return Op.write(translate("coaching",
                              "Saving the comment"), lambda _c: workspace.coaching.comment(
        draft_id, anchor, text, rubric_criterion_id=criterion, comment_id=comment_id,
        suggested_caption=caption, suggested_criterion_id=caption_for),
        [Change.COACHING], ids=[draft_id])


def delete_comment(workspace: Workspace, draft_id: str, comment_id: str) -> Op[None]:
    return Op.write(translate("coaching", "Deleting the comment"),
                    lambda _c: workspace.coaching.delete_comment(comment_id),
                    [Change.COACHING], ids=[draft_id])


def score(workspace: Workspace, draft_id: str, criterion: str,
          level: str | None) -> Op[PracticeScore]:
    return Op.write(translate("coaching", "Saving the practice score"),
                    lambda _c: workspace.coaching.score(draft_id, criterion, level),
                    [Change.COACHING], ids=[draft_id])


def export_bundle(workspace: Workspace, dest: Path, *, draft_id: str | None = None,
                  evidence_ids: tuple[str, ...] = (),
                  observation_ids: tuple[str, ...] = ()) -> Op[ExportReport]:
    def work(control: JobControl) -> ExportReport:
        return workspace.exchange.export(dest, draft_id=draft_id, evidence_ids=evidence_ids,
                                         observation_ids=observation_ids, control=control)

    return Op.read(translate("coaching", "Writing the exchange bundle"), work, cancellable=True)


def import_bundle(workspace: Workspace, path: Path) -> Op[ImportReport]:
    def work(control: JobControl) -> ImportReport:
        return workspace.exchange.import_bundle(path, control)

    return Op.write(translate("coaching", "Importing the exchange bundle"), work,
                    [Change.EVIDENCE, Change.OBSERVATIONS, Change.COACHING], cancellable=True)
