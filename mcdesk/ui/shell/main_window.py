"""The main window: a sidebar of places, the current place, notices and background jobs; GUI
thread."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.errors import DamagedDatabaseError, McdeskError, MigrationFailedError
from mcdesk.core.role import Role
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.shell import ops as shell_ops
from mcdesk.ui.shell import window_state
from mcdesk.ui.shell.crash import CrashReporter
from mcdesk.ui.shell.exchange_actions import ExchangeActions
from mcdesk.ui.shell.jobs_indicator import JobsIndicator
from mcdesk.ui.shell.language_menu import LanguageMenu
from mcdesk.ui.shell.places import PLACES, ROLES, PlaceKey, RoleSpec, role_spec
from mcdesk.ui.shell.start_chores import StartChores
from mcdesk.ui.widgets.icons import icon, selectable_icon
from mcdesk.ui.widgets.locale_text import date_time_text
from mcdesk.ui.widgets.notice import NoticeBar, Tone
from mcdesk.ui.widgets.place import Place

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.catalog.page import CatalogPage
    from mcdesk.ui.drafts.page import DraftsPage
    from mcdesk.ui.evidence.page import EvidencePage
    from mcdesk.ui.plan.page import PlanPage
    from mcdesk.ui.reviews.page import ReviewsPage
    from mcdesk.ui.shell.check_dialog import CheckDialog
    from mcdesk.ui.shell.guide_viewer import GuideWindow
    from mcdesk.ui.shell.verify_dialog import VerifyDialog
    from mcdesk.ui.sync.page import SyncPage


log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    workspace_ready = Signal()
    # A new portfolio's sample evidence is made: its AddReport, or the exception.
    demo_content_ready = Signal(object)

    def __init__(self, runner: JobRunner, portfolio_dir: Path) -> None:
        super().__init__()
        self.runner = runner
        self.portfolio_dir = portfolio_dir
        self.workspace: Workspace | None = None
        self.start_chores: StartChores | None = None
        self.crash_reporter = CrashReporter(self)
        self.check_dialog: CheckDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        self.guide_window: GuideWindow | None = None
        self.setWindowTitle("mcdesk")
        self.setWindowIcon(icon("mcdesk"))
        self.setMinimumSize(QSize(720, 480))
        window_state.restore_window(self)

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Places"))
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFixedWidth(150)
        self.sidebar.setSpacing(2)
        self.pages = QStackedWidget()
        self.places: dict[PlaceKey, Place] = {}
        for spec in PLACES.values():
            if spec.eager:
                self.place(spec.key)
        self._role_places: tuple[PlaceKey, ...] = ()
        self._fill_sidebar(role_spec(Role.EARNER))
        self.sidebar.currentRowChanged.connect(self._place_chosen)
        self.show_place(PlaceKey.CATALOG)
        runner.changed.connect(self._fan_out)

        self.notice_bar = NoticeBar()
        self.error_page = self._build_error_page()
        self.body = QStackedWidget()
        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        self.role_box = QComboBox()
        self.role_box.setAccessibleName(self.tr("Working as"))
        self.role_box.setToolTip(self.tr(
            "What you are doing today: your own micro-credentials, or reviewing others'"))
        for role in ROLES:
            self.role_box.addItem(role.translated_label(), role.role)
        self.role_box.setEnabled(False)
        self.role_box.activated.connect(self._role_chosen)
        side = QWidget()
        side.setFixedWidth(150)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        role_label = QLabel(self.tr("Working as"))
        role_label.setBuddy(self.role_box)
        side_layout.addWidget(role_label)
        side_layout.addWidget(self.role_box)
        side_layout.addWidget(self.sidebar, 1)
        row.addWidget(side)
        row.addWidget(self.pages, 1)
        self.body.addWidget(content)
        self.body.addWidget(self.error_page)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.addWidget(self.notice_bar)
        layout.addWidget(self.body, 1)
        self.setCentralWidget(central)

        self.portfolio_label = QLabel()
        self.statusBar().addWidget(self.portfolio_label, 1)
        self.sync_status = QPushButton()
        self.sync_status.setFlat(True)
        self.sync_status.setAccessibleName(self.tr("Sync status"))
        self.sync_status.setToolTip(self.tr("Open Sync"))
        self.sync_status.clicked.connect(lambda: self.show_place(PlaceKey.SYNC))
        self.statusBar().addPermanentWidget(self.sync_status)
        self.jobs_indicator = JobsIndicator(runner)
        self.statusBar().addPermanentWidget(self.jobs_indicator)
        runner.unhandled_error.connect(self.crash_reporter.report)
        self._build_menus()

    # -- places -------------------------------------------------------------------------

    def place(self, key: PlaceKey) -> Place:
        """The place `key`, built (and given the open portfolio) on first use."""
        page = self.places.get(key)
        if page is None:
            page = PLACES[key].build(self.runner)
            self.places[key] = page
            page.notice.connect(self.show_notice)
            page.unexpected.connect(self.crash_reporter.report)
            self.pages.addWidget(page)
            self._wire(key, page)
            window_state.restore_splitters(key, page)
            if self.workspace is not None:
                page.set_workspace(self.workspace)
        return page

    def _wire(self, key: PlaceKey, page: Place) -> None:
        """The requests a place makes of another, passed on by the shell (places never import
        each other)."""
        if key is PlaceKey.CATALOG:
            cast("CatalogPage", page).start_draft_requested.connect(self._start_draft)
            cast("CatalogPage", page).add_to_plan_requested.connect(self._add_to_plan)
        elif key is PlaceKey.PLAN:
            plan = cast("PlanPage", page)
            plan.start_draft_requested.connect(self._start_draft)
            plan.open_draft_requested.connect(self._open_draft)
            plan.show_in_catalog_requested.connect(self._show_in_catalog)
        elif key is PlaceKey.DRAFTS:
            cast("DraftsPage", page).editor.send_requested.connect(self._send_draft)
        elif key is PlaceKey.REVIEWS:
            cast("ReviewsPage", page).sync_requested.connect(
                lambda: self.sync_page.sync_now())
        elif key is PlaceKey.SYNC:
            cast("SyncPage", page).status_changed.connect(self.sync_status.setText)

    @property
    def catalog_page(self) -> CatalogPage:
        return cast("CatalogPage", self.place(PlaceKey.CATALOG))

    @property
    def evidence_page(self) -> EvidencePage:
        return cast("EvidencePage", self.place(PlaceKey.EVIDENCE))

    @property
    def drafts_page(self) -> DraftsPage:
        return cast("DraftsPage", self.place(PlaceKey.DRAFTS))

    @property
    def plan_page(self) -> PlanPage:
        return cast("PlanPage", self.place(PlaceKey.PLAN))

    @property
    def reviews_page(self) -> ReviewsPage:
        return cast("ReviewsPage", self.place(PlaceKey.REVIEWS))

    @property
    def sync_page(self) -> SyncPage:
        return cast("SyncPage", self.place(PlaceKey.SYNC))

    def _fan_out(self, notice: ChangeNotice) -> None:
        """Pass what a write changed to every built place but the one that made the edit."""
        origin = notice.origin
        if Change.ROLES in notice.changes and origin is not self and self.workspace is not None:
            shell_ops.current_role(self.workspace).success(self.show_role).failure(
                self.crash_reporter.report).run(self.runner)
        for page in list(self.places.values()):
            if isinstance(origin, QWidget) and (origin is page or page.isAncestorOf(origin)):
                continue
            page.changes_happened(notice)

    def _fill_sidebar(self, spec: RoleSpec) -> None:
        """Show the role's places in its order; the others stay in the list, hidden (one
        item per place for the window's life, so whoever holds an item keeps a live one)."""
        if spec.places == self._role_places:
            return
        self._role_places = spec.places
        current = self._current_key()
        self.sidebar.blockSignals(True)
        selected_text = self.sidebar.palette().color(QPalette.ColorRole.HighlightedText)
        items = {PlaceKey(self.sidebar.item(row).data(Qt.ItemDataRole.UserRole)):
                 self.sidebar.item(row) for row in range(self.sidebar.count())}
        for key in PLACES:
            if key not in items:
                item = QListWidgetItem(PLACES[key].translated_title())
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setSizeHint(QSize(0, 36))
                self.sidebar.addItem(item)
                items[key] = item
        order = [*spec.places, *(key for key in PLACES if key not in spec.places)]
        for row, key in enumerate(order):
            taken = self.sidebar.takeItem(self.sidebar.row(items[key]))
            self.sidebar.insertItem(row, taken)
            taken.setHidden(key not in spec.places)
            if key in spec.places and taken.icon().isNull():
                # Drawn on first showing: another role's places cost nothing at start-up.
                taken.setIcon(selectable_icon(key, selected_text))
        self.sidebar.blockSignals(False)
        if current in spec.places:
            self.sidebar.setCurrentRow(spec.places.index(current))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A dark (or light) system palette: selected icons follow its selection text colour
        # (the window's palette is the new one already; the sidebar's may not be yet).
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            selected_text = self.palette().color(QPalette.ColorRole.HighlightedText)
            for item in map(self.sidebar.item, range(self.sidebar.count())):
                if not item.icon().isNull():  # the others are drawn when they first show
                    item.setIcon(selectable_icon(item.data(Qt.ItemDataRole.UserRole),
                                                 selected_text))

    def _current_key(self) -> PlaceKey | None:
        current = self.pages.currentWidget()
        return next((key for key, page in self.places.items() if page is current), None)

    def _place_chosen(self, row: int) -> None:
        item = self.sidebar.item(row)
        if item is not None:
            key = PlaceKey(item.data(Qt.ItemDataRole.UserRole))
            self.pages.setCurrentWidget(self.place(key))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.add_evidence_action = QAction(self.tr("&Add evidence…"), self)
        self.add_evidence_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Open))
        self.add_evidence_action.triggered.connect(self._add_evidence)
        file_menu.addAction(self.add_evidence_action)
        self.import_action = QAction(self.tr("&Import micro-credentials…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.import_action.triggered.connect(self._import)
        file_menu.addAction(self.import_action)
        self.name_action = QAction(self.tr("Your &name on submissions…"), self)
        self.name_action.triggered.connect(self.ask_owner_name)
        file_menu.addAction(self.name_action)
        self.import_review_action = QAction(self.tr("Import a &review of my submission…"), self)
        self.import_review_action.triggered.connect(self._import_review)
        file_menu.addAction(self.import_review_action)
        # Always enabled: a district checks a teacher's badges without a portfolio of its own
        # (and it works when the portfolio failed to open).
        self.verify_action = QAction(self.tr("&Verify a credential…"), self)
        self.verify_action.triggered.connect(self.open_verify)
        file_menu.addAction(self.verify_action)
        self.check_action = QAction(self.tr("&Check portfolio…"), self)
        self.check_action.triggered.connect(self.open_check)
        file_menu.addAction(self.check_action)
        self.exchange_actions = ExchangeActions(self, file_menu, self.check_action)
        show_folder = QAction(self.tr("Show portfolio &folder"), self)
        show_folder.triggered.connect(self._show_folder)
        file_menu.addAction(show_folder)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.sync_action.triggered.connect(lambda: self.sync_page.sync_now())
        file_menu.insertAction(self.check_action, self.sync_action)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        find = QAction(self.tr("&Find…"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self._find)
        edit_menu.addAction(find)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self.language_menu = LanguageMenu(self)
        settings_menu.addMenu(self.language_menu)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.guide_action = QAction(self.tr("&User guide"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.open_guide)
        help_menu.addAction(self.guide_action)
        about = QAction(self.tr("&About mcdesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        for action in (self.import_action, self.check_action, self.add_evidence_action,
                       self.sync_action, self.import_review_action, self.name_action):
            action.setEnabled(False)

    def _build_error_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.error_title = QLabel(self.tr("mcdesk could not open your portfolio"))
        self.error_title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.error_text = QLabel()
        self.error_text.setWordWrap(True)
        self.error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_button = QPushButton(self.tr("Show the portfolio folder"))
        folder_button.clicked.connect(self._show_folder)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self._restore_backup)
        self.restore_button.hide()
        for widget in (self.error_title, self.error_text):
            layout.addWidget(widget)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(folder_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        page.setContentsMargins(48, 24, 48, 24)
        return page

    # -- the portfolio ------------------------------------------------------------------

    def set_workspace(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.portfolio_label.setText(self.tr("Portfolio: %1").replace("%1", str(workspace.root)))
        self.portfolio_label.setToolTip(str(workspace.root))
        for action in (self.import_action, self.check_action, self.add_evidence_action,
                       self.sync_action, self.import_review_action, self.name_action):
            action.setEnabled(True)
        for page in self.places.values():
            page.set_workspace(workspace)
        shell_ops.current_role(workspace).success(self.show_role).failure(
            self.crash_reporter.report).run(self.runner)
        self.workspace_ready.emit()

    # -- roles --------------------------------------------------------------------------

    @property
    def role(self) -> Role:
        return Role(self.role_box.currentData())

    def show_role(self, role: Role) -> None:
        """Show the places of a role (a teacher's evidence and drafts, an assessor's reviews)."""
        self.role_box.setEnabled(True)
        index = self.role_box.findData(role)
        self.role_box.setCurrentIndex(max(0, index))
        spec = role_spec(self.role)
        self._fill_sidebar(spec)
        if self._current_key() not in spec.places:
            self.show_place(spec.start)

    def switch_role(self, role: Role) -> None:
        workspace = self.workspace
        self.show_role(role)
        if workspace is not None:
            shell_ops.switch_role(workspace, role).failure(self.crash_reporter.report).run(
                self.runner, origin=self)
        self.show_place(role_spec(role).start)

    def _role_chosen(self, index: int) -> None:
        self.switch_role(Role(self.role_box.itemData(index)))

    def show_open_failure(self, exc: BaseException) -> None:
        text = str(exc) if isinstance(exc, McdeskError) else f"{exc.__class__.__name__}: {exc}"
        backup = getattr(exc, "backup", None)
        lines = [text, "",
                 self.tr("Nothing in the folder was changed or deleted.")]
        if backup:
            lines.append(self.tr("A copy of the database as it was is in %1.").replace(
                "%1", str(backup)))
        else:
            lines.append(self.tr("Earlier copies of the database are kept in its backups folder."))
        self.error_text.setText("\n".join(lines))
        self.body.setCurrentIndex(1)
        self.restore_button.hide()
        if isinstance(exc, MigrationFailedError | DamagedDatabaseError):
            root = self.portfolio_dir

            shell_ops.find_last_backup(root).success(self._offer_backup).run(self.runner)

    def _offer_backup(self, backup: Path | None) -> None:
        if backup is None:
            return
        when = date_time_text(datetime.fromtimestamp(backup.stat().st_mtime))
        self.restore_button.setText(self.tr("Use the last backup (%1)").replace("%1", when))
        self.restore_button.setProperty("backup", str(backup))
        self.restore_button.show()

    def _restore_backup(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # built when asked: Qt classes cost start-up

        answer = QMessageBox.question(self, self.tr("Use the last backup?"), self.tr(
            "mcdesk will put the last backup in place of the database it cannot open. Work "
            "done after that backup is not in it. The database it replaces is kept in the "
            "portfolio's trash folder, not deleted."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        def restored(result: tuple[Path, Path]) -> None:
            self.body.setCurrentIndex(0)
            self.show_notice(self.tr("Your portfolio is back as it was on its last backup. The "
                                     "database it replaced is kept in %1.")
                             .replace("%1", str(result[1])))
            self.open_portfolio(seed_demo=False)

        shell_ops.restore_last_backup(self.portfolio_dir).success(restored).failure(
            self.show_open_failure).run(self.runner, origin=self)

    def open_portfolio(self, *, seed_demo: bool = True) -> None:
        """Open (or create, with the demo catalog) the portfolio off the GUI thread."""
        shell_ops.open_portfolio(self.portfolio_dir, seed_demo=seed_demo).success(
            self._opened).failure(self.show_open_failure).run(self.runner, origin=self)

    def _opened(self, workspace: Workspace) -> None:
        self.set_workspace(workspace)
        if workspace.seeded_demo:
            self.show_notice(self.tr(
                "Welcome to mcdesk. This new portfolio holds a demo catalog of "
                "micro-credentials: pick one on the left to read what it asks for. Sample "
                "evidence is being prepared in Evidence."))
            shell_ops.start_demo_content(self.runner, workspace, self._demo_content_done)
            shell_ops.start_demo_study(self.runner, workspace)
        if self.start_chores is not None:  # the chores of a portfolio opened before
            self.start_chores.deleteLater()
        self.start_chores = StartChores(self, workspace)

    def _demo_content_done(self, outcome: object) -> None:
        if isinstance(outcome, BaseException):
            log.warning("Could not prepare the sample evidence: %s", outcome)
        self.demo_content_ready.emit(outcome)

    def bring_forward(self) -> None:
        """Another launch on this portfolio asked for this window (one window per portfolio)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.show_notice(self.tr("mcdesk was started again on this portfolio: here is its "
                                 "window."))

    def show_notice(self, text: str, tone: Tone = Tone.INFO) -> None:
        self.notice_bar.show_message(text, tone)

    def open_verify(self) -> None:
        if self.verify_dialog is None:
            from mcdesk.ui.shell.verify_dialog import VerifyDialog

            self.verify_dialog = VerifyDialog(self.runner, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()

    def open_guide(self) -> None:
        """Help → User guide: the guide shipped with the app, beside the window."""
        if self.guide_window is None:
            from mcdesk.ui.shell.guide_viewer import GuideWindow

            self.guide_window = GuideWindow(self)
        self.guide_window.show()
        self.guide_window.raise_()

    def open_check(self) -> None:
        if self.workspace is None:
            return
        if self.check_dialog is None:
            from mcdesk.ui.shell.check_dialog import CheckDialog

            self.check_dialog = CheckDialog(self.runner, self.workspace, self)
        self.check_dialog.show()
        self.check_dialog.raise_()
        self.check_dialog.start()

    def _about(self) -> None:
        from mcdesk.ui.shell.about import show_about

        show_about(self)

    def _import(self) -> None:
        self.show_place(PlaceKey.CATALOG)
        self.catalog_page.choose_and_import()

    def ask_owner_name(self) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        shell_ops.owner_name(workspace).success(self._edit_owner_name).failure(
            self.crash_reporter.report).run(self.runner)

    def _edit_owner_name(self, current: str | None) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self, self.tr("Your name on submissions"), self.tr(
                "The name your packages carry, so an issuer knows whose work it is.\n"
                "Assessors do not see it: reviews are blind. Leave empty to send none."),
            text=current or "")
        if ok:
            self.save_owner_name(name)

    def save_owner_name(self, name: str) -> None:
        workspace = self.workspace
        if workspace is None:
            return
        shell_ops.set_owner_name(workspace, name).success(lambda _n: self.show_notice(
            self.tr("Saved. Packages you build from now on carry it."), Tone.INFO)).failure(
            self._background_failed).run(self.runner, origin=self)

    def _background_failed(self, exc: BaseException) -> None:
        if isinstance(exc, McdeskError):
            self.show_notice(str(exc), Tone.ERROR)
        else:
            self.crash_reporter.report(exc)

    def _import_review(self) -> None:
        if self.role is not Role.EARNER:
            self.switch_role(Role.EARNER)
        self.show_place(PlaceKey.DRAFTS)
        self.drafts_page.choose_review_file()

    def _send_draft(self, draft_id: str) -> None:
        self.show_place(PlaceKey.SYNC)
        self.sync_page.queue_draft(draft_id)

    def _start_draft(self, achievement_id: str) -> None:
        self.show_place(PlaceKey.DRAFTS)
        self.drafts_page.start_draft(achievement_id)

    def _add_to_plan(self, achievement_id: str) -> None:
        self.show_place(PlaceKey.PLAN)
        self.plan_page.add_micro_credential(achievement_id)

    def _open_draft(self, draft_id: str) -> None:
        self.show_place(PlaceKey.DRAFTS)
        self.drafts_page.select_draft(draft_id)

    def _show_in_catalog(self, achievement_id: str) -> None:
        self.show_place(PlaceKey.CATALOG)
        self.catalog_page.show_micro_credential(achievement_id)

    def _add_evidence(self) -> None:
        self.show_place(PlaceKey.EVIDENCE)
        self.evidence_page.choose_files()

    def show_place(self, key: PlaceKey | str) -> None:
        """Go to place `key` (a PlaceKey or its value); one the role hides (asked for before
        the role is known) stays until the role shows it or leaves it for its start."""
        for row in range(self.sidebar.count()):
            if self.sidebar.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.sidebar.setCurrentRow(row)

    def _find(self) -> None:
        if self.places.get(PlaceKey.EVIDENCE) is not None and (
                self.pages.currentWidget() is self.evidence_page):
            self.evidence_page.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.evidence_page.search.selectAll()
        else:
            self.show_place(PlaceKey.CATALOG)
            self.catalog_page.focus_search()

    def _show_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.portfolio_dir)))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Words still waiting for their autosave go to the disk first (the runner finishes
        # them during shutdown), then the pages let go so late callbacks start no new work.
        for page in self.places.values():
            page.flush()
        window_state.save_window(self)
        for key, page in self.places.items():
            window_state.save_splitters(key, page)
        for page in self.places.values():
            page.set_workspace(None)
        if self.check_dialog is not None:
            self.check_dialog.close()
        self.runner.shutdown(wait=True, timeout=10.0)
        if self.workspace is not None:
            self.workspace.close()
        super().closeEvent(event)

