"""Per-person limits on open uploads, run over real HTTP against issuers started with small
limits: many uploads each one byte short, too many bytes announced, a disk under its
reserve, and expired uploads cleaned away; test thread."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

from tests.issuer.conftest import Api, Bag, Portfolio, Server
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
