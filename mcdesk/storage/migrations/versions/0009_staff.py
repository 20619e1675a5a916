"""The issuer staff role: submissions waiting for a decision with their reviews side by side,
the last pull of pools, calibration sets and the agreement report, and decisions queued for
the next sync.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_submission",
        sa.Column("server", sa.String(100), primary_key=True),
        sa.Column("submission_id", sa.String(36), primary_key=True),
        sa.Column("achievement_id", sa.String(2000), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("ready", sa.Boolean(), nullable=False),
        sa.Column("reviews_in", sa.Integer(), nullable=False),
        sa.Column("reviews_assigned", sa.Integer(), nullable=False),
        sa.Column("disagreements", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=True),
        sa.Column("detail_json", sa.Text(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "staff_snapshot",
        sa.Column("server", sa.String(100), primary_key=True),
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("json", sa.Text(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "staff_decision",
        sa.Column("server", sa.String(100), primary_key=True),
        sa.Column("submission_id", sa.String(36), primary_key=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("feedback_json", sa.Text(), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("staff_decision")
    op.drop_table("staff_snapshot")
    op.drop_table("staff_submission")
