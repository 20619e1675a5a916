"""A submission's bag on the server: validated with mcdesk's own BagIt rules either from the
blobs it lists (finalize: tag files and metadata read, the payload known by its checked sha256)
or as a zip, and assembled from the blobs into the deterministic zip handed to assessors (blind
when the metadata names the earner); worker thread."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mcdesk.core.packages import (
    BAG_INFO,
    MANIFEST,
    METADATA_PATH,
    PackageRefusedError,
    metadata_cross_checks,
)
from mcdesk.core.units import human_size
from mcdesk.formats.bag import (
    MAX_TAG_FILE,
    TAGMANIFEST,
    BagReading,
    ListedFile,
    check_listed_bag,
    decode_path,
    listed_name_problems,
    read_bag,
)
from mcdesk.formats.schemas import schema_errors
from mcdesk_issuer.blobstore import BlobStore
from mcdesk_issuer.files import CHUNK, hash_file

SUBMISSION_SCHEMA = "mcdesk-submission.schema.json"
FORMAT_VERSION = 1
_TEXT_SUFFIXES = (".txt", ".json", ".md", ".csv", ".xml", ".html", ".htm", ".svg", ".rtf")
_FILE_MODE = (stat.S_IFREG | 0o644) << 16
_ZIP64_AT = int(zipfile.ZIP64_LIMIT / 1.1)
_MAX_METADATA = 16 * 1024 * 1024
_SHA256_LINE = re.compile(r"^([0-9A-Fa-f]{64})[ \t]+(.+)$")


@dataclass(frozen=True)
class BagFileRef:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Assembled:
    """A bag written to `path` (None when `damaged` lists blobs whose bytes no longer match
    their sha256: they were discarded and must be sent again)."""

    path: Path | None
    sha256: str | None = None
    size: int | None = None
    damaged: tuple[str, ...] = ()


@dataclass(frozen=True)
class Expected:
    """What the submission's begin request said the bag is."""

    submission_id: str
    achievement_id: str
    version: str
    attempt: int


def frozen_time(store: BlobStore, files: Sequence[BagFileRef]) -> datetime:
    """When the bag's content was frozen (`createdAt` in its metadata), for the zip entries'
    times; 1980-01-01 when it cannot be read."""
    fallback = datetime(1980, 1, 1, tzinfo=UTC)
    ref = next((f for f in files if f.path == METADATA_PATH), None)
    if ref is None or ref.size > _MAX_METADATA:
        return fallback
    try:
        with store.open_blob(ref.sha256) as reader:
            data = json.loads(reader.read())
        moment = datetime.fromisoformat(str(data["createdAt"]).replace("Z", "+00:00"))
    except (OSError, ValueError, KeyError, TypeError):
        return fallback
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


def _zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)


def assemble(store: BlobStore, bag_name: str, files: Sequence[BagFileRef], dest: Path,
             timestamp: datetime, replaced: Mapping[str, bytes] | None = None) -> Assembled:
    """Write the bag into `dest` (a zip with the one top folder `bag_name`), copying each
    blob in chunks and checking its sha256 on the way; the files named in `replaced` get
    those bytes instead. The same files and time make the same bytes in any process; a
    `.partial` left by a process killed while writing is simply written over."""
    partial = dest.with_name(dest.name + ".partial")
    damaged: list[str] = []
    when = _zip_time(timestamp)
    try:
        with zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
            for ref in files:
                info = zipfile.ZipInfo(f"{bag_name}/{ref.path}", when)
                info.external_attr = _FILE_MODE
                info.create_system = 3
                info.compress_type = (zipfile.ZIP_DEFLATED
                                      if ref.path.lower().endswith(_TEXT_SUFFIXES)
                                      else zipfile.ZIP_STORED)
                if replaced is not None and ref.path in replaced:
                    archive.writestr(info, replaced[ref.path])
                    continue
                info.file_size = ref.size
                digest = hashlib.sha256()
                try:
                    opened = store.open_blob(ref.sha256)
                except FileNotFoundError:  # gone from the disk: asked for again like damage
                    damaged.append(ref.sha256)
                    break
                with opened as reader, archive.open(
                        info, "w", force_zip64=ref.size > _ZIP64_AT) as writer:
                    while chunk := reader.read(CHUNK):
                        digest.update(chunk)
                        writer.write(chunk)
                if digest.hexdigest() != ref.sha256 and ref.sha256 not in damaged:
                    damaged.append(ref.sha256)
        if damaged:
            partial.unlink(missing_ok=True)
            return Assembled(None, damaged=tuple(damaged))
        _put_in_place(partial, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return Assembled(dest, hash_file(dest), dest.stat().st_size)


def _put_in_place(partial: Path, dest: Path) -> None:
    """A finished `partial` file on the disk for good, then under its name in one step."""
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, dest)


def validate(archive: Path, expected: Expected) -> list[str]:
    """Every problem of the bag in `archive`; empty when it is a valid mcdesk submission for
    what the begin request said."""
    try:
        reading = read_bag(archive, keep=(METADATA_PATH,))
    except PackageRefusedError as exc:
        return list(exc.problems)
    return _submission_problems(reading, expected)


def _submission_problems(reading: BagReading, expected: Expected) -> list[str]:
    """The bag's BagIt problems, then data/submission.json's (kept in `reading`) against its
    schema, the manifest and what the begin request said."""
    problems = list(reading.problems)
    data = reading.kept.get(METADATA_PATH)
    if data is None:
        if not any(f.path == METADATA_PATH for f in reading.payload):
            problems.append(f"{METADATA_PATH} is missing: this is not an mcdesk submission")
        return problems
    try:
        metadata = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return [*problems, f"{METADATA_PATH}: not valid UTF-8 JSON ({exc})"]
    if isinstance(metadata, dict) and isinstance(metadata.get("schemaVersion"), int) and (
            metadata["schemaVersion"] > FORMAT_VERSION):
        return [*problems, f"{METADATA_PATH}: format version {metadata['schemaVersion']} is "
                           "newer than this server reads"]
    schema = [f"{METADATA_PATH}: {p}" for p in schema_errors(SUBMISSION_SCHEMA, metadata,
                                                             limit=20)]
    if schema or not isinstance(metadata, dict):
        return [*problems, *schema]
    problems += _cross_checks(metadata, reading.manifest,
                              {f.path: f.size for f in reading.payload},
                              reading.info_value("External-Identifier"), expected)
    return problems


def _cross_checks(metadata: dict[str, Any], manifest: dict[str, str], sizes: dict[str, int],
                  identifier: str | None, expected: Expected) -> list[str]:
    problems = metadata_cross_checks(metadata, manifest, sizes, identifier)
    if str(metadata["id"]).removeprefix("urn:uuid:").lower() != expected.submission_id:
        problems.append(f"{METADATA_PATH}: id {metadata['id']} is not this submission "
                        f"(urn:uuid:{expected.submission_id})")
    micro = metadata["microCredential"]
    if micro["id"] != expected.achievement_id or micro["version"] != expected.version:
        problems.append(f"{METADATA_PATH}: it answers {micro['id']} version {micro['version']}"
                        f", not {expected.achievement_id} version {expected.version} as begun")
    if metadata["attempt"] != expected.attempt:
        problems.append(f"{METADATA_PATH}: attempt {metadata['attempt']}, not "
                        f"{expected.attempt} as begun")
    return problems


def evidence_pieces(archive: Path) -> list[dict[str, Any]]:
    """The evidence entries of a stored bag's data/submission.json (OB 3.0 Evidence fields and
    more), in order; empty when the bag is gone or unreadable (the credential then lists none)."""
    try:
        reading = read_bag(archive, keep=(METADATA_PATH,))
        metadata = json.loads(reading.kept[METADATA_PATH].decode("utf-8"))
    except (PackageRefusedError, KeyError, OSError, UnicodeDecodeError, ValueError):
        return []
    return _evidence_of(metadata)


def _evidence_of(metadata: Any) -> list[dict[str, Any]]:
    pieces = metadata.get("evidence") if isinstance(metadata, dict) else None
    if not isinstance(pieces, list):
        return []
    return sorted((p for p in pieces if isinstance(p, dict)),
                  key=lambda p: (str(p.get("criterion", "")), int(p.get("position", 0) or 0)))


# ------------------------------------------------------------------ before assembling


def precheck(store: BlobStore, files: Sequence[BagFileRef]) -> list[str]:
    """What the tag files alone show wrong, before a byte of the bag is assembled: the
    payload manifest must list exactly the data/ files begun, with their sha256, and the tag
    manifest only tag files begun, with theirs. A bag refused here costs reading two small
    files (the layout check capped them); what passes is validated whole after assembly."""
    by_path = {f.path: f for f in files}
    payload = {f.path: f.sha256 for f in files if f.path.startswith("data/")}
    problems: list[str] = []
    listed = _manifest_of(store, by_path.get(MANIFEST), problems)
    if listed is not None:
        for path, digest in sorted(listed.items()):
            if path not in payload:
                problems.append(f"{MANIFEST}: lists {path}, which is not a file of the bag")
            elif payload[path] != digest:
                problems.append(f"{path}: its sha256 ({payload[path]}) does not match "
                                f"{MANIFEST} ({digest}): changed or damaged after packaging")
        problems += [f"{path}: in the payload but not listed in {MANIFEST}"
                     for path in sorted(payload) if path not in listed]
    tags = _manifest_of(store, by_path.get(TAGMANIFEST), problems)
    for path, digest in sorted((tags or {}).items()):
        begun = by_path.get(path)
        if begun is None or path.startswith("data/") or path == TAGMANIFEST:
            problems.append(f"{TAGMANIFEST}: lists {path}, which is not a tag file of the bag")
        elif begun.sha256 != digest:
            problems.append(f"{path}: its sha256 ({begun.sha256}) does not match "
                            f"{TAGMANIFEST} ({digest}): changed or damaged after packaging")
    return problems[:50]


def _manifest_of(store: BlobStore, ref: BagFileRef | None, problems: list[str]
                 ) -> dict[str, str] | None:
    """path -> sha256 from a stored sha256 manifest (None, with a problem, when unreadable)."""
    if ref is None:
        return None
    with store.open_blob(ref.sha256) as blob:
        data = blob.read(ref.size + 1)  # capped at begin; a bigger blob fails the hash below
    if hashlib.sha256(data).hexdigest() != ref.sha256:
        return None  # damaged on the server's disk: assembling finds it and asks for it again
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(f"{ref.path}: not UTF-8 text")
        return None
    entries: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parsed = _SHA256_LINE.match(line)
        if parsed is None:
            problems.append(f"{ref.path}: line {number} is not '<sha256> <path>'")
            return None
        entries[decode_path(parsed.group(2))] = parsed.group(1).lower()
    return entries


# ------------------------------------------------------------------- the assessors' copy


def blind_path(archive: Path) -> Path:
    """Where the copy of a stored bag handed to assessors lives (beside the original)."""
    return archive.with_name(archive.name.removesuffix(".zip") + ".blind.zip")


def served_path(archive: Path) -> Path:
    """The bag assessors get: `archive` itself (built as the blind copy when the metadata
    says who the earner is), or the separate blind copy a server before 2026-12 wrote beside
    the original."""
    blind = blind_path(archive)
    return blind if blind.is_file() else archive


def _rehash(manifest: bytes, changed: dict[str, bytes]) -> bytes:
    """A sha256 manifest with the lines of the `changed` files given their new digests."""
    lines = []
    for line in manifest.decode("utf-8").splitlines():
        digest, _, path = line.partition(" ")
        name = decode_path(path.strip())
        if name in changed:
            digest = hashlib.sha256(changed[name]).hexdigest()
        lines.append(f"{digest}  {path.strip()}" if path.strip() else line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _resize(bag_info: bytes, delta: int) -> bytes:
    """bag-info.txt with Payload-Oxum and Bag-Size moved by `delta` payload bytes."""
    lines = bag_info.decode("utf-8").splitlines()
    fields = [(label.strip().casefold(), value.strip())
              for label, colon, value in (line.partition(":") for line in lines) if colon]
    oxum = dict(fields).get("payload-oxum", "")
    total, _, count = oxum.partition(".")
    payload = int(total) + delta if total.isdigit() else None
    changed = []
    for line in lines:
        label, colon, _value = line.partition(":")
        key = label.strip().casefold()
        if colon and payload is not None and key == "payload-oxum":
            line = f"{label}: {payload}.{count}"
        elif colon and payload is not None and key == "bag-size":
            line = f"{label}: {human_size(payload)}"
        changed.append(line)
    return ("\n".join(changed) + "\n").encode("utf-8")


# ------------------------------------------------------------- checking without assembling

#: Payload files up to this size have their bytes read and their sha256 checked again at
#: finalize (the written answers, the metadata: cheap); bigger ones were checked when their
#: upload completed, and are checked again when the bag is assembled.
RECHECK_AT_FINALIZE = 1024 * 1024


@dataclass(frozen=True)
class Checked:
    """What checking a bag from its stored files found: its problems, or the blobs whose
    bytes no longer match their sha256 (to discard and ask for again)."""

    problems: tuple[str, ...] = ()
    damaged: tuple[str, ...] = ()


class _DamagedError(Exception):
    def __init__(self, sha256: str) -> None:
        super().__init__(sha256)
        self.sha256 = sha256


def _read_small(store: BlobStore, ref: BagFileRef) -> bytes:
    """A small blob's bytes, checked against its sha256 (_DamagedError when they do not match or
    the blob is gone)."""
    try:
        with store.open_blob(ref.sha256) as blob:
            data = blob.read(ref.size + 1)
    except FileNotFoundError:
        raise _DamagedError(ref.sha256) from None
    if len(data) != ref.size or hashlib.sha256(data).hexdigest() != ref.sha256:
        raise _DamagedError(ref.sha256)
    return data


def validate_listed(store: BlobStore, bag_name: str, files: Sequence[BagFileRef],
                    expected: Expected) -> Checked:
    """`validate`'s verdict on the bag `files` make, without assembling it: the zip names,
    then mcdesk's BagIt checks fed with the tag files' bytes and the payload's sha256 and
    sizes as stored (every blob's sha256 was checked when its upload completed), then
    data/submission.json against its schema and the begin request. Only the tag files, the
    metadata and payload files up to RECHECK_AT_FINALIZE are read."""
    names = listed_name_problems(bag_name, [f.path for f in files])
    if names:
        return Checked(tuple(names[:50]))
    tags: dict[str, bytes] = {}
    kept: dict[str, bytes] = {}
    payload: list[ListedFile] = []
    problems: list[str] = []
    damaged: list[str] = []
    for ref in files:
        is_tag = "/" not in ref.path
        if is_tag and ref.size > MAX_TAG_FILE:
            return Checked((f"{ref.path}: too large for a tag file ({human_size(ref.size)})",))
        if not is_tag:
            payload.append(ListedFile(ref.path, ref.size, ref.sha256))
        if ref.path == METADATA_PATH and ref.size > MAX_TAG_FILE:
            problems.append(f"{ref.path}: too large ({human_size(ref.size)}; at most "
                            f"{human_size(MAX_TAG_FILE)})")
            continue
        if not (is_tag or ref.path == METADATA_PATH or ref.size <= RECHECK_AT_FINALIZE):
            continue
        try:
            data = _read_small(store, ref)
        except _DamagedError as exc:
            if exc.sha256 not in damaged:
                damaged.append(exc.sha256)
            continue
        if is_tag:
            tags[ref.path] = data
        elif ref.path == METADATA_PATH:
            kept[ref.path] = data
    if damaged:
        return Checked(damaged=tuple(damaged))
    reading = check_listed_bag(Path(bag_name), bag_name, tags, payload, kept)
    reading = replace(reading, problems=(*problems, *reading.problems))
    return Checked(tuple(_submission_problems(reading, expected)))


# ------------------------------------------------------------------- the bag handed out


def build_served(store: BlobStore, bag_name: str, files: Sequence[BagFileRef],
                 dest: Path) -> Assembled:
    """Write the bag assessors get straight from the blobs, in one pass: the bag as sent,
    or, when data/submission.json says who the earner is, the blind copy (`earner` taken
    out, the manifest, Payload-Oxum, Bag-Size and tag manifest made to match, so it is a
    valid bag in its own right). Deterministic: any process writes the same bytes."""
    try:
        changed = _blind_changes(store, files)
    except _DamagedError as exc:
        return Assembled(None, damaged=(exc.sha256,))
    return assemble(store, bag_name, files, dest, frozen_time(store, files), changed)


def _blind_changes(store: BlobStore, files: Sequence[BagFileRef]) -> dict[str, bytes] | None:
    """The tag files and metadata of the blind copy; None when the metadata names nobody."""
    by_path = {f.path: f for f in files}
    ref = by_path.get(METADATA_PATH)
    if ref is None or ref.size > MAX_TAG_FILE:
        return None
    metadata = json.loads(_read_small(store, ref).decode("utf-8"))
    if not isinstance(metadata, dict) or "earner" not in metadata:
        return None
    del metadata["earner"]
    changed = {METADATA_PATH: (json.dumps(metadata, ensure_ascii=False, indent=2)
                               + "\n").encode("utf-8")}
    changed[MANIFEST] = _rehash(_read_small(store, by_path[MANIFEST]), changed)
    changed[BAG_INFO] = _resize(_read_small(store, by_path[BAG_INFO]),
                                len(changed[METADATA_PATH]) - ref.size)
    changed[TAGMANIFEST] = _rehash(_read_small(store, by_path[TAGMANIFEST]), changed)
    return changed


def submission_evidence(store: BlobStore, files: Sequence[BagFileRef]
                        ) -> list[dict[str, Any]] | None:
    """The evidence entries of a received bag's data/submission.json, read from its blob;
    None when the blob cannot be read (damaged or gone)."""
    ref = next((f for f in files if f.path == METADATA_PATH), None)
    if ref is None or ref.size > MAX_TAG_FILE:
        return None
    try:
        return _evidence_of(json.loads(_read_small(store, ref).decode("utf-8")))
    except (_DamagedError, UnicodeDecodeError, ValueError):
        return None
