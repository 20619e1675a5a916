"""Scroll bars whose groove and handle are drawn once and then copied: they look as the style
draws them (within a unit of rounding, where the groove's edge lines blend), in both
directions, moved, disabled, hovered and pressed, in other colours and at 150 % scaling; the
groove and the handle are drawn again only when their size, colours or state change; few
pictures are kept; the places' long lists use them, and lists under any other style are left
alone."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QProxyStyle,
    QScrollBar,
    QStyle,
    QStyleOptionSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.scroll_bars import (
    KEPT_GROOVES,
    KEPT_HANDLES,
    KeptGrooveStyle,
    keep_grooves,
)
from mcdesk.ui.widgets.searchable_list import SearchableList

ROWS = 300


def long_list(qtbot: QtBot, *, kept: bool) -> QListWidget:
    view = QListWidget()
    qtbot.addWidget(view)
    view.addItems([f"Row {n} of a long list" * (1 + n % 3) for n in range(ROWS)])
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    if kept:
        keep_grooves(view)
    view.resize(260, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def pair(qtbot: QtBot) -> tuple[QListWidget, QListWidget]:
    return long_list(qtbot, kept=False), long_list(qtbot, kept=True)


def grabbed(view: QListWidget) -> tuple[QImage, QImage]:
    return (view.verticalScrollBar().grab().toImage(),
            view.horizontalScrollBar().grab().toImage())


def largest_difference(one: QImage, other: QImage) -> int:
    assert one.size() == other.size() and not one.isNull()
    one = one.convertToFormat(QImage.Format.Format_ARGB32)
    other = other.convertToFormat(QImage.Format.Format_ARGB32)
    worst = 0
    for y in range(one.height()):
        for x in range(one.width()):
            a, b = QColor(one.pixel(x, y)), QColor(other.pixel(x, y))
            worst = max(worst, abs(a.red() - b.red()), abs(a.green() - b.green()),
                        abs(a.blue() - b.blue()), abs(a.alpha() - b.alpha()))
    return worst


def assert_looks_the_same(plain: QListWidget, kept: QListWidget) -> None:
    for ours, theirs in zip(grabbed(kept), grabbed(plain), strict=True):
        assert largest_difference(ours, theirs) <= 1


def drawings_of(part: QStyle.SubControl,
                monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QStyleOptionSlider]]:
    """Every time the style itself is asked to draw this part of a scroll bar."""
    drawn: list[QStyleOptionSlider] = []
    draw = QProxyStyle.drawComplexControl

    def counting(self: QProxyStyle, control: QStyle.ComplexControl, option: object,
                 *args: object) -> None:
        if (control == QStyle.ComplexControl.CC_ScrollBar
                and isinstance(option, QStyleOptionSlider) and option.subControls & part):
            drawn.append(QStyleOptionSlider(option))
        draw(self, control, option, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(QProxyStyle, "drawComplexControl", counting)
    yield drawn


@pytest.fixture
def groove_drawings(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QStyleOptionSlider]]:
    yield from drawings_of(QStyle.SubControl.SC_ScrollBarGroove, monkeypatch)


@pytest.fixture
def handle_drawings(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QStyleOptionSlider]]:
    yield from drawings_of(QStyle.SubControl.SC_ScrollBarSlider, monkeypatch)


def test_the_application_style_is_fusion_here() -> None:
    """What the rest of this file measures against (the style of Linux desktops without
    their own, and of these tests)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.style().name().casefold() == "fusion"


def test_kept_grooves_look_as_the_style_draws_them(
        qtbot: QtBot, pair: tuple[QListWidget, QListWidget]) -> None:
    plain, kept = pair
    assert isinstance(kept.verticalScrollBar().style(), KeptGrooveStyle)
    assert isinstance(kept.horizontalScrollBar().style(), KeptGrooveStyle)
    assert not isinstance(plain.verticalScrollBar().style(), KeptGrooveStyle)
    assert_looks_the_same(plain, kept)
    for view in pair:  # moved: the handle is drawn where it now is, over the same groove
        view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    assert_looks_the_same(plain, kept)
    for view in pair:
        view.setEnabled(False)
    assert_looks_the_same(plain, kept)


def test_a_groove_in_other_colours_is_drawn_in_them(
        qtbot: QtBot, pair: tuple[QListWidget, QListWidget]) -> None:
    plain, kept = pair
    before = grabbed(kept)[0]
    dark = QPalette(QApplication.palette())
    for role, colour in ((QPalette.ColorRole.Button, "#2b2b2b"),
                         (QPalette.ColorRole.Window, "#202020")):
        dark.setColor(role, QColor(colour))
    for view in pair:
        view.setPalette(dark)
    after = grabbed(kept)[0]
    assert largest_difference(before, after) > 100  # the old picture was not reused
    assert_looks_the_same(plain, kept)


def drawn_then_moved(bar: QScrollBar, drawings: list[QStyleOptionSlider]) -> tuple[int, int]:
    """How many drawings the bar's first paint made, and how many there were once it was
    moved five times and painted each time."""
    bar.grab()
    first = len(drawings)
    for step in range(5):
        bar.setValue(step * 10)
        bar.grab()
    return first, len(drawings)


def test_the_groove_is_drawn_again_only_when_it_changes(
        qtbot: QtBot, groove_drawings: list[QStyleOptionSlider]) -> None:
    view = long_list(qtbot, kept=True)
    bar = view.verticalScrollBar()
    style = bar.style()
    assert isinstance(style, KeptGrooveStyle)
    style._grooves.clear()  # the style serves every list: forget what earlier tests drew
    first, after_moving = drawn_then_moved(bar, groove_drawings)
    assert first == 1
    assert after_moving == first  # moving the handle draws no groove
    view.resize(260, 300)
    qtbot.waitUntil(lambda: bar.height() < 400)
    bar.grab()
    assert len(groove_drawings) == first + 1
    assert groove_drawings[-1].rect.height() == bar.height()
    assert groove_drawings[-1].rect.topLeft().isNull()  # drawn at the picture's corner


def test_only_a_few_pictures_are_kept(qtbot: QtBot) -> None:
    view = long_list(qtbot, kept=True)
    style = view.verticalScrollBar().style()
    assert isinstance(style, KeptGrooveStyle)
    style._grooves.clear()
    for height in range(200, 200 + 3 * KEPT_GROOVES):
        view.resize(260, height)
        view.verticalScrollBar().resize(view.verticalScrollBar().width(), height)
        view.verticalScrollBar().grab()
    assert len(style._grooves) == KEPT_GROOVES


def drawn_by(style: QStyle, option: QStyleOptionSlider, bar: QWidget) -> QImage:
    picture = QImage(bar.size(), QImage.Format.Format_ARGB32_Premultiplied)
    picture.fill(bar.palette().window().color())  # as under the bar in a window
    painter = QPainter(picture)
    style.drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, bar)
    painter.end()
    return picture


@pytest.mark.parametrize("pressed", [False, True], ids=["hovered", "pressed"])
def test_a_handle_under_the_pointer_looks_as_the_style_draws_it(
        qtbot: QtBot, pressed: bool) -> None:
    """Hovered and pressed handles are kept apart from the resting one, and each looks as
    Fusion draws it."""
    view = long_list(qtbot, kept=True)
    for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
        bar.setValue(bar.maximum() // 3)
        kept = bar.style()
        assert isinstance(kept, KeptGrooveStyle)
        option = QStyleOptionSlider()
        bar.initStyleOption(option)
        option.subControls = QStyle.SubControl.SC_All  # as the bar's own paint asks
        resting = drawn_by(kept, option, bar)
        option.activeSubControls = QStyle.SubControl.SC_ScrollBarSlider
        option.state |= QStyle.StateFlag.State_MouseOver
        if pressed:
            option.state |= QStyle.StateFlag.State_Sunken
        ours = drawn_by(kept, option, bar)
        assert largest_difference(ours, drawn_by(QApplication.style(), option, bar)) <= 1
        assert largest_difference(ours, resting) > 2  # not the resting handle's picture


def test_the_handle_is_drawn_again_only_when_its_size_changes(
        qtbot: QtBot, handle_drawings: list[QStyleOptionSlider]) -> None:
    """Scrolling moves the same picture; a longer list (a shorter handle) draws it anew."""
    view = QListWidget()
    qtbot.addWidget(view)
    view.addItems([f"Row {n}" for n in range(40)])  # a long handle, far from its least
    keep_grooves(view)
    view.resize(260, 420)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    style = bar.style()
    assert isinstance(style, KeptGrooveStyle)
    style._handles.clear()
    first, after_moving = drawn_then_moved(bar, handle_drawings)
    assert first == 1
    assert after_moving == first
    longest = bar.maximum()
    view.addItems([f"Another row {n}" for n in range(40)])
    qtbot.waitUntil(lambda: bar.maximum() > longest)
    bar.grab()
    assert len(handle_drawings) == first + 1
    assert len(style._handles) == 2
    assert len(style._handles) <= KEPT_HANDLES


def test_one_style_serves_every_list(qtbot: QtBot) -> None:
    first, second = long_list(qtbot, kept=True), long_list(qtbot, kept=True)
    assert first.verticalScrollBar().style() is second.verticalScrollBar().style()


def test_a_searchable_list_keeps_its_grooves(qtbot: QtBot) -> None:
    """Drafts, Reviews and Badges list their things in one."""
    widget = SearchableList(QListWidget(), "Search things")
    qtbot.addWidget(widget)
    assert isinstance(widget.list.verticalScrollBar().style(), KeptGrooveStyle)


SCALED = """
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QListWidget
from mcdesk.ui.widgets.scroll_bars import keep_grooves

app = QApplication([])
bars = []
for kept in (False, True):
    view = QListWidget()
    view.addItems([f"Row {n}" for n in range(300)])
    if kept:
        keep_grooves(view)
    view.resize(260, 420)
    view.show()
    app.processEvents()
    bars.append(view.verticalScrollBar().grab())
plain, ours = (bar.toImage() for bar in bars)
worst = max(
    abs(getattr(QColor(plain.pixel(x, y)), part)() - getattr(QColor(ours.pixel(x, y)), part)())
    for y in range(plain.height()) for x in range(plain.width())
    for part in ("red", "green", "blue"))
print(bars[0].devicePixelRatio(), bars[1].devicePixelRatio(), plain.size() == ours.size(), worst)
"""


def test_kept_grooves_are_sharp_at_150_percent(tmp_path: Path) -> None:
    """At 150 % scaling the picture is drawn at the screen's pixels, not stretched."""
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCALED], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=True)
    plain_ratio, kept_ratio, same_size, worst = done.stdout.split()
    assert float(plain_ratio) == float(kept_ratio) == 1.5
    assert same_size == "True"
    assert int(worst) <= 1


OTHER_STYLE = """
from PySide6.QtWidgets import QApplication, QListWidget
from mcdesk.ui.widgets.scroll_bars import KeptGrooveStyle, keep_grooves

app = QApplication([])
view = QListWidget()
keep_grooves(view)
print(app.style().name(), isinstance(view.verticalScrollBar().style(), KeptGrooveStyle),
      view.verticalScrollBar().style() is app.style())
"""


def test_other_styles_keep_their_own_scroll_bars(tmp_path: Path) -> None:
    """Only Fusion draws its groove apart from the rest of the bar: under another style (the
    Windows ones, macOS, a desktop's own) the lists are left as the style makes them."""
    env = {**os.environ, "QT_STYLE_OVERRIDE": "windows", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", OTHER_STYLE], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["windows", "False", "True"], done.stdout
