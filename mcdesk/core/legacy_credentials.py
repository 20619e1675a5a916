"""Where sync kept pulled credentials before they had a store of their own, apart from
core.credentials so that opening a portfolio can look for that folder cheaply; any thread."""

from __future__ import annotations

# The folder (with an index.json listing the files), and the portfolio fact saying its
# credentials were adopted.
LEGACY_DIR = "credentials"
LEGACY_INDEX = "index.json"
LEGACY_DONE_KEY = "credentials_folder_imported"
