"""The words for mcdesk's own states and kinds shown in more than one place (evidence kinds,
consent, draft status, outbox states), translated; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from mcdesk.core.drafts import DraftStatus
from mcdesk.core.evidence import (
    BlurFaces,
    Compress,
    Consent,
    EvidenceKind,
    StripMetadata,
    Trim,
    VersionRequest,
)
from mcdesk.core.sync import OutboxState
from mcdesk.core.units import clock

translate = QCoreApplication.translate


class CountedWords(QObject):
    """The words with a count: lupdate gives plural forms only to tr() calls in a class."""

    def faces_blurred(self, n: int) -> str:
        return self.tr("%n face(s) blurred", "", n)

    def areas_blacked_out(self, n: int) -> str:
        return self.tr("%n area(s) blacked out", "", n)

    def words(self, n: int) -> str:
        return self.tr("%n word(s)", "", n)


COUNTED = CountedWords()


def kind_word(kind: EvidenceKind) -> str:
    """"Video", "Document"…: a piece of evidence's kind, capitalised as a heading."""
    return {
        EvidenceKind.VIDEO: translate("words", "Video"),
        EvidenceKind.AUDIO: translate("words", "Audio"),
        EvidenceKind.IMAGE: translate("words", "Image"),
        EvidenceKind.DOCUMENT: translate("words", "Document"),
        EvidenceKind.TEXT: translate("words", "Writing"),
        EvidenceKind.LINK: translate("words", "Link"),
    }.get(kind, str(kind))


def consent_word(consent: Consent) -> str:
    return {
        Consent.NOT_SET: translate("words", "not marked yet"),
        Consent.CONSENTED: translate("words", "everyone consented"),
        Consent.NOT_YET: translate("words", "not yet given"),
        Consent.BLURRED: translate("words", "faces blurred"),
    }.get(consent, str(consent))


def draft_status_word(status: DraftStatus) -> str:
    return {
        DraftStatus.DRAFT: translate("words", "draft"),
        DraftStatus.PACKAGED: translate("words", "package built"),
        DraftStatus.SUBMITTED: translate("words", "sent, waiting for assessors"),
        DraftStatus.EARNED: translate("words", "earned"),
        DraftStatus.NOT_YET: translate("words", "not yet"),
    }.get(status, str(status))


def outbox_state_word(state: OutboxState) -> str:
    return {
        OutboxState.QUEUED: translate("words", "queued"),
        OutboxState.UPLOADING: translate("words", "uploading"),
        OutboxState.FINALIZING: translate("words", "finishing the upload"),
        OutboxState.SUBMITTED: translate("words", "submitted"),
        OutboxState.RECEIVED: translate("words", "received"),
        OutboxState.IN_REVIEW: translate("words", "in review"),
        OutboxState.EARNED: translate("words", "earned"),
        OutboxState.NOT_YET: translate("words", "not yet"),
        OutboxState.WAITING: translate("words", "waiting to retry"),
        OutboxState.LOGIN_NEEDED: translate("words", "sign-in needed"),
        OutboxState.REJECTED: translate("words", "refused"),
        OutboxState.CONFLICT: translate("words", "changed on the server"),
    }.get(state, str(state))


def version_words(request: VersionRequest) -> str:
    """How a safe copy is named after its original: "Lesson (location and details removed)"."""
    if isinstance(request, StripMetadata):
        return translate("words", "location and details removed")
    if isinstance(request, Trim):
        return translate("words", "trimmed %1–%2").replace("%1", clock(request.start_s)).replace(
            "%2", clock(request.end_s))
    if isinstance(request, Compress):
        if request.max_height:
            return translate("words", "compressed (%1p, %2 kb/s)").replace(
                "%1", str(request.max_height)).replace("%2", str(request.video_kbps))
        return translate("words", "compressed (%1 kb/s)").replace("%1", str(request.video_kbps))
    if isinstance(request, BlurFaces):
        return COUNTED.faces_blurred(len(request.regions))
    return COUNTED.areas_blacked_out(len(request.rects))
