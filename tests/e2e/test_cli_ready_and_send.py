"""Everything a teacher does to make a draft ready, done from the command line alone (as
school IT staff script it): add evidence, find and blur faces, strip a photo's location, trim
and compress a video, mark consent and what identifies the teacher, write and attach, check,
then send to the reference issuer, which receives exactly what the window would have sent."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mcdesk.core.reviews import Role
from mcdesk.media import demo
from mcdesk.services.demo_draft import CONTEXT_ANSWER, DESIGN_ANSWER, EXIT_TICKETS
from mcdesk.services.workspace import Workspace
from tests.cli_runner import Run
from tests.conftest import DEMO_CATALOG
from tests.e2e.test_sync_e2e import mcdesk
from tests.media_factory import astronaut_rgb, make_photo, make_video
from tests.sync_helpers import Issuer, issuer_missing_reason, running_issuer, words

pytestmark = pytest.mark.skipif(issuer_missing_reason() is not None,
                                reason=issuer_missing_reason() or "")


@pytest.fixture(scope="module")
def issuer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Issuer]:
    with running_issuer(tmp_path_factory.mktemp("issuer")) as started:
        yield started


def _json(run: Run) -> Any:
    assert run.code == 0, (run.out, run.err)
    return json.loads(run.out)


def test_a_draft_made_ready_from_the_cli_alone_is_sent(issuer: Issuer, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    portfolio = tmp_path / "teacher"

    def cli(*args: str, token: str | None = None) -> Run:
        return mcdesk(home, *args, portfolio=portfolio, token=token)

    files = tmp_path / "files"
    files.mkdir()
    assert cli("catalog", "import", str(DEMO_CATALOG)).code == 0
    photo = make_photo(files / "class photo.jpg", astronaut_rgb(), gps=True)
    # The micro-credential asks for 5 to 10 minutes: a small, slow picture keeps it quick.
    video = make_video(files / "lesson.mp4", seconds=320.0, width=160, height=120, fps=4,
                       detail=False)
    pdfs = []
    for name in ("Lesson plan", "Student work 1", "Student work 2"):
        path = files / f"{name}.pdf"
        demo.make_demo_pdf(path, title=name, paragraphs=[f"{name}: what was sent."])
        pdfs.append(path)
    added = _json(cli("evidence", "add", str(photo), str(video), *map(str, pdfs), "--json"))
    ids = {Path(r["path"]).stem: r["evidence"]["id"] for r in added["results"]}

    # The photo: faces found (reviewed first, nothing written), blurred, then its location.
    review = _json(cli("evidence", "blur", ids["class photo"], "--review", "--json"))
    assert len(review["faces"]) >= 1
    listed = _json(cli("evidence", "list", "--json"))["evidence"]
    assert len(listed) == 5  # --review wrote nothing
    blurred = _json(cli("evidence", "blur", ids["class photo"], "--json"))["evidence"]
    assert blurred["consent"] == "blurred" and blurred["source_id"] == ids["class photo"]
    safe_photo = _json(cli("evidence", "strip-location", blurred["id"], "--json"))["evidence"]
    assert safe_photo["media"]["gps"] is None

    # The video: trimmed to the part that matters, made to fit, consent given, marked as
    # showing the teacher.
    trimmed = _json(cli("evidence", "trim", ids["lesson"], "--from", "0:05", "--to", "310",
                        "--json"))["evidence"]
    assert 304.0 <= trimmed["media"]["duration_s"] <= 306.0
    small = _json(cli("evidence", "compress", trimmed["id"], "--max-mb", "12",
                      "--json"))["evidence"]
    assert small["size"] <= 12 * 1_048_576
    assert _json(cli("evidence", "consent", small["id"], "given", "--json"))["evidence"][
        "consent"] == "everyone consented"
    assert _json(cli("evidence", "identifying", small["id"], "on", "--json"))["evidence"][
        "identifying"] is True
    bad = cli("evidence", "trim", ids["lesson"], "--from", "0:05", "--to", "0:02")
    assert bad.code == 2 and "must come after" in bad.err

    draft = _json(cli("draft", "new", EXIT_TICKETS, "--json"))["id"]
    for criterion, text in (("p1-context", CONTEXT_ANSWER), ("p1-design", DESIGN_ANSWER),
                            ("p3-impact", words(250))):
        answer = tmp_path / f"{criterion}.txt"
        answer.write_text(text, "utf-8")
        assert cli("draft", "write", draft, criterion, "--file", str(answer)).code == 0
    for criterion, evidence in (("p2-video", small["id"]),
                                ("p2-samples", safe_photo["id"]),
                                ("p2-samples", ids["Student work 1"]),
                                ("p2-samples", ids["Student work 2"]),
                                ("p2-plan", ids["Lesson plan"])):
        attached = cli("draft", "attach", draft, criterion, evidence, "--caption",
                       "What it shows, names removed.")
        assert attached.code == 0, attached.err
    check = cli("draft", "check", draft, "--json")
    assert check.code == 0, check.out

    package = tmp_path / "out.zip"
    assert cli("package", "build", draft, "-o", str(package)).code == 0
    with zipfile.ZipFile(package) as bag:
        names = bag.namelist()
        metadata = json.loads(bag.read(next(n for n in names
                                            if n.endswith("data/submission.json"))))
    entries = {e["name"]: e for e in metadata["evidence"]}
    video_entry = next(e for e in entries.values() if e["kind"] == "video")
    assert video_entry.get("identifying") is True and video_entry["consent"] == (
        "everyone consented")
    photo_entry = next(e for e in entries.values() if e["kind"] == "image")
    assert photo_entry["consent"] == "blurred"
    assert all(not e.get("identifying") for e in entries.values() if e is not video_entry)

    token = issuer.token("earner", "Scripted Teacher")
    assert cli("server", "add", "riverbend", issuer.url, token=token).code == 0
    assert cli("draft", "send", draft).code == 0
    synced = _json(cli("sync", "--json"))
    assert synced["ok"], synced


def test_an_assessor_token_makes_an_assessor_portfolio(issuer: Issuer, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    portfolio = tmp_path / "assessor"
    token = issuer.token("assessor", "Ana Assessor")
    added = mcdesk(home, "server", "add", "riverbend", issuer.url, "--json",
                   portfolio=portfolio, token=token)
    assert _json(added)["role"] == "assessor"
    again = mcdesk(home, "server", "add", "riverbend", issuer.url, portfolio=portfolio,
                   token=token)
    assert again.code == 0 and "now works as" not in again.out  # already an assessor
    workspace = Workspace.open(portfolio)
    try:
        assert workspace.roles.current() is Role.ASSESSOR
    finally:
        workspace.close()


def test_a_server_out_of_reach_leaves_the_role_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    added = mcdesk(home, "server", "add", "later", "http://127.0.0.1:9", "--json",
                   portfolio=tmp_path / "p", token="a-token-1234")
    assert _json(added)["role"] is None
    assert "keeps its role" in added.err
