"""Help → About mcdesk: the version and the licence (GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from mcdesk import __version__


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("MainWindow", "About mcdesk"),
                      QCoreApplication.translate(
        "MainWindow",
        "<b>mcdesk %1</b><p>Educator micro-credentials, offline: gather evidence, check it, "
        "package it, send it when a connection exists.</p><p>Licensed under the GNU GPL, "
        "version 3 or later.</p>").replace("%1", __version__))
