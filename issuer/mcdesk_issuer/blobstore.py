"""The blob store interface the issuer reads and writes submission files through, by sha256;
any thread.

`files.FileStore` is the implementation: a folder (`blobs/ab/ab12…`) that every issuer process
shares (a local disk for one machine, NFS or a similar shared filesystem for several).

An S3-compatible store is the extension point for larger installs: a class with these five
methods over a bucket (keys `blobs/<sha256>`), where `adopt` uploads the finished tus part
(multipart for large files) and deletes it, `has_blob`/`blob_size` are HEAD requests,
`open_blob` streams a GET, and `discard_blob` is a DELETE. Upload parts (`uploads/`) and
assembled bags (`bags/`) stay on the shared folder: tus PATCHes append to them in place."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol


class BlobStore(Protocol):
    def has_blob(self, sha256: str) -> bool:
        """Whether the store holds the file whose sha256 this is."""

    def blob_size(self, sha256: str) -> int:
        """Its size in bytes (FileNotFoundError when absent)."""

    def open_blob(self, sha256: str) -> BinaryIO:
        """Its bytes, to read from the start (FileNotFoundError when absent)."""

    def adopt(self, part: Path, sha256: str) -> None:
        """Take a finished upload (a local file whose sha256 was checked) into the store; the
        part is gone afterwards. A blob already there is kept."""

    def discard_blob(self, sha256: str) -> None:
        """Forget a blob (found damaged); nothing when absent."""
