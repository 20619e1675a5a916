"""Reads zip archives that may be hostile: every name, type, size and ratio is checked from the
central directory before a byte is inflated, then each entry is streamed with its declared size
and CRC enforced (mcdesk.formats.crc); stdlib otherwise; worker thread."""

from __future__ import annotations

import bisect
import os
import re
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from mcdesk.core.errors import McdeskError
from mcdesk.core.packages import PackageRefusedError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.units import human_size
from mcdesk.formats.crc import crc32

CHUNK = 1024 * 1024
MAX_PROBLEMS_SHOWN = 20

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_LOCAL_SIGNATURE = b"PK\x03\x04"
_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS_FORBIDDEN = set('<>:"|?*')
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}


@dataclass(frozen=True)
class ZipLimits:
    """How much a package may hold; anything beyond is refused before it is inflated."""

    max_entries: int = 10_000
    max_total_bytes: int = 256 * 1024**3  # uncompressed; classroom videos are several GB
    max_entry_ratio: int = 200  # uncompressed : compressed, for entries over `ratio_floor`
    ratio_floor: int = 1024 * 1024
    max_path_length: int = 1024
    max_component_length: int = 255


DEFAULT_LIMITS = ZipLimits()


@dataclass(frozen=True)
class ZipEntry:
    name: str  # as stored in the archive, "<bag>/data/x.mp4"
    path: str  # relative to the single top folder: "data/x.mp4"; "" for the folder itself
    is_dir: bool
    size: int  # declared, uncompressed
    compressed_size: int
    method: int
    crc: int
    data_offset: int


@dataclass(frozen=True)
class ZipListing:
    archive: Path
    top: str  # the one top-level folder every entry lives in
    entries: tuple[ZipEntry, ...]
    total_size: int  # declared, uncompressed, every file

    def files(self) -> list[ZipEntry]:
        return [entry for entry in self.entries if not entry.is_dir]


def inspect(archive: Path, limits: ZipLimits = DEFAULT_LIMITS) -> ZipListing:
    """The entries of `archive` if every one is safe to read; otherwise PackageRefusedError
    listing each unsafe entry and why. Nothing is inflated here."""
    try:
        with zipfile.ZipFile(archive) as opened:
            infos = opened.infolist()
        archive_size = archive.stat().st_size
    except FileNotFoundError:
        raise McdeskError("no such file", path=archive) from None
    except IsADirectoryError:
        raise McdeskError("this is a folder, not a package file", path=archive) from None
    except PermissionError:
        raise McdeskError("mcdesk is not allowed to read this file", path=archive) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error,
            UnicodeDecodeError, NotImplementedError):
        raise PackageRefusedError(["not a zip file, or a damaged one"], path=archive) from None
    if len(infos) > limits.max_entries:
        raise PackageRefusedError(
            [f"too many entries ({len(infos):,}; a package may hold at most "
             f"{limits.max_entries:,})"], path=archive)
    if not infos:
        raise PackageRefusedError(["the zip file is empty"], path=archive)

    problems: list[str] = []
    top = _top_folder(infos)
    entries: list[ZipEntry] = []
    file_keys: dict[str, str] = {}
    file_paths: set[str] = set()
    folder_keys: set[str] = set()
    total = 0
    with open(archive, "rb") as handle:
        for info in infos:
            name = info.orig_filename
            found = _name_problems(name, limits) + _kind_problems(info, limits)
            parts = name.split("/")
            is_dir = name.endswith("/")
            if is_dir:
                parts = parts[:-1]
            if not found and ((len(parts) < 2 and not is_dir) or parts[0] != top):
                found.append(f"outside the bag folder {top}/")
            if found:
                problems += [f"{name}: {problem}" for problem in found]
                continue
            path = "/".join(parts[1:])
            key = unicodedata.normalize("NFC", path).casefold()
            if is_dir:
                folder_keys.add(key)
            else:
                if path in file_paths:
                    problems.append(f"{name}: appears twice in the zip file")
                    continue
                if key in file_keys:
                    problems.append(f"{name}: differs from {top}/{file_keys[key]} only in letter "
                                    "case or accents (one would overwrite the other)")
                    continue
                file_keys[key] = path
                file_paths.add(path)
                key_parts = key.split("/")
                folder_keys.update("/".join(key_parts[:i]) for i in range(1, len(key_parts)))
            try:
                data_offset = _data_offset(handle, info, archive_size)
            except ValueError as exc:
                problems.append(f"{name}: {exc}")
                continue
            total += info.file_size
            entries.append(ZipEntry(name, path, is_dir, info.file_size, info.compress_size,
                                    info.compress_type, info.CRC, data_offset))
    for key in sorted(set(file_keys) & folder_keys):
        problems.append(f"{top}/{file_keys[key]}: used both as a file and as a folder")
    problems += _overlaps(entries, infos)
    if total > limits.max_total_bytes:
        problems.append(f"the files add up to {human_size(total)} uncompressed, more than a "
                        f"package may hold ({human_size(limits.max_total_bytes)})")
    if problems:
        raise PackageRefusedError(_capped(problems), path=archive)
    return ZipListing(archive, top, tuple(entries), total)


def _capped(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PROBLEMS_SHOWN:
        return problems
    return [*problems[:MAX_PROBLEMS_SHOWN],
            f"... and {len(problems) - MAX_PROBLEMS_SHOWN} more unsafe entries"]


def _top_folder(infos: list[zipfile.ZipInfo]) -> str:
    """The bag folder: the one holding bagit.txt, else the first entry's first segment."""
    for info in infos:
        parts = info.orig_filename.split("/")
        if len(parts) == 2 and parts[1] == "bagit.txt" and parts[0]:
            return parts[0]
    return infos[0].orig_filename.split("/")[0]


def _name_problems(name: str, limits: ZipLimits) -> list[str]:
    if not name:
        return ["an entry without a name"]
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        return ["a control character in its name"]
    if "\\" in name:
        return ["a backslash in its name (a Windows path that could leave the folder)"]
    if name.startswith("/"):
        return ["an absolute path"]
    if _DRIVE.match(name):
        return ["a drive letter (an absolute Windows path)"]
    if len(name) > limits.max_path_length:
        return [f"a path longer than {limits.max_path_length} characters"]
    parts = name[:-1].split("/") if name.endswith("/") else name.split("/")
    if ".." in parts:
        return ["a path that climbs out of its folder (..)"]
    if any(part in ("", ".") for part in parts):
        return ["an empty or '.' segment in its path"]
    for part in parts:
        if len(part) > limits.max_component_length:
            return [f"a name longer than {limits.max_component_length} characters"]
        if (part[-1] in " ." or _WINDOWS_FORBIDDEN & set(part)
                or part.split(".")[0].upper() in _WINDOWS_DEVICES):
            return [f'"{part}" is a name Windows cannot hold']
    return []


def _kind_problems(info: zipfile.ZipInfo, limits: ZipLimits) -> list[str]:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if stat.S_ISLNK(mode):
        return ["a symbolic link (links are never extracted)"]
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return ["a special file (device, pipe or socket)"]
    if info.flag_bits & 0x1:
        return ["encrypted"]
    if info.orig_filename.endswith("/"):
        return ["a folder entry with content"] if info.file_size else []
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return [f"compressed with method {info.compress_type}, which mcdesk does not read "
                "(only stored and deflated)"]
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        return ["stored uncompressed, yet its two sizes differ"]
    if info.file_size > limits.max_total_bytes:
        return [f"declares {human_size(info.file_size)}, more than a package may hold "
                f"({human_size(limits.max_total_bytes)})"]
    if (info.file_size > limits.ratio_floor
            and info.file_size > max(info.compress_size, 1) * limits.max_entry_ratio):
        ratio = info.file_size // max(info.compress_size, 1)
        return [f"would expand {ratio:,} times ({human_size(info.compress_size)} to "
                f"{human_size(info.file_size)}; at most {limits.max_entry_ratio}:1): "
                "a zip bomb?"]
    return []


def _data_offset(handle: BinaryIO, info: zipfile.ZipInfo, archive_size: int) -> int:
    """Where the entry's data starts, after checking its local header agrees with the central
    directory (a different name there is a disguised entry)."""
    handle.seek(info.header_offset)
    header = handle.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise ValueError("its data lies past the end of the file (truncated?)")
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != _LOCAL_SIGNATURE:
        raise ValueError("its local header is missing (damaged zip file)")
    name_length, extra_length = fields[9], fields[10]
    local_name = handle.read(name_length)
    central = info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
    if local_name != central:
        raise ValueError("its local header names it "
                         f"{local_name.decode('utf-8', 'replace')!r} (a disguised entry)")
    offset: int = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    if offset + info.compress_size > archive_size:
        raise ValueError("its data lies past the end of the file (truncated?)")
    return offset


def _overlaps(entries: list[ZipEntry], infos: list[zipfile.ZipInfo]) -> list[str]:
    """Entries whose data overlaps another's: the trick of the 'overlapping' zip bombs."""
    starts = sorted(int(info.header_offset) for info in infos)
    problems = []
    for entry in entries:
        end = entry.data_offset + entry.compressed_size
        index = bisect.bisect_left(starts, entry.data_offset)
        if index < len(starts) and end > starts[index]:
            problems.append(f"{entry.name}: its data overlaps another entry (a zip bomb?)")
    return problems


class EntryStream:
    """Streams entries of an inspected archive, enforcing declared sizes, the total cap and
    CRCs as the bytes arrive. Use as a context manager."""

    def __init__(self, listing: ZipListing, limits: ZipLimits = DEFAULT_LIMITS,
                 control: JobControl = NULL_CONTROL) -> None:
        self._listing = listing
        self._limits = limits
        self._control = control
        self._handle: BinaryIO | None = None
        self.total = 0  # bytes produced so far, every entry

    def __enter__(self) -> EntryStream:
        self._handle = open(self._listing.archive, "rb")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._handle is not None:
            self._handle.close()

    def _refuse(self, entry: ZipEntry, problem: str) -> PackageRefusedError:
        return PackageRefusedError([f"{entry.name}: {problem}"], path=self._listing.archive)

    def read(self, entry: ZipEntry, sink: Callable[[bytes], object],
             progress: Callable[[int], object] | None = None) -> None:
        """Pass every byte of `entry` to `sink`, in chunks of at most CHUNK."""
        handle = self._handle
        if handle is None:
            raise RuntimeError("EntryStream used outside its with block")
        handle.seek(entry.data_offset)
        inflater = zlib.decompressobj(-15) if entry.method == zipfile.ZIP_DEFLATED else None
        left = entry.compressed_size
        produced = 0
        crc = 0

        def take(out: bytes) -> None:
            nonlocal produced, crc
            if not out:
                return
            produced += len(out)
            self.total += len(out)
            if produced > entry.size:
                raise self._refuse(entry, f"expands past its declared size of {entry.size:,} "
                                          "bytes (a zip bomb?)")
            if self.total > self._limits.max_total_bytes:
                raise self._refuse(entry, "the package expands past "
                                          f"{human_size(self._limits.max_total_bytes)}")
            crc = crc32(out, crc)
            sink(out)
            if progress is not None:
                progress(len(out))

        while left > 0:
            self._control.check_cancelled()
            raw = handle.read(min(CHUNK, left))
            if not raw:
                raise self._refuse(entry, "its data ends early (truncated zip file)")
            left -= len(raw)
            if inflater is None:
                take(raw)
                continue
            data = raw
            while data and not inflater.eof:
                try:
                    take(inflater.decompress(data, CHUNK))
                except zlib.error:
                    raise self._refuse(entry, "its compressed data is damaged") from None
                data = inflater.unconsumed_tail
                self._control.check_cancelled()
            if inflater.eof:
                break
        if inflater is not None and not inflater.eof:
            raise self._refuse(entry, "its compressed data ends early (truncated)")
        if produced != entry.size:
            raise self._refuse(entry, f"holds {produced:,} bytes, not the {entry.size:,} it "
                                      "declares (damaged)")
        if crc != entry.crc:
            raise self._refuse(entry, "damaged: its CRC-32 does not match")

    def read_bytes(self, entry: ZipEntry, limit: int) -> bytes:
        """The whole entry in memory; refused when it declares more than `limit` bytes."""
        if entry.size > limit:
            raise self._refuse(entry, f"too large ({human_size(entry.size)}; at most "
                                      f"{human_size(limit)})")
        chunks: list[bytes] = []
        self.read(entry, chunks.append)
        return b"".join(chunks)


def safe_target(root: Path, relative: str) -> Path:
    """Where `relative` (an already checked bag path) goes under `root`; refuses anything
    that would land outside it, whatever links or odd names the disk holds."""
    target = root.joinpath(*relative.split("/"))
    resolved_root = os.path.realpath(root)
    resolved = os.path.realpath(target)
    if os.path.commonpath([resolved_root, resolved]) != resolved_root or resolved == resolved_root:
        raise PackageRefusedError([f"{relative}: would be written outside its folder"])
    return target
