"""A bag planned file by file without building a zip: the same names, tag files and hashes
the package would hold, each file with a way to read its bytes (for sending a bag one file at
a time); pure stdlib, no SQL; worker thread."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from mcdesk.core.packages import BAG_INFO, MANIFEST
from mcdesk.formats.bag import (
    BAGIT_TXT,
    BAGIT_TXT_BYTES,
    TAGMANIFEST,
    WrittenFile,
    bag_info_bytes,
    manifest_text,
    tagmanifest_bytes,
)

TAG_MEDIA_TYPE = "text/plain"


@dataclass(frozen=True)
class PayloadSource:
    """One payload file to plan: its bytes in memory (`data`) or in a file (`source`, whose
    sha256 and size are trusted as given: content-addressed evidence)."""

    path: str
    sha256: str
    size: int
    media_type: str
    source: Path | None = None
    data: bytes | None = None


@dataclass(frozen=True)
class PlannedFile:
    """One file of a planned bag: `opener` gives its bytes from the start."""

    path: str  # relative to the bag's base directory
    sha256: str
    size: int
    media_type: str
    opener: Callable[[], BinaryIO]
    source: Path | None = None  # the stored file, when the bytes live on disk already
    data: bytes | None = None  # the bytes, when they were made in memory (tag files, text)

    @property
    def is_tag_file(self) -> bool:
        return "/" not in self.path


@dataclass(frozen=True)
class PlannedBag:
    bag_name: str
    files: tuple[PlannedFile, ...]  # tag files first, then the payload in manifest order
    fingerprint: str  # sha256 of tagmanifest-sha256.txt, as the zip would have it

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)

    @property
    def payload(self) -> tuple[PlannedFile, ...]:
        return tuple(f for f in self.files if not f.is_tag_file)


def _bytes_opener(data: bytes) -> Callable[[], BinaryIO]:
    return lambda: io.BytesIO(data)


def _file_opener(path: Path) -> Callable[[], BinaryIO]:
    return lambda: open(path, "rb")


def plan_bag(bag_name: str, payload: Sequence[PayloadSource],
             bag_info: Sequence[tuple[str, str]]) -> PlannedBag:
    """The files of the bag BagWriter would write from `payload` (in this order) and the
    given bag-info fields, with the same tag files byte for byte."""
    payload_files: list[PlannedFile] = []
    for item in payload:
        if item.data is not None:
            digest = hashlib.sha256(item.data).hexdigest()
            payload_files.append(PlannedFile(item.path, digest, len(item.data),
                                             item.media_type, _bytes_opener(item.data),
                                             data=item.data))
        elif item.source is not None:
            payload_files.append(PlannedFile(item.path, item.sha256.lower(), item.size,
                                             item.media_type, _file_opener(item.source),
                                             source=item.source))
        else:
            raise ValueError(f"payload file {item.path!r} has neither data nor a source")
    written = [WrittenFile(f.path, f.size, f.sha256) for f in payload_files]
    tags: dict[str, bytes] = {BAGIT_TXT: BAGIT_TXT_BYTES}
    tags[BAG_INFO] = bag_info_bytes(bag_info, written)
    tags[MANIFEST] = manifest_text((f.path, f.sha256) for f in written)
    tagmanifest = tagmanifest_bytes(tags)
    tags[TAGMANIFEST] = tagmanifest
    tag_files = [PlannedFile(name, hashlib.sha256(data).hexdigest(), len(data), TAG_MEDIA_TYPE,
                             _bytes_opener(data), data=data) for name, data in tags.items()]
    return PlannedBag(bag_name, (*tag_files, *payload_files),
                      hashlib.sha256(tagmanifest).hexdigest())
