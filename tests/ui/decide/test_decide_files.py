"""Staff decide a submission once its reviews are in: its files (videos, often gigabytes on a
school's connection) stay on the server while it is under review, a comment's evidence says
when they will come, and the first sync after the last review brings them, opened as a
package the comment's evidence opens from (real reference issuer on loopback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mcdesk.core.errors import McdeskError
from mcdesk.core.progress import NULL_CONTROL
from mcdesk.ui.decide import ops
from tests.issuer_api import review
from tests.sync_helpers import issuer_missing_reason, running_issuer, staff_desk, submitted

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")


def test_a_submission_s_files_come_once_every_review_is_in(tmp_path: Path) -> None:
    with running_issuer(tmp_path / "issuer") as issuer:
        assessors = [issuer.token("assessor", name) for name in ("Sam Expert", "Tia Expert")]
        sid = submitted(issuer, tmp_path)

        staff, staff_token = staff_desk(issuer, tmp_path)
        try:
            review(issuer, assessors[0], sid, staff_token)
            assert staff.sync.sync_once().ok
            (waiting,) = staff.staff.waiting()
            assert (waiting.ready, waiting.reviews_in, waiting.reviews_assigned) == (False, 1, 2)
            assert staff.staff.package(sid) is None  # still on the server
            (comment,) = staff.staff.comments(waiting.server, sid)
            with pytest.raises(McdeskError, match="with the first sync after every review"):
                ops.evidence_at(staff, waiting, comment.id).work(NULL_CONTROL)

            review(issuer, assessors[1], sid, staff_token)
            report = staff.sync.sync_once()
            assert report.ok, report
            (waiting,) = staff.staff.waiting()
            assert waiting.ready
            package = staff.staff.package(sid)
            assert package is not None
            opened = ops.evidence_at(staff, waiting, comment.id).work(NULL_CONTROL)
            assert opened.piece.path is not None and opened.piece.path.is_file()
        finally:
            staff.close()
