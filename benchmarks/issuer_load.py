"""Issuer load test (``python -m benchmarks.issuer_load [--quick]``, or ``python -m benchmarks
--only issuer-load``): Debian's nginx (run as this user, its config in a temporary folder) in
front of three ``mcdesk-issuer`` processes on one PostgreSQL cluster (tests/pg_cluster.py) and
one data folder; simulated earners each send one real submission bag concurrently (begin,
every file through mcdesk's own tus client, finalize), and one issuer process is killed half
way. It counts submissions lost and duplicated, checks every stored bag with the issuer's own
validation, samples the issuers' resident memory, and prints throughput and latency
percentiles; main thread, one thread per earner and one sampling memory."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil
import requests

from benchmarks.stats import Figure, format_table, percentile

EARNERS = 100
SIZE = 10_000_000
QUICK_EARNERS = 6
QUICK_SIZE = 1_000_000
PROCESSES = 3
GOAL_P95_FINALIZE_S = 1.0
#: Resident memory of any issuer process at any time: bounded by the requests in flight,
#: not by the gigabyte passing through.
GOAL_PEAK_RSS_MB = 256.0
START_TIMEOUT_S = 60.0
EARNER_TIMEOUT_S = 900.0
ACHIEVEMENT = "https://demo.mcdesk.org/achievements/exit-tickets"
RETRIED_STATUSES = (423, 502, 503, 504)
NO_PROXY = {"NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


@dataclass(frozen=True)
class Bag:
    """One earner's submission as the client sends it: the files of a real bag."""

    submission_id: str
    bag_name: str
    folder: Path  # the bag's files, extracted
    files: tuple[tuple[str, str, int], ...]  # (path, sha256, size)

    def begin_body(self) -> dict[str, Any]:
        return {"achievementId": ACHIEVEMENT, "version": "1.0", "attempt": 1,
                "bagName": self.bag_name,
                "files": [{"path": p, "sha256": s, "size": n} for p, s, n in self.files]}

    @property
    def size(self) -> int:
        return sum(n for _, _, n in self.files)


@dataclass
class EarnerRun:
    ok: bool = False
    submit_s: float = math.nan  # begin to finalized
    finalize_s: float = math.nan  # the finalize request that answered "received"
    retries: int = 0
    finalize_retries: int = 0
    error: str = ""


@dataclass
class LoadResult:
    earners: int
    size: int
    processes: int
    seconds: float = 0.0
    runs: list[EarnerRun] = field(default_factory=list)
    lost: int = 0
    duplicated: int = 0
    invalid: list[str] = field(default_factory=list)
    killed_at_s: float | None = None
    #: (seconds since start, {port: RSS MB}) of the issuer processes alive then
    rss: list[tuple[float, dict[int, float]]] = field(default_factory=list)
    metrics_upload_bytes: float = math.nan
    #: The server's own finalize time (check and record, no queueing), p95 bucket bound
    server_finalize_p95: float = math.nan
    #: The server's time to assemble a bag after finalize answered, p95 bucket bound
    server_assemble_p95: float = math.nan
    #: Bags the issuers had assembled in the background when the last earner finished
    assembled_by_then: int = 0
    bag_bytes: int = 0

    @property
    def finalize_times(self) -> list[float]:
        return [r.finalize_s for r in self.runs if r.ok]

    @property
    def submit_times(self) -> list[float]:
        return [r.submit_s for r in self.runs if r.ok]

    def peak_rss(self) -> float:
        """The most resident memory any issuer process had, in MB."""
        return max((mb for _, sample in self.rss for mb in sample.values()), default=math.nan)

    def start_rss(self) -> float:
        return max(self.rss[0][1].values(), default=math.nan) if self.rss else math.nan


# ------------------------------------------------------------------------------------ bags


def make_bags(folder: Path, count: int, size: int) -> list[Bag]:
    """`count` real submission bags built by mcdesk's package builder, each with its own
    `size`-byte PDF (random bytes inside: nothing deduplicates) and written answers."""
    from mcdesk.core.drafts import SnapshotItem
    from mcdesk.core.evidence import Consent, Evidence, EvidenceKind
    from mcdesk.services.workspace import Workspace
    from tests.package_helpers import snapshot
    from tests.sync_helpers import make_big_pdf

    workspace = Workspace.open(folder / "portfolio", seed_demo=True)
    bags: list[Bag] = []
    try:
        for number in range(count):
            pdf = make_big_pdf(folder / f"lesson-plan-{number}.pdf", size)
            digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
            evidence = Evidence(id=str(uuid.uuid4()), kind=EvidenceKind.DOCUMENT,
                                title=f"Lesson plan {number}", created_at=datetime.now(UTC),
                                original_name=pdf.name, sha256=digest, size=pdf.stat().st_size,
                                consent=Consent.NOT_SET)
            items = [SnapshotItem("p2-plan", 0, "The plan the exit tickets changed.", evidence,
                                  str(pdf), evidence.consent)]
            sid = str(uuid.uuid4())
            answers = {"p1-context": f"Earner {number}: a grade 6 class of 28. " * 4,
                       "p3-impact": f"Earner {number}: the tickets showed two groups. " * 4}
            zipped = folder / f"bag-{number}.zip"
            built = workspace.packages.build(snapshot(items, submission_id=sid,
                                                      answers=answers), zipped,
                                             keep_copy=False)
            pdf.unlink()
            target = folder / f"bag-{number}"
            files = []
            with zipfile.ZipFile(zipped) as archive:
                for info in archive.infolist():
                    path = info.filename.split("/", 1)[1]
                    data = archive.read(info)
                    (target / path).parent.mkdir(parents=True, exist_ok=True)
                    (target / path).write_bytes(data)
                    files.append((path, hashlib.sha256(data).hexdigest(), len(data)))
            zipped.unlink()
            bags.append(Bag(sid, built.bag_name, target, tuple(files)))
    finally:
        workspace.close()
    return bags


# ---------------------------------------------------------------------------- the servers


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} stopped: {log.read_text(errors='replace')[-3000:]}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=1).status_code == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {START_TIMEOUT_S:.0f} s")


NGINX_CONF = """\
{user}worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
daemon off;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    client_max_body_size 0;
    upstream issuers {{
{servers}
        keepalive 64;
        # Below uvicorn's 5 s: nginx never reuses a connection the issuer is closing.
        keepalive_timeout 4s;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://issuers;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            # tus PATCH bodies stream through to the issuer as they arrive.
            proxy_request_buffering off;
            proxy_buffering off;
            proxy_read_timeout 300s;
            proxy_send_timeout 300s;
            proxy_next_upstream error timeout http_502 http_503;
        }}
    }}
}}
"""


def nginx_config(root: Path, port: int, upstreams: list[int]) -> str:
    # As root, nginx's workers would switch to 'nobody', who cannot read this folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    # A dead process fails its connects and is skipped; a live one is not shut out for long
    # over one failed request (max_fails=1 with a long fail_timeout shut out both survivors).
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=3 fail_timeout=5s;"
                        for p in upstreams)
    return NGINX_CONF.format(user=user, root=root, servers=servers, port=port)


class Stack:
    """PostgreSQL, the issuer processes over one data folder, nginx in front."""

    def __init__(self, root: Path, processes: int, earners: int) -> None:
        from tests.pg_cluster import PgCluster

        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.data = root / "issuer"
        self.cluster = PgCluster().start()
        self.database_url = self.cluster.url()
        self.metrics_dir = root / "metrics"
        self.metrics_dir.mkdir()
        self.tokens = self._accounts(earners)
        self.env = {**os.environ, **NO_PROXY, "MCDESK_ISSUER_DATABASE_URL": self.database_url,
                    "PROMETHEUS_MULTIPROC_DIR": str(self.metrics_dir),
                    "PYTHONUNBUFFERED": "1"}
        self.ports = [free_port() for _ in range(processes)]
        self.issuers: list[subprocess.Popen[bytes]] = []
        self.nginx: subprocess.Popen[bytes] | None = None
        try:
            for port in self.ports:
                self.issuers.append(self._issuer(port))
            for port, process in zip(self.ports, self.issuers, strict=True):
                wait_until_up(f"http://127.0.0.1:{port}/healthz", process,
                              self.root / f"issuer-{port}.log")
            self.port = free_port()
            self.nginx = self._nginx()
        except BaseException:
            self.close()
            raise
        self.url = f"http://127.0.0.1:{self.port}"

    def _accounts(self, earners: int) -> list[str]:
        from mcdesk_issuer.config import Settings
        from mcdesk_issuer.service import Issuer
        from tests.conftest import DEMO_CATALOG

        issuer = Issuer(Settings(self.data, database_url=self.database_url))
        try:
            issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
            for name in ("Cleo", "Dev"):
                issuer.create_token("assessor", f"{name} Assessor")
            return [issuer.create_token("earner", f"Earner {n}").token for n in range(earners)]
        finally:
            issuer.close()

    def _issuer(self, port: int) -> subprocess.Popen[bytes]:
        log = open(self.root / f"issuer-{port}.log", "wb")  # noqa: SIM115 - the child's
        try:
            return subprocess.Popen(
                [sys.executable, "-m", "mcdesk_issuer", "--data", str(self.data),
                 "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                stdout=log, stderr=subprocess.STDOUT, env=self.env, start_new_session=True)
        finally:
            log.close()

    def _nginx(self) -> subprocess.Popen[bytes]:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise RuntimeError("nginx is not installed: install Debian's 'nginx' "
                               "(scripts/setup.sh does)")
        folder = self.root / "nginx"
        folder.mkdir()
        conf = folder / "nginx.conf"
        conf.write_text(nginx_config(folder, self.port, self.ports), encoding="utf-8")
        process = subprocess.Popen([binary, "-p", str(folder), "-c", str(conf), "-e",
                                    str(folder / "error.log")], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        wait_until_up(f"http://127.0.0.1:{self.port}/healthz", process, folder / "error.log")
        return process

    def kill_one(self, index: int) -> None:
        self.issuers[index].send_signal(signal.SIGKILL)
        self.issuers[index].wait(10)

    def alive(self) -> dict[int, psutil.Process]:
        return {port: psutil.Process(p.pid) for port, p in zip(self.ports, self.issuers,
                                                                 strict=True)
                if p.poll() is None}

    def close(self) -> None:
        for process in [*self.issuers, *([self.nginx] if self.nginx else [])]:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(10)
        self.cluster.stop()


# ---------------------------------------------------------------------------- the earners


def _with_retries(run: EarnerRun, call: Callable[[], requests.Response]) -> requests.Response:
    """A request repeated while the stack answers that it is busy or that an upstream died
    (the killed issuer): what a patient client does; begin and finalize are idempotent."""
    for attempt in range(30):
        try:
            answer = call()
        except requests.ConnectionError as exc:
            run.retries += 1
            last = str(exc)
        else:
            if answer.status_code not in RETRIED_STATUSES:
                return answer
            run.retries += 1
            last = f"{answer.status_code} {answer.text[:200]}"
        time.sleep(min(0.2 * (attempt + 1), 2.0))
    raise RuntimeError(f"gave up after 30 tries: {last}")


def send(base: str, token: str, bag: Bag, sent: Callable[[str, int], None]) -> EarnerRun:
    """One earner: begin, the missing files through mcdesk's TusClient, finalize."""
    from mcdesk.sync.tus import TusClient, UploadFile

    run = EarnerRun()
    began = time.perf_counter()
    headers = {"Authorization": f"Bearer {token}"}
    path = f"{base}/api/v1/submissions/{bag.submission_id}"
    try:
        with requests.Session() as session:
            session.headers.update(headers)
            session.trust_env = False
            begun = _with_retries(run, lambda: session.put(path, json=bag.begin_body(),
                                                           timeout=60))
            if begun.status_code not in (200, 201):
                raise RuntimeError(f"begin answered {begun.status_code}: {begun.text[:300]}")
            missing = set(begun.json()["missing"])
            def retried(_count: int, _error: Exception) -> None:
                run.retries += 1

            with TusClient(server="the load test's issuers", headers=headers,
                           auth_origin=base) as tus:
                for name, sha256, size in bag.files:
                    if sha256 not in missing:
                        continue
                    missing.discard(sha256)
                    target = bag.folder / name
                    upload = UploadFile(
                        label=name, size=size,
                        opener=lambda target=target: open(target, "rb"),  # noqa: SIM115
                        metadata={"submission": bag.submission_id, "sha256": sha256,
                                  "path": name, "filename": name.rsplit("/", 1)[-1]},
                        sha256=sha256)
                    tus.upload(f"{base}/api/v1/uploads/", upload, on_retry=retried,
                               on_progress=lambda position, name=name: sent(name, position))
            started = time.perf_counter()
            before = run.retries
            done = _with_retries(run, lambda: session.post(f"{path}/finalize", timeout=300))
            run.finalize_retries = run.retries - before
            if done.status_code != 200 or done.json().get("state") != "received":
                raise RuntimeError(f"finalize answered {done.status_code}: {done.text[:300]}")
            run.finalize_s = time.perf_counter() - started
    except Exception as exc:  # the run counts it; the other earners go on
        run.error = f"{type(exc).__name__}: {exc}"
        return run
    run.ok = True
    run.submit_s = time.perf_counter() - began
    return run


class Progress:
    """Payload bytes the earners' uploads have reached, across their threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._positions: dict[tuple[int, str], int] = {}

    def at(self, earner: int, name: str, position: int) -> None:
        with self._lock:
            self._positions[(earner, name)] = position

    @property
    def bytes(self) -> int:
        with self._lock:
            return sum(self._positions.values())


# ----------------------------------------------------------------------------- the run


def run_load(root: Path, *, earners: int = EARNERS, size: int = SIZE,
             processes: int = PROCESSES, kill: bool = True,
             log: Callable[[str], None] = print) -> LoadResult:
    result = LoadResult(earners, size, processes)
    log(f"Building {earners} submission bags of ~{size / 1e6:.1f} MB ...")
    bags = make_bags(root / "bags", earners, size)
    result.bag_bytes = sum(b.size for b in bags)
    log(f"Starting PostgreSQL, {processes} issuer processes and nginx ...")
    stack = Stack(root / "stack", processes, earners)
    try:
        _drive(stack, bags, result, kill, log)
        _check(stack, bags, result)
    finally:
        stack.close()
    return result


def _drive(stack: Stack, bags: list[Bag], result: LoadResult, kill: bool,
           log: Callable[[str], None]) -> None:
    progress = Progress()
    runs: list[EarnerRun | None] = [None] * len(bags)
    total = result.bag_bytes
    stop = threading.Event()
    began = time.perf_counter()

    def take_sample() -> None:
        snapshot: dict[int, float] = {}
        for port, process in stack.alive().items():
            with contextlib.suppress(psutil.Error):
                snapshot[port] = process.memory_info().rss / 1e6
        result.rss.append((time.perf_counter() - began, snapshot))

    def sample() -> None:
        while not stop.is_set():
            take_sample()
            stop.wait(0.5)

    def earner(index: int) -> None:
        runs[index] = send(stack.url, stack.tokens[index], bags[index],
                           lambda name, position: progress.at(index, name, position))

    log(f"{len(bags)} earners sending {total / 1e6:.0f} MB through nginx at {stack.url} ...")
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=earner, args=(i,), daemon=True)
               for i in range(len(bags))]
    for thread in threads:
        thread.start()
    if kill and len(stack.issuers) > 1:
        deadline = time.monotonic() + EARNER_TIMEOUT_S
        while progress.bytes < total * 0.4 and time.monotonic() < deadline \
                and any(t.is_alive() for t in threads):
            time.sleep(0.05)
        result.killed_at_s = time.perf_counter() - began
        log(f"Killing issuer process {stack.ports[1]} at {result.killed_at_s:.1f} s "
            f"({progress.bytes / 1e6:.0f} of {total / 1e6:.0f} MB accepted) ...")
        stack.kill_one(1)
    for thread in threads:
        thread.join(max(1.0, EARNER_TIMEOUT_S - (time.perf_counter() - began)))
    result.seconds = time.perf_counter() - began
    stop.set()
    sampler.join()
    # The end as it is: the sampler's last turn may have come before the kill (the earners
    # all done by then, it was not woken again).
    take_sample()
    result.runs = [r if r is not None else EarnerRun(error="did not finish in time")
                   for r in runs]
    with contextlib.suppress(requests.RequestException, ValueError):
        text = requests.get(f"{stack.url}/metrics", timeout=10).text
        result.metrics_upload_bytes = sum(
            float(line.split()[-1]) for line in text.splitlines()
            if line.startswith("mcdesk_issuer_upload_bytes_total"))
        result.server_finalize_p95 = bucket_percentile(text, "mcdesk_issuer_finalize_seconds",
                                                       0.95)
        result.server_assemble_p95 = bucket_percentile(text, "mcdesk_issuer_assemble_seconds",
                                                       0.95)


def bucket_percentile(text: str, name: str, fraction: float) -> float:
    """The upper bound of the histogram bucket holding the `fraction` percentile."""
    buckets: dict[float, float] = {}
    for line in text.splitlines():
        if line.startswith(f"{name}_bucket{{"):
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            buckets[math.inf if bound == "+Inf" else float(bound)] = float(line.split()[-1])
    total = buckets.get(math.inf, 0.0)
    if not total:
        return math.nan
    return next(bound for bound, count in sorted(buckets.items())
                if count >= fraction * total)


def _check(stack: Stack, bags: list[Bag], result: LoadResult) -> None:
    """Lost, duplicated and invalid, from the database and the bags handed to assessors (the
    ones no process assembled yet are assembled here, as a first download would)."""
    from sqlalchemy import select

    from mcdesk_issuer import bags as issuer_bags
    from mcdesk_issuer.config import Settings
    from mcdesk_issuer.db import Submission
    from mcdesk_issuer.files import hash_file
    from mcdesk_issuer.problems import Problem
    from mcdesk_issuer.service import Issuer

    issuer = Issuer(Settings(stack.data, database_url=stack.database_url))
    try:
        with issuer.db.session() as s:
            rows = list(s.scalars(select(Submission)))
        by_id = {row.id: row for row in rows}
        per_earner: dict[str, int] = {}
        for row in rows:
            per_earner[row.earner_id] = per_earner.get(row.earner_id, 0) + 1
        result.duplicated = sum(n - 1 for n in per_earner.values() if n > 1) + max(
            0, len(rows) - len(bags))
        for bag in bags:
            row = by_id.get(bag.submission_id)
            if row is None or row.state != "received":
                result.lost += 1
                continue
            result.assembled_by_then += row.bag_sha256 is not None
            expected = issuer_bags.Expected(row.id, row.achievement_id, row.version,
                                            row.attempt)
            try:
                served = issuer.served_bags.get(row.id)
            except Problem as exc:
                problems = [f"no bag: {exc.detail}"]
            else:
                problems = issuer_bags.validate(served.path, expected)
                if not problems and hash_file(served.path) != served.sha256:
                    problems = ["the bag's sha256 is not the one recorded"]
            if problems:
                result.invalid.append(f"{row.id}: {'; '.join(problems)[:300]}")
    finally:
        issuer.close()


# ---------------------------------------------------------------------------- reporting


def figures(result: LoadResult) -> list[Figure]:
    finalize = result.finalize_times
    p95 = percentile(finalize, 0.95)
    ok = sum(1 for r in result.runs if r.ok)
    peak = result.peak_rss()
    mb = result.bag_bytes / 1e6
    return [
        Figure(f"issuer load: {result.earners} earners x {result.size / 1e6:.0f} MB",
               f"{ok}/{result.earners} received", "-", None,
               "0 lost, 0 duplicated, every bag valid",
               result.lost == 0 and result.duplicated == 0 and not result.invalid and
               ok == result.earners,
               f"lost {result.lost}, duplicated {result.duplicated}, invalid bags "
               f"{len(result.invalid)}" + (f"; {result.invalid[0]}" if result.invalid else "")),
        Figure("issuer load: p95 finalize", f"{p95:.2f} s", "-", None,
               f"< {GOAL_P95_FINALIZE_S:.0f} s", p95 < GOAL_P95_FINALIZE_S,
               f"as the earners waited for it: p50 {percentile(finalize, 0.5):.2f} s, p99 "
               f"{percentile(finalize, 0.99):.2f} s; the server's own work (check and "
               f"record, /metrics histogram): p95 <= {result.server_finalize_p95:g} s; "
               f"assembling after the answer: p95 <= {result.server_assemble_p95:g} s, "
               f"{result.assembled_by_then}/{len(result.finalize_times)} bags assembled "
               "when the last earner finished"),
        Figure("issuer load: throughput", f"{mb / result.seconds:.1f} MB/s", "-", None,
               "info", None, f"{ok / result.seconds:.2f} submissions/s over "
               f"{result.seconds:.1f} s through nginx and {result.processes} issuers"),
        Figure("issuer load: issuer memory", f"{peak:.0f} MB", f"{result.start_rss():.0f} MB "
               "at start", None, f"< {GOAL_PEAK_RSS_MB:.0f} MB", peak < GOAL_PEAK_RSS_MB,
               f"peak resident memory of any issuer process while {mb:.0f} MB passed "
               "through; it follows the requests in flight, not the bytes"),
    ]


def details(result: LoadResult) -> str:
    submit = result.submit_times
    finalize = result.finalize_times
    lines = [f"Issuer load: {result.earners} earners, {result.bag_bytes / 1e6:.0f} MB of bags, "
             f"{result.processes} issuer processes behind nginx on PostgreSQL, "
             f"{result.seconds:.1f} s."]
    if result.killed_at_s is not None:
        lines.append(f"  one issuer process killed (SIGKILL) at {result.killed_at_s:.1f} s; "
                     f"requests and uploads the earners retried: "
                     f"{sum(r.retries for r in result.runs)} (finalize requests: "
                     f"{sum(r.finalize_retries for r in result.runs)})")
    for name, values in (("submission (begin to received)", submit),
                         ("finalize", finalize)):
        lines.append(f"  {name}: p50 {percentile(values, 0.5):.2f} s, p90 "
                     f"{percentile(values, 0.9):.2f} s, p95 {percentile(values, 0.95):.2f} s, "
                     f"p99 {percentile(values, 0.99):.2f} s, max "
                     f"{max(values, default=math.nan):.2f} s")
    lines.append(f"  throughput: {result.bag_bytes / 1e6 / result.seconds:.1f} MB/s, "
                 f"{len(submit) / result.seconds:.2f} submissions/s")
    lines.append(f"  /metrics (all processes, multiprocess mode): "
                 f"{result.metrics_upload_bytes / 1e6:.1f} MB of PATCH bodies counted")
    if result.rss:
        step = max(1, len(result.rss) // 8)
        for at, sample in result.rss[::step] + result.rss[-1:]:
            cells = ", ".join(f"{port}: {mb:.0f} MB" for port, mb in sorted(sample.items()))
            lines.append(f"  RSS at {at:6.1f} s: {cells}")
    failed = [r.error for r in result.runs if not r.ok]
    if failed:
        lines.append(f"  {len(failed)} earner(s) failed, first: {failed[0][:500]}")
    return "\n".join(lines)


def run(*, quick: bool) -> tuple[list[Figure], list[str]]:
    """For ``python -m benchmarks --only issuer-load``."""
    with tempfile.TemporaryDirectory(prefix="mcdesk-load-") as temp:
        result = run_load(Path(temp), earners=QUICK_EARNERS if quick else EARNERS,
                          size=QUICK_SIZE if quick else SIZE)
    return figures(result), [details(result)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.issuer_load",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_EARNERS} earners of {QUICK_SIZE / 1e6:.0f} MB instead of "
                             f"{EARNERS} of {SIZE / 1e6:.0f} MB")
    parser.add_argument("--earners", type=int, help="how many earners (overrides --quick)")
    parser.add_argument("--size-mb", type=float, help="each bag's evidence, in MB")
    parser.add_argument("--no-kill", dest="kill", action="store_false",
                        help="keep every issuer process alive")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    earners = args.earners or (QUICK_EARNERS if args.quick else EARNERS)
    size = int(args.size_mb * 1e6) if args.size_mb else (QUICK_SIZE if args.quick else SIZE)
    with tempfile.TemporaryDirectory(prefix="mcdesk-load-") as temp:
        result = run_load(Path(temp), earners=earners, size=size, kill=args.kill)
    print()
    print(details(result))
    print()
    made = figures(result)
    print(format_table(made))
    if args.json:
        print(json.dumps([f.__dict__ for f in made], default=str))
    return 0 if all(f.passed is not False for f in made) else 1


if __name__ == "__main__":
    sys.exit(main())
