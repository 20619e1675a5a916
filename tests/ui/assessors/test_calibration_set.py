"""The Assessors place lists each calibration set's submissions with their reference levels:
named from the portfolio's catalog, else by the last part of their ids (a micro-credential
this copy of the catalog does not hold); offscreen widgets, data as the issuer sends it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.assessors.page import AssessorsPage

RUBRIC = "https://issuer.example/mc/7/rubric"
POOL = {"achievementId": "urn:mc:7", "name": "Seven", "phase": "peer", "peersPerSubmission": 3,
        "experts": [], "peers": [], "calibrationItems": 2}
SETS = [{"achievementId": "urn:mc:7", "name": "Seven", "assessors": [], "items": [
    {"submissionId": "0123456789abcdef", "reference": [
        {"rubricCriterionId": f"{RUBRIC}/plan", "levelId": f"{RUBRIC}/plan/proficient",
         "feedback": "Names each family."},
        {"rubricCriterionId": f"{RUBRIC}/log", "levelId": f"{RUBRIC}/log/developing",
         "feedback": ""}]},
    {"submissionId": "fedcba9876543210", "reference": []}]}]


def test_each_item_shows_its_reference_levels(qtbot: QtBot) -> None:
    runner = JobRunner()
    try:
        page = AssessorsPage(runner)
        qtbot.addWidget(page)
        page._pools([POOL], SETS, {f"{RUBRIC}/plan": "Communication plan",
                                   f"{RUBRIC}/plan/proficient": "Proficient"})
        (top,) = [page.pools.topLevelItem(0)]
        assert top is not None and top.text(2) == "calibration set of 2"
        groups = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
        items = groups["Calibration items (2)"]
        first, second = items.child(0), items.child(1)
        assert first.text(0) == "Submission 01234567"
        assert first.text(2) == "reference: Proficient, developing"  # named, then by its id
        assert [(first.child(i).text(0), first.child(i).text(2))
                for i in range(first.childCount())] == [
            ("Communication plan", "Proficient"), ("log", "developing")]
        assert first.child(0).toolTip(2) == "Names each family."
        assert first.child(1).toolTip(2) == ""
        assert second.text(0) == "Submission fedcba98" and second.childCount() == 0
        # A micro-credential without a set lists no items.
        page._pools([{**POOL, "achievementId": "urn:mc:8", "calibrationItems": 0}], SETS, {})
        other = page.pools.topLevelItem(0)
        assert other is not None and other.text(2) == "no calibration set"
        assert all("Calibration items" not in other.child(i).text(0)
                   for i in range(other.childCount()))
    finally:
        runner.shutdown(wait=True)
