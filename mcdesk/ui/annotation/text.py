"""A written answer or text for commenting: select a passage and comment on it; commented
passages are highlighted in their kinds' colours; GUI thread."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.reviews import Anchor, Annotation
from mcdesk.ui.annotation.style import kind_fill, tooltip
from mcdesk.ui.widgets.flow_layout import FlowLayout


class _Offsets:
    """Between offsets in the text as given (Python characters) and positions in the shown
    document (UTF-16 units, a Windows line end counted once)."""

    def __init__(self, text: str) -> None:
        self.shown = text.replace("\r\n", "\n").replace("\r", "\n")
        simple = "\r" not in text and all(ord(ch) < 0x10000 for ch in text)
        self._to_qt: list[int] | None = None
        if simple:
            return
        to_qt = []
        q = 0
        for i, ch in enumerate(text):
            to_qt.append(q)
            if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
                continue  # "\r\n" is one line end: the "\n" takes the position
            q += 2 if ord(ch) >= 0x10000 else 1
        to_qt.append(q)
        self._to_qt = to_qt

    def to_qt(self, offset: int) -> int:
        if self._to_qt is None:
            return offset
        return self._to_qt[min(max(0, offset), len(self._to_qt) - 1)]

    def from_qt(self, position: int) -> int:
        if self._to_qt is None:
            return position
        return max(0, bisect.bisect_right(self._to_qt, position) - 1)


class AnnotatedText(QWidget):
    """Select words (mouse, or Shift+arrows after clicking in the text) and press "Comment on
    the selection" (Ctrl+M, or the context menu) to ask for a comment on that passage; "Comment
    on the whole text" for the rest. Clicking a highlighted passage (or Enter in it) picks its
    comment. Passages are offsets in the text as given to `show_text`."""

    comment_requested = Signal(object)
    """An Anchor with an empty target and, for a passage, its offsets and quoted words."""
    comment_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._offsets = _Offsets("")
        self._comments: list[Annotation] = []
        self._criteria: dict[str, str] = {}
        self._selected: str | None = None
        self._read_only = False
        self.editor = QPlainTextEdit()
        self.editor.setMinimumHeight(60)  # scrolls: a short screen keeps its controls apart
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.editor.setAccessibleName(self.tr("Text"))
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.editor.document().setDocumentMargin(12)
        self.editor.selectionChanged.connect(self._selection_changed)
        self.editor.viewport().installEventFilter(self)
        self.editor.installEventFilter(self)
        self.hint = QLabel(self.tr("Select words to comment on them."))
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setWordWrap(True)
        self.selection_button = QPushButton(self.tr("Comment on the selection"))
        self.selection_button.setToolTip(self.tr("Comment on the selected words (Ctrl+M)"))
        self.selection_button.clicked.connect(self.comment_on_selection)
        self.whole_button = QPushButton(self.tr("Comment on the whole text"))
        self.whole_button.clicked.connect(lambda: self._request(Anchor("")))
        shortcut = QShortcut(QKeySequence("Ctrl+M"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.comment_on_selection)
        # Wraps under the text on a narrow screen rather than cutting the buttons' labels.
        actions = QWidget()
        row = FlowLayout(actions)
        row.addWidget(self.hint)
        row.addWidget(self.whole_button)
        row.addWidget(self.selection_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(actions)
        self._selection_changed()

    # -- the text -------------------------------------------------------------------------

    def show_text(self, text: str) -> None:
        self._text = text
        self._offsets = _Offsets(text)
        self.editor.setPlainText(self._offsets.shown)
        self._highlight()

    def text(self) -> str:
        return self._text

    def clear(self) -> None:
        self.show_text("")

    def select_passage(self, start: int, end: int) -> None:
        """Select characters start..end of the text (offsets as in `show_text`'s text)."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)

    def selected_passage(self) -> tuple[int, int] | None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt(cursor.selectionEnd())
        return (start, end) if end > start else None

    def comment_on_selection(self) -> None:
        passage = self.selected_passage()
        if passage is None or self._read_only:
            return
        start, end = passage
        quote = self._text[start:end]
        if not quote.strip():
            return
        self._request(Anchor("", passage=(start, end), quote=quote))

    # -- comments -------------------------------------------------------------------------

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        self._comments = [c for c in comments if c.anchor.passage is not None]
        self._highlight()

    def set_criteria(self, names: Mapping[str, str]) -> None:
        self._criteria = dict(names)

    def set_selected(self, comment_id: str | None) -> None:
        """Emphasise the comment's passage and scroll to it."""
        self._selected = comment_id
        self._highlight()
        comment = self._find(comment_id)
        if comment is not None and comment.anchor.passage is not None:
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(self._offsets.to_qt(comment.anchor.passage[0]))
            self.editor.setTextCursor(cursor)
            self.editor.ensureCursorVisible()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in (self.selection_button, self.whole_button, self.hint):
            widget.setVisible(not read_only)

    def highlighted(self) -> list[tuple[int, int]]:
        """The highlighted passages (document positions), for tests and checks."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self.editor.extraSelections()]

    def passage_at(self, point: QPoint) -> str | None:
        """The comment whose passage is under `point` (viewport coordinates)."""
        position = self.editor.cursorForPosition(point).position()
        return self._passage_at_position(position)

    def _passage_at_position(self, position: int) -> str | None:
        offset = self._offsets.from_qt(position)
        hits = [c for c in self._comments if c.anchor.passage is not None
                and c.anchor.passage[0] <= offset < c.anchor.passage[1]]
        if not hits:
            return None
        hits.sort(key=lambda c: (c.id != self._selected, _length(c)))
        return hits[0].id

    def _highlight(self) -> None:
        palette = self.palette()
        selections = []
        length = self.editor.document().characterCount()
        ordered = sorted(self._comments, key=lambda c: (c.id == self._selected, -_length(c)))
        for comment in ordered:
            assert comment.anchor.passage is not None
            start, end = comment.anchor.passage
            q_start, q_end = self._offsets.to_qt(start), self._offsets.to_qt(end)
            if q_start >= length - 1:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(q_start)
            cursor.setPosition(min(q_end, length - 1), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            chosen = comment.id == self._selected
            fmt.setBackground(kind_fill(comment.kind, palette, 150 if chosen else 70))
            if chosen:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setToolTip(tooltip(comment, self._criteria.get(
                comment.rubric_criterion_id or "", "")))
            selection.format = fmt
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def _find(self, comment_id: str | None) -> Annotation | None:
        return next((c for c in self._comments if c.id == comment_id), None)

    # -- events ---------------------------------------------------------------------------

    def _selection_changed(self) -> None:
        self.selection_button.setEnabled(self.selected_passage() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.editor.viewport():
            if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) and \
                    event.button() == Qt.MouseButton.LeftButton:
                # Once the text has taken the click (a click in a selection clears it only
                # on release), a click that selected nothing picks the passage under it.
                point = event.position().toPoint()
                QTimer.singleShot(0, self, lambda: self._clicked(point))
            elif kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                hit = self.passage_at(event.pos())
                comment = self._find(hit)
                if comment is not None:
                    QToolTip.showText(event.globalPos(), tooltip(
                        comment, self._criteria.get(comment.rubric_criterion_id or "", "")),
                        self.editor.viewport())
                else:
                    QToolTip.hideText()
                return True
            elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
                self._context_menu(event)
                return True
        elif watched is self.editor and kind == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            hit = self._passage_at_position(self.editor.textCursor().position())
            if hit is not None:
                self.comment_clicked.emit(hit)
                return True
        return super().eventFilter(watched, event)

    def _clicked(self, point: QPoint) -> None:
        if not self.editor.textCursor().hasSelection():
            hit = self.passage_at(point)
            if hit is not None:
                self.comment_clicked.emit(hit)

    def _context_menu(self, event: QContextMenuEvent) -> None:
        menu = self.editor.createStandardContextMenu(event.pos())
        if not self._read_only:
            menu.addSeparator()
            action = menu.addAction(self.tr("Comment on the selection"))
            action.setEnabled(self.selected_passage() is not None)
            action.triggered.connect(self.comment_on_selection)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _request(self, anchor: Anchor) -> None:
        if not self._read_only:
            self.comment_requested.emit(anchor)


def _length(comment: Annotation) -> int:
    passage = comment.anchor.passage
    return passage[1] - passage[0] if passage else 0
