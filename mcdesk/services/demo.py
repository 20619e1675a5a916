"""Fills a new portfolio with sample evidence of every kind, made on the spot, and a draft that
is almost ready, so a newcomer sees what mcdesk does; worker thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mcdesk.services.demo_draft import seed_demo_draft
from mcdesk.services.demo_evidence import DrawnSamples, seed_demo_evidence
from mcdesk.services.evidence import AddReport

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace


def seed_demo_content(workspace: Workspace, drawn: DrawnSamples | None = None) -> AddReport:
    """Everything a new demo portfolio holds beyond the catalog: sample evidence and a draft
    that is almost ready, so the readiness check has something real to say (the study files:
    services.demo_study, drawn off the writer lane). `drawn`: the sample files, made
    beforehand off the writer lane by `draw_demo_samples`, their folder removed here (None:
    made here)."""
    try:
        report = seed_demo_evidence(workspace.evidence, drawn.files if drawn else None)
    finally:
        if drawn is not None:
            drawn.discard()
    seed_demo_draft(workspace)
    return report
