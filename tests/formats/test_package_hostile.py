"""Hostile and damaged packages, made by hand byte by byte: each is refused by verify and by
open with a reason naming the entry, and nothing is written outside the portfolio or left in
it."""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import bagit
import pytest

from mcdesk.core.packages import PackageRefusedError
from mcdesk.formats.bag_zip import ZipLimits
from mcdesk.media import demo
from mcdesk.services.packages import PackageService
from mcdesk.services.workspace import Workspace
from mcdesk.storage.portfolio import Portfolio
from tests.package_helpers import (
    RawEntry,
    changed,
    flip_photo,
    item,
    json_edit,
    rehashed,
    rezip,
    snapshot,
    top_of,
    with_extra,
    write_raw_zip,
    zeros_bomb,
)

METADATA = "data/submission.json"

ESCAPE = f"mcdesk-hostile-{uuid.uuid4().hex}"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A valid package with a real photo and PDF, the raw material of every hostile one."""
    folder = tmp_path_factory.mktemp("teacher")
    workspace = Workspace.open(folder / "portfolio", seed_demo=True)
    try:
        files = [demo.make_demo_photo(folder / "ticket.jpg", gps=None, text="2/3 < 3/4"),
                 demo.make_demo_pdf(folder / "plan.pdf", title="Plan", paragraphs=["Next."])]
        report = workspace.evidence.add_paths(files)
        assert report.ok
        photo, plan = sorted(workspace.evidence.all(), key=lambda e: e.title)[::-1]
        built = workspace.packages.build(
            snapshot([item(workspace, "p2-samples", 0, photo, "Got it."),
                      item(workspace, "p2-plan", 0, plan)]),
            folder / "valid.zip", keep_copy=False)
        assert workspace.packages.verify(built.saved_to).valid
        yield built.saved_to
    finally:
        workspace.close()


@pytest.fixture(scope="module")
def assessor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path_factory.mktemp("assessor") / "portfolio")
    yield workspace
    workspace.close()


def too_many(base: Path, dest: Path) -> Path:
    top = top_of(base)
    return write_raw_zip(dest, [RawEntry(f"{top}/data/n{i}.txt") for i in range(10_001)])


def not_a_zip(base: Path, dest: Path) -> Path:
    dest.write_bytes(os.urandom(4096))
    return dest


def truncated(base: Path, dest: Path) -> Path:
    data = base.read_bytes()
    dest.write_bytes(data[: len(data) // 2] + data[-22:])  # the end record, the middle gone
    return dest


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path, Path], Path]
    reason: str


CASES = [
    Case("zip-slip", with_extra(lambda top: RawEntry(f"{top}/../evil", b"owned"),
                                lambda top: RawEntry("../evil", b"owned")),
         "a path that climbs out of its folder (..)"),
    Case("absolute", with_extra(lambda top: RawEntry(f"/tmp/{ESCAPE}", b"owned")),
         f"/tmp/{ESCAPE}: an absolute path"),
    Case("drive-letter", with_extra(lambda top: RawEntry("C:/evil", b"owned")),
         "C:/evil: a drive letter"),
    Case("backslash", with_extra(lambda top: RawEntry(f"{top}\\..\\..\\evil", b"owned")),
         "a backslash in its name"),
    Case("symlink", with_extra(lambda top: RawEntry(f"{top}/data/evidence/link.jpg",
                                                    b"/etc/passwd", mode=0o120777)),
         "data/evidence/link.jpg: a symbolic link"),
    Case("duplicate", with_extra(lambda top: RawEntry(f"{top}/data/submission.json", b"{}")),
         "data/submission.json: appears twice"),
    Case("case-duplicate", with_extra(lambda top: RawEntry(f"{top}/DATA/Submission.json",
                                                           b"{}")),
         "only in letter case or accents"),
    Case("outside-the-bag", with_extra(lambda top: RawEntry("evil.txt", b"owned")),
         "evil.txt: outside the bag folder"),
    Case("second-folder", with_extra(lambda top: RawEntry("other/data/x.txt", b"x")),
         "other/data/x.txt: outside the bag folder"),
    Case("bomb-declared-small", with_extra(lambda top: RawEntry(
        f"{top}/data/evidence/zeros.bin", zeros_bomb(), zipfile.ZIP_DEFLATED, size=1000,
        crc=0)), "zeros.bin: expands past its declared size of 1,000 bytes (a zip bomb?)"),
    Case("bomb-ratio", with_extra(lambda top: RawEntry(
        f"{top}/data/evidence/zeros.bin", zeros_bomb(), zipfile.ZIP_DEFLATED, size=1 << 30,
        crc=0)), "zeros.bin: would expand"),
    Case("disguised-entry", with_extra(lambda top: RawEntry(f"{top}/data/x.txt", offset=0)),
         "its local header names it"),
    Case("too-many-entries", too_many, "too many entries (10,001"),
    Case("not-a-zip", not_a_zip, "not a zip file, or a damaged one"),
    Case("truncated", truncated, "not a zip file, or a damaged one"),
    Case("tampered", changed(flip_photo),
         ".jpg: its sha256 does not match manifest-sha256.txt"),
    Case("missing-manifest", changed(lambda p, d: None if p == "manifest-sha256.txt" else d),
         "manifest-sha256.txt is missing"),
    Case("missing-bagit-txt", changed(lambda p, d: None if p == "bagit.txt" else d),
         "bagit.txt is missing"),
    Case("tagmanifest-mismatch",
         changed(lambda p, d: d + b"Contact-Name: Someone Else\n" if p == "bag-info.txt"
                 else d),
         "bag-info.txt: its sha256 does not match tagmanifest-sha256.txt"),
    Case("oxum-mismatch", lambda base, dest: rezip(
        base, dest, lambda entries: rehashed(entries, oxum="1234.5")),
         "bag-info.txt: Payload-Oxum says 1234.5 but the payload holds"),
    Case("unlisted-payload", with_extra(lambda top: RawEntry(f"{top}/data/extra.txt", b"x")),
         "data/extra.txt: in the payload but not listed in manifest-sha256.txt"),
    Case("fetch-txt", with_extra(lambda top: RawEntry(f"{top}/fetch.txt",
                                                      b"http://x/y 1 data/y\n")),
         "fetch.txt: the package asks for files to be fetched"),
    Case("newer-bagit", changed(lambda p, d: b"BagIt-Version: 2.0\nTag-File-Character-"
                                b"Encoding: UTF-8\n" if p == "bagit.txt" else d, rehash=True),
         "BagIt-Version 2.0 is not one mcdesk reads"),
    Case("metadata-schema", changed(json_edit(METADATA, lambda m: m.update(attempt=0)),
                                    rehash=True),
         "data/submission.json: attempt: 0 is less than the minimum of 1"),
    Case("metadata-names-a-missing-file", changed(json_edit("data/submission.json",
        lambda m: m["evidence"][0]["file"].update(path="data/evidence/elsewhere.jpg")),
        rehash=True),
         "names data/evidence/elsewhere.jpg, which is not listed in manifest-sha256.txt"),
    Case("metadata-not-json", changed(lambda p, d: b"{not json" if p == "data/submission.json"
                                      else d, rehash=True),
         "data/submission.json: not valid JSON"),
    Case("metadata-missing", changed(lambda p, d: None if p == "data/submission.json" else d,
                                     rehash=True),
         "data/submission.json is missing: this is not an mcdesk submission package"),
]


def tree(root: Path) -> set[str]:
    """Every path under `root`, except the database's own journal files."""
    return {str(p.relative_to(root)) for p in root.rglob("*")
            if not p.name.endswith(("-wal", "-shm", "-journal"))}


def escapes(*roots: Path) -> list[Path]:
    candidates = [Path("/tmp") / ESCAPE, Path.cwd() / "evil", Path("/evil")]
    for root in roots:
        candidates += [root / "evil", root.parent / "evil", root.parent.parent / "evil"]
    return [p for p in candidates if p.exists()]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_hostile_or_damaged_package_is_refused_and_leaves_nothing(
        case: Case, base: Path, assessor: Workspace, tmp_path: Path) -> None:
    hostile = case.make(base, tmp_path / "hostile.zip")
    assert hostile.stat().st_size < 4 * 1024 * 1024  # the test files stay small
    before = tree(assessor.root) | {"received"}
    outside = tree(tmp_path)

    report = assessor.packages.verify(hostile)
    assert not report.valid
    assert any(case.reason in problem for problem in report.problems), report.problems

    with pytest.raises(PackageRefusedError) as caught:
        assessor.packages.open_received(hostile)
    assert any(case.reason in problem for problem in caught.value.problems)
    assert "package refused" in str(caught.value) and str(hostile) in str(caught.value)
    assert list((assessor.root / "received").iterdir()) == []
    assert tree(assessor.root) | {"received"} == before
    assert tree(tmp_path) == outside
    assert escapes(assessor.root, tmp_path) == []
    assert assessor.packages.received() == []


def test_a_schema_failure_is_the_only_problem_of_an_otherwise_valid_bag(
        base: Path, assessor: Workspace, tmp_path: Path) -> None:
    hostile = changed(json_edit(METADATA, lambda m: m.update(attempt=0)), rehash=True)(
        base, tmp_path / "schema.zip")
    report = assessor.packages.verify(hostile)
    assert report.problems == ("data/submission.json: attempt: 0 is less than the minimum "
                               "of 1",)
    with zipfile.ZipFile(hostile) as opened:  # its names are safe: it is only the schema
        opened.extractall(tmp_path / "x")
    bagit.Bag(str(tmp_path / "x" / top_of(base))).validate(fast=False)


def test_every_problem_is_listed_not_only_the_first(base: Path, assessor: Workspace,
                                                    tmp_path: Path) -> None:
    hostile = with_extra(lambda top: RawEntry("../evil"), lambda top: RawEntry("/abs"),
                         lambda top: RawEntry(f"{top}/data/l", mode=0o120777))(
        base, tmp_path / "h.zip")
    problems = assessor.packages.verify(hostile).problems
    assert [p.split(":")[0] for p in problems] == ["../evil", "/abs", f"{top_of(base)}/data/l"]


def test_a_package_over_the_size_cap_is_refused_before_reading(
        base: Path, assessor: Workspace, tmp_path: Path) -> None:
    portfolio = Portfolio.open(assessor.root)
    try:
        small = PackageService(portfolio, limits=ZipLimits(max_total_bytes=50_000))
        report = small.verify(base)
        assert any("more than a package may hold" in p for p in report.problems), report
        with pytest.raises(PackageRefusedError):
            small.open_received(base)
        assert list((assessor.root / "received").iterdir()) == []
    finally:
        portfolio.close()


def test_a_valid_package_still_opens_after_all_that(base: Path, assessor: Workspace) -> None:
    opened = assessor.packages.open_received(base)
    assert opened.folder.is_dir() and opened.attempt == 1
    assert [p.name for p in (assessor.root / "received").iterdir()
            if p.name.startswith(".")] == []
