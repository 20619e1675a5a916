"""Player figures: the GUI thread's responsiveness while the annotation panel plays a 1080p
30 fps H.264 video with sound and 40 comments on its timeline, against the same window shown
with nothing playing; and how exactly picking a comment lands on its frame.

A 5 ms timer runs on the GUI thread; a long gap between two of its ticks is time the event
loop could not answer (a stall the user feels as a stutter or a late key press). The reference
is the same window, timer and length of time with the video loaded and paused. Seek accuracy
picks 20 comments at random moments, as a reviewer clicking through the list would, and reads
the start time of the frame the video output then shows: the error is in frames from the frame
of the comment's moment.

``python -m benchmarks.player [--quick]`` prints the figures (``--json`` for the benchmark
driver, which runs it as a child process so that Qt's player is alone in its process). The
window is a real top-level window: offscreen by default, on a display under ``xvfb-run -a``
with ``QT_QPA_PLATFORM=xcb``."""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks.stats import Figure, percentile

GOAL_MAX_STALL_MS = 50.0
GOAL_SEEK_FRAMES = 1
TICK_MS = 5
COMMENTS = 40
SEEKS = 20
REPO = Path(__file__).resolve().parents[1]
CHILD_TIMEOUT_S = 900.0
SETTLE_S = 0.15  # a seek has landed when no new frame came for this long


@dataclass(frozen=True)
class Stalls:
    """Gaps between ticks of the 5 ms timer, in milliseconds."""

    seconds: float
    ticks: int
    max_ms: float
    p99_ms: float
    p50_ms: float
    over_goal: int  # gaps longer than the goal


@dataclass(frozen=True)
class PlayerResult:
    width: int
    height: int
    fps: float
    video_seconds: float
    comments: int
    make_seconds: float
    playing: Stalls
    reference: Stalls
    frames_shown: int
    seek_errors: list[int]  # frames between the frame shown and the comment's frame
    platform: str

    @property
    def max_ratio(self) -> float:
        return self.playing.max_ms / self.reference.max_ms if self.reference.max_ms else math.nan

    @property
    def p99_ratio(self) -> float:
        return self.playing.p99_ms / self.reference.p99_ms if self.reference.p99_ms else math.nan

    @property
    def max_seek_error(self) -> int:
        return max((abs(e) for e in self.seek_errors), default=0)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlayerResult:
        return cls(**{**data, "playing": Stalls(**data["playing"]),
                      "reference": Stalls(**data["reference"])})


def stalls(gaps_s: list[float], seconds: float) -> Stalls:
    ms = [g * 1000 for g in gaps_s]
    return Stalls(seconds=seconds, ticks=len(ms), max_ms=max(ms, default=math.nan),
                  p99_ms=percentile(ms, 0.99), p50_ms=percentile(ms, 0.5),
                  over_goal=sum(1 for g in ms if g > GOAL_MAX_STALL_MS))


def make_video(dest: Path, *, seconds: float, width: int, height: int, fps: int) -> Path:
    from mcdesk.media.demo import make_demo_video

    return make_demo_video(dest, seconds=seconds, width=width, height=height, fps=fps)


class _Session:
    """The window with the panel, and the event-loop helpers the measurements share."""

    def __init__(self, path: Path, fps: float) -> None:
        from PySide6.QtMultimedia import QVideoFrame
        from PySide6.QtWidgets import QApplication, QMainWindow

        from mcdesk.ui.annotation.panel import AnnotatedPiece, AnnotationPanel

        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.window = QMainWindow()
        self.window.setWindowTitle("mcdesk player benchmark")
        self.panel = AnnotationPanel()
        self.window.setCentralWidget(self.panel)
        self.window.resize(1280, 800)
        self.window.show()
        self.panel.set_criteria([("r1", "Planning for learning"),
                                 ("r2", "Questioning and discussion"), ("r3", "Reflection")])
        self.target = "urn:uuid:benchmark-video"
        self.fps = fps
        self.frames = 0
        self.frame_start_us = -1
        self.last_frame_at = time.monotonic()

        def shown(frame: QVideoFrame) -> None:
            if frame.isValid():
                self.frames += 1
                self.frame_start_us = frame.startTime()
                self.last_frame_at = time.monotonic()

        self.video = self.panel.video
        self.video.video.videoSink().videoFrameChanged.connect(shown)
        self.panel.show_piece(AnnotatedPiece(self.target, "Lesson video", "video", path,
                                             "data/evidence/lesson.mp4", fps=fps))

    def spin(self, seconds: float) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(max(0, round(seconds * 1000)), loop.quit)
        loop.exec()

    def wait_for(self, condition: Callable[[], bool], timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                return False
            self.spin(0.01)
        return True

    def ticking(self, run: Callable[[Callable[[], None]], None]) -> Stalls:
        """Run the event loop under the 5 ms timer until `run` calls the quit it is given."""
        from PySide6.QtCore import QEventLoop, Qt, QTimer

        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        loop = QEventLoop()
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        began = time.perf_counter()
        last[0] = began
        timer.start()
        run(loop.quit)
        loop.exec()
        timer.stop()
        return stalls(gaps, time.perf_counter() - began)

    def close(self) -> None:
        # Let go of the file from the event loop, then delete the window from it too: Qt's
        # player threads must never wait for Python's lock while this thread holds it.
        self.panel.clear()
        self.spin(0.3)
        self.window.close()
        self.window.deleteLater()
        self.spin(0.3)


def measure(path: Path, *, fps: float, seeks: int = SEEKS, comments: int = COMMENTS,
            seed: int = 1) -> tuple[Stalls, Stalls, int, list[int], str, float]:
    """Reference (paused), playback to the end, then `seeks` comment seeks. Returns (playing,
    reference, frames shown while playing, seek errors in frames, the Qt platform, the
    video's seconds). GUI thread of a process of its own."""
    from datetime import UTC, datetime

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtMultimedia import QMediaPlayer

    from mcdesk.core.reviews import Anchor, Annotation, Audience, CommentKind

    session = _Session(path, fps)
    video = session.video
    if not session.wait_for(lambda: video.duration_ms() > 0 and session.frames > 0, 60):
        raise RuntimeError(f"the player did not open {path.name}")
    duration = video.duration_ms()
    rng = random.Random(seed)
    now = datetime.now(UTC)
    kinds = list(CommentKind)
    notes = []
    for index in range(comments):
        start = rng.randrange(0, max(1, duration - 500))
        end = start + rng.randrange(1000, 6000) if index % 4 == 0 else None
        notes.append(Annotation(
            f"comment-{index}", Anchor(session.target, "data/evidence/lesson.mp4",
                                       start_ms=start, end_ms=min(end, duration) if end else None),
            f"Comment {index}: what the teacher does here and why it matters.",
            kinds[index % len(kinds)], f"r{index % 3 + 1}",
            Audience.ISSUER if index % 7 == 0 else Audience.EARNER, now, now))
    session.panel.set_comments(notes)
    session.spin(0.5)
    seconds = duration / 1000

    # The reference: the same window, nothing playing, as long as the video lasts.
    def wait(quit_: Callable[[], None]) -> None:
        QTimer.singleShot(duration, quit_)

    reference = session.ticking(wait)

    # Playing from the start to the end.
    video.seek(0)
    session.spin(0.3)
    before = session.frames

    def play(quit_: Callable[[], None]) -> None:
        def state(new_state: QMediaPlayer.PlaybackState) -> None:
            if new_state != QMediaPlayer.PlaybackState.PlayingState:
                quit_()

        video.player.playbackStateChanged.connect(state)
        QTimer.singleShot(round(duration * 2 + 10_000), quit_)  # never wait for ever
        video.play()

    playing = session.ticking(play)
    shown = session.frames - before

    # Seeks to comments picked at random, paused, as a reviewer clicking through the list.
    video.pause()
    session.spin(0.3)
    errors = []
    frame_ms = 1000 / fps

    def settled() -> bool:
        return time.monotonic() - session.last_frame_at >= SETTLE_S

    for comment in rng.sample(notes, min(seeks, len(notes))):
        count = session.frames
        session.panel.select_comment(comment.id)
        session.wait_for(lambda: session.frames > count, 3)  # noqa: B023 - called right here
        session.wait_for(settled, 3)
        moment = comment.anchor.start_ms or 0
        wanted = math.floor(moment * fps / 1000 + 1e-6)
        # Frame times come in whole microseconds (33 333 for 33.3 ms): allow for that.
        got = math.floor(session.frame_start_us / 1000 / frame_ms + 1e-3)
        errors.append(got - wanted)
    platform = QGuiApplication.platformName()
    session.close()
    return playing, reference, shown, errors, platform, seconds


def run_here(*, seconds: float, width: int, height: int, fps: int, seeks: int,
             folder: Path) -> PlayerResult:
    began = time.perf_counter()
    path = make_video(folder / "lesson-1080p.mp4", seconds=seconds, width=width, height=height,
                      fps=fps)
    made = time.perf_counter() - began
    playing, reference, shown, errors, platform, length = measure(path, fps=fps, seeks=seeks)
    return PlayerResult(width, height, fps, length, COMMENTS, made, playing, reference, shown,
                        errors, platform)


def run_child(*, quick: bool, extra: list[str] | None = None) -> PlayerResult:
    """Measure in a child process (its own QApplication and player threads)."""
    args = [sys.executable, "-m", "benchmarks.player", "--json"]
    if quick:
        args.append("--quick")
    args += extra or []
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    child = subprocess.run(args, cwd=REPO, env=env, capture_output=True, text=True,
                           timeout=CHILD_TIMEOUT_S, check=False)
    line = next((ln for ln in child.stdout.splitlines() if ln.startswith("{")), None)
    if child.returncode != 0 or line is None:
        raise RuntimeError(f"the player benchmark failed ({child.returncode}): "
                           f"{child.stderr[-2000:]}")
    return PlayerResult.from_json(json.loads(line))


def figures(result: PlayerResult) -> list[Figure]:
    size = f"{result.height}p{result.fps:g}"
    playing, reference = result.playing, result.reference
    return [
        Figure(f"player stall max, {size}", f"{playing.max_ms:.1f} ms",
               f"{reference.max_ms:.1f} ms (paused)", result.max_ratio,
               f"<= {GOAL_MAX_STALL_MS:g} ms", playing.max_ms <= GOAL_MAX_STALL_MS,
               f"longest gap of a {TICK_MS} ms timer on the GUI thread while playing "
               f"{result.video_seconds:.1f} s with {result.comments} comments "
               f"({result.platform})"),
        Figure(f"player stall p99, {size}", f"{playing.p99_ms:.1f} ms",
               f"{reference.p99_ms:.1f} ms (paused)", result.p99_ratio, "info", None),
        Figure("comment seek accuracy", f"{result.max_seek_error} frame(s)", "-", None,
               f"<= {GOAL_SEEK_FRAMES} frame", result.max_seek_error <= GOAL_SEEK_FRAMES,
               f"largest error over {len(result.seek_errors)} comment seeks"),
    ]


def lines(result: PlayerResult) -> list[str]:
    """The figures in words, one per line (what the smoke test reads back)."""
    playing, reference = result.playing, result.reference
    expected = round(result.video_seconds * result.fps)
    return [
        f"player video: {result.width}x{result.height} {result.fps:g} fps H.264+AAC, "
        f"{result.video_seconds:.1f} s, {result.comments} comments, made in "
        f"{result.make_seconds:.1f} s, platform {result.platform}",
        f"player max stall: {playing.max_ms:.1f} ms (goal <= {GOAL_MAX_STALL_MS:g} ms), "
        f"p99 {playing.p99_ms:.1f} ms, p50 {playing.p50_ms:.1f} ms, "
        f"{playing.over_goal} gaps over the goal",
        f"player reference (window shown, not playing): max {reference.max_ms:.1f} ms, "
        f"p99 {reference.p99_ms:.1f} ms",
        f"player ratio vs reference: max {result.max_ratio:.2f}x, p99 {result.p99_ratio:.2f}x",
        f"player frames shown: {result.frames_shown} of {expected}",
        f"player seek accuracy: max error {result.max_seek_error} frame(s) over "
        f"{len(result.seek_errors)} comment seeks (goal <= {GOAL_SEEK_FRAMES})",
    ]


def run(*, quick: bool) -> tuple[list[Figure], list[str]]:
    result = run_child(quick=quick)
    return figures(result), ["\n".join(lines(result))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.player", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a 6 s video instead of 20 s")
    parser.add_argument("--seconds", type=float, help="length of the video")
    parser.add_argument("--width", type=int, default=1920)
    parser.add_argument("--height", type=int, default=1080)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--seeks", type=int, default=SEEKS)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    seconds = args.seconds or (6.0 if args.quick else 20.0)
    with tempfile.TemporaryDirectory(prefix="mcdesk-player-bench-") as temp:
        result = run_here(seconds=seconds, width=args.width, height=args.height, fps=args.fps,
                          seeks=args.seeks, folder=Path(temp))
    if args.json:
        print(json.dumps(asdict(result)), flush=True)
    else:
        print("\n".join(lines(result)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
