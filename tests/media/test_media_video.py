"""Trimming and compressing real (generated) videos with mcdesk.media.video."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import av
import numpy as np
import pytest

from mcdesk.core.errors import MediaError
from mcdesk.core.progress import Cancelled
from mcdesk.media.video import (
    bitrate_for_target,
    compress_video,
    estimate_compressed_bytes,
    trim_video,
)
from tests.media_factory import CancelAfter, Recorder, first_mark_times, make_video, probe

FPS = 25


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="module")
def clip(media: Path) -> Path:
    """4 s, 320x240, 25 fps, H.264 + AAC, with sync marks every second."""
    return make_video(media / "clip.mp4", seconds=4, width=320, height=240, fps=FPS,
                      sync_marks=True)


@pytest.fixture(scope="module")
def busy(media: Path) -> Path:
    """6 s of detailed 640x360 picture: enough for a bitrate target to mean something."""
    return make_video(media / "busy.mp4", seconds=6, width=640, height=360, fps=FPS, crf=16)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_trim_is_frame_accurate_with_audio(clip: Path, tmp_path: Path) -> None:
    before = _sha(clip)
    dest = tmp_path / "trimmed.mp4"
    control = Recorder()
    trim_video(clip, dest, start_s=1.0, end_s=2.5, control=control)

    info = probe(dest)
    assert info["video_codec"] == "h264"
    assert info["audio_codec"] == "aac"
    assert (info["width"], info["height"]) == (320, 240)
    assert info["fps"] == pytest.approx(FPS)
    assert info["video_s"] == pytest.approx(1.5, abs=1 / FPS + 1e-6)
    assert info["audio_s"] == pytest.approx(1.5, abs=0.05)
    assert _sha(clip) == before  # the original is untouched
    assert _leftovers(tmp_path) == []
    assert control.reports and control.reports[-1][:2] == (1500, 1500)
    assert all(msg == "Trimming video" for _, _, msg in control.reports)


def test_trim_between_frames_keeps_sound_in_sync(clip: Path, tmp_path: Path) -> None:
    dest = tmp_path / "trimmed.mp4"
    trim_video(clip, dest, start_s=1.13, end_s=3.3)
    info = probe(dest)
    assert info["video_s"] == pytest.approx(3.3 - 1.13, abs=1 / FPS + 1e-6)
    # The marks start every second at .48 in the source: in the cut, picture and sound agree.
    video_t, audio_t = first_mark_times(dest)
    assert video_t == pytest.approx(1.48 - 1.12, abs=1 / FPS + 1e-6)
    assert audio_t == pytest.approx(video_t, abs=0.5 / FPS)


@pytest.mark.parametrize(("start", "end"), [(2.0, 2.0), (3.0, 1.0), (-1.0, 1.0), (4.5, 5.0),
                                            (1.0, 9.0)])
def test_trim_refuses_an_empty_or_outside_range(clip: Path, tmp_path: Path, start: float,
                                                end: float) -> None:
    dest = tmp_path / "trimmed.mp4"
    with pytest.raises(MediaError) as caught:
        trim_video(clip, dest, start_s=start, end_s=end)
    assert caught.value.path == clip
    assert not dest.exists()
    assert _leftovers(tmp_path) == []


def test_trim_to_a_hair_past_the_end_means_to_the_end(clip: Path, tmp_path: Path) -> None:
    dest = tmp_path / "tail.mp4"
    trim_video(clip, dest, start_s=3.0, end_s=4.2)
    assert probe(dest)["video_s"] == pytest.approx(1.0, abs=1 / FPS + 1e-6)


def test_compress_to_240p_lands_near_the_estimate(busy: Path, tmp_path: Path) -> None:
    dest = tmp_path / "small.mp4"
    compress_video(busy, dest, max_height=240, video_kbps=300, audio_kbps=64)

    info = probe(dest)
    assert (info["width"], info["height"]) == (426, 240)
    assert info["video_codec"] == "h264"
    assert info["audio_codec"] == "aac"
    assert info["video_s"] == pytest.approx(6.0, abs=1 / FPS + 1e-6)
    estimate = estimate_compressed_bytes(6.0, video_kbps=300, audio_kbps=64, has_audio=True)
    assert dest.stat().st_size == pytest.approx(estimate, rel=0.35)
    # +faststart: the index comes before the media data, so playback can start at once.
    head = dest.read_bytes()[:4096]
    assert 0 <= head.find(b"moov") < 4096
    assert _leftovers(tmp_path) == []


def _luma(path: Path, size: tuple[int, int] | None = None) -> list[np.ndarray]:
    width, height = size or (None, None)
    with av.open(str(path)) as c:
        return [f.to_ndarray(format="gray", width=width, height=height,
                             interpolation="BICUBIC").astype(np.float64)
                for f in c.decode(video=0)]


def _psnr(a: np.ndarray, b: np.ndarray) -> float:
    return float(10 * np.log10(255**2 / max(np.mean((a - b) ** 2), 1e-9)))


def test_compress_scales_every_picture_in_order(tmp_path: Path) -> None:
    """One scaler serves the whole pass: each picture out is its own source picture, scaled."""
    src = make_video(tmp_path / "bars.mp4", seconds=4, width=640, height=360, fps=FPS,
                     detail=False)
    dest = tmp_path / "bars-240.mp4"
    compress_video(src, dest, max_height=240, video_kbps=500)

    wanted = _luma(src, (426, 240))
    got = _luma(dest)
    assert len(got) == len(wanted) == 4 * FPS
    assert got[0].shape == (240, 426)
    # Measured: at least 34 dB against its own picture, at most 27 dB against a neighbour.
    assert min(_psnr(a, b) for a, b in zip(wanted, got, strict=True)) > 31
    assert max(_psnr(a, b) for a, b in zip(wanted[1:], got, strict=False)) < 31


def _ts_segment(dest: Path, width: int, height: int, first: int, frames: int) -> bytes:
    """MPEG-TS bytes of `frames` pictures of a moving bar at width x height from frame `first`."""
    with av.open(str(dest), "w", format="mpegts") as out:
        stream = out.add_stream("libx264", rate=FPS, options={"preset": "ultrafast"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(first, first + frames):
            rgb = np.zeros((height, width, 3), np.uint8)
            x = index * width // (2 * FPS) % width
            rgb[:, x: x + width // 8] = 255
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = index
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return dest.read_bytes()


def test_compress_follows_a_picture_size_change_midway(tmp_path: Path) -> None:
    """Broadcast recordings change size between programmes; the one scaler follows."""
    src = tmp_path / "recording.ts"
    src.write_bytes(_ts_segment(tmp_path / "a.ts", 320, 240, 0, FPS)
                    + _ts_segment(tmp_path / "b.ts", 640, 480, FPS, FPS))
    dest = tmp_path / "recording-small.mp4"
    compress_video(src, dest, max_height=120, video_kbps=300)

    wanted = _luma(src, (160, 120))
    got = _luma(dest)
    assert len(got) == len(wanted) == 2 * FPS
    assert {g.shape for g in got} == {(120, 160)}
    assert min(_psnr(a, b) for a, b in zip(wanted, got, strict=True)) > 25


def test_compress_keeps_a_small_video_small_and_silent_stays_silent(tmp_path: Path) -> None:
    src = make_video(tmp_path / "quiet.mp4", seconds=1, width=200, height=150,
                     with_audio=False)
    dest = tmp_path / "quiet-small.mp4"
    compress_video(src, dest, max_height=480, video_kbps=200)
    info = probe(dest)
    assert (info["width"], info["height"]) == (200, 150)  # never scaled up
    assert info["audio_codec"] is None


def test_compress_follows_the_shown_orientation(tmp_path: Path) -> None:
    """A phone's portrait video is stored on its side with a rotation to show it upright."""
    src = make_video(tmp_path / "portrait.mp4", seconds=1, width=320, height=240, rotation=90)
    dest = tmp_path / "portrait-small.mp4"
    compress_video(src, dest, max_height=160, video_kbps=200)
    with av.open(str(dest)) as c:
        frame = next(c.decode(video=0))
        assert frame.rotation == 90
        assert (frame.width, frame.height) == (160, 120)  # shown as 120 x 160


def test_estimate_and_target_agree() -> None:
    assert estimate_compressed_bytes(60, video_kbps=1000, audio_kbps=128,
                                     has_audio=True) == pytest.approx(60 * 1128 * 125, rel=0.02)
    kbps = bitrate_for_target(600, 100_000_000, 128, True)
    size = estimate_compressed_bytes(600, video_kbps=kbps, audio_kbps=128, has_audio=True)
    assert 0.99 * 100_000_000 <= size <= 100_000_000
    assert bitrate_for_target(600, 100_000_000, 128, False) == kbps + 128
    assert bitrate_for_target(3600, 1_000_000, 128, True) == 100  # out of reach: the floor
    with pytest.raises(ValueError):
        bitrate_for_target(0, 1_000_000, 128, True)


@pytest.mark.parametrize("job", ["trim", "compress"])
def test_cancel_leaves_no_file(busy: Path, tmp_path: Path, job: str) -> None:
    dest = tmp_path / "out.mp4"
    control = CancelAfter(3)
    with pytest.raises(Cancelled):
        if job == "trim":
            trim_video(busy, dest, start_s=0.5, end_s=5.5, control=control)
        else:
            compress_video(busy, dest, max_height=240, video_kbps=300, control=control)
    assert len(control.reports) == 4
    assert not dest.exists()
    assert _leftovers(tmp_path) == []
    # The audio is encoded on a thread of its own: cancelling ends it too.
    assert [t for t in threading.enumerate() if t.name == "mcdesk-audio-encode"] == []


def test_garbage_and_truncated_input_is_a_clear_error(clip: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "holiday.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64)
    truncated = tmp_path / "lesson.mp4"
    truncated.write_bytes(clip.read_bytes()[: clip.stat().st_size // 2])
    streamable = tmp_path / "streamable.mp4"
    compress_video(clip, streamable, max_height=None, video_kbps=400)
    cut_streamable = tmp_path / "cut-streamable.mp4"
    cut_streamable.write_bytes(streamable.read_bytes()[: streamable.stat().st_size // 2])

    for bad in (garbage, truncated, cut_streamable, tmp_path / "missing.mp4"):
        dest = tmp_path / f"out-{bad.stem}.mp4"
        with pytest.raises(MediaError) as caught:
            compress_video(bad, dest, max_height=240, video_kbps=300)
        assert caught.value.path == bad
        assert bad.name in str(caught.value)
        assert not dest.exists()
    with pytest.raises(MediaError):
        trim_video(truncated, tmp_path / "out.mp4", start_s=0, end_s=1)
    assert _leftovers(tmp_path) == []


def test_a_version_never_overwrites_its_original(clip: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.mp4"
    copy.write_bytes(clip.read_bytes())
    with pytest.raises(MediaError):
        compress_video(copy, copy, max_height=240, video_kbps=300)
    assert _sha(copy) == _sha(clip)
