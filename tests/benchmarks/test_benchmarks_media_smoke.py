"""The evidence benchmarks run end to end on tiny inputs (no timing is asserted here)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from benchmarks import media_figures


def test_raw_video_fixture_is_a_real_video(tmp_path: Path) -> None:
    from mcdesk.media.probe import probe_file

    video = media_figures.write_raw_video(tmp_path / "raw.mkv", 20_000_000)
    info = probe_file(video)
    assert info.width == 1280 and info.height == 720
    assert 19_000_000 < video.stat().st_size < 22_000_000


def test_import_figures_measure_both_sides(tmp_path: Path) -> None:
    figures, details = media_figures.import_figures(
        tmp_path, rounds=1, sizes=(10_000_000, 60_000_000), memory_size_bytes=16_000_000)
    assert [f.name for f in figures] == ["import 0.0 GB video", "import 0.1 GB video",
                                         "import memory, 0.0 GB"]
    assert all(f.ratio is not None and math.isfinite(f.ratio) and f.ratio > 0 for f in figures)
    assert "sha256sum" in details and "Import 0.1 GB" in details


@pytest.mark.skipif(not __import__("shutil").which("ffmpeg"), reason="needs Debian's ffmpeg")
def test_compress_and_blur_figures_run(tmp_path: Path) -> None:
    compress, compress_details = media_figures.compress_figures(tmp_path, rounds=1, seconds=1)
    blur, _ = media_figures.blur_figures(tmp_path, rounds=1, seconds=1)
    assert compress[0].ratio is not None and compress[0].ratio > 0
    assert "ffmpeg CLI" in compress_details
    assert blur[0].ratio is not None and blur[0].ratio > 0
