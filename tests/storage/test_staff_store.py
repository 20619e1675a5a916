"""Staff decisions on disk: migration 0015 from a real 0014 portfolio (a decision queued then
reads back as not for calibration, and a calibration's outcome written since survives a
reopen); real SQLite in a temp folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from mcdesk.core.staff import CalibrationUse, CriterionFeedbackDraft, DecisionStatus
from mcdesk.storage import migrate
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.staff_store import StaffStore
from tests.storage.old_portfolio import portfolio_at
from tests.storage.test_review_store import revision_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_0014_decision_upgrades_as_not_for_calibration(tmp_path: Path) -> None:
    root = tmp_path / "old"
    db = portfolio_at(
        root, "0014",
        "INSERT INTO staff_decision (server, submission_id, state, feedback_json,"
        " override_reason, status, error, queued_at, sent_at) VALUES ('school', 's1',"
        " 'earned', '[]', NULL, 'queued', '', '2026-11-01 10:00:00', NULL)")
    upgraded = Portfolio.open(root)
    try:
        assert revision_of(db) == migrate.HEAD_REVISION
        store = StaffStore(upgraded.database)
        (old,) = store.decisions()
        assert old.calibration is CalibrationUse.NONE and old.calibration_error == ""
        assert old.status is DecisionStatus.QUEUED
        levels = [CriterionFeedbackDraft("c1", "c1/proficient", "Clear.")]
        store.queue_decision("school", "s2", "earned", levels, None, T0, calibrate=True)
        store.mark_calibration("school", "s1", CalibrationUse.REFUSED, "its decision was refused")
    finally:
        upgraded.close()
    again = Portfolio.open(root)
    try:
        kept = {d.submission_id: d for d in StaffStore(again.database).decisions()}
        assert kept["s1"].calibration is CalibrationUse.REFUSED
        assert kept["s1"].calibration_error == "its decision was refused"
        assert kept["s2"].calibration is CalibrationUse.QUEUED
        assert kept["s2"].feedback == tuple(levels)
    finally:
        again.close()
