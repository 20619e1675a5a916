"""Removing identifying metadata (GPS, camera, serials, names) from evidence copies, never
from the originals; run in the isolated media process (any thread)."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from mcdesk.core.errors import MediaError, StorageFullError
from mcdesk.core.evidence import EvidenceKind
from mcdesk.core.progress import NULL_CONTROL, JobControl

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["partial_path", "strip_identifying_metadata", "stripped_suffix"]

_IMAGE_KEEP = {".jpg", ".jpeg", ".png", ".webp", ".gif"}
_IMAGE_TO_PNG = {".tif", ".tiff", ".bmp"}  # lossless sources stay lossless
_VIDEO_KEEP = {".mp4", ".mov", ".m4v", ".mkv", ".webm"}
_AUDIO_KEEP = {".m4a", ".mp3", ".ogg", ".oga", ".opus", ".flac", ".wav", ".aac", ".mka"}

# Container format FFmpeg writes for a destination name extension.
_MUXERS: Final = {
    ".mp4": "mp4", ".m4v": "mp4", ".mov": "mov", ".mkv": "matroska", ".webm": "webm",
    ".m4a": "ipod", ".mp3": "mp3", ".ogg": "ogg", ".oga": "ogg", ".opus": "opus",
    ".flac": "flac", ".wav": "wav", ".aac": "adts", ".mka": "matroska",
}
_DISK_FULL: Final = {errno.ENOSPC, errno.EDQUOT}
_PIL_FORMATS: Final = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP",
                       ".gif": "GIF"}


def stripped_suffix(kind: EvidenceKind, src_suffix: str) -> str:
    """The name extension of the stripped copy of a file named `*src_suffix`.

    HEIC/HEIF/AVIF photos become JPEG (what assessors can open everywhere), TIFF/BMP become
    PNG; videos in containers other than MP4/MOV/M4V/MKV/WebM become MKV (stream copy keeps
    any codec); everything else keeps its extension."""
    suffix = src_suffix.lower()
    if suffix and not suffix.startswith("."):
        suffix = "." + suffix
    if kind is EvidenceKind.IMAGE:
        if suffix in _IMAGE_KEEP:
            return suffix
        return ".png" if suffix in _IMAGE_TO_PNG else ".jpg"
    if kind is EvidenceKind.VIDEO:
        return suffix if suffix in _VIDEO_KEEP else ".mkv"
    if kind is EvidenceKind.AUDIO:
        return suffix if suffix in _AUDIO_KEEP else ".mka"
    return suffix


def partial_path(dest: Path) -> Path:
    """Where the stripped copy is written before it is moved to `dest`."""
    return dest.with_name(dest.name + ".part")


def strip_identifying_metadata(src: Path, dest: Path, *, kind: EvidenceKind,
                               control: JobControl = NULL_CONTROL) -> None:
    """Write to `dest` a copy of `src` without identifying metadata: photos upright and
    without EXIF/XMP/IPTC/GPS/text notes, videos and sound remuxed (no re-encoding) without
    container and stream tags, PDFs without /Info and XMP, Word documents without author,
    editor, company and reviewer names. `dest`'s extension (see stripped_suffix) says what
    to write. `dest` appears whole or not at all: on any error or Cancelled nothing is left."""
    src, dest = Path(src), Path(dest)
    if dest.exists() and os.path.samefile(src, dest):
        raise MediaError("a new version cannot overwrite its original", path=dest)
    partial = partial_path(dest)
    try:
        control.check_cancelled()
        if kind is EvidenceKind.IMAGE:
            _strip_image(src, partial, dest.suffix.lower())
        elif kind in (EvidenceKind.VIDEO, EvidenceKind.AUDIO):
            _remux(src, partial, dest.suffix.lower(), control)
        elif kind is EvidenceKind.DOCUMENT:
            _strip_document(src, partial)
        elif kind is EvidenceKind.TEXT:
            shutil.copyfile(src, partial)  # plain text carries no metadata
        else:
            raise MediaError(f"mcdesk cannot remove metadata from a {kind.value}", path=src)
        control.check_cancelled()
        os.replace(partial, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if getattr(exc, "errno", None) in _DISK_FULL:
            raise StorageFullError("the disk is full; the new file was not written",
                                   path=dest) from exc
        raise
    control.progress(1, 1, "metadata removed")


@contextlib.contextmanager
def _writing(partial: Path) -> Iterator[io.BufferedWriter]:
    with open(partial, "wb") as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())


# --------------------------------------------------------------------------- images


def _flatten(image: Image.Image) -> Image.Image:
    """An RGB (or L/CMYK) image JPEG can hold: transparency goes onto white."""
    from PIL import Image

    if image.mode in ("RGB", "L", "CMYK"):
        return image
    if image.mode in ("RGBA", "LA", "PA", "P", "RGBa", "La"):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if image.mode.startswith("I") or image.mode == "F":
        return image.convert("L")
    return image.convert("RGB")


def _strip_image(src: Path, partial: Path, dest_suffix: str) -> None:
    from PIL import ImageOps, ImageSequence
    from PIL.JpegImagePlugin import get_sampling

    from mcdesk.media.probe import open_image

    fmt = _PIL_FORMATS.get(dest_suffix)
    if fmt is None:
        raise ValueError(f"no image format for {dest_suffix!r}; use stripped_suffix()")
    # Read inside open_image (its errors say "cannot be read"), write outside (a full disk
    # must not look like a damaged photo).
    with open_image(src) as image:
        keep: dict[str, Any] = {k: image.info[k] for k in ("icc_profile", "dpi")
                                if image.info.get(k)}
        if getattr(image, "n_frames", 1) > 1 and fmt in ("GIF", "PNG", "WEBP"):
            frames: list[Image.Image] = []
            durations: list[int] = []
            for frame in ImageSequence.Iterator(image):
                durations.append(int(frame.info.get("duration", 100)))
                copy = frame.convert("RGBA") if fmt != "GIF" else frame.copy()
                copy.info = {}
                frames.append(copy)
            loop = int(image.info.get("loop", 0))
        else:
            frames = []
            image.load()
            params = dict(keep)
            if fmt == "JPEG" and image.format in ("JPEG", "MPO"):
                # The same quantization and subsampling as the camera: "quality=keep" by
                # hand, which also works after the picture was turned upright.
                params["qtables"] = getattr(image, "quantization", None)
                sampling = get_sampling(image)
                if sampling != -1:
                    params["subsampling"] = sampling
            elif fmt == "JPEG":
                params["quality"] = 92
            elif fmt == "WEBP":
                params["quality"] = 90
            if "transparency" in image.info and fmt in ("PNG", "GIF"):
                params["transparency"] = image.info["transparency"]
            upright = ImageOps.exif_transpose(image)
            upright.info = {}  # exif, xmp, comment, text chunks: nothing travels by accident
            if fmt == "JPEG":
                upright = _flatten(upright)
            elif fmt == "WEBP" and upright.mode not in ("RGB", "RGBA"):
                upright = upright.convert("RGBA")
    with _writing(partial) as fh:
        if frames:
            frames[0].save(fh, fmt, save_all=True, append_images=frames[1:],
                           duration=durations, loop=loop, **keep)
        else:
            upright.save(fh, fmt, **params)


# --------------------------------------------------------------------------- video, sound


def _remux(src: Path, partial: Path, dest_suffix: str,
           control: JobControl) -> None:
    import av

    muxer = _MUXERS.get(dest_suffix)
    if muxer is None:
        raise ValueError(f"no container format for {dest_suffix!r}; use stripped_suffix()")
    unreadable = "this file cannot be read; it may be truncated or damaged"
    total = max(1, src.stat().st_size)
    try:
        with av.open(str(src), metadata_errors="replace") as source:
            attached = av.stream.Disposition.attached_pic
            # Video and sound only: data tracks carry GPS logs and timed location metadata.
            streams = [s for s in source.streams if s.type in ("video", "audio")
                       and not s.disposition & attached]
            if not streams:
                raise MediaError("this file has no picture or sound in it", path=src)
            with av.open(str(partial), "w", format=muxer) as out:
                mapping: dict[int, Any] = {}
                for stream in streams:
                    copy = out.add_stream_from_template(stream)
                    if stream.language and stream.language != "und":
                        copy.metadata["language"] = stream.language
                    mapping[stream.index] = copy
                for count, packet in enumerate(source.demux(streams)):
                    if packet.dts is None:  # the flush packet at the end of each stream
                        continue
                    packet.stream = mapping[packet.stream.index]
                    out.mux(packet)
                    if count % 256 == 0:
                        control.check_cancelled()
                        control.progress(min(total, packet.pos or 0), total,
                                         "removing metadata")
    except MediaError:
        raise
    except av.error.FFmpegError as exc:  # before ValueError: InvalidDataError is one too
        raise MediaError(unreadable, path=src) from exc


# --------------------------------------------------------------------------- documents


def _strip_document(src: Path, partial: Path) -> None:
    from mcdesk.media.probe import DOCX_MIME, detect_type

    _kind, mime = detect_type(src)
    if mime == "application/pdf":
        _strip_pdf(src, partial)
    elif mime == DOCX_MIME:
        _strip_docx(src, partial)
    else:
        shutil.copyfile(src, partial)


def _strip_pdf(src: Path, partial: Path) -> None:
    import warnings

    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    from mcdesk.media.probe import open_pdf

    reader = open_pdf(src)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            writer = PdfWriter(clone_from=reader)
            writer.metadata = None  # no /Info: author, creator, producer, title, dates
            root = writer.root_object
            for key in ("/Metadata", "/PieceInfo"):
                root.pop(NameObject(key), None)
            for page in writer.pages:
                for key in ("/Metadata", "/PieceInfo"):
                    page.pop(NameObject(key), None)
            with _writing(partial) as fh:
                writer.write(fh)
        except MediaError:
            raise
        except Exception as exc:  # pypdf raises many types on odd input
            raise MediaError("this PDF cannot be rewritten; it may be damaged",
                             path=src) from exc


_XML_NAME_ATTR = re.compile(
    rb"""(\s[\w.-]+:(?:author|initials|userId|providerId)\s*=\s*)("[^"]*"|'[^']*')""")
_APP_NAMES = re.compile(rb"<(Company|Manager)>[^<]*</\1>")


def _blank_names(name: str, data: bytes) -> bytes:
    if name == "docProps/app.xml":
        return _APP_NAMES.sub(lambda m: b"<" + m.group(1) + b"></" + m.group(1) + b">", data)
    if name.startswith("word/") and name.endswith(".xml"):
        return _XML_NAME_ATTR.sub(lambda m: m.group(1) + b'""', data)
    return data


def _strip_docx(src: Path, partial: Path) -> None:
    from mcdesk.media.probe import open_docx

    document = open_docx(src)
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    buffer = io.BytesIO()
    try:
        document.save(buffer)
    except Exception as exc:  # python-docx raises many types on odd input
        raise MediaError("this Word document cannot be rewritten; it may be damaged",
                         path=src) from exc
    # Reviewers' names in comments and tracked changes, and the company, live outside the
    # core properties: blank them in the saved parts.
    _rewrite_zip(buffer, partial, _blank_names)


def _rewrite_zip(buffer: io.BytesIO, partial: Path,
                 change: Callable[[str, bytes], bytes]) -> None:
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as zin, _writing(partial) as fh, \
            zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, change(info.filename, zin.read(info)),
                          compress_type=zipfile.ZIP_DEFLATED)
