"""Sync: server profiles (no secrets: tokens live in the OS keyring) and the outbox of
submissions on their way to a server, file by file.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_profile",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("catalog_etag", sa.String(1000), nullable=True),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
    )
    op.create_table(
        "outbox_item",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("submission_id", sa.String(36), nullable=False),
        sa.Column("draft_id", sa.String(36), sa.ForeignKey("draft.id", ondelete="RESTRICT"),
                  nullable=False),
        sa.Column("server", sa.String(100), nullable=False),
        sa.Column("state", sa.String(30), nullable=False),
        sa.Column("stage", sa.String(30), nullable=False),
        sa.Column("achievement_id", sa.String(2000), nullable=False),
        sa.Column("mc_version", sa.String(200), nullable=False),
        sa.Column("mc_name", sa.Text(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("bag_name", sa.String(300), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("bytes_total", sa.Integer(), nullable=False),
        sa.Column("bytes_sent", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False, server_default=""),
        sa.Column("reason", sa.Text(), nullable=False, server_default=""),
        sa.Column("remote_state", sa.String(30), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("credential_id", sa.String(2000), nullable=True),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("submission_id", "server"),
    )
    with op.batch_alter_table("outbox_item") as batch:
        batch.create_index("ix_outbox_item_draft_id", ["draft_id"])
        batch.create_index("ix_outbox_item_server", ["server"])
    op.create_table(
        "outbox_file",
        sa.Column("item_id", sa.Integer(),
                  sa.ForeignKey("outbox_item.id", ondelete="RESTRICT"), primary_key=True),
        sa.Column("path", sa.String(1024), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(200), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("upload_url", sa.Text(), nullable=True),
        sa.Column("offset", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for table in ("outbox_file", "outbox_item", "server_profile"):
        op.drop_table(table)
