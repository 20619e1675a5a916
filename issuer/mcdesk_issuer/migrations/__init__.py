"""Alembic migrations of the issuer's database; run from code by mcdesk_issuer.migrate."""
