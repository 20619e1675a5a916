"""The teacher's plan: micro-credentials with target dates, and the stack goal.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "plan_entry",
        sa.Column("achievement_id", sa.String(2000), primary_key=True),
        sa.Column("target_date", sa.Date(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "plan_goal",
        sa.Column("slot", sa.Integer(), primary_key=True),
        sa.Column("stack_id", sa.String(2000), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("set_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("slot = 1", name="plan_goal_one_row"),
    )


def downgrade() -> None:
    op.drop_table("plan_goal")
    op.drop_table("plan_entry")
