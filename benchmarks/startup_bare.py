"""Start-up reference child: a bare PySide6 main window with a label, up to its first paint.

Run by benchmarks.startup as ``python -m benchmarks.startup_bare``; prints the marker line
after the first paint and quits (with MCDESK_BENCH_IDLE_S set, it stays open and idle until
that many seconds after its start, prints its resident memory and then quits: the idle-memory
figure's reference)."""

from __future__ import annotations

import os
import sys
import time

T0 = float(os.environ.get("MCDESK_BENCH_T0", "nan"))
MARKER = "BENCH-READY"
IDLE_S = os.environ.get("MCDESK_BENCH_IDLE_S")


def since_start() -> float:
    return time.time() - T0


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    phases = {"imports": since_start()}

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.paints = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.paints += 1
                if self.paints == 1:
                    QTimer.singleShot(0, mark)
            return False

    def mark() -> None:
        phases["painted"] = since_start()
        fields = " ".join(f"{name}={value:.4f}" for name, value in phases.items())
        print(f"{MARKER} paints={watcher.paints} {fields}", flush=True)
        if IDLE_S is not None:
            from benchmarks.idle_memory import report_when_idle

            report_when_idle(T0, float(IDLE_S), app.quit)
            return
        window.close()
        app.quit()

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1180, 760)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    phases["shown"] = since_start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
