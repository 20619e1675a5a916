"""Reading the evidence library faster: an index on evidence.source_id (reading a page of the
library looks up the safe versions made from its pieces, which scanned the whole table for
every page), and a counter of changes to the evidence table kept by triggers, so the library's
cached search words are read again when evidence changed, not after any write at all.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

TRIGGERS = {"evidence_changed_by_insert": "AFTER INSERT",
            "evidence_changed_by_update": "AFTER UPDATE",
            "evidence_changed_by_delete": "AFTER DELETE"}


def upgrade() -> None:
    op.create_index("ix_evidence_source_id", "evidence", ["source_id"])
    op.create_table(
        "evidence_change",
        sa.Column("slot", sa.Integer(), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint("slot = 1", name="evidence_change_one_row"),
    )
    op.execute("INSERT INTO evidence_change (slot, count) VALUES (1, 0)")
    for name, when in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} ON evidence BEGIN "
                   "UPDATE evidence_change SET count = count + 1 WHERE slot = 1; END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("evidence_change")
    op.drop_index("ix_evidence_source_id", table_name="evidence")
