"""Review files carried by hand: written whole by export (which locks the review), read back
with every field, checked like a package (zip safety, small limits, hashes, the JSON Schema,
every comment), and hostile or damaged ones refused with a message naming the file."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from mcdesk.core.errors import McdeskError
from mcdesk.core.reviews import (
    EARNED,
    NOT_YET,
    Anchor,
    Audience,
    CommentKind,
    Review,
    ReviewIncompleteError,
    ReviewLockedError,
    ReviewState,
    sorted_for_timeline,
)
from mcdesk.formats.bag import read_bag
from mcdesk.services.review_files import REVIEW_FORMAT_ID, ReviewFileError
from mcdesk.services.workspace import Workspace
from tests.package_helpers import RawEntry, read_entries, rehashed, rezip, write_raw_zip
from tests.review_helpers import EXIT_RUBRIC, review_setup

SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schemas" / \
    "mcdesk-review.schema.json"
CRITERIA = [f"{EXIT_RUBRIC}/{c}" for c in ("overview", "video", "analysis", "reflection")]


@dataclass
class Exported:
    assessor: Workspace
    review: Review  # as it was exported
    file: Path
    package: Path  # the submission package it reviews
    fingerprint: str  # that package's


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    """A review of the exit-tickets package (with its classroom video): every criterion
    scored, one below the required level, overridden with a reason, comments of every anchor
    kind, time spent, exported."""
    folder = tmp_path_factory.mktemp("review-file")
    setup = review_setup(folder, video=True)
    setup.earner.close()
    reviews = setup.assessor.reviews
    review_id = setup.review.id
    work = reviews.work(review_id)
    assert work.package is not None
    video = work.package.criteria[2].evidence[0]
    assert video.kind == "video" and video.file is not None
    video_path = video.file.relative_to(work.package.folder).as_posix()
    document = work.package.criteria[3].evidence[0]
    for criterion in CRITERIA:
        reviews.set_level(review_id, criterion, f"{criterion}/proficient")
        reviews.set_feedback(review_id, criterion, f"On {criterion.rsplit('/', 1)[1]}: fine.")
    reviews.set_level(review_id, CRITERIA[3], f"{CRITERIA[3]}/developing")
    reviews.set_override(review_id, EARNED, "The video shows what the reflection leaves out.")
    reviews.add_comment(review_id, Anchor(video.id, path=video_path, start_ms=1200,
                                          end_ms=3400), "Clear instructions here.",
                        kind=CommentKind.STRENGTH, rubric_criterion_id=CRITERIA[1])
    reviews.add_comment(review_id, Anchor(document.id, page=1, region=(0.1, 0.1, 0.5, 0.25)),
                        "Which pile was this?", kind=CommentKind.QUESTION)
    reviews.add_comment(review_id, Anchor("answer:p3-impact", passage=(0, 8), quote="Families"),
                        "Say more about the next step.", kind=CommentKind.SUGGESTION,
                        rubric_criterion_id=CRITERIA[3])
    reviews.add_comment(review_id, Anchor(video.id, start_ms=0), "Consent form unsigned?",
                        audience=Audience.ISSUER)
    reviews.add_time(review_id, 754)
    reviewed = reviews.get(review_id)
    file = setup.assessor.review_files.export(review_id, folder / "exit-tickets.mcreview")
    yield Exported(setup.assessor, reviewed, file, setup.package, work.package.fingerprint)
    setup.assessor.close()


# --- writing and reading back -------------------------------------------------------------------


def test_the_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == REVIEW_FORMAT_ID == (
        "https://purl.mcdesk.org/schemas/mcdesk-review-v1.json")


def test_an_exported_review_reads_back_whole(exported: Exported) -> None:
    review = exported.review
    content = exported.assessor.review_files.read_review_file(exported.file)
    assert content.path == exported.file and content.review_id == review.id
    assert content.submission_id == review.submission_id
    assert content.fingerprint == exported.fingerprint
    assert (content.mc_id, content.mc_version, content.mc_name, content.attempt) == (
        review.mc_id, "1.0", "Checking for Understanding with Exit Tickets", 1)
    assert [(s.rubric_criterion_id, s.level_id, s.feedback) for s in content.scores] == [
        (c, f"{c}/developing" if c == CRITERIA[3] else f"{c}/proficient",
         f"On {c.rsplit('/', 1)[1]}: fine.") for c in CRITERIA]
    assert [c.wire() for c in content.comments] == [
        c.wire() for c in sorted_for_timeline(review.comments)]
    assert {c.id: c.anchor for c in content.comments} == {
        c.id: c.anchor for c in review.comments}
    assert content.decision == EARNED and content.rule_decision == NOT_YET
    assert content.override_reason == "The video shows what the reflection leaves out."
    assert content.seconds_spent == 754 and content.blind is True
    assert content.software.startswith("mcdesk ")
    assert len(content.file_fingerprint) == 64


def test_a_review_file_is_a_valid_bagit_bag_with_schema_valid_json(exported: Exported) -> None:
    reading = read_bag(exported.file, keep=("data/review.json",))
    assert reading.problems == ()
    assert [f.path for f in reading.payload] == ["data/review.json"]
    assert reading.bag_name.startswith("review-checking-for-understanding")
    assert reading.info_value("External-Identifier") == f"urn:uuid:{exported.review.id}"
    body = json.loads(reading.kept["data/review.json"])
    validator = Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")),
                                     format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(body)) == []
    assert body["type"] == "McdeskReview" and body["schemaVersion"] == 1
    assert body["submission"]["id"] == f"urn:uuid:{exported.review.submission_id}"
    assert "earner" not in json.dumps(body["submission"])  # never who submitted
    with zipfile.ZipFile(exported.file) as archive:
        assert all(name.startswith(f"{reading.bag_name}/") for name in archive.namelist())


def test_exporting_locks_the_review_and_may_be_repeated_as_a_copy(exported: Exported,
                                                                  tmp_path: Path) -> None:
    reviews = exported.assessor.reviews
    review = reviews.get(exported.review.id)
    assert review.state is ReviewState.EXPORTED and review.finished_at is not None
    with pytest.raises(ReviewLockedError, match="exported to a review file"):
        reviews.set_level(review.id, CRITERIA[0], f"{CRITERIA[0]}/exemplary")
    copy = exported.assessor.review_files.export(review.id, tmp_path / "copy.mcreview")
    assert exported.assessor.review_files.read_review_file(copy).review_id == review.id
    assert reviews.get(review.id).state is ReviewState.EXPORTED
    assert reviews.add_time(review.id, 100).seconds_spent == 754


def test_an_unfinished_review_writes_no_file(tmp_path: Path) -> None:
    setup = review_setup(tmp_path)
    setup.earner.close()
    try:
        reviews = setup.assessor.reviews
        dest = tmp_path / "out.mcreview"
        with pytest.raises(ReviewIncompleteError, match="choose a level"):
            setup.assessor.review_files.export(setup.review.id, dest)
        assert not dest.exists() and list(tmp_path.glob("*.part")) == []
        assert reviews.get(setup.review.id).state is ReviewState.IN_PROGRESS
        with pytest.raises(McdeskError, match="is a folder"):
            setup.assessor.review_files.export(setup.review.id, tmp_path)
        with pytest.raises(McdeskError, match="does not exist"):
            setup.assessor.review_files.export(setup.review.id,
                                               tmp_path / "nowhere" / "out.mcreview")
    finally:
        setup.assessor.close()


# --- hostile and damaged files ------------------------------------------------------------------


def _json_changed(change: Callable[[dict[str, Any]], None], *, rehash: bool = True
                  ) -> Callable[[Path, Path], Path]:
    def make(good: Path, dest: Path) -> Path:
        def edit(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
            changed = []
            for name, data in entries:
                if name.endswith("/data/review.json"):
                    body = json.loads(data)
                    change(body)
                    data = json.dumps(body).encode()
                changed.append((name, data))
            return rehashed(changed) if rehash else changed
        return rezip(good, dest, edit)
    return make


def _bytes_of_review(data: bytes) -> Callable[[Path, Path], Path]:
    def make(good: Path, dest: Path) -> Path:
        return rezip(good, dest, lambda entries: rehashed([
            (name, data if name.endswith("/data/review.json") else old)
            for name, old in entries]))
    return make


def _extra(entry: Callable[[str], RawEntry]) -> Callable[[Path, Path], Path]:
    def make(good: Path, dest: Path) -> Path:
        top = read_entries(good)[0][0].split("/")[0]
        return rezip(good, dest, lambda entries: entries, extra=[entry(top)])
    return make


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = body
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[last] = value
    return change


def _not_a_zip(good: Path, dest: Path) -> Path:
    dest.write_bytes(b"PK\x03\x04 this is not really a zip file")
    return dest


def _timed(start: float, end: float | None = None) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        body["comments"][0]["atSeconds"] = start
        if end is not None:
            body["comments"][0]["endSeconds"] = end
    return change


HOSTILE: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "tampered": (_json_changed(_set("decision", "not yet"), rehash=False),
                 "does not match manifest-sha256.txt"),
    "climbs out": (_extra(lambda top: RawEntry.deflated("../evil.txt", b"boo")),
                   "climbs out of its folder"),
    "too big": (_extra(lambda top: RawEntry(f"{top}/data/padding.bin",
                                            bytes(21 * 1024 * 1024))),
                "more than a package may hold (20"),
    "too many entries": (lambda good, dest: write_raw_zip(dest, [
        RawEntry.deflated(f"bag/data/{n}.txt", b"x") for n in range(60)]),
        "too many entries"),
    "bad json": (_bytes_of_review(b'{"type": "McdeskReview", '), "not valid JSON"),
    "not utf-8": (_bytes_of_review(b"\xff\xfe{}"), "not UTF-8"),
    "schema": (_json_changed(_set("decision", "maybe")), "data/review.json: decision"),
    "negative time": (_json_changed(_timed(-3.0)), "atSeconds"),
    "backwards range": (_json_changed(_timed(9.0, 2.0)), "a range must end after it starts"),
    "newer format": (_json_changed(_set("schemaVersion", 2)), "newer mcdesk"),
    "no reason": (_json_changed(_set("overrideReason", None)), "without giving a reason"),
    "other id": (_json_changed(_set("id", "urn:uuid:00000000-0000-4000-8000-000000000000")),
                 "External-Identifier"),
    "not a zip": (_not_a_zip, "not a zip file"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_review_files_are_refused_naming_the_file(exported: Exported, tmp_path: Path,
                                                          case: str) -> None:
    make, words = HOSTILE[case]
    bad = make(exported.file, tmp_path / f"{case.replace(' ', '-')}.mcreview")
    with pytest.raises(ReviewFileError) as refused:
        exported.assessor.review_files.read_review_file(bad)
    assert str(bad) in str(refused.value)
    assert "review file refused" in str(refused.value)
    assert any(words in problem for problem in refused.value.problems), refused.value.problems
    with pytest.raises(ReviewFileError):
        exported.assessor.review_files.import_review_file(bad)


def test_a_submission_package_is_not_a_review_file(exported: Exported) -> None:
    with pytest.raises(ReviewFileError, match=r"data/review\.json is missing") as refused:
        exported.assessor.review_files.read_review_file(exported.package)
    assert str(exported.package) in str(refused.value)


def test_a_missing_file_is_named(exported: Exported, tmp_path: Path) -> None:
    with pytest.raises(McdeskError, match="no such file") as missing:
        exported.assessor.review_files.read_review_file(tmp_path / "gone.mcreview")
    assert "gone.mcreview" in str(missing.value)
