"""Evidence figures: importing a big file against ``sha256sum``, memory while importing, video
compression against the ``ffmpeg`` command line, and face blur against real time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.stats import Figure, median

# The subject runs in a child process so its memory (and its media workers') is its own. It
# imports into a portfolio made before the clock starts (by CREATE_CHILD): making a new
# portfolio (its database and migrations, about a second here) is not importing a file.
CREATE_CHILD = """
import sys
from pathlib import Path
from mcdesk.services.workspace import Workspace
if __name__ == "__main__":
    Workspace.open(Path(sys.argv[1])).close()
"""
IMPORT_CHILD = """
import sys
from pathlib import Path
from mcdesk.services.workspace import Workspace
from mcdesk.media.isolation import shutdown_default_runner
if __name__ == "__main__":
    workspace = Workspace.open(Path(sys.argv[1]))
    report = workspace.evidence.add_paths([Path(sys.argv[2])])
    assert report.ok, report
    workspace.close()
    shutdown_default_runner()
"""


@dataclass(frozen=True)
class Timed:
    seconds: float
    peak_rss: int


def write_raw_video(dest: Path, size_bytes: int) -> Path:
    """A valid, uncompressed (rawvideo) 720p video of about `size_bytes`: real video bytes that
    take no encoding time to make."""
    import av
    import numpy as np

    width, height = 1280, 720
    frames = max(2, size_bytes // (width * height * 3 // 2))
    rng = np.random.default_rng(7)
    base = av.VideoFrame.from_ndarray(
        rng.integers(0, 255, (height, width, 3), dtype=np.uint8), format="rgb24"
    ).reformat(format="yuv420p")
    with av.open(str(dest), "w", format="matroska") as container:
        stream = container.add_stream("rawvideo", rate=25)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(frames):
            base.pts = index
            for packet in stream.encode(base):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return dest


def run_measured(command: list[str]) -> Timed:
    """Run `command`, sampling the resident memory of it and its children every 20 ms."""
    import psutil

    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(process.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = process.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - began
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {err.decode(errors='replace')[-2000:]}")
    return Timed(seconds, peak)


def _import_one_size(work: Path, *, rounds: int, size_bytes: int
                     ) -> tuple[Figure, list[float], list[float], list[int]]:
    video = write_raw_video(work / "big.mkv", size_bytes)
    subject: list[float] = []
    reference: list[float] = []
    peaks: list[int] = []
    for index in range(rounds):
        portfolio = work / f"portfolio-{index}"
        subprocess.run([sys.executable, "-c", CREATE_CHILD, str(portfolio)], check=True)
        # Side by side, alternating which goes first; the file is in the page cache for both.
        pair: list[tuple[str, Callable[[], Timed]]] = [
            ("mcdesk", lambda target=portfolio: run_measured(
                [sys.executable, "-c", IMPORT_CHILD, str(target), str(video)])),
            ("sha256sum", lambda: run_measured(["sha256sum", str(video)])),
        ]
        for name, job in (pair if index % 2 == 0 else pair[::-1]):
            timed = job()
            if name == "mcdesk":
                subject.append(timed.seconds)
                peaks.append(timed.peak_rss)
            else:
                reference.append(timed.seconds)
        shutil.rmtree(portfolio, ignore_errors=True)
    video.unlink()
    ratio = median(subject) / median(reference)
    figure = Figure(f"import {size_bytes / 1e9:.1f} GB video", f"{median(subject):.2f} s",
                    f"{median(reference):.2f} s (sha256sum)", ratio, "≤ 1.25×",
                    ratio <= 1.25, "start, hash + copy into the store, probe + thumbnail, "
                    "into an existing portfolio")
    return figure, subject, reference, peaks


def import_figures(work: Path, *, rounds: int, sizes: Sequence[int],
                   memory_size_bytes: int) -> tuple[list[Figure], str]:
    """One row per size in `sizes` (the goal holds from 0.1 GB up, where the fixed costs
    weigh most), then the memory row."""
    figures: list[Figure] = []
    lines: list[str] = []
    for size_bytes in sizes:
        figure, subject, reference, peaks = _import_one_size(
            work, rounds=rounds, size_bytes=size_bytes)
        figures.append(figure)
        lines.append(f"Import {size_bytes / 1e9:.1f} GB: mcdesk "
                     f"{', '.join(f'{s:.2f}' for s in subject)} s; sha256sum "
                     f"{', '.join(f'{s:.2f}' for s in reference)} s; peak memory "
                     f"{', '.join(f'{p / 1e6:.0f}' for p in peaks)} MB")
    big = write_raw_video(work / "bigger.mkv", memory_size_bytes)
    small = write_raw_video(work / "small.mkv", memory_size_bytes // 16)
    big_peak = run_measured([sys.executable, "-c", IMPORT_CHILD, str(work / "pm-big"),
                             str(big)]).peak_rss
    small_peak = run_measured([sys.executable, "-c", IMPORT_CHILD, str(work / "pm-small"),
                               str(small)]).peak_rss
    figures.append(Figure(
        f"import memory, {memory_size_bytes / 1e9:.1f} GB", f"{big_peak / 1e6:.0f} MB",
        f"{small_peak / 1e6:.0f} MB ({memory_size_bytes / 16e9:.2f} GB file)",
        big_peak / small_peak, "< 300 MB, flat", big_peak < 300e6 and big_peak < small_peak * 1.3,
        "peak resident memory of mcdesk and its media workers"))
    return figures, "\n".join(lines)


def _make_clip(dest: Path, seconds: float) -> Path:
    from mcdesk.media.demo import make_demo_video

    return make_demo_video(dest, seconds=seconds, width=1280, height=720, fps=30)


def compress_figures(work: Path, *, rounds: int, seconds: float) -> tuple[list[Figure], str]:
    from mcdesk.media.video import compress_video

    if shutil.which("ffmpeg") is None:
        return [Figure("compress 720p → 480p", "-", "ffmpeg missing", None, "≤ 1.1×", None,
                       "install Debian's ffmpeg (scripts/setup.sh does)")], ""
    clip = _make_clip(work / "clip.mp4", seconds)
    ffmpeg = ["ffmpeg", "-loglevel", "error", "-y", "-i", str(clip), "-vf", "scale=-2:480",
              "-c:v", "libx264", "-preset", "veryfast", "-b:v", "1000k", "-maxrate", "1500k",
              "-bufsize", "2000k", "-g", "60", "-c:a", "aac", "-b:a", "128k",
              "-movflags", "+faststart", str(work / "ffmpeg.mp4")]
    subject: list[float] = []
    reference: list[float] = []
    for index in range(rounds):
        def ours() -> None:
            compress_video(clip, work / "ours.mp4", max_height=480, video_kbps=1000)

        def theirs() -> None:
            subprocess.run(ffmpeg, check=True)

        for name, job in ((("ours", ours), ("ffmpeg", theirs)) if index % 2 == 0
                          else (("ffmpeg", theirs), ("ours", ours))):
            began = time.perf_counter()
            job()
            (subject if name == "ours" else reference).append(time.perf_counter() - began)
            (work / "ours.mp4").unlink(missing_ok=True)
    ratio = median(subject) / median(reference)
    details = (f"Compress {seconds:.0f} s: mcdesk {', '.join(f'{s:.2f}' for s in subject)} s; "
               f"ffmpeg CLI {', '.join(f'{s:.2f}' for s in reference)} s")
    return [Figure(f"compress {seconds:.0f} s 720p → 480p", f"{median(subject):.2f} s",
                   f"{median(reference):.2f} s (ffmpeg CLI)", ratio, "≤ 1.1×", ratio <= 1.1,
                   "H.264 veryfast 1000 kb/s + AAC; two x264 builds, so approximate")], details


def blur_figures(work: Path, *, rounds: int, seconds: float) -> tuple[list[Figure], str]:
    from mcdesk.core.evidence import FaceRegion, Rect
    from mcdesk.media.faces import blur_video, detect_faces_in_video

    clip = _make_clip(work / "blur.mp4", seconds)
    times: list[float] = []
    for _ in range(rounds):
        began = time.perf_counter()
        regions = detect_faces_in_video(clip)
        # Blur at least one region the whole way through, found or not, so the work is real.
        regions = regions or [FaceRegion(Rect(200, 100, 200, 240))]
        blur_video(clip, work / "blurred.mp4", regions)
        times.append(time.perf_counter() - began)
        (work / "blurred.mp4").unlink(missing_ok=True)
    speed = seconds / median(times)
    return [Figure(f"face blur {seconds:.0f} s 720p", f"{median(times):.2f} s",
                   f"{seconds:.0f} s (real time)", median(times) / seconds, "≥ real time",
                   speed >= 1.0, f"find faces + blur: {speed:.1f}× real time")], ""


def run(*, rounds: int, quick: bool) -> tuple[list[Figure], list[str]]:
    figures: list[Figure] = []
    details: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mcdesk-media-bench-") as temp:
        work = Path(temp)
        for produce in (
            # 0.1 GB in both runs: the smallest size the goal names, where fixed costs weigh
            # most; then 0.2 GB (quick) or 1 GB.
            lambda: import_figures(work, rounds=rounds,
                                   sizes=(100_000_000,
                                          200_000_000 if quick else 1_000_000_000),
                                   memory_size_bytes=400_000_000 if quick else 4_000_000_000),
            lambda: compress_figures(work, rounds=rounds, seconds=6 if quick else 30),
            lambda: blur_figures(work, rounds=rounds, seconds=5 if quick else 10),
        ):
            made, text = produce()
            figures += made
            if text:
                details.append(text)
    return figures, details
