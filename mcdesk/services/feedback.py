"""The earner's side of reviews: the comments assessors meant for them on each draft, as a
sync pass or an imported review file brought them; worker thread."""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from mcdesk.core.reviews import Annotation, sorted_for_timeline
from mcdesk.storage.portfolio import Portfolio
from mcdesk.storage.review_store import ReviewStore


class ReceivedFeedback:
    """Comments received on the teacher's drafts. Thread-safe: every call opens a session."""

    def __init__(self, portfolio: Portfolio) -> None:
        self._store = ReviewStore(portfolio.database, portfolio.layout.root)

    def received_comments(self, draft_id: str) -> builtins.list[Annotation]:
        """Comments assessors meant for the earner on draft `draft_id`, in reading order."""
        return sorted_for_timeline(self._store.received_comments(draft_id))

    def record_received_comments(self, draft_id: str,
                                 comments: Sequence[Annotation]) -> None:
        """Replace the comments received on draft `draft_id` (sync, with a decision)."""
        self._store.record_received(draft_id, comments)
