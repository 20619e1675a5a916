"""Finalize checks a bag from its stored files (bags.validate_listed) instead of assembling and
reading the zip (bags.validate): for a valid bag and for every kind of bad one, both say the
same; test thread."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from mcdesk_issuer import bags
from mcdesk_issuer.files import FileStore
from tests.issuer.conftest import Bag, Portfolio

Files = dict[str, bytes]
METADATA = "data/submission.json"


def rehash(files: Files, *, oxum: str | None = None) -> Files:
    """The same bag with its manifest, Payload-Oxum and tag manifest made to match."""
    out = dict(files)
    payload = {p: d for p, d in out.items() if p.startswith("data/")}
    out["manifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(d).hexdigest()}  {p}\n" for p, d in payload.items()).encode()
    info = [line for line in out["bag-info.txt"].decode().splitlines()
            if not line.startswith("Payload-Oxum")]
    info.append(f"Payload-Oxum: {oxum or f'{sum(map(len, payload.values()))}.{len(payload)}'}")
    out["bag-info.txt"] = ("\n".join(info) + "\n").encode()
    tags = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
    out["tagmanifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(out[t]).hexdigest()}  {t}\n" for t in tags).encode()
    # The tag files last, as mcdesk writes them.
    return {**{p: d for p, d in out.items() if p.startswith("data/")},
            **{p: d for p, d in out.items() if not p.startswith("data/")}}


def edit_metadata(edit: Callable[[dict[str, object]], None]) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        value = json.loads(files[METADATA])
        edit(value)
        return rehash({**files, METADATA: json.dumps(value).encode()})
    return change


def replace(path: str, data: bytes) -> Callable[[Files], Files]:
    return lambda files: {**files, path: data}


def without(path: str, *, rehashed: bool = False) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        out = {p: d for p, d in files.items() if p != path}
        return rehash(out) if rehashed else out
    return change


def added(path: str, data: bytes, *, rehashed: bool = True) -> Callable[[Files], Files]:
    def change(files: Files) -> Files:
        out = {**files, path: data}
        return rehash(out) if rehashed else out
    return change


def first_answer(files: Files) -> str:
    return next(p for p in files if p.startswith("data/answers/"))


VARIANTS: dict[str, Callable[[Files], Files]] = {
    "valid": lambda files: files,
    "valid, rehashed": rehash,
    "metadata missing": without(METADATA, rehashed=True),
    "metadata missing, manifests untouched": without(METADATA),
    "payload file not in the manifest": added("data/extra.txt", b"unlisted", rehashed=False),
    "payload file changed": lambda files: {**files, first_answer(files): b"changed"},
    "wrong Payload-Oxum": lambda files: rehash(files, oxum="12.3"),
    "bag-info.txt changed, tag manifest not": lambda files: {
        **files, "bag-info.txt": files["bag-info.txt"] + b"Contact-Name: Someone\n"},
    "BagIt version 2.0": lambda files: rehash({
        **files, "bagit.txt": b"BagIt-Version: 2.0\nTag-File-Character-Encoding: UTF-8\n"}),
    "bagit.txt with a byte-order mark": lambda files: rehash({
        **files, "bagit.txt": b"\xef\xbb\xbf" + files["bagit.txt"]}),
    "manifest line garbled": lambda files: {
        **files, "manifest-sha256.txt": b"not a manifest line\n"},
    "tag manifest does not cover bag-info.txt": lambda files: {
        **files, "tagmanifest-sha256.txt": b"".join(
            line + b"\n" for line in files["tagmanifest-sha256.txt"].splitlines()
            if not line.endswith(b"bag-info.txt"))},
    "metadata not JSON": lambda files: rehash({**files, METADATA: b"{not json"}),
    "metadata not UTF-8": lambda files: rehash({**files, METADATA: b"\xff\xfe{}"}),
    "metadata from a newer format": edit_metadata(lambda m: m.update(schemaVersion=99)),
    "metadata without its id": edit_metadata(lambda m: m.pop("id")),
    "metadata of another submission": edit_metadata(
        lambda m: m.update(id="urn:uuid:00000000-0000-4000-8000-000000000000")),
    "metadata of another attempt": edit_metadata(lambda m: m.update(attempt=2)),
    "evidence the bag does not hold": edit_metadata(lambda m: m["evidence"].append(  # type: ignore[attr-defined]
        {**m["evidence"][0], "file": "data/evidence/nowhere.pdf"})),  # type: ignore[index]
    "a name Windows cannot hold": added("data/answers/con.txt", b"device name"),
    "a name ending in a dot": added("data/answers/notes.", b"trailing dot"),
    "a file that is also a folder": lambda files: rehash({
        **files, "data/answers": b"a file where a folder is"}),
    "two names differing in case": lambda files: rehash({
        **files, "data/extra.txt": b"one", "data/EXTRA.txt": b"two"}),
}


@pytest.fixture(scope="module")
def sent(teacher_portfolio: Portfolio) -> Bag:
    return teacher_portfolio.bag(answer="A bag checked two ways: as a zip, and from its files.")


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_checking_from_stored_files_says_what_reading_the_zip_says(
        variant: str, sent: Bag, tmp_path: Path) -> None:
    files = VARIANTS[variant](sent.files)
    store = FileStore(tmp_path / "blobs", tmp_path / "uploads", tmp_path / "bags")
    refs = []
    for path, data in files.items():
        sha256 = hashlib.sha256(data).hexdigest()
        target = store.blob_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        refs.append(bags.BagFileRef(path, sha256, len(data)))
    expected = bags.Expected(sent.submission_id, sent.achievement_id, sent.version,
                             sent.attempt)
    made = bags.assemble(store, sent.bag_name, refs, tmp_path / "bag.zip",
                         bags.frozen_time(store, refs))
    assert made.path is not None
    from_zip = bags.validate(made.path, expected)
    listed = bags.validate_listed(store, sent.bag_name, refs, expected)
    assert listed.damaged == ()
    assert sorted(listed.problems) == sorted(from_zip), variant
    assert (not from_zip) == variant.startswith("valid"), from_zip


def test_a_damaged_small_file_is_found_without_assembling(sent: Bag, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "blobs", tmp_path / "uploads", tmp_path / "bags")
    refs = []
    for path, data in sent.files.items():
        sha256 = hashlib.sha256(data).hexdigest()
        target = store.blob_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.upper() if path == METADATA else data)
        refs.append(bags.BagFileRef(path, sha256, len(data)))
    expected = bags.Expected(sent.submission_id, sent.achievement_id, sent.version, 1)
    checked = bags.validate_listed(store, sent.bag_name, refs, expected)
    metadata_sha = hashlib.sha256(sent.files[METADATA]).hexdigest()
    assert checked.damaged == (metadata_sha,) and checked.problems == ()
    assert not list((tmp_path / "bags").iterdir())
