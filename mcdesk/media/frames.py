"""Grabs one video frame as PNG bytes (for review screens); runs in an isolated worker process."""

from __future__ import annotations

import io
from pathlib import Path

from mcdesk.core.errors import MediaError


def frame_png(path: Path, at_s: float, *, max_side: int = 1280) -> bytes:
    """The frame shown at `at_s` seconds (the nearest decodable one), scaled to `max_side`."""
    import av
    from PIL import Image

    try:
        with av.open(str(path)) as container:
            if not container.streams.video:
                raise MediaError("this file has no picture", path=path)
            stream = container.streams.video[0]
            time_base = stream.time_base
            if time_base is not None and at_s > 0:
                container.seek(int(at_s / time_base), stream=stream, backward=True)
            chosen = None
            for frame in container.decode(stream):
                chosen = frame
                if frame.time is not None and frame.time >= at_s:
                    break
            if chosen is None:
                raise MediaError(f"no picture found at {at_s:.1f} s", path=path)
            image = Image.fromarray(chosen.to_ndarray(format="rgb24"))
    except av.FFmpegError as exc:
        raise MediaError("this video cannot be read; it may be truncated or damaged",
                         path=path) from exc
    image.thumbnail((max_side, max_side))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
