"""Per-person limits on open uploads, run over real HTTP against issuers started with small
limits: many uploads each one byte short, too many bytes announced, a disk under its
reserve, and expired uploads cleaned away; test thread."""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from tests.conftest import DEMO_CATALOG
from tests.issuer.conftest import Api, Backend, Bag, Portfolio, Server
from tests.issuer.fresh import fresh_server

VIDEO = "data/evidence/p2-video-01-lesson.mp4"
GIB = 1024**3


def begun(server: Server, portfolio: Portfolio, who: str = "earner") -> tuple[Api, Bag]:
    bag = portfolio.bag(answer=f"Quota test {uuid.uuid4()}: uploads left unfinished.")
    api = server.api(who)
    answer = api.put(f"/api/v1/submissions/{bag.submission_id}", json=bag.begin_body())
    assert answer.status_code == 201, answer.text
    return api, bag


def one_byte_short(api: Api, bag: Bag) -> str:
    """An upload of the video left one byte short of done; its location."""
    data = bag.files[VIDEO]
    created = api.create_upload(bag.submission_id, VIDEO, data)
    assert created.status_code == 201, created.text
    location = created.headers["Location"]
    assert api.patch(location, 0, data[:-1]).status_code == 204
    return location


def test_open_uploads_are_limited_per_person(tmp_path: Path,
                                             teacher_portfolio: Portfolio) -> None:
    """The attack as found: one file uploaded again and again, each time one byte short, so
    nothing ever completes; the default quota stops it at 20."""
    with fresh_server(tmp_path / "issuer") as server:
        api, bag = begun(server, teacher_portfolio)
        locations = [one_byte_short(api, bag) for _ in range(20)]
        refused = api.create_upload(bag.submission_id, VIDEO, bag.files[VIDEO])
        assert refused.status_code == 429, refused.text
        assert refused.headers["Content-Type"] == "application/problem+json"
        assert int(refused.headers["Retry-After"]) > 0
        problem = refused.json()
        assert problem["type"].endswith("/quota-exceeded")
        assert problem["openUploads"] == 20 and problem["maxOpenUploads"] == 20
        assert "20 unfinished uploads" in problem["detail"]
        # Someone else is not held back by Ada's uploads.
        ben, his = begun(server, teacher_portfolio, "earner2")
        assert ben.create_upload(his.submission_id, VIDEO, his.files[VIDEO]).status_code == 201
        # Finishing or deleting one of hers makes room again.
        assert api.request("DELETE", locations[0], headers={"Tus-Resumable": "1.0.0"}
                           ).status_code == 204
        assert api.create_upload(bag.submission_id, VIDEO, bag.files[VIDEO]
                                 ).status_code == 201


def test_the_open_upload_quota_is_configurable(tmp_path: Path,
                                              teacher_portfolio: Portfolio) -> None:
    with fresh_server(tmp_path / "issuer", "--max-open-uploads", "2") as server:
        api, bag = begun(server, teacher_portfolio)
        for _ in range(2):
            one_byte_short(api, bag)
        refused = api.create_upload(bag.submission_id, VIDEO, bag.files[VIDEO])
        assert refused.status_code == 429
        assert refused.json()["maxOpenUploads"] == 2


def test_bytes_announced_by_open_uploads_are_limited_per_person(
        tmp_path: Path, teacher_portfolio: Portfolio) -> None:
    size = len(teacher_portfolio.bag().files[VIDEO])
    quota = f"{1.5 * size / GIB:.12f}"
    with fresh_server(tmp_path / "issuer", "--max-open-upload-gb", quota) as server:
        api, bag = begun(server, teacher_portfolio)
        one_byte_short(api, bag)
        refused = api.create_upload(bag.submission_id, VIDEO, bag.files[VIDEO])
        assert refused.status_code == 429, refused.text
        assert refused.json()["openUploadBytes"] == size


def test_an_upload_that_would_leave_the_disk_under_its_reserve_is_refused(
        tmp_path: Path, teacher_portfolio: Portfolio) -> None:
    with fresh_server(tmp_path / "issuer", "--reserve-free-gb", "100000000") as server:
        api, bag = begun(server, teacher_portfolio)
        refused = api.create_upload(bag.submission_id, VIDEO, bag.files[VIDEO])
        assert refused.status_code == 507, refused.text
        assert refused.headers["Content-Type"] == "application/problem+json"
        assert refused.json()["type"].endswith("/insufficient-storage")
        assert "free disk space" in refused.json()["detail"]
        assert not list((server.data / "uploads").iterdir())


def test_expired_open_uploads_are_cleaned(tmp_path: Path,
                                          teacher_portfolio: Portfolio) -> None:
    with fresh_server(tmp_path / "issuer", "--upload-hours", "0.0005",
                      "--max-open-uploads", "1") as server:
        api, bag = begun(server, teacher_portfolio)
        location = one_byte_short(api, bag)
        part = server.data / "uploads" / f"{location.rsplit('/', 1)[1]}.part"
        assert part.stat().st_size == len(bag.files[VIDEO]) - 1
        time.sleep(2.5)  # the upload lives 1.8 s
        # The expired upload no longer counts against the quota, and its bytes are gone.
        again = api.create_upload(bag.submission_id, VIDEO, bag.files[VIDEO])
        assert again.status_code == 201, again.text
        assert not part.exists()
        assert api.head(location).status_code == 410


def test_two_uploads_created_at_once_cannot_both_slip_under_the_quota(
        tmp_path: Path, teacher_portfolio: Portfolio, backend: Backend) -> None:
    """Two issuer processes behind nginx, one person, room for one more open upload: each
    process counts the open uploads, then adds its own. The second must wait for the first
    to finish adding before it counts (on PostgreSQL both counted none and both got in)."""
    from mcdesk_issuer.config import Limits
    from mcdesk_issuer.models import BeginBody
    from mcdesk_issuer.problems import Problem
    from mcdesk_issuer.service import Caller, Issuer

    settings = backend.settings(tmp_path / "issuer", limits=Limits(max_open_uploads=1))
    counted = threading.Event()
    go_on = threading.Event()
    racing: list[threading.Thread] = []
    first, second = Issuer(settings), Issuer(settings)
    try:
        first.import_catalog(DEMO_CATALOG.read_text(encoding="utf-8"))
        made = first.create_token("earner", "Jo Teacher")
        caller = Caller(made.account_id, made.name, made.role)
        bag = teacher_portfolio.bag(answer=f"Quota race {uuid.uuid4()}")
        first.begin(caller, bag.submission_id, BeginBody.model_validate(bag.begin_body()))
        data = bag.files[VIDEO]
        metadata = {"submission": bag.submission_id, "path": VIDEO,
                    "sha256": hashlib.sha256(data).hexdigest()}
        making_part = first.files.create_part

        def held_part(upload_id: str) -> Any:
            counted.set()  # the first has counted and is adding its upload: hold it there
            assert go_on.wait(30)
            return making_part(upload_id)

        first.files.create_part = held_part  # type: ignore[method-assign]
        results: dict[str, object] = {}

        def create(name: str, issuer: Issuer) -> None:
            try:
                results[name] = issuer.uploads.create(caller, len(data), metadata)
            except Problem as problem:
                results[name] = problem

        racing += [threading.Thread(target=create, args=("first", first)),
                   threading.Thread(target=create, args=("second", second))]
        racing[0].start()
        assert counted.wait(30)
        racing[1].start()
        racing[1].join(1.0)
        assert racing[1].is_alive(), "the second counted while the first was still adding"
        go_on.set()
        for thread in racing:
            thread.join(30)
        assert not isinstance(results["first"], Problem)
        refused = results["second"]
        assert isinstance(refused, Problem) and refused.status == 429, refused
        assert refused.extra["openUploads"] == 1
    finally:
        go_on.set()
        for thread in racing:
            thread.join(30)
        first.close()
        second.close()
