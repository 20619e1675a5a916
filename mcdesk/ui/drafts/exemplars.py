"""The examples of work beside a criterion in the draft editor: each exemplar's title, the
rubric level it reached and the assessor's reasons, its anonymised answer to unfold, and its
clip or picture to open when it is available offline; GUI thread."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mcdesk.core.catalog import RubricCriterion
from mcdesk.core.study import Exemplar

PANEL_WIDTH = 300


class ExemplarPanel(QFrame):
    """Asks to open an exemplar's file with `open_requested(path, media type, title,
    licence)`; a file not yet offline says where to get it."""

    open_requested = Signal(str, str, str, str)

    def __init__(self, exemplars: Sequence[Exemplar], rubric: RubricCriterion | None,
                 offline: Mapping[str, str], notes: Mapping[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exemplarPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)
        self.setMaximumWidth(PANEL_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        heading = QLabel("<b>" + escape(self.tr("Examples of work")) + "</b>")
        layout.addWidget(heading)
        for exemplar in exemplars:
            layout.addWidget(self._one(exemplar, rubric, offline, notes or {}))
        layout.addStretch(1)

    def _one(self, exemplar: Exemplar, rubric: RubricCriterion | None,
             offline: Mapping[str, str], notes: Mapping[str, str]) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 4)
        level_name, verdict = exemplar.level, ""
        if rubric is not None:
            level = next((lv for lv in rubric.levels if lv.id == exemplar.level), None)
            if level is not None:
                level_name = level.name
                verdict = (self.tr(" (meets the bar)") if rubric.passes(level.id)
                           else self.tr(" (not yet at the bar)"))
        title = QLabel(f"<b>{escape(exemplar.title)}</b><br/>"
                       + escape(self.tr("Reached: %1").replace("%1", level_name) + verdict))
        title.setWordWrap(True)
        reasons = _plain(self.tr("Why: %1").replace("%1", exemplar.reasons))
        reasons.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(title)
        layout.addWidget(reasons)
        if exemplar.text:
            answer = _plain(exemplar.text)
            answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            answer.setAccessibleName(self.tr("Example answer: %1").replace("%1", exemplar.title))
            answer.hide()
            toggle = QPushButton(self.tr("Read the answer"))
            toggle.setCheckable(True)
            toggle.toggled.connect(answer.setVisible)
            toggle.toggled.connect(lambda on, b=toggle: b.setText(
                self.tr("Hide the answer") if on else self.tr("Read the answer")))
            layout.addWidget(toggle)
            layout.addWidget(answer)
            self.buttons.append(toggle)
        if exemplar.file is not None:
            ref = exemplar.file
            path = offline.get(ref.sha256)
            kind = {"video": self.tr("Watch the clip"), "image": self.tr("See the picture"),
                    "pdf": self.tr("Open the PDF"), "html": self.tr("Open the page")}.get(
                ref.viewer, self.tr("Open"))
            button = QPushButton(kind)
            button.setAccessibleName(f"{kind}: {exemplar.title}")
            if path is None:
                button.setEnabled(False)
                button.setToolTip(self.tr("Online only: bring it down in Catalog (Make "
                                          "available offline) or with the next sync."))
                layout.addWidget(button)
                where = _plain(notes.get(ref.sha256) or self.tr("online only"))
                where.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                layout.addWidget(where)
            else:
                button.clicked.connect(lambda: self.open_requested.emit(
                    path, ref.media_type, exemplar.title, exemplar.licence))
                layout.addWidget(button)
            self.buttons.append(button)
        return box


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
