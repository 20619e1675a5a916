"""Places at full size: the first paint of Evidence (10,000 pieces), Drafts (200), Reviews (100)
and Badges (200 credentials) against the same place on an empty portfolio, search while typing
in each against the same search on the empty portfolio (and, as info, for the places that hide
rows of a list, against a bare QListWidget doing the same search over copies of the rows: the
empty portfolio's list is hidden, so that reference paints nothing), and the longest
GUI-thread stall while scrolling the evidence grid, idle and while the drafts are checked on
the pool. The measuring runs in one child process (benchmarks.places_child); this module makes
the empty portfolio and the table rows."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.places_child import BUSY_S, BUSY_TICK_MS
from benchmarks.startup import REPO, child_env
from benchmarks.stats import Figure, median

GOAL_RATIO = 1.5
GOAL_STALL_MS = 50.0
MARKER = "BENCH-PLACES "
TIMEOUT_S = 900.0
PLACES = ("evidence", "drafts", "reviews", "badges")


@dataclass(frozen=True)
class PlacesResult:
    rounds: int  # of searches, scrolls and stalls; the first paints may take more
    first_paint: dict[str, dict[str, list[float]]]  # place -> full/empty -> seconds
    search: dict[str, dict[str, list[float]]]
    scroll: dict[str, list[float]]  # place -> the longest step of each round, seconds
    # what runs on the pool -> the longest GUI-thread gap of each round, seconds
    busy: dict[str, list[float]]
    # place -> the same search on a bare list of its rows, each round, seconds
    bare_search: dict[str, list[float]]


def make_empty(root: Path) -> Path:
    from mcdesk.services.workspace import Workspace

    Workspace.open(root, create=True, seed_demo=False).close()
    return root


def run_places(full: Path, *, rounds: int, paint_rounds: int | None = None,
               empty: Path | None = None) -> PlacesResult:
    with tempfile.TemporaryDirectory(prefix="mcdesk-bench-places-") as temp:
        empty = empty or make_empty(Path(temp) / "empty")
        env = child_env(Path(temp) / "home")
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.places_child", str(full), str(empty),
             str(rounds), str(paint_rounds or rounds)], cwd=REPO, env=env,
            capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith(MARKER)), None)
    if line is None:
        raise RuntimeError(f"the places benchmark failed:\n{done.stderr[-3000:]}")
    data: dict[str, Any] = json.loads(line[len(MARKER):])
    return PlacesResult(rounds, data["first_paint"], data["search"], data["scroll"],
                        data["busy"], data["bare_search"])


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _paired(pair: dict[str, list[float]], name: str, note: str) -> Figure:
    full, empty = median(pair["full"]), median(pair["empty"])
    ratio = median([f / e for f, e in zip(pair["full"], pair["empty"], strict=True)])
    return Figure(name, _ms(full), f"{_ms(empty)} (empty portfolio)", ratio,
                  f"<= {GOAL_RATIO}x", ratio <= GOAL_RATIO, note)


def figures(result: PlacesResult, sizes: dict[str, str] | None = None) -> list[Figure]:
    sizes = sizes or {}
    made: list[Figure] = []
    for place in PLACES:
        pair = result.first_paint.get(place)
        if pair:
            made.append(_paired(pair, f"first paint {place}",
                                f"{sizes.get(place, 'full portfolio')}: building the place to "
                                "the end of the event loop's first paint of it with its list "
                                "filled (or its empty state); ratio is the median of "
                                f"{len(pair['full'])} per-round ratios"))
    for place, pair in result.search.items():
        made.append(_paired(pair, f"search {place}",
                            "slowest of a word typed letter by letter, from the search box "
                            "asking (after its typing pause) to the list painted; on the empty "
                            "portfolio the list is hidden (Drafts, Reviews and Badges hide the "
                            "search box too), so the reference paints nothing"))
    for place, bare in result.bare_search.items():
        full = result.search[place]["full"]
        ratio = median([f / b for f, b in zip(full, bare, strict=True)])
        made.append(Figure(
            f"search {place}, bare list", _ms(median(full)), f"{_ms(median(bare))} (bare list)",
            ratio, "info", None,
            "the same words on the full portfolio, against a bare QListWidget holding copies "
            "of the place's rows (words, picture, size) that hides the rows without the "
            "words and paints: the reference that does the same work"))
    for place, stalls in result.scroll.items():
        longest = max(stalls)
        made.append(Figure(f"scroll {place}", _ms(longest), "-", None,
                           f"<= {GOAL_STALL_MS:.0f} ms", longest * 1000 <= GOAL_STALL_MS,
                           "longest GUI-thread step while scrolling the whole grid in "
                           f"{len(stalls)} round(s)"))
    for job, gaps in result.busy.items():
        longest = max(gaps)
        made.append(Figure(f"stall while {job} are checked", _ms(longest), "-", None,
                           f"<= {GOAL_STALL_MS:.0f} ms", longest * 1000 <= GOAL_STALL_MS,
                           f"longest gap of a {BUSY_TICK_MS} ms GUI-thread timer scrolling the "
                           "evidence grid while the check of every draft runs on the pool, "
                           f"again and again, for {BUSY_S:g} s, in {len(gaps)} round(s); the "
                           "start's heap frozen as the window does"))
    return made


def details(result: PlacesResult) -> str:
    lines = ["places (ms per round, full / empty):"]
    for kind, table in (("first paint", result.first_paint), ("search", result.search)):
        for place, pair in table.items():
            full = ", ".join(f"{s * 1000:.0f}" for s in pair["full"])
            empty = ", ".join(f"{s * 1000:.0f}" for s in pair["empty"])
            lines.append(f"  {kind} {place}: {full} / {empty}")
    for place, bare in result.bare_search.items():
        lines.append(f"  search {place} on a bare list: "
                     + ", ".join(f"{s * 1000:.1f}" for s in bare))
    return "\n".join(lines)
