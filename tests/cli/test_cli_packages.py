"""`mcdesk package build|verify|open` run as a user runs them: a real subprocess on real
portfolios (a teacher's and an assessor's), a draft made ready through the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from mcdesk.media import demo
from tests.cli.test_cli import mcdesk
from tests.cli_runner import Run
from tests.conftest import DEMO_CATALOG
from tests.package_helpers import RawEntry, read_entries, rezip

FAMILY = "https://demo.mcdesk.org/achievements/two-way-family-communication"
SENTENCE = ("Families in my class speak four languages and most of them read messages on a "
            "phone in the evening, so every message I send is short and translated. ")


def words(count: int) -> str:
    text = (SENTENCE * (count // len(SENTENCE.split()) + 1)).split()[:count]
    return " ".join(text) + "."


def ok(run: Run) -> Any:
    assert run.code == 0, (run.out, run.err)
    return run.json() if run.out.startswith(("{", "[")) else run.out


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("user")


@pytest.fixture(scope="module")
def teacher(home: Path) -> Path:
    portfolio = home / "teacher"
    ok(mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=portfolio))
    return portfolio


@pytest.fixture(scope="module")
def ready_draft(home: Path, teacher: Path) -> str:
    """A draft of the family-communication micro-credential with every criterion answered,
    made through the command line."""
    files = home / "files"
    files.mkdir()
    names = ["Family survey", "Message one", "Message two", "Message three", "Contact log"]
    for name in names:
        demo.make_demo_pdf(files / f"{name}.pdf", title=name,
                           paragraphs=[f"{name}: what was sent and what came back."])
    added = ok(mcdesk(home, "evidence", "add", "--json", *(str(files / f"{n}.pdf")
                                                          for n in names), portfolio=teacher))
    ids = {Path(r["path"]).stem: r["evidence"]["id"] for r in added["results"]}
    draft = ok(mcdesk(home, "draft", "new", FAMILY, "--json", portfolio=teacher))["id"]
    for criterion, count in (("p1-context", 120), ("p1-plan", 130), ("p3-partnership", 250)):
        answer = files / f"{criterion}.txt"
        answer.write_text(words(count), encoding="utf-8")
        ok(mcdesk(home, "draft", "write", draft, criterion, "--file", str(answer),
                  portfolio=teacher))
    for criterion, name in (("p2-survey", "Family survey"), ("p2-messages", "Message one"),
                            ("p2-messages", "Message two"), ("p2-messages", "Message three"),
                            ("p2-log", "Contact log")):
        ok(mcdesk(home, "draft", "attach", draft, criterion, ids[name], "--caption",
                  f"{name}, names removed.", portfolio=teacher))
    check = mcdesk(home, "draft", "check", draft, portfolio=teacher)
    assert check.code == 0, check.out + check.err
    return str(draft)


@pytest.fixture(scope="module")
def built(home: Path, teacher: Path, ready_draft: str) -> dict[str, Any]:
    result: dict[str, Any] = ok(mcdesk(home, "package", "build", ready_draft, "-o",
                                       str(home / "family.zip"), "--json", portfolio=teacher))
    return result


def test_build_writes_a_valid_package_and_marks_the_draft_packaged(
        home: Path, teacher: Path, ready_draft: str, built: dict[str, Any]) -> None:
    assert built["built"] is True
    package = built["package"]
    assert package["saved_to"] == str(home / "family.zip")
    assert package["mc_id"] == FAMILY and package["attempt"] == 1
    assert package["files"] == 9  # metadata, 3 answers, 5 documents
    assert not (home / "family.zip.part").exists()
    with zipfile.ZipFile(home / "family.zip") as opened:
        names = [info.filename.split("/", 1)[1] for info in opened.infolist()]
    assert "data/evidence/p2-document-02-message-one.pdf" in names
    drafts = ok(mcdesk(home, "draft", "list", "--json", portfolio=teacher))["drafts"]
    assert [d["status"] for d in drafts if d["id"] == ready_draft] == ["packaged"]
    assert Path(package["copy"]).is_file()


def test_build_in_plain_text(home: Path, teacher: Path, ready_draft: str,
                             built: dict[str, Any]) -> None:
    out = ok(mcdesk(home, "package", "build", ready_draft[:8], "-o", str(home / "again.zip"),
                    portfolio=teacher))
    assert out.startswith(f"Built {home / 'again.zip'}: ")
    assert f"submission {built['package']['submission_id']}" in out
    # Frozen at another moment (its createdAt differs), yet the same submission.
    again = ok(mcdesk(home, "package", "verify", str(home / "again.zip"), "--json",
                      portfolio=teacher))
    assert again["report"]["submission_id"] == built["package"]["submission_id"]


def test_a_draft_that_is_not_ready_is_not_packaged(home: Path, teacher: Path) -> None:
    draft = ok(mcdesk(home, "draft", "new", FAMILY, "--json", portfolio=teacher))["id"]
    run = mcdesk(home, "package", "build", draft, "-o", str(home / "unready.zip"),
                 portfolio=teacher)
    assert run.code == 1
    assert "not ready to send" in run.err
    assert not (home / "unready.zip").exists() and not (home / "unready.zip.part").exists()
    as_json = mcdesk(home, "package", "build", draft, "-o", str(home / "unready.zip"), "--json",
                     portfolio=teacher)
    assert as_json.code == 1 and as_json.json()["built"] is False
    assert as_json.json()["problems"]


def test_build_of_an_unknown_draft_is_a_user_error(home: Path, teacher: Path) -> None:
    run = mcdesk(home, "package", "build", "no-such-draft", "-o", str(home / "x.zip"),
                 portfolio=teacher)
    assert run.code == 2 and run.err.startswith("mcdesk: ")
    assert not (home / "x.zip").exists()


def test_verify_a_valid_package(home: Path, built: dict[str, Any]) -> None:
    report = ok(mcdesk(home, "package", "verify", str(home / "family.zip"), "--json",
                       portfolio=home / "assessor"))
    assert report["valid"] is True and report["report"]["problems"] == []
    assert report["report"]["submission_id"] == built["package"]["submission_id"]
    text = ok(mcdesk(home, "package", "verify", str(home / "family.zip"),
                     portfolio=home / "assessor"))
    assert "a valid package" in text and "every hash checked" in text


def test_verify_a_tampered_package_lists_each_problem(home: Path, built: dict[str, Any],
                                                      tmp_path: Path) -> None:
    def tamper(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
        return [(n, d + b"!" if n.endswith(("message-one.pdf", "bag-info.txt")) else d)
                for n, d in entries]
    tampered = rezip(home / "family.zip", tmp_path / "tampered.zip", tamper)
    run = mcdesk(home, "package", "verify", str(tampered), "--json",
                 portfolio=home / "assessor")
    assert run.code == 1
    problems = run.json()["report"]["problems"]
    assert any("message-one.pdf: its sha256 does not match" in p for p in problems)
    assert any("bag-info.txt: its sha256 does not match tagmanifest" in p for p in problems)
    text = mcdesk(home, "package", "verify", str(tampered), portfolio=home / "assessor")
    assert text.code == 1 and "not a valid package" in text.out
    missing = mcdesk(home, "package", "verify", str(tmp_path / "nothing.zip"),
                     portfolio=home / "assessor")
    assert missing.code == 2 and "no such file" in missing.err


def test_open_a_received_package(home: Path, built: dict[str, Any]) -> None:
    assessor = home / "assessor"
    opened = ok(mcdesk(home, "package", "open", str(home / "family.zip"), "--json",
                       portfolio=assessor))
    assert opened["opened"] is True
    package = opened["package"]
    folder = Path(package["folder"])
    assert folder == assessor / "received" / built["package"]["submission_id"]
    assert (folder / "bagit.txt").is_file()
    criteria = {c["id"]: c for c in package["criteria"]}
    assert len(criteria["p2-messages"]["evidence"]) == 3
    assert criteria["p3-partnership"]["answer"].startswith("Families in my class")
    text = ok(mcdesk(home, "package", "open", str(home / "family.zip"), portfolio=assessor))
    assert text.startswith(f"Already open in {folder}")
    assert "Two-Way Family Communication" in text or package["mc_name"] in text
    assert "document: Message two (not set)" in text


def test_open_a_hostile_package_is_refused_and_keeps_nothing(home: Path, tmp_path: Path,
                                                             built: dict[str, Any]) -> None:
    assessor = home / "assessor-2"
    top = read_entries(home / "family.zip")[0][0].split("/")[0]
    hostile = rezip(home / "family.zip", tmp_path / "slip.zip", lambda e: e,
                    extra=[RawEntry(f"{top}/../../evil.sh", b"#!/bin/sh\n")])
    run = mcdesk(home, "package", "open", str(hostile), portfolio=assessor)
    assert run.code == 1
    assert "refused; nothing was kept" in run.err
    assert "a path that climbs out of its folder (..)" in run.err
    as_json = mcdesk(home, "package", "open", str(hostile), "--json", portfolio=assessor)
    assert as_json.code == 1 and as_json.json()["opened"] is False
    assert list((assessor / "received").iterdir()) == []
    assert not list(home.rglob("evil.sh")) and not list(tmp_path.parent.rglob("evil.sh"))
