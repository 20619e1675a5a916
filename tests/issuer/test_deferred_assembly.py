"""Finalize answers before the bag handed to assessors is assembled: the zip does not exist
right after finalize, yet any issuer (two here, on one database and data folder) builds the
same valid, blind bytes on the first download; a `.partial` and a lease left by a process
killed while assembling are taken over; a file damaged on disk after finalize is found when
assembling and asked of the earner again; on SQLite and PostgreSQL; test thread."""

from __future__ import annotations

import hashlib
import io
import json
import threading
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from mcdesk.formats.bag import read_bag
from mcdesk_issuer import assigning, leases, service
from mcdesk_issuer.db import Assignment, Submission
from mcdesk_issuer.models import BeginBody
from mcdesk_issuer.problems import Problem
from mcdesk_issuer.served_bags import ASSEMBLE_LEASE_S
from mcdesk_issuer.service import Caller, Issuer
from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import Backend, Bag, Portfolio, upload_in_process

EARNER_NAME = "Ada Quillfeather-Teacher"


@dataclass
class Desk:
    """Two issuers over one data folder and database (as two processes are), neither
    assembling in the background, and the people acting on them."""

    first: Issuer
    second: Issuer
    earner: Caller
    assessor: Caller

    def send(self, bag: Bag) -> None:
        issuer = self.first
        issuer.begin(self.earner, bag.submission_id, BeginBody.model_validate(bag.begin_body()))
        upload_in_process(issuer, self.earner, bag)
        assert issuer.finalize(self.earner, bag.submission_id)["state"] == "received"

    def row(self, submission_id: str) -> Submission:
        with self.first.db.session() as s:
            row = s.get(Submission, submission_id)
            assert row is not None
            s.expunge(row)
            return row

    def assignment(self, submission_id: str) -> str:
        listed = self.first.assignments(self.assessor)
        found = [a for a in listed if a["submissionId"] == submission_id]
        assert len(found) == 1, listed
        return str(found[0]["assignmentId"])


@pytest.fixture
def desk(tmp_path: Path, backend: Backend) -> Iterator[Desk]:
    settings = backend.settings(tmp_path / "data", background_work=False)
    first = Issuer(settings)
    first.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
    made = first.create_token("earner", "Ada Teacher")
    earner = Caller(made.account_id, made.name, made.role)
    assessors = [first.create_token("assessor", name) for name in ("Cleo", "Dev")]
    second = Issuer(settings)
    try:
        yield Desk(first, second, earner,
                   Caller(assessors[0].account_id, assessors[0].name, "assessor"))
    finally:
        second.close()
        first.close()


@pytest.fixture
def named_bag(teacher_portfolio: Portfolio) -> Iterator[Portfolio]:
    """The teacher's portfolio while its owner's name is set: bags that name the earner."""
    roles = teacher_portfolio.workspace.roles
    roles.set_owner_name(EARNER_NAME)
    try:
        yield teacher_portfolio
    finally:
        roles.set_owner_name(None)


def test_finalize_answers_before_the_zip_exists_and_any_process_builds_the_same(
        desk: Desk, named_bag: Portfolio, tmp_path: Path) -> None:
    bag = named_bag.bag(answer="Received at once; the zip is made after the answer.")
    assert json.loads(bag.files["data/submission.json"])["earner"]["name"] == EARNER_NAME
    desk.send(bag)
    bags_folder = desk.first.files.bags
    assert list(bags_folder.iterdir()) == []  # no zip, no .partial: nothing was assembled
    row = desk.row(bag.submission_id)
    assert row.state == "received" and row.bag_sha256 is None and row.bag_size is None

    # The second "process" builds it on the assessor's download.
    download = desk.second.bag(desk.assessor, desk.assignment(bag.submission_id))
    built = download.path.read_bytes()
    assert hashlib.sha256(built).hexdigest() == download.sha256 == desk.row(
        bag.submission_id).bag_sha256
    assert len(built) == download.size
    copy = tmp_path / "assessor.zip"
    copy.write_bytes(built)
    assert read_bag(copy).problems == ()
    with zipfile.ZipFile(io.BytesIO(built)) as opened:
        texts = [opened.read(info) for info in opened.infolist()]
        metadata = json.loads(opened.read(f"{bag.bag_name}/data/submission.json"))
    assert "earner" not in metadata and all(EARNER_NAME.encode() not in t for t in texts)
    assert [p.name for p in bags_folder.iterdir()] == [f"{bag.submission_id}.zip"]

    # Forgotten, and built again by the first one: the same bytes.
    download.path.unlink()
    with desk.first.db.session() as s:
        stored = s.get(Submission, bag.submission_id)
        assert stored is not None
        stored.bag_sha256 = stored.bag_size = None
    again = desk.first.served_bags.get(bag.submission_id)
    assert again.path.read_bytes() == built and again.sha256 == download.sha256
    listed = desk.first.assignments(desk.assessor)
    assert {a["bagSha256"] for a in listed if a["submissionId"] == bag.submission_id} == {
        download.sha256}


def test_a_listing_assembles_what_is_pending(desk: Desk, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="Listed before anyone downloaded it.")
    desk.send(bag)
    listed = [a for a in desk.second.assignments(desk.assessor)
              if a["submissionId"] == bag.submission_id]
    path = desk.first.files.bag_path(bag.submission_id)
    assert listed[0]["bagSha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert listed[0]["bagSize"] == path.stat().st_size
    assert path.read_bytes() == bag.zip_bytes  # nobody named: the bag exactly as sent


def test_a_process_killed_while_assembling_leaves_nothing_in_the_way(
        desk: Desk, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="The process assembling this one was killed.")
    desk.send(bag)
    dest = desk.first.files.bag_path(bag.submission_id)
    partial = dest.with_name(dest.name + ".partial")
    partial.write_bytes(b"PK\x03\x04 half of a zip, then SIGKILL")
    # Its lease is still in the database until it runs out.
    assert leases.acquire(desk.first.db, f"assemble:{bag.submission_id}", "dead", 1.0)
    began = time.monotonic()
    download = desk.second.served_bags.get(bag.submission_id)
    assert 0.5 < time.monotonic() - began < ASSEMBLE_LEASE_S
    assert download.path == dest and dest.read_bytes() == bag.zip_bytes
    assert not partial.exists()


def test_a_file_damaged_after_finalize_is_found_when_assembling_and_sent_again(
        desk: Desk, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="A file rots on the server's disk after finalize.")
    desk.send(bag)
    video = next(p for p in bag.files if p.endswith(".mp4"))
    sha256 = hashlib.sha256(bag.files[video]).hexdigest()
    blob = desk.first.files.blob_path(sha256)
    damaged = bytearray(blob.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    blob.write_bytes(bytes(damaged))
    with desk.first.db.session() as s:
        assigned = list(s.scalars(select(Assignment.id).where(
            Assignment.submission_id == bag.submission_id)))
    assert assigned
    with pytest.raises(Problem) as refused:
        desk.second.bag(desk.assessor, assigned[0])
    assert refused.value.status == 404 and "damaged" in refused.value.detail
    assert not blob.exists()
    assert list(desk.first.files.bags.iterdir()) == []
    # Back to its earner: open, unassigned, the damaged file missing.
    row = desk.row(bag.submission_id)
    assert row.state == "open" and row.received_at is None
    with desk.first.db.session() as s:
        assert list(s.scalars(select(Assignment).where(
            Assignment.submission_id == bag.submission_id))) == []
    status = desk.first.status(desk.earner, bag.submission_id)
    assert status["state"] == "open"
    _, begun = desk.first.begin(desk.earner, bag.submission_id,
                                BeginBody.model_validate(bag.begin_body()))
    assert begun["missing"] == [sha256]
    upload_in_process(desk.first, desk.earner, Bag(bag.submission_id, bag.bag_name,
                                                   {video: bag.files[video]}))
    assert desk.first.finalize(desk.earner, bag.submission_id)["state"] == "received"
    download = desk.second.bag(desk.assessor, desk.assignment(bag.submission_id))
    assert download.path.read_bytes() == bag.zip_bytes


def test_in_the_background_the_bag_is_ready_soon_after_finalize(
        tmp_path: Path, backend: Backend, teacher_portfolio: Portfolio) -> None:
    issuer = Issuer(backend.settings(tmp_path / "data"))
    try:
        issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        made = issuer.create_token("earner", "Ada Teacher")
        earner = Caller(made.account_id, made.name, made.role)
        bag = teacher_portfolio.bag(answer="Assembled by the assembler thread.")
        issuer.begin(earner, bag.submission_id, BeginBody.model_validate(bag.begin_body()))
        upload_in_process(issuer, earner, bag)
        assert issuer.finalize(earner, bag.submission_id)["state"] == "received"
        deadline = time.monotonic() + 30
        while True:
            with issuer.db.session() as s:
                row = s.get(Submission, bag.submission_id)
                recorded = row.bag_sha256 if row is not None else None
            if recorded is not None:
                break
            assert time.monotonic() < deadline, "not assembled in 30 s"
            time.sleep(0.05)
    finally:
        issuer.close()
    built = issuer.files.bag_path(bag.submission_id).read_bytes()
    assert built == bag.zip_bytes and hashlib.sha256(built).hexdigest() == recorded


@pytest.fixture
def busy_desk(tmp_path: Path, backend: Backend) -> Iterator[tuple[Issuer, Caller]]:
    """One issuer doing its work after the answer in the background (as the server does),
    on PostgreSQL: the engine whose row and advisory locks several processes share."""
    if backend.cluster is None:
        pytest.skip("SQLite has one writer at a time: no lock to find busy")
    issuer = Issuer(backend.settings(tmp_path / "data"))
    issuer.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
    made = issuer.create_token("earner", "Ada Teacher")
    for name in ("Cleo", "Dev"):
        issuer.create_token("assessor", name)
    try:
        yield issuer, Caller(made.account_id, made.name, made.role)
    finally:
        issuer.close()


def test_finalize_does_not_wait_for_another_requests_assignments(
        busy_desk: tuple[Issuer, Caller], teacher_portfolio: Portfolio) -> None:
    issuer, earner = busy_desk
    bag = teacher_portfolio.bag(answer="Finalized while another request was assigning.")
    issuer.begin(earner, bag.submission_id, BeginBody.model_validate(bag.begin_body()))
    upload_in_process(issuer, earner, bag)

    def assigned() -> int:
        with issuer.db.session() as s:
            return len(list(s.scalars(select(Assignment).where(
                Assignment.submission_id == bag.submission_id))))

    with issuer.db.session() as s:
        issuer.db.lock(s, assigning.LOCK)  # another request assigning, for as long as this
        answer: list[dict[str, object]] = []
        worker = threading.Thread(target=lambda: answer.append(
            issuer.finalize(earner, bag.submission_id)))
        worker.start()
        worker.join(20)
        assert answer == [{"submissionId": bag.submission_id, "state": "received"}]
        assert assigned() == 0
    deadline = time.monotonic() + 20
    while assigned() < 2:  # the assigner thread, once the lock is free
        assert time.monotonic() < deadline, "not assigned after the lock was released"
        time.sleep(0.05)


def test_a_finalize_meeting_another_on_the_same_submission_waits_then_says_locked(
        busy_desk: tuple[Issuer, Caller], teacher_portfolio: Portfolio,
        monkeypatch: pytest.MonkeyPatch) -> None:
    issuer, earner = busy_desk
    bag = teacher_portfolio.bag(answer="Two finalizes of one submission at once.")
    issuer.begin(earner, bag.submission_id, BeginBody.model_validate(bag.begin_body()))
    upload_in_process(issuer, earner, bag)
    monkeypatch.setattr(service, "FINALIZE_WAIT_S", 0.5)
    with issuer.db.session() as s:
        s.get(Submission, bag.submission_id, with_for_update=True)  # the other one's row
        began = time.monotonic()
        with pytest.raises(Problem) as locked:
            issuer.finalize(earner, bag.submission_id)
        assert locked.value.status == 423 and time.monotonic() - began >= 0.5
    assert issuer.finalize(earner, bag.submission_id)["state"] == "received"
