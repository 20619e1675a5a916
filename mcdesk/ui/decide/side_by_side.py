"""A submission's reviews side by side: one row per rubric criterion, one column per assessor
(the level they gave, their feedback on hover), disagreements across the passing level in
amber and lesser differences tinted; below, each review's time-stamped comments with their
moments; GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.staff import ReviewColumn, SideBySide
from mcdesk.ui.widgets import colors

# Amber: some pass the criterion and some do not (light palette, dark palette).
CROSSES = ("#f6d58c", "#6b5113")
# Blue: different levels on the same side of the line.
DIFFERS = ("#e8eef8", "#2c3e5c")


class SideBySideView(QWidget):
    # A comment was double-clicked: its id (to play the evidence at it).
    comment_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget()
        self.table.setMinimumHeight(72)  # scrolls: a short screen keeps the rest in view
        self.table.setAccessibleName(self.tr("Reviews side by side"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.legend = QLabel(self.tr(
            "<span style='background:#f6d58c'>&nbsp;amber&nbsp;</span> the assessors fall on "
            "both sides of the passing level &nbsp; "
            "<span style='background:#e8eef8'>&nbsp;blue&nbsp;</span> different levels"))
        self.legend.setWordWrap(True)
        self.comments = QTreeWidget()
        self.comments.setMinimumHeight(56)  # scrolls: a short screen keeps the rest in view
        self.comments.setAccessibleName(self.tr("Comments of the reviews"))
        self.comments.setHeaderLabels([self.tr("Moment"), self.tr("Comment")])
        self.comments.setRootIsDecorated(True)
        self.comments.setWordWrap(True)
        self.comments.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.comments.setToolTip(self.tr("Double-click a comment to see the evidence at it"))
        self.comments.itemDoubleClicked.connect(self._comment_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.legend)
        layout.addWidget(self.comments, 2)

    def show_view(self, view: SideBySide) -> None:
        columns = [c for c in view.columns if c.submitted]
        waiting = [c for c in view.columns if not c.submitted]
        headers = [self._header(column) for column in columns] + [self.tr("Reconciled")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(view.criteria))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels([c.name for c in view.criteria])
        for row, criterion in enumerate(view.criteria):
            shade = CROSSES if criterion.crosses else DIFFERS if criterion.differs else None
            tint = colors.tint(self.table, *shade) if shade is not None else None
            for col, column in enumerate(columns):
                level = column.levels.get(criterion.id)
                text = criterion.level_name(level) or self.tr("not scored")
                item = QTableWidgetItem(text)
                words = column.feedback.get(criterion.id, "").strip()
                if words:
                    item.setToolTip(words)
                    item.setText(f"{text}\n{_short(words)}")
                if tint is not None:
                    item.setBackground(QBrush(tint))
                self.table.setItem(row, col, item)
            reconciled = QTableWidgetItem(criterion.level_name(criterion.reconciled_level_id))
            font = reconciled.font()
            font.setBold(True)
            reconciled.setFont(font)
            if tint is not None:
                reconciled.setBackground(QBrush(tint))
            self.table.setItem(row, len(columns), reconciled)
        self._fit()
        self._comments(columns, waiting)

    def _fit(self) -> None:
        """As tall as its rows: the room left goes to the comments and the composer."""
        self.table.resizeRowsToContents()
        height = (self.table.horizontalHeader().sizeHint().height()
                  + self.table.verticalHeader().length() + 2 * self.table.frameWidth() + 8)
        self.table.setMaximumHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Feedback wraps differently at another width: the rows change height.
        super().resizeEvent(event)
        self._fit()

    def _comment_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        comment_id = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(comment_id, str) and comment_id:
            self.comment_chosen.emit(comment_id)

    def _header(self, column: ReviewColumn) -> str:
        kind = {"expert": self.tr("expert"), "peer": self.tr("peer"),
                "extra": self.tr("called in")}.get(column.kind, column.kind)
        return f"{column.assessor}\n({kind})"

    def _comments(self, columns: list[ReviewColumn], waiting: list[ReviewColumn]) -> None:
        self.comments.clear()
        for column in columns:
            top = QTreeWidgetItem([column.assessor, self._summary(column)])
            self.comments.addTopLevelItem(top)
            for comment in column.comments:
                child = QTreeWidgetItem([comment.moment or "—", comment.text])
                child.setToolTip(1, comment.text)
                child.setData(0, Qt.ItemDataRole.UserRole, comment.id)
                top.addChild(child)
            top.setExpanded(True)
        for column in waiting:
            item = QTreeWidgetItem([column.assessor, self.tr("review not in yet")])
            item.setForeground(1, QBrush(colors.readable(
                "#8a5a00", self.comments.palette().color(QPalette.ColorRole.Base))))
            self.comments.addTopLevelItem(item)

    def _summary(self, column: ReviewColumn) -> str:
        decided = {"earned": self.tr("earned"), "not yet": self.tr("not yet")}.get(
            column.decision or "", "")
        count = len(column.comments)
        text = self.tr("no comment") if not count else self.tr("1 comment") if count == 1 \
            else self.tr("%1 comments").replace("%1", str(count))
        if decided:
            text = self.tr("%1 — says %2").replace("%1", text).replace("%2", decided)
        if column.override_reason:
            text += " — " + self.tr("against the rule: %1").replace("%1",
                                                                     column.override_reason)
        return text


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"

