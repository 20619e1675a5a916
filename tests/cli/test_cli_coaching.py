"""The coach's commands end to end through `python -m mcdesk`: role list|set, observe
new|note|list|align, exchange export|import (twice: nothing duplicated; a hostile bundle
refused with exit 1 and every problem in JSON); no traceback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.cli.test_cli import mcdesk
from tests.cli_runner import Run
from tests.conftest import DEMO_CATALOG
from tests.media_factory import make_video


def ok(run: Run) -> Any:
    assert run.code == 0, (run.out, run.err)
    return run.json() if run.out.startswith(("{", "[")) else run.out


def test_a_coach_observes_aligns_and_hands_over_from_the_command_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    coach, teacher = tmp_path / "coach", tmp_path / "teacher"
    for portfolio in (coach, teacher):
        ok(mcdesk(home, "catalog", "import", str(DEMO_CATALOG), portfolio=portfolio))
    assert ok(mcdesk(home, "role", "list", "--json", portfolio=coach))["current"] == "teacher"
    role = ok(mcdesk(home, "role", "set", "coach", "--name", "Ana", "--portfolio-name",
                     "Ana's laptop", "--json", portfolio=coach))
    assert role["current"] == "coach" and role["roles"] == ["teacher", "coach"]
    assert role["name"] == "Ana" and role["portfolioName"] == "Ana's laptop"
    assert "* coach" in ok(mcdesk(home, "role", "list", portfolio=coach))
    bad = mcdesk(home, "role", "set", "principal", portfolio=coach)
    assert bad.code == 2 and "invalid choice" in bad.err

    new = ok(mcdesk(home, "observe", "new", "--teacher", "Sam Rivera", "--mc", "exit-tickets",
                    "--json", portfolio=coach))
    obs = new["id"]
    assert new["look_fors"] and new["teacher"] == "Sam Rivera"
    ok(mcdesk(home, "observe", "note", obs[:8], "Hinge question asked", "--at", "0:04",
              "--clip", "0:02", "0:06", portfolio=coach))
    second = ok(mcdesk(home, "observe", "note", obs[:8], "Exit tickets out", "--at", "0:09",
                       "--json", portfolio=coach))
    assert second["number"] == 2 and second["offset_ms"] == 9_000
    unknown = mcdesk(home, "observe", "note", obs[:8], "x", "--criterion", "nope",
                     portfolio=coach)
    assert unknown.code == 2 and "is not a rubric criterion" in unknown.err

    started = datetime.fromisoformat(new["started_at"])
    video = make_video(tmp_path / "lesson.mp4", seconds=12, width=160, height=120, fps=10,
                       with_audio=False, detail=False,
                       creation_time=(started - timedelta(seconds=3)).astimezone(UTC))
    added = ok(mcdesk(home, "evidence", "add", str(video), "--json", portfolio=coach))
    video_id = added["results"][0]["evidence"]["id"]
    aligned = ok(mcdesk(home, "observe", "align", obs[:8], "--video", video_id, "--metadata",
                        "--make-clips", "--json", portfolio=coach))
    assert aligned["aligned_by"] == "metadata" and len(aligned["clipsMade"]) == 1
    # the camera started about 3 s early (whole seconds in MP4 metadata)
    assert 6_000 <= aligned["notes"][0]["videoMs"] <= 8_000
    manual = ok(mcdesk(home, "observe", "align", obs[:8], "--video", video_id, "--note", "2",
                       "--at", "0:11", "--json", portfolio=coach))
    assert manual["aligned_by"] == "manual" and manual["notes"][1]["videoMs"] == 11_000
    listing = ok(mcdesk(home, "observe", "list", portfolio=coach))
    assert "Sam Rivera" in listing and "(video 0:11)" in listing

    bundle = tmp_path / "lesson.mcexchange"
    exported = ok(mcdesk(home, "exchange", "export", "--evidence", video_id, "--observation",
                         obs, "-o", str(bundle), "--json", portfolio=coach))
    assert exported["evidence"] == 2 and exported["notes"] == 2
    first = ok(mcdesk(home, "exchange", "import", str(bundle), "--json", portfolio=teacher))
    assert first["imported"] and first["evidenceAdded"] == 2
    again = ok(mcdesk(home, "exchange", "import", str(bundle), "--json", portfolio=teacher))
    assert again["evidenceAdded"] == 0 and again["evidenceAlreadyHere"] == 2
    listed = ok(mcdesk(home, "evidence", "list", "--json", portfolio=teacher))["evidence"]
    assert len(listed) == 2

    hostile = tmp_path / "hostile.mcexchange"
    hostile.write_bytes(b"PK\x05\x06" + bytes(18))
    refused = mcdesk(home, "exchange", "import", str(hostile), "--json", portfolio=teacher)
    assert refused.code == 1 and refused.json()["imported"] is False
    assert refused.json()["problems"]
    nothing = mcdesk(home, "exchange", "export", "-o", str(tmp_path / "x"), portfolio=coach)
    assert nothing.code == 2 and "say what to export" in nothing.err
