"""The first look at a file being imported, in one call of the isolated media process: what
it is (the probe) and its thumbnail, made from the original while the evidence store copies
and hashes it; run in the isolated media process (any thread)."""

from __future__ import annotations

from pathlib import Path

from mcdesk.core.errors import MediaError
from mcdesk.core.evidence import MediaInfo
from mcdesk.media.probe import probe_file
from mcdesk.media.thumbnails import make_thumbnail, partial_path

__all__ = ["probe_with_thumbnail"]


def probe_with_thumbnail(path: Path, thumbnail: Path) -> tuple[MediaInfo, bool]:
    """The probe of `path` (its MediaError, naming the file, goes to the caller) and whether
    a thumbnail was written to `thumbnail`. A file that can be read but not pictured is still
    good evidence, so a thumbnail failure only means False."""
    info = probe_file(path)
    try:
        made = make_thumbnail(path, thumbnail, kind=info.kind)
    except MediaError:
        partial_path(Path(thumbnail)).unlink(missing_ok=True)
        made = False
    return info, made
