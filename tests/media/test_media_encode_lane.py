"""The audio lane of mcdesk.media.encode_lane: encoding on its own thread, errors carried back."""

from __future__ import annotations

import threading
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from mcdesk.media.encode_lane import AudioLane

RATE = 48000


def _tone(pts: int, samples: int = 1024) -> av.AudioFrame:
    t = (pts + np.arange(samples)) / RATE
    wave = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    frame = av.AudioFrame.from_ndarray(np.stack([wave, wave]), format="fltp", layout="stereo")
    frame.sample_rate = RATE
    frame.pts = pts
    frame.time_base = Fraction(1, RATE)
    return frame


def _open(dest: Path) -> tuple[av.container.OutputContainer, av.audio.stream.AudioStream]:
    out = av.open(str(dest), "w", format="mp4")
    audio = out.add_stream("aac", rate=RATE)
    audio.layout = "stereo"
    audio.bit_rate = 128_000
    out.start_encoding()
    return out, audio


def _lanes() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "mcdesk-audio-encode"]


def test_every_frame_pushed_reaches_the_file(tmp_path: Path) -> None:
    dest = tmp_path / "tone.m4a"
    out, audio = _open(dest)
    lane = AudioLane(out, audio, threading.Lock())
    for index in range(2 * RATE // 1024):  # 2 s, more than the queue holds
        lane.push(_tone(index * 1024))
    lane.finish()
    out.close()
    assert _lanes() == []
    with av.open(str(dest)) as back:
        samples = sum(f.samples for f in back.decode(audio=0))
    assert samples == pytest.approx(2 * RATE // 1024 * 1024, abs=1024)


def test_an_error_on_the_lane_is_raised_in_the_pushing_thread(tmp_path: Path) -> None:
    out, audio = _open(tmp_path / "broken.m4a")
    lane = AudioLane(out, audio, threading.Lock())
    # Time running backwards: the muxer refuses the second packet, on the lane's thread.
    with pytest.raises(av.FFmpegError):
        for pts in [RATE, 0, *range(1024, 200 * 1024, 1024)]:
            lane.push(_tone(pts))
        lane.finish()
    lane.close()
    assert _lanes() == []
    with pytest.raises(av.FFmpegError):
        lane.finish()  # the error stays: the file is not complete
    out.close()


def test_close_ends_the_thread_without_flushing(tmp_path: Path) -> None:
    out, audio = _open(tmp_path / "cut-short.m4a")
    lane = AudioLane(out, audio, threading.Lock())
    lane.push(_tone(0))
    lane.close()
    lane.close()  # twice is harmless (a cancelled job and its cleanup both may call it)
    assert _lanes() == []
    out.close()
