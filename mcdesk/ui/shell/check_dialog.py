"""The "Check portfolio" window: runs the integrity check in the background, lists what it
found, and repairs on request; GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.check import CheckReport
from mcdesk.jobs.runner import JobHandle, JobRunner, JobStatus
from mcdesk.ui.shell import language
from mcdesk.ui.shell import ops as shell_ops

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


class CheckDialog(QDialog):
    def __init__(self, runner: JobRunner, workspace: Workspace,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check portfolio"))
        self.setMinimumSize(560, 340)
        self._runner = runner
        self._workspace = workspace
        self._handle: JobHandle | None = None
        self.report: CheckReport | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "mcdesk reads the database, every stored evidence file and every study file kept "
            "offline to make sure nothing is damaged or missing. Nothing is deleted: anything "
            "out of place goes to the trash folder."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Check progress"))
        layout.addWidget(self.progress)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems, 1)
        self.buttons = QDialogButtonBox()
        self.repair_button = QPushButton(self.tr("Repair"))
        self.repair_button.clicked.connect(lambda: self.start(repair=True))
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.clicked.connect(self._stop)
        self.buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        runner.job_changed.connect(self._job_changed)

    def start(self, *, repair: bool = False) -> None:
        workspace = self._workspace
        self.repair_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.problems.clear()
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Repairing…") if repair else self.tr("Checking…"))
        self._handle = shell_ops.check_portfolio(workspace, repair=repair).success(
            self._finished).failure(self._failed).cancelled(self._cancelled).run(
            self._runner, origin=self)

    def _job_changed(self, status: JobStatus) -> None:
        if self._handle is None or status.job_id != self._handle.job_id:
            return
        if status.total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * status.done / status.total))
        if status.message and language.shows_service_words():
            self.status.setText(status.message)

    def _finished(self, report: CheckReport) -> None:
        self.report = report
        self._handle = None
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        for problem in report.problems:
            state = self.tr("Repaired") if problem.repaired else self.tr("Found")
            self.problems.addItem(f"{state}: {problem.kind}: {problem.detail}\n{problem.path}"
                                  + (f"\n→ {problem.action}" if problem.action else ""))
        summary = self.tr("Checked the database and %1 stored files.").replace(
            "%1", str(report.files_checked))
        if report.healthy:
            summary += " " + self.tr("Everything is in order.")
        else:
            summary += " " + self.tr("Some problems need attention; press Repair to fix what "
                                     "mcdesk can.")
        self.status.setText(summary)
        self.repair_button.setEnabled(not report.healthy and not report.repaired)

    def _failed(self, exc: BaseException) -> None:
        self._handle = None
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.status.setText(self.tr("The check could not finish: %1").replace("%1", str(exc)))

    def _cancelled(self) -> None:
        self._handle = None
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)
        self.status.setText(self.tr("The check was stopped. Nothing was changed."))

    def _stop(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def reject(self) -> None:
        self._stop()
        super().reject()
