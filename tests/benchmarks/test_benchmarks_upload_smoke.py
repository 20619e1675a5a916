"""The upload benchmark runs end to end on a tiny file against the reference issuer: every figure
comes out with finite, positive numbers, and a process killed half way costs at most one slice
when a fresh one resumes (a correctness property; no timing is asserted here)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest

from benchmarks import upload
from tests.sync_helpers import issuer_missing_reason

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")

SIZE = 6_000_000
SLICE = 1024 * 1024  # several slices in the file, so a restart from 0 would show


def test_upload_figures_on_a_tiny_file(tmp_path: Path) -> None:
    result = upload.measure(tmp_path, rounds=1, size_bytes=SIZE, slice_size=SLICE,
                            kill_seconds=3.0)
    figures = upload.figures(result)
    assert [f.name for f in figures] == ["upload 6 MB over loopback",
                                         "re-sent after kill at 50 %, 6 MB",
                                         "upload memory, 6 MB"]
    throughput, resent, memory = figures
    compared = [throughput, memory] if shutil.which("curl") else [memory]
    for figure in compared:
        assert figure.ratio is not None and math.isfinite(figure.ratio) and figure.ratio > 0
    speeds = [result.ours, result.curl, result.curl_stream] if shutil.which("curl") else [
        result.ours]
    for runs in speeds:
        assert len(runs) == 1 and math.isfinite(result.mbps(runs)) and result.mbps(runs) > 0
    assert all(r.peak_rss > 0 for r in [*result.ours, *result.small])

    kill = result.kill
    assert kill is not None
    assert SIZE // 2 <= kill.offset_at_kill <= kill.kept < SIZE
    assert kill.resume_created == 0  # resumed the stored upload URL, not a new upload
    assert kill.resume_sent == SIZE - kill.kept
    assert 0 <= kill.resent <= SLICE
    assert resent.passed is True
    assert "curl" in upload.details(result)
