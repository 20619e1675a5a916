"""Exchange bundles between a coach's and a teacher's portfolios (a BagIt zip holding
data/exchange.json and the chosen evidence files): export, and an all-or-nothing import checked
like a package; worker thread (media probing in isolated worker processes, the import's writes
in one transaction on the writer lane)."""

from __future__ import annotations

import contextlib
import json
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mcdesk import __version__
from mcdesk.core.coaching import (
    AlignedBy,
    CoachComment,
    CoachedDraft,
    CoachedItem,
    LookFor,
    NoteVersion,
    Observation,
    ObservationNote,
    PracticeScore,
    Provenance,
)
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.evidence import Consent, Evidence, EvidenceKind
from mcdesk.core.packages import PackageRefusedError
from mcdesk.core.progress import NULL_CONTROL, JobControl, ScaledControl
from mcdesk.core.reviews import Annotation, AnnotationError, Role
from mcdesk.formats.bag import BagWriter, read_bag
from mcdesk.formats.bag_zip import DEFAULT_LIMITS, ZipLimits
from mcdesk.services.coaching import CoachingService
from mcdesk.services.drafts import DraftService
from mcdesk.services.evidence import EvidenceService, safe_text
from mcdesk.services.observations import ObservationService
from mcdesk.storage.filestore import StoredFile
from mcdesk.storage.portfolio import Portfolio

EXCHANGE_PATH = "data/exchange.json"
EXCHANGE_SCHEMA = "mcdesk-exchange.schema.json"
FORMAT_ID = "https://purl.mcdesk.org/schemas/mcdesk-exchange-v1.json"
MAX_EXCHANGE_JSON = 32 * 1024 * 1024
INCOMING_DIR = "exchange-incoming"


class BundleRefusedError(PackageRefusedError):
    """An exchange bundle was refused whole; nothing of it was kept."""

    def __init__(self, problems: Sequence[str], *, path: Path | str | None = None) -> None:
        super().__init__(problems, path=path)
        first = self.problems[0]
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        McdeskError.__init__(self, f"bundle refused: {first}{suffix}", path=path)


@dataclass(frozen=True)
class ExportReport:
    path: Path
    evidence: int
    observations: int
    notes: int
    comments: int
    practice_scores: int
    draft: bool
    size: int


@dataclass(frozen=True)
class ImportReport:
    path: Path
    evidence_added: int
    evidence_already_here: int
    counts: Mapping[str, int] = field(default_factory=dict)
    notes_to_choose: tuple[str, ...] = ()  # ids of notes now holding two versions

    @property
    def ok(self) -> bool:
        return True


class ExchangeService:
    """Thread-safe: export reads, import writes everything in one transaction."""

    def __init__(self, portfolio: Portfolio, coaching: CoachingService,
                 observations: ObservationService, evidence: EvidenceService,
                 drafts: DraftService, *, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self._portfolio = portfolio
        self._coaching = coaching
        self._observations = observations
        self._evidence = evidence
        self._drafts = drafts
        self._limits = limits

    # -- export ----------------------------------------------------------------------------

    def export(self, dest: Path, *, evidence_ids: Sequence[str] = (),
               draft_id: str | None = None, observation_ids: Sequence[str] = (),
               control: JobControl = NULL_CONTROL) -> ExportReport:
        """Write a bundle to `dest` (replacing a file there only once it is complete): the
        chosen evidence with its files, the chosen observations (with their video and clips),
        and for a draft either the whole draft for coaching (the teacher's own draft) or the
        coach's comments and practice scores on it (a draft received for coaching)."""
        identity = self._coaching.identity()
        chosen: dict[str, Evidence] = {}

        def choose(evidence_id: str) -> None:
            evidence = self._evidence.resolve(evidence_id)
            chosen.setdefault(evidence.id, evidence)

        for reference in evidence_ids:
            choose(reference)
        observations = [self._observations.resolve(o) for o in observation_ids]
        for observation in observations:
            if observation.video_evidence_id:
                choose(observation.video_evidence_id)
            for note in observation.notes:
                if note.clip_evidence_id:
                    choose(note.clip_evidence_id)
        draft_json: dict[str, Any] | None = None
        comments: list[CoachComment] = []
        scores: list[PracticeScore] = []
        if draft_id is not None:
            draft_json, draft_key = self._draft_for_export(draft_id, identity.name)
            if draft_json is not None:
                for item in draft_json["items"]:
                    choose(item["evidenceId"])
            comments = self._coaching.comments(draft_key)
            scores = self._coaching.scores(draft_key)
        files: dict[str, tuple[Path, Evidence]] = {}
        entries = []
        for evidence in chosen.values():
            entry = self._evidence_json(evidence)
            if evidence.sha256 is not None:
                source = self._evidence.file_path(evidence)
                if source is None or not source.is_file():
                    raise McdeskError(f'the stored file of "{evidence.title}" is missing; run '
                                      "File → Check portfolio")
                suffix = Path(evidence.original_name or "").suffix.lower()
                suffix = suffix if suffix[1:].isalnum() and len(suffix) <= 10 else ".bin"
                bag_path = f"data/files/{evidence.sha256}{suffix}"
                files[bag_path] = (source, evidence)
                entry["file"] = {"path": bag_path, "sha256": evidence.sha256,
                                 "size": evidence.size or source.stat().st_size}
            entries.append(entry)
        now = datetime.now(UTC)
        document: dict[str, Any] = {
            "format": FORMAT_ID,
            "id": f"urn:uuid:{uuid.uuid4()}",
            "createdAt": _iso(now),
            "software": f"mcdesk {__version__}",
            "from": {"portfolioId": identity.portfolio_id,
                     "portfolioName": identity.portfolio_name or "a portfolio",
                     "name": identity.name, "role": str(identity.role)},
            "evidence": entries,
            "observations": [_observation_json(o) for o in observations],
            "comments": [_comment_json(c) for c in comments],
            "practiceScores": [_score_json(s) for s in scores],
        }
        if draft_json is not None:
            document["draft"] = draft_json
        total = sum(e.size or 0 for _s, e in files.values()) or 1
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.part")
        with BagWriter(partial, f"mcdesk-exchange-{now:%Y%m%d-%H%M%S}", timestamp=now,
                       control=control, total_bytes=total) as writer:
            writer.add_bytes(EXCHANGE_PATH, json.dumps(document, ensure_ascii=False,
                                                       indent=1).encode("utf-8"))
            for bag_path, (source, evidence) in sorted(files.items()):
                writer.add_file(bag_path, source, expected_sha256=evidence.sha256,
                                label=evidence.title)
            written = writer.finish([
                ("Source-Organization", "mcdesk"),
                ("External-Description", "mcdesk exchange bundle (coaching)"),
                ("Bagging-Date", now.date().isoformat())])
            writer.commit(dest)
        return ExportReport(dest, len(entries), len(observations),
                            sum(len(o.notes) for o in observations), len(comments),
                            len(scores), draft_json is not None, written.size)

    def _draft_for_export(self, reference: str, owner: str
                          ) -> tuple[dict[str, Any] | None, str]:
        """(the draft as the bundle carries it, or None for a draft received for coaching —
        only the coach's feedback travels back; the draft's id)."""
        try:
            draft = self._drafts.resolve(reference)
        except McdeskError:
            coached = [d for d in self._coaching.coached_drafts()
                       if d.id == reference or (len(reference) >= 4
                                                and d.id.startswith(reference))]
            if len(coached) != 1:
                raise McdeskError(f'no draft "{reference}"') from None
            return None, coached[0].id
        return {
            "id": draft.id, "submissionId": draft.submission_id,
            "microCredential": {"id": draft.achievement_id, "version": draft.mc_version,
                                "name": draft.mc_name},
            "attempt": draft.attempt, "owner": owner,
            "answers": [{"criterionId": a.criterion_id, "text": a.text}
                        for a in draft.answers],
            "items": [{"criterionId": a.criterion_id, "evidenceId": a.evidence_id,
                       "position": a.position, "caption": a.caption}
                      for a in draft.attachments],
        }, draft.id

    def _evidence_json(self, evidence: Evidence) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": evidence.id, "kind": str(evidence.kind),
                                 "title": evidence.title,
                                 "createdAt": _iso(evidence.created_at),
                                 "consent": str(evidence.consent), "tags": list(evidence.tags)}
        for key, value in (("originalName", evidence.original_name), ("url", evidence.url),
                           ("body", evidence.body), ("derivation", evidence.derivation),
                           ("sourceId", evidence.source_id),
                           ("capturedBy", evidence.captured_by)):
            if value:
                entry[key] = value
        if evidence.taken_at is not None:
            entry["takenAt"] = _iso(evidence.taken_at)
        provenance = self._coaching.provenance(evidence.id)
        if provenance is not None:
            entry["provenance"] = _provenance_json(provenance)
        return entry

    # -- import ----------------------------------------------------------------------------

    def verify(self, path: Path, control: JobControl = NULL_CONTROL) -> list[str]:
        """Every problem of a bundle (empty: it would be imported), nothing written."""
        try:
            reading = read_bag(path, limits=self._limits, control=control,
                               keep=(EXCHANGE_PATH,), keep_limit=MAX_EXCHANGE_JSON)
        except PackageRefusedError as exc:
            return list(exc.problems)
        _document, problems = _read_document(reading.kept.get(EXCHANGE_PATH),
                                             dict(reading.manifest), reading.payload)
        return [*reading.problems, *problems]

    def import_bundle(self, path: Path, control: JobControl = NULL_CONTROL) -> ImportReport:
        """Import all of a bundle or nothing: files are extracted (hashed as they are
        written) into a folder inside the portfolio, checked, probed, moved into the store,
        and every row is written in one transaction. Evidence already here (same sha256) is
        not duplicated; notes edited on both sides keep both versions."""
        from mcdesk.storage.exchange_store import apply_import

        if not path.is_file():
            raise McdeskError("no such file", path=path)
        incoming = self._portfolio.layout.root / INCOMING_DIR
        incoming.mkdir(exist_ok=True)
        for leftover in incoming.iterdir():  # from an import killed midway
            shutil.rmtree(leftover, ignore_errors=True)
        temp = incoming / uuid.uuid4().hex
        temp.mkdir()
        adopted: list[StoredFile] = []
        try:
            try:
                reading = read_bag(path, limits=self._limits, extract_to=temp,
                                   keep=(EXCHANGE_PATH,), keep_limit=MAX_EXCHANGE_JSON,
                                   control=ScaledControl(control, 0, 2, "Checking the bundle"))
            except PackageRefusedError as exc:
                raise BundleRefusedError(exc.problems, path=path) from None
            document, problems = _read_document(reading.kept.get(EXCHANGE_PATH),
                                                dict(reading.manifest), reading.payload)
            problems = [*reading.problems, *problems]
            if problems or document is None:
                raise BundleRefusedError(problems, path=path)
            root = temp
            plan, already = self._plan(document, root, adopted, control)
            counts = apply_import(self._portfolio.database, plan)
        except BaseException:
            for stored in adopted:
                if not self._portfolio.evidence.file_is_referenced(stored.sha256):
                    self._portfolio.files.discard_new(stored)
            raise
        finally:
            shutil.rmtree(temp, ignore_errors=True)
            with contextlib.suppress(OSError):  # only when empty: another import may run
                incoming.rmdir()
        to_choose = tuple(note.id for o in self._observations.list() for note in o.notes
                          if note.choose_between)
        return ImportReport(path, counts.get("evidence added", 0), already, dict(counts),
                            to_choose)

    def _plan(self, document: Mapping[str, Any], root: Path, adopted: list[StoredFile],
              control: JobControl) -> tuple[Any, int]:
        from mcdesk.storage.exchange_store import ImportPlan, NewEvidence

        ids: dict[str, str] = {}  # bundle evidence id -> id here
        new: list[NewEvidence] = []
        known_provenance: list[tuple[str, Provenance]] = []
        already = 0
        entries = list(document.get("evidence", []))
        for index, entry in enumerate(entries):
            control.check_cancelled()
            control.progress(index, len(entries) or 1, "Bringing evidence in")
            provenance = _provenance(entry.get("provenance"))
            here = self._existing(entry)
            if here is not None:
                ids[entry["id"]] = here
                already += 1
                if provenance is not None:
                    known_provenance.append((here, provenance))
                continue
            evidence_id = entry["id"] if not self._id_taken(entry["id"]) else str(uuid.uuid4())
            ids[entry["id"]] = evidence_id
            content_text = None
            sha256 = size = media = None
            kind = EvidenceKind(entry["kind"])
            if "file" in entry:
                staged = root / entry["file"]["path"]
                shown = safe_text(entry.get("originalName") or entry["title"])
                try:
                    info = self._evidence.probe(staged)
                except McdeskError as exc:
                    raise BundleRefusedError([f"{entry['file']['path']} ({shown}): "
                                              f"{exc.detail}"]) from None
                stored = self._portfolio.files.adopt(staged)
                adopted.append(stored)
                sha256, size = stored.sha256, stored.size
                kind = info.kind
                content_text = info.text
                media = replace(info, text=None)
            elif entry.get("body"):
                content_text = entry["body"]
            new.append(NewEvidence(Evidence(
                id=evidence_id, kind=kind, title=entry["title"],
                created_at=_parse(entry["createdAt"]),
                original_name=entry.get("originalName"), sha256=sha256, size=size,
                url=entry.get("url"), body=entry.get("body"), source_id=None,
                derivation=entry.get("derivation"),
                taken_at=_parse(entry["takenAt"]) if entry.get("takenAt") else (
                    media.taken_at if media else None),
                captured_by=entry.get("capturedBy"), tags=tuple(entry.get("tags", [])),
                consent=Consent(entry.get("consent", str(Consent.NOT_SET))), media=media),
                content_text, provenance))
        # A version keeps the link to its source when both are here.
        for index, item in enumerate(new):
            source = next((e.get("sourceId") for e in entries
                           if ids.get(e["id"]) == item.evidence.id), None)
            if source and source in ids:
                new[index] = replace(item, evidence=replace(item.evidence,
                                                            source_id=ids[source]))
        observations = [_observation(o, ids) for o in document.get("observations", [])]
        drafts = []
        sender = document["from"]
        if "draft" in document:
            draft = document["draft"]
            try:
                self._drafts.get(draft["id"])  # the teacher's own draft: never overwritten
            except (NotFoundError, McdeskError):
                drafts.append(_coached_draft(draft, ids, sender["portfolioId"]))
        comments = [_comment(c, ids) for c in document.get("comments", [])]
        scores = [_score(s) for s in document.get("practiceScores", [])]
        return ImportPlan(new, known_provenance, observations, drafts, comments,
                          scores), already

    def _existing(self, entry: Mapping[str, Any]) -> str | None:
        file_info = entry.get("file")
        if file_info is not None:
            found = self._portfolio.evidence.ids_with_file(file_info["sha256"])
            return found[0] if found else None
        try:
            here = self._evidence.get(entry["id"])
        except McdeskError:
            return None
        return here.id if here.sha256 is None else None

    def _id_taken(self, evidence_id: str) -> bool:
        try:
            self._evidence.get(evidence_id)
        except McdeskError:
            return False
        return True


# -- reading and checking the document --------------------------------------------------------


def _read_document(data: bytes | None, manifest: Mapping[str, str],
                   payload: Iterable[Any]) -> tuple[dict[str, Any] | None, list[str]]:
    if data is None:
        return None, [f"{EXCHANGE_PATH} is missing: this is not an mcdesk exchange bundle"]
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, [f"{EXCHANGE_PATH}: not valid JSON"]
    from mcdesk.formats.schemas import schema_errors

    problems = [f"{EXCHANGE_PATH}: {p}" for p in schema_errors(EXCHANGE_SCHEMA, document,
                                                                 limit=20)]
    if problems:
        return None, problems
    sizes = {f.path: f.size for f in payload}
    named = set()
    for entry in document["evidence"]:
        file_info = entry.get("file")
        if file_info is None:
            continue
        where = file_info["path"]
        named.add(where)
        if where not in manifest:
            problems.append(f"{EXCHANGE_PATH} names {where}, which is not listed in "
                            "manifest-sha256.txt")
        elif manifest[where] != file_info["sha256"] or sizes.get(where) != file_info["size"]:
            problems.append(f"{where}: its sha256 or size is not the one {EXCHANGE_PATH} "
                            "gives")
    for extra in sorted(set(manifest) - named - {EXCHANGE_PATH}):
        problems.append(f"{extra}: in the bundle but not named in {EXCHANGE_PATH}")
    ids = [e["id"] for e in document["evidence"]]
    if len(set(ids)) != len(ids):
        problems.append(f"{EXCHANGE_PATH}: the same evidence is listed twice")
    return (document if not problems else None), problems


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _provenance_json(p: Provenance) -> dict[str, Any]:
    return {"name": p.name, "role": str(p.role), "action": p.action, "at": _iso(p.at),
            "portfolioId": p.portfolio_id, "portfolioName": p.portfolio_name}


def _provenance(data: Mapping[str, Any] | None) -> Provenance | None:
    if not data:
        return None
    return Provenance(data["name"], Role(data["role"]), _parse(data["at"]),
                      data["portfolioId"], data.get("portfolioName", ""),
                      data.get("action", "captured"))


def _observation_json(o: Observation) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": o.id, "teacher": o.teacher,
        "microCredential": {"id": o.achievement_id, "version": o.mc_version, "name": o.mc_name},
        "startedAt": _iso(o.started_at),
        "lookFors": [{"position": lf.position, "text": lf.text, "seenAtMs": lf.seen_at_ms}
                     for lf in o.look_fors],
        "notes": [_note_json(n) for n in o.notes],
    }
    if o.provenance is not None:
        body["provenance"] = _provenance_json(o.provenance)
    if o.video_evidence_id is not None and o.shift_ms is not None:
        body["video"] = {"evidenceId": o.video_evidence_id, "shiftMs": o.shift_ms,
                         "alignedBy": str(o.aligned_by or AlignedBy.MANUAL)}
    return body


def _note_json(n: ObservationNote) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": n.id, "number": n.number, "offsetMs": n.offset_ms,
        "currentVersion": n.current_version_id,
        "versions": [{"id": v.id, "text": v.text, "rubricCriterionId": v.rubric_criterion_id,
                      "savedAt": _iso(v.saved_at), "by": v.by, "portfolioId": v.portfolio_id}
                     for v in n.versions],
    }
    if n.has_clip:
        body["clip"] = {"startMs": n.clip_start_ms, "endMs": n.clip_end_ms}
        if n.clip_evidence_id:
            body["clip"]["evidenceId"] = n.clip_evidence_id
    return body


def _observation(data: Mapping[str, Any], ids: Mapping[str, str]) -> Observation:
    video = data.get("video")
    video_id = ids.get(video["evidenceId"]) if video else None
    notes = []
    for n in data["notes"]:
        versions = tuple(NoteVersion(v["id"], v["text"], v.get("rubricCriterionId"),
                                     _parse(v["savedAt"]), v.get("by", ""), v["portfolioId"])
                         for v in n["versions"])
        current = next((v for v in versions if v.id == n["currentVersion"]), None)
        if current is None:
            raise BundleRefusedError([f"{EXCHANGE_PATH}: note {n['number']} names a current "
                                      "version it does not carry"])
        clip = n.get("clip") or {}
        notes.append(ObservationNote(
            id=n["id"], number=n["number"], offset_ms=n["offsetMs"], text=current.text,
            rubric_criterion_id=current.rubric_criterion_id, current_version_id=current.id,
            clip_start_ms=clip.get("startMs"), clip_end_ms=clip.get("endMs"),
            clip_evidence_id=ids.get(clip["evidenceId"]) if clip.get("evidenceId") else None,
            versions=versions))
    mc = data["microCredential"]
    return Observation(
        id=data["id"], teacher=data["teacher"], achievement_id=mc["id"],
        mc_version=mc["version"], mc_name=mc["name"], started_at=_parse(data["startedAt"]),
        look_fors=tuple(LookFor(lf["position"], lf["text"], lf.get("seenAtMs"))
                        for lf in data["lookFors"]),
        notes=tuple(notes), video_evidence_id=video_id,
        shift_ms=video["shiftMs"] if video and video_id else None,
        aligned_by=AlignedBy(video["alignedBy"]) if video and video_id else None,
        provenance=_provenance(data.get("provenance")))


def _coached_draft(data: Mapping[str, Any], ids: Mapping[str, str],
                   from_portfolio: str) -> CoachedDraft:
    mc = data["microCredential"]
    return CoachedDraft(
        id=data["id"], submission_id=data["submissionId"], achievement_id=mc["id"],
        mc_version=mc["version"], mc_name=mc["name"], attempt=data["attempt"],
        owner=data.get("owner", ""),
        answers=tuple((a["criterionId"], a["text"]) for a in data["answers"]),
        items=tuple(CoachedItem(i["criterionId"], ids.get(i["evidenceId"], i["evidenceId"]),
                                i["position"], i.get("caption", "")) for i in data["items"]),
        received_at=datetime.now(UTC), from_portfolio_id=from_portfolio)


def _comment_json(c: CoachComment) -> dict[str, Any]:
    wire = Annotation(c.id, c.anchor, c.text, rubric_criterion_id=c.rubric_criterion_id).wire()
    body: dict[str, Any] = {"id": c.id, "draftId": c.draft_id, "anchor": {
        k: v for k, v in wire.items() if k not in ("id", "text", "kind", "audience",
                                                    "rubricCriterionId")},
        "text": c.text, "updatedAt": _iso(c.updated_at or datetime.now(UTC))}
    if c.rubric_criterion_id:
        body["rubricCriterionId"] = c.rubric_criterion_id
    if c.suggested_caption:
        body["suggestedCaption"] = c.suggested_caption
        if c.suggested_criterion_id:
            body["suggestedCriterionId"] = c.suggested_criterion_id
    if c.accepted_at is not None:
        body["acceptedAt"] = _iso(c.accepted_at)
    if c.provenance is not None:
        body["provenance"] = _provenance_json(c.provenance)
    return body


def _comment(data: Mapping[str, Any], ids: Mapping[str, str]) -> CoachComment:
    wire = dict(data["anchor"])
    wire["evidenceId"] = ids.get(wire.get("evidenceId", ""), wire.get("evidenceId", ""))
    try:
        anchor = Annotation.from_wire({**wire, "id": data["id"], "text": data["text"]}).anchor
    except AnnotationError as exc:
        raise BundleRefusedError([f"{EXCHANGE_PATH}: comment {data['id']}: {exc}"]) from None
    return CoachComment(
        id=data["id"], draft_id=data["draftId"], anchor=anchor, text=data["text"],
        rubric_criterion_id=data.get("rubricCriterionId"),
        suggested_caption=data.get("suggestedCaption"),
        suggested_criterion_id=data.get("suggestedCriterionId"),
        accepted_at=_parse(data["acceptedAt"]) if data.get("acceptedAt") else None,
        provenance=_provenance(data.get("provenance")), updated_at=_parse(data["updatedAt"]))


def _score_json(s: PracticeScore) -> dict[str, Any]:
    return {"draftId": s.draft_id, "rubricCriterionId": s.rubric_criterion_id,
            "levelId": s.level_id, "note": s.note, "by": s.by, "portfolioId": s.portfolio_id,
            "updatedAt": _iso(s.updated_at or datetime.now(UTC))}


def _score(data: Mapping[str, Any]) -> PracticeScore:
    return PracticeScore(data["draftId"], data["rubricCriterionId"], data.get("levelId"),
                         data.get("note", ""), data.get("by", ""), data["portfolioId"],
                         _parse(data["updatedAt"]))
