"""A photo or picture for commenting: zoom, drag a rectangle to comment on part of it, the
commented parts drawn on it; GUI thread (the owner decodes the picture in a job)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from mcdesk.core.reviews import Anchor, Annotation
from mcdesk.ui.annotation.region_canvas import ZOOM_STEP, Fit, RegionMark, RegionView
from mcdesk.ui.annotation.style import tooltip
from mcdesk.ui.widgets.flow_layout import FlowLayout

# A function's words: `owner.tr()` would look them up under the owner's class, not where
# lupdate files them.
translate = QCoreApplication.translate


def zoom_buttons(owner: QWidget, view: RegionView, fit_label: str) -> list[QToolButton]:
    """Zoom out, fit and zoom in buttons for `view`, with Ctrl+-, Ctrl+0 and Ctrl+= on
    `owner`."""
    buttons = []
    for text, name, action in (("−", translate("zoom", "Zoom out (Ctrl+-)"),
                                lambda: view.zoom_by(1 / ZOOM_STEP)),
                               (fit_label, fit_label + " (Ctrl+0)", view.fit),
                               ("+", translate("zoom", "Zoom in (Ctrl+=)"),
                                lambda: view.zoom_by(ZOOM_STEP))):
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(name)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(action)
        buttons.append(button)
    for keys, action in (((QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
                          lambda: view.zoom_by(ZOOM_STEP)),
                         ((QKeySequence.StandardKey.ZoomOut,), lambda: view.zoom_by(1 / ZOOM_STEP)),
                         (("Ctrl+0",), view.fit)):
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), owner)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
    return buttons


def region_marks(comments: Sequence[Annotation], criteria: Mapping[str, str], *,
                 page: int | None = None) -> list[RegionMark]:
    """The comments with a region (on `page`, for a document) as marks to draw."""
    return [RegionMark(c.id, c.kind, c.anchor.region,
                       tooltip(c, criteria.get(c.rubric_criterion_id or "", "")))
            for c in comments if c.anchor.region is not None and c.anchor.page == page]


class AnnotatedImage(QWidget):
    """Drag on the picture (or press Insert on it) to ask for a comment on that part; "Comment on
    the whole picture" for the rest. Asks with `comment_requested` (an Anchor with an empty
    target and, for a part, its region)."""

    comment_requested = Signal(object)
    comment_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._comments: list[Annotation] = []
        self._criteria: dict[str, str] = {}
        self._read_only = False
        self.view = RegionView(fit=Fit.PAGE, upscale=False)
        self.view.canvas.setAccessibleName(self.tr("Picture"))
        self.view.region_drawn.connect(self._region_drawn)
        self.view.region_clicked.connect(self.comment_clicked)
        self.hint = QLabel(self.tr("Drag on the picture to comment on a part of it."))
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setWordWrap(True)
        self.whole_button = QPushButton(self.tr("Comment on the whole picture"))
        self.whole_button.clicked.connect(
            lambda: self._request(Anchor("")))
        # Wraps on a narrow screen rather than cutting the buttons' labels.
        actions = QWidget()
        row = FlowLayout(actions)
        row.addWidget(self.hint)
        for button in zoom_buttons(self, self.view, self.tr("Fit")):
            row.addWidget(button)
        row.addWidget(self.whole_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(actions)

    def show_image(self, image: QImage) -> None:
        self.view.set_image(image)

    def clear(self, placeholder: str = "") -> None:
        self.view.clear(placeholder)

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        self._comments = list(comments)
        self.view.set_marks(region_marks(self._comments, self._criteria))

    def set_criteria(self, names: Mapping[str, str]) -> None:
        self._criteria = dict(names)
        self.set_comments(self._comments)

    def set_selected(self, comment_id: str | None) -> None:
        self.view.set_selected(comment_id)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.view.set_drawing_enabled(not read_only)
        self.whole_button.setVisible(not read_only)
        self.hint.setVisible(not read_only)

    def _region_drawn(self, region: tuple[float, float, float, float]) -> None:
        self._request(Anchor("", region=region))

    def _request(self, anchor: Anchor) -> None:
        if not self._read_only:
            self.comment_requested.emit(anchor)
