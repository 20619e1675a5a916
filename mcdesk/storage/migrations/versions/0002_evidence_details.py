"""Evidence details (written text, versions, tags, consent, probed media facts) and the roster.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence") as batch:
        batch.add_column(sa.Column("body", sa.Text(), nullable=True))
        batch.add_column(sa.Column("derivation", sa.Text(), nullable=True))
        batch.add_column(sa.Column("tags_json", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("consent", sa.String(40), nullable=False, server_default="not set"))
        batch.add_column(sa.Column("media_json", sa.Text(), nullable=True))
        batch.add_column(sa.Column("content_text", sa.Text(), nullable=True))
    op.create_table(
        "roster",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text(), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("roster")
    with op.batch_alter_table("evidence") as batch:
        for column in ("content_text", "media_json", "consent", "tags_json", "derivation",
                       "body"):
            batch.drop_column(column)
