"""A queued decision can carry the submission into its micro-credential's calibration set:
whether it is to (and how that went), and the issuer's words when it said no.

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


def downgrade() -> None:
    with op.batch_alter_table("staff_decision") as batch:
        batch.drop_column("calibration_error")
        batch.drop_column("calibration")
