"""The Stacks view: each stack of the catalog with its progress ("3 of 4"), the members
earned, in progress (a draft, a submission in review, "not yet") and still to do; GUI
thread."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.credentials import StackProgress


class StackCard(QFrame):
    def __init__(self, stack: StackProgress, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("stackCard")
        self.title = QLabel(stack.name)
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.progress = QProgressBar()
        self.progress.setRange(0, max(1, stack.total))
        self.progress.setValue(len(stack.earned))
        count = self.tr("%1 of %2 earned").replace("%1", str(len(stack.earned))).replace(
            "%2", str(stack.total))
        if stack.complete:
            count += " · " + self.tr("stack complete")
            if stack.stack_credential:
                count += " · " + self.tr("stack badge received")
        self.progress.setFormat(count)
        self.progress.setTextVisible(True)
        self.progress.setAccessibleName(self.tr("Progress in %1").replace("%1", stack.name))
        lines: list[str] = []
        for name in stack.earned:
            lines.append(f"<span style='color:#2e7d32'>✓</span> {html.escape(name)} — "
                         f"<i>{html.escape(self.tr('earned'))}</i>")
        for name, doing in stack.in_progress:
            words = {"draft": self.tr("a draft in progress"),
                     "in review": self.tr("submitted, in review"),
                     "not yet": self.tr("“not yet”: resubmit")}.get(doing, doing)
            lines.append(f"<span style='color:#b26a00'>◐</span> {html.escape(name)} — "
                         f"<i>{html.escape(words)}</i>")
        for name in stack.missing:
            lines.append(f"<span style='color:#888'>○</span> {html.escape(name)} — "
                         f"<i>{html.escape(self.tr('not started'))}</i>")
        self.members = QLabel("<br>".join(lines) or html.escape(
            self.tr("This stack has no micro-credentials in your catalog yet.")))
        self.members.setTextFormat(Qt.TextFormat.RichText)
        self.members.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.members)


class StacksView(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.cards: list[StackCard] = []
        self._content = QWidget()
        self._layout = QVBoxLayout(self._content)
        self.setWidget(self._content)
        self.empty = QLabel(self.tr(
            "No stacks in your catalog yet. Stacks group micro-credentials; when you earn "
            "every member of one, the issuer can award the whole stack."))
        self.empty.setWordWrap(True)
        self._layout.addWidget(self.empty)
        self._layout.addStretch(1)

    def show_stacks(self, stacks: Sequence[StackProgress]) -> None:
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        self.empty.setVisible(not stacks)
        # Stacks with progress first: that is what the teacher is working on.
        ordered = sorted(stacks, key=lambda s: (-(len(s.earned) + len(s.in_progress)),
                                                s.name.casefold()))
        for index, stack in enumerate(ordered):
            card = StackCard(stack)
            self.cards.append(card)
            self._layout.insertWidget(1 + index, card)
