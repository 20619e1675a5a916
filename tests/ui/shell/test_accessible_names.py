"""Keyboard and screen reader: in every place of every role (and each kind of piece in a
review), every control Tab reaches has a name a screen reader can say (the rule is
`screen_helpers.accessible_name`), and no text box keeps Tab for itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.screen_helpers import (
    LAPTOP,
    every_place,
    full_portfolio,
    open_window,
    tab_traps,
    unnamed_focusable,
)


@pytest.fixture(scope="module")
def portfolio_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return full_portfolio(tmp_path_factory.mktemp("names") / "portfolio")


def test_every_control_tab_reaches_has_a_name_and_lets_tab_go_on(
        qtbot: QtBot, portfolio_root: Path) -> None:
    window = open_window(qtbot, portfolio_root, LAPTOP)
    problems: list[str] = []
    places = 0
    try:
        for where in every_place(qtbot, window):
            places += 1
            problems += [f"{where}: {what}" for what in unnamed_focusable(window)]
            problems += [f"{where}: {what}" for what in tab_traps(window)]
    finally:
        window.close()
    assert places >= 19
    assert not problems, "\n".join(sorted(set(problems)))
