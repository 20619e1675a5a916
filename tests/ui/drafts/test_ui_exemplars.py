"""The draft editor shows each criterion's examples of work beside it (the level reached, the
assessor's reasons, the anonymised answer to unfold) and opens an example's picture or clip in
the app's viewer when it is available offline; a real demo portfolio, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.annotation.study_viewer import StudyViewer
from mcdesk.ui.drafts.exemplars import ExemplarPanel
from mcdesk.ui.shell.app import open_portfolio_in_background
from mcdesk.ui.shell.main_window import MainWindow
from tests.study_helpers import demo_study_portfolio

WAIT = 10_000


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(JobRunner(), demo_study_portfolio(tmp_path / "portfolio"))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.workspace_ready, timeout=WAIT):
        open_portfolio_in_background(window, seed_demo=False)
    yield window
    window.close()


def test_the_draft_editor_shows_examples_beside_their_criteria(
        window: MainWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.drafts_page.editor.loaded, timeout=WAIT):
        window.show_place("drafts")
    editor = window.drafts_page.editor
    design = editor.cards["p1-design"].exemplars
    assert isinstance(design, ExemplarPanel)
    qtbot.waitUntil(design.isVisible, timeout=WAIT)
    toggle = design.buttons[0]
    assert toggle.text() == "Read the answer"
    toggle.click()
    assert toggle.text() == "Hide the answer"
    assert editor.cards["p1-context"].exemplars is None  # no example for this one
    samples = editor.cards["p2-samples"].exemplars
    assert samples is not None
    picture = next(b for b in samples.buttons if b.text() == "See the picture")
    assert picture.isEnabled()
    picture.click()
    viewer = editor.exemplar_viewer
    assert isinstance(viewer, StudyViewer)
    qtbot.waitUntil(lambda: type(viewer.viewer()).__name__ == "AnnotatedImage", timeout=WAIT)
    assert "Licence: CC BY 4.0" in viewer.title.text()
    viewer.close()
    # The examples sit beside the criterion, not under it.
    card = editor.cards["p1-design"]
    assert design.x() > card.width() // 3 and design.y() < card.height() // 4
    clip = editor.cards["p2-video"].exemplars
    assert clip is not None
    assert next(b for b in clip.buttons if b.text() == "Watch the clip").isEnabled()
