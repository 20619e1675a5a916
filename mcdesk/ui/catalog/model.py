"""A Qt list model over catalog entries; GUI thread."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mcdesk.core.catalog_list import CatalogEntry

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class CatalogListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[CatalogEntry] = []
        self.numbered = False

    def set_entries(self, entries: Sequence[CatalogEntry], *, numbered: bool = False) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.numbered = numbered
        self.endResetModel()

    def extend(self, entries: Sequence[CatalogEntry]) -> None:
        """Add rows after the last one (the rest of a list whose first page is shown)."""
        if not entries:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._entries.extend(entries)
        self.endInsertRows()

    def entries(self) -> list[CatalogEntry]:
        return list(self._entries)

    def row_of(self, achievement_id: str) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.achievement_id == achievement_id:
                return row
        return None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = entry.name
            if self.numbered and entry.stack_position is not None:
                title = f"{entry.stack_position}. {title}"
            details = [d for d in (entry.issuer_name, entry.stack_name) if d]
            return title + ("\n" + " · ".join(details) if details else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.description
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return entry.name
        if role == ENTRY_ROLE:
            return entry
        return None
