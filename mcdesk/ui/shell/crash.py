"""Reports unexpected errors: logs them and shows the crash dialog, one at a time; GUI
thread."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType
from typing import TYPE_CHECKING

from mcdesk import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return f"mcdesk {__version__}, Python {sys.version.split()[0]}\n\n" + "".join(lines)


class CrashReporter:
    """Shows unexpected errors, one dialog at a time, and logs them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent
        self._showing = False

    def report(self, exc: BaseException) -> None:
        log.error("Unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        if self._showing:
            return
        self._showing = True
        try:
            # Made when needed: its Qt classes cost the window's start-up for every launch.
            from mcdesk.ui.shell.crash_dialog import CrashDialog

            CrashDialog(describe(exc), self._parent).exec()
        finally:
            self._showing = False

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self.report(exc.with_traceback(tb))
