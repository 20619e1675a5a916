"""The player benchmark runs end to end on a tiny video: it prints its lines with numbers that
parse, and the driver's JSON path gives figures with finite values (no timing is asserted)."""

from __future__ import annotations

import math
import os
import re
import subprocess
import sys

from benchmarks import player
from benchmarks.__main__ import FIGURES
from tests.conftest import REPO

TINY = ["--seconds", "1.2", "--width", "320", "--height", "180", "--seeks", "3"]
NUMBER = r"(\d+(?:\.\d+)?)"


def test_the_player_benchmark_prints_its_lines() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "benchmarks.player", *TINY], cwd=REPO,
                         env=env, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    text = run.stdout
    stall = re.search(rf"player max stall: {NUMBER} ms \(goal <= 50 ms\), p99 {NUMBER} ms", text)
    reference = re.search(rf"player reference \(window shown, not playing\): max {NUMBER} ms, "
                          rf"p99 {NUMBER} ms", text)
    ratio = re.search(rf"player ratio vs reference: max {NUMBER}x, p99 {NUMBER}x", text)
    seeks = re.search(r"player seek accuracy: max error (\d+) frame\(s\) over (\d+) comment "
                      r"seeks", text)
    assert stall and reference and ratio and seeks, text
    for match in (stall, reference, ratio):
        values = [float(v) for v in match.groups()]
        assert all(math.isfinite(v) and v > 0 for v in values), match.group(0)
    assert float(stall.group(1)) >= float(stall.group(2))  # the max is at least the p99
    assert int(seeks.group(2)) == 3
    assert "player video: 320x180 30 fps" in text


def test_the_driver_gets_figures() -> None:
    assert "player" in FIGURES  # python -m benchmarks --only player
    result = player.run_child(quick=False, extra=TINY)
    assert (result.width, result.height, result.comments) == (320, 180, player.COMMENTS)
    assert len(result.seek_errors) == 3
    assert result.playing.ticks > 0 and result.reference.ticks > 0
    assert result.frames_shown > 0
    made = player.figures(result)
    assert [f.name for f in made] == ["player stall max, 180p30", "player stall p99, 180p30",
                                      "comment seek accuracy"]
    for figure in made[:2]:
        assert figure.ratio is not None and math.isfinite(figure.ratio) and figure.ratio > 0
    assert made[2].passed is (result.max_seek_error <= player.GOAL_SEEK_FRAMES)
    assert "player seek accuracy" in "\n".join(player.lines(result))
