"""File → Import an exchange bundle… and Export for my coach…: the window's way to hand
evidence, notes and drafts between a teacher's and a coach's portfolios; GUI thread (the work
runs in operations)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from mcdesk.core.changes import Change
from mcdesk.core.progress import JobControl
from mcdesk.jobs.ops import Op
from mcdesk.ui.widgets.notice import Tone

if TYPE_CHECKING:
    from mcdesk.core.drafts import Draft
    from mcdesk.services.exchange import ExportReport, ImportReport
    from mcdesk.services.workspace import Workspace
    from mcdesk.ui.shell.main_window import MainWindow

BUNDLE_FILTER = "mcdesk exchange bundles (*.mcexchange *.zip)"



translate = QCoreApplication.translate


def import_bundle(workspace: Workspace, path: Path) -> Op[ImportReport]:
    def work(control: JobControl) -> ImportReport:
        return workspace.exchange.import_bundle(path, control)

    return Op.write(translate("exchange", "Importing the exchange bundle"), work,
                    [Change.EVIDENCE, Change.OBSERVATIONS, Change.COACHING], cancellable=True)


def export_draft(workspace: Workspace, draft_id: str, dest: Path) -> Op[ExportReport]:
    def work(control: JobControl) -> ExportReport:
        return workspace.exchange.export(dest, draft_id=draft_id, control=control)

    return Op.read(translate("exchange",
                             "Writing the bundle for your coach"), work, cancellable=True)


def list_drafts(workspace: Workspace) -> Op[list[Draft]]:
    return Op.read(translate("exchange", "Listing drafts"), lambda _c: workspace.drafts.list())


class ExchangeActions(QObject):
    """The two File menu entries, and what they do."""

    def __init__(self, window: MainWindow, menu: QMenu, before: QAction) -> None:
        super().__init__(window)
        self._window = window
        self.import_action = QAction(translate("exchange", "Import an e&xchange bundle…"), window)
        self.import_action.setToolTip(translate("exchange",
                                                "Evidence, observation notes or coaching from "
                                          "another portfolio"))
        self.import_action.triggered.connect(self.choose_import)
        self.export_action = QAction(translate("exchange", "Export for my &coach…"), window)
        self.export_action.triggered.connect(self.choose_export)
        menu.insertAction(before, self.import_action)
        menu.insertAction(before, self.export_action)

    def _parent(self) -> QWidget:
        return self._window

    def choose_import(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # dialogs: built when asked, not at start

        name, _f = QFileDialog.getOpenFileName(
            self._parent(), translate("exchange", "Import an exchange bundle"), "", BUNDLE_FILTER)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        workspace = self._window.workspace
        if workspace is None:
            return
        import_bundle(workspace, path).success(self._imported).failure(self._failed).run(
            self._window.runner, origin=self)

    def _imported(self, report: ImportReport) -> None:
        text = translate("exchange",
                         "Imported {file}: {added} evidence added, {already} already here.").format(
            file=report.path.name, added=report.evidence_added,
            already=report.evidence_already_here)
        if report.notes_to_choose:
            text += " " + translate("exchange",
                                    "{count} notes were edited on both sides: both versions are "
                              "kept for you to choose in Observe.").format(
                count=len(report.notes_to_choose))
        self._window.show_notice(text, Tone.INFO)

    def choose_export(self) -> None:
        workspace = self._window.workspace
        if workspace is not None:
            list_drafts(workspace).success(self._pick_draft).failure(self._failed).run(
                self._window.runner)

    def _pick_draft(self, drafts: list[Draft]) -> None:
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        if not drafts:
            self._window.show_notice(translate("exchange",
                                               "Start a draft first: your coach comments on a "
                                         "draft."), Tone.WARNING)
            return
        labels = [translate("exchange",
                            "{mc}, attempt {attempt}").format(mc=d.mc_name, attempt=d.attempt)
                  for d in drafts]
        label, ok = QInputDialog.getItem(self._parent(), translate("exchange",
                                                                   "Export for my coach"),
                                         translate("exchange",
                                                   "Which draft should your coach see?"), labels, 0,
                                         False)
        if not ok:
            return
        draft = drafts[labels.index(label)]
        name, _f = QFileDialog.getSaveFileName(self._parent(), translate("exchange",
                                                                         "Export for my coach"),
                                               "for-my-coach.mcexchange", BUNDLE_FILTER)
        if name:
            self.export_to(draft.id, Path(name))

    def export_to(self, draft_id: str, path: Path) -> None:
        workspace = self._window.workspace
        if workspace is not None:
            export_draft(workspace, draft_id, path).success(self._exported).failure(
                self._failed).run(self._window.runner)

    def _exported(self, report: ExportReport) -> None:
        self._window.show_notice(translate("exchange",
                                           "Wrote {file} with the draft and {count} pieces of "
                                     "evidence: give it to your coach.").format(
            file=report.path.name, count=report.evidence), Tone.INFO)

    def _failed(self, exc: BaseException) -> None:
        from mcdesk.core.errors import McdeskError

        if isinstance(exc, McdeskError):
            self._window.show_notice(str(exc), Tone.ERROR)
        else:
            self._window.crash_reporter.report(exc)
