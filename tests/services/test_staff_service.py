"""The issuer staff's desktop service against the real reference issuer on loopback: what waits
is pulled with its reviews into the portfolio (read back from there); a decision is checked
before it queues (a reason before every review is in); one the issuer refuses (decided
elsewhere meanwhile) is marked refused with the issuer's words, never lost; test thread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesk.core.staff import DecisionRefusedError, DecisionStatus
from tests.sync_helpers import Issuer, issuer_missing_reason, running_issuer, staff_desk, submitted

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


def test_pulled_work_is_kept_and_a_refused_decision_too(issuer: Issuer,
                                                                  tmp_path: Path) -> None:
    issuer.token("assessor", "Only Assessor")  # the submission waits for this review
    submission_id = submitted(issuer, tmp_path)

    staff, _token = staff_desk(issuer, tmp_path)
    try:
        report = staff.sync.sync_once()
        assert report.ok and report.servers[0].waiting_pulled == 1, report
        (waiting,) = staff.staff.waiting()
        assert waiting.submission_id == submission_id and not waiting.ready
        view = staff.staff.side_by_side(waiting.server, waiting.submission_id)
        assert view.reviews_in == 0 and view.reviews_assigned == 1 and view.rule is None
        assert [c.submitted for c in view.columns] == [False]

        # No review in yet: a decision needs a reason.
        drafts = list(view.feedback)
        with pytest.raises(DecisionRefusedError, match="write why"):
            staff.staff.queue_decision(waiting.server, waiting.submission_id, "not yet", drafts)
        queued = staff.staff.queue_decision(waiting.server, waiting.submission_id, "not yet",
                                            drafts, "The assessor is away; the plan is empty.")
        assert queued.status is DecisionStatus.QUEUED

        # Someone else decides on the server first: ours is refused, and kept with the reason.
        issuer.decide(submission_id, "earned", issuer.token("staff", "Other Staff"))
        report = staff.sync.sync_once()
        assert report.servers[0].decisions_sent == 0
        assert "already decided" in report.servers[0].error
        (refused,) = staff.staff.decisions()
        assert refused.status is DecisionStatus.REFUSED and "already decided" in refused.error
        assert staff.staff.waiting() == []  # decided: nothing waits any more
    finally:
        staff.close()
