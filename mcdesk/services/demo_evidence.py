"""Sample evidence of every kind, made on the spot for a new demo portfolio: a classroom
video, a lesson plan, photos of student work with GPS, a written reflection; worker thread."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mcdesk.core.evidence import GpsPoint
from mcdesk.services.evidence import AddReport, EvidenceService

LESSON_PLAN = [
    "Objective: students compare fractions with unlike denominators using number lines.",
    "Warm-up (5 min): each student places 1/2, 1/3 and 3/4 on a number line.",
    "Mini-lesson (10 min): model finding a common denominator; think-aloud with two examples.",
    "Practice (15 min): pairs sort fraction cards from least to greatest and justify.",
    "Exit ticket (5 min): three questions; sort responses into got it / almost / not yet.",
    "Next day: small groups by exit-ticket pile; the not-yet group revisits number lines.",
]
REFLECTION = (
    "The exit tickets showed that most of the class could order fractions with a common "
    "denominator, but about a third confused larger denominators with larger fractions. "
    "Sorting the tickets into three piles took under ten minutes. The next morning I met the "
    "not-yet group with number lines while the others worked on a challenge set. Next time I "
    "will add one question that asks students to explain their reasoning in words."
)
# A park near a school, far from anyone's home: enough to show the location warning.
DEMO_PLACE = GpsPoint(40.7812, -73.9665)


def draw_demo_evidence(folder: Path) -> list[Path]:
    """Make the sample files in `folder`: a short classroom video with sound, a lesson-plan PDF,
    photos of student work with GPS in their EXIF. Media work, for the pool: encoding the
    video is the slow part, and the writer lane must not wait for it."""
    from mcdesk.media import demo

    video = folder / "Fractions lesson - exit tickets.mp4"
    demo.make_demo_video(video, seconds=8.0, gps=DEMO_PLACE)
    plan = folder / "Lesson plan - comparing fractions.pdf"
    demo.make_demo_pdf(plan, title="Lesson plan: comparing fractions", paragraphs=LESSON_PLAN)
    photos = []
    for number, text in enumerate(("3/4 > 2/3 because 9/12 > 8/12",
                                   "1/2 = 2/4 = 4/8 on the number line"), start=1):
        photo = folder / f"Student work sample {number}.jpg"
        demo.make_demo_photo(photo, gps=DEMO_PLACE, text=text)
        photos.append(photo)
    return [video, plan, *photos]


@dataclass(frozen=True)
class DrawnSamples:
    """The sample files drawn in a scratch folder, waiting to be added (`seed_demo_content`)."""

    folder: Path
    files: tuple[Path, ...]

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def draw_demo_samples() -> DrawnSamples:
    """`draw_demo_evidence` in a scratch folder of its own (removed if the drawing fails);
    any worker but the writer lane."""
    folder = Path(tempfile.mkdtemp(prefix="mcdesk-demo-"))
    try:
        return DrawnSamples(folder, tuple(draw_demo_evidence(folder)))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def seed_demo_evidence(evidence: EvidenceService,
                       drawn: Sequence[Path] | None = None) -> AddReport:
    """Add the sample files (`drawn` by `draw_demo_evidence`, or drawn here) and a written
    reflection."""
    if drawn is None:
        with tempfile.TemporaryDirectory(prefix="mcdesk-demo-") as folder:
            return seed_demo_evidence(evidence, draw_demo_evidence(Path(folder)))
    report = evidence.add_paths(drawn, captured_by="Demo")
    evidence.add_text("Reflection on the exit-ticket lesson", REFLECTION)
    return report
