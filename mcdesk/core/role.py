"""What a person does with a portfolio (earner, coach, assessor, staff), apart from
core.reviews so the window's shell reads it without loading reviews; any thread."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a person does with this portfolio; it remembers the roles it was used in."""

    EARNER = "earner"
    COACH = "coach"
    ASSESSOR = "assessor"
    STAFF = "staff"  # the issuer's staff: decide submissions, look after assessors
