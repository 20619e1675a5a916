"""The Observe place's operations (the only code there that starts background work): reading
observations and the catalog, each change to an observation one write, adding and lining up
the lesson video, making clips; built on the GUI thread, run on the lane their kind gives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.progress import JobControl
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.core.catalog import CatalogEntry, RubricCriterion
    from mcdesk.core.coaching import Observation, ObservationNote
    from mcdesk.core.evidence import Evidence
    from mcdesk.core.reviews import Annotation
    from mcdesk.services.exchange import ExportReport
    from mcdesk.services.workspace import Workspace



translate = QCoreApplication.translate


@dataclass(frozen=True)
class ObservationView:
    """One observation with what the place shows beside it."""

    observation: Observation
    rubric: tuple[RubricCriterion, ...]
    video: Evidence | None
    video_path: Path | None
    comments: tuple[Annotation, ...]
    pending_line: str = ""


def load_list(workspace: Workspace) -> Op[tuple[list[Observation], list[CatalogEntry]]]:
    def work(_c: object) -> tuple[list[Observation], list[CatalogEntry]]:
        return workspace.observations.list(), workspace.catalog.entries()

    return Op.read(translate("observe", "Loading observations"), work)


def load_one(workspace: Workspace, observation_id: str) -> Op[ObservationView]:
    def work(_c: object) -> ObservationView:
        service = workspace.observations
        observation = service.get(observation_id)
        video = path = None
        if observation.video_evidence_id is not None:
            video = workspace.evidence.get(observation.video_evidence_id)
            path = workspace.evidence.file_path(video)
        return ObservationView(observation, tuple(service.rubric(observation)), video, path,
                               tuple(service.video_comments(observation)),
                               service.pending_line(observation_id))

    return Op.read(translate("observe", "Loading the observation"), work)


def videos(workspace: Workspace) -> Op[list[Evidence]]:
    from mcdesk.core.evidence import EvidenceKind

    return Op.read(translate("observe", "Finding videos"),
                   lambda _c: workspace.evidence.find(kind=EvidenceKind.VIDEO))


def start(workspace: Workspace, teacher: str, achievement_id: str) -> Op[Observation]:
    return Op.write(translate("observe", "Starting the observation"),
                    lambda _c: workspace.observations.new(teacher, achievement_id),
                    [Change.OBSERVATIONS])


def note(workspace: Workspace, observation_id: str, text: str, offset_ms: int,
         criterion: str | None, clip: tuple[int, int] | None = None) -> Op[ObservationNote]:
    def work(_c: object) -> ObservationNote:
        return workspace.observations.note(observation_id, text, offset_ms=offset_ms,
                                           rubric_criterion_id=criterion, clip=clip)

    return Op.write(translate("observe",
                              "Saving the note"), work, [Change.OBSERVATIONS], ids=[observation_id])


def tick(workspace: Workspace, observation_id: str, position: int, seen: bool,
         at_ms: int) -> Op[None]:
    return Op.write(translate("observe",
                              "Saving the look-for"), lambda _c: workspace.observations.tick(
        observation_id, position, seen, at_ms=at_ms), [Change.OBSERVATIONS],
        ids=[observation_id])


def tag(workspace: Workspace, note_id: str, criterion: str | None) -> Op[ObservationNote]:
    return Op.write(translate("observe", "Tagging the note"),
                    lambda _c: workspace.observations.tag(note_id, criterion),
                    [Change.OBSERVATIONS])


def choose(workspace: Workspace, note_id: str, version_id: str) -> Op[ObservationNote]:
    return Op.write(translate("observe", "Keeping this version"),
                    lambda _c: workspace.observations.choose(note_id, version_id),
                    [Change.OBSERVATIONS])


def add_video(workspace: Workspace, path: Path) -> Op[Evidence]:
    """Bring the lesson video in (copied and hashed on the writer lane, probed in a worker
    process) and say who captured it."""

    def work(control: JobControl) -> Evidence:
        from mcdesk.core.errors import McdeskError

        result = workspace.evidence.add_file(path, control=control)
        evidence = result.evidence or result.already_had
        if evidence is None:
            raise McdeskError(result.error or "not added", path=path)
        if result.evidence is not None:
            workspace.coaching.record_capture(evidence)
        return evidence

    return Op.write(translate("observe", "Adding the lesson video"), work, [Change.EVIDENCE],
                    cancellable=True)


def align_by_metadata(workspace: Workspace, observation_id: str,
                      video_id: str) -> Op[Observation]:
    return Op.write(translate("observe", "Lining the notes up with the video"),
                    lambda _c: workspace.observations.align_by_metadata(observation_id,
                                                                        video_id),
                    [Change.OBSERVATIONS], ids=[observation_id])


def align_by_note(workspace: Workspace, observation_id: str, video_id: str, number: int,
                  player_ms: int) -> Op[Observation]:
    return Op.write(translate("observe", "Lining the notes up with the video"),
                    lambda _c: workspace.observations.align_by_note(
                        observation_id, video_id, number, player_ms),
                    [Change.OBSERVATIONS], ids=[observation_id])


def make_clips(workspace: Workspace, observation_id: str) -> Op[list[Evidence]]:
    def work(control: JobControl) -> list[Evidence]:
        return workspace.observations.make_clips(observation_id, control)

    return Op.write(translate("observe",
                              "Making the clips"), work, [Change.EVIDENCE, Change.OBSERVATIONS],
                    ids=[observation_id], cancellable=True)


def video_file(workspace: Workspace, evidence_id: str) -> Op[tuple[Evidence, Path | None]]:
    def work(_c: object) -> tuple[Evidence, Path | None]:
        video = workspace.evidence.get(evidence_id)
        return video, workspace.evidence.file_path(video)

    return Op.read(translate("observe", "Opening the video"), work)


def export_observation(workspace: Workspace, observation_id: str,
                       dest: Path) -> Op[ExportReport]:
    def work(control: JobControl) -> ExportReport:
        return workspace.exchange.export(dest, observation_ids=[observation_id],
                                         control=control)

    return Op.read(translate("observe",
                             "Writing the bundle for the teacher"), work, cancellable=True)


def save_line(workspace: Workspace, observation_id: str, text: str) -> Op[None]:
    return Op.write(translate("observe", "Saving what you are typing"),
                    lambda _c: workspace.observations.save_line(observation_id, text),
                    [Change.OBSERVATIONS], ids=[observation_id])
