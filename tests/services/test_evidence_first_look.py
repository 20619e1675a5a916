"""Importing evidence with its first look (probe and thumbnail in one media-worker call,
drawn from the original while the store copies and hashes it): the thumbnail lands under the
file's sha256, nothing is left in the thumbnails' work folder, and a file the worker cannot
picture still comes in."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import EvidenceKind
from mcdesk.core.progress import Cancelled
from mcdesk.media import demo
from mcdesk.media.first_look import probe_with_thumbnail
from mcdesk.services.workspace import Workspace


class CancelAfter:
    """A JobControl that asks to stop after `n` progress reports."""

    def __init__(self, n: int) -> None:
        self.calls = 0
        self.n = n

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        self.calls += 1

    def check_cancelled(self) -> None:
        if self.calls >= self.n:
            raise Cancelled

    @property
    def cancelled(self) -> bool:
        return self.calls >= self.n


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "portfolio")
    yield workspace
    workspace.close()


def scratch_files(workspace: Workspace) -> list[Path]:
    folder = workspace.root / "thumbs" / ".incoming"
    return list(folder.iterdir()) if folder.is_dir() else []


def test_a_video_comes_in_with_its_thumbnail_under_its_sha256(
        workspace: Workspace, tmp_path: Path) -> None:
    video = demo.make_demo_video(tmp_path / "lesson.mp4", seconds=2.0)
    (result,) = workspace.evidence.add_paths([video]).results
    assert result.evidence is not None and result.evidence.kind is EvidenceKind.VIDEO
    thumbnail = workspace.evidence.thumbnail_path(result.evidence)
    assert thumbnail is not None and thumbnail.is_file()
    assert thumbnail.name == f"{result.evidence.sha256}.png"
    with Image.open(thumbnail) as picture:
        assert max(picture.size) <= 320
    assert scratch_files(workspace) == []


def test_the_same_file_again_leaves_no_picture_behind(workspace: Workspace,
                                                      tmp_path: Path) -> None:
    photo = demo.make_demo_photo(tmp_path / "work.jpg", gps=None, text="3/4")
    copy = tmp_path / "copy.jpg"
    shutil.copy(photo, copy)
    first = workspace.evidence.add_paths([photo]).results[0]
    second = workspace.evidence.add_paths([copy]).results[0]
    assert first.evidence is not None and second.already_had == first.evidence
    thumbs = [p for p in (workspace.root / "thumbs").rglob("*.png")
              if ".incoming" not in p.parts]
    assert len(thumbs) == 1
    assert scratch_files(workspace) == []


def test_a_cancelled_import_leaves_no_picture_behind(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("word " * 1_500_000, encoding="utf-8")  # several 1 MiB chunks
    with pytest.raises(Cancelled):
        workspace.evidence.add_file(notes, control=CancelAfter(2))
    deadline = time.monotonic() + 30  # the worker may still be drawing; then it cleans up
    while scratch_files(workspace) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert scratch_files(workspace) == []
    assert workspace.evidence.all() == []


def test_the_first_look_in_the_worker_process_itself(tmp_path: Path) -> None:
    photo = demo.make_demo_photo(tmp_path / "work.jpg", gps=None, text="1/2")
    info, made = probe_with_thumbnail(photo, tmp_path / "t.png")
    assert info.kind is EvidenceKind.IMAGE and made and (tmp_path / "t.png").is_file()
    sound = demo.make_demo_audio(tmp_path / "voice.m4a", seconds=1.0)
    info, made = probe_with_thumbnail(sound, tmp_path / "s.png")
    assert info.kind is EvidenceKind.AUDIO and not made
    assert not (tmp_path / "s.png").exists()
    unknown = tmp_path / "data.xyz"
    unknown.write_bytes(b"\x00\x01 not a known kind of file")
    with pytest.raises(MediaError) as caught:
        probe_with_thumbnail(unknown, tmp_path / "u.png")
    assert caught.value.path is not None and "data.xyz" in str(caught.value.path)
    assert not (tmp_path / "u.png").exists()


def stored_files(workspace: Workspace) -> list[Path]:
    """Files in the evidence store, finished or partial."""
    root = workspace.root / "evidence"
    return [p for p in root.rglob("*") if p.is_file()] if root.is_dir() else []


def test_the_worker_started_for_an_import_takes_the_first_look_and_is_shut_down(
        workspace: Workspace, tmp_path: Path) -> None:
    from mcdesk.media import isolation
    from mcdesk.services.evidence import stop_media_workers

    video = demo.make_demo_video(tmp_path / "lesson.mp4", seconds=2.0)
    stop_media_workers()  # no idle worker from an earlier test: this import starts one
    workspace.evidence.prepare_to_add([video])
    (early,) = isolation.default_runner().child_pids()
    (result,) = workspace.evidence.add_paths([video]).results
    assert result.evidence is not None and result.evidence.media is not None
    assert result.evidence.media.width == 640  # the probe came back from that worker
    assert isolation.default_runner().child_pids() == [early]  # no second start
    stop_media_workers()
    assert isolation.default_runner().child_pids() == []
    with pytest.raises(ProcessLookupError):
        os.kill(early, 0)  # stopped and reaped


def test_a_video_whose_probe_fails_while_it_is_copied_leaves_nothing_and_is_named(
        workspace: Workspace, tmp_path: Path) -> None:
    real = demo.make_demo_video(tmp_path / "real.mp4", seconds=1.0)
    broken = tmp_path / "broken lesson.mp4"
    # A video's first bytes, then 40 MB of noise: the worker gives up on it long before the
    # store has copied and hashed it all.
    broken.write_bytes(real.read_bytes()[:64] + os.urandom(40 * 1024 * 1024))
    (result,) = workspace.evidence.add_paths([broken]).results
    assert result.error is not None and result.evidence is None
    assert Path(result.path).name == "broken lesson.mp4"
    assert workspace.evidence.all() == []
    assert stored_files(workspace) == []
    assert scratch_files(workspace) == []


def test_cancelling_a_video_while_its_first_look_runs_leaves_nothing(
        workspace: Workspace, tmp_path: Path) -> None:
    from mcdesk.services.evidence import stop_media_workers

    stop_media_workers()  # a cold worker: still starting when the copy is cancelled
    video = demo.make_demo_video(tmp_path / "lesson.mp4", seconds=2.0)
    big = tmp_path / "long lesson.mp4"
    big.write_bytes(video.read_bytes() + os.urandom(12 * 1024 * 1024))  # several chunks
    with pytest.raises(Cancelled):
        workspace.evidence.add_file(big, control=CancelAfter(2))
    deadline = time.monotonic() + 30  # the worker may still be drawing; then it cleans up
    while scratch_files(workspace) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert scratch_files(workspace) == []
    assert stored_files(workspace) == []
    assert workspace.evidence.all() == []
    # The next import works (with the same worker, or a fresh one if it was stopped).
    (result,) = workspace.evidence.add_paths([video]).results
    assert result.evidence is not None
