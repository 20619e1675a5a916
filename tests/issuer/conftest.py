"""The reference issuer under test: a real `mcdesk-issuer` process (uvicorn) on 127.0.0.1 and a
free port, over a temporary data folder with the demo catalog and one token per role, on
SQLite and again on PostgreSQL (the `backend` fixture); real submission bags built with
mcdesk's own services; test thread."""

from __future__ import annotations

import hashlib
import io
import os
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from mcdesk.core.evidence import Evidence
from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from mcdesk_issuer.config import Settings
from mcdesk_issuer.service import Caller, Issuer
from tests.conftest import DEMO_CATALOG
from tests.package_helpers import item, snapshot
from tests.pg_cluster import PgCluster

ISSUER_NAME = "Riverbend Teacher Learning Collaborative"
EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
RUBRIC = f"{EXIT_TICKETS}/rubric"
TIMEOUT = 15
TUS = {"Tus-Resumable": "1.0.0"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Api:
    """requests against the server as one person (or nobody)."""

    def __init__(self, base: str, token: str | None) -> None:
        self.base = base
        self.token = token
        self.session = requests.Session()
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base + path

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", TIMEOUT)
        return self.session.request(method, self.url(path), **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    # -- tus -------------------------------------------------------------------------

    def create_upload(self, submission_id: str, path: str, data: bytes, *,
                      sha256: str | None = None, length: int | None = None
                      ) -> requests.Response:
        import base64

        def b64(text: str) -> str:
            return base64.b64encode(text.encode()).decode()

        metadata = (f"submission {b64(submission_id)},"
                    f"sha256 {b64(sha256 or hashlib.sha256(data).hexdigest())},path {b64(path)}")
        return self.post("/api/v1/uploads/", headers={
            **TUS, "Upload-Length": str(len(data) if length is None else length),
            "Upload-Metadata": metadata})

    def patch(self, location: str, offset: int, chunk: bytes) -> requests.Response:
        return self.request("PATCH", location, data=chunk, headers={
            **TUS, "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream"})

    def head(self, location: str) -> requests.Response:
        return self.request("HEAD", location, headers=TUS)

    def upload(self, submission_id: str, path: str, data: bytes) -> requests.Response:
        created = self.create_upload(submission_id, path, data)
        assert created.status_code == 201, created.text
        if not data:
            return created
        return self.patch(created.headers["Location"], 0, data)


@dataclass
class Bag:
    """A submission package's files, as a client sends them."""

    submission_id: str
    bag_name: str
    files: dict[str, bytes]
    attempt: int = 1
    version: str = "1.0"
    achievement_id: str = EXIT_TICKETS
    zip_bytes: bytes = b""

    def entries(self) -> list[dict[str, Any]]:
        return [{"path": p, "sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                for p, d in self.files.items()]

    def begin_body(self) -> dict[str, Any]:
        return {"achievementId": self.achievement_id, "version": self.version,
                "attempt": self.attempt, "bagName": self.bag_name, "files": self.entries()}

    def by_sha256(self) -> dict[str, tuple[str, bytes]]:
        return {hashlib.sha256(d).hexdigest(): (p, d) for p, d in self.files.items()}


@dataclass
class Portfolio:
    """A teacher's portfolio with evidence, which builds real bags."""

    workspace: Workspace
    evidence: dict[str, Evidence]
    folder: Path
    built: int = field(default=0)

    def bag(self, submission_id: str | None = None, *, attempt: int = 1,
            answer: str | None = None) -> Bag:
        sid = submission_id or str(uuid.uuid4())
        ws = self.workspace
        items = [item(ws, "p2-video", 0, self.evidence["lesson.mp4"], "The exit ticket."),
                 item(ws, "p2-samples", 0, self.evidence["work.jpg"], "Sorted as got it."),
                 item(ws, "p2-plan", 0, self.evidence["plan.pdf"], "The next lesson.")]
        answers = None if answer is None else {"p1-context": answer, "p3-impact": answer}
        self.built += 1
        dest = self.folder / f"bag-{self.built}.zip"
        built = ws.packages.build(snapshot(items, submission_id=sid, attempt=attempt,
                                           answers=answers), dest, keep_copy=False)
        data = dest.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as opened:
            files = {info.filename.split("/", 1)[1]: opened.read(info)
                     for info in opened.infolist()}
        return Bag(sid, built.bag_name, files, attempt, zip_bytes=data)


@dataclass(frozen=True)
class Backend:
    """The database engine the issuer runs on: SQLite in the data folder, or a new database
    in the session's PostgreSQL cluster for each data folder."""

    name: str
    cluster: PgCluster | None = None

    def database_url(self) -> str | None:
        return None if self.cluster is None else self.cluster.url()

    def settings(self, data: Path, **options: Any) -> Settings:
        return Settings(data, database_url=self.database_url(), **options)


def database_args(url: str | None) -> list[str]:
    return [] if url is None else ["--database-url", url]


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> Backend:
    if request.param == "sqlite":
        return Backend("sqlite")
    return Backend("postgresql", request.getfixturevalue("pg_cluster"))


@dataclass
class Server:
    url: str
    data: Path
    process: subprocess.Popen[bytes]
    tokens: dict[str, str]
    database_url: str | None = None
    opened: Issuer | None = None

    def api(self, who: str | None) -> Api:
        return Api(self.url, None if who is None else self.tokens[who])

    def issuer(self) -> Issuer:
        """The server's state, opened beside it once (closed with the server)."""
        if self.opened is None:
            self.opened = Issuer(Settings(self.data, database_url=self.database_url))
        return self.opened

    def close(self) -> None:
        if self.opened is not None:
            self.opened.close()

    def send(self, bag: Bag, who: str = "earner") -> requests.Response:
        """Begin, upload what is missing, finalize: the finalize response."""
        api = self.api(who)
        begun = api.put(f"/api/v1/submissions/{bag.submission_id}", json=bag.begin_body())
        assert begun.status_code in (200, 201), begun.text
        files = bag.by_sha256()
        for sha256 in begun.json()["missing"]:
            path, data = files[sha256]
            sent = api.upload(bag.submission_id, path, data)
            assert sent.status_code in (201, 204), sent.text
        return api.post(f"/api/v1/submissions/{bag.submission_id}/finalize")


def upload_in_process(issuer: Issuer, earner: Caller, bag: Bag) -> None:
    """Every file of a begun `bag` sent through the service's own tus steps (create the
    upload, write its bytes, complete it), as the HTTP layer does: the files are then the
    earner's own."""
    for sha256, (path, data) in bag.by_sha256().items():
        info = issuer.uploads.create(earner, len(data), {
            "submission": bag.submission_id, "sha256": sha256, "path": path})
        issuer.files.part_path(info.id).write_bytes(data)
        issuer.uploads.complete(earner, info)


def start_server(data: Path, *extra: str, env: dict[str, str] | None = None,
                 log_level: str = "warning") -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    log = open(data / "server.log", "ab")  # noqa: SIM115 - handed to the process
    process = subprocess.Popen(
        [sys.executable, "-m", "mcdesk_issuer", "--data", str(data), "--host", "127.0.0.1",
         "--port", str(port), "--log-level", log_level, *extra],
        stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    log.close()
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # at most ~30 s
        if process.poll() is not None:
            raise RuntimeError("the issuer stopped: "
                               + (data / "server.log").read_text(errors="replace"))
        try:
            if requests.get(f"{url}/.well-known/mcdesk-issuer", timeout=1).ok:
                return process, url
        except requests.ConnectionError:
            pass
        time.sleep(0.1)
    process.kill()
    raise RuntimeError("the issuer did not start in time")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, backend: Backend) -> Iterator[Server]:
    data = tmp_path_factory.mktemp("issuer")
    url = backend.database_url()
    issuer = Issuer(Settings(data, database_url=url))
    try:
        issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        tokens = {
            "earner": issuer.create_token("earner", "Ada Teacher").token,
            "earner2": issuer.create_token("earner", "Ben Teacher").token,
            "assessor": issuer.create_token("assessor", "Cleo Assessor").token,
            "assessor2": issuer.create_token("assessor", "Dev Assessor").token,
            "staff": issuer.create_token("staff", "Eve Coordinator").token,
            "expired": issuer.create_token("earner", "Old Teacher", expires_days=-1).token,
        }
    finally:
        issuer.close()
    process, address = start_server(data, "--name", ISSUER_NAME, *database_args(url))
    running = Server(address, data, process, tokens, url)
    yield running
    running.close()
    stop_server(process)


@pytest.fixture(scope="session")
def teacher_portfolio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portfolio]:
    from mcdesk.services.evidence import stop_media_workers

    folder = tmp_path_factory.mktemp("teacher")
    workspace = Workspace.open(folder / "portfolio", seed_demo=True)
    files = [demo.make_demo_video(folder / "lesson.mp4", seconds=1.0),
             demo.make_demo_photo(folder / "work.jpg", gps=None, text="3/4 > 2/3"),
             demo.make_demo_pdf(folder / "plan.pdf", title="Next lesson",
                                paragraphs=["Small groups on the number line."])]
    report = workspace.evidence.add_paths(files)
    assert report.ok, report
    evidence = {e.original_name or "": e for e in workspace.evidence.all()}
    yield Portfolio(workspace, evidence, folder)
    workspace.close()
    stop_media_workers()
