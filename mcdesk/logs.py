"""Sets up mcdesk's log file (rotating, in the user log folder); main thread at start-up."""

from __future__ import annotations

import logging
import os
from pathlib import Path

MAX_BYTES = 2_000_000
BACKUPS = 3


class RotatingLog(logging.FileHandler):
    """The log file, moved aside to .1 (.1 to .2, and so on, the oldest dropped) before a
    record would take it past `max_bytes`. logging.handlers has the same; importing it (with
    socket and pickle for its network handlers) was a noticeable part of opening the window."""

    def __init__(self, path: Path, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        if backups < 1:
            raise ValueError("a rotating log keeps at least one old file")
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._needs_rollover(record):
                self._roll_over()
        except Exception:  # logging must never raise into the caller
            self.handleError(record)
            return
        super().emit(record)

    def _needs_rollover(self, record: logging.LogRecord) -> bool:
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None or self.stream.closed:  # closed: a roll-over failed half-way
            self.stream = self._open()
        end = self.stream.seek(0, os.SEEK_END)  # another process may have written too
        line = f"{self.format(record)}{self.terminator}".encode("utf-8", "replace")
        return end > 0 and end + len(line) > self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{number}"):
                os.replace(f"{base}.{number}", f"{base}.{number + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()


def setup_logging(folder: Path, *, verbose: bool = False) -> Path | None:
    """Log to folder/mcdesk.log; returns the file, or None when the folder is not writable."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "mcdesk.log"
        handler = RotatingLog(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
