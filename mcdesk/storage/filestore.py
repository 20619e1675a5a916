"""The content-addressed evidence store: files named by sha256, written atomically; worker
thread."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mcdesk.core.errors import McdeskError, StorageFullError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.formats.hashing_copy import ReadsInto, WriteBehind, advise, copy_hashing

CHUNK = 4 * 1024 * 1024  # large reads: fewer system calls, same flat memory
_HEX = set("0123456789abcdef")


def is_sha256(name: str) -> bool:
    return len(name) == 64 and set(name) <= _HEX


def sha256_of(path: Path, control: JobControl = NULL_CONTROL) -> str:
    """The sha256 of a file, read in chunks with constant memory; cancellable."""
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with open(path, "rb") as reader:
        while chunk := reader.read(CHUNK):
            control.check_cancelled()
            digest.update(chunk)
            done += len(chunk)
            control.progress(done, total)
    return digest.hexdigest()


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    path: Path
    already_stored: bool


class FileStore:
    """evidence/ab/ab12... files; a file is only ever visible under its name once complete."""

    def __init__(self, evidence_dir: Path, trash_dir: Path) -> None:
        self.root = evidence_dir
        self.trash = trash_dir
        self.incoming = evidence_dir / ".incoming"

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_file(self, source: Path, control: JobControl = NULL_CONTROL) -> StoredFile:
        """Copy `source` in while hashing it, in one pass with constant memory."""
        try:
            with open(source, "rb", buffering=0) as reader:
                total = os.fstat(reader.fileno()).st_size
                advise(reader.fileno(), "POSIX_FADV_SEQUENTIAL")
                return self._put_stream(reader, total, control, source)
        except FileNotFoundError as exc:
            raise McdeskError("the file disappeared while it was being added", path=source) from exc
        except PermissionError as exc:
            raise McdeskError("mcdesk is not allowed to read this file", path=source) from exc
        except IsADirectoryError as exc:
            raise McdeskError("this is a folder, not a file", path=source) from exc

    def put_bytes(self, data: bytes) -> StoredFile:
        return self._put_stream(io.BytesIO(data), len(data), NULL_CONTROL, None)

    def _put_stream(
        self, reader: ReadsInto, total: int, control: JobControl, source: Path | None
    ) -> StoredFile:
        self.incoming.mkdir(parents=True, exist_ok=True)
        partial = self.incoming / f"{uuid.uuid4().hex}.part"
        copied = 0

        def progress(count: int) -> None:
            nonlocal copied
            copied += count
            control.progress(copied, total)

        try:
            # Read once; the sha256 and the write of each chunk overlap with the next read.
            with open(partial, "wb", buffering=0) as writer:
                done, sha256 = copy_hashing(reader, WriteBehind(writer.fileno()),
                                            control=control, copied=progress)
                os.fsync(writer.fileno())
            target = self.path_for(sha256)
            # A stored copy of the same size may still be damaged: only a matching hash
            # makes it the same file; otherwise the fresh copy replaces it.
            if (target.is_file() and target.stat().st_size == done
                    and self.hash_of(target, control) == sha256):
                partial.unlink()
                return StoredFile(sha256, done, target, already_stored=True)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(partial, target)
            _fsync_dir(target.parent)
            return StoredFile(sha256, done, target, already_stored=False)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            if exc.errno == errno.ENOSPC:
                raise StorageFullError(
                    "the disk is full; nothing was added", path=source or self.root
                ) from exc
            raise
        except BaseException:
            partial.unlink(missing_ok=True)
            raise

    def scratch_path(self, suffix: str) -> Path:
        """A fresh path in the store's work folder, on the same disk, for a file being made."""
        self.incoming.mkdir(parents=True, exist_ok=True)
        return self.incoming / f"{uuid.uuid4().hex}.part{suffix}"

    def adopt(self, made: Path, control: JobControl = NULL_CONTROL) -> StoredFile:
        """Move a finished file made in the work folder into the store under its hash."""
        size = made.stat().st_size
        sha256 = self.hash_of(made, control)
        target = self.path_for(sha256)
        if target.is_file() and target.stat().st_size == size:
            made.unlink()
            return StoredFile(sha256, size, target, already_stored=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(made, target)
        _fsync_dir(target.parent)
        return StoredFile(sha256, size, target, already_stored=False)

    def discard_new(self, stored: StoredFile) -> None:
        """Undo storing a file nothing refers to yet (an import that failed after the copy)."""
        if not stored.already_stored:
            stored.path.unlink(missing_ok=True)

    def hash_of(self, path: Path, control: JobControl = NULL_CONTROL) -> str:
        return sha256_of(path, control)

    def iter_stored(self) -> Iterator[Path]:
        """Every file under evidence/ except work in progress."""
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if folder == self.incoming or not folder.is_dir():
                if folder.is_file():
                    yield folder
                continue
            yield from sorted(p for p in folder.iterdir() if not p.is_dir())

    def leftover_partials(self) -> list[Path]:
        if not self.incoming.is_dir():
            return []
        return sorted(self.incoming.iterdir())

    def move_to_trash(self, path: Path, reason: str) -> Path:
        """Move a file out of the store without deleting it; returns where it went."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        folder = self.trash / f"{stamp}-{reason}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / path.name
        number = 1
        while target.exists():  # two files of the same name in one second: keep both
            number += 1
            target = folder / f"{path.name}.{number}"
        shutil.move(str(path), target)
        return target

    def find_in_trash(self, sha256: str) -> Path | None:
        """A trashed copy whose content really has this hash, if one exists."""
        if not self.trash.is_dir():
            return None
        for candidate in sorted(self.trash.rglob(f"{sha256}*")):  # sha256 or sha256.2 ...
            if candidate.is_file() and self.hash_of(candidate) == sha256:
                return candidate
        return None

    def restore(self, trashed: Path, sha256: str) -> Path:
        target = self.path_for(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(trashed, target.with_name(target.name + ".restore"))
        os.replace(target.with_name(target.name + ".restore"), target)
        return target


def _fsync_dir(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
