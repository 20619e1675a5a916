"""The counts behind the status bar's sync line, apart from the rest of core.sync so that a
portfolio opens without loading it; any thread."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SyncCounts:
    """How many servers, outbox items (by state value) and reviews waiting for a server (by
    state value) the portfolio holds: enough for the status bar's line."""

    servers: int
    items: dict[str, int] = field(default_factory=dict)
    reviews: dict[str, int] = field(default_factory=dict)
