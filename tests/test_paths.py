"""mcdesk's default folders are the ones platformdirs gives, whatever the XDG variables and
HOME say (mcdesk reads the XDG rules itself on Linux, so as not to import platformdirs at
start-up)."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from mcdesk import paths

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG rules: Linux")

CASES = [
    {},
    {"XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/state", "XDG_CONFIG_HOME": "/conf"},
    {"XDG_DATA_HOME": "", "XDG_STATE_HOME": "", "XDG_CONFIG_HOME": ""},
    {"XDG_DATA_HOME": "relative/data", "XDG_STATE_HOME": "  ", "XDG_CONFIG_HOME": "~/conf"},
    {"HOME": "relative-home"},
    {"HOME": ""},
]


@pytest.mark.parametrize("env", CASES, ids=[str(i) for i in range(len(CASES))])
def test_the_default_folders_are_platformdirs_own(env: dict[str, str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    try:
        expected = (platformdirs.user_data_path("mcdesk", appauthor=False) / "portfolio",
                    platformdirs.user_log_path("mcdesk", appauthor=False),
                    platformdirs.user_config_path("mcdesk", appauthor=False))
    except RuntimeError:  # no usable home: both must refuse alike
        with pytest.raises(RuntimeError):
            paths.default_portfolio_dir()
        return
    assert (paths.default_portfolio_dir(), paths.log_dir(), paths.config_dir()) == expected
