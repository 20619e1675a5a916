"""One review's workspace: the submission's criteria and their evidence on the left, the chosen
piece with its comments in the middle, the rubric and the decision on the right; every change
saved in a job ~0.5 s after it is made, time spent counted while it is open; GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import EvidenceKind
from mcdesk.core.reviews import (
    Annotation,
    AnswerTarget,
    Review,
    ReviewSource,
    ReviewState,
    final_decision,
    finish_problems,
    rule_decision,
)
from mcdesk.core.text import word_count
from mcdesk.core.units import clock
from mcdesk.jobs.ops import Op
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.annotation.comment_editor import CommentFields
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel
from mcdesk.ui.reviews import ops
from mcdesk.ui.reviews.banner import (
    banner_text,
    describe_piece,
    finish_problem_words,
    state_words,
)
from mcdesk.ui.reviews.scoring_panel import ScoringPanel
from mcdesk.ui.widgets.locale_text import date_text, number_text
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.splitter import list_detail_splitter

if TYPE_CHECKING:
    from mcdesk.core.packages import ReceivedCriterion, ReceivedEvidence
    from mcdesk.services.reviews import ReviewWork
    from mcdesk.services.workspace import Workspace

# Time spent is written at least this often while a review is open.
TIME_BANK_MS = 30_000

PIECE_ROLE = Qt.ItemDataRole.UserRole
CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1


class ReviewWorkspace(QWidget):
    notice = Signal(str, Tone)
    unexpected = Signal(object)
    changed = Signal(str)  # a review's id: its line in the queue may have changed
    sync_requested = Signal()
    export_requested = Signal(str)

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._workspace: Workspace | None = None
        self._work: ReviewWork | None = None
        self._generation = 0
        self._pieces: dict[str, AnnotatedPiece] = {}
        self._piece_criterion: dict[str, str | None] = {}
        self._texts: dict[str, str] = {}

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.earner = QLabel()
        self.earner.setWordWrap(True)
        self.blind_button = QPushButton()
        self.blind_button.clicked.connect(self._toggle_blind)
        # The button sits beside the title and the earner's line, not on a row of its own:
        # on a 768-pixel-high laptop every row taken from the video makes it narrower.
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.earner)
        earner_row = QHBoxLayout()
        earner_row.addLayout(heading, 1)
        earner_row.addWidget(self.blind_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.banner = QFrame()
        self.banner.setObjectName("reviewBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.RichText)
        banner_row.addWidget(self.banner_text, 1)
        self.reopen_button = QPushButton(self.tr("Reopen to change it"))
        self.reopen_button.clicked.connect(self._reopen)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.sync_requested)
        self.resend_button = QPushButton(self.tr("Send mine anyway"))
        self.resend_button.setToolTip(self.tr(
            "Replace the server's version with yours, knowingly"))
        self.resend_button.clicked.connect(self._resend)
        for button in (self.reopen_button, self.sync_button, self.resend_button):
            banner_row.addWidget(button)

        self.navigator = QTreeWidget()
        self.navigator.setHeaderHidden(True)
        self.navigator.setAccessibleName(self.tr("Submission criteria and evidence"))
        self.navigator.setMinimumWidth(160)
        self.navigator.currentItemChanged.connect(self._piece_chosen)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.panel = AnnotationPanel(runner=runner)
        # Beside the rubric there is room for the piece or its comments, not both abreast.
        self.panel.splitter.setOrientation(Qt.Orientation.Vertical)
        # On a 768-pixel-high laptop the picture's height is what limits its width: the
        # piece gets most of the height, the comments a few lines (the splitter gives more).
        self.panel.splitter.setStretchFactor(0, 4)
        self.panel.splitter.setStretchFactor(1, 1)
        self.panel.splitter.setSizes([660, 110])
        self.panel.add_requested.connect(self._add_comment)
        self.panel.update_requested.connect(self._update_comment)
        self.panel.delete_requested.connect(self._delete_comment)
        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(0, 0, 0, 0)
        center_layout.addWidget(self.prompt)
        center_layout.addWidget(self.panel, 1)
        self.scoring = ScoringPanel()
        self.scoring.level_chosen.connect(self._level_chosen)
        self.scoring.feedback_changed.connect(self._feedback_changed)
        self.scoring.comment_activated.connect(self.select_comment)
        self.scoring.decision.override_changed.connect(self._override_changed)
        self.scoring.decision.finish_requested.connect(self._finish)
        self.scoring.decision.export_requested.connect(
            lambda: self.export_requested.emit(self.review_id or ""))
        # The navigator is placed by the owner (under the queue in the Reviews place), so
        # the piece and the rubric get the width.
        splitter = list_detail_splitter(center, self.scoring, sizes=(860, 300), stretch=(3, 1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(earner_row)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self._clock = QElapsedTimer()
        self._bank_timer = QTimer(self)
        self._bank_timer.setInterval(TIME_BANK_MS)
        self._bank_timer.timeout.connect(self.bank_time)
        QGuiApplication.instance().applicationStateChanged.connect(  # type: ignore[union-attr]
            self._app_state)

    # -- loading -----------------------------------------------------------------------

    @property
    def review_id(self) -> str | None:
        return self._work.review.id if self._work is not None else None

    @property
    def work(self) -> ReviewWork | None:
        return self._work

    def set_workspace(self, workspace: Workspace | None) -> None:
        self.flush()
        self._workspace = workspace
        if workspace is None:
            self._work = None

    def open(self, review_id: str) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        if review_id != self.review_id:
            self.flush()
        self._generation += 1
        generation = self._generation
        ops.open_review(workspace, review_id).success(
            lambda loaded: self._show(generation, *loaded)).failure(self._failed).run(
            self._runner, origin=self)

    def _show(self, generation: int, work: ReviewWork, texts: dict[str, str]) -> None:
        if generation != self._generation:
            return
        same = self._work is not None and self._work.review.id == work.review.id
        self._work = work
        self._texts = texts
        self._build_navigator(work, keep=same)
        self.panel.set_criteria([(c.id, c.name) for c in work.rubric])
        self._show_review(work.review)
        self._start_clock()

    def _build_navigator(self, work: ReviewWork, *, keep: bool) -> None:
        current = self.navigator.currentItem()
        keep_target = current.data(0, PIECE_ROLE) if (keep and current is not None) else None
        self.navigator.blockSignals(True)
        self.navigator.clear()
        self._pieces = {}
        self._piece_criterion = {}
        package = work.package
        first: QTreeWidgetItem | None = None
        chosen: QTreeWidgetItem | None = None
        if package is None:
            waiting = QTreeWidgetItem([self.tr("The submission is still downloading; it "
                                               "opens here when it has arrived.")])
            self.navigator.addTopLevelItem(waiting)
        else:
            parts: dict[str, QTreeWidgetItem] = {}
            for number, criterion in enumerate(package.criteria, start=1):
                part_name = criterion.part or self.tr("Submission")
                part = parts.get(part_name)
                if part is None:
                    part = QTreeWidgetItem([part_name])
                    font = part.font(0)
                    font.setBold(True)
                    part.setFont(0, font)
                    self.navigator.addTopLevelItem(part)
                    parts[part_name] = part
                rubric_id = self._rubric_of(criterion.id)
                label = self._criterion_label(number, criterion)
                node = QTreeWidgetItem([label])
                node.setToolTip(0, criterion.prompt or "")
                node.setData(0, CRITERION_ROLE, criterion.id)
                part.addChild(node)
                for item in self._piece_items(work, criterion, rubric_id):
                    node.addChild(item)
                    first = first or item
                    if item.data(0, PIECE_ROLE) == keep_target:
                        chosen = item
            self.navigator.expandAll()
        self.navigator.blockSignals(False)
        target = chosen or first
        if target is not None:
            self.navigator.setCurrentItem(target)
        else:
            self.panel.clear()

    def _criterion_label(self, number: int, criterion: ReceivedCriterion) -> str:
        prompt = " ".join((criterion.prompt or "").split())
        short = prompt if len(prompt) <= 60 else prompt[:57].rstrip() + "…"
        return f"{number}. {short}" if short else self.tr("Criterion %1").replace(
            "%1", str(number))

    def _piece_items(self, work: ReviewWork, criterion: ReceivedCriterion,
                     rubric_id: str | None) -> list[QTreeWidgetItem]:
        items = []
        review = work.review
        if criterion.answer is not None:
            target = str(AnswerTarget(criterion.id))
            words = word_count(criterion.answer)
            piece = AnnotatedPiece(target=target, title=self.tr("Written answer"),
                                   kind=EvidenceKind.TEXT, path=None, path_in_package=None,
                                   text=criterion.answer, fps=None)
            items.append(self._piece_item(piece, self.tr("Written answer · %1 words").replace(
                "%1", number_text(words)), review, rubric_id))
        for evidence in criterion.evidence:
            if review.blind and evidence.identifying:
                hidden = QTreeWidgetItem([self.tr("Hidden for a blind review")])
                hidden.setToolTip(0, self.tr("The earner marked this piece as identifying. "
                                             "Show identifying details to see it."))
                hidden.setDisabled(True)
                items.append(hidden)
                continue
            piece = AnnotatedPiece(
                target=evidence.id, title=evidence.name, kind=evidence.kind,
                path=evidence.file, path_in_package=self._path_in_package(evidence),
                text=self._texts.get(evidence.id), url=evidence.url)
            items.append(self._piece_item(piece, describe_piece(evidence), review, rubric_id,
                                          narrative=evidence.narrative))
        return items

    def _piece_item(self, piece: AnnotatedPiece, label: str, review: Review,
                    rubric_id: str | None, narrative: str = "") -> QTreeWidgetItem:
        count = len(review.comments_on(piece.target))
        item = QTreeWidgetItem([label + (f"  ({count} 💬)" if count else "")])
        item.setData(0, PIECE_ROLE, piece.target)
        tip = label + (f"\n\n{narrative}" if narrative else "")
        item.setToolTip(0, tip)
        self._pieces[piece.target] = piece
        self._piece_criterion[piece.target] = rubric_id
        return item

    def _path_in_package(self, evidence: ReceivedEvidence) -> str | None:
        package = self._work.package if self._work is not None else None
        if package is None or evidence.file is None:
            return None
        try:
            return evidence.file.relative_to(package.folder).as_posix()
        except ValueError:
            return None

    def _rubric_of(self, criterion_id: str) -> str | None:
        work = self._work
        if work is None or work.definition is None:
            return None
        try:
            return work.definition.criterion(criterion_id).rubric_criterion_id
        except (KeyError, ValueError, McdeskError):
            return None

    # -- showing -----------------------------------------------------------------------

    def _show_review(self, review: Review) -> None:
        work = self._work
        if work is None:
            return
        due = (self.tr(" · due %1").replace("%1", date_text(review.due_at))
               if review.due_at else "")
        if review.source is ReviewSource.CALIBRATION:
            line = self.tr("Calibration item · version %2%3 · %4 · time spent %5")
        else:
            line = self.tr("Attempt %1 · version %2%3 · %4 · time spent %5").replace(
                "%1", str(review.attempt))
        self.title.setText(
            f"<h2 style='margin:0'>{escape(review.mc_name)}</h2>"
            + escape(line.replace("%2", review.mc_version).replace("%3", due)
                     .replace("%4", state_words(review.state))
                     .replace("%5", clock(review.seconds_spent))))
        if work.earner_name and not review.blind:
            self.earner.setText(self.tr("Earner: %1").replace("%1", work.earner_name))
        elif review.blind:
            self.earner.setText(self.tr(
                "Blind review: the earner's name and anything marked as identifying are "
                "hidden."))
        else:
            self.earner.setText(self.tr("Identifying details are shown."))
        self.blind_button.setText(self.tr("Show identifying details") if review.blind
                                  else self.tr("Hide identifying details"))
        self.blind_button.setEnabled(not review.locked)
        self._show_banner(review)
        self.panel.set_read_only(review.locked)
        self.panel.set_comments(list(review.comments))
        rule = rule_decision(work.rubric, review.scores)
        problems = finish_problem_words(review, work.rubric)
        self.scoring.show_review(review, work.rubric, rule, problems,
                                 can_send=review.source is not ReviewSource.PACKAGE)
        self._refresh_counts(review)

    def _show_banner(self, review: Review) -> None:
        text = banner_text(review, self._work.rubric if self._work is not None else ())
        self.banner_text.setText(text)
        self.banner.setVisible(bool(text))
        self.reopen_button.setVisible(review.state is ReviewState.QUEUED
                                      or review.can_score_again)
        self.reopen_button.setText(self.tr("Score it again") if review.can_score_again
                                   else self.tr("Reopen to change it"))
        self.sync_button.setVisible(review.state is ReviewState.QUEUED)
        self.resend_button.setVisible(review.state is ReviewState.CONFLICT)

    def _refresh_counts(self, review: Review) -> None:
        for node in self._nodes():
            target = node.data(0, PIECE_ROLE)
            if not target:
                continue
            base = node.text(0).split("  (")[0]
            count = len(review.comments_on(str(target)))
            node.setText(0, base + (f"  ({count} 💬)" if count else ""))

    def _piece_chosen(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        target = current.data(0, PIECE_ROLE)
        criterion_node = current.parent()
        criterion_id = (criterion_node.data(0, CRITERION_ROLE)
                        if criterion_node is not None else current.data(0, CRITERION_ROLE))
        self._show_prompt(criterion_id)
        if not target:
            return
        piece = self._pieces.get(str(target))
        if piece is None:
            return
        self.panel.show_piece(piece)
        rubric_id = self._piece_criterion.get(piece.target)
        if rubric_id:
            self.scoring.show_criterion(rubric_id)

    def _show_prompt(self, criterion_id: object) -> None:
        work = self._work
        package = work.package if work is not None else None
        criterion = next((c for c in package.criteria if c.id == criterion_id), None) \
            if package is not None else None
        if criterion is None:
            self.prompt.setText("")
            return
        text = f"<b>{escape(criterion.part or '')}</b><br>{escape(criterion.prompt or '')}"
        current = self.navigator.currentItem()
        target = current.data(0, PIECE_ROLE) if current is not None else None
        narrative = next((e.narrative for e in criterion.evidence if e.id == target), "")
        if narrative:
            text += "<br><i>" + escape(self.tr("The earner's caption: %1").replace(
                "%1", narrative)) + "</i>"
        self.prompt.setText(text)

    def select_comment(self, comment_id: str) -> None:
        """Show the piece a comment is on and go to it (a video seeks to its moment)."""
        work = self._work
        if work is None:
            return
        comment = next((c for c in work.review.comments if c.id == comment_id), None)
        if comment is None:
            return
        for node in self._nodes():
            if node.data(0, PIECE_ROLE) == comment.anchor.target:
                if self.navigator.currentItem() is not node:
                    self.navigator.setCurrentItem(node)
                self.panel.select_comment(comment_id)
                return

    def _nodes(self) -> list[QTreeWidgetItem]:
        """Every item of the navigator, depth first."""
        found: list[QTreeWidgetItem] = []
        stack = [self.navigator.topLevelItem(i)
                 for i in reversed(range(self.navigator.topLevelItemCount()))]
        while stack:
            node = stack.pop()
            if node is None:
                continue
            found.append(node)
            stack.extend(node.child(i) for i in reversed(range(node.childCount())))
        return found

    # -- changes -----------------------------------------------------------------------

    def _save(self, make: Callable[[Workspace, str], Op[Review]], *,
              fields: CommentFields | None = None, done: str = "") -> None:
        """Run the edit `make(workspace, review id)` builds; the review as stored comes back."""
        workspace, work = self._workspace, self._work
        if workspace is None or work is None:
            return

        def failed(exc: BaseException) -> None:
            if fields is not None and isinstance(exc, McdeskError):
                self.panel.save_failed(fields, exc.detail)
            else:
                self._failed(exc)

        def saved(review: Review) -> None:
            self._saved(review)
            if done:
                self.notice.emit(done, Tone.INFO)

        make(workspace, work.review.id).success(saved).failure(failed).run(self._runner,
                                                                          origin=self)

    def _saved(self, review: Review) -> None:
        work = self._work
        if work is None or work.review.id != review.id:
            self.changed.emit(review.id)
            return
        rule = rule_decision(work.rubric, review.scores)
        self._work = replace(work, review=review, rule=rule,
                             decision=final_decision(review, work.rubric),
                             problems=tuple(finish_problems(review, work.rubric)))
        if review.blind != work.review.blind:
            self._build_navigator(self._work, keep=True)  # identifying pieces show or hide
        self._show_review(review)
        self.changed.emit(review.id)

    def _level_chosen(self, criterion_id: str, level_id: object) -> None:
        level = str(level_id) if level_id is not None else None
        self._save(lambda ws, rid: ops.set_level(ws, rid, criterion_id, level))

    def _feedback_changed(self, criterion_id: str, text: str) -> None:
        self._save(lambda ws, rid: ops.set_feedback(ws, rid, criterion_id, text))

    def _override_changed(self, decision: object, reason: str) -> None:
        chosen = str(decision) if decision is not None else None
        self._save(lambda ws, rid: ops.set_override(ws, rid, chosen, reason))

    def _add_comment(self, fields: CommentFields) -> None:
        self._save(lambda ws, rid: ops.add_comment(ws, rid, fields), fields=fields)

    def _update_comment(self, comment: Annotation) -> None:
        self._save(lambda ws, rid: ops.update_comment(ws, rid, comment))

    def _delete_comment(self, comment_id: str) -> None:
        self._save(lambda ws, rid: ops.delete_comment(ws, rid, comment_id))

    def _toggle_blind(self) -> None:
        work = self._work
        if work is None:
            return
        blind = not work.review.blind
        self._save(lambda ws, rid: ops.set_blind(ws, rid, blind))

    def _finish(self) -> None:
        self.flush()
        self.bank_time()
        self._save(ops.finish, done=self.tr(
            "The review is finished and waits in the outbox; it is sent with the next sync."))

    def _reopen(self) -> None:
        self._save(ops.reopen)

    def _resend(self) -> None:
        self._save(ops.resend)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, McdeskError):
            self.notice.emit(str(exc), Tone.ERROR)
            if self.review_id is not None:
                self.open(self.review_id)  # show what was really stored
        else:
            self.unexpected.emit(exc)

    # -- time spent --------------------------------------------------------------------

    def _counting(self) -> bool:
        work = self._work
        return (work is not None and not work.review.locked and self.isVisible()
                and QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive)

    def _start_clock(self) -> None:
        if self._counting():
            if not self._clock.isValid():
                self._clock.start()
            self._bank_timer.start()

    def bank_time(self) -> None:
        """Store the seconds counted since the last time (the clock keeps running)."""
        workspace, work = self._workspace, self._work
        if not self._clock.isValid() or workspace is None or work is None:
            return
        seconds = self._clock.elapsed() // 1000
        if seconds < 1:
            return
        self._clock.restart()
        review_id = work.review.id
        ops.add_time(workspace, review_id, int(seconds)).success(self._time_saved).failure(
            self._failed).run(self._runner, origin=self)

    def _time_saved(self, review: Review) -> None:
        work = self._work
        if work is not None and work.review.id == review.id:
            self._work = replace(work, review=replace(work.review,
                                                      seconds_spent=review.seconds_spent))
            self._show_review(self._work.review)

    def _stop_clock(self) -> None:
        self.bank_time()
        self._clock.invalidate()
        self._bank_timer.stop()

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self._start_clock()
        else:
            self._stop_clock()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._start_clock()

    def hideEvent(self, event: Any) -> None:
        self._stop_clock()
        super().hideEvent(event)

    def flush(self) -> None:
        """Save what is typed and the time counted, now (before closing or switching)."""
        self.scoring.flush()
        if self.panel.editor.is_dirty():
            self.panel.editor.save()
        if self._clock.isValid():
            self.bank_time()
