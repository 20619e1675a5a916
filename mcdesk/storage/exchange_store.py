"""Applies an exchange bundle's contents to the portfolio in one transaction (evidence rows,
provenance, observations and notes, drafts received for coaching, comments, practice scores);
worker thread (the writer lane)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from mcdesk.core.coaching import (
    CoachComment,
    CoachedDraft,
    Observation,
    PracticeScore,
    Provenance,
)
from mcdesk.core.evidence import Evidence
from mcdesk.storage.coaching_store import (
    merge_note,
    naive,
    put_coached_draft,
    put_comment,
    put_look_for,
    put_observation,
    put_provenance,
    put_score,
)
from mcdesk.storage.db import Database
from mcdesk.storage.evidence_store import media_to_json
from mcdesk.storage.models import EvidenceFileRow, EvidenceRow


@dataclass(frozen=True)
class NewEvidence:
    evidence: Evidence
    content_text: str | None
    provenance: Provenance | None


@dataclass(frozen=True)
class ImportPlan:
    """Everything a bundle brings, ids already mapped onto this portfolio's."""

    evidence: Sequence[NewEvidence]
    provenance: Sequence[tuple[str, Provenance]]  # for evidence already here
    observations: Sequence[Observation]
    drafts: Sequence[CoachedDraft]
    comments: Sequence[CoachComment]
    scores: Sequence[PracticeScore]


def apply_import(database: Database, plan: ImportPlan) -> Counter[str]:
    """All of `plan`, or (on any error) nothing. Returns what happened, counted."""
    counts: Counter[str] = Counter()
    with database.transaction() as session:
        for new in plan.evidence:
            e = new.evidence
            if e.sha256 is not None and session.get(EvidenceFileRow, e.sha256) is None:
                session.add(EvidenceFileRow(sha256=e.sha256, size=e.size or 0,
                                            added_at=naive(e.created_at)))
            session.add(EvidenceRow(
                id=e.id, kind=str(e.kind), title=e.title, original_name=e.original_name,
                sha256=e.sha256, url=e.url, source_id=e.source_id,
                created_at=naive(e.created_at),
                taken_at=naive(e.taken_at) if e.taken_at else None,
                captured_by=e.captured_by, body=e.body, derivation=e.derivation,
                tags_json=json.dumps(list(e.tags)), consent=str(e.consent),
                media_json=media_to_json(e.media) if e.media else None,
                content_text=new.content_text))
            session.flush()
            if new.provenance is not None:
                put_provenance(session, e.id, new.provenance)
            counts["evidence added"] += 1
        for evidence_id, provenance in plan.provenance:
            put_provenance(session, evidence_id, provenance)
        for observation in plan.observations:
            put_observation(session, observation)
            for look_for in observation.look_fors:
                put_look_for(session, observation.id, look_for)
            session.flush()
            for note in observation.notes:
                counts[f"notes {merge_note(session, observation.id, note)}"] += 1
            counts["observations"] += 1
        for draft in plan.drafts:
            put_coached_draft(session, draft)
            counts["drafts"] += 1
        for comment in plan.comments:
            if put_comment(session, comment, keep_newer=True):
                counts["comments"] += 1
        for score in plan.scores:
            if put_score(session, score, keep_newer=True):
                counts["practice scores"] += 1
    return counts
