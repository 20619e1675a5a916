"""One piece of evidence (or a written answer) with its comments: the right annotated viewer,
the list of the piece's comments and the inline editor. Reused wherever comments are made
(an assessor's review, a coach's notes); it stores nothing, it asks its owner; GUI thread
(pictures are decoded in a job when a JobRunner is given)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.evidence import EvidenceKind
from mcdesk.core.reviews import Anchor, Annotation
from mcdesk.ui.annotation import ops
from mcdesk.ui.annotation.comment_editor import CommentEditor, CommentFields
from mcdesk.ui.annotation.comment_list import CommentList

if TYPE_CHECKING:
    from mcdesk.jobs.runner import JobRunner
    from mcdesk.ui.annotation.image import AnnotatedImage
    from mcdesk.ui.annotation.pdf import AnnotatedPdf
    from mcdesk.ui.annotation.text import AnnotatedText
    from mcdesk.ui.annotation.video import AnnotatedVideo

_PLAYED = frozenset({EvidenceKind.VIDEO, EvidenceKind.AUDIO})
_FILE_KINDS = frozenset({*_PLAYED, EvidenceKind.IMAGE, EvidenceKind.DOCUMENT})


@dataclass(frozen=True)
class AnnotatedPiece:
    """What the panel shows. `target` is the evidence id or `answer:<criterion id>`; `kind` what
    it is (a written answer is TEXT); `path` the file on this computer
    and `path_in_package` its name in the package (copied into the comments' anchors);
    `text` the words of a written answer or text (and a document's text, shown plainly);
    `fps` a video's frame rate; `url` a link's address."""

    target: str
    title: str
    kind: EvidenceKind
    path: Path | None = None
    path_in_package: str | None = None
    text: str | None = None
    fps: float | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        # A kind given by its word ("video") becomes the enum the panel compares with.
        object.__setattr__(self, "kind", EvidenceKind(self.kind))


class _Plain(QWidget):
    """A piece mcdesk cannot annotate in place (a Word document, a link, a missing file): what
    it is, its text when known, a way to open it, and a comment on the whole of it."""

    comment_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._url = QUrl()
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setAccessibleName(self.tr("Text of the piece"))
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: QDesktopServices.openUrl(self._url))
        self.whole_button = QPushButton(self.tr("Comment on the whole piece"))
        self.whole_button.clicked.connect(lambda: self.comment_requested.emit(Anchor("")))
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.note.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        row.addWidget(self.whole_button)
        row.addStretch(1)
        self._above = QWidget()
        self._below = QWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._above, 1)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(self.body, 4)
        layout.addWidget(self._below, 2)

    def show_piece(self, heading: str, note: str, text: str | None, url: QUrl,
                   open_label: str) -> None:
        self.heading.setText(heading)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.body.setPlainText(text or "")
        self.body.setVisible(bool(text))
        # With text to show it fills the space; without, what there is sits in the middle.
        self._above.setVisible(not text)
        self._below.setVisible(not text)
        self._url = url
        self.open_button.setText(open_label)
        self.open_button.setVisible(url.isValid() and not url.isEmpty())

    def set_read_only(self, read_only: bool) -> None:
        self.whole_button.setVisible(not read_only)


class AnnotationPanel(QWidget):
    """The viewer for one piece, its comments and the editor, side by side.

    The owner calls `show_piece()`, then `set_comments()` with all the comments it has (the
    panel keeps those on the shown piece) and `set_criteria()`; it listens to `add_requested`
    (CommentFields whose anchor names the piece), `update_requested` (the changed Annotation)
    and `delete_requested` (an id), stores them in a job, and pushes the new list back with
    `set_comments()`. If storing fails, `save_failed()` reopens the editor with the words."""

    add_requested = Signal(object)
    """CommentFields for a new comment; its anchor has the piece's target and path."""
    update_requested = Signal(object)
    """An Annotation: an existing comment with new words, kind, criterion or audience."""
    delete_requested = Signal(str)
    """The id of a comment to delete."""

    def __init__(self, parent: QWidget | None = None, *,
                 runner: JobRunner | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._piece: AnnotatedPiece | None = None
        self._all: list[Annotation] = []
        self._mine: list[Annotation] = []
        self._criteria: list[tuple[str, str]] = []
        self._read_only = False
        self._video: AnnotatedVideo | None = None
        self._pdf: AnnotatedPdf | None = None
        self._image: AnnotatedImage | None = None
        self._text: AnnotatedText | None = None
        self._plain: _Plain | None = None
        self._viewer: QWidget | None = None

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        # One line, so the piece keeps the height (a long name is cut; its tooltip has it).
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # A long file name is cut at the edge rather than widening the whole review.
        self.subtitle.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.viewers = QStackedWidget()
        self.nothing = QLabel(self.tr("Choose a piece of evidence or an answer to see it here."))
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)
        self.viewers.addWidget(self.nothing)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 3)
        heading.addWidget(self.subtitle, 2, Qt.AlignmentFlag.AlignBaseline)
        left_layout.addLayout(heading)
        left_layout.addWidget(self.viewers, 1)

        self.count_label = QLabel()
        bold = self.count_label.font()
        bold.setBold(True)
        self.count_label.setFont(bold)
        self.comment_list = CommentList()
        self.comment_list.comment_activated.connect(self.select_comment)
        self.editor = CommentEditor()
        self.editor.save_requested.connect(self._save_requested)
        self.editor.delete_requested.connect(self.delete_requested)
        self.editor.closed.connect(self._editor_closed)
        side = QWidget()
        side.setMinimumWidth(260)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.count_label)
        side_layout.addWidget(self.comment_list, 1)
        side_layout.addWidget(self.editor)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._show_count()

    # -- the viewers, made on first use (QtMultimedia and QtPdf are slow to load) ----------

    @property
    def video(self) -> AnnotatedVideo:
        if self._video is None:
            from mcdesk.ui.annotation.video import AnnotatedVideo

            self._video = AnnotatedVideo()
            self._video.position_changed.connect(self.comment_list.follow)
            self._connect(self._video)
        return self._video

    @property
    def pdf(self) -> AnnotatedPdf:
        if self._pdf is None:
            from mcdesk.ui.annotation.pdf import AnnotatedPdf

            self._pdf = AnnotatedPdf()
            self._connect(self._pdf)
        return self._pdf

    @property
    def image(self) -> AnnotatedImage:
        if self._image is None:
            from mcdesk.ui.annotation.image import AnnotatedImage

            self._image = AnnotatedImage()
            self._connect(self._image)
        return self._image

    @property
    def text(self) -> AnnotatedText:
        if self._text is None:
            from mcdesk.ui.annotation.text import AnnotatedText

            self._text = AnnotatedText()
            self._connect(self._text)
        return self._text

    @property
    def plain(self) -> _Plain:
        if self._plain is None:
            self._plain = _Plain()
            self.viewers.addWidget(self._plain)
            self._plain.comment_requested.connect(self._comment_requested)
            self._plain.set_read_only(self._read_only)
        return self._plain

    def _connect(self, viewer: AnnotatedVideo | AnnotatedPdf | AnnotatedImage | AnnotatedText
                 ) -> None:
        self.viewers.addWidget(viewer)
        viewer.comment_requested.connect(self._comment_requested)
        viewer.comment_clicked.connect(self.select_comment)
        viewer.set_read_only(self._read_only)
        viewer.set_criteria(dict(self._criteria))

    def viewer(self) -> QWidget | None:
        """The viewer showing the piece (None before a piece is shown)."""
        return self._viewer

    # -- what it shows --------------------------------------------------------------------

    def piece(self) -> AnnotatedPiece | None:
        return self._piece

    def show_piece(self, piece: AnnotatedPiece) -> None:
        """Show `piece` in its viewer with its comments (from the last `set_comments`)."""
        if self.editor.is_dirty():
            self.editor.save()  # what was written is kept, not dropped with the old piece
        self._close_editor()
        self._piece = piece
        self.title.setText(piece.title)
        self.title.setToolTip(piece.title)
        self.subtitle.setText(piece.path_in_package.rsplit("/", 1)[-1]
                              if piece.path_in_package else "")
        self._viewer = self._open(piece)
        if self._video is not None and self._viewer is not self._video:
            self._video.clear()  # nothing plays on behind another piece
        self.viewers.setCurrentWidget(self._viewer)
        self._filter()

    def _open(self, piece: AnnotatedPiece) -> QWidget:
        path = piece.path
        missing = piece.kind in _FILE_KINDS and (
            path is None or not path.is_file())
        if missing:
            return self._show_plain(piece, self.tr("The file of this piece is not on this "
                                                   "computer, so it cannot be shown."))
        if piece.kind in _PLAYED:
            assert path is not None
            self.video.load(path, piece.fps)
            return self.video
        if piece.kind is EvidenceKind.IMAGE:
            assert path is not None
            self._load_picture(piece, path)
            return self.image
        if piece.kind is EvidenceKind.DOCUMENT and path is not None \
                and path.suffix.lower() == ".pdf":
            self.pdf.load(path)
            return self.pdf
        if piece.kind is EvidenceKind.TEXT and piece.text is not None:
            self.text.show_text(piece.text)
            return self.text
        if piece.kind is EvidenceKind.LINK:
            return self._show_plain(piece, "", url=QUrl(piece.url or ""),
                                    open_label=self.tr("Open the link in the browser"))
        if piece.kind is EvidenceKind.DOCUMENT and path is not None:
            note = self.tr("Shown as plain text; open it to see its layout.") if piece.text \
                else self.tr("This kind of document cannot be shown here; open it in its own "
                             "app.")
            return self._show_plain(
                piece, note + " " + self.tr("Comments on it are about the whole document."),
                url=QUrl.fromLocalFile(str(path)),
                open_label=self.tr("Open in its own app"))
        return self._show_plain(piece, self.tr("There is nothing to show for this piece."))

    def _show_plain(self, piece: AnnotatedPiece, note: str, *, url: QUrl | None = None,
                    open_label: str = "") -> QWidget:
        heading = piece.url if piece.kind is EvidenceKind.LINK and piece.url else piece.title
        self.plain.show_piece(heading or "", note, piece.text, url or QUrl(), open_label)
        return self.plain

    def _load_picture(self, piece: AnnotatedPiece, path: Path) -> None:
        image = self.image
        image.clear(self.tr("Opening the picture…"))
        target = piece.target
        runner = self._runner
        if runner is None:
            try:
                self._picture_read(target, ops.read_picture(path))
            except ops.UnreadablePictureError as exc:
                self._picture_failed(target, exc)
            return
        ops.open_picture(path).success(lambda picture: self._picture_read(target, picture)) \
            .failure(lambda exc: self._picture_failed(target, exc)).run(runner, origin=self)

    def _picture_read(self, target: str, picture: QImage) -> None:
        if self._piece is not None and self._piece.target == target:
            self.image.show_image(picture)

    def _picture_failed(self, target: str, exc: BaseException) -> None:
        if self._piece is not None and self._piece.target == target:
            self.image.clear(str(exc))

    def clear(self) -> None:
        """Show nothing (and stop any playing)."""
        self._close_editor()
        if self._video is not None:
            self._video.clear()
        if self._pdf is not None:
            self._pdf.clear()
        self._piece = None
        self._viewer = None
        self.title.setText("")
        self.subtitle.setText("")
        self.viewers.setCurrentWidget(self.nothing)
        self._filter()

    # -- the comments ---------------------------------------------------------------------

    def set_comments(self, comments: Sequence[Annotation]) -> None:
        """All the comments the owner has; the panel shows those on the shown piece."""
        self._all = list(comments)
        self._filter()

    def comments(self) -> list[Annotation]:
        """The comments on the shown piece, in reading order."""
        return list(self._mine)

    def set_criteria(self, criteria: Sequence[tuple[str, str]]) -> None:
        """The rubric's criteria as (id, name) pairs."""
        self._criteria = list(criteria)
        self.comment_list.set_criteria(self._criteria)
        self.editor.set_criteria(self._criteria)
        for viewer in self._viewers():
            viewer.set_criteria(dict(self._criteria))

    def set_read_only(self, read_only: bool) -> None:
        """No adding, editing or deleting (the earner's view, a finished review); pieces and
        comments can still be looked through."""
        self._read_only = read_only
        self.editor.set_read_only(read_only)
        for viewer in self._viewers():
            viewer.set_read_only(read_only)
        if self._plain is not None:
            self._plain.set_read_only(read_only)
        self._show_count()

    def is_read_only(self) -> bool:
        return self._read_only

    def select_comment(self, comment_id: str) -> None:
        """Go to the comment (seek, turn the page, scroll) and open it in the editor."""
        comment = next((c for c in self._mine if c.id == comment_id), None)
        if comment is None:
            return
        self.comment_list.select(comment_id)
        viewer = self._viewer
        if viewer is self._video and self._video is not None:
            self._video.seek_to(comment)
        elif viewer is self._pdf and self._pdf is not None:
            self._pdf.set_selected(comment_id)
        elif viewer is self._image and self._image is not None:
            self._image.set_selected(comment_id)
        elif viewer is self._text and self._text is not None:
            self._text.set_selected(comment_id)
        if not self.editor.is_dirty():
            self.editor.edit_existing(comment, focus=False)

    def save_failed(self, fields: CommentFields, message: str) -> None:
        """Storing `fields` failed: reopen the editor with them and say why."""
        if self._read_only:
            return
        original = next((c for c in self._all if c.id == fields.comment_id), None) \
            if fields.comment_id is not None else None
        self.editor.edit_fields(fields, message, original=original)

    def _filter(self) -> None:
        target = self._piece.target if self._piece is not None else None
        self._mine = [c for c in self._all if c.anchor.target == target]
        self.comment_list.set_comments(self._mine)
        for viewer in self._viewers():
            viewer.set_comments(self._mine if viewer is self._viewer else [])
        editing = self.editor.editing_id()
        if editing is not None and all(c.id != editing for c in self._mine):
            self._close_editor()
        self._show_count()

    def _viewers(self) -> list[AnnotatedVideo | AnnotatedPdf | AnnotatedImage | AnnotatedText]:
        return [v for v in (self._video, self._pdf, self._image, self._text) if v is not None]

    def _show_count(self) -> None:
        count = len(self._mine)
        self.count_label.setText(self.tr("Comments (%1)").replace("%1", str(count)))
        kind = self._piece.kind if self._piece is not None else None
        if self._read_only or self._piece is None:
            empty = self.tr("No comments on this piece.")
        elif kind in _PLAYED and self._viewer is self._video:
            empty = self.tr("No comments yet. Press C (or “Comment here”) at a moment, or I "
                            "and then O to comment on a range; Shift+drag on the timeline "
                            "works too.")
        elif self._viewer is self._pdf and self._pdf is not None:
            empty = self.tr("No comments yet. Use “Comment on this page”, or drag on the "
                            "page to comment on a part of it.")
        elif self._viewer is self._image and self._image is not None:
            empty = self.tr("No comments yet. Drag on the picture to comment on a part of it, "
                            "or comment on the whole picture.")
        elif self._viewer is self._text and self._text is not None:
            empty = self.tr("No comments yet. Select words in the text and choose “Comment "
                            "on the selection”.")
        else:
            empty = self.tr("No comments yet. Use “Comment on the whole piece”.")
        self.comment_list.set_empty_text(empty)

    # -- from the viewers and the editor ----------------------------------------------------

    def _comment_requested(self, anchor: object) -> None:
        if self._read_only or self._piece is None or not isinstance(anchor, Anchor):
            return
        full = replace(anchor, target=self._piece.target, path=self._piece.path_in_package)
        if self.editor.is_dirty():
            # Keep what is being written: the new comment waits until it is saved or dropped.
            self.editor.remind(self.tr("Save or cancel this comment before starting another."))
            return
        self.comment_list.select(None)
        for viewer in self._viewers():
            viewer.set_selected(None)
        self.editor.edit_new(full)

    def _save_requested(self, fields: object) -> None:
        if not isinstance(fields, CommentFields) or self._read_only:
            return
        if fields.comment_id is None:
            self.add_requested.emit(fields)
            return
        original = next((c for c in self._all if c.id == fields.comment_id), None)
        if original is not None:
            self.update_requested.emit(fields.applied_to(original))

    def _close_editor(self) -> None:
        if self.editor.is_editing():
            self.editor.close_editor()

    def _editor_closed(self) -> None:
        viewer = self._viewer
        if viewer is not None and self.isVisible():
            viewer.setFocus(Qt.FocusReason.OtherFocusReason)
