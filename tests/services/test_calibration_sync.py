"""Calibration from the assessor's desk, end to end against the reference issuing server
(mcdesk_issuer in its own process on 127.0.0.1): staff keep a decided submission as the
calibration set, and a new assessor gets no live work until they calibrate. Their sync brings
the calibration item into the Reviews place with its package; they score it and finish; the
next sync sends the levels and brings back where they differed from the reference and why;
not released, they score it again; released, the live submission waiting for an assessor
comes with the sync after. The Reviews place shows all of it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from mcdesk.core.errors import McdeskError
from mcdesk.core.reviews import ReviewSource, ReviewState, Role
from mcdesk.services.workspace import Workspace
from mcdesk.sync.client import IssuerClient
from mcdesk.sync.http import make_session
from tests.cli_runner import Run, run_mcdesk
from tests.fault_proxy import FaultProxy
from tests.issuer_api import review as review_on_server
from tests.sync_helpers import (
    REPO,
    Issuer,
    issuer_missing_reason,
    running_issuer,
    submitted,
)
from tests.ui.screen_helpers import open_window

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
SERVER = "riverbend-reviews"
WAIT = 20_000


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


@pytest.fixture(scope="module")
def calibration_set(issuer: Issuer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A submission a veteran reviewed (every criterion at its passing level, with
    feedback), decided earned and kept by staff as the calibration set; its id."""
    sample = submitted(issuer, tmp_path_factory.mktemp("sample"), "Sam Earner")
    staff = issuer.token("staff", "Cal Coordinator")
    veteran = issuer.token("assessor", "Vera Veteran")
    issuer.cli("assign", sample, "Vera Veteran")
    review_on_server(issuer, veteran, sample, staff)
    issuer.cli("decide", sample, "earned")
    issuer.cli("calibration", "add", sample)
    return sample


def new_assessor(issuer: Issuer, folder: Path, name: str) -> Workspace:
    workspace = Workspace.open(folder / "assessor", seed_demo=True)
    workspace.sync.add_server(SERVER, issuer.url, issuer.token("assessor", name))
    workspace.roles.switch(Role.ASSESSOR)
    return workspace


def synced(workspace: Workspace) -> tuple[str, ...]:
    """One sync pass with no problem at all; what it said of the reviews."""
    report = workspace.sync.sync_once()
    (server,) = report.servers
    assert server.reached and not server.error and not server.review_problems, server
    return server.review_notes


def score(workspace: Workspace, review_id: str, below_passing: int) -> None:
    """Every criterion `below_passing` levels under its passing level."""
    reviews = workspace.reviews
    for criterion in reviews.work(review_id).rubric:
        assert criterion.required_level_id is not None
        at = criterion.level_index(criterion.required_level_id) - below_passing
        reviews.set_level(review_id, criterion.id, criterion.levels[at].id)


def calibrated_once(issuer: Issuer, folder: Path, name: str, sample: str) -> tuple[Workspace,
                                                                                   str]:
    """A new assessor who synced, scored the calibration item a level under the reference
    everywhere, finished and synced again: (their portfolio, the review's id)."""
    workspace = new_assessor(issuer, folder, name)
    synced(workspace)
    (item,) = workspace.reviews.list()
    assert item.source is ReviewSource.CALIBRATION
    review = workspace.reviews.get(item.id)
    assert review.submission_id == sample and review.package_folder is not None
    score(workspace, review.id, below_passing=1)
    workspace.reviews.finish(review.id)
    synced(workspace)
    return workspace, review.id


def test_a_new_assessor_calibrates_in_the_app_then_live_work_comes(
        issuer: Issuer, calibration_set: str, tmp_path: Path) -> None:
    # A live submission arrives while nobody is released: it waits for an assessor.
    live = submitted(issuer, tmp_path / "live", "Lee Earner")
    workspace = new_assessor(issuer, tmp_path, "Nia Newcomer")
    try:
        assert synced(workspace) == ()
        (item,) = workspace.reviews.list()  # the calibration item only, no live work
        review = workspace.reviews.get(item.id)
        assert review.source is ReviewSource.CALIBRATION
        assert review.submission_id == calibration_set
        work = workspace.reviews.work(review.id)
        assert work.package is not None and work.package.submission_id == calibration_set
        # Exporting it to a review file makes no sense: refused, with why.
        with pytest.raises(McdeskError, match="scored for its server only"):
            workspace.review_files.export(review.id, tmp_path / "calibration.review")

        score(workspace, review.id, below_passing=1)
        assert workspace.reviews.finish(review.id).state is ReviewState.QUEUED
        said = synced(workspace)
        compared = workspace.reviews.get(review.id)
        assert compared.state is ReviewState.SENT and compared.calibration is not None
        result = compared.calibration
        assert result.agreed == 0 and not result.standing.released
        assert {row.distance for row in result.comparison} == {1}
        assert all(": seen by" in row.reference_feedback for row in result.comparison)
        assert any("not released to live reviews yet" in line for line in said), said
        assert len(workspace.reviews.list()) == 1  # still no live work

        # Score it again, as the reference: released, and the live submission comes.
        assert compared.can_score_again
        reopened = workspace.reviews.reopen(review.id)
        assert reopened.state is ReviewState.IN_PROGRESS
        score(workspace, review.id, below_passing=0)
        workspace.reviews.finish(review.id)
        said = synced(workspace)
        agreed = workspace.reviews.get(review.id)
        assert agreed.calibration is not None and agreed.calibration.standing.released
        assert agreed.calibration.agreed == len(agreed.calibration.comparison)
        assert not agreed.can_score_again
        assert any(line.endswith("; you are released to live reviews") for line in said), said

        synced(workspace)
        lines = workspace.reviews.list()
        assert {line.source for line in lines} == {ReviewSource.CALIBRATION,
                                                   ReviewSource.ASSIGNMENT}
        (assigned,) = [line for line in lines if line.source is ReviewSource.ASSIGNMENT]
        assert workspace.reviews.get(assigned.id).submission_id == live
    finally:
        workspace.close()


def test_the_reviews_place_shows_where_the_levels_differed(
        qtbot: QtBot, issuer: Issuer, calibration_set: str, tmp_path: Path) -> None:
    workspace, review_id = calibrated_once(issuer, tmp_path, "Omar Onboarding",
                                           calibration_set)
    root = workspace.root
    rubric = workspace.reviews.work(review_id).rubric
    workspace.close()
    window = open_window(qtbot, root, QSize(1366, 768))
    try:
        window.show_place("reviews")
        page = window.reviews_page
        qtbot.waitUntil(lambda: page.list.count() == 1, timeout=WAIT)
        item = page.list.item(0)
        assert item is not None and item.text().splitlines()[1].startswith("Calibration · ")
        view = page.workspace_view
        qtbot.waitUntil(lambda: view.work is not None and view.banner.isVisible(),
                        timeout=WAIT)
        banner = view.banner_text.text()
        assert f"0 of {len(rubric)} criteria at the reference level" in banner
        for criterion in rubric:
            assert f"“{criterion.name}”: yours" in banner
        assert "seen by" in banner and "Not released to live reviews yet" in banner
        assert not view.scoring.decision.export_button.isVisible()
        button = view.reopen_button
        assert button.isVisible() and button.text() == "Score it again"
        button.click()
        qtbot.waitUntil(lambda: view.work is not None
                        and view.work.review.state is ReviewState.IN_PROGRESS, timeout=WAIT)
        assert not button.isVisible()
        assert view.scoring.decision.finish_button.isVisible()
    finally:
        window.close()


def test_the_command_line_calibrates_from_start_to_release(
        issuer: Issuer, calibration_set: str, tmp_path: Path) -> None:
    """All of it as a command-line user does it: the server added with its token in the
    keyring, `mcdesk sync`, the item scored under the reference, finished, synced (the note
    says not released), opened (the comparison), reopened, scored again and released."""
    root = tmp_path / "assessor"
    Workspace.open(root, seed_demo=True).close()
    home = tmp_path / "home"
    home.mkdir()

    def mcdesk(*args: str, token: str | None = None) -> Run:
        run = run_mcdesk(home, *args, portfolio=root, timeout=120, env={
            "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
            "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "issuer")]),
            "MCDESK_TOKEN": token})
        assert run.code == 0, (args, run.out, run.err)
        return run

    mcdesk("role", "set", "assessor")
    mcdesk("server", "add", SERVER, issuer.url,
           token=issuer.token("assessor", "Pat Commandline"))
    first = mcdesk("sync", "--json").json()
    assert first["servers"][0]["review_problems"] == [], first
    (line,) = mcdesk("review", "list", "--json").json()["reviews"]
    assert line["source"] == "calibration"
    short = line["id"][:8]
    assert "calibration item  in progress" in mcdesk("review", "list").out
    opened = Workspace.open(root)
    try:
        rubric = opened.reviews.work(line["id"]).rubric
    finally:
        opened.close()

    def score_all(below_passing: int) -> None:
        for criterion in rubric:
            assert criterion.required_level_id is not None
            at = criterion.level_index(criterion.required_level_id) - below_passing
            mcdesk("review", "score", short, criterion.id, criterion.levels[at].id)
        mcdesk("review", "finish", short)

    score_all(below_passing=1)
    (notes,) = [s["review_notes"] for s in mcdesk("sync", "--json").json()["servers"]]
    assert any(n.endswith("not released to live reviews yet") for n in notes), notes
    shown = mcdesk("review", "open", short).out
    assert f"Calibration: 0 of {len(rubric)} criteria at the reference level" in shown
    assert all(f"  {c.name}: yours " in shown for c in rubric), shown
    assert f"mcdesk review reopen {short}" in shown
    kept = mcdesk("review", "open", short, "--json").json()["review"]["calibration"]
    assert kept["standing"]["released"] is False
    assert {row["distance"] for row in kept["comparison"]} == {1}

    assert mcdesk("review", "reopen", short, "--json").json()["review"]["state"] == \
        "in progress"
    score_all(below_passing=0)
    synced = mcdesk("sync")
    assert "review: calibration of" in synced.out
    assert synced.out.rstrip().endswith("; you are released to live reviews"), synced.out


class NoCalibrationIssuer(IssuerClient):
    """The client of an issuer that keeps no calibration sets: its listing is a real GET
    that the server answers 404 (no such route) or with a page that is no list."""

    def __init__(self, *args: Any, answer: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._path = answer

    def _api(self, path: str) -> str:
        return super()._api(self._path if path == "calibration" else path)


@pytest.mark.parametrize(("answer", "said"), [("no-calibration-here", None),
                                              ("../../ims/ob/v3p0/discovery", "not a list")])
def test_an_issuer_without_calibration_is_no_problem(
        issuer: Issuer, calibration_set: str, tmp_path: Path, answer: str,
        said: str | None) -> None:
    workspace = new_assessor(issuer, tmp_path, f"Ravi Elsewhere {answer[:4]}")
    try:
        workspace.sync.client_factory = lambda profile, token: NoCalibrationIssuer(
            profile.url, token, server=profile.name, answer=answer)
        report = workspace.sync.sync_once()
        (server,) = report.servers
        assert server.reached and not server.error and report.ok, server
        if said is None:  # 404: nothing to say, every sync
            assert server.review_problems == () and server.review_notes == (), server
        else:  # a page that is no list: said, and the rest of the pass went on
            (problem,) = server.review_problems
            assert problem.startswith("listing the calibration items") and said in problem
        assert workspace.reviews.list() == []
        # The same portfolio with the issuer's own client finds the set.
        workspace.sync.client_factory = lambda profile, token: IssuerClient(
            profile.url, token, server=profile.name)
        assert synced(workspace) == ()
        (item,) = workspace.reviews.list()
        assert item.source is ReviewSource.CALIBRATION
    finally:
        workspace.close()


def test_a_calibration_download_cut_half_way_is_fetched_again(
        issuer: Issuer, calibration_set: str, tmp_path: Path) -> None:
    """The link drops while a calibration item's bag comes down: the client tries again at
    once (from the bytes kept, when a whole chunk had come; this small bag starts over) and
    the zip is the server's, byte for byte, with nothing left beside it."""
    token = issuer.token("assessor", "Cleo Cutlink")
    served = issuer.get(f"/api/v1/calibration/{calibration_set}/bag", token)
    assert served.status_code == 200
    whole = served.content
    answers: list[tuple[int, int]] = []
    session = make_session()
    session.hooks["response"].append(
        lambda response, *_a, **_k: answers.append(
            (response.status_code, int(response.headers.get("Content-Length", "-1")))))
    port = int(issuer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as proxy:
        client = IssuerClient(proxy.url, token, server=SERVER, session=session)
        client.discover()
        answers.clear()
        proxy.cut_download_after(len(whole) // 2)
        dest = client.download_calibration_bag(calibration_set, tmp_path / "item.zip",
                                                retry_delays=(0.0,))
    session.close()
    assert dest.read_bytes() == whole
    assert [status for status, _length in answers] == [200, 200]  # cut, then whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["item.zip"]  # no .part left


def test_sync_now_in_the_window_tells_the_calibration_outcome(
        qtbot: QtBot, issuer: Issuer, calibration_set: str, tmp_path: Path) -> None:
    """Sync now, with the item scored again as the reference: the notice says how the
    reviews went and that the assessor is released ("Sync finished" once pushed it out of
    the one-line notice bar)."""
    workspace, review_id = calibrated_once(issuer, tmp_path, "Ines Informed", calibration_set)
    workspace.reviews.reopen(review_id)
    score(workspace, review_id, below_passing=0)
    workspace.reviews.finish(review_id)
    root = workspace.root
    workspace.close()
    window = open_window(qtbot, root, QSize(1366, 768))
    try:
        window.show_place("sync")
        page = window.sync_page
        page.pause_box.setChecked(True)  # no pass of the timer's: this one sends it
        qtbot.waitUntil(lambda: not window.runner.active(), timeout=WAIT)
        with qtbot.waitSignal(page.pass_finished, timeout=WAIT):
            page.sync_now()
        said = window.notice_bar.text
        assert "1 review(s) sent" in said or "1 review sent" in said, said
        assert "; you are released to live reviews" in said, said
        assert "Sync finished" not in said
    finally:
        window.close()
