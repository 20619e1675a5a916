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
    def __init__(self, request_thumbnail: Callable[[Evidence], None]) -> None:
        super().__init__()
        self._items: list[Evidence] = []
        self._thumbs: dict[str, QIcon] = {}
        self._requested: set[str] = set()
        self._request_thumbnail = request_thumbnail

    def set_items(self, items: Sequence[Evidence]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[Evidence]:
        return list(self._items)

    def row_of(self, evidence_id: str) -> int | None:
        for row, evidence in enumerate(self._items):
            if evidence.id == evidence_id:
                return row
        return None

    def set_thumbnail(self, sha256: str, image: QImage) -> None:
        if image.isNull():
            return
        self._thumbs[sha256] = QIcon(QPixmap.fromImage(image))
        for row, evidence in enumerate(self._items):
            if evidence.sha256 == sha256:
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
                self._request_thumbnail(evidence)
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
