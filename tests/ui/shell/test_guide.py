"""Help → User guide: the guide shipped in resources/guide opens in the app with its
screenshots (made from the app by scripts/make-guide-screenshots.py at set-up), shows a
placeholder for a screenshot not made yet, never reaches for the network, and the script
really makes every screenshot the guide shows. In Spanish the guide opens its Spanish pages
(resources/guide/es), which match the English ones link for link and image for image."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.shell import language
from mcdesk.ui.shell.guide_viewer import PLACEHOLDER, GuideWindow, guide_folder
from mcdesk.ui.shell.main_window import MainWindow
from tests.conftest import REPO

PAGES = ("index.html", "teacher.html", "coach.html", "assessor.html", "staff.html")
SCRIPT = REPO / "scripts" / "make-guide-screenshots.py"
SPANISH = guide_folder() / "es"


def images_of(page: Path) -> list[str]:
    return re.findall(r'<img[^>]*\bsrc="([^"]+)"', page.read_text("utf-8"))


def links_of(page: Path) -> list[str]:
    return re.findall(r'<a[^>]*\bhref="([^"]+)"', page.read_text("utf-8"))


def shown_image(browser: object, src: str) -> QImage | QPixmap:
    document = browser.document()  # type: ignore[attr-defined]
    image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(src))
    assert isinstance(image, QImage | QPixmap) and not image.isNull(), src
    return image


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
                        ("assessor.html", "For assessors"), ("staff.html", "For issuer staff")):
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


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    assert language.install(qapp, "es"), "resources/i18n/mcdesk_es.qm missing: run setup.sh"
    yield
    language.install(qapp, "en")


def test_in_spanish_help_opens_the_spanish_guide_with_its_screenshots(
        spanish: None, qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(JobRunner(), tmp_path / "portfolio")
    qtbot.addWidget(window)
    window.show()
    window.guide_action.trigger()
    guide = window.guide_window
    assert guide is not None and guide.isVisible()
    browser = guide.browser
    assert browser.source().toLocalFile() == str(SPANISH / "index.html")
    assert "Guía del usuario de mcdesk" in browser.toPlainText()
    for page, words in (("teacher.html", "Para docentes"), ("coach.html", "Para mentores"),
                        ("assessor.html", "Para evaluadores"),
                        ("staff.html", "Para el personal del emisor")):
        guide.chapter_buttons[page].click()
        assert browser.source().toLocalFile() == str(SPANISH / page)
        assert browser.toPlainText().startswith("Contenido\n" + words)
        sources = images_of(SPANISH / page)
        # As many pictures as the English page (the staff chapter has none yet).
        assert len(sources) == len(images_of(guide_folder() / page))
        assert all(src.startswith("../screens/es/") for src in sources)
        for src in sources:
            assert shown_image(browser, src).width() == 1366, src
    assert not browser.missing, (
        f"screenshots missing from {guide_folder() / 'screens' / 'es'}: {browser.missing}; "
        "scripts/setup.sh makes them (MCDESK_LANG=es scripts/make-guide-screenshots.py)")
    # The page's own link back to the contents stays in Spanish.
    browser.anchorClicked.emit(QUrl("index.html"))
    assert browser.source().toLocalFile() == str(SPANISH / "index.html")
    window.close()


def test_a_page_not_translated_yet_opens_in_english(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "guide"
    (folder / "es").mkdir(parents=True)
    for page in PAGES:
        shutil.copy(guide_folder() / page, folder / page)
    for page in ("index.html", "teacher.html"):
        shutil.copy(SPANISH / page, folder / "es" / page)
    guide = GuideWindow(folder=folder, code="es")
    qtbot.addWidget(guide)
    assert guide.browser.source().toLocalFile() == str(folder / "es" / "index.html")
    guide.chapter_buttons["coach.html"].click()
    assert guide.browser.source().toLocalFile() == str(folder / "coach.html")
    guide.contents_button.click()
    guide.browser.anchorClicked.emit(QUrl("assessor.html"))  # the Spanish contents' link
    assert guide.browser.source().toLocalFile() == str(folder / "assessor.html")
    guide.chapter_buttons["teacher.html"].click()
    assert guide.browser.source().toLocalFile() == str(folder / "es" / "teacher.html")
    # In English the Spanish pages are never shown.
    english = GuideWindow(folder=folder, code="en")
    qtbot.addWidget(english)
    assert english.browser.source().toLocalFile() == str(folder / "index.html")


@pytest.mark.parametrize("page", PAGES)
def test_every_english_page_has_its_spanish_page(page: str) -> None:
    english, spanish = guide_folder() / page, SPANISH / page
    assert spanish.is_file(), f"{spanish} missing"
    assert links_of(spanish) == links_of(english), page
    # The same screenshots, made from the window in Spanish (screens/es).
    assert images_of(spanish) == [src.replace("screens/", "../screens/es/")
                                  for src in images_of(english)], page
    text = spanish.read_text("utf-8")
    assert '<html lang="es">' in text and "<script" not in text.lower()
    assert len(re.findall(r"<h[12]>", text)) == len(re.findall(r"<h[12]>",
                                                               english.read_text("utf-8")))
    for target in re.findall(r'(?:src|href)="([^"]+)"', text):
        assert "://" not in target, f"es/{page} reaches out to {target}"


def test_the_spanish_screenshots_show_the_window_in_spanish() -> None:
    """setup.sh makes them with MCDESK_LANG=es: the sidebar's words differ, so every picture
    differs from its English one (a copy of the English ones would not)."""
    screens = guide_folder() / "screens"
    names = sorted(src.removeprefix("screens/") for page in PAGES
                   for src in images_of(guide_folder() / page))
    missing = [name for name in names if not (screens / "es" / name).is_file()]
    assert not missing, f"run scripts/setup.sh (MCDESK_LANG=es make-guide-screenshots): {missing}"
    for name in names:
        spanish, english = QImage(str(screens / "es" / name)), QImage(str(screens / name))
        assert spanish.size() == english.size() and spanish != english, name
