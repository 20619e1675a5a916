"""Observing: every change is one short write, so a coach's laptop killed mid-lesson loses
nothing it had already shown as saved; bad input is refused with a clear message."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mcdesk.core.coaching import CoachingError
from mcdesk.core.reviews import Role
from mcdesk.services.workspace import Workspace
from tests.conftest import REPO


def test_notes_ticks_and_tags_survive_the_process_being_killed(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "coach", seed_demo=True)
    workspace.roles.switch(Role.COACH)
    observation = workspace.observations.new("Sam Rivera", "exit-tickets")
    look_fors = len(observation.look_fors)
    root = workspace.root
    workspace.close()
    assert look_fors >= 2
    child = textwrap.dedent("""
        import sys
        from pathlib import Path
        from mcdesk.services.workspace import Workspace

        workspace = Workspace.open(Path(sys.argv[1]), create=False)
        observations = workspace.observations
        observation_id, look_fors = sys.argv[2], int(sys.argv[3])
        number = 0
        while True:
            note = observations.note(observation_id, f"Note {number}", offset_ms=number * 500)
            observations.tick(observation_id, number % look_fors + 1, at_ms=number * 500)
            if number % 3 == 0:
                observations.clip(note.id, number * 500, number * 500 + 2000)
            print(number, flush=True)
            number += 1
    """)
    process = subprocess.Popen([sys.executable, "-c", child, str(root), observation.id,
                                str(look_fors)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, cwd=REPO,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stdout is not None
    last = -1
    try:
        for line in process.stdout:
            last = int(line)
            if last >= 12:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.kill()
        _out, err = process.communicate(timeout=30)
    assert last >= 12, err
    assert process.returncode == -signal.SIGKILL
    reopened = Workspace.open(root, create=False)
    try:
        saved = reopened.observations.get(observation.id)
        assert len(saved.notes) >= last + 1
        assert [n.text for n in saved.notes[:last + 1]] == [f"Note {n}" for n in
                                                             range(last + 1)]
        assert [n.number for n in saved.notes] == list(range(1, len(saved.notes) + 1))
        assert all(lf.seen for lf in saved.look_fors)
        assert saved.notes[3].has_clip and saved.notes[3].clip_end_ms == 3_500
    finally:
        reopened.close()


def test_bad_input_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "coach", seed_demo=True)
    try:
        with pytest.raises(CoachingError, match="teacher's name"):
            workspace.observations.new("   ", "exit-tickets")
        observation = workspace.observations.new("Sam", "exit-tickets")
        with pytest.raises(CoachingError, match="needs some words"):
            workspace.observations.note(observation.id, "  ")
        note = workspace.observations.note(observation.id, "Good start", offset_ms=1000)
        with pytest.raises(CoachingError, match="end after it starts"):
            workspace.observations.clip(note.id, 5000, 4000)
        with pytest.raises(CoachingError, match="no note 7"):
            workspace.observations.get(observation.id).note(7)
        assert workspace.observations.get(observation.id).notes == (note,)
    finally:
        workspace.close()
