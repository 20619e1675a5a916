"""Coaching use cases: who this portfolio is (id, owner, its name), provenance of evidence, a
coach's comments and practice scores on a teacher's draft, and the teacher accepting a
suggested caption or clip; worker thread (writes on the writer lane)."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from mcdesk.core.catalog import MicroCredential
from mcdesk.core.coaching import (
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    CoachComment,
    CoachedDraft,
    CoachingError,
    PracticeScore,
    Provenance,
)
from mcdesk.core.evidence import Evidence, Trim
from mcdesk.core.reviews import Anchor, Role
from mcdesk.services.catalog import CatalogService
from mcdesk.services.drafts import DraftService
from mcdesk.services.evidence import EvidenceService
from mcdesk.services.roles import RoleService
from mcdesk.storage.coaching_store import CoachingStore
from mcdesk.storage.portfolio import Portfolio

PORTFOLIO_NAME_KEY = "portfolio_name"


@dataclass(frozen=True)
class Identity:
    """Who is working: this portfolio's stable id and name, its owner, the current role."""

    portfolio_id: str
    portfolio_name: str
    name: str
    role: Role

    def provenance(self, action: str = "captured",
                   at: datetime | None = None) -> Provenance:
        return Provenance(self.name, self.role, at or datetime.now(UTC), self.portfolio_id,
                          self.portfolio_name, action)


class CoachingService:
    """Thread-safe: every call opens its own session."""

    def __init__(self, portfolio: Portfolio, catalog: CatalogService, roles: RoleService,
                 evidence: EvidenceService, drafts: DraftService,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._portfolio = portfolio
        self._catalog = catalog
        self._roles = roles
        self._evidence = evidence
        self._drafts = drafts
        self._clock = clock
        self.store = CoachingStore(portfolio.database)

    # -- identity and provenance -------------------------------------------------------------

    def identity(self) -> Identity:
        owner = self._roles.owner_name() or ""
        name = self._portfolio.meta(PORTFOLIO_NAME_KEY) or (
            f"{owner}'s portfolio" if owner else socket.gethostname())
        return Identity(self._portfolio.meta("portfolio_id") or "", name, owner,
                        self._roles.current())

    def set_portfolio_name(self, name: str) -> None:
        text = " ".join(name.split())
        if len(text) > MAX_NAME_CHARS:
            raise CoachingError(f"a name holds at most {MAX_NAME_CHARS} characters")
        from mcdesk.storage.review_store import ReviewStore

        ReviewStore(self._portfolio.database, self._portfolio.layout.root).set_meta(
            {PORTFOLIO_NAME_KEY: text or None})

    def provenance(self, evidence_id: str) -> Provenance | None:
        return self.store.provenance(evidence_id)

    def describe_provenance(self, evidence: Evidence) -> str:
        """The line shown wherever the evidence appears; the free text when nothing else."""
        provenance = self.store.provenance(evidence.id)
        if provenance is not None:
            return provenance.describe()
        return f"Captured by {evidence.captured_by}" if evidence.captured_by else ""

    def record_capture(self, evidence: Evidence, action: str = "captured") -> Provenance:
        """Say that the person working now captured (or wrote) `evidence` here."""
        provenance = self.identity().provenance(action)
        self.store.set_provenance(evidence.id, provenance)
        return provenance

    # -- a coach's feedback on a draft -------------------------------------------------------

    def coached_drafts(self) -> list[CoachedDraft]:
        return self.store.coached_drafts()

    def coached_draft(self, draft_id: str) -> CoachedDraft:
        return self.store.coached_draft(draft_id)

    def micro_credential_of(self, achievement_id: str, version: str) -> MicroCredential:
        detail = self._catalog.detail(achievement_id, version)
        return detail.micro_credential

    def comment(self, draft_id: str, anchor: Anchor, text: str, *,
                rubric_criterion_id: str | None = None,
                suggested_caption: str | None = None,
                suggested_criterion_id: str | None = None,
                comment_id: str | None = None) -> CoachComment:
        """Add (or, given `comment_id`, replace) a comment on a teacher's draft."""
        body = text.strip()
        if not body:
            raise CoachingError("a comment needs some words")
        if len(body) > MAX_NOTE_CHARS * 5:
            raise CoachingError("this comment is too long")
        problems = anchor.problems()
        if problems:
            raise CoachingError("; ".join(problems))
        now = self._clock()
        provenance = self.identity().provenance("written", now)
        if comment_id is not None:
            provenance = self.store.comment(comment_id).provenance or provenance
        comment = CoachComment(
            id=comment_id or str(uuid.uuid4()), draft_id=draft_id, anchor=anchor, text=body,
            rubric_criterion_id=rubric_criterion_id,
            suggested_caption=(suggested_caption or "").strip() or None,
            suggested_criterion_id=suggested_criterion_id, provenance=provenance,
            updated_at=now)
        return self.store.put_comment(comment)

    def delete_comment(self, comment_id: str) -> None:
        self.store.delete_comment(comment_id)

    def comments(self, draft_id: str) -> list[CoachComment]:
        return self.store.comments(draft_id)

    def score(self, draft_id: str, rubric_criterion_id: str, level_id: str | None,
              note: str = "") -> PracticeScore:
        """A practice score: what the coach would give this criterion today."""
        identity = self.identity()
        score = PracticeScore(draft_id, rubric_criterion_id, level_id, note.strip(),
                              identity.name, identity.portfolio_id, self._clock())
        self.store.put_score(score)
        return score

    def scores(self, draft_id: str) -> list[PracticeScore]:
        return self.store.scores(draft_id)

    # -- the teacher's side ------------------------------------------------------------------

    def accept(self, comment_id: str) -> CoachComment:
        """Take a coach's suggestion into the teacher's own draft in one step: a suggested
        caption becomes the caption of that evidence; a suggested range of a video becomes a
        trimmed version attached beside it."""
        comment = self.store.comment(comment_id)
        if comment.accepted_at is not None:
            return comment
        draft = self._drafts.get(comment.draft_id)
        target = comment.anchor.target
        attached = [a for a in draft.attachments if a.evidence_id == target]
        if comment.suggested_caption:
            criteria = [a.criterion_id for a in attached
                        if comment.suggested_criterion_id in (None, a.criterion_id)]
            if not criteria:
                raise CoachingError("the evidence this caption is for is no longer in the "
                                    "draft")
            self._drafts.set_caption(draft.id, criteria[0], target, comment.suggested_caption)
        elif comment.suggests_clip:
            if not attached:
                raise CoachingError("the video this clip is from is no longer in the draft")
            start = (comment.anchor.start_ms or 0) / 1000
            end = (comment.anchor.end_ms or 0) / 1000
            clip = self._evidence.make_version(target, Trim(start, end))
            self._drafts.attach(draft.id, attached[0].criterion_id, clip.id)
        else:
            raise CoachingError("this comment suggests no caption or clip to accept")
        return self.store.mark_accepted(comment_id, self._clock())


def with_provenance(comment: CoachComment, provenance: Provenance) -> CoachComment:
    return replace(comment, provenance=provenance)
