"""The Assessors place's operations (read the last pull of the pools, calibration sets and
agreement report; queue a calibration item to be taken out): the only code in this place that
starts background work; built on the GUI thread, run on the lane their kind gives them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.changes import Change
from mcdesk.core.errors import McdeskError
from mcdesk.core.staff import CalibrationRemoval, DecisionStatus, Snapshot
from mcdesk.jobs.ops import Op

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


@dataclass(frozen=True)
class AssessorsView:
    """The last pull of each server's pools, calibration sets and report."""

    servers: tuple[str, ...]
    pools: dict[str, Snapshot]
    calibration: dict[str, Snapshot]
    report: dict[str, Snapshot]
    # The names of the rubric criteria and levels the calibration sets name, by id (from this
    # portfolio's catalog: an id it does not hold stays unnamed).
    names: dict[str, str] = field(default_factory=dict)
    # Calibration items staff asked to take out that are not out yet (queued, or refused), by
    # (server, submission id). One sent is out: if a set lists it again, it was put back.
    removals: dict[tuple[str, str], CalibrationRemoval] = field(default_factory=dict)


def _rubric_names(workspace: Workspace, sets: Iterable[Snapshot]) -> dict[str, str]:
    names: dict[str, str] = {}
    for snapshot in sets:
        for found in snapshot.data if isinstance(snapshot.data, list) else []:
            aid = found.get("achievementId") if isinstance(found, dict) else None
            if not isinstance(aid, str):
                continue
            try:
                rubric = workspace.catalog.current_definition(aid).rubric
            except McdeskError:  # not in this portfolio's catalog
                continue
            for criterion in rubric:
                names[criterion.id] = criterion.name
                names.update((level.id, level.name) for level in criterion.levels)
    return names


def load(workspace: Workspace) -> Op[AssessorsView]:
    def work(_c: object) -> AssessorsView:
        from mcdesk.services.staff import CALIBRATION, POOLS, REPORT

        staff = workspace.staff
        servers = tuple(p.name for p in workspace.sync.servers())
        found: dict[str, dict[str, Snapshot]] = {POOLS: {}, CALIBRATION: {}, REPORT: {}}
        for server in servers:
            for kind, into in found.items():
                snapshot = staff.snapshot(server, kind)
                if snapshot is not None:
                    into[server] = snapshot
        names = _rubric_names(workspace, found[CALIBRATION].values())
        removals = {(r.server, r.submission_id): r for r in staff.calibration_removals()
                    if r.status is not DecisionStatus.SENT}
        return AssessorsView(servers, found[POOLS], found[CALIBRATION], found[REPORT], names,
                             removals)

    return Op.read(QCoreApplication.translate("assessors", "Reading the assessors"), work)


def take_out_of_calibration(workspace: Workspace, server: str,
                            submission_id: str) -> Op[CalibrationRemoval]:
    return Op.write(QCoreApplication.translate("assessors", "Queueing the calibration change"),
                    lambda _c: workspace.staff.take_out_of_calibration(server, submission_id),
                    [Change.DECISIONS], ids=[submission_id])
