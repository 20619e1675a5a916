"""The sidebar's icons are drawn when asked for, at the size and resolution asked, in their
own colours or, selected, in the selection's text colour; a disabled one is greyed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from mcdesk.ui.widgets.icons import LINE_COLOUR, _SelectableEngine, selectable_icon


def colours(image: QImage) -> set[str]:
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255}


def test_an_icon_is_drawn_at_the_size_and_resolution_asked(qtbot: QtBot) -> None:
    icon = selectable_icon("catalog", QColor(Qt.GlobalColor.white))
    engine_sizes = {(22, 1.0), (22, 2.0), (31, 1.5)}
    for size, scale in engine_sizes:
        pixmap = icon.pixmap(QSize(size, size), scale)
        assert pixmap.devicePixelRatio() == scale
        assert pixmap.width() == int(size * scale + 0.5)  # as Qt rounds a scaled size
        assert LINE_COLOUR in colours(pixmap.toImage())
    selected = icon.pixmap(QSize(44, 44), 1.0, QIcon.Mode.Selected).toImage()
    assert "#ffffff" in colours(selected)
    assert LINE_COLOUR not in colours(selected)


def test_nothing_is_drawn_before_it_is_asked_for(qtbot: QtBot) -> None:
    engine = _SelectableEngine(b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height="
                               b"'10'><rect width='10' height='10' fill='#4a7fbf'/></svg>",
                               b"<svg xmlns='http://www.w3.org/2000/svg' width='10' height="
                               b"'10'><rect width='10' height='10' fill='#ffffff'/></svg>")
    assert engine._drawn == {}
    first = engine.pixmap(QSize(16, 16), QIcon.Mode.Normal, QIcon.State.Off)
    again = engine.pixmap(QSize(16, 16), QIcon.Mode.Normal, QIcon.State.Off)
    assert first.cacheKey() == again.cacheKey()  # drawn once
    assert list(engine._drawn) == [(16, 16, False)]
    disabled = engine.pixmap(QSize(16, 16), QIcon.Mode.Disabled, QIcon.State.Off).toImage()
    assert disabled.pixelColor(8, 8).name() != "#4a7fbf"  # greyed
    twin = engine.clone()
    assert twin.pixmap(QSize(8, 8), QIcon.Mode.Selected, QIcon.State.Off).toImage() \
        .pixelColor(4, 4).name() == "#ffffff"
