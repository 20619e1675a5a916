"""Helpers for the study-material tests: a demo portfolio whose study files (resources and
exemplars) were made and kept offline, with a draft of Exit Tickets; test thread."""

from __future__ import annotations

from pathlib import Path

from mcdesk.services.demo_study import seed_demo_study
from mcdesk.services.workspace import Workspace

EXIT = "https://demo.mcdesk.org/achievements/exit-tickets"


def demo_study_portfolio(root: Path) -> Path:
    """The demo portfolio at `root` with the demo's study files offline and a draft."""
    workspace = Workspace.open(root, seed_demo=True)
    try:
        assert seed_demo_study(workspace) >= 6
        workspace.drafts.new(EXIT)
    finally:
        workspace.close()
    return root
