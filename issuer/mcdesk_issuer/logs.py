"""Structured logs: one JSON object per line (time, level, logger, message and the request's
fields), with anything that looks like a bearer token masked; any thread."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

#: Our tokens (mci_…), and any Authorization value that slipped into a message.
_SECRET = re.compile(r"mci_[A-Za-z0-9_\-]{8,}|(?i:bearer)\s+[A-Za-z0-9._~+/\-]+=*")
#: Attributes every LogRecord has; anything else was passed with `extra=` and is a field
#: (uvicorn's color_message is the message again, with terminal colours).
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime", "color_message"}


def mask(text: str) -> str:
    return _SECRET.sub("[secret]", text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": mask(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = mask(value) if isinstance(value, str) else value
        if record.exc_info:
            entry["exception"] = mask(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(level: str, fmt: str) -> None:
    """The root logger to stderr, as JSON lines (`fmt` "json") or plain text ("text")."""
    handler = logging.StreamHandler()
    if fmt == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Alembic says at info level how it sets itself up; what it migrated, we say.
    logging.getLogger("alembic").setLevel(max(root.level, logging.WARNING))
