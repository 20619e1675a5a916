"""The user guide shipped with mcdesk (resources/guide, its Spanish pages in resources/guide/es),
shown in a window of its own from Help → User guide in the window's language: plain HTML read
from the package, no network and no scripts; GUI thread."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mcdesk.ui.shell import language, window_state
from mcdesk.ui.widgets.flow_layout import FlowLayout

# The size a missing screenshot's placeholder is drawn at (the guide's screenshots are
# 1366x768 shown at half size).
PLACEHOLDER = QSize(683, 384)


def guide_folder() -> Path:
    """The folder of the guide inside the installed package (or the bundle)."""
    return Path(str(resources.files("mcdesk.resources").joinpath("guide")))


def page_path(folder: Path, code: str, page: str) -> Path:
    """The guide's `page` in language `code` (its pages live in `folder`/`code`), or the
    English page in `folder` when that language has no such page."""
    translated = folder / code / page
    return translated if code != "en" and translated.is_file() else folder / page


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that opens only the guide's own pages, in its language when the guide
    has them in it (English otherwise): links out of the guide go to the system browser (the
    guide never fetches anything), and a screenshot not made yet is shown as a placeholder
    that says so."""

    def __init__(self, folder: Path, parent: QWidget | None = None, code: str = "en") -> None:
        super().__init__(parent)
        self.folder = folder
        self.code = code
        self.missing: list[str] = []
        """The screenshots the pages shown so far asked for and did not find."""
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._follow)
        self.setSearchPaths([str(folder)])

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.source().resolved(url)
        # Only the guide's own pages open here; nothing is fetched from anywhere else.
        if not target.isLocalFile():
            return
        path = Path(target.toLocalFile()).resolve()
        if not path.is_relative_to(self.folder.resolve()):
            return
        if not path.is_file() and path.parent.name == self.code:
            # A page not translated yet: the English one (its links lead back to English).
            path = path.parent.parent / path.name
        self.setSource(QUrl.fromLocalFile(str(path)))

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value:
            url = QUrl(name)
            # Relative to the page shown: a Spanish page's ../screens/ is the guide's screens/.
            path = Path(os.path.normpath(
                url.toLocalFile() if url.isLocalFile()
                else Path(self.source().toLocalFile()).parent / url.path()))
            if not path.is_file():
                self.missing.append(path.relative_to(self.folder).as_posix()
                                    if path.is_relative_to(self.folder) else str(path))
                return placeholder(path.name, self.devicePixelRatioF())
        return super().loadResource(kind, name)


def placeholder(name: str, ratio: float = 1.0) -> QImage:
    """A grey card saying the screenshot `name` has not been made on this computer."""
    image = QImage(PLACEHOLDER * ratio, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#e8e8e8"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#888888"), 2, Qt.PenStyle.DashLine))
    painter.drawRect(1, 1, PLACEHOLDER.width() - 2, PLACEHOLDER.height() - 2)
    painter.setPen(QColor("#444444"))
    font = QFont()
    font.setPointSize(12)
    painter.setFont(font)
    # With the image's pixel ratio set, the painter works in the guide's (logical) pixels.
    painter.drawText(QRect(QPoint(0, 0), PLACEHOLDER).adjusted(24, 24, -24, -24),
                     Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                     QCoreApplication.translate(
                         "GuideWindow", "Screenshot not made yet: %1\n\nscripts/setup.sh makes "
                         "the guide's screenshots from the app itself.").replace("%1", name))
    painter.end()
    return image


class GuideWindow(QDialog):
    """The guide, non-modal: it stays open beside the main window while the user follows it."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None,
                 code: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("mcdesk user guide"))
        self.setModal(False)
        # The guide speaks the window's language (the one whose translations are installed).
        self.browser = GuideBrowser(folder or guide_folder(),
                                    code=code or language.current_language())
        self.browser.setAccessibleName(self.tr("User guide"))
        # Tab goes through the page's links (Enter follows one) and on to these buttons; the
        # chapters are buttons too, so every part of the guide is a key press away.
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        self.contents_button = QPushButton(self.tr("Contents"))
        self.contents_button.clicked.connect(lambda: self.open_page("index.html"))
        buttons = FlowLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.contents_button)
        self.chapter_buttons: dict[str, QPushButton] = {}
        for page, label in (("teacher.html", self.tr("For teachers")),
                            ("coach.html", self.tr("For coaches")),
                            ("assessor.html", self.tr("For assessors")),
                            ("staff.html", self.tr("For issuer staff"))):
            button = QPushButton(label)
            button.clicked.connect(lambda _checked=False, page=page: self.open_page(page))
            buttons.addWidget(button)
            self.chapter_buttons[page] = button
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.close)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)
        available = window_state.available_area(self)
        self.resize(window_state.fitted_size(QSize(900, 760), available))
        self.open_page("index.html")

    def open_page(self, page: str) -> None:
        """Show `page` of the guide (index.html, teacher.html, coach.html, assessor.html,
        staff.html), in the guide's language when it has that page."""
        self.browser.setSource(QUrl.fromLocalFile(
            str(page_path(self.browser.folder, self.browser.code, page))))
