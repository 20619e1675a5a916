"""Attacks on the reference issuer through the files a submission lists, run over real HTTP:
many tag-file paths or many payload paths naming one upload (finalize amplification), a tag
file over the cap, a probe of which files other accounts sent (the existence oracle), and
the earner's name reaching assessors inside the bag; test thread."""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
import uuid
import zipfile
from pathlib import Path

from mcdesk.formats.bag import read_bag
from mcdesk_issuer import bags
from tests.issuer.conftest import Bag, Portfolio, Server, start_server, stop_server
from tests.issuer.fresh import fresh_server
from tests.issuer.test_reviews import assignment_for

VIDEO = "data/evidence/p2-video-01-lesson.mp4"
MIB = 1024 * 1024


def video_entry(bag: Bag) -> dict[str, object]:
    return next(e for e in bag.begin_body()["files"] if e["path"] == VIDEO)


def test_many_tag_file_paths_naming_one_upload_are_refused_at_begin(
        server: Server, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="Amplification: four hundred manifests of one video.")
    body = bag.begin_body()
    video = video_entry(bag)
    body["files"] += [{**video, "path": f"tagmanifest-x{i}.txt"} for i in range(400)]
    api = server.api("earner")
    url = f"/api/v1/submissions/{bag.submission_id}"
    started = time.monotonic()
    refused = api.put(url, json=body)
    assert refused.status_code == 422, refused.text
    assert time.monotonic() - started < 2.0  # a refused bag costs little
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert any("'tagmanifest-x0.txt'" in p and "only bagit.txt" in p
               for p in refused.json()["problems"])
    # Nothing was begun: there is nothing to finalize, and no bag was written.
    assert api.get(url).status_code == 404
    assert api.post(f"{url}/finalize").status_code == 404
    assert not (server.data / "bags" / f"{bag.submission_id}.zip").exists()
    # Only the four tag files sit beside data/: any other root file is refused too.
    other = bag.begin_body()
    other["files"].append({**video, "path": "notes.txt"})
    assert api.put(url, json=other).status_code == 422


def test_many_payload_paths_naming_one_upload_are_refused_at_begin(
        server: Server, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="Amplification: a thousand copies of one video.")
    body = bag.begin_body()
    video = video_entry(bag)
    body["files"] += [{**video, "path": f"data/evidence/copy-{i}.mp4"} for i in range(1000)]
    api = server.api("earner")
    url = f"/api/v1/submissions/{bag.submission_id}"
    refused = api.put(url, json=body)
    assert refused.status_code == 422, refused.text
    assert any("1001 paths name the same file" in p for p in refused.json()["problems"])
    assert api.get(url).status_code == 404
    # A few paths naming one file (the same evidence under two criteria) are fine.
    few = bag.begin_body()
    few["files"] += [{**video, "path": f"data/evidence/again-{i}.mp4"} for i in range(7)]
    assert api.put(url, json=few).status_code == 201


def test_a_tag_file_over_the_cap_is_refused_at_begin(server: Server,
                                                     teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer="A manifest announced far larger than any real one.")
    body = bag.begin_body()
    for entry in body["files"]:
        if entry["path"] == "manifest-sha256.txt":
            entry["size"] = 5 * MIB
    refused = server.api("earner").put(f"/api/v1/submissions/{bag.submission_id}", json=body)
    assert refused.status_code == 413, refused.text
    assert refused.json()["file"] == "manifest-sha256.txt"


def test_finalize_reads_no_tag_file_over_the_cap(tmp_path: Path,
                                                 teacher_portfolio: Portfolio) -> None:
    """A submission begun under a larger cap (an older server) is refused at finalize before
    anything is assembled or read once the cap is lower."""
    data = tmp_path / "issuer"
    bag = teacher_portfolio.bag(answer="Begun under one cap, finalized under a smaller one.")
    with fresh_server(data) as server:
        api = server.api("earner")
        url = f"/api/v1/submissions/{bag.submission_id}"
        begun = api.put(url, json=bag.begin_body())
        assert begun.status_code == 201
        files = bag.by_sha256()
        for sha256 in begun.json()["missing"]:
            path, content = files[sha256]
            assert api.upload(bag.submission_id, path, content).status_code in (201, 204)
        tokens = server.tokens
    process, url_base = start_server(data, "--max-tag-file-mb", "0.0001")
    try:
        answer = Server(url_base, data, process, tokens).api("earner").post(
            f"/api/v1/submissions/{bag.submission_id}/finalize")
        assert answer.status_code == 413, answer.text
        assert not (data / "bags" / f"{bag.submission_id}.zip").exists()
        assert not list((data / "bags").glob("*.partial"))
    finally:
        stop_server(process)


def test_missing_says_nothing_about_files_other_accounts_sent(
        server: Server, teacher_portfolio: Portfolio) -> None:
    bag = teacher_portfolio.bag(answer=f"Oracle test {uuid.uuid4()}: files only Ada has sent.")
    assert server.send(bag).status_code == 200
    # Ben claims exactly Ada's files: every one is missing for him, as if none existed.
    probe = Bag(str(uuid.uuid4()), bag.bag_name, dict(bag.files))
    ben = server.api("earner2")
    url = f"/api/v1/submissions/{probe.submission_id}"
    begun = ben.put(url, json=probe.begin_body())
    assert begun.status_code == 201, begun.text
    assert set(begun.json()["missing"]) == set(bag.by_sha256())
    early = ben.post(f"{url}/finalize")
    assert early.status_code == 409
    assert set(early.json()["missing"]) == set(bag.by_sha256())
    # Ada herself reuses what she sent: her next attempt lists only its new files.
    again = teacher_portfolio.bag(attempt=2, answer=f"Oracle test, attempt two {uuid.uuid4()}.")
    mine = server.api("earner").put(f"/api/v1/submissions/{again.submission_id}",
                                    json=again.begin_body())
    assert hashlib.sha256(again.files[VIDEO]).hexdigest() not in mine.json()["missing"]


def test_assessors_get_the_bag_without_the_earners_name(server: Server,
                                                        teacher_portfolio: Portfolio,
                                                        tmp_path: Path) -> None:
    name = "Ada Quillfeather-Teacher"
    roles = teacher_portfolio.workspace.roles
    roles.set_owner_name(name)
    try:
        bag = teacher_portfolio.bag(answer="A bag that says who sent it, in its metadata.")
    finally:
        roles.set_owner_name(None)
    assert json.loads(bag.files["data/submission.json"])["earner"]["name"] == name
    assert server.send(bag).status_code == 200

    assigned = assignment_for(server, "assessor", bag.submission_id)
    download = server.api("assessor").get(f"/api/v1/assignments/{assigned['assignmentId']}/bag")
    assert download.status_code == 200
    assert hashlib.sha256(download.content).hexdigest() == assigned["bagSha256"]
    assert len(download.content) == assigned["bagSize"]
    with zipfile.ZipFile(io.BytesIO(download.content)) as opened:
        texts = {i.filename: opened.read(i) for i in opened.infolist()}
    metadata = json.loads(texts[f"{bag.bag_name}/data/submission.json"])
    assert "earner" not in metadata
    assert metadata["id"] == f"urn:uuid:{bag.submission_id}"
    assert all(name.encode() not in content for content in texts.values())
    # Still a whole, valid bag for the assessor's app: hashes, manifests, Payload-Oxum.
    copy = tmp_path / "assessor-copy.zip"
    copy.write_bytes(download.content)
    assert read_bag(copy).problems == ()
    # The original is kept as the earner sent it, as its stored files: rebuilt from them, it
    # is the package byte for byte.
    issuer = server.issuer()
    with issuer.db.session() as s:
        files = issuer._refs(s, bag.submission_id)
    rebuilt = bags.assemble(issuer.files, bag.bag_name, files, tmp_path / "original.zip",
                            bags.frozen_time(issuer.files, files))
    assert rebuilt.path is not None and rebuilt.path.read_bytes() == bag.zip_bytes


def bytes_written_by(process_id: int) -> int:
    """What the process has passed to write() so far (Linux's per-process I/O count)."""
    for line in Path(f"/proc/{process_id}/io").read_text().splitlines():
        if line.startswith("wchar:"):
            return int(line.split()[1])
    raise AssertionError("no wchar in /proc/<pid>/io")


def test_a_bag_its_manifest_disowns_is_refused_before_it_is_assembled(
        server: Server, teacher_portfolio: Portfolio) -> None:
    """Eight paths name one 16 MiB file the manifest does not list: finalize refuses from
    the two small manifests, without writing the 128 MiB bag it would otherwise assemble."""
    bag = teacher_portfolio.bag(answer="A bag carrying files its own manifest never lists.")
    extra = os.urandom(16 * MIB)
    for i in range(8):
        bag.files[f"data/evidence/extra-{i}.mp4"] = extra
    api = server.api("earner")
    url = f"/api/v1/submissions/{bag.submission_id}"
    begun = api.put(url, json=bag.begin_body())
    assert begun.status_code == 201, begun.text
    files = bag.by_sha256()
    for sha256 in begun.json()["missing"]:
        path, content = files[sha256]
        assert api.upload(bag.submission_id, path, content).status_code in (201, 204)
    before = bytes_written_by(server.process.pid)
    refused = api.post(f"{url}/finalize")
    written = bytes_written_by(server.process.pid) - before
    assert refused.status_code == 422, refused.text
    problems = refused.json()["problems"]
    assert "data/evidence/extra-0.mp4: in the payload but not listed in manifest-sha256.txt" \
        in problems, problems
    assert written < 4 * MIB, written
    assert api.get(url).status_code == 404  # forgotten: the rebuilt bag can be begun again
