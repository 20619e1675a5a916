"""The Reviews place as an assessor uses it: a generated classroom video, a comment at a moment
tagged with a criterion, every criterion scored, the decision, an override with its reason,
finishing, exporting, a kill mid-review; and the earner reading the comments on their own
video."""

from __future__ import annotations

import textwrap
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mcdesk.core.reviews import (
    EARNED,
    Audience,
    CommentKind,
    ReviewSource,
    ReviewState,
    Role,
)
from mcdesk.core.sync import Assignment
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.reviews.workspace import ReviewWorkspace
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from tests.kill_helpers import kill_while_working
from tests.review_helpers import ReviewSetup, review_setup

WAIT = 20_000


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[ReviewSetup]:
    made = review_setup(tmp_path, video=True, earner_name="Dana Whitfield")
    made.close()
    yield made


def assigned_portfolio(setup: ReviewSetup, root: Path) -> str:
    """An assessor's portfolio where the submission came as a server's assignment (so it
    can be finished and queued for sending); the review's id."""
    workspace = Workspace.open(root, seed_demo=True)
    try:
        workspace.roles.switch(Role.ASSESSOR)
        review = workspace.review_outbox.add_assignment("school", Assignment(
            assignment_id=str(uuid.uuid4()), submission_id=setup.review.submission_id,
            achievement_id=setup.review.mc_id, version=setup.review.mc_version, attempt=1,
            due_at=datetime.now(UTC) + timedelta(days=3), bag_size=None, bag_sha256=None))
        opened = workspace.reviews.open_package(setup.package)
        assert opened.id == review.id and opened.source is ReviewSource.ASSIGNMENT
        return review.id
    finally:
        workspace.close()


def open_window(qtbot: QtBot, root: Path) -> MainWindow:
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.resize(1366, 800)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    qtbot.waitUntil(lambda: window.role_box.isEnabled(), timeout=WAIT)
    return window


@pytest.fixture
def window(qtbot: QtBot, setup: ReviewSetup) -> Iterator[MainWindow]:
    window = open_window(qtbot, setup.assessor.root)
    yield window
    window.close()


def stored(window: MainWindow, review_id: str) -> object:
    workspace = window.workspace
    assert workspace is not None
    return workspace.reviews.get(review_id)


def open_review(window: MainWindow, qtbot: QtBot) -> ReviewWorkspace:
    window.show_place("reviews")
    view = window.reviews_page.workspace_view
    qtbot.waitUntil(lambda: view.work is not None and view.work.package is not None,
                    timeout=WAIT)
    return view


def choose_piece(view: ReviewWorkspace, label_start: str) -> None:
    node = next(n for n in view._nodes() if n.text(0).startswith(label_start))
    view.navigator.setCurrentItem(node)


def test_the_role_switch_shows_the_reviews_place(window: MainWindow, qtbot: QtBot) -> None:
    # review_setup made this portfolio an assessor's: the Reviews place is there.
    assert window.role is Role.ASSESSOR
    reviews = next(window.sidebar.item(r) for r in range(window.sidebar.count())
                   if window.sidebar.item(r).data(Qt.ItemDataRole.UserRole) == "reviews")
    assert not reviews.isHidden()
    window.role_box.setCurrentIndex(window.role_box.findData(Role.EARNER))
    window.switch_role(Role.EARNER)
    assert reviews.isHidden()
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.roles.current() is Role.EARNER, timeout=WAIT)


def test_blind_review_hides_the_earner_until_asked(window: MainWindow, qtbot: QtBot) -> None:
    view = open_review(window, qtbot)
    assert "Dana" not in view.earner.text() and "Blind review" in view.earner.text()
    view.blind_button.click()
    qtbot.waitUntil(lambda: "Dana Whitfield" in view.earner.text(), timeout=WAIT)


def test_comment_at_a_moment_score_decide_and_finish(qtbot: QtBot, setup: ReviewSetup,
                                                     tmp_path: Path) -> None:
    review_id = assigned_portfolio(setup, tmp_path / "assigned")
    window = open_window(qtbot, tmp_path / "assigned")
    view = open_review(window, qtbot)
    assert "due" in view.title.text()
    choose_piece(view, "Video")
    video = view.panel.video
    qtbot.waitUntil(lambda: video.duration_ms() > 3000, timeout=WAIT)
    video.play()
    qtbot.waitUntil(lambda: video.position_ms() > 300, timeout=WAIT)
    video.pause()
    video.seek(2000)
    qtbot.waitUntil(lambda: abs(video.position_ms() - 2000) < 100, timeout=WAIT)
    qtbot.keyClick(video, Qt.Key.Key_C)
    editor = view.panel.editor
    assert editor.is_editing()
    editor.text.setPlainText("Students hear why the ticket matters before they write.")
    editor.kind.setCurrentIndex(editor.kind.findData(CommentKind.STRENGTH))
    video_criterion = f"{setup.rubric}/video"
    index = editor.criterion.findData(video_criterion)
    assert index >= 0, [editor.criterion.itemData(i) for i in range(editor.criterion.count())]
    editor.criterion.setCurrentIndex(index)
    editor.save()
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: len(workspace.reviews.get(review_id).comments) == 1, timeout=WAIT)
    comment = workspace.reviews.get(review_id).comments[0]
    assert comment.anchor.start_ms is not None and abs(comment.anchor.start_ms - 2000) < 100
    assert comment.rubric_criterion_id == video_criterion
    assert comment.kind is CommentKind.STRENGTH and comment.audience is Audience.EARNER
    assert comment.anchor.path is not None and comment.anchor.path.endswith(".mp4")
    # The comment is gathered beside its criterion, and clicking it there seeks back to it.
    box = view.scoring.boxes[video_criterion]
    qtbot.waitUntil(lambda: box.comments.count() == 1, timeout=WAIT)
    video.seek(0)
    qtbot.waitUntil(lambda: video.position_ms() < 100, timeout=WAIT)
    box.comment_activated.emit(comment.id)
    qtbot.waitUntil(lambda: abs(video.position_ms() - 2000) < 100, timeout=WAIT)

    # Score every criterion; the decision follows the rule.
    decision = view.scoring.decision
    assert not decision.finish_button.isEnabled()
    boxes = list(view.scoring.boxes.values())
    for each in boxes[:-1]:
        each.buttons[each.criterion.required_level_id or ""].click()
    boxes[-1].buttons[boxes[-1].criterion.levels[0].id].click()  # below passing
    qtbot.waitUntil(lambda: "Not yet" in decision.rule_label.text(), timeout=WAIT)
    box.feedback.setPlainText("Clear purpose given before the ticket.")
    box.feedback.flush()
    # Override without a reason: finishing is blocked, with the reason said in words.
    decision.override.setChecked(True)
    decision.override_choice.setCurrentIndex(decision.override_choice.findData(EARNED))
    decision.override_choice.activated.emit(decision.override_choice.currentIndex())
    qtbot.waitUntil(lambda: "write why" in decision.problems.text(), timeout=WAIT)
    assert not decision.finish_button.isEnabled()
    decision.reason.setPlainText("The sort in part 3 shows the skill the rubric misses.")
    decision.reason.flush()
    qtbot.waitUntil(lambda: decision.finish_button.isEnabled(), timeout=WAIT)
    saved = workspace.reviews.get(review_id)
    assert saved.override_decision == EARNED
    assert saved.score(video_criterion).feedback == "Clear purpose given before the ticket."
    decision.finish_button.click()
    qtbot.waitUntil(lambda: workspace.reviews.get(review_id).state is ReviewState.QUEUED,
                    timeout=WAIT)
    # Finished: locked in the window too, with a way back while it is not sent.
    qtbot.waitUntil(lambda: view.reopen_button.isVisible(), timeout=WAIT)
    assert not boxes[0].buttons[boxes[0].criterion.levels[0].id].isEnabled()
    assert view.panel.is_read_only()
    view.reopen_button.click()
    qtbot.waitUntil(lambda: workspace.reviews.get(review_id).state is ReviewState.IN_PROGRESS,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: not view.panel.is_read_only(), timeout=WAIT)
    window.close()


def test_export_locks_and_writes_a_review_file(window: MainWindow, qtbot: QtBot,
                                               setup: ReviewSetup, tmp_path: Path) -> None:
    view = open_review(window, qtbot)
    for each in view.scoring.boxes.values():
        each.buttons[each.criterion.levels[-1].id].click()
    decision = view.scoring.decision
    qtbot.waitUntil(lambda: "Earned" in decision.rule_label.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: decision.export_button.isEnabled(), timeout=WAIT)
    # A package opened from a file has no server to send to: export is the way out.
    assert not decision.finish_button.isVisible()
    dest = tmp_path / "out" / "review.mcreview"
    dest.parent.mkdir()
    window.reviews_page.export_to(setup.review.id, dest)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.reviews.get(setup.review.id).state
                    is ReviewState.EXPORTED, timeout=WAIT)
    content = workspace.review_files.read_review_file(dest)
    assert content.decision == EARNED
    qtbot.waitUntil(lambda: view.panel.is_read_only(), timeout=WAIT)


def test_time_spent_is_counted_while_the_review_is_open(window: MainWindow, qtbot: QtBot,
                                                       setup: ReviewSetup) -> None:
    view = open_review(window, qtbot)
    qtbot.wait(1300)
    view.bank_time()
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.reviews.get(setup.review.id).seconds_spent >= 1,
                    timeout=WAIT)


KILL_MID_REVIEW = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path

    def main():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer
        from mcdesk.core.reviews import Anchor
        from mcdesk.jobs.runner import JobRunner
        from mcdesk.ui.shell.app import make_application, open_portfolio_in_background
        from mcdesk.ui.annotation.comment_editor import CommentFields
        from mcdesk.ui.shell.main_window import MainWindow
        app = make_application()
        window = MainWindow(JobRunner(), Path(sys.argv[1]))
        window.show()
        view = window.reviews_page.workspace_view
        done = []

        def work():
            if done or view.work is None or view.work.package is None:
                return
            done.append(True)
            boxes = list(view.scoring.boxes.values())
            boxes[0].buttons[boxes[0].criterion.levels[-1].id].click()
            boxes[0].feedback.setPlainText("Typed just before the laptop died")
            target = view.work.package.criteria[0]
            view.panel.add_requested.emit(CommentFields(
                Anchor(f"answer:{target.id}", passage=(0, 8), quote="Families"),
                "A strong opening"))
            # About a second later the process is killed: no clean exit, no flush.
            QTimer.singleShot(1500, lambda: os.kill(os.getpid(), signal.SIGKILL))

        timer = QTimer()
        timer.timeout.connect(work)
        timer.start(100)
        window.workspace_ready.connect(lambda: window.show_place("reviews"))
        open_portfolio_in_background(window, seed_demo=False)
        app.exec()

    if __name__ == "__main__":
        main()
""")


def test_killed_mid_review_loses_nothing(setup: ReviewSetup, tmp_path: Path) -> None:
    kill_while_working(KILL_MID_REVIEW, str(setup.assessor.root))
    workspace = Workspace.open(setup.assessor.root)
    try:
        review = workspace.reviews.get(setup.review.id)
        rubric = workspace.reviews.work(review.id).rubric
        first = rubric[0]
        assert review.score(first.id).level_id == first.levels[-1].id
        assert review.score(first.id).feedback == "Typed just before the laptop died"
        assert [c.text for c in review.comments] == ["A strong opening"]
        assert review.state is ReviewState.IN_PROGRESS
    finally:
        workspace.close()


def test_the_earner_sees_the_comments_on_their_own_video(qtbot: QtBot, setup: ReviewSetup,
                                                         tmp_path: Path) -> None:
    # The assessor comments at a moment of the video and exports; the earner imports.
    assessor = Workspace.open(setup.assessor.root)
    try:
        reviews = assessor.reviews
        work = reviews.work(setup.review.id)
        assert work.package is not None
        video = next(e for c in work.package.criteria for e in c.evidence if e.kind == "video")
        from mcdesk.core.reviews import Anchor

        reviews.add_comment(setup.review.id, Anchor(video.id, start_ms=1500),
                            "Good wait time here", kind=CommentKind.STRENGTH)
        reviews.add_comment(setup.review.id, Anchor(video.id, start_ms=3000),
                            "For the issuer only", audience=Audience.ISSUER)
        for criterion in work.rubric:
            reviews.set_level(setup.review.id, criterion.id, criterion.levels[0].id)
        file = assessor.review_files.export(setup.review.id, tmp_path / "review.mcreview")
    finally:
        assessor.close()
    earner = Workspace.open(setup.earner.root)
    try:
        earner.review_files.import_review_file(file)
    finally:
        earner.close()

    window = MainWindow(JobRunner(), setup.earner.root)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    editor = window.drafts_page.editor
    with qtbot.waitSignal(editor.loaded, timeout=WAIT):
        window.show_place("drafts")
    qtbot.waitUntil(lambda: editor.feedback_button.isVisible(), timeout=WAIT)
    editor.feedback_button.click()
    dialog = editor.received_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.pieces.count() == 1, timeout=WAIT)
    # The feedback per criterion: each rubric criterion with the level it was given.
    qtbot.waitUntil(lambda: "Context and exit-ticket design" in dialog.summary.text(),
                    timeout=WAIT)
    assert "Not yet" in dialog.summary.text()
    panel = dialog.panel
    assert panel.is_read_only()
    qtbot.waitUntil(lambda: len(panel.comments()) == 1, timeout=WAIT)
    assert panel.comments()[0].text == "Good wait time here"  # the private one stayed away
    video = panel.video
    qtbot.waitUntil(lambda: video.duration_ms() > 3000, timeout=WAIT)
    panel.select_comment(panel.comments()[0].id)
    qtbot.waitUntil(lambda: abs(video.position_ms() - 1500) < 100, timeout=WAIT)
    dialog.close()
    window.close()


def test_an_empty_queue_offers_a_sample_to_practise_on(qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "new-assessor"
    workspace = Workspace.open(root, seed_demo=True)
    workspace.roles.switch(Role.ASSESSOR)
    workspace.close()
    window = open_window(qtbot, root)
    try:
        window.show_place("reviews")
        page = window.reviews_page
        qtbot.waitUntil(lambda: page.left_stack.currentIndex() == 1, timeout=WAIT)
        assert page.sample_button.isVisible()
        page.sample_button.click()
        view = page.workspace_view
        qtbot.waitUntil(lambda: view.work is not None and view.work.package is not None,
                        timeout=60_000)
        assert view.work.earner_name == "Sample Teacher (demo)"
        assert "Sample Teacher" not in view.earner.text()  # blind by default
        kinds = {e.kind for c in view.work.package.criteria for e in c.evidence}
        assert {"video", "image", "document"} <= kinds
        # No photo carries a location into the package.
        from mcdesk.media.probe import probe_file

        photos = [e.file for c in view.work.package.criteria for e in c.evidence
                  if e.kind == "image" and e.file is not None]
        assert len(photos) == 3
        assert all(probe_file(photo).gps is None for photo in photos)
    finally:
        window.close()


def test_the_earner_imports_a_review_file_from_the_drafts_place(
        qtbot: QtBot, setup: ReviewSetup, tmp_path: Path) -> None:
    assessor = Workspace.open(setup.assessor.root)
    try:
        for criterion in assessor.reviews.work(setup.review.id).rubric:
            assessor.reviews.set_level(setup.review.id, criterion.id, criterion.levels[-1].id)
            assessor.reviews.set_feedback(setup.review.id, criterion.id, "Well done")
        file = assessor.review_files.export(setup.review.id, tmp_path / "review.mcreview")
    finally:
        assessor.close()
    window = MainWindow(JobRunner(), setup.earner.root)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    try:
        window.show_place("drafts")
        page = window.drafts_page
        page.import_review_file(file)
        qtbot.waitUntil(lambda: page.editor.received_dialog is not None, timeout=WAIT)
        dialog = page.editor.received_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: "Well done" in dialog.summary.text(), timeout=WAIT)
        # A damaged file is refused in words, naming it; nothing is recorded.
        broken = tmp_path / "broken.mcreview"
        broken.write_bytes(file.read_bytes()[:200])
        page.import_review_file(broken)
        qtbot.waitUntil(lambda: "broken.mcreview" in window.notice_bar.text, timeout=WAIT)
    finally:
        window.close()


def test_a_finished_review_waits_in_the_sync_outbox(qtbot: QtBot, setup: ReviewSetup,
                                                   tmp_path: Path) -> None:
    root = tmp_path / "assigned"
    review_id = assigned_portfolio(setup, root)
    workspace = Workspace.open(root)
    try:
        for criterion in workspace.reviews.work(review_id).rubric:
            workspace.reviews.set_level(review_id, criterion.id, criterion.levels[-1].id)
        workspace.reviews.finish(review_id)
        workspace.sync.add_server("school", "http://127.0.0.1:9", "a-token")
    finally:
        workspace.close()
    window = open_window(qtbot, root)
    try:
        window.show_place("sync")
        page = window.sync_page
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=WAIT)
        cell = page.table.item(0, 0)
        assert cell is not None and cell.text().startswith("Review of Checking for")
        assert page.status_line() == "Queued: 1"
    finally:
        window.close()



def test_the_teacher_names_themselves_for_their_packages(qtbot: QtBot,
                                                          setup: ReviewSetup) -> None:
    window = open_window(qtbot, setup.earner.root)
    try:
        assert window.name_action.isEnabled()
        window.save_owner_name("  Dana   Whitfield ")
        workspace = window.workspace
        assert workspace is not None
        qtbot.waitUntil(lambda: workspace.roles.owner_name() == "Dana Whitfield", timeout=WAIT)
        qtbot.waitUntil(lambda: "Packages you build" in window.notice_bar.text, timeout=WAIT)
    finally:
        window.close()


def test_evidence_marked_identifying_stays_hidden_until_asked(qtbot: QtBot,
                                                             setup: ReviewSetup) -> None:
    import json

    workspace = Workspace.open(setup.assessor.root)
    try:
        folder = workspace.reviews.get(setup.review.id).package_folder
    finally:
        workspace.close()
    assert folder is not None
    metadata_path = folder / "data" / "submission.json"
    metadata = json.loads(metadata_path.read_text("utf-8"))
    for entry in metadata["evidence"]:
        if entry["kind"] == "video":
            entry["identifying"] = True  # e.g. the school's sign is in the picture
    metadata_path.write_text(json.dumps(metadata), "utf-8")

    window = open_window(qtbot, setup.assessor.root)
    try:
        view = open_review(window, qtbot)
        labels = [n.text(0) for n in view._nodes()]
        assert "Hidden for a blind review" in labels
        assert not any(label.startswith("Video") for label in labels)
        view.blind_button.click()
        qtbot.waitUntil(lambda: any(n.text(0).startswith("Video") for n in view._nodes()),
                        timeout=WAIT)
        assert "Hidden for a blind review" not in [n.text(0) for n in view._nodes()]
    finally:
        window.close()
