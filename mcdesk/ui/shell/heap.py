"""Tells the garbage collector to leave alone what the window's start made: it lives as long
as the window; GUI thread, once per process."""

from __future__ import annotations

import gc


def freeze_settled_heap() -> bool:
    """Put every object alive now beyond the cyclic collector's reach, the first time only;
    whether it did so now.

    A full collection walks every tracked object. With the start's heap (Qt wrappers,
    SQLAlchemy's mappers, the catalog) one took 45-70 ms, and it runs on whichever thread
    allocated at the time, say a worker building a job's rows, while the GUI thread waits
    for the interpreter: scrolling or typing stalled that long. Frozen, that heap is never
    walked again; what is made later is collected as before. Cyclic garbage alive at this
    moment is never freed: a start's worth at most, since this runs once."""
    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True
