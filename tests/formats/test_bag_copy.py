"""BagWriter.add_file's overlapped copy (reused buffers, sha256 and CRC+write on helper
threads): the bytes, the hash and the zip's CRC are right for files of many chunks, a hash
mismatch still stops the build, and a stop mid-file leaves neither a partial file nor a
helper thread behind."""

from __future__ import annotations

import hashlib
import os
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mcdesk.core.errors import McdeskError
from mcdesk.core.progress import Cancelled
from mcdesk.formats import bag, hashing_copy
from mcdesk.formats.bag import BagWriter, read_bag
from tests.package_helpers import CancelAfter

MOMENT = datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 4 KiB and a ring of 3: every test file spans many turns of the ring."""
    monkeypatch.setattr(bag, "COPY_CHUNK", 4096)
    monkeypatch.setattr(bag, "_RING", 3)


def helper_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("copy-")]


@pytest.mark.parametrize("size", [0, 1, 4096, 4096 * 7 + 123, 300_001])
@pytest.mark.parametrize("compress", [False, True])
def test_a_file_of_many_chunks_is_copied_hashed_and_crc_checked(
        tmp_path: Path, size: int, compress: bool) -> None:
    data = os.urandom(size)
    source = tmp_path / "lesson.mp4"
    source.write_bytes(data)
    partial = tmp_path / "out.zip.part"
    with BagWriter(partial, "bag", timestamp=MOMENT) as writer:
        written = writer.add_file("data/lesson.mp4", source,
                                  expected_sha256=hashlib.sha256(data).hexdigest().upper(),
                                  label="Lesson", compress=compress)
        writer.finish([("Source-Organization", "Test")])
        writer.commit(tmp_path / "out.zip")
    assert written.size == size
    assert written.sha256 == hashlib.sha256(data).hexdigest()
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.testzip() is None  # every CRC matches its bytes
        assert archive.read("bag/data/lesson.mp4") == data
    reading = read_bag(tmp_path / "out.zip")
    assert reading.problems == ()
    assert not partial.exists()
    assert helper_threads() == []


def test_a_hash_mismatch_stops_the_build_and_leaves_nothing(tmp_path: Path) -> None:
    data = os.urandom(4096 * 5 + 17)
    source = tmp_path / "lesson.mp4"
    source.write_bytes(data)
    damaged = bytearray(data)
    damaged[-1] ^= 0x01  # the last chunk differs: the whole file was read before the check
    partial = tmp_path / "out.zip.part"
    with pytest.raises(McdeskError, match='"Lesson" is damaged'), \
            BagWriter(partial, "bag", timestamp=MOMENT) as writer:
        writer.add_file("data/lesson.mp4", source,
                        expected_sha256=hashlib.sha256(bytes(damaged)).hexdigest(),
                        label="Lesson")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.mp4"]
    assert helper_threads() == []


def test_a_cancel_mid_file_stops_the_helpers_and_leaves_nothing(tmp_path: Path) -> None:
    source = tmp_path / "lesson.mp4"
    source.write_bytes(os.urandom(4096 * 40))
    control = CancelAfter(5)
    partial = tmp_path / "out.zip.part"
    with pytest.raises(Cancelled), BagWriter(partial, "bag", timestamp=MOMENT,
                                             control=control) as writer:
        writer.add_file("data/lesson.mp4", source, expected_sha256=None, label="Lesson")
    assert control.seen[-1][0] == 5 * 4096
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.mp4"]
    assert helper_threads() == []


def test_a_failing_write_reaches_the_caller_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An error on the write helper (here a full disk) is raised on the building thread."""
    source = tmp_path / "lesson.mp4"
    source.write_bytes(os.urandom(4096 * 20))
    partial = tmp_path / "out.zip.part"
    calls = {"n": 0}
    real = bag.BagWriter._start_writeback

    def full_disk(self: BagWriter) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError(28, "No space left on device")
        real(self)

    monkeypatch.setattr(bag.BagWriter, "_start_writeback", full_disk)
    with pytest.raises(McdeskError, match="the disk is full"), \
            BagWriter(partial, "bag", timestamp=MOMENT) as writer:
        writer.add_file("data/lesson.mp4", source, expected_sha256=None, label="Lesson")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson.mp4"]
    assert helper_threads() == []


def test_copy_hashing_into_a_plain_file_with_write_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The evidence store's path: a plain file written behind, the OS asked to write back
    every few chunks; the copy and its sha256 match the source byte for byte."""
    monkeypatch.setattr(hashing_copy.WriteBehind, "EVERY", 3 * 4096)
    data = os.urandom(4096 * 11 + 5)
    source = tmp_path / "in.bin"
    source.write_bytes(data)
    seen: list[int] = []
    with open(source, "rb", buffering=0) as reader, \
            open(tmp_path / "out.bin", "wb", buffering=0) as writer:
        size, sha256 = hashing_copy.copy_hashing(
            reader, hashing_copy.WriteBehind(writer.fileno()), copied=seen.append,
            ring=hashing_copy.CopyRing(4096, 3))
    assert (size, sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert (tmp_path / "out.bin").read_bytes() == data
    assert sum(seen) == len(data) and len(seen) == 12
    assert helper_threads() == []


def test_one_ring_serves_every_file_of_a_bag(tmp_path: Path) -> None:
    """The chunk buffers are made once a bag, as its copies first need them: a small file
    makes two (its bytes, then the read that finds the end), and the files after it reuse
    them; every file still arrives whole."""
    sizes = [10, 4096 * 9 + 1, 5, 4096 * 2]
    datas = [os.urandom(size) for size in sizes]
    with BagWriter(tmp_path / "out.zip.part", "bag", timestamp=MOMENT) as writer:
        made = []
        for number, data in enumerate(datas):
            source = tmp_path / f"piece-{number}.bin"
            source.write_bytes(data)
            writer.add_file(f"data/piece-{number}.bin", source,
                            expected_sha256=hashlib.sha256(data).hexdigest(), label="piece")
            made.append(writer._ring.made)
        writer.finish([("Source-Organization", "Test")])
        writer.commit(tmp_path / "out.zip")
    assert made == [2, 3, 3, 3]  # a ring of 3 (the fixture's): never more
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert [archive.read(f"bag/data/piece-{n}.bin") for n in range(4)] == datas
