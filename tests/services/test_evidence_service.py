"""Bringing evidence in and making it safe, through the service the CLI and the window use."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import (
    BlurFaces,
    Compress,
    Consent,
    EvidenceKind,
    GpsPoint,
    Rect,
    Redact,
    StripMetadata,
    Trim,
)
from mcdesk.core.progress import Cancelled
from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from tests.media_factory import astronaut_path

PLACE = GpsPoint(51.5007, -0.1246)


class CancelAfter:
    """A JobControl that asks to stop after `n` progress reports."""

    def __init__(self, n: int) -> None:
        self.calls = 0
        self.n = n

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.calls += 1

    def check_cancelled(self) -> None:
        if self.calls >= self.n:
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self.calls >= self.n


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "portfolio")
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("media")
    video = demo.make_demo_video(folder / "lesson.mp4", seconds=4.0, gps=PLACE)
    truncated = folder / "truncated.mp4"
    truncated.write_bytes(video.read_bytes()[: video.stat().st_size // 3])
    return {
        "video": video,
        "truncated": truncated,
        "photo": demo.make_demo_photo(folder / "work.jpg", gps=PLACE, text="2/4 = 1/2"),
        "pdf": demo.make_demo_pdf(folder / "plan.pdf", title="Plan",
                                  paragraphs=["Objective: Maya Lopez will explain fractions."]),
        "locked": demo.make_demo_pdf(folder / "locked.pdf", title="Locked", paragraphs=["x"],
                                     encrypted_password="secret"),
        "docx": demo.make_demo_docx(folder / "notes.docx", paragraphs=["Notes on Zoë."],
                                    author="Ms Teacher"),
    }


def incoming(workspace: Workspace) -> list[Path]:
    folder = workspace.root / "evidence" / ".incoming"
    return list(folder.iterdir()) if folder.is_dir() else []


def stored_files(workspace: Workspace) -> list[Path]:
    return [p for p in (workspace.root / "evidence").rglob("*")
            if p.is_file() and ".incoming" not in p.parts]


def test_a_bad_batch_names_each_failure_and_keeps_the_rest(
    workspace: Workspace, media: dict[str, Path], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    unknown = tmp_path / "data.xyz"
    unknown.write_bytes(b"\x00\x01 not a known kind of file")
    report = workspace.evidence.add_paths(
        [media["video"], media["truncated"], empty, media["locked"], unknown,
         tmp_path / "gone.mp4", media["pdf"]])
    errors = {Path(r.path).name: r.error for r in report.results if r.error}
    assert set(errors) == {"truncated.mp4", "empty.jpg", "locked.pdf", "data.xyz", "gone.mp4"}
    assert "empty" in (errors["empty.jpg"] or "")
    assert "password" in (errors["locked.pdf"] or "")
    assert not report.ok
    assert sorted(e.title for e in workspace.evidence.all()) == ["lesson", "plan"]
    assert incoming(workspace) == []
    assert len(stored_files(workspace)) == 2
    assert workspace.check().healthy


def test_same_file_twice_is_stored_once(workspace: Workspace, media: dict[str, Path],
                                        tmp_path: Path) -> None:
    copy = tmp_path / "copy of plan.pdf"
    shutil.copy(media["pdf"], copy)
    first = workspace.evidence.add_paths([media["pdf"]])
    second = workspace.evidence.add_paths([copy])
    assert first.results[0].evidence is not None
    assert second.results[0].already_had == first.results[0].evidence
    assert len(workspace.evidence.all()) == 1
    assert len(stored_files(workspace)) == 1


def test_a_camera_folder_skips_what_is_not_evidence(workspace: Workspace,
                                                    media: dict[str, Path],
                                                    tmp_path: Path) -> None:
    card = tmp_path / "DCIM" / "100APPLE"
    card.mkdir(parents=True)
    shutil.copy(media["video"], card / "IMG_0001.MP4")
    shutil.copy(media["photo"], card / "IMG_0002.JPG")
    (card / "IMG_0001.THM").write_bytes(b"thumbnail index")
    (card / ".DS_Store").write_bytes(b"junk")
    (tmp_path / "DCIM" / ".hidden").mkdir()
    (tmp_path / "DCIM" / ".hidden" / "x.jpg").write_bytes(b"junk")
    report = workspace.evidence.add_paths([tmp_path / "DCIM"])
    assert report.ok
    assert [Path(p).name for p in report.skipped] == ["IMG_0001.THM"]
    kinds = sorted(e.kind for e in workspace.evidence.all())
    assert kinds == [EvidenceKind.IMAGE, EvidenceKind.VIDEO]


def test_odd_file_names_are_kept_readable(workspace: Workspace, media: dict[str, Path],
                                          tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + "/leçon 🎓 plan.pdf".encode()))
    shutil.copy(media["pdf"], odd)
    # A name from an old Windows card: Latin-1 bytes that are not valid UTF-8.
    broken = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9-notes.docx"))
    shutil.copy(media["docx"], broken)
    report = workspace.evidence.add_paths([odd, broken])
    assert report.ok
    titles = sorted(e.title for e in workspace.evidence.all())
    assert titles == ["caf\ufffd-notes", "leçon 🎓 plan"]
    result = workspace.evidence.add_paths([odd]).results[0]
    assert result.already_had is not None


def test_cancelling_an_add_leaves_nothing_behind(workspace: Workspace,
                                                 tmp_path: Path) -> None:
    big = tmp_path / "notes.txt"
    big.write_text("word " * 1_500_000, encoding="utf-8")  # several 1 MB chunks
    with pytest.raises(Cancelled):
        workspace.evidence.add_file(big, control=CancelAfter(2))
    assert workspace.evidence.all() == []
    assert incoming(workspace) == []
    assert stored_files(workspace) == []


def test_links_and_writing(workspace: Workspace) -> None:
    link = workspace.evidence.add_link("https://video.example.org/lesson-3", "Lesson 3 video")
    assert link.kind is EvidenceKind.LINK and link.url
    with pytest.raises(McdeskError, match="not a web address"):
        workspace.evidence.add_link("javascript:alert(1)")
    text = workspace.evidence.add_text("Reflection", "Three words here")
    assert text.media is not None and text.media.words == 3
    updated = workspace.evidence.update_text(text.id, "Now four words here")
    assert updated.body == "Now four words here"


def test_roster_names_are_found_everywhere_accents_and_case_aside(
    workspace: Workspace, media: dict[str, Path], tmp_path: Path
) -> None:
    named = tmp_path / "Maya Lopez reading.jpg"
    shutil.copy(media["photo"], named)
    workspace.evidence.add_paths([media["pdf"], media["docx"], named])
    workspace.evidence.add_text("Notes", "Annual review: ZOE and maya   lopez did well.")
    workspace.evidence.add_roster_name("Maya Lopez")
    workspace.evidence.add_roster_name("Zoe", "student")
    workspace.evidence.add_roster_name("Ann", "teacher")
    with pytest.raises(McdeskError, match="already on the roster"):
        workspace.evidence.add_roster_name("  maya   lopez ".title())
    hits = workspace.evidence.roster_hits()
    found = {(h.evidence_title, h.name, h.where) for h in hits}
    assert ("plan", "Maya Lopez", "text") in found  # PDF text
    assert ("notes", "Zoe", "text") in found  # DOCX text, "Zoë"
    assert ("Maya Lopez reading", "Maya Lopez", "title") in found
    assert ("Maya Lopez reading", "Maya Lopez", "file name") in found
    assert ("Notes", "Zoe", "text") in found
    assert ("Notes", "Maya Lopez", "text") in found
    assert not any(h.name == "Ann" for h in hits)  # "Annual" is not "Ann"
    context = next(h.context for h in hits if h.evidence_title == "Notes" and h.name == "Zoe")
    assert "[ZOE]" in context


def test_privacy_report_lists_locations_and_consent(workspace: Workspace,
                                                    media: dict[str, Path]) -> None:
    workspace.evidence.add_paths([media["photo"], media["video"], media["pdf"]])
    report = workspace.evidence.privacy_report()
    assert {e.kind for e in report.located} == {EvidenceKind.IMAGE, EvidenceKind.VIDEO}
    assert len(report.consent_needed) == 2
    photo = next(e for e in workspace.evidence.all() if e.kind is EvidenceKind.IMAGE)
    workspace.evidence.set_consent(photo.id, Consent.CONSENTED)
    assert len(workspace.evidence.privacy_report().consent_needed) == 1


def test_safe_versions_never_touch_the_original(workspace: Workspace,
                                                media: dict[str, Path]) -> None:
    added = workspace.evidence.add_paths([media["video"], media["photo"]])
    video = next(r.evidence for r in added.results if r.evidence
                 and r.evidence.kind is EvidenceKind.VIDEO)
    photo = next(r.evidence for r in added.results if r.evidence
                 and r.evidence.kind is EvidenceKind.IMAGE)
    assert video is not None and photo is not None
    original_bytes = media["video"].read_bytes()
    stripped = workspace.evidence.make_version(video.id, StripMetadata())
    trimmed = workspace.evidence.make_version(video.id, Trim(1.0, 3.0))
    small = workspace.evidence.make_version(video.id, Compress(max_height=180, video_kbps=200))
    clean_photo = workspace.evidence.make_version(photo.id, StripMetadata())
    blacked = workspace.evidence.make_version(photo.id, Redact((Rect(10, 10, 50, 50),)))
    assert not stripped.has_location and stripped.media and stripped.media.has_audio
    assert trimmed.media and trimmed.media.duration_s == pytest.approx(2.0, abs=0.1)
    assert small.media and small.media.height == 180
    assert not clean_photo.has_location
    assert blacked.source_id == photo.id and blacked.derivation == "1 area(s) blacked out"
    assert workspace.evidence.get(video.id).versions == (stripped.id, trimmed.id, small.id)
    path = workspace.evidence.file_path(workspace.evidence.get(video.id))
    assert path is not None and path.read_bytes() == original_bytes
    assert incoming(workspace) == []
    assert workspace.check().healthy


def test_faces_found_and_blurred_in_a_real_photo(workspace: Workspace) -> None:
    added = workspace.evidence.add_paths([astronaut_path()]).results[0].evidence
    assert added is not None
    regions = workspace.evidence.detect_faces(added)
    assert regions
    blurred = workspace.evidence.make_version(added.id, BlurFaces(tuple(regions)))
    assert blurred.consent is Consent.BLURRED
    assert workspace.evidence.detect_faces(blurred) == []


def test_cancelled_version_leaves_no_file(workspace: Workspace, media: dict[str, Path]) -> None:
    video = workspace.evidence.add_paths([media["video"]]).results[0].evidence
    assert video is not None
    before = stored_files(workspace)
    with pytest.raises(Cancelled):
        workspace.evidence.make_version(video.id, Compress(max_height=180, video_kbps=200),
                                        CancelAfter(1))
    assert stored_files(workspace) == before
    assert incoming(workspace) == []
    assert len(workspace.evidence.all()) == 1


def test_pictures_of_documents_drawn_the_older_way_are_drawn_again_once(
        workspace: Workspace, media: dict[str, Path]) -> None:
    """A portfolio from before holds whole-page pictures of its documents: the first start
    draws them again as the top of the page (a photo's picture is left alone), then never
    again."""
    from PIL import Image

    report = workspace.evidence.add_paths([media["pdf"], media["docx"], media["photo"]])
    pieces = {r.evidence.kind: r.evidence for r in report.results if r.evidence}
    service = workspace.evidence
    old_style = {}
    for kind in (EvidenceKind.DOCUMENT, EvidenceKind.IMAGE):
        sha256 = pieces[kind].sha256
        assert sha256 is not None
        picture = service.thumbnail_file(sha256)
        Image.new("RGB", (226, 320), "white").save(picture, "PNG")  # a whole page, as before
        old_style[kind] = (sha256, picture)
    (workspace.root / "thumbs" / ".document-pictures").unlink(missing_ok=True)

    redrawn = service.redraw_document_pictures()
    documents = {p.evidence.sha256 for p in report.results
                 if p.evidence and p.evidence.kind is EvidenceKind.DOCUMENT}
    assert sorted(redrawn) == sorted(documents)
    sha256, picture = old_style[EvidenceKind.DOCUMENT]
    with Image.open(picture) as drawn:
        assert drawn.size == (320, 240)  # the top of the page
    with Image.open(old_style[EvidenceKind.IMAGE][1]) as photo:
        assert photo.size == (226, 320)  # not a document: untouched
    assert (workspace.root / "thumbs" / ".document-pictures").read_text("utf-8") == "page-top"

    Image.new("RGB", (226, 320), "white").save(picture, "PNG")
    assert service.redraw_document_pictures() == []  # once a portfolio
    with Image.open(picture) as kept:
        assert kept.size == (226, 320)


def test_a_new_portfolio_has_no_pictures_to_draw_again(
        tmp_path: Path, media: dict[str, Path]) -> None:
    """Its pictures are drawn the current way from the start (made from the command line,
    it first meets the window's start chores with documents in it)."""
    fresh = Workspace.open(tmp_path / "fresh")
    try:
        report = fresh.evidence.add_paths([media["pdf"]])
        assert report.results[0].evidence is not None
        assert fresh.evidence.redraw_document_pictures() == []
    finally:
        fresh.close()
