"""When a portfolio cannot be opened: find its last backup and put it in place, keeping the
database it replaces; worker thread."""

from __future__ import annotations

from pathlib import Path

from mcdesk.core.errors import PortfolioError
from mcdesk.storage.backup import list_backups, restore_backup
from mcdesk.storage.portfolio import PortfolioLayout


def last_backup(root: Path) -> Path | None:
    backups = list_backups(PortfolioLayout(root).backups_dir)
    return backups[0] if backups else None


def restore_last_backup(root: Path) -> tuple[Path, Path]:
    """Use the newest backup as the database; returns (the backup used, where the replaced
    database was kept)."""
    layout = PortfolioLayout(root)
    backup = last_backup(root)
    if backup is None:
        raise PortfolioError("there is no backup of this portfolio to go back to",
                             path=layout.backups_dir)
    return backup, restore_backup(layout.db_path, backup, layout.trash_dir)
