"""The inline editor of one comment: its words, kind, rubric criterion and who may read it; Save
(Ctrl+Enter), Cancel (Esc), Delete. It stores nothing: it asks its owner; GUI thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.reviews import (
    MAX_COMMENT_CHARS,
    Anchor,
    Annotation,
    Audience,
    CommentKind,
)
from mcdesk.ui.annotation.style import KINDS, kind_name
from mcdesk.ui.widgets.locale_text import number_text

CONFIRM_MS = 4000  # how long "Delete" waits for the second click


@dataclass(frozen=True)
class CommentFields:
    """What the editor asks to save: a new comment (`comment_id` None) or the new state of an
    existing one. The anchor is the one the editor was opened with."""

    anchor: Anchor
    text: str
    kind: CommentKind = CommentKind.NOTE
    rubric_criterion_id: str | None = None
    audience: Audience = Audience.EARNER
    comment_id: str | None = None

    def applied_to(self, comment: Annotation) -> Annotation:
        """`comment` with these words, kind, criterion and audience (same id and anchor)."""
        return replace(comment, text=self.text, kind=self.kind,
                       rubric_criterion_id=self.rubric_criterion_id, audience=self.audience)


class _CommentText(QPlainTextEdit):
    """Room for about six lines by default; it grows with the space it is given."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        lines = self.fontMetrics().lineSpacing() * 6
        margins = self.contentsMargins()
        return QSize(hint.width(), lines + margins.top() + margins.bottom() + 8)


class CommentEditor(QFrame):
    """Opened with `edit_new(anchor)` or `edit_existing(comment)`; hides itself on Save and
    Cancel. Remembers the kind and criterion last saved, for the next new comment."""

    save_requested = Signal(object)
    """CommentFields to store."""
    delete_requested = Signal(str)
    """The id of the comment to delete (after a second, confirming click)."""
    closed = Signal()
    """The editor closed (saved, cancelled or deleted)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._anchor: Anchor | None = None
        self._comment: Annotation | None = None
        self._read_only = False
        self._last_kind = CommentKind.NOTE
        self._last_criterion: str | None = None
        self._confirm_discard = False
        self._too_long = False

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.text = _CommentText()
        self.text.setAccessibleName(self.tr("Comment"))
        self.text.setPlaceholderText(self.tr(
            "What you noticed, and why it matters for the criterion"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(self.text.fontMetrics().lineSpacing() * 3 + 12)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of comment"))
        for kind in KINDS:
            self.kind.addItem(kind_name(kind), kind)
        self.criterion = QComboBox()
        self.criterion.setAccessibleName(self.tr("Rubric criterion"))
        self.criterion.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criterion.setMinimumContentsLength(16)
        self.private = QCheckBox(self.tr("Only for the issuer (the earner won't see it)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message.setVisible(False)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Cancel (Esc)"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.delete_button.clicked.connect(self._delete_clicked)
        self.text.textChanged.connect(self._changed)
        self._confirm_timer = QTimer(self)
        self._confirm_timer.setSingleShot(True)
        self._confirm_timer.timeout.connect(self._reset_delete)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Criterion"), self.criterion)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(self.private)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for keys, action in ((("Ctrl+Return", "Ctrl+Enter"), self.save),
                             (("Escape",), self.cancel)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(action)
        self.set_criteria([])
        self.hide()

    # -- what it edits --------------------------------------------------------------------

    def set_criteria(self, criteria: Sequence[tuple[str, str]]) -> None:
        """The rubric's criteria as (id, name) pairs; "No criterion" comes first."""
        current = self.criterion.currentData()
        self.criterion.clear()
        self.criterion.addItem(self.tr("No criterion"), None)
        for criterion_id, name in criteria:
            self.criterion.addItem(name, criterion_id)
        self._choose_criterion(current)

    def set_read_only(self, read_only: bool) -> None:
        """Show a comment without letting it change (a finished review, the earner's view)."""
        self._read_only = read_only
        self.text.setReadOnly(read_only)
        for widget in (self.kind, self.criterion, self.private):
            widget.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.delete_button.setVisible(not read_only and self._comment is not None)
        self.cancel_button.setText(self.tr("Close") if read_only else self.tr("Cancel"))
        if read_only and self._anchor is not None and self._comment is None:
            self._close()  # a new comment cannot be written any more

    def edit_new(self, anchor: Anchor) -> None:
        """Start a new comment at `anchor`, with the kind and criterion last used."""
        self._anchor = anchor
        self._comment = None
        self.title.setText(self.tr("New comment: %1").replace("%1", anchor.describe()))
        self._load("", self._last_kind, self._last_criterion, Audience.EARNER)

    def edit_existing(self, comment: Annotation, *, focus: bool = True) -> None:
        """Open `comment`; with `focus` False the keyboard focus stays where it is (e.g. on
        the list the comment was picked from)."""
        self._anchor = comment.anchor
        self._comment = comment
        self.title.setText(self.tr("Comment: %1").replace("%1", comment.anchor.describe()))
        self._load(comment.text, comment.kind, comment.rubric_criterion_id, comment.audience,
                   focus=focus)

    def edit_fields(self, fields: CommentFields, message: str = "", *,
                    original: Annotation | None = None) -> None:
        """Reopen with what was being written (e.g. after storing it failed), saying why;
        `original` is the stored comment the fields change (None: a new comment)."""
        self._anchor = fields.anchor
        self._comment = original
        title = self.tr("Comment: %1") if original is not None else self.tr("New comment: %1")
        self.title.setText(title.replace("%1", fields.anchor.describe()))
        self._load(fields.text, fields.kind, fields.rubric_criterion_id, fields.audience)
        if message:
            self._say(message)

    def _load(self, text: str, kind: CommentKind, criterion: str | None,
              audience: Audience, *, focus: bool = True) -> None:
        self._reset_delete()
        self._confirm_discard = False
        self.text.setPlainText(text)
        self.kind.setCurrentIndex(KINDS.index(kind))
        self._choose_criterion(criterion)
        self.private.setChecked(audience is Audience.ISSUER)
        self.set_read_only(self._read_only)
        self._say("")
        self._changed()
        self.show()
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.text.setTextCursor(cursor)
        if focus:
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_criterion(self, criterion_id: object) -> None:
        index = self.criterion.findData(criterion_id) if criterion_id is not None else 0
        self.criterion.setCurrentIndex(max(0, index))

    def is_editing(self) -> bool:
        """Whether a comment is open (new or existing)."""
        return self._anchor is not None

    def editing_id(self) -> str | None:
        """The id of the comment open in the editor (None for a new one or none)."""
        return self._comment.id if self._comment is not None else None

    def anchor(self) -> Anchor | None:
        return self._anchor

    def fields(self) -> CommentFields | None:
        if self._anchor is None:
            return None
        data = self.criterion.currentData()
        return CommentFields(
            anchor=self._anchor, text=self.text.toPlainText().strip(),
            kind=CommentKind(self.kind.currentData()),
            rubric_criterion_id=str(data) if data else None,
            audience=Audience.ISSUER if self.private.isChecked() else Audience.EARNER,
            comment_id=self._comment.id if self._comment is not None else None)

    def is_dirty(self) -> bool:
        fields = self.fields()
        if fields is None or self._read_only:
            return False
        if self._comment is None:
            return bool(fields.text)
        return fields.applied_to(self._comment) != self._comment

    # -- actions --------------------------------------------------------------------------

    def save(self) -> None:
        fields = self.fields()
        if fields is None or self._read_only:
            return
        problem = self._problem(fields.text)
        if problem:
            self._say(problem)
            return
        self._last_kind = fields.kind
        self._last_criterion = fields.rubric_criterion_id
        if self._comment is not None and fields.applied_to(self._comment) == self._comment:
            self._close()  # nothing changed: nothing to store
            return
        self._close()
        self.save_requested.emit(fields)

    def cancel(self) -> None:
        if self._anchor is None:
            return
        if self.is_dirty() and not self._confirm_discard:
            self._confirm_discard = True
            self._say(self.tr("Press Esc (or Cancel) again to throw away what you wrote."))
            return
        self._close()

    def close_editor(self) -> None:
        """Close without saving and without asking."""
        if self._anchor is not None:
            self._close()

    def remind(self, message: str) -> None:
        """Say something about the open comment (e.g. "save this one first") and focus it."""
        self._say(message)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete_clicked(self) -> None:
        if self._comment is None or self._read_only:
            return
        if not self._confirm_timer.isActive():
            self.delete_button.setText(self.tr("Click again to delete"))
            self._confirm_timer.start(CONFIRM_MS)
            return
        comment_id = self._comment.id
        self._close()
        self.delete_requested.emit(comment_id)

    def _reset_delete(self) -> None:
        self._confirm_timer.stop()
        self.delete_button.setText(self.tr("Delete"))

    def _close(self) -> None:
        self._anchor = None
        self._comment = None
        self._confirm_discard = False
        self._reset_delete()
        self.hide()
        self.closed.emit()

    def _problem(self, text: str) -> str:
        if not text:
            return self.tr("Write a few words first.")
        if len(text) > MAX_COMMENT_CHARS:
            return self.tr("A comment holds at most %1 characters; this one has %2.").replace(
                "%1", number_text(MAX_COMMENT_CHARS)).replace("%2", number_text(len(text)))
        return ""

    def _changed(self) -> None:
        text = self.text.toPlainText().strip()
        self.save_button.setEnabled(bool(text) and len(text) <= MAX_COMMENT_CHARS)
        if self._confirm_discard:
            self._confirm_discard = False
            self._say("")
        if len(text) > MAX_COMMENT_CHARS:
            self._say(self._problem(text))
            self._too_long = True
        elif self._too_long:
            self._too_long = False
            self._say("")

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
