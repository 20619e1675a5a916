"""Consistent copies of the portfolio database into backups/, and their rotation; worker thread."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mcdesk.storage.db import readonly_uri

BACKUP_PREFIX = "mcdesk-"
BACKUP_SUFFIX = ".sqlite3"


def backup_database(db_path: Path, backups_dir: Path, reason: str) -> Path:
    """Copy the live database (WAL included) to a new file in `backups_dir` and return it."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"{BACKUP_PREFIX}{stamp}-{reason}{BACKUP_SUFFIX}"
    partial = target.with_name(target.name + ".part")
    source = sqlite3.connect(readonly_uri(db_path), uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
        with open(partial, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    return target


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backups_dir.is_dir():
        return []
    found = [
        p for p in backups_dir.iterdir()
        if p.name.startswith(BACKUP_PREFIX) and p.name.endswith(BACKUP_SUFFIX)
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def backup_if_due(
    db_path: Path, backups_dir: Path, *, every: timedelta = timedelta(days=1), keep: int = 10
) -> Path | None:
    """Make the scheduled backup when the newest one is older than `every`; keep the last few
    scheduled ones (backups made before migrations are never rotated away)."""
    scheduled = [p for p in list_backups(backups_dir) if p.name.endswith(f"-daily{BACKUP_SUFFIX}")]
    if scheduled:
        newest = datetime.fromtimestamp(scheduled[0].stat().st_mtime, UTC)
        if datetime.now(UTC) - newest < every:
            return None
    made = backup_database(db_path, backups_dir, "daily")
    for old in [made, *scheduled][keep:]:
        old.unlink(missing_ok=True)
    return made


def restore_backup(db_path: Path, backup: Path, trash_dir: Path) -> Path:
    """Put `backup` in place of the database. The database it replaces (with its WAL files) is
    moved to the trash, never deleted; returns the folder it went to."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    kept = trash_dir / f"{stamp}-replaced-database"
    kept.mkdir(parents=True)
    for suffix in ("", "-wal", "-shm"):
        current = db_path.with_name(db_path.name + suffix)
        if current.exists():
            os.replace(current, kept / current.name)
    partial = db_path.with_name(db_path.name + ".part")
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    os.replace(partial, db_path)
    return kept
