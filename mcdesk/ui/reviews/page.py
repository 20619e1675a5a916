"""The Reviews place (assessor): the queue of submissions to review on the left, the chosen
review's workspace on the right; opening package files and exporting review files; GUI thread
(work runs in jobs)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.changes import Change
from mcdesk.core.reviews import Review, ReviewSource, ReviewState, ReviewSummary
from mcdesk.core.units import clock
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.reviews import ops
from mcdesk.ui.reviews.workspace import ReviewWorkspace
from mcdesk.ui.widgets.after_paint import after_paint
from mcdesk.ui.widgets.empty_state import DetailPlaceholder, empty_state
from mcdesk.ui.widgets.locale_text import day_month_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place
from mcdesk.ui.widgets.searchable_list import SearchableList, set_search_words
from mcdesk.ui.widgets.splitter import list_detail_splitter

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

REVIEW_FILE_SUFFIX = ".mcreview"
# Rows read for the first paint at most: more than a tall window shows (fewer when the list
# is shorter: each row takes three lines or more).
FIRST_PAGE = 24
ROW_LINES = 3


class ReviewsPage(Place):
    watches = frozenset({Change.REVIEWS})
    reviews_shown = Signal(int)
    # The first visit put the top of the queue in the list (all of it follows: reviews_shown).
    first_shown = Signal(int)
    sync_requested = Signal()

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._select_after_load: str | None = None
        self._first_done = False
        self.open_button = QPushButton(self.tr("Open a package…"))
        self.open_button.setToolTip(self.tr(
            "Review a submission package someone gave you (a .zip file)"))
        self.open_button.clicked.connect(self.choose_package)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Submissions to review"))
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.currentItemChanged.connect(self._chosen)
        self.empty = QLabel(self.tr(
            "Nothing to review yet.\n\nWhen an issuer assigns you a submission, Sync downloads "
            "it here so you can review it without a connection: watch the video, comment on "
            "moments, score the rubric.\n\nSomeone gave you a package file? Press Open a "
            "package… or drop it here."))
        self.sample_button = QPushButton(self.tr("Try a sample submission"))
        self.sample_button.setToolTip(self.tr(
            "Open a made-up exit-ticket submission with a classroom video to practise on"))
        self.sample_button.clicked.connect(self.open_sample)
        empty_box = empty_state(self.empty, self.sample_button)
        self.searchable = SearchableList(self.list, self.tr("Search reviews"))
        self.search = self.searchable.search
        self.left_stack = QStackedWidget()
        self.left_stack.addWidget(self.searchable)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        self.workspace_view = ReviewWorkspace(runner)
        self.workspace_view.notice.connect(self.notice)
        self.workspace_view.unexpected.connect(self.unexpected)
        self.workspace_view.changed.connect(lambda _id: self.refresh())
        self.workspace_view.sync_requested.connect(self.sync_requested)
        self.workspace_view.export_requested.connect(self.choose_export)
        queue_and_parts = QSplitter(Qt.Orientation.Vertical)
        queue_and_parts.addWidget(self.left_stack)
        queue_and_parts.addWidget(self.workspace_view.navigator)
        queue_and_parts.setStretchFactor(0, 1)
        queue_and_parts.setStretchFactor(1, 2)
        queue_and_parts.setSizes([220, 480])
        queue_and_parts.setChildrenCollapsible(False)
        left_layout.addWidget(queue_and_parts, 1)
        self.placeholder = QLabel(self.tr("Pick a submission on the left to review it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_stack = QStackedWidget()
        self.beside = DetailPlaceholder(self.placeholder, empty_box, self.left_stack)
        self.right_stack.addWidget(self.beside)
        self.right_stack.addWidget(self.workspace_view)
        splitter = list_detail_splitter(left, self.right_stack, sizes=(210, 1000),
                                       stretch=(1, 5))
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.accept_file_drops()
        self.open_button.setEnabled(False)
        self.workspace_view.navigator.hide()

    def workspace_changed(self, workspace: Workspace | None) -> None:
        self.workspace_view.set_workspace(workspace)
        self.open_button.setEnabled(workspace is not None)

    def refresh(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        super().refresh()
        if self.list.count() == 0 and not self._first_done:
            # The first visit: the top of the queue paints first; the whole queue (and the
            # chosen review's workspace) come on the next turn of the event loop.
            ops.first_of_queue(workspace, self.searchable.screenful(
                ROW_LINES, FIRST_PAGE)).success(self._first_loaded).failure(
                self._failed).run(self._runner, origin=self)
            return
        self._load_all()

    def _load_all(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.queue(workspace).success(self._loaded).failure(self._failed).run(
            self._runner, origin=self)

    def _first_loaded(self, rows: list[ReviewSummary]) -> None:
        if self._first_done:  # the whole queue came first
            return
        self._first_done = True
        self.list.blockSignals(True)
        words = self._line_words()
        for summary in rows:
            self.list.addItem(self._item(summary, words))
        self.list.blockSignals(False)
        self.searchable.refilled()
        self.left_stack.setCurrentIndex(0 if rows else 1)
        self.first_shown.emit(len(rows))
        after_paint(self, self._load_all)

    def _item(self, summary: ReviewSummary, words: dict[object, str]) -> QListWidgetItem:
        item = QListWidgetItem(self._line(summary, words))
        item.setData(Qt.ItemDataRole.UserRole, summary.id)
        item.setToolTip(summary.error or "")
        set_search_words(item, summary.mc_name)
        return item

    def _loaded(self, rows: list[ReviewSummary]) -> None:
        self._first_done = True
        current = self.current_id()
        keep = self._select_after_load or current or (
            rows[0].id if rows and not self.searchable.words else None)
        self._select_after_load = None
        self.list.blockSignals(True)
        self.list.clear()
        words = self._line_words()
        for summary in rows:
            item = self._item(summary, words)
            self.list.addItem(item)
            if summary.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.searchable.refilled()
        self.left_stack.setCurrentIndex(0 if rows else 1)
        if keep is not None and self.current_id() == keep and (
                keep != current or self.workspace_view.review_id != keep):
            # The list paints first; the review's workspace (its annotation widgets, the
            # heaviest part of the place) opens once it has.
            after_paint(self, lambda: self._open_if_current(keep))
        self.reviews_shown.emit(len(rows))

    def _open_if_current(self, review_id: str) -> None:
        if self.current_id() == review_id:  # not changed meanwhile by a click
            self._open(review_id)

    def _line_words(self) -> dict[object, str]:
        """The words of the list's lines, translated once per filling (each row asked for
        eleven translations: 150 for a first screenful, 2,200 for a whole queue)."""
        return {ReviewState.IN_PROGRESS: self.tr("in progress"),
                ReviewState.QUEUED: self.tr("finished · waiting to send"),
                ReviewState.SENT: self.tr("sent ✓"),
                ReviewState.EXPORTED: self.tr("exported ✓"),
                ReviewState.CONFLICT: self.tr("⚠ changed on the server"),
                ReviewState.CLOSED: self.tr("closed"),
                "not started": self.tr("not started"),
                ReviewSource.CALIBRATION: self.tr("Calibration"),
                "attempt": self.tr("Attempt %1"), "due": self.tr("due %1"),
                "scored": self.tr("%1/%2 scored")}

    def _line(self, summary: ReviewSummary, words: dict[object, str]) -> str:
        state = words[summary.state]
        if summary.state is ReviewState.IN_PROGRESS and summary.scored == 0 and \
                summary.seconds_spent == 0:
            state = words["not started"]
        bits = [words[ReviewSource.CALIBRATION] if summary.source is ReviewSource.CALIBRATION
                else words["attempt"].replace("%1", str(summary.attempt))]
        if summary.due_at is not None:
            bits.append(words["due"].replace("%1", day_month_text(summary.due_at)))
        if summary.criteria:
            bits.append(words["scored"].replace("%1", str(summary.scored))
                        .replace("%2", str(summary.criteria)))
        if summary.seconds_spent:
            bits.append(clock(summary.seconds_spent))
        line = f"{summary.mc_name}\n{' · '.join(bits)}\n{state}"
        if summary.error:
            line += f"\n⚠ {summary.error}"
        return line

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:  # the search hid it: what was typed is saved, then it closes
            self.workspace_view.flush()
            self.right_stack.setCurrentIndex(0)
            self.workspace_view.navigator.hide()
            return
        self._open(str(current.data(Qt.ItemDataRole.UserRole)))

    def _open(self, review_id: str) -> None:
        self.right_stack.setCurrentIndex(1)
        self.workspace_view.navigator.show()
        self.workspace_view.open(review_id)

    def select(self, review_id: str) -> None:
        """Show a review (after opening a package, or from elsewhere)."""
        self._select_after_load = review_id
        self.refresh()

    def flush(self) -> None:
        self.workspace_view.flush()

    # -- packages and review files ------------------------------------------------------

    def choose_package(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open a submission package to review"), "",
            self.tr("Submission packages (*.zip);;All files (*)"))
        if path:
            self.open_package(Path(path))

    def files_dropped(self, paths: Sequence[Path]) -> None:
        for path in paths:
            self.open_package(path)

    def open_package(self, path: Path) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.open_package(workspace, path).success(self._package_opened).failure(
            self._failed).run(self._runner, origin=self)

    def _package_opened(self, review: Review) -> None:
        self.notice.emit(self.tr("Opened for review: %1, attempt %2.")
                         .replace("%1", review.mc_name).replace("%2", str(review.attempt)),
                         Tone.INFO)
        self.select(review.id)

    def open_sample(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        self.sample_button.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.sample_button.setEnabled(True)
            self._failed(exc)

        ops.open_sample(workspace).success(self._package_opened).failure(failed).cancelled(
            lambda: self.sample_button.setEnabled(True)).run(self._runner, origin=self)

    def choose_export(self, review_id: str) -> None:
        work = self.workspace_view.work
        if work is None or work.review.id != review_id:
            return
        self.workspace_view.flush()
        slug = re.sub(r"[^a-z0-9]+", "-", work.review.mc_name.lower()).strip("-")[:40] or "review"
        suggested = f"review-{slug}-attempt-{work.review.attempt}{REVIEW_FILE_SUFFIX}"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export the review to a file"), suggested,
            self.tr("mcdesk review files (*.mcreview)"))
        if path:
            self.export_to(review_id, Path(path))

    def export_to(self, review_id: str, dest: Path) -> None:
        workspace = self._workspace
        if workspace is None:
            return

        def done(path: Path) -> None:
            self.notice.emit(self.tr("The review was saved to %1. Carry it to the issuer; it "
                                     "can no longer change here.").replace("%1", str(path)),
                             Tone.INFO)
            self.refresh()
            self.workspace_view.open(review_id)

        ops.export(workspace, review_id, dest).success(done).failure(self._failed).run(
            self._runner, origin=self)
