"""Building, verifying and opening submission packages through the service, with real evidence
in a real portfolio; the third-party `bagit` library is the judge of the BagIt format."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import bagit
import jsonschema
import pytest

from mcdesk.core.drafts import SnapshotItem
from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Consent, Evidence, GpsPoint, Trim
from mcdesk.core.packages import BuiltPackage
from mcdesk.core.progress import Cancelled
from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from tests.package_helpers import (
    EXIT_TICKETS,
    RUBRIC,
    SUBMISSION_ID,
    CancelAfter,
    item,
    snapshot,
)

SCHEMA = Path(__file__).resolve().parents[2] / "resources/schemas/mcdesk-submission.schema.json"
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]{0,90}$")
PLACE = GpsPoint(51.5007, -0.1246)


@dataclass(frozen=True)
class Library:
    workspace: Workspace
    video: Evidence  # "Maya Lopez lesson", a roster name
    version: Evidence  # the video trimmed
    photo: Evidence  # with a GPS position
    plan: Evidence
    writing: Evidence  # made in mcdesk
    link: Evidence

    def items(self) -> list[SnapshotItem]:
        ws = self.workspace
        return [
            item(ws, "p2-video", 0, self.version, "The end of the lesson: the exit ticket.",
                 Consent.BLURRED),
            item(ws, "p2-samples", 0, self.photo, "Sorted as got it.", Consent.CONSENTED),
            item(ws, "p2-samples", 1, self.link, "The class page with the ticket."),
            item(ws, "p2-plan", 0, self.plan, "The next lesson; changes highlighted."),
            item(ws, "p2-plan", 1, self.writing, "My notes after sorting."),
        ]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("media")
    workspace = Workspace.open(tmp_path_factory.mktemp("teacher") / "portfolio",
                               seed_demo=True)
    files = [demo.make_demo_video(folder / "Maya Lopez lesson.mp4", seconds=3.0),
             demo.make_demo_photo(folder / "IMG_0042.jpg", gps=PLACE, text="3/4 > 2/3"),
             demo.make_demo_pdf(folder / "Plan_v3 FINAL.pdf", title="Next lesson",
                                paragraphs=["Small groups on the number line."])]
    report = workspace.evidence.add_paths(files)
    assert report.ok, report
    found = {e.original_name: e for e in workspace.evidence.all()}
    workspace.evidence.add_roster_name("Maya Lopez")
    video = found["Maya Lopez lesson.mp4"]
    version = workspace.evidence.make_version(video.id, Trim(0.5, 2.5))
    writing = workspace.evidence.add_text("Notes after sorting", "Élodie's pile: 7 tickets.")
    link = workspace.evidence.add_link("https://example.org/class/exit-ticket", "Class page")
    yield Library(workspace, video, version, found["IMG_0042.jpg"],
                  found["Plan_v3 FINAL.pdf"], writing, link)
    workspace.close()


@pytest.fixture(scope="module")
def package(library: Library, tmp_path_factory: pytest.TempPathFactory) -> BuiltPackage:
    dest = tmp_path_factory.mktemp("out") / "submission.zip"
    return library.workspace.packages.build(snapshot(library.items()), dest)


def entries(archive: Path) -> dict[str, zipfile.ZipInfo]:
    with zipfile.ZipFile(archive) as opened:
        return {info.filename: info for info in opened.infolist()}


def member(archive: Path, name: str) -> bytes:
    with zipfile.ZipFile(archive) as opened:
        top = opened.infolist()[0].filename.split("/")[0]
        return opened.read(f"{top}/{name}")


def metadata_of(archive: Path) -> dict[str, object]:
    value: dict[str, object] = json.loads(member(archive, "data/submission.json"))
    return value


def test_the_package_is_a_bag_the_bagit_library_validates(package: BuiltPackage,
                                                          tmp_path: Path) -> None:
    names = list(entries(package.saved_to))
    assert {name.split("/")[0] for name in names} == {package.bag_name}
    with zipfile.ZipFile(package.saved_to) as opened:
        opened.extractall(tmp_path)
    bag = bagit.Bag(str(tmp_path / package.bag_name))
    bag.validate(fast=False)
    assert bag.version_info == (1, 0)
    assert (tmp_path / package.bag_name / "bagit.txt").read_bytes() == (
        b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    assert bag.info["External-Identifier"] == f"urn:uuid:{SUBMISSION_ID}"
    assert bag.info["Bagging-Date"] == "2024-03-05"
    assert bag.info["Bag-Software-Agent"].startswith("mcdesk ")
    assert bag.info["Payload-Oxum"] == f"{package.payload_bytes}.{package.files}"
    assert set(bag.algorithms) == {"sha256"}
    assert sorted(bag.payload_files()) == sorted(
        n.split("/", 1)[1] for n in names if n.split("/")[1] == "data")


def test_our_verify_passes(library: Library, package: BuiltPackage) -> None:
    report = library.workspace.packages.verify(package.saved_to)
    assert report.valid, report.problems
    assert report.submission_id == SUBMISSION_ID
    assert report.attempt == 1
    assert report.payload_files == package.files == 7  # metadata, 2 answers, 4 files
    assert report.fingerprint == package.fingerprint


def test_media_are_stored_and_text_is_deflated(package: BuiltPackage) -> None:
    methods = {name.split("/", 1)[1]: info.compress_type
               for name, info in entries(package.saved_to).items()}
    media = [p for p in methods if p.endswith((".mp4", ".jpg", ".pdf"))]
    text = [p for p in methods if p.endswith((".txt", ".json"))]
    assert len(media) == 3 and len(text) == 8
    assert all(methods[p] == zipfile.ZIP_STORED for p in media)
    assert all(methods[p] == zipfile.ZIP_DEFLATED for p in text)


def test_file_names_are_safe_and_never_name_anyone(library: Library,
                                                   package: BuiltPackage) -> None:
    paths = sorted(n.split("/", 1)[1] for n in entries(package.saved_to))
    assert [p for p in paths if p.startswith("data/evidence/")] == [
        "data/evidence/p2-document-03-plan-v3-final.pdf",
        "data/evidence/p2-image-02-img-0042.jpg",
        "data/evidence/p2-text-04-notes-after-sorting.txt",
        "data/evidence/p2-video-01.mp4",  # its title names Maya Lopez: no title in the name
    ]
    assert all(SAFE_NAME.match(part) for p in paths for part in p.split("/"))
    everything = " ".join(paths) + member(package.saved_to, "data/submission.json").decode()
    for original in ("Maya Lopez lesson.mp4", "IMG_0042.jpg", "Plan_v3 FINAL.pdf", "maya",
                     "Maya Lopez lesson ("):
        assert original not in " ".join(paths)
    assert "Maya Lopez lesson.mp4" not in everything
    assert "51.5007" not in everything and "latitude" not in everything


def test_metadata_says_which_evidence_answers_which_criterion(library: Library,
                                                              package: BuiltPackage) -> None:
    metadata = metadata_of(package.saved_to)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(metadata)
    assert metadata["type"] == "McdeskSubmission"
    assert metadata["id"] == f"urn:uuid:{SUBMISSION_ID}"
    assert metadata["microCredential"] == {
        "id": EXIT_TICKETS, "version": "1.0",
        "name": "Checking for Understanding with Exit Tickets"}
    assert metadata["attempt"] == 1
    criteria = {c["id"]: c for c in metadata["criteria"]}
    assert list(criteria) == ["p1-context", "p1-design", "p2-video", "p2-samples", "p2-plan",
                              "p3-impact"]
    assert criteria["p2-samples"]["part"] == {"number": 2,
                                              "name": "Part 2. Work examples / artifacts"}
    assert criteria["p2-samples"]["evidence"] == [f"urn:uuid:{library.photo.id}",
                                                  f"urn:uuid:{library.link.id}"]
    assert "answer" not in criteria["p1-design"]
    evidence = {(e["id"], e["criterion"]): e for e in metadata["evidence"]}
    video = evidence[(f"urn:uuid:{library.version.id}", "p2-video")]
    assert {k: video[k] for k in ("type", "name", "genre", "narrative", "audience")} == {
        "type": ["Evidence"], "name": library.version.title, "genre": "Video",
        "narrative": "The end of the lesson: the exit ticket.",
        "audience": "Assessors of this submission; not for publication"}
    assert video["consent"] == "blurred"
    assert video["file"]["path"] == "data/evidence/p2-video-01.mp4"
    assert video["file"]["sha256"] == library.version.sha256
    assert video["file"]["mediaType"] == "video/mp4"
    assert video["provenance"] == {"derivedFrom": {"id": f"urn:uuid:{library.video.id}"},
                                   "derivation": library.version.derivation}
    photo = evidence[(f"urn:uuid:{library.photo.id}", "p2-samples")]
    assert photo["consent"] == "everyone consented"
    assert set(photo["media"]) == {"width", "height"}
    link = evidence[(f"urn:uuid:{library.link.id}", "p2-samples")]
    assert link["url"] == "https://example.org/class/exit-ticket" and "file" not in link
    assert metadata["selfAssessment"][1] == {
        "rubricCriterion": f"{RUBRIC}/video", "level": f"{RUBRIC}/video/developing",
        "rubricCriterionName": "Giving the exit ticket (video)", "levelName": "Developing"}
    assert metadata["provenance"]["software"].startswith("mcdesk ")


def test_answers_are_also_utf8_text_files(package: BuiltPackage) -> None:
    metadata = metadata_of(package.saved_to)
    answers = {c["id"]: c["answer"] for c in metadata["criteria"]
               if "answer" in c}
    assert set(answers) == {"p1-context", "p3-impact"}
    for answer in answers.values():
        assert member(package.saved_to, answer["file"]).decode("utf-8") == answer["text"]
    assert answers["p3-impact"]["file"].startswith("data/answers/p3-01-what-did-the-exit")
    assert "Élodie" in answers["p3-impact"]["text"]


def test_a_version_made_from_a_kept_source_names_it_by_its_safe_title(
        library: Library, tmp_path: Path) -> None:
    renamed = library.workspace.evidence.rename(library.video.id, "Fractions lesson, Room 4")
    try:
        built = library.workspace.packages.build(
            snapshot([item(library.workspace, "p2-video", 0, library.version)],
                     submission_id="7f0c35a8-7fd5-4f0d-9d7c-3b8e8c5f1a11", draft_id="draft-3"),
            tmp_path / "p.zip", keep_copy=False)
        (entry,) = metadata_of(built.saved_to)["evidence"]
        assert entry["provenance"]["derivedFrom"] == {"id": f"urn:uuid:{renamed.id}",
                                                      "name": "fractions-lesson-room-4"}
    finally:
        library.workspace.evidence.rename(library.video.id, library.video.title)


def test_rebuilding_the_same_snapshot_is_the_same_submission(library: Library,
                                                             package: BuiltPackage,
                                                             tmp_path: Path) -> None:
    again = library.workspace.packages.build(snapshot(library.items()),
                                             tmp_path / "again.zip")
    assert again.submission_id == package.submission_id == SUBMISSION_ID
    assert again.fingerprint == package.fingerprint
    assert again.saved_to.read_bytes() == package.saved_to.read_bytes()
    assert again.metadata == package.metadata  # one frozen folder for identical packages
    built = library.workspace.packages.built("draft-1")
    assert [b.saved_to for b in built][-2:] == [package.saved_to, again.saved_to]
    assert library.workspace.packages.built(SUBMISSION_ID)[-1] == dataclasses.replace(
        again, built_at=built[-1].built_at)


def test_a_frozen_copy_is_kept_exactly_as_sent(library: Library, package: BuiltPackage,
                                               tmp_path: Path) -> None:
    (first, *_) = library.workspace.packages.built(SUBMISSION_ID)
    assert first.copy is not None
    assert first.copy.read_bytes() == package.saved_to.read_bytes()
    assert first.copy.is_relative_to(library.workspace.root / "packages" / SUBMISSION_ID)
    assert first.metadata.read_bytes() == member(package.saved_to, "data/submission.json")
    index = json.loads((library.workspace.root / "packages" / SUBMISSION_ID / "index.json")
                       .read_text(encoding="utf-8"))
    assert index["submissionId"] == SUBMISSION_ID and index["draftId"] == "draft-1"
    other = "5d1f2b7e-8c1d-4b7a-9e0f-1a2b3c4d5e6f"
    built = library.workspace.packages.build(
        snapshot(library.items(), submission_id=other, draft_id="draft-2"),
        tmp_path / "no-copy.zip", keep_copy=False)
    assert built.copy is None and built.metadata.is_file()
    assert library.workspace.packages.built("draft-2") == [
        dataclasses.replace(built, built_at=library.workspace.packages.built(other)[0].built_at)]
    assert library.workspace.packages.built("no-such-draft") == []


def test_progress_is_in_bytes(library: Library, tmp_path: Path) -> None:
    control = CancelAfter(10**9)
    built = library.workspace.packages.build(
        snapshot(library.items(), submission_id="9a8b7c6d-1111-4222-8333-944455556666"),
        tmp_path / "p.zip", control, keep_copy=False)
    done = [d for d, _ in control.seen]
    assert done == sorted(done)
    assert control.seen[-1] == (built.payload_bytes, built.payload_bytes)


def test_a_cancel_mid_build_leaves_no_file(library: Library, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from mcdesk.formats import bag

    monkeypatch.setattr(bag, "COPY_CHUNK", 4096)  # many chunks per file, so cancel lands mid-file
    sid = "3c2b1a09-aaaa-4bbb-8ccc-dddd0000eeee"
    control = CancelAfter(6)  # metadata, two answers, then three chunks of the video
    dest = tmp_path / "cancelled.zip"
    with pytest.raises(Cancelled):
        library.workspace.packages.build(snapshot(library.items(), submission_id=sid),
                                         dest, control)
    assert 0 < control.seen[-1][0] < sum(
        e.size or 0 for e in (library.version, library.photo, library.plan))
    assert list(tmp_path.iterdir()) == []
    assert not (library.workspace.root / "packages" / sid).exists()
    assert library.workspace.packages.built(sid) == []


def test_a_damaged_stored_file_stops_the_build_naming_it(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "portfolio", seed_demo=True)
    try:
        photo_file = demo.make_demo_photo(tmp_path / "work.jpg", gps=None, text="1/2")
        (result,) = workspace.evidence.add_paths([photo_file]).results
        assert result.evidence is not None
        photo = workspace.evidence.rename(result.evidence.id, "Exit ticket, got it")
        stored = workspace.evidence.file_path(photo)
        assert stored is not None
        damaged = bytearray(stored.read_bytes())
        damaged[len(damaged) // 2] ^= 0x01
        stored.chmod(0o644)
        stored.write_bytes(bytes(damaged))
        out = tmp_path / "out"
        out.mkdir()
        with pytest.raises(McdeskError) as caught:
            workspace.packages.build(snapshot([item(workspace, "p2-samples", 0, photo)]),
                                     out / "p.zip")
        message = str(caught.value)
        assert '"Exit ticket, got it" is damaged' in message
        assert "Check portfolio" in message
        assert list(out.iterdir()) == []
        assert not (workspace.root / "packages").exists()
        stored.unlink()
        with pytest.raises(McdeskError, match='stored file of "Exit ticket, got it" is missing'):
            workspace.packages.build(snapshot([item(workspace, "p2-samples", 0, photo)]),
                                     out / "p.zip")
        assert list(out.iterdir()) == []
    finally:
        workspace.close()


def test_a_folder_or_a_missing_folder_is_no_place_for_a_package(library: Library,
                                                                tmp_path: Path) -> None:
    with pytest.raises(McdeskError, match="give a file name"):
        library.workspace.packages.build(snapshot([]), tmp_path)
    with pytest.raises(McdeskError, match="does not exist"):
        library.workspace.packages.build(snapshot([]), tmp_path / "nowhere" / "p.zip")


def test_opening_a_received_package_extracts_it_verified(package: BuiltPackage,
                                                         tmp_path: Path) -> None:
    assessor = Workspace.open(tmp_path / "assessor")
    try:
        opened = assessor.packages.open_received(package.saved_to)
        received = assessor.root / "received"
        assert opened.folder == received / SUBMISSION_ID
        assert sorted(p.name for p in received.iterdir()) == [SUBMISSION_ID,
                                                              f"{SUBMISSION_ID}.json"]
        bagit.Bag(str(opened.folder)).validate(fast=False)
        assert (opened.mc_name, opened.mc_version, opened.attempt) == (
            "Checking for Understanding with Exit Tickets", "1.0", 1)
        assert opened.fingerprint == package.fingerprint
        by_id = {c.id: c for c in opened.criteria}
        assert by_id["p1-context"].answer == "I teach a fourth-grade class of twenty-six students."
        assert by_id["p1-design"].answer is None and by_id["p1-design"].evidence == ()
        (video,) = by_id["p2-video"].evidence
        assert video.file is not None and video.file.is_file()
        assert video.consent == "blurred" and video.derivation is not None
        assert [e.genre for e in by_id["p2-samples"].evidence] == ["Image", "Web page"]
        assert opened.self_assessment[0] == (f"{RUBRIC}/overview", f"{RUBRIC}/overview/proficient")
        assert assessor.packages.received() == [opened]
        again = assessor.packages.open_received(package.saved_to)
        assert again.already_open and again.folder == opened.folder
        assert not any(p.name.startswith(".incoming") for p in received.iterdir())
    finally:
        assessor.close()


def test_a_rebuilt_package_replaces_the_received_one_keeping_the_old_in_trash(
        library: Library, package: BuiltPackage, tmp_path: Path) -> None:
    assessor = Workspace.open(tmp_path / "assessor")
    try:
        assessor.packages.open_received(package.saved_to)
        changed = snapshot(library.items(), answers={"p1-context": "A different answer."})
        rebuilt = library.workspace.packages.build(changed, tmp_path / "rebuilt.zip",
                                                   keep_copy=False)
        opened = assessor.packages.open_received(rebuilt.saved_to)
        assert not opened.already_open and opened.fingerprint == rebuilt.fingerprint
        assert {c.id: c.answer for c in opened.criteria}["p1-context"] == "A different answer."
        trashed = list((assessor.root / "trash").rglob("submission.json"))
        assert len(trashed) == 1
        assert json.loads(trashed[0].read_text(encoding="utf-8"))["criteria"][0]["answer"][
            "text"] == "I teach a fourth-grade class of twenty-six students."
    finally:
        assessor.close()


def test_the_bag_planned_file_by_file_is_the_zip_without_the_zip(
        library: Library, package: BuiltPackage) -> None:
    """What sync sends one file at a time: the same names, bytes and fingerprint as the zip,
    each file readable from its opener."""
    planned = library.workspace.packages.plan_files(snapshot(library.items()))
    assert planned.bag_name == package.bag_name
    assert planned.fingerprint == package.fingerprint
    with zipfile.ZipFile(package.saved_to) as opened:
        in_zip = {info.filename.split("/", 1)[1]: opened.read(info)
                  for info in opened.infolist()}
    assert {f.path for f in planned.files} == set(in_zip)
    for file in planned.files:
        with file.opener() as reader:
            data = reader.read()
        assert data == in_zip[file.path], file.path
        assert (file.size, file.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert planned.files[0].path == "bagit.txt"
    video = next(f for f in planned.files if f.path.startswith("data/evidence/p2-video"))
    assert video.source is not None and video.media_type == "video/mp4"
