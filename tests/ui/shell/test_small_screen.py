"""Every place on the common school laptop (1366x768) and on the same screen at 150 % scaling:
no button's label is cut, no place is squeezed below the size it needs, and in a review the
video takes most of the width."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from tests.ui.screen_helpers import (
    LAPTOP,
    LAPTOP_150,
    choose_review_video,
    every_place,
    full_portfolio,
    open_window,
    truncated_buttons,
)

#: At 1366x768 the review's video gets at least this share of the window's width.
VIDEO_SHARE = 0.5


@pytest.fixture(scope="module")
def portfolio_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return full_portfolio(tmp_path_factory.mktemp("screen") / "portfolio")


@pytest.mark.parametrize("size", [LAPTOP, LAPTOP_150], ids=["1366x768", "150-percent"])
def test_no_button_label_is_cut_in_any_place(qtbot: QtBot, portfolio_root: Path,
                                             size: QSize) -> None:
    window = open_window(qtbot, portfolio_root, size)
    problems: list[str] = []
    seen = []
    try:
        assert window.size() == size
        for where in every_place(qtbot, window):
            seen.append(where)
            problems += [f"{where}: {text}" for text in truncated_buttons(window)]
            page = window.pages.currentWidget()
            needed = page.minimumSizeHint().width()
            if needed > page.width():
                problems.append(f"{where}: the place needs {needed} px wide, has "
                                f"{page.width()} px (its controls overlap)")
            high = page.minimumSizeHint().height()
            if high > page.height():
                problems.append(f"{where}: the place needs {high} px high, has "
                                f"{page.height()} px (its controls overlap)")
    finally:
        window.close()
    assert len(seen) >= 15 + 4  # every role's places, and four kinds of piece in a review
    assert not problems, "\n".join(problems)


def test_the_review_video_takes_most_of_a_laptops_width(qtbot: QtBot,
                                                        portfolio_root: Path) -> None:
    window = open_window(qtbot, portfolio_root, LAPTOP)
    try:
        video = choose_review_video(qtbot, window)
        assert video.isVisible()
        # The picture keeps its shape (16:9 here): on a wide, short screen its height is
        # what limits how wide it is drawn.
        picture = min(video.width(), video.height() * 16 // 9)
        share = picture / window.width()
        assert share >= VIDEO_SHARE, (
            f"the video is drawn {picture} px wide in a {window.width()} px window "
            f"({share:.0%}; its widget is {video.width()}x{video.height()})")
    finally:
        window.close()
