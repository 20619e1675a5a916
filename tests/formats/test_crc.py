"""The fast zip CRC is zlib's function (same results for any data, start value and buffer
type), zipfile uses it once a bag module is imported, and without ISA-L zlib's is used."""

from __future__ import annotations

import importlib
import os
import sys
import zipfile
import zlib
from pathlib import Path

import pytest

from mcdesk.formats import bag, crc


@pytest.mark.parametrize("size", [0, 1, 15, 16, 63, 64, 4095, 65_536, 1_048_577])
@pytest.mark.parametrize("start", [0, 1, 0xFFFFFFFF, 0x12345678])
def test_the_fast_crc_equals_zlibs(size: int, start: int) -> None:
    data = os.urandom(size)
    assert crc.crc32(data, start) == zlib.crc32(data, start)
    view = memoryview(bytearray(data))[size // 3:]
    assert crc.crc32(view, start) == zlib.crc32(view, start)


def test_chunked_crc_equals_the_whole() -> None:
    data = os.urandom(300_001)
    value = 0
    for start in range(0, len(data), 4096):
        value = crc.crc32(memoryview(data)[start:start + 4096], value)
    assert value == zlib.crc32(data)


def test_zipfile_writes_and_checks_with_the_fast_crc(tmp_path: Path) -> None:
    assert bag.BagWriter is not None  # importing the bag writer installed the fast CRC
    assert zipfile.crc32 is crc._CRC  # type: ignore[attr-defined]
    data = os.urandom(200_000)
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("stored.bin", data)
        archive.writestr("deflated.bin", data, compress_type=zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert zlib.crc32(data) == archive.getinfo("stored.bin").CRC
        assert archive.testzip() is None
        assert archive.read("deflated.bin") == data


def test_without_isal_zlibs_crc_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "isal", None)  # `import isal` now raises ImportError
    try:
        reloaded = importlib.reload(crc)
        assert reloaded.BACKEND == "zlib"
        assert reloaded.crc32(b"mcdesk", 7) == zlib.crc32(b"mcdesk", 7)
    finally:
        monkeypatch.undo()
        importlib.reload(crc)
    assert crc.BACKEND == "isal"
