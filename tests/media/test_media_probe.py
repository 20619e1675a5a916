"""Probing real media made by mcdesk.media.demo: every kind, and bad input of every sort
ending in a MediaError that names the file and the problem."""

from __future__ import annotations

import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import EvidenceKind, GpsPoint
from mcdesk.media.demo import (
    DEMO_TAKEN_AT,
    make_demo_audio,
    make_demo_docx,
    make_demo_pdf,
    make_demo_photo,
    make_demo_video,
)
from mcdesk.media.isolation import IsolatedRunner
from mcdesk.media.probe import DOCX_MIME, kind_from_name, parse_iso6709, probe_file

# Santiago de Chile: south and west, so a lost sign shows.
SOUTH_WEST = GpsPoint(-33.4489, -70.6693)
PARAGRAPHS = [
    "Students compared fractions on a number line and explained their thinking to a partner.",
    "I noticed that three groups used benchmark fractions such as one half without prompting.",
]
PARAGRAPH_WORDS = 14 + 14


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    make_demo_video(folder / "lesson.mp4", seconds=4.0, gps=SOUTH_WEST, device=True)
    make_demo_video(folder / "silent.mp4", seconds=2.0, width=320, height=180, with_audio=False)
    make_demo_video(folder / "portrait.mp4", seconds=2.0, width=320, height=180, rotation=90,
                    faststart=True)
    make_demo_photo(folder / "worksheet.jpg", gps=SOUTH_WEST, text="Fractions worksheet",
                    artist="Ana Lopez", serial="C39XK1")
    make_demo_photo(folder / "sideways.jpg", gps=None, text="Sideways", size=(400, 300),
                    orientation=6)
    make_demo_pdf(folder / "plan.pdf", title="Lesson plan", paragraphs=PARAGRAPHS,
                  author="Ana Lopez")
    make_demo_docx(folder / "reflection.docx", paragraphs=PARAGRAPHS, author="Ana Lopez",
                   table=[["Criterion", "Evidence"], ["Number lines", "photo two"]],
                   last_modified_by="Ana")
    return folder


def test_video(media: Path) -> None:
    info = probe_file(media / "lesson.mp4")
    assert info.kind is EvidenceKind.VIDEO
    assert info.mime_type == "video/mp4"
    assert info.duration_s == pytest.approx(4.0, abs=0.2)
    assert (info.width, info.height) == (640, 360)
    assert info.has_audio is True
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")
    assert info.taken_at == DEMO_TAKEN_AT
    assert info.gps == SOUTH_WEST
    assert info.camera == "Apple iPhone 12"
    assert info.identifying == ("GPS position", "camera make and model")


def test_video_without_sound_and_turned_upright(media: Path) -> None:
    silent = probe_file(media / "silent.mp4")
    assert silent.has_audio is False and silent.audio_codec is None
    assert silent.duration_s == pytest.approx(2.0, abs=0.2)
    assert silent.gps is None and silent.identifying == ()
    portrait = probe_file(media / "portrait.mp4")
    assert (portrait.width, portrait.height) == (180, 320)  # as it is shown, not as stored


@pytest.mark.parametrize(("suffix", "mime", "codec"), [
    (".m4a", "audio/mp4", "aac"), (".mp3", "audio/mpeg", "mp3"), (".wav", "audio/wav",
                                                                  "pcm_s16le")])
def test_sound(tmp_path: Path, suffix: str, mime: str, codec: str) -> None:
    path = make_demo_audio(tmp_path / f"voice{suffix}", seconds=2.0, artist="Ana Lopez")
    info = probe_file(path)
    assert (info.kind, info.mime_type, info.audio_codec) == (EvidenceKind.AUDIO, mime, codec)
    assert info.duration_s == pytest.approx(2.0, abs=0.2)
    assert info.has_audio is True and info.video_codec is None and info.width is None
    assert info.identifying == ("owner/artist name",)


def test_photo(media: Path) -> None:
    info = probe_file(media / "worksheet.jpg")
    assert info.kind is EvidenceKind.IMAGE and info.mime_type == "image/jpeg"
    assert (info.width, info.height) == (1024, 768)
    assert info.gps is not None
    assert info.gps.latitude == pytest.approx(SOUTH_WEST.latitude, abs=1e-5)
    assert info.gps.longitude == pytest.approx(SOUTH_WEST.longitude, abs=1e-5)
    assert info.taken_at == DEMO_TAKEN_AT  # OffsetTimeOriginal makes it aware
    assert info.camera == "Apple iPhone 12"
    assert set(info.identifying) == {"GPS position", "camera serial number",
                                     "owner/artist name", "camera make and model"}


def test_photo_size_follows_the_exif_orientation(media: Path) -> None:
    info = probe_file(media / "sideways.jpg")
    assert (info.width, info.height) == (400, 300)
    assert info.gps is None and "GPS position" not in info.identifying


def test_pdf(media: Path) -> None:
    info = probe_file(media / "plan.pdf")
    assert info.kind is EvidenceKind.DOCUMENT and info.mime_type == "application/pdf"
    assert info.pages == 1
    assert info.words == PARAGRAPH_WORDS + 2  # and the title, "Lesson plan"
    assert info.text is not None and "benchmark fractions" in info.text
    assert info.identifying == ("document author",)


def test_pdf_pages(tmp_path: Path) -> None:
    long = make_demo_pdf(tmp_path / "long.pdf", title="Unit",
                         paragraphs=[f"Paragraph {i} " + "word " * 60 for i in range(40)])
    import pypdfium2

    document = pypdfium2.PdfDocument(str(long))
    try:
        assert probe_file(long).pages == len(document) > 1
    finally:
        document.close()


def test_docx(media: Path) -> None:
    info = probe_file(media / "reflection.docx")
    assert info.kind is EvidenceKind.DOCUMENT and info.mime_type == DOCX_MIME
    assert info.words == PARAGRAPH_WORDS + 6  # paragraphs and the table's cells
    assert info.text is not None and "Number lines" in info.text
    assert info.identifying == ("document author", "last editor's name")


def test_docx_merged_cells_count_once(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "spanning header cell"
    table.cell(1, 0).text = "one"
    table.cell(1, 2).text = "three"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    info = probe_file(path)
    assert info.words == 5, info.text


def test_docx_without_author(tmp_path: Path) -> None:
    info = probe_file(make_demo_docx(tmp_path / "plain.docx", paragraphs=["Two words"],
                                     author=None))
    assert info.words == 2 and info.identifying == ()


def test_text_in_utf8_and_windows_encoding(tmp_path: Path) -> None:
    utf8 = tmp_path / "notes.md"
    utf8.write_text("# Réflexion\n\nLes élèves ont travaillé — bien.\n", encoding="utf-8")
    info = probe_file(utf8)
    assert (info.kind, info.mime_type, info.words) == (EvidenceKind.TEXT, "text/markdown", 6)
    legacy = tmp_path / "notes.txt"
    legacy.write_bytes("Café naïve – “quoted”".encode("cp1252"))
    info = probe_file(legacy)
    assert info.text == "Café naïve – “quoted”" and info.words == 3


def test_content_decides_not_the_name(media: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "photo.mp4"
    disguised.write_bytes((media / "worksheet.jpg").read_bytes())
    assert probe_file(disguised).kind is EvidenceKind.IMAGE
    nameless = tmp_path / "ab12cd"  # how the portfolio stores files
    nameless.write_bytes((media / "lesson.mp4").read_bytes())
    assert probe_file(nameless).kind is EvidenceKind.VIDEO


def test_kind_from_name() -> None:
    assert kind_from_name("Lesson 3.MOV") is EvidenceKind.VIDEO
    assert kind_from_name("IMG_0001.HEIC") is EvidenceKind.IMAGE
    assert kind_from_name("voice.m4a") is EvidenceKind.AUDIO
    assert kind_from_name("plan.docx") is EvidenceKind.DOCUMENT
    assert kind_from_name("notes.md") is EvidenceKind.TEXT
    assert kind_from_name("archive.zip") is None


def test_iso6709_forms() -> None:
    assert parse_iso6709("+37.7858-122.4064+012.000/") == GpsPoint(37.7858, -122.4064)
    assert parse_iso6709("-3326.934-07040.158/") == GpsPoint(-33.4489, -70.6693)
    assert parse_iso6709("nonsense") is None
    assert parse_iso6709("+95.0+010.0/") is None


# --------------------------------------------------------------------------- bad input


def _cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _empty(tmp: Path, media: Path) -> Path:
    path = tmp / "empty.mp4"
    path.write_bytes(b"")
    return path


def _truncated_mp4(tmp: Path, media: Path) -> Path:
    # As a phone or PyAV writes it, the index (moov) comes last: half a file has no index.
    path = tmp / "cut.mp4"
    path.write_bytes((media / "lesson.mp4").read_bytes())
    _cut_in_half(path)
    return path


def _truncated_faststart_mp4(tmp: Path, media: Path) -> Path:
    # With the index first, FFmpeg opens half a file and reports the full duration: probing
    # must notice the missing media data rather than report 2 s of video as fine.
    path = tmp / "cut-faststart.mp4"
    path.write_bytes((media / "portrait.mp4").read_bytes())
    _cut_in_half(path)
    return path


def _random_mp4(tmp: Path, media: Path) -> Path:
    path = tmp / "random.mp4"
    path.write_bytes(random.Random(7).randbytes(64 * 1024))
    return path


def _encrypted_pdf(tmp: Path, media: Path) -> Path:
    return make_demo_pdf(tmp / "locked.pdf", title="Secret", paragraphs=PARAGRAPHS,
                         encrypted_password="hunter2")


def _truncated_pdf(tmp: Path, media: Path) -> Path:
    path = make_demo_pdf(tmp / "cut.pdf", title="Plan", paragraphs=PARAGRAPHS * 20)
    _cut_in_half(path)
    return path


def _garbage_pdf(tmp: Path, media: Path) -> Path:
    path = tmp / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(3).randbytes(4000) + b"\n%%EOF\n")
    return path


def _truncated_jpeg(tmp: Path, media: Path) -> Path:
    path = tmp / "cut.jpg"
    path.write_bytes((media / "worksheet.jpg").read_bytes())
    _cut_in_half(path)
    return path


def _bomb_png(tmp: Path, media: Path) -> Path:
    from PIL import Image

    path = tmp / "bomb.png"
    Image.new("1", (20000, 20000)).save(path)  # 400 megapixels, ~50 KB on disk
    return path


def _unknown(tmp: Path, media: Path) -> Path:
    path = tmp / "data.xyz"
    path.write_bytes(b"\x00\x01\x02 some binary thing")
    return path


def _zip_named_docx(tmp: Path, media: Path) -> Path:
    path = tmp / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("junk.bin", random.Random(5).randbytes(2000))
    return path


def _old_word(tmp: Path, media: Path) -> Path:
    path = tmp / "report.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    return path


BAD_INPUT: list[tuple[Callable[[Path, Path], Path], str]] = [
    (_empty, "the file is empty"),
    (_truncated_mp4, "this video cannot be read; it may be truncated or damaged"),
    (_truncated_faststart_mp4, "this video is incomplete: its last part is missing"),
    (_random_mp4, "this video cannot be read; it may be truncated or damaged"),
    (_encrypted_pdf, "this PDF is encrypted; remove its password and add it again"),
    (_truncated_pdf, "this PDF is incomplete: its end is missing"),
    (_garbage_pdf, "this PDF cannot be read; it may be damaged or incomplete"),
    (_truncated_jpeg, "this image cannot be read; it may be truncated or damaged"),
    (_bomb_png, "the image is too large to open safely (400 megapixels)"),
    (_unknown, "mcdesk does not know this kind of file (“.xyz” files)"),
    (_zip_named_docx, "this Word document cannot be read; it may be damaged"),
    (_old_word, "mcdesk does not know this kind of file (an old Office file"),
]


@pytest.mark.parametrize(("make", "message"), BAD_INPUT, ids=[m.__name__[1:] for m, _ in BAD_INPUT])
def test_bad_input_is_a_clear_media_error(make: Callable[[Path, Path], Path], message: str,
                                          media: Path, tmp_path: Path) -> None:
    path = make(tmp_path, media)
    with pytest.raises(MediaError) as caught:
        probe_file(path)
    assert caught.value.path == path
    assert caught.value.detail.startswith(message), caught.value.detail
    assert str(path) in str(caught.value)


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="cannot be found"):
        probe_file(tmp_path / "gone.mp4")


def test_probing_through_the_isolated_runner(media: Path, tmp_path: Path) -> None:
    with IsolatedRunner(max_workers=1) as runner:
        info = runner.call(probe_file, media / "lesson.mp4", timeout_s=30)
        assert info == probe_file(media / "lesson.mp4")
        bad = _random_mp4(tmp_path, media)
        with pytest.raises(MediaError) as caught:
            runner.call(probe_file, bad, timeout_s=30)
        assert caught.value.path == bad
        assert runner.call(probe_file, media / "plan.pdf").pages == 1

