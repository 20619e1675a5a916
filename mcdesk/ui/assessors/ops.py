"""The Assessors place's operations (read the last pull of the pools, calibration sets and
agreement report): the only code in this place that starts background work; built on the GUI
thread, run on the lane their kind gives them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from mcdesk.core.staff import Snapshot
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
        return AssessorsView(servers, found[POOLS], found[CALIBRATION], found[REPORT])

    return Op.read(QCoreApplication.translate("assessors", "Reading the assessors"), work)
