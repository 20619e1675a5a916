"""One card per submission criterion in a draft: the prompt, the rubric it is judged by,
either a written answer with a live word count or the evidence attached to it, and the
examples of work beside it; GUI thread."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import ResponseKind, RubricCriterion, SubmissionCriterion
from mcdesk.core.drafts import Attachment, CriterionFeedback
from mcdesk.core.evidence import Evidence
from mcdesk.core.study import Exemplar
from mcdesk.core.text import word_count
from mcdesk.ui.drafts.exemplars import ExemplarPanel
from mcdesk.ui.widgets.colors import warning_color
from mcdesk.ui.widgets.evidence_model import EVIDENCE_MIME, facts
from mcdesk.ui.widgets.locale_text import number_text
from mcdesk.ui.widgets.saving_text import SavingText


class _CountWords(QObject):
    """An answer's word count against its range: lupdate gives plural forms only to tr()
    calls in a class."""

    def within(self, words: int, low: int, high: int) -> str:
        return self.tr("%n word(s) (%1–%2)", "", words).replace(
            "%1", number_text(low)).replace("%2", number_text(high))

    def up_to(self, words: int, high: int) -> str:
        return self.tr("%n word(s) (up to %1)", "", words).replace("%1", number_text(high))

    def at_least(self, words: int, low: int) -> str:
        return self.tr("%n word(s) (at least %1)", "", words).replace("%1", number_text(low))

    def plain(self, words: int) -> str:
        return self.tr("%n word(s)", "", words)


_COUNT = _CountWords()


def count_text(words: int, low: int | None, high: int | None) -> tuple[str, bool]:
    """'142 words (100–250)' and whether the count is within its range."""
    if low is not None and high is not None:
        return _COUNT.within(words, low, high), low <= words <= high
    if high is not None:
        return _COUNT.up_to(words, high), words <= high
    if low is not None:
        return _COUNT.at_least(words, low), words >= low
    return _COUNT.plain(words), True


class CriterionCard(QFrame):
    """The common frame: prompt, rubric beside, feedback from an earlier attempt."""

    def __init__(self, label: str, criterion: SubmissionCriterion,
                 rubric: RubricCriterion | None, feedback: CriterionFeedback | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.setObjectName("criterionCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.exemplars: ExemplarPanel | None = None
        self._outer = QHBoxLayout(self)
        layout = QVBoxLayout()
        self._outer.addLayout(layout, 1)
        title = QLabel(f"<b>{escape(label)}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        prompt = QLabel(escape(criterion.prompt))
        prompt.setWordWrap(True)
        prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(prompt)
        if rubric is not None:
            passing = rubric.required_level
            text = self.tr("Judged by “%1”").replace("%1", rubric.name)
            if passing is not None:
                text += self.tr(": to pass, %1 — %2").replace("%1", passing.name).replace(
                    "%2", passing.description)
            judged = QLabel(escape(text))
            judged.setWordWrap(True)
            judged.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(judged)
        if feedback is not None and feedback.feedback:
            note = QLabel(escape(self.tr("Assessors' feedback on your last attempt: %1")
                                 .replace("%1", feedback.feedback)))
            note.setWordWrap(True)
            note.setObjectName("feedbackNote")
            note.setStyleSheet("#feedbackNote { background: #fff4dc; color: #5c3d00; "
                               "padding: 6px; border-radius: 3px; }")
            layout.addWidget(note)
        self.body = QVBoxLayout()
        layout.addLayout(self.body)

    def show_exemplars(self, exemplars: Sequence[Exemplar], rubric: RubricCriterion | None,
                       offline: Mapping[str, str], notes: Mapping[str, str] | None = None
                       ) -> ExemplarPanel | None:
        """Put the criterion's examples of work beside it (none: nothing is added)."""
        if not exemplars:
            return None
        self.exemplars = ExemplarPanel(exemplars, rubric, offline, notes or {})
        self._outer.addWidget(self.exemplars)
        return self.exemplars

    def flash(self) -> None:
        """Draw the eye when the teacher jumps here from a readiness problem."""
        self.setStyleSheet("#criterionCard { border: 2px solid palette(highlight); }")
        QTimer.singleShot(1500, lambda: self.setStyleSheet(""))


class TextCard(CriterionCard):
    answer_changed = Signal(str, str)  # criterion id, text (debounced)
    versions_requested = Signal(str)

    def __init__(self, label: str, criterion: SubmissionCriterion,
                 rubric: RubricCriterion | None, feedback: CriterionFeedback | None,
                 text: str, *, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(label, criterion, rubric, feedback, parent)
        self.editor = SavingText(text)
        self.editor.setAccessibleName(self.tr("Answer: %1").replace("%1", criterion.prompt))
        self.editor.setReadOnly(not editable)
        self.editor.setMinimumHeight(120)
        self.count = QLabel()
        versions = QPushButton(self.tr("Earlier versions…"))
        versions.clicked.connect(lambda: self.versions_requested.emit(self.criterion.id))
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(versions)
        self.body.addWidget(self.editor)
        self.body.addLayout(row)
        self.editor.textChanged.connect(self._update_count)
        self.editor.save_requested.connect(
            lambda words: self.answer_changed.emit(self.criterion.id, words))
        self._update_count()

    def set_text(self, text: str) -> None:
        """Replace the text (a restored version) without saving it again."""
        self.editor.set_saved_text(text, over_typing=True)
        self._update_count()

    def flush(self) -> None:
        self.editor.flush()

    @property
    def pending(self) -> bool:
        return self.editor.pending

    def _update_count(self) -> None:
        text, ok = count_text(word_count(self.editor.toPlainText()), self.criterion.min_words,
                              self.criterion.max_words)
        self.count.setText(("✓ " if ok else "⚠ ") + text)
        self.count.setAccessibleName(text)
        self.count.setStyleSheet("" if ok else f"color: {warning_color(self)};")


class EvidenceCard(CriterionCard):
    """Attached evidence in order, with captions; takes evidence dragged from the library."""

    attach_requested = Signal(str, list)  # criterion id, evidence ids
    pick_requested = Signal(str)
    detach_requested = Signal(str, str)
    move_requested = Signal(str, str, int)  # criterion id, evidence id, new position
    caption_changed = Signal(str, str, str)  # criterion id, evidence id, caption

    def __init__(self, label: str, criterion: SubmissionCriterion,
                 rubric: RubricCriterion | None, feedback: CriterionFeedback | None,
                 attachments: Sequence[Attachment], evidence: dict[str, Evidence], *,
                 editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(label, criterion, rubric, feedback, parent)
        self.setAcceptDrops(editable)
        self.rows: list[QWidget] = []
        self._captions: list[tuple[str, QLineEdit, str]] = []  # evidence id, field, saved
        wanted = [str(k) for k in criterion.evidence_kinds] or [self.tr("any evidence")]
        count = ""
        low, high = criterion.min_items, criterion.max_items
        if low is not None and low == high:
            count = (self.tr(" · exactly 1 item") if low == 1
                     else self.tr(" · exactly %1 items").replace("%1", str(low)))
        elif low is not None and high is not None:
            count = self.tr(" · %1 to %2 items").replace("%1", str(low)).replace("%2", str(high))
        elif low:
            count = (self.tr(" · at least 1 item") if low == 1
                     else self.tr(" · at least %1 items").replace("%1", str(low)))
        elif high is not None:
            count = (self.tr(" · up to 1 item") if high == 1
                     else self.tr(" · up to %1 items").replace("%1", str(high)))
        accepts = QLabel(self.tr("Accepts: %1").replace("%1", ", ".join(wanted)) + count)
        accepts.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.body.addWidget(accepts)
        ordered = sorted(attachments, key=lambda a: a.position)
        for index, attachment in enumerate(ordered):
            item = evidence.get(attachment.evidence_id)
            self.body.addWidget(self._row(attachment, item, index, len(ordered), editable))
        if not ordered:
            hint = QLabel(self.tr("Nothing attached yet. Drag evidence here from the list on "
                                  "the right, or press Attach…"))
            hint.setWordWrap(True)
            self.body.addWidget(hint)
        attach = QPushButton(self.tr("Attach…"))
        attach.setEnabled(editable)
        attach.clicked.connect(lambda: self.pick_requested.emit(self.criterion.id))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(attach)
        self.body.addLayout(row)

    def _row(self, attachment: Attachment, item: Evidence | None, index: int, total: int,
             editable: bool) -> QWidget:
        row = QWidget()
        outer = QVBoxLayout(row)
        outer.setContentsMargins(0, 4, 0, 4)
        layout = QHBoxLayout()
        title = item.title if item else self.tr("(evidence no longer available)")
        detail = f"{item.kind} · {facts(item)}" if item else ""
        label = QLabel(f"{index + 1}. <b>{escape(title)}</b> &nbsp;<small>{escape(detail)}"
                       "</small>")
        label.setWordWrap(True)
        caption = QLineEdit(attachment.caption)
        caption.setPlaceholderText(self.tr("A note for the assessor (optional)"))
        caption.setAccessibleName(self.tr("Caption for %1").replace("%1", title))
        caption.setReadOnly(not editable)
        criterion_id, evidence_id = self.criterion.id, attachment.evidence_id
        caption.editingFinished.connect(
            lambda: self.caption_changed.emit(criterion_id, evidence_id, caption.text()))
        self._captions.append((evidence_id, caption, attachment.caption))
        up, down, remove = QToolButton(), QToolButton(), QToolButton()
        up.setText("↑")
        down.setText("↓")
        remove.setText("✕")
        for button, name in ((up, self.tr("Move up")), (down, self.tr("Move down")),
                             (remove, self.tr("Remove from this criterion"))):
            button.setAccessibleName(name)
            button.setToolTip(name)
            button.setEnabled(editable)
        up.setEnabled(editable and index > 0)
        down.setEnabled(editable and index < total - 1)
        up.clicked.connect(lambda: self.move_requested.emit(criterion_id, evidence_id, index - 1))
        down.clicked.connect(
            lambda: self.move_requested.emit(criterion_id, evidence_id, index + 1))
        remove.clicked.connect(lambda: self.detach_requested.emit(criterion_id, evidence_id))
        layout.addWidget(label, 1)
        for button in (up, down, remove):
            layout.addWidget(button)
        outer.addLayout(layout)
        outer.addWidget(caption)
        self.rows.append(row)
        return row

    def flush(self) -> None:
        """Save captions typed but not yet left (the window is closing)."""
        for evidence_id, field, saved in self._captions:
            if field.text() != saved and not field.isReadOnly():
                self.caption_changed.emit(self.criterion.id, evidence_id, field.text())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(EVIDENCE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        raw: QByteArray = event.mimeData().data(EVIDENCE_MIME)
        ids = [i for i in bytes(raw.data()).decode().split("\n") if i]
        if ids:
            event.acceptProposedAction()
            self.attach_requested.emit(self.criterion.id, ids)


def is_text(criterion: SubmissionCriterion) -> bool:
    return criterion.response is ResponseKind.TEXT
