"""Alembic environment: runs on the connection storage.migrate hands over; worker thread."""

from __future__ import annotations

from typing import Any

from alembic import context

from mcdesk.storage.base import Base
from mcdesk.storage.models import FTS_TABLES  # importing it declares every table on Base


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    # FTS5 tables and their shadow tables are created by hand in migrations.
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLES))


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
