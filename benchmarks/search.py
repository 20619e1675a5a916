"""Figure 2: catalog search latency while typing, against a plain LIKE scan with sqlite3."""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import Figure, median, percentile
from mcdesk.services.workspace import Workspace
from mcdesk.storage.portfolio import DB_NAME

GOAL_P95_MS = 30.0

# What a teacher types, one keystroke at a time.
TYPED = (
    "exit tickets", "peer feedback", "number talks", "rubric design", "science notebooks",
    "wait time", "coaching cycles", "family café", "media literacy", "lesson study",
    "student voice", "graphic org",
)
SHORT_PREFIXES = ("ma", "mat", "rea", "wri", "sci", "fam", "dat", "lit", "co", "st", "q", "z")
ACCENTED = (
    "évaluation", "évaluat", "évaluation formative", "evaluation", "café", "cafe", "pédagogie",
    "pedagogie différenciée", "éducation", "éducation bienveillante", "coopératif",
    "apprentissage coopératif", "lecture partagée", "rétroaction", "élèves", "compétences",
    "centre pédagogique", "montréal", "é", "év",
)
NO_HIT = (
    "zebra", "xylophone", "quasar", "blockchain", "kryptonite", "marsupial", "qwertyuiop",
    "volcano eruption", "exit zebra", "zz", "xq", "photosynthesis lab", "ñandú", "jazz",
    "karaoke",
)

REFERENCE_SQL = (
    "SELECT pk, achievement_id, version, name, description, issuer_name, stack_id, "
    "stack_position, in_service_hours FROM micro_credential WHERE is_current{terms} "
    "ORDER BY name LIMIT :limit"
)
TERM_SQL = (" AND (name LIKE :t{n} ESCAPE '\\' OR description LIKE :t{n} ESCAPE '\\' "
            "OR issuer_name LIKE :t{n} ESCAPE '\\' OR search_text LIKE :t{n} ESCAPE '\\')")


@dataclass(frozen=True)
class Query:
    text: str
    category: str


@dataclass(frozen=True)
class QueryTiming:
    query: Query
    hits: int
    reference_hits: int
    ms: float  # median over rounds
    reference_ms: float


@dataclass(frozen=True)
class SearchResult:
    timings: tuple[QueryTiming, ...]
    rounds: int

    def _values(self, reference: bool = False, category: str | None = None) -> list[float]:
        return [t.reference_ms if reference else t.ms for t in self.timings
                if category is None or t.query.category == category]

    def p(self, fraction: float, *, reference: bool = False, category: str | None = None
          ) -> float:
        return percentile(self._values(reference, category), fraction)

    def worst(self, *, reference: bool = False) -> float:
        return max(self._values(reference))

    def unexpected(self) -> list[str]:
        """Queries whose hits contradict their category (a broken fixture or search)."""
        problems = []
        for timing in self.timings:
            if timing.query.category == "no hit" and timing.hits:
                problems.append(f"{timing.query.text!r} found {timing.hits}")
        return problems


def _category(text: str) -> str:
    words = text.split()
    if any(not ch.isascii() for ch in text) or text in ("evaluation", "cafe", "pedagogie"):
        return "accented"
    if len(words) > 1:
        return "two words"
    return "1-3 letters" if len(text) <= 3 else "4+ letters"


def typing_queries() -> list[Query]:
    """About 200 queries: every keystroke of a few phrases, short prefixes, accented words and
    words that match nothing."""
    queries: list[Query] = []
    for phrase in TYPED:
        for end in range(1, len(phrase) + 1):
            text = phrase[:end]
            if text.endswith(" "):
                continue  # the same terms as the keystroke before
            queries.append(Query(text, _category(text)))
    queries += [Query(text, _category(text)) for text in SHORT_PREFIXES + ACCENTED]
    queries += [Query(text, "no hit") for text in NO_HIT]
    return queries


class LikeScan:
    """The reference: the same rows searched with LIKE '%term%' through the sqlite3 module."""

    def __init__(self, db_path: Path) -> None:
        self._connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    def search(self, query: str, limit: int = 500) -> list[tuple[object, ...]]:
        terms = query.casefold().split()
        params: dict[str, object] = {"limit": limit}
        clauses = []
        for number, term in enumerate(terms):
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params[f"t{number}"] = f"%{escaped}%"
            clauses.append(TERM_SQL.format(n=number))
        sql = REFERENCE_SQL.format(terms="".join(clauses))
        return self._connection.execute(sql, params).fetchall()

    def close(self) -> None:
        self._connection.close()


def run_search(root: Path, *, rounds: int = 5, queries: Sequence[Query] | None = None,
               seed: int = 7) -> SearchResult:
    """Time `workspace.catalog.entries(query=...)` and the LIKE scan for every query, in turn
    and in a new order each round; keep each query's median."""
    queries = list(queries if queries is not None else typing_queries())
    workspace = Workspace.open(root, create=False)
    reference = LikeScan(root / DB_NAME)
    subject_ms: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    reference_ms: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    hits: dict[int, int] = {}
    reference_hits: dict[int, int] = {}
    try:
        for query in queries[:10]:  # warm caches and lazy imports
            workspace.catalog.entries(query=query.text)
            reference.search(query.text)
        rng = random.Random(seed)
        for round_number in range(rounds):
            order = list(range(len(queries)))
            rng.shuffle(order)
            for position, index in enumerate(order):
                text = queries[index].text
                for side in ((0, 1) if (position + round_number) % 2 else (1, 0)):
                    started = time.perf_counter()
                    if side == 0:
                        found = len(workspace.catalog.entries(query=text))
                        subject_ms[index].append((time.perf_counter() - started) * 1000)
                        hits[index] = found
                    else:
                        found = len(reference.search(text))
                        reference_ms[index].append((time.perf_counter() - started) * 1000)
                        reference_hits[index] = found
    finally:
        reference.close()
        workspace.close()
    timings = tuple(
        QueryTiming(query, hits[i], reference_hits[i], median(subject_ms[i]),
                    median(reference_ms[i]))
        for i, query in enumerate(queries)
    )
    return SearchResult(timings, rounds)


def figures(result: SearchResult) -> list[Figure]:
    count = len(result.timings)
    p50, p95, worst = result.p(0.5), result.p(0.95), result.worst()
    r50 = result.p(0.5, reference=True)
    r95 = result.p(0.95, reference=True)
    rmax = result.worst(reference=True)
    note = (f"{count} queries x {result.rounds} rounds, per-query medians; reference is a "
            "sqlite3 LIKE '%term%' scan of name, description, issuer and body")
    problems = result.unexpected()
    if problems:
        note += "; UNEXPECTED HITS: " + ", ".join(problems)
    return [
        Figure("search p95", f"{p95:.1f} ms", f"{r95:.1f} ms", p95 / r95,
               f"< {GOAL_P95_MS:.0f} ms", p95 < GOAL_P95_MS, note),
        Figure("search p50", f"{p50:.1f} ms", f"{r50:.1f} ms", p50 / r50, "info", None),
        Figure("search max", f"{worst:.1f} ms", f"{rmax:.1f} ms", worst / rmax, "info", None),
    ]


def details(result: SearchResult) -> str:
    categories = sorted({t.query.category for t in result.timings})
    lines = ["search by kind of query (per-query medians, ms):",
             f"  {'kind':<12} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7} {'ref p95':>8} "
             f"{'hits p50':>8}"]
    for category in categories:
        chosen = [t for t in result.timings if t.query.category == category]
        values = [t.ms for t in chosen]
        lines.append(
            f"  {category:<12} {len(chosen):>4} {percentile(values, 0.5):>7.1f} "
            f"{percentile(values, 0.95):>7.1f} {max(values):>7.1f} "
            f"{result.p(0.95, reference=True, category=category):>8.1f} "
            f"{percentile([float(t.hits) for t in chosen], 0.5):>8.0f}")
    slowest = sorted(result.timings, key=lambda t: t.ms, reverse=True)[:5]
    lines.append("  slowest: " + ", ".join(
        f"{t.query.text!r} {t.ms:.1f} ms ({t.hits} hits)" for t in slowest))
    return "\n".join(lines)
