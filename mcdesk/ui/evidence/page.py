"""The Evidence place: the library of videos, documents, photos, writing and links on the left,
the chosen one's preview, details and privacy tools on the right; GUI thread (all portfolio and
media work runs in jobs)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QItemSelection, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change, ChangeNotice
from mcdesk.core.evidence import Evidence, EvidenceKind
from mcdesk.jobs.ops import Op
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.evidence import ops
from mcdesk.ui.evidence.labels import consent_labels, kind_labels
from mcdesk.ui.evidence.tools import EvidenceTools
from mcdesk.ui.widgets.empty_state import DetailPlaceholder, empty_state
from mcdesk.ui.widgets.evidence_model import (
    EVIDENCE_ROLE,
    THUMB_SIZE,
    EvidenceListModel,
    facts,
)
from mcdesk.ui.widgets.flow_layout import FlowLayout
from mcdesk.ui.widgets.locale_text import date_time_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.provenance import provenance_text
from mcdesk.ui.widgets.scroll_bars import keep_grooves
from mcdesk.ui.widgets.search_box import SearchBox
from mcdesk.ui.widgets.splitter import list_detail_splitter
from mcdesk.ui.widgets.words import kind_word

if TYPE_CHECKING:
    from mcdesk.services.evidence import LibraryPage
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.evidence.previews import Previews
    from mcdesk.ui.evidence.privacy_dialog import PrivacyDialog

T = TypeVar("T")
translate = QCoreApplication.translate

AUTOSAVE_MS = 600


class EvidencePage(EvidenceTools):
    watches = frozenset({Change.EVIDENCE, Change.ROSTER, Change.DRAFTS, Change.ATTACHMENTS})
    items_shown = Signal(int)
    detail_shown = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._generation = 0
        self._current: Evidence | None = None
        self._select_after_load: str | None = None
        self.usage: dict[str, list[str]] = {}
        # A refresh asked where each piece is used; until an answer with it lands, the
        # searches that replace that read ask for it too.
        self._usage_wanted = False
        self.accept_file_drops()

        # -- the library (left) --
        self.search = SearchBox(self.tr("Search evidence"), self.tr("Search evidence"),
                                delay_ms=80)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(self.tr("Show kind"))
        for kind, label in kind_labels().items():
            self.kind_filter.addItem(label, kind)
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_button)
        self.add_files_action = add_menu.addAction(self.tr("Files…"), self.choose_files)
        add_menu.addAction(self.tr("A whole folder (a phone or camera card)…"),
                           self.choose_folder)
        add_menu.addAction(self.tr("A link…"), self.ask_link)
        add_menu.addAction(self.tr("New writing"), self.new_writing)
        self.add_button.setMenu(add_menu)
        self.privacy_button = QPushButton(self.tr("Privacy…"))
        self.privacy_button.setToolTip(self.tr(
            "Names of students, locations in photos, consent: what to fix before sharing"))
        self.privacy_button.clicked.connect(self.open_privacy)
        self.privacy_dialog: PrivacyDialog | None = None

        self.model = EvidenceListModel(self._request_thumbnail, self._request_more)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setAccessibleName(self.tr("Evidence"))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB_SIZE)
        self.list.setGridSize(QSize(THUMB_SIZE.width() + 16, THUMB_SIZE.height() + 60))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        keep_grooves(self.list)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)

        self.empty = QLabel(self.tr(
            "No evidence yet.\n\nDrop classroom videos, lesson plans, photos of student work "
            "or your notes here, or press Add files… A whole phone or camera folder works "
            "too. mcdesk keeps a copy; your originals are never changed."))
        self.empty.setMargin(16)
        self.empty_add = QPushButton(self.tr("Add files…"))
        self.empty_add.clicked.connect(self.choose_files)
        empty_box = empty_state(self.empty, self.empty_add)
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.list)
        self.count_label = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.add_button)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.privacy_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.left_stack, 1)
        left_layout.addWidget(self.count_label)

        # -- the chosen evidence (right) --
        self._previews: Previews | None = None
        self.no_preview = QLabel(self.tr("No preview for this kind of file."))
        self.no_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = QStackedWidget()
        self.preview.addWidget(self.no_preview)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._save_text)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.editingFinished.connect(self._title_edited)
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.consent_box = QComboBox()
        self.consent_box.setAccessibleName(self.tr("Consent of the people on camera"))
        for consent, label in consent_labels().items():
            self.consent_box.addItem(label, consent)
        self.consent_box.activated.connect(self._consent_chosen)
        self.identifying_box = QCheckBox(self.tr("It shows who I am (hidden from assessors "
                                                 "in blind review)"))
        self.identifying_box.setToolTip(self.tr(
            "Packages say so, and an assessor sees this piece only after choosing to show "
            "identifying details"))
        self.identifying_box.clicked.connect(self._identifying_chosen)
        self.captured_edit = QLineEdit()
        self.captured_edit.setPlaceholderText(self.tr("e.g. my coach"))
        self.captured_edit.editingFinished.connect(self._captured_edited)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. lesson 3, fractions"))
        self.tags_edit.editingFinished.connect(self._tags_edited)
        self.privacy_label = QLabel()
        self.privacy_label.setWordWrap(True)
        self.versions_label = QLabel()
        self.versions_label.setWordWrap(True)
        self.versions_label.setTextFormat(Qt.TextFormat.RichText)
        self.versions_label.linkActivated.connect(self.select_evidence)
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("About:"), self.facts_label)
        form.addRow(self.tr("&Consent:"), self.consent_box)
        form.addRow("", self.identifying_box)
        form.addRow(self.tr("Captured &by:"), self.captured_edit)
        form.addRow(self.tr("Ta&gs:"), self.tags_edit)
        form.addRow(self.tr("Privacy:"), self.privacy_label)
        form.addRow(self.tr("Versions:"), self.versions_label)
        self.used_label = QLabel()
        self.used_label.setWordWrap(True)
        form.addRow(self.tr("Used in:"), self.used_label)

        self.strip_button = QPushButton(self.tr("Remove location and details"))
        self.blur_button = QPushButton(self.tr("Blur faces…"))
        self.redact_button = QPushButton(self.tr("Black out areas…"))
        self.trim_button = QPushButton(self.tr("Trim…"))
        self.compress_button = QPushButton(self.tr("Compress…"))
        self.trash_button = QPushButton(self.tr("Move to trash"))
        self.strip_button.clicked.connect(self.strip_metadata)
        self.blur_button.clicked.connect(self.open_blur)
        self.redact_button.clicked.connect(self.open_redact)
        self.trim_button.clicked.connect(self.open_trim)
        self.compress_button.clicked.connect(self.open_compress)
        self.trash_button.clicked.connect(self.move_to_trash)
        # Six actions do not fit one line on a small laptop: they wrap.
        actions_row = QWidget()
        actions = FlowLayout(actions_row)
        for button in (self.strip_button, self.blur_button, self.redact_button,
                       self.trim_button, self.compress_button, self.trash_button):
            actions.addWidget(button)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(form)
        details_layout.addWidget(actions_row)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_split.addWidget(self.preview)
        right_split.addWidget(details)
        right_split.setStretchFactor(0, 3)
        right_split.setStretchFactor(1, 2)
        right_split.setChildrenCollapsible(False)
        self.placeholder = QLabel(self.tr(
            "Pick a piece of evidence on the left to see it, describe it and make it safe "
            "to share."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_stack = QStackedWidget()
        self.beside = DetailPlaceholder(self.placeholder, empty_box, self.left_stack)
        self.right_stack.addWidget(self.beside)
        self.right_stack.addWidget(right_split)

        splitter = list_detail_splitter(left, self.right_stack, sizes=(400, 700),
                                       stretch=(2, 3))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.search.search_changed.connect(lambda _words: self._search())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._search())
        self._set_enabled(False)

    @property
    def previews(self) -> Previews:
        if self._previews is None:
            from mcdesk.ui.evidence.previews import Previews

            self._previews = Previews()
            for widget in self._previews.widgets():
                self.preview.addWidget(widget)
            self._previews.text.edited.connect(self._text_edited)
        return self._previews

    # -- wiring ---------------------------------------------------------------------------

    def workspace_changed(self, workspace: Workspace | None) -> None:
        self._set_enabled(workspace is not None)
        if workspace is None and self._previews is not None:
            self._previews.clear()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.search, self.kind_filter, self.add_button, self.privacy_button,
                       self.empty_add):
            widget.setEnabled(enabled)

    def _read(self, op: Op[T], on_success: Callable[[T], None]) -> None:
        op.success(on_success).failure(self._failed).run(self._runner, origin=self)

    def changes_happened(self, notice: ChangeNotice) -> None:
        """Evidence or the privacy list changed elsewhere: the library reloads; only drafts
        and their attachments changed: only the "Used in" lines do (the pieces the notice
        names, or all when it names none)."""
        if not notice.touches(self.watches):
            return
        if notice.touches({Change.EVIDENCE, Change.ROSTER}):
            self.mark_stale()
            if self.privacy_dialog is not None and self.privacy_dialog.isVisible():
                self.privacy_dialog.refresh()
            return
        workspace = self._workspace
        if workspace is None:
            return
        only = notice.ids if Change.ATTACHMENTS in notice.changes else frozenset()
        self._read(ops.usage(workspace), lambda usage: self._usage_loaded(usage, only))

    def _usage_loaded(self, usage: dict[str, list[str]], only: frozenset[str]) -> None:
        if only:
            for evidence_id in only:
                self.usage[evidence_id] = usage.get(evidence_id, [])
        else:
            self.usage = usage
        current = self._current
        if current is not None and (not only or current.id in only):
            self._show_usage(current)

    def _show_usage(self, evidence: Evidence) -> None:
        drafts = self.usage.get(evidence.id, [])
        self.used_label.setText(", ".join(drafts) if drafts else self.tr("No draft yet"))

    def refresh(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        super().refresh()
        self._usage_wanted = True
        self._read_library()

    def _search(self) -> None:
        """The words or the kind changed: the pieces that match (where each piece is used
        has not changed, and is not read again)."""
        if self._workspace is not None:
            self._read_library()

    def _read_library(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        self._generation += 1
        generation = self._generation
        query = self.search.text()
        kind = self.kind_filter.currentData()
        self._read(ops.library(workspace, query, kind, self._select_after_load,
                               with_usage=self._usage_wanted),
                   lambda result: self._loaded(generation, *result))

    def _loaded(self, generation: int, page: LibraryPage,
                usage: dict[str, list[str]] | None) -> None:
        if generation != self._generation:
            return
        if usage is not None:
            self.usage = usage
            self._usage_wanted = False
        keep = self._select_after_load or (self._current.id if self._current else None)
        self.model.set_items(page.items, page.ids)
        total = page.total
        self.left_stack.setCurrentIndex(1 if total == 0 else 0)
        if total and not page.ids:
            self.left_stack.setCurrentIndex(0)
        self.count_label.setText(self.tr("%1 of %2 pieces of evidence")
                                 .replace("%1", str(len(page.ids))).replace("%2", str(total)))
        row = self.model.row_of(keep) if keep else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
            self._select_after_load = None
            fresh = self.model.items()[row]
            if self._current is not None and fresh.id == self._current.id:
                self._show(fresh, reload_preview=False)
        elif self._current is not None and self._current.id not in page.ids:
            self._clear_detail()
        self.items_shown.emit(len(page.ids))

    def _request_more(self, ids: list[str]) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        generation = self._generation
        self._read(ops.more_evidence(workspace, ids),
                   lambda found: self._more_loaded(generation, ids, found))

    def _more_loaded(self, generation: int, ids: list[str],
                     found: dict[str, Evidence]) -> None:
        if generation == self._generation:
            self.model.add_more(ids, found)

    def _request_thumbnail(self, evidence: Evidence) -> None:
        workspace = self._workspace
        sha256 = evidence.sha256
        if workspace is None or sha256 is None:
            return
        ops.thumbnail(workspace, evidence).success(
            lambda image: self.model.set_thumbnail(sha256, image)).failure(
            lambda exc: None).run(self._runner, origin=self)

    def select_evidence(self, evidence_id: str) -> None:
        row = self.model.row_of(evidence_id)
        if row is None:
            self._select_after_load = evidence_id
            self.search.clear()
            self.kind_filter.setCurrentIndex(0)
            self.refresh()
        else:
            self.list.setCurrentIndex(self.model.index(row))

    # -- the detail -----------------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            evidence = indexes[0].data(EVIDENCE_ROLE)
            if isinstance(evidence, Evidence):
                self._show(evidence)

    @property
    def current(self) -> Evidence | None:
        return self._current

    def _clear_detail(self) -> None:
        self._current = None
        if self._previews is not None:
            self._previews.clear()
        self.right_stack.setCurrentIndex(0)

    def _show(self, evidence: Evidence, *, reload_preview: bool = True) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        self._save_text()
        self._current = evidence
        self.right_stack.setCurrentIndex(1)
        self.title_edit.setText(evidence.title)
        about = [kind_word(evidence.kind)]
        if facts(evidence):
            about.append(facts(evidence))
        if evidence.original_name:
            about.append(self.tr("from %1").replace("%1", evidence.original_name))
        if evidence.taken_at:
            about.append(self.tr("taken %1").replace(
                "%1", date_time_text(evidence.taken_at)))
        if evidence.derivation:
            about.append(self.tr("version: %1").replace("%1", evidence.derivation))
        if evidence.provenance is not None:
            about.append(provenance_text(evidence.provenance))
        self.facts_label.setText(" · ".join(about))
        self.consent_box.setCurrentIndex(max(0, self.consent_box.findData(evidence.consent)))
        camera_kind = evidence.kind in (EvidenceKind.VIDEO, EvidenceKind.IMAGE)
        self.consent_box.setEnabled(camera_kind)
        self.identifying_box.setChecked(evidence.identifying)
        self.captured_edit.setText(evidence.captured_by or "")
        self.tags_edit.setText(", ".join(evidence.tags))
        self.privacy_label.setText(self._privacy_text(evidence))
        self.versions_label.setText(self._versions_text(evidence))
        self._show_usage(evidence)
        has_file = evidence.sha256 is not None
        is_video = evidence.kind is EvidenceKind.VIDEO
        is_image = evidence.kind is EvidenceKind.IMAGE
        self.strip_button.setVisible(has_file and evidence.kind in (
            EvidenceKind.VIDEO, EvidenceKind.IMAGE, EvidenceKind.DOCUMENT, EvidenceKind.AUDIO))
        self.blur_button.setVisible(is_video or is_image)
        self.redact_button.setVisible(is_image)
        self.trim_button.setVisible(is_video)
        self.compress_button.setVisible(is_video)
        if reload_preview:
            self._load_preview(workspace, evidence)
        self.detail_shown.emit(evidence.id)

    def _privacy_text(self, evidence: Evidence) -> str:
        notes = []
        media = evidence.media
        if evidence.has_location:
            notes.append(self.tr("⚠ Carries the place where it was taken."))
        if media is not None and media.identifying:
            notes.append(self.tr("Holds: %1.").replace("%1", ", ".join(media.identifying)))
        if evidence.needs_consent:
            notes.append(self.tr("⚠ Mark whether everyone on camera consented."))
        return " ".join(notes) or self.tr("Nothing identifying found.")

    def _versions_text(self, evidence: Evidence) -> str:
        parts = []
        if evidence.source_id:
            parts.append(self.tr('Made from <a href="%1">the original</a>.').replace(
                "%1", evidence.source_id))
        if evidence.versions:
            links = ", ".join(f'<a href="{vid}">{n}</a>'
                              for n, vid in enumerate(evidence.versions, start=1))
            parts.append(self.tr("Versions made from it: %1.").replace("%1", links))
        return " ".join(parts) or self.tr("This is an original.")

    def _load_preview(self, workspace: Workspace, evidence: Evidence) -> None:
        previews = self.previews
        previews.video.clear()
        path = workspace.evidence.file_path(evidence)
        kind = evidence.kind
        if kind in (EvidenceKind.VIDEO, EvidenceKind.AUDIO) and path is not None:
            previews.video.load(path)
            self.preview.setCurrentWidget(previews.video)
        elif kind is EvidenceKind.DOCUMENT and path is not None and (
                (evidence.media and evidence.media.mime_type == "application/pdf")
                or (evidence.original_name or "").lower().endswith(".pdf")):
            previews.pdf.load(path)
            self.preview.setCurrentWidget(previews.pdf)
        elif kind is EvidenceKind.IMAGE and path is not None:
            previews.image.clear()
            self.preview.setCurrentWidget(previews.image)
            evidence_id = evidence.id
            self._read(ops.preview_picture(path),
                       lambda image: self._image_loaded(evidence_id, image))
        elif kind is EvidenceKind.LINK:
            previews.link.show_link(evidence.url or "")
            self.preview.setCurrentWidget(previews.link)
        elif kind in (EvidenceKind.TEXT, EvidenceKind.DOCUMENT):
            editable = kind is EvidenceKind.TEXT
            note = "" if editable else self.tr(
                "The text mcdesk read from this document (for word counts and the name check).")
            previews.text.show_text(evidence.body or "", editable=editable, note=note)
            self.preview.setCurrentWidget(previews.text)
            if not editable:
                evidence_id = evidence.id
                self._read(ops.document_text(workspace, evidence),
                           lambda text: self._text_loaded(evidence_id, text, note))
        else:
            self.preview.setCurrentWidget(self.no_preview)

    def _image_loaded(self, evidence_id: str, image: QImage) -> None:
        if self._current is not None and self._current.id == evidence_id:
            self.previews.image.show_image(image)

    def _text_loaded(self, evidence_id: str, text: str, note: str) -> None:
        if self._current is not None and self._current.id == evidence_id:
            self.previews.text.show_text(text, editable=False, note=note)

    # -- editing ---------------------------------------------------------------------------

    def _write(self, op: Op[T], *, refresh: bool = True) -> None:
        def done(_result: T) -> None:
            if refresh:
                self.refresh()
            self._edited()

        op.success(done).failure(self._failed).run(self._runner, origin=self)

    def _title_edited(self) -> None:
        evidence, workspace = self._current, self._workspace
        title = self.title_edit.text().strip()
        if evidence is None or workspace is None or not title or title == evidence.title:
            return
        self._write(ops.rename(workspace, evidence.id, title))

    def _captured_edited(self) -> None:
        evidence, workspace = self._current, self._workspace
        who = self.captured_edit.text().strip()
        if evidence is None or workspace is None or who == (evidence.captured_by or ""):
            return
        self._write(ops.set_captured_by(workspace, evidence.id, who))

    def _tags_edited(self) -> None:
        evidence, workspace = self._current, self._workspace
        tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
        if evidence is None or workspace is None or sorted(set(tags)) == sorted(evidence.tags):
            return
        self._write(ops.set_tags(workspace, evidence.id, tags))

    def _consent_chosen(self, index: int) -> None:
        evidence, workspace = self._current, self._workspace
        consent = self.consent_box.itemData(index)
        if evidence is None or workspace is None or consent == evidence.consent:
            return
        self._write(ops.set_consent(workspace, evidence.id, consent))

    def _identifying_chosen(self, checked: bool) -> None:
        evidence, workspace = self._current, self._workspace
        if evidence is None or workspace is None:
            return
        # No comparison with `evidence`: it may still be the copy from before the last click.
        self._write(ops.set_identifying(workspace, evidence.id, checked))

    def _text_edited(self, _text: str) -> None:
        self._autosave.start()

    def flush(self) -> None:
        """Save what is still waiting: writing's autosave, and a title, "captured by" or tags
        typed but not yet left (the window is closing)."""
        self._save_text()
        self._title_edited()
        self._captured_edited()
        self._tags_edited()

    def _save_text(self) -> None:
        """Autosave of writing made in mcdesk: within a second of the last keystroke."""
        self._autosave.stop()
        evidence, workspace = self._current, self._workspace
        if evidence is None or workspace is None or evidence.kind is not EvidenceKind.TEXT:
            return
        if self._previews is None:
            return
        body = self._previews.text.editor.toPlainText()
        if body == (evidence.body or ""):
            return
        self._current = replace(evidence, body=body)
        self._write(ops.update_text(workspace, evidence.id, body), refresh=False)

    def move_to_trash(self) -> None:
        evidence, workspace = self._current, self._workspace
        if evidence is None or workspace is None:
            return
        self._clear_detail()
        self._write(ops.move_to_trash(workspace, evidence.id))
        self.notice.emit(self.tr("“%1” was moved to the trash.").replace("%1", evidence.title),
                         Tone.INFO)

    def files_dropped(self, paths: Sequence[Path]) -> None:
        self.add_paths(paths)
