"""Study material in the Catalog place, driven as a teacher would: it says where each resource
and exemplar file is (available offline, online only, refused and why), opens them in the
app's own viewers (a saved page without its scripts), and a stack's button tries to bring its
files down. Real portfolios with the demo's study files, real widgets offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.services.demo_study import seed_demo_study
from mcdesk.services.workspace import Workspace
from mcdesk.ui.annotation.study_viewer import StudyViewer
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from tests.study_helpers import EXIT, demo_study_portfolio

WAIT = 10_000
WAIT_TIME = "https://demo.mcdesk.org/achievements/questioning-wait-time"
GUIDE = "Exit tickets in five minutes: a one-page guide"


@pytest.fixture(scope="module")
def study_portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_study_portfolio(tmp_path_factory.mktemp("study") / "portfolio")


def shas(root: Path, reference: str) -> dict[str, str]:
    workspace = Workspace.open(root)
    try:
        return {i.title: i.file.sha256 for i in workspace.study.items(reference) if i.file}
    finally:
        workspace.close()


@pytest.fixture
def window(qtbot: QtBot, study_portfolio: Path) -> Iterator[MainWindow]:
    window = MainWindow(JobRunner(), study_portfolio)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    yield window
    window.close()


def open_mc(qtbot: QtBot, window: MainWindow, achievement_id: str) -> str:
    page = window.catalog_page
    window.show_place("catalog")
    with qtbot.waitSignal(page.detail_shown, timeout=WAIT):
        page.show_micro_credential(achievement_id)
    qtbot.waitUntil(lambda: page.browser.property("achievement") == achievement_id,
                    timeout=WAIT)
    return page.browser.toPlainText()


def viewer_of(window: MainWindow) -> StudyViewer:
    viewer = window.catalog_page.viewer
    assert isinstance(viewer, StudyViewer)
    return viewer


def opened(qtbot: QtBot, window: MainWindow, sha256: str, kind: str) -> StudyViewer:
    """Open a study file from the page and wait for its viewer to show it in `kind`."""
    window.catalog_page.study_action("open", sha256)
    qtbot.waitUntil(lambda: type(viewer_of(window).viewer()).__name__ == kind, timeout=WAIT)
    return viewer_of(window)


def closed(qtbot: QtBot, window: MainWindow) -> None:
    viewer_of(window).close()
    qtbot.waitUntil(lambda: window.catalog_page.viewer is None, timeout=WAIT)


def test_the_catalog_says_where_each_file_is_and_opens_it(
        window: MainWindow, qtbot: QtBot, study_portfolio: Path) -> None:
    text = open_mc(qtbot, window, EXIT)
    section = text[text.index("Research and resources"):text.index("Submission criteria")]
    assert GUIDE in section and "available offline" in section
    assert "Licence: CC BY 4.0" in section
    examples = text[text.index("Examples of work"):text.index("Scoring rubric")]
    assert "Reached: Proficient · meets the bar" in examples
    assert "Reached: Developing · not yet at the bar" in examples
    assert "Assessor's reasons:" in examples
    assert window.catalog_page.stack_offline_button.isVisible()
    # The guide opens in the PDF viewer, the clip in the player.
    files = shas(study_portfolio, EXIT)
    viewer = opened(qtbot, window, files[GUIDE], "AnnotatedPdf")
    assert viewer.viewer().page_count() == 1  # type: ignore[union-attr]
    closed(qtbot, window)
    opened(qtbot, window, files["Giving the exit ticket (a short clip)"], "AnnotatedVideo")
    closed(qtbot, window)
    opened(qtbot, window, files["An exit ticket sorted into \"partly\""], "AnnotatedImage")
    closed(qtbot, window)


def test_a_saved_page_is_shown_without_its_scripts(window: MainWindow, qtbot: QtBot,
                                                   study_portfolio: Path) -> None:
    open_mc(qtbot, window, WAIT_TIME)
    files = shas(study_portfolio, WAIT_TIME)
    viewer = opened(qtbot, window, files["Wait time: a practice card (a page saved whole)"],
                    "SafeBrowser")
    shown = viewer.page.toHtml()
    assert "count to five" in viewer.page.toPlainText()
    assert "tracker.example" not in shown and "alert(" not in shown
    assert viewer.note.isVisibleTo(viewer)
    assert "without its scripts" in viewer.note.text()
    # Its picture came from inside the page: the document holds an image.
    assert "<img" in shown
    closed(qtbot, window)


def test_online_only_and_refused_files_say_so_and_the_stack_button_tries_them(
        qtbot: QtBot, tmp_path: Path) -> None:
    root = tmp_path / "portfolio"
    workspace = Workspace.open(root, seed_demo=True)
    seed_demo_study(workspace)
    files = {i.title: i.file for i in workspace.study.items(EXIT) if i.file}
    guide, clip = files[GUIDE], files["Giving the exit ticket (a short clip)"]
    workspace.study.store.path_for(guide.sha256).unlink()  # online only again
    workspace.study.store.mark_refused(clip.sha256, "its bytes do not match the sha256 the "
                                                    "catalog gives")
    workspace.close()
    window = MainWindow(JobRunner(), root)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    text = open_mc(qtbot, window, EXIT)
    assert "online only" in text and "Make available offline" in text
    assert "refused: its bytes do not match the sha256" in text
    page = window.catalog_page
    # The demo's catalog came from a file, not a server: the stack's files that are not here
    # cannot be fetched, and the teacher is told why; the rest of the catalog still works.
    with qtbot.waitSignal(page.notice, timeout=WAIT,
                          check_params_cb=lambda text, _tone: "Refused" in text) as said:
        page.stack_offline_button.click()
    assert "names no server" in said.args[0]
    qtbot.waitUntil(lambda: "refused: this file's catalog" in page.browser.toPlainText(),
                    timeout=WAIT)
    window.close()
