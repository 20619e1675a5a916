"""The annotation tools driven as a reviewer would: play a real video, comment at a moment or over
a range, jump to comments (landing on the very frame, read back from the picture shown), step
frames, change speed; comment on a PDF page and a part of it, a part of a photo, a passage of a
text; and nothing can be added in read-only mode."""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Slot
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoFrameFormat
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mcdesk.core.reviews import Anchor, Annotation, Audience, CommentKind, new_annotation
from mcdesk.jobs.runner import JobRunner
from mcdesk.media import demo
from mcdesk.ui.annotation.comment_editor import CommentFields
from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel
from mcdesk.ui.annotation.timeline import AnnotationTimeline
from mcdesk.ui.annotation.video import AnnotatedVideo, precise

WAIT = 15000
FPS = 25
SECONDS = 4
BITS = 8  # frames carry their number in eight black or white blocks along the top
BLOCK = 40
CRITERIA = [("r-plan", "Planning for learning"), ("r-ask", "Questioning")]
NOW = datetime(2024, 3, 5, 10, 15, tzinfo=UTC)


# --------------------------------------------------------------------------- media


def make_numbered_video(dest: Path, *, fps: int = FPS, seconds: float = SECONDS) -> Path:
    """A 320x240 H.264 + AAC video whose frames show their own number in binary."""
    width, height = 320, 240
    rate = 48_000
    with av.open(str(dest), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=fps, options={"crf": "20", "preset": "ultrafast",
                                                             "g": str(fps * 2)})
        video.width, video.height, video.pix_fmt = width, height, "yuv420p"
        video.codec_context.time_base = Fraction(1, fps)
        audio = out.add_stream("aac", rate=rate)
        audio.layout = "stereo"
        sent = 0
        for index in range(round(fps * seconds)):
            rgb = np.full((height, width, 3), 90, dtype=np.uint8)
            for bit in range(BITS):
                rgb[0:32, bit * BLOCK: (bit + 1) * BLOCK - 8] = 255 if index >> bit & 1 else 0
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            out.mux(video.encode(frame))
            until = round((index + 1) * rate / fps)
            t = (sent + np.arange(until - sent)) / rate
            tone = (0.2 * np.sin(2 * math.pi * 440 * t)).astype(np.float32)
            sound = av.AudioFrame.from_ndarray(np.stack([tone, tone]), format="fltp",
                                               layout="stereo")
            sound.sample_rate, sound.pts = rate, sent
            sound.time_base = Fraction(1, rate)
            sent = until
            out.mux(audio.encode(sound))
        out.mux(video.encode(None))
        out.mux(audio.encode(None))
    return dest


def number_of(image: QImage) -> int:
    """The frame number a picture of the numbered video shows."""
    scale_x = image.width() / 320
    scale_y = image.height() / 240
    number = 0
    for bit in range(BITS):
        x = round((bit * BLOCK + (BLOCK - 8) / 2) * scale_x)
        if image.pixelColor(x, round(16 * scale_y)).lightness() > 128:
            number |= 1 << bit
    return number


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("annotations")
    paragraphs = [f"Paragraph {i}: students compare fractions on number lines and explain "
                  "their reasoning to a partner before the whole class discusses. " * 4
                  for i in range(14)]
    return {
        "video": make_numbered_video(folder / "numbered.mp4"),
        "video30": make_numbered_video(folder / "numbered30.mp4", fps=30, seconds=1.0),
        "pdf": demo.make_demo_pdf(folder / "plan.pdf", title="Lesson plan",
                                  paragraphs=paragraphs),
        "photo": demo.make_demo_photo(folder / "work.jpg", gps=None, text="3/4 > 2/3",
                                      size=(800, 600)),
    }


class Frames(QObject):
    """What the player's video output last showed: the frame's start time and number.

    A child of the player with a real slot, so that frames still on their way when the test
    ends are dropped with the player (a plain Python method would be called on a dead
    object)."""

    def __init__(self, video: AnnotatedVideo) -> None:
        super().__init__(video)
        self.start_us: int | None = None
        self.number: int | None = None
        self.count = 0
        video.video.videoSink().videoFrameChanged.connect(self._frame)

    @Slot(QVideoFrame)
    def _frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self.count += 1
        self.start_us = frame.startTime()
        self.number = number_of(frame.toImage())


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[AnnotationPanel]:
    panel = AnnotationPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.set_criteria(CRITERIA)
    panel.show()
    qtbot.waitExposed(panel)
    yield panel
    panel.clear()


def video_piece(media: dict[str, Path]) -> AnnotatedPiece:
    return AnnotatedPiece("urn:uuid:video", "Lesson video", "video", media["video"],
                          "data/evidence/numbered.mp4", fps=FPS)


def open_video(qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> Frames:
    frames = Frames(panel.video)
    panel.show_piece(video_piece(media))
    video = panel.video
    qtbot.waitUntil(lambda: video.duration_ms() >= SECONDS * 1000 - 100, timeout=WAIT)
    qtbot.waitUntil(lambda: frames.count > 0, timeout=WAIT)  # the first picture shows
    return frames


def comment(comment_id: str, anchor: Anchor, text: str = "A comment", *,
            kind: CommentKind = CommentKind.NOTE, criterion: str | None = None,
            audience: Audience = Audience.EARNER) -> Annotation:
    return Annotation(comment_id, anchor, text, kind, criterion, audience, NOW, NOW)


def at(ms: int, end: int | None = None, target: str = "urn:uuid:video") -> Anchor:
    return Anchor(target, "data/evidence/numbered.mp4", start_ms=ms, end_ms=end)


def wait_for_frame(qtbot: QtBot, frames: Frames, number: int) -> None:
    qtbot.waitUntil(lambda: frames.number == number, timeout=WAIT)


# --------------------------------------------------------------------------- video


def test_comment_here_while_playing_pauses_and_asks_for_that_moment(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    open_video(qtbot, panel, media)
    video = panel.video
    video.setFocus()
    video.play()
    qtbot.waitUntil(lambda: video.position_ms() > 600, timeout=WAIT)
    before = video.position_ms()
    QTest.keyClick(video, Qt.Key.Key_C)
    after = video.position_ms()
    assert not video.is_playing()
    anchor = panel.editor.anchor()
    assert anchor is not None and anchor.start_ms is not None and anchor.end_ms is None
    assert before <= anchor.start_ms <= after + 1
    assert panel.editor.isVisible() and panel.editor.text.hasFocus()

    QTest.keyClicks(panel.editor.text, "Clear goal on the board")
    panel.editor.kind.setCurrentIndex(panel.editor.kind.findData(CommentKind.STRENGTH))
    panel.editor.criterion.setCurrentIndex(panel.editor.criterion.findData("r-plan"))
    with qtbot.waitSignal(panel.add_requested, timeout=1000) as blocker:
        QTest.keyClick(panel.editor.text, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    fields = blocker.args[0]
    assert isinstance(fields, CommentFields)
    assert fields.comment_id is None
    assert fields.anchor == Anchor("urn:uuid:video", "data/evidence/numbered.mp4",
                                   start_ms=anchor.start_ms)
    assert (fields.text, fields.kind, fields.rubric_criterion_id, fields.audience) == (
        "Clear goal on the board", CommentKind.STRENGTH, "r-plan", Audience.EARNER)
    assert not panel.editor.isVisible()

    # The owner stores it and pushes the list back: a row and a marker appear.
    stored = new_annotation(fields.anchor, fields.text, kind=fields.kind,
                            rubric_criterion_id=fields.rubric_criterion_id, now=NOW)
    panel.set_comments([stored])
    assert [c.id for c in panel.comment_list.comments()] == [stored.id]
    assert not video.timeline.marker_rect(stored.id).isEmpty()
    row = panel.comment_list.model.index(0).data()
    assert "Strength" in row and "Planning for learning" in row and "Clear goal" in row


def test_a_paused_comment_is_at_the_exact_moment_and_keys_make_ranges(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    open_video(qtbot, panel, media)
    video = panel.video
    video.seek(1520)
    video.setFocus()
    with qtbot.waitSignal(video.comment_requested, timeout=1000) as blocker:
        QTest.keyClick(video, Qt.Key.Key_C)
    assert blocker.args[0] == Anchor("", start_ms=1520)
    panel.editor.close_editor()

    # I at 1.0 s, one second on with the arrow, one frame on with ".", then O.
    video.seek(1000)
    video.setFocus()
    QTest.keyClick(video, Qt.Key.Key_I)
    assert video.timeline.mark_in() == 1000
    QTest.keyClick(video, Qt.Key.Key_Right)
    QTest.keyClick(video, Qt.Key.Key_Period)
    assert video.position_ms() == 2040
    with qtbot.waitSignal(video.comment_requested, timeout=1000) as blocker:
        QTest.keyClick(video, Qt.Key.Key_O)
    assert blocker.args[0] == Anchor("", start_ms=1000, end_ms=2040)
    assert video.timeline.mark_in() is None
    anchor = panel.editor.anchor()
    assert anchor is not None and (anchor.target, anchor.start_ms, anchor.end_ms) == (
        "urn:uuid:video", 1000, 2040)
    panel.editor.close_editor()

    # Escape forgets a started range; a range never ends before it starts.
    video.setFocus()
    QTest.keyClick(video, Qt.Key.Key_I)
    QTest.keyClick(video, Qt.Key.Key_Escape)
    assert video.timeline.mark_in() is None
    video.seek(3000)
    QTest.keyClick(video, Qt.Key.Key_I)
    QTest.keyClick(video, Qt.Key.Key_J)  # five seconds back: to the start
    assert video.position_ms() == 0
    with qtbot.waitSignal(video.comment_requested, timeout=1000) as blocker:
        QTest.keyClick(video, Qt.Key.Key_O)
    assert blocker.args[0] == Anchor("", start_ms=0, end_ms=3000)


def test_shift_drag_on_the_timeline_asks_for_a_range(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    open_video(qtbot, panel, media)
    timeline = panel.video.timeline
    start = QPoint(round(timeline.x_for_ms(1000)), timeline.height() - 8)
    end = QPoint(round(timeline.x_for_ms(3000)), timeline.height() - 8)
    per_pixel = timeline.duration() / timeline.width()
    with qtbot.waitSignal(panel.video.comment_requested, timeout=1000) as blocker:
        QTest.mousePress(timeline, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ShiftModifier, start)
        QTest.mouseMove(timeline, QPoint((start.x() + end.x()) // 2, start.y()))
        QTest.mouseMove(timeline, end)
        QTest.mouseRelease(timeline, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.ShiftModifier, end)
    anchor = blocker.args[0]
    assert anchor.end_ms is not None and anchor.start_ms is not None
    assert abs(anchor.start_ms - 1000) <= per_pixel + 1
    assert abs(anchor.end_ms - 3000) <= per_pixel + 1

    # A plain click seeks there.
    with qtbot.waitSignal(timeline.seek_requested, timeout=1000) as seek:
        QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=end)
    assert abs(seek.args[0] - 3000) <= per_pixel + 1
    qtbot.waitUntil(lambda: abs(panel.video.position_ms() - 3000) <= per_pixel + 1,
                    timeout=WAIT)


def test_markers_are_where_their_moments_are_and_picking_one_goes_there(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    frames = open_video(qtbot, panel, media)
    point = comment("c-point", at(1000), "Goal stated", kind=CommentKind.STRENGTH,
                    criterion="r-plan")
    span = comment("c-range", at(2000, 3200), "Who answers?", kind=CommentKind.QUESTION,
                   criterion="r-ask", audience=Audience.ISSUER)
    elsewhere = comment("c-other", at(500, target="urn:uuid:other"), "Not on this video")
    panel.set_comments([span, elsewhere, point])
    timeline = panel.video.timeline

    assert [c.id for c in timeline.comments()] == ["c-point", "c-range"]
    assert timeline.marker_rect("c-other").isEmpty()
    for item in (point, span):
        rect = timeline.marker_rect(item.id)
        assert abs(rect.center().x() - timeline.x_for_ms(item.anchor.start_ms or 0)) <= 1
        assert timeline.comment_at(rect.center()) == item.id
    bar = timeline.span_rect("c-range")
    assert abs(bar.left() - timeline.x_for_ms(2000)) <= 1
    assert abs(bar.right() - timeline.x_for_ms(3200)) <= 2
    assert timeline.comment_at(bar.center()) == "c-range"
    assert timeline.span_rect("c-point").isEmpty()
    empty = QPoint(round(timeline.x_for_ms(3800)), timeline.marker_rect("c-point").center().y())
    assert timeline.comment_at(empty) is None

    # The list: this video's comments only, in time order, with what they are.
    rows = [panel.comment_list.model.index(r).data()
            for r in range(panel.comment_list.model.rowCount())]
    assert len(rows) == 2
    assert rows[0].startswith("at 0:01 · Strength · Planning for learning")
    assert rows[1].startswith("0:02–0:03 · Question · Questioning · private")
    assert panel.count_label.text() == "Comments (2)"

    # Clicking a marker picks its comment: the list selects it, the player goes there (on
    # the very frame), the editor opens it.
    QTest.mouseClick(timeline, Qt.MouseButton.LeftButton,
                     pos=timeline.marker_rect("c-range").center())
    assert panel.comment_list.selected_id() == "c-range"
    assert timeline.selected() == "c-range"
    assert panel.editor.editing_id() == "c-range"
    assert panel.editor.private.isChecked()
    wait_for_frame(qtbot, frames, 2000 * FPS // 1000)
    assert panel.video.position_ms() == 2000


# Frame starts, one before and one after them, the last frame; some of them picked straight
# after a moment on the frame already shown (Qt's player once moved on a frame then).
MOMENTS = [0, 40, 1000, 1519, 1520, 1521, 2999, 3500, 3960, 460]


def test_seeking_to_a_comment_shows_the_frame_of_its_moment(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    frames = open_video(qtbot, panel, media)
    comments = [comment(f"c{ms}", at(ms), f"At {ms} ms") for ms in MOMENTS]
    panel.set_comments(comments)
    view = panel.comment_list.view
    frame_ms = 1000 / FPS
    for ms in MOMENTS:
        view.scrollTo(panel.comment_list.model.index(
            panel.comment_list.model.row_of(f"c{ms}") or 0))
        rect = panel.comment_list.row_rect(f"c{ms}")
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        expected = math.floor(ms * FPS / 1000)
        wait_for_frame(qtbot, frames, expected)
        # The picture on screen is the one on screen at that moment in playback: it started
        # at or before the moment, less than one frame earlier.
        assert frames.start_us is not None
        start_ms = frames.start_us / 1000
        assert start_ms <= ms + 0.5 and ms - start_ms < frame_ms, (ms, start_ms)
        assert panel.video.position_ms() == ms
        assert panel.comment_list.selected_id() == f"c{ms}"


class SeekRecorder:
    """Stands in for Qt's player where the video asks it to seek again: paused, and keeping
    the positions asked for."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def playbackState(self) -> QMediaPlayer.PlaybackState:
        return QMediaPlayer.PlaybackState.PausedState

    def setPosition(self, position: int) -> None:
        self.asked.append(position)


def frame_starting_at(start_us: int) -> QVideoFrame:
    frame = QVideoFrame(QVideoFrameFormat(QSize(4, 4),
                                          QVideoFrameFormat.PixelFormat.Format_RGBA8888))
    frame.setStartTime(start_us)
    return frame


def test_a_frame_moved_on_from_a_frames_last_millisecond_is_sought_again(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    """2999 ms at 25 fps is in frame 74 (2960-3000 ms); the player is asked for 3000 ms (it
    shows the frame starting strictly before). When it moved on to frame 75, which starts at
    3000 ms, that is after the moment sought: it is asked again (it was not: 3000 is not after
    the position asked for)."""
    open_video(qtbot, panel, media)
    video = panel.video
    video.seek(2999)
    player, recorder = video.player, SeekRecorder()
    video.player = recorder
    try:
        video._frame_shown(frame_starting_at(2_960_000))  # frame 74: right
        assert recorder.asked == []
        video._frame_shown(frame_starting_at(3_000_000))  # frame 75: moved on
        assert recorder.asked == [3000]
    finally:
        video.player = player  # the panel stops its real player when the test ends


def test_at_30_fps_a_moment_just_before_a_frame_starts_shows_the_frame_before(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    # Frames start at 0, 33.3, 66.7, 100 ms...: 33 ms is still the first frame, 34 ms the
    # second, 100 ms exactly the fourth.
    frames = Frames(panel.video)
    panel.show_piece(AnnotatedPiece("urn:uuid:v30", "30 fps", "video", media["video30"],
                                    fps=30))
    video = panel.video
    qtbot.waitUntil(lambda: video.duration_ms() >= 900 and frames.count > 0, timeout=WAIT)
    for ms, number in ((33, 0), (34, 1), (66, 1), (67, 2), (100, 3), (99, 2), (0, 0),
                       (966, 28), (967, 29)):
        video.seek(ms)
        wait_for_frame(qtbot, frames, number)
        assert video.position_ms() == ms
    video.step_frames(-1)
    wait_for_frame(qtbot, frames, 28)
    assert video.position_ms() == 934  # the first whole millisecond of frame 28 (933.3)


def test_frame_steps_move_one_frame_and_speed_changes_the_pace(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    frames = open_video(qtbot, panel, media)
    video = panel.video
    video.seek(1530)  # in the middle of frame 38
    wait_for_frame(qtbot, frames, 38)
    video.setFocus()
    QTest.keyClick(video, Qt.Key.Key_Period)
    wait_for_frame(qtbot, frames, 39)
    assert video.position_ms() == 1560
    QTest.keyClick(video, Qt.Key.Key_Comma)
    QTest.keyClick(video, Qt.Key.Key_Comma)
    wait_for_frame(qtbot, frames, 37)
    assert video.position_ms() == 1480
    QTest.mouseClick(video.forward_button, Qt.MouseButton.LeftButton)
    wait_for_frame(qtbot, frames, 38)
    assert video.time_label.text() == f"{precise(1520)} / {precise(video.duration_ms())}"
    video.seek(0)
    QTest.keyClick(video, Qt.Key.Key_Comma)  # nothing before the first frame
    wait_for_frame(qtbot, frames, 0)
    assert video.position_ms() == 0

    # Twice as fast: the playhead runs ahead of the clock on the wall.
    video.set_speed(2.0)
    assert video.speed_combo.currentText() == "2×"
    assert video.player.playbackRate() == 2.0
    video.seek(0)
    video.play()
    qtbot.waitUntil(lambda: video.position_ms() > 100, timeout=WAIT)
    began, wall = video.position_ms(), time.monotonic()
    qtbot.waitUntil(lambda: video.position_ms() - began >= 1500, timeout=WAIT)
    ratio = (video.position_ms() - began) / ((time.monotonic() - wall) * 1000)
    video.pause()
    assert ratio > 1.4, ratio
    video.set_speed(0.5)
    assert video.player.playbackRate() == 0.5


def test_the_list_follows_the_playhead_while_playing(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    open_video(qtbot, panel, media)
    panel.set_comments([comment("early", at(300)), comment("late", at(1200, 1800)),
                        comment("end", at(3900))])
    video = panel.video
    video.seek(0)
    assert panel.comment_list.followed_id() is None
    video.play()
    qtbot.waitUntil(lambda: panel.comment_list.followed_id() == "early", timeout=WAIT)
    assert 300 <= video.position_ms() < 3900
    qtbot.waitUntil(lambda: panel.comment_list.followed_id() == "late", timeout=WAIT)
    assert panel.comment_list.selected_id() == "late"
    video.pause()
    video.seek(500)
    qtbot.waitUntil(lambda: panel.comment_list.followed_id() == "early", timeout=WAIT)


def test_showing_the_same_video_again_keeps_the_place(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    frames = open_video(qtbot, panel, media)
    twins = [comment("first", at(1200), "One"), comment("second", at(1200), "Two")]
    panel.set_comments(twins)
    panel.select_comment("second")
    wait_for_frame(qtbot, frames, 30)
    # Two comments at one moment: following the playhead keeps the one picked.
    assert panel.comment_list.followed_id() == "second"
    assert panel.comment_list.selected_id() == "second"

    panel.show_piece(video_piece(media))  # the owner shows the same piece again
    assert not panel.video.is_loading()
    assert panel.video.position_ms() == 1200
    panel.show_piece(AnnotatedPiece("answer:a", "Answer", "text", text="Words"))
    panel.show_piece(video_piece(media))
    qtbot.waitUntil(lambda: not panel.video.is_loading(), timeout=WAIT)
    assert panel.video.duration_ms() >= SECONDS * 1000 - 100


def test_a_sound_recording_and_a_missing_file(qtbot: QtBot, panel: AnnotationPanel,
                                              tmp_path: Path) -> None:
    recording = demo.make_demo_audio(tmp_path / "interview.m4a", seconds=2.0)
    panel.show_piece(AnnotatedPiece("urn:uuid:sound", "Interview", "audio", recording,
                                    "data/evidence/interview.m4a"))
    video = panel.video
    qtbot.waitUntil(lambda: video.duration_ms() > 1500, timeout=WAIT)
    qtbot.waitUntil(lambda: video.screen_stack.currentWidget() is video.message,
                    timeout=WAIT)
    assert "interview.m4a" in video.message.text()
    video.seek(700)
    with qtbot.waitSignal(panel.editor.closed, timeout=100, raising=False):
        video.request_comment()
    anchor = panel.editor.anchor()
    assert anchor is not None and anchor.start_ms == 700

    panel.editor.close_editor()
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 200)
    panel.show_piece(AnnotatedPiece("urn:uuid:damaged", "Damaged", "video", damaged))
    qtbot.waitUntil(lambda: "damaged.mp4 cannot be played" in video.message.text(),
                    timeout=WAIT)
    assert video.screen_stack.currentWidget() is video.message

    panel.show_piece(AnnotatedPiece("urn:uuid:gone", "Gone", "video", tmp_path / "gone.mp4"))
    assert panel.viewer() is panel.plain
    assert "not on this computer" in panel.plain.note.text()
    # The recording shown before lets go of its file (nothing plays on behind).
    qtbot.waitUntil(lambda: panel.video.player.source().isEmpty(), timeout=WAIT)


# --------------------------------------------------------------------------- PDF, photo, text


def drag(qtbot: QtBot, widget: Any, start: QPoint, end: QPoint) -> None:
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(widget, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_pdf_comment_on_a_page_and_on_a_part_of_it(
        qtbot: QtBot, panel: AnnotationPanel, media: dict[str, Path]) -> None:
    panel.show_piece(AnnotatedPiece("urn:uuid:plan", "Lesson plan", "document", media["pdf"],
                                    "data/evidence/plan.pdf"))
    pdf = panel.pdf
    assert pdf.page_count() >= 2
    qtbot.waitUntil(pdf.view.has_image, timeout=WAIT)
    QTest.mouseClick(pdf.next_button, Qt.MouseButton.LeftButton)
    assert pdf.page() == 2
    qtbot.waitUntil(pdf.view.has_image, timeout=WAIT)
    assert pdf.of_label.text() == f"of {pdf.page_count()}"

    QTest.mouseClick(pdf.page_button, Qt.MouseButton.LeftButton)
    assert panel.editor.anchor() == Anchor("urn:uuid:plan", "data/evidence/plan.pdf", page=2)
    QTest.keyClicks(panel.editor.text, "Clear objectives")
    with qtbot.waitSignal(panel.add_requested, timeout=1000) as blocker:
        QTest.mouseClick(panel.editor.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].anchor.page == 2

    view = pdf.view
    view.verticalScrollBar().setValue(0)
    drag(qtbot, view.canvas, view.canvas_point((0.2, 0.1)), view.canvas_point((0.6, 0.3)))
    anchor = panel.editor.anchor()
    assert anchor is not None and anchor.page == 2 and anchor.region is not None
    assert anchor.problems() == []
    for got, want in zip(anchor.region, (0.2, 0.1, 0.4, 0.2), strict=True):
        assert abs(got - want) < 0.01
    panel.editor.close_editor()

    # Comments on page 1 and on a part of page 2: the part is drawn on page 2 only, picking
    # it picks its comment, selecting a comment turns to its page.
    region = comment("c-part", Anchor("urn:uuid:plan", page=2, region=(0.2, 0.1, 0.4, 0.2)),
                     "Unclear item", kind=CommentKind.QUESTION)
    first = comment("c-page1", Anchor("urn:uuid:plan", page=1), "Good title")
    panel.set_comments([region, first])
    assert [m.comment_id for m in view.marks()] == ["c-part"]
    assert pdf.on_page_label.text() == "1 comment on this page"
    hit = view.region_rect((0.2, 0.1, 0.4, 0.2)).center()
    assert view.canvas.mark_at(hit.toPointF()) == "c-part"
    QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=hit)
    assert panel.comment_list.selected_id() == "c-part"
    assert panel.editor.editing_id() == "c-part"
    panel.select_comment("c-page1")
    assert pdf.page() == 1
    assert view.marks() == []


def test_photo_comment_on_a_part_and_on_the_whole(qtbot: QtBot, media: dict[str, Path]) -> None:
    runner = JobRunner()
    panel = AnnotationPanel(runner=runner)
    qtbot.addWidget(panel)
    panel.resize(1100, 700)
    panel.show()
    try:
        panel.show_piece(AnnotatedPiece("urn:uuid:photo", "Student work", "image",
                                        media["photo"], "data/evidence/work.jpg"))
        image = panel.image
        qtbot.waitUntil(image.view.has_image, timeout=WAIT)  # decoded in a job
        view = image.view
        drag(qtbot, view.canvas, view.canvas_point((0.5, 0.5)), view.canvas_point((0.9, 0.8)))
        anchor = panel.editor.anchor()
        assert anchor is not None and anchor.region is not None and anchor.page is None
        for got, want in zip(anchor.region, (0.5, 0.5, 0.4, 0.3), strict=True):
            assert abs(got - want) < 0.01
        QTest.keyClicks(panel.editor.text, "Number line used well")
        with qtbot.waitSignal(panel.add_requested, timeout=1000) as blocker:
            QTest.keyClick(panel.editor.text, Qt.Key.Key_Return,
                           Qt.KeyboardModifier.ControlModifier)
        assert blocker.args[0].anchor.target == "urn:uuid:photo"

        # A click without a drag is not a region; the whole picture has its own button.
        QTest.mouseClick(view.canvas, Qt.MouseButton.LeftButton,
                         pos=view.canvas_point((0.1, 0.1)))
        assert not panel.editor.is_editing()
        QTest.mouseClick(image.whole_button, Qt.MouseButton.LeftButton)
        assert panel.editor.anchor() == Anchor("urn:uuid:photo", "data/evidence/work.jpg")

        # Zoom keeps regions on the same part of the picture.
        panel.editor.close_editor()
        panel.set_comments([comment("c-part", Anchor("urn:uuid:photo", region=anchor.region))])
        before = view.region_rect(anchor.region)
        view.zoom_by(2.0)
        after = view.region_rect(anchor.region)
        assert abs(after.width() - 2 * before.width()) <= 2
        assert view.canvas.mark_at(after.center().toPointF()) == "c-part"
    finally:
        panel.clear()
        runner.shutdown()


def test_a_broken_photo_says_so(qtbot: QtBot, panel: AnnotationPanel, tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a photo at all")
    panel.show_piece(AnnotatedPiece("urn:uuid:broken", "Broken", "image", broken))
    assert not panel.image.view.has_image()
    assert "broken.jpg" in panel.image.view.canvas.placeholder


def test_text_comment_on_a_passage_and_highlights(qtbot: QtBot,
                                                   panel: AnnotationPanel) -> None:
    # A Windows line end and an emoji: offsets stay those of the text as given.
    text = "I planned 🙂 the pacing.\r\nExit tickets showed that most students could compare."
    panel.show_piece(AnnotatedPiece("answer:part-3", "Part 3. Reflection", "text", text=text))
    viewer = panel.text
    assert not viewer.selection_button.isEnabled()
    start = text.index("Exit tickets")
    end = start + len("Exit tickets showed")
    viewer.select_passage(start, end)
    assert viewer.selection_button.isEnabled()
    QTest.mouseClick(viewer.selection_button, Qt.MouseButton.LeftButton)
    anchor = panel.editor.anchor()
    assert anchor == Anchor("answer:part-3", None, passage=(start, end),
                            quote="Exit tickets showed")
    panel.editor.close_editor()

    emoji = text.index("🙂")
    near = comment("c-emoji", Anchor("answer:part-3", passage=(emoji, emoji + 5),
                                     quote=text[emoji:emoji + 5]), kind=CommentKind.STRENGTH)
    later = comment("c-exit", Anchor("answer:part-3", passage=(start, end),
                                     quote="Exit tickets showed"), kind=CommentKind.QUESTION)
    panel.set_comments([later, near])
    highlighted = sorted(viewer.highlighted())
    assert len(highlighted) == 2
    # The emoji takes two places in Qt's document and the Windows line end one: after both,
    # positions are back in step.
    assert highlighted[0] == (emoji, emoji + 6)
    assert highlighted[1] == (start, end)

    cursor_rect = viewer.editor.cursorRect(_cursor_at(viewer, start + 3))
    QTest.mouseClick(viewer.editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=cursor_rect.center())
    qtbot.waitUntil(lambda: panel.comment_list.selected_id() == "c-exit", timeout=1000)
    assert panel.editor.editing_id() == "c-exit"


def _cursor_at(viewer: Any, position: int) -> Any:
    cursor = viewer.editor.textCursor()
    cursor.setPosition(position)
    return cursor


def test_links_and_word_documents_take_whole_piece_comments(
        qtbot: QtBot, panel: AnnotationPanel, tmp_path: Path) -> None:
    panel.show_piece(AnnotatedPiece("urn:uuid:link", "Class site", "link",
                                    url="https://example.org/class"))
    assert panel.viewer() is panel.plain
    assert panel.plain.heading.text() == "https://example.org/class"
    QTest.mouseClick(panel.plain.whole_button, Qt.MouseButton.LeftButton)
    assert panel.editor.anchor() == Anchor("urn:uuid:link")
    panel.editor.close_editor()

    docx = demo.make_demo_docx(tmp_path / "plan.docx", paragraphs=["Objective"], author=None)
    panel.show_piece(AnnotatedPiece("urn:uuid:docx", "Plan", "document", docx,
                                    "data/evidence/plan.docx", text="Objective"))
    assert panel.viewer() is panel.plain
    assert panel.plain.body.toPlainText() == "Objective"
    QTest.mouseClick(panel.plain.whole_button, Qt.MouseButton.LeftButton)
    assert panel.editor.anchor() == Anchor("urn:uuid:docx", "data/evidence/plan.docx")


# --------------------------------------------------------------------------- editing


def test_editing_deleting_and_not_losing_words(qtbot: QtBot, panel: AnnotationPanel) -> None:
    text = "The lesson opened with a question."
    panel.show_piece(AnnotatedPiece("answer:a", "Answer", "text", text=text))
    existing = comment("c1", Anchor("answer:a", passage=(4, 10), quote="lesson"),
                       "Good hook", kind=CommentKind.STRENGTH)
    panel.set_comments([existing])
    QTest.mouseClick(panel.comment_list.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.comment_list.row_rect("c1").center())
    editor = panel.editor
    assert editor.editing_id() == "c1" and editor.text.toPlainText() == "Good hook"

    editor.text.setPlainText("Good hook, tied to the goal")
    editor.kind.setCurrentIndex(editor.kind.findData(CommentKind.SUGGESTION))
    editor.criterion.setCurrentIndex(editor.criterion.findData("r-ask"))
    editor.private.setChecked(True)
    editor.text.setFocus()
    with qtbot.waitSignal(panel.update_requested, timeout=1000) as blocker:
        QTest.keyClick(editor.text, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    updated = blocker.args[0]
    assert isinstance(updated, Annotation)
    assert (updated.id, updated.anchor, updated.text, updated.kind, updated.rubric_criterion_id,
            updated.audience) == ("c1", existing.anchor, "Good hook, tied to the goal",
                                  CommentKind.SUGGESTION, "r-ask", Audience.ISSUER)

    # Delete asks for a second click.
    panel.select_comment("c1")
    with qtbot.assertNotEmitted(panel.delete_requested):
        QTest.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(panel.delete_requested, timeout=1000) as deleted:
        QTest.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert deleted.args == ["c1"]

    # No words, no save; Esc over unsaved words asks once more before dropping them.
    panel.text.select_passage(0, 3)
    panel.text.comment_on_selection()
    assert not editor.save_button.isEnabled()
    QTest.keyClicks(editor.text, "Half a thought")
    QTest.keyClick(editor.text, Qt.Key.Key_Escape)
    assert editor.is_editing() and editor.message.isVisible()
    # Another piece while words are unsaved: they are saved, not dropped.
    with qtbot.waitSignal(panel.add_requested, timeout=1000) as kept:
        panel.show_piece(AnnotatedPiece("answer:b", "Other", "text", text="Other words"))
    assert kept.args[0].text == "Half a thought"
    assert kept.args[0].anchor.target == "answer:a"

    # Storing failed: the editor comes back with the words and the reason; saving again asks
    # again, for a new comment as for a change.
    panel.save_failed(kept.args[0], "The disk is full.")
    assert editor.is_editing() and editor.text.toPlainText() == "Half a thought"
    assert editor.message.text() == "The disk is full."
    with qtbot.waitSignal(panel.add_requested, timeout=1000):
        editor.save()
    panel.set_comments([existing])
    panel.show_piece(AnnotatedPiece("answer:a", "Answer", "text", text=text))
    panel.save_failed(CommentFields(existing.anchor, "Changed words", comment_id="c1"),
                      "The disk is full.")
    assert editor.editing_id() == "c1"
    with qtbot.waitSignal(panel.update_requested, timeout=1000) as again:
        editor.save()
    assert again.args[0].id == "c1" and again.args[0].text == "Changed words"


def test_read_only_lets_one_look_but_not_add(qtbot: QtBot, panel: AnnotationPanel,
                                             media: dict[str, Path]) -> None:
    frames = open_video(qtbot, panel, media)
    panel.set_comments([comment("c1", at(2000), "Fine")])
    panel.set_read_only(True)
    video = panel.video
    assert not video.comment_button.isVisibleTo(panel)
    assert not video.range_button.isVisibleTo(panel)
    video.setFocus()
    with qtbot.assertNotEmitted(video.comment_requested):
        QTest.keyClick(video, Qt.Key.Key_C)
        QTest.keyClick(video, Qt.Key.Key_I)
        QTest.keyClick(video, Qt.Key.Key_O)
    assert not panel.editor.is_editing()
    assert video.timeline.mark_in() is None
    # Shift+drag on the timeline only moves the playhead.
    timeline = video.timeline
    y = timeline.height() - 8
    with qtbot.assertNotEmitted(timeline.range_selected):
        QTest.mousePress(timeline, Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ShiftModifier, QPoint(20, y))
        QTest.mouseMove(timeline, QPoint(200, y))
        QTest.mouseRelease(timeline, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.ShiftModifier, QPoint(200, y))
    qtbot.waitUntil(lambda: abs(video.position_ms() - timeline.ms_at(200)) <= 40, timeout=WAIT)

    # Looking still works: picking a comment goes there and shows it, without Save.
    QTest.mouseClick(panel.comment_list.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.comment_list.row_rect("c1").center())
    wait_for_frame(qtbot, frames, 50)
    assert panel.editor.editing_id() == "c1"
    assert panel.editor.text.isReadOnly()
    assert not panel.editor.save_button.isVisibleTo(panel)
    assert not panel.editor.delete_button.isVisibleTo(panel)
    with qtbot.assertNotEmitted(panel.update_requested):
        QTest.keyClick(panel.editor.text, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)

    panel.show_piece(AnnotatedPiece("answer:a", "Answer", "text", text="Some words here"))
    assert not panel.text.selection_button.isVisibleTo(panel)
    panel.text.select_passage(0, 4)
    with qtbot.assertNotEmitted(panel.add_requested):
        panel.text.comment_on_selection()
    assert not panel.editor.is_editing()
    assert panel.comment_list.empty.text() == "No comments on this piece."


def test_timeline_keyboard_steps_through_comments() -> None:
    timeline = AnnotationTimeline()
    timeline.resize(400, timeline.sizeHint().height())
    timeline.set_duration(10_000)
    timeline.set_comments([comment("a", at(2000)), comment("b", at(6000))])
    picked: list[str] = []
    seeks: list[int] = []
    timeline.comment_clicked.connect(picked.append)
    timeline.seek_requested.connect(seeks.append)
    def press(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        timeline.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, mods))

    press(Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert picked == []  # nothing before the playhead at 0
    press(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    press(Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # "b" is the last
    press(Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert picked == ["a", "b", "a"]
    press(Qt.Key.Key_End)
    press(Qt.Key.Key_Left)
    press(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_Home)
    assert seeks == [10_000, 9000, 4000, 0]
    assert timeline.selected() == "a"
    press(Qt.Key.Key_Return)
    assert picked == ["a", "b", "a", "a"]
