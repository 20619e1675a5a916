"""Study material that travels with the catalog: the resource and exemplar files a catalog
names (their sha256, size, media type, licence, where they come from) and where their bytes
are; the bytes themselves live in study/ab/ab12…, content-addressed like evidence.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "study_file",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(200), nullable=False),
        sa.Column("href", sa.Text(), nullable=False),
        sa.Column("licence", sa.Text(), nullable=False),
        sa.Column("server", sa.String(100), nullable=True),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("wanted", sa.Boolean(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_study_file_state", "study_file", ["state"])
    op.create_table(
        "study_use",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("achievement_id", sa.String(2000), primary_key=True),
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("title", sa.Text(), primary_key=True),
    )
    op.create_index("ix_study_use_achievement_id", "study_use", ["achievement_id"])


def downgrade() -> None:
    op.drop_index("ix_study_use_achievement_id", "study_use")
    op.drop_table("study_use")
    op.drop_index("ix_study_file_state", "study_file")
    op.drop_table("study_file")
