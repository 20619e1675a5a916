"""One window per portfolio: a second launch on the same portfolio brings the first window
forward instead of opening a second writer, or says which process holds it when that one does
not answer; GUI thread.

The first window listens on a local socket named after the portfolio's folder and writes its
process id beside the database; the command line takes no part, so it still works beside the
open window."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

# How long a second launch waits for the first window to answer.
ANSWER_TIMEOUT_MS = 3000
PID_FILE = ".mcdesk-window.pid"
_RAISE = b"raise\n"
_RAISED = b"raised\n"


def socket_name(portfolio: Path) -> str:
    """The local socket's name for `portfolio` (the same folder reached by any path)."""
    key = str(portfolio.expanduser().resolve())
    return "mcdesk-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class Answer:
    """What asking a running window gave: it came forward, it is hung, or there is none."""

    FORWARDED = "forwarded"
    HUNG = "hung"
    NONE = "none"


def ask_running_window(portfolio: Path) -> str:
    """Ask the window already open on `portfolio`, if any, to come forward."""
    probe = QLocalSocket()
    probe.connectToServer(socket_name(portfolio))
    if not probe.waitForConnected(ANSWER_TIMEOUT_MS):
        return Answer.NONE
    probe.write(_RAISE)
    probe.flush()
    answered = (probe.waitForReadyRead(ANSWER_TIMEOUT_MS)
                and bytes(probe.readAll().data()) == _RAISED)
    probe.disconnectFromServer()
    return Answer.FORWARDED if answered else Answer.HUNG


def holder_pid(portfolio: Path) -> int | None:
    """The process id the open window wrote, if it is still alive."""
    try:
        pid = int((portfolio / PID_FILE).read_text("ascii").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


class WindowGuard(QObject):
    """Held by the first window: answers later launches by calling `bring_forward`."""

    def __init__(self, portfolio: Path, bring_forward: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._portfolio = portfolio
        self._bring_forward = bring_forward
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = socket_name(portfolio)
        if not self._server.listen(name):
            QLocalServer.removeServer(name)  # left by a window that crashed
            self._server.listen(name)
        self._server.newConnection.connect(self._answer)
        try:
            portfolio.mkdir(parents=True, exist_ok=True)
            (portfolio / PID_FILE).write_text(f"{os.getpid()}\n", "ascii")
        except OSError:
            pass  # the pid only helps the message of a later launch

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _answer(self) -> None:
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)

    def _read(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(_RAISE.strip()):
            connection.write(_RAISED)
            connection.flush()
            self._bring_forward()

    def release(self) -> None:
        self._server.close()
        pid_file = self._portfolio / PID_FILE
        try:
            if pid_file.read_text("ascii").strip() == str(os.getpid()):
                pid_file.unlink()
        except OSError:
            pass
