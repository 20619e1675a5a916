"""Staff shape calibration sets from the desktop: a queued decision can carry the submission
into its micro-credential's calibration set (whether it is to, how that went, the issuer's
words when it said no), and an item can be queued to be taken out of its set.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("staff_decision") as batch:
        batch.add_column(sa.Column("calibration", sa.String(20), nullable=False,
                                   server_default="none"))
        batch.add_column(sa.Column("calibration_error", sa.Text(), nullable=False,
                                   server_default=""))
    op.create_table(
        "staff_calibration_removal",
        sa.Column("server", sa.String(100), primary_key=True),
        sa.Column("submission_id", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("staff_calibration_removal")
    with op.batch_alter_table("staff_decision") as batch:
        batch.drop_column("calibration_error")
        batch.drop_column("calibration")
