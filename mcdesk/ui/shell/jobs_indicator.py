"""The status-bar view of background jobs: what runs, how far, and a cancel button; GUI thread."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from mcdesk.jobs.runner import JobRunner, JobState, JobStatus
from mcdesk.ui.shell import language

# Jobs quicker than this never flash up in the status bar.
SHOW_AFTER_S = 0.4


class JobsIndicator(QWidget):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._jobs: dict[int, tuple[JobStatus, float]] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Progress"))
        self.cancel = QToolButton()
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the running job"))
        self.cancel.clicked.connect(self._cancel_shown)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self._shown: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(SHOW_AFTER_S * 1000))
        self._timer.timeout.connect(self._update)
        runner.job_changed.connect(self._job_changed)
        self.hide()

    def _job_changed(self, status: JobStatus) -> None:
        if status.state.finished:
            self._jobs.pop(status.job_id, None)
        else:
            started = self._jobs.get(status.job_id, (status, time.monotonic()))[1]
            self._jobs[status.job_id] = (status, started)
            if not self._timer.isActive():
                self._timer.start()
        self._update()

    def _update(self) -> None:
        now = time.monotonic()
        visible = [(s, t) for s, t in self._jobs.values()
                   if s.state is JobState.RUNNING and now - t >= SHOW_AFTER_S]
        if not visible:
            self._shown = None
            self.hide()
            if not self._jobs:
                self._timer.stop()
            return
        status = min(visible, key=lambda item: item[1])[0]
        self._shown = status.job_id
        others = len(visible) - 1
        text = (status.message or status.title) if language.shows_service_words() \
            else status.title
        if others:
            text += self.tr(" (+%1 more)").replace("%1", str(others))
        self.label.setText(text)
        if status.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(status.done, status.total) / status.total))
        else:
            self.bar.setRange(0, 0)
        self.cancel.setVisible(status.cancellable)
        self.show()

    def _cancel_shown(self) -> None:
        if self._shown is not None:
            self._runner.cancel(self._shown)
