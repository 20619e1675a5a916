"""File → Verify a credential…: drop (or choose) one or many credential files or folders and
each gets its verification state and the reason in words; needs no portfolio of one's own
(a district checking a teacher's badges); GUI thread (the checks run in an operation)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.shell import ops as shell_ops
from mcdesk.ui.widgets.colors import readable

if TYPE_CHECKING:
    from mcdesk.credentials.verification import Verification

STATE_COLOURS = {"verified": "#2e7d32", "needs-network": "#b26a00", "failed": "#c62828"}


class VerifyDialog(QDialog):
    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("Verify a credential"))
        self.setAcceptDrops(True)
        self.drop_area = QLabel(self.tr(
            "Drop badge files or folders here: .json, .jwt, or badge pictures (.png, .svg) "
            "with the credential inside.\nEach is checked offline: its signature, its "
            "issuer's key and its dates. Nothing is added to your portfolio."))
        self.drop_area.setWordWrap(True)
        self.drop_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_area.setMinimumHeight(90)
        self.drop_area.setStyleSheet(
            "QLabel { border: 2px dashed #8fb8dc; border-radius: 6px; padding: 12px; }")
        self.choose_button = QPushButton(self.tr("Choose files…"))
        self.choose_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton(self.tr("Choose a folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.clear_button = QPushButton(self.tr("Clear"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Results"))
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result"),
                                              self.tr("Micro-credential"),
                                              self.tr("Why")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(2, 200)
        self.clear_button.clicked.connect(lambda: self.table.setRowCount(0))
        self.status = QLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_area)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(900, 520)

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Credentials to verify"), str(Path.home()),
            self.tr("Badges and credentials (*.json *.jsonld *.jwt *.jws *.png *.svg);;"
                    "All files (*)"))
        if files:
            self.verify([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A folder of credentials"),
                                                  str(Path.home()))
        if folder:
            self.verify([Path(folder)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasUrls() and all(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.verify(paths)

    def verify(self, paths: Sequence[Path]) -> None:
        self.status.setText(self.tr("Checking…"))
        shell_ops.verify_files(paths).success(self._show).failure(self._failed).run(
            self._runner, origin=self)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The files could not be checked: %1").replace(
            "%1", str(exc)))

    def _show(self, results: list[tuple[Path, Verification]]) -> None:
        if not results:
            self.status.setText(self.tr("No credential files were found there."))
            return
        for path, verification in results:
            row = self.table.rowCount()
            self.table.insertRow(row)
            state = verification.state.value
            words = {"verified": self.tr("✓ Verified"),
                     "needs-network": self.tr("? Needs a network check"),
                     "failed": self.tr("✗ Failed")}[state]
            result = QTableWidgetItem(words)
            result.setForeground(readable(
                STATE_COLOURS[state], self.table.palette().color(QPalette.ColorRole.Base)))
            font = result.font()
            font.setBold(True)
            result.setFont(font)
            name = QTableWidgetItem(path.name)
            name.setToolTip(str(path))
            what = verification.achievement_name or ""
            issuer = verification.issuer_name or verification.issuer_id or ""
            achievement = QTableWidgetItem(what + (f"\n{issuer}" if issuer else ""))
            why = "; ".join(verification.reasons) if verification.reasons else (
                self.tr("The signature matches its issuer and the dates are valid."))
            if verification.warnings:
                why += "\n" + self.tr("Note: %1").replace("%1", "; ".join(
                    verification.warnings))
            reason = QTableWidgetItem(why)
            reason.setToolTip(why)
            for column, item in enumerate((name, result, achievement, reason)):
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        counts = {s: sum(1 for _p, v in results if v.state.value == s)
                  for s in ("verified", "needs-network", "failed")}
        self.status.setText(self.tr("%1 checked: %2 verified, %3 need a network check, %4 "
                                    "failed").replace("%1", str(len(results))).replace(
            "%2", str(counts["verified"])).replace("%3", str(counts["needs-network"])).replace(
            "%4", str(counts["failed"])))
