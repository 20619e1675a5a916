"""`python -m mcdesk`: same as the `mcdesk` command; main thread."""

import sys

from mcdesk.launcher import main

# The usual guard: nothing runs when another module (or a spawned worker) imports this one.
if __name__ == "__main__":
    sys.exit(main())
