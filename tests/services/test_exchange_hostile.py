"""Hostile and damaged exchange bundles, made by hand byte by byte: each is refused whole with a
reason naming the entry, and nothing is written into the portfolio or outside it."""

from __future__ import annotations

import os
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mcdesk.core.packages import PackageRefusedError
from mcdesk.core.reviews import Role
from mcdesk.media import demo
from mcdesk.services.exchange import BundleRefusedError
from mcdesk.services.workspace import Workspace
from tests.package_helpers import (
    RawEntry,
    changed,
    flip_photo,
    json_edit,
    with_extra,
    zeros_bomb,
)

DOCUMENT = "data/exchange.json"

ESCAPE = f"mcdesk-hostile-bundle-{uuid.uuid4().hex}"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A valid bundle: an observation with two notes and a real photo."""
    folder = tmp_path_factory.mktemp("coach")
    coach = Workspace.open(folder / "portfolio", seed_demo=True)
    try:
        coach.roles.switch(Role.COACH)
        photo = demo.make_demo_photo(folder / "board.jpg", gps=None, text="3/4 > 2/3")
        evidence = coach.evidence.add_paths([photo]).results[0].evidence
        assert evidence is not None
        observation = coach.observations.new("Sam", "exit-tickets")
        coach.observations.note(observation.id, "Board work", offset_ms=1_000)
        coach.observations.note(observation.id, "Exit tickets", offset_ms=9_000)
        bundle = folder / "valid.mcexchange"
        coach.exchange.export(bundle, evidence_ids=[evidence.id],
                              observation_ids=[observation.id])
        yield bundle
    finally:
        coach.close()


@pytest.fixture
def teacher(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "teacher", seed_demo=True)
    yield workspace
    workspace.close()


def not_a_zip(base: Path, dest: Path) -> Path:
    dest.write_bytes(os.urandom(4096))
    return dest


def first_file(document: dict[str, object]) -> dict[str, object]:
    evidence = document["evidence"]
    assert isinstance(evidence, list)
    entry: dict[str, object] = evidence[0]["file"]
    return entry


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path, Path], Path]
    reason: str


CASES = [
    Case("zip-slip", with_extra(lambda top: RawEntry(f"{top}/../evil", b"owned")),
         "a path that climbs out of its folder (..)"),
    Case("absolute", with_extra(lambda top: RawEntry(f"/tmp/{ESCAPE}", b"owned")),
         f"/tmp/{ESCAPE}: an absolute path"),
    Case("symlink", with_extra(lambda top: RawEntry(f"{top}/data/files/link.jpg",
                                                    b"/etc/passwd", mode=0o120777)),
         "data/files/link.jpg: a symbolic link"),
    Case("bomb", with_extra(lambda top: RawEntry(
        f"{top}/data/files/zeros.bin", zeros_bomb(), zipfile.ZIP_DEFLATED, size=1 << 30,
        crc=0)), "zeros.bin: would expand"),
    Case("not-a-zip", not_a_zip, "not a zip file, or a damaged one"),
    Case("tampered", changed(flip_photo), ".jpg: its sha256 does not match manifest-sha256.txt"),
    Case("unlisted-file", with_extra(lambda top: RawEntry(f"{top}/data/files/extra.txt", b"x")),
         "data/files/extra.txt: in the payload but not listed"),
    Case("schema", changed(json_edit(DOCUMENT, lambda d: d.update(format="something else")),
                           rehash=True), "data/exchange.json: format:"),
    Case("path-outside-files", changed(json_edit("data/exchange.json",
        lambda d: first_file(d).update(path="../../evil.jpg")), rehash=True),
         "data/exchange.json: evidence/0/file/path"),
    Case("lying-hash", changed(json_edit("data/exchange.json",
        lambda d: first_file(d).update(sha256="0" * 64)), rehash=True),
         "its sha256 or size is not the one data/exchange.json gives"),
    Case("not-json", changed(lambda p, d: b"{nope" if p == "data/exchange.json" else d,
                             rehash=True), "data/exchange.json: not valid JSON"),
    Case("no-document", changed(lambda p, d: None if p == "data/exchange.json" else d,
                                rehash=True), "data/exchange.json is missing"),
]


def tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")
            if not p.name.endswith(("-wal", "-shm", "-journal"))}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_hostile_bundle_is_refused_and_nothing_is_written(
        case: Case, base: Path, teacher: Workspace, tmp_path: Path) -> None:
    hostile = case.make(base, tmp_path / "hostile.mcexchange")
    assert hostile.stat().st_size < 4 * 1024 * 1024
    assert teacher.exchange is not None  # made before the snapshot: making it writes nothing
    before = tree(teacher.root)
    outside = tree(tmp_path)
    problems = teacher.exchange.verify(hostile)
    assert any(case.reason in p for p in problems), problems
    with pytest.raises(PackageRefusedError) as caught:
        teacher.exchange.import_bundle(hostile)
    assert isinstance(caught.value, BundleRefusedError)
    assert any(case.reason in p for p in caught.value.problems), caught.value.problems
    assert "bundle refused" in str(caught.value) and str(hostile) in str(caught.value)
    assert tree(teacher.root) == before
    assert tree(tmp_path) == outside
    assert not (Path("/tmp") / ESCAPE).exists() and not (tmp_path / "evil").exists()
    assert teacher.evidence.all() == [] and teacher.observations.list() == []


def test_the_valid_bundle_imports(base: Path, teacher: Workspace) -> None:
    assert teacher.exchange.verify(base) == []
    report = teacher.exchange.import_bundle(base)
    assert report.evidence_added == 1 and report.counts["notes new"] == 2
