"""Sizes and durations written the way people read them; any thread."""

from __future__ import annotations

import math
import re

from mcdesk.core.errors import McdeskError

_MOMENT = re.compile(r"^(?:(\d+):)?(?:(\d+):)?(\d+(?:\.\d+)?)$")


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


def parse_moment(text: str) -> float:
    """Seconds from "83", "83.5", "1:23", "1:23.5" or "1:01:23" (how people write moments)."""
    match = _MOMENT.match(text.strip())
    if match is None:
        raise McdeskError(f'"{text}" is not a moment; write it as M:SS (1:23) or in seconds')
    first, second, seconds = match.groups()
    hours, minutes = (int(first), int(second)) if second is not None else (
        0, int(first) if first is not None else 0)
    if float(seconds) >= 60 and first is not None:
        raise McdeskError(f'"{text}": seconds go up to 59')
    return hours * 3600 + minutes * 60 + float(seconds)
