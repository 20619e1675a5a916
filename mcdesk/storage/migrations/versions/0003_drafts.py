"""Drafts of submissions: answers and their versions, attached evidence, self-assessment and
assessors' feedback.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("achievement_id", sa.String(2000), nullable=False),
        sa.Column("mc_version", sa.String(200), nullable=False),
        sa.Column("mc_name", sa.Text(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("previous_attempt_id", sa.String(36),
                  sa.ForeignKey("draft.id", ondelete="RESTRICT"), nullable=True),
        sa.Column("submission_id", sa.String(36), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("trashed_at", sa.DateTime(), nullable=True),
    )
    with op.batch_alter_table("draft") as batch:
        batch.create_index("ix_draft_achievement_id", ["achievement_id"])
        batch.create_index("ix_draft_previous_attempt_id", ["previous_attempt_id"])
    op.create_table(
        "draft_answer",
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("draft.id", ondelete="RESTRICT"),
                  primary_key=True),
        sa.Column("criterion_id", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "draft_answer_version",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("draft.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("criterion_id", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(100), nullable=False, server_default=""),
    )
    with op.batch_alter_table("draft_answer_version") as batch:
        batch.create_index("ix_draft_answer_version_answer", ["draft_id", "criterion_id", "id"])
    op.create_table(
        "draft_attachment",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("draft.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("criterion_id", sa.String(200), nullable=False),
        sa.Column("evidence_id", sa.String(36),
                  sa.ForeignKey("evidence.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("caption", sa.Text(), nullable=False, server_default=""),
        sa.UniqueConstraint("draft_id", "criterion_id", "evidence_id"),
    )
    with op.batch_alter_table("draft_attachment") as batch:
        batch.create_index("ix_draft_attachment_draft_id", ["draft_id"])
        batch.create_index("ix_draft_attachment_evidence_id", ["evidence_id"])
    op.create_table(
        "draft_self_assessment",
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("draft.id", ondelete="RESTRICT"),
                  primary_key=True),
        sa.Column("rubric_criterion_id", sa.String(2000), primary_key=True),
        sa.Column("level_id", sa.String(2000), nullable=False),
    )
    op.create_table(
        "draft_feedback",
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("draft.id", ondelete="RESTRICT"),
                  primary_key=True),
        sa.Column("rubric_criterion_id", sa.String(2000), primary_key=True),
        sa.Column("level_id", sa.String(2000), nullable=True),
        sa.Column("text", sa.Text(), nullable=False, server_default=""),
    )


def downgrade() -> None:
    for table in ("draft_feedback", "draft_self_assessment", "draft_attachment",
                  "draft_answer_version", "draft_answer", "draft"):
        op.drop_table(table)
