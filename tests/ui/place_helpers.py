"""A place on its own for a test (its own job runner, at a given size, let go of its portfolio
and its runner after), and the lines a list shows."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.widgets.place import Place

P = TypeVar("P", bound=Place)


def place_alone(qtbot: QtBot, place_class: type[P], width: int, height: int) -> Iterator[P]:
    """For a fixture: `yield from place_alone(qtbot, DraftsPage, 1100, 700)`."""
    runner = JobRunner()
    made = place_class(runner)
    qtbot.addWidget(made)
    made.resize(width, height)
    yield made
    made.set_workspace(None)
    runner.shutdown(wait=True)


def shown_first_lines(widget: QListWidget) -> list[str]:
    """The first line of each item the list shows (a search hides the others)."""
    return [widget.item(r).text().split("\n")[0] for r in range(widget.count())
            if not widget.item(r).isHidden()]
