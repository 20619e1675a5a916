"""Deterministic demo evidence (classroom video, student-work photo, PDF, DOCX) for the demo
portfolio and the tests; worker threads or the isolated media process."""

from __future__ import annotations

import math
import os
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from mcdesk.core.evidence import GpsPoint

if TYPE_CHECKING:
    import numpy as np
    from av.audio.stream import AudioStream
    from numpy.typing import NDArray

__all__ = [
    "DEMO_CAMERA",
    "DEMO_TAKEN_AT",
    "iso6709",
    "make_demo_audio",
    "make_demo_docx",
    "make_demo_pdf",
    "make_demo_photo",
    "make_demo_video",
]

# When every demo file says it was made (a fixed time keeps the files deterministic).
DEMO_TAKEN_AT = datetime(2024, 3, 5, 10, 15, 0, tzinfo=UTC)
# Make and model written into demo photos (and into videos given `device=True`).
DEMO_CAMERA = ("Apple", "iPhone 12")
# A fixed modification time for the members of demo DOCX archives.
_ZIP_TIME = (2024, 3, 5, 10, 15, 0)

_SAMPLE_RATE = 48_000
_CHORD_HZ = (261.63, 329.63, 392.00)  # C major


def iso6709(point: GpsPoint) -> str:
    """The ISO 6709 string phones write into videos, e.g. '-33.8688+151.2093/'."""
    return f"{point.latitude:+08.4f}{point.longitude:+09.4f}/"


# --------------------------------------------------------------------------- video


def _classroom_frame(index: int, fps: int, width: int, height: int) -> NDArray[np.uint8]:
    """One RGB frame of a classroom-like scene: wall, whiteboard with changing text, people."""
    import cv2
    import numpy as np

    t = index / fps
    frame = np.empty((height, width, 3), dtype=np.uint8)
    frame[:] = (222, 206, 170)  # a warm wall
    floor_y = int(height * 0.78)
    frame[floor_y:] = (150, 110, 80)
    # The whiteboard.
    bx0, by0, bx1, by1 = int(width * 0.12), int(height * 0.08), int(width * 0.88), int(height * 0.5)
    cv2.rectangle(frame, (bx0 - 4, by0 - 4), (bx1 + 4, by1 + 4), (120, 120, 120), -1)
    cv2.rectangle(frame, (bx0, by0), (bx1, by1), (250, 250, 250), -1)
    scale = max(0.4, width / 900)
    thick = max(1, round(scale * 2))
    step = int(t) + 1
    lines = [f"Fractions - step {step}", f"{step}/4 + 1/4 = {step + 1}/4"]
    for i, line in enumerate(lines):
        y = by0 + int((by1 - by0) * (0.35 + 0.35 * i))
        cv2.putText(frame, line, (bx0 + int(width * 0.03), y), cv2.FONT_HERSHEY_SIMPLEX,
                    scale, (30, 60, 160) if i == 0 else (20, 20, 20), thick, cv2.LINE_AA)
    # A pointer that moves along the text, the teacher walking, pupils' heads nodding.
    px = bx0 + int((bx1 - bx0) * (0.1 + 0.8 * ((t * 0.3) % 1.0)))
    cv2.circle(frame, (px, by0 + int((by1 - by0) * 0.8)), max(3, width // 120), (220, 40, 40), -1)
    teacher_x = int(width * (0.2 + 0.6 * (0.5 + 0.5 * math.sin(t * 0.9))))
    cv2.rectangle(frame, (teacher_x - width // 40, int(height * 0.52)),
                  (teacher_x + width // 40, floor_y), (60, 90, 140), -1)
    cv2.circle(frame, (teacher_x, int(height * 0.47)), max(4, width // 45), (200, 160, 130), -1)
    for k in range(5):
        cx = int(width * (0.1 + 0.2 * k))
        cy = int(height * 0.88 + 4 * math.sin(t * 3 + k))
        cv2.circle(frame, (cx, cy), max(4, width // 40), (90 + 30 * k, 70, 160 - 20 * k), -1)
    return frame


def _chord(start: int, count: int) -> NDArray[np.float32]:
    """`count` stereo float samples of a soft C-major chord, from sample `start`."""
    import numpy as np

    n = np.arange(start, start + count, dtype=np.float64) / _SAMPLE_RATE
    wave = sum(np.sin(2 * np.pi * hz * n) for hz in _CHORD_HZ) * (0.2 / len(_CHORD_HZ))
    mono = np.asarray(wave, dtype=np.float32)
    return np.stack([mono, mono])  # planar stereo: shape (2, count)


def make_demo_video(dest: Path, *, seconds: float = 6.0, width: int = 640, height: int = 360,
                    fps: int = 24, with_audio: bool = True, gps: GpsPoint | None = None,
                    device: bool = False, faststart: bool = False,
                    rotation: int = 0) -> Path:
    """Write an H.264 (+ AAC) MP4 of a classroom scene; `gps` adds an ISO 6709 location tag,
    `device` phone make/model tags, `faststart` puts the index first, `rotation` a display
    rotation (degrees counter-clockwise) as phones do for portrait videos."""
    import av

    dest = Path(dest)
    metadata = {"creation_time": DEMO_TAKEN_AT.strftime("%Y-%m-%dT%H:%M:%S.000000Z")}
    flags = []
    if gps is not None:
        metadata["location"] = iso6709(gps)
    if device:
        metadata["com.apple.quicktime.make"], metadata["com.apple.quicktime.model"] = DEMO_CAMERA
        metadata["com.apple.quicktime.software"] = "17.4.1"
        flags.append("use_metadata_tags")
    if faststart:
        flags.append("faststart")
    options = {"movflags": "+".join(flags)} if flags else {}
    frames = max(1, round(seconds * fps))
    with av.open(str(dest), "w", format="mp4", container_options=options) as out:
        out.metadata.update(metadata)
        video = out.add_stream("libx264", rate=fps,
                               options={"preset": "veryfast", "crf": "30", "g": str(fps * 2)})
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        if rotation:
            video.set_display_rotation(rotation)
        audio = out.add_stream("aac", rate=_SAMPLE_RATE, layout="stereo") if with_audio else None
        samples_total = round(seconds * _SAMPLE_RATE)
        samples_done = 0
        for index in range(frames):
            picture = av.VideoFrame.from_ndarray(_classroom_frame(index, fps, width, height),
                                                 format="rgb24")
            picture.pts = index
            out.mux(video.encode(picture))
            if audio is None:
                continue
            # Keep the audio up to the end of this video frame.
            until = min(samples_total, round((index + 1) * _SAMPLE_RATE / fps))
            while samples_done < until:
                count = min(1024, until - samples_done)
                sound = av.AudioFrame.from_ndarray(_chord(samples_done, count), format="fltp",
                                                   layout="stereo")
                sound.sample_rate, sound.pts = _SAMPLE_RATE, samples_done
                out.mux(audio.encode(sound))
                samples_done += count
        out.mux(video.encode(None))
        if audio is not None:
            out.mux(audio.encode(None))
    return dest


_AUDIO_FORMATS: dict[str, tuple[str, str]] = {
    ".m4a": ("ipod", "aac"), ".mp3": ("mp3", "libmp3lame"), ".wav": ("wav", "pcm_s16le"),
}


def make_demo_audio(dest: Path, *, seconds: float = 3.0, artist: str | None = None) -> Path:
    """Write a sound recording of a soft chord: M4A (AAC), MP3 or WAV by `dest`'s extension;
    `artist` adds an artist tag (identifying metadata)."""
    import av

    dest = Path(dest)
    fmt, codec = _AUDIO_FORMATS[dest.suffix.lower()]
    with av.open(str(dest), "w", format=fmt) as out:
        out.metadata["creation_time"] = DEMO_TAKEN_AT.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        if artist is not None:
            out.metadata["artist"] = artist
        stream = cast("AudioStream", out.add_stream(codec, rate=_SAMPLE_RATE, layout="stereo"))
        resampler = av.AudioResampler(format=stream.codec_context.format.name,
                                      layout="stereo", rate=_SAMPLE_RATE)
        chunk = stream.codec_context.frame_size or 1024
        total = round(seconds * _SAMPLE_RATE)
        done = 0
        while done < total:
            count = min(chunk, total - done)
            sound = av.AudioFrame.from_ndarray(_chord(done, count), format="fltp",
                                               layout="stereo")
            sound.sample_rate, sound.pts = _SAMPLE_RATE, done
            for converted in resampler.resample(sound):
                out.mux(stream.encode(converted))
            done += count
        for converted in resampler.resample(None):
            out.mux(stream.encode(converted))
        out.mux(stream.encode(None))
    return dest


# --------------------------------------------------------------------------- photo


def _rational(value: float, denominator: int = 10_000) -> object:
    from PIL.TiffImagePlugin import IFDRational

    return IFDRational(round(value * denominator), denominator)


def _dms(value: float) -> tuple[object, object, object]:
    value = abs(value)
    degrees = int(value)
    minutes_f = (value - degrees) * 60
    minutes = int(minutes_f)
    seconds = (minutes_f - minutes) * 60
    return _rational(degrees, 1), _rational(minutes, 1), _rational(seconds, 100)


def make_demo_photo(dest: Path, *, gps: GpsPoint | None, text: str,
                    size: tuple[int, int] = (1024, 768), artist: str | None = None,
                    serial: str | None = None, orientation: int = 1) -> Path:
    """Write a JPEG "photo of student work" (a worksheet on a desk) with EXIF DateTimeOriginal,
    Make/Model and, when given, a GPS position, an Artist name and a body serial number.
    With `orientation` 3, 6 or 8 the pixels are stored turned, as a camera held sideways
    does, and the EXIF tag turns them back: `size` is the upright size."""
    from PIL import Image, ImageDraw, ImageFont

    dest = Path(dest)
    width, height = size
    image = Image.new("RGB", size, (139, 101, 68))  # the desk
    draw = ImageDraw.Draw(image)
    margin_x, margin_y = width // 8, height // 14
    sheet = (margin_x, margin_y, width - margin_x, height - margin_y)
    draw.rectangle((sheet[0] + 8, sheet[1] + 8, sheet[2] + 8, sheet[3] + 8), fill=(95, 70, 48))
    draw.rectangle(sheet, fill=(252, 252, 246))
    title_font = ImageFont.load_default(max(12, height // 22))
    font = ImageFont.load_default(max(10, height // 34))
    x = sheet[0] + width // 30
    y = sheet[1] + height // 30
    draw.text((x, y), text, fill=(20, 20, 120), font=title_font)
    y += height // 12
    line_gap = max(14, height // 16)
    for i in range(1, 8):
        a, b = i, i + 1
        draw.text((x, y), f"{i}.  {a}/{b + 2} + 1/{b + 2} = {a + 1}/{b + 2}", fill=(30, 30, 30),
                  font=font)
        # A red tick from the teacher for each answer.
        tx = sheet[2] - width // 10
        draw.line((tx, y + line_gap // 3, tx + 8, y + line_gap // 2, tx + 24, y),
                  fill=(200, 30, 30), width=max(2, width // 300))
        y += line_gap
        draw.line((x, y - 6, sheet[2] - width // 30, y - 6), fill=(170, 190, 220), width=1)
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = DEMO_CAMERA  # Make, Model
    exif[0x0131] = "mcdesk demo"  # Software
    exif[0x0112] = orientation
    if artist is not None:
        exif[0x013B] = artist  # Artist
    sub = exif.get_ifd(0x8769)  # the Exif IFD
    sub[0x9003] = DEMO_TAKEN_AT.strftime("%Y:%m:%d %H:%M:%S")  # DateTimeOriginal
    sub[0x9011] = "+00:00"  # OffsetTimeOriginal
    if serial is not None:
        sub[0xA431] = serial  # BodySerialNumber
    if gps is not None:
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[0] = b"\x02\x03\x00\x00"  # GPSVersionID
        gps_ifd[1] = "N" if gps.latitude >= 0 else "S"
        gps_ifd[2] = _dms(gps.latitude)
        gps_ifd[3] = "E" if gps.longitude >= 0 else "W"
        gps_ifd[4] = _dms(gps.longitude)
    # Like a camera held sideways: store the pixels turned so the tag turns them upright.
    stored = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90,
              8: Image.Transpose.ROTATE_270}.get(orientation)
    if stored is not None:
        image = image.transpose(stored)
    image.save(dest, "JPEG", quality=88, exif=exif.tobytes())
    return dest


# --------------------------------------------------------------------------- documents

_LATIN1_SUBSTITUTES = str.maketrans({"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"',
                                     "”": '"', "…": "...", "•": "-"})


def _latin1(text: str) -> str:
    """fpdf2's core fonts speak Latin-1 only; keep the demo text readable."""
    return text.translate(_LATIN1_SUBSTITUTES).encode("latin-1", "replace").decode("latin-1")


def make_demo_pdf(dest: Path, *, title: str, paragraphs: Sequence[str],
                  encrypted_password: str | None = None, author: str | None = None) -> Path:
    """Write a PDF with real, extractable text (one paragraph after another, pages as needed);
    with `encrypted_password` it needs that password to open (AES-256)."""
    from fpdf import FPDF

    dest = Path(dest)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(DEMO_TAKEN_AT)
    pdf.set_title(_latin1(title))
    if author is not None:
        pdf.set_author(_latin1(author))
    pdf.set_margins(20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, _latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, _latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    data = bytes(pdf.output())
    if encrypted_password is None:
        dest.write_bytes(data)
        return dest
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=encrypted_password, owner_password=None, algorithm="AES-256")
    with open(dest, "wb") as fh:
        writer.write(fh)
    return dest


def make_demo_docx(dest: Path, *, paragraphs: Sequence[str], author: str | None,
                   table: Sequence[Sequence[str]] | None = None,
                   last_modified_by: str | None = None) -> Path:
    """Write a Word document with `paragraphs` (and an optional table); its author fields are
    `author`/`last_modified_by` or empty."""
    import docx

    dest = Path(dest)
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        columns = max(len(row) for row in table)
        grid = document.add_table(rows=len(table), cols=columns)
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    props = document.core_properties
    props.author = author or ""
    props.last_modified_by = last_modified_by or ""
    props.created = props.modified = DEMO_TAKEN_AT.replace(tzinfo=None)
    props.revision = 1
    part = dest.with_name(dest.name + ".part")
    document.save(str(part))
    _fix_zip_times(part, dest)
    return dest


def _fix_zip_times(src: Path, dest: Path) -> None:
    """Copy a ZIP with fixed member times, so the same input makes the same bytes."""
    try:
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
                fixed.compress_type = zipfile.ZIP_DEFLATED
                fixed.external_attr = info.external_attr
                zout.writestr(fixed, zin.read(info))
    finally:
        os.unlink(src)
