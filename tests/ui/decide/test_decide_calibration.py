"""Staff make a decided submission a calibration item from the desktop, on loopback with the
real reference issuer: in the Decide place ("Use it to calibrate assessors", every criterion
levelled) or with `mcdesk decide submit --calibration`; the next sync sends the decision,
then makes the submission a calibration item whose reference is the decision's levels, and
the Assessors place counts it in the set; an assessor then gets it to score before live work.
A decision the issuer refuses carries no calibration item; test thread."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mcdesk.core.reviews import Role
from mcdesk.core.staff import (
    CalibrationUse,
    DecisionRefusedError,
    DecisionStatus,
    SideBySide,
    WaitingSubmission,
)
from mcdesk.services.staff import CALIBRATION
from mcdesk.services.workspace import Workspace
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.staff_store import StaffStore
from mcdesk.ui.assessors.page import AssessorsPage
from mcdesk.ui.decide.page import DecidePage
from mcdesk.ui.shell.places import PlaceKey
from tests.conftest import REPO
from tests.issuer_api import api, review
from tests.sync_helpers import (
    FAMILY,
    Issuer,
    issuer_missing_reason,
    running_issuer,
    staff_desk,
    submitted,
)
from tests.ui.decide.test_ui_decide import cli, person_id, sync_in_window
from tests.ui.screen_helpers import open_window

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")
WAIT = 30000
SCREENS = REPO.parent / "screens" / "staff"


@pytest.fixture
def issuer(tmp_path: Path) -> Iterator[Issuer]:
    # An issuer of its own: once a calibration set exists, assessors who have not calibrated
    # get no live work there, and the next test's submission would wait for one.
    with running_issuer(tmp_path / "issuer") as started:
        yield started


def reviewed(issuer: Issuer, folder: Path, teacher: str, assessor: str) -> tuple[str, str]:
    """A submission whose one review is in (ready to decide): (its id, a staff token)."""
    submission_id = submitted(issuer, folder, teacher)
    staff = issuer.token("staff", "Reviewing Staff")
    review(issuer, assessor, submission_id, staff)
    return submission_id, staff


def pulled(issuer: Issuer, tmp_path: Path, teacher: str
           ) -> tuple[Workspace, WaitingSubmission, SideBySide, str]:
    """A staff desk that pulled a submission ready to decide: (the desk, the submission as
    pulled, its reviews side by side, a staff token); close the desk when done."""
    submission_id, staff_token = reviewed(issuer, tmp_path / teacher.split()[0].lower(),
                                          teacher, issuer.token("assessor", "Abe Assessor"))
    desk, _token = staff_desk(issuer, tmp_path)
    assert desk.sync.sync_once().ok
    waiting = desk.staff.find(submission_id)
    return desk, waiting, desk.staff.side_by_side(waiting.server, submission_id), staff_token


def calibration_items(issuer: Issuer, staff: str) -> dict[str, list[dict[str, str]]]:
    """The issuer's calibration sets: submission -> its reference levels."""
    return {item["submissionId"]: item["reference"]
            for found in api(issuer, staff, "GET", "staff/calibration")
            for item in found["items"]}


def test_a_decision_queued_for_calibration_makes_a_calibration_item(
        issuer: Issuer, tmp_path: Path) -> None:
    desk, waiting, view, staff_token = pulled(issuer, tmp_path, "Ada Teacher")
    submission_id = waiting.submission_id
    try:
        levels = list(view.feedback)
        assert levels and all(f.level_id for f in levels)  # pre-filled from the review

        # Every criterion needs its reference level.
        unlevelled = [levels[0].__class__(levels[0].criterion_id, None, levels[0].feedback),
                      *levels[1:]]
        with pytest.raises(DecisionRefusedError, match="every criterion needs a level"):
            desk.staff.queue_decision(waiting.server, submission_id, "earned", unlevelled,
                                      "Deciding without one level.", calibrate=True)
        queued = desk.staff.queue_decision(waiting.server, submission_id, "earned", levels,
                                           calibrate=True)
        assert queued.calibration is CalibrationUse.QUEUED
        assert submission_id not in calibration_items(issuer, staff_token)  # not before sync

        report = desk.sync.sync_once()
        assert report.ok and report.servers[0].decisions_sent == 1, report
        (sent,) = desk.staff.decisions()
        assert sent.status is DecisionStatus.SENT
        assert sent.calibration is CalibrationUse.ADDED and sent.calibration_error == ""
        reference = calibration_items(issuer, staff_token)[submission_id]
        assert {(r["rubricCriterionId"], r["levelId"]) for r in reference} == {
            (f.criterion_id, f.level_id) for f in levels}
        # The sets pulled in the same pass already hold it (the Assessors place reads them).
        snapshot = desk.staff.snapshot(waiting.server, CALIBRATION)
        assert snapshot is not None and submission_id in {
            item["submissionId"] for found in snapshot.data for item in found["items"]}

        # An assessor new to this micro-credential now has it to score before live work.
        newcomer = issuer.token("assessor", "Nia Newcomer")
        assert submission_id in {item["submissionId"]
                                 for item in api(issuer, newcomer, "GET", "calibration")}

        # Made by mistake? The issuer's staff take it out again.
        removed = json.loads(issuer.cli("calibration", "remove", submission_id))
        assert removed["removed"] is True
        assert calibration_items(issuer, staff_token) == {}
        assert api(issuer, newcomer, "GET", "calibration") == []
        # Asked from this desk too, meanwhile: the item is out already, as asked (no problem).
        desk.staff.take_out_of_calibration(waiting.server, submission_id)
        report = desk.sync.sync_once()
        assert report.ok, report
        (removal,) = desk.staff.calibration_removals()
        assert removal.status is DecisionStatus.SENT and removal.error == ""
    finally:
        desk.close()


def test_from_the_command_line_and_a_refused_decision_carries_no_item(
        issuer: Issuer, tmp_path: Path) -> None:
    assessor = issuer.token("assessor", "Abe Assessor")
    first, staff_token = reviewed(issuer, tmp_path / "ben", "Ben Teacher", assessor)
    second, _staff = reviewed(issuer, tmp_path / "cal", "Cal Teacher", assessor)
    desk, _token = staff_desk(issuer, tmp_path)
    root = desk.root
    try:
        assert desk.sync.sync_once().ok
    finally:
        desk.close()
    for submission_id in (first, second):
        code, text = cli(root, "decide", "submit", submission_id[:8], "--decision", "earned",
                         "--calibration")
        assert code == 0 and "joins its calibration set" in text, text
    code, text = cli(root, "decide", "list", "--json")
    assert code == 0, text
    assert {w["submission_id"]: w["calibration"] for w in json.loads(text)} == {
        first: "queued", second: "queued"}
    code, text = cli(root, "decide", "list")
    assert "[queued; calibration queued]" in text, text

    # Someone decides the second elsewhere first: ours is refused, and so is its item.
    issuer.decide(second, "earned", issuer.token("staff", "Other Staff"))
    code, text = cli(root, "sync")
    assert "already decided" in text, text
    assert "1 decision(s) sent, 1 calibration item(s) added" in text, text
    code, text = cli(root, "sync", "--json")
    (server,) = json.loads(text)["servers"]
    assert server["decisions_sent"] == server["calibration_added"] == 0  # nothing left to go
    desk = Workspace.open(root)
    try:
        decided = {d.submission_id: d for d in desk.staff.decisions()}
    finally:
        desk.close()
    assert decided[first].calibration is CalibrationUse.ADDED
    assert decided[second].status is DecisionStatus.REFUSED
    assert decided[second].calibration is CalibrationUse.REFUSED
    assert decided[second].calibration_error == "its decision was refused"
    items = calibration_items(issuer, staff_token)
    assert first in items and second not in items


def test_the_decide_place_offers_it_and_the_assessors_place_lists_it_and_takes_it_out(
        issuer: Issuer, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    expert = issuer.token("assessor", "Eve Expert")
    issuer.cli("pool", "add", FAMILY, person_id(issuer, "Eve Expert"), "--expert")
    submission_id = submitted(issuer, tmp_path / "dee", "Dee Teacher")
    staff_token = issuer.token("staff", "Window Staff")
    review(issuer, expert, submission_id, staff_token)
    root = tmp_path / "staff"
    workspace = Workspace.open(root)
    workspace.sync.add_server("riverbend", issuer.url, staff_token)
    assert workspace.sync.adopt_server_role("riverbend") is Role.STAFF
    assert workspace.sync.sync_once().ok
    workspace.close()

    window = open_window(qtbot, root, QSize(1366, 768))
    try:
        qtbot.waitUntil(lambda: window.role is Role.STAFF, timeout=WAIT)
        window.show_place(PlaceKey.DECIDE)
        decide = window.place(PlaceKey.DECIDE)
        assert isinstance(decide, DecidePage)
        qtbot.waitUntil(lambda: any(w.submission_id == submission_id for w in decide.waiting),
                        timeout=WAIT)
        decide.list.setCurrentRow(next(i for i, w in enumerate(decide.waiting)
                                       if w.submission_id == submission_id))
        qtbot.waitUntil(lambda: decide.detail is not None
                        and decide.detail.waiting.submission_id == submission_id,
                        timeout=WAIT)
        composer = decide.composer
        assert composer.calibrate.isVisible() and not composer.calibrate.isChecked()
        composer.calibrate.setChecked(True)
        assert composer.queue_button.isEnabled()  # every criterion has its level
        first = composer.editors[0]
        level = first.level.currentIndex()
        first.level.setCurrentIndex(0)  # "— choose a level —"
        assert not composer.queue_button.isEnabled()
        assert "give every criterion a level" in composer.problems.text()
        first.level.setCurrentIndex(level)
        assert composer.queue_button.isEnabled()
        SCREENS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SCREENS / "decide-calibration.png"))
        composer.queue_button.click()
        qtbot.waitUntil(lambda: any(w.decision is not None for w in decide.waiting),
                        timeout=WAIT)
        row = next(i for i, w in enumerate(decide.waiting) if w.submission_id == submission_id)
        assert "Then it joins the calibration set" in decide.list.item(row).text()

        sync_in_window(window, qtbot)
        said = window.notice_bar.text
        assert "Issuer staff: 1 decision sent, 1 calibration item added." in said, said
        assert list(calibration_items(issuer, staff_token)) == [submission_id]

        window.show_place(PlaceKey.ASSESSORS)
        assessors = window.place(PlaceKey.ASSESSORS)
        assert isinstance(assessors, AssessorsPage)
        qtbot.waitUntil(lambda: assessors.stack.currentIndex() == 1, timeout=WAIT)

        def pool_lines() -> list[str]:
            pools = [assessors.pools.topLevelItem(i)
                     for i in range(assessors.pools.topLevelItemCount())]
            return [" ".join(p.text(c) for c in range(p.columnCount()))
                    for p in pools if p is not None]

        qtbot.waitUntil(lambda: any("calibration set of 1" in line for line in pool_lines()),
                        timeout=WAIT)
        # The item itself, with the reference level of each criterion by name.
        (pool,) = [p for p in (assessors.pools.topLevelItem(i) for i in
                               range(assessors.pools.topLevelItemCount()))
                   if p is not None and "calibration set of 1" in p.text(2)]
        groups = {pool.child(i).text(0): pool.child(i) for i in range(pool.childCount())}
        items = groups["Calibration items (1)"]
        item = items.child(0)
        assert item.text(0) == f"Submission {submission_id[:8]}"
        assert item.text(2) == "reference: Proficient, Proficient, Proficient"
        criteria = {item.child(i).text(0): item.child(i) for i in range(item.childCount())}
        plan = criteria["Communication plan"]
        assert plan.text(2) == "Proficient"
        assert plan.toolTip(0) == "Communication plan: seen by " + expert[-4:] + "."
        assessors.pools.expandItem(item)
        window.grab().save(str(SCREENS / "assessors-calibration.png"))

        # Taken out again (a mistaken item): asked first, queued, gone with the next sync.
        assert not assessors.take_out.isEnabled()  # no item chosen
        assessors.pools.setCurrentItem(pool)
        assert not assessors.take_out.isEnabled()  # a micro-credential is no item
        assessors.pools.setCurrentItem(item)
        assert assessors.take_out.isVisible() and assessors.take_out.isEnabled()
        asked: list[str] = []

        def answer(_parent: object, _title: str, text: str, *_args: object) -> object:
            asked.append(text)
            return QMessageBox.StandardButton.Yes

        monkeypatch.setattr(QMessageBox, "question", answer)
        assessors.take_out.click()
        assert asked and submission_id[:8] in asked[0]

        def item_state() -> str:
            found = assessors.pools.findItems(f"Submission {submission_id[:8]}",
                                              Qt.MatchFlag.MatchExactly
                                              | Qt.MatchFlag.MatchRecursive)
            return found[0].text(2) if found else "gone"

        qtbot.waitUntil(lambda: item_state() == "taken out with the next sync", timeout=WAIT)
        assert list(calibration_items(issuer, staff_token)) == [submission_id]  # not yet
        sync_in_window(window, qtbot)
        assert "Issuer staff: 1 calibration item taken out." in window.notice_bar.text
        assert calibration_items(issuer, staff_token) == {}
        window.show_place(PlaceKey.ASSESSORS)
        qtbot.waitUntil(lambda: item_state() == "gone", timeout=WAIT)
        assert any("no calibration set" in line for line in pool_lines()
                   if line.startswith("Two-Way Communication with Families"))
        # Put back on the issuer later: a live item again, not one "taken out".
        issuer.cli("calibration", "add", submission_id)
        sync_in_window(window, qtbot)
        window.show_place(PlaceKey.ASSESSORS)
        qtbot.waitUntil(lambda: item_state().startswith("reference: "), timeout=WAIT)
    finally:
        window.close()


def test_a_sync_cut_between_the_decision_and_the_item_adds_it_next_time(
        issuer: Issuer, tmp_path: Path) -> None:
    """The decision went, the link dropped before the calibration item did: the decision is
    sent and the item still queued (as that sync left them); the next sync adds the item."""
    desk, waiting, view, staff_token = pulled(issuer, tmp_path, "Eve Teacher")
    submission_id = waiting.submission_id
    try:
        desk.staff.queue_decision(waiting.server, submission_id, "earned", list(view.feedback))
        assert desk.sync.sync_once().ok
        (sent,) = desk.staff.decisions()
        assert sent.status is DecisionStatus.SENT and sent.calibration is CalibrationUse.NONE
    finally:
        desk.close()
    portfolio = Portfolio.open(desk.root)
    try:
        StaffStore(portfolio.database).mark_calibration(waiting.server, submission_id,
                                                        CalibrationUse.QUEUED)
    finally:
        portfolio.close()
    desk = Workspace.open(desk.root)
    try:
        report = desk.sync.sync_once()

        assert report.ok and report.servers[0].decisions_sent == 0, report  # not sent twice
        (added,) = desk.staff.decisions()
        assert added.calibration is CalibrationUse.ADDED
        assert submission_id in calibration_items(issuer, staff_token)
    finally:
        desk.close()
