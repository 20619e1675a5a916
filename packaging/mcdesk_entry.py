"""The frozen app's entry point (PyInstaller runs this as `mcdesk`): lets spawned media workers
start as workers, then runs the launcher; main thread."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen app has no interpreter to spawn: the media workers (mcdesk.media.isolation,
    # "spawn" context) re-run this executable with multiprocessing's own arguments, and this
    # call turns such a start into the worker instead of a second window.
    multiprocessing.freeze_support()
    from mcdesk.launcher import main

    sys.exit(main())
