"""SQLAlchemy models of the portfolio database; imported by storage only; any thread."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from mcdesk.storage.base import Base

# Virtual FTS5 tables live beside the models; migrations create them, autogenerate ignores them.
FTS_TABLES = ("catalog_fts",)


class EvidenceChangeRow(Base):
    """One row counting changes to the evidence table, kept by triggers (migration 0012): the
    library's cached search words are read again only when it moved."""

    __tablename__ = "evidence_change"
    __table_args__ = (CheckConstraint("slot = 1", name="evidence_change_one_row"),)

    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class MetaRow(Base):
    """Small facts about the portfolio itself (its id, which mcdesk created it)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class StackRow(Base):
    __tablename__ = "stack"

    id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    name: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str] = mapped_column(Text, default="")


class MicroCredentialRow(Base):
    """One imported version of a micro-credential; `is_current` marks the newest version."""

    __tablename__ = "micro_credential"
    __table_args__ = (UniqueConstraint("achievement_id", "version"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    achievement_id: Mapped[str] = mapped_column(String(2000), index=True)
    version: Mapped[str] = mapped_column(String(200))
    is_current: Mapped[bool] = mapped_column(Boolean, index=True)
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    issuer_id: Mapped[str | None] = mapped_column(String(2000))
    issuer_name: Mapped[str | None] = mapped_column(String(2000), index=True)
    stack_id: Mapped[str | None] = mapped_column(String(2000), index=True)
    stack_position: Mapped[int | None] = mapped_column(Integer)
    in_service_hours: Mapped[float | None] = mapped_column(Float)
    source_json: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class EvidenceFileRow(Base):
    """A stored file, named by its sha256 under evidence/; shared by every evidence using it."""

    __tablename__ = "evidence_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class EvidenceRow(Base):
    """A piece of evidence as the teacher sees it; versions link to the source they came from."""

    __tablename__ = "evidence"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(Text)
    original_name: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(
        String(64), ForeignKey("evidence_file.sha256", ondelete="RESTRICT"), index=True
    )
    url: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("evidence.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    taken_at: Mapped[datetime | None] = mapped_column(DateTime)
    captured_by: Mapped[str | None] = mapped_column(Text)
    trashed_at: Mapped[datetime | None] = mapped_column(DateTime)
    body: Mapped[str | None] = mapped_column(Text)
    derivation: Mapped[str | None] = mapped_column(Text)
    tags_json: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")
    consent: Mapped[str] = mapped_column(String(40), default="not set", server_default="not set")
    media_json: Mapped[str | None] = mapped_column(Text)
    content_text: Mapped[str | None] = mapped_column(Text)
    identifying: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class RosterRow(Base):
    """A name that must not leave the laptop (a student, the teacher, the school)."""

    __tablename__ = "roster"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    role: Mapped[str] = mapped_column(String(20), default="student")


class DraftRow(Base):
    """A draft of a submission: one attempt at one micro-credential, pinned to the version it
    was started on. Drafts go to the trash (`trashed_at`); their answers are never deleted."""

    __tablename__ = "draft"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    achievement_id: Mapped[str] = mapped_column(String(2000), index=True)
    mc_version: Mapped[str] = mapped_column(String(200))
    mc_name: Mapped[str] = mapped_column(Text)
    attempt: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    previous_attempt_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("draft.id", ondelete="RESTRICT"), index=True
    )
    submission_id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    trashed_at: Mapped[datetime | None] = mapped_column(DateTime)


class DraftAnswerRow(Base):
    """The current written answer to one text criterion of a draft."""

    __tablename__ = "draft_answer"

    draft_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("draft.id", ondelete="RESTRICT"), primary_key=True
    )
    criterion_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AnswerVersionRow(Base):
    """An answer as it stood at some moment; the newest one mirrors the current answer."""

    __tablename__ = "draft_answer_version"
    __table_args__ = (Index("ix_draft_answer_version_answer", "draft_id", "criterion_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(String(36), ForeignKey("draft.id", ondelete="RESTRICT"))
    criterion_id: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    saved_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(100), default="", server_default="")


class DraftAttachmentRow(Base):
    """One evidence answering one criterion of a draft, in the order the assessor sees."""

    __tablename__ = "draft_attachment"
    __table_args__ = (UniqueConstraint("draft_id", "criterion_id", "evidence_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("draft.id", ondelete="RESTRICT"), index=True
    )
    criterion_id: Mapped[str] = mapped_column(String(200))
    evidence_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("evidence.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(Text, default="", server_default="")


class SelfAssessmentRow(Base):
    """The level the earner gives their own work on one rubric criterion."""

    __tablename__ = "draft_self_assessment"

    draft_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("draft.id", ondelete="RESTRICT"), primary_key=True
    )
    rubric_criterion_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    level_id: Mapped[str] = mapped_column(String(2000))


class FeedbackRow(Base):
    """What assessors said about one rubric criterion of the attempt `draft_id`."""

    __tablename__ = "draft_feedback"

    draft_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("draft.id", ondelete="RESTRICT"), primary_key=True
    )
    rubric_criterion_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    level_id: Mapped[str | None] = mapped_column(String(2000))
    text: Mapped[str] = mapped_column(Text, default="", server_default="")


class ServerProfileRow(Base):
    """An issuing server the user added. Its token is in the OS keyring, never here."""

    __tablename__ = "server_profile"

    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    catalog_etag: Mapped[str | None] = mapped_column(String(1000))
    last_sync_at: Mapped[datetime | None] = mapped_column(DateTime)


class OutboxItemRow(Base):
    """One submission on its way to one server: `stage` is where it is on the way, `state`
    the same or a hold (waiting to retry, login needed, rejected, conflict). Never deleted
    while unsent."""

    __tablename__ = "outbox_item"
    __table_args__ = (UniqueConstraint("submission_id", "server"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    submission_id: Mapped[str] = mapped_column(String(36))
    draft_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("draft.id", ondelete="RESTRICT"), index=True
    )
    server: Mapped[str] = mapped_column(String(100), index=True)
    state: Mapped[str] = mapped_column(String(30))
    stage: Mapped[str] = mapped_column(String(30))
    achievement_id: Mapped[str] = mapped_column(String(2000))
    mc_version: Mapped[str] = mapped_column(String(200))
    mc_name: Mapped[str] = mapped_column(Text)
    attempt: Mapped[int] = mapped_column(Integer)
    bag_name: Mapped[str] = mapped_column(String(300))
    fingerprint: Mapped[str] = mapped_column(String(64))
    bytes_total: Mapped[int] = mapped_column(Integer, default=0)
    bytes_sent: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str] = mapped_column(Text, default="", server_default="")
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    remote_state: Mapped[str | None] = mapped_column(String(30))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    credential_id: Mapped[str | None] = mapped_column(String(2000))
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class OutboxFileRow(Base):
    """One file of an outbox item's bag: where its bytes are, and how much of it the server
    holds (`upload_url` is stored the moment the server gives it)."""

    __tablename__ = "outbox_file"

    item_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("outbox_item.id", ondelete="RESTRICT"), primary_key=True
    )
    path: Mapped[str] = mapped_column(String(1024), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20))
    upload_url: Mapped[str | None] = mapped_column(Text)
    offset: Mapped[int] = mapped_column(Integer, default=0)


class ReviewRow(Base):
    """One assessor's review of one submission: from a server's assignment or a package opened
    by hand. `package_folder` is relative to the portfolio root (None while downloading);
    `state` locks it once finished, sent or exported."""

    __tablename__ = "review"
    __table_args__ = (UniqueConstraint("server", "assignment_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(36), index=True)
    mc_id: Mapped[str] = mapped_column(String(2000))
    mc_version: Mapped[str] = mapped_column(String(200))
    mc_name: Mapped[str] = mapped_column(Text)
    attempt: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))
    server: Mapped[str | None] = mapped_column(String(100))
    assignment_id: Mapped[str | None] = mapped_column(String(200))
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    package_folder: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), index=True)
    blind: Mapped[bool] = mapped_column(Boolean, default=True)
    override_decision: Mapped[str | None] = mapped_column(String(20))
    override_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    seconds_spent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    etag: Mapped[str | None] = mapped_column(String(1000))
    error: Mapped[str] = mapped_column(Text, default="", server_default="")
    server_copy_json: Mapped[str | None] = mapped_column(Text)
    # A calibration item's answer from the server (mcdesk.core.calibration wire form).
    calibration_json: Mapped[str | None] = mapped_column(Text)


class ReviewScoreRow(Base):
    """The level (and the feedback) a review gives one rubric criterion."""

    __tablename__ = "review_score"

    review_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("review.id", ondelete="RESTRICT"), primary_key=True
    )
    rubric_criterion_id: Mapped[str] = mapped_column(String(2000), primary_key=True)
    level_id: Mapped[str | None] = mapped_column(String(2000))
    feedback: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AnnotationRow(Base):
    """One comment anchored to a moment, page, region or passage of a piece of evidence. The
    subject says whose comment it is: ("review", review id) for an assessor's, ("received",
    draft id) for one an earner received, ("draft", draft id) for a coach's."""

    __tablename__ = "annotation"
    __table_args__ = (Index("ix_annotation_subject", "subject_kind", "subject_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[str] = mapped_column(String(36))
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
    kind: Mapped[str] = mapped_column(String(20))
    rubric_criterion_id: Mapped[str | None] = mapped_column(String(2000))
    audience: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class CredentialRow(Base):
    """An earned credential: the bytes as received and what was read and verified from them."""

    __tablename__ = "credential"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    format: Mapped[str] = mapped_column(String(20))
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    payload: Mapped[str] = mapped_column(Text)
    credential_json: Mapped[str] = mapped_column(Text)
    achievement_id: Mapped[str | None] = mapped_column(String(2000), index=True)
    achievement_name: Mapped[str | None] = mapped_column(Text)
    achievement_type: Mapped[str | None] = mapped_column(String(200))
    issuer_id: Mapped[str | None] = mapped_column(String(2000))
    issuer_name: Mapped[str | None] = mapped_column(Text)
    valid_from: Mapped[datetime | None] = mapped_column(DateTime)
    valid_until: Mapped[datetime | None] = mapped_column(DateTime)
    awarded: Mapped[datetime | None] = mapped_column(DateTime)
    image: Mapped[str | None] = mapped_column(Text)
    results_json: Mapped[str] = mapped_column(Text, default="[]")
    evidence_json: Mapped[str] = mapped_column(Text, default="[]")
    state: Mapped[str] = mapped_column(String(20))
    reasons_json: Mapped[str] = mapped_column(Text, default="[]")
    warnings_json: Mapped[str] = mapped_column(Text, default="[]")
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    origin: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime)


class RecognitionRuleRow(Base):
    __tablename__ = "recognition_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(Text)
    hours_per_credential: Mapped[float | None] = mapped_column(Float)
    cap_per_year: Mapped[float | None] = mapped_column(Float)
    active: Mapped[bool] = mapped_column(Boolean)
    verified_only: Mapped[bool] = mapped_column(Boolean, default=True)


class StaffSubmissionRow(Base):
    """A submission waiting for the issuer's decision, as staff last pulled it: the list's
    figures and the reviews side by side (the server's JSON), readable offline."""

    __tablename__ = "staff_submission"

    server: Mapped[str] = mapped_column(String(100), primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    achievement_id: Mapped[str] = mapped_column(String(2000))
    name: Mapped[str] = mapped_column(Text)
    attempt: Mapped[int] = mapped_column(Integer)
    ready: Mapped[bool] = mapped_column(Boolean)
    reviews_in: Mapped[int] = mapped_column(Integer)
    reviews_assigned: Mapped[int] = mapped_column(Integer)
    disagreements: Mapped[int] = mapped_column(Integer)
    received_at: Mapped[datetime | None] = mapped_column(DateTime)
    detail_json: Mapped[str] = mapped_column(Text)
    pulled_at: Mapped[datetime] = mapped_column(DateTime)


class StaffSnapshotRow(Base):
    """The last pull of a staff view of a server: its pools, calibration sets or report."""

    __tablename__ = "staff_snapshot"

    server: Mapped[str] = mapped_column(String(100), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    json: Mapped[str] = mapped_column(Text)
    pulled_at: Mapped[datetime] = mapped_column(DateTime)


class StaffDecisionRow(Base):
    """A decision staff made on this computer: queued until the next sync sends it."""

    __tablename__ = "staff_decision"

    server: Mapped[str] = mapped_column(String(100), primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    state: Mapped[str] = mapped_column(String(20))
    feedback_json: Mapped[str] = mapped_column(Text)
    override_reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    error: Mapped[str] = mapped_column(Text, default="")
    queued_at: Mapped[datetime] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Whether the submission is to join the calibration set once decided (CalibrationUse).
    calibration: Mapped[str] = mapped_column(String(20), default="none", server_default="none")
    calibration_error: Mapped[str] = mapped_column(Text, default="", server_default="")


class StaffCalibrationRemovalRow(Base):
    """A calibration item staff asked to take out of its set: queued until the next sync."""

    __tablename__ = "staff_calibration_removal"

    server: Mapped[str] = mapped_column(String(100), primary_key=True)
    submission_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # DecisionStatus: queued, sent, refused
    error: Mapped[str] = mapped_column(Text, default="")
    queued_at: Mapped[datetime] = mapped_column(DateTime)


# Coaching's tables live in their own module; importing it here puts them in Base.metadata.
from mcdesk.storage import coaching_models as coaching_models  # noqa: E402

# The plan's tables likewise.
from mcdesk.storage import plan_models as plan_models  # noqa: E402
from mcdesk.storage import study_models as study_models  # noqa: E402
