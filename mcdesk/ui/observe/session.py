"""During the lesson: the running observation clock, the look-for checklist, the note line
(Enter stamps the time), a rubric criterion tag and clip marks; it stores nothing itself, it
asks the place (which saves each change at once); GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import RubricCriterion
from mcdesk.core.coaching import Observation, ObservationNote
from mcdesk.core.units import clock
from mcdesk.ui.widgets.flow_layout import FlowLayout
from mcdesk.ui.widgets.locale_text import date_time_text

LESSON_OVER_MS = 6 * 3600 * 1000


class ObservationSession(QWidget):
    """Signals carry what to save; `elapsed_ms()` is the observation clock."""

    note_entered = Signal(str, int, object, object)
    """(text, offset ms, rubric criterion id or None, (clip start, end) or None)"""
    look_for_ticked = Signal(int, bool, int)
    """(position, seen, offset ms)"""
    tag_requested = Signal(str, object)
    """(note id, rubric criterion id or None)"""
    line_changed = Signal(str)
    """The note line's words, a moment after typing stops (kept so a crash loses nothing)."""
    choose_requested = Signal(str, str)
    """(note id, version id): of a note edited on both sides, keep this version"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._observation: Observation | None = None
        self._clip_start: int | None = None
        self._stamp: int | None = None
        self.clock_label = QLabel("0:00")
        big = QFont(self.clock_label.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.clock_label.setFont(big)
        self.clock_label.setAccessibleName(self.tr("Observation clock"))
        self.clock_label.setToolTip(self.tr("Time since the observation started"))
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick_clock)

        self.look_fors = QListWidget()
        self.look_fors.setAccessibleName(self.tr("Look-fors"))
        self.look_fors.setWordWrap(True)
        self.look_fors.itemChanged.connect(self._look_for_changed)
        look_box = QGroupBox(self.tr("Look-fors (the method components)"))
        look_layout = QVBoxLayout(look_box)
        look_layout.addWidget(self.look_fors)

        self.notes = QListWidget()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setWordWrap(True)
        self.notes.setAlternatingRowColors(True)
        self.notes.currentItemChanged.connect(self._note_chosen)
        self.note_line = QLineEdit()
        self.note_line.setPlaceholderText(self.tr(
            "Type what you see; Enter saves it with the time"))
        self.note_line.setAccessibleName(self.tr("New note"))
        self.note_line.textEdited.connect(self._typing)
        self._line_timer = QTimer(self)
        self._line_timer.setSingleShot(True)
        self._line_timer.setInterval(700)
        self._line_timer.timeout.connect(
            lambda: self.line_changed.emit(self.note_line.text()))
        self.note_line.returnPressed.connect(self._enter)
        self.criterion = QComboBox()
        self.criterion.setAccessibleName(self.tr("Rubric criterion"))
        self.criterion.setToolTip(self.tr(
            "Tie the next note (or the chosen one) to a criterion of the rubric"))
        self.criterion.activated.connect(self._criterion_chosen)
        self.criterion.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criterion.setMinimumContentsLength(14)
        self.clip_button = QPushButton(self.tr("Start clip"))
        self.clip_button.setToolTip(self.tr(
            "Mark a stretch of the lesson to keep as a clip of the video: press at its start "
            "and again at its end"))
        self.clip_button.clicked.connect(self._clip_clicked)
        # The note gets a line of its own: a coach types there all lesson long.
        line_tools = QWidget()
        tools = FlowLayout(line_tools)
        tools.addWidget(self.criterion)
        tools.addWidget(self.clip_button)
        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.notes, 1)
        notes_layout.addWidget(self.note_line)
        notes_layout.addWidget(line_tools)
        self.choose_label = QLabel()
        self.choose_label.setWordWrap(True)
        self.choose_buttons: list[QPushButton] = []
        self.choose_box = QWidget()
        self.choose_layout = QVBoxLayout(self.choose_box)
        self.choose_layout.setContentsMargins(0, 0, 0, 0)
        self.choose_layout.addWidget(self.choose_label)
        self.choose_box.hide()
        notes_layout.addWidget(self.choose_box)
        self.saved_label = QLabel()
        self.saved_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        notes_layout.addWidget(self.saved_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(notes_box)
        splitter.addWidget(look_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        top = QHBoxLayout()
        top.addWidget(self.clock_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # -- showing ---------------------------------------------------------------------------

    def show_observation(self, observation: Observation,
                         rubric: Sequence[RubricCriterion]) -> None:
        same = self._observation is not None and self._observation.id == observation.id
        self._observation = observation
        if not same:
            self._line_timer.stop()
            self.note_line.clear()
            self._clip_start = None
            self.clip_button.setText(self.tr("Start clip"))
            self.criterion.clear()
            self.criterion.addItem(self.tr("No criterion"), None)
            for criterion in rubric:
                self.criterion.addItem(criterion.name, criterion.id)
        self.look_fors.blockSignals(True)
        self.look_fors.clear()
        for look_for in observation.look_fors:
            text = look_for.text
            if look_for.seen_at_ms is not None:
                text += "  " + self.tr("(seen at {time})").format(
                    time=clock(look_for.seen_at_ms / 1000))
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if look_for.seen else
                               Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, look_for.position)
            self.look_fors.addItem(item)
        self.look_fors.blockSignals(False)
        self.show_notes(observation.notes)
        self._tick_clock()
        self._timer.start()

    def show_notes(self, notes: Sequence[ObservationNote]) -> None:
        names = {self.criterion.itemData(i): self.criterion.itemText(i)
                 for i in range(1, self.criterion.count())}
        current = self.current_note_id()
        self.notes.blockSignals(True)
        self.notes.clear()
        for note in notes:
            parts = [f"{note.number}.  {clock(note.offset_ms / 1000)}   {note.text}"]
            if note.rubric_criterion_id:
                parts.append(f"[{names.get(note.rubric_criterion_id, self.tr('criterion'))}]")
            if note.has_clip:
                parts.append(self.tr("[clip {start}–{end}]").format(
                    start=clock((note.clip_start_ms or 0) / 1000),
                    end=clock((note.clip_end_ms or 0) / 1000)))
            if note.choose_between:
                parts.append(self.tr("[edited on both sides: choose a version]"))
            item = QListWidgetItem("  ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            self.notes.addItem(item)
            if note.id == current:
                self.notes.setCurrentItem(item)
        self.notes.blockSignals(False)
        if current is None:
            self.notes.scrollToBottom()
        self._show_choice(next((n for n in notes if n.id == self.current_note_id()), None))

    def clear(self) -> None:
        self._observation = None
        self._timer.stop()
        self.notes.clear()
        self.look_fors.clear()

    def elapsed_ms(self) -> int:
        if self._observation is None:
            return 0
        delta = datetime.now(UTC) - self._observation.started_at
        return max(0, round(delta.total_seconds() * 1000))

    def current_note_id(self) -> str | None:
        item = self.notes.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def show_saved(self, note: ObservationNote) -> None:
        self.saved_label.setText(self.tr("Note {number} saved.").format(number=note.number))

    # -- from the coach ----------------------------------------------------------------------

    def _tick_clock(self) -> None:
        elapsed = self.elapsed_ms()
        if elapsed > LESSON_OVER_MS and self._observation is not None:
            # A lesson from another day: say when it was, not a clock still running.
            self._timer.stop()
            self.clock_label.setText(self.tr("Observed {day}").format(
                day=date_time_text(self._observation.started_at)))
            return
        self.clock_label.setText(clock(elapsed / 1000))

    def restore_line(self, text: str) -> None:
        """Put back words typed before mcdesk closed (or crashed), unless typing has begun."""
        if text and not self.note_line.text():
            self.note_line.setText(text)

    def _typing(self, text: str) -> None:
        self._line_timer.start()
        if self._stamp is None and text.strip():
            self._stamp = self.elapsed_ms()
        if not text.strip():
            self._stamp = None

    def _enter(self) -> None:
        text = self.note_line.text().strip()
        if not text or self._observation is None:
            return
        # Enter stamps the time; a long note keeps the moment it was started instead.
        now = self.elapsed_ms()
        stamp = self._stamp if self._stamp is not None and now - self._stamp > 10_000 else now
        self._stamp = None
        self.note_line.clear()
        self.note_entered.emit(text, stamp, self.criterion.currentData(), None)

    def _clip_clicked(self) -> None:
        if self._observation is None:
            return
        now = self.elapsed_ms()
        if self._clip_start is None:
            self._clip_start = now
            self.clip_button.setText(self.tr("End clip"))
            self.saved_label.setText(self.tr("Clip started at {time}; press End clip when it "
                                             "is over.").format(time=clock(now / 1000)))
            return
        start, self._clip_start = self._clip_start, None
        self.clip_button.setText(self.tr("Start clip"))
        text = self.note_line.text().strip() or self.tr("Clip")
        self.note_line.clear()
        self._stamp = None
        self.note_entered.emit(text, start, self.criterion.currentData(),
                               (start, max(now, start + 1000)))

    def _look_for_changed(self, item: QListWidgetItem) -> None:
        self.look_for_ticked.emit(int(item.data(Qt.ItemDataRole.UserRole)),
                                  item.checkState() == Qt.CheckState.Checked,
                                  self.elapsed_ms())

    def _note_chosen(self, current: QListWidgetItem | None,
                     _previous: QListWidgetItem | None) -> None:
        if current is None or self._observation is None:
            return
        note_id = str(current.data(Qt.ItemDataRole.UserRole))
        note = next((n for n in self._observation.notes if n.id == note_id), None)
        if note is not None:
            index = self.criterion.findData(note.rubric_criterion_id)
            self.criterion.setCurrentIndex(max(0, index))
        self._show_choice(note)

    def _show_choice(self, note: ObservationNote | None) -> None:
        """A note edited on both sides: its two versions, one button each to keep it."""
        for button in self.choose_buttons:
            button.deleteLater()
        self.choose_buttons = []
        if note is None or not note.choose_between:
            self.choose_box.hide()
            return
        self.choose_label.setText(self.tr(
            "Note {number} was edited here and on the other laptop. Which words do you "
            "keep?").format(number=note.number))
        versions = {v.id: v for v in note.versions}
        for version_id in note.choose_between:
            version = versions.get(version_id)
            if version is None:
                continue
            who = version.by or self.tr("someone")
            button = QPushButton(self.tr("Keep \u201c{text}\u201d ({who})").format(
                text=version.text if len(version.text) <= 70 else version.text[:67] + "…",
                who=who))
            button.clicked.connect(
                lambda _c=False, n=note.id, v=version.id: self.choose_requested.emit(n, v))
            self.choose_layout.addWidget(button)
            self.choose_buttons.append(button)
        self.choose_box.show()

    def _criterion_chosen(self, _index: int) -> None:
        # While a note is being typed the criterion is for it; else for the chosen note.
        note_id = self.current_note_id()
        if note_id is not None and not self.note_line.text().strip():
            self.tag_requested.emit(note_id, self.criterion.currentData())
