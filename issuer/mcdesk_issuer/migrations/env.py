"""Alembic environment: runs on the connection (already in its transaction, holding the
migration lock) that mcdesk_issuer.migrate hands over; the thread that opens the database."""

from __future__ import annotations

from alembic import context

from mcdesk_issuer.db import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables by copying them; PostgreSQL alters them in place.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
