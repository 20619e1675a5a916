"""What a file's name says before anything reads it: its likely kind and media type, and
what the media worker will import to look at such files; any thread (kept light: the app
asks before it has loaded the probe)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import PurePath
from typing import Final

from mcdesk.core.kinds import EvidenceKind

__all__ = ["BY_SUFFIX", "DOCX_MIME", "first_look_modules", "kind_from_name"]

DOCX_MIME: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

BY_SUFFIX: Final[Mapping[str, tuple[EvidenceKind, str]]] = {
    ".mp4": (EvidenceKind.VIDEO, "video/mp4"),
    ".mov": (EvidenceKind.VIDEO, "video/quicktime"),
    ".qt": (EvidenceKind.VIDEO, "video/quicktime"),
    ".m4v": (EvidenceKind.VIDEO, "video/x-m4v"),
    ".mkv": (EvidenceKind.VIDEO, "video/x-matroska"),
    ".webm": (EvidenceKind.VIDEO, "video/webm"),
    ".avi": (EvidenceKind.VIDEO, "video/x-msvideo"),
    ".3gp": (EvidenceKind.VIDEO, "video/3gpp"),
    ".m4a": (EvidenceKind.AUDIO, "audio/mp4"),
    ".mp3": (EvidenceKind.AUDIO, "audio/mpeg"),
    ".wav": (EvidenceKind.AUDIO, "audio/wav"),
    ".ogg": (EvidenceKind.AUDIO, "audio/ogg"),
    ".oga": (EvidenceKind.AUDIO, "audio/ogg"),
    ".opus": (EvidenceKind.AUDIO, "audio/ogg"),
    ".aac": (EvidenceKind.AUDIO, "audio/aac"),
    ".flac": (EvidenceKind.AUDIO, "audio/flac"),
    ".jpg": (EvidenceKind.IMAGE, "image/jpeg"),
    ".jpeg": (EvidenceKind.IMAGE, "image/jpeg"),
    ".png": (EvidenceKind.IMAGE, "image/png"),
    ".heic": (EvidenceKind.IMAGE, "image/heic"),
    ".heif": (EvidenceKind.IMAGE, "image/heif"),
    ".avif": (EvidenceKind.IMAGE, "image/avif"),
    ".webp": (EvidenceKind.IMAGE, "image/webp"),
    ".gif": (EvidenceKind.IMAGE, "image/gif"),
    ".tif": (EvidenceKind.IMAGE, "image/tiff"),
    ".tiff": (EvidenceKind.IMAGE, "image/tiff"),
    ".bmp": (EvidenceKind.IMAGE, "image/bmp"),
    ".pdf": (EvidenceKind.DOCUMENT, "application/pdf"),
    ".docx": (EvidenceKind.DOCUMENT, DOCX_MIME),
    ".txt": (EvidenceKind.TEXT, "text/plain"),
    ".text": (EvidenceKind.TEXT, "text/plain"),
    ".md": (EvidenceKind.TEXT, "text/markdown"),
    ".markdown": (EvidenceKind.TEXT, "text/markdown"),
}


# A video's thumbnail is encoded by FFmpeg (Pillow only turns a rotated one).
_PICTURED = {EvidenceKind.IMAGE, EvidenceKind.DOCUMENT, EvidenceKind.TEXT}


def kind_from_name(name: str) -> EvidenceKind | None:
    """A quick guess from the file name alone (for UI hints); probing decides for real."""
    found = BY_SUFFIX.get(PurePath(name).suffix.lower())
    return found[0] if found is not None else None


def first_look_modules(names: Iterable[str] | None = None) -> tuple[str, ...]:
    """What a worker about to take the first look (media.first_look) at files of these names
    will import, for every kind when the names are not known yet: preloaded while the app
    copies and hashes, or while the person chooses the files."""
    kinds = set(EvidenceKind) if names is None else {kind_from_name(name) for name in names}
    modules = ["mcdesk.media.first_look"]
    if kinds & {EvidenceKind.VIDEO, EvidenceKind.AUDIO}:
        modules.append("av")
    if kinds & _PICTURED:
        modules += ["PIL.Image", "PIL.PngImagePlugin"]
    return tuple(modules)
