"""The evidence change counter also moves when a piece's provenance changes: the library keeps
pieces read in full (provenance included) until that counter moves, and a provenance recorded
after its piece (a coach's capture is two writes) was otherwise shown without it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

TRIGGERS = {"evidence_changed_by_provenance_insert": "AFTER INSERT",
            "evidence_changed_by_provenance_update": "AFTER UPDATE",
            "evidence_changed_by_provenance_delete": "AFTER DELETE"}


def upgrade() -> None:
    for name, when in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {when} ON evidence_provenance BEGIN "
                   "UPDATE evidence_change SET count = count + 1 WHERE slot = 1; END")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
