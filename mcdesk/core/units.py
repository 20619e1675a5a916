"""Sizes and durations written the way people read them; any thread."""

from __future__ import annotations

import math


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.1f} MB"
    if size == 0:
        return "0 KB"
    return f"{max(1, size // 1024)} KB"  # a few bytes still read as "1 KB", never "0 KB"


def clock(seconds: float) -> str:
    """A time as a video player shows it: 0:07, 12:30 or 1:02:03 (half a second rounds up,
    nothing below zero)."""
    whole = max(0, math.floor(seconds + 0.5))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
