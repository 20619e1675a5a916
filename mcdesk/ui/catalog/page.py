"""The Catalog place: search and filter on the left, the chosen micro-credential on the right;
GUI thread (all portfolio work goes through jobs)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias
from urllib.parse import unquote

from PySide6.QtCore import QItemSelection, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog_list import CatalogEntry, Stack
from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.catalog import ops
from mcdesk.ui.catalog.entry_delegate import ROW_CHROME, EntryDelegate
from mcdesk.ui.catalog.model import ENTRY_ROLE, CatalogListModel
from mcdesk.ui.widgets.batched_list import BatchedListView
from mcdesk.ui.widgets.colors import is_dark, readable
from mcdesk.ui.widgets.empty_state import empty_state
from mcdesk.ui.widgets.locale_text import number_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.search_box import SearchBox
from mcdesk.ui.widgets.splitter import list_detail_splitter

if TYPE_CHECKING:
    # Types only: the window shows before services, storage and the definitions are imported.
    from mcdesk.core.catalog import FileImportResult, ImportOutcome
    from mcdesk.core.study import FetchReport, FileRef
    from mcdesk.services.catalog import MicroCredentialDetail
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.catalog.mc_render import Colors

SEARCH_DELAY_MS = 60
# Lines read first when the list is loaded: more than a tall screen shows.
FIRST_PAGE = 40
# What loading the catalog brings back: the stacks with their sizes, the issuers, the list and
# the number of micro-credentials in all.
_Loaded: TypeAlias = tuple[list[tuple[Stack, int]], list[str], list[CatalogEntry], int]


def palette_colors(palette: QPalette) -> Colors:
    from mcdesk.ui.catalog.mc_render import Colors

    role = QPalette.ColorRole
    dark = is_dark(palette)
    return Colors(
        text=palette.color(role.WindowText).name(),
        muted=palette.color(role.PlaceholderText).name(),
        accent=readable(palette.color(role.Link), palette.color(role.Base)).name(),
        border=palette.color(role.Mid).name(),
        panel=palette.color(role.AlternateBase).name(),
        passing="#1f4d2b" if dark else "#e3f4e6",
        link=readable(palette.color(role.Link), palette.color(role.Base)).name(),
    )


class CatalogPage(Place):
    watches = frozenset({Change.CATALOG, Change.STUDY})
    start_draft_requested = Signal(str)
    # "Add to plan…": the micro-credential's id (the Plan place asks for the date).
    add_to_plan_requested = Signal(str)
    # The list's first screenful is shown (the whole list, if it is that short).
    first_page_shown = Signal(int)
    # The whole list is shown: how many lines.
    entries_shown = Signal(int)
    detail_shown = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._generation = 0
        self._detail_generation = 0
        self._current_id: str | None = None
        self._current_version: str | None = None
        self._current_stack: str | None = None
        self._study_refs: dict[str, tuple[str, FileRef]] = {}  # sha256 -> (title, file)
        self._pending_select: str | None = None
        self.viewer: QWidget | None = None  # the study viewer last opened
        self.accept_file_drops()

        self.search = SearchBox(self.tr("Search micro-credentials (Ctrl+F)"),
                                self.tr("Search the catalog"), delay_ms=SEARCH_DELAY_MS)
        self.stack_filter = QComboBox()
        self.stack_filter.setAccessibleName(self.tr("Filter by stack"))
        self.issuer_filter = QComboBox()
        self.issuer_filter.setAccessibleName(self.tr("Filter by issuer"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr(
            "Import micro-credentials from an Open Badges 3.0 file or an mcdesk catalog (Ctrl+O)"))
        self.count_label = QLabel()
        self.count_label.setObjectName("catalogCount")

        self.model = CatalogListModel()
        self.list = BatchedListView()
        self.list.setModel(self.model)
        self.delegate = EntryDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setAccessibleName(self.tr("Micro-credentials"))
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setAlternatingRowColors(True)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty = QLabel()
        self.empty.setMargin(16)
        self.empty_import = QPushButton(self.tr("Import a catalog file…"))
        self.empty_import.clicked.connect(self.choose_and_import)
        empty_box = empty_state(self.empty, self.empty_import)
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.list)
        self.left_stack.addWidget(empty_box)

        filters = QFormLayout()
        filters.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        filters.addRow(self.tr("&Stack:"), self.stack_filter)
        filters.addRow(self.tr("&Issuer:"), self.issuer_filter)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.left_stack, 1)
        left_layout.addWidget(self.count_label)

        self.version_box = QComboBox()
        self.version_box.setAccessibleName(self.tr("Version"))
        self.version_box.activated.connect(self._version_chosen)
        self.version_label = QLabel(self.tr("Version:"))
        self.version_label.setBuddy(self.version_box)
        self.start_draft_button = QPushButton(self.tr("Start a draft"))
        self.start_draft_button.setToolTip(self.tr(
            "Start gathering your submission for this micro-credential"))
        self.start_draft_button.clicked.connect(self._start_draft_clicked)
        self.add_to_plan_button = QPushButton(self.tr("Add to plan…"))
        self.add_to_plan_button.setToolTip(self.tr(
            "Aim to earn this micro-credential: choose the date you will send it by"))
        self.add_to_plan_button.clicked.connect(self._add_to_plan_clicked)
        self.stack_offline_button = QPushButton(self.tr("Make the stack available offline"))
        self.stack_offline_button.setToolTip(self.tr(
            "Bring down now every resource and example of work of this stack's "
            "micro-credentials, to study without a network (within your storage budget)"))
        self.stack_offline_button.clicked.connect(self._stack_offline_clicked)
        self.stack_offline_button.hide()
        version_row = QHBoxLayout()
        version_row.addWidget(self.start_draft_button)
        version_row.addWidget(self.add_to_plan_button)
        version_row.addWidget(self.stack_offline_button)
        version_row.addStretch(1)
        version_row.addWidget(self.version_label)
        version_row.addWidget(self.version_box)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Micro-credential"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link_clicked)
        self.placeholder = QLabel(self.tr(
            "Pick a micro-credential on the left to read its competency, key method, "
            "submission criteria and scoring rubric."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_stack = QStackedWidget()
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(version_row)
        detail_layout.addWidget(self.browser, 1)
        self.right_stack.addWidget(self.placeholder)
        self.right_stack.addWidget(detail)

        splitter = list_detail_splitter(left, self.right_stack, sizes=(340, 760),
                                       stretch=(2, 5))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search.search_changed.connect(lambda _words: self.refresh())
        self.stack_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.issuer_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.import_button.clicked.connect(self.choose_and_import)
        self._set_filters_enabled(False)
        self._show_empty(self.tr("Opening your portfolio…"), offer_import=False)

    # -- wiring to the portfolio --------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        # The catalog is the first place shown: it loads as soon as the portfolio is open, in
        # one job that brings the filters and the list together.
        self._workspace = workspace
        self._stale = False
        self._set_filters_enabled(workspace is not None)
        if workspace is not None:
            self.reload_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _set_filters_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.stack_filter, self.issuer_filter, self.import_button):
            widget.setEnabled(enabled)

    def reload_filters(self) -> None:
        """Reload the stack and issuer choices and, in the same job, the list: the list does
        not wait for a second round trip once the filters are back."""
        workspace = self._workspace
        if workspace is None:
            return
        self._generation += 1
        generation = self._generation
        query = self.search.text()
        stack_id = self.stack_filter.currentData()
        issuer = self.issuer_filter.currentData()

        def loaded(result: ops.Listing) -> None:
            stacks, issuers, entries, total = result
            self._filters_loaded(stacks, issuers)
            if (self.stack_filter.currentData(), self.issuer_filter.currentData()) != (
                    stack_id, issuer):
                self.refresh()  # a chosen stack or issuer is gone: the list must follow
                return
            whole = len(entries) < FIRST_PAGE
            self._entries_loaded(generation, stack_id, entries, total, whole=whole)
            if not whole and generation == self._generation:
                ops.search(workspace, query, stack_id, issuer).success(
                    lambda rest: self._rest_loaded(generation, stack_id, *rest)).failure(
                    self._failed).run(self._runner, origin=self)

        # A screenful first (the window's first paint waits for it), the rest right after.
        ops.listing(workspace, query, stack_id, issuer, limit=FIRST_PAGE).success(
            loaded).failure(self._failed).run(self._runner, origin=self)

    def _filters_loaded(self, stacks: list[tuple[Stack, int]], issuers: list[str]) -> None:
        """Fill the stack and issuer choices, keeping what was chosen if it is still there."""
        chosen_stack = self.stack_filter.currentData()
        chosen_issuer = self.issuer_filter.currentData()
        for combo in (self.stack_filter, self.issuer_filter):
            combo.blockSignals(True)
            combo.clear()
        self.stack_filter.addItem(self.tr("All stacks"), None)
        for stack, size in stacks:
            self.stack_filter.addItem(
                self.tr("%1 (%2)").replace("%1", stack.name).replace("%2", str(size)), stack.id)
        self.issuer_filter.addItem(self.tr("All issuers"), None)
        for issuer in issuers:
            self.issuer_filter.addItem(issuer, issuer)
        for combo, chosen in ((self.stack_filter, chosen_stack),
                              (self.issuer_filter, chosen_issuer)):
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def refresh(self) -> None:
        """Ask for the list that matches the search and filters; stale answers are dropped."""
        workspace = self._workspace
        if workspace is None:
            return
        self._generation += 1
        generation = self._generation
        query = self.search.text()
        stack_id = self.stack_filter.currentData()
        issuer = self.issuer_filter.currentData()
        ops.search(workspace, query, stack_id, issuer).success(
            lambda result: self._entries_loaded(generation, stack_id, *result)).failure(
            self._failed).run(self._runner, origin=self)

    def _rest_loaded(self, generation: int, stack_id: str | None,
                     entries: list[CatalogEntry], total: int) -> None:
        """The whole list, after its first page: the rows shown stay (and with them the
        selection and the scroll position) when they are still its first."""
        if generation != self._generation:
            return
        shown = self.model.entries()
        if entries[:len(shown)] != shown:
            self._entries_loaded(generation, stack_id, entries, total)
            return
        self.model.extend(entries[len(shown):])
        self._show_count(len(entries), total)
        keep = self._pending_select or self._current_id
        if keep and not self.list.currentIndex().isValid() and not self._select(keep):
            QTimer.singleShot(0, self._open_first_if_none)  # the list is on screen by now
        self.entries_shown.emit(len(entries))

    def _select(self, achievement_id: str | None) -> bool:
        """Make `achievement_id`'s line the current one, if the list has it."""
        row = self.model.row_of(achievement_id) if achievement_id else None
        if row is None:
            return False
        self.list.setCurrentIndex(self.model.index(row))
        self._pending_select = None
        return True

    def _show_count(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("%1 of %2 micro-credentials")
                                 .replace("%1", str(shown)).replace("%2", str(total)))

    def _entries_loaded(self, generation: int, stack_id: str | None,
                        entries: list[CatalogEntry], total: int, *, whole: bool = True) -> None:
        """Show `entries`: the whole list, or (`whole` false) its first page, the rest to
        come (the count then says how many match, as it will once they are here)."""
        if generation != self._generation:
            return
        keep = self._pending_select or self._current_id
        self.delegate.numbered = stack_id is not None
        overflows = self._certainly_overflows(len(entries))
        if overflows:
            # Lay the rows out once, at the width the scroll bar leaves them, instead of once
            # without it and again when it appears (a wrapped row's height follows its width).
            self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.model.set_entries(entries, numbered=stack_id is not None)
        if total == 0:
            self.placeholder.setText(self.tr(
                "Imported micro-credentials appear here with every part: competency, key "
                "method, submission criteria and scoring rubric."))
            self.right_stack.setCurrentIndex(0)
            self._current_id = None
            self._show_empty(self.tr(
                "Your catalog is empty.\n\nImport the micro-credentials your issuer published: "
                "an Open Badges 3.0 achievement or an mcdesk catalog file (.json). "
                "You can also drop the file here."), offer_import=True)
        elif not entries:
            self._show_empty(self.tr("No micro-credentials match your search."),
                             offer_import=False)
        else:
            self.left_stack.setCurrentIndex(0)
        if overflows:
            self.list.executeDelayedItemsLayout()
            self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if whole:
            self._show_count(len(entries), total)
        if not self._select(keep) and (whole or not keep):  # else it may be in the rest
            # Open the first one once the list is painted: reading and laying out its detail
            # would otherwise compete with that first paint.
            self.list.after_next_paint(self._open_first_if_none)
        self.first_page_shown.emit(len(entries))
        if whole:
            self.entries_shown.emit(len(entries))

    def _open_first_if_none(self) -> None:
        if self._current_id is None and self.model.rowCount() and not self.search.text():
            self.list.setCurrentIndex(self.model.index(0))

    def _certainly_overflows(self, rows: int) -> bool:
        """Whether `rows` entries are sure to need the list's scroll bar while it is not shown:
        even rows of no text at all (the delegate's padding) would be taller than the list."""
        if rows == 0 or self.list.verticalScrollBar().isVisibleTo(self.list):
            return False
        return rows * ROW_CHROME > self.list.height()

    def _show_empty(self, text: str, *, offer_import: bool) -> None:
        self.empty.setText(text)
        self.empty_import.setVisible(offer_import)
        self.left_stack.setCurrentIndex(1)

    # -- the detail view ----------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        entry = indexes[0].data(ENTRY_ROLE)
        if isinstance(entry, CatalogEntry):
            self.show_micro_credential(entry.achievement_id)

    def show_micro_credential(self, achievement_id: str, version: str | None = None) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        self._current_id = achievement_id
        self._current_version = version
        self._detail_generation += 1
        generation = self._detail_generation
        ops.detail_and_study(workspace, achievement_id, version).success(
            lambda result: self._detail_loaded(generation, *result)).failure(
            self._failed).run(self._runner, origin=self)

    def _detail_loaded(self, generation: int, detail: MicroCredentialDetail,
                       files: ops.StudyFiles | None = None) -> None:
        if generation != self._detail_generation:
            return
        from mcdesk.ui.catalog.mc_render import (
            render,  # with the first detail, not before the window
        )

        mc = detail.micro_credential
        scroll = self.browser.verticalScrollBar().value()
        same = self.browser.property("achievement") == mc.achievement_id
        self.browser.setHtml(render(mc, colors=palette_colors(self.palette()),
                                    is_current=detail.is_current, stack=detail.stack,
                                    files=files))
        self._study_refs = {r.file.sha256: (r.title, r.file) for r in mc.resources
                            if r.file is not None}
        self._study_refs.update({e.file.sha256: (e.title, e.file) for e in mc.exemplars
                                 if e.file is not None})
        self._current_stack = detail.stack.id if detail.stack is not None else None
        self.stack_offline_button.setVisible(self._current_stack is not None)
        self.browser.setProperty("achievement", mc.achievement_id)
        self.browser.verticalScrollBar().setValue(scroll if same else 0)
        self.version_box.clear()
        for version in detail.all_versions:
            label = version if version != detail.all_versions[0] else self.tr(
                "%1 (newest)").replace("%1", version)
            self.version_box.addItem(label, version)
        self.version_box.setCurrentIndex(max(self.version_box.findData(mc.version), 0))
        several = len(detail.all_versions) > 1
        self.version_box.setVisible(several)
        self.version_label.setVisible(several)
        self.start_draft_button.setVisible(bool(mc.submission_parts) and detail.is_current)
        self.add_to_plan_button.setVisible(detail.is_current)
        self.right_stack.setCurrentIndex(1)
        self.detail_shown.emit(mc.achievement_id)

    def _start_draft_clicked(self) -> None:
        if self._current_id is not None:
            self.start_draft_requested.emit(self._current_id)

    def _add_to_plan_clicked(self) -> None:
        if self._current_id is not None:
            self.add_to_plan_requested.emit(self._current_id)

    def _version_chosen(self, index: int) -> None:
        if self._current_id is not None:
            self.show_micro_credential(self._current_id, self.version_box.itemData(index))

    def _link_clicked(self, url: QUrl) -> None:
        from mcdesk.ui.catalog.mc_render import MC_LINK_SCHEME
        from mcdesk.ui.catalog.study_render import STUDY_SCHEME

        if url.scheme() == MC_LINK_SCHEME:
            target = unquote(url.toString()[len(MC_LINK_SCHEME) + 1:])
            row = self.model.row_of(target)
            if row is not None:
                self.list.setCurrentIndex(self.model.index(row))
            else:
                self.show_micro_credential(target)
        elif url.scheme() == STUDY_SCHEME:
            action, _, value = url.toString()[len(STUDY_SCHEME) + 1:].partition(":")
            self.study_action(action, unquote(value))
        elif url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)

    # -- study material -----------------------------------------------------------------

    def study_action(self, action: str, value: str) -> None:
        """Open a file kept offline, bring one down, or make a whole stack available."""
        workspace = self._workspace
        if workspace is None:
            return
        if action == "open" and value in self._study_refs:
            title, ref = self._study_refs[value]
            ops.offline_path(workspace, value).success(
                lambda path: self._open_study(path, title, ref)).failure(self._failed).run(
                self._runner, origin=self)
        elif action == "fetch":
            self.notice.emit(self.tr("Bringing the file down; it opens from here once it is "
                                     "available offline."), Tone.INFO)
            ops.fetch_files(workspace, [value]).success(self._fetched).failure(
                self._failed).run(self._runner, origin=self)
        elif action == "stack":
            self._fetch_stack(value)

    def _stack_offline_clicked(self) -> None:
        if self._current_stack is not None:
            self._fetch_stack(self._current_stack)

    def _fetch_stack(self, stack_id: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        self.notice.emit(self.tr("Making the stack available offline: its resources and "
                                 "examples of work come down in the background."), Tone.INFO)
        ops.fetch_stack(workspace, stack_id).success(self._fetched).failure(
            self._failed).run(self._runner, origin=self)

    def _fetched(self, report: FetchReport) -> None:
        lines = [self.tr("Available offline now: %n file(s), %1 already here.", "",
                         len(report.fetched)).replace("%1", number_text(len(report.already)))]
        lines += [self.tr("Refused: %1").replace("%1", reason) for _s, reason in report.refused]
        lines += [self.tr("Not now: %1").replace("%1", reason) for _s, reason in report.left]
        self.notice.emit("\n".join(lines), Tone.INFO if report.ok else Tone.WARNING)
        if self._current_id is not None:
            self.show_micro_credential(self._current_id, self._current_version)

    def _open_study(self, path: str | None, title: str, ref: FileRef) -> None:
        if path is None:
            self.notice.emit(self.tr("“%1” is not available offline yet.").replace(
                "%1", title), Tone.WARNING)
            return
        from mcdesk.ui.annotation.study_viewer import StudyViewer

        viewer = StudyViewer(self._runner, self)
        viewer.show_file(Path(path), ref.media_type, title, ref.licence)
        viewer.show()
        self.viewer = viewer
        viewer.destroyed.connect(lambda _o=None: self._viewer_gone(viewer))

    def _viewer_gone(self, viewer: QWidget) -> None:
        if self.viewer is viewer:
            self.viewer = None

    def changes_happened(self, notice: ChangeNotice) -> None:
        if Change.STUDY in notice.changes and self._current_id is not None:
            self.show_micro_credential(self._current_id, self._current_version)
        if notice.touches({Change.CATALOG}):
            self.mark_stale()

    # -- importing ----------------------------------------------------------------------

    def choose_and_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # built when asked, not at start

        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import micro-credentials"), str(Path.home()),
            self.tr("Open Badges or mcdesk catalog (*.json);;All files (*)"))
        if files:
            self.import_files([Path(f) for f in files])

    def import_files(self, paths: Sequence[Path]) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.import_files(workspace, paths).success(self._imported).failure(self._failed).run(
            self._runner, origin=self)

    def _imported(self, results: list[FileImportResult]) -> None:
        from mcdesk.core.catalog import ImportOutcome

        lines = []
        counts: dict[ImportOutcome, int] = {}
        for result in results:
            if result.error is not None:
                lines.append(self.tr("%1 was not imported: %2")
                             .replace("%1", Path(result.path).name).replace("%2", result.error))
            for item in result.items:
                counts[item.outcome] = counts.get(item.outcome, 0) + 1
                if item.outcome in (ImportOutcome.ADDED, ImportOutcome.NEW_VERSION):
                    self._pending_select = item.achievement_id
        summary = ", ".join(self._outcome_words(outcome, n) for outcome, n in counts.items())
        if summary:
            lines.insert(0, self.tr("Imported micro-credentials: %1.").replace("%1", summary))
        failed = any(r.error for r in results)
        self.notice.emit("\n".join(lines), Tone.ERROR if failed else Tone.INFO)
        self.reload_filters()

    def _outcome_words(self, outcome: ImportOutcome, count: int) -> str:
        from mcdesk.core.catalog import ImportOutcome

        return {
            ImportOutcome.ADDED: self.tr("%n added", "", count),
            ImportOutcome.NEW_VERSION: self.tr("%n new version(s)", "", count),
            ImportOutcome.OLDER_VERSION: self.tr("%n older version(s) kept", "", count),
            ImportOutcome.UPDATED: self.tr("%n updated", "", count),
            ImportOutcome.UNCHANGED: self.tr("%n unchanged", "", count),
        }.get(outcome, f"{count} {outcome}")

    def files_dropped(self, paths: Sequence[Path]) -> None:
        self.import_files(paths)

    @staticmethod
    def search_shortcut() -> QKeySequence:
        return QKeySequence(QKeySequence.StandardKey.Find)
