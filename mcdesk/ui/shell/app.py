"""Starts the GUI: the application, the job runner, the window, then opens the portfolio in the
background; main (GUI) thread.

The window shows before services and storage are imported: the job opening the portfolio
imports them on its worker thread."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mcdesk import __version__
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.shell import language
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.single_window import Answer, WindowGuard, ask_running_window, holder_pid

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("mcdesk")
    app.setApplicationDisplayName("mcdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("mcdesk")
    language.install(app, language.chosen_language())
    return app


def open_portfolio_in_background(window: MainWindow, *, seed_demo: bool = True) -> None:
    """Open (or create, with the demo catalog) the portfolio off the GUI thread."""
    window.open_portfolio(seed_demo=seed_demo)


def run_gui(portfolio_dir: Path, *, smoke_test: bool = False) -> int:
    app = make_application()
    answer = ask_running_window(portfolio_dir)
    if answer == Answer.FORWARDED:
        sys.stderr.write(f"mcdesk is already open on {portfolio_dir}; its window was brought "
                         "forward.\n")
        return 0
    if answer == Answer.HUNG:
        pid = holder_pid(portfolio_dir)
        holder = f"process {pid}" if pid is not None else "another mcdesk"
        sys.stderr.write(f"mcdesk is already open on {portfolio_dir} ({holder}) but does not "
                         "answer. Close that window, or end that process, then start mcdesk "
                         "again. Nothing was changed.\n")
        return 1
    runner = JobRunner()
    window = MainWindow(runner, portfolio_dir)
    guard = WindowGuard(portfolio_dir, window.bring_forward, window)
    sys.excepthook = window.crash_reporter.excepthook
    if smoke_test:
        from mcdesk.ui.shell.smoke import SmokeTest

        SmokeTest(window, app)
    window.show()
    QTimer.singleShot(0, lambda: open_portfolio_in_background(window))
    code = app.exec()
    guard.release()
    runner.shutdown(wait=True)
    from mcdesk.services.evidence import stop_media_workers

    stop_media_workers()
    if window.language_menu.restart_requested:
        restart()
    return code


def restart() -> None:
    """Start mcdesk again the way it was started (after this one let go of the portfolio), so
    a new language choice shows at once."""
    import subprocess

    command = ([sys.executable, *sys.argv[1:]] if getattr(sys, "frozen", False)
               else list(sys.orig_argv))
    subprocess.Popen(command, start_new_session=True)
