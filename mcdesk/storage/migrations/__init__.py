"""Alembic migrations of the portfolio database; run from code by storage.migrate."""
