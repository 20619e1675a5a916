"""Help → User guide: the guide shipped in resources/guide opens in the app with its
screenshots (made from the app by scripts/make-guide-screenshots.py at set-up), shows a
placeholder for a screenshot not made yet, never reaches for the network, and the script
really makes every screenshot the guide shows."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.shell.guide_viewer import PLACEHOLDER, GuideWindow, guide_folder
from mcdesk.ui.shell.main_window import MainWindow
from tests.conftest import REPO

PAGES = ("index.html", "teacher.html", "coach.html", "assessor.html")
SCRIPT = REPO / "scripts" / "make-guide-screenshots.py"


def images_of(page: Path) -> list[str]:
    return re.findall(r'<img[^>]*\bsrc="([^"]+)"', page.read_text("utf-8"))


def test_help_opens_the_guide_with_its_screenshots(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    window.show()
    window.guide_action.trigger()
    guide = window.guide_window
    assert guide is not None and guide.isVisible()
    browser = guide.browser
    assert "mcdesk user guide" in browser.toPlainText()
    for page, words in (("teacher.html", "For teachers"), ("coach.html", "For coaches"),
                        ("assessor.html", "For assessors")):
        guide.chapter_buttons[page].click()
        assert browser.source().fileName() == page
        assert browser.toPlainText().startswith("Contents\n" + words)
        for src in images_of(guide_folder() / page):
            image = browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                                QUrl(src))
            assert isinstance(image, QImage | QPixmap) and not image.isNull(), src
            assert image.width() == 1366, src
    assert not browser.missing, (
        f"screenshots missing from {guide_folder() / 'screens'}: {browser.missing}; "
        "scripts/setup.sh makes them (scripts/make-guide-screenshots.py)")
    guide.contents_button.click()
    assert browser.source().fileName() == "index.html"
    window.close()


def test_a_screenshot_not_made_yet_shows_a_placeholder(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "guide"
    folder.mkdir()
    for page in PAGES:
        shutil.copy(guide_folder() / page, folder / page)
    guide = GuideWindow(folder=folder)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    guide.open_page("assessor.html")
    qtbot.waitUntil(lambda: bool(guide.browser.missing))
    assert guide.browser.missing == ["screens/assessor-reviews.png"]
    image = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                              QUrl("screens/assessor-reviews.png"))
    assert isinstance(image, QImage | QPixmap)
    assert image.width() == int(PLACEHOLDER.width() * image.devicePixelRatio())


def test_the_guide_is_plain_offline_html() -> None:
    for page in PAGES:
        text = (guide_folder() / page).read_text("utf-8")
        assert "<script" not in text.lower(), page
        for target in re.findall(r'(?:src|href)="([^"]+)"', text):
            assert "://" not in target, f"{page} reaches out to {target}"
            file = target.split("#")[0]
            if file and not file.startswith("screens/"):
                assert (guide_folder() / file).is_file(), f"{page} links to a missing {file}"


def test_the_script_makes_every_screenshot_the_guide_shows(tmp_path: Path) -> None:
    out = tmp_path / "screens"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out)], env=env,
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    shown = {src.removeprefix("screens/") for page in PAGES
             for src in images_of(guide_folder() / page)}
    made = {path.name for path in out.glob("*.png")}
    assert shown and shown == made
    for name in made:
        image = QImage(str(out / name))
        assert (image.width(), image.height()) == (1366, 768), name
        # A real window, not an empty grab: many distinct colours.
        colours = {image.pixel(x, y) for x in range(0, 1366, 17) for y in range(0, 768, 17)}
        assert len(colours) > 20, f"{name} looks empty"
