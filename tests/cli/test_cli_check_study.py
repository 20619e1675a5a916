"""`mcdesk check` reads the study files kept offline too: a damaged or lost one is found and,
with --repair, goes back to "online only" (the damaged bytes to the trash) so it downloads
again; a stray file under study/ and demo study files left half drawn go to the trash;
downloads in progress and a demo being drawn right now are left alone (real demo study files,
the real command line)."""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from mcdesk.core.study import FileState
from mcdesk.services.workspace import Workspace
from mcdesk.storage.portfolio import DB_NAME
from tests.cli_runner import run_mcdesk
from tests.study_helpers import demo_study_portfolio

TWO_HOURS = 2 * 3600


def offline_files(root: Path) -> list[tuple[str, int]]:
    workspace = Workspace.open(root, create=False)
    try:
        return [(f.sha256, f.size) for f in workspace.study.store.files()
                if f.state is FileState.OFFLINE]
    finally:
        workspace.close()


def states(root: Path, sha256s: list[str]) -> list[FileState]:
    workspace = Workspace.open(root, create=False)
    try:
        return [workspace.study.store.file(sha256).state  # type: ignore[union-attr]
                for sha256 in sha256s]
    finally:
        workspace.close()


def titles(root: Path, sha256: str) -> set[str]:
    """The titles the micro-credentials give a study file."""
    with closing(sqlite3.connect(root / DB_NAME)) as connection:
        return {title for (title,) in connection.execute(
            "SELECT title FROM study_use WHERE sha256 = ?", (sha256,))}


def aged(path: Path) -> Path:
    then = time.time() - TWO_HOURS
    os.utime(path, (then, then))
    return path


def test_check_reads_the_study_files_and_repair_sends_bad_ones_back_online(
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    root = demo_study_portfolio(tmp_path / "p")
    offline = offline_files(root)
    assert len(offline) >= 6

    healthy = run_mcdesk(home, "check", "--json", portfolio=root)
    assert healthy.code == 0, healthy.out
    assert healthy.json()["report"]["files_checked"] >= len(offline)
    assert healthy.json()["report"]["bytes_checked"] >= sum(size for _s, size in offline)

    study = root / "study"
    (damaged, damaged_size), (lost, _size) = offline[0], offline[1]
    damaged_path = study / damaged[:2] / damaged
    damaged_path.write_bytes(b"x" * damaged_size)  # same size, other bytes
    (study / lost[:2] / lost).unlink()
    stray = study / "ab" / "notes.txt"
    stray.parent.mkdir(exist_ok=True)
    stray.write_text("not a study file", encoding="utf-8")
    partial = study / ".partial" / ("0" * 64 + ".part")
    partial.parent.mkdir(exist_ok=True)
    partial.write_bytes(b"half")
    aged(partial)  # a download waiting for the network resumes, however old
    old_scratch = root / "demo-study-old1"
    old_scratch.mkdir()
    (old_scratch / "guide.pdf").write_bytes(b"%PDF-1.4 half")
    aged(old_scratch)
    fresh_scratch = root / "demo-study-now1"  # a demo being drawn right now
    fresh_scratch.mkdir()

    found = run_mcdesk(home, "check", "--json", portfolio=root)
    assert found.code == 1
    problems = {(p["kind"], p["path"]): p for p in found.json()["report"]["problems"]}
    assert set(problems) == {("damaged file", str(damaged_path)),
                             ("missing file", str(study / lost[:2] / lost)),
                             ("orphaned file", str(stray)),
                             ("unfinished copy", str(old_scratch))}
    detail = problems["damaged file", str(damaged_path)]["detail"]
    named, reason = detail.removeprefix("study file “").split("” ")
    assert named in titles(root, damaged) and reason == "its content no longer matches its hash"
    assert not any(p["repaired"] for p in problems.values())
    assert damaged_path.exists() and stray.exists() and old_scratch.exists()  # unchanged

    repaired = run_mcdesk(home, "check", "--repair", "--json", portfolio=root)
    assert repaired.code == 0, repaired.out
    assert all(p["repaired"] for p in repaired.json()["report"]["problems"])
    assert states(root, [damaged, lost]) == [FileState.ONLINE, FileState.ONLINE]
    trash = root / "trash"
    assert [p.read_bytes() for p in trash.rglob(damaged)] == [b"x" * damaged_size]
    assert [p.read_text(encoding="utf-8") for p in trash.rglob("notes.txt")] == [
        "not a study file"]
    assert [p.name for p in trash.rglob("demo-study-old1")] == ["demo-study-old1"]
    assert not stray.exists() and not old_scratch.exists()
    assert partial.read_bytes() == b"half" and fresh_scratch.is_dir()  # left alone

    others = [sha256 for sha256, _size in offline[2:]]
    assert states(root, others) == [FileState.OFFLINE] * len(others)  # the good ones stay

    again = run_mcdesk(home, "check", portfolio=root)
    assert again.code == 0 and "The portfolio is healthy." in again.out
