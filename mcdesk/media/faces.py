"""Finding faces (OpenCV Haar) and blurring or blacking them out in pictures; worker process."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import FaceRegion, Rect
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.media.video import open_input_video, output_file, reencode_video

if TYPE_CHECKING:
    import av.video.frame
    import numpy as np
    from PIL import Image

    Pixels = np.ndarray[Any, Any]

__all__ = [
    "blur_image",
    "blur_video",
    "detect_faces_in_image",
    "detect_faces_in_video",
    "redact_image",
]

# Photos are searched at most this many pixels on the long side (faster, fewer false hits).
DETECT_MAX_SIDE = 1600
# Video frames are searched at most this large (720p frames are searched as they are).
VIDEO_DETECT_MAX_SIDE = 1280
# Smallest face searched for, in pixels of the searched picture.
MIN_FACE = 24
# Scale step between detector passes: finer for photos, coarser (twice as fast) for video.
PHOTO_STEP = 1.1
VIDEO_STEP = 1.15
# A found face box is widened by this fraction on each side (hair, ears, chin).
PAD_X = 0.20
PAD_Y = 0.25
# A track of one face is split when its covering box grows past this many face areas.
MAX_TRACK_GROWTH = 3.0
# The obscured patch keeps about this many blocks across a face: nothing recognisable.
BLUR_BLOCKS = 6

_Box = tuple[int, int, int, int]  # x0, y0, x1, y1


# --- pictures in, boxes out ------------------------------------------------------------


@functools.cache
def _cascades() -> tuple[Any, Any]:
    import cv2
    import cv2.data

    base = Path(cv2.data.haarcascades)
    frontal = cv2.CascadeClassifier(str(base / "haarcascade_frontalface_alt2.xml"))
    profile = cv2.CascadeClassifier(str(base / "haarcascade_profileface.xml"))
    if frontal.empty() or profile.empty():  # pragma: no cover - broken OpenCV install
        raise MediaError("the face detector files are missing from the OpenCV installation")
    return frontal, profile


def _find_boxes(gray: Pixels, max_side: int, step: float = 1.1) -> list[_Box]:
    """Face boxes (padded, merged) in a grey picture, in its own pixel coordinates."""
    import cv2
    import numpy as np

    height, width = gray.shape[:2]
    scale = min(1.0, max_side / max(height, width))
    small = gray
    if scale < 1.0:
        small = cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))),
                           interpolation=cv2.INTER_AREA)
    small = cv2.equalizeHist(small)
    frontal, profile = _cascades()
    found: list[_Box] = []
    sw = small.shape[1]
    for cascade, flip in ((frontal, False), (profile, False), (profile, True)):
        picture = np.ascontiguousarray(small[:, ::-1]) if flip else small
        hits = cascade.detectMultiScale(picture, scaleFactor=step, minNeighbors=4,
                                        minSize=(MIN_FACE, MIN_FACE))
        for x, y, w, h in hits:
            x0 = sw - (int(x) + int(w)) if flip else int(x)
            found.append((x0, int(y), x0 + int(w), int(y) + int(h)))
    boxes = [(round(x0 / scale), round(y0 / scale), round(x1 / scale), round(y1 / scale))
             for x0, y0, x1, y1 in _merge(found)]
    # Padded boxes that now overlap are one face seen twice (say frontal and profile).
    return _merge([_pad(box, width, height) for box in boxes])


def _area(b: _Box) -> int:
    return max(0, b[2] - b[0]) * max(0, b[3] - b[1])


def _intersection(a: _Box, b: _Box) -> int:
    return _area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))


def _iou(a: _Box, b: _Box) -> float:
    inter = _intersection(a, b)
    union = _area(a) + _area(b) - inter
    return inter / union if union else 0.0


def _union(a: _Box, b: _Box) -> _Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _merge(boxes: Sequence[_Box]) -> list[_Box]:
    """Join boxes that overlap (the same face seen by several cascades or scales)."""
    merged = list(boxes)
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            for j in range(i + 1, len(merged)):
                a, b = merged[i], merged[j]
                small = min(_area(a), _area(b)) or 1
                if _iou(a, b) > 0.3 or _intersection(a, b) / small > 0.5:
                    merged[i] = _union(a, b)
                    del merged[j]
                    changed = True
                    break
            if changed:
                break
    return merged


def _pad(box: _Box, width: int, height: int) -> _Box:
    x0, y0, x1, y1 = box
    px, py = round((x1 - x0) * PAD_X), round((y1 - y0) * PAD_Y)
    return (max(0, x0 - px), max(0, y0 - py), min(width, x1 + px), min(height, y1 + py))


def _rect(box: _Box) -> Rect:
    return Rect(x=box[0], y=box[1], width=box[2] - box[0], height=box[3] - box[1])


def _box(rect: Rect, sx: float = 1.0, sy: float = 1.0) -> _Box:
    return (math.floor(rect.x * sx), math.floor(rect.y * sy),
            math.ceil((rect.x + rect.width) * sx), math.ceil((rect.y + rect.height) * sy))


# --- photos ----------------------------------------------------------------------------


def _load_upright(path: Path) -> Image.Image:
    """The photo as shown (EXIF orientation applied), decoded; MediaError if unreadable."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    with suppress(ImportError):
        import pillow_heif

        pillow_heif.register_heif_opener()
    if not path.is_file():
        raise MediaError("the file does not exist", path=path)
    try:
        with Image.open(path) as im:
            im.load()
            upright = ImageOps.exif_transpose(im)
            upright.load()
            return upright
    except UnidentifiedImageError as exc:
        raise MediaError("is not a picture mcdesk can read", path=path) from exc
    except Image.DecompressionBombError as exc:
        raise MediaError("is too large a picture to open safely", path=path) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise MediaError(f"could not be read: the picture is damaged or incomplete ({exc})",
                         path=path) from exc


def detect_faces_in_image(path: Path, *, control: JobControl = NULL_CONTROL) -> list[Rect]:
    """Faces in a photo, as padded rectangles in the photo as shown (EXIF orientation)."""
    import numpy as np

    control.check_cancelled()
    image = _load_upright(path)
    gray = np.asarray(image.convert("L"))
    control.check_cancelled()
    boxes = _find_boxes(gray, DETECT_MAX_SIDE, PHOTO_STEP)
    control.progress(1, 1, "Looking for faces")
    return [_rect(b) for b in boxes]


def _obscure(pixels: Pixels, box: _Box) -> None:
    """Make the box unrecognisable in place: coarse blocks, then smoothed together."""
    import cv2

    height, width = pixels.shape[:2]
    x0, y0 = max(0, box[0]), max(0, box[1])
    x1, y1 = min(width, box[2]), min(height, box[3])
    if x1 <= x0 or y1 <= y0:
        return
    roi = pixels[y0:y1, x0:x1]
    h, w = roi.shape[:2]
    block = max(2, max(w, h) // BLUR_BLOCKS)
    cols, rows = max(1, round(w / block)), max(1, round(h / block))
    coarse = cv2.resize(roi, (cols, rows), interpolation=cv2.INTER_AREA)
    # Blurring the few coarse blocks (cheap) and spreading them smoothly over the patch
    # leaves soft colour only: no block edges an eye or a program could read a face from.
    coarse = cv2.GaussianBlur(coarse, (3, 3), 0.8, borderType=cv2.BORDER_REPLICATE)
    smooth = cv2.resize(coarse, (w, h), interpolation=cv2.INTER_LINEAR)
    roi[...] = smooth.reshape(roi.shape)


def _save_clean(pixels: Pixels, dest: Path, part: Path) -> None:
    """Write pixels in the format dest's extension names, with no metadata at all."""
    from PIL import Image

    fmt = Image.registered_extensions().get(dest.suffix.lower())
    if fmt not in ("JPEG", "PNG", "WEBP", "TIFF", "BMP"):
        raise MediaError("the new picture needs a .jpg, .png, .webp, .tif or .bmp name",
                         path=dest)
    image = Image.fromarray(pixels)  # a fresh image: no EXIF, GPS, XMP or comments
    if fmt in ("JPEG", "BMP") and image.mode != "RGB":
        image = image.convert("RGB")
    options: dict[str, Any] = {"quality": 92} if fmt in ("JPEG", "WEBP") else {}
    image.save(part, fmt, **options)


def _pixels(image: Image.Image) -> Pixels:
    import numpy as np

    mode = "RGBA" if "A" in image.getbands() else "RGB"
    return np.array(image.convert(mode))


def blur_image(src: Path, dest: Path, regions: list[Rect], *,
               control: JobControl = NULL_CONTROL) -> None:
    """Write a copy of the photo with each region made unrecognisable and no metadata."""
    control.check_cancelled()
    with output_file(dest, src=src) as part:
        pixels = _pixels(_load_upright(src))
        for done, rect in enumerate(regions):
            control.check_cancelled()
            control.progress(done, len(regions), "Blurring faces")
            _obscure(pixels, _box(rect))
        control.check_cancelled()
        _save_clean(pixels, dest, part)
        control.progress(len(regions), len(regions), "Blurring faces")


def redact_image(src: Path, dest: Path, rects: list[Rect], *,
                 control: JobControl = NULL_CONTROL) -> None:
    """Write a copy of the photo with each rectangle filled solid black and no metadata."""
    control.check_cancelled()
    with output_file(dest, src=src) as part:
        pixels = _pixels(_load_upright(src))
        height, width = pixels.shape[:2]
        for rect in rects:
            x0, y0, x1, y1 = _box(rect)
            pixels[max(0, y0):min(height, y1), max(0, x0):min(width, x1), :3] = 0
        control.check_cancelled()
        _save_clean(pixels, dest, part)
        control.progress(1, 1, "Blacking out")


# --- videos ----------------------------------------------------------------------------


@dataclass
class _Track:
    """One face followed from sample to sample; emitted in pieces of bounded size."""

    start: float
    last_t: float
    last_box: _Box
    cover: _Box
    face_area: int
    pieces: list[FaceRegion] = field(default_factory=list)


def _close_piece(track: _Track, step: float, duration: float | None) -> FaceRegion:
    end = track.last_t + step
    if duration is not None:
        end = min(end, duration)
    return FaceRegion(rect=_rect(track.cover), start_s=max(0.0, track.start - step), end_s=end)


def _link(samples: list[tuple[float, list[_Box]]], step: float,
          duration: float | None) -> list[FaceRegion]:
    """Join detections over time: a face matches the track whose last box it overlaps most."""
    max_gap = max(2.5 * step, 1.0)
    active: list[_Track] = []
    regions: list[FaceRegion] = []
    for t, boxes in samples:
        still: list[_Track] = []
        for track in active:  # a face unseen for too long has left; if it comes back: new
            if t - track.last_t > max_gap:
                regions.append(_close_piece(track, step, duration))
            else:
                still.append(track)
        active = still
        pairs = []
        for ti, track in enumerate(active):
            for bi, box in enumerate(boxes):
                iou = _iou(track.last_box, box)
                lb = track.last_box
                dx = (lb[0] + lb[2] - box[0] - box[2]) / 2
                dy = (lb[1] + lb[3] - box[1] - box[3]) / 2
                near = math.hypot(dx, dy) < max(lb[2] - lb[0], box[2] - box[0])
                if iou > 0.1 or near:
                    pairs.append((iou, -math.hypot(dx, dy), ti, bi))
        used_tracks: set[int] = set()
        used_boxes: set[int] = set()
        for _, _, ti, bi in sorted(pairs, reverse=True):
            if ti in used_tracks or bi in used_boxes:
                continue
            used_tracks.add(ti)
            used_boxes.add(bi)
            track, box = active[ti], boxes[bi]
            grown = _union(track.cover, box)
            face_area = max(track.face_area, _area(box))
            if _area(grown) > MAX_TRACK_GROWTH * face_area:  # moving a lot: a new piece
                regions.append(_close_piece(track, step, duration))
                track.start = track.last_t
                grown = _union(track.last_box, box)
            track.cover, track.face_area = grown, face_area
            track.last_t, track.last_box = t, box
        for bi, box in enumerate(boxes):
            if bi not in used_boxes:
                active.append(_Track(start=t, last_t=t, last_box=box, cover=box,
                                     face_area=_area(box)))
    regions.extend(_close_piece(track, step, duration) for track in active)
    regions.sort(key=lambda r: (r.start_s or 0.0, r.rect.y, r.rect.x))
    return regions


def _upright(pixels: Pixels, rotation: int) -> Pixels:
    """A decoded frame turned as it is shown (rotation: the stream's display rotation)."""
    import numpy as np

    turns = (rotation % 360) // 90
    return np.ascontiguousarray(np.rot90(pixels, turns)) if turns else pixels


def detect_faces_in_video(path: Path, *, sample_every_s: float = 0.5,
                          control: JobControl = NULL_CONTROL) -> list[FaceRegion]:
    """Faces in a video, one region per face and stretch of time, in picture-as-shown pixels.

    A frame is searched every sample_every_s; a region spans from one sample before its first
    sighting to one sample after its last, and covers every place the face was seen."""
    import av

    if sample_every_s <= 0:
        raise ValueError("sample_every_s must be positive")
    samples: list[tuple[float, list[_Box]]] = []
    inp = open_input_video(path)
    try:
        vin = inp.streams.video[0]
        vin.thread_type = "AUTO"
        duration = None
        if vin.duration and vin.time_base:
            duration = float(vin.duration * vin.time_base)
        elif inp.duration:
            duration = inp.duration / 1_000_000
        total_ms = round(duration * 1000) if duration else None
        next_sample = 0.0
        frames = inp.decode(vin)
        while True:
            control.check_cancelled()
            try:
                frame = next(frames)
            except StopIteration:
                break
            except av.FFmpegError as exc:
                raise MediaError("could not be decoded; the file may be damaged or "
                                 f"incomplete ({exc})", path=path) from exc
            t = frame.time
            if t is None or t + 1e-6 < next_sample:
                continue
            next_sample = t + sample_every_s
            gray = _upright(frame.to_ndarray(format="gray"), frame.rotation)
            samples.append((t, _find_boxes(gray, VIDEO_DETECT_MAX_SIDE, VIDEO_STEP)))
            done = round(t * 1000)
            control.progress(min(done, total_ms) if total_ms else done, total_ms,
                             "Looking for faces")
    finally:
        inp.close()
    if not samples:
        raise MediaError("has no pictures that could be decoded", path=path)
    if total_ms is not None:
        control.progress(total_ms, total_ms, "Looking for faces")
    return _link(samples, sample_every_s, duration)


def _geometry(path: Path) -> tuple[int, int, int]:
    """Width and height of the source video's pictures as shown, and its display rotation."""
    import av

    inp = open_input_video(path)
    try:
        vin = inp.streams.video[0]
        try:
            frame = next(inp.decode(vin))
        except (StopIteration, av.FFmpegError) as exc:
            raise MediaError("has no pictures that could be decoded", path=path) from exc
        width, height = frame.width, frame.height
        sar = vin.codec_context.sample_aspect_ratio
        if sar is not None and sar > 0 and sar != 1:
            width = round(width * sar)
        rotation = frame.rotation
        return (height, width, rotation) if rotation % 180 else (width, height, rotation)
    finally:
        inp.close()


def blur_video(src: Path, dest: Path, regions: list[FaceRegion], *,
               control: JobControl = NULL_CONTROL) -> None:
    """Re-encode the video with each region blurred during its time span (None: throughout).

    Regions are in pixels of the picture as shown; sound is kept, the duration is the same."""
    import av

    control.check_cancelled()
    shown_w, shown_h, rotation = _geometry(src)
    eps = 1e-3

    def blur(picture: av.video.frame.VideoFrame, t: float) -> av.video.frame.VideoFrame:
        active = [r.rect for r in regions
                  if (r.start_s is None or r.start_s - eps <= t)
                  and (r.end_s is None or t <= r.end_s + eps)]
        if not active:
            return picture
        pixels = _upright(picture.to_ndarray(format="rgb24"), rotation)
        sx, sy = pixels.shape[1] / shown_w, pixels.shape[0] / shown_h
        for rect in active:
            _obscure(pixels, _box(rect, sx, sy))
        pixels = _upright(pixels, -rotation)
        return av.VideoFrame.from_ndarray(pixels, format="rgb24").reformat(format="yuv420p")

    reencode_video(src, dest, frame_filter=blur, control=control, message="Blurring faces")
