"""What a freshly opened portfolio's window owes that its first screen does not need (the
places built without a visit, the catalog list's kept scroll-bar groove, the plan's reminders,
the daily backup, pictures of documents drawn the older way drawn again), started once that
screen's reads are done; once they are done too, the start's heap is frozen (`heap`); GUI
thread."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer

from mcdesk.core.role import Role
from mcdesk.ui.shell import ops as shell_ops
from mcdesk.ui.shell.heap import freeze_settled_heap
from mcdesk.ui.shell.places import PLACES, PlaceKey
from mcdesk.ui.widgets.notice import Tone

if TYPE_CHECKING:
    from mcdesk.core.plan import PlanItem
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.catalog.page import CatalogPage
    from mcdesk.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

# The chores load SQLAlchemy, the badge verifier and the Sync place: started with the first
# screen's reads, they took the interpreter from them and the window filled about twice as
# late. They wait until the runner has nothing queued (the first screen's reads came back),
# then this long for the paint; and never longer than MAX_WAIT_MS (a long job, such as the
# demo's sample evidence, keeps the runner busy).
SETTLE_MS = 200
MAX_WAIT_MS = 4000
REMINDER_SECONDS = 60


class StartChores(QObject):
    """Does the chores of one opened workspace once, after its window's first screen."""

    def __init__(self, window: MainWindow, workspace: Workspace) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.workspace = workspace
        self.done = False
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._start)
        QTimer.singleShot(MAX_WAIT_MS, self, self._start)
        self.runner.active_count_changed.connect(self._count_changed)
        # A place may start its first read only in the next turn of the event loop: a
        # runner idle at this moment is not yet a first screen that is done.
        QTimer.singleShot(0, self, lambda: self._count_changed(len(self.runner.active())))

    def _count_changed(self, count: int) -> None:
        if count == 0:
            self._settle.start()
        else:
            self._settle.stop()

    def _start(self) -> None:
        if self.done or self.runner.is_shut_down:  # the window is closing
            return
        self.done = True
        self._settle.stop()
        self.runner.active_count_changed.disconnect(self._count_changed)
        for spec in PLACES.values():
            if spec.after_first_screen:
                self.window.place(spec.key)
        catalog = self.window.places.get(PlaceKey.CATALOG)
        if catalog is not None:
            # Now, not when the list was built: the style's Python wrappers would have cost
            # the first screen a tenth of a bare window's start.
            from mcdesk.ui.widgets.scroll_bars import keep_grooves

            keep_grooves(cast("CatalogPage", catalog).list)
        shell_ops.plan_reminders(self.workspace).success(lambda found: self._remind(*found)
                                                         ).failure(
            lambda exc: log.warning("The plan's reminders could not be read: %s", exc)).run(
            self.runner)
        shell_ops.backup_if_due(self.workspace).failure(
            lambda exc: log.warning("Scheduled backup failed: %s", exc)).run(self.runner)
        shell_ops.redraw_document_pictures(self.workspace).success(
            self._pictures_redrawn).failure(
            lambda exc: log.warning("The pictures of documents were not redrawn: %s", exc)).run(
            self.runner)
        self.runner.active_count_changed.connect(self._chores_counted)

    def _pictures_redrawn(self, sha256s: list[str]) -> None:
        """The Evidence place, if built, shows the pictures drawn again."""
        from mcdesk.ui.evidence.page import EvidencePage

        page = self.window.places.get(PlaceKey.EVIDENCE)
        if sha256s and isinstance(page, EvidencePage):
            page.model.forget_thumbnails(sha256s)

    def _chores_counted(self, count: int) -> None:
        """The chores are done (and with them the window's start): its heap is settled."""
        if count == 0:
            self.runner.active_count_changed.disconnect(self._chores_counted)
            freeze_settled_heap()

    def _remind(self, reminders: tuple[PlanItem, ...], remind_days: int) -> None:
        """A notice (never a modal) for what in the plan is due and not sent."""
        if reminders and self.window.role is Role.EARNER:
            from mcdesk.ui.plan.words import reminder_text

            self.window.notice_bar.show_message(reminder_text(reminders, remind_days),
                                                Tone.WARNING, seconds=REMINDER_SECONDS)
