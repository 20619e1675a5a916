"""The Evidence place's tools: adding files, folders, links and writing, and making safe
versions of the chosen piece (blurred, blacked out, trimmed, compressed, stripped), with the
privacy window; the base of EvidencePage; GUI thread (the work runs as operations)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog

from mcdesk.core.evidence import Evidence, VersionRequest
from mcdesk.ui.evidence import ops
from mcdesk.ui.widgets.notice import Tone
from mcdesk.ui.widgets.place import Place

if TYPE_CHECKING:
    from mcdesk.services.evidence import AddReport
    from mcdesk.ui.evidence.privacy_dialog import PrivacyDialog


class EvidenceTools(Place):
    """What EvidencePage does besides showing and editing the library."""

    _current: Evidence | None
    _select_after_load: str | None
    privacy_dialog: PrivacyDialog | None

    def select_evidence(self, evidence_id: str) -> None:
        raise NotImplementedError

    def _edited(self) -> None:
        """An edit made here: the open privacy window shows its effect (other places hear of
        it from the operation's notice)."""
        if self.privacy_dialog is not None and self.privacy_dialog.isVisible():
            self.privacy_dialog.refresh()

    # -- adding -----------------------------------------------------------------------------

    def _prepare_to_add(self, paths: Sequence[Path] | None = None) -> None:
        workspace = self._workspace
        if workspace is not None:
            # Quiet: getting ready never fails in a way the person could act on.
            ops.prepare_to_add(workspace, paths).failure(lambda _exc: None).run(
                self._runner, origin=self)

    def choose_files(self) -> None:
        self._prepare_to_add()
        files, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence"), str(Path.home()),
            self.tr("Evidence (*.mp4 *.mov *.m4v *.mkv *.webm *.avi *.m4a *.mp3 *.wav *.jpg "
                    "*.jpeg *.png *.heic *.heif *.webp *.gif *.pdf *.docx *.txt *.md);;"
                    "All files (*)"))
        if files:
            self.add_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        self._prepare_to_add()
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a whole folder"),
                                                  str(Path.home()))
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: Sequence[Path]) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        self._prepare_to_add(paths)
        ops.add_paths(workspace, paths).success(self._added).failure(self._failed).cancelled(
            lambda: self.notice.emit(self.tr("Adding was stopped; nothing half-added was "
                                             "kept."), Tone.INFO)).run(self._runner, origin=self)

    def _added(self, report: AddReport) -> None:
        added = [r.evidence for r in report.results if r.evidence is not None]
        again = [r for r in report.results if r.already_had is not None]
        failed = [r for r in report.results if r.error is not None]
        lines = []
        if added:
            lines.append(self.tr("Added 1 piece of evidence.") if len(added) == 1 else
                         self.tr("Added %1 pieces of evidence.").replace("%1", str(len(added))))
            self._select_after_load = added[-1].id
        for result in again:
            assert result.already_had is not None
            lines.append(self.tr("%1 is already in your evidence as “%2”.")
                         .replace("%1", Path(result.path).name)
                         .replace("%2", result.already_had.title))
            self._select_after_load = self._select_after_load or result.already_had.id
        for result in failed:
            lines.append(self.tr("%1 was not added: %2").replace("%1", Path(result.path).name)
                         .replace("%2", result.error or ""))
        if report.skipped:
            skipped = len(report.skipped)
            lines.append((self.tr("1 file in the folder was skipped") if skipped == 1 else
                          self.tr("%1 files in the folder were skipped").replace(
                              "%1", str(skipped))) + self.tr(": not evidence mcdesk knows."))
        self.notice.emit("\n".join(lines) or self.tr("Nothing to add."),
                         Tone.ERROR if failed else Tone.INFO)
        self.refresh()
        self._edited()

    def ask_link(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        url, ok = QInputDialog.getText(self, self.tr("Add a link"), self.tr(
            "Web address (for example a video your school hosts):"))
        if not ok or not url.strip():
            return
        title, ok = QInputDialog.getText(self, self.tr("Add a link"), self.tr("Title:"))
        if not ok:
            return
        ops.add_link(workspace, url, title).success(self._made).failure(self._failed).run(
            self._runner, origin=self)

    def new_writing(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        ops.new_writing(workspace, self.tr("New writing")).success(self._made).failure(
            self._failed).run(self._runner, origin=self)

    def _made(self, evidence: Evidence) -> None:
        self._select_after_load = evidence.id
        self.refresh()
        self._edited()

    # -- safe versions ----------------------------------------------------------------------

    def make_version(self, request: VersionRequest, title: str) -> None:
        evidence, workspace = self._current, self._workspace
        if evidence is None or workspace is None:
            return
        source_id = evidence.id
        ops.make_version(workspace, source_id, request, title).success(self._version_made) \
            .failure(self._failed).cancelled(lambda: self.notice.emit(
                self.tr("Stopped. Nothing was changed; no partial file was kept."), Tone.INFO)) \
            .run(self._runner, origin=self)

    def _version_made(self, version: Evidence) -> None:
        self.notice.emit(self.tr("Made “%1”. The original is unchanged.").replace(
            "%1", version.title), Tone.INFO)
        self._made(version)

    def strip_metadata(self) -> None:
        from mcdesk.core.evidence import StripMetadata

        self.make_version(StripMetadata(), self.tr("Removing location and details"))

    def open_blur(self) -> None:
        evidence, workspace = self._current, self._workspace
        if evidence is None or workspace is None:
            return
        from mcdesk.core.evidence import BlurFaces
        from mcdesk.ui.evidence.blur_dialog import BlurFacesDialog

        dialog = BlurFacesDialog(self._runner, workspace, evidence, self)
        if dialog.exec():
            self.make_version(BlurFaces(tuple(dialog.regions())), self.tr("Blurring faces"))
        dialog.deleteLater()

    def open_redact(self) -> None:
        evidence, workspace = self._current, self._workspace
        if evidence is None or workspace is None:
            return
        from mcdesk.core.evidence import Redact
        from mcdesk.ui.evidence.blur_dialog import RedactDialog

        dialog = RedactDialog(self._runner, workspace, evidence, self)
        if dialog.exec():
            self.make_version(Redact(tuple(dialog.rects())), self.tr("Blacking out areas"))
        dialog.deleteLater()

    def open_trim(self) -> None:
        evidence = self._current
        if evidence is None:
            return
        from mcdesk.ui.evidence.trim_dialog import TrimDialog

        dialog = TrimDialog(evidence, self)
        if dialog.exec():
            self.make_version(dialog.request(), self.tr("Trimming the video"))
        dialog.deleteLater()

    def open_compress(self) -> None:
        evidence, workspace = self._current, self._workspace
        if evidence is None or workspace is None:
            return
        from mcdesk.ui.evidence.compress_dialog import CompressDialog

        dialog = CompressDialog(workspace, evidence, self)
        if dialog.exec():
            self.make_version(dialog.request(), self.tr("Compressing the video"))
        dialog.deleteLater()

    def open_privacy(self) -> None:
        workspace = self._workspace
        if workspace is None:
            return
        from mcdesk.ui.evidence.privacy_dialog import PrivacyDialog

        if self.privacy_dialog is None:
            dialog = PrivacyDialog(self._runner, workspace, self)
            dialog.evidence_chosen.connect(self.select_evidence)
            self.privacy_dialog = dialog
        self.privacy_dialog.show()
        self.privacy_dialog.raise_()
