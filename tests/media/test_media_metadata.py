"""Removing identifying metadata: photos, videos, PNG text, PDFs and Word documents come out
clean by probing and by reading their bytes, whole or not at all."""

from __future__ import annotations

import zipfile
from pathlib import Path

import av
import pytest
from PIL import Image, PngImagePlugin

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import EvidenceKind, GpsPoint
from mcdesk.core.progress import Cancelled
from mcdesk.media.demo import (
    make_demo_audio,
    make_demo_docx,
    make_demo_pdf,
    make_demo_photo,
    make_demo_video,
)
from mcdesk.media.metadata import strip_identifying_metadata, stripped_suffix
from mcdesk.media.probe import probe_file

SOUTH_WEST = GpsPoint(-33.4489, -70.6693)


class CancelAfterProgress:
    """A JobControl that is cancelled once it has heard `after` progress reports."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.heard = 0

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.heard += 1

    def check_cancelled(self) -> None:
        if self.cancelled:
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return self.heard >= self.after


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_video(tmp_path_factory.mktemp("strip") / "lesson.mp4", seconds=3.0,
                           gps=SOUTH_WEST, device=True, rotation=-90)


def test_jpeg_loses_gps_and_everything_identifying(tmp_path: Path) -> None:
    src = make_demo_photo(tmp_path / "work.jpg", gps=SOUTH_WEST, text="Work", size=(640, 480),
                          artist="Ana Lopez", serial="C39XK1", orientation=6)
    assert probe_file(src).gps is not None
    dest = tmp_path / "clean.jpg"
    strip_identifying_metadata(src, dest, kind=EvidenceKind.IMAGE)
    info = probe_file(dest)
    assert info.gps is None and info.identifying == () and info.camera is None
    assert info.taken_at is None
    assert (info.width, info.height) == (640, 480)  # turned upright, no orientation needed
    with Image.open(src) as before, Image.open(dest) as after:
        assert dict(after.getexif()) == {}
        assert "exif" not in after.info and "xmp" not in after.info
        assert after.size == (640, 480)
        assert after.quantization == before.quantization  # the camera's quality is kept
    raw = dest.read_bytes()
    assert b"Ana Lopez" not in raw and b"C39XK1" not in raw and b"iPhone" not in raw


def test_mp4_loses_location_and_keeps_picture_and_sound(video: Path, tmp_path: Path) -> None:
    before = probe_file(video)
    assert before.gps is not None and "camera make and model" in before.identifying
    dest = tmp_path / "clean.mp4"
    strip_identifying_metadata(video, dest, kind=EvidenceKind.VIDEO)
    after = probe_file(dest)
    assert after.gps is None and after.identifying == () and after.camera is None
    assert after.taken_at is None
    assert after.has_audio is True
    assert (after.video_codec, after.audio_codec) == ("h264", "aac")
    assert after.duration_s == pytest.approx(before.duration_s, abs=0.05)
    assert (after.width, after.height) == (before.width, before.height) == (360, 640)
    with av.open(str(dest)) as container:
        tags = {k.lower(): v for k, v in container.metadata.items()}
        for stream in container.streams:
            tags.update({k.lower(): v for k, v in stream.metadata.items()})
        # Stream copy: the very same packets, nothing re-encoded.
        packets = sum(1 for p in container.demux() if p.size)
    assert not {"location", "location-eng", "creation_time", "com.apple.quicktime.make",
                "com.apple.quicktime.model"} & set(tags)
    with av.open(str(video)) as container:
        assert packets == sum(1 for p in container.demux() if p.size)
    raw = dest.read_bytes()
    assert b"iPhone" not in raw and b"-33.4489" not in raw


def test_sound_loses_its_artist_tag(tmp_path: Path) -> None:
    src = make_demo_audio(tmp_path / "voice.m4a", seconds=1.0, artist="Ana Lopez")
    dest = tmp_path / ("clean" + stripped_suffix(EvidenceKind.AUDIO, ".m4a"))
    strip_identifying_metadata(src, dest, kind=EvidenceKind.AUDIO)
    info = probe_file(dest)
    assert info.kind is EvidenceKind.AUDIO and info.identifying == () and info.taken_at is None
    assert info.duration_s == pytest.approx(1.0, abs=0.1)
    assert b"Ana Lopez" not in dest.read_bytes()


def test_png_text_chunks_are_removed(tmp_path: Path) -> None:
    notes = PngImagePlugin.PngInfo()
    notes.add_text("Author", "Ana Lopez")
    notes.add_text("Comment", "Room 12, Lincoln Elementary")
    notes.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>Ana</x:xmpmeta>")
    src = tmp_path / "chart.png"
    Image.new("RGBA", (60, 40), (10, 200, 30, 128)).save(src, pnginfo=notes)
    assert set(probe_file(src).identifying) == {"owner/artist name", "text notes in the image",
                                                "XMP/IPTC data"}
    dest = tmp_path / "clean.png"
    strip_identifying_metadata(src, dest, kind=EvidenceKind.IMAGE)
    with Image.open(dest) as image:
        assert image.text == {}  # type: ignore[attr-defined]
        assert image.mode == "RGBA" and image.getpixel((1, 1)) == (10, 200, 30, 128)
    assert probe_file(dest).identifying == ()
    assert b"Lincoln" not in dest.read_bytes()


def test_heic_becomes_a_clean_jpeg(tmp_path: Path) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    photo = make_demo_photo(tmp_path / "p.jpg", gps=SOUTH_WEST, text="HEIC", size=(320, 240))
    src = tmp_path / "IMG_0001.HEIC"
    with Image.open(photo) as image:
        image.save(src, format="HEIF", quality=50, exif=image.info["exif"])
    assert probe_file(src).mime_type == "image/heic" and probe_file(src).gps is not None
    dest = tmp_path / ("clean" + stripped_suffix(EvidenceKind.IMAGE, src.suffix))
    assert dest.suffix == ".jpg"
    strip_identifying_metadata(src, dest, kind=EvidenceKind.IMAGE)
    info = probe_file(dest)
    assert info.mime_type == "image/jpeg" and info.gps is None and info.identifying == ()


def test_pdf_and_docx_lose_their_authors(tmp_path: Path) -> None:
    pdf = make_demo_pdf(tmp_path / "plan.pdf", title="Plan", paragraphs=["Fractions."],
                        author="Ana Lopez")
    docx = make_demo_docx(tmp_path / "notes.docx", paragraphs=["Reflection text."],
                          author="Ana Lopez", last_modified_by="Ana")
    for src in (pdf, docx):
        assert probe_file(src).identifying
        dest = tmp_path / f"clean{src.suffix}"
        strip_identifying_metadata(src, dest, kind=EvidenceKind.DOCUMENT)
        info = probe_file(dest)
        assert info.identifying == ()
        assert info.words == probe_file(src).words
        assert b"Ana Lopez" not in dest.read_bytes()
    with zipfile.ZipFile(tmp_path / "clean.docx") as archive:
        assert b"Ana" not in archive.read("docProps/core.xml")


def test_docx_reviewer_names_are_blanked(tmp_path: Path) -> None:
    src = make_demo_docx(tmp_path / "tracked.docx", paragraphs=["Some text."], author=None)
    # Add a tracked insertion by a named reviewer, as Word writes it.
    patched = tmp_path / "patched.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(patched, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(
                    b"<w:body>", b'<w:body><w:p><w:ins w:id="1" w:author="Mr. Smith" '
                    b'w:date="2024-03-05T10:00:00Z"><w:r><w:t>added</w:t></w:r></w:ins></w:p>', 1)
            zout.writestr(item, data)
    assert "names in comments or tracked changes" in probe_file(patched).identifying
    dest = tmp_path / "clean.docx"
    strip_identifying_metadata(patched, dest, kind=EvidenceKind.DOCUMENT)
    assert probe_file(dest).identifying == ()
    with zipfile.ZipFile(dest) as archive:
        assert b"Smith" not in archive.read("word/document.xml")


def test_stripped_suffix() -> None:
    assert stripped_suffix(EvidenceKind.IMAGE, ".HEIC") == ".jpg"
    assert stripped_suffix(EvidenceKind.IMAGE, ".heif") == ".jpg"
    assert stripped_suffix(EvidenceKind.IMAGE, ".jpeg") == ".jpeg"
    assert stripped_suffix(EvidenceKind.IMAGE, ".png") == ".png"
    assert stripped_suffix(EvidenceKind.IMAGE, ".tiff") == ".png"
    assert stripped_suffix(EvidenceKind.VIDEO, ".MOV") == ".mov"
    assert stripped_suffix(EvidenceKind.VIDEO, ".avi") == ".mkv"
    assert stripped_suffix(EvidenceKind.DOCUMENT, ".pdf") == ".pdf"


def test_cancelling_leaves_nothing(video: Path, tmp_path: Path) -> None:
    dest = tmp_path / "clean.mp4"
    control = CancelAfterProgress(after=1)
    with pytest.raises(Cancelled):
        strip_identifying_metadata(video, dest, kind=EvidenceKind.VIDEO, control=control)
    assert control.heard == 1  # it was under way
    assert list(tmp_path.iterdir()) == []


def test_failure_leaves_nothing(tmp_path: Path) -> None:
    src = tmp_path / "broken.mp4"
    src.write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(2000))
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(MediaError) as caught:
        strip_identifying_metadata(src, out / "clean.mp4", kind=EvidenceKind.VIDEO)
    assert caught.value.path == src
    locked = make_demo_pdf(tmp_path / "locked.pdf", title="x", paragraphs=["y"],
                           encrypted_password="pw")
    with pytest.raises(MediaError, match="encrypted"):
        strip_identifying_metadata(locked, out / "clean.pdf", kind=EvidenceKind.DOCUMENT)
    assert list(out.iterdir()) == []
