"""What the Drafts place shows, read from the portfolio in one go (a draft with everything its
editor needs, what assessors said about an attempt); worker thread."""

from __future__ import annotations

import contextlib
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.drafts import DEFAULT_MAX_ATTEMPTS, Draft, Readiness
from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Evidence, EvidenceKind
from mcdesk.core.reviews import Annotation, AnswerTarget
from mcdesk.core.study import FileState
from mcdesk.ui.annotation.panel import AnnotatedPiece

if TYPE_CHECKING:
    from mcdesk.core.catalog import MicroCredential
    from mcdesk.services.workspace import Workspace


translate = QCoreApplication.translate


@dataclass(frozen=True)
class DraftView:
    """Everything the editor shows, loaded together in one job."""

    draft: Draft
    mc: MicroCredential
    evidence: dict[str, Evidence]
    readiness: Readiness
    max_attempts: int
    exemplar_files: dict[str, str] = field(default_factory=dict)  # sha256 -> offline path
    exemplar_notes: dict[str, str] = field(default_factory=dict)  # sha256 -> why not here


def load_view(workspace: Workspace, draft_id: str) -> DraftView:
    drafts = workspace.drafts
    draft = drafts.get(draft_id)
    mc = drafts.micro_credential(draft)
    offline: dict[str, str] = {}
    notes: dict[str, str] = {}
    shas = [e.file.sha256 for e in mc.exemplars if e.file is not None]
    if shas:
        for file in workspace.study.store.files(shas):
            path = workspace.study.offline_path(file.sha256)
            if path is not None:
                offline[file.sha256] = path
            elif file.state is FileState.REFUSED:
                notes[file.sha256] = translate("DraftView", "refused: %1").replace(
                    "%1", file.reason)
            elif file.state is FileState.DOWNLOADING:
                notes[file.sha256] = translate("DraftView", "downloading, %1 % here").replace(
                    "%1", str(file.percent))
    return DraftView(draft, mc, {e.id: e for e in workspace.evidence.all()},
                     drafts.check(draft_id), DEFAULT_MAX_ATTEMPTS, offline, notes)


@dataclass(frozen=True)
class ReceivedView:
    draft: Draft
    mc: MicroCredential | None
    comments: tuple[Annotation, ...]
    pieces: tuple[AnnotatedPiece, ...]


def same_id(wire_id: str, local_id: str) -> bool:
    """Whether a package's evidence id (`urn:uuid:…`) names this portfolio's evidence."""
    if wire_id == local_id:
        return True
    try:
        return uuid.UUID(wire_id.removeprefix("urn:uuid:")) == uuid.UUID(local_id)
    except ValueError:
        return False


def load_received(workspace: Workspace, draft_id: str) -> ReceivedView:
    """The draft, its comments and a piece for each thing commented on."""
    draft = workspace.drafts.get(draft_id)
    try:
        mc: MicroCredential | None = workspace.drafts.micro_credential(draft)
    except McdeskError:  # the catalog lost it: the comments still show
        mc = None
    comments = tuple(workspace.feedback.received_comments(draft_id))
    evidence = {e.id: e for e in workspace.evidence.all()}
    pieces: list[AnnotatedPiece] = []
    seen: set[str] = set()
    for comment in comments:
        target = comment.anchor.target
        if target in seen:
            continue
        seen.add(target)
        answer = AnswerTarget.parse(target)
        if answer is not None:
            title = "Your written answer"
            if mc is not None:
                with contextlib.suppress(KeyError, ValueError, McdeskError):
                    title = f"Your answer: {mc.criterion(answer.criterion_id).prompt}"
            pieces.append(AnnotatedPiece(target=target, title=title, kind=EvidenceKind.TEXT,
                                         text=draft.answer(answer.criterion_id)))
            continue
        local = next((e for e in evidence.values() if same_id(target, e.id)), None)
        if local is None:
            pieces.append(AnnotatedPiece(target=target, title="Evidence no longer in your "
                                         "portfolio", kind=EvidenceKind.LINK))
            continue
        path: Path | None = workspace.evidence.file_path(local)
        text = local.body if local.kind is EvidenceKind.TEXT and local.body else None
        pieces.append(AnnotatedPiece(target=target, title=local.title or "Untitled",
                                     kind=local.kind, path=path, text=text,
                                     url=local.url,
                                     path_in_package=comment.anchor.path))
    return ReceivedView(draft, mc, comments, tuple(pieces))
