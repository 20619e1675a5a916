"""The kinds of evidence (video, image, document...), apart from the catalog so the media
worker can name them without loading the catalog's model; any thread."""

from __future__ import annotations

import enum


class EvidenceKind(enum.StrEnum):
    VIDEO = "video"
    AUDIO = "audio"
    IMAGE = "image"
    DOCUMENT = "document"
    TEXT = "text"
    LINK = "link"
