"""A window that shows one study file (a resource or an exemplar kept offline) in the app's
own viewers: the player for video and sound, the PDF viewer, the picture viewer, and saved web
pages in a text browser that runs nothing and fetches nothing; GUI thread (reading and cleaning
the file run in jobs)."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.html_clean import CleanPage, clean_page
from mcdesk.jobs.ops import Op
from mcdesk.jobs.runner import JobRunner
from mcdesk.ui.annotation.ops import open_picture

# A saved page larger than this is not shown (a text browser lays out the whole of it).
MAX_PAGE_BYTES = 20 * 1024 * 1024


translate = QCoreApplication.translate


def read_page(path: Path) -> CleanPage:
    """A saved page's text with everything that could run or fetch removed; any thread."""
    if path.stat().st_size > MAX_PAGE_BYTES:
        raise ValueError(translate(
            "StudyViewer", "the page is larger than 20 MB; open it with a web browser"))
    raw = path.read_bytes()
    return clean_page(raw.decode("utf-8", "replace"))


class SafeBrowser(QTextBrowser):
    """A text browser that loads only pictures carried inside the page (data: addresses)
    and never follows a link by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = name if isinstance(name, QUrl) else QUrl(name)
        if kind == QTextDocument.ResourceType.ImageResource.value and url.scheme() == "data":
            header, _, data = url.toString().partition(",")
            if header.endswith(";base64"):
                try:
                    image = QImage.fromData(QByteArray(base64.b64decode(data)))
                except ValueError:
                    return None
                return image if not image.isNull() else None
        return None  # nothing from disk or the network


class StudyViewer(QDialog):
    """Open with `show_file(path, media_type, title)`; not modal."""

    def __init__(self, runner: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.setWindowTitle(self.tr("Study material"))
        self.resize(900, 640)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("studyNote")
        self.note.hide()
        self.stack = QStackedWidget()
        self.page = SafeBrowser()
        self.page.setAccessibleName(self.tr("Saved page"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.page)
        self._video: Any = None
        self._pdf: Any = None
        self._image: Any = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.stack, 1)
        layout.addWidget(buttons)

    def viewer(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_file(self, path: Path, media_type: str, title: str, licence: str = "") -> None:
        heading = f"<b>{escape(title)}</b>"
        if licence:
            heading += "<br/><small>" + escape(self.tr("Licence: %1").replace(
                "%1", licence)) + "</small>"
        self.title.setText(heading)
        kind = media_type.split(";")[0].strip().lower()
        if kind == "text/html":
            self._say(self.tr("Opening the page…"))
            Op.media(self.tr("Opening a saved page"), lambda _c: read_page(path),
                     cancellable=False).success(self._page_read).failure(
                lambda exc: self._say(self.tr("This page cannot be shown: %1").replace(
                    "%1", str(exc)))).run(self._runner, origin=self)
        elif kind == "application/pdf":
            if self._pdf is None:
                from mcdesk.ui.annotation.pdf import AnnotatedPdf

                self._pdf = AnnotatedPdf()
                self._pdf.set_read_only(True)
                self.stack.addWidget(self._pdf)
            self.stack.setCurrentWidget(self._pdf)
            self._pdf.load(path)
        elif kind.startswith(("video/", "audio/")):
            if self._video is None:
                from mcdesk.ui.annotation.video import AnnotatedVideo

                self._video = AnnotatedVideo()
                self._video.set_read_only(True)
                self.stack.addWidget(self._video)
            self.stack.setCurrentWidget(self._video)
            self._video.load(path)
        elif kind.startswith("image/"):
            if self._image is None:
                from mcdesk.ui.annotation.image import AnnotatedImage

                self._image = AnnotatedImage()
                self._image.set_read_only(True)
                self.stack.addWidget(self._image)
            self._say(self.tr("Opening the picture…"))
            open_picture(path).success(self._picture_read).failure(
                lambda exc: self._say(str(exc))).run(self._runner, origin=self)
        else:
            self._say(self.tr("mcdesk has no viewer for this kind of file (%1).").replace(
                "%1", kind))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def _page_read(self, page: CleanPage) -> None:
        self.page.setHtml(page.html)
        self.stack.setCurrentWidget(self.page)
        if page.scripts_removed or page.other_removed:
            self.note.setText(self.tr(
                "This page is shown without its scripts and without anything it would fetch "
                "from the internet (%1 removed).").replace(
                "%1", str(page.scripts_removed + page.other_removed)))
            self.note.show()
        else:
            self.note.hide()

    def _picture_read(self, image: QImage) -> None:
        assert self._image is not None
        self._image.show_image(image)
        self.stack.setCurrentWidget(self._image)

    def closeEvent(self, event: Any) -> None:
        if self._video is not None:
            self._video.clear()
        super().closeEvent(event)
