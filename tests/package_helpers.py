"""Helpers for the package tests: real evidence in a real portfolio, snapshots made by hand, a
raw zip writer that can write what zipfile refuses to (duplicates, links, lying sizes); test
thread."""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mcdesk.core.drafts import Answer, SnapshotItem, SubmissionSnapshot
from mcdesk.core.evidence import Consent, Evidence
from mcdesk.core.progress import Cancelled
from mcdesk.services.workspace import Workspace

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
RUBRIC = f"{EXIT_TICKETS}/rubric"
FROZEN_AT = datetime(2024, 3, 5, 10, 15, tzinfo=UTC)
SUBMISSION_ID = "0b7d6a4e-1a52-4c55-9a43-2f4c7c1f9d10"


class CancelAfter:
    """A JobControl that asks to stop after `n` progress reports."""

    def __init__(self, n: int) -> None:
        self.calls = 0
        self.n = n
        self.seen: list[tuple[int, int | None]] = []

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.calls += 1
        self.seen.append((done, total))

    def check_cancelled(self) -> None:
        if self.calls >= self.n:
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self.calls >= self.n


def item(workspace: Workspace, criterion_id: str, position: int, evidence: Evidence,
         caption: str = "", consent: Consent | None = None) -> SnapshotItem:
    path = workspace.evidence.file_path(evidence)
    return SnapshotItem(criterion_id, position, caption, evidence,
                        str(path) if path is not None else None,
                        consent if consent is not None else evidence.consent)


def snapshot(items: Iterable[SnapshotItem], *, answers: dict[str, str] | None = None,
             submission_id: str = SUBMISSION_ID, draft_id: str = "draft-1",
             attempt: int = 1) -> SubmissionSnapshot:
    written = answers if answers is not None else {
        "p1-context": "I teach a fourth-grade class of twenty-six students.",
        "p3-impact": "The exit tickets showed me who still compared denominators; Élodie's "
                     "group needed a number line.\nNext time I will sort them the same day.",
    }
    return SubmissionSnapshot(
        submission_id=submission_id, draft_id=draft_id, achievement_id=EXIT_TICKETS,
        mc_version="1.0", mc_name="Checking for Understanding with Exit Tickets",
        attempt=attempt,
        answers=tuple(Answer(cid, text, FROZEN_AT) for cid, text in written.items()),
        items=tuple(items),
        self_assessment=((f"{RUBRIC}/overview", f"{RUBRIC}/overview/proficient"),
                         (f"{RUBRIC}/video", f"{RUBRIC}/video/developing")),
        created_at=FROZEN_AT)


# --------------------------------------------------------------------------- raw zip files


@dataclass
class RawEntry:
    """One zip entry exactly as written: `data` is what lies in the file (already compressed
    for method 8); sizes and CRC default to the truth but can lie."""

    name: str
    data: bytes = b""
    method: int = zipfile.ZIP_STORED
    size: int | None = None  # declared uncompressed size
    crc: int | None = None
    mode: int = 0o100644  # st_mode, in the high bits of the external attributes
    offset: int | None = None  # point the central directory at another entry's header

    @classmethod
    def deflated(cls, name: str, content: bytes) -> RawEntry:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = packer.compress(content) + packer.flush()
        return cls(name, data, zipfile.ZIP_DEFLATED, len(content), zlib.crc32(content))


def write_raw_zip(path: Path, entries: Iterable[RawEntry]) -> Path:
    """A zip file holding `entries` as given, in order: no checks, no fixes."""
    local = bytearray()
    central = bytearray()
    count = 0
    offsets: list[int] = []
    for entry in entries:
        name = entry.name.encode("utf-8")
        size = entry.size if entry.size is not None else len(entry.data)
        crc = entry.crc if entry.crc is not None else zlib.crc32(entry.data)
        flags = 0x800 if not entry.name.isascii() else 0
        offset = len(local)
        offsets.append(offset)
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, entry.method, 0, 0x21,
                             crc, len(entry.data), size, len(name), 0) + name + entry.data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 20, 20, flags,
                               entry.method, 0, 0x21, crc, len(entry.data), size, len(name),
                               0, 0, 0, 0, entry.mode << 16,
                               entry.offset if entry.offset is not None else offset) + name
        count += 1
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(local),
                      0)
    path.write_bytes(bytes(local) + bytes(central) + end)
    return path


def read_entries(archive: Path) -> list[tuple[str, bytes]]:
    """Every entry of a (valid) zip file, in order."""
    with zipfile.ZipFile(archive) as opened:
        return [(info.filename, opened.read(info)) for info in opened.infolist()]


def rezip(archive: Path, dest: Path,
          change: Callable[[list[tuple[str, bytes]]], list[tuple[str, bytes]]],
          *, extra: Iterable[RawEntry] = ()) -> Path:
    """A copy of `archive` with its entries changed by `change`, plus `extra` raw entries."""
    entries = [RawEntry.deflated(name, data) for name, data in change(read_entries(archive))]
    return write_raw_zip(dest, [*entries, *extra])


def rehashed(entries: list[tuple[str, bytes]], *, oxum: str | None = None
             ) -> list[tuple[str, bytes]]:
    """The same bag with its manifests and Payload-Oxum (or `oxum`) recomputed."""
    top = entries[0][0].split("/")[0]
    files = {name.split("/", 1)[1]: data for name, data in entries}
    payload = {p: d for p, d in files.items() if p.startswith("data/")}
    files["manifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(d).hexdigest()}  {p}\n" for p, d in sorted(payload.items())).encode()
    info = [line for line in files["bag-info.txt"].decode().splitlines()
            if not line.startswith("Payload-Oxum")]
    info.append(f"Payload-Oxum: {oxum or f'{sum(map(len, payload.values()))}.{len(payload)}'}")
    files["bag-info.txt"] = ("\n".join(info) + "\n").encode()
    tags = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt")
    files["tagmanifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(files[t]).hexdigest()}  {t}\n" for t in tags).encode()
    return [(f"{top}/{path}", data) for path, data in files.items()]


def zeros_bomb(size: int = 1 << 30) -> bytes:
    """A raw deflate stream of `size` zero bytes (about 1 KB per MB), made without
    compressing `size` bytes: after a full flush, every 1 MB block of zeros compresses to the
    same bytes, so one block's output is repeated."""
    block = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    repeated = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + repeated * (size // len(block) - 1) + packer.flush()


# -- hostile variants of a valid bag (packages, review files, exchange bundles) -----------------

Maker = Callable[[Path, Path], Path]


def top_of(archive: Path) -> str:
    """The bag folder's name inside a zip."""
    return read_entries(archive)[0][0].split("/")[0]


def with_extra(*extra: Callable[[str], RawEntry]) -> Maker:
    """The valid bag plus raw entries (given the bag folder's name)."""
    def make(base: Path, dest: Path) -> Path:
        top = top_of(base)
        return rezip(base, dest, lambda entries: entries, extra=[e(top) for e in extra])
    return make


def changed(change: Callable[[str, bytes], bytes | None], *, rehash: bool = False) -> Maker:
    """The valid bag with each (bag path, bytes) passed through `change` (None drops the
    entry); with `rehash`, manifests and Payload-Oxum are recomputed so the bag stays valid."""
    def make(base: Path, dest: Path) -> Path:
        def apply(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
            out = []
            for name, data in entries:
                new = change(name.split("/", 1)[1], data)
                if new is not None:
                    out.append((name, new))
            return rehashed(out) if rehash else out
        return rezip(base, dest, apply)
    return make


def flip_photo(path: str, data: bytes) -> bytes:
    """One bit flipped in the middle of every JPEG."""
    if path.endswith(".jpg"):
        damaged = bytearray(data)
        damaged[len(damaged) // 2] ^= 0x01
        return bytes(damaged)
    return data


def json_edit(bag_path: str,
              edit: Callable[[dict[str, object]], None]) -> Callable[[str, bytes], bytes]:
    """A `changed` step that edits the JSON document at `bag_path` in place."""
    def change(path: str, data: bytes) -> bytes:
        if path != bag_path:
            return data
        value = json.loads(data)
        edit(value)
        return json.dumps(value).encode()
    return change
