"""The Evidence place's words for the kinds of evidence and the states of consent (the kind
filter, the consent box); GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mcdesk.core.evidence import Consent, EvidenceKind

translate = QCoreApplication.translate


def kind_labels() -> dict[EvidenceKind | None, str]:
    return {
        None: translate("EvidencePage", "All kinds"),
        EvidenceKind.VIDEO: translate("EvidencePage", "Videos"),
        EvidenceKind.AUDIO: translate("EvidencePage", "Audio"),
        EvidenceKind.IMAGE: translate("EvidencePage", "Photos and images"),
        EvidenceKind.DOCUMENT: translate("EvidencePage", "Documents"),
        EvidenceKind.TEXT: translate("EvidencePage", "Writing"),
        EvidenceKind.LINK: translate("EvidencePage", "Links"),
    }


def consent_labels() -> dict[Consent, str]:
    return {
        Consent.NOT_SET: translate("EvidencePage", "Not marked yet"),
        Consent.CONSENTED: translate("EvidencePage", "Everyone on camera consented"),
        Consent.NOT_YET: translate("EvidencePage", "Consent not yet given"),
        Consent.BLURRED: translate("EvidencePage", "Faces without consent are blurred"),
    }
