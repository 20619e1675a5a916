"""The error a credential that cannot be read or trusted raises, with the reason in words; any
thread."""

from __future__ import annotations


class CredentialError(ValueError):
    """A credential that cannot be read or does not verify; the message says why in words."""
