"""An encoder fed through a queue and run on its own thread, muxing under a shared lock; started
by the media worker process's converting thread (mcdesk.media.video), never the GUI thread."""

from __future__ import annotations

import queue
import threading
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    import av.audio.frame
    import av.audio.stream
    import av.container

__all__ = ["AudioLane"]

# Frames waiting for the encoder: AAC frames are about 21 ms, so this is over a second of audio,
# enough to ride out a slow video frame without letting memory grow with the file.
QUEUE_FRAMES: Final = 64

_FLUSH: Final = object()
_STOP: Final = object()


class AudioLane:
    """Encodes audio frames and muxes their packets on a thread of its own.

    AAC encoding costs about a second of CPU per half minute of stereo, all of it on one thread;
    beside the video (decode, scale, x264) instead of between its frames it is off the path the
    wall clock follows. PyAV lets go of the GIL while FFmpeg encodes and writes, so the two really
    run at once. Every mux into `out`, from either thread, must hold `mux_lock`: the muxer is not
    thread-safe. The container's header must be written (start_encoding) before the first push,
    so that opening the encoders never races with encoding.

    An error on the lane is kept and raised in the caller's thread at the next push or at
    finish(); after one, the lane discards what it is given. close() always ends the thread."""

    def __init__(self, out: av.container.OutputContainer, stream: av.audio.stream.AudioStream,
                 mux_lock: threading.Lock) -> None:
        self._out, self._stream, self._lock = out, stream, mux_lock
        self._queue: queue.Queue[object] = queue.Queue(maxsize=QUEUE_FRAMES)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="mcdesk-audio-encode",
                                        daemon=True)
        self._thread.start()

    def push(self, frame: av.audio.frame.AudioFrame) -> None:
        """Queue one frame for encoding; raises what went wrong on the lane, if anything did."""
        self._raise_error()
        self._queue.put(frame)

    def finish(self) -> None:
        """Drain the encoder, mux its last packets and wait for the thread; raises its error."""
        if self._thread.is_alive():
            self._queue.put(_FLUSH)
            self.close()
        self._raise_error()

    def close(self) -> None:
        """End the thread once what is queued is done (encoded, or dropped after an error)."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            if self._error is not None:
                continue  # keep taking frames so a pushing thread never blocks on a full queue
            try:
                frame = None if item is _FLUSH else cast("av.audio.frame.AudioFrame", item)
                packets = self._stream.encode(frame)
                with self._lock:
                    self._out.mux(packets)
            except BaseException as exc:  # raised again in the caller's thread
                self._error = exc
