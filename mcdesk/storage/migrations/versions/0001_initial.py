"""The first portfolio schema: catalog, stacks, evidence files and evidence.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table(
        "stack",
        sa.Column("id", sa.String(2000), primary_key=True),
        sa.Column("name", sa.String(2000), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
    )
    op.create_table(
        "micro_credential",
        sa.Column("pk", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("achievement_id", sa.String(2000), nullable=False),
        sa.Column("version", sa.String(200), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("issuer_id", sa.String(2000), nullable=True),
        sa.Column("issuer_name", sa.String(2000), nullable=True),
        sa.Column("stack_id", sa.String(2000), nullable=True),
        sa.Column("stack_position", sa.Integer(), nullable=True),
        sa.Column("in_service_hours", sa.Float(), nullable=True),
        sa.Column("source_json", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("achievement_id", "version"),
    )
    with op.batch_alter_table("micro_credential") as batch:
        batch.create_index("ix_micro_credential_achievement_id", ["achievement_id"])
        batch.create_index("ix_micro_credential_is_current", ["is_current"])
        batch.create_index("ix_micro_credential_issuer_name", ["issuer_name"])
        batch.create_index("ix_micro_credential_stack_id", ["stack_id"])
    op.create_table(
        "evidence_file",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=True),
        sa.Column(
            "sha256",
            sa.String(64),
            sa.ForeignKey("evidence_file.sha256", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column(
            "source_id",
            sa.String(36),
            sa.ForeignKey("evidence.id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
        sa.Column("captured_by", sa.Text(), nullable=True),
        sa.Column("trashed_at", sa.DateTime(), nullable=True),
    )
    with op.batch_alter_table("evidence") as batch:
        batch.create_index("ix_evidence_kind", ["kind"])
        batch.create_index("ix_evidence_sha256", ["sha256"])
    # Only current versions are indexed; rowid is micro_credential.pk.
    op.execute(
        "CREATE VIRTUAL TABLE catalog_fts USING fts5("
        "name, description, issuer, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )


def downgrade() -> None:
    op.execute("DROP TABLE catalog_fts")
    op.drop_table("evidence")
    op.drop_table("evidence_file")
    op.drop_table("micro_credential")
    op.drop_table("stack")
    op.drop_table("meta")
