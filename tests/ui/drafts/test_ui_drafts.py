"""The Drafts place driven as a teacher would: type answers, attach by drag, look back at
versions, build the package; and a kill while typing loses nothing."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mcdesk.core.drafts import DraftStatus
from mcdesk.core.evidence import EvidenceKind
from mcdesk.jobs.runner import JobRunner
from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from mcdesk.ui.drafts.cards import EvidenceCard, TextCard
from mcdesk.ui.drafts.dialogs import AnswerVersionsDialog
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from tests.conftest import DEMO_CATALOG
from tests.kill_helpers import kill_while_working

WAIT = 15000
EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
QUICK_MC = "https://example.org/achievements/quick-reflection"


def quick_micro_credential(folder: Path) -> Path:
    """A micro-credential a test can make ready in a few keystrokes: one short answer and one
    photo."""
    catalog = json.loads(DEMO_CATALOG.read_text(encoding="utf-8"))
    achievement = next(a for a in catalog["achievements"] if a["id"] == EXIT_TICKETS)
    achievement["id"] = QUICK_MC
    achievement["name"] = "Quick reflection"
    extension = achievement["mcdeskMicroCredential"]
    extension.pop("stack", None)
    rubric = achievement["resultDescription"][0]["id"]
    extension["submissionCriteria"]["parts"] = [{
        "id": "part-1", "name": "Part 1. Reflection", "kind": "reflection",
        "criteria": [
            {"id": "q-text", "prompt": "What did you learn?", "response": "text",
             "minWords": 3, "maxWords": 50, "rubricCriterion": rubric},
            {"id": "q-photo", "prompt": "A photo of student work.", "response": "evidence",
             "evidenceKinds": ["image"], "minItems": 1, "maxItems": 2,
             "rubricCriterion": rubric},
        ],
    }]
    path = folder / "quick.json"
    path.write_text(json.dumps(achievement), encoding="utf-8")
    return path


@pytest.fixture
def teacher_portfolio(tmp_path: Path) -> Path:
    root = tmp_path / "portfolio"
    workspace = Workspace.open(root, seed_demo=True)
    workspace.catalog.import_file(quick_micro_credential(tmp_path))
    photo = demo.make_demo_photo(tmp_path / "Sorted tickets.jpg", gps=None, text="3 piles")
    added = workspace.evidence.add_paths([photo]).results[0].evidence
    assert added is not None
    workspace.evidence.set_consent(added.id, "everyone consented")  # type: ignore[arg-type]
    workspace.drafts.new(QUICK_MC)
    workspace.close()
    return root


@pytest.fixture
def window(qtbot: QtBot, teacher_portfolio: Path) -> Iterator[MainWindow]:
    window = MainWindow(JobRunner(), teacher_portfolio)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    with qtbot.waitSignal(window.drafts_page.editor.loaded, timeout=WAIT):
        window.show_place("drafts")
    yield window
    window.close()


def text_card(window: MainWindow, criterion_id: str) -> TextCard:
    card = window.drafts_page.editor.cards[criterion_id]
    assert isinstance(card, TextCard)
    return card


def saved_answer(window: MainWindow, criterion_id: str) -> str:
    workspace = window.workspace
    assert workspace is not None
    return workspace.drafts.list()[0].answer(criterion_id)


def test_typing_updates_the_count_saves_and_rechecks(window: MainWindow, qtbot: QtBot) -> None:
    editor = window.drafts_page.editor
    assert editor.view is not None and not editor.view.readiness.ready
    assert any(p.code == "missing-answer" for p in editor.view.readiness.problems)
    card = text_card(window, "q-text")
    assert card.count.text().startswith("⚠ 0 words")
    qtbot.keyClicks(card.editor, "Sorting tickets showed misconceptions")
    assert card.count.text() == "✓ 4 words (3–50)"
    # On disk within about a second of the last keystroke, with nothing pressed.
    qtbot.waitUntil(lambda: saved_answer(window, "q-text")
                    == "Sorting tickets showed misconceptions", timeout=1500)
    qtbot.waitUntil(lambda: not any(
        p.code == "missing-answer" for p in window.drafts_page.readiness.get(
            editor.view.draft.id if editor.view else "", editor.view.readiness
            if editor.view else None).problems), timeout=WAIT)  # type: ignore[union-attr]
    assert "missing-answer" not in [editor.problems.item(i).text()
                                    for i in range(editor.problems.count())]


def test_attach_by_dragging_from_the_evidence_list(window: MainWindow, qtbot: QtBot) -> None:
    editor = window.drafts_page.editor
    card = editor.cards["q-photo"]
    assert isinstance(card, EvidenceCard)
    row = next(i for i, e in enumerate(editor.library.items()) if e.title == "Sorted tickets")
    mime = editor.library.mimeData([editor.library.index(row)])
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(editor.loaded, timeout=WAIT):
        card.dropEvent(drop)
    workspace = window.workspace
    assert workspace is not None
    draft = workspace.drafts.list()[0]
    attached = draft.attached("q-photo")
    assert [workspace.evidence.get(a.evidence_id).title for a in attached] == ["Sorted tickets"]
    new_card = editor.cards["q-photo"]
    assert isinstance(new_card, EvidenceCard) and len(new_card.rows) == 1


def test_a_ready_draft_builds_a_verified_package(window: MainWindow, qtbot: QtBot,
                                                 tmp_path: Path) -> None:
    editor = window.drafts_page.editor
    workspace = window.workspace
    assert workspace is not None and editor.view is not None
    photo = next(e for e in workspace.evidence.all() if e.title == "Sorted tickets")
    editor.attach("q-photo", [photo.id])
    qtbot.waitUntil(lambda: isinstance(editor.cards.get("q-photo"), EvidenceCard)
                    and len(editor.cards["q-photo"].rows) == 1,  # type: ignore[attr-defined]
                    timeout=WAIT)
    qtbot.keyClicks(text_card(window, "q-text").editor, "Three piles worked well")
    qtbot.waitUntil(lambda: editor.view is not None and editor.view.draft.id in
                    window.drafts_page.readiness and window.drafts_page.readiness[
                        editor.view.draft.id].ready, timeout=WAIT)
    dest = tmp_path / "package.zip"
    with qtbot.waitSignal(window.drafts_page.package_built, timeout=WAIT):
        window.drafts_page.build_to(editor.view.draft.id, dest)
    assert dest.is_file()
    assert workspace.packages.verify(dest).valid
    assert workspace.drafts.list()[0].status is DraftStatus.PACKAGED
    assert "package is saved" in window.notice_bar.text


def test_earlier_versions_can_be_restored(window: MainWindow, qtbot: QtBot) -> None:
    workspace = window.workspace
    editor = window.drafts_page.editor
    assert workspace is not None and editor.view is not None
    draft_id = editor.view.draft.id
    workspace.drafts.write_answer(draft_id, "q-text", "First thoughts about the lesson")
    workspace.drafts.write_answer(draft_id, "q-text", "Completely rewritten: piles " * 4)
    versions = workspace.drafts.answer_versions(draft_id, "q-text")
    assert len(versions) >= 2

    def choose_older() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AnswerVersionsDialog)
        dialog.list.setCurrentRow(len(versions) - 1)
        dialog.accept()

    QTimer.singleShot(300, choose_older)
    with qtbot.waitSignal(editor.loaded, timeout=WAIT):
        window.drafts_page.show_versions(draft_id, "q-text")
    qtbot.waitUntil(lambda: saved_answer(window, "q-text") == "First thoughts about the lesson",
                    timeout=WAIT)
    qtbot.waitUntil(lambda: text_card(window, "q-text").editor.toPlainText()
                    == "First thoughts about the lesson", timeout=WAIT)


def test_start_a_draft_from_the_catalog(window: MainWindow, qtbot: QtBot) -> None:
    catalog = window.catalog_page
    window.show_place("catalog")
    qtbot.waitUntil(lambda: catalog.model.row_of(EXIT_TICKETS) is not None, timeout=WAIT)
    with qtbot.waitSignal(catalog.detail_shown, timeout=WAIT):
        catalog.show_micro_credential(EXIT_TICKETS)
    assert catalog.start_draft_button.isVisibleTo(catalog)
    with qtbot.waitSignal(window.drafts_page.editor.loaded, timeout=WAIT) as loaded:
        qtbot.mouseClick(catalog.start_draft_button, Qt.MouseButton.LeftButton)
    workspace = window.workspace
    assert workspace is not None
    new = workspace.drafts.get(loaded.args[0])
    assert new.achievement_id == EXIT_TICKETS
    assert window.pages.currentWidget() is window.drafts_page
    assert set(window.drafts_page.editor.cards) == {"p1-context", "p1-design", "p2-video",
                                                    "p2-samples", "p2-plan", "p3-impact"}


KILL_WHILE_TYPING = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path

    def main():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QTimer
        from PySide6.QtTest import QTest
        from mcdesk.jobs.runner import JobRunner
        from mcdesk.ui.shell.app import make_application, open_portfolio_in_background
        from mcdesk.ui.shell.main_window import MainWindow
        app = make_application()
        window = MainWindow(JobRunner(), Path(sys.argv[1]))
        window.show()
        editor = window.drafts_page.editor

        def type_then_die(_draft_id):
            card = editor.cards["q-text"]
            QTest.keyClicks(card.editor, "Typed just before the laptop died")
            # About a second later the process is killed, mid-session, no clean exit.
            QTimer.singleShot(1200, lambda: os.kill(os.getpid(), signal.SIGKILL))

        editor.loaded.connect(type_then_die)
        window.workspace_ready.connect(lambda: window.show_place("drafts"))
        open_portfolio_in_background(window, seed_demo=False)
        app.exec()

    if __name__ == "__main__":
        main()
""")


def test_killed_while_typing_loses_nothing(teacher_portfolio: Path, tmp_path: Path) -> None:
    kill_while_working(KILL_WHILE_TYPING, str(teacher_portfolio))
    workspace = Workspace.open(teacher_portfolio)
    try:
        draft = workspace.drafts.list()[0]
        assert draft.answer("q-text") == "Typed just before the laptop died"
    finally:
        workspace.close()


def test_evidence_kinds_are_checked_when_attaching(window: MainWindow, qtbot: QtBot) -> None:
    workspace = window.workspace
    editor = window.drafts_page.editor
    assert workspace is not None and editor.view is not None
    notes = workspace.evidence.add_text("Notes", "Some notes")
    assert notes.kind is EvidenceKind.TEXT
    editor.attach("q-photo", [notes.id])
    qtbot.waitUntil(lambda: "Notes" in window.notice_bar.text, timeout=WAIT)
    assert window.notice_bar.isVisible()
    assert workspace.drafts.list()[0].attached("q-photo") == []


def test_a_caption_typed_just_before_closing_is_saved(window: MainWindow, qtbot: QtBot,
                                                      teacher_portfolio: Path) -> None:
    editor = window.drafts_page.editor
    workspace = window.workspace
    assert workspace is not None
    photo = next(e for e in workspace.evidence.all() if e.title == "Sorted tickets")
    editor.attach("q-photo", [photo.id])
    qtbot.waitUntil(lambda: isinstance(editor.cards.get("q-photo"), EvidenceCard)
                    and len(editor.cards["q-photo"].rows) == 1,  # type: ignore[attr-defined]
                    timeout=WAIT)
    card = editor.cards["q-photo"]
    assert isinstance(card, EvidenceCard)
    field = card._captions[0][1]
    qtbot.keyClicks(field, "Three piles on the desk")
    window.close()  # without leaving the field
    reopened = Workspace.open(teacher_portfolio)
    try:
        (attachment,) = reopened.drafts.list()[0].attached("q-photo")
        assert attachment.caption == "Three piles on the desk"
    finally:
        reopened.close()


def test_attaching_in_drafts_updates_used_in_on_evidence_without_a_reload(
        window: MainWindow, qtbot: QtBot) -> None:
    evidence_page = window.evidence_page
    with qtbot.waitSignal(evidence_page.items_shown, timeout=WAIT):
        window.show_place("evidence")
    photo = next(e for e in evidence_page.model.items() if e.title == "Sorted tickets")
    with qtbot.waitSignal(evidence_page.detail_shown, timeout=WAIT):
        evidence_page.select_evidence(photo.id)
    assert evidence_page.used_label.text() == "No draft yet"
    reloads: list[int] = []
    evidence_page.items_shown.connect(reloads.append)

    window.show_place("drafts")
    editor = window.drafts_page.editor
    with qtbot.waitSignal(editor.loaded, timeout=WAIT):
        editor.attach("q-photo", [photo.id])
    qtbot.waitUntil(lambda: evidence_page.used_label.text() == "Quick reflection",
                    timeout=WAIT)
    window.show_place("evidence")
    qtbot.wait(200)
    assert evidence_page.used_label.text() == "Quick reflection"
    assert reloads == []  # only the "Used in" line was read again, not the library
