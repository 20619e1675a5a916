"""The Observe place as a coach uses it: start observing a teacher against a micro-credential,
type notes (Enter stamps the time), tick a look-for, tag a note, mark a clip; then add the
lesson video (made here, with a creation time), see the notes lined up on it, match a note by
hand and make the clip; screenshots at 1366×768."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mcdesk.core.coaching import AlignedBy
from mcdesk.core.reviews import Role
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.observe.page import ObservePage
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey
from tests.media_factory import make_video

WAIT = 20_000
SCREENS = Path(os.environ.get("MCDESK_SCREENS", "/work/screens/coach"))


def grab(widget: object, name: str) -> None:
    if SCREENS.parent.is_dir():
        SCREENS.mkdir(exist_ok=True)
        widget.grab().save(str(SCREENS / name))  # type: ignore[attr-defined]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    root = tmp_path / "coach"
    workspace = Workspace.open(root, seed_demo=True)
    workspace.roles.set_owner_name("Ana")
    workspace.close()
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    qtbot.waitUntil(lambda: window.role_box.isEnabled(), timeout=WAIT)
    yield window
    window.close()


def observe_page(window: MainWindow) -> ObservePage:
    page = window.place(PlaceKey.OBSERVE)
    assert isinstance(page, ObservePage)
    return page


def test_a_coach_observes_a_lesson_and_lines_the_notes_up(
        window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    workspace = window.workspace
    assert workspace is not None
    index = window.role_box.findData(Role.COACH)
    assert window.role_box.itemText(index) == "Coach"
    window.switch_role(Role.COACH)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())
              if not window.sidebar.item(i).isHidden()]
    assert titles == ["Observe", "Evidence", "Coaching", "Sync"]
    page = observe_page(window)
    qtbot.waitUntil(lambda: page.isVisible() and page.mc_box.count() > 0, timeout=WAIT)
    # No observation yet: what to do, in the detail side beside the form that starts one.
    assert page.empty.isVisible() and page.beside.showing_empty()
    assert page.right_stack.isAncestorOf(page.empty) and not page.placeholder.isVisible()
    page.mc_box.setCurrentIndex(page.mc_box.findData(
        "https://demo.mcdesk.org/achievements/exit-tickets"))
    qtbot.keyClicks(page.teacher, "Sam Rivera")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.right_stack.currentIndex() == 1, timeout=WAIT)
    session = page.session
    qtbot.waitUntil(lambda: session.look_fors.count() >= 2, timeout=WAIT)
    (observation,) = workspace.observations.list()
    assert page.heading.text().startswith("Sam Rivera: ")

    qtbot.keyClicks(session.note_line, "Hinge question, most hands up")
    qtbot.keyClick(session.note_line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(workspace.observations.get(observation.id).notes) == 1,
                    timeout=WAIT)
    assert session.note_line.text() == ""
    session.look_fors.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: workspace.observations.get(observation.id).look_fors[0].seen,
                    timeout=WAIT)
    # Tag the saved note with the second rubric criterion.
    qtbot.waitUntil(lambda: session.notes.count() == 1, timeout=WAIT)
    session.notes.setCurrentRow(0)
    session.criterion.setCurrentIndex(2)
    session.criterion.activated.emit(2)
    criterion = session.criterion.itemData(2)
    qtbot.waitUntil(lambda: workspace.observations.get(observation.id).notes[0]
                    .rubric_criterion_id == criterion, timeout=WAIT)
    session.notes.setCurrentRow(-1)
    session.criterion.setCurrentIndex(0)
    qtbot.mouseClick(session.clip_button, Qt.MouseButton.LeftButton)
    assert session.clip_button.text() == "End clip"
    qtbot.wait(1200)
    qtbot.keyClicks(session.note_line, "Exit tickets sorted")
    qtbot.mouseClick(session.clip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(workspace.observations.get(observation.id).notes) == 2,
                    timeout=WAIT)
    clip_note = workspace.observations.get(observation.id).note(2)
    assert clip_note.text == "Exit tickets sorted" and clip_note.has_clip
    qtbot.waitUntil(lambda: session.notes.count() == 2, timeout=WAIT)
    grab(window, "observe-during-lesson.png")

    # After the lesson: the camera started 2 s before the observation clock.
    started = workspace.observations.get(observation.id).started_at
    video = make_video(tmp_path / "lesson.mp4", seconds=8, width=320, height=180, fps=10,
                       with_audio=False, detail=False,
                       creation_time=(started - timedelta(seconds=2)).astimezone(UTC))
    page.tabs.setCurrentIndex(1)
    page.add_video(video)
    qtbot.waitUntil(lambda: workspace.observations.get(observation.id).aligned_by
                    is AlignedBy.METADATA, timeout=WAIT)
    lineup = page.lineup
    qtbot.waitUntil(lambda: len(lineup.panel.comments()) == 2, timeout=WAIT)
    assert "lined up by the video's start time" in lineup.state.text()
    aligned = workspace.observations.get(observation.id)
    assert abs((aligned.video_ms(aligned.note(1)) or 0) -
               (aligned.note(1).offset_ms + 2000)) <= 1000  # MP4 keeps whole seconds
    grab(window, "observe-lined-up.png")

    # By hand: the player at 3.0 s is note 1.
    video_view = lineup.panel.video
    qtbot.waitUntil(lambda: video_view.duration_ms() > 3000, timeout=WAIT)
    video_view.seek(3000)
    qtbot.waitUntil(lambda: abs(video_view.position_ms() - 3000) < 150, timeout=WAIT)
    lineup.note_number.setValue(1)
    qtbot.mouseClick(lineup.match_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.observations.get(observation.id).aligned_by
                    is AlignedBy.MANUAL, timeout=WAIT)
    manual = workspace.observations.get(observation.id)
    assert abs((manual.video_ms(manual.note(1)) or 0) - 3000) <= 150
    qtbot.waitUntil(lambda: lineup.clips_button.isEnabled(), timeout=WAIT)
    qtbot.mouseClick(lineup.clips_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: workspace.observations.get(observation.id).note(2)
                    .clip_evidence_id is not None, timeout=WAIT)
    clip_id = workspace.observations.get(observation.id).note(2).clip_evidence_id
    provenance = workspace.coaching.provenance(clip_id or "")
    assert provenance is not None and provenance.role is Role.COACH and provenance.name == "Ana"

    # Provenance shows wherever the evidence appears: the evidence details.
    window.show_place(PlaceKey.EVIDENCE)
    evidence_page = window.evidence_page
    qtbot.waitUntil(lambda: evidence_page.isVisible(), timeout=WAIT)
    qtbot.wait(300)
    evidence_page.select_evidence(clip_id or "")
    qtbot.waitUntil(lambda: "Captured by Ana (coach)" in evidence_page.facts_label.text(),
                    timeout=WAIT)
    grab(window, "evidence-provenance.png")


def test_a_note_edited_on_both_sides_offers_both_versions(qtbot: QtBot, tmp_path: Path) -> None:
    coach = Workspace.open(tmp_path / "coach", seed_demo=True)
    mine = tmp_path / "mine"
    here = Workspace.open(mine, seed_demo=True)
    try:
        coach.roles.set_owner_name("Ana")
        here.roles.set_owner_name("Sam")
        observation = coach.observations.new("Sam", "exit-tickets")
        note = coach.observations.note(observation.id, "Wait time 2 s", offset_ms=4_000)
        coach.exchange.export(tmp_path / "1.mcexchange", observation_ids=[observation.id])
        here.exchange.import_bundle(tmp_path / "1.mcexchange")
        coach.observations.edit(note.id, "Wait time about 2 s")
        here.observations.edit(note.id, "Wait time felt longer")
        coach.exchange.export(tmp_path / "2.mcexchange", observation_ids=[observation.id])
        assert here.exchange.import_bundle(tmp_path / "2.mcexchange").notes_to_choose
    finally:
        coach.close()
        here.close()
    window = MainWindow(JobRunner(), mine)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    qtbot.waitUntil(lambda: window.role_box.isEnabled(), timeout=WAIT)
    window.switch_role(Role.COACH)
    page = observe_page(window)
    session = page.session
    qtbot.waitUntil(lambda: session.notes.count() == 1, timeout=WAIT)
    assert "edited on both sides" in session.notes.item(0).text()
    session.notes.setCurrentRow(0)
    qtbot.waitUntil(lambda: len(session.choose_buttons) == 2, timeout=WAIT)
    assert session.choose_box.isVisible()
    grab(window, "observe-two-versions.png")
    keep = next(b for b in session.choose_buttons if "about 2 s" in b.text())
    assert "(Ana)" in keep.text()
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.observations.get(observation.id).notes[0].text
                    == "Wait time about 2 s", timeout=WAIT)
    qtbot.waitUntil(lambda: not session.choose_box.isVisible(), timeout=WAIT)
    window.close()


def test_words_typed_but_not_entered_come_back(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "coach"
    workspace = Workspace.open(root, seed_demo=True)
    observation = workspace.observations.new("Sam", "exit-tickets")
    workspace.close()

    def opened() -> MainWindow:
        window = MainWindow(JobRunner(), root)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
            open_portfolio_in_background(window, seed_demo=False)
        qtbot.waitUntil(lambda: window.role_box.isEnabled(), timeout=WAIT)
        window.switch_role(Role.COACH)
        return window

    window = opened()
    session = observe_page(window).session
    qtbot.waitUntil(lambda: session.look_fors.count() > 0, timeout=WAIT)
    qtbot.keyClicks(session.note_line, "Half a thought about the hinge")
    live = window.workspace
    assert live is not None
    qtbot.waitUntil(lambda: live.observations.pending_line(observation.id)
                    == "Half a thought about the hinge", timeout=WAIT)
    window.close()

    again = opened()
    session = observe_page(again).session
    qtbot.waitUntil(lambda: session.note_line.text() == "Half a thought about the hinge",
                    timeout=WAIT)
    qtbot.keyClick(session.note_line, Qt.Key.Key_Return)
    reopened = again.workspace
    assert reopened is not None
    qtbot.waitUntil(lambda: len(reopened.observations.get(observation.id).notes) == 1,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: reopened.observations.pending_line(observation.id) == "",
                    timeout=WAIT)
    again.close()
