"""Thumbnails of evidence (a video frame, the photo, a PDF's first page, a page of text) as
PNG files written atomically; run in the isolated media process (any thread)."""

from __future__ import annotations

import contextlib
import errno
import os
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcdesk.core.errors import MediaError, StorageFullError
from mcdesk.core.evidence import EvidenceKind

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["DOCUMENT_PICTURES", "make_thumbnail", "partial_path"]

_PAGE_RATIO = 210 / 297  # A4, width over height
_TOP_RATIO = 3 / 4  # a document's picture: the top of its page, height over width
# How documents and texts are pictured; a portfolio whose pictures were drawn otherwise
# draws them again once (services.evidence). Change it with the drawing.
DOCUMENT_PICTURES = "page-top"
_FRAME = (190, 190, 190)
_TEXT_LINES = 40


def partial_path(dest: Path) -> Path:
    """Where a thumbnail is written before it is moved to `dest`."""
    return dest.with_name(dest.name + ".part")


def make_thumbnail(path: Path, dest: Path, *, kind: EvidenceKind, max_side: int = 320) -> bool:
    """Write a PNG picture of `path` to `dest` (its longer side at most `max_side` pixels).

    Returns False when there is nothing to show (sound, an empty document); raises MediaError
    when the file cannot be read. `dest` appears whole or not at all."""
    path, dest = Path(path), Path(dest)
    if kind is EvidenceKind.AUDIO or kind is EvidenceKind.LINK:
        return False
    if kind is EvidenceKind.VIDEO:
        picture = _video_picture(path, max_side)
    elif kind is EvidenceKind.IMAGE:
        picture = _image_picture(path, max_side)
    elif kind is EvidenceKind.DOCUMENT:
        picture = _document_picture(path, max_side)
    else:
        picture = _text_picture(_text_of(path, "text/plain"), max_side)
    if picture is None:
        return False
    _save_png(picture, dest)
    return True


def _save_png(picture: Image.Image | bytes, dest: Path) -> None:
    """Write `picture` (or PNG bytes already encoded) to `dest`, whole or not at all."""
    partial = partial_path(dest)
    try:
        with open(partial, "wb") as fh:
            if isinstance(picture, bytes):
                fh.write(picture)
            else:
                picture.save(fh, "PNG", optimize=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFullError("the disk is full; the thumbnail was not written",
                                   path=dest) from exc
        raise


def _fit(picture: Image.Image, max_side: int) -> Image.Image:
    from PIL import Image

    if picture.mode not in ("RGB", "L"):
        background = Image.new("RGB", picture.size, (255, 255, 255))
        rgba = picture.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        picture = background
    picture = picture.convert("RGB")
    picture.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return picture


# --------------------------------------------------------------------------- video


def _png_of(frame: Any) -> bytes | None:
    """`frame` (RGB, already small) as PNG bytes by FFmpeg's encoder: a video's thumbnail
    then needs no Pillow (its import and encoder are a good part of a first look's time).
    None if that encoder is missing or fails: Pillow does it then."""
    import av

    try:
        encoder = av.CodecContext.create("png", "w")
        encoder.width, encoder.height, encoder.pix_fmt = frame.width, frame.height, "rgb24"
        packets = [*encoder.encode(frame), *encoder.encode(None)]
    except (av.error.FFmpegError, ValueError):
        return None
    data = b"".join(bytes(packet) for packet in packets)
    return data if data.startswith(b"\x89PNG") else None


def _video_picture(path: Path, max_side: int) -> Image.Image | bytes | None:
    """The frame a tenth of the way in, as a picture to save, or as PNG bytes already."""
    import av

    unreadable = "this video cannot be read; it may be truncated or damaged"
    try:
        with av.open(str(path), metadata_errors="replace") as container:
            if not container.streams.video:
                return None
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            duration = None
            if container.duration:
                duration = container.duration / av.time_base
            elif stream.duration and stream.time_base:
                duration = float(stream.duration * stream.time_base)
            frame = None
            if duration and stream.time_base:
                target = duration * 0.1
                start = float(stream.start_time * stream.time_base) if (
                    stream.start_time is not None) else 0.0
                with contextlib.suppress(av.error.FFmpegError, OSError):
                    container.seek(int((start + target) / stream.time_base), stream=stream)
                    frame = next(container.decode(stream), None)
                if frame is None:
                    container.seek(0)
            if frame is None:
                frame = next(container.decode(stream), None)
            if frame is None:
                raise MediaError(unreadable, path=path)
            rotation = int(getattr(frame, "rotation", 0) or 0) % 360
            # Scaled down by FFmpeg's scaler while still YUV: a tenth of the time of turning
            # the full frame into a picture and shrinking that (it is on every import's path).
            scale = min(1.0, max_side / max(frame.width, frame.height))
            frame = frame.reformat(width=max(1, round(frame.width * scale)),
                                   height=max(1, round(frame.height * scale)),
                                   format="rgb24", interpolation="AREA")
            if not rotation:
                encoded = _png_of(frame)
                if encoded is not None:
                    return encoded
            picture: Image.Image = frame.to_image()  # type: ignore[no-untyped-call]
    except MediaError:
        raise
    except (av.error.FFmpegError, OSError, ValueError, EOFError) as exc:
        raise MediaError(unreadable, path=path) from exc
    if rotation:
        picture = picture.rotate(rotation, expand=True)  # counter-clockwise, like the matrix
    return _fit(picture, max_side)


# --------------------------------------------------------------------------- images


def _image_picture(path: Path, max_side: int) -> Image.Image:
    from PIL import ImageOps

    from mcdesk.media.probe import open_image

    with open_image(path) as image:
        if image.format in ("JPEG", "MPO"):
            image.draft("RGB", (max_side * 2, max_side * 2))
        image.load()
        upright = ImageOps.exif_transpose(image)
        return _fit(upright, max_side)


# --------------------------------------------------------------------------- documents


def _document_picture(path: Path, max_side: int) -> Image.Image | None:
    from mcdesk.media.probe import DOCX_MIME, detect_type

    _kind, mime = detect_type(path)
    if mime == "application/pdf":
        return _pdf_picture(path, max_side)
    if mime == DOCX_MIME:
        return _text_picture(_text_of(path, DOCX_MIME), max_side)
    if mime.startswith("text/"):
        return _text_picture(_text_of(path, mime), max_side)
    raise MediaError("this document is neither a PDF nor a Word document; it may be damaged",
                     path=path)


def _pdf_picture(path: Path, max_side: int) -> Image.Image:
    import pypdfium2 as pdfium

    from mcdesk.media.probe import open_pdf

    open_pdf(path)  # the same checks and messages as probing (encrypted, incomplete, ...)
    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError) as exc:
        raise MediaError("this PDF cannot be read; it may be damaged or incomplete",
                         path=path) from exc
    try:
        if len(document) == 0:
            raise MediaError("this PDF has no pages", path=path)
        page = document[0]
        try:
            width, height = page.get_size()
            # Only the page's top is drawn (`_page_top`), as wide as the picture.
            scale = max_side / max(width, 1.0)
            below = max(0.0, height - width * _TOP_RATIO)
            bitmap = page.render(scale=scale, crop=(0, below, 0, 0),
                                 fill_color=(255, 255, 255, 255))
            picture: Any = bitmap.to_pil()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        raise MediaError("this PDF cannot be read; it may be damaged or incomplete",
                         path=path) from exc
    finally:
        document.close()
    return _page_top(picture, max_side)


def _text_of(path: Path, mime: str) -> str:
    from mcdesk.media.probe import extract_text

    return extract_text(path, mime, cap=20_000)


def _text_picture(text: str, max_side: int) -> Image.Image | None:
    """The first lines of `text` on a white, page-shaped picture."""
    from PIL import Image, ImageDraw, ImageFont

    lines: list[str] = []
    for paragraph in text.splitlines():
        if len(lines) >= _TEXT_LINES:
            break
        if not paragraph.strip():
            if lines and lines[-1]:
                lines.append("")
            continue
        lines.extend(textwrap.wrap(paragraph, width=46) or [""])
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        return None
    # Draw on a full-size page, then scale down: small text stays legible as texture.
    page_h = 990
    page_w = round(page_h * _PAGE_RATIO)
    page = Image.new("RGB", (page_w, page_h), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(26)
    margin, y, step = 48, 48, 32
    for line in lines[:_TEXT_LINES]:
        if y + step > page_h - margin:
            break
        draw.text((margin, y), line, fill=(40, 40, 40), font=font)
        y += step
    return _page_top(page, max_side)


def _page_top(page: Image.Image, max_side: int) -> Image.Image:
    """The top of a document's first page, where its title is, as wide as the picture and
    three quarters as tall, in a grey frame. A whole page at thumbnail size is a white
    rectangle with grey specks, which vanishes on a white list; its top, twice as big,
    shows the title."""
    from PIL import ImageDraw

    width, height = page.size
    top = round(width * _TOP_RATIO)
    if height > top:
        page = page.crop((0, 0, width, top))
    framed = _fit(page, max_side)
    ImageDraw.Draw(framed).rectangle((0, 0, framed.width - 1, framed.height - 1),
                                     outline=_FRAME, width=2)
    return framed
