"""The Badges place (teacher): earned credentials on the left, the chosen one's detail on the
right, the Stacks view, Import… (and file drops), Share…, Transcript… and the recognition
rules; GUI thread (work runs in this place's operations)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change
from mcdesk.core.credentials import CredentialLine, EarnedCredential, RecognitionRule, Transcript
from mcdesk.core.errors import McdeskError
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.badges import ops
from mcdesk.ui.badges.detail import BadgeDetail
from mcdesk.ui.badges.dialogs import RulesDialog, TranscriptDialog
from mcdesk.ui.badges.images import badge_with_state, state_mark, state_words
from mcdesk.ui.badges.stacks import StacksView
from mcdesk.ui.widgets.after_paint import after_paint
from mcdesk.ui.widgets.empty_state import empty_state
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.searchable_list import SearchableList, set_search_words
from mcdesk.ui.widgets.splitter import list_detail_splitter

if TYPE_CHECKING:
    from mcdesk.services.badges import ImportResult

LIST_ICON = 44
# Pictures drawn with the list (about a window's height of rows); the rest are drawn a batch
# per turn of the event loop after the first paint, so 200 badges never hold it up.
ICONS_FIRST = 16
ICONS_BATCH = 24
# Rows read for the first paint at most: more than a tall window shows (fewer when the list
# is shorter: each row takes three lines or more, beside its picture).
FIRST_PAGE = 24
ROW_LINES = 3
CREDENTIAL_FILES = "*.json *.jwt *.jws *.png *.svg *.txt"
SHARE_FILTERS = {"png": "PNG (*.png)", "svg": "SVG (*.svg)", "json": "JSON (*.json)",
                 "pdf": "PDF (*.pdf)"}


def _slug(title: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", title).strip("-").lower()[:60] or "badge"


class BadgesPage(Place):
    watches = frozenset({Change.CREDENTIALS, Change.RECOGNITION, Change.CATALOG,
                         Change.DRAFTS})
    # The list was filled with this many credentials (tests and benchmarks wait for it).
    badges_shown = Signal(int)
    # The first visit put the newest few in the list (all of them follow: badges_shown).
    first_shown = Signal(int)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.view: ops.BadgesView | None = None
        self._listed: tuple[CredentialLine, ...] = ()
        self._icons_generation = 0
        self._waiting_picture: QIcon | None = None
        self.rules_dialog: RulesDialog | None = None
        self.transcript_dialog: TranscriptDialog | None = None
        self._select_after_load: str | None = None

        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr(
            "Add a badge you received another way: a .json, .jwt, baked .png or .svg file"))
        self.import_button.clicked.connect(self.choose_files)
        self.transcript_button = QPushButton(self.tr("Transcript…"))
        self.transcript_button.setToolTip(self.tr(
            "Your in-service hours for a date range, as PDF or CSV, for your district"))
        self.transcript_button.clicked.connect(self.open_transcript)
        self.rules_button = QPushButton(self.tr("Recognition rules…"))
        self.rules_button.setToolTip(self.tr(
            "How your district or state turns micro-credentials into in-service hours"))
        self.rules_button.clicked.connect(self.open_rules)
        self.hours_label = QLabel()
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.transcript_button)
        toolbar.addWidget(self.rules_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.hours_label)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Earned badges"))
        self.list.setIconSize(QSize(LIST_ICON, LIST_ICON))
        self.list.setSpacing(2)
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._chosen)
        self.detail = BadgeDetail()
        self.detail.verify_requested.connect(self.verify_again)
        self.detail.share_requested.connect(self.share)
        self.detail.hide()
        self.pick_hint = QLabel(self.tr("Choose a badge on the left to see it here."))
        self.pick_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.pick_hint, 1)
        self.searchable = SearchableList(self.list, self.tr("Search badges"))
        self.search = self.searchable.search
        splitter = list_detail_splitter(self.searchable, right, sizes=(330, 520),
                                        stretch=(2, 3))

        self.empty = QLabel(self.tr(
            "No badges yet.\n\nBadges you earn arrive here with Sync, verified on arrival: "
            "show them anywhere, follow your stacks, and take a transcript of in-service "
            "hours to your district.\n\nA badge someone sent you (a .json, .jwt, or a badge "
            "picture) can be imported: press Import… or drop the files here."))
        self.empty_import = QPushButton(self.tr("Import a badge…"))
        self.empty_import.clicked.connect(self.choose_files)
        empty_box = empty_state(self.empty, self.empty_import)
        self.badges_stack = QStackedWidget()
        self.badges_stack.addWidget(splitter)
        self.badges_stack.addWidget(empty_box)  # shown once a load found no badge

        self.stacks = StacksView()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.badges_stack, self.tr("Badges"))
        self.tabs.addTab(self.stacks, self.tr("Stacks"))
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.tabs, 1)
        self.accept_file_drops()
        self.workspace_changed(None)

    # -- loading ---------------------------------------------------------------------------

    def workspace_changed(self, workspace: object | None) -> None:
        for button in (self.import_button, self.transcript_button, self.rules_button,
                       self.empty_import):
            button.setEnabled(workspace is not None)
        if workspace is None:
            self._icons_generation += 1  # the pictures still to draw belong to it: stop

    def refresh(self) -> None:
        super().refresh()
        if self._workspace is None:
            return
        if self.view is None and self.list.count() == 0:
            # The first visit: the newest few paint first; the rest, their hours, the
            # stacks and the chosen badge's detail come on the next turn of the event loop.
            ops.first_page(self._workspace, self.searchable.screenful(
                ROW_LINES, FIRST_PAGE)).success(self._first_loaded).failure(
                self._failed).run(self._runner, origin=self)
            return
        self._load_all()

    def _load_all(self) -> None:
        if self._workspace is None:
            return
        ops.load(self._workspace).success(self._loaded).failure(self._failed).run(
            self._runner, origin=self)

    def _first_loaded(self, lines: tuple[CredentialLine, ...]) -> None:
        if self.view is not None:  # the whole list came first
            return
        self._fill(lines)
        self.searchable.refilled()
        self._icons_generation += 1
        generation = self._icons_generation
        # The pictures and the whole list once these rows are painted, not before them.
        after_paint(self, lambda: self._draw_icons(generation, 0, ICONS_BATCH))
        self.badges_stack.setCurrentIndex(0 if lines else 1)
        self.first_shown.emit(len(lines))
        after_paint(self, self._load_all)

    def _fill(self, lines: Sequence[CredentialLine]) -> None:
        self._listed = tuple(lines)
        self.list.blockSignals(True)
        self.list.clear()
        # Room for the picture from the start: the words do not move aside (every row grew)
        # when it comes.
        waiting = self.waiting_picture()
        for line in lines:
            issuer = line.issuer_name or line.issuer_id or self.tr("unknown issuer")
            text = (f"{line.title}\n{issuer} · {line.earned_on:%Y-%m-%d}\n"
                    f"{state_mark(line.state)} {state_words(line.state)}")
            item = QListWidgetItem(waiting, text)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setToolTip("\n".join(line.reasons) or state_words(line.state))
            set_search_words(item, line.title, line.issuer_name or line.issuer_id)
            self.list.addItem(item)
        self.list.blockSignals(False)

    def waiting_picture(self) -> QIcon:
        """The blank a row shows until its badge is drawn, as big as the badge."""
        if self._waiting_picture is None:
            blank = QPixmap(LIST_ICON, LIST_ICON)
            blank.fill(Qt.GlobalColor.transparent)
            self._waiting_picture = QIcon(blank)
        return self._waiting_picture

    def _loaded(self, view: ops.BadgesView) -> None:
        self.view = view
        current = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self._fill([credential.line for credential in view.credentials])
        self._icons_generation += 1
        self._draw_icons(self._icons_generation, 0, ICONS_FIRST)
        self.badges_stack.setCurrentIndex(0 if view.credentials else 1)
        ids = [c.id for c in view.credentials]
        if current in ids:
            self.list.setCurrentRow(ids.index(current))
        elif ids and not self.searchable.words:
            self.list.setCurrentRow(0)
        else:
            self._chosen(None)
        self.searchable.refilled()  # a chosen badge the search hides is chosen no more
        total = sum(hours for hours, _ in view.hours.values())
        if view.rule is not None:
            self.hours_label.setText(self.tr("%1 in-service hours (%2)").replace(
                "%1", f"{total:g}").replace("%2", view.rule.name))
        else:
            self.hours_label.setText("")
        self.stacks.show_stacks(view.stacks)
        self.badges_shown.emit(len(view.credentials))

    def _draw_icons(self, generation: int, start: int, count: int) -> None:
        """Give rows start..start+count their badge pictures, then the next batch once they
        are painted; a newer list (another load) stops the older one's batches."""
        listed = self._listed
        if generation != self._icons_generation:
            return
        end = min(start + count, len(listed), self.list.count())
        for row in range(start, end):
            line = listed[row]
            item = self.list.item(row)
            if item is not None:
                item.setIcon(QIcon(badge_with_state(line.image, line.title, LIST_ICON,
                                                    line.state)))
        self.searchable.fit_rows(range(start, end))  # the words wrap beside the picture
        if end < len(listed):
            after_paint(self, lambda: self._draw_icons(generation, end, ICONS_BATCH))

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        view = self.view
        credential = None
        if item is not None and view is not None:
            ident = item.data(Qt.ItemDataRole.UserRole)
            credential = next((c for c in view.credentials if c.id == ident), None)
        if credential is None or view is None:
            self.detail.hide()
            self.pick_hint.show()
            return
        self.detail.show_credential(
            credential, competency=view.competencies.get(credential.id, ""),
            hours=view.hours.get(credential.id, (0.0, "")),
            rule_name=view.rule.name if view.rule else None)
        self.pick_hint.hide()
        self.detail.show()

    # -- importing -------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import badges"), str(Path.home()),
            self.tr("Badges and credentials (%1);;All files (*)").replace(
                "%1", CREDENTIAL_FILES))
        if files:
            self.import_paths([Path(f) for f in files])

    def files_dropped(self, paths: Sequence[Path]) -> None:
        self.import_paths(paths)

    def import_paths(self, paths: Sequence[Path]) -> None:
        if self._workspace is None:
            return
        ops.import_files(self._workspace, paths).success(self._imported).failure(
            self._failed).run(self._runner, origin=self)

    def _imported(self, results: list[ImportResult | McdeskError]) -> None:
        new = [r for r in results if not isinstance(r, McdeskError) and r.new]
        known = [r for r in results if not isinstance(r, McdeskError) and not r.new]
        refused = [r for r in results if isinstance(r, McdeskError)]
        failed = [r for r in new if r.credential.state == "failed"]
        parts: list[str] = []
        if new:
            parts.append(self.tr("%n badge(s) imported", "", len(new)))
        if known:
            parts.append(self.tr("%n already here", "", len(known)))
        if failed:
            parts.append(self.tr("%n did not verify (see why in its detail)", "",
                                 len(failed)))
        parts += [str(problem) for problem in refused]
        tone = Tone.ERROR if refused else Tone.WARNING if failed else Tone.INFO
        self.notice.emit("; ".join(parts), tone)
        first = (new or known)
        if first:
            self._select_after_load = first[0].credential.id
        self.refresh()

    # -- verifying and sharing -------------------------------------------------------------

    def verify_again(self, credential_id: str) -> None:
        if self._workspace is None:
            return
        ops.verify_again(self._workspace, credential_id).success(self._verified).failure(
            self._failed).run(self._runner, origin=self)

    def _verified(self, credential: object) -> None:
        assert isinstance(credential, EarnedCredential)
        tone = Tone.INFO if credential.state == "verified" else Tone.WARNING
        words = state_words(credential.state)
        reasons = "; ".join(credential.reasons)
        self.notice.emit(f"{credential.title}: {words}" + (f" ({reasons})" if reasons else ""),
                         tone)
        self._select_after_load = credential.id
        self.refresh()

    def share(self, credential_id: str, kind_value: str) -> None:
        from mcdesk.services.badges import ExportKind

        view = self.view
        credential = next((c for c in view.credentials if c.id == credential_id), None) \
            if view is not None else None
        if credential is None or self._workspace is None:
            return
        suffix = ".json" if kind_value == "json" else f".{kind_value}"
        suggested = str(Path.home() / (_slug(credential.title) + suffix))
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Share the badge"), suggested, SHARE_FILTERS[kind_value])
        if not path:
            return
        dest = Path(path)
        if dest.suffix.lower() != suffix:
            dest = dest.with_name(dest.name + suffix)
        ops.export(self._workspace, credential_id, ExportKind(kind_value), dest).success(
            lambda written: self.notice.emit(
                self.tr("Saved %1").replace("%1", str(written)), Tone.INFO)).failure(
            self._failed).run(self._runner, origin=self)

    # -- transcript and rules --------------------------------------------------------------

    def open_transcript(self) -> None:
        rule = self.view.rule if self.view is not None else None
        dialog = TranscriptDialog(date.today(), rule.name if rule else None, self)
        dialog.accepted.connect(lambda: self._transcript_chosen(dialog))
        self.transcript_dialog = dialog
        dialog.open()

    def _transcript_chosen(self, dialog: TranscriptDialog) -> None:
        if self._workspace is None:
            return
        start, end = dialog.range
        suffix = dialog.suffix
        suggested = str(Path.home() / f"in-service-hours-{start}-{end}{suffix}")
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the transcript"), suggested,
            "PDF (*.pdf)" if suffix == ".pdf" else "CSV (*.csv)")
        if not path:
            return
        dest = Path(path)
        if dest.suffix.lower() != suffix:
            dest = dest.with_name(dest.name + suffix)
        ops.write_transcript(self._workspace, start, end, dest).success(
            lambda transcript: self._transcript_written(transcript, dest)).failure(
            self._failed).run(self._runner, origin=self)

    def _transcript_written(self, transcript: Transcript, dest: Path) -> None:
        self.notice.emit(self.tr("Transcript saved to %1: %2 credentials, %3 hours").replace(
            "%1", str(dest)).replace("%2", str(len(transcript.lines))).replace(
            "%3", f"{transcript.total_hours:g}"), Tone.INFO)

    def open_rules(self) -> None:
        if self._workspace is None:
            return
        ops.rules(self._workspace).success(self._show_rules).failure(self._failed).run(
            self._runner, origin=self)

    def _show_rules(self, rules: list[RecognitionRule]) -> None:
        dialog = RulesDialog(rules, self)
        dialog.save_requested.connect(self._save_rule)
        dialog.delete_requested.connect(self._delete_rule)
        dialog.finished.connect(lambda _r: self.refresh())
        self.rules_dialog = dialog
        dialog.open()

    def _save_rule(self, rule: RecognitionRule) -> None:
        if self._workspace is None:
            return
        ops.save_rule(self._workspace, rule).success(self._rule_saved).failure(
            self._rule_failed).run(self._runner, origin=self)

    def _rule_saved(self, rule: RecognitionRule) -> None:
        self._reload_rules(rule.id)

    def _delete_rule(self, rule_id: int) -> None:
        if self._workspace is None:
            return
        ops.delete_rule(self._workspace, rule_id).success(
            lambda _r: self._reload_rules(None)).failure(self._rule_failed).run(
            self._runner, origin=self)

    def _reload_rules(self, select: int | None) -> None:
        if self._workspace is None:
            return
        ops.rules(self._workspace).success(
            lambda rules: self.rules_dialog.set_rules(rules, select)
            if self.rules_dialog is not None else None).failure(self._failed).run(
            self._runner, origin=self)

    def _rule_failed(self, exc: BaseException) -> None:
        if isinstance(exc, McdeskError) and self.rules_dialog is not None:
            self.rules_dialog.show_problem(exc.detail)
        else:
            self._failed(exc)
