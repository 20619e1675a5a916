"""`python -m mcdesk`: same as the `mcdesk` command; main thread."""

import sys

from mcdesk.launcher import main

sys.exit(main())
