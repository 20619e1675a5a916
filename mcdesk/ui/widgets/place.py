"""What every place in the sidebar shares: the open portfolio, loading when first shown,
notices for the teacher's errors, the crash dialog for ours, files dropped on it; GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import QWidget

from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.errors import McdeskError
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.widgets.notice import Tone

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


class Place(QWidget):
    notice = Signal(str, Tone)
    unexpected = Signal(object)

    watches: frozenset[Change] = frozenset()
    """What this place shows: a change to any of it (made elsewhere) makes the place reload."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._workspace: Workspace | None = None
        self._stale = True

    def set_workspace(self, workspace: Workspace | None) -> None:
        self._workspace = workspace
        self._stale = True
        self.workspace_changed(workspace)
        if workspace is not None and self.isVisible():
            self.refresh()

    def workspace_changed(self, workspace: Workspace | None) -> None:
        """Enable or disable controls for an open (or no) portfolio."""

    def refresh(self) -> None:
        """Reload what the place shows, in jobs; subclasses say what."""
        self._stale = False

    def flush(self) -> None:
        """Save what is typed but not yet saved (the window is closing); queues writes."""

    def mark_stale(self) -> None:
        """Reload now if on screen, else the next time the teacher comes here."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def changes_happened(self, notice: ChangeNotice) -> None:
        """Something was written elsewhere (another place, a dialog, a sync pass).

        The shell calls this for every notice not made by this place; by default a change to
        what the place watches reloads it (now if on screen, else when next shown).
        """
        if notice.touches(self.watches):
            self.mark_stale()

    def showEvent(self, event: QShowEvent) -> None:
        # A place loads when the teacher first comes to it, not while the window opens.
        super().showEvent(event)
        if self._stale and self._workspace is not None:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        """A job's failure: the teacher's to fix as a notice, ours as the crash dialog."""
        if isinstance(exc, McdeskError):
            self.notice.emit(str(exc), Tone.ERROR)
        else:
            self.unexpected.emit(exc)

    def accept_file_drops(self) -> None:
        self.setAcceptDrops(True)

    def files_dropped(self, paths: Sequence[Path]) -> None:
        """Local files dropped on the place."""

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self._workspace is not None and mime.hasUrls() and all(
                url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped(paths)
