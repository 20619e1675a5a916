"""Upload figures, against the reference issuing server (``python -m mcdesk_issuer``) on
127.0.0.1: mcdesk's tus client sending one big file (real random bytes, written once) against
``curl`` sending the same file to the same server; the bytes sent again when the uploading
process is killed half way and a fresh process resumes from the stored upload URL; and the
uploader's peak memory for the big file against a file a tenth of its size.

The uploads run in child processes (``python -c UPLOAD_CHILD``), as curl does, so their
memory and CPU are their own; the kill goes through tests/fault_proxy.py, throttled so that
the upload takes a few seconds and the proxy counts every byte the clients send."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import psutil
import requests

from benchmarks.stats import Figure, median

GOAL_RATIO = 0.7  # our throughput / curl's
GOAL_PEAK_RSS_MB = 200.0
GOAL_FLAT = 1.3  # big-file peak / small-file peak
ACHIEVEMENT = ("https://demo.mcdesk.org/achievements/exit-tickets", "1.0")
BAG_PATH = "data/evidence/lesson-recording.mp4"
MEDIA_TYPE = "video/mp4"
UPLOADS = "/api/v1/uploads/"
WRITE_CHUNK = 8 * 1024 * 1024
CHILD_TIMEOUT_S = 600.0
KILL_SECONDS = 6.0  # the throttled upload, start to end, when nobody kills it
POLL_S = 0.02
TOKEN_ENV = "MCDESK_BENCH_TOKEN"
NO_PROXY = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}

# One upload with mcdesk's TusClient, as the sync service makes it (metadata, local sha256
# check); prints one JSON line. `url_file` receives the upload URL the moment it exists.
UPLOAD_CHILD = """
import json, os, resource, sys, time
from mcdesk.sync.tus import TusClient, UploadFile

if __name__ == "__main__":
    spec = json.loads(sys.argv[1])
    url_file = spec.get("url_file")

    def stored(url, offset):
        if url and url_file and not os.path.exists(url_file):
            with open(url_file + ".tmp", "w") as out:
                out.write(url)
            os.replace(url_file + ".tmp", url_file)

    upload = UploadFile(
        label=spec["bag_path"], size=spec["size"], opener=lambda: open(spec["file"], "rb"),
        metadata={"submission": spec["submission"], "sha256": spec["sha256"],
                  "path": spec["bag_path"], "filename": spec["bag_path"].rsplit("/", 1)[-1],
                  "filetype": spec["media_type"]},
        sha256=spec["sha256"])
    headers = {"Authorization": "Bearer " + os.environ[spec["token_env"]]}
    before = resource.getrusage(resource.RUSAGE_SELF)
    began = time.perf_counter()
    with TusClient(server="the issuer", headers=headers, auth_origin=spec["endpoint"],
                   slice_size=spec["slice_size"]) as tus:
        result = tus.upload(spec["endpoint"], upload, url=spec.get("url"), on_url=stored)
    seconds = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(json.dumps({"seconds": seconds, "bytes_sent": result.bytes_sent,
                      "created": result.created, "url": result.url, "cpu": cpu}), flush=True)
"""


@dataclass(frozen=True)
class Target:
    """One file begun in a submission on the server, ready to be uploaded (any number of
    times: the server takes every upload of a file its open submission lists)."""

    file: Path
    size: int
    sha256: str
    submission: str

    def metadata(self) -> dict[str, str]:
        return {"submission": self.submission, "sha256": self.sha256, "path": BAG_PATH,
                "filename": BAG_PATH.rsplit("/", 1)[-1], "filetype": MEDIA_TYPE}


@dataclass(frozen=True)
class Run:
    seconds: float  # the upload's own time (ours: inside the child; curl: POST + PATCH wall)
    peak_rss: int  # psutil samples of the uploading process
    client_cpu: float  # CPU seconds of the uploading process(es)
    server_cpu: float  # CPU seconds of the server during the upload


@dataclass(frozen=True)
class KillResult:
    size: int
    slice_size: int
    throttle: float  # bytes/s through the proxy before the kill
    offset_at_kill: int  # the server's Upload-Offset seen just before the SIGKILL
    kept: int  # what the server held once the killed process's connection was gone
    resume_sent: int  # payload the fresh process put on the wire
    resume_created: int  # uploads the fresh process had to create (0: it resumed)
    wire_killed: int  # client -> server bytes through the proxy, killed process
    wire_resumed: int  # the same, fresh process
    connections: int
    seconds: float

    @property
    def wire_total(self) -> int:
        return self.wire_killed + self.wire_resumed

    @property
    def resent(self) -> int:
        """Client -> server bytes beyond the file's size (HTTP request heads included)."""
        return self.wire_total - self.size


@dataclass
class UploadResult:
    size: int
    small_size: int
    slice_size: int
    rounds: int
    ours: list[Run] = field(default_factory=list)
    curl: list[Run] = field(default_factory=list)
    curl_stream: list[Run] = field(default_factory=list)  # curl -T: streams, not preloaded
    small: list[Run] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)  # seconds, see disk_floor
    kill: KillResult | None = None

    def mbps(self, runs: list[Run]) -> float:
        return self.size / 1e6 / median([r.seconds for r in runs])

    def server_share(self, runs: list[Run]) -> float:
        """The server's CPU over the upload's time, in cores."""
        return median([r.server_cpu / r.seconds for r in runs])

    def client_share(self, runs: list[Run]) -> float:
        return median([r.client_cpu / r.seconds for r in runs])


class PeakRss:
    """Samples the resident memory of process `pid` every 10 ms while in its block."""

    def __init__(self, pid: int, interval_s: float = 0.01) -> None:
        self._process = psutil.Process(pid)
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self.peak = 0

    def _sample(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(psutil.Error):
                self.peak = max(self.peak, self._process.memory_info().rss)
            self._stop.wait(self._interval)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(process: psutil.Process | None) -> float:
    if process is None:
        return 0.0
    try:
        times = process.cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


def server_process(port: int) -> psutil.Process | None:
    """The serving mcdesk_issuer among this process's children."""
    for child in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            line = child.cmdline()
            if "mcdesk_issuer" in line and "--port" in line and str(port) in line:
                return child
    return None


def disk_floor(source: Path, folder: Path) -> float:
    """Seconds for what the server does with every byte besides HTTP, alone in one process:
    write the file into its data folder, fsync it, read it back for the sha256."""
    dest = folder / f"floor-{uuid.uuid4().hex}.part"
    began = time.perf_counter()
    with open(source, "rb") as reader, open(dest, "wb") as out:
        while block := reader.read(1024 * 1024):
            out.write(block)
        out.flush()
        os.fsync(out.fileno())
    digest = hashlib.sha256()
    with open(dest, "rb") as reader:
        while block := reader.read(1024 * 1024):
            digest.update(block)
    seconds = time.perf_counter() - began
    dest.unlink()
    return seconds


def write_random_file(dest: Path, size: int) -> str:
    """`size` random (incompressible) bytes at `dest`, written once; their sha256."""
    digest = hashlib.sha256()
    left = size
    with open(dest, "wb") as out:
        while left > 0:
            block = os.urandom(min(WRITE_CHUNK, left))
            digest.update(block)
            out.write(block)
            left -= len(block)
    return digest.hexdigest()


def child_env(token: str) -> dict[str, str]:
    return {**os.environ, **NO_PROXY, TOKEN_ENV: token}


# The server takes only a file list shaped like an mcdesk bag (its four tag files beside
# data/); the benchmark sends the payload file only, so the tag files are listed, not sent.
_TAG_ENTRIES = [{"path": name, "sha256": hashlib.sha256(text).hexdigest(), "size": len(text)}
                for name, text in ((name, f"{name}: listed by the upload benchmark\n".encode())
                                   for name in ("bagit.txt", "bag-info.txt",
                                                "manifest-sha256.txt",
                                                "tagmanifest-sha256.txt"))]


def begin(base: str, token: str, file: Path, size: int, sha256: str) -> Target:
    """Begin a fresh submission listing `file`, so that the server takes its uploads."""
    submission = str(uuid.uuid4())
    body = {"achievementId": ACHIEVEMENT[0], "version": ACHIEVEMENT[1], "attempt": 1,
            "bagName": f"upload-benchmark-{submission[:8]}",
            "files": [{"path": BAG_PATH, "sha256": sha256, "size": size}, *_TAG_ENTRIES]}
    with requests.put(f"{base}/api/v1/submissions/{submission}", json=body, timeout=30,
                      headers={"Authorization": f"Bearer {token}"},
                      proxies={"http": "", "https": ""}) as answer:
        if answer.status_code not in (200, 201):
            raise RuntimeError(f"begin: {answer.status_code} {answer.text}")
    return Target(file, size, sha256, submission)


def upload_spec(target: Target, endpoint: str, slice_size: int, *, url: str | None = None,
                url_file: Path | None = None) -> str:
    return json.dumps({"endpoint": endpoint, "file": str(target.file), "size": target.size,
                       "sha256": target.sha256, "submission": target.submission,
                       "bag_path": BAG_PATH, "media_type": MEDIA_TYPE,
                       "slice_size": slice_size, "url": url, "token_env": TOKEN_ENV,
                       "url_file": str(url_file) if url_file else None})


def finish(process: subprocess.Popen[str], what: str) -> dict[str, Any]:
    try:
        out, err = process.communicate(timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise RuntimeError(f"{what}: no end after {CHILD_TIMEOUT_S:.0f} s") from None
    if process.returncode != 0:
        raise RuntimeError(f"{what} failed ({process.returncode}): {err[-2000:]}")
    answer: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return answer


def ours(target: Target, endpoint: str, token: str, slice_size: int,
         server: psutil.Process | None) -> Run:
    """One upload by mcdesk's TusClient in a child (its CPU: the upload's, without start-up)."""
    server_cpu = process_cpu(server)
    process = subprocess.Popen(
        [sys.executable, "-c", UPLOAD_CHILD, upload_spec(target, endpoint, slice_size)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(token))
    with PeakRss(process.pid) as peak:
        answer = finish(process, "the mcdesk upload")
    if answer["bytes_sent"] != target.size or answer["created"] != 1:
        raise RuntimeError(f"the mcdesk upload sent {answer['bytes_sent']} bytes in "
                           f"{answer['created']} upload(s), not {target.size} in one")
    return Run(answer["seconds"], peak.peak, answer["cpu"], process_cpu(server) - server_cpu)


def curl(target: Target, endpoint: str, token: str, server: psutil.Process | None, *,
         stream: bool = False) -> Run:
    """The same file with curl: a POST creating the upload, one PATCH with the whole file
    (``--data-binary @file``, which reads the file into memory first; with `stream`, ``-T
    file``, which streams it)."""
    base = ["curl", "-sS", "--noproxy", "*", "--max-time", str(int(CHILD_TIMEOUT_S)),
            "-H", "Tus-Resumable: 1.0.0", "-H", f"Authorization: Bearer {token}"]
    metadata = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}"
                        for k, v in target.metadata().items())
    cpu, server_cpu = children_cpu(), process_cpu(server)
    began = time.perf_counter()
    created = subprocess.run(
        [*base, "-X", "POST", "-o", "/dev/null", "-D", "-", "-H", "Content-Length: 0",
         "-H", f"Upload-Length: {target.size}", "-H", f"Upload-Metadata: {metadata}",
         endpoint], capture_output=True, text=True, timeout=CHILD_TIMEOUT_S, check=True)
    location = next((line.split(":", 1)[1].strip() for line in created.stdout.splitlines()
                     if line.lower().startswith("location:")), None)
    if location is None:
        raise RuntimeError(f"curl POST: no Location in {created.stdout!r}")
    patch = subprocess.Popen(
        [*base, "-X", "PATCH", *(["-T", str(target.file)] if stream
                                 else ["--data-binary", f"@{target.file}"]),
         "-H", "Content-Type: application/offset+octet-stream", "-H", "Upload-Offset: 0",
         "-H", "Expect:", "-o", "/dev/null", "-w", "%{http_code}",
         urljoin(endpoint, location)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    with PeakRss(patch.pid) as peak:
        out, err = patch.communicate(timeout=CHILD_TIMEOUT_S)
    seconds = time.perf_counter() - began
    if patch.returncode != 0 or out.strip() != "204":
        raise RuntimeError(f"curl PATCH: {out!r} {err[-2000:]}")
    return Run(seconds, peak.peak, children_cpu() - cpu, process_cpu(server) - server_cpu)


def head_offset(url: str, token: str) -> int | None:
    try:
        with requests.head(url, timeout=10, proxies={"http": "", "https": ""}, headers={
                "Tus-Resumable": "1.0.0", "Authorization": f"Bearer {token}"}) as answer:
            value = answer.headers.get("Upload-Offset")
            return int(value) if answer.status_code == 200 and value else None
    except requests.RequestException:
        return None


def on_server(url: str, server_base: str) -> str:
    """`url` (through the proxy) with the server's own host and port."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=urlsplit(server_base).netloc))


def kill_and_resume(work: Path, target: Target, server_base: str, token: str,
                    slice_size: int, seconds: float = KILL_SECONDS) -> KillResult:
    """Upload through the throttled proxy in a child, SIGKILL it once the server holds half
    the file, resume in a fresh child from the stored upload URL; count the bytes."""
    from tests.fault_proxy import FaultProxy

    port = urlsplit(server_base).port
    assert port is not None
    url_file = work / f"upload-url-{uuid.uuid4().hex}"
    rate = max(target.size / seconds, 64 * 1024)
    began = time.monotonic()
    with FaultProxy(port) as proxy:
        endpoint = proxy.url + UPLOADS
        proxy.throttle(rate)
        killed = subprocess.Popen(
            [sys.executable, "-c", UPLOAD_CHILD,
             upload_spec(target, endpoint, slice_size, url_file=url_file)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(token))
        offset = 0
        try:
            deadline = time.monotonic() + 60 + 4 * seconds
            while offset * 2 < target.size:
                if killed.poll() is not None:
                    raise RuntimeError("the upload ended before it could be killed: "
                                       + (killed.stderr.read() if killed.stderr else ""))
                if time.monotonic() > deadline:
                    raise RuntimeError(f"the server held {offset} of {target.size} bytes "
                                       "when time ran out")
                if url_file.exists():
                    offset = head_offset(on_server(url_file.read_text(), server_base),
                                         token) or offset
                time.sleep(POLL_S)
            os.kill(killed.pid, signal.SIGKILL)
        finally:
            if killed.poll() is None:
                killed.kill()
            killed.communicate(timeout=30)
        # The dead process's socket drains and closes; then the server has what it will keep.
        if not proxy.wait_idle(30):
            proxy.drop_connections()
            proxy.wait_idle(10)
        url = url_file.read_text()
        kept = head_offset(on_server(url, server_base), token)
        if kept is None:
            raise RuntimeError("the server forgot the upload after the kill")
        wire_killed = proxy.upstream_bytes
        proxy.throttle(None)
        resumed = subprocess.Popen(
            [sys.executable, "-c", UPLOAD_CHILD,
             upload_spec(target, endpoint, slice_size, url=url)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env(token))
        answer = finish(resumed, "the resumed upload")
        if not proxy.wait_idle(30):
            proxy.drop_connections()
        wire_total = proxy.upstream_bytes
        connections = proxy.connections
    done = head_offset(on_server(url, server_base), token)
    if done != target.size:
        raise RuntimeError(f"after the resume the server holds {done} of {target.size} bytes")
    return KillResult(target.size, slice_size, rate, offset, kept, int(answer["bytes_sent"]),
                      int(answer["created"]), wire_killed, wire_total - wire_killed,
                      connections, time.monotonic() - began)


@contextlib.contextmanager
def issuer(work: Path) -> Iterator[tuple[str, str, psutil.Process | None]]:
    """The reference server on 127.0.0.1 over a fresh data folder: its base URL, an earner's
    token and its process."""
    from tests.sync_helpers import running_issuer

    with running_issuer(work / "issuer") as server:
        token = server.token("earner", "Benchmark Teacher")
        port = urlsplit(server.url).port
        assert port is not None
        yield server.url, token, server_process(port)


def measure(work: Path, *, rounds: int, size_bytes: int, slice_size: int | None = None,
            kill_seconds: float = KILL_SECONDS) -> UploadResult:
    from mcdesk.sync.tus import SLICE_SIZE

    slices = slice_size or SLICE_SIZE
    small_size = size_bytes // 10
    result = UploadResult(size_bytes, small_size, slices, rounds)
    big_file, small_file = work / "big.bin", work / "small.bin"
    big_sha = write_random_file(big_file, size_bytes)
    small_sha = write_random_file(small_file, small_size)
    with issuer(work) as (base, token, server):
        endpoint = base + UPLOADS
        big = begin(base, token, big_file, size_bytes, big_sha)
        small = begin(base, token, small_file, small_size, small_sha)
        # Untimed: the first upload of a file stores it on the server (later ones replace
        # nothing) and warms the page cache and the server for both sides.
        ours(small, endpoint, token, slices, server)
        for index in range(rounds):
            # Side by side, taking turns at going first.
            order = ["ours", "curl", "curl -T"]
            for name in order[index % 3:] + order[:index % 3]:
                if name == "ours":
                    result.ours.append(ours(big, endpoint, token, slices, server))
                elif shutil.which("curl") is None:
                    continue
                elif name == "curl":
                    result.curl.append(curl(big, endpoint, token, server))
                else:
                    result.curl_stream.append(curl(big, endpoint, token, server, stream=True))
            result.small.append(ours(small, endpoint, token, slices, server))
            result.floor.append(disk_floor(big_file, work / "issuer"))
        fresh = begin(base, token, big_file, size_bytes, big_sha)
        result.kill = kill_and_resume(work, fresh, base, token, slices, kill_seconds)
    return result


def _size(count: float) -> str:
    if count >= 1e9:
        return f"{count / 1e9:.1f} GB"
    if count >= 1e6:
        return f"{count / 1e6:.0f} MB"
    return f"{count / 1e3:.1f} KB"


def throughput_figure(result: UploadResult) -> Figure:
    name = f"upload {_size(result.size)} over loopback"
    ours_mbps = result.mbps(result.ours)
    if not result.curl:
        return Figure(name, f"{ours_mbps:.0f} MB/s", "curl missing", None, f"≥ {GOAL_RATIO}×",
                      None, "install curl to compare")
    curl_mbps, stream_mbps = result.mbps(result.curl), result.mbps(result.curl_stream)
    ratio = ours_mbps / curl_mbps
    client_ours, client_curl = result.client_share(result.ours), result.client_share(result.curl)
    floor_mbps = result.size / 1e6 / median(result.floor)
    if max(client_ours, client_curl) < 0.5:
        bound = (f"neither client is busy (ours {client_ours:.2f}, curl {client_curl:.2f} of a "
                 "core): the server side is the bottleneck for both")
    elif client_ours >= 0.9:
        bound = f"our client is CPU-bound ({client_ours:.2f} of a core)"
    else:
        bound = f"client CPU: ours {client_ours:.2f}, curl {client_curl:.2f} of a core"
    patches = -(-result.size // result.slice_size)

    def server_cpu(runs: list[Run]) -> str:
        return f"{median([r.server_cpu for r in runs]):.1f}"

    extra = median([r.server_cpu for r in result.ours]) > 1.2 * median(
        [r.server_cpu for r in result.curl_stream])

    return Figure(
        name, f"{ours_mbps:.0f} MB/s", f"{curl_mbps:.0f} MB/s (curl)", ratio,
        f"≥ {GOAL_RATIO}×", ratio >= GOAL_RATIO,
        f"{patches} tus PATCHes of {_size(result.slice_size)} vs one curl PATCH "
        f"(--data-binary, which loads the file into memory first); against a streaming curl -T "
        f"({stream_mbps:.0f} MB/s) ours is {ours_mbps / stream_mbps:.2f}×; {bound}; server "
        f"CPU per upload ours {server_cpu(result.ours)} s, curl {server_cpu(result.curl)} s, "
        f"curl -T {server_cpu(result.curl_stream)} s"
        f"{' (the extra is its work per PATCH)' if extra else ''}; "
        f"its disk work alone (write, fsync, sha256) runs at {floor_mbps:.0f} MB/s; "
        f"{os.cpu_count()} CPUs")


def figures(result: UploadResult) -> list[Figure]:
    made = [throughput_figure(result)]
    size = _size(result.size)
    if result.kill is not None:
        kill = result.kill
        made.append(Figure(
            f"re-sent after kill at 50 %, {_size(kill.size)}", _size(max(kill.resent, 0)),
            f"{_size(kill.slice_size)} (one slice)", None, "≤ one slice",
            kill.resent <= kill.slice_size and kill.resume_created == 0,
            f"SIGKILL once the server held {kill.offset_at_kill / kill.size:.0%}; a fresh "
            f"process resumed from {kill.kept / kill.size:.1%} (HEAD, then PATCH); bytes "
            f"through the proxy minus the file's, request heads included"))
    big_peak = median([r.peak_rss for r in result.ours])
    small_peak = median([r.peak_rss for r in result.small])
    made.append(Figure(
        f"upload memory, {size}", f"{big_peak / 1e6:.0f} MB",
        f"{small_peak / 1e6:.0f} MB ({_size(result.small_size)} file)", big_peak / small_peak,
        f"< {GOAL_PEAK_RSS_MB:.0f} MB, flat", big_peak < GOAL_PEAK_RSS_MB * 1e6
        and big_peak <= small_peak * GOAL_FLAT, "peak resident memory of the uploading process"))
    return made


def details(result: UploadResult) -> str:
    def listed(values: list[float], scale: float = 1.0, digits: int = 2) -> str:
        return ", ".join(f"{v / scale:.{digits}f}" for v in values)

    lines = [
        f"Upload {_size(result.size)}: mcdesk {listed([r.seconds for r in result.ours])} s; "
        f"curl {listed([r.seconds for r in result.curl])} s (POST + PATCH, wall); "
        f"curl -T {listed([r.seconds for r in result.curl_stream])} s",
        f"  peak memory: mcdesk {listed([r.peak_rss for r in result.ours], 1e6, 0)} MB; "
        f"{_size(result.small_size)} file {listed([r.peak_rss for r in result.small], 1e6, 0)}"
        f" MB; curl --data-binary {listed([r.peak_rss for r in result.curl], 1e6, 0)} MB",
        f"  server CPU per upload: mcdesk {listed([r.server_cpu for r in result.ours])} s, "
        f"curl {listed([r.server_cpu for r in result.curl])} s; client CPU: mcdesk "
        f"{listed([r.client_cpu for r in result.ours])} s, curl "
        f"{listed([r.client_cpu for r in result.curl])} s",
        f"  the server's disk work alone (write, fsync, sha256): "
        f"{listed(result.floor)} s",
    ]
    if result.kill is not None:
        kill = result.kill
        lines.append(
            f"Kill at 50 %: throttled to {kill.throttle / 1e6:.1f} MB/s; server held "
            f"{kill.offset_at_kill} at the kill, {kill.kept} once the link closed; the fresh "
            f"process sent {kill.resume_sent} bytes ({kill.resume_created} uploads created); "
            f"client -> server bytes {kill.wire_killed} + {kill.wire_resumed} = "
            f"{kill.wire_total} over {kill.connections} connections for a {kill.size}-byte "
            f"file, of which the fresh process's request heads "
            f"{kill.wire_resumed - kill.resume_sent}; {kill.seconds:.1f} s")
    return "\n".join(lines)


def run(*, rounds: int, quick: bool) -> tuple[list[Figure], list[str]]:
    with tempfile.TemporaryDirectory(prefix="mcdesk-upload-bench-") as temp:
        result = measure(Path(temp), rounds=rounds,
                         size_bytes=100_000_000 if quick else 1_000_000_000)
    return figures(result), [details(result)]
