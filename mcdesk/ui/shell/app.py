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
from mcdesk.core.progress import JobControl
from mcdesk.jobs.runner import JobRunner, Lane
from mcdesk.ui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

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
    return app


def open_portfolio_in_background(window: MainWindow, *, seed_demo: bool = True) -> None:
    """Open (or create, with the demo catalog) the portfolio off the GUI thread."""
    root = window.portfolio_dir

    def work(_control: JobControl) -> Workspace:
        from mcdesk.services.workspace import Workspace

        return Workspace.open(root, create=True, seed_demo=seed_demo)

    def opened(workspace: Workspace) -> None:
        window.set_workspace(workspace)
        if workspace.seeded_demo:
            window.show_notice(window.tr(
                "Welcome to mcdesk. This new portfolio holds a demo catalog of "
                "micro-credentials: pick one on the left to read what it asks for. Sample "
                "evidence is being prepared in Evidence."))
            window.runner.submit(window.tr("Preparing sample evidence"),
                                 lambda _c: _seed_demo_content(workspace), lane=Lane.POOL,
                                 on_success=lambda _r: window.content_changed(),
                                 on_failure=lambda exc: log.warning(
                                     "Could not prepare the sample evidence: %s", exc))
        window.runner.submit(window.tr("Backing up the portfolio"),
                             lambda _c: workspace.backup_if_due(), lane=Lane.WRITE,
                             on_failure=lambda exc: log.warning("Scheduled backup failed: %s",
                                                                exc))

    window.runner.submit(window.tr("Opening the portfolio"), work, lane=Lane.WRITE,
                         on_success=opened, on_failure=window.show_open_failure,
                         cancellable=False)


def _seed_demo_content(workspace: Workspace) -> object:
    from mcdesk.services.demo import seed_demo_content

    return seed_demo_content(workspace)


def run_gui(portfolio_dir: Path) -> int:
    app = make_application()
    runner = JobRunner()
    window = MainWindow(runner, portfolio_dir)
    sys.excepthook = window.crash_reporter.excepthook
    window.show()
    QTimer.singleShot(0, lambda: open_portfolio_in_background(window))
    code = app.exec()
    runner.shutdown(wait=True)
    from mcdesk.services.evidence import stop_media_workers

    stop_media_workers()
    return code
