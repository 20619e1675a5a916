"""`python -m mcdesk_issuer`: the same as the `mcdesk-issuer` command."""

from __future__ import annotations

import sys

from mcdesk_issuer.cli import main

sys.exit(main())
