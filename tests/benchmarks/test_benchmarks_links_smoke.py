"""The bad-links benchmark runs end to end on a small file: the upload finishes on every link,
the cutting link really cut, and every figure is a finite ratio (no timing is asserted)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from benchmarks import bad_links
from tests.sync_helpers import issuer_missing_reason

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")


def test_bad_link_figures_on_a_small_file(tmp_path: Path) -> None:
    size = 4 * bad_links.MB
    cut, stall = bad_links.MB // 2, bad_links.MB
    result = bad_links.measure(tmp_path, rounds=1, size_bytes=size, rate=16 * bad_links.MB,
                               slice_size=bad_links.MB, cut=cut, stall=stall)
    names = [link.name for link in bad_links.links(size, cut=cut, stall=stall)]
    assert sorted(result.times) == sorted(names)
    cutting = names[1]
    assert result.cuts[cutting] >= 3
    figures = bad_links.figures(result)
    assert len(figures) == 2
    for figure in figures:
        assert figure.ratio is not None and math.isfinite(figure.ratio) and figure.ratio > 0
    assert "connections cut" in bad_links.details(result)
