"""mcdesk's tus client against real third-party tus servers on 127.0.0.1 (@tus/server with
@tus/file-store from the npm registry; tuspyserver from PyPI): uploads in slices, connections
cut mid-PATCH and resumed from the server's offset, stalls, injected 503s, forgotten upload
URLs, cancellation; the server's file must equal the source byte for byte."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from mcdesk.core.progress import Cancelled
from mcdesk.core.sync import LoginNeeded, Rejected, TransientError
from mcdesk.sync.tus import TusClient, UploadFile
from tests.fault_proxy import FaultProxy
from tests.tus_peers import TusPeer, node_missing_reason, running_peer

MB = 1024 * 1024
SIZE = 5 * MB + 12345
SLICE = 1 * MB


@pytest.fixture(scope="module", params=["tus-node", "tuspyserver"])
def peer(request: pytest.FixtureRequest,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[TusPeer]:
    if request.param == "tus-node":
        reason = node_missing_reason()
        if reason is not None:
            pytest.skip(reason)
    with running_peer(request.param, tmp_path_factory.mktemp(request.param)) as started:
        yield started


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("source") / "lesson.mp4"
    path.write_bytes(os.urandom(SIZE))
    return path


@pytest.fixture
def proxy(peer: TusPeer) -> Iterator[FaultProxy]:
    port = int(peer.url.rsplit(":", 1)[1])
    with FaultProxy(port) as started:
        yield started


def upload_file(path: Path) -> UploadFile:
    data = path.read_bytes()
    return UploadFile(label="data/evidence/p2-video-01-lesson.mp4", size=len(data),
                      opener=lambda: open(path, "rb"),
                      metadata={"submission": "0b7d6a4e-1a52-4c55-9a43-2f4c7c1f9d10",
                                "sha256": hashlib.sha256(data).hexdigest(),
                                "path": "data/evidence/p2-video-01-lesson.mp4",
                                "filename": path.name, "filetype": "video/mp4"},
                      sha256=hashlib.sha256(data).hexdigest())


_OPEN: list[TusClient] = []


def client(**kwargs: object) -> TusClient:
    """A new client (as after a restart), closed when the test ends."""
    options: dict[str, object] = {"slice_size": SLICE, "read_size": 64 * 1024,
                                  "timeout": (5.0, 10.0)}
    options.update(kwargs)
    made = TusClient(**options)  # type: ignore[arg-type]
    _OPEN.append(made)
    return made


def settled_offset(url: str, *, quiet_s: float = 0.3, timeout_s: float = 10.0) -> int:
    """The server's offset once it stopped moving: a server may still be storing what it
    read before a connection was cut (tuspyserver under load moved from 2 MiB to 2.5 MiB
    after the cut, so a resume began later than an offset read at once)."""
    deadline = time.monotonic() + timeout_s
    offset = client().offset(url)
    while time.monotonic() < deadline:
        time.sleep(quiet_s)
        again = client().offset(url)
        if again == offset and offset is not None:
            return offset
        offset = again
    raise AssertionError(f"the server's offset kept moving ({offset})")


@pytest.fixture(autouse=True)
def close_clients() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()


class Recorder:
    """What the outbox would store: every URL and offset the moment the client reports it."""

    def __init__(self) -> None:
        self.urls: list[str | None] = []
        self.offsets: list[int] = []
        self.positions: list[int] = []

    def on_url(self, url: str | None, offset: int) -> None:
        if not self.urls or self.urls[-1] != url:
            self.urls.append(url)
        self.offsets.append(offset)

    def on_progress(self, position: int) -> None:
        self.positions.append(position)

    @property
    def url(self) -> str | None:
        return self.urls[-1] if self.urls else None


def test_options_describe_the_server(peer: TusPeer) -> None:
    options = client().options(peer.endpoint)
    assert "1.0.0" in options.version
    assert {"creation", "termination"} <= set(options.extensions)


def test_a_file_goes_up_in_slices_and_arrives_whole(peer: TusPeer, source: Path) -> None:
    recorder = Recorder()
    result = client().upload(peer.endpoint, upload_file(source), on_url=recorder.on_url,
                             on_progress=recorder.on_progress)
    assert result.created == 1 and result.bytes_sent == SIZE
    assert recorder.urls == [result.url]  # stored once, the moment it was created
    assert recorder.offsets[0] == 0
    # one confirmed offset per slice, ending at the size
    assert [o for o in recorder.offsets[1:]] == [min(SIZE, SLICE * i)
                                                 for i in range(1, SIZE // SLICE + 2)]
    assert recorder.positions[-1] == SIZE
    assert peer.stored(result.url).read_bytes() == source.read_bytes()
    assert client().offset(result.url) == SIZE


def test_a_connection_cut_mid_patch_resumes_from_the_servers_offset(
        peer: TusPeer, proxy: FaultProxy, source: Path) -> None:
    endpoint = peer.via(proxy.url)
    recorder = Recorder()
    proxy.cut_after(int(2.5 * MB))
    with pytest.raises(TransientError):
        client(max_resumes=0).upload(endpoint, upload_file(source), on_url=recorder.on_url)
    assert proxy.cuts == 1
    stored_url = recorder.url
    assert stored_url is not None  # kept before any byte went out
    held = settled_offset(stored_url)
    assert 2 * MB <= held < SIZE
    # A new client (as after a restart) resumes from the server's offset.
    result = client().upload(endpoint, upload_file(source), url=stored_url,
                             on_url=recorder.on_url)
    assert result.url == stored_url and result.created == 0
    assert result.bytes_sent == SIZE - held
    assert peer.stored(stored_url).read_bytes() == source.read_bytes()


def test_one_call_resumes_by_itself_after_a_cut(peer: TusPeer, proxy: FaultProxy,
                                                source: Path) -> None:
    proxy.cut_after(int(1.5 * MB))
    result = client().upload(peer.via(proxy.url), upload_file(source))
    assert proxy.cuts == 1
    assert SIZE < result.bytes_sent <= SIZE + SLICE  # at most one slice sent twice
    assert peer.stored(result.url).read_bytes() == source.read_bytes()


def test_a_stalled_connection_times_out_and_resumes(peer: TusPeer, proxy: FaultProxy,
                                                    source: Path) -> None:
    recorder = Recorder()
    proxy.stall_after(int(1.2 * MB), 2.0)
    with pytest.raises(TransientError):
        client(timeout=(1.0, 1.0), max_resumes=0).upload(
            peer.via(proxy.url), upload_file(source), on_url=recorder.on_url)
    assert recorder.url is not None
    # The outbox backs off before trying again; by then the stalled request is gone (a
    # server may hold the upload locked until it notices: tuspyserver does).
    _OPEN.pop().close()
    assert proxy.wait_idle()
    result = client().upload(peer.via(proxy.url), upload_file(source), url=recorder.url)
    assert peer.stored(result.url).read_bytes() == source.read_bytes()


def test_a_503_is_transient_with_its_retry_after(peer: TusPeer, proxy: FaultProxy,
                                                 source: Path) -> None:
    proxy.inject(503, "Service Unavailable", {"Retry-After": "7"})
    with pytest.raises(TransientError) as raised:
        client().upload(peer.via(proxy.url), upload_file(source))
    assert raised.value.retry_after == 7
    result = client().upload(peer.via(proxy.url), upload_file(source))
    assert peer.stored(result.url).read_bytes() == source.read_bytes()


def test_401_asks_for_a_login_and_413_is_a_rejection_naming_the_file(
        peer: TusPeer, proxy: FaultProxy, source: Path) -> None:
    proxy.inject(401, "Unauthorized", {"WWW-Authenticate": "Bearer"})
    with pytest.raises(LoginNeeded):
        client().upload(peer.via(proxy.url), upload_file(source))
    body = (b'{"type": "about:blank", "title": "Too large", "status": 413, '
            b'"detail": "files may be at most 4 GB"}')
    proxy.inject(413, "Content Too Large", {"Content-Type": "application/problem+json"}, body)
    with pytest.raises(Rejected) as raised:
        client().upload(peer.via(proxy.url), upload_file(source))
    assert raised.value.file == "data/evidence/p2-video-01-lesson.mp4"
    assert "files may be at most 4 GB" in str(raised.value)


def test_a_forgotten_upload_url_starts_the_file_again(peer: TusPeer, proxy: FaultProxy,
                                                      source: Path) -> None:
    recorder = Recorder()
    proxy.cut_after(int(1.5 * MB))
    with pytest.raises(TransientError):
        client(max_resumes=0).upload(peer.via(proxy.url), upload_file(source),
                                     on_url=recorder.on_url)
    stored_url = recorder.url
    assert stored_url is not None
    client().terminate(stored_url)  # as an expiry would
    assert client().offset(stored_url) is None
    result = client().upload(peer.endpoint, upload_file(source), url=stored_url,
                             on_url=recorder.on_url)
    assert result.created == 1 and result.url != stored_url
    assert recorder.urls[-2:] == [None, result.url]
    assert peer.stored(result.url).read_bytes() == source.read_bytes()
    # A URL the server never made: the same.
    unknown = peer.endpoint + "0123456789abcdef0123456789abcdef"
    again = client().upload(peer.endpoint, upload_file(source), url=unknown)
    assert again.created == 1
    assert peer.stored(again.url).read_bytes() == source.read_bytes()


class CancelAt:
    """Cancels once the upload passed `position` bytes."""

    def __init__(self, position: int) -> None:
        self.position = position
        self.reached = False

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        return None

    def on_progress(self, position: int) -> None:
        if position >= self.position:
            self.reached = True

    def check_cancelled(self) -> None:
        if self.reached:
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self.reached


def test_cancel_mid_upload_leaves_it_resumable(peer: TusPeer, source: Path) -> None:
    recorder = Recorder()
    control = CancelAt(int(2.2 * MB))
    with pytest.raises(Cancelled):
        client().upload(peer.endpoint, upload_file(source), on_url=recorder.on_url,
                        on_progress=control.on_progress, control=control)
    stored_url = recorder.url
    assert stored_url is not None
    held = client().offset(stored_url)
    assert held is not None and held < SIZE
    result = client().upload(peer.endpoint, upload_file(source), url=stored_url)
    assert result.created == 0
    assert peer.stored(stored_url).read_bytes() == source.read_bytes()
