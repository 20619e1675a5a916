"""Coaching in the window, both sides: the coach imports a teacher's draft from an exchange
bundle, comments on a range of its video and on an answer, suggests a caption, scores the rubric
for practice and exports; the teacher imports it (File → Import an exchange bundle), opens the
Coaching panel on the draft, sees the comments and the scores beside the rubric and accepts the
caption and the clip with one click each; screenshots at 1366×768."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mcdesk.core.reviews import Anchor, Role
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.coaching.page import CoachingPage
from mcdesk.ui.drafts.coaching_dialog import CoachingDialog
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from mcdesk.ui.shell.places import PlaceKey
from tests.media_factory import make_video
from tests.ui.observe.test_ui_observe import grab

WAIT = 20_000


def open_window(qtbot: QtBot, root: Path) -> MainWindow:
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    qtbot.waitUntil(lambda: window.role_box.isEnabled(), timeout=WAIT)
    return window


@pytest.fixture
def teacher_draft(tmp_path: Path) -> Iterator[tuple[Path, str, str, Path]]:
    """(teacher's portfolio, draft id, video evidence id, the bundle for the coach)."""
    root = tmp_path / "teacher"
    workspace = Workspace.open(root, seed_demo=True)
    try:
        workspace.roles.set_owner_name("Sam Rivera")
        video = make_video(tmp_path / "lesson.mp4", seconds=6, width=320, height=180, fps=10,
                           with_audio=False, detail=False)
        evidence = workspace.evidence.add_paths([video]).results[0].evidence
        assert evidence is not None
        draft = workspace.drafts.new("exit-tickets")
        workspace.drafts.attach(draft.id, "p2-video", evidence.id)
        workspace.drafts.write_answer(draft.id, "p1-context",
                                      "Fourth grade, twenty-six students, fractions unit.")
        bundle = tmp_path / "for-coach.mcexchange"
        workspace.exchange.export(bundle, draft_id=draft.id)
        yield root, draft.id, evidence.id, bundle
    finally:
        workspace.close()


def test_a_coach_comments_scores_and_the_teacher_accepts(
        qtbot: QtBot, tmp_path: Path, teacher_draft: tuple[Path, str, str, Path]) -> None:
    teacher_root, draft_id, video_id, bundle = teacher_draft
    coach_root = tmp_path / "coach"
    Workspace.open(coach_root, seed_demo=True).close()
    window = open_window(qtbot, coach_root)
    workspace = window.workspace
    assert workspace is not None
    workspace.roles.set_owner_name("Ana")
    window.switch_role(Role.COACH)
    window.show_place(PlaceKey.COACHING)
    page = window.place(PlaceKey.COACHING)
    assert isinstance(page, CoachingPage)
    qtbot.waitUntil(lambda: page.empty.isVisible(), timeout=WAIT)
    assert page.beside.showing_empty() and not page.placeholder.isVisible()
    grab(window, "coaching-empty.png")
    page.import_bundle(bundle)
    qtbot.waitUntil(lambda: page.list.count() == 1 and page.pieces.count() == 2, timeout=WAIT)
    assert not page.beside.showing_empty() and not page.empty.isVisible()
    assert page.list.item(0).text().startswith("Sam Rivera")
    assert "video" in page.pieces.item(0).text()

    # A range of the video: the teacher will be able to keep it as a clip.
    video_view = page.panel.video
    qtbot.waitUntil(lambda: video_view.duration_ms() > 3000, timeout=WAIT)
    video_view.comment_requested.emit(Anchor("", start_ms=1_000, end_ms=4_000))
    editor = page.panel.editor
    qtbot.waitUntil(editor.isVisible, timeout=WAIT)
    qtbot.keyClicks(editor.text, "The hinge question and the hands: keep this as a clip.")
    editor.criterion.setCurrentIndex(1)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(workspace.coaching.comments(draft_id)) == 1, timeout=WAIT)
    page.add_caption("Minute 1: the hinge question")
    qtbot.waitUntil(lambda: len(workspace.coaching.comments(draft_id)) == 2, timeout=WAIT)
    mc = workspace.coaching.micro_credential_of(
        "https://demo.mcdesk.org/achievements/exit-tickets", "1.0")
    first = mc.rubric[0]
    qtbot.waitUntil(lambda: first.id in page.scores._boxes, timeout=WAIT)
    box = page.scores._boxes[first.id]
    box.setCurrentIndex(2)
    box.activated.emit(2)
    qtbot.waitUntil(lambda: len(workspace.coaching.scores(draft_id)) == 1, timeout=WAIT)
    page.pieces.setCurrentRow(1)  # the written answer
    qtbot.waitUntil(lambda: page.panel.piece() is not None and
                    page.panel.piece().target == "answer:p1-context", timeout=WAIT)
    assert not page.caption_button.isEnabled()
    page.pieces.setCurrentRow(0)
    grab(window, "coaching-draft.png")
    back = tmp_path / "from-coach.mcexchange"
    page.export_to(back)
    qtbot.waitUntil(back.exists, timeout=WAIT)
    window.close()

    teacher = open_window(qtbot, teacher_root)
    teacher.exchange_actions.import_file(back)
    teacher_ws = teacher.workspace
    assert teacher_ws is not None
    qtbot.waitUntil(lambda: len(teacher_ws.coaching.comments(draft_id)) == 2, timeout=WAIT)
    dialog = CoachingDialog(teacher.runner, teacher_ws, draft_id, teacher)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.comments.count() == 2, timeout=WAIT)
    assert "Ana left 2 comments and 1 practice scores" in dialog.summary.text()
    assert dialog.scores.item(0, 0).text() == first.name
    assert dialog.scores.item(0, 1).text() == first.levels[1].name
    assert any("Suggested caption" in dialog.comments.item(i).text() for i in range(2))
    grab(dialog, "teacher-coaching-panel.png")
    for row in range(2):
        dialog.comments.setCurrentRow(row)
        qtbot.waitUntil(dialog.accept_button.isEnabled, timeout=WAIT)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda r=row: teacher_ws.coaching.comments(draft_id)[r].accepted_at
                        is not None, timeout=WAIT)
    attachments = teacher_ws.drafts.get(draft_id).attachments
    assert attachments[0].caption == "Minute 1: the hinge question"
    assert len(attachments) == 2
    clip = teacher_ws.evidence.get(attachments[1].evidence_id)
    assert clip.source_id == video_id
    qtbot.waitUntil(lambda: all("(accepted)" in dialog.comments.item(r).text()
                            for r in range(2)), timeout=WAIT)
    assert not dialog.accept_button.isEnabled()
    dialog.close()
    teacher.close()


def test_the_teacher_sees_the_coachs_lesson_notes_on_their_video(
        qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import timedelta

    coach = Workspace.open(tmp_path / "coach", seed_demo=True)
    teacher = Workspace.open(tmp_path / "teacher", seed_demo=True)
    try:
        coach.roles.set_owner_name("Ana")
        observation = coach.observations.new("Sam", "exit-tickets")
        coach.observations.note(observation.id, "Hinge question", offset_ms=1_000)
        coach.observations.note(observation.id, "Exit tickets out", offset_ms=3_000)
        video = make_video(tmp_path / "lesson.mp4", seconds=6, width=320, height=180, fps=10,
                           with_audio=False, detail=False,
                           creation_time=observation.started_at - timedelta(seconds=1))
        evidence = coach.evidence.add_paths([video]).results[0].evidence
        assert evidence is not None
        coach.observations.align_by_metadata(observation.id, evidence.id)
        coach.exchange.export(tmp_path / "o.mcexchange", observation_ids=[observation.id])
        teacher.exchange.import_bundle(tmp_path / "o.mcexchange")
        draft = teacher.drafts.new("exit-tickets")
        teacher.drafts.attach(draft.id, "p2-video", evidence.id)
        runner = JobRunner()
        dialog = CoachingDialog(runner, teacher, draft.id)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.comments.count() == 2, timeout=WAIT)
        assert dialog.comments.item(0).text().startswith("Observation note · lesson · at 0:0")
        qtbot.waitUntil(lambda: len(dialog.panel.comments()) == 2, timeout=WAIT)
        assert not dialog.accept_button.isEnabled()
        assert "notes from the lesson are lined up on your video (2 notes)" in \
            dialog.summary.text()
        grab(dialog, "teacher-lesson-notes.png")
        dialog.close()
        runner.shutdown(wait=True)
    finally:
        coach.close()
        teacher.close()
