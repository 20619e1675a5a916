"""The crash dialog for unexpected errors, with copyable details; GUI thread."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk import __version__

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return f"mcdesk {__version__}, Python {sys.version.split()[0]}\n\n" + "".join(lines)


class CrashDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("mcdesk hit a problem"))
        layout = QVBoxLayout(self)
        message = QLabel(self.tr(
            "Something unexpected went wrong. Your work is saved: nothing you made was lost.\n"
            "If it happens again, copy the details below and send them to whoever supports "
            "mcdesk for you."))
        message.setWordWrap(True)
        layout.addWidget(message)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.details.toPlainText())


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
