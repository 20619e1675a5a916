"""The evidence dialogs driven as a teacher would: mark areas, blur faces, black out, trim,
compress, and the privacy check, over a real portfolio with real media."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTime, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from mcdesk.core.evidence import (
    Compress,
    Evidence,
    EvidenceKind,
    FaceRegion,
    MediaInfo,
    Rect,
    Trim,
)
from mcdesk.core.progress import JobControl
from mcdesk.core.units import clock
from mcdesk.jobs.runner import JobRunner
from mcdesk.services.workspace import Workspace
from mcdesk.ui.evidence.blur_dialog import BlurFacesDialog, RedactDialog
from mcdesk.ui.evidence.compress_dialog import CompressDialog, Quality
from mcdesk.ui.evidence.privacy_dialog import (
    EVIDENCE_ROLE,
    HTML_ROLE,
    PrivacyDialog,
    highlight_html,
)
from mcdesk.ui.evidence.region_editor import RegionEditor
from mcdesk.ui.evidence.trim_dialog import TrimDialog
from tests.media_factory import astronaut_rgb, make_photo, make_video

WAIT = 5000
MEDIA_WAIT = 60_000  # face detection and frame decoding run in a worker process
# Where the astronaut's face is in skimage's astronaut.png (512 × 512).
FACE = Rect(150, 40, 150, 150)


@dataclass
class Portfolio:
    workspace: Workspace
    photo: Evidence  # the astronaut, with a GPS position
    video: Evidence  # 3 s of the astronaut, 512 × 512
    lesson: Evidence  # 4 s of colour bars, 640 × 360, with sound
    reflection: Evidence  # writing that names a student


@pytest.fixture(scope="module")
def media_portfolio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portfolio]:
    source = tmp_path_factory.mktemp("media")
    photo = make_photo(source / "Field trip.jpg", astronaut_rgb(), gps=True)
    video = make_video(source / "Astronaut talk.mp4", still=astronaut_rgb(), seconds=3, fps=10)
    lesson = make_video(source / "Fractions lesson.mp4", seconds=4, width=640, height=360,
                        fps=10)
    workspace = Workspace.open(tmp_path_factory.mktemp("portfolio") / "portfolio")
    report = workspace.evidence.add_paths([photo, video, lesson])
    assert report.ok, report
    added = {result.evidence.title: result.evidence for result in report.results
             if result.evidence is not None}
    reflection = workspace.evidence.add_text(
        "Reflection on exit tickets",
        "When Maya López handed in her exit ticket she wrote that fractions finally made "
        "sense to her.")
    yield Portfolio(workspace, added["Field trip"], added["Astronaut talk"],
                    added["Fractions lesson"], reflection)
    workspace.close()


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown()


def overlap(a: Rect, b: Rect) -> float:
    """How much of the smaller rectangle the two share (0 to 1)."""
    w = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
    h = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / min(a.width * a.height, b.width * b.height)


# -- the region editor -------------------------------------------------------------------


def picture(width: int = 400, height: int = 300) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#446688"))
    return image


@pytest.fixture
def editor(qtbot: QtBot) -> RegionEditor:
    editor = RegionEditor()
    qtbot.addWidget(editor)
    editor.resize(420, 320)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_image(picture())
    return editor


def view_point(editor: RegionEditor, x: float, y: float) -> QPoint:
    """Where image pixel (x, y) is on the editor's viewport."""
    return editor.mapFromScene(QPointF(x, y))


def drag(qtbot: QtBot, editor: RegionEditor, start: QPoint, end: QPoint) -> None:
    viewport = editor.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(viewport, middle)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def test_editor_drag_adds_an_area_in_image_pixels(qtbot: QtBot, editor: RegionEditor) -> None:
    assert editor.accessibleName()
    assert editor.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(editor.rects_changed, timeout=WAIT):
        drag(qtbot, editor, view_point(editor, 50, 40), view_point(editor, 150, 120))
    [rect] = editor.rects()
    assert abs(rect.x - 50) <= 2 and abs(rect.y - 40) <= 2
    assert abs(rect.width - 100) <= 3 and abs(rect.height - 80) <= 3
    assert editor.selected_key() is not None  # the new area is selected
    # A click without a drag adds nothing, and clears the selection.
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_point(editor, 300, 250))
    assert len(editor.rects()) == 1
    assert editor.selected_key() is None


def test_editor_click_selects_and_delete_removes(qtbot: QtBot, editor: RegionEditor) -> None:
    editor.set_rects([Rect(20, 20, 60, 60), Rect(250, 150, 80, 80)])
    assert editor.selected_key() is None
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_point(editor, 290, 190))
    assert editor.selected_key() == editor.keys()[1]
    with qtbot.waitSignal(editor.rects_changed, timeout=WAIT):
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.rects() == [Rect(20, 20, 60, 60)]
    # Backspace works too, once something is selected.
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=view_point(editor, 50, 50))
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.rects() == []


def test_editor_context_menu_removes_an_area(qtbot: QtBot, editor: RegionEditor) -> None:
    editor.set_rects([Rect(20, 20, 60, 60), Rect(250, 150, 80, 80)])
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == "Remove this area")
        chosen.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(0, pick)
    at = view_point(editor, 290, 190)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, editor.viewport().mapToGlobal(at))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(lambda: bool(chosen), timeout=WAIT)
    assert editor.rects() == [Rect(20, 20, 60, 60)]


def test_editor_moves_and_resizes_with_mouse(qtbot: QtBot, editor: RegionEditor) -> None:
    editor.set_rects([Rect(100, 100, 60, 40)])
    drag(qtbot, editor, view_point(editor, 130, 120), view_point(editor, 180, 150))
    [moved] = editor.rects()
    assert abs(moved.x - 150) <= 2 and abs(moved.y - 130) <= 2
    assert (moved.width, moved.height) == (60, 40)
    # Dragging the selected area's bottom-right corner resizes it.
    drag(qtbot, editor, view_point(editor, moved.x + 60, moved.y + 40),
         view_point(editor, moved.x + 100, moved.y + 90))
    [resized] = editor.rects()
    assert abs(resized.width - 100) <= 2 and abs(resized.height - 90) <= 2
    # An area cannot leave the picture.
    drag(qtbot, editor, view_point(editor, resized.x + 10, resized.y + 10),
         view_point(editor, 399, 299))
    [inside] = editor.rects()
    assert inside.x + inside.width <= 400 and inside.y + inside.height <= 300


def test_editor_works_from_the_keyboard(qtbot: QtBot, editor: RegionEditor) -> None:
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Insert)
    [added] = editor.rects()
    assert (added.width, added.height) == (80, 60)  # a fifth of the picture
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    [changed] = editor.rects()
    assert changed.x == added.x + 4 and changed.height == added.height + 4
    # Tab steps through the areas.
    editor.add_rect(Rect(0, 0, 30, 30), select=False)
    editor.select_key(None)
    assert editor.focusNextPrevChild(True)
    assert editor.selected_key() == editor.keys()[0]
    assert editor.focusNextPrevChild(True)
    assert editor.selected_key() == editor.keys()[1]
    assert "2 areas" in editor.accessibleDescription()


def test_editor_zooms(qtbot: QtBot, editor: RegionEditor) -> None:
    assert editor.zoom == 1.0
    qtbot.keyClick(editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert editor.zoom > 1.0
    qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert editor.zoom == 1.0  # never smaller than "fit"
    editor.zoom_in()
    editor.zoom_in()
    qtbot.keyClick(editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert editor.zoom == 1.0


def test_editor_areas_are_in_the_given_coordinate_space(qtbot: QtBot,
                                                        editor: RegionEditor) -> None:
    """A 640 × 360 frame shown for a 1920 × 1080 video: areas are in video pixels."""
    from PySide6.QtCore import QSize

    editor.set_image(picture(640, 360), QSize(1920, 1080))
    drag(qtbot, editor, view_point(editor, 960, 540), view_point(editor, 1260, 840))
    [rect] = editor.rects()
    assert abs(rect.x - 960) <= 6 and abs(rect.width - 300) <= 8


# -- blur faces and black out --------------------------------------------------------------


def open_blur(qtbot: QtBot, runner: JobRunner, workspace: Workspace,
              evidence: Evidence) -> BlurFacesDialog:
    dialog = BlurFacesDialog(runner, workspace, evidence)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.detecting and dialog.editor.has_image(),
                    timeout=MEDIA_WAIT)
    return dialog


def test_blur_photo_finds_the_face_and_gives_regions(qtbot: QtBot, runner: JobRunner,
                                                     media_portfolio: Portfolio) -> None:
    dialog = open_blur(qtbot, runner, media_portfolio.workspace, media_portfolio.photo)
    assert "untouched" in dialog.intro.text()
    assert "Found one face" in dialog.status_label.text()
    [found] = dialog.editor.rects()
    assert overlap(found, FACE) > 0.6
    assert dialog.make_button.isEnabled()
    # The teacher removes it: nothing to blur, the main button goes grey.
    dialog.editor.select_key(dialog.editor.keys()[0])
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert not dialog.make_button.isEnabled()
    # ...then marks the face herself and makes the copy.
    drag(qtbot, dialog.editor, view_point(dialog.editor, 160, 45),
         view_point(dialog.editor, 290, 185))
    assert dialog.make_button.isEnabled()
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [region] = dialog.regions()
    assert region.start_s is None and region.end_s is None
    assert overlap(region.rect, FACE) > 0.6


def test_blur_video_lists_regions_and_adds_one_on_a_frame(
        qtbot: QtBot, runner: JobRunner, media_portfolio: Portfolio) -> None:
    dialog = open_blur(qtbot, runner, media_portfolio.workspace, media_portfolio.video)
    qtbot.waitUntil(lambda: dialog.region_list.count() >= 1, timeout=MEDIA_WAIT)
    found = dialog.regions()
    assert found and all(r.start_s is not None and r.end_s is not None for r in found)
    assert overlap(found[0].rect, FACE) > 0.5
    first = dialog.region_list.item(0).text()
    assert f"{clock(found[0].start_s or 0)}–{clock(found[0].end_s or 0)}" in first
    # The frame shows the selected face, in the video's pixels.
    assert dialog.editor.image_size().width() == 512
    qtbot.waitUntil(lambda: len(dialog.editor.rects()) == len(found), timeout=MEDIA_WAIT)
    # A face mcdesk missed: add an area on this frame, for the whole video.
    count = dialog.region_list.count()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.region_list.count() == count + 1
    added = [r for r in dialog.regions() if r not in found]
    assert len(added) == 1
    assert added[0].start_s == 0.0 and added[0].end_s == pytest.approx(3.0, abs=0.2)
    texts = [dialog.region_list.item(i).text() for i in range(dialog.region_list.count())]
    assert any("added by you" in text for text in texts)
    # Remove a found one from the list; the added one stays.
    row = next(i for i, text in enumerate(texts) if "added by you" not in text)
    dialog.region_list.setCurrentRow(row)
    qtbot.mouseClick(dialog.remove_region_button, Qt.MouseButton.LeftButton)
    assert dialog.region_list.count() == count
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert added[0] in dialog.regions()


def test_blur_stop_leaves_the_teacher_to_mark_faces(
        qtbot: QtBot, runner: JobRunner, media_portfolio: Portfolio,
        monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()

    def slow_detect(_evidence: Evidence, control: JobControl) -> list[FaceRegion]:
        started.set()
        while True:
            control.check_cancelled()
            threading.Event().wait(0.01)

    monkeypatch.setattr(media_portfolio.workspace.evidence, "detect_faces", slow_detect)
    dialog = BlurFacesDialog(runner, media_portfolio.workspace, media_portfolio.photo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(started.is_set, timeout=WAIT)
    assert dialog.stop_button.isVisible() and dialog.progress.isVisible()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Stopped looking" in dialog.status_label.text(), timeout=WAIT)
    assert not dialog.stop_button.isVisible()
    assert not dialog.make_button.isEnabled()
    qtbot.waitUntil(dialog.editor.has_image, timeout=MEDIA_WAIT)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert len(dialog.regions()) == 1 and dialog.make_button.isEnabled()


def test_blur_failure_is_explained(qtbot: QtBot, runner: JobRunner, media_portfolio: Portfolio,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from mcdesk.core.errors import MediaError

    def broken(_evidence: Evidence, _control: JobControl) -> list[FaceRegion]:
        raise MediaError("the face finder is missing")

    monkeypatch.setattr(media_portfolio.workspace.evidence, "detect_faces", broken)
    dialog = BlurFacesDialog(runner, media_portfolio.workspace, media_portfolio.photo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "could not look for faces" in dialog.status_label.text(),
                    timeout=WAIT)
    assert "the face finder is missing" in dialog.status_label.text()
    assert "mark them yourself" in dialog.status_label.text()


def test_redact_marks_areas_to_black_out(qtbot: QtBot, runner: JobRunner,
                                          media_portfolio: Portfolio) -> None:
    dialog = RedactDialog(runner, media_portfolio.workspace, media_portfolio.photo)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.editor.has_image, timeout=MEDIA_WAIT)
    assert dialog.editor.rects() == []  # no detection here
    assert not dialog.make_button.isEnabled()
    assert dialog.make_button.text() == "Make copy with areas blacked out"
    drag(qtbot, dialog.editor, view_point(dialog.editor, 300, 300),
         view_point(dialog.editor, 420, 360))
    assert dialog.make_button.isEnabled()
    qtbot.mouseClick(dialog.make_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [rect] = dialog.rects()
    assert abs(rect.x - 300) <= 2 and abs(rect.width - 120) <= 3


def test_closing_while_detecting_cancels_quietly(qtbot: QtBot, runner: JobRunner,
                                                 media_portfolio: Portfolio) -> None:
    dialog = BlurFacesDialog(runner, media_portfolio.workspace, media_portfolio.video)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    qtbot.waitUntil(lambda: not runner.active(), timeout=MEDIA_WAIT)


# -- trim ----------------------------------------------------------------------------------


def video_evidence(*, duration_s: float = 95.5, height: int = 720, width: int = 1280,
                   size: int = 412_000_000) -> Evidence:
    media = MediaInfo(kind=EvidenceKind.VIDEO, mime_type="video/mp4", duration_s=duration_s,
                      width=width, height=height, has_audio=True)
    return Evidence(id="v1", kind=EvidenceKind.VIDEO, title="Lesson", size=size,
                    created_at=datetime.now(UTC), media=media)


def test_trim_checks_the_times_and_gives_a_trim(qtbot: QtBot) -> None:
    dialog = TrimDialog(video_evidence(duration_s=95.5))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.start_edit.maximumTime() == QTime(0, 1, 35)
    assert not dialog.ok_button.isEnabled()  # the whole video: nothing cut yet
    dialog.start_edit.setTime(QTime(0, 0, 50))
    dialog.end_edit.setTime(QTime(0, 0, 50))
    assert not dialog.ok_button.isEnabled()
    assert "at least one second" in dialog.result_label.text()
    dialog.end_edit.setTime(QTime(0, 1, 20))
    assert dialog.ok_button.isEnabled()
    assert "0:30 long" in dialog.result_label.text()
    assert "1:36" in dialog.result_label.text() or "1:35" in dialog.result_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.request() == Trim(50.0, 80.0)


def test_trim_to_the_end_keeps_the_last_fraction(qtbot: QtBot) -> None:
    dialog = TrimDialog(video_evidence(duration_s=95.5))
    qtbot.addWidget(dialog)
    dialog.start_edit.setTime(QTime(0, 0, 10))
    qtbot.mouseClick(dialog.to_end, Qt.MouseButton.LeftButton)
    assert dialog.request() == Trim(10.0, 95.5)
    # Typing: the edit takes minutes, then seconds.
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.start_edit.setFocus()
    qtbot.waitUntil(dialog.start_edit.hasFocus, timeout=WAIT)
    qtbot.keyClicks(dialog.start_edit, "0105")
    assert dialog.request().start_s == 65.0


def test_trim_without_a_duration_says_why(qtbot: QtBot) -> None:
    evidence = Evidence(id="v2", kind=EvidenceKind.VIDEO, title="Broken",
                        created_at=datetime.now(UTC))
    dialog = TrimDialog(evidence)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "does not know how long" in dialog.result_label.text()


# -- compress ------------------------------------------------------------------------------


def test_compress_offers_only_smaller_sizes_and_shows_the_estimate(
        qtbot: QtBot, media_portfolio: Portfolio) -> None:
    dialog = CompressDialog(media_portfolio.workspace, video_evidence(height=720))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.size_buttons[1080].isEnabled()
    assert not dialog.size_buttons[720].isEnabled()
    assert dialog.size_buttons[480].isEnabled() and dialog.size_buttons[360].isEnabled()
    assert "1280 × 720" in dialog.size_buttons[None].text()
    keep = dialog.estimate_text()
    assert keep.startswith("About ") and "(now 412 MB)" in keep
    qtbot.mouseClick(dialog.size_buttons[360], Qt.MouseButton.LeftButton)
    smaller = dialog.estimate_text()
    assert smaller != keep
    assert dialog.request().max_height == 360
    dialog.set_quality(Quality.BETTER)
    assert dialog.estimate_text() != smaller
    request = dialog.request()
    estimate = media_portfolio.workspace.evidence.estimate_compressed_bytes(
        video_evidence(height=720), request)
    assert f"{round(estimate / 1e6)} MB" in dialog.estimate_text()


def test_compress_fits_a_size_limit(qtbot: QtBot, media_portfolio: Portfolio) -> None:
    evidence = video_evidence(duration_s=600, height=1080, width=1920)
    dialog = CompressDialog(media_portfolio.workspace, evidence)
    qtbot.addWidget(dialog)
    assert dialog.size_buttons[720].isEnabled()
    assert not dialog.limit_spin.isEnabled()
    dialog.set_quality(Quality.LIMIT)
    assert dialog.limit_spin.isEnabled()
    dialog.limit_spin.setValue(100)
    request = dialog.request()
    size = media_portfolio.workspace.evidence.estimate_compressed_bytes(evidence, request)
    assert size <= 100_000_000
    bigger = Compress(request.max_height, request.video_kbps + 10, request.audio_kbps)
    assert media_portfolio.workspace.evidence.estimate_compressed_bytes(evidence, bigger) > 100e6
    # Out of reach: said plainly.
    dialog.limit_spin.setValue(1)
    assert "Even the smallest setting" in dialog.warning_label.text()


def test_compress_with_the_real_video(qtbot: QtBot, media_portfolio: Portfolio) -> None:
    dialog = CompressDialog(media_portfolio.workspace, media_portfolio.lesson)
    qtbot.addWidget(dialog)
    assert not dialog.size_buttons[480].isEnabled()  # the lesson is 360 pixels tall
    assert not dialog.size_buttons[360].isEnabled()
    assert "640 × 360" in dialog.size_buttons[None].text()
    assert dialog.request() == Compress(None, dialog.request().video_kbps,
                                        dialog.request().audio_kbps)
    assert dialog.ok_button.isEnabled()


# -- the privacy check ---------------------------------------------------------------------


def open_privacy(qtbot: QtBot, runner: JobRunner, workspace: Workspace) -> PrivacyDialog:
    dialog = PrivacyDialog(runner, workspace)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.refreshed, timeout=WAIT):
        dialog.show()  # opening it checks
    return dialog


def tree_texts(dialog: PrivacyDialog, index: int) -> list[list[str]]:
    tree = (dialog.hits_tree, dialog.locations_tree, dialog.consent_tree)[index]
    return [[tree.topLevelItem(row).text(col) for col in range(tree.columnCount())]
            for row in range(tree.topLevelItemCount())]


def test_privacy_adds_a_name_and_shows_where_it_appears(
        qtbot: QtBot, runner: JobRunner, media_portfolio: Portfolio) -> None:
    dialog = open_privacy(qtbot, runner, media_portfolio.workspace)
    assert dialog.tabs.tabText(0) == "&Names (0)"
    assert dialog.hits_stack.currentIndex() == 1  # the empty state teaches
    assert not dialog.add_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Maya Lopez")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("student"))
    with qtbot.waitSignal(dialog.refreshed, timeout=WAIT):
        qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Return adds, not closes
    assert dialog.isVisible()
    assert dialog.name_edit.text() == ""
    names = [dialog.roster_list.item(i).text() for i in range(dialog.roster_list.count())]
    assert names == ["Maya Lopez · Student"]
    assert dialog.tabs.tabText(0) == "&Names (1)"
    [hit] = tree_texts(dialog, 0)
    assert hit[0] == "Reflection on exit tickets" and hit[1] == "text"
    assert "Maya López handed in" in hit[2]
    html = dialog.hits_tree.topLevelItem(0).data(2, HTML_ROLE)
    assert ">Maya López</span>" in html
    # A name already on the list is refused with a clear line.
    qtbot.keyClicks(dialog.name_edit, "Maya Lopez")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already on the roster" in dialog.status_label.text(),
                    timeout=WAIT)
    # Removing the name empties the hits again.
    dialog.roster_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.refreshed, timeout=WAIT):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.tabs.tabText(0) == "&Names (0)"
    assert "No names yet." in dialog.roster_list.item(0).text()


def test_privacy_lists_locations_and_consent_and_chooses_evidence(
        qtbot: QtBot, runner: JobRunner, media_portfolio: Portfolio) -> None:
    workspace = media_portfolio.workspace
    workspace.evidence.add_roster_name("Maya Lopez", "student")
    try:
        dialog = open_privacy(qtbot, runner, workspace)
        assert dialog.tabs.tabText(1) == "&Locations (1)"
        assert tree_texts(dialog, 1) == [["Field trip", "photo"]]
        consent = tree_texts(dialog, 2)
        assert dialog.tabs.tabText(2) == "&Consent (3)"
        assert sorted(row[0] for row in consent) == ["Astronaut talk", "Field trip",
                                                      "Fractions lesson"]
        assert {row[2] for row in consent} == {"not set"}
        assert "Before you share" in dialog.summary.text()
        # Enter on a row (or a double-click) asks the page to show that evidence.
        dialog.tabs.setCurrentIndex(1)
        tree = dialog.locations_tree
        tree.setFocus()
        tree.setCurrentItem(tree.topLevelItem(0))
        with qtbot.waitSignal(dialog.evidence_chosen, timeout=WAIT) as chosen:
            qtbot.keyClick(tree, Qt.Key.Key_Return)
        assert chosen.args == [media_portfolio.photo.id]
        dialog.tabs.setCurrentIndex(0)
        hits = dialog.hits_tree
        qtbot.waitUntil(lambda: hits.isVisible() and hits.viewport().height() > 20,
                        timeout=WAIT)
        assert hits.topLevelItem(0).data(0, EVIDENCE_ROLE) == media_portfolio.reflection.id
        rect = hits.visualItemRect(hits.topLevelItem(0))
        # QTest's double-click needs the first click sent on its own to hit the same row.
        qtbot.mouseClick(hits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        with qtbot.waitSignal(dialog.evidence_chosen, timeout=WAIT) as chosen:
            qtbot.mouseDClick(hits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert chosen.args == [media_portfolio.reflection.id]
    finally:
        for entry in workspace.evidence.roster():
            workspace.evidence.remove_roster_name(entry.id)


def test_highlight_keeps_other_brackets_and_escapes() -> None:
    html = highlight_html("…a [note] <b> then [Maya] left", "maya")
    assert "[note]" in html and "&lt;b&gt;" in html
    assert ">Maya</span>" in html
