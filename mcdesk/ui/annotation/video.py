"""A video (or sound recording) player for commenting: play, pause, seek, speed, frame steps,
a timeline with the comments, "comment here" at a moment or over a marked range; GUI thread
(Qt's player decodes on its own threads)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import (
    Q_ARG,
    QGenericArgumentHolder,
    QMetaObject,
    QSize,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.reviews import Anchor, Annotation
from mcdesk.ui.annotation.timeline import AnnotationTimeline
from mcdesk.ui.widgets.flow_layout import FlowLayout

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
DEFAULT_FPS = 30.0
SKIP_MS = 5000  # J and L
STEP_MS = 1000  # the arrow keys
MAX_SEEK_RETRIES = 2

_LOADED = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferingMedia,
           QMediaPlayer.MediaStatus.BufferedMedia, QMediaPlayer.MediaStatus.EndOfMedia)


def precise(ms: int) -> str:
    """1:02.48 (minutes, seconds and hundredths), or 1:02:03.48 past an hour."""
    ms = max(0, ms)
    seconds, rest = divmod(ms, 1000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    tail = f"{seconds:02d}.{rest // 10:02d}"
    return f"{hours}:{minutes:02d}:{tail}" if hours else f"{minutes}:{tail}"


class AnnotatedVideo(QWidget):
    """The player with its comment timeline.

    Keys (while the player or one of its buttons has the focus): Space or K play/pause, J/L
    back/forward five seconds, Left/Right one second, comma/period one frame back/forward,
    I starts a range and O ends it, C comments at the playhead (over the range when one is
    started), Escape forgets a started range. It never stores a comment: it asks for one with
    `comment_requested`, an Anchor with an empty target and the moment (or range) in it."""

    position_changed = Signal(int)
    """The playhead moved (milliseconds)."""
    comment_requested = Signal(object)
    """An Anchor (target "") with start_ms, and end_ms for a range."""
    comment_clicked = Signal(str)
    """A comment marker on the timeline was picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fps = DEFAULT_FPS
        self._path: Path | None = None
        self._pending_seek: int | None = None
        self._source = QUrl()
        self._loading = False
        self._nudged: int | None = None
        self._mark_in: int | None = None
        self._read_only = False
        self.pause_on_comment = True

        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget()
        self.video.setMinimumSize(QSize(160, 90))
        self.video.setAccessibleName(self.tr("Video"))
        self.player.setVideoOutput(self.video)
        self._seek_target: int | None = None  # the moment last sought while paused
        self._seek_retries = 0
        # Frames arrive from the video threads: a real slot of this object, so that any still
        # on their way are dropped with it.
        self.video.videoSink().videoFrameChanged.connect(self._frame_shown)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setMargin(24)
        self.screen_stack = QStackedWidget()
        self.screen_stack.addWidget(self.video)
        self.screen_stack.addWidget(self.message)

        self.timeline = AnnotationTimeline()
        self.timeline.seek_requested.connect(self.seek)
        self.timeline.comment_clicked.connect(self.comment_clicked)
        self.timeline.range_selected.connect(self._range_chosen)

        style = self.style()
        self.play_button = self._tool_button(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
                                             self.tr("Play or pause (Space)"), self.toggle)
        self.back_button = self._tool_button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward),
            self.tr("One frame back (,)"), lambda: self.step_frames(-1))
        self.forward_button = self._tool_button(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward),
            self.tr("One frame forward (.)"), lambda: self.step_frames(1))
        self.time_label = QLabel(f"{precise(0)} / {precise(0)}")
        self.time_label.setAccessibleName(self.tr("Time"))
        self.time_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.speed_combo = QComboBox()
        self.speed_combo.setAccessibleName(self.tr("Playback speed"))
        self.speed_combo.setToolTip(self.tr("Playback speed"))
        for value in SPEEDS:
            self.speed_combo.addItem(f"{value:g}×", value)
        self.speed_combo.setCurrentIndex(SPEEDS.index(1.0))
        self.speed_combo.currentIndexChanged.connect(
            lambda i: self.player.setPlaybackRate(float(self.speed_combo.itemData(i))))
        self.range_button = QPushButton(self.tr("Start a range (I)"))
        self.range_button.setToolTip(self.tr(
            "Marks where a range starts; press O (or this button again) where it ends. "
            "You can also drag on the timeline with Shift held."))
        self.range_button.clicked.connect(self._range_button_clicked)
        self.comment_button = QPushButton(self.tr("Comment here (C)"))
        self.comment_button.setToolTip(self.tr("Add a comment at this moment (C)"))
        self.comment_button.clicked.connect(self.request_comment)
        self.range_label = QLabel()
        self.range_label.setVisible(False)

        # The player's controls, then the comment buttons; on a narrow screen (a small laptop
        # at 150 %) the comment buttons wrap under the player's rather than being cut.
        controls_row = QWidget()
        controls = FlowLayout(controls_row, spacing=6)
        for widget in (self.play_button, self.back_button, self.forward_button,
                       self.time_label, self.speed_combo, self.range_label, self.range_button,
                       self.comment_button):
            controls.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.screen_stack, 1)
        layout.addWidget(self.timeline)
        layout.addWidget(controls_row)

        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        self.player.mediaStatusChanged.connect(self._status_changed)
        self.player.errorOccurred.connect(self._error)
        self._editing_shortcuts: list[QShortcut] = []
        keys: list[tuple[QKeySequence | QKeySequence.StandardKey | Qt.Key | str,
                         Callable[[], object], bool]] = [
            (Qt.Key.Key_Space, self.toggle, False),
            (Qt.Key.Key_K, self.toggle, False),
            (Qt.Key.Key_J, lambda: self.skip(-SKIP_MS), False),
            (Qt.Key.Key_L, lambda: self.skip(SKIP_MS), False),
            (Qt.Key.Key_Left, lambda: self.skip(-STEP_MS), False),
            (Qt.Key.Key_Right, lambda: self.skip(STEP_MS), False),
            (Qt.Key.Key_Comma, lambda: self.step_frames(-1), False),
            (Qt.Key.Key_Period, lambda: self.step_frames(1), False),
            (Qt.Key.Key_Home, lambda: self.seek(0), False),
            (Qt.Key.Key_End, lambda: self.seek(self.duration_ms()), False),
            (Qt.Key.Key_I, self.mark_in, True),
            (Qt.Key.Key_O, self.mark_out, True),
            (Qt.Key.Key_C, self.request_comment, True),
            (Qt.Key.Key_Escape, self.clear_mark, True),
        ]
        for key, action, editing in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
            if editing:
                self._editing_shortcuts.append(shortcut)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Player"))

    def _tool_button(self, icon: QIcon, name: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)
        button.setIconSize(QSize(20, 20))
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(slot)
        return button

    # -- the file -------------------------------------------------------------------------

    @property
    def fps(self) -> float:
        return self._fps

    def load(self, path: Path, fps: float | None = None) -> None:
        """Open `path`; `fps` is its frame rate (frame steps and frame-exact seeks use it)."""
        self._fps = fps if fps is not None and math.isfinite(fps) and fps > 0 else DEFAULT_FPS
        self._path = Path(path)
        source = QUrl.fromLocalFile(str(path))
        if not self._loading and self.player.source() == source and \
                self.player.mediaStatus() in _LOADED:
            self.pause()  # the file is open already: stay where the reviewer was
            return
        self._pending_seek = None
        self._nudged = None
        self._seek_target = None
        self.clear_mark()
        self.screen_stack.setCurrentWidget(self.video)
        self.timeline.set_duration(0)
        self.timeline.set_position(0)
        self._source = source
        self._loading = True
        self._call("stop")
        self._call("setSource", Q_ARG(QUrl, self._source))
        self._call("pause")  # shows the first picture instead of a black box

    def clear(self) -> None:
        """Stop and let go of the file."""
        self._source = QUrl()
        self._loading = False
        self._call("stop")
        self._call("setSource", Q_ARG(QUrl, QUrl()))
        self._path = None
        self._pending_seek = None
        self._seek_target = None
        self.clear_mark()
        self.timeline.set_duration(0)
        self.timeline.set_position(0)
        self.timeline.set_comments([])

    def _call(self, slot: str, argument: QGenericArgumentHolder | None = None) -> None:
        """Call one of the player's slots from the event loop.

        Stopping or changing the source tears down Qt's decoding threads, which then need
        Python's lock (to tell the Python-made audio output that they let go of it) while
        the GUI thread waits for them: called from Python, that GUI thread would hold the
        lock and both would wait for ever. From the event loop the lock is free. Calls keep
        their order."""
        queued = Qt.ConnectionType.QueuedConnection
        if argument is None:
            QMetaObject.invokeMethod(self.player, slot, queued)
        else:
            QMetaObject.invokeMethod(self.player, slot, queued, argument)

    def is_loading(self) -> bool:
        """Whether the file asked for with `load()` is still being opened."""
        return self._loading

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        self.timeline.set_comments(comments)

    def set_selected(self, comment_id: str | None) -> None:
        self.timeline.set_selected(comment_id)

    def set_criteria(self, names: Mapping[str, str]) -> None:
        self.timeline.set_criteria(names)

    def set_read_only(self, read_only: bool) -> None:
        """Without comment buttons and keys (an earner's view, a finished review)."""
        self._read_only = read_only
        self.clear_mark()
        self.comment_button.setVisible(not read_only)
        self.range_button.setVisible(not read_only)
        self.timeline.set_ranges_enabled(not read_only)
        for shortcut in self._editing_shortcuts:
            shortcut.setEnabled(not read_only)

    # -- playing --------------------------------------------------------------------------

    def is_playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def play(self) -> None:
        if self._loading:
            self._call("play")  # after the queued opening of the file
        else:
            self.player.play()

    def pause(self) -> None:
        if self._loading:
            self._call("pause")
        else:
            self.player.pause()

    def toggle(self) -> None:
        if self.is_playing():
            self.pause()
        else:
            self.play()

    def speed(self) -> float:
        return float(self.speed_combo.currentData())

    def set_speed(self, rate: float) -> None:
        """Play at `rate` (the nearest of 0.5, 0.75, 1, 1.25, 1.5 and 2)."""
        nearest = min(SPEEDS, key=lambda s: abs(s - rate))
        self.speed_combo.setCurrentIndex(SPEEDS.index(nearest))

    def duration_ms(self) -> int:
        return 0 if self._loading else max(0, self.player.duration())

    def position_ms(self) -> int:
        return self._reported(self.player.position()) if self._pending_seek is None \
            else self._pending_seek

    def _reported(self, position: int) -> int:
        # A seek lands 1 ms after the asked moment (see seek()); say the moment asked for.
        return position - 1 if self._nudged is not None and position == self._nudged else position

    def seek(self, position_ms: int) -> None:
        """Show the frame on screen at `position_ms` (exactly that frame, not its neighbour)."""
        target = max(0, int(position_ms))
        duration = self.duration_ms()
        if duration > 0:
            target = min(target, duration)
        if self._loading or self.player.mediaStatus() not in _LOADED:
            self._pending_seek = target  # Qt ignores seeks while it opens the file
            self.timeline.set_position(target)
            return
        self._pending_seek = None
        self._seek_target = target
        self._seek_retries = 0
        asked = self.position_for(target)
        if duration > 0:
            asked = min(asked, duration)
        self._nudged = asked if asked != target else None
        self.player.setPosition(asked)
        self.timeline.set_position(target)

    def position_for(self, target_ms: int) -> int:
        """The position to ask Qt's player for so that it shows the frame on screen at
        `target_ms`. It shows the last frame that starts strictly *before* the position, so a
        moment on the very start of a frame would show the frame before: ask for 1 ms later,
        unless that is already in the next frame (at 30 fps a frame starts at 33.3 ms: 33 ms
        is in the first frame, 34 ms in the second)."""
        next_start = (self.frame_index(target_ms) + 1) * 1000 / self._fps
        return target_ms + 1 if target_ms + 1 <= next_start else target_ms

    @Slot(QVideoFrame)
    def _frame_shown(self, frame: QVideoFrame) -> None:
        """Make sure a seek while paused shows the frame of the moment sought.

        Qt's player sometimes moves on one more frame when seeks come quickly one after
        another (e.g. when clicking through comments); a frame that starts after the moment
        sought is never the right one, so ask again (twice at most). The moment sought, not
        the position asked for: on a frame's last millisecond that position is the next
        frame's very start, and that next frame did not start after it."""
        target = self._seek_target
        if target is None or not frame.isValid() or self.is_playing():
            return
        if frame.startTime() > target * 1000 and self._seek_retries < MAX_SEEK_RETRIES:
            self._seek_retries += 1
            self.player.setPosition(self._nudged if self._nudged is not None else target)

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position_ms() + delta_ms)

    def seek_to(self, comment: Annotation) -> None:
        """Go to the comment's moment and mark it on the timeline."""
        self.timeline.set_selected(comment.id)
        if comment.anchor.start_ms is not None:
            self.seek(comment.anchor.start_ms)

    def frame_index(self, position_ms: int) -> int:
        """The number (from 0) of the frame on screen at `position_ms`."""
        return math.floor(position_ms * self._fps / 1000 + 1e-6)

    def frame_start(self, index: int) -> int:
        """The first whole millisecond at which frame `index` is on screen."""
        return max(0, math.ceil(index * 1000 / self._fps - 1e-6))

    def step_frames(self, count: int) -> None:
        """Pause and move `count` frames forward (negative: back)."""
        if self.is_playing():
            self.player.pause()
        index = self.frame_index(self.position_ms()) + count
        duration = self.duration_ms()
        if duration > 0:
            index = min(index, self.frame_index(max(0, duration - 1)))
        self.seek(self.frame_start(max(0, index)))

    # -- comments -------------------------------------------------------------------------

    def mark_in(self) -> None:
        """Start a range at the playhead."""
        if self._read_only:
            return
        self._mark_in = self.position_ms()
        self.timeline.set_mark_in(self._mark_in)
        self.range_button.setText(self.tr("End the range here (O)"))
        self.range_label.setText(self.tr("Range from %1").replace(
            "%1", precise(self._mark_in)))
        self.range_label.setVisible(True)

    def mark_out(self) -> None:
        """End the started range at the playhead and ask for a comment on it."""
        if self._read_only or self._mark_in is None:
            return
        start, end = sorted((self._mark_in, self.position_ms()))
        self.clear_mark()
        self._request(start, end if end > start else None)

    def clear_mark(self) -> None:
        self._mark_in = None
        self.timeline.set_mark_in(None)
        self.range_button.setText(self.tr("Start a range (I)"))
        self.range_label.setVisible(False)

    def request_comment(self) -> None:
        """Ask for a comment at the playhead, or over the range started with I."""
        if self._read_only:
            return
        if self._mark_in is not None:
            self.mark_out()
        else:
            self._request(self.position_ms(), None)

    def _range_button_clicked(self) -> None:
        if self._mark_in is None:
            self.mark_in()
        else:
            self.mark_out()

    def _range_chosen(self, start: int, end: int) -> None:
        if self._read_only:
            return
        self.clear_mark()
        self._request(start, end)

    def _request(self, start: int, end: int | None) -> None:
        if self._path is None:
            return
        if self.pause_on_comment and self.is_playing():
            self.player.pause()
        self.comment_requested.emit(Anchor("", start_ms=start, end_ms=end))

    # -- the player's news ------------------------------------------------------------------

    def _duration_changed(self, duration: int) -> None:
        self.timeline.set_duration(duration)
        self._show_time(self.position_ms())

    def _position_changed(self, position: int) -> None:
        if self._pending_seek is not None:
            return
        shown = self._reported(position)
        if position != self._nudged:
            self._nudged = None
        self.timeline.set_position(shown)
        self._show_time(shown)
        self.position_changed.emit(shown)

    def _show_time(self, position: int) -> None:
        self.time_label.setText(f"{precise(position)} / {precise(self.duration_ms())}")

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        if playing:
            self._seek_target = None  # playing moves on from the moment sought
        self.play_button.setIcon(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay))

    def _status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._loading:
            if self.player.source() != self._source or status not in (
                    *_LOADED, QMediaPlayer.MediaStatus.InvalidMedia):
                return  # news of the file before, or still opening
            self._loading = False
            self._duration_changed(self.player.duration())
        if status in _LOADED:
            if not self.player.hasVideo() and self.player.hasAudio():
                name = self._path.name if self._path else ""
                self.message.setText(self.tr("Sound recording: %1").replace("%1", name))
                self.screen_stack.setCurrentWidget(self.message)
            if self._pending_seek is not None:
                self.seek(self._pending_seek)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._error(self.player.error(), self.player.errorString())

    def _error(self, error: QMediaPlayer.Error, message: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        name = self._path.name if self._path else self.tr("this file")
        self.message.setText(self.tr("%1 cannot be played: %2").replace("%1", name).replace(
            "%2", message or self.tr("the file is damaged or in a format this computer cannot "
                                     "play")))
        self.screen_stack.setCurrentWidget(self.message)
