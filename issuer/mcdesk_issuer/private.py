"""Keeping the data folder to the account that runs the server: the folder and its
sub-folders 0700, the SQLite database and its journal files 0600, and a process umask of 077
so every file the server makes later is private too; main thread, at start."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

PRIVATE_UMASK = 0o077
FOLDER_MODE = 0o700
FILE_MODE = 0o600
_SUBFOLDERS = ("blobs", "uploads", "bags")
_SQLITE_PREFIX = "sqlite:///"


def restrict_umask() -> None:
    """Files and folders the process creates from now on are its owner's alone."""
    os.umask(PRIVATE_UMASK)


def sqlite_file(url: str) -> Path | None:
    """The database file of an SQLite URL (None for other engines and in-memory ones)."""
    if not url.startswith(_SQLITE_PREFIX):
        return None
    path = url.removeprefix(_SQLITE_PREFIX).split("?", 1)[0]
    return None if not path or path == ":memory:" else Path(path)


def make_private(data: Path, database: Path | None) -> None:
    """Create `data` 0700 (tightening an older, wider one) and the SQLite file 0600 before the
    database engine opens it, so its -wal and -shm files, which SQLite makes with the
    database's own mode, are private too."""
    data.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if os.name != "posix":  # other systems keep their own access lists
        return
    os.chmod(data, FOLDER_MODE)
    for name in _SUBFOLDERS:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(data / name, FOLDER_MODE)
    if database is None:
        return
    database.parent.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    os.close(os.open(database, os.O_WRONLY | os.O_CREAT, FILE_MODE))
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(f"{database}{suffix}", FILE_MODE)
