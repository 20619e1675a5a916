"""Fills the demo portfolio with one draft of the exit-tickets micro-credential that is almost
ready, so the readiness check has something real to say; worker thread."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mcdesk.core.drafts import Draft
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.evidence import Consent, Evidence, EvidenceKind, StripMetadata
from mcdesk.services.demo_evidence import REFLECTION, seed_demo_evidence

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

EXIT_TICKETS = "https://demo.mcdesk.org/achievements/exit-tickets"
VIDEO_NAME = "Fractions lesson - exit tickets.mp4"
PLAN_NAME = "Lesson plan - comparing fractions.pdf"
PHOTO_NAMES = ("Student work sample 1.jpg", "Student work sample 2.jpg")
THIRD_PHOTO_NAME = "Student work sample 3.jpg"
REFLECTION_TITLE = "Reflection on the exit-ticket lesson"

CONTEXT_ANSWER = (
    "I teach a fourth-grade class of twenty-six students in a public elementary school. "
    "Mathematics is taught in a ninety-minute block each morning. Five students receive "
    "English language support, three have individual plans that give them extra time and "
    "read-aloud directions, and about a third of the class came to me below grade level in "
    "fractions according to the fall screening. The lesson I chose is the second of a unit "
    "on comparing fractions. Its learning objective was: students compare two fractions with "
    "unlike denominators by placing them on a number line or by finding a common "
    "denominator, and justify which is greater. I chose this lesson because comparing "
    "fractions is where misconceptions from earlier grades show most clearly, especially "
    "the belief that a larger denominator means a larger fraction. The previous day's "
    "lesson had gone well on the surface, with many hands raised, but I was not sure every "
    "student could compare fractions on their own, so I wanted evidence from each student "
    "before planning the next lesson."
)
DESIGN_ANSWER = (
    "The exit ticket had three questions. Question 1 asked students to place 1/2, 1/3 and "
    "3/4 on a number line. It measures whether they understand a fraction as a point whose "
    "position depends on both numbers; a wrong answer, such as 1/3 placed after 1/2, shows "
    "the whole-number view of denominators. Question 2 asked: which is greater, 3/4 or 2/3? "
    "Show how you know. It measures the objective directly. A correct answer with a common "
    "denominator or a number line shows the method; a correct answer with no reason tells me "
    "little, and choosing 2/3 because 3 is less than 4 names the misconception exactly. "
    "Question 3 asked students to write one sentence on how sure they felt. It does not "
    "measure the objective, but it tells me who guessed. All three questions fit on a half "
    "sheet, took students about four minutes, and I could sort the class set in under ten "
    "minutes into three piles: got it, almost, and not yet."
)
CAPTIONS = {
    VIDEO_NAME: "The end of the lesson, where I introduce and give the exit ticket.",
    PLAN_NAME: "The next lesson; the changes for each group are in the Practice section.",
    PHOTO_NAMES[0]: "Sorted as got it: a common denominator and a clear reason.",
    PHOTO_NAMES[1]: "Sorted as almost: a correct number line, but no reason written.",
    THIRD_PHOTO_NAME: "Sorted as not yet: chose 2/5 over 2/3 because 5 is more than 3.",
}


def seed_demo_draft(workspace: Workspace) -> Draft:
    """A draft of "Checking for Understanding with Exit Tickets" with its evidence attached and
    its answers written, left with a few real problems: the reflection is under its word range,
    two photos of student work still hold their GPS position, and the classroom video is
    shorter than the five minutes asked. Returns the demo draft already there, if any."""
    try:
        achievement_id = workspace.catalog.resolve(EXIT_TICKETS)
    except NotFoundError:
        workspace.seed_demo()
        achievement_id = workspace.catalog.resolve(EXIT_TICKETS)
    drafts = workspace.drafts
    for draft in drafts.list():
        if draft.achievement_id == achievement_id:
            return draft
    evidence = workspace.evidence
    library = _by_name(evidence.all())
    if not all(name in library for name in (VIDEO_NAME, PLAN_NAME, *PHOTO_NAMES)):
        seed_demo_evidence(evidence)
        library = _by_name(evidence.all())
    missing = [name for name in (VIDEO_NAME, PLAN_NAME, *PHOTO_NAMES) if name not in library]
    if missing:
        raise McdeskError("the demo evidence could not be made: " + ", ".join(missing)
                          + " is missing")
    if THIRD_PHOTO_NAME not in library:
        library[THIRD_PHOTO_NAME] = _add_third_sample(workspace)

    # The teacher recorded consent for everything filmed or photographed, and made a copy of
    # the video without its location; the photos' locations are still to be removed.
    for name in (VIDEO_NAME, *PHOTO_NAMES, THIRD_PHOTO_NAME):
        library[name] = evidence.set_consent(library[name].id, Consent.CONSENTED)
    video = _video_without_location(workspace, library[VIDEO_NAME])
    if video.consent is not Consent.CONSENTED:
        video = evidence.set_consent(video.id, Consent.CONSENTED)

    draft = drafts.new(achievement_id)
    drafts.write_answer(draft.id, "p1-context", CONTEXT_ANSWER)
    drafts.write_answer(draft.id, "p1-design", DESIGN_ANSWER)
    reflection = next((e for e in evidence.all() if e.kind is EvidenceKind.TEXT
                       and e.title == REFLECTION_TITLE), None)
    drafts.write_answer(draft.id, "p3-impact",
                        (reflection.body if reflection and reflection.body else REFLECTION))
    drafts.attach(draft.id, "p2-video", video.id, CAPTIONS[VIDEO_NAME])
    for name in (*PHOTO_NAMES, THIRD_PHOTO_NAME):
        drafts.attach(draft.id, "p2-samples", library[name].id, CAPTIONS[name])
    drafts.attach(draft.id, "p2-plan", library[PLAN_NAME].id, CAPTIONS[PLAN_NAME])
    mc = drafts.micro_credential(draft)
    for rubric in mc.rubric:
        if rubric.required_level_id is not None:
            drafts.set_self_assessment(draft.id, rubric.id, rubric.required_level_id)
    return drafts.get(draft.id)


def _by_name(everything: list[Evidence]) -> dict[str, Evidence]:
    """Original (not derived) evidence by file name; the oldest wins."""
    found: dict[str, Evidence] = {}
    for item in sorted(everything, key=lambda e: e.created_at):
        if item.original_name and item.source_id is None:
            found.setdefault(item.original_name, item)
    return found


def _add_third_sample(workspace: Workspace) -> Evidence:
    """A third exit ticket, from the "not yet" pile (photographed without a location)."""
    from mcdesk.media import demo

    with tempfile.TemporaryDirectory(prefix="mcdesk-demo-") as folder:
        photo = Path(folder) / THIRD_PHOTO_NAME
        demo.make_demo_photo(photo, gps=None, text="2/5 > 2/3 because 5 > 3")
        result = workspace.evidence.add_file(photo, captured_by="Demo")
    made = result.evidence or result.already_had
    if made is None:
        raise McdeskError(f"the demo photo could not be added: {result.error}",
                          path=THIRD_PHOTO_NAME)
    return made


def _video_without_location(workspace: Workspace, video: Evidence) -> Evidence:
    evidence = workspace.evidence
    for version_id in video.versions:
        version = evidence.get(version_id)
        if not version.has_location:
            return version
    return evidence.make_version(video.id, StripMetadata())
