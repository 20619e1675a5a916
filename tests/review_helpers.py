"""Helpers for the review tests (service, files, CLI, sync, UI): an earner's portfolio whose
ready draft is built into a real package, and an assessor's portfolio (demo catalog, assessor
role) that opened it for review; optionally with a classroom video; test thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mcdesk.core.reviews import Review, Role
from mcdesk.media import demo
from mcdesk.services.workspace import Workspace
from tests.sync_helpers import FAMILY, ready_draft, words

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
FAMILY_RUBRIC = f"{FAMILY}/rubric"
EXIT_RUBRIC = f"{EXIT_TICKETS}/rubric"
EARNER_NAME = "Dana Whitfield"


@dataclass
class ReviewSetup:
    """Both sides of a review carried by hand."""

    earner: Workspace
    assessor: Workspace
    draft_id: str
    package: Path  # the package file the earner built
    review: Review  # the assessor's review of it, just opened

    @property
    def rubric(self) -> str:
        """The id prefix of the rubric criteria of the reviewed micro-credential."""
        return f"{self.review.mc_id}/rubric"

    def close(self) -> None:
        self.earner.close()
        self.assessor.close()


def video_draft(workspace: Workspace, files: Path) -> str:
    """A draft of the exit-tickets micro-credential: every answer written, a short classroom
    video (4 s, with sound) and two PDFs attached. Built, not checked for readiness (the
    video is shorter than the micro-credential asks)."""
    if workspace.catalog.count() == 0:
        workspace.seed_demo()
    files.mkdir(parents=True, exist_ok=True)
    video = demo.make_demo_video(files / "Exit ticket lesson.mp4", seconds=4.0, width=320,
                                 height=180)
    sample = demo.make_demo_pdf(files / "Student work.pdf", title="Student work",
                                paragraphs=["3/4 > 2/3 because 9/12 > 8/12."])
    plan = demo.make_demo_pdf(files / "Next lesson.pdf", title="Next lesson",
                              paragraphs=["Small groups by exit-ticket pile."])
    report = workspace.evidence.add_paths([video, sample, plan])
    assert report.ok, report.results
    ids = [r.evidence.id for r in report.results if r.evidence is not None]
    drafts = workspace.drafts
    draft = drafts.new(EXIT_TICKETS)
    for criterion, count in (("p1-context", 150), ("p1-design", 150), ("p3-impact", 200)):
        drafts.write_answer(draft.id, criterion, words(count))
    for criterion, evidence_id in zip(("p2-video", "p2-samples", "p2-plan"), ids, strict=True):
        drafts.attach(draft.id, criterion, evidence_id, "Names removed.")
    return draft.id


def review_setup(tmp_path: Path, *, video: bool = False,
                 earner_name: str | None = None) -> ReviewSetup:
    """An earner's draft (family communication, PDFs; or with `video`, exit tickets with a
    classroom video) built into `tmp_path`/submission.zip, and an assessor's portfolio that
    opened it for review. `earner_name` is written into the package. The caller closes both
    workspaces (`setup.close()`)."""
    earner = Workspace.open(tmp_path / "earner")
    assessor = Workspace.open(tmp_path / "assessor", seed_demo=True)
    try:
        if earner_name:
            earner.roles.set_owner_name(earner_name)
        draft_id = (video_draft(earner, tmp_path / "files") if video
                    else ready_draft(earner, tmp_path / "files"))
        package = tmp_path / "submission.zip"
        earner.packages.build(earner.drafts.snapshot(draft_id), package)
        assessor.roles.switch(Role.ASSESSOR)
        review = assessor.reviews.open_package(package)
    except BaseException:
        earner.close()
        assessor.close()
        raise
    return ReviewSetup(earner, assessor, draft_id, package, review)


def received_review(tmp_path: Path, *, video: bool = False) -> tuple[Workspace, Review]:
    """An assessor's workspace with one package opened for review, and that review. The
    caller closes the workspace."""
    setup = review_setup(tmp_path, video=video)
    setup.earner.close()
    return setup.assessor, setup.review
