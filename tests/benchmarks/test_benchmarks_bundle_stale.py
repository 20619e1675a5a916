"""The bundle figure and a bundle in dist/ built from older sources: it is not measured (the
frozen app of an older schema cannot even open the portfolio, and that failure once took the
whole benchmark table with it), and the table says why; a fresh one's failure is a miss."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from benchmarks import bundle


def repository(root: Path) -> Path:
    """A git repository whose sources were last changed by a commit an hour ago."""
    root.mkdir()
    (root / "mcdesk").mkdir()
    (root / "mcdesk" / "app.py").write_text("print('hello')\n", "utf-8")
    an_hour_ago = str(int(time.time()) - 3600)
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{an_hour_ago}",
           "GIT_COMMITTER_DATE": f"@{an_hour_ago}", "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "-m", "sources"]):
        subprocess.run(command, cwd=root, env=env, check=True, capture_output=True)
    return root


def tarball_made(folder: Path, seconds_ago: float) -> Path:
    made = folder / "mcdesk-0.1.0-linux-x86_64.tar.gz"
    made.write_bytes(b"not really a tarball")
    moment = time.time() - seconds_ago
    os.utime(made, (moment, moment))
    return made


def test_a_bundle_older_than_the_sources_is_stale(tmp_path: Path) -> None:
    repo = repository(tmp_path / "repo")
    older = tarball_made(tmp_path, seconds_ago=2 * 3600)
    reason = bundle.stale_reason(older, repo)
    assert reason is not None and "built before the last change" in reason
    assert older.name in reason
    newer = tarball_made(tmp_path, seconds_ago=60)
    assert bundle.stale_reason(newer, repo) is None


def test_a_bundle_not_measured_still_leaves_a_row() -> None:
    (stale,) = bundle.not_measured(bundle.StaleBundleError("x.tar.gz was built before ..."))
    assert (stale.name, stale.subject, stale.passed) == ("bundle", "stale", None)
    assert stale.note.startswith("x.tar.gz was built before")
    (failed,) = bundle.not_measured(bundle.BundleError("app --smoke-test failed (1):\nmore"))
    assert (failed.subject, failed.passed, failed.note) == (
        "failed", False, "app --smoke-test failed (1):")


@pytest.mark.skipif(bundle.find_tarball() is None, reason="no bundle in dist/")
def test_the_bundle_in_dist_is_measured_only_when_it_is_current() -> None:
    tarball = bundle.find_tarball()
    assert tarball is not None
    if bundle.stale_reason(tarball) is None:
        pytest.skip("the bundle in dist/ is current: measuring it takes minutes")
    with pytest.raises(bundle.StaleBundleError):
        bundle.run(rounds=1, progress=False)
