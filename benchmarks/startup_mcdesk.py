"""Start-up subject child: mcdesk's real start path up to the first paint with the catalog list
filled.

Run by benchmarks.startup as ``python -m benchmarks.startup_mcdesk PORTFOLIO``. It follows
``mcdesk.ui.shell.app.run_gui`` (the launcher's import chain first), waits for the catalog page's
``first_page_shown`` (the list's first screenful; the rest follows) and then the next paint
of the window, prints the marker line and quits
(with MCDESK_BENCH_IDLE_S set, it stays open and idle until that many seconds after its start,
prints its resident memory and then quits: the idle-memory figure)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

T0 = float(os.environ.get("MCDESK_BENCH_T0", "nan"))
MARKER = "BENCH-READY"
FAILED = "BENCH-FAILED"
WATCHDOG_MS = 60_000
IDLE_S = os.environ.get("MCDESK_BENCH_IDLE_S")


def since_start() -> float:
    return time.time() - T0


def main(argv: list[str]) -> int:
    import mcdesk.launcher  # noqa: F401  (the command's own imports: CLI, logging, services)

    phases = {"launcher": since_start()}

    from PySide6.QtCore import QEvent, QObject, QTimer

    from mcdesk.jobs.runner import JobRunner
    from mcdesk.ui.shell.app import make_application, open_portfolio_in_background
    from mcdesk.ui.shell.main_window import MainWindow

    phases["imports"] = since_start()
    portfolio = Path(argv[1])

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.paints = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
            return False

    class State:
        entries = 0
        done = False

    def finish(line: str) -> None:
        if State.done:
            return
        State.done = True
        print(line, flush=True)
        window.close()
        app.quit()

    def first_page_shown(count: int) -> None:
        if State.entries or State.done:
            return
        if count == 0:
            finish(f"{FAILED} the catalog list came up empty")
            return
        State.entries = count
        phases["entries"] = since_start()
        QTimer.singleShot(0, paint)

    def paint() -> None:
        before = counter.paints
        window.repaint()
        phases["painted"] = since_start()
        QTimer.singleShot(0, lambda: mark(counter.paints - before))

    def mark(new_paints: int) -> None:
        fields = " ".join(f"{name}={value:.4f}" for name, value in phases.items())
        line = f"{MARKER} entries={State.entries} paints={new_paints} {fields}"
        if IDLE_S is None:
            finish(line)
            return
        from benchmarks.idle_memory import report_when_idle

        State.done = True
        print(line, flush=True)
        report_when_idle(T0, float(IDLE_S), lambda: (window.close(), app.quit()))

    def open_failed(exc: BaseException) -> None:
        show_failure(exc)
        finish(f"{FAILED} the portfolio did not open: {exc}")

    app = make_application([sys.argv[0]])
    runner = JobRunner()
    window = MainWindow(runner, portfolio)
    sys.excepthook = window.crash_reporter.excepthook
    counter = PaintCounter()
    window.installEventFilter(counter)
    window.catalog_page.first_page_shown.connect(first_page_shown)
    window.workspace_ready.connect(lambda: phases.__setitem__("workspace", since_start()))
    show_failure = window.show_open_failure
    window.show_open_failure = open_failed  # type: ignore[method-assign]
    window.show()
    phases["shown"] = since_start()
    QTimer.singleShot(0, lambda: open_portfolio_in_background(window, seed_demo=False))
    QTimer.singleShot(WATCHDOG_MS, lambda: finish(f"{FAILED} no filled list after 60 s"))
    code = app.exec()
    runner.shutdown(wait=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
