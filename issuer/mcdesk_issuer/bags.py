"""Assembling a submission's bag from the blobs it lists (a zip laid out as
docs/package-format.md says) and validating it with mcdesk's own bag reader: BagIt structure,
every hash, Payload-Oxum, and data/submission.json against its JSON Schema; worker thread."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
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
from mcdesk.formats.bag import TAGMANIFEST, decode_path, read_bag
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
    """The bag assessors get: the blind copy when the original says who the earner is."""
    blind = blind_path(archive)
    return blind if blind.is_file() else archive


def make_blind_copy(archive: Path) -> Path | None:
    """Write the assessors' copy of a valid bag: `earner` (name, organization, whatever the
    earner chose to say) taken out of data/submission.json, with the manifest, Payload-Oxum,
    Bag-Size and tag manifest made to match, so the copy is a valid bag in its own right.
    None (and nothing written) when the metadata names nobody."""
    with zipfile.ZipFile(archive) as source:
        infos = source.infolist()
        top = infos[0].filename.split("/", 1)[0]

        def read(path: str) -> bytes:
            return source.read(f"{top}/{path}")

        metadata = json.loads(read(METADATA_PATH).decode("utf-8"))
        if not isinstance(metadata, dict) or "earner" not in metadata:
            return None
        del metadata["earner"]
        changed = {METADATA_PATH: (json.dumps(metadata, ensure_ascii=False, indent=2)
                                   + "\n").encode("utf-8")}
        old_size = source.getinfo(f"{top}/{METADATA_PATH}").file_size
        changed[MANIFEST] = _rehash(read(MANIFEST), changed)
        changed[BAG_INFO] = _resize(read(BAG_INFO), len(changed[METADATA_PATH]) - old_size)
        changed[TAGMANIFEST] = _rehash(read(TAGMANIFEST), changed)
        dest = blind_path(archive)
        partial = dest.with_name(dest.name + ".partial")
        try:
            with zipfile.ZipFile(partial, "w", allowZip64=True) as copy:
                for info in infos:
                    _copy_entry(source, copy, info, changed.get(info.filename[len(top) + 1:]))
            _put_in_place(partial, dest)
        except BaseException:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise
    return dest


def _copy_entry(source: zipfile.ZipFile, copy: zipfile.ZipFile, info: zipfile.ZipInfo,
                replacement: bytes | None) -> None:
    entry = zipfile.ZipInfo(info.filename, info.date_time)
    entry.compress_type = info.compress_type
    entry.external_attr = info.external_attr
    entry.create_system = info.create_system
    if replacement is not None:
        copy.writestr(entry, replacement)
        return
    entry.file_size = info.file_size
    with source.open(info) as reader, copy.open(
            entry, "w", force_zip64=info.file_size > _ZIP64_AT) as writer:
        while chunk := reader.read(CHUNK):
            writer.write(chunk)


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
