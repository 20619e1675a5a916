"""A PDF for commenting: page through it, zoom, comment on a page or on a part of it dragged out
with the mouse, the commented parts drawn on the page; GUI thread (Qt renders pages on its own
threads)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QSize, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPalette, QShortcut
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.reviews import Anchor, Annotation
from mcdesk.ui.annotation.image import region_marks, zoom_buttons
from mcdesk.ui.annotation.region_canvas import Fit, RegionView
from mcdesk.ui.widgets.flow_layout import FlowLayout

POINTS_TO_PIXELS = 96 / 72  # a page at 100 % is as large on screen as on paper
RENDER_DELAY_MS = 60  # wait for zooming or resizing to settle before rendering sharper
MAX_RENDER_PIXELS = 16_000_000  # zoomed far in, a page is drawn from at most this (64 MB)


class AnnotatedPdf(QWidget):
    """Page Up/Down (or the arrows beside the page number) turn pages; Ctrl+=, Ctrl+- and
    Ctrl+0 zoom. "Comment on this page" asks for a comment on the page; dragging on the page
    (or Insert with the page focused) asks for one on that part of it."""

    comment_requested = Signal(object)
    """An Anchor with an empty target, the page (from 1) and perhaps a region."""
    comment_clicked = Signal(str)
    page_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._path: Path | None = None
        self._page = 1
        self._comments: list[Annotation] = []
        self._criteria: dict[str, str] = {}
        self._read_only = False
        self._request_id: int | None = None
        self._selected: str | None = None
        self.document = QPdfDocument(self)
        self.renderer = QPdfPageRenderer(self)
        self.renderer.setDocument(self.document)
        self.renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self.renderer.pageRendered.connect(self._rendered)
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._render)

        self.view = RegionView(fit=Fit.WIDTH, upscale=True)
        # Scrolls; a few lines of page are enough to keep the controls around it apart on a
        # short screen (a laptop at 150 %).
        self.view.setMinimumHeight(60)
        self.view.canvas.setAccessibleName(self.tr("Page"))
        self.view.region_drawn.connect(self._region_drawn)
        self.view.region_clicked.connect(self.comment_clicked)
        self.view.scale_changed.connect(self._render_timer.start)

        style = self.style()
        self.previous_button = QToolButton()
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowLeft))
        self.previous_button.setAccessibleName(self.tr("Previous page (Page Up)"))
        self.previous_button.setToolTip(self.tr("Previous page (Page Up)"))
        self.previous_button.clicked.connect(lambda: self.set_page(self._page - 1))
        self.next_button = QToolButton()
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight))
        self.next_button.setAccessibleName(self.tr("Next page (Page Down)"))
        self.next_button.setToolTip(self.tr("Next page (Page Down)"))
        self.next_button.clicked.connect(lambda: self.set_page(self._page + 1))
        self.page_box = QSpinBox()
        self.page_box.setAccessibleName(self.tr("Page number"))
        self.page_box.setKeyboardTracking(False)
        self.page_box.setRange(1, 1)
        self.page_box.valueChanged.connect(self.set_page)
        self.of_label = QLabel()
        self.on_page_label = QLabel()
        self.on_page_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.page_button = QPushButton(self.tr("Comment on this page"))
        self.page_button.clicked.connect(lambda: self._request(Anchor("", page=self._page)))
        self.whole_button = QPushButton(self.tr("Whole document"))
        self.whole_button.setToolTip(self.tr("Comment on the whole document"))
        self.whole_button.clicked.connect(lambda: self._request(Anchor("")))
        self.hint = QLabel(self.tr("Drag on the page to comment on a part of it."))
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setWordWrap(True)

        # Both rows wrap on a narrow screen rather than cutting the buttons' labels.
        pages = QWidget()
        top = FlowLayout(pages)
        page_label = QLabel(self.tr("Page"))
        page_label.setBuddy(self.page_box)
        for widget in (self.previous_button, page_label, self.page_box, self.of_label,
                       self.next_button, *zoom_buttons(self, self.view, self.tr("Fit width")),
                       self.on_page_label):
            top.addWidget(widget)
        actions = QWidget()
        bottom = FlowLayout(actions)
        bottom.addWidget(self.hint)
        bottom.addWidget(self.whole_button)
        bottom.addWidget(self.page_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(pages)
        layout.addWidget(self.view, 1)
        layout.addWidget(actions)
        for key, step in ((QKeySequence.StandardKey.MoveToPreviousPage, -1),
                          (QKeySequence.StandardKey.MoveToNextPage, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.set_page(self._page + s))
        self._update_controls()

    # -- the file -------------------------------------------------------------------------

    def load(self, path: Path) -> bool:
        """Open the PDF at `path`; False (and a message where the page would be) when it
        cannot be shown."""
        self._path = Path(path)
        self._request_id = None
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() < 1:
            self.view.clear(self._error_text(error))
            self._update_controls()
            return False
        self._page = 0
        self.set_page(1)
        return True

    def clear(self) -> None:
        self._path = None
        self._request_id = None
        self.document.close()
        self.view.clear("")
        self._update_controls()

    def page(self) -> int:
        return self._page

    def page_count(self) -> int:
        return max(0, self.document.pageCount())

    def set_page(self, page: int) -> None:
        count = self.page_count()
        if count < 1:
            return
        page = min(max(1, page), count)
        if page == self._page and self.view.has_image():
            return
        self._page = page
        natural = self.document.pagePointSize(page - 1) * POINTS_TO_PIXELS
        self.view.set_natural_size(QSizeF(natural), self.tr("Page %1…").replace("%1", str(page)))
        self.view.verticalScrollBar().setValue(0)
        self._show_marks()
        self._update_controls()
        self._render_timer.stop()  # the new size is rendered now, not once more in a moment
        self._render()
        self.page_changed.emit(page)

    def _render(self) -> None:
        if self.page_count() < 1:
            return
        ratio = self.devicePixelRatioF()
        size = self.view.canvas.size()
        if size.isEmpty():
            return
        scale = ratio * min(1.0, math.sqrt(MAX_RENDER_PIXELS / (size.width() * size.height())))
        pixels = QSize(round(size.width() * scale), round(size.height() * scale))
        self._request_id = self.renderer.requestPage(self._page - 1, pixels,
                                                     QPdfDocumentRenderOptions())

    def _rendered(self, page_number: int, _size: QSize, image: QImage,
                  _options: QPdfDocumentRenderOptions, request_id: int) -> None:
        if request_id != self._request_id or page_number != self._page - 1:
            return  # an older request: a newer one is on its way
        image.setDevicePixelRatio(self.devicePixelRatioF())
        natural = self.document.pagePointSize(page_number) * POINTS_TO_PIXELS
        self.view.set_image(image, QSizeF(natural), keep_zoom=True)
        if self._selected is not None:
            self.view.set_selected(self._selected)

    def _error_text(self, error: QPdfDocument.Error) -> str:
        name = self._path.name if self._path else self.tr("This document")
        reason = {
            QPdfDocument.Error.FileNotFound: self.tr("the file is missing"),
            QPdfDocument.Error.InvalidFileFormat: self.tr("it is not a PDF or it is damaged"),
            QPdfDocument.Error.IncorrectPassword: self.tr(
                "it is protected by a password; ask for a copy without one"),
            QPdfDocument.Error.UnsupportedSecurityScheme: self.tr(
                "it is locked in a way this computer cannot open"),
        }.get(error, self.tr("it has no pages or cannot be read"))
        return self.tr("%1 cannot be shown: %2.").replace("%1", name).replace("%2", reason)

    # -- comments -------------------------------------------------------------------------

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        self._comments = list(comments)
        self._show_marks()

    def set_criteria(self, names: Mapping[str, str]) -> None:
        self._criteria = dict(names)
        self._show_marks()

    def set_selected(self, comment_id: str | None) -> None:
        """Emphasise the comment, turning to its page."""
        self._selected = comment_id
        comment = next((c for c in self._comments if c.id == comment_id), None)
        if comment is not None and comment.anchor.page is not None:
            self.set_page(comment.anchor.page)
        self.view.set_selected(comment_id)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.view.set_drawing_enabled(not read_only)
        for widget in (self.page_button, self.whole_button, self.hint):
            widget.setVisible(not read_only)

    def _show_marks(self) -> None:
        self.view.set_marks(region_marks(self._comments, self._criteria, page=self._page))
        on_page = sum(1 for c in self._comments if c.anchor.page == self._page)
        self.on_page_label.setText(
            self.tr("%n comment(s) on this page", "", on_page) if on_page else "")

    def _update_controls(self) -> None:
        count = self.page_count()
        self.page_box.blockSignals(True)
        self.page_box.setRange(1, max(1, count))
        self.page_box.setValue(max(1, self._page))
        self.page_box.blockSignals(False)
        self.of_label.setText(self.tr("of %1").replace("%1", str(count)))
        self.previous_button.setEnabled(count > 0 and self._page > 1)
        self.next_button.setEnabled(count > 0 and self._page < count)
        for widget in (self.page_button, self.page_box):
            widget.setEnabled(count > 0)

    def _region_drawn(self, region: tuple[float, float, float, float]) -> None:
        self._request(Anchor("", page=self._page, region=region))

    def _request(self, anchor: Anchor) -> None:
        if not self._read_only and (self.page_count() > 0 or anchor.page is None):
            self.comment_requested.emit(anchor)
