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


def role_or_coach(stored: str) -> Role:
    """A role as stored with who captured or wrote something; one this version does not know
    (written by a newer one, say) reads as a coach's."""
    try:
        return Role(stored)
    except ValueError:
        return Role.COACH
