"""mcdesk's own tus 1.0 client (OPTIONS, POST creation, HEAD, PATCH from the server's offset
in fixed-size slices streamed from the file, DELETE), over a requests session; worker thread
(one upload at a time per client).

Failures come out as core sync errors: LoginNeeded (401, never retried blindly), Rejected
(413, 415 and other 4xx, with the server's problem detail), TransientError (5xx, 408, 429,
timeouts, cut connections; Retry-After kept). Within one call an upload resumes by itself,
from the offset the server reports, after a failure that followed some progress; an upload
URL the server forgot (404, 410) starts the file again, an offset mismatch (409) asks the
offset again, a checksum mismatch (460) sends the file again from its first byte."""

from __future__ import annotations

import base64
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO
from urllib.parse import urljoin, urlsplit

import requests

from mcdesk.core.errors import McdeskError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.sync import ProtocolError, Rejected, TransientError
from mcdesk.sync.http import DEFAULT_TIMEOUT, make_session, raise_for, transport_errors

log = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
# Bytes per PATCH: a dropped link costs at most this much.
SLICE_SIZE = 8 * 1024 * 1024
# Bytes read from the file at a time inside a slice (memory use, cancel granularity).
READ_SIZE = 256 * 1024
# Waits (seconds) before resuming after a failure, indexed by how many failures in a row
# moved the server's offset nowhere; as tus-js-client does, any progress starts it again, so
# a link that drops every few megabytes still finishes in one call.
RETRY_DELAYS: tuple[float, ...] = (0.0, 1.0, 3.0, 5.0)
# Resumes within one call in all (a bound on a link that keeps moving a few bytes at a time).
MAX_RESUMES = 10_000
# The smallest PATCH: a slice that keeps breaking is halved down to this, so a server that
# drops the bytes of a broken request still advances between cuts.
MIN_SLICE_SIZE = 256 * 1024
# Times a file is sent again from its first byte after the server found it damaged (460).
MAX_CHECKSUM_RESTARTS = 2
# Times the offset is asked again after a 409 before giving up for this pass.
MAX_OFFSET_RETRIES = 3
CHECKSUM_MISMATCH = 460


@dataclass(frozen=True)
class TusOptions:
    """What OPTIONS says about the server."""

    version: tuple[str, ...]
    extensions: tuple[str, ...]
    max_size: int | None


@dataclass(frozen=True)
class UploadFile:
    """One file to upload: its size, a way to open it from the start, its metadata (text
    values, base64-encoded on the wire) and a label for messages (its path in the bag)."""

    label: str
    size: int
    opener: Callable[[], BinaryIO]
    metadata: Mapping[str, str]
    sha256: str | None = None  # checked locally when the whole file streams in one go


@dataclass(frozen=True)
class UploadResult:
    url: str
    bytes_sent: int  # bytes this call put on the wire (what a resume re-sent included)
    created: int  # uploads created by this call (0 when it resumed a stored URL)


class _Gone(Exception):  # noqa: N818 - internal signal
    """The upload URL is unknown or expired (404, 410)."""


class _OffsetMismatch(Exception):  # noqa: N818 - internal signal
    """409: the server's offset is not the one sent."""


class _ChecksumMismatch(Exception):  # noqa: N818 - internal signal
    """460: the server discarded the upload, its bytes did not match the sha256."""


class _LocalReadError(Exception):
    """Reading the local file failed; never an OSError, so the HTTP stack does not take it
    for a network failure."""

    def __init__(self, error: OSError) -> None:
        self.error = error
        super().__init__(str(error))


def encode_metadata(metadata: Mapping[str, str]) -> str:
    """Upload-Metadata: `key base64(value)` pairs, comma-separated."""
    parts = []
    for key, value in metadata.items():
        if not key or not key.isascii() or any(c in key for c in " ,"):
            raise ValueError(f"not a valid tus metadata key: {key!r}")
        parts.append(f"{key} {base64.b64encode(value.encode('utf-8')).decode('ascii')}")
    return ",".join(parts)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


class _SliceBody:
    """The body of one PATCH: `length` bytes of `handle` from `start`, read in small pieces,
    checking for cancellation and reporting bytes as they go out."""

    def __init__(self, handle: BinaryIO, start: int, length: int, control: JobControl,
                 on_bytes: Callable[[int], None], read_size: int,
                 digest: hashlib._Hash | None) -> None:
        self._handle = handle
        self._start = start
        self._length = length
        self._control = control
        self._on_bytes = on_bytes
        self._read_size = read_size
        self._digest = digest
        self.sent = 0

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[bytes]:
        try:
            self._handle.seek(self._start)
        except OSError as exc:
            raise _LocalReadError(exc) from exc
        left = self._length
        while left > 0:
            self._control.check_cancelled()
            try:
                piece = self._handle.read(min(self._read_size, left))
            except OSError as exc:
                raise _LocalReadError(exc) from exc
            if not piece:
                raise _LocalReadError(OSError(f"the file ended {left} bytes early"))
            left -= len(piece)
            if self._digest is not None:
                self._digest.update(piece)
            yield piece
            self.sent += len(piece)
            self._on_bytes(len(piece))


class TusClient:
    """Uploads files to one tus server. `headers` (e.g. Authorization) are sent only to URLs
    on the same origin as `auth_origin`, never to another host a Location points to."""

    def __init__(self, session: requests.Session | None = None, *, server: str = "the server",
                 headers: Mapping[str, str] | None = None, auth_origin: str | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT, slice_size: int = SLICE_SIZE,
                 read_size: int = READ_SIZE, max_resumes: int = MAX_RESUMES,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._owns_session = session is None
        self._session = session or make_session()
        self._server = server
        self._headers = dict(headers or {})
        self._auth_origin = _origin(auth_origin) if auth_origin else None
        self._timeout = timeout
        self.slice_size = slice_size
        self._read_size = read_size
        self._max_resumes = max_resumes
        self._retry_delays = retry_delays
        self._sleep = sleep

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def __enter__(self) -> TusClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- single requests ------------------------------------------------------------------

    def _headers_for(self, url: str, extra: Mapping[str, str]) -> dict[str, str]:
        headers = {"Tus-Resumable": TUS_VERSION}
        if self._headers and (self._auth_origin is None or _origin(url) == self._auth_origin):
            headers.update(self._headers)
        headers.update(extra)
        return headers

    def _request(self, method: str, url: str, what: str, *,
                 headers: Mapping[str, str] | None = None,
                 data: Iterable[bytes] | None = None) -> requests.Response:
        with transport_errors(what):
            return self._session.request(method, url, headers=self._headers_for(url, headers or {}),
                                         data=data, timeout=self._timeout,
                                         allow_redirects=False)

    def options(self, endpoint: str) -> TusOptions:
        response = self._request("OPTIONS", endpoint, "asking the upload server what it "
                                                      "supports")
        with response:
            raise_for(response, server=self._server, what="tus OPTIONS")
            return TusOptions(
                version=_listed(response.headers.get("Tus-Version")) or (TUS_VERSION,),
                extensions=_listed(response.headers.get("Tus-Extension")),
                max_size=_int_header(response, "Tus-Max-Size"))

    def create(self, endpoint: str, size: int, metadata: Mapping[str, str],
               label: str = "") -> str:
        """A new upload of `size` bytes; its absolute URL."""
        response = self._request("POST", endpoint, f"starting the upload of {label}", headers={
            "Upload-Length": str(size), "Upload-Metadata": encode_metadata(metadata),
            "Content-Length": "0"})
        with response:
            raise_for(response, server=self._server, what=f"starting the upload of {label}",
                      file=label or None)
            location = response.headers.get("Location")
            if response.status_code != 201 or not location:
                raise ProtocolError(f"starting the upload of {label}: the server answered "
                                    f"{response.status_code} without an upload address")
            return urljoin(endpoint, location)

    def offset(self, url: str, label: str = "") -> int | None:
        """How many bytes the server holds of the upload at `url`; None when it does not know
        the upload (expired, removed, never made)."""
        response = self._request("HEAD", url, f"asking how much of {label} arrived",
                                 headers={"Cache-Control": "no-store"})
        with response:
            if response.status_code in (404, 410, 403):
                return None
            raise_for(response, server=self._server,
                      what=f"asking how much of {label} arrived", file=label or None)
            value = _int_header(response, "Upload-Offset")
            if value is None or value < 0:
                raise ProtocolError(f"asking how much of {label} arrived: the server gave no "
                                    "Upload-Offset")
            return value

    def terminate(self, url: str, label: str = "") -> None:
        """Ask the server to discard an upload (termination); an unknown one is fine."""
        response = self._request("DELETE", url, f"discarding the upload of {label}")
        with response:
            if response.status_code in (404, 410):
                return
            raise_for(response, server=self._server, what=f"discarding the upload of {label}",
                      file=label or None)

    # -- the whole file -------------------------------------------------------------------

    def upload(self, endpoint: str, file: UploadFile, *, url: str | None = None,
               on_url: Callable[[str | None, int], None] | None = None,
               on_progress: Callable[[int], None] | None = None,
               control: JobControl = NULL_CONTROL,
               on_retry: Callable[[int, TransientError], None] | None = None) -> UploadResult:
        """Send `file` so that the server holds all of it; returns its upload URL.

        `url`, a URL stored earlier, is resumed from the server's offset. `on_url(url,
        offset)` is called the moment an upload is created (offset 0), whenever the server
        confirms an offset, and with None when a stored URL turned out to be gone, so the
        caller can keep both in the same breath. `on_progress(position)` gives the position
        in the file as bytes go out. Cancelled (from `control`) leaves the upload resumable."""
        sent = 0
        created = 0
        resumes = 0
        stuck = 0  # failures in a row that moved the server's offset nowhere
        best = -1  # the furthest offset the server has confirmed in this call
        broke_mid_slice = False
        offset_retries = 0
        checksum_restarts = 0
        note_url = on_url or (lambda _url, _offset: None)
        progress = on_progress or (lambda _position: None)
        retrying = on_retry or (lambda _offset, _error: None)
        while True:
            control.check_cancelled()
            offset: int | None = None
            try:
                if url is not None:
                    offset = self.offset(url, file.label)
                    if offset is None or offset > file.size:
                        if offset is not None:  # more than the file: not ours to resume
                            self._quiet_terminate(url, file.label)
                        log.info("Upload of %s is gone from the server; starting it again",
                                 file.label)
                        url = None
                        note_url(None, 0)
                if url is None:
                    url = self.create(endpoint, file.size, file.metadata, file.label)
                    created += 1
                    offset = 0
            except TransientError as exc:
                stuck += 1
                retrying(max(best, 0), exc)
                self._pause(stuck, control, exc)
                continue
            assert offset is not None
            if offset > best:
                best, stuck = offset, 0
            elif broke_mid_slice and self.slice_size > MIN_SLICE_SIZE:
                # Bytes went out but the server kept none of them: smaller requests fit
                # between the cuts of a server that drops a broken request's body.
                self.slice_size = max(MIN_SLICE_SIZE, self.slice_size // 2)
            broke_mid_slice = False
            note_url(url, offset)
            progress(offset)
            try:
                sent += self._send_from(url, offset, file, note_url, progress, control)
                return UploadResult(url, sent, created)
            except _Gone:
                url = None
                note_url(None, 0)
            except _OffsetMismatch:
                offset_retries += 1
                if offset_retries > MAX_OFFSET_RETRIES:
                    raise TransientError(f"{file.label}: the server keeps disagreeing about "
                                         "how much of the file it holds") from None
            except _ChecksumMismatch:
                checksum_restarts += 1
                if checksum_restarts > MAX_CHECKSUM_RESTARTS:
                    raise Rejected("the server finds the file damaged every time it arrives "
                                   "(checksum mismatch); run File › Check portfolio",
                                   file.label, status=CHECKSUM_MISMATCH) from None
                log.info("The server found %s damaged on arrival; sending it again", file.label)
                url = None
                note_url(None, 0)
            except _SentSome as partial:
                sent += partial.count
                resumes += 1
                if resumes > self._max_resumes:
                    raise partial.error from None
                stuck += 1
                broke_mid_slice = partial.count > 0
                log.info("Upload of %s broke after %d bytes (%s); resuming from the server's "
                         "offset", file.label, partial.count, partial.error)
                retrying(max(best, 0), partial.error)
                self._pause(stuck, control, partial.error)

    def _pause(self, stuck: int, control: JobControl, error: TransientError) -> None:
        """Wait before the next try, or give up (raise `error`) once the link has moved
        nothing for every delay in the schedule. The wait is cut short by a cancel."""
        if stuck > len(self._retry_delays):
            raise error
        delay = self._retry_delays[stuck - 1]
        if error.retry_after is not None:
            if error.retry_after > self._retry_delays[-1]:
                raise error  # a longer wait is the outbox's to keep, across passes
            delay = max(delay, error.retry_after)
        deadline = time.monotonic() + delay
        while (left := deadline - time.monotonic()) > 0:
            control.check_cancelled()
            self._sleep(min(left, 0.25))
        control.check_cancelled()

    def _quiet_terminate(self, url: str, label: str) -> None:
        try:
            self.terminate(url, label)
        except McdeskError as exc:
            log.info("Could not discard the upload of %s: %s", label, exc)

    def _send_from(self, url: str, offset: int, file: UploadFile,
                   note_url: Callable[[str | None, int], None],
                   progress: Callable[[int], None], control: JobControl) -> int:
        """PATCH slices from `offset` to the end; the bytes put on the wire."""
        sent = 0
        digest = hashlib.sha256() if offset == 0 and file.sha256 else None
        position = offset
        try:
            handle = file.opener()
        except OSError as exc:
            raise McdeskError(f"{file.label}: cannot read the file to send it "
                              f"({exc.strerror or exc})", path=getattr(exc, "filename", None)
                              ) from exc
        with handle:
            while offset < file.size:
                length = min(self.slice_size, file.size - offset)
                base = offset

                def moved(count: int, base: int = base) -> None:
                    nonlocal position
                    position += count
                    progress(position)

                body = _SliceBody(handle, offset, length, control, moved, self._read_size,
                                  digest)
                try:
                    response = self._request(
                        "PATCH", url, f"sending {file.label}",
                        headers={"Upload-Offset": str(offset),
                                 "Content-Type": "application/offset+octet-stream",
                                 "Content-Length": str(length)},
                        data=body)
                except _LocalReadError as exc:
                    raise McdeskError(f"{file.label}: the file could not be read while "
                                      f"sending it ({exc.error})") from exc
                except TransientError as exc:
                    sent += body.sent
                    raise _SentSome(sent, exc) from exc
                sent += body.sent
                position = base
                with response:
                    status = response.status_code
                    if status in (404, 410):
                        raise _Gone
                    if status == 409:
                        raise _OffsetMismatch
                    if status == CHECKSUM_MISMATCH:
                        raise _ChecksumMismatch
                    try:
                        raise_for(response, server=self._server, what=f"sending {file.label}",
                                  file=file.label)
                    except TransientError as exc:
                        raise _SentSome(sent, exc) from exc
                    new_offset = _int_header(response, "Upload-Offset")
                if new_offset is None or new_offset < offset or new_offset > file.size:
                    raise ProtocolError(f"sending {file.label}: the server answered with an "
                                        f"impossible offset ({new_offset})")
                if new_offset == offset and length > 0:
                    raise _SentSome(sent, TransientError(
                        f"sending {file.label}: the server took none of the bytes sent"))
                if new_offset != offset + length:
                    digest = None  # the server took part of the slice: no longer one stream
                offset = new_offset
                position = offset
                note_url(url, offset)
                progress(offset)
        if digest is not None and file.sha256 and digest.hexdigest() != file.sha256.lower():
            raise Rejected("the file changed on disk since it was queued (its sha256 no longer "
                           "matches); run File › Check portfolio, then send the draft again",
                           file.label)
        return sent


class _SentSome(Exception):  # noqa: N818 - internal signal
    """A transient failure after `count` bytes went out in this round."""

    def __init__(self, count: int, error: TransientError) -> None:
        self.count = count
        self.error = error
        super().__init__(str(error))


def _listed(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def _int_header(response: requests.Response, name: str) -> int | None:
    value = response.headers.get(name)
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None
