"""Finding and blurring faces in a real photo (scikit-image's astronaut) and a video of it."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import FaceRegion, Rect
from mcdesk.core.progress import Cancelled
from mcdesk.media.faces import (
    _link,
    blur_image,
    blur_video,
    detect_faces_in_image,
    detect_faces_in_video,
    redact_image,
)
from tests.media_factory import (
    CancelAfter,
    Recorder,
    astronaut_rgb,
    frame_at,
    make_photo,
    make_video,
    probe,
)

# Where the astronaut's face is in the 512x512 photo (x0, y0, x1, y1), checked by eye.
FACE = (185, 75, 265, 165)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("faces")


@pytest.fixture(scope="module")
def photo(media: Path) -> Path:
    return make_photo(media / "astronaut.jpg", astronaut_rgb(), gps=True)


@pytest.fixture(scope="module")
def face_video(media: Path) -> Path:
    """2 s of the photo as a still video, with a sine tone."""
    return make_video(media / "astronaut.mp4", still=astronaut_rgb(), seconds=2, fps=25)


def _covers(rect: Rect, box: tuple[int, int, int, int]) -> bool:
    return (rect.x <= box[0] and rect.y <= box[1] and rect.x + rect.width >= box[2]
            and rect.y + rect.height >= box[3])


def _overlaps(rect: Rect, box: tuple[int, int, int, int]) -> bool:
    return (rect.x < box[2] and box[0] < rect.x + rect.width and rect.y < box[3]
            and box[1] < rect.y + rect.height)


def _crop(pixels: np.ndarray[Any, Any], box: tuple[int, int, int, int]) -> np.ndarray[Any, Any]:
    return pixels[box[1]:box[3], box[0]:box[2]].astype(np.float32)


def _detail(pixels: np.ndarray[Any, Any]) -> float:
    """How much fine detail (edges) a patch has: mean absolute difference of neighbours."""
    grey = pixels.mean(axis=2) if pixels.ndim == 3 else pixels
    return float(np.abs(np.diff(grey, axis=0)).mean() + np.abs(np.diff(grey, axis=1)).mean())


def _rgb(path: Path) -> np.ndarray[Any, Any]:
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def test_finds_the_face_in_a_photo(photo: Path) -> None:
    faces = detect_faces_in_image(photo)
    assert len(faces) == 1
    assert _covers(faces[0], FACE)
    assert faces[0].width < 200 and faces[0].height < 200


def test_face_boxes_follow_the_exif_orientation(media: Path) -> None:
    # Stored on its side; EXIF orientation 8 says "turn 90° counter-clockwise to show".
    sideways = np.ascontiguousarray(np.rot90(astronaut_rgb(), -1))
    photo = make_photo(media / "sideways.jpg", sideways, orientation=8)
    faces = detect_faces_in_image(photo)
    assert faces and any(_covers(f, FACE) for f in faces)


def test_blur_hides_the_face_and_drops_metadata(photo: Path, tmp_path: Path) -> None:
    before = photo.read_bytes()
    faces = detect_faces_in_image(photo)
    dest = tmp_path / "blurred.jpg"
    control = Recorder()
    blur_image(photo, dest, faces, control=control)

    original, blurred = _rgb(photo), _rgb(dest)
    assert blurred.shape == original.shape
    face_before, face_after = _crop(original, FACE), _crop(blurred, FACE)
    assert np.abs(face_before - face_after).mean() > 20
    assert _detail(face_after) < 0.25 * _detail(face_before)
    # Away from the face the picture is the same (up to JPEG re-compression).
    corner = (350, 300, 500, 500)
    assert np.abs(_crop(original, corner) - _crop(blurred, corner)).mean() < 4
    assert not any(_overlaps(f, FACE) for f in detect_faces_in_image(dest))
    with Image.open(dest) as im:
        assert not im.getexif()
        assert "exif" not in im.info
    with Image.open(photo) as im:
        assert im.getexif().get(0x8825)  # the source had a GPS position...
    assert photo.read_bytes() == before  # ...and is untouched
    assert control.reports[-1][:2] == (1, 1)
    assert not list(tmp_path.glob("*.part"))


def test_redact_paints_solid_black(photo: Path, tmp_path: Path) -> None:
    rect = Rect(x=170, y=60, width=110, height=120)
    dest = tmp_path / "redacted.png"
    redact_image(photo, dest, [rect, Rect(x=500, y=500, width=40, height=40)])
    pixels = _rgb(dest)
    assert (pixels[60:180, 170:280] == 0).all()
    assert (pixels[500:, 500:] == 0).all()  # clipped to the picture, not an error
    assert pixels[200:, :100].mean() > 30
    with Image.open(dest) as im:
        assert not im.getexif()


def test_unreadable_photo_is_a_clear_error(tmp_path: Path, photo: Path) -> None:
    broken = tmp_path / "class-photo.jpg"
    broken.write_bytes(photo.read_bytes()[:2000])
    garbage = tmp_path / "notes.png"
    garbage.write_bytes(b"not a picture at all")
    for bad in (broken, garbage):
        with pytest.raises(MediaError) as caught:
            detect_faces_in_image(bad)
        assert caught.value.path == bad and bad.name in str(caught.value)
        dest = tmp_path / f"out-{bad.stem}.jpg"
        with pytest.raises(MediaError):
            blur_image(bad, dest, [Rect(0, 0, 10, 10)])
        assert not dest.exists()
    assert not list(tmp_path.glob("*.part"))


def test_cancelled_photo_blur_leaves_nothing(photo: Path, tmp_path: Path) -> None:
    dest = tmp_path / "blurred.jpg"
    with pytest.raises(Cancelled):
        blur_image(photo, dest, [Rect(0, 0, 50, 50)] * 3, control=CancelAfter(1))
    assert list(tmp_path.iterdir()) == []


def test_finds_the_face_in_a_video(face_video: Path) -> None:
    control = Recorder()
    regions = detect_faces_in_video(face_video, sample_every_s=0.5, control=control)
    assert len(regions) == 1
    region = regions[0]
    assert _covers(region.rect, FACE)
    assert region.start_s == pytest.approx(0.0)
    assert region.end_s is not None and region.end_s >= 1.9
    assert len(control.reports) >= 4
    assert control.reports[-1][0] == control.reports[-1][1]


def test_blur_video_keeps_sound_and_length(face_video: Path, tmp_path: Path) -> None:
    dest = tmp_path / "blurred.mp4"
    blur_video(face_video, dest, [FaceRegion(rect=Rect(160, 45, 130, 140))])
    before, after = probe(face_video), probe(dest)
    assert after["audio_codec"] == "aac"
    assert after["video_codec"] == "h264"
    assert after["audio_s"] == pytest.approx(before["audio_s"], abs=0.1)
    assert after["video_s"] == pytest.approx(before["video_s"], abs=0.1)
    assert after["frames"] == before["frames"]
    original, blurred = frame_at(face_video, 1.0), frame_at(dest, 1.0)
    assert np.abs(_crop(original, FACE) - _crop(blurred, FACE)).mean() > 20
    assert _detail(_crop(blurred, FACE)) < 0.25 * _detail(_crop(original, FACE))
    corner = (350, 300, 500, 500)
    assert np.abs(_crop(original, corner) - _crop(blurred, corner)).mean() < 4
    assert not list(tmp_path.glob("*.part"))


def test_blur_video_only_during_the_region_time(face_video: Path, tmp_path: Path) -> None:
    regions = detect_faces_in_video(face_video)
    timed = [FaceRegion(rect=r.rect, start_s=0.0, end_s=0.8) for r in regions]
    dest = tmp_path / "partly.mp4"
    blur_video(face_video, dest, timed)
    original = frame_at(face_video, 0.4)
    early, late = frame_at(dest, 0.4), frame_at(dest, 1.6)
    assert np.abs(_crop(original, FACE) - _crop(early, FACE)).mean() > 20
    assert np.abs(_crop(original, FACE) - _crop(late, FACE)).mean() < 4


def test_cancelled_video_blur_leaves_nothing(face_video: Path, tmp_path: Path) -> None:
    dest = tmp_path / "blurred.mp4"
    with pytest.raises(Cancelled):
        blur_video(face_video, dest, [FaceRegion(rect=Rect(160, 45, 130, 140))],
                   control=CancelAfter(2))
    assert list(tmp_path.iterdir()) == []


def test_detect_in_a_damaged_video_is_a_clear_error(face_video: Path, tmp_path: Path) -> None:
    bad = tmp_path / "recess.mp4"
    bad.write_bytes(face_video.read_bytes()[:3000])
    with pytest.raises(MediaError) as caught:
        detect_faces_in_video(bad)
    assert caught.value.path == bad


def test_linking_follows_faces_and_splits_long_walks() -> None:
    still = (100, 100, 150, 150)
    samples: list[tuple[float, list[tuple[int, int, int, int]]]] = []
    for i in range(12):  # a face that stays, and one that walks right from t = 1 s
        t = i * 0.5
        boxes = [still]
        if 2 <= i <= 9:
            x = 300 + (i - 2) * 40
            boxes.append((x, 100, x + 50, 150))
        samples.append((t, boxes))
    samples.append((6.0, []))
    samples.append((8.0, [still]))  # back after a long gap: a new region
    regions = _link(samples, 0.5, duration=8.2)

    staying = [r for r in regions if r.rect.x == 100]
    assert [(r.start_s, r.end_s) for r in staying] == [(0.0, 6.0), (7.5, 8.2)]
    walking = [r for r in regions if r.rect.x != 100]
    assert len(walking) >= 2  # split so that no region blurs half the room
    assert walking[0].start_s == pytest.approx(0.5)
    assert max(r.end_s or 0 for r in walking) == pytest.approx(5.0)
    for r in walking:
        assert r.rect.width <= 4 * 50
    covered = sorted((r.start_s or 0, r.end_s or 0) for r in walking)
    for (_, end), (start, _) in itertools.pairwise(covered):
        assert start <= end  # no gap in time between the pieces
