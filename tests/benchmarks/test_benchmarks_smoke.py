"""Smoke test of the benchmarks on a tiny portfolio: the fixture holds what it claims, the search
figure finds what is there, and the start-up driver reaches its marker. No timing is asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import idle_memory, places, search, startup
from benchmarks.fixture import FixtureInfo, build_portfolio
from mcdesk.services.workspace import Workspace

MICRO_CREDENTIALS = 20
EVIDENCE_ROWS = 50
DRAFTS, REVIEWS, CREDENTIALS = 4, 3, 5


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> FixtureInfo:
    root = tmp_path_factory.mktemp("bench") / "portfolio"
    return build_portfolio(root, micro_credentials=MICRO_CREDENTIALS, evidence=EVIDENCE_ROWS,
                           drafts=DRAFTS, reviews=REVIEWS, credentials=CREDENTIALS)


def test_fixture_holds_the_counts(tiny: FixtureInfo) -> None:
    assert tiny.micro_credentials == MICRO_CREDENTIALS
    assert tiny.evidence_rows == EVIDENCE_ROWS
    assert tiny.stored_versions == MICRO_CREDENTIALS + MICRO_CREDENTIALS // 10
    assert len(set(tiny.names)) == MICRO_CREDENTIALS
    workspace = Workspace.open(tiny.root, create=False)
    try:
        assert workspace.catalog.count() == MICRO_CREDENTIALS
        assert len(workspace.catalog.entries()) == MICRO_CREDENTIALS
        assert [s.name for s in workspace.catalog.stacks()] == ["Getting Started"]
        assert len(workspace.drafts.list()) == DRAFTS
        assert len(workspace.reviews.summaries()) == REVIEWS
        assert len(workspace.badges.list()) == CREDENTIALS
    finally:
        workspace.close()


def test_search_figure_finds_generated_names(tiny: FixtureInfo) -> None:
    word = max(tiny.names[0].replace(":", " ").split(), key=len)
    queries = [*search.typing_queries(), search.Query(word, "4+ letters")]
    result = search.run_search(tiny.root, rounds=1, queries=queries)
    by_text = {t.query.text: t for t in result.timings}
    assert by_text[word].hits > 0
    assert by_text["zebra"].hits == 0
    assert result.unexpected() == []
    assert [f.name for f in search.figures(result)] == ["search p95", "search p50", "search max"]
    assert "slowest" in search.details(result)


def test_startup_driver_reaches_its_marker(tiny: FixtureInfo, tmp_path: Path) -> None:
    run = startup.time_child("benchmarks.startup_mcdesk", [str(tiny.root)],
                             startup.child_env(tmp_path))
    assert run.fields["entries"] == str(MICRO_CREDENTIALS)
    assert {"launcher", "imports", "shown", "workspace", "entries", "painted"} <= set(run.phases)


def test_idle_memory_driver_reads_both_children(tiny: FixtureInfo, tmp_path: Path) -> None:
    env = startup.child_env(tmp_path)
    mcdesk = idle_memory.measure_child("benchmarks.startup_mcdesk", [str(tiny.root)], env,
                                       idle_s=1.0)
    bare = idle_memory.measure_child("benchmarks.startup_bare", [], env, idle_s=1.0)
    assert 20 < bare < mcdesk < 2000  # MiB: both are real Qt processes, mcdesk the larger
    result = idle_memory.IdleResult(1.0, [mcdesk], [bare])
    (figure,) = idle_memory.figures(result)
    assert figure.name == "idle memory"
    assert figure.goal == "<= 150 MiB" and figure.passed is (mcdesk <= 150)


def test_places_driver_measures_every_place_on_both_portfolios(tiny: FixtureInfo) -> None:
    result = places.run_places(tiny.root, rounds=1, paint_rounds=2)
    assert set(result.first_paint) == set(places.PLACES)
    for pair in result.first_paint.values():  # a second round of first paints only
        assert len(pair["full"]) == len(pair["empty"]) == 2
        assert all(0 < s < 60 for s in pair["full"] + pair["empty"])
    assert len(result.scroll["evidence"]) == 1
    assert len(result.busy["drafts"]) == 1 and 0 < result.busy["drafts"][0] < 60
    made = places.figures(result)
    assert [f.name for f in made] == [
        "first paint evidence", "first paint drafts", "first paint reviews",
        "first paint badges", "search evidence", "search drafts", "search reviews",
        "search badges", "search drafts, bare list", "search reviews, bare list",
        "search badges, bare list", "scroll evidence", "stall while drafts are checked"]
    assert all(f.passed is not None for f in made if not f.name.endswith("bare list"))
    assert "median of 2 per-round ratios" in made[0].note
    for place in places.PLACES:
        assert len(result.search[place]["full"]) == len(result.search[place]["empty"]) == 1
    # The bare list did the search too: a real, positive time for each place that hides rows.
    assert set(result.bare_search) == {"drafts", "reviews", "badges"}
    assert all(len(times) == 1 and 0 < times[0] < 60 for times in result.bare_search.values())
    assert "on a bare list" in places.details(result)
    assert "first paint drafts" in places.details(result)
    assert "search badges" in places.details(result)
