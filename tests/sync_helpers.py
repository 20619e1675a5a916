"""Helpers for the sync tests: the reference issuing server (mcdesk_issuer) run in its own
process on 127.0.0.1 and managed through its CLI, a fake clock, and a draft made ready through
the services with real PDFs (one of them as large as asked); test thread."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from tests.conftest import DEMO_CATALOG, REPO
from tests.tus_peers import free_port

FAMILY = "https://demo.mcdesk.org/achievements/two-way-family-communication"
SENTENCE = ("Families in my class speak four languages and most of them read messages on a "
            "phone in the evening, so every message I send is short and translated. ")
START_TIMEOUT = 30.0


def issuer_missing_reason() -> str | None:
    if not (REPO / "issuer" / "mcdesk_issuer" / "cli.py").is_file():
        return "the reference issuer (issuer/mcdesk_issuer) is not there yet"
    return None


def words(count: int) -> str:
    text = (SENTENCE * (count // len(SENTENCE.split()) + 1)).split()[:count]
    return " ".join(text) + "."


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class Issuer:
    url: str
    data: Path
    #: PostgreSQL's URL when the issuer runs on it (None: SQLite in the data folder).
    database_url: str | None = None

    @property
    def env(self) -> dict[str, str]:
        env = {**os.environ, "PYTHONPATH": str(REPO / "issuer")}
        if self.database_url is not None:
            env["MCDESK_ISSUER_DATABASE_URL"] = self.database_url
        return env

    def cli(self, *args: str) -> str:
        run = subprocess.run([sys.executable, "-m", "mcdesk_issuer", "--data", str(self.data),
                              *args], cwd=REPO, capture_output=True, text=True, timeout=60,
                             check=False, env=self.env)
        assert run.returncode == 0, (args, run.stdout, run.stderr)
        return run.stdout

    def token(self, role: str, name: str) -> str:
        return self.cli("token", "create", "--role", role, "--name", name).strip()

    def get(self, path: str, token: str) -> requests.Response:
        return requests.get(self.url + path, headers={"Authorization": f"Bearer {token}"},
                            timeout=10)

    def decide(self, submission_id: str, state: str, staff_token: str,
               feedback: list[dict[str, str | None]] | None = None) -> None:
        """A staff decision through the API (POST …/decision)."""
        with requests.post(f"{self.url}/api/v1/submissions/{submission_id}/decision",
                           json={"state": state, "feedback": feedback or [],
                                 "overrideReason": "Set-up: no waiting for reviews."},
                           headers={"Authorization": f"Bearer {staff_token}"},
                           timeout=30) as answer:
            assert answer.status_code in (200, 201), answer.text

    def submissions(self) -> list[str]:
        """Every submission the server holds, as the lines of its CLI."""
        return [line for line in self.cli("submissions").splitlines() if line.strip()]


@contextmanager
def running_issuer(data: Path, *extra: str, database_url: str | None = None
                   ) -> Iterator[Issuer]:
    data.mkdir(parents=True, exist_ok=True)
    port = free_port()
    issuer = Issuer(f"http://127.0.0.1:{port}", data, database_url)
    issuer.cli("catalog", "import", str(DEMO_CATALOG))
    process = subprocess.Popen(
        [sys.executable, "-m", "mcdesk_issuer", "--data", str(data), "--port", str(port),
         "--log-level", "warning", *extra], cwd=REPO, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, start_new_session=True, env=issuer.env)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                out = process.stdout.read().decode(errors="replace") if process.stdout else ""
                raise RuntimeError(f"mcdesk-issuer exited early: {out}")
            try:
                with requests.get(issuer.url + "/.well-known/mcdesk-issuer",
                                  timeout=1) as answer:
                    if answer.status_code == 200:
                        break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("mcdesk-issuer did not start")
            time.sleep(0.1)
        yield issuer
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


def make_big_pdf(path: Path, size: int) -> Path:
    """A valid one-page PDF of about `size` bytes: its bulk is an unused stream of random
    bytes (incompressible, like a video)."""
    header = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    blob = os.urandom(max(0, size - 600))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        b"<< /Length " + str(len(blob)).encode() + b" >>\nstream\n" + blob + b"\nendstream",
    ]
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            .encode())
    path.write_bytes(bytes(out))
    return path


def ready_draft(workspace: Workspace, files: Path, *, big_bytes: int = 0) -> str:
    """A draft of the family-communication micro-credential with every criterion answered;
    with `big_bytes`, the survey is a PDF of that size."""
    if workspace.catalog.count() == 0:
        workspace.catalog.import_file(DEMO_CATALOG)
    files.mkdir(parents=True, exist_ok=True)
    names = ["Family survey", "Message one", "Message two", "Message three", "Contact log"]
    paths = []
    for name in names:
        path = files / f"{name}.pdf"
        if name == "Family survey" and big_bytes:
            make_big_pdf(path, big_bytes)
        else:
            demo.make_demo_pdf(path, title=name,
                               paragraphs=[f"{name}: what was sent and what came back."])
        paths.append(path)
    ids = {}
    for path in paths:
        result = workspace.evidence.add_file(path)
        assert result.evidence is not None, result
        ids[path.stem] = result.evidence.id
    drafts = workspace.drafts
    draft = drafts.new(FAMILY)
    for criterion, count in (("p1-context", 120), ("p1-plan", 130), ("p3-partnership", 250)):
        drafts.write_answer(draft.id, criterion, words(count))
    for criterion, name in (("p2-survey", "Family survey"), ("p2-messages", "Message one"),
                            ("p2-messages", "Message two"), ("p2-messages", "Message three"),
                            ("p2-log", "Contact log")):
        drafts.attach(draft.id, criterion, ids[name], f"{name}, names removed.")
    readiness = drafts.check(draft.id)
    assert readiness.ready, readiness.problems
    return draft.id


def submitted(issuer: Issuer, folder: Path, name: str = "Dee Teacher") -> str:
    """A teacher's portfolio in `folder` that sent a ready draft to `issuer`: the
    submission's id (the portfolio is closed again)."""
    earner = Workspace.open(folder / "earner")
    try:
        draft_id = ready_draft(earner, folder / "files")
        earner.sync.add_server("earner-side", issuer.url, issuer.token("earner", name))
        earner.sync.queue(draft_id)
        assert earner.sync.sync_once().ok
        (item,) = earner.sync.outbox()
        return item.submission_id
    finally:
        earner.close()


def staff_desk(issuer: Issuer, folder: Path) -> tuple[Workspace, str]:
    """A staff member's portfolio in `folder` on `issuer`, working as staff: (the portfolio,
    their token); close it when done."""
    from mcdesk.core.reviews import Role

    token = issuer.token("staff", "Ola Staff")
    staff = Workspace.open(folder / "staff")
    staff.sync.add_server("staff-side", issuer.url, token)
    staff.roles.switch(Role.STAFF)
    return staff, token
