"""Earned credentials (the bytes exactly as received, the parsed credential, the last
verification and where each came from) and recognition rules that turn them into in-service
hours.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credential",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("credential_json", sa.Text(), nullable=False),
        sa.Column("achievement_id", sa.String(2000), nullable=True),
        sa.Column("achievement_name", sa.Text(), nullable=True),
        sa.Column("achievement_type", sa.String(200), nullable=True),
        sa.Column("issuer_id", sa.String(2000), nullable=True),
        sa.Column("issuer_name", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.DateTime(), nullable=True),
        sa.Column("valid_until", sa.DateTime(), nullable=True),
        sa.Column("awarded", sa.DateTime(), nullable=True),
        sa.Column("image", sa.Text(), nullable=True),
        sa.Column("results_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("evidence_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("reasons_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("warnings_json", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
    )
    with op.batch_alter_table("credential") as batch:
        batch.create_index("ix_credential_achievement_id", ["achievement_id"])
    op.create_table(
        "recognition_rule",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("hours_per_credential", sa.Float(), nullable=True),
        sa.Column("cap_per_year", sa.Float(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("verified_only", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    op.drop_table("recognition_rule")
    op.drop_table("credential")
