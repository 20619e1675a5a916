"""PLACEHOLDER for the `study` branch's 0010 (resource files): changes nothing. It exists only
so that 0011 (the plan) has its parent on the `plan` branch; delete this file when merging
`study`, whose 0010_study_files.py takes its place.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
