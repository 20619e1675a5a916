"""Errors a user can act on, each naming the file or thing and the problem; any thread."""

from __future__ import annotations

from pathlib import Path


class McdeskError(Exception):
    """A problem the user can understand and fix; shown as a notice, never as a crash."""

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.detail = message
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)


class NotFoundError(McdeskError):
    """A thing the user named (a micro-credential, a file) does not exist."""


class CatalogImportError(McdeskError):
    """A catalog file was refused whole; nothing from it was stored."""


class PortfolioError(McdeskError):
    """The portfolio folder cannot be opened or used as it is."""


class NewerPortfolioError(PortfolioError):
    """The portfolio was written by a newer mcdesk; it is left untouched."""


class DamagedDatabaseError(PortfolioError):
    """The database file cannot be read; it is left exactly as it is, and a backup offered."""


class MigrationFailedError(PortfolioError):
    """Upgrading the portfolio failed; the database is untouched or restorable from a backup."""

    def __init__(self, message: str, *, path: Path | str | None, backup: Path | None) -> None:
        super().__init__(message, path=path)
        self.backup = backup


class StorageFullError(McdeskError):
    """The disk holding the portfolio is full; what was being written was discarded."""


class MediaError(McdeskError):
    """A media file could not be read or made: truncated, corrupt, encrypted, too large."""
