"""Where mcdesk keeps things by default (portfolio, logs); cheap to import; any thread."""

from __future__ import annotations

from pathlib import Path

import platformdirs


def default_portfolio_dir() -> Path:
    return platformdirs.user_data_path("mcdesk", appauthor=False) / "portfolio"


def log_dir() -> Path:
    return platformdirs.user_log_path("mcdesk", appauthor=False)


def config_dir() -> Path:
    """The user's own settings folder for mcdesk (never inside a portfolio)."""
    return platformdirs.user_config_path("mcdesk", appauthor=False)
