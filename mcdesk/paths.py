"""Where mcdesk keeps things by default (portfolio, logs); cheap to import; any thread."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "mcdesk"


def _xdg(variable: str, under_home: str) -> Path | None:
    """On Linux, the XDG base folder `variable` names, else `under_home` in an absolute HOME;
    None elsewhere or when neither is usable (platformdirs then decides). Importing
    platformdirs (with tempfile, shutil and random) was a noticeable part of opening the
    window, for three folder names the XDG rules give directly."""
    if not sys.platform.startswith("linux"):
        return None
    value = os.environ.get(variable, "")
    if os.path.isabs(value):
        return Path(value)
    home = os.environ.get("HOME", "")
    return Path(home, under_home) if os.path.isabs(home) else None


def default_portfolio_dir() -> Path:
    base = _xdg("XDG_DATA_HOME", ".local/share")
    if base is not None:
        return base / APP / "portfolio"
    import platformdirs

    return platformdirs.user_data_path(APP, appauthor=False) / "portfolio"


def log_dir() -> Path:
    base = _xdg("XDG_STATE_HOME", ".local/state")
    if base is not None:
        return base / APP / "log"
    import platformdirs

    return platformdirs.user_log_path(APP, appauthor=False)


def config_dir() -> Path:
    """The user's own settings folder for mcdesk (never inside a portfolio)."""
    base = _xdg("XDG_CONFIG_HOME", ".config")
    if base is not None:
        return base / APP
    import platformdirs

    return platformdirs.user_config_path(APP, appauthor=False)
