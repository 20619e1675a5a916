"""Study material for the demo catalog, made at set-up: resource files (a PDF guide, a page
saved whole, a template picture) and exemplar media (student-work pictures, a short clip) for a
few micro-credentials, added to the catalog with their sha256; worker thread."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.study import DEMO_SCRATCH_PREFIX
from mcdesk.media import demo as media_demo
from mcdesk.media import study_demo

if TYPE_CHECKING:
    from mcdesk.services.workspace import Workspace

LICENCE = "CC BY 4.0, the mcdesk project (made for the demo catalog)"
BASE = "https://demo.mcdesk.org/achievements/"
DEMO_CATALOG = "demo_catalog.json"


@dataclass(frozen=True)
class MadeFile:
    path: Path
    sha256: str


def _file(path: Path, media_type: str) -> dict[str, Any]:
    data = path.read_bytes()
    return {"href": path.name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
            "mediaType": media_type, "licence": LICENCE}


def _extension(catalog: dict[str, Any], key: str) -> dict[str, Any]:
    for achievement in catalog["achievements"]:
        if achievement["id"] == BASE + key:
            extension: dict[str, Any] = achievement["mcdeskMicroCredential"]
            return extension
    raise KeyError(key)


def write_demo_study(folder: Path, catalog: dict[str, Any],
                     control: JobControl = NULL_CONTROL) -> list[MadeFile]:
    """Make the demo study files in `folder` and add them to `catalog` (the parsed demo
    catalog, changed in place: hrefs are the files' names, relative to `folder`); stops
    between files when cancelled."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[dict[str, Any]] = []

    def resource(key: str, title: str, description: str, path: Path, media_type: str) -> None:
        control.check_cancelled()
        entry = _file(path, media_type)
        made.append(entry)
        _extension(catalog, key)["researchAndResources"].append(
            {"title": title, "description": description, "file": entry})

    def exemplar(key: str, exemplar_id: str, title: str, criterion: str, rubric: str,
                 level: str, reasons: str, path: Path, media_type: str) -> None:
        control.check_cancelled()
        entry = _file(path, media_type)
        made.append(entry)
        _extension(catalog, key).setdefault("exemplars", []).append({
            "id": exemplar_id, "title": title, "criterion": criterion,
            "level": f"{BASE}{key}/rubric/{rubric}/{level}", "reasons": reasons,
            "file": entry, "licence": LICENCE})

    guide = media_demo.make_demo_pdf(folder / "exit-tickets-guide.pdf",
                                     title="Exit tickets in five minutes", paragraphs=[
        "1. Write one to three questions that test the lesson objective, not the activity.",
        "2. Decide before the lesson what a wrong answer would tell you.",
        "3. Give the ticket in the last five minutes; collect every one.",
        "4. Sort the tickets into got it, partly and not yet, in under ten minutes.",
        "5. Plan a different start to the next lesson for each pile."])
    resource("exit-tickets", "Exit tickets in five minutes: a one-page guide",
             "The routine of this micro-credential on one page, to print or keep offline.",
             guide, "application/pdf")
    ticket = study_demo.make_student_work(
        folder / "exit-ticket-partly.png", title="Exit ticket - Student D",
        lines=["1. 2/3 and 3/4 on the line: 3/4 is further right", "2. 5/8 or 5/6?  5/6",
               "   because 8 is more pieces so smaller", "3. Confidence: 2"],
        ticks=[True, True, False])
    exemplar("exit-tickets", "ex-sample-partly", "An exit ticket sorted into \"partly\"",
             "p2-samples", "analysis", "proficient",
             "The right answer with a reason that will not hold: the teacher labelled it "
             "\"partly\" and planned a warm-up on it. Labelling each sample with its group and "
             "why is what proficient asks.", ticket, "image/png")
    clip = media_demo.make_demo_video(folder / "exit-ticket-clip.mp4", seconds=3.0,
                                      width=320, height=180, with_audio=False, faststart=True)
    exemplar("exit-tickets", "ex-clip-giving", "Giving the exit ticket (a short clip)",
             "p2-video", "video", "proficient",
             "The objective is restated before the ticket is given and every student answers "
             "alone; the clip is short because only the handing-out is shown.", clip,
             "video/mp4")

    card = study_demo.make_student_work(
        folder / "wait-time-card.png", title="Wait time: count to five",
        lines=["Ask the question once.", "Count silently: one, two, three, four, five.",
               "Do not repeat or rephrase yet.", "Call on someone who has not answered today."])
    page = study_demo.make_saved_page(
        folder / "wait-time-card.html", title="Wait time: a practice card",
        paragraphs=["Rowe (1974) found that waiting three seconds or more after a question "
                    "lengthened answers and brought in students who rarely spoke.",
                    "Print this card, keep it by the board, and count to five."],
        picture=card, with_script=True)
    resource("questioning-wait-time", "Wait time: a practice card (a page saved whole)",
             "A web page saved as one file; mcdesk shows it without running its scripts.",
             page, "text/html")

    tree = study_demo.make_tree_diagram(
        folder / "decomposition-tree.png", root="Plan the school garden",
        branches=[("Space", ["Measure beds", "Sun map"]), ("Cost", ["Seeds", "Soil"]),
                  ("Watering", ["Rota", "Rain barrel"])])
    exemplar("decomposition", "ex-tree-exemplary", "A two-level decomposition tree",
             "p2-samples", "artifacts", "exemplary",
             "Every part is broken down until it says what to do next, and the parts do not "
             "overlap: exemplary.", tree, "image/png")
    resource("decomposition", "A decomposition tree, drawn out",
             "An example tree to show students before they draw their own.", tree,
             "image/png")

    survey = media_demo.make_demo_pdf(folder / "family-survey-template.pdf",
                                      title="Family survey: a template", paragraphs=[
        "Which languages are spoken at home?", "How do you like to hear from school: phone "
        "call, text message, app, paper note?", "When is a good time to reach you?",
        "What is one thing your child is proud of?"])
    resource("two-way-family-communication", "A family survey to start from",
             "Four questions, ready to translate.", survey, "application/pdf")

    poster = study_demo.make_student_work(
        folder / "debugging-poster.png", title="When it does not work",
        lines=["1. What did I expect? What happened?", "2. Find the first wrong step.",
               "3. Change ONE thing. Test again.", "4. Write the bug and the fix in the log."])
    exemplar("debugging-routine", "ex-poster", "A posted routine students can follow",
             "p2-poster", "routine", "proficient",
             "Short steps in the students' own words, with a log step that makes the fix "
             "visible.", poster, "image/png")

    found: dict[str, MadeFile] = {}
    for entry in made:
        found[entry["sha256"]] = MadeFile(folder / entry["href"], entry["sha256"])
    return list(found.values())


def demo_catalog() -> dict[str, Any]:
    text = resources.files("mcdesk.resources").joinpath(DEMO_CATALOG).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True)
class PreparedStudy:
    """The demo study files made in a scratch folder, and the catalog naming them."""

    folder: Path
    catalog_text: str
    files: tuple[MadeFile, ...]

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def prepare_demo_study(root: Path, control: JobControl = NULL_CONTROL) -> PreparedStudy:
    """Draw the demo study files in a scratch folder of the portfolio `root` (same disk);
    media work only, nothing written to the database (any worker but the writer lane)."""
    catalog = demo_catalog()
    scratch = Path(tempfile.mkdtemp(prefix=DEMO_SCRATCH_PREFIX, dir=root))
    try:
        made = write_demo_study(scratch, catalog, control)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return PreparedStudy(scratch, json.dumps(catalog, ensure_ascii=False), tuple(made))


def adopt_demo_study(workspace: Workspace, prepared: PreparedStudy) -> int:
    """Import the demo catalog with its study files and keep them offline (writer lane; a
    moment's work); the scratch folder is removed. Returns how many files."""
    try:
        workspace.catalog.import_text(prepared.catalog_text, DEMO_CATALOG)
        for file in prepared.files:
            workspace.study.adopt_local(file.path, file.sha256)
        return len(prepared.files)
    finally:
        prepared.discard()


def seed_demo_study(workspace: Workspace, control: JobControl = NULL_CONTROL) -> int:
    """Both steps at once (the command line, the tests)."""
    return adopt_demo_study(workspace, prepare_demo_study(workspace.root, control))
