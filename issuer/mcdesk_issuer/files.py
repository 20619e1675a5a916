"""The issuer's files on disk: blobs by sha256 (`blobs/ab/ab12…`), tus upload parts
(`uploads/<id>.part`) and assembled bags (`bags/<submission id>.zip`); streamed in chunks,
written atomically; worker threads."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import uuid
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_UPLOAD_ID = re.compile(r"^[0-9a-f]{32}$")


def is_sha256(text: str) -> bool:
    return bool(_SHA256.match(text))


def is_upload_id(text: str) -> bool:
    return bool(_UPLOAD_ID.match(text))


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as reader:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a folder
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


class FileStore:
    """The blob store on a (shared) folder, with the tus parts and assembled bags beside it;
    see mcdesk_issuer.blobstore for the interface."""

    def __init__(self, blobs: Path, uploads: Path, bags: Path) -> None:
        self.blobs = blobs
        self.uploads = uploads
        self.bags = bags
        for folder in (blobs, uploads, bags):
            folder.mkdir(parents=True, exist_ok=True)

    def writable(self) -> str:
        """"ok" when a file can be written and removed in each folder, else what failed."""
        for folder in (self.blobs, self.uploads, self.bags):
            probe = folder / f".healthz-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            try:
                probe.write_bytes(b"ok")
                probe.unlink()
            except OSError as exc:
                return f"cannot write in {folder.name}/ ({exc.strerror or exc})"
        return "ok"

    # -- blobs ---------------------------------------------------------------------------

    def blob_path(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.blobs / sha256[:2] / sha256

    def has_blob(self, sha256: str) -> bool:
        return self.blob_path(sha256).is_file()

    def blob_size(self, sha256: str) -> int:
        return self.blob_path(sha256).stat().st_size

    def open_blob(self, sha256: str) -> BinaryIO:
        return open(self.blob_path(sha256), "rb")

    def adopt(self, part: Path, sha256: str) -> None:
        """Move a finished upload into the blob store (one rename; a blob already there
        is kept and the part dropped)."""
        target = self.blob_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(part, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(part, target)
        fsync_dir(target.parent)

    def discard_blob(self, sha256: str) -> None:
        self.blob_path(sha256).unlink(missing_ok=True)

    # -- upload parts --------------------------------------------------------------------

    def part_path(self, upload_id: str) -> Path:
        if not is_upload_id(upload_id):
            raise ValueError(f"not an upload id: {upload_id!r}")
        return self.uploads / f"{upload_id}.part"

    def create_part(self, upload_id: str) -> None:
        self.part_path(upload_id).touch(exist_ok=False)

    def part_size(self, upload_id: str) -> int | None:
        try:
            return self.part_path(upload_id).stat().st_size
        except FileNotFoundError:
            return None

    def discard_part(self, upload_id: str) -> None:
        self.part_path(upload_id).unlink(missing_ok=True)

    # -- bags ----------------------------------------------------------------------------

    def bag_path(self, submission_id: str) -> Path:
        return self.bags / f"{submission_id}.zip"
