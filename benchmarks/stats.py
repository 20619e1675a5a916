"""Small statistics and reporting helpers shared by the figures."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear-interpolated percentile (`fraction` in 0..1) of `values`."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Figure:
    """One line of the final table. `ratio` is subject/reference; `passed` is None when the
    figure is informative only."""

    name: str
    subject: str
    reference: str
    ratio: float | None
    goal: str
    passed: bool | None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.passed is None:
            return "info"
        return "PASS" if self.passed else "MISS"


def format_ratio(ratio: float | None) -> str:
    if ratio is None or math.isnan(ratio):
        return "-"
    return f"{ratio:.2f}x"


def format_table(figures: Sequence[Figure]) -> str:
    headers = ("figure", "mcdesk", "reference", "ratio", "goal", "result")
    rows = [(f.name, f.subject, f.reference, format_ratio(f.ratio), f.goal, f.verdict)
            for f in figures]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in rows]
    notes = [f"  * {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        out += ["", *notes]
    return "\n".join(out)
