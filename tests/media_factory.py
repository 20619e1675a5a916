"""Test media made on the fly (videos with a tone via PyAV, photos via Pillow); test thread."""

from __future__ import annotations

import importlib.util
import math
from datetime import datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from PIL import Image

from mcdesk.core.progress import Cancelled

SAMPLE_RATE = 48_000


def _test_card(width: int, height: int, index: int, fps: int,
               rng: np.random.Generator, detail: bool) -> np.ndarray[Any, Any]:
    """An RGB frame: moving colour bars plus (optionally) fine grain so encoders have work."""
    x = np.arange(width, dtype=np.int32)[None, :]
    y = np.arange(height, dtype=np.int32)[:, None]
    shift = index * 4
    r = ((x + shift) * 255 // max(width, 1)) % 256
    g = ((y + shift) * 255 // max(height, 1)) % 256
    b = (((x // 32 + y // 32 + index // max(fps // 2, 1)) % 2) * 200)
    frame = np.stack(np.broadcast_arrays(r, g, b), axis=-1).astype(np.int16)
    if detail:
        grain = rng.integers(-40, 41, size=(height // 4 + 1, width // 4 + 1, 1), dtype=np.int16)
        frame += np.repeat(np.repeat(grain, 4, axis=0), 4, axis=1)[:height, :width]
    # A white box moving left to right marks the time in the picture.
    bx = int((index / max(fps, 1)) * width / 4) % max(width - 20, 1)
    frame[height // 2 - 10: height // 2 + 10, bx: bx + 20] = 255
    return np.clip(frame, 0, 255).astype(np.uint8)


def make_video(dest: Path, *, seconds: float = 2.0, width: int = 320, height: int = 240,
               fps: int = 25, with_audio: bool = True, detail: bool = True,
               still: np.ndarray[Any, Any] | None = None, crf: int = 18,
               preset: str = "ultrafast", sync_marks: bool = False,
               rotation: int = 0, creation_time: datetime | None = None) -> Path:
    """Write an H.264 (+ AAC sine tone) MP4. With `still`, every frame is that RGB image;
    `creation_time` is written as the recording's start, as cameras do.

    With sync_marks the tone sounds only in the second half of each second, and a white block
    in the top-left corner shows in exactly those frames, so A/V sync can be measured."""
    rng = np.random.default_rng(1234)
    if still is not None:
        height, width = still.shape[:2]
    frames = round(seconds * fps)
    with av.open(str(dest), "w", format="mp4") as out:
        if creation_time is not None:
            out.metadata["creation_time"] = creation_time.strftime("%Y-%m-%dT%H:%M:%S.000000Z")
        vs = out.add_stream("libx264", rate=fps, options={"crf": str(crf), "preset": preset})
        vs.width, vs.height, vs.pix_fmt = width, height, "yuv420p"
        vs.codec_context.time_base = Fraction(1, fps)
        if rotation:
            vs.set_display_rotation(rotation)  # as phones store portrait video
        aus = None
        if with_audio:
            aus = out.add_stream("aac", rate=SAMPLE_RATE)
            aus.layout = "stereo"
        still_frame = (av.VideoFrame.from_ndarray(still, format="rgb24")
                       .reformat(format="yuv420p") if still is not None else None)
        audio_sent = 0
        for i in range(frames):
            if still_frame is not None:
                vf = still_frame
            else:
                vf = av.VideoFrame.from_ndarray(_test_card(width, height, i, fps, rng, detail),
                                                format="rgb24").reformat(format="yuv420p")
            if sync_marks:
                rgb = vf.to_ndarray(format="rgb24")
                rgb[:32, :32] = 255 if (i % fps) >= fps // 2 else 0
                vf = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
            vf.pts = i
            vf.time_base = Fraction(1, fps)
            out.mux(vs.encode(vf))
            if aus is not None:
                want = round((i + 1) * SAMPLE_RATE / fps)
                n = want - audio_sent
                t = (audio_sent + np.arange(n)) / SAMPLE_RATE
                tone = (0.3 * np.sin(2 * math.pi * 440.0 * t)).astype(np.float32)
                if sync_marks:
                    tone[(np.floor(t * fps) % fps) < fps // 2] = 0.0
                af = av.AudioFrame.from_ndarray(np.stack([tone, tone]), format="fltp",
                                                layout="stereo")
                af.sample_rate = SAMPLE_RATE
                af.pts = audio_sent
                af.time_base = Fraction(1, SAMPLE_RATE)
                audio_sent = want
                out.mux(aus.encode(af))
        out.mux(vs.encode(None))
        if aus is not None:
            out.mux(aus.encode(None))
    return dest


def astronaut_path() -> Path:
    """scikit-image's astronaut photo (Eileen Collins, public domain), shipped in its wheel."""
    spec = importlib.util.find_spec("skimage")
    assert spec is not None and spec.origin is not None, "scikit-image is a test dependency"
    path = Path(spec.origin).parent / "data" / "astronaut.png"
    assert path.is_file(), path
    return path


def astronaut_rgb() -> np.ndarray[Any, Any]:
    with Image.open(astronaut_path()) as im:
        return np.asarray(im.convert("RGB"))


def make_photo(dest: Path, rgb: np.ndarray[Any, Any], *, gps: bool = False,
               orientation: int | None = None) -> Path:
    """Save RGB pixels as a JPEG, optionally with a GPS position and an EXIF orientation."""
    im = Image.fromarray(rgb)
    exif = Image.Exif()
    exif[0x010F] = "TestCam"  # Make
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    im.save(dest, "JPEG", quality=92, exif=exif)
    return dest


def probe(path: Path) -> dict[str, Any]:
    """Codec names, size, duration and frame count of a video, read back with PyAV."""
    with av.open(str(path)) as c:
        v = c.streams.video[0]
        a = c.streams.audio[0] if c.streams.audio else None
        frames = 0
        last_end = 0.0
        for f in c.decode(v):
            frames += 1
            assert f.time is not None
            last_end = f.time
        rate = v.average_rate or v.guessed_rate or Fraction(25)
        fps = float(rate)
        audio_s = 0.0
        if a is not None:
            c.seek(0)
            samples = sum(fr.samples for fr in c.decode(a))
            audio_s = samples / a.rate
        return {
            "video_codec": v.codec_context.name,
            "audio_codec": a.codec_context.name if a is not None else None,
            "width": v.codec_context.width,
            "height": v.codec_context.height,
            "fps": fps,
            "frames": frames,
            "video_s": last_end + 1 / fps if frames else 0.0,
            "audio_s": audio_s,
            "duration_s": (c.duration or 0) / 1_000_000,
        }


def frame_at(path: Path, t: float) -> np.ndarray[Any, Any]:
    """The RGB frame showing at time t (the first whose time reaches t)."""
    with av.open(str(path)) as c:
        last = None
        for f in c.decode(c.streams.video[0]):
            last = f
            if f.time is not None and f.time >= t - 1e-6:
                break
        assert last is not None
        return last.to_ndarray(format="rgb24")


def first_mark_times(path: Path, after_s: float = 0.0) -> tuple[float, float]:
    """Times at which the first sync mark after `after_s` starts in the picture and the sound."""
    with av.open(str(path)) as c:
        video_t = None
        for f in c.decode(c.streams.video[0]):
            assert f.time is not None
            if f.time < after_s:
                continue
            rgb = f.to_ndarray(format="rgb24")
            corner = rgb[1: rgb.shape[0] // 12, 1: rgb.shape[1] // 12]
            if corner.mean() > 200:
                video_t = f.time
                break
        c.seek(0)
        audio_t = None
        for af in c.decode(c.streams.audio[0]):
            assert af.time is not None
            data = np.abs(af.to_ndarray()).max(axis=0)
            times = af.time + np.arange(data.size) / af.sample_rate
            loud = np.nonzero((data > 0.05) & (times >= after_s))[0]
            if loud.size:
                audio_t = float(times[loud[0]])
                break
    assert video_t is not None and audio_t is not None
    return video_t, audio_t


class CancelAfter:
    """A JobControl that lets `n` progress reports through, then cancels (as the user would)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.reports: list[tuple[int, int | None, str]] = []
        self._cancelled = False

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.reports.append((done, total, message))
        if len(self.reports) > self.n:
            self._cancelled = True
            raise Cancelled()

    def check_cancelled(self) -> None:
        if self._cancelled:
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return self._cancelled


class Recorder(CancelAfter):
    """A JobControl that records progress reports and never cancels."""

    def __init__(self) -> None:
        super().__init__(n=10**9)
