"""Video trimming, compression and re-encoding to H.264 + AAC MP4 with PyAV; worker process."""

from __future__ import annotations

import errno
import math
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.errors import MediaError, StorageFullError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.media.encode_lane import AudioLane

if TYPE_CHECKING:
    import av.audio.frame
    import av.audio.stream
    import av.container
    import av.video.frame
    import av.video.stream

__all__ = [
    "FrameFilter",
    "bitrate_for_target",
    "compress_video",
    "estimate_compressed_bytes",
    "open_input_video",
    "output_file",
    "reencode_video",
    "trim_video",
]

# What an MP4 adds to the audio and video bitstreams (index, headers), as a fraction.
CONTAINER_OVERHEAD = 0.01
# libx264 preset: "veryfast" keeps a 2-core laptop near or above real time at 720p.
PRESET = "veryfast"
# Quality used when the size is not the point (trim, blur): visually close to the source.
QUALITY_CRF = 20
# Below this a compressed video is mush; bitrate_for_target never goes lower.
MIN_VIDEO_KBPS = 100
# How often (seconds of media) progress is reported.
PROGRESS_STEP_S = 0.5
# An end this little past the duration (a slider's rounding) means "to the end".
END_SLACK_S = 0.5
# Sample rates AAC in MP4 accepts; anything else is resampled to 48 kHz.
_AAC_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000, 88200, 96000)

# Called with each decoded frame (already in the output size and yuv420p) and its time in the
# source in seconds; returns the frame to encode (the same object or a new one).
FrameFilter = Callable[["av.video.frame.VideoFrame", float], "av.video.frame.VideoFrame"]


def estimate_compressed_bytes(duration_s: float, *, video_kbps: int, audio_kbps: int,
                              has_audio: bool) -> int:
    """The size compress_video will produce for these settings, to show before starting."""
    kbps = video_kbps + (audio_kbps if has_audio else 0)
    return int(max(duration_s, 0.0) * kbps * 1000 / 8 * (1 + CONTAINER_OVERHEAD))


def bitrate_for_target(duration_s: float, target_bytes: int, audio_kbps: int,
                       has_audio: bool) -> int:
    """The video kbps that makes a video of `duration_s` fit `target_bytes` (audio included).

    Never below MIN_VIDEO_KBPS: when the target is out of reach the result overshoots it, which
    the caller sees by comparing estimate_compressed_bytes with the target."""
    if duration_s <= 0:
        raise ValueError("duration_s must be positive")
    total_kbps = target_bytes * 8 / (1 + CONTAINER_OVERHEAD) / duration_s / 1000
    video_kbps = total_kbps - (audio_kbps if has_audio else 0)
    return max(MIN_VIDEO_KBPS, math.floor(video_kbps))


def trim_video(src: Path, dest: Path, *, start_s: float, end_s: float,
               control: JobControl = NULL_CONTROL) -> None:
    """Write the part of `src` from start_s to end_s (frame-accurate) as H.264 + AAC MP4."""
    if not (math.isfinite(start_s) and math.isfinite(end_s)) or end_s <= start_s:
        raise MediaError(f"cannot cut from {start_s:.2f} s to {end_s:.2f} s: the end must come "
                         "after the start", path=src)
    if start_s < 0:
        raise MediaError("cannot start before the beginning (0 s)", path=src)
    reencode_video(src, dest, start_s=start_s, end_s=end_s, control=control,
                   message="Trimming video")


def compress_video(src: Path, dest: Path, *, max_height: int | None, video_kbps: int,
                   audio_kbps: int = 128, control: JobControl = NULL_CONTROL) -> None:
    """Write a smaller copy of `src`: at most max_height lines, about video_kbps + audio_kbps."""
    if video_kbps <= 0 or audio_kbps <= 0:
        raise ValueError("bitrates must be positive")
    if max_height is not None and max_height < 16:
        raise ValueError("max_height must be at least 16")
    reencode_video(src, dest, max_height=max_height, video_kbps=video_kbps,
                   audio_kbps=audio_kbps, control=control, message="Compressing video")


@contextmanager
def output_file(dest: Path, *, src: Path | None = None) -> Iterator[Path]:
    """Yield `dest`.part to write; on success it replaces `dest`, on any error it is removed.

    A full disk becomes StorageFullError. Writing over `src` is refused: originals stay."""
    if src is not None and _same_file(src, dest):
        raise MediaError("a new version cannot overwrite its original", path=dest)
    part = dest.with_name(dest.name + ".part")
    try:
        yield part
        os.replace(part, dest)
    except OSError as exc:
        part.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise StorageFullError("the disk is full; the new file was not written",
                                   path=dest) from exc
        raise MediaError(f"could not write the new file: {exc.strerror or exc}",
                         path=dest) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def open_input_video(src: Path) -> av.container.InputContainer:
    """Open `src` for decoding, or raise MediaError saying in plain words why not."""
    import av

    if not src.is_file():
        raise MediaError("the file does not exist", path=src)
    try:
        container = av.open(str(src), "r")
    except av.FFmpegError as exc:
        raise MediaError("could not be read as a video: the file is damaged, incomplete or in "
                         f"a format mcdesk does not know ({_reason(exc)})", path=src) from exc
    except OSError as exc:
        raise MediaError(f"could not be opened: {exc.strerror or exc}", path=src) from exc
    if not container.streams.video:
        container.close()
        raise MediaError("has no picture: it is not a video", path=src)
    return container


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc)
    return str(text).rstrip(".")


def _duration_s(container: av.container.InputContainer,
                stream: av.video.stream.VideoStream) -> float | None:
    if stream.duration is not None and stream.time_base is not None and stream.duration > 0:
        return float(stream.duration * stream.time_base)
    if container.duration is not None and container.duration > 0:
        return container.duration / 1_000_000
    return None


def _display_size(stream: av.video.stream.VideoStream) -> tuple[int, int]:
    """Width and height of the coded picture with square pixels (anamorphic sources widened)."""
    ctx = stream.codec_context
    width, height = ctx.width, ctx.height
    sar = ctx.sample_aspect_ratio
    if sar is not None and sar > 0 and sar != 1:
        width = round(width * sar)
    return width, height


def _even(value: float) -> int:
    return max(2, math.floor(value / 2 + 0.5) * 2)


def _output_size(width: int, height: int, max_height: int | None,
                 rotated: bool) -> tuple[int, int]:
    """Coded output size: even, and (as shown, i.e. after rotation) at most max_height tall."""
    shown_height = width if rotated else height
    scale = 1.0
    if max_height is not None and shown_height > max_height:
        scale = max_height / shown_height
    return _even(width * scale), _even(height * scale)


@dataclass
class _AudioCutter:
    """Cuts decoded (fltp) audio to [origin, end) and re-times it from the origin."""

    rate: int
    layout: str
    origin: float | None = None
    end: float | None = None
    next_time: float | None = None

    def cut(self, frame: av.audio.frame.AudioFrame) -> av.audio.frame.AudioFrame | None:
        import av

        assert self.origin is not None
        start = frame.time if frame.time is not None else self.next_time
        if start is None:
            start = self.origin
        self.next_time = start + frame.samples / self.rate
        first = max(0, round((self.origin - start) * self.rate))
        last = frame.samples
        if self.end is not None:
            last = min(last, round((self.end - start) * self.rate))
        if last <= first:
            return None
        if first > 0 or last < frame.samples:
            data = frame.to_ndarray()[:, first:last]
            out = av.AudioFrame.from_ndarray(data.copy(), format="fltp", layout=self.layout)
            out.sample_rate = self.rate
        else:
            out = frame
        out.pts = round((start - self.origin) * self.rate) + first
        out.time_base = Fraction(1, self.rate)
        return out


def reencode_video(src: Path, dest: Path, *, start_s: float | None = None,
                   end_s: float | None = None, max_height: int | None = None,
                   video_kbps: int | None = None, audio_kbps: int = 128,
                   frame_filter: FrameFilter | None = None,
                   control: JobControl = NULL_CONTROL, message: str = "Converting video") -> None:
    """Decode `src`, optionally cut/scale/filter its frames, encode H.264 + AAC MP4 to `dest`.

    Streams through the file (constant memory). The output starts at the first picture shown
    (at or after start_s); audio is cut to the same instants so it stays in sync. With
    video_kbps the encoder aims at that bitrate, otherwise at a constant quality."""
    import av

    with output_file(dest, src=src) as part:
        inp = open_input_video(src)
        try:
            out = av.open(str(part), "w", format="mp4",
                          container_options={"movflags": "+faststart"})
            try:
                _Pipeline(inp, out, src, start_s=start_s, end_s=end_s, max_height=max_height,
                          video_kbps=video_kbps, audio_kbps=audio_kbps,
                          frame_filter=frame_filter, control=control, message=message).run()
            except BaseException:
                with suppress(Exception):
                    out.close()
                raise
            out.close()
        except av.FFmpegError as exc:
            if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
                raise
            raise MediaError(f"could not be converted: {_reason(exc)}", path=src) from exc
        finally:
            inp.close()


class _Pipeline:
    """One pass of decode -> (cut, scale, filter) -> encode -> mux over an opened source."""

    def __init__(self, inp: av.container.InputContainer, out: av.container.OutputContainer,
                 src: Path, *, start_s: float | None, end_s: float | None,
                 max_height: int | None, video_kbps: int | None, audio_kbps: int,
                 frame_filter: FrameFilter | None, control: JobControl, message: str) -> None:
        import av
        from av.video.reformatter import VideoReformatter

        self.inp, self.out, self.src = inp, out, src
        self.vin = inp.streams.video[0]
        self.ain = inp.streams.audio[0] if inp.streams.audio else None
        if self.vin.time_base is None:
            raise MediaError("the video has no timing information", path=src)
        self.time_base: Fraction = self.vin.time_base
        self.duration = _duration_s(inp, self.vin)
        if start_s is not None and self.duration is not None and (
                start_s >= self.duration - 1e-3):
            raise MediaError(f"cannot start at {start_s:.2f} s: the video lasts only "
                             f"{self.duration:.2f} s", path=src)
        if end_s is not None and self.duration is not None:
            if end_s > self.duration + END_SLACK_S:
                raise MediaError(f"cannot end at {end_s:.2f} s: the video lasts only "
                                 f"{self.duration:.2f} s", path=src)
            end_s = min(end_s, self.duration)
        self.start_s, self.end_s = start_s, end_s
        self.window_start = start_s or 0.0
        window_end = end_s if end_s is not None else self.duration
        self.total_ms = (round((window_end - self.window_start) * 1000)
                         if window_end is not None else None)
        self.max_height, self.frame_filter = max_height, frame_filter
        self.control, self.message = control, message

        self.vin.thread_type = "AUTO"
        rate = self.vin.average_rate or self.vin.guessed_rate or Fraction(30)
        if rate <= 0 or rate > 240:
            rate = Fraction(30)
        self.frame_s = float(1 / rate)

        self.vout = out.add_stream("libx264", rate=rate)
        self.vout.pix_fmt = "yuv420p"
        self.vout.codec_context.time_base = self.time_base
        self.vout.thread_type = "AUTO"
        options: dict[str, object] = {"preset": PRESET}
        if video_kbps is not None:
            self.vout.bit_rate = video_kbps * 1000
            options.update(maxrate=f"{video_kbps * 3 // 2}k", bufsize=f"{video_kbps * 2}k")
        else:
            options["crf"] = str(QUALITY_CRF)
        self.vout.options = options
        self.vout.gop_size = max(1, round(float(rate) * 2))  # a keyframe every 2 s: seeking

        self.aout: av.audio.stream.AudioStream | None = None
        self.resampler: av.AudioResampler | None = None
        self.cutter: _AudioCutter | None = None
        if self.ain is not None:
            self.ain.codec_context.thread_type = "AUTO"
            in_rate = self.ain.codec_context.sample_rate or 48000
            out_rate = in_rate if in_rate in _AAC_RATES else 48000
            layout = "mono" if self.ain.codec_context.channels == 1 else "stereo"
            self.aout = out.add_stream("aac", rate=out_rate)
            self.aout.layout = layout
            self.aout.bit_rate = audio_kbps * 1000
            self.resampler = av.AudioResampler(format="fltp", layout=layout, rate=out_rate)
            self.cutter = _AudioCutter(rate=out_rate, layout=layout, end=end_s)
        # Audio is encoded beside the video (see AudioLane); both mux into `out` under this lock.
        self.mux_lock = threading.Lock()
        self.audio_lane: AudioLane | None = None

        self.width, self.height = _display_size(self.vin)
        # One scaler for the whole pass: frame.reformat makes (and tears down) a new swscale
        # context, thread pool included, for every frame: over a second of CPU per 30 s of
        # 720p, a sixth of the pass. BICUBIC is the ffmpeg scale filter's default; AREA was
        # softer (0.4 dB further from the source when scaled back up) for no gain in speed.
        self.reformatter = VideoReformatter()
        self.size: tuple[int, int] | None = None
        self.origin: float | None = None
        self.pending_audio: list[av.audio.frame.AudioFrame] = []
        self.last_pts = -1
        self.last_shown: float | None = None
        self.next_report = 0.0
        self.frames = 0
        self.video_done = False

    def run(self) -> None:
        try:
            self._run()
        finally:
            if self.audio_lane is not None:  # cancelled or failed: end the thread before closing
                self.audio_lane.close()

    def _run(self) -> None:
        import av

        if self.start_s:
            self.inp.seek(int(self.start_s / self.time_base), stream=self.vin, backward=True)
        streams = (self.vin, self.ain) if self.ain is not None else (self.vin,)
        packets = self.inp.demux(streams)
        while True:
            self.control.check_cancelled()
            try:
                packet = next(packets)
                if self.video_done and packet.stream.type == "video":
                    continue
                decoded = packet.decode()
            except StopIteration:
                break
            except av.FFmpegError as exc:
                raise MediaError(f"could not be decoded ({_reason(exc)}); the file may be "
                                 "damaged or incomplete", path=self.src) from exc
            for frame in decoded:
                if isinstance(frame, av.VideoFrame):
                    if not self.video_done and not self._video(frame):
                        self.video_done = True
                elif isinstance(frame, av.AudioFrame):
                    self._audio(frame)
            if self.video_done and self._audio_done():
                break
        if not self.video_done:  # drain the decoder: threaded decoding holds frames back
            try:
                tail = self.vin.decode(None)
            except av.FFmpegError:
                tail = []
            for frame in tail:
                self.control.check_cancelled()
                if not self._video(frame):
                    break
        self._finish()

    def _audio_done(self) -> bool:
        cutter = self.cutter
        if cutter is None or cutter.origin is None:
            return True
        return (cutter.end is not None and cutter.next_time is not None
                and cutter.next_time >= cutter.end)

    def _audio(self, frame: av.audio.frame.AudioFrame) -> None:
        if self.resampler is None:
            return
        for piece in self.resampler.resample(frame):
            if self.origin is None:
                self.pending_audio.append(piece)
            else:
                self._encode_audio(piece)

    def _encode_audio(self, frame: av.audio.frame.AudioFrame) -> None:
        assert self.aout is not None and self.cutter is not None
        assert self.audio_lane is not None
        cut = self.cutter.cut(frame)
        if cut is not None:
            self.audio_lane.push(cut)

    def _video(self, frame: av.video.frame.VideoFrame) -> bool:
        """Encode one decoded picture; False once past the end of the window."""
        t = frame.time
        if t is None:
            return True
        if self.start_s is not None and t < self.start_s - self.frame_s / 2:
            return True
        if self.end_s is not None and t >= self.end_s - self.frame_s / 2:
            if self.cutter is not None and self.cutter.end is not None:
                self.cutter.end = min(self.cutter.end, t)  # audio ends with the last picture
            return False
        if self.size is None:  # the first picture fixes the origin and the output geometry
            rotation = frame.rotation % 360
            self.size = _output_size(self.width, self.height, self.max_height,
                                     rotation in (90, 270))
            self.vout.width, self.vout.height = self.size
            if rotation:
                self.vout.set_display_rotation(frame.rotation)
            self.origin = t
            # The header now, on this thread: it opens every encoder, which must not happen
            # on the audio lane while this thread encodes video.
            self.out.start_encoding()
            if self.aout is not None:
                self.audio_lane = AudioLane(self.out, self.aout, self.mux_lock)
            if self.cutter is not None:
                self.cutter.origin = t
                for piece in self.pending_audio:
                    self._encode_audio(piece)
            self.pending_audio.clear()
        assert self.origin is not None
        pts = round((t - self.origin) / self.time_base)
        if pts <= self.last_pts:
            return True  # a repeated timestamp: keep the first picture
        self.last_pts = pts
        picture = self.reformatter.reformat(frame, width=self.size[0], height=self.size[1],
                                            format="yuv420p", interpolation="BICUBIC")
        if self.frame_filter is not None:
            picture = self.frame_filter(picture, t)
        picture.pts = pts
        picture.time_base = self.time_base
        packets = self.vout.encode(picture)
        with self.mux_lock:
            self.out.mux(packets)
        self.frames += 1
        self.last_shown = t
        elapsed = t - self.window_start
        if elapsed >= self.next_report:
            self.next_report = elapsed + PROGRESS_STEP_S
            done = round(elapsed * 1000)
            total = self.total_ms
            self.control.progress(min(done, total) if total else done, total, self.message)
        return True

    def _finish(self) -> None:
        if self.frames == 0:
            raise MediaError("has no pictures in the chosen range" if self.start_s is not None
                             else "has no pictures that could be decoded", path=self.src)
        duration = self.duration
        if not self.video_done and self.end_s is None and duration is not None:
            assert self.last_shown is not None
            shown_until = self.last_shown + self.frame_s
            if duration - shown_until > max(1.0, 0.05 * duration):
                raise MediaError(f"stops after {shown_until:.1f} s although it should last "
                                 f"{duration:.1f} s: the file is incomplete or damaged",
                                 path=self.src)
        if self.resampler is not None and self.origin is not None:
            for piece in self.resampler.resample(None):
                self._encode_audio(piece)
        packets = self.vout.encode(None)
        with self.mux_lock:
            self.out.mux(packets)
        if self.audio_lane is not None:
            self.audio_lane.finish()
        self.control.check_cancelled()
        if self.total_ms is not None:
            self.control.progress(self.total_ms, self.total_ms, self.message)
