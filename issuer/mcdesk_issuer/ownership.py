"""Which stored files a person may reuse without sending them: the ones they uploaded
themselves or that were part of a bag of theirs the server received. Another account's
files never count, so begin's `missing` list tells nobody what others sent; any thread,
inside a session."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from mcdesk_issuer.db import Submission, SubmissionFile, Upload

_BATCH = 500  # SQL parameters per query, well under every engine's limit


def held_by(s: Session, account_id: str, sha256s: Iterable[str], open_state: str
            ) -> set[str]:
    """The sha256s among `sha256s` that `account_id` uploaded (completely) or sent in a
    submission past `open_state`."""
    wanted = sorted(set(sha256s))
    held: set[str] = set()
    for start in range(0, len(wanted), _BATCH):
        batch = wanted[start:start + _BATCH]
        held.update(s.scalars(select(Upload.sha256).where(
            Upload.account_id == account_id, Upload.completed.is_(True),
            Upload.sha256.in_(batch))))
        held.update(s.scalars(
            select(SubmissionFile.sha256)
            .join(Submission, SubmissionFile.submission_id == Submission.id)
            .where(Submission.earner_id == account_id, Submission.state != open_state,
                   SubmissionFile.sha256.in_(batch))))
    return held
