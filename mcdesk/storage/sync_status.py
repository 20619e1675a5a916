"""How many servers, outbox items (by state) and reviews waiting for a server there are, read
with plain sqlite3: the status bar's line without loading SQLAlchemy or the sync service; any
thread."""

from __future__ import annotations

from mcdesk.core.sync_counts import SyncCounts
from mcdesk.storage.read_connections import ReadConnections


def read_sync_counts(reads: ReadConnections) -> SyncCounts:
    with reads.snapshot() as connection:
        servers = int(connection.execute("SELECT count(*) FROM server_profile").fetchone()[0])
        items = {str(state): int(count) for state, count in connection.execute(
            "SELECT state, count(*) FROM outbox_item GROUP BY state")}
        reviews = {str(state): int(count) for state, count in connection.execute(
            "SELECT state, count(*) FROM review WHERE server IS NOT NULL AND server != '' "
            "GROUP BY state")}
    return SyncCounts(servers, items, reviews)
