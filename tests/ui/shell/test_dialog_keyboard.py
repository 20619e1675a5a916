"""The main dialogs by keyboard: Tab reaches every control once, in reading order (top to
bottom, left to right within a line), and each control Tab reaches has a name a screen reader
can say."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from tests.ui.screen_helpers import unnamed_focusable, visible

#: Controls whose tops are this close are on one line.
SAME_LINE = 10


def verify_dialog(_tmp: Path) -> QDialog:
    from mcdesk.ui.shell.verify_dialog import VerifyDialog

    return VerifyDialog(JobRunner())


def server_dialog(_tmp: Path) -> QDialog:
    from mcdesk.ui.sync.page import ServerDialog

    return ServerDialog()


def transcript_dialog(_tmp: Path) -> QDialog:
    from mcdesk.ui.badges.dialogs import TranscriptDialog

    return TranscriptDialog(date(2026, 12, 7), "Riverbend Unified")


def rules_dialog(_tmp: Path) -> QDialog:
    from mcdesk.ui.badges.dialogs import RulesDialog

    return RulesDialog([])


def start_draft_dialog(_tmp: Path) -> QDialog:
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.drafts.dialogs import ChooseMicroCredentialDialog

    workspace = Workspace.open(_tmp / "portfolio", seed_demo=True)
    try:
        entries = workspace.catalog.entries()
    finally:
        workspace.close()
    assert entries
    return ChooseMicroCredentialDialog(entries)


def guide_window(_tmp: Path) -> QDialog:
    from mcdesk.ui.shell.guide_viewer import GuideWindow

    return GuideWindow()


DIALOGS: dict[str, Callable[[Path], QDialog]] = {
    "verify a credential": verify_dialog,
    "add a server": server_dialog,
    "transcript": transcript_dialog,
    "recognition rules": rules_dialog,
    "start a draft": start_draft_dialog,
    "user guide": guide_window,
}


def tab_stops(dialog: QDialog) -> list[QWidget]:
    """The controls real Tab presses land on, from the first, until focus comes round. A
    control that keeps the focus for a few presses is counted once: Tab goes through its own
    parts first (a date's day, month and year; a page's links), as in every Qt app."""
    first = QApplication.focusWidget()
    assert first is not None and dialog.isAncestorOf(first), "nothing in the dialog has focus"
    stops = [first]
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        if now is stops[-1]:
            continue
        if now is first:
            return stops
        stops.append(now)
    raise AssertionError("Tab never came back to where it started: "
                         + ", ".join(type(w).__name__ for w in stops[-8:]))


def reading_order_breaks(dialog: QDialog, stops: list[QWidget]) -> list[str]:
    start = min(range(len(stops)), key=lambda i: (stops[i].mapTo(dialog, QPoint(0, 0)).y(),
                                                 stops[i].mapTo(dialog, QPoint(0, 0)).x()))
    ordered = stops[start:] + stops[:start]
    breaks = []
    for before, after in pairwise(ordered):
        a, b = before.mapTo(dialog, QPoint(0, 0)), after.mapTo(dialog, QPoint(0, 0))
        same_line = abs(a.y() - b.y()) <= SAME_LINE
        # Up again is fine into the next column (a list on the left, its form on the right).
        next_column = b.x() >= a.x() + before.width()
        if (same_line and b.x() < a.x()) or (not same_line and b.y() < a.y()
                                             and not next_column):
            breaks.append(f"{_name(before)} ({a.x()},{a.y()}) → {_name(after)} "
                          f"({b.x()},{b.y()})")
    return breaks


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    label = text() if callable(text) else widget.accessibleName()
    return f"{type(widget).__name__} {label!r}"


@pytest.mark.parametrize("name", list(DIALOGS))
def test_tab_goes_through_a_dialog_in_reading_order(qtbot: QtBot, tmp_path: Path,
                                                    name: str) -> None:
    dialog = DIALOGS[name](tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and dialog.isAncestorOf(QApplication.focusWidget()))
    stops = tab_stops(dialog)
    reachable = [w for w in dialog.findChildren(QWidget)
                 if visible(w) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                 and w.focusProxy() is None]
    missed = [_name(w) for w in reachable if w not in stops
              and not any(w.isAncestorOf(s) or s.isAncestorOf(w) for s in stops)]
    assert not missed, f"Tab never reaches: {missed}"
    assert len(set(stops)) == len(stops)
    breaks = reading_order_breaks(dialog, stops)
    assert not breaks, "Tab jumps back against the reading order:\n" + "\n".join(breaks)
    assert not unnamed_focusable(dialog)
    dialog.close()
