"""The list/detail splitter every place uses: a list on the left, what is chosen on the right,
neither side collapsible; GUI thread."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter, QWidget


def list_detail_splitter(left: QWidget, right: QWidget, *, sizes: tuple[int, int],
                         stretch: tuple[int, int], collapsible: bool = False) -> QSplitter:
    """`sizes` are the starting widths in pixels; `stretch` how extra width is shared."""
    splitter = QSplitter()
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(collapsible)
    return splitter
