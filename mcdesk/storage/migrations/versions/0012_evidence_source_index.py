"""An index on evidence.source_id: reading a page of the library looks up the safe versions
made from its pieces, which was a scan of the whole table for every page.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_evidence_source_id", "evidence", ["source_id"])


def downgrade() -> None:
    op.drop_index("ix_evidence_source_id", table_name="evidence")
