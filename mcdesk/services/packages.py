"""Submission packages: build one from a frozen draft snapshot, verify any package, open one
received by hand, and keep what was built and received; worker thread (streams files, never
touches the database except to read the roster)."""

from __future__ import annotations

import hashlib
import json
import logging
import mimetypes
import os
import re
import shutil
import threading
import time
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mcdesk import __version__
from mcdesk.core.catalog import EvidenceKind, MicroCredential, ResponseKind
from mcdesk.core.drafts import SnapshotItem, SubmissionSnapshot
from mcdesk.core.errors import McdeskError, NotFoundError
from mcdesk.core.packages import (
    BAG_INFO,
    MANIFEST,
    METADATA_PATH,
    BuiltPackage,
    PackageRefusedError,
    ReceivedCriterion,
    ReceivedEvidence,
    ReceivedPackage,
    VerifyReport,
    metadata_cross_checks,
)
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.text import fold, word_count
from mcdesk.formats.bag import (
    BAGIT_TXT,
    TAGMANIFEST,
    BagReading,
    BagWriter,
    WrittenBag,
    read_bag,
)
from mcdesk.formats.bag_files import PayloadSource, PlannedBag, plan_bag
from mcdesk.formats.bag_zip import CHUNK, DEFAULT_LIMITS, ZipLimits
from mcdesk.services.roles import OWNER_NAME_KEY
from mcdesk.storage.atomic import write_json_atomic
from mcdesk.storage.filestore import is_sha256, sha256_of
from mcdesk.storage.portfolio import Portfolio

log = logging.getLogger(__name__)

SUBMISSION_SCHEMA = "mcdesk-submission.schema.json"
FORMAT_ID = "https://purl.mcdesk.org/schemas/mcdesk-submission-v1.json"
FORMAT_VERSION = 1
PACKAGES_DIR = "packages"
RECEIVED_DIR = "received"
# Under received/: bags being downloaded (never a submission: those are named by UUID).
DOWNLOADS_DIR = "downloads"
INDEX = "index.json"
AUDIENCE = "Assessors of this submission; not for publication"
GENRES = {EvidenceKind.VIDEO: "Video", EvidenceKind.AUDIO: "Audio recording",
          EvidenceKind.IMAGE: "Image", EvidenceKind.DOCUMENT: "Document",
          EvidenceKind.TEXT: "Writing", EvidenceKind.LINK: "Web page"}
_COMPRESSIBLE = ("text/", "application/json", "application/xml", "image/svg+xml")
_SAFE_EXTENSION = re.compile(r"^\.[a-z0-9]{1,8}$")
_STALE_INCOMING_S = 3600.0


def safe_slug(text: str, max_length: int = 40) -> str:
    """`text` as a file-name part: ASCII-folded, lower case, words joined by '-', short."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug


def submission_uuid(submission_id: str) -> str:
    """The submission id as a canonical UUID (a non-UUID id maps to a stable UUID 5)."""
    text = submission_id.removeprefix("urn:uuid:")
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mcdesk:submission:{submission_id}"))


def _urn(identifier: str, kind: str) -> str:
    try:
        return f"urn:uuid:{uuid.UUID(identifier)}"
    except ValueError:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'mcdesk:{kind}:{identifier}')}"


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _mentions(text: str, names: Sequence[str]) -> bool:
    """Whether `text` holds one of `names` as whole words, blind to case and accents."""
    folded = " ".join(re.findall(r"\w+", fold(text)))
    for name in names:
        words = re.findall(r"\w+", fold(name))
        if words and re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)",
                               folded):
            return True
    return False


@dataclass
class _Payload:
    """One file planned for the bag."""

    path: str
    label: str
    size: int
    sha256: str
    compress: bool
    source: Path | None = None
    data: bytes | None = None
    media_type: str = "text/plain"


@dataclass
class _Plan:
    bag_name: str
    submission_id: str
    metadata: dict[str, Any]
    files: list[_Payload] = field(default_factory=list)

    def add(self, payload: _Payload) -> None:
        self.files.append(payload)


@dataclass(frozen=True)
class _CriterionLabel:
    tag: str  # "p2-03" (part 2, third criterion) or "c03" without a definition
    part_tag: str  # "p2" or "c03"
    part_number: int | None
    part_name: str | None
    prompt: str | None
    response: ResponseKind | None


class PackageService:
    """Builds, verifies and opens BagIt submission packages for one portfolio."""

    def __init__(self, portfolio: Portfolio, *, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self._portfolio = portfolio
        self._limits = limits
        self._index_lock = threading.Lock()

    @property
    def packages_dir(self) -> Path:
        return self._portfolio.layout.root / PACKAGES_DIR

    @property
    def received_dir(self) -> Path:
        return self._portfolio.layout.root / RECEIVED_DIR

    # -- building ------------------------------------------------------------------------

    def build(self, snapshot: SubmissionSnapshot, dest: Path,
              control: JobControl = NULL_CONTROL, *, keep_copy: bool = True) -> BuiltPackage:
        """Write the package of `snapshot` to `dest` (via `dest`.part, renamed at the end) and
        keep its metadata (and, unless `keep_copy` is False, the zip) in the portfolio.

        Every evidence file is hashed while it is copied; a stored file whose content no
        longer matches its sha256 stops the build with a message naming the evidence. A
        failure or a cancel leaves no file behind."""
        dest = dest.expanduser().absolute()
        if dest.is_dir():
            raise McdeskError("this is a folder; give a file name for the package", path=dest)
        if not dest.parent.is_dir():
            raise McdeskError("the folder to save the package in does not exist",
                              path=dest.parent)
        plan = self._checked_plan(snapshot)
        partial = dest.with_name(dest.name + ".part")
        total = sum(p.size for p in plan.files)
        bag_info = _bag_info(snapshot, plan)
        with BagWriter(partial, plan.bag_name, timestamp=_utc(snapshot.created_at),
                       control=control, total_bytes=total) as writer:
            for payload in plan.files:
                if payload.data is not None:
                    writer.add_bytes(payload.path, payload.data, compress=payload.compress)
                elif payload.source is not None:
                    writer.add_file(payload.path, payload.source,
                                    expected_sha256=payload.sha256, label=payload.label,
                                    compress=payload.compress)
            written = writer.finish(bag_info)
            folder, copy, made = self._freeze(plan, written, partial, keep_copy, control)
            try:
                writer.commit(dest)
            except BaseException:
                if made:
                    shutil.rmtree(folder, ignore_errors=True)
                raise
        built = BuiltPackage(
            submission_id=plan.submission_id, draft_id=snapshot.draft_id,
            mc_id=snapshot.achievement_id, mc_version=snapshot.mc_version,
            mc_name=snapshot.mc_name, attempt=snapshot.attempt,
            built_at=datetime.now(UTC), saved_to=dest, copy=copy,
            metadata=folder / "submission.json", size=written.size,
            files=len(written.payload), payload_bytes=written.payload_bytes,
            fingerprint=written.fingerprint, bag_name=written.bag_name)
        self._record(built)
        return built

    def plan_files(self, snapshot: SubmissionSnapshot) -> PlannedBag:
        """The bag of `snapshot` file by file, without building a zip: the same names, tag
        files and hashes `build` would write, each file with a way to read its bytes (how a
        submission is sent: one file at a time)."""
        plan = self._checked_plan(snapshot)
        payload = [PayloadSource(p.path, p.sha256, p.size, p.media_type, source=p.source,
                                 data=p.data) for p in plan.files]
        return plan_bag(plan.bag_name, payload, _bag_info(snapshot, plan))

    def _checked_plan(self, snapshot: SubmissionSnapshot) -> _Plan:
        plan = self._plan(snapshot)
        problems = _schema_problems(plan.metadata)
        if problems:
            raise McdeskError("the package metadata does not match its schema (a bug in "
                              f"mcdesk, please report it): {'; '.join(problems)}")
        return plan

    def _plan(self, snapshot: SubmissionSnapshot) -> _Plan:
        sid = submission_uuid(snapshot.submission_id)
        definition = self._definition(snapshot)
        roster = self._roster_names()
        labels = _criterion_labels(snapshot, definition)
        bag_name = "-".join(filter(None, (safe_slug(snapshot.mc_name, 40),
                                          f"attempt-{snapshot.attempt}", sid[:8])))
        plan = _Plan(bag_name, sid, {})
        answers = {a.criterion_id: a for a in snapshot.answers if a.text.strip()}
        items = sorted(snapshot.items,
                       key=lambda i: (list(labels).index(i.criterion_id), i.position))
        used: set[str] = set()
        criteria: list[dict[str, Any]] = []
        for criterion_id, label in labels.items():
            entry: dict[str, Any] = {"id": criterion_id}
            if label.part_number is not None and label.part_name:
                entry["part"] = {"number": label.part_number, "name": label.part_name}
            if label.prompt:
                entry["prompt"] = label.prompt
            if label.response is not None:
                entry["response"] = str(label.response)
            answer = answers.get(criterion_id)
            if answer is not None:
                slug = "" if _mentions(label.prompt or "", roster) else safe_slug(
                    label.prompt or criterion_id.rsplit("/", 1)[-1], 40)
                path = _unique(f"data/answers/{label.tag}{'-' + slug if slug else ''}", ".txt",
                               used)
                data = answer.text.encode("utf-8")
                plan.add(_Payload(path, f"answer to {criterion_id}", len(data),
                                  hashlib.sha256(data).hexdigest(), True, data=data))
                entry["answer"] = {"text": answer.text, "file": path,
                                   "words": word_count(answer.text),
                                   "updatedAt": _iso(answer.updated_at)}
            entry["evidence"] = [_urn(i.evidence.id, "evidence") for i in items
                                 if i.criterion_id == criterion_id]
            criteria.append(entry)
        files_by_evidence: dict[str, _Payload] = {}
        counters: dict[str, int] = {}
        evidence_entries = []
        for item in items:
            payload = files_by_evidence.get(item.evidence.id)
            has_content = item.file_path is not None or (
                item.evidence.body is not None and item.evidence.kind is not EvidenceKind.LINK)
            if payload is None and has_content:
                label = labels[item.criterion_id]
                counters[label.part_tag] = counters.get(label.part_tag, 0) + 1
                payload = self._evidence_payload(item, label.part_tag,
                                                 counters[label.part_tag], roster, used)
                files_by_evidence[item.evidence.id] = payload
                plan.add(payload)
            evidence_entries.append(self._evidence_entry(item, payload, roster))
        plan.metadata = {
            "type": "McdeskSubmission",
            "schemaVersion": FORMAT_VERSION,
            "id": f"urn:uuid:{sid}",
            "createdAt": _iso(snapshot.created_at),
            "microCredential": {"id": snapshot.achievement_id, "version": snapshot.mc_version,
                                "name": snapshot.mc_name},
            "attempt": snapshot.attempt,
            "criteria": criteria,
            "evidence": evidence_entries,
            "selfAssessment": _self_assessment(snapshot, definition),
            "provenance": {"software": f"mcdesk {__version__}", "format": FORMAT_ID},
        }
        owner = (self._portfolio.meta(OWNER_NAME_KEY) or "").strip()
        if owner:
            plan.metadata["earner"] = {"name": owner}
        data = (json.dumps(plan.metadata, ensure_ascii=False, indent=2) + "\n").encode()
        plan.files.insert(0, _Payload(METADATA_PATH, "the package metadata", len(data),
                                      hashlib.sha256(data).hexdigest(), True, data=data,
                                      media_type="application/json"))
        return plan

    def _evidence_payload(self, item: SnapshotItem, part_tag: str, number: int,
                          roster: Sequence[str], used: set[str]) -> _Payload:
        evidence = item.evidence
        title = evidence.title
        slug = "" if _mentions(title, roster) or _mentions(safe_slug(title, 80).replace(
            "-", " "), roster) else safe_slug(title, 40)
        stem = f"data/evidence/{part_tag}-{evidence.kind}-{number:02d}" + (
            f"-{slug}" if slug else "")
        label = f'"{title}"'
        if item.file_path is None:  # writing made in mcdesk
            data = (evidence.body or "").encode("utf-8")
            return _Payload(_unique(stem, ".txt", used), label, len(data),
                            hashlib.sha256(data).hexdigest(), True, data=data)
        source = Path(item.file_path)
        try:
            size = source.stat().st_size
        except FileNotFoundError:
            raise McdeskError(f'the stored file of "{title}" is missing; run File → Check '
                              "portfolio (mcdesk check --repair)", path=source) from None
        expected = evidence.sha256 or (source.name if is_sha256(source.name) else None)
        if expected is None:
            expected = sha256_of(source)
        media_type = _media_type(item)
        return _Payload(_unique(stem, _extension(item, media_type), used), title, size,
                        expected.lower(), media_type.startswith(_COMPRESSIBLE), source=source,
                        media_type=media_type)

    def _evidence_entry(self, item: SnapshotItem, payload: _Payload | None,
                        roster: Sequence[str]) -> dict[str, Any]:
        evidence = item.evidence
        entry: dict[str, Any] = {
            "id": _urn(evidence.id, "evidence"),
            "type": ["Evidence"],
            "name": evidence.title.strip() or "Untitled",
            "genre": GENRES[evidence.kind],
            "narrative": item.caption,
            "audience": AUDIENCE,
            "criterion": item.criterion_id,
            "position": item.position,
            "kind": str(evidence.kind),
            "consent": str(item.consent),
        }
        if evidence.identifying:
            entry["identifying"] = True
        if payload is not None:
            entry["file"] = {"path": payload.path, "mediaType": _media_type(item),
                             "size": payload.size, "sha256": payload.sha256}
        if evidence.url:
            entry["url"] = evidence.url
        media = evidence.media
        if media is not None:
            facts = {"durationSeconds": media.duration_s, "width": media.width,
                     "height": media.height, "pages": media.pages, "words": media.words}
            kept = {k: v for k, v in facts.items() if v is not None}
            if kept:
                entry["media"] = kept
        if evidence.source_id is not None or evidence.derivation or evidence.provenance:
            provenance: dict[str, Any] = {}
            if evidence.provenance is not None:
                origin = evidence.provenance
                provenance["capturedBy"] = {
                    "role": str(origin.role), "action": origin.action,
                    "at": _iso(origin.at), "portfolioId": origin.portfolio_id}
                if origin.name and not _mentions(origin.name, roster):
                    provenance["capturedBy"]["name"] = origin.name
            if evidence.source_id is not None:
                source: dict[str, str] = {"id": _urn(evidence.source_id, "evidence")}
                name = self._source_safe_name(evidence.source_id, roster)
                if name:
                    source["name"] = name
                provenance["derivedFrom"] = source
            if evidence.derivation:
                provenance["derivation"] = evidence.derivation
            entry["provenance"] = provenance
        return entry

    def _source_safe_name(self, source_id: str, roster: Sequence[str]) -> str:
        """The title-based safe name of the evidence a version was made from; never its
        original file name, and nothing when the title holds a name on the roster."""
        try:
            source = self._portfolio.evidence.get(source_id)
        except McdeskError:
            return ""
        if _mentions(source.title, roster):
            return ""
        return safe_slug(source.title, 60)

    def _definition(self, snapshot: SubmissionSnapshot) -> MicroCredential | None:
        from mcdesk.credentials.achievement import parse_achievement_text

        try:
            stored = self._portfolio.catalog.definition(snapshot.achievement_id,
                                                        snapshot.mc_version)
            return parse_achievement_text(stored.source_json)
        except NotFoundError:
            return None
        except McdeskError as exc:
            log.warning("Cannot read the definition of %s: %s", snapshot.achievement_id, exc)
            return None

    def _roster_names(self) -> list[str]:
        return [entry.name for entry in self._portfolio.evidence.roster()]

    def _freeze(self, plan: _Plan, written: WrittenBag, partial: Path, keep_copy: bool,
                control: JobControl) -> tuple[Path, Path | None, bool]:
        """Keep the package's metadata (and the zip) under packages/<submission id>/, in a
        folder named by the package's fingerprint; returns (folder, zip copy, whether the
        folder is new)."""
        parent = self.packages_dir / plan.submission_id
        folder = parent / written.fingerprint[:16]
        copy_name = f"{written.bag_name}.zip"
        parent.mkdir(parents=True, exist_ok=True)
        temp = parent / f".incoming-{uuid.uuid4().hex}"
        temp.mkdir()
        try:
            metadata = next(p.data for p in plan.files if p.path == METADATA_PATH)
            assert metadata is not None
            (temp / "submission.json").write_bytes(metadata)
            for name in (BAGIT_TXT, BAG_INFO, MANIFEST, TAGMANIFEST):
                (temp / name).write_bytes(written.tag_files[name])
            if keep_copy and not (folder / copy_name).is_file():
                _link_or_copy(partial, temp / copy_name, control)
            made = not folder.is_dir()
            if made:
                os.rename(temp, folder)
            else:  # the same package was built before: keep what is there
                if (temp / copy_name).is_file():
                    os.replace(temp / copy_name, folder / copy_name)
                shutil.rmtree(temp)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        copy = folder / copy_name
        return folder, (copy if keep_copy and copy.is_file() else None), made

    def _record(self, built: BuiltPackage) -> None:
        parent = self.packages_dir / built.submission_id
        record = {
            "builtAt": _iso(built.built_at), "savedTo": str(built.saved_to),
            "folder": built.metadata.parent.name,
            "copy": built.copy.name if built.copy is not None else None,
            "size": built.size, "files": built.files, "payloadBytes": built.payload_bytes,
            "fingerprint": built.fingerprint, "bagName": built.bag_name,
        }
        with self._index_lock:
            previous = _read_json(parent / INDEX)
            builds: list[Any] = []
            if isinstance(previous, dict) and isinstance(previous.get("builds"), list):
                builds = previous["builds"]
            index = {"submissionId": built.submission_id, "draftId": built.draft_id,
                     "microCredential": {"id": built.mc_id, "version": built.mc_version,
                                         "name": built.mc_name},
                     "attempt": built.attempt, "builds": [*builds, record]}
            write_json_atomic(parent / INDEX, index)

    def built(self, reference: str) -> list[BuiltPackage]:
        """The packages built for a draft (its id) or a submission (its id), oldest first."""
        root = self.packages_dir
        if not root.is_dir():
            return []
        wanted = reference.removeprefix("urn:uuid:")
        found: list[BuiltPackage] = []
        for index_path in sorted(root.glob(f"*/{INDEX}")):
            index = _read_json(index_path)
            if not isinstance(index, dict) or wanted not in (index.get("submissionId"),
                                                             index.get("draftId")):
                continue
            try:
                found += [_built_from(index, record, index_path.parent)
                          for record in index.get("builds", [])]
            except (KeyError, TypeError, ValueError) as exc:
                log.warning("Unreadable package index %s: %s", index_path, exc)
        return sorted(found, key=lambda b: b.built_at)

    # -- verifying -----------------------------------------------------------------------

    def verify(self, path: Path, control: JobControl = NULL_CONTROL) -> VerifyReport:
        """Check any package: zip safety, bag structure, every hash in both manifests,
        Payload-Oxum, the metadata against its schema and the files it names."""
        try:
            reading = read_bag(path, limits=self._limits, control=control,
                               keep=(METADATA_PATH,))
        except PackageRefusedError as exc:
            return VerifyReport(path, exc.problems)
        metadata, problems = _metadata_problems(reading)
        return _report(path, reading, metadata, [*reading.problems, *problems])

    # -- receiving -----------------------------------------------------------------------

    def open_received(self, path: Path, control: JobControl = NULL_CONTROL) -> ReceivedPackage:
        """Verify `path` and extract it under received/<submission id>/, hashing every file
        as it is written into a temporary folder inside the portfolio that is renamed at the
        end. A refused package (PackageRefusedError, each problem listed) leaves nothing."""
        received = self.received_dir
        received.mkdir(parents=True, exist_ok=True)
        self._sweep_incoming(received)
        temp = received / f".incoming-{uuid.uuid4().hex}"
        temp.mkdir()
        try:
            reading = read_bag(path, limits=self._limits, control=control, extract_to=temp,
                               keep=(METADATA_PATH,))
            metadata, problems = _metadata_problems(reading)
            problems = [*reading.problems, *problems]
            if problems or metadata is None or reading.fingerprint is None:
                raise PackageRefusedError(problems, path=path)
            sid = str(uuid.UUID(str(metadata["id"]).removeprefix("urn:uuid:")))
            folder = received / sid
            if folder.exists():
                if _received_fingerprint(folder) == reading.fingerprint:
                    shutil.rmtree(temp)
                    return self._load_received(folder, already_open=True)
                # A different package of the same submission (rebuilt): keep the old one.
                self._portfolio.files.move_to_trash(folder, "received-replaced")
            os.rename(temp, folder)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        write_json_atomic(received / f"{sid}.json", {
            "openedAt": _iso(datetime.now(UTC)), "fingerprint": reading.fingerprint,
            "bagName": reading.bag_name, "fileName": path.name})
        return self._load_received(folder)

    def received(self) -> list[ReceivedPackage]:
        """Every package opened into this portfolio, most recently opened first."""
        root = self.received_dir
        if not root.is_dir():
            return []
        packages = []
        for folder in sorted(root.iterdir()):
            if not folder.is_dir() or folder.name.startswith(".") or (
                    folder.name == DOWNLOADS_DIR) or not (folder / METADATA_PATH).is_file():
                continue
            try:
                packages.append(self._load_received(folder))
            except (OSError, ValueError, KeyError, TypeError) as exc:
                log.warning("Cannot read the received package in %s: %s", folder, exc)
        return sorted(packages, key=lambda p: p.opened_at, reverse=True)

    def load_received(self, folder: Path) -> ReceivedPackage:
        """The package opened earlier into `folder` (a folder under received/); McdeskError
        naming the folder when it is gone or unreadable."""
        try:
            return self._load_received(folder)
        except FileNotFoundError:
            raise McdeskError("this opened package is no longer in the portfolio",
                              path=folder) from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise McdeskError(f"cannot read this opened package ({exc})", path=folder) from exc

    def _load_received(self, folder: Path, *, already_open: bool = False) -> ReceivedPackage:
        metadata = json.loads((folder / METADATA_PATH).read_text(encoding="utf-8"))
        sidecar = _read_json(folder.with_name(f"{folder.name}.json")) or {}
        opened_at = (datetime.fromisoformat(sidecar["openedAt"]) if "openedAt" in sidecar
                     else datetime.fromtimestamp(folder.stat().st_mtime, UTC))
        by_criterion: dict[str, list[ReceivedEvidence]] = {}
        for entry in metadata["evidence"]:
            file_info = entry.get("file")
            by_criterion.setdefault(entry["criterion"], []).append(ReceivedEvidence(
                id=entry["id"], name=entry["name"], genre=entry["genre"],
                narrative=entry["narrative"], kind=EvidenceKind(entry["kind"]),
                consent=entry["consent"],
                file=folder.joinpath(*file_info["path"].split("/")) if file_info else None,
                url=entry.get("url"),
                media_type=file_info["mediaType"] if file_info else None,
                size=file_info["size"] if file_info else None,
                derivation=(entry.get("provenance") or {}).get("derivation"),
                identifying=entry.get("identifying") is True))
        criteria = []
        for criterion in metadata["criteria"]:
            part = criterion.get("part")
            answer = criterion.get("answer")
            criteria.append(ReceivedCriterion(
                id=criterion["id"],
                part=f"{part['name']}" if part else None,
                prompt=criterion.get("prompt"),
                answer=answer["text"] if answer else None,
                evidence=tuple(by_criterion.get(criterion["id"], ()))))
        return ReceivedPackage(
            submission_id=metadata["id"].removeprefix("urn:uuid:"), folder=folder,
            mc_id=metadata["microCredential"]["id"],
            mc_version=metadata["microCredential"]["version"],
            mc_name=metadata["microCredential"]["name"], attempt=metadata["attempt"],
            created_at=datetime.fromisoformat(metadata["createdAt"]),
            opened_at=opened_at,
            fingerprint=sidecar.get("fingerprint") or _received_fingerprint(folder) or "",
            software=metadata["provenance"]["software"], criteria=tuple(criteria),
            self_assessment=tuple((s["rubricCriterion"], s["level"])
                                  for s in metadata["selfAssessment"]),
            already_open=already_open,
            earner_name=_earner_name(metadata))

    def _sweep_incoming(self, root: Path) -> None:
        """Remove temporary folders a crash left behind (old enough to be nobody's)."""
        now = time.time()
        for leftover in root.glob(".incoming-*"):
            try:
                if now - leftover.stat().st_mtime > _STALE_INCOMING_S:
                    shutil.rmtree(leftover, ignore_errors=True)
            except OSError:
                continue


# -- helpers ------------------------------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _bagging_date(moment: datetime) -> str:
    return _utc(moment).date().isoformat()


def _bag_info(snapshot: SubmissionSnapshot, plan: _Plan) -> list[tuple[str, str]]:
    return [
        ("External-Identifier", plan.metadata["id"]),
        ("External-Description",
         f"Micro-credential submission: {snapshot.mc_name} (version "
         f"{snapshot.mc_version}), attempt {snapshot.attempt}"),
        ("Bagging-Date", _bagging_date(snapshot.created_at)),
    ]


def _criterion_labels(snapshot: SubmissionSnapshot,
                      definition: MicroCredential | None) -> dict[str, _CriterionLabel]:
    """Every criterion to list, in the micro-credential's order, with its file-name tag."""
    labels: dict[str, _CriterionLabel] = {}
    if definition is not None:
        for part_number, part in enumerate(definition.submission_parts, start=1):
            for index, criterion in enumerate(part.criteria, start=1):
                labels[criterion.id] = _CriterionLabel(
                    f"p{part_number}-{index:02d}", f"p{part_number}", part_number,
                    part.name, criterion.prompt, criterion.response)
    extra = [a.criterion_id for a in snapshot.answers] + [i.criterion_id for i in snapshot.items]
    for criterion_id in extra:
        if criterion_id not in labels:
            tag = f"c{len(labels) + 1:02d}"
            labels[criterion_id] = _CriterionLabel(tag, tag, None, None, None, None)
    return labels


def _self_assessment(snapshot: SubmissionSnapshot,
                     definition: MicroCredential | None) -> list[dict[str, str]]:
    entries = []
    for rubric_id, level_id in snapshot.self_assessment:
        entry = {"rubricCriterion": rubric_id, "level": level_id}
        rubric = definition.rubric_criterion(rubric_id) if definition is not None else None
        if rubric is not None:
            entry["rubricCriterionName"] = rubric.name
            level = next((lv for lv in rubric.levels if lv.id == level_id), None)
            if level is not None:
                entry["levelName"] = level.name
        entries.append(entry)
    return entries


def _unique(stem: str, extension: str, used: set[str]) -> str:
    candidate = f"{stem}{extension}"
    number = 2
    while candidate.casefold() in used:
        candidate = f"{stem}-{number}{extension}"
        number += 1
    used.add(candidate.casefold())
    return candidate


def _media_type(item: SnapshotItem) -> str:
    evidence = item.evidence
    if item.file_path is None:
        return "text/plain"
    if evidence.media is not None and "/" in evidence.media.mime_type:
        return evidence.media.mime_type.split(";")[0].strip().lower()
    guessed, _ = mimetypes.guess_type(evidence.original_name or "")
    return guessed or "application/octet-stream"


def _extension(item: SnapshotItem, media_type: str) -> str:
    suffix = Path(item.evidence.original_name or "").suffix.lower()
    if _SAFE_EXTENSION.match(suffix):
        return suffix
    guessed = mimetypes.guess_extension(media_type) or ".bin"
    return guessed if _SAFE_EXTENSION.match(guessed) else ".bin"


def _link_or_copy(source: Path, target: Path, control: JobControl) -> None:
    """A hard link when the portfolio shares the disk (instant, no extra space), else a copy
    in chunks that can be cancelled."""
    try:
        os.link(source, target)
        return
    except OSError:
        pass
    partial = target.with_name(target.name + ".part")
    total = source.stat().st_size
    done = 0
    try:
        with open(source, "rb") as reader, open(partial, "wb") as writer:
            while chunk := reader.read(CHUNK):
                control.check_cancelled()
                writer.write(chunk)
                done += len(chunk)
                control.progress(done, total, "keeping a copy in the portfolio")
            writer.flush()
            os.fsync(writer.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("Unreadable %s: %s", path, exc)
        return None


def _built_from(index: dict[str, Any], record: dict[str, Any], parent: Path) -> BuiltPackage:
    folder = parent / str(record["folder"])
    copy = folder / str(record["copy"]) if record.get("copy") else None
    mc = index["microCredential"]
    return BuiltPackage(
        submission_id=index["submissionId"], draft_id=index["draftId"], mc_id=mc["id"],
        mc_version=mc["version"], mc_name=mc["name"], attempt=int(index["attempt"]),
        built_at=datetime.fromisoformat(record["builtAt"]), saved_to=Path(record["savedTo"]),
        copy=copy if copy is not None and copy.is_file() else None,
        metadata=folder / "submission.json", size=int(record["size"]),
        files=int(record["files"]), payload_bytes=int(record["payloadBytes"]),
        fingerprint=str(record["fingerprint"]), bag_name=str(record["bagName"]))


def _earner_name(metadata: dict[str, Any]) -> str | None:
    earner = metadata.get("earner")
    name = earner.get("name") if isinstance(earner, dict) else None
    return (name.strip() or None) if isinstance(name, str) else None


def _received_fingerprint(folder: Path) -> str | None:
    try:
        return hashlib.sha256((folder / TAGMANIFEST).read_bytes()).hexdigest()
    except OSError:
        return None


def _schema_problems(metadata: object) -> list[str]:
    from mcdesk.formats.schemas import schema_errors

    return schema_errors(SUBMISSION_SCHEMA, metadata, limit=20)


def _metadata_problems(reading: BagReading) -> tuple[dict[str, Any] | None, list[str]]:
    """The package metadata if it is sound, and what is wrong with it otherwise."""
    data = reading.kept.get(METADATA_PATH)
    if data is None:
        if not any(f.path == METADATA_PATH for f in reading.payload):
            return None, [f"{METADATA_PATH} is missing: this is not an mcdesk submission "
                          "package"]
        return None, []  # too large: already reported
    try:
        metadata = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None, [f"{METADATA_PATH}: not UTF-8 text"]
    except ValueError as exc:
        return None, [f"{METADATA_PATH}: not valid JSON ({exc})"]
    if isinstance(metadata, dict) and isinstance(metadata.get("schemaVersion"), int) and (
            metadata["schemaVersion"] > FORMAT_VERSION):
        return None, [f"{METADATA_PATH}: format version {metadata['schemaVersion']} was made "
                      "by a newer mcdesk; update mcdesk to open it"]
    problems = [f"{METADATA_PATH}: {p}" for p in _schema_problems(metadata)]
    if problems or not isinstance(metadata, dict):
        return None, problems
    problems += metadata_cross_checks(metadata, reading.manifest,
                                      {f.path: f.size for f in reading.payload},
                                      reading.info_value("External-Identifier"))
    return (metadata if not problems else None), problems


def _report(path: Path, reading: BagReading, metadata: dict[str, Any] | None,
            problems: list[str]) -> VerifyReport:
    return VerifyReport(
        path=path, problems=tuple(problems), bag_name=reading.bag_name,
        submission_id=str(metadata["id"]).removeprefix("urn:uuid:") if metadata else None,
        mc_name=metadata["microCredential"]["name"] if metadata else None,
        attempt=metadata["attempt"] if metadata else None,
        payload_files=len(reading.payload), payload_bytes=reading.payload_bytes,
        fingerprint=reading.fingerprint)
