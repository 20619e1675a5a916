"""Assembling a submission's bag from the blobs it lists (a zip laid out as
docs/package-format.md says) and validating it with mcdesk's own bag reader: BagIt structure,
every hash, Payload-Oxum, and data/submission.json against its JSON Schema; worker thread."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mcdesk.core.packages import METADATA_PATH, PackageRefusedError, metadata_cross_checks
from mcdesk.formats.bag import read_bag
from mcdesk.formats.schemas import schema_errors
from mcdesk_issuer.blobstore import BlobStore
from mcdesk_issuer.files import CHUNK, hash_file

SUBMISSION_SCHEMA = "mcdesk-submission.schema.json"
FORMAT_VERSION = 1
_TEXT_SUFFIXES = (".txt", ".json", ".md", ".csv", ".xml", ".html", ".htm", ".svg", ".rtf")
_FILE_MODE = (stat.S_IFREG | 0o644) << 16
_ZIP64_AT = int(zipfile.ZIP64_LIMIT / 1.1)
_MAX_METADATA = 16 * 1024 * 1024


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
             timestamp: datetime) -> Assembled:
    """Write the bag into `dest` (a zip with the one top folder `bag_name`), copying each
    blob in chunks and checking its sha256 on the way."""
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
                info.file_size = ref.size
                digest = hashlib.sha256()
                with store.open_blob(ref.sha256) as reader, archive.open(
                        info, "w", force_zip64=ref.size > _ZIP64_AT) as writer:
                    while chunk := reader.read(CHUNK):
                        digest.update(chunk)
                        writer.write(chunk)
                if digest.hexdigest() != ref.sha256 and ref.sha256 not in damaged:
                    damaged.append(ref.sha256)
        if damaged:
            partial.unlink(missing_ok=True)
            return Assembled(None, damaged=tuple(damaged))
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return Assembled(dest, hash_file(dest), dest.stat().st_size)


def validate(archive: Path, expected: Expected) -> list[str]:
    """Every problem of the bag in `archive`; empty when it is a valid mcdesk submission for
    what the begin request said."""
    try:
        reading = read_bag(archive, keep=(METADATA_PATH,))
    except PackageRefusedError as exc:
        return list(exc.problems)
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
    pieces = metadata.get("evidence") if isinstance(metadata, dict) else None
    if not isinstance(pieces, list):
        return []
    return sorted((p for p in pieces if isinstance(p, dict)),
                  key=lambda p: (str(p.get("criterion", "")), int(p.get("position", 0) or 0)))
