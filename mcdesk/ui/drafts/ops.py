"""The Drafts place's operations: loading drafts, saving what the teacher writes and attaches,
building packages, opening received packages and reviews; built on the GUI thread, run on the
lane their kind gives them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.drafts import Draft, DraftStatus, Readiness
from mcdesk.jobs.ops import Op
from mcdesk.ui.drafts.views import DraftView, ReceivedView, load_received, load_view

if TYPE_CHECKING:
    from mcdesk.core.catalog import CatalogEntry, SubmissionCriterion
    from mcdesk.core.drafts import Answer, AnswerVersion
    from mcdesk.core.packages import BuiltPackage, ReceivedPackage
    from mcdesk.core.progress import JobControl
    from mcdesk.services.review_files import ImportedReview
    from mcdesk.services.workspace import Workspace



translate = QCoreApplication.translate


# -- reading ----------------------------------------------------------------------------

def drafts_with_readiness(workspace: Workspace) -> Op[list[tuple[Draft, Readiness]]]:
    def work(_c: JobControl) -> list[tuple[Draft, Readiness]]:
        return workspace.drafts.check_all()

    return Op.read(translate("drafts", "Loading drafts"), work)


def draft_lines(workspace: Workspace,
                count: int) -> Op[list[tuple[str, str, int, DraftStatus]]]:
    """The first `count` drafts' names, attempts and states: the list's first screenful,
    before their checks."""
    return Op.read(translate("drafts", "Loading drafts"),
                   lambda _c: workspace.drafts.lines(count))


def open_draft(workspace: Workspace, draft_id: str) -> Op[DraftView]:
    return Op.read(translate("drafts",
                             "Opening a draft"), lambda _c: load_view(workspace, draft_id))


def check_draft(workspace: Workspace, draft_id: str) -> Op[Readiness]:
    return Op.read(translate("drafts",
                             "Checking the draft"), lambda _c: workspace.drafts.check(draft_id))


def draftable_micro_credentials(workspace: Workspace) -> Op[list[CatalogEntry]]:
    """The catalog's micro-credentials that ask for a submission."""

    def work(_c: JobControl) -> list[CatalogEntry]:
        return [e for e in workspace.catalog.entries(limit=100_000)
                if workspace.catalog.detail(e.achievement_id).micro_credential
                .submission_parts]

    return Op.read(translate("drafts", "Loading the catalog"), work)


def answer_versions(workspace: Workspace, draft_id: str, criterion_id: str) -> Op[
        tuple[SubmissionCriterion, list[AnswerVersion]]]:
    return Op.read(translate("drafts", "Loading earlier versions"), lambda _c: (
        workspace.drafts.criterion(draft_id, criterion_id),
        workspace.drafts.answer_versions(draft_id, criterion_id)))


def received_comments(workspace: Workspace, draft_id: str) -> Op[ReceivedView]:
    return Op.read(translate("drafts", "Reading the assessors' comments"),
                   lambda _c: load_received(workspace, draft_id))


# -- writing ----------------------------------------------------------------------------

def new_draft(workspace: Workspace, achievement_id: str) -> Op[Draft]:
    return Op.write(translate("drafts",
                              "Starting a draft"), lambda _c: workspace.drafts.new(achievement_id),
                    [Change.DRAFTS])


def start_resubmission(workspace: Workspace, draft_id: str) -> Op[Draft]:
    return Op.write(translate("drafts", "Starting the next attempt"),
                    lambda _c: workspace.drafts.start_resubmission(draft_id), [Change.DRAFTS],
                    ids=[draft_id])


def restore_version(workspace: Workspace, draft_id: str, version_id: int) -> Op[Answer]:
    return Op.write(translate("drafts", "Restoring a version"),
                    lambda _c: workspace.drafts.restore_version(draft_id, version_id),
                    [Change.DRAFTS], ids=[draft_id])


def write_answer(workspace: Workspace, draft_id: str, criterion_id: str,
                 text: str) -> Op[Answer]:
    # Not cancellable (no write here is): the teacher's words are owed to the disk even
    # while the window closes.
    return Op.write(translate("drafts", "Saving your answer"),
                    lambda _c: workspace.drafts.write_answer(draft_id, criterion_id, text),
                    [Change.DRAFTS], ids=[draft_id])


def attach(workspace: Workspace, draft_id: str, criterion_id: str,
           evidence_ids: Sequence[str]) -> Op[None]:
    """Attach pieces to a criterion; the notice names the pieces, whose "Used in" changed."""
    chosen = list(evidence_ids)

    def work(_c: JobControl) -> None:
        for evidence_id in chosen:
            workspace.drafts.attach(draft_id, criterion_id, evidence_id)

    return Op.write(translate("drafts",
                              "Attaching evidence"), work, [Change.DRAFTS, Change.ATTACHMENTS],
                    ids=chosen)


def detach(workspace: Workspace, draft_id: str, criterion_id: str,
           evidence_id: str) -> Op[None]:
    return Op.write(translate("drafts", "Removing evidence"),
                    lambda _c: workspace.drafts.detach(draft_id, criterion_id, evidence_id),
                    [Change.DRAFTS, Change.ATTACHMENTS], ids=[evidence_id])


def move(workspace: Workspace, draft_id: str, criterion_id: str, evidence_id: str,
         position: int) -> Op[object]:
    return Op.write(translate("drafts", "Reordering"), lambda _c: workspace.drafts.move(
        draft_id, criterion_id, evidence_id, position), [Change.DRAFTS], ids=[draft_id])


def set_caption(workspace: Workspace, draft_id: str, criterion_id: str, evidence_id: str,
                caption: str) -> Op[object]:
    return Op.write(translate("drafts",
                              "Saving the caption"), lambda _c: workspace.drafts.set_caption(
        draft_id, criterion_id, evidence_id, caption), [Change.DRAFTS], ids=[draft_id])


def set_self_assessment(workspace: Workspace, draft_id: str, rubric_id: str,
                        level_id: str | None) -> Op[object]:
    return Op.write(translate("drafts", "Saving your self-assessment"),
                    lambda _c: workspace.drafts.set_self_assessment(draft_id, rubric_id,
                                                                    level_id),
                    [Change.DRAFTS], ids=[draft_id])


def build_package(workspace: Workspace, draft_id: str, dest: Path) -> Op[BuiltPackage]:
    """Build the package and mark the draft packaged (the same use case as the CLI's)."""
    return Op.write(translate("drafts", "Building the package"),
                    lambda control: workspace.build_package(draft_id, dest, control),
                    [Change.DRAFTS], ids=[draft_id], cancellable=True)


def open_package(workspace: Workspace, path: Path) -> Op[ReceivedPackage]:
    return Op.write(translate("drafts", "Opening the package"),
                    lambda control: workspace.packages.open_received(path, control),
                    [Change.RECEIVED], cancellable=True)


def import_review_file(workspace: Workspace, path: Path) -> Op[ImportedReview]:
    return Op.write(translate("drafts", "Importing the review"),
                    lambda _c: workspace.review_files.import_review_file(path),
                    [Change.DRAFTS, Change.REVIEWS], cancellable=True)
