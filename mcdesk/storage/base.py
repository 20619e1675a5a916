"""The declarative base every table of the portfolio is declared on; imported by storage
only; any thread."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
