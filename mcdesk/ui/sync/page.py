"""The Sync place: the issuing servers this portfolio talks to, and the outbox — each
submission's state, bytes sent, speed, time left and last error in words; Sync now (F5), pause,
a timer, and a pass when the network comes back; GUI thread (passes run on a server lane)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change
from mcdesk.core.reviews import ReviewState, ReviewSummary, Role
from mcdesk.core.study import DEFAULT_BUDGET_BYTES, GIB, FetchReport
from mcdesk.core.sync import (
    InsecureAddressError,
    NoKeyringError,
    OutboxItem,
    OutboxState,
    ServerProfile,
    SyncReport,
)
from mcdesk.core.sync_counts import SyncCounts
from mcdesk.core.units import clock, human_size
from mcdesk.jobs.runner import JobHandle, JobRunner
from mcdesk.ui.settings import carry_over, user_settings
from mcdesk.ui.sync import ops
from mcdesk.ui.sync.server_dialog import ServerDialog
from mcdesk.ui.widgets.empty_state import empty_state
from mcdesk.ui.widgets.flow_layout import FlowLayout
from mcdesk.ui.widgets.locale_text import date_time_text, time_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.splitter import list_detail_splitter
from mcdesk.ui.widgets.words import outbox_state_word

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

AUTO_SYNC_MS = 10 * 60 * 1000
POLL_MS = 1000  # while a pass runs, the outbox is re-read this often for progress
SETTINGS_PAUSED = "sync/paused"
SETTINGS_HOLD = "sync/hold-large-on-metered"
METERED_HOLD_MB = 100
STATUS_DELAY_MS = 1500
HELD_STATES = (OutboxState.LOGIN_NEEDED, OutboxState.REJECTED, OutboxState.CONFLICT)


class SyncPage(Place):
    watches = frozenset({Change.OUTBOX, Change.SERVERS, Change.REVIEWS})
    status_changed = Signal(str)  # one line for the window's status bar
    outbox_shown = Signal(int)
    pass_finished = Signal(object)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._pass: JobHandle | None = None
        self._samples: dict[int, tuple[float, int]] = {}  # item id -> (time, bytes sent)
        self._speeds: dict[int, float] = {}
        self.items: list[OutboxItem] = []
        self.profiles: list[ServerProfile] = []
        self._servers_known = 0  # from the counts before the full outbox is read
        self.reviews: list[ReviewSummary] = []  # finished reviews waiting for a server
        self._settings = user_settings()
        for key in (SETTINGS_PAUSED, SETTINGS_HOLD):
            carry_over(self._settings, key)

        self.servers = QListWidget()
        self.servers.setAccessibleName(self.tr("Servers"))
        self.servers.setWordWrap(True)
        self.add_server_button = QPushButton(self.tr("Add a server…"))
        self.add_server_button.clicked.connect(self.ask_server)
        self.sign_in_button = QPushButton(self.tr("Sign in again…"))
        self.sign_in_button.clicked.connect(self.sign_in_again)
        self.remove_server_button = QPushButton(self.tr("Remove"))
        self.remove_server_button.clicked.connect(self.remove_server)
        self.no_server = QLabel(self.tr(
            "No server yet.\n\nmcdesk sends your submissions to the server of the program "
            "that issues your micro-credentials, and brings back your results and badges. "
            "Your program coordinator gives you its address and a token: press Add a "
            "server…"))
        self.servers_stack = QStackedWidget()
        self.servers_stack.addWidget(self.servers)
        # Shown once a load found no server.
        self.servers_stack.addWidget(empty_state(self.no_server))
        server_row = QWidget()
        server_buttons = FlowLayout(server_row)
        for button in (self.add_server_button, self.sign_in_button, self.remove_server_button):
            server_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("<b>Issuing servers</b>")))
        left_layout.addWidget(self.servers_stack, 1)
        left_layout.addWidget(server_row)

        self.sync_button = QPushButton(self.tr("Sync now (F5)"))
        self.sync_button.clicked.connect(self.sync_now)
        self.pause_box = QCheckBox(self.tr("Pause sending"))
        self.pause_box.setChecked(bool(self._settings.value(SETTINGS_PAUSED, False, bool)))
        self.pause_box.toggled.connect(self._paused)
        self.metered_box = QCheckBox(self.tr("On a metered network, hold uploads over %1 MB")
                                     .replace("%1", str(METERED_HOLD_MB)))
        self.metered_box.setToolTip(self.tr(
            "On a phone hotspot or another network that counts data, big videos wait for the "
            "school's or home network; small things still go."))
        self.metered_box.setChecked(bool(self._settings.value(SETTINGS_HOLD, True, bool)))
        self.metered_box.toggled.connect(
            lambda on: self._settings.setValue(SETTINGS_HOLD, on))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.budget_box = QDoubleSpinBox()
        self.budget_box.setRange(0.0, 10_000.0)
        self.budget_box.setDecimals(1)
        self.budget_box.setSingleStep(0.5)
        self.budget_box.setSuffix(self.tr(" GB"))
        self.budget_box.setValue(DEFAULT_BUDGET_BYTES / GIB)
        self.budget_box.setAccessibleName(self.tr("Storage budget for study files"))
        self.budget_label = QLabel(self.tr("Study files (resources, examples of work) may "
                                           "use up to"))
        self.budget_label.setBuddy(self.budget_box)
        self.budget_used = QLabel()
        self.budget_used.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._budget_timer = QTimer(self)
        self._budget_timer.setSingleShot(True)
        self._budget_timer.setInterval(600)
        self._budget_timer.timeout.connect(self._save_budget)
        self.budget_box.valueChanged.connect(lambda _v: self._budget_timer.start())
        budget_row = QHBoxLayout()
        budget_row.addWidget(self.budget_label)
        budget_row.addWidget(self.budget_box)
        budget_row.addWidget(self.budget_used, 1)
        self._study: JobHandle | None = None
        # The state has a line of its own and the switches wrap under it on a narrow screen.
        controls = QWidget()
        top = FlowLayout(controls)
        top.addWidget(self.metered_box)
        top.addWidget(self.pause_box)
        top.addWidget(self.sync_button)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Submission"), self.tr("Server"),
                                              self.tr("State"), self.tr("Sent"),
                                              self.tr("What happened")])
        self.table.setAccessibleName(self.tr("Outbox"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self.tr(
            "Nothing to send yet. When a draft is ready, press Send in Drafts: it waits here "
            "and goes out whenever a connection exists, even in pieces over several days."))
        self.empty.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(controls)
        right_layout.addLayout(budget_row)
        right_layout.addWidget(self.table, 1)
        # The empty note takes the room the table would, so the rows above stay together.
        right_layout.addWidget(self.empty, 1)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        splitter = list_detail_splitter(left, right, sizes=(280, 820),
                                       stretch=(1, 3), collapsible=True)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._auto = QTimer(self)
        self._auto.setInterval(AUTO_SYNC_MS)
        self._auto.timeout.connect(self.sync_quietly)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._watching = False
        self.workspace_changed(None)

    # -- loading ------------------------------------------------------------------------

    def workspace_changed(self, workspace: Workspace | None) -> None:
        for button in (self.add_server_button, self.sync_button):
            button.setEnabled(workspace is not None)
        if workspace is None:
            self._auto.stop()
            self._poll.stop()
        else:
            self._auto.start()
            # The status line wants the outbox even before the teacher comes here, but not
            # before the window has painted its first screen.
            QTimer.singleShot(STATUS_DELAY_MS, self._read_status)
            QTimer.singleShot(STATUS_DELAY_MS, self._watch_network)

    def _read_status(self) -> None:
        """The status line from counts alone while the place has not been opened (the full
        outbox, read by `refresh`, loads the sync service); an upload needs the full read."""
        workspace = self._workspace
        if workspace is None:
            return
        if not self._stale or self.isVisible():
            self.refresh()
            return
        ops.counts(workspace).success(self._counted).failure(self._failed).run(
            self._runner, origin=self)

    def _counted(self, counts: SyncCounts) -> None:
        if not self._stale:  # the full outbox arrived meanwhile: its line is the right one
            return
        if counts.items.get(OutboxState.UPLOADING, 0):
            self.refresh()
            return
        self._servers_known = counts.servers
        held = sum(counts.items.get(state, 0) for state in HELD_STATES) + counts.reviews.get(
            ReviewState.CONFLICT, 0)
        waiting = sum(n for state, n in counts.items.items()
                      if OutboxState(state).unsent) + counts.reviews.get(ReviewState.QUEUED, 0)
        self.status_changed.emit(self._status_text(counts.servers > 0, held, waiting))

    def refresh(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        super().refresh()
        ops.outbox(workspace).success(self._loaded).failure(self._failed).run(self._runner,
                                                                              origin=self)
        ops.study_budget(workspace).success(self._budget_loaded).failure(self._failed).run(
            self._runner, origin=self)

    def _loaded(self, result: tuple[list[ServerProfile], list[OutboxItem],
                                    list[ReviewSummary]]) -> None:
        self.profiles, self.items, self.reviews = result
        chosen = self.current_server()
        self.servers.clear()
        for profile in self.profiles:
            when = (date_time_text(profile.last_sync_at)
                    if profile.last_sync_at else self.tr("never"))
            waiting = any(i.server == profile.name and i.state is OutboxState.LOGIN_NEEDED
                          for i in self.items)
            line = f"{profile.name}\n{profile.url}\n" + self.tr("last sync: %1").replace(
                "%1", when)
            if waiting or not profile.has_token:
                line += "\n" + self.tr("⚠ needs you to sign in again")
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            self.servers.addItem(item)
            if profile.name == chosen:
                self.servers.setCurrentItem(item)
        if self.servers.currentItem() is None and self.servers.count():
            self.servers.setCurrentRow(0)
        has = self.servers.count() > 0
        self.servers_stack.setCurrentIndex(0 if has else 1)
        self.sign_in_button.setEnabled(has)
        self.remove_server_button.setEnabled(has)
        self._fill_table()
        self.status_changed.emit(self.status_line())
        self.outbox_shown.emit(len(self.items))

    def _fill_table(self) -> None:
        now = time.monotonic()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            previous = self._samples.get(item.id)
            if previous is not None and item.bytes_sent > previous[1] and now > previous[0]:
                self._speeds[item.id] = (item.bytes_sent - previous[1]) / (now - previous[0])
            self._samples[item.id] = (now, item.bytes_sent)
            sent = human_size(item.bytes_sent) + " / " + human_size(item.bytes_total)
            speed = self._speeds.get(item.id)
            if item.state is OutboxState.UPLOADING and speed:
                left = (item.bytes_total - item.bytes_sent) / speed
                sent += self.tr(" · %1/s · %2 left").replace("%1", human_size(int(speed))) \
                    .replace("%2", clock(left))
            what = item.reason or item.last_error
            if item.state is OutboxState.WAITING and item.next_attempt_at:
                what = (what + " " if what else "") + self.tr("Trying again at %1.").replace(
                    "%1", time_text(item.next_attempt_at))
            cells = [self.tr("%1, attempt %2").replace("%1", item.mc_name).replace(
                         "%2", str(item.attempt)), item.server, outbox_state_word(item.state),
                     sent, what]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setRowCount(len(self.items) + len(self.reviews))
        for row, review in enumerate(self.reviews, start=len(self.items)):
            state = (self.tr("review, waiting to send") if review.state is ReviewState.QUEUED
                     else self.tr("review: changed on the server"))
            cells = [self.tr("Review of %1, attempt %2").replace("%1", review.mc_name)
                     .replace("%2", str(review.attempt)), review.server or "", state, "",
                     review.error or (self.tr("Open it in Reviews to choose what to do.")
                                      if review.state is ReviewState.CONFLICT else "")]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        shown = bool(self.items or self.reviews)
        self.table.setVisible(shown)
        self.empty.setVisible(not shown)
        self.summary.setText(self.status_line())

    def status_line(self) -> str:
        if self._workspace is None:
            return ""
        if not self.profiles:
            return self.tr("Offline: no server yet")
        waiting: list[object] = [i for i in self.items if i.state.unsent]
        waiting += [r for r in self.reviews if r.state is ReviewState.QUEUED]
        uploading = [i for i in self.items if i.state is OutboxState.UPLOADING]
        held: list[object] = [i for i in self.items if i.state in HELD_STATES]
        held += [r for r in self.reviews if r.state is ReviewState.CONFLICT]
        sending = [i for i in self.items if i.state.unsent]
        if uploading or (self._pass is not None and sending):
            total = sum(i.bytes_total for i in sending) or 1
            done = sum(i.bytes_sent for i in sending)
            return self.tr("Sending: %1 %").replace("%1", str(int(100 * done / total)))
        return self._status_text(True, len(held), len(waiting))

    def _status_text(self, has_server: bool, held: int, waiting: int) -> str:
        if not has_server:
            return self.tr("Offline: no server yet")
        if held:
            return self.tr("%n need(s) you: see Sync", "", held)
        if waiting:
            paused = self.tr(" (paused)") if self.pause_box.isChecked() else ""
            return self.tr("Queued: %1").replace("%1", str(waiting)) + paused
        return self.tr("All sent")

    def current_server(self) -> str | None:
        item = self.servers.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # -- passes -------------------------------------------------------------------------

    def has_servers(self) -> bool:
        """Whether a server is set up, known from the full outbox or, before the place was
        opened, from the counts (a pass needs no more: it reads the profiles itself)."""
        return bool(self.profiles) or self._servers_known > 0

    def sync_now(self) -> None:
        self._run_pass(quiet=False)

    def sync_quietly(self) -> None:
        """The timer's and the network's pass: nothing when paused, nothing to say if fine."""
        if not self.pause_box.isChecked() and self.has_servers():
            self._run_pass(quiet=True)

    def _run_pass(self, *, quiet: bool) -> None:
        workspace = self._workspace
        if workspace is None or self._pass is not None:
            return
        if not self.has_servers() and not quiet:
            self.notice.emit(self.tr("Add the server your program uses first (Add a "
                                     "server…)."), Tone.WARNING)
            return
        self._poll.start()
        hold = METERED_HOLD_MB * 1_048_576 if (self.metered_box.isChecked()
                                                and self.network_is_metered()) else None
        self._pass = ops.sync_pass(workspace, hold, immediate=not quiet).success(
            lambda report: self._pass_done(report, quiet)).failure(self._pass_failed) \
            .cancelled(self._pass_stopped).run(self._runner, origin=self)
        self.status_changed.emit(self.tr("Syncing…"))

    def _pass_done(self, report: SyncReport, quiet: bool) -> None:
        self._pass = None
        self._poll.stop()
        problems = [s.error for s in report.servers if s.error] + [
            f"{i.mc_name}: {i.error}" for i in report.items if i.error] + [
            problem for s in report.servers for problem in s.review_problems]
        new = sum(s.assignments_new for s in report.servers)
        sent = sum(s.reviews_sent for s in report.servers)
        # One notice for the pass (the bar shows one at a time): what came and went for the
        # reviews, and a calibration's outcome, are not pushed out by "finished".
        said = [note for s in report.servers for note in s.review_notes]
        if new or sent:
            said.insert(0, self.tr("Reviews: %n new submission(s) to review", "", new) + ", "
                        + self.tr("%n review(s) sent.", "", sent))
        decisions = sum(s.decisions_sent for s in report.servers)
        added = sum(s.calibration_added for s in report.servers)
        removed = sum(s.calibration_removed for s in report.servers)
        staffed = [words for words in (
            self.tr("%n decision(s) sent", "", decisions) if decisions else "",
            self.tr("%n calibration item(s) added", "", added) if added else "",
            self.tr("%n calibration item(s) taken out", "", removed) if removed else "")
            if words]
        if staffed:
            said.append(self.tr("Issuer staff: %1.").replace("%1", ", ".join(staffed)))
        if problems:
            self.notice.emit("\n".join(problems + said), Tone.WARNING)
        elif said:
            self.notice.emit("\n".join(said), Tone.INFO)
        elif not quiet:
            self.notice.emit(self.tr("Sync finished: everything that could go went."),
                             Tone.INFO)
        if any(i.state is OutboxState.LOGIN_NEEDED for i in report.items) or any(
                "sign in" in (s.error or "").lower() for s in report.servers):
            self.notice.emit(self.tr("The server needs you to sign in again: Sync › Sign in "
                                     "again…"), Tone.WARNING)
        ops.announce_pass(self._runner, report, origin=self)
        self.pass_finished.emit(report)
        self.refresh()
        self.bring_study_files()

    # -- study files ----------------------------------------------------------------------

    def bring_study_files(self) -> None:
        """After a pass, at low priority: the catalog's resource and exemplar files, within
        the budget; held on a metered network when the hold is on."""
        workspace = self._workspace
        if workspace is None or self._study is not None or self.pause_box.isChecked():
            return
        metered = self.metered_box.isChecked() and self.network_is_metered()

        def done(report: FetchReport) -> None:
            self._study = None
            if report.refused:
                self.notice.emit(self.tr("Study files refused: %1").replace("%1", "; ".join(
                    reason for _sha, reason in report.refused)), Tone.WARNING)
            self.refresh()

        def ended(exc: BaseException | None = None) -> None:
            self._study = None
            if exc is not None:
                self._failed(exc)

        self._study = ops.study_background(workspace, metered).success(done).failure(
            ended).cancelled(ended).run(self._runner, origin=self)

    def _budget_loaded(self, result: tuple[int, int]) -> None:
        budget, used = result
        self.budget_box.blockSignals(True)
        self.budget_box.setValue(budget / GIB)
        self.budget_box.blockSignals(False)
        self.budget_used.setText(self.tr("(%1 used)").replace("%1", human_size(used)))

    def _save_budget(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.set_study_budget(workspace, int(self.budget_box.value() * GIB)).success(
            lambda _r: self.bring_study_files()).failure(self._failed).run(
            self._runner, origin=self)

    def _pass_failed(self, exc: BaseException) -> None:
        self._pass = None
        self._poll.stop()
        self._failed(exc)
        self.refresh()

    def _pass_stopped(self) -> None:
        self._pass = None
        self._poll.stop()
        self.notice.emit(self.tr("Sync paused; it goes on from where it stopped next time."),
                         Tone.INFO)
        self.refresh()

    def _paused(self, paused: bool) -> None:
        self._settings.setValue(SETTINGS_PAUSED, paused)
        if paused and self._pass is not None:
            self._pass.cancel()
        if paused and self._study is not None:
            self._study.cancel()
        self.status_changed.emit(self.status_line())

    def network_is_metered(self) -> bool:
        """What the system says of the current network (False where it cannot tell)."""
        if not self._watching:
            self._watch_network()
        from PySide6.QtNetwork import QNetworkInformation

        info = QNetworkInformation.instance()
        return bool(info is not None and info.isMetered())

    def _watch_network(self) -> None:
        """Sync when the network comes back (where Qt can tell)."""
        if self._watching:
            return
        self._watching = True
        from PySide6.QtNetwork import QNetworkInformation  # not on the start-up path

        if not QNetworkInformation.loadDefaultBackend():
            return
        info = QNetworkInformation.instance()
        if info is None:
            return
        info.reachabilityChanged.connect(
            lambda reachability: self.sync_quietly()
            if reachability == QNetworkInformation.Reachability.Online else None)

    # -- servers ------------------------------------------------------------------------

    def ask_server(self) -> None:
        dialog = ServerDialog(self)
        if dialog.exec():
            self._save_server(dialog.name.text(), dialog.url.text(), dialog.token.text())
        dialog.deleteLater()

    def sign_in_again(self) -> None:
        name = self.current_server()
        profile = next((p for p in self.profiles if p.name == name), None)
        if profile is None:
            return
        dialog = ServerDialog(self, name=profile.name, url=profile.url, sign_in_again=True)
        if dialog.exec():
            self._save_server(profile.name, profile.url, dialog.token.text())
        dialog.deleteLater()

    def _save_server(self, name: str, url: str, token: str, *, insecure: bool = False,
                     token_file: bool = False) -> None:
        workspace = self._workspace
        if workspace is None:
            return

        def saved(profile: ServerProfile) -> None:
            where = (self.tr("in a file only you can read") if token_file
                     else self.tr("in your keyring"))
            self.notice.emit(self.tr("Saved “%1”. Its token is %2.").replace(
                "%1", profile.name).replace("%2", where), Tone.INFO)
            self.profiles = [p for p in self.profiles if p.name != profile.name] + [profile]
            self.refresh()
            self._adopt_role(profile.name)
            self.sync_now()

        def failed(exc: BaseException) -> None:
            # Asked once, in words; a yes tries again with that permission.
            if isinstance(exc, InsecureAddressError) and self._agrees(
                    self.tr("Send over plain http?"), str(exc)):
                self._save_server(name, url, token, insecure=True, token_file=token_file)
            elif isinstance(exc, NoKeyringError) and self._agrees(
                    self.tr("Keep the token in a file?"), str(exc)):
                self._save_server(name, url, token, insecure=insecure, token_file=True)
            elif not isinstance(exc, InsecureAddressError | NoKeyringError):
                self._failed(exc)

        ops.add_server(workspace, name, url, token, insecure=insecure,
                       token_file=token_file).success(saved).failure(failed).run(
            self._runner, origin=self)

    def _adopt_role(self, name: str) -> None:
        """Work in the role of the token's account (an assessor's token: an assessor's
        portfolio); the shell hears of the change like any other write."""
        workspace = self._workspace
        if workspace is None:
            return

        def adopted(role: Role | None) -> None:
            if role is None:
                return
            self.notice.emit(self.tr("This token belongs to an account that works as “%1” on "
                                     "“%2”: mcdesk now works that way too (change it under "
                                     "Working as).").replace("%1", str(role)).replace(
                "%2", name), Tone.INFO)

        # Not being able to ask is no problem: the portfolio keeps its role.
        ops.adopt_server_role(workspace, name).success(adopted).failure(
            lambda _exc: None).run(self._runner, origin=self)

    def _agrees(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def remove_server(self) -> None:
        workspace, name = self._workspace, self.current_server()
        if workspace is None or name is None:
            return
        ops.remove_server(workspace, name).success(lambda _r: self.refresh()).failure(
            self._failed).run(self._runner, origin=self)

    def queue_draft(self, draft_id: str) -> None:
        """Send a ready draft: into the outbox, then a pass right away."""
        workspace = self._workspace
        if workspace is None:
            return
        server = self.current_server() if len(self.profiles) > 1 else None
        def queued(_queued: object) -> None:
            self.notice.emit(self.tr("The draft is in the outbox; it goes out now, or whenever "
                                     "a connection exists."), Tone.INFO)
            self.refresh()
            self.sync_quietly()

        ops.queue_draft(workspace, draft_id, server).success(queued).failure(
            self._failed).run(self._runner, origin=self)
