"""The Drafts place: the teacher's drafts on the left, the chosen draft's work area on the
right; building packages and opening received ones; GUI thread (work runs in jobs)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.drafts import Draft, DraftStatus, Readiness
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.drafts import ops
from mcdesk.ui.drafts.editor import DraftEditor
from mcdesk.ui.widgets.after_paint import after_paint
from mcdesk.ui.widgets.empty_state import DetailPlaceholder, empty_state
from mcdesk.ui.widgets.flow_layout import FlowLayout
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.searchable_list import SearchableList, set_search_words
from mcdesk.ui.widgets.splitter import list_detail_splitter
from mcdesk.ui.widgets.words import draft_status_word

if TYPE_CHECKING:
    from mcdesk.core.catalog import CatalogEntry, SubmissionCriterion
    from mcdesk.core.drafts import AnswerVersion
    from mcdesk.core.packages import BuiltPackage, ReceivedPackage
    from mcdesk.services.review_files import ImportedReview
    from mcdesk.services.workspace import Workspace

# Drafts named before their checks, at most: more than a tall window shows (fewer when the
# list is shorter: each row takes two lines or more).
FIRST_PAGE = 24
ROW_LINES = 2


class DraftsPage(Place):
    watches = frozenset({Change.DRAFTS, Change.EVIDENCE, Change.CATALOG, Change.OUTBOX,
                         Change.ATTACHMENTS, Change.STUDY})
    drafts_shown = Signal(int)
    # The first load put the first drafts' names in the list (all, checked, follow:
    # drafts_shown).
    lines_shown = Signal(int)
    package_built = Signal(object)
    package_opened = Signal(object)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._select_after_load: str | None = None
        self._after_open: str | None = None
        self._reopen = False  # the open draft shows evidence or a state changed elsewhere
        self.readiness: dict[str, Readiness] = {}

        self.new_button = QPushButton(self.tr("New draft…"))
        self.new_button.clicked.connect(self.choose_micro_credential)
        self.open_package_button = QPushButton(self.tr("Open a package…"))
        self.open_package_button.setToolTip(self.tr(
            "Open a submission package someone gave you (a .zip), to read it"))
        self.open_package_button.clicked.connect(self.choose_package)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Drafts"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._chosen)
        self.empty = QLabel(self.tr(
            "No drafts yet.\n\nStart one for the micro-credential you are working toward: "
            "press New draft…, or open a micro-credential in the Catalog and press Start a "
            "draft. mcdesk then lists what it asks for, checks what is missing, and saves "
            "every word as you type."))
        self.searchable = SearchableList(self.list, self.tr("Search drafts"))
        self.search = self.searchable.search
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.searchable)
        # Wraps on a small laptop so the list can be narrow and the draft gets the width.
        button_row = QWidget()
        buttons = FlowLayout(button_row)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_package_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(button_row)
        left_layout.addWidget(self.left_stack, 1)

        self.editor = DraftEditor(runner)
        self.editor.notice.connect(self.notice)
        self.editor.unexpected.connect(self.unexpected)
        self.editor.changed.connect(lambda _id: self.refresh())
        self.editor.readiness_shown.connect(self._readiness_shown)
        self.editor.build_requested.connect(self.build_package)
        self.editor.resubmit_requested.connect(self.start_resubmission)
        self.editor.versions_requested.connect(self.show_versions)
        self.editor.pick_requested.connect(self.pick_evidence)
        self.placeholder = QLabel(self.tr("Pick a draft on the left to work on it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_stack = QStackedWidget()
        self.beside = DetailPlaceholder(self.placeholder, empty_state(self.empty),
                                        self.left_stack)
        self.right_stack.addWidget(self.beside)
        self.right_stack.addWidget(self.editor)
        splitter = list_detail_splitter(left, self.right_stack, sizes=(210, 900),
                                       stretch=(1, 4))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._set_enabled(False)

    # -- wiring -------------------------------------------------------------------------

    def workspace_changed(self, workspace: Workspace | None) -> None:
        self.editor.set_workspace(workspace)
        self._set_enabled(workspace is not None)

    def _set_enabled(self, enabled: bool) -> None:
        self.new_button.setEnabled(enabled)
        self.open_package_button.setEnabled(enabled)

    def changes_happened(self, notice: ChangeNotice) -> None:
        """The list when drafts (or what their checks read) changed; the open draft too when
        its evidence changed or it was itself changed elsewhere (a sync pass, a dialog)."""
        if not notice.touches(self.watches):
            return
        view = self.editor.view
        if view is not None and (notice.touches({Change.EVIDENCE, Change.ATTACHMENTS,
                                                 Change.STUDY})
                                 or (Change.DRAFTS in notice.changes
                                     and (not notice.ids or view.draft.id in notice.ids))):
            self._reopen = True
        self.mark_stale()

    def refresh(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        super().refresh()
        current = self.current_id()
        if self._reopen and current is not None:
            self._reopen = False
            self.editor.open(current)

        if self.list.count() == 0:
            # Checking 200 drafts takes a moment: their names show first, and the checks
            # start once they are painted (not beside them, slowing them down).
            ops.draft_lines(workspace, self.searchable.screenful(
                ROW_LINES, FIRST_PAGE)).success(self._lines_loaded).failure(
                self._failed).run(self._runner, origin=self)
            return
        self._check_all()

    def _check_all(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.drafts_with_readiness(workspace).success(self._loaded).failure(self._failed).run(
            self._runner, origin=self)

    def _lines_loaded(self, lines: list[tuple[str, str, int, DraftStatus]]) -> None:
        after_paint(self, self._check_all)
        if self.list.count():  # the checked list came first
            return
        self.list.blockSignals(True)
        for draft_id, mc_name, attempt, status in lines:
            item = QListWidgetItem(self._text(mc_name, attempt, status, self.tr("checking…")))
            item.setData(Qt.ItemDataRole.UserRole, draft_id)
            set_search_words(item, mc_name)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.searchable.refilled()
        if lines:
            self.left_stack.setCurrentIndex(0)
        self.lines_shown.emit(len(lines))

    def _loaded(self, rows: list[tuple[Draft, Readiness]]) -> None:
        current = self.current_id()
        keep = self._select_after_load or current
        self.list.blockSignals(True)
        self.list.clear()
        for draft, readiness in rows:
            self.readiness[draft.id] = readiness
            item = QListWidgetItem(self._line(draft, readiness))
            item.setData(Qt.ItemDataRole.UserRole, draft.id)
            set_search_words(item, draft.mc_name)
            self.list.addItem(item)
            if draft.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.searchable.refilled()  # a chosen draft the search hides is chosen no more
        self.left_stack.setCurrentIndex(0 if rows else 1)
        if keep is not None and keep != current and self.current_id() == keep:
            self._select_after_load = None
            self._open(keep)
        elif self.current_id() is None and rows and not self.searchable.words:
            self.list.setCurrentRow(0)
        self.drafts_shown.emit(len(rows))

    def _line(self, draft: Draft, readiness: Readiness) -> str:
        state = self.tr("ready to package") if readiness.ready else self.tr(
            "%1 to fix").replace("%1", str(sum(p.severity.name == "BLOCKING"
                                               for p in readiness.problems)))
        return self._text(draft.mc_name, draft.attempt, draft.status, state)

    def _text(self, mc_name: str, attempt: int, status: DraftStatus, state: str) -> str:
        return (f"{mc_name}\n" + self.tr("Attempt %1 · %2 · %3")
                .replace("%1", str(attempt)).replace("%2", draft_status_word(status))
                .replace("%3", state))

    def _readiness_shown(self, readiness: Readiness) -> None:
        draft_id = self.current_id()
        item = self.list.currentItem()
        view = self.editor.view
        if draft_id is not None and item is not None and view is not None:
            self.readiness[draft_id] = readiness
            item.setText(self._line(view.draft, readiness))
            self.searchable.fit_rows([self.list.row(item)])

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self._open(str(current.data(Qt.ItemDataRole.UserRole)))
        elif self.right_stack.currentIndex() == 1:  # the search hid it: saved, then closed
            self.editor.flush()
            self.right_stack.setCurrentIndex(0)

    def _open(self, draft_id: str) -> None:
        self.right_stack.setCurrentIndex(1)
        self.editor.open(draft_id)

    def select_draft(self, draft_id: str) -> None:
        self._select_after_load = draft_id
        self.refresh()

    # -- starting -----------------------------------------------------------------------

    def choose_micro_credential(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return

        ops.draftable_micro_credentials(workspace).success(self._ask_micro_credential) \
            .failure(self._failed).run(self._runner, origin=self)

    def _ask_micro_credential(self, entries: list[CatalogEntry]) -> None:
        from mcdesk.ui.drafts.dialogs import ChooseMicroCredentialDialog

        if not entries:
            self.notice.emit(self.tr("The catalog has no micro-credential with submission "
                                     "criteria yet: import one in the Catalog first."),
                             Tone.WARNING)
            return
        dialog = ChooseMicroCredentialDialog(entries, self)
        if dialog.exec() and dialog.chosen():
            self.start_draft(str(dialog.chosen()))
        dialog.deleteLater()

    def start_draft(self, achievement_id: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.new_draft(workspace, achievement_id).success(self._started).failure(
            self._failed).run(self._runner, origin=self)

    def _started(self, draft: Draft) -> None:
        self.notice.emit(self.tr("Started a draft for “%1”. Everything you write is saved as "
                                 "you type.").replace("%1", draft.mc_name), Tone.INFO)
        self.select_draft(draft.id)

    def start_resubmission(self, draft_id: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.start_resubmission(workspace, draft_id).success(self._resubmitted).failure(
            self._failed).run(self._runner, origin=self)

    def _resubmitted(self, draft: Draft) -> None:
        self.notice.emit(self.tr("Attempt %1 starts from your last one, with the assessors' "
                                 "feedback beside each criterion.")
                         .replace("%1", str(draft.attempt)), Tone.INFO)
        self.select_draft(draft.id)

    # -- answers and evidence -----------------------------------------------------------

    def show_versions(self, draft_id: str, criterion_id: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.answer_versions(workspace, draft_id, criterion_id).success(
            lambda result: self._ask_version(draft_id, *result)).failure(self._failed).run(
            self._runner, origin=self)

    def _ask_version(self, draft_id: str, criterion: SubmissionCriterion,
                     versions: list[AnswerVersion]) -> None:
        from mcdesk.ui.drafts.dialogs import AnswerVersionsDialog

        workspace = self._workspace
        if workspace is None:
            return
        dialog = AnswerVersionsDialog(criterion.prompt, versions, self)
        if dialog.exec() and (chosen := dialog.chosen()) is not None:
            version_id = chosen.id
            ops.restore_version(workspace, draft_id, version_id).success(
                lambda _a: self.editor.open(draft_id)).failure(self._failed).run(
                self._runner, origin=self)
        dialog.deleteLater()

    def pick_evidence(self, draft_id: str, criterion_id: str) -> None:
        from mcdesk.ui.drafts.dialogs import PickEvidenceDialog

        view = self.editor.view
        if view is None or view.draft.id != draft_id:
            return
        criterion = view.mc.criterion(criterion_id)
        already = [a.evidence_id for a in view.draft.attached(criterion_id)]
        dialog = PickEvidenceDialog(criterion, list(view.evidence.values()), already, self)
        if dialog.exec() and dialog.chosen():
            self.editor.attach(criterion_id, dialog.chosen())
        dialog.deleteLater()

    # -- packages -----------------------------------------------------------------------

    def build_package(self, draft_id: str) -> None:
        workspace = self._workspace
        readiness = self.readiness.get(draft_id)
        view = self.editor.view
        if workspace is None or view is None:
            return
        if readiness is not None and not readiness.ready:
            self.notice.emit(self.tr("Fix what the “Ready to send?” box lists first; then the "
                                     "package can be built."), Tone.WARNING)
            return
        slug = re.sub(r"[^a-z0-9]+", "-", view.mc.name.lower()).strip("-")[:40] or "package"
        suggested = Path.home() / f"{slug}-attempt-{view.draft.attempt}.zip"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the submission package"), str(suggested),
            self.tr("Submission package (*.zip)"))
        if path:
            self.build_to(draft_id, Path(path))

    def build_to(self, draft_id: str, dest: Path) -> None:
        workspace = self._workspace
        if workspace is None:
            return

        ops.build_package(workspace, draft_id, dest).success(self._built).failure(
            self._failed).cancelled(lambda: self.notice.emit(self.tr(
                "Stopped. No package file was left behind."), Tone.INFO)).run(
            self._runner, origin=self)

    def _built(self, built: BuiltPackage) -> None:
        self.notice.emit(self.tr("The package is saved: %1. A copy of exactly what it holds "
                                 "is kept in your portfolio.").replace("%1", str(built.saved_to)),
                         Tone.INFO)
        self.package_built.emit(built)
        self.editor.open(built.draft_id)
        self.refresh()

    def choose_package(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a submission package"), str(Path.home()),
            self.tr("Submission package (*.zip)"))
        if path:
            self.open_package(Path(path))

    def open_package(self, path: Path) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.open_package(workspace, path).success(self._package_opened).failure(
            self._failed).run(self._runner, origin=self)

    def _package_opened(self, package: ReceivedPackage) -> None:
        from mcdesk.ui.drafts.dialogs import ReceivedPackageDialog

        self.package_opened.emit(package)
        dialog = ReceivedPackageDialog(package, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def choose_review_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import a review of your submission"), str(Path.home()),
            self.tr("mcdesk review files (*.mcreview);;All files (*)"))
        if path:
            self.import_review_file(Path(path))

    def import_review_file(self, path: Path) -> None:
        """An assessor's review carried by hand: its feedback and comments go with the
        draft it reviews, and open for reading."""
        workspace = self._workspace
        if workspace is None:
            return
        ops.import_review_file(workspace, path).success(self._review_imported).failure(
            self._failed).run(self._runner, origin=self)

    def _review_imported(self, imported: ImportedReview) -> None:
        self.notice.emit(self.tr("Imported a review of %1, attempt %2: %n comment(s) for you.",
                                 "", len(imported.comments))
                         .replace("%1", imported.mc_name).replace("%2", str(imported.attempt)),
                         Tone.INFO)
        self._after_open = imported.draft_id
        self.editor.loaded.connect(self._show_imported)
        if self.current_id() == imported.draft_id:
            self.editor.open(imported.draft_id)  # reload: the feedback is new
        self.select_draft(imported.draft_id)

    def _show_imported(self, draft_id: str) -> None:
        if draft_id != self._after_open:
            return
        self.editor.loaded.disconnect(self._show_imported)
        self._after_open = None
        self.editor.show_received()

    def flush(self) -> None:
        self.editor.flush()
