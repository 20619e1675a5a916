"""BagIt 1.0 (RFC 8493) bags serialized as zip files: writing one in a single streaming pass
(files hashed and verified as they are copied) and reading one back with every hash, manifest
and Payload-Oxum checked; stdlib (with a fast zip CRC, mcdesk.formats.crc), no SQL; worker
thread."""

from __future__ import annotations

import codecs
import contextlib
import errno
import hashlib
import io
import os
import re
import shutil
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from mcdesk import __version__
from mcdesk.core.errors import McdeskError, StorageFullError
from mcdesk.core.packages import BAG_INFO, MANIFEST, PAYLOAD_DIR, PackageRefusedError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.units import human_size
from mcdesk.formats import crc, hashing_copy
from mcdesk.formats.bag_zip import (
    DEFAULT_LIMITS,
    EntryStream,
    ZipLimits,
    _name_problems,
    inspect,
    safe_target,
)
from mcdesk.formats.hashing_copy import CopyRing, copy_hashing

BAGIT_VERSION = "1.0"
READABLE_VERSIONS = ("1.0", "0.97")  # 0.97: what bagit.py and most tools still write
BAGIT_TXT = "bagit.txt"
FETCH = "fetch.txt"
TAGMANIFEST = "tagmanifest-sha256.txt"
SOFTWARE_AGENT = f"mcdesk {__version__}"
MAX_TAG_FILE = 16 * 1024 * 1024
# Algorithms a manifest may use that mcdesk can check (RFC 8493 §2.4 names).
ALGORITHMS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512")
_MANIFEST_NAME = re.compile(r"^(tag)?manifest-([A-Za-z0-9]+)\.txt$")
_MANIFEST_LINE = re.compile(r"^([0-9A-Fa-f]+)[ \t]+(.+)$")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_PERCENT = re.compile(r"%(0A|0D|25)", re.IGNORECASE)
_FILE_MODE = (stat.S_IFREG | 0o644) << 16
_ZIP64_AT = int(zipfile.ZIP64_LIMIT / 1.1)
COPY_CHUNK = hashing_copy.CHUNK  # module attributes so tests can make chunks tiny
_RING = hashing_copy.RING
_WRITEBACK_EVERY = 16 * 1024 * 1024

# A stored 1 GB video's zip CRC took half a second of the core the write runs on.
crc.speed_up_zipfile()


def zip_time(moment: datetime) -> tuple[int, int, int, int, int, int]:
    """A zip timestamp (no time zone, 1980 at the earliest, even seconds)."""
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute,
            moment.second - moment.second % 2)


_advise = hashing_copy.advise


def encode_path(path: str) -> str:
    """A bag path as a manifest writes it (RFC 8493 §2.1.3: CR, LF and % percent-encoded)."""
    return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def decode_path(text: str) -> str:
    return _PERCENT.sub(lambda m: chr(int(m.group(1), 16)), text)


def manifest_text(digests: Iterable[tuple[str, str]]) -> bytes:
    return "".join(f"{digest}  {encode_path(path)}\n" for path, digest in digests).encode()


BAGIT_TXT_BYTES = (f"BagIt-Version: {BAGIT_VERSION}\n"
                   "Tag-File-Character-Encoding: UTF-8\n").encode()


def bag_info_bytes(bag_info: Sequence[tuple[str, str]],
                   payload: Sequence[WrittenFile]) -> bytes:
    """bag-info.txt: the given fields, then Bag-Software-Agent, Payload-Oxum and Bag-Size."""
    payload_bytes = sum(f.size for f in payload)
    fields = [(label, " ".join(value.split())) for label, value in bag_info]
    fields += [("Bag-Software-Agent", SOFTWARE_AGENT),
               ("Payload-Oxum", f"{payload_bytes}.{len(payload)}"),
               ("Bag-Size", human_size(payload_bytes))]
    return "".join(f"{k}: {v}\n" for k, v in fields).encode()


def tagmanifest_bytes(tags: Mapping[str, bytes]) -> bytes:
    """tagmanifest-sha256.txt over the other tag files, in the order they were written."""
    return manifest_text((name, hashlib.sha256(data).hexdigest()) for name, data in tags.items())


# ----------------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class WrittenFile:
    path: str  # relative to the bag's base directory
    size: int
    sha256: str


@dataclass(frozen=True)
class WrittenBag:
    bag_name: str
    payload: tuple[WrittenFile, ...]
    tag_files: dict[str, bytes]  # bag-info.txt, manifests... exactly as written
    fingerprint: str  # sha256 of tagmanifest-sha256.txt, which pins every other byte
    size: int  # bytes of the zip file

    @property
    def payload_bytes(self) -> int:
        return sum(f.size for f in self.payload)

    @property
    def oxum(self) -> str:
        return f"{self.payload_bytes}.{len(self.payload)}"


class BagWriter:
    """Writes one bag into `partial` (a zip with one top folder, `bag_name`), then `commit`
    renames it into place. Leaving the with block by an exception (a damaged file, Cancelled,
    a full disk) removes the partial file: nothing half-written is ever left.

    Media are STORED (they are compressed already); text is DEFLATED. Progress is in bytes
    of payload copied, against `total_bytes`."""

    def __init__(self, partial: Path, bag_name: str, *, timestamp: datetime,
                 control: JobControl = NULL_CONTROL, total_bytes: int = 0) -> None:
        self._partial = partial
        self._bag_name = bag_name
        self._time = zip_time(timestamp)
        self._control = control
        self._total = total_bytes
        self._done = 0
        self._payload: list[WrittenFile] = []
        self._committed = False
        self._finished: WrittenBag | None = None
        self._advised = 0  # bytes of the zip the OS was asked to start writing
        self._ring = CopyRing(COPY_CHUNK, _RING)  # every file of the bag is read through it
        try:
            self._zip = zipfile.ZipFile(partial, "x", allowZip64=True)
        except FileExistsError:
            partial.unlink()
            self._zip = zipfile.ZipFile(partial, "x", allowZip64=True)
        self._tags: dict[str, bytes] = {}
        self._write_tag(BAGIT_TXT, BAGIT_TXT_BYTES)

    def __enter__(self) -> BagWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if kind is not None or not self._committed:
            self.abort()

    def _info(self, path: str, compress: bool) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(f"{self._bag_name}/{path}", self._time)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = _FILE_MODE
        info.create_system = 3
        return info

    def _write_tag(self, path: str, data: bytes) -> None:
        self._zip.writestr(self._info(path, compress=True), data)
        self._tags[path] = data

    def add_bytes(self, path: str, data: bytes, *, compress: bool = True) -> WrittenFile:
        """A payload file made in memory (the metadata, a written answer)."""
        self._check_payload_path(path)
        self._control.check_cancelled()
        self._zip.writestr(self._info(path, compress), data)
        written = WrittenFile(path, len(data), hashlib.sha256(data).hexdigest())
        self._payload.append(written)
        self._done += len(data)
        self._control.progress(self._done, self._total or None, path)
        return written

    def add_file(self, path: str, source: Path, *, expected_sha256: str | None, label: str,
                 compress: bool = False) -> WrittenFile:
        """Copy `source` in, in chunks, hashing as it goes; when the content does not match
        `expected_sha256` (its name in the content-addressed store) the build stops.

        The file is read once and its chunks are hashed while the zip's CRC and write of
        the same chunk run on another thread (`copy_hashing`)."""
        self._check_payload_path(path)
        try:
            with open(source, "rb", buffering=0) as reader:
                size = os.fstat(reader.fileno()).st_size
                _advise(reader.fileno(), "POSIX_FADV_SEQUENTIAL")
                info = self._info(path, compress)
                info.file_size = size
                with self._zip.open(info, "w", force_zip64=size > _ZIP64_AT) as writer:

                    def write(chunk: memoryview) -> None:
                        writer.write(chunk)
                        self._start_writeback()

                    def copied(count: int) -> None:
                        self._done += count
                        self._control.progress(self._done, self._total or None, label)

                    # The helpers are done before the entry closes (its close writes the zip
                    # header back) whatever stopped the copy.
                    copied_bytes, sha256 = copy_hashing(
                        reader, write, control=self._control, copied=copied,
                        ring=self._ring)
        except FileNotFoundError:
            raise McdeskError(f'the stored file of "{label}" is missing; run File → Check '
                              "portfolio", path=source) from None
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StorageFullError("the disk is full; no package was written",
                                       path=self._partial) from exc
            raise
        if expected_sha256 is not None and sha256 != expected_sha256.lower():
            raise McdeskError(
                f'the stored copy of "{label}" is damaged: its content no longer matches its '
                "fingerprint (sha256), so it was not packaged and no package was written; run "
                "File → Check portfolio (mcdesk check --repair) to restore it", path=source)
        written = WrittenFile(path, copied_bytes, sha256)
        self._payload.append(written)
        return written

    def _start_writeback(self) -> None:
        """Every few MB, ask the OS to start writing the zip to disk now (on Linux, 'don't
        need' starts an asynchronous write-back), so the fsync at the end finds little left
        to do and the disk works while the next chunks are hashed."""
        handle = self._zip.fp
        if handle is None:
            return
        position = handle.tell()
        if position - self._advised >= _WRITEBACK_EVERY:
            _advise(handle.fileno(), "POSIX_FADV_DONTNEED", self._advised,
                    position - self._advised)
            self._advised = position

    def _check_payload_path(self, path: str) -> None:
        if not path.startswith(f"{PAYLOAD_DIR}/") or any(
                p in ("", ".", "..") for p in path.split("/")) or "\\" in path:
            raise ValueError(f"not a payload path: {path!r}")
        if any(f.path == path for f in self._payload):
            raise ValueError(f"two payload files named {path!r}")

    def finish(self, bag_info: Sequence[tuple[str, str]]) -> WrittenBag:
        """Write bag-info.txt (with Payload-Oxum, Bag-Size, Bag-Software-Agent), the payload
        manifest and the tag manifest; close and flush the zip to disk."""
        self._control.check_cancelled()
        payload = tuple(self._payload)
        self._write_tag(BAG_INFO, bag_info_bytes(bag_info, payload))
        self._write_tag(MANIFEST, manifest_text((f.path, f.sha256) for f in payload))
        tagmanifest = tagmanifest_bytes(self._tags)
        self._zip.writestr(self._info(TAGMANIFEST, compress=True), tagmanifest)
        self._tags[TAGMANIFEST] = tagmanifest
        try:
            self._zip.close()
            with open(self._partial, "rb+") as handle:
                os.fsync(handle.fileno())
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise StorageFullError("the disk is full; no package was written",
                                       path=self._partial) from exc
            raise
        self._finished = WrittenBag(self._bag_name, payload, dict(self._tags),
                                    hashlib.sha256(tagmanifest).hexdigest(),
                                    self._partial.stat().st_size)
        return self._finished

    def commit(self, dest: Path) -> None:
        """Move the finished package to `dest` (replacing a file there) in one rename."""
        if self._finished is None:
            raise RuntimeError("commit before finish")
        os.replace(self._partial, dest)
        self._committed = True

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # a broken zip is being thrown away anyway
            self._zip.close()
        self._partial.unlink(missing_ok=True)


# ----------------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class BagFile:
    path: str  # relative to the bag's base directory
    size: int
    digests: dict[str, str]  # algorithm -> lowercase hex


@dataclass(frozen=True)
class BagReading:
    """What reading a bag found. `problems` empty means a complete and valid BagIt bag."""

    archive: Path
    bag_name: str
    problems: tuple[str, ...]
    info: tuple[tuple[str, str], ...]  # bag-info.txt, in order
    payload: tuple[BagFile, ...]
    manifest: dict[str, str]  # path -> sha256, from manifest-sha256.txt
    kept: dict[str, bytes] = field(default_factory=dict)  # small files asked for by path
    fingerprint: str | None = None

    def info_value(self, label: str) -> str | None:
        for key, value in self.info:
            if key.casefold() == label.casefold():
                return value
        return None

    @property
    def payload_bytes(self) -> int:
        return sum(f.size for f in self.payload)


@dataclass
class _Manifest:
    name: str
    algorithm: str
    entries: dict[str, str]  # path -> lowercase hex


def read_bag(archive: Path, *, limits: ZipLimits = DEFAULT_LIMITS,
             control: JobControl = NULL_CONTROL, extract_to: Path | None = None,
             keep: Sequence[str] = (), keep_limit: int = MAX_TAG_FILE) -> BagReading:
    """Read (and, given `extract_to`, an empty folder, extract) the bag in `archive` in one
    streaming pass, hashing every file as it goes.

    Unsafe or damaged archives raise PackageRefusedError (nothing inflated past the first
    problem); BagIt problems (a hash or Payload-Oxum mismatch, a missing manifest...) are
    listed in the result's `problems`. The caller removes `extract_to` when anything is wrong."""
    listing = inspect(archive, limits)
    problems: list[str] = []
    root_files = {e.path: e for e in listing.files() if "/" not in e.path}
    files = listing.files()
    total = sum(e.size for e in files) or 1
    done = 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        control.progress(done, total)

    if extract_to is not None:
        _check_room(extract_to, listing.total_size)
    tag_bytes: dict[str, bytes] = {}
    with EntryStream(listing, limits, control) as stream:
        # The tag files first (small, at the root): they say which hashes to compute.
        for path, entry in sorted(root_files.items()):
            if path in (BAGIT_TXT, BAG_INFO, FETCH) or _MANIFEST_NAME.match(path):
                if entry.size > MAX_TAG_FILE:
                    raise PackageRefusedError(
                        [f"{path}: too large for a tag file ({human_size(entry.size)})"],
                        path=archive)
                tag_bytes[path] = stream.read_bytes(entry, MAX_TAG_FILE)
                advance(entry.size)
        encoding, manifests, algorithms = _parse_tags(tag_bytes, problems)
        digests: dict[str, dict[str, str]] = {
            path: {a: hashlib.new(a, data).hexdigest() for a in algorithms}
            for path, data in tag_bytes.items()}
        sizes = {path: len(data) for path, data in tag_bytes.items()}
        kept: dict[str, bytes] = {}
        for entry in listing.entries:
            if extract_to is not None and entry.is_dir and entry.path:
                safe_target(extract_to, entry.path).mkdir(parents=True, exist_ok=True)
            if entry.is_dir or entry.path in tag_bytes:
                continue
            hashers = [hashlib.new(a) for a in algorithms]
            sinks: list[Callable[[bytes], object]] = [h.update for h in hashers]
            buffer: io.BytesIO | None = None
            if entry.path in keep:
                if entry.size > keep_limit:
                    problems.append(f"{entry.path}: too large ({human_size(entry.size)}; at "
                                    f"most {human_size(keep_limit)})")
                else:
                    buffer = io.BytesIO()
                    sinks.append(buffer.write)
            if extract_to is None:
                stream.read(entry, _fan_out(sinks), advance)
            else:
                with _create(extract_to, entry.path) as writer:
                    sinks.append(writer.write)
                    stream.read(entry, _fan_out(sinks), advance)
            digests[entry.path] = {a: h.hexdigest() for a, h in zip(algorithms, hashers,
                                                                     strict=True)}
            sizes[entry.path] = entry.size
            if buffer is not None:
                kept[entry.path] = buffer.getvalue()
    if extract_to is not None:
        for path, data in tag_bytes.items():
            with _create(extract_to, path) as writer:
                writer.write(data)
    for path in keep:
        if path in tag_bytes:
            kept[path] = tag_bytes[path]
    has_payload_dir = any(e.path == PAYLOAD_DIR or e.path.startswith(f"{PAYLOAD_DIR}/")
                          for e in listing.entries)
    return _conclude(archive, listing.top, tag_bytes, encoding, manifests, digests, sizes,
                     has_payload_dir, kept, problems)


@dataclass(frozen=True)
class ListedFile:
    """A payload file known by its size and sha256 (its bytes were checked elsewhere)."""

    path: str
    size: int
    sha256: str


def check_listed_bag(source: Path, bag_name: str, tag_bytes: Mapping[str, bytes],
                     payload: Sequence[ListedFile],
                     kept: Mapping[str, bytes] | None = None) -> BagReading:
    """The BagIt checks `read_bag` makes, for a bag known by the bytes of its root tag files
    and the sizes and sha256 of its payload files (a server whose files are stored by sha256
    checks a bag this way without reading its payload again). A manifest in another algorithm
    than sha256 cannot be checked from a sha256 and is a problem."""
    problems: list[str] = []
    tags = dict(tag_bytes)
    encoding, manifests, algorithms = _parse_tags(tags, problems)
    for manifest in manifests:
        if manifest.algorithm != "sha256":
            problems.append(f"{manifest.name}: only sha256 manifests can be checked here")
    manifests = [m for m in manifests if m.algorithm == "sha256"]
    digests: dict[str, dict[str, str]] = {
        path: {a: hashlib.new(a, data).hexdigest() for a in algorithms}
        for path, data in tags.items()}
    sizes = {path: len(data) for path, data in tags.items()}
    for listed in payload:
        digests[listed.path] = {"sha256": listed.sha256.lower()}
        sizes[listed.path] = listed.size
    has_payload_dir = any(f.path.startswith(f"{PAYLOAD_DIR}/") for f in payload)
    return _conclude(source, bag_name, tags, encoding, manifests, digests, sizes,
                     has_payload_dir, dict(kept or {}), problems)


def listed_name_problems(bag_name: str, paths: Sequence[str],
                         limits: ZipLimits = DEFAULT_LIMITS) -> list[str]:
    """What `read_bag` would refuse about the names of a zip holding `paths` under the one
    folder `bag_name`: unsafe or unportable names, a name twice (also in another letter case),
    a name that is both a file and a folder."""
    problems: list[str] = []
    keys: dict[str, str] = {}
    folders: set[str] = set()
    for path in paths:
        name = f"{bag_name}/{path}"
        found = _name_problems(name, limits)
        if found:
            problems += [f"{name}: {problem}" for problem in found]
            continue
        key = unicodedata.normalize("NFC", path).casefold()
        if key in keys:
            problems.append(f"{name}: appears twice in the zip file" if keys[key] == path else
                            f"{name}: differs from {bag_name}/{keys[key]} only in letter "
                            "case or accents (one would overwrite the other)")
            continue
        keys[key] = path
        parts = key.split("/")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    problems += [f"{bag_name}/{keys[key]}: used both as a file and as a folder"
                 for key in sorted(set(keys) & folders)]
    if len(paths) > limits.max_entries:
        problems.append(f"{len(paths)} files, more than a package may hold "
                        f"({limits.max_entries})")
    return problems


def _parse_tags(tag_bytes: dict[str, bytes], problems: list[str]
                ) -> tuple[str, list[_Manifest], list[str]]:
    """bagit.txt's encoding, the manifests, and the algorithms every file is hashed with."""
    encoding = _read_declaration(tag_bytes, problems)
    manifests = _read_manifests(tag_bytes, encoding, problems)
    algorithms = sorted({m.algorithm for m in manifests} | {"sha256"})
    return encoding, manifests, algorithms


def _conclude(archive: Path, top: str, tag_bytes: Mapping[str, bytes], encoding: str,
              manifests: list[_Manifest], digests: dict[str, dict[str, str]],
              sizes: dict[str, int], has_payload_dir: bool, kept: dict[str, bytes],
              problems: list[str]) -> BagReading:
    """The checks over every file's digests: manifests, Payload-Oxum, fetch.txt, data/."""
    info = _read_bag_info(dict(tag_bytes), encoding, problems)
    payload = tuple(BagFile(path, sizes[path], digests[path]) for path in sorted(digests)
                    if path.startswith(f"{PAYLOAD_DIR}/"))
    _check_manifests(manifests, digests, payload, problems)
    _check_oxum(info, payload, problems)
    if FETCH in tag_bytes:
        problems.append("fetch.txt: the package asks for files to be fetched from elsewhere; "
                        "a submission package must carry every file")
    if not has_payload_dir:
        problems.append("the payload folder data/ is missing")
    manifest = next((m.entries for m in manifests
                     if m.name == MANIFEST), {})
    fingerprint = digests[TAGMANIFEST]["sha256"] if TAGMANIFEST in digests else None
    return BagReading(archive, top, tuple(problems), tuple(info), payload,
                      dict(manifest), kept, fingerprint)


def _fan_out(sinks: list[Callable[[bytes], object]]) -> Callable[[bytes], None]:
    def write(chunk: bytes) -> None:
        for sink in sinks:
            sink(chunk)
    return write


def _check_room(folder: Path, needed: int) -> None:
    free = shutil.disk_usage(folder).free
    if free < needed + 64 * 1024 * 1024:
        raise StorageFullError(f"not enough free space to open this package (it needs "
                               f"{human_size(needed)}; {human_size(free)} free)", path=folder)


def _create(root: Path, relative: str) -> BinaryIO:
    """A new file for a bag path under `root` (never an existing one, never outside it)."""
    target = safe_target(root, relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    safe_target(root, relative)  # again, now that the folders exist
    try:
        return open(target, "xb")
    except FileExistsError:
        raise PackageRefusedError([f"{relative}: two entries would write the same file"]
                                  ) from None


def _decode(path: str, data: bytes, encoding: str, problems: list[str]) -> str | None:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        problems.append(f"{path}: not valid {encoding} text")
        return None
    return text[1:] if text.startswith("\ufeff") else text


def _lines(text: str) -> list[str]:
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _read_declaration(tags: dict[str, bytes], problems: list[str]) -> str:
    """Check bagit.txt (RFC 8493 §2.1.1); the encoding the other tag files use."""
    data = tags.get(BAGIT_TXT)
    if data is None:
        problems.append("bagit.txt is missing: this is not a BagIt bag")
        return "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        problems.append("bagit.txt: starts with a byte-order mark, which BagIt forbids")
        data = data[len(codecs.BOM_UTF8):]
    text = _decode(BAGIT_TXT, data, "utf-8", problems)
    if text is None:
        return "utf-8"
    lines = _lines(text)
    values: dict[str, str] = {}
    for line in lines:
        label, colon, value = line.partition(":")
        if colon:
            values[label.strip()] = value.strip()
    if len(lines) != 2 or [line.partition(":")[0] for line in lines] != [
            "BagIt-Version", "Tag-File-Character-Encoding"]:
        problems.append("bagit.txt: must be exactly two lines, 'BagIt-Version: M.N' then "
                        "'Tag-File-Character-Encoding: ENCODING'")
    version = values.get("BagIt-Version")
    if version is not None and version not in READABLE_VERSIONS:
        problems.append(f"bagit.txt: BagIt-Version {version} is not one mcdesk reads "
                        f"({' or '.join(READABLE_VERSIONS)})")
    encoding = values.get("Tag-File-Character-Encoding", "UTF-8")
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        problems.append(f"bagit.txt: unknown Tag-File-Character-Encoding {encoding!r}")
        return "utf-8"
    return codec


def _read_bag_info(tags: dict[str, bytes], encoding: str,
                   problems: list[str]) -> list[tuple[str, str]]:
    data = tags.get(BAG_INFO)
    if data is None:
        problems.append("bag-info.txt is missing")
        return []
    text = _decode(BAG_INFO, data, encoding, problems)
    if text is None:
        return []
    fields: list[tuple[str, str]] = []
    for number, line in enumerate(_lines(text), start=1):
        if line[:1] in (" ", "\t") and fields:  # a continuation of the previous value
            label, value = fields[-1]
            fields[-1] = (label, f"{value} {line.strip()}")
            continue
        label, colon, value = line.partition(":")
        if not colon or not label.strip():
            problems.append(f"bag-info.txt: line {number} is not 'Label: value'")
            continue
        fields.append((label.strip(), value.strip()))
    return fields


def _read_manifests(tags: dict[str, bytes], encoding: str,
                    problems: list[str]) -> list[_Manifest]:
    manifests: list[_Manifest] = []
    for name in sorted(tags):
        match = _MANIFEST_NAME.match(name)
        if match is None:
            continue
        algorithm = match.group(2).lower()
        if algorithm not in ALGORITHMS:
            problems.append(f"{name}: mcdesk cannot check the {algorithm} algorithm")
            continue
        text = _decode(name, tags[name], encoding, problems)
        if text is None:
            continue
        width = hashlib.new(algorithm).digest_size * 2
        entries: dict[str, str] = {}
        is_tag = bool(match.group(1))
        for number, line in enumerate(_lines(text), start=1):
            if not line.strip():
                continue
            parsed = _MANIFEST_LINE.match(line)
            if parsed is None or len(parsed.group(1)) != width:
                problems.append(f"{name}: line {number} is not '<{algorithm}> <path>'")
                continue
            path = decode_path(parsed.group(2))
            parts = path.split("/")
            if path.startswith("/") or any(p in ("", ".", "..") for p in parts):
                problems.append(f"{name}: {path!r} is not a plain path inside the bag")
                continue
            if not is_tag and parts[0] != PAYLOAD_DIR:
                problems.append(f"{name}: lists {path}, outside the payload folder data/")
                continue
            if path in entries:
                problems.append(f"{name}: lists {path} twice")
                continue
            entries[path] = parsed.group(1).lower()
        manifests.append(_Manifest(name, algorithm, entries))
    names = {m.name for m in manifests}
    if MANIFEST not in names and MANIFEST not in tags:
        problems.append("manifest-sha256.txt is missing: the files' hashes cannot be checked")
    if TAGMANIFEST not in names and TAGMANIFEST not in tags:
        problems.append("tagmanifest-sha256.txt is missing: bag-info.txt and the manifest "
                        "cannot be checked")
    return manifests


def _check_manifests(manifests: list[_Manifest], digests: dict[str, dict[str, str]],
                     payload: tuple[BagFile, ...], problems: list[str]) -> None:
    for manifest in manifests:
        is_tag = manifest.name.startswith("tag")
        for path, expected in manifest.entries.items():
            actual = digests.get(path)
            if actual is None:
                problems.append(f"{manifest.name}: lists {path}, which is not in the package")
            elif actual[manifest.algorithm] != expected:
                problems.append(f"{path}: its {manifest.algorithm} does not match "
                                f"{manifest.name} (changed or damaged after packaging)")
        if not is_tag:
            problems += [f"{f.path}: in the payload but not listed in {manifest.name}"
                         for f in payload if f.path not in manifest.entries]
        elif manifest.name == TAGMANIFEST:
            problems += [f"{manifest.name}: does not cover {name}, so it cannot be checked"
                         for name in (BAGIT_TXT, BAG_INFO, MANIFEST)
                         if name in digests and name not in manifest.entries]


def _check_oxum(info: list[tuple[str, str]], payload: tuple[BagFile, ...],
                problems: list[str]) -> None:
    values = [v for k, v in info if k.casefold() == "payload-oxum"]
    if not values:
        problems.append("bag-info.txt: Payload-Oxum is missing")
        return
    match = re.fullmatch(r"(\d+)\.(\d+)", values[0])
    octets, count = sum(f.size for f in payload), len(payload)
    if match is None:
        problems.append(f"bag-info.txt: Payload-Oxum {values[0]!r} is not 'octets.files'")
    elif (int(match.group(1)), int(match.group(2))) != (octets, count):
        problems.append(f"bag-info.txt: Payload-Oxum says {values[0]} but the payload holds "
                        f"{octets} bytes in {count} files")
