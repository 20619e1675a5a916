"""Practice scores: one level per rubric criterion, as the coach would score the draft today
(never sent to an issuer); it stores nothing, it asks the place; GUI thread."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from mcdesk.core.catalog import RubricCriterion
from mcdesk.core.coaching import PracticeScore


class PracticeScores(QGroupBox):
    score_changed = Signal(str, object)
    """(rubric criterion id, level id or None)"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Practice scores (for the teacher only)"), parent)
        self._boxes: dict[str, QComboBox] = {}
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.hint = QLabel(self.tr(
            "What you would give each criterion today. They go to the teacher with your "
            "comments, never to an issuer."))
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def show_rubric(self, rubric: Sequence[RubricCriterion],
                    scores: Sequence[PracticeScore]) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._boxes.clear()
        chosen = {s.rubric_criterion_id: s.level_id for s in scores}
        for criterion in rubric:
            box = QComboBox()
            box.setAccessibleName(criterion.name)
            box.addItem(self.tr("Not scored"), None)
            for level in criterion.levels:
                box.addItem(level.name, level.id)
                box.setItemData(box.count() - 1, level.description, 3)  # tooltip role
            box.setCurrentIndex(max(0, box.findData(chosen.get(criterion.id))))
            box.activated.connect(
                lambda _i, cid=criterion.id, b=box: self.score_changed.emit(cid, b.currentData()))
            label = QLabel(criterion.name)
            label.setWordWrap(True)
            label.setBuddy(box)
            self.form.addRow(label, box)
            self._boxes[criterion.id] = box
        if not rubric:
            self.form.addRow(QLabel(self.tr(
                "This micro-credential's rubric is not in your catalog: import the catalog "
                "to score against it.")))

    def level_of(self, criterion_id: str) -> str | None:
        box = self._boxes.get(criterion_id)
        data = None if box is None else box.currentData()
        return None if data is None else str(data)
