"""A Qt list model over evidence, with thumbnails loaded off the GUI thread; GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

from mcdesk.core.evidence import Evidence, EvidenceKind
from mcdesk.core.units import clock, human_size
from mcdesk.ui.widgets.icons import icon
from mcdesk.ui.widgets.words import COUNTED, consent_word, kind_word

translate = QCoreApplication.translate
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 1
EVIDENCE_MIME = "application/x-mcdesk-evidence-ids"
THUMB_SIZE = QSize(144, 108)
PAGE = 96  # pieces read at a time as the grid scrolls


def facts(evidence: Evidence) -> str:
    """One line of what a teacher wants to know at a glance."""
    parts: list[str] = []
    media = evidence.media
    if media is not None:
        if media.duration_s is not None:
            parts.append(clock(media.duration_s))
        if media.pages is not None:
            parts.append(translate("EvidenceListModel", "%1 p.").replace("%1", str(media.pages)))
        if media.words is not None and evidence.kind in (EvidenceKind.TEXT,
                                                         EvidenceKind.DOCUMENT):
            parts.append(COUNTED.words(media.words))
    if evidence.size:
        parts.append(human_size(evidence.size))
    if evidence.kind is EvidenceKind.LINK and evidence.url:
        parts.append(evidence.url)
    return " · ".join(parts)


def load_thumbnail(path: Path) -> QImage:
    """Read a thumbnail file; QImage is safe to build off the GUI thread."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    return reader.read()


class EvidenceListModel(QAbstractListModel):
    """Rows are read a page at a time: `set_items` gives the first pieces and the ids of all
    that match; when the view scrolls near the end, `request_more` is asked for the next ids
    and `add_more` appends what it read. Thumbnails are asked for when a row is first drawn."""

    def __init__(self, request_thumbnail: Callable[[Evidence], None],
                 request_more: Callable[[list[str]], None] | None = None) -> None:
        super().__init__()
        self._items: list[Evidence] = []
        self._ids: tuple[str, ...] = ()
        self._rows: dict[str, int] = {}
        self._rows_of_file: dict[str, list[int]] = {}
        self._thumbs: dict[str, QIcon] = {}
        self._requested: set[str] = set()
        self._to_ask: list[Evidence] = []  # pictures drawn rows need, asked after the paint
        self._request_thumbnail = request_thumbnail
        self._request_more = request_more
        self._asked: tuple[str, ...] | None = None  # the ids of the page being read

    def set_items(self, items: Sequence[Evidence], ids: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self._items = []
        self._rows = {}
        self._rows_of_file = {}
        self._ids = tuple(ids) if ids is not None else tuple(e.id for e in items)
        self._asked = None
        self._append(items)
        self.endResetModel()

    def _append(self, items: Sequence[Evidence]) -> None:
        for evidence in items:
            row = len(self._items)
            self._items.append(evidence)
            self._rows[evidence.id] = row
            if evidence.sha256:
                self._rows_of_file.setdefault(evidence.sha256, []).append(row)

    def items(self) -> list[Evidence]:
        return list(self._items)

    def matching(self) -> int:
        """How many pieces the list holds once every page is read."""
        return len(self._ids)

    def row_of(self, evidence_id: str) -> int | None:
        return self._rows.get(evidence_id)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return (self._request_more is not None and not parent.isValid()
                and self._asked is None and len(self._items) < len(self._ids))

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if not self.canFetchMore(parent) or self._request_more is None:
            return
        start = len(self._items)
        self._asked = self._ids[start:start + PAGE]
        self._request_more(list(self._asked))

    def add_more(self, asked: Sequence[str], found: dict[str, Evidence]) -> None:
        """The pieces read for `asked` (a page `request_more` was given); ignored when the
        list changed meanwhile. A piece trashed meanwhile is left out."""
        if self._asked is None or tuple(asked) != self._asked:
            return
        self._asked = None
        fresh = [found[i] for i in asked if i in found]
        missing = set(asked) - found.keys()
        if missing:
            self._ids = tuple(i for i in self._ids if i not in missing)
        if fresh:
            start = len(self._items)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            self._append(fresh)
            self.endInsertRows()

    def _ask_thumbnails(self) -> None:
        """Ask for the pictures the rows just drawn need, once that paint is done: their
        reads start after it, not in the middle of it."""
        asked, self._to_ask = self._to_ask, []
        for evidence in asked:
            self._request_thumbnail(evidence)

    def forget_thumbnails(self, sha256s: Sequence[str]) -> None:
        """These files' pictures were drawn again: rows showing them ask for them anew."""
        for sha256 in sha256s:
            self._thumbs.pop(sha256, None)
            self._requested.discard(sha256)
            for row in self._rows_of_file.get(sha256, ()):
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def set_thumbnail(self, sha256: str, image: QImage) -> None:
        if image.isNull():
            return
        self._thumbs[sha256] = QIcon(QPixmap.fromImage(image))
        for row in self._rows_of_file.get(sha256, ()):
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    @staticmethod
    def warnings(evidence: Evidence) -> list[str]:
        """What still needs the teacher before this can be shared, in two or three words."""
        found = []
        if evidence.has_location:
            found.append(translate("EvidenceListModel", "location"))
        if evidence.needs_consent:
            found.append(translate("EvidenceListModel", "consent?"))
        return found

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [EVIDENCE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """Dragged evidence carries its ids, so a draft's criterion can take it."""
        data = QMimeData()
        ids = [self._items[i.row()].id for i in indexes if i.isValid()]
        data.setData(EVIDENCE_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        evidence = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [evidence.title, facts(evidence)]
            warnings = self.warnings(evidence)
            if warnings:
                lines.append("⚠ " + ", ".join(warnings))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            if evidence.sha256 and evidence.sha256 in self._thumbs:
                return self._thumbs[evidence.sha256]
            if evidence.sha256 and evidence.sha256 not in self._requested:
                self._requested.add(evidence.sha256)
                if not self._to_ask:
                    QTimer.singleShot(0, self, self._ask_thumbnails)
                self._to_ask.append(evidence)
            return icon(f"kind-{evidence.kind}")
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [evidence.title, kind_word(evidence.kind) + " · " + facts(evidence)]
            if evidence.has_location:
                lines.append(translate("EvidenceListModel",
                                       "Still carries the place where it was taken"))
            if evidence.needs_consent:
                lines.append(translate("EvidenceListModel", "Consent: %1").replace(
                    "%1", consent_word(evidence.consent)))
            if evidence.derivation:
                lines.append(translate("EvidenceListModel", "A version: %1").replace(
                    "%1", evidence.derivation))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{evidence.title}, {kind_word(evidence.kind)}"
        if role == EVIDENCE_ROLE:
            return evidence
        return None
