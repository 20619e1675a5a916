"""A place on its own for a test (its own job runner, at a given size, let go of its portfolio
and its runner after), the lines a list shows, and when a list's rows were first painted
against when the place started its next work."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent, QObject
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


class FirstRowsPainted(QObject):
    """Writes "rows painted" into `events` when the list's viewport is first painted with
    rows in it (the paint comes from the event loop, as in the window)."""

    def __init__(self, view: QListWidget, events: list[str]) -> None:
        super().__init__(view)
        self._view = view
        self._events = events
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Paint and self._view.count()
                and "rows painted" not in self._events):
            self._events.append("rows painted")
        return False


def note_when_called(monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
                     events: list[str]) -> None:
    """Write `name` into `events` each time the place calls `module.name`."""
    called: Callable[..., Any] = getattr(module, name)

    def noting(*args: Any, **kwargs: Any) -> Any:
        events.append(name)
        return called(*args, **kwargs)

    monkeypatch.setattr(module, name, noting)


def answer_late(monkeypatch: pytest.MonkeyPatch, reader: Any, name: str,
                seconds: float = 0.3) -> None:
    """Make `reader.name` (a first screenful's read, on a worker) answer after `seconds`: the
    place has painted everything it had by then and waits, as in the window on a first
    visit (an answer that comes while a paint is still asked for meets that request)."""
    read: Callable[..., Any] = getattr(reader, name)

    def slowly(*args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return read(*args, **kwargs)

    monkeypatch.setattr(reader, name, slowly)


def first_visit_events(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, page: Place,
                       workspace: Any, done: Any, watched: list[tuple[Any, str]],
                       timeout: int) -> list[str]:
    """A first visit to `page`, on screen before it gets its portfolio (its first rows then
    come with a paint of their own, as in the window), until its `done` signal: in order,
    "rows painted" and the name of each `watched` (module or object, name) called."""
    events: list[str] = []
    FirstRowsPainted(page.list, events)  # type: ignore[attr-defined]
    for owner, name in watched:
        note_when_called(monkeypatch, owner, name, events)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(done, timeout=timeout):
        page.set_workspace(workspace)
    return events
