"""Small dialogs of the Drafts place: choose a micro-credential, pick evidence, look back at
earlier versions of an answer, read a package received by hand; GUI thread."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.catalog import CatalogEntry, SubmissionCriterion
from mcdesk.core.drafts import AnswerVersion
from mcdesk.core.evidence import Evidence
from mcdesk.core.packages import ReceivedPackage
from mcdesk.core.text import word_count
from mcdesk.ui.widgets.evidence_model import facts
from mcdesk.ui.widgets.locale_text import date_time_text


class ChooseMicroCredentialDialog(QDialog):
    def __init__(self, entries: Sequence[CatalogEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a draft"))
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Which micro-credential are you working toward?")))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Micro-credentials"))
        for entry in entries:
            details = " · ".join(d for d in (entry.issuer_name, entry.stack_name) if d)
            item = QListWidgetItem(f"{entry.name}\n{details}")
            item.setData(Qt.ItemDataRole.UserRole, entry.achievement_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _i: self.accept())
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start the draft"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        chosen = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(chosen) if chosen else None


class PickEvidenceDialog(QDialog):
    """Evidence of the kinds a criterion accepts; several can be picked at once."""

    def __init__(self, criterion: SubmissionCriterion, evidence: Sequence[Evidence],
                 already: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach evidence"))
        self.resize(560, 480)
        layout = QVBoxLayout(self)
        prompt = QLabel(escape(criterion.prompt))
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        kinds = set(criterion.evidence_kinds)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Evidence to attach"))
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for item in evidence:
            if (kinds and item.kind not in kinds) or item.id in already:
                continue
            row = QListWidgetItem(f"{item.title}\n{item.kind} · {facts(item)}")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
        self.empty = QLabel(self.tr(
            "None of your evidence fits here yet. Add it in the Evidence place first."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(self.list.count() == 0)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Attach"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]


class AnswerVersionsDialog(QDialog):
    """Earlier states of one answer, newest first, to read and restore."""

    def __init__(self, prompt: str, versions: Sequence[AnswerVersion],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier versions"))
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        title = QLabel(escape(prompt))
        title.setWordWrap(True)
        layout.addWidget(title)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Versions"))
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The chosen version"))
        self._versions = list(versions)
        for index, version in enumerate(self._versions):
            when = date_time_text(version.saved_at)
            label = self.tr("Now") if index == 0 else when
            extra = f" — {self._reason_words(version.reason)}" if version.reason else ""
            words = self.tr("%n word(s)", "", word_count(version.text))
            self.list.addItem(f"{label} · {words}{extra}")
        self.list.currentRowChanged.connect(
            lambda row: self.preview.setPlainText(self._versions[row].text if row >= 0 else ""))
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([240, 480])
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Restore this version"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(
            lambda row: self.buttons.button(QDialogButtonBox.StandardButton.Ok)
            .setEnabled(row > 0))
        self.list.setCurrentRow(1 if len(self._versions) > 1 else 0)


    def _reason_words(self, reason: str) -> str:
        """The storage's note on a version ("copied from attempt 1", "restored from …")."""
        copied = re.fullmatch(r"copied from attempt (\d+)", reason)
        if copied:
            return self.tr("copied from attempt %1").replace("%1", copied.group(1))
        restored = re.fullmatch(r"restored from (.+)", reason)
        if restored:
            return self.tr("restored from %1").replace("%1", restored.group(1))
        return reason

    def chosen(self) -> AnswerVersion | None:
        row = self.list.currentRow()
        return self._versions[row] if row > 0 else None


class ReceivedPackageDialog(QDialog):
    """A package opened from a file: what it answers, criterion by criterion."""

    def __init__(self, package: ReceivedPackage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Received package"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(QDesktopServices.openUrl)
        parts = [f"<h2>{escape(package.mc_name)}</h2>",
                 "<p>" + escape(self.tr("Version %1 · attempt %2 · every file checked against "
                                        "its hash").replace("%1", package.mc_version)
                                .replace("%2", str(package.attempt))) + "</p>"]
        for criterion in package.criteria:
            heading = " · ".join(t for t in (criterion.part, criterion.prompt) if t)
            parts.append(f"<h3>{escape(heading or criterion.id)}</h3>")
            if criterion.answer:
                parts.append("<p>" + escape(criterion.answer).replace("\n", "<br/>") + "</p>")
            for item in criterion.evidence:
                target = (QUrl.fromLocalFile(str(item.file)).toString() if item.file
                          else item.url or "")
                caption = f" — {escape(item.narrative)}" if item.narrative else ""
                parts.append(f"<p>• <a href='{escape(target, quote=True)}'>{escape(item.name)}"
                             f"</a> ({escape(item.kind)}){caption}</p>")
        self.browser.setHtml("".join(parts))
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
