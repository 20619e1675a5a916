"""A new demo portfolio draws its sample evidence off the writer lane: what a teacher does in
the first seconds (drop a catalog, check the portfolio) does not wait for the sample video."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.services import demo_evidence
from mcdesk.services.evidence import AddReport
from mcdesk.ui.shell.main_window import MainWindow
from tests.ui.catalog.test_ui_catalog import _new_version, drop_files, names, open_window

WAIT = 10_000


class HeldDraw:
    """The real sample drawing, held until released: the slow laptop, made on purpose."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.folders: list[Path] = []
        real = demo_evidence.draw_demo_evidence

        def held(folder: Path) -> list[Path]:
            self.folders.append(folder)
            self.started.set()
            self.release.wait(30)
            return real(folder)

        monkeypatch.setattr(demo_evidence, "draw_demo_evidence", held)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldDraw]:
    draw = HeldDraw(monkeypatch)
    yield draw
    draw.release.set()


def open_while_drawing(qtbot: QtBot, folder: Path, held: HeldDraw) -> MainWindow:
    """A new demo portfolio's window, its sample evidence being drawn (and held)."""
    window = open_window(qtbot, folder)
    qtbot.waitUntil(held.started.is_set, timeout=WAIT)
    return window


def test_a_catalog_dropped_while_the_samples_are_drawn_is_imported_at_once(
    qtbot: QtBot, tmp_path: Path, held: HeldDraw
) -> None:
    window = open_while_drawing(qtbot, tmp_path / "portfolio", held)
    drop_files(window.catalog_page, [_new_version(tmp_path)])
    revised = "Checking for Understanding with Exit Tickets (revised)"
    qtbot.waitUntil(lambda: revised in names(window), timeout=WAIT)
    assert not held.release.is_set()  # imported while the samples were still being drawn

    with qtbot.waitSignal(window.demo_content_ready, timeout=60_000) as ready:
        held.release.set()
    report = ready.args[0]
    assert isinstance(report, AddReport), report
    assert report.ok and len(report.results) == 4
    # The drawn files were copied into the portfolio; their scratch folder is gone.
    assert held.folders and not held.folders[0].exists()
    window.close()


def test_the_check_does_not_wait_for_the_samples(
    qtbot: QtBot, tmp_path: Path, held: HeldDraw
) -> None:
    window = open_while_drawing(qtbot, tmp_path / "portfolio", held)
    window.check_action.trigger()
    dialog = window.check_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=WAIT)
    assert not held.release.is_set()
    dialog.close()
    with qtbot.waitSignal(window.demo_content_ready, timeout=60_000):
        held.release.set()
    window.close()


def test_closing_the_window_while_the_samples_are_drawn_leaves_nothing_behind(
    qtbot: QtBot, tmp_path: Path, held: HeldDraw
) -> None:
    window = open_while_drawing(qtbot, tmp_path / "portfolio", held)
    held.release.set()
    window.close()  # the drawing ends during the runner's shutdown; adding it must not start
    qtbot.waitUntil(lambda: not held.folders[0].exists(), timeout=WAIT)
    assert window.runner.is_shut_down
