"""The shape a submission's file list must have before the server stores or assembles
anything: the BagIt layout mcdesk writes (four tag files, everything else under data/), tag
files under a size cap, and few paths naming one stored file, so a small upload cannot be
multiplied into a large bag; any thread."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from mcdesk_issuer.config import Limits
from mcdesk_issuer.problems import Problem, invalid

#: The tag files of an mcdesk bag (docs/package-format.md): nothing else sits beside data/.
TAG_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt")
PAYLOAD_PREFIX = "data/"


class FileEntry(Protocol):
    @property
    def path(self) -> str: ...

    @property
    def sha256(self) -> str: ...

    @property
    def size(self) -> int: ...


def check_layout(files: Sequence[FileEntry], limits: Limits) -> None:
    """Raise the Problem a client gets for a file list that is not an mcdesk bag's: 422 for
    the layout and for one file named too often, 413 for a tag file over the cap."""
    problems: list[str] = []
    paths = {entry.path for entry in files}
    for entry in files:
        if entry.path not in TAG_FILES and not entry.path.startswith(PAYLOAD_PREFIX):
            problems.append(f"{entry.path!r}: an mcdesk bag holds only "
                            f"{', '.join(TAG_FILES)} and files under data/")
    problems += [f"{name} is missing" for name in TAG_FILES if name not in paths]
    copies = Counter(entry.sha256 for entry in files if entry.size > 0)
    for sha256, count in copies.items():
        if count > limits.max_paths_per_file:
            named = [e.path for e in files if e.sha256 == sha256]
            problems.append(f"{count} paths name the same file (sha256 {sha256}, e.g. "
                            f"{named[0]!r}); at most {limits.max_paths_per_file} may")
    if problems:
        raise invalid("the bag's file list is not an mcdesk bag", problems[:50])
    too_large = [e for e in files if e.path in TAG_FILES and e.size > limits.max_tag_file_bytes]
    if too_large:
        raise Problem(413, "too-large", f"{too_large[0].path} is larger than this server "
                      f"accepts for a tag file ({limits.max_tag_file_bytes} bytes)",
                      problems=[f"{e.path}: {e.size} bytes" for e in too_large],
                      extra={"file": too_large[0].path})
