"""Coaching: the owner's identity (a stable portfolio id is made when missing), provenance of
evidence, observations (look-fors, timed notes, note versions, clips), drafts received for
coaching, a coach's anchored comments and practice scores.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

def upgrade() -> None:
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    connection = op.get_bind()
    if connection.execute(sa.select(meta.c.value).where(
            meta.c.key == "portfolio_id")).first() is None:
        op.bulk_insert(meta, [{"key": "portfolio_id", "value": str(uuid.uuid4())}])
    op.create_table(
        "evidence_provenance",
        sa.Column("evidence_id", sa.String(36), sa.ForeignKey("evidence.id", ondelete="RESTRICT"),
                  primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("portfolio_id", sa.String(36), nullable=False),
        sa.Column("portfolio_name", sa.Text(), nullable=False, server_default=""),
    )
    op.create_table(
        "observation",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("teacher", sa.Text(), nullable=False),
        sa.Column("achievement_id", sa.String(2000), nullable=False),
        sa.Column("mc_version", sa.String(200), nullable=False),
        sa.Column("mc_name", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("video_evidence_id", sa.String(36),
                  sa.ForeignKey("evidence.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("shift_ms", sa.Integer(), nullable=True),
        sa.Column("aligned_by", sa.String(20), nullable=True),
        sa.Column("by_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("by_role", sa.String(20), nullable=False, server_default="coach"),
        sa.Column("portfolio_id", sa.String(36), nullable=False),
        sa.Column("portfolio_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "observation_look_for",
        sa.Column("observation_id", sa.String(36),
                  sa.ForeignKey("observation.id", ondelete="RESTRICT"), primary_key=True),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("seen_at_ms", sa.Integer(), nullable=True),
    )
    op.create_table(
        "observation_note",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("observation_id", sa.String(36),
                  sa.ForeignKey("observation.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("offset_ms", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rubric_criterion_id", sa.String(2000), nullable=True),
        sa.Column("current_version_id", sa.String(36), nullable=False),
        sa.Column("choose_between_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("clip_start_ms", sa.Integer(), nullable=True),
        sa.Column("clip_end_ms", sa.Integer(), nullable=True),
        sa.Column("clip_evidence_id", sa.String(36),
                  sa.ForeignKey("evidence.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    with op.batch_alter_table("observation_note") as batch:
        batch.create_index("ix_observation_note_observation", ["observation_id", "number"])
    op.create_table(
        "observation_note_version",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("note_id", sa.String(36),
                  sa.ForeignKey("observation_note.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rubric_criterion_id", sa.String(2000), nullable=True),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("by_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("portfolio_id", sa.String(36), nullable=False),
    )
    with op.batch_alter_table("observation_note_version") as batch:
        batch.create_index("ix_observation_note_version_note", ["note_id"])
    op.create_table(
        "coached_draft",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("submission_id", sa.String(36), nullable=False),
        sa.Column("achievement_id", sa.String(2000), nullable=False),
        sa.Column("mc_version", sa.String(200), nullable=False),
        sa.Column("mc_name", sa.Text(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False, server_default=""),
        sa.Column("answers_json", sa.Text(), nullable=False),
        sa.Column("items_json", sa.Text(), nullable=False),
        sa.Column("from_portfolio_id", sa.String(36), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "coach_comment",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("draft_id", sa.String(36), nullable=False),
        sa.Column("target", sa.String(2000), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("start_ms", sa.Integer(), nullable=True),
        sa.Column("end_ms", sa.Integer(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("region_x", sa.Float(), nullable=True),
        sa.Column("region_y", sa.Float(), nullable=True),
        sa.Column("region_w", sa.Float(), nullable=True),
        sa.Column("region_h", sa.Float(), nullable=True),
        sa.Column("passage_start", sa.Integer(), nullable=True),
        sa.Column("passage_end", sa.Integer(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False, server_default=""),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rubric_criterion_id", sa.String(2000), nullable=True),
        sa.Column("suggested_caption", sa.Text(), nullable=True),
        sa.Column("suggested_criterion_id", sa.String(200), nullable=True),
        sa.Column("accepted_at", sa.DateTime(), nullable=True),
        sa.Column("by_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("by_role", sa.String(20), nullable=False, server_default="coach"),
        sa.Column("portfolio_id", sa.String(36), nullable=False),
        sa.Column("portfolio_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    with op.batch_alter_table("coach_comment") as batch:
        batch.create_index("ix_coach_comment_draft", ["draft_id"])
    op.create_table(
        "practice_score",
        sa.Column("draft_id", sa.String(36), primary_key=True),
        sa.Column("rubric_criterion_id", sa.String(2000), primary_key=True),
        sa.Column("portfolio_id", sa.String(36), primary_key=True),
        sa.Column("level_id", sa.String(2000), nullable=True),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("by_name", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("practice_score", "coach_comment", "coached_draft", "observation_note_version",
                  "observation_note", "observation_look_for", "observation",
                  "evidence_provenance"):
        op.drop_table(table)
