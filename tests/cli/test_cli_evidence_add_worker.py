"""`mcdesk evidence add` starts the media worker before it opens the portfolio, so the
worker's start overlaps the opening; other commands start none."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesk import cli
from mcdesk.media import demo, isolation
from mcdesk.services.evidence import stop_media_workers
from mcdesk.services.workspace import Workspace


@pytest.fixture
def workers_when_opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[int]]]:
    """The media workers alive each time a portfolio is opened."""
    seen: list[list[int]] = []
    real_open = Workspace.open

    def recording_open(root: Path, *args: object, **kwargs: object) -> Workspace:
        seen.append(isolation.default_runner().child_pids())
        return real_open(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Workspace, "open", staticmethod(recording_open))
    stop_media_workers()
    yield seen
    stop_media_workers()


def test_evidence_add_starts_the_worker_before_the_portfolio_opens(
        workers_when_opened: list[list[int]], tmp_path: Path) -> None:
    video = demo.make_demo_video(tmp_path / "lesson.mp4", seconds=1.0)
    args = cli.build_parser().parse_args(["evidence", "add", str(video)])
    args.portfolio = tmp_path / "portfolio"
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(args, out, err) == 0, err.getvalue()
    assert "added" in out.getvalue()
    (when_opened,) = workers_when_opened
    assert len(when_opened) == 1
    assert isolation.default_runner().child_pids() == when_opened  # it did the first look


def test_listing_evidence_starts_no_worker(workers_when_opened: list[list[int]],
                                           tmp_path: Path) -> None:
    args = cli.build_parser().parse_args(["evidence", "list"])
    args.portfolio = tmp_path / "portfolio"
    assert cli.run(args, io.StringIO(), io.StringIO()) == 0
    assert workers_when_opened == [[]]
    assert isolation.default_runner().child_pids() == []
