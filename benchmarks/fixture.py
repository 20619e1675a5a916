"""Builds a realistic portfolio for the benchmarks: generated micro-credentials imported through
the catalog service; evidence, drafts, reviews and earned credentials written straight into the
database with the storage models (fast: one transaction each)."""

from __future__ import annotations

import copy
import hashlib
import json
import random
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from mcdesk.services.workspace import Workspace
from mcdesk.storage.models import (
    CredentialRow,
    DraftRow,
    EvidenceFileRow,
    EvidenceRow,
    MicroCredentialRow,
    ReviewRow,
)
from mcdesk.storage.portfolio import Portfolio

TEMPLATE_ID = "https://demo.mcdesk.org/achievements/exit-tickets"
BASE_URL = "https://bench.mcdesk.org"
PER_STACK_MAX = 50

# A micro-credential is named "<topic>: <angle>"; its stack is its angle.
TOPICS = (
    "Exit Tickets", "Questioning and Wait Time", "Peer Feedback", "Small-Group Instruction",
    "Decomposition", "Pattern Recognition", "Unplugged Algorithms", "Debugging Routines",
    "Family Communication", "Family Learning Café", "Read-Alouds", "Number Talks",
    "Writing Conferences", "Science Notebooks", "Restorative Circles", "Classroom Routines",
    "Goal Setting", "Self-Assessment", "Learning Stations", "Vocabulary Instruction",
    "Socratic Seminars", "Think-Pair-Share", "Graphic Organizers", "Worked Examples",
    "Spaced Retrieval", "Project Planning", "Differentiated Tasks",
    "Universal Design for Learning", "Culturally Responsive Teaching",
    "Social-Emotional Check-Ins", "Digital Citizenship", "Media Literacy", "Data Literacy",
    "Inquiry Labs", "Mathematical Modeling", "Fluency Practice", "Phonics Routines",
    "Discourse Moves", "Student-Led Conferences", "Portfolio Assessment", "Rubric Design",
    "Feedback Loops", "Collaborative Planning", "Lesson Study", "Coaching Cycles",
    "Évaluation formative", "Pédagogie différenciée", "Éducation bienveillante",
    "Apprentissage coopératif", "Lecture partagée",
)
ANGLES = (
    "Getting Started", "Planning the Next Lesson", "Multilingual Learners", "Early Grades",
    "Secondary Classrooms", "Co-Teaching", "Remote and Hybrid Classes", "Student Voice",
    "Coaching Colleagues", "Data Conversations", "Évaluation et rétroaction",
    "Inclusive Practice", "Project Work", "Mathematics", "Science Labs",
    "Reading and Writing", "Arts Integration", "Family Partnerships", "Teacher Leadership",
    "Reflection Cycles",
)
ISSUERS = (
    "Riverbend Teacher Learning Collaborative", "Northfield District Professional Learning",
    "Lakeside Educators Network", "Centre pédagogique de Montréal",
    "Coastal Regional Education Service", "Prairie State Teaching Academy",
    "Summit Micro-credential Consortium", "Valley University School of Education",
)
FILLER = (
    "students", "lesson", "objective", "evidence", "learning", "classroom", "routine",
    "feedback", "planning", "reflection", "assessment", "discussion", "groups", "partners",
    "misconceptions", "goals", "progress", "rubric", "criteria", "examples", "modeling",
    "practice", "questions", "responses", "families", "community", "literacy", "numeracy",
    "inquiry", "collaboration", "engagement", "equity", "access", "language", "vocabulary",
    "writing", "reading", "science", "mathematics", "history", "arts", "technology",
    "coaching", "colleagues", "observation", "video", "artifacts", "portfolio", "journals",
    "conferences", "checklists", "timers", "scaffolds", "supports", "extension", "reteach",
    "élèves", "rétroaction", "compétences", "apprentissage", "enseignant", "classe",
)
EVIDENCE_KINDS = (("video", 10), ("image", 35), ("document", 30), ("audio", 5),
                  ("text", 10), ("link", 10))
FILE_SUFFIX = {"video": ".mp4", "image": ".jpg", "document": ".pdf", "audio": ".m4a"}


@dataclass(frozen=True)
class FixtureInfo:
    """What `build_portfolio` made, as counted back from the portfolio."""

    root: Path
    micro_credentials: int
    stored_versions: int
    stacks: int
    evidence_rows: int
    evidence_files: int
    catalog_bytes: int
    catalog_seconds: float
    evidence_seconds: float
    names: tuple[str, ...]

    @property
    def seconds(self) -> float:
        return self.catalog_seconds + self.evidence_seconds


def slug(text: str) -> str:
    ascii_text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def load_template() -> dict[str, Any]:
    text = resources.files("mcdesk.resources").joinpath("demo_catalog.json").read_text("utf-8")
    for achievement in json.loads(text)["achievements"]:
        if achievement["id"] == TEMPLATE_ID:
            return dict(achievement)
    raise LookupError(f"the demo catalog no longer holds {TEMPLATE_ID}")


def _rewrite(value: Any, replace: dict[str, str]) -> Any:
    """`value` with every string rewritten by `replace` (longest keys first)."""
    if isinstance(value, str):
        for old, new in replace.items():
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_rewrite(item, replace) for item in value]
    if isinstance(value, dict):
        return {key: _rewrite(item, replace) for key, item in value.items()}
    return value


def _sentence(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(count))


def make_achievement(template: dict[str, Any], rng: random.Random, *, topic: str, angle: str,
                     issuer: str, position: int, version: str) -> dict[str, Any]:
    """One valid OB 3.0 Achievement with the mcdesk extension, varied from the template."""
    base = f"{BASE_URL}/achievements/{slug(topic)}--{slug(angle)}"
    lowered = topic.lower() if topic[0].isascii() else topic
    replace = {
        TEMPLATE_ID: base,
        "https://demo.mcdesk.org/images/exit-tickets.png": f"{base}/image.png",
        "Exit Tickets": topic,
        "exit-ticket": lowered,
        "exit tickets": lowered,
        "exit ticket": lowered,
        "exit passes": lowered,
    }
    achievement: dict[str, Any] = _rewrite(copy.deepcopy(template), replace)
    achievement["name"] = f"{topic}: {angle}"
    achievement["version"] = version
    achievement["description"] = (
        f"The educator uses {lowered} in {angle.lower()} settings, gathers evidence of "
        f"{rng.choice(FILLER)} and {rng.choice(FILLER)}, and adjusts instruction because of it. "
        + _sentence(rng, 12).capitalize() + "."
    )
    achievement["creator"] = {"id": f"{BASE_URL}/issuers/{slug(issuer)}", "type": ["Profile"],
                              "name": issuer}
    achievement["tag"] = [lowered, angle.lower(), *rng.sample(FILLER, 3)]
    extension = achievement["mcdeskMicroCredential"]
    extension["competency"] = (
        f"The educator plans and leads {lowered} for {angle.lower()}, and uses what students "
        f"show to plan the next steps: {_sentence(rng, 10)}."
    )
    extension["keyMethod"] = (
        f"The educator designs {lowered}, {_sentence(rng, 8)}, and reviews the results with "
        f"{rng.choice(FILLER)} and {rng.choice(FILLER)}."
    )
    for component in extension["methodComponents"]:
        component["description"] += " " + _sentence(rng, 6).capitalize() + "."
    extension["inServiceHours"] = rng.choice((1, 2, 3, 4, 5, 6))
    extension["stack"] = {"id": f"{BASE_URL}/stacks/{slug(angle)}", "name": angle,
                          "position": position}
    return achievement


def generate_catalog(folder: Path, micro_credentials: int, *, seed: int = 1) -> list[Path]:
    """Write catalog files (one per stack) holding `micro_credentials` current definitions;
    every tenth also gets an older version, as real catalogs do."""
    limit = len(ANGLES) * PER_STACK_MAX
    if not 1 <= micro_credentials <= limit:
        raise ValueError(f"between 1 and {limit} micro-credentials, not {micro_credentials}")
    rng = random.Random(seed)
    template = load_template()
    stacks = min(len(ANGLES), -(-micro_credentials // PER_STACK_MAX))
    topic_orders = [rng.sample(TOPICS, len(TOPICS)) for _ in range(stacks)]
    files: dict[int, list[dict[str, Any]]] = {s: [] for s in range(stacks)}
    for number in range(micro_credentials):
        stack, index = number % stacks, number // stacks
        topic, angle = topic_orders[stack][index], ANGLES[stack]
        issuer = ISSUERS[(stack + index) % len(ISSUERS)]
        for version in ("0.9", "1.0") if number % 10 == 9 else ("1.0",):
            files[stack].append(make_achievement(
                template, rng, topic=topic, angle=angle, issuer=issuer, position=index + 1,
                version=version))
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for stack, achievements in files.items():
        angle = ANGLES[stack]
        document = {
            "type": "McdeskCatalog", "schemaVersion": 1, "name": f"{angle} catalog",
            "stacks": [{"id": f"{BASE_URL}/stacks/{slug(angle)}", "name": angle,
                        "description": f"Micro-credentials for {angle.lower()}: "
                                       + _sentence(rng, 14) + "."}],
            "achievements": achievements,
        }
        path = folder / f"catalog-{stack:02d}-{slug(angle)}.json"
        path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def _evidence_rows(count: int, rng: random.Random
                   ) -> tuple[list[EvidenceFileRow], list[EvidenceRow], list[EvidenceRow]]:
    """Files, original evidence and derived versions (which point at an original)."""
    kinds = [kind for kind, weight in EVIDENCE_KINDS for _ in range(weight)]
    start = datetime(2025, 1, 6, 8, 0)
    files: dict[str, EvidenceFileRow] = {}
    originals: list[EvidenceRow] = []
    versions: list[EvidenceRow] = []
    for number in range(count):
        kind = rng.choice(kinds)
        created = start + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        source = None
        if originals and number % 10 == 5:
            source = rng.choice(originals)
            kind = source.kind
        sha256 = original_name = url = None
        if kind in FILE_SUFFIX:
            if files and rng.random() < 0.05:
                sha256 = rng.choice(list(files))
            else:
                sha256 = hashlib.sha256(f"bench-{number}".encode()).hexdigest()
                files[sha256] = EvidenceFileRow(sha256=sha256, added_at=created,
                                                size=rng.randrange(20_000, 900_000_000))
            original_name = f"{kind.upper()}_{number:05d}{FILE_SUFFIX[kind]}"
        elif kind == "link":
            url = f"https://example.org/shared/{slug(rng.choice(FILLER))}/{number}"
        row = EvidenceRow(
            id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), kind=kind,
            title=f"{_sentence(rng, 4).capitalize()} ({kind})", original_name=original_name,
            sha256=sha256, url=url, source_id=source.id if source else None, created_at=created,
            taken_at=created - timedelta(hours=rng.randrange(0, 72)) if sha256 else None,
            captured_by=rng.choice((None, "Phone camera", "Webcam", "Scanner")),
            trashed_at=created + timedelta(days=3) if rng.random() < 0.03 else None,
        )
        (versions if source else originals).append(row)
    return list(files.values()), originals, versions


def add_evidence(root: Path, count: int, *, seed: int = 2) -> None:
    """Insert `count` evidence rows (and their file rows) in one transaction."""
    files, originals, versions = _evidence_rows(count, random.Random(seed))
    portfolio = Portfolio.open(root, create=False)
    try:
        with portfolio.database.transaction() as session:
            for batch in (files, originals, versions):
                session.add_all(batch)
                session.flush()
    finally:
        portfolio.close()


def _catalog_pairs(session: Any, limit: int) -> list[tuple[str, str, str]]:
    """(achievement id, version, name) of up to `limit` stored micro-credentials."""
    rows = session.execute(select(MicroCredentialRow.achievement_id, MicroCredentialRow.version,
                                  MicroCredentialRow.name).limit(limit)).all()
    return [(str(a), str(v), str(n)) for a, v, n in rows]


def _credential_row(number: int, achievement: tuple[str, str, str], when: datetime,
                    rng: random.Random) -> CredentialRow:
    achievement_id, _version, name = achievement
    issuer = ISSUERS[number % len(ISSUERS)]
    document = {
        "@context": ["https://www.w3.org/ns/credentials/v2",
                     "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"{BASE_URL}/credentials/{number}", "type": ["VerifiableCredential",
                                                          "OpenBadgeCredential"],
        "issuer": {"id": f"{BASE_URL}/issuers/{slug(issuer)}", "type": ["Profile"],
                   "name": issuer},
        "validFrom": when.isoformat() + "Z", "name": name,
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": {
            "id": achievement_id, "type": ["Achievement"], "name": name,
            "achievementType": "MicroCredential", "description": _sentence(rng, 12)}},
    }
    raw = json.dumps(document).encode()
    return CredentialRow(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        sha256=hashlib.sha256(raw).hexdigest(), format="json", raw=raw,
        payload=raw.decode(), credential_json=raw.decode(), achievement_id=achievement_id,
        achievement_name=name, achievement_type="MicroCredential",
        issuer_id=document["issuer"]["id"], issuer_name=issuer,  # type: ignore[index]
        valid_from=when, valid_until=None, awarded=when, image=None, results_json="[]",
        evidence_json="[]", state=rng.choice(("verified", "verified", "unverified")),
        reasons_json="[]", warnings_json="[]", checked_at=when, origin="import",
        source=f"credential-{number}.json", received_at=when)


def add_place_rows(root: Path, *, drafts: int, reviews: int, credentials: int,
                   seed: int = 3) -> None:
    """Insert `drafts` drafts, `reviews` reviews (waiting for their package) and
    `credentials` earned credentials, each on a micro-credential of the catalog, in one
    transaction."""
    rng = random.Random(seed)
    start = datetime(2025, 3, 3, 9, 0)
    portfolio = Portfolio.open(root, create=False)
    try:
        with portfolio.database.transaction() as session:
            catalog = _catalog_pairs(session, max(drafts, reviews, credentials, 1))
            if not catalog and (drafts or reviews or credentials):
                raise RuntimeError("drafts, reviews and badges need a catalog to refer to")
            rows: list[Any] = []
            for number in range(drafts):
                achievement_id, version, name = catalog[number % len(catalog)]
                when = start + timedelta(hours=7 * number)
                rows.append(DraftRow(
                    id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    achievement_id=achievement_id, mc_version=version, mc_name=name,
                    attempt=1, status="draft", submission_id=str(uuid.uuid4()),
                    created_at=when, updated_at=when))
            for number in range(reviews):
                achievement_id, version, name = catalog[(number * 7) % len(catalog)]
                when = start + timedelta(hours=5 * number)
                rows.append(ReviewRow(
                    id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    submission_id=str(uuid.uuid4()), mc_id=achievement_id, mc_version=version,
                    mc_name=name, attempt=1, source="package", server=None,
                    assignment_id=None, due_at=when + timedelta(days=14),
                    package_folder=None, state="in progress", blind=True,
                    created_at=when, updated_at=when))
            for number in range(credentials):
                when = start + timedelta(days=number)
                rows.append(_credential_row(number, catalog[(number * 3) % len(catalog)],
                                            when, rng))
            session.add_all(rows)
    finally:
        portfolio.close()


def build_portfolio(root: Path, *, micro_credentials: int = 1000, evidence: int = 10_000,
                    drafts: int = 0, reviews: int = 0, credentials: int = 0,
                    seed: int = 1) -> FixtureInfo:
    """A new portfolio at `root` (which must not exist or be empty) filled for benchmarking;
    `drafts`, `reviews` and `credentials` add that many rows for the places' figures."""
    catalog_dir = root.parent / f"{root.name}-catalog"
    paths = generate_catalog(catalog_dir, micro_credentials, seed=seed)
    started = time.perf_counter()
    workspace = Workspace.open(root, create=True, seed_demo=False)
    try:
        results = workspace.catalog.import_files(paths)
        failed = [r for r in results if r.error is not None]
        if failed:
            raise RuntimeError(f"the generated catalog did not import: {failed[0].error}")
        catalog_seconds = time.perf_counter() - started
        started = time.perf_counter()
        add_evidence(root, evidence, seed=seed + 1)
        if drafts or reviews or credentials:
            add_place_rows(root, drafts=drafts, reviews=reviews, credentials=credentials,
                           seed=seed + 2)
        evidence_seconds = time.perf_counter() - started
        count = workspace.catalog.count()
        stacks = len(workspace.catalog.stacks())
        names = tuple(e.name for e in workspace.catalog.entries(limit=micro_credentials))
    finally:
        workspace.close()
    portfolio = Portfolio.open(root, create=False)
    try:
        with portfolio.database.reading() as session:
            evidence_rows = session.scalar(select(func.count()).select_from(EvidenceRow)) or 0
            evidence_files = session.scalar(select(func.count()).select_from(EvidenceFileRow))
            versions = session.scalar(select(func.count()).select_from(MicroCredentialRow))
    finally:
        portfolio.close()
    return FixtureInfo(
        root=root, micro_credentials=count, stored_versions=versions or 0, stacks=stacks,
        evidence_rows=evidence_rows, evidence_files=evidence_files or 0,
        catalog_bytes=sum(p.stat().st_size for p in paths), catalog_seconds=catalog_seconds,
        evidence_seconds=evidence_seconds, names=names,
    )
