"""The "Privacy check" window: names from the roster found in evidence, evidence that still
carries a location, and photos and videos without consent; GUI thread (all reading and
writing runs as jobs)."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import (
    Consent,
    Evidence,
    EvidenceKind,
    RosterEntry,
    RosterHit,
    RosterRole,
)
from mcdesk.core.text import fold
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.evidence import PrivacyReport
from mcdesk.services.workspace import Workspace
from mcdesk.ui.evidence import ops
from mcdesk.ui.widgets.colors import is_dark, warning_color

EVIDENCE_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
ROSTER_ROLE = Qt.ItemDataRole.UserRole + 2

_BRACKETED = re.compile(r"\[([^\[\]]+)\]")


def highlight_html(context: str, name: str, *, background: str = "#ffe066",
                   foreground: str = "#000000") -> str:
    """The hit's excerpt as HTML with the name marked. find_name() puts the match between
    square brackets; the bracketed part that is the name is highlighted, other text is kept."""
    wanted = " ".join(fold(name).split())
    for match in _BRACKETED.finditer(context):
        if " ".join(fold(match.group(1)).split()) == wanted:
            before = html.escape(context[:match.start()])
            after = html.escape(context[match.end():])
            marked = html.escape(match.group(1))
            return (f'{before}<span style="background-color:{background}; color:{foreground};'
                    f' font-weight:600;">{marked}</span>{after}')
    return html.escape(context)


def plain_context(context: str, name: str) -> str:
    """The excerpt without the brackets around the name, for screen readers and tests."""
    wanted = " ".join(fold(name).split())
    for match in _BRACKETED.finditer(context):
        if " ".join(fold(match.group(1)).split()) == wanted:
            return context[:match.start()] + match.group(1) + context[match.end():]
    return context


class _HtmlDelegate(QStyledItemDelegate):
    """Draws a column's HTML_ROLE text as rich text (the highlighted name), one line high."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                  ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if not index.data(HTML_ROLE):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        document = self._document(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = text
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        context.palette.setColor(QPalette.ColorRole.Text,
                                 option.palette.color(role))
        rect = option.rect
        painter.save()
        painter.translate(rect.left(), rect.top() + max(0, (rect.height()
                                                           - document.size().height()) / 2))
        painter.setClipRect(0, 0, rect.width(), rect.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        if not index.data(HTML_ROLE):
            return base
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), max(base.height(),
                                                     int(document.size().height())))


class _ReturnFilter(QObject):
    """Turns Return in the name field into "Add" instead of closing the window."""

    def __init__(self, dialog: PrivacyDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._dialog.add_name()
            return True
        return False


class PrivacyDialog(QDialog):
    """Everything that should not leave the laptop, in three tabs; non-modal.

    evidence_chosen(id) is emitted when the teacher activates (double-click, Enter) a row, so
    the Evidence place can select that evidence. refresh() reloads everything.
    """

    evidence_chosen = Signal(str)
    refreshed = Signal()
    """The tabs show fresh results (after refresh() or a roster change)."""

    def __init__(self, runner: JobRunner, workspace: Workspace,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._workspace = workspace
        self._generation = 0
        self._roster: list[RosterEntry] = []
        self._report: PrivacyReport | None = None
        self.setModal(False)
        self.setWindowTitle(self.tr("Privacy check"))
        self.setMinimumSize(640, 460)
        self.resize(820, 580)

        self.summary = QLabel(self.tr("Checking your evidence…"))
        self.summary.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Privacy checks"))
        self.tabs.addTab(self._names_tab(), "")
        self.tabs.addTab(self._locations_tab(), "")
        self.tabs.addTab(self._consent_tab(), "")
        self._update_tab_titles()

        self.buttons = QDialogButtonBox()
        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.setToolTip(self.tr("Look through all your evidence once more (F5)"))
        self.refresh_button.setShortcut(Qt.Key.Key_F5)
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    # -- the three tabs ----------------------------------------------------------------

    def _tree(self, headers: list[str], name: str) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(headers)
        tree.setAccessibleName(name)
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.itemActivated.connect(self._activated)
        tree.header().setStretchLastSection(True)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return tree

    def _with_empty(self, view: QWidget, empty_text: str) -> tuple[QStackedWidget, QLabel]:
        stack = QStackedWidget()
        stack.addWidget(view)
        label = QLabel(empty_text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setMargin(16)
        stack.addWidget(label)
        return stack, label

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label

    def _names_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        roster_box = QGroupBox(self.tr("Names that must not leave this computer"))
        roster_layout = QVBoxLayout(roster_box)
        roster_layout.addWidget(self._hint(self.tr(
            "Add your students' names, your own and your school's. mcdesk looks for them in "
            "titles, file names and the text of your evidence. The list stays on this "
            "computer.")))
        self.roster_list = QListWidget()
        self.roster_list.setAccessibleName(self.tr("Names to keep private"))
        self.roster_list.setMaximumHeight(140)
        self.roster_list.currentItemChanged.connect(lambda *_: self._update_roster_buttons())
        roster_layout.addWidget(self.roster_list)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("A name, e.g. Maya Lopez"))
        self.name_edit.setAccessibleName(self.tr("Name to add"))
        self.name_edit.textChanged.connect(lambda _t: self._update_roster_buttons())
        self.name_edit.installEventFilter(_ReturnFilter(self))
        self.role_box = QComboBox()
        self.role_box.setAccessibleName(self.tr("Who this is"))
        for role, label in ((RosterRole.STUDENT, self.tr("Student")),
                            (RosterRole.TEACHER, self.tr("Teacher")),
                            (RosterRole.SCHOOL, self.tr("School")),
                            (RosterRole.OTHER, self.tr("Other"))):
            self.role_box.addItem(label, role)
        self.add_button = QPushButton(self.tr("Add name"))
        self.add_button.clicked.connect(self.add_name)
        self.remove_button = QPushButton(self.tr("Remove name"))
        self.remove_button.setToolTip(self.tr("Remove the selected name from the list"))
        self.remove_button.clicked.connect(self.remove_selected_name)
        name_label = QLabel(self.tr("&Name:"))
        name_label.setBuddy(self.name_edit)
        add_row = QHBoxLayout()
        add_row.addWidget(name_label)
        add_row.addWidget(self.name_edit, 1)
        add_row.addWidget(self.role_box)
        add_row.addWidget(self.add_button)
        add_row.addSpacing(12)
        add_row.addWidget(self.remove_button)
        roster_layout.addLayout(add_row)
        layout.addWidget(roster_box)

        self.hits_box = QGroupBox()
        hits_layout = QVBoxLayout(self.hits_box)
        self.hits_tree = self._tree([self.tr("Evidence"), self.tr("Found in"),
                                     self.tr("Where the name appears")],
                                    self.tr("Names found in evidence"))
        self.hits_tree.setItemDelegateForColumn(2, _HtmlDelegate(self.hits_tree))
        self.hits_tree.setColumnWidth(0, 220)
        self.hits_tree.setColumnWidth(1, 90)
        self.hits_stack, self.hits_empty = self._with_empty(self.hits_tree, "")
        hits_layout.addWidget(self.hits_stack)
        hits_layout.addWidget(self._hint(self.tr(
            "Double-click a row to open that evidence, then rename it, edit its text, or "
            "black out the name.")))
        layout.addWidget(self.hits_box, 1)
        self._update_roster_buttons()
        return page

    def _locations_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._hint(self.tr(
            "These photos and videos still record where they were taken, which can show where "
            "a student lives. Select it in Evidence and choose Remove location: mcdesk makes "
            "a copy without it. Double-click a row to go to it.")))
        self.locations_tree = self._tree([self.tr("Evidence"), self.tr("Kind")],
                                         self.tr("Evidence with a location"))
        self.locations_tree.setColumnWidth(0, 380)
        self.locations_stack, _label = self._with_empty(self.locations_tree, self.tr(
            "No evidence records a location. ✓"))
        layout.addWidget(self.locations_stack, 1)
        return page

    def _consent_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self._hint(self.tr(
            "Everyone seen in a photo or video must have agreed to be seen by assessors. "
            "Select it in Evidence and set its consent, or blur the faces of those who have "
            "not agreed. Double-click a row to go to it.")))
        self.consent_tree = self._tree([self.tr("Evidence"), self.tr("Kind"),
                                        self.tr("Consent")],
                                       self.tr("Photos and videos without consent"))
        self.consent_tree.setColumnWidth(0, 380)
        self.consent_tree.setColumnWidth(1, 90)
        self.consent_stack, _label = self._with_empty(self.consent_tree, self.tr(
            "Every photo and video has consent or blurred faces. ✓"))
        layout.addWidget(self.consent_stack, 1)
        return page

    # -- loading -----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Each time the window opens it shows fresh results."""
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def refresh(self) -> None:
        """Reload the roster and every check in the background."""
        workspace = self._workspace
        self._generation += 1
        generation = self._generation
        self.refresh_button.setEnabled(False)
        ops.privacy_check(workspace).success(lambda result: self._loaded(generation, *result)) \
            .failure(lambda exc: self._load_failed(generation, exc)).run(self._runner,
                                                                         origin=self)

    def _loaded(self, generation: int, roster: list[RosterEntry],
                report: PrivacyReport) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self._roster = roster
        self._report = report
        self.refresh_button.setEnabled(True)
        self._fill_roster(roster)
        self._fill_hits(report.roster_hits, bool(roster))
        self._fill_evidence(self.locations_tree, self.locations_stack, report.located,
                            consent=False)
        self._fill_evidence(self.consent_tree, self.consent_stack, report.consent_needed,
                            consent=True)
        self._update_tab_titles()
        self._update_summary(report)
        self.refreshed.emit()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if not isValid(self) or generation != self._generation:
            return
        self.refresh_button.setEnabled(True)
        detail = exc.detail if isinstance(exc, McdeskError) else str(exc)
        self.summary.setText(self.tr("The privacy check could not finish: %1").replace(
            "%1", detail))

    @property
    def report(self) -> PrivacyReport | None:
        return self._report

    def _fill_roster(self, roster: list[RosterEntry]) -> None:
        current = self._selected_roster_id()
        self.roster_list.clear()
        roles = {self.role_box.itemData(i): self.role_box.itemText(i)
                 for i in range(self.role_box.count())}
        for entry in roster:
            item = QListWidgetItem(self.tr("%1 · %2").replace("%1", entry.name).replace(
                "%2", roles.get(entry.role, entry.role)))
            item.setData(ROSTER_ROLE, entry.id)
            self.roster_list.addItem(item)
            if entry.id == current:
                self.roster_list.setCurrentItem(item)
        if not roster:
            item = QListWidgetItem(self.tr("No names yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.roster_list.addItem(item)
        self._update_roster_buttons()

    def _fill_hits(self, hits: tuple[RosterHit, ...], have_names: bool) -> None:
        self.hits_tree.clear()
        dark = is_dark(self.palette(), QPalette.ColorRole.Base)
        background, foreground = ("#8a6d00", "#ffffff") if dark else ("#ffe066", "#000000")
        where_words = {"title": self.tr("title"), "file name": self.tr("file name"),
                       "text": self.tr("text")}
        for hit in hits:
            plain = plain_context(hit.context, hit.name)
            item = QTreeWidgetItem([hit.evidence_title, where_words.get(hit.where, hit.where),
                                    plain])
            item.setData(0, EVIDENCE_ROLE, hit.evidence_id)
            item.setData(2, HTML_ROLE, highlight_html(hit.context, hit.name,
                                                      background=background,
                                                      foreground=foreground))
            item.setToolTip(2, plain)
            item.setToolTip(0, hit.evidence_title)
            self.hits_tree.addTopLevelItem(item)
        self.hits_empty.setText(
            self.tr("None of these names appears in your evidence. ✓") if have_names else
            self.tr("Add names above and mcdesk shows every place they appear."))
        self.hits_stack.setCurrentIndex(0 if hits else 1)
        self.hits_box.setTitle(self.tr("Found in your evidence (%1)").replace(
            "%1", str(len(hits))))

    def _fill_evidence(self, tree: QTreeWidget, stack: QStackedWidget,
                       evidence: tuple[Evidence, ...], *, consent: bool) -> None:
        tree.clear()
        kinds = {EvidenceKind.VIDEO: self.tr("video"), EvidenceKind.IMAGE: self.tr("photo"),
                 EvidenceKind.AUDIO: self.tr("audio"), EvidenceKind.DOCUMENT: self.tr("document"),
                 EvidenceKind.TEXT: self.tr("writing"), EvidenceKind.LINK: self.tr("link")}
        states = {Consent.NOT_SET: self.tr("not set"), Consent.NOT_YET: self.tr("not yet")}
        for each in evidence:
            columns = [each.title, kinds.get(each.kind, str(each.kind))]
            if consent:
                columns.append(states.get(each.consent, str(each.consent)))
            item = QTreeWidgetItem(columns)
            item.setData(0, EVIDENCE_ROLE, each.id)
            item.setToolTip(0, each.title)
            tree.addTopLevelItem(item)
        stack.setCurrentIndex(0 if evidence else 1)

    def _update_tab_titles(self) -> None:
        report = self._report
        counts = ((len(report.roster_hits), len(report.located), len(report.consent_needed))
                  if report is not None else None)
        titles = (self.tr("&Names"), self.tr("&Locations"), self.tr("&Consent"))
        for index, title in enumerate(titles):
            text = title if counts is None else self.tr("%1 (%2)").replace(
                "%1", title).replace("%2", str(counts[index]))
            self.tabs.setTabText(index, text)

    def _update_summary(self, report: PrivacyReport) -> None:
        if report.clear:
            self.summary.setText(self.tr(
                "Nothing to fix: no names from your list, no locations, and consent for every "
                "photo and video."))
            return
        parts = []
        hits, located, consent = (len(report.roster_hits), len(report.located),
                                  len(report.consent_needed))
        if hits:
            parts.append(self.tr("a private name found once") if hits == 1 else self.tr(
                "private names found %1 times").replace("%1", str(hits)))
        if located:
            parts.append(self.tr("one piece of evidence with a location") if located == 1
                         else self.tr("%1 with a location").replace("%1", str(located)))
        if consent:
            parts.append(self.tr("one photo or video without consent") if consent == 1
                         else self.tr("%1 photos and videos without consent").replace(
                             "%1", str(consent)))
        self.summary.setText(self.tr("Before you share, look at these: %1.").replace(
            "%1", ", ".join(parts)))

    # -- the roster --------------------------------------------------------------------

    def _selected_roster_id(self) -> int | None:
        item = self.roster_list.currentItem()
        value = item.data(ROSTER_ROLE) if item is not None else None
        return value if isinstance(value, int) else None

    def _update_roster_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.name_edit.text().strip()))
        self.remove_button.setEnabled(self._selected_roster_id() is not None)

    def add_name(self) -> None:
        """Add the typed name with the chosen role (a database write, on the writer lane)."""
        name = self.name_edit.text().strip()
        if not name:
            return
        role = str(self.role_box.currentData())
        workspace = self._workspace
        self.add_button.setEnabled(False)
        ops.add_roster_name(workspace, name, role).success(self._name_added).failure(
            self._roster_failed).run(self._runner, origin=self)

    def _name_added(self, entry: RosterEntry) -> None:
        if not isValid(self):
            return
        if self.name_edit.text().strip() == entry.name:
            self.name_edit.clear()
        self._show_status(self.tr("“%1” is on the list; mcdesk is looking for it.").replace(
            "%1", entry.name))
        self._update_roster_buttons()
        self.refresh()

    def remove_selected_name(self) -> None:
        entry_id = self._selected_roster_id()
        if entry_id is None:
            return
        workspace = self._workspace
        name = next((e.name for e in self._roster if e.id == entry_id), "")
        self.remove_button.setEnabled(False)
        ops.remove_roster_name(workspace, entry_id).success(
            lambda _r: self._name_removed(name)).failure(self._roster_failed).run(
            self._runner, origin=self)

    def _name_removed(self, name: str) -> None:
        if not isValid(self):
            return
        self._show_status(self.tr("“%1” was removed from the list.").replace("%1", name))
        self.refresh()

    def _roster_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._update_roster_buttons()
        detail = exc.detail if isinstance(exc, McdeskError) else str(exc)
        self._show_status(detail[:1].upper() + detail[1:] + ".", problem=True)

    def _show_status(self, text: str, *, problem: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {warning_color(self)};" if problem else "")
        self.status_label.show()

    # -- choosing ----------------------------------------------------------------------

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        evidence_id = item.data(0, EVIDENCE_ROLE)
        if isinstance(evidence_id, str):
            self.evidence_chosen.emit(evidence_id)
