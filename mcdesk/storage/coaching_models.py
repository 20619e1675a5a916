"""SQLAlchemy models of coaching: provenance, observations, note versions, coached drafts, a
coach's comments and practice scores; imported by storage only; any thread."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mcdesk.storage.base import Base


class EvidenceProvenanceRow(Base):
    """Who captured or wrote one evidence, when, on which portfolio (kept through exchange);
    the free-text `evidence.captured_by` stays as the teacher typed it."""

    __tablename__ = "evidence_provenance"

    evidence_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("evidence.id", ondelete="RESTRICT"), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    portfolio_id: Mapped[str] = mapped_column(String(36))
    portfolio_name: Mapped[str] = mapped_column(Text, default="", server_default="")


class ObservationRow(Base):
    """One observed lesson; `shift_ms` maps its clock onto the video's once aligned."""

    __tablename__ = "observation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    teacher: Mapped[str] = mapped_column(Text)
    achievement_id: Mapped[str] = mapped_column(String(2000))
    mc_version: Mapped[str] = mapped_column(String(200))
    mc_name: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    video_evidence_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("evidence.id", ondelete="RESTRICT"))
    shift_ms: Mapped[int | None] = mapped_column(Integer)
    aligned_by: Mapped[str | None] = mapped_column(String(20))
    by_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    by_role: Mapped[str] = mapped_column(String(20), default="coach", server_default="coach")
    portfolio_id: Mapped[str] = mapped_column(String(36))
    portfolio_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class LookForRow(Base):
    """One look-for of an observation (a method component) and when it was seen."""

    __tablename__ = "observation_look_for"

    observation_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("observation.id", ondelete="RESTRICT"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    seen_at_ms: Mapped[int | None] = mapped_column(Integer)


class ObservationNoteRow(Base):
    """One timed note; its text is the current version's; a clip is a range on the
    observation clock, made into trimmed evidence once the video is aligned."""

    __tablename__ = "observation_note"
    __table_args__ = (Index("ix_observation_note_observation", "observation_id", "number"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    observation_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("observation.id", ondelete="RESTRICT"))
    number: Mapped[int] = mapped_column(Integer)
    offset_ms: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    rubric_criterion_id: Mapped[str | None] = mapped_column(String(2000))
    current_version_id: Mapped[str] = mapped_column(String(36))
    choose_between_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    clip_start_ms: Mapped[int | None] = mapped_column(Integer)
    clip_end_ms: Mapped[int | None] = mapped_column(Integer)
    clip_evidence_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("evidence.id", ondelete="RESTRICT"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class NoteVersionRow(Base):
    """A note's text as one side saved it; an edit made on both sides leaves two."""

    __tablename__ = "observation_note_version"
    __table_args__ = (Index("ix_observation_note_version_note", "note_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    note_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("observation_note.id", ondelete="RESTRICT"))
    text: Mapped[str] = mapped_column(Text)
    rubric_criterion_id: Mapped[str | None] = mapped_column(String(2000))
    saved_at: Mapped[datetime] = mapped_column(DateTime)
    by_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    portfolio_id: Mapped[str] = mapped_column(String(36))


class CoachedDraftRow(Base):
    """A teacher's draft a coach received by exchange (answers and items as JSON)."""

    __tablename__ = "coached_draft"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(36))
    achievement_id: Mapped[str] = mapped_column(String(2000))
    mc_version: Mapped[str] = mapped_column(String(200))
    mc_name: Mapped[str] = mapped_column(Text)
    attempt: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str] = mapped_column(Text, default="", server_default="")
    answers_json: Mapped[str] = mapped_column(Text)
    items_json: Mapped[str] = mapped_column(Text)
    from_portfolio_id: Mapped[str] = mapped_column(String(36))
    received_at: Mapped[datetime] = mapped_column(DateTime)


class CoachCommentRow(Base):
    """A coach's comment on a draft, anchored like a review comment, maybe suggesting a
    caption or a clip; private to coach and teacher, never in a package."""

    __tablename__ = "coach_comment"
    __table_args__ = (Index("ix_coach_comment_draft", "draft_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    draft_id: Mapped[str] = mapped_column(String(36))
    target: Mapped[str] = mapped_column(String(2000))
    path: Mapped[str | None] = mapped_column(Text)
    start_ms: Mapped[int | None] = mapped_column(Integer)
    end_ms: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    region_x: Mapped[float | None] = mapped_column(Float)
    region_y: Mapped[float | None] = mapped_column(Float)
    region_w: Mapped[float | None] = mapped_column(Float)
    region_h: Mapped[float | None] = mapped_column(Float)
    passage_start: Mapped[int | None] = mapped_column(Integer)
    passage_end: Mapped[int | None] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text, default="", server_default="")
    text: Mapped[str] = mapped_column(Text)
    rubric_criterion_id: Mapped[str | None] = mapped_column(String(2000))
    suggested_caption: Mapped[str | None] = mapped_column(Text)
    suggested_criterion_id: Mapped[str | None] = mapped_column(String(200))
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    by_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    by_role: Mapped[str] = mapped_column(String(20), default="coach", server_default="coach")
    portfolio_id: Mapped[str] = mapped_column(String(36))
    portfolio_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class PracticeScoreRow(Base):
    """A coach's practice level for one rubric criterion of a draft; never sent anywhere."""

    __tablename__ = "practice_score"

    draft_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    rubric_criterion_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    portfolio_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    level_id: Mapped[str | None] = mapped_column(String(2000))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    by_name: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
