"""A full disk while a download is written says so and keeps the bytes so far; other OS
errors pass unchanged (test thread)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from mcdesk.core.errors import StorageFullError
from mcdesk.sync.client import _resumes_when_full


def test_a_full_disk_is_said_and_the_partial_file_stays(tmp_path: Path) -> None:
    partial = tmp_path / "resource.partial"
    partial.write_bytes(b"the first half")
    with pytest.raises(StorageFullError) as raised, _resumes_when_full(partial):
        raise OSError(errno.ENOSPC, "No space left on device")
    assert raised.value.path == partial
    assert "will resume" in str(raised.value)
    assert partial.read_bytes() == b"the first half"


def test_other_os_errors_pass_unchanged(tmp_path: Path) -> None:
    with pytest.raises(PermissionError), _resumes_when_full(tmp_path / "x.partial"):
        raise PermissionError(errno.EACCES, "Permission denied")
