"""The Evidence place's operations: loading the library and previews, editing a piece's
details, adding files, links and writing, safe versions, privacy checks and the roster, the
pictures the blur and redact dialogs show; built on the GUI thread, run on the lane their kind
gives them (`read_photo` itself runs on any thread)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from mcdesk.core.changes import Change
from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Consent, Evidence, EvidenceKind, FaceRegion, RosterEntry
from mcdesk.jobs.ops import Op
from mcdesk.ui.widgets.evidence_model import load_thumbnail
from mcdesk.ui.widgets.words import version_words

if TYPE_CHECKING:
    from mcdesk.core.evidence import VersionRequest
    from mcdesk.core.progress import JobControl
    from mcdesk.services.evidence import AddReport, LibraryPage, PrivacyReport
    from mcdesk.services.workspace import Workspace

MAX_SHOWN_SIDE = 2560



translate = QCoreApplication.translate


# -- reading ----------------------------------------------------------------------------

Library = tuple["LibraryPage", dict[str, list[str]] | None]


def library(workspace: Workspace, query: str, kind: EvidenceKind | None,
            include: str | None = None, *, with_usage: bool = True) -> Op[Library]:
    """The first pieces matching a search with the ids of all that match (the rest are read
    as the list scrolls), how many there are in all, and the drafts each is in (None when
    not `with_usage`: a search changes which pieces show, not where they are used).
    `include`: a piece to select, read even when it comes later than the first page."""

    def work(_c: JobControl) -> Library:
        page = workspace.evidence.library_page(query, kind, include=include)
        return page, workspace.drafts.usage() if with_usage else None

    return Op.read(translate("evidence", "Loading evidence"), work)


def more_evidence(workspace: Workspace, ids: Sequence[str]) -> Op[dict[str, Evidence]]:
    """The next page of the library, as the list scrolls to it."""
    asked = list(ids)
    return Op.read(translate("evidence", "Loading evidence"),
                   lambda _c: workspace.evidence.live(asked))


def usage(workspace: Workspace) -> Op[dict[str, list[str]]]:
    """Which drafts each piece is used in (the "Used in" line), without the library."""
    return Op.read(translate("evidence",
                             "Reading where evidence is used"), lambda _c: workspace.drafts.usage())


def thumbnail(workspace: Workspace, evidence: Evidence) -> Op[QImage]:
    def work(_c: JobControl) -> QImage:
        path = workspace.evidence.thumbnail_path(evidence)
        return load_thumbnail(path) if path is not None else QImage()

    return Op.media(translate("evidence", "Loading a picture"), work, cancellable=False)


def preview_picture(path: Path) -> Op[QImage]:
    return Op.media(translate("evidence", "Opening a photo"), lambda _c: load_thumbnail(path),
                    cancellable=False)


def document_text(workspace: Workspace, evidence: Evidence) -> Op[str]:
    return Op.media(translate("evidence", "Reading a document"),
                    lambda _c: workspace.evidence.text_of(evidence), cancellable=False)


def privacy_check(workspace: Workspace) -> Op[tuple[list[RosterEntry], PrivacyReport]]:
    return Op.read(translate("evidence", "Checking privacy"), lambda _c: (
        workspace.evidence.roster(), workspace.evidence.privacy_report()))


# -- the blur and redact dialogs' pictures ----------------------------------------------

def read_photo(path: Path) -> tuple[QImage, QSize]:
    """The photo upright (EXIF orientation applied), scaled down if huge, and its full upright
    size; any thread (QImage is safe off the GUI thread)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise McdeskError(f"this photo cannot be shown ({reader.errorString()})", path=path)
    size = image.size()
    if max(size.width(), size.height()) > MAX_SHOWN_SIDE:
        image = image.scaled(MAX_SHOWN_SIDE, MAX_SHOWN_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image, size


def open_photo(path: Path) -> Op[tuple[QImage, QSize]]:
    return Op.media(translate("evidence", "Opening the photo"), lambda _c: read_photo(path))


def find_faces(workspace: Workspace, evidence: Evidence) -> Op[list[FaceRegion]]:
    return Op.media(translate("evidence",
                              "Looking for faces in “%1”").replace("%1", evidence.title),
                    lambda control: workspace.evidence.detect_faces(evidence, control))


def video_frame(workspace: Workspace, evidence: Evidence, at_s: float) -> Op[bytes]:
    return Op.media(translate("evidence", "Showing a frame of “%1”").replace("%1", evidence.title),
                    lambda _c: workspace.evidence.frame_png(evidence, at_s))


# -- writing ----------------------------------------------------------------------------

def rename(workspace: Workspace, evidence_id: str, title: str) -> Op[Evidence]:
    return Op.write(translate("evidence",
                              "Renaming"), lambda _c: workspace.evidence.rename(evidence_id, title),
                    [Change.EVIDENCE], ids=[evidence_id])


def set_captured_by(workspace: Workspace, evidence_id: str, who: str) -> Op[Evidence]:
    return Op.write(translate("evidence", "Saving"),
                    lambda _c: workspace.evidence.set_captured_by(evidence_id, who),
                    [Change.EVIDENCE], ids=[evidence_id])


def set_tags(workspace: Workspace, evidence_id: str, tags: Sequence[str]) -> Op[Evidence]:
    chosen = list(tags)
    return Op.write(translate("evidence", "Saving tags"),
                    lambda _c: workspace.evidence.set_tags(evidence_id, chosen),
                    [Change.EVIDENCE], ids=[evidence_id])


def set_consent(workspace: Workspace, evidence_id: str, consent: Consent) -> Op[Evidence]:
    return Op.write(translate("evidence", "Saving consent"),
                    lambda _c: workspace.evidence.set_consent(evidence_id, consent),
                    [Change.EVIDENCE], ids=[evidence_id])


def set_identifying(workspace: Workspace, evidence_id: str, identifying: bool) -> Op[Evidence]:
    return Op.write(translate("evidence", "Saving who the piece shows"),
                    lambda _c: workspace.evidence.set_identifying(evidence_id, identifying),
                    [Change.EVIDENCE], ids=[evidence_id])


def update_text(workspace: Workspace, evidence_id: str, body: str) -> Op[Evidence]:
    return Op.write(translate("evidence", "Saving your writing"),
                    lambda _c: workspace.evidence.update_text(evidence_id, body),
                    [Change.EVIDENCE], ids=[evidence_id])


def move_to_trash(workspace: Workspace, evidence_id: str) -> Op[None]:
    # A trashed piece leaves the drafts it was attached to.
    return Op.write(translate("evidence", "Moving to trash"),
                    lambda _c: workspace.evidence.move_to_trash(evidence_id),
                    [Change.EVIDENCE, Change.ATTACHMENTS], ids=[evidence_id])


def prepare_to_add(workspace: Workspace, paths: Sequence[Path] | None = None) -> Op[None]:
    """Start the media reader for files about to be added (None: a person is choosing them)
    on the pool, at once: the add itself is a write that may wait for its lane, and the
    reader's start and imports then overlap the waiting, the choosing and the copy."""
    chosen = None if paths is None else list(paths)
    return Op.media(translate("evidence", "Getting ready to add evidence"),
                    lambda _c: workspace.evidence.prepare_to_add(chosen), cancellable=False)


def add_paths(workspace: Workspace, paths: Sequence[Path]) -> Op[AddReport]:
    """Add files and folders. A write: each file is stored and recorded together (hashing
    and probing a big video hold the writer lane meanwhile; autosaves queue behind it)."""
    chosen = list(paths)
    return Op.write(translate("evidence", "Adding evidence"),
                    lambda control: workspace.evidence.add_paths(chosen, control=control),
                    [Change.EVIDENCE], cancellable=True)


def add_link(workspace: Workspace, url: str, title: str) -> Op[Evidence]:
    return Op.write(translate("evidence",
                              "Adding a link"), lambda _c: workspace.evidence.add_link(url, title),
                    [Change.EVIDENCE])


def new_writing(workspace: Workspace, title: str) -> Op[Evidence]:
    return Op.write(translate("evidence", "Starting new writing"),
                    lambda _c: workspace.evidence.add_text(title, ""), [Change.EVIDENCE])


def make_version(workspace: Workspace, source_id: str, request: VersionRequest,
                 title: str) -> Op[Evidence]:
    """A safe copy (blurred, redacted, trimmed, compressed, stripped): a new piece."""
    description = version_words(request)  # here: the GUI thread has the translators
    return Op.write(title, lambda control: workspace.evidence.make_version(
        source_id, request, control, description=description), [Change.EVIDENCE],
        ids=[source_id], cancellable=True)


def add_roster_name(workspace: Workspace, name: str, role: str) -> Op[RosterEntry]:
    return Op.write(translate("evidence", "Adding a name to the privacy list"),
                    lambda _c: workspace.evidence.add_roster_name(name, role), [Change.ROSTER])


def remove_roster_name(workspace: Workspace, entry_id: int) -> Op[None]:
    return Op.write(translate("evidence", "Removing a name from the privacy list"),
                    lambda _c: workspace.evidence.remove_roster_name(entry_id),
                    [Change.ROSTER])
