"""Thumbnails of real demo media: a PNG no larger than asked, written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import EvidenceKind
from mcdesk.media.demo import make_demo_docx, make_demo_pdf, make_demo_photo, make_demo_video
from mcdesk.media.thumbnails import make_thumbnail


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("thumbs-media")
    make_demo_video(folder / "lesson.mp4", seconds=3.0)
    make_demo_video(folder / "portrait.mp4", seconds=1.0, width=320, height=180, rotation=90,
                    with_audio=False)
    make_demo_photo(folder / "worksheet.jpg", gps=None, text="Worksheet", size=(800, 600))
    make_demo_photo(folder / "sideways.jpg", gps=None, text="Sideways", size=(800, 600),
                    orientation=6)
    make_demo_pdf(folder / "plan.pdf", title="Lesson plan", paragraphs=["Number lines."] * 5)
    make_demo_docx(folder / "reflection.docx", paragraphs=["What went well", "Next time"],
                   author=None)
    (folder / "notes.txt").write_text("A short note\n\nabout the lesson.\n", encoding="utf-8")
    (folder / "blank.txt").write_text("\n  \n", encoding="utf-8")
    return folder


def _picture(path: Path) -> tuple[str | None, tuple[int, int], tuple[int, int, int]]:
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        return image.format, image.size, rgb.getpixel((rgb.width // 2, 2))  # type: ignore[return-value]


@pytest.mark.parametrize(("name", "kind", "size"), [
    ("lesson.mp4", EvidenceKind.VIDEO, (320, 180)),
    ("portrait.mp4", EvidenceKind.VIDEO, (180, 320)),
    ("worksheet.jpg", EvidenceKind.IMAGE, (320, 240)),
    ("sideways.jpg", EvidenceKind.IMAGE, (320, 240)),
    ("plan.pdf", EvidenceKind.DOCUMENT, (320, 240)),  # the top of the page
    ("reflection.docx", EvidenceKind.DOCUMENT, (320, 240)),
    ("notes.txt", EvidenceKind.TEXT, (320, 240)),
])
def test_thumbnail_of_each_kind(media: Path, tmp_path: Path, name: str, kind: EvidenceKind,
                                size: tuple[int, int]) -> None:
    dest = tmp_path / "thumb.png"
    assert make_thumbnail(media / name, dest, kind=kind) is True
    fmt, actual, _top = _picture(dest)
    assert fmt == "PNG"
    assert max(actual) == 320
    assert actual == pytest.approx(size, abs=1)
    assert list(tmp_path.iterdir()) == [dest]  # no partial file left


def test_documents_are_white_pages(media: Path, tmp_path: Path) -> None:
    for name in ("plan.pdf", "reflection.docx"):
        dest = tmp_path / f"{name}.png"
        make_thumbnail(media / name, dest, kind=EvidenceKind.DOCUMENT, max_side=160)
        _fmt, size, top = _picture(dest)
        assert max(size) == 160
        assert min(top) > 200, f"{name}: the page is not white at the top ({top})"


def test_a_document_shows_the_top_of_its_page_framed_and_big_enough_to_read(
        media: Path, tmp_path: Path) -> None:
    """A whole A4 page at thumbnail size vanished on the white list; its top fills the
    picture: the title's ink is there, and twice as big as on the whole page."""
    for name in ("plan.pdf", "reflection.docx", "notes.txt"):
        dest = tmp_path / f"{name}.png"
        kind = EvidenceKind.TEXT if name.endswith(".txt") else EvidenceKind.DOCUMENT
        make_thumbnail(media / name, dest, kind=kind)
        with Image.open(dest) as image:
            grey = image.convert("L")
        width, height = grey.size
        frame = [grey.getpixel((0, 0)), grey.getpixel((width - 1, height // 2)),
                 grey.getpixel((width // 2, height - 1))]
        assert all(isinstance(v, int) and v < 230 for v in frame), f"{name}: no frame {frame}"
        ink = grey.crop((4, 4, width - 4, height // 2)).point(lambda v: 255 if v < 160 else 0)
        inked = ink.getbbox()
        assert inked is not None, f"{name}: nothing written at the top"
        assert inked[3] - inked[1] >= 10, f"{name}: the writing is too small to read {inked}"


def test_files_stored_without_a_name_extension(media: Path, tmp_path: Path) -> None:
    for name, kind in (("lesson.mp4", EvidenceKind.VIDEO), ("plan.pdf", EvidenceKind.DOCUMENT),
                       ("reflection.docx", EvidenceKind.DOCUMENT),
                       ("notes.txt", EvidenceKind.TEXT)):
        stored = tmp_path / f"ab12{len(name)}"
        stored.write_bytes((media / name).read_bytes())
        assert make_thumbnail(stored, tmp_path / f"{name}.png", kind=kind)


def test_nothing_to_show(media: Path, tmp_path: Path) -> None:
    sound = EvidenceKind.AUDIO
    assert make_thumbnail(media / "lesson.mp4", tmp_path / "a.png", kind=sound) is False
    assert make_thumbnail(media / "blank.txt", tmp_path / "b.png", kind=EvidenceKind.TEXT) is False
    assert list(tmp_path.iterdir()) == []


def test_unreadable_files_raise_and_leave_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"\x00" * 5000)
    dest = tmp_path / "thumb.png"
    for kind in (EvidenceKind.VIDEO, EvidenceKind.IMAGE, EvidenceKind.DOCUMENT):
        with pytest.raises(MediaError) as caught:
            make_thumbnail(broken, dest, kind=kind)
        assert caught.value.path == broken
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.mp4"]


def test_encrypted_pdf_is_a_media_error(tmp_path: Path) -> None:
    locked = make_demo_pdf(tmp_path / "locked.pdf", title="x", paragraphs=["y"],
                           encrypted_password="pw")
    with pytest.raises(MediaError, match="encrypted"):
        make_thumbnail(locked, tmp_path / "t.png", kind=EvidenceKind.DOCUMENT)
