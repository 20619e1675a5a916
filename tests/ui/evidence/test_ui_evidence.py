"""The Evidence place driven as a teacher would: drop files, preview, mark consent, write,
make a safe version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from mcdesk.core.evidence import Consent, EvidenceKind, GpsPoint
from mcdesk.jobs.runner import JobRunner
from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from mcdesk.ui.evidence.page import EvidencePage
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow

WAIT = 15000
PLACE = GpsPoint(-33.8568, 151.2153)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("media")
    files = {
        "video": demo.make_demo_video(folder / "Lesson video.mp4", seconds=6.0),
        "pdf": demo.make_demo_pdf(folder / "Lesson plan.pdf", title="Plan",
                                  paragraphs=["Objective: fractions.", "Exit ticket."]),
        "photo": demo.make_demo_photo(folder / "Student work.jpg", gps=PLACE, text="3/4 > 2/3"),
    }
    empty = folder / "empty.mp4"
    empty.write_bytes(b"")
    files["empty"] = empty
    return files


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    with qtbot.waitSignal(window.evidence_page.items_shown, timeout=WAIT):
        window.show_place("evidence")
    yield window
    window.close()


def drop(page: EvidencePage, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    page.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def titles(page: EvidencePage) -> list[str]:
    return [e.title for e in page.model.items()]


def add(qtbot: QtBot, window: MainWindow, paths: list[Path], count: int) -> None:
    page = window.evidence_page
    drop(page, paths)
    qtbot.waitUntil(lambda: len(page.model.items()) == count, timeout=WAIT)


def choose(qtbot: QtBot, page: EvidencePage, title: str) -> None:
    row = titles(page).index(title)
    page.list.setCurrentIndex(page.model.index(row))
    qtbot.waitUntil(lambda: page.current is not None and page.current.title == title,
                    timeout=WAIT)


def test_empty_library_teaches_and_drop_adds(window: MainWindow, qtbot: QtBot,
                                             media: dict[str, Path]) -> None:
    page = window.evidence_page
    assert page.left_stack.currentIndex() == 1
    assert "Drop classroom videos" in page.empty.text()
    # Beside the empty column, in the detail side's width; no hint to pick from nothing.
    assert page.beside.showing_empty() and page.empty.isVisible()
    assert page.right_stack.isAncestorOf(page.empty) and not page.placeholder.isVisible()
    add(qtbot, window, [media["video"], media["pdf"], media["photo"]], 3)
    assert page.left_stack.currentIndex() == 0
    assert not page.beside.showing_empty() and not page.empty.isVisible()
    assert "Added 3" in window.notice_bar.text
    assert set(titles(page)) == {"Lesson video", "Lesson plan", "Student work"}
    kinds = {e.title: e.kind for e in page.model.items()}
    assert kinds["Lesson video"] is EvidenceKind.VIDEO
    photo = next(e for e in page.model.items() if e.title == "Student work")
    assert "location" in str(page.model.data(page.model.index(titles(page).index(
        "Student work"))))
    assert photo.has_location


def test_same_file_twice_is_stored_once(window: MainWindow, qtbot: QtBot,
                                        media: dict[str, Path]) -> None:
    add(qtbot, window, [media["pdf"]], 1)
    drop(window.evidence_page, [media["pdf"]])
    qtbot.waitUntil(lambda: "already in your evidence" in window.notice_bar.text,
                    timeout=WAIT)
    assert len(window.evidence_page.model.items()) == 1


def test_bad_file_is_named_and_the_rest_goes_on(window: MainWindow, qtbot: QtBot,
                                                media: dict[str, Path]) -> None:
    add(qtbot, window, [media["empty"], media["pdf"]], 1)
    qtbot.waitUntil(lambda: "empty.mp4" in window.notice_bar.text, timeout=WAIT)
    assert "empty" in window.notice_bar.text
    assert titles(window.evidence_page) == ["Lesson plan"]
    assert not list((window.portfolio_dir / "evidence" / ".incoming").glob("*"))


def test_video_preview_plays_and_reaches_a_position(window: MainWindow, qtbot: QtBot,
                                                    media: dict[str, Path]) -> None:
    page = window.evidence_page
    add(qtbot, window, [media["video"]], 1)
    choose(qtbot, page, "Lesson video")
    player = page.previews.video.player
    qtbot.waitUntil(lambda: player.duration() > 5000, timeout=WAIT)
    assert page.preview.currentWidget() is page.previews.video
    page.previews.video.seek(3000)
    page.previews.video.toggle()
    qtbot.waitUntil(lambda: player.position() >= 3200, timeout=WAIT)
    assert player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
    page.previews.video.toggle()
    qtbot.waitUntil(
        lambda: player.playbackState() == QMediaPlayer.PlaybackState.PausedState, timeout=WAIT)
    assert page.previews.video.time_label.text().endswith("/ 0:06")


def test_pdf_and_photo_previews(window: MainWindow, qtbot: QtBot,
                                media: dict[str, Path]) -> None:
    page = window.evidence_page
    add(qtbot, window, [media["pdf"], media["photo"]], 2)
    choose(qtbot, page, "Lesson plan")
    assert page.preview.currentWidget() is page.previews.pdf
    qtbot.waitUntil(lambda: page.previews.pdf.document.pageCount() == 1, timeout=WAIT)
    choose(qtbot, page, "Student work")
    image = page.previews.image
    qtbot.waitUntil(lambda: not image._image.isNull(), timeout=WAIT)
    assert image._image.width() == 1024
    before = image.zoom
    image.zoom_by(1.25)
    assert image.zoom == pytest.approx(before * 1.25)
    assert "place where it was taken" in page.privacy_label.text()


def test_consent_is_saved(window: MainWindow, qtbot: QtBot, media: dict[str, Path]) -> None:
    page = window.evidence_page
    add(qtbot, window, [media["photo"]], 1)
    choose(qtbot, page, "Student work")
    index = page.consent_box.findData(Consent.CONSENTED)
    page.consent_box.setCurrentIndex(index)
    page.consent_box.activated.emit(index)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.evidence.all()[0].consent is Consent.CONSENTED,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: "consent?" not in str(page.model.data(page.model.index(0))),
                    timeout=WAIT)


def test_a_piece_is_marked_as_showing_the_teacher(window: MainWindow, qtbot: QtBot,
                                                 media: dict[str, Path]) -> None:
    page = window.evidence_page
    add(qtbot, window, [media["photo"]], 1)
    choose(qtbot, page, "Student work")
    assert page.identifying_box.isVisible() and not page.identifying_box.isChecked()
    qtbot.mouseClick(page.identifying_box, Qt.MouseButton.LeftButton)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: workspace.evidence.all()[0].identifying, timeout=WAIT)
    qtbot.mouseClick(page.identifying_box, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not workspace.evidence.all()[0].identifying, timeout=WAIT)


def test_new_writing_autosaves_while_typing(window: MainWindow, qtbot: QtBot) -> None:
    page = window.evidence_page
    page.new_writing()
    qtbot.waitUntil(lambda: page.current is not None
                    and page.current.kind is EvidenceKind.TEXT, timeout=WAIT)
    editor = page.previews.text.editor
    assert not editor.isReadOnly()
    qtbot.keyClicks(editor, "My students sorted exit tickets.")
    workspace = window.workspace
    assert workspace is not None
    # Saved within about a second of the last keystroke, with no button pressed.
    qtbot.waitUntil(lambda: (workspace.evidence.all()[0].body or "")
                    == "My students sorted exit tickets.", timeout=3000)


def test_remove_location_makes_a_linked_safe_version(window: MainWindow, qtbot: QtBot,
                                                     media: dict[str, Path]) -> None:
    page = window.evidence_page
    add(qtbot, window, [media["photo"]], 1)
    choose(qtbot, page, "Student work")
    assert page.strip_button.isVisible()
    qtbot.mouseClick(page.strip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.model.items()) == 2, timeout=WAIT)
    workspace = window.workspace
    assert workspace is not None
    items = {e.title: e for e in workspace.evidence.all()}
    original = items["Student work"]
    version = next(e for e in items.values() if e.source_id == original.id)
    assert not version.has_location
    assert original.has_location  # the original is never touched
    assert workspace.evidence.get(original.id).versions == (version.id,)
    assert "The original is unchanged" in window.notice_bar.text


def test_library_loads_only_when_first_shown(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(JobRunner(), tmp_path / "lazy")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.catalog_page.entries_shown, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    qtbot.wait(100)
    assert window.evidence_page.count_label.text() == ""  # nothing loaded yet
    with qtbot.waitSignal(window.evidence_page.items_shown, timeout=WAIT):
        window.show_place("evidence")
    window.close()


def test_new_demo_portfolio_gets_sample_evidence(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(JobRunner(), tmp_path / "demo")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=True)
    window.show_place("evidence")
    page = window.evidence_page
    workspace = window.workspace
    assert workspace is not None
    # The sample content ends with a draft that uses the evidence.
    qtbot.waitUntil(lambda: len(workspace.drafts.list()) == 1, timeout=30000)
    qtbot.waitUntil(lambda: len(page.model.items()) == len(workspace.evidence.all()),
                    timeout=WAIT)
    kinds = {e.kind for e in page.model.items()}
    assert kinds == {EvidenceKind.VIDEO, EvidenceKind.DOCUMENT, EvidenceKind.IMAGE,
                     EvidenceKind.TEXT}
    assert sum(e.has_location for e in page.model.items()) >= 3
    readiness = workspace.drafts.check(workspace.drafts.list()[0].id)
    assert not readiness.ready and readiness.problems
    # Each piece of evidence says which drafts use it.
    lesson_plan = next(e for e in page.model.items() if e.kind is EvidenceKind.DOCUMENT)
    page.select_evidence(lesson_plan.id)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == lesson_plan.id,
                    timeout=WAIT)
    assert page.used_label.text() == "Checking for Understanding with Exit Tickets"
    window.close()


def test_writing_typed_just_before_closing_is_saved(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    with qtbot.waitSignal(window.evidence_page.items_shown, timeout=WAIT):
        window.show_place("evidence")
    page = window.evidence_page
    page.new_writing()
    qtbot.waitUntil(lambda: page.current is not None
                    and page.current.kind is EvidenceKind.TEXT, timeout=WAIT)
    qtbot.keyClicks(page.previews.text.editor, "Closed right after typing")
    window.close()  # well before the autosave delay has passed
    reopened = Workspace.open(tmp_path / "portfolio")
    try:
        assert reopened.evidence.all()[0].body == "Closed right after typing"
    finally:
        reopened.close()


def test_the_file_chooser_starts_the_media_reader_the_import_then_uses(
        window: MainWindow, qtbot: QtBot, media: dict[str, Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from mcdesk.media import isolation
    from mcdesk.services.evidence import stop_media_workers

    stop_media_workers()
    while_choosing: list[int] = []

    def person_choosing(*_args: object) -> tuple[list[str], str]:
        # The dialog is open: the reader starts meanwhile, before anything is chosen.
        qtbot.waitUntil(lambda: bool(isolation.default_runner().child_pids()), timeout=WAIT)
        while_choosing.extend(isolation.default_runner().child_pids())
        return [str(media["video"])], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(person_choosing))
    page = window.evidence_page
    page.choose_files()
    qtbot.waitUntil(lambda: len(page.model.items()) == 1, timeout=WAIT)
    assert len(while_choosing) == 1
    assert isolation.default_runner().child_pids() == while_choosing  # it took the first look
    assert page.model.items()[0].media is not None
    stop_media_workers()


def test_where_a_piece_is_used_shows_when_a_filter_came_before_the_first_load(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The teacher picks a kind the moment Evidence opens: the list read for the filter
    replaces the first one, and must bring where each piece is used with it."""
    from mcdesk.services.demo import seed_demo_content

    workspace = Workspace.open(tmp_path / "portfolio", create=True, seed_demo=True)
    seed_demo_content(workspace)
    workspace.close()
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    page = window.evidence_page
    documents = page.kind_filter.findData(EvidenceKind.DOCUMENT)
    with qtbot.waitSignal(page.items_shown, timeout=WAIT):
        window.show_place("evidence")  # the first load is asked for here
        page.kind_filter.setCurrentIndex(documents)  # and replaced at once
    qtbot.waitUntil(lambda: [e.kind for e in page.model.items()] == [EvidenceKind.DOCUMENT],
                    timeout=WAIT)
    choose(qtbot, page, page.model.items()[0].title)
    assert page.used_label.text() == "Checking for Understanding with Exit Tickets"
    window.close()
