"""A timeline bar for a video or a recording: the playhead, the comments as markers and spans
coloured by kind, click or drag to seek, Shift+drag (or a drag after "mark in") to choose a
range; GUI thread."""

from __future__ import annotations

import bisect
import time
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QToolTip, QWidget

from mcdesk.core.reviews import Annotation, CommentKind
from mcdesk.core.units import clock
from mcdesk.ui.annotation.style import kind_color, kind_name, tooltip

# Room left and right of the bar so that a marker at the very start or end shows whole.
SIDE = 9
MARKER = 12  # marker size, px
MARKER_TOP = 3
SPAN_TOP = MARKER_TOP + MARKER + 3
SPAN_HEIGHT = 5
TRACK_TOP = SPAN_TOP + SPAN_HEIGHT + 3
TRACK_HEIGHT = 12
TICKS_TOP = TRACK_TOP + TRACK_HEIGHT + 2
HEIGHT = TICKS_TOP + 6
HIT_SLOP = 3  # px around a marker that still counts as on it
DRAG_PX = 4  # a press that moves less than this is a click
SCRUB_INTERVAL_S = 0.05  # at most 20 seeks a second while dragging the playhead
_TICK_STEPS_S = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)


class AnnotationTimeline(QWidget):
    """Duration, playhead and comments of one recording.

    Mouse: click or drag to move the playhead; click a marker to pick its comment; Shift+drag,
    or any drag after `set_mark_in()`, chooses a range. Keyboard (when focused): Left/Right
    move one second (Shift: five), Page Up/Down ten, Home/End to the ends, Ctrl+Left/Right to
    the previous/next comment, Enter opens the selected comment."""

    seek_requested = Signal(int)
    """The user moved the playhead to this many milliseconds."""
    comment_clicked = Signal(str)
    """The user picked the comment with this id (click, or Enter on the selected one)."""
    range_selected = Signal(int, int)
    """The user chose a range: start and end, in milliseconds, start < end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._duration = 0
        self._position = 0
        self._comments: list[Annotation] = []
        self._starts: list[int] = []
        self._selected: str | None = None
        self._mark_in: int | None = None
        self._criteria: dict[str, str] = {}
        self._ranges = True
        # Mouse state: what the press started ("seek", "range", "marker") and where.
        self._press: str | None = None
        self._press_pos = QPointF()
        self._press_comment: str | None = None
        self._range: tuple[int, int] | None = None
        self._last_scrub = 0.0
        self._scrub_pending: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumHeight(HEIGHT)
        self.setAccessibleName(self.tr("Timeline"))
        self._describe()

    # -- state ----------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(480, HEIGHT)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, HEIGHT)

    def duration(self) -> int:
        return self._duration

    def set_duration(self, duration_ms: int) -> None:
        self._duration = max(0, int(duration_ms))
        self.update()

    def position(self) -> int:
        return self._position

    def set_position(self, position_ms: int) -> None:
        position = max(0, int(position_ms))
        if position != self._position:
            self._position = position
            if self._press != "seek":  # the user's drag shows where the user is
                self.update()

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        """Show the comments that have a moment (the others are ignored)."""
        timed = [c for c in comments if c.anchor.start_ms is not None]
        timed.sort(key=lambda c: (c.anchor.start_ms or 0, c.anchor.end_ms or 0, c.id))
        self._comments = timed
        self._starts = [c.anchor.start_ms or 0 for c in timed]
        if self._selected is not None and self._find(self._selected) is None:
            self._selected = None
        self._describe()
        self.update()

    def comments(self) -> list[Annotation]:
        return list(self._comments)

    def set_criteria(self, names: Mapping[str, str]) -> None:
        """Criterion names by id, for the markers' tooltips."""
        self._criteria = dict(names)

    def selected(self) -> str | None:
        return self._selected

    def set_selected(self, comment_id: str | None) -> None:
        if comment_id is not None and self._find(comment_id) is None:
            comment_id = None
        if comment_id != self._selected:
            self._selected = comment_id
            self._describe()
            self.update()

    def set_ranges_enabled(self, enabled: bool) -> None:
        """Whether Shift+drag chooses a range (off where no comment can be added)."""
        self._ranges = enabled
        if not enabled:
            self.set_mark_in(None)

    def mark_in(self) -> int | None:
        return self._mark_in

    def set_mark_in(self, position_ms: int | None) -> None:
        """Show a range being marked, from `position_ms` to the playhead (None: no range)."""
        self._mark_in = None if position_ms is None else max(0, int(position_ms))
        self.update()

    # -- geometry -------------------------------------------------------------------------

    def _bar(self) -> QRectF:
        return QRectF(SIDE, TRACK_TOP, max(1.0, self.width() - 2 * SIDE), TRACK_HEIGHT)

    def x_for_ms(self, position_ms: int) -> float:
        bar = self._bar()
        if self._duration <= 0:
            return bar.left()
        fraction = min(max(position_ms / self._duration, 0.0), 1.0)
        return bar.left() + fraction * bar.width()

    def ms_at(self, x: float) -> int:
        bar = self._bar()
        if self._duration <= 0:
            return 0
        fraction = min(max((x - bar.left()) / bar.width(), 0.0), 1.0)
        return round(fraction * self._duration)

    def marker_rect(self, comment_id: str) -> QRect:
        """Where the comment's marker is drawn (empty when it is not shown)."""
        comment = self._find(comment_id)
        if comment is None or self._duration <= 0:
            return QRect()
        return self._marker_box(comment).toAlignedRect()

    def span_rect(self, comment_id: str) -> QRect:
        """Where the comment's range is drawn (empty for a moment or when not shown)."""
        comment = self._find(comment_id)
        if comment is None or self._duration <= 0 or not _is_range(comment):
            return QRect()
        return self._span_box(comment).toAlignedRect()

    def _marker_box(self, comment: Annotation) -> QRectF:
        x = self.x_for_ms(comment.anchor.start_ms or 0)
        return QRectF(x - MARKER / 2, MARKER_TOP, MARKER, MARKER)

    def _span_box(self, comment: Annotation) -> QRectF:
        left = self.x_for_ms(comment.anchor.start_ms or 0)
        right = self.x_for_ms(comment.anchor.end_ms or 0)
        return QRectF(left, SPAN_TOP, max(2.0, right - left), SPAN_HEIGHT)

    def comment_at(self, point: QPoint | QPointF) -> str | None:
        """The comment whose marker (or range) is under `point`, nearest first."""
        if self._duration <= 0 or not self._comments:
            return None
        p = QPointF(point)
        slop = HIT_SLOP
        best: tuple[float, int, str] | None = None
        if MARKER_TOP - slop <= p.y() <= SPAN_TOP + SPAN_HEIGHT + slop:
            # Only the markers within reach of x can be hit: look them up by time.
            reach = (MARKER / 2 + slop) / max(1.0, self._bar().width()) * self._duration
            low = bisect.bisect_left(self._starts, self.ms_at(p.x()) - reach - 1)
            candidates = self._comments[low:]
            for comment in candidates:
                box = self._marker_box(comment)
                if box.left() - slop > p.x():
                    break
                if box.adjusted(-slop, -slop, slop, slop).contains(p):
                    distance = abs(box.center().x() - p.x())
                    rank = 0 if comment.id == self._selected else 1
                    if best is None or (rank, distance) < (best[1], best[0]):
                        best = (distance, rank, comment.id)
            if best is None and p.y() >= SPAN_TOP - slop:
                for comment in self._comments:
                    if comment.anchor.start_ms is not None and \
                            comment.anchor.start_ms > self.ms_at(p.x() + slop):
                        break
                    if _is_range(comment) and self._span_box(comment).adjusted(
                            -slop, -slop, slop, slop).contains(p):
                        width = self._span_box(comment).width()
                        if best is None or width < best[0]:
                            best = (width, 1, comment.id)
        return best[2] if best else None

    def _find(self, comment_id: str) -> Annotation | None:
        return next((c for c in self._comments if c.id == comment_id), None)

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        enabled = self.isEnabled()
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        text = palette.color(group, QPalette.ColorRole.WindowText)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        bar = self._bar()

        # The groove, the part already played, the ticks.
        groove = palette.color(group, QPalette.ColorRole.Base)
        painter.setPen(QPen(palette.color(group, QPalette.ColorRole.Mid), 1))
        painter.setBrush(groove)
        painter.drawRoundedRect(bar, 3, 3)
        played = QColor(highlight)
        played.setAlpha(90)
        if self._duration > 0:
            head = self.x_for_ms(self._position)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(played)
            painter.drawRoundedRect(QRectF(bar.left(), bar.top(), head - bar.left(),
                                           bar.height()), 3, 3)
            self._paint_ticks(painter, bar, palette.color(group, QPalette.ColorRole.Mid))

        # A range being chosen: by dragging, or from "mark in" to the playhead.
        pending = self._range
        if pending is None and self._mark_in is not None:
            pending = (self._mark_in, self._position)
        if pending is not None and self._duration > 0:
            a, b = sorted(pending)
            chosen = QColor(highlight)
            chosen.setAlpha(150)
            left, right = self.x_for_ms(a), self.x_for_ms(b)
            painter.setBrush(chosen)
            painter.setPen(QPen(highlight, 1))
            painter.drawRect(QRectF(left, bar.top() - 2, max(2.0, right - left),
                                    bar.height() + 4))

        # Ranges first, then the markers on top; the selected one last so it is never hidden.
        if self._duration > 0:
            selected = None
            for comment in self._comments:
                if comment.id == self._selected:
                    selected = comment
                    continue
                self._paint_comment(painter, comment, palette, text, highlight, False)
            if selected is not None:
                self._paint_comment(painter, selected, palette, text, highlight, True)

            # The playhead.
            x = self.x_for_ms(self._position)
            painter.setPen(QPen(text, 2))
            painter.drawLine(QPointF(x, MARKER_TOP), QPointF(x, bar.bottom() + 3))
            painter.setPen(QPen(palette.color(group, QPalette.ColorRole.Base), 1))
            painter.setBrush(text)
            painter.drawEllipse(QPointF(x, bar.center().y()), 5, 5)

        if self.hasFocus():
            pen = QPen(highlight, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.end()

    def _paint_ticks(self, painter: QPainter, bar: QRectF, color: QColor) -> None:
        seconds = self._duration / 1000
        step = next((s for s in _TICK_STEPS_S if bar.width() * s / max(seconds, 1e-3) >= 48),
                    _TICK_STEPS_S[-1])
        painter.setPen(QPen(color, 1))
        t = step
        while t < seconds:
            x = bar.left() + bar.width() * t / seconds
            painter.drawLine(QPointF(x, TICKS_TOP), QPointF(x, TICKS_TOP + 4))
            t += step

    def _paint_comment(self, painter: QPainter, comment: Annotation, palette: QPalette,
                       text: QColor, highlight: QColor, selected: bool) -> None:
        color = kind_color(comment.kind, palette)
        if not self.isEnabled():
            color.setAlpha(120)
        if _is_range(comment):
            span = self._span_box(comment)
            fill = QColor(color)
            fill.setAlpha(230 if selected else 150)
            painter.setPen(QPen(highlight, 2) if selected else Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(span.adjusted(0, -1, 0, 1) if selected else span, 2, 2)
        box = self._marker_box(comment)
        if selected:
            box = box.adjusted(-2, -2, 2, 2)
            painter.setPen(QPen(text, 2))
        else:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 1))
        painter.setBrush(color)
        painter.drawPath(_marker_shape(comment.kind, box))

    # -- mouse ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._duration <= 0:
            super().mousePressEvent(event)
            return
        pos = event.position()
        self._press_pos = pos
        ranged = self._ranges and (bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                                   or self._mark_in is not None)
        hit = None if ranged else self.comment_at(pos)
        if hit is not None:
            self._press, self._press_comment = "marker", hit
        elif ranged:
            start = self.ms_at(pos.x())
            self._press, self._range = "range", (start, start)
        else:
            self._press = "seek"
            self._scrub(self.ms_at(pos.x()), force=True)
        event.accept()
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press == "marker" and (pos - self._press_pos).manhattanLength() >= DRAG_PX:
            self._press, self._press_comment = "seek", None  # dragging off a marker scrubs
        if self._press == "seek":
            self._scrub(self.ms_at(pos.x()))
        elif self._press == "range" and self._range is not None:
            self._range = (self._range[0], self.ms_at(pos.x()))
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        press, self._press = self._press, None
        pos = event.position()
        if press == "marker" and self._press_comment is not None:
            comment_id, self._press_comment = self._press_comment, None
            self.set_selected(comment_id)
            self.comment_clicked.emit(comment_id)
        elif press == "seek":
            self._scrub(self.ms_at(pos.x()), force=True)
        elif press == "range" and self._range is not None:
            start, end = self._range[0], self.ms_at(pos.x())
            self._range = None
            dragged = (pos - self._press_pos).manhattanLength() >= DRAG_PX
            if not dragged and self._mark_in is not None:
                start = self._mark_in  # "mark in", then a click where the range ends
            if dragged or self._mark_in is not None:
                a, b = sorted((start, end))
                if b > a:
                    self.range_selected.emit(a, b)
            else:
                self._scrub(end, force=True)
        self.update()
        event.accept()

    def _scrub(self, position_ms: int, *, force: bool = False) -> None:
        """Move the playhead under the mouse now; ask for seeks at a bounded rate."""
        self._position = position_ms
        self.update()
        now = time.monotonic()
        if force or now - self._last_scrub >= SCRUB_INTERVAL_S:
            self._last_scrub = now
            self.seek_requested.emit(position_ms)

    # -- keyboard -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if self._duration <= 0:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and ctrl:
            self._step_comment(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 5000 if shift else 1000
            self._seek_to(self._position + (step if key == Qt.Key.Key_Right else -step))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._seek_to(self._position + (10_000 if key == Qt.Key.Key_PageDown else -10_000))
        elif key == Qt.Key.Key_Home:
            self._seek_to(0)
        elif key == Qt.Key.Key_End:
            self._seek_to(self._duration)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.comment_clicked.emit(self._selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _seek_to(self, position_ms: int) -> None:
        position = min(max(0, position_ms), self._duration)
        self._position = position
        self.update()
        self.seek_requested.emit(position)

    def _step_comment(self, direction: int) -> None:
        """Select the comment after (or before) the selected one, or the playhead when none
        is selected, and say so."""
        if not self._comments:
            return
        current = self._find(self._selected) if self._selected is not None else None
        if current is not None:
            index = self._comments.index(current) + direction
        elif direction > 0:
            index = bisect.bisect_right(self._starts, self._position)
        else:
            index = bisect.bisect_left(self._starts, self._position) - 1
        if 0 <= index < len(self._comments):
            comment = self._comments[index]
            self.set_selected(comment.id)
            self.comment_clicked.emit(comment.id)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- tooltips and accessibility ---------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.comment_at(event.pos())
            if hit is not None:
                comment = self._find(hit)
                assert comment is not None
                name = self._criteria.get(comment.rubric_criterion_id or "", "")
                QToolTip.showText(event.globalPos(), tooltip(comment, name), self,
                                  self.marker_rect(hit))
            elif self._duration > 0:
                QToolTip.showText(event.globalPos(), clock(self.ms_at(event.pos().x()) / 1000),
                                  self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _describe(self) -> None:
        count = len(self._comments)
        text = self.tr("%n comment(s) on the timeline", "", count)
        comment = self._find(self._selected) if self._selected else None
        if comment is not None:
            text += self.tr("; selected: %1, %2").replace(
                "%1", comment.anchor.describe()).replace("%2", kind_name(comment.kind))
        self.setAccessibleDescription(text)


def _is_range(comment: Annotation) -> bool:
    a = comment.anchor
    return a.start_ms is not None and a.end_ms is not None and a.end_ms > a.start_ms


def _marker_shape(kind: CommentKind, box: QRectF) -> QPainterPath:
    """A shape per kind, so that colour is not the only difference: strength a triangle,
    question a circle, suggestion a diamond, note a square."""
    path = QPainterPath()
    if kind is CommentKind.STRENGTH:
        path.addPolygon(QPolygonF([box.topLeft(), box.topRight(),
                                   QPointF(box.center().x(), box.bottom())]))
        path.closeSubpath()
    elif kind is CommentKind.QUESTION:
        path.addEllipse(box)
    elif kind is CommentKind.SUGGESTION:
        c = box.center()
        path.addPolygon(QPolygonF([QPointF(c.x(), box.top()), QPointF(box.right(), c.y()),
                                   QPointF(c.x(), box.bottom()), QPointF(box.left(), c.y()),
                                   QPointF(c.x(), box.top())]))
    else:
        path.addRoundedRect(box.adjusted(1, 1, -1, -1), 2, 2)
    return path
