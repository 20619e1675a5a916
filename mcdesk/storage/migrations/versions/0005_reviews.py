"""Reviews: an assessor's reviews of submissions (scores per rubric criterion, the override and
its reason, time spent, where the review is on its way) and anchored comments (annotations),
shared by assessors' reviews, comments an earner received and, later, coaches.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("submission_id", sa.String(36), nullable=False),
        sa.Column("mc_id", sa.String(2000), nullable=False),
        sa.Column("mc_version", sa.String(200), nullable=False),
        sa.Column("mc_name", sa.Text(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("server", sa.String(100), nullable=True),
        sa.Column("assignment_id", sa.String(200), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("package_folder", sa.Text(), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("override_decision", sa.String(20), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("seconds_spent", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("etag", sa.String(1000), nullable=True),
        sa.Column("error", sa.Text(), nullable=False, server_default=""),
        sa.Column("server_copy_json", sa.Text(), nullable=True),
        sa.UniqueConstraint("server", "assignment_id"),
    )
    with op.batch_alter_table("review") as batch:
        batch.create_index("ix_review_submission_id", ["submission_id"])
        batch.create_index("ix_review_state", ["state"])
    op.create_table(
        "review_score",
        sa.Column("review_id", sa.String(36), sa.ForeignKey("review.id", ondelete="RESTRICT"),
                  primary_key=True),
        sa.Column("rubric_criterion_id", sa.String(2000), primary_key=True),
        sa.Column("level_id", sa.String(2000), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "annotation",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("subject_kind", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
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
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("rubric_criterion_id", sa.String(2000), nullable=True),
        sa.Column("audience", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
    )
    with op.batch_alter_table("annotation") as batch:
        batch.create_index("ix_annotation_subject", ["subject_kind", "subject_id"])


def downgrade() -> None:
    for table in ("annotation", "review_score", "review"):
        op.drop_table(table)
