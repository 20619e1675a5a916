"""The issuer load test runs end to end in its quick form: nginx in front of three issuer
processes on PostgreSQL, a few earners sending real bags at once, one issuer killed half way;
nothing lost or duplicated, every bag valid, every figure finite (no timing is asserted);
test thread."""

from __future__ import annotations

import math
from pathlib import Path

from benchmarks import issuer_load


def test_the_quick_issuer_load_test(tmp_path: Path) -> None:
    result = issuer_load.run_load(tmp_path, earners=4, size=256 * 1024, log=lambda _: None)
    assert [run.error for run in result.runs] == [""] * 4
    assert (result.lost, result.duplicated, result.invalid) == (0, 0, [])
    assert result.killed_at_s is not None
    assert len(result.rss[-1][1]) == issuer_load.PROCESSES - 1  # the killed one is gone
    assert result.metrics_upload_bytes > 0
    figures = issuer_load.figures(result)
    assert figures[0].passed is True
    for figure in figures[1:]:
        assert figure.subject and "nan" not in figure.subject
    assert math.isfinite(issuer_load.percentile(result.finalize_times, 0.95))
    assert "killed (SIGKILL)" in issuer_load.details(result)
