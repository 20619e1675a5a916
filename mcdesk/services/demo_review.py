"""A sample submission to practise reviewing on: the demo exit-tickets draft, made ready in a
throwaway portfolio (locations removed, a teacher's name set), built into a real package and
opened for review in this one; worker thread."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.evidence import StripMetadata
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.reviews import Review

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

SAMPLE_TEACHER = "Sample Teacher (demo)"


def open_sample_review(workspace: Workspace, control: JobControl = NULL_CONTROL) -> Review:
    """Build the sample package elsewhere and open it for review here; the same review when
    it was opened before (the package's submission id is fixed per sample portfolio, so a
    second sample is a second submission)."""
    from mcdesk.services.demo_draft import seed_demo_draft
    from mcdesk.services.workspace import Workspace

    folder = Path(tempfile.mkdtemp(prefix="mcdesk-sample-"))
    try:
        control.progress(0, 4, "Making the sample evidence")
        side = Workspace.open(folder / "teacher", seed_demo=True)
        try:
            side.roles.set_owner_name(SAMPLE_TEACHER)
            draft = seed_demo_draft(side)
            control.check_cancelled()
            control.progress(1, 4, "Removing photo locations")
            evidence = side.evidence
            for attachment in draft.attachments:
                item = evidence.get(attachment.evidence_id)
                if not item.has_location:
                    continue
                clean = evidence.make_version(item.id, StripMetadata())
                side.drafts.detach(draft.id, attachment.criterion_id, item.id)
                side.drafts.attach(draft.id, attachment.criterion_id, clean.id,
                                   attachment.caption)
            control.check_cancelled()
            control.progress(2, 4, "Building the package")
            package = folder / "sample-submission.zip"
            side.packages.build(side.drafts.snapshot(draft.id), package)
        finally:
            side.close()
        control.progress(3, 4, "Opening it for review")
        return workspace.reviews.open_package(package, control)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
