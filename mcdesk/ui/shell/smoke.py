"""`mcdesk --smoke-test`: watches the window open its portfolio (and make a new portfolio's
sample evidence in the media workers), then quits with 0, or with 1 and the reason; GUI thread.

Installers and CI run it to see that an installed or frozen app really works end to end."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from mcdesk.ui.shell.main_window import MainWindow

# Long enough for a slow machine to make the sample video in a fresh media worker.
TIMEOUT_MS = 180_000
POLL_MS = 200


class SmokeTest(QObject):
    """Ends the application once the window shows an open portfolio (success) or its error
    page (failure), or when nothing happened within TIMEOUT_MS."""

    def __init__(self, window: MainWindow, app: QApplication) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        self.finished = False
        self.entries = 0
        self.demo: object = None
        self.waiting_for_demo = False
        window.workspace_ready.connect(self._workspace_ready)
        window.demo_content_ready.connect(self._demo_ready)
        window.catalog_page.entries_shown.connect(self._entries_shown)
        self.poll = QTimer(self)
        self.poll.timeout.connect(self._check)
        self.poll.start(POLL_MS)
        QTimer.singleShot(TIMEOUT_MS, lambda: self._fail(
            f"nothing opened within {TIMEOUT_MS // 1000} s"))

    def _workspace_ready(self) -> None:
        workspace = self.window.workspace
        self.waiting_for_demo = bool(workspace is not None and workspace.seeded_demo)

    def _entries_shown(self, count: int) -> None:
        self.entries = max(self.entries, count)

    def _demo_ready(self, result: object) -> None:
        self.demo = result
        self.waiting_for_demo = False

    def _check(self) -> None:
        if self.finished:
            return
        if self.window.body.currentIndex() == 1:
            self._fail("the portfolio did not open: " + self.window.error_text.text())
            return
        workspace = self.window.workspace
        if workspace is None or self.waiting_for_demo or not self.entries:
            return
        if isinstance(self.demo, BaseException):
            self._fail(f"the sample evidence could not be made: {self.demo}")
            return
        failed = [f"{r.path}: {r.error}" for r in getattr(self.demo, "results", ())
                  if getattr(r, "error", None)]
        if failed:
            self._fail("sample evidence failed in the media workers: " + "; ".join(failed))
            return
        self.window.repaint()
        added = len(getattr(self.demo, "results", ()))
        print(f"mcdesk smoke test: portfolio {workspace.root} open, the catalog shows "
              f"{self.entries} micro-credentials, {added} sample files added", flush=True)
        self._finish(0)

    def _fail(self, reason: str) -> None:
        if not self.finished:
            sys.stderr.write(f"mcdesk smoke test failed: {reason}\n")
            self._finish(1)

    def _finish(self, code: int) -> None:
        self.finished = True
        self.poll.stop()
        self.window.close()
        self.app.exit(code)
