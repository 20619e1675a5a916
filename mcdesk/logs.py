"""Sets up mcdesk's log file (rotating, in the user log folder); main thread at start-up."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(folder: Path, *, verbose: bool = False) -> Path | None:
    """Log to folder/mcdesk.log; returns the file, or None when the folder is not writable."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "mcdesk.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
