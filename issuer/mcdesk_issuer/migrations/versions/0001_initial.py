"""The schema as mcdesk-issuer made it with create_all before it had migrations.

A database made then is stamped at this revision (mcdesk_issuer.migrate), never re-created.

Revision ID: 0001
Revises:
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('accounts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_accounts_name'), 'accounts', ['name'])
    op.create_table('achievements',
    sa.Column('achievement_id', sa.String(length=2000), nullable=False),
    sa.Column('version', sa.String(length=200), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('achievement_id', 'version')
    )
    op.create_table('catalog_files',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('etag', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('pool_settings',
    sa.Column('achievement_id', sa.String(length=2000), nullable=False),
    sa.Column('expert_submissions', sa.Integer(), nullable=False),
    sa.Column('experts_per_submission', sa.Integer(), nullable=False),
    sa.Column('peers_per_submission', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('achievement_id')
    )
    op.create_table('account_roles',
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.PrimaryKeyConstraint('account_id', 'role')
    )
    op.create_table('pool_members',
    sa.Column('achievement_id', sa.String(length=2000), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.PrimaryKeyConstraint('achievement_id', 'account_id', 'kind')
    )
    op.create_table('releases',
    sa.Column('achievement_id', sa.String(length=2000), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('released_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.PrimaryKeyConstraint('achievement_id', 'account_id')
    )
    op.create_table('stack_credentials',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('stack_id', sa.String(length=2000), nullable=False),
    sa.Column('earner_id', sa.String(length=36), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('json', sa.Text(), nullable=False),
    sa.Column('jws', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['earner_id'], ['accounts.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('stack_id', 'earner_id')
    )
    op.create_index(op.f('ix_stack_credentials_earner_id'), 'stack_credentials', ['earner_id'])
    op.create_index(op.f('ix_stack_credentials_issued_at'), 'stack_credentials', ['issued_at'])
    op.create_table('submissions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('earner_id', sa.String(length=36), nullable=False),
    sa.Column('achievement_id', sa.String(length=2000), nullable=False),
    sa.Column('version', sa.String(length=200), nullable=False),
    sa.Column('attempt', sa.Integer(), nullable=False),
    sa.Column('bag_name', sa.String(length=255), nullable=False),
    sa.Column('body_hash', sa.String(length=64), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('bag_sha256', sa.String(length=64), nullable=True),
    sa.Column('bag_size', sa.BigInteger(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_hash', sa.String(length=64), nullable=True),
    sa.Column('feedback_json', sa.Text(), nullable=False),
    sa.Column('credential_id', sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(['earner_id'], ['accounts.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_submissions_earner_id'), 'submissions', ['earner_id'])
    op.create_table('tokens',
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.PrimaryKeyConstraint('hash')
    )
    op.create_index(op.f('ix_tokens_account_id'), 'tokens', ['account_id'])
    op.create_table('assignments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('submission_id', sa.String(length=36), nullable=False),
    sa.Column('assessor_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['assessor_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('submission_id', 'assessor_id')
    )
    op.create_index(op.f('ix_assignments_assessor_id'), 'assignments', ['assessor_id'])
    op.create_index(op.f('ix_assignments_submission_id'), 'assignments', ['submission_id'])
    op.create_table('calibration_items',
    sa.Column('submission_id', sa.String(length=36), nullable=False),
    sa.Column('achievement_id', sa.String(length=2000), nullable=False),
    sa.Column('reference_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ),
    sa.PrimaryKeyConstraint('submission_id')
    )
    op.create_index(op.f('ix_calibration_items_achievement_id'), 'calibration_items',
                    ['achievement_id'])
    op.create_table('credentials',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('submission_id', sa.String(length=36), nullable=False),
    sa.Column('earner_id', sa.String(length=36), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('json', sa.Text(), nullable=False),
    sa.Column('jws', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['earner_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('submission_id')
    )
    op.create_index(op.f('ix_credentials_earner_id'), 'credentials', ['earner_id'])
    op.create_index(op.f('ix_credentials_issued_at'), 'credentials', ['issued_at'])
    op.create_table('decisions',
    sa.Column('submission_id', sa.String(length=36), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('rule', sa.String(length=20), nullable=True),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('override_reason', sa.Text(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ),
    sa.PrimaryKeyConstraint('submission_id')
    )
    op.create_table('submission_files',
    sa.Column('submission_id', sa.String(length=36), nullable=False),
    sa.Column('path', sa.String(length=1024), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ),
    sa.PrimaryKeyConstraint('submission_id', 'path')
    )
    op.create_index(op.f('ix_submission_files_sha256'), 'submission_files', ['sha256'])
    op.create_table('uploads',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('submission_id', sa.String(length=36), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.String(length=1024), nullable=False),
    sa.Column('length', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('completed', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['submission_id'], ['submissions.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_uploads_expires_at'), 'uploads', ['expires_at'])
    op.create_table('calibration_attempts',
    sa.Column('submission_id', sa.String(length=36), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=False),
    sa.Column('scores_json', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], ),
    sa.ForeignKeyConstraint(['submission_id'], ['calibration_items.submission_id'], ),
    sa.PrimaryKeyConstraint('submission_id', 'account_id')
    )
    op.create_table('reviews',
    sa.Column('assignment_id', sa.String(length=36), nullable=False),
    sa.Column('review_id', sa.String(length=36), nullable=False),
    sa.Column('body_json', sa.Text(), nullable=False),
    sa.Column('etag', sa.String(length=70), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assignment_id'], ['assignments.id'], ),
    sa.PrimaryKeyConstraint('assignment_id')
    )


def downgrade() -> None:
    op.drop_table('reviews')
    op.drop_table('calibration_attempts')
    op.drop_index(op.f('ix_uploads_expires_at'), table_name='uploads')
    op.drop_table('uploads')
    op.drop_index(op.f('ix_submission_files_sha256'), table_name='submission_files')
    op.drop_table('submission_files')
    op.drop_table('decisions')
    op.drop_index(op.f('ix_credentials_issued_at'), table_name='credentials')
    op.drop_index(op.f('ix_credentials_earner_id'), table_name='credentials')
    op.drop_table('credentials')
    op.drop_index(op.f('ix_calibration_items_achievement_id'), table_name='calibration_items')
    op.drop_table('calibration_items')
    op.drop_index(op.f('ix_assignments_submission_id'), table_name='assignments')
    op.drop_index(op.f('ix_assignments_assessor_id'), table_name='assignments')
    op.drop_table('assignments')
    op.drop_index(op.f('ix_tokens_account_id'), table_name='tokens')
    op.drop_table('tokens')
    op.drop_index(op.f('ix_submissions_earner_id'), table_name='submissions')
    op.drop_table('submissions')
    op.drop_index(op.f('ix_stack_credentials_issued_at'), table_name='stack_credentials')
    op.drop_index(op.f('ix_stack_credentials_earner_id'), table_name='stack_credentials')
    op.drop_table('stack_credentials')
    op.drop_table('releases')
    op.drop_table('pool_members')
    op.drop_table('account_roles')
    op.drop_table('pool_settings')
    op.drop_table('meta')
    op.drop_table('catalog_files')
    op.drop_table('achievements')
    op.drop_index(op.f('ix_accounts_name'), table_name='accounts')
    op.drop_table('accounts')
