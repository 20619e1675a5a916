"""Review files on disk: a BagIt 1.0 bag zipped like a submission package, holding
data/review.json; written whole or not at all and read back with small limits and every hash
checked; pure stdlib, no SQL; worker thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.formats.bag import BagReading, BagWriter, read_bag
from mcdesk.formats.bag_zip import ZipLimits

# The review metadata inside the bag.
REVIEW_PATH = "data/review.json"
# A review file holds one small JSON file; anything much larger is not one.
REVIEW_LIMITS = ZipLimits(max_entries=50, max_total_bytes=20 * 1024 * 1024,
                          max_entry_ratio=200, ratio_floor=1024 * 1024)
MAX_REVIEW_JSON = 16 * 1024 * 1024


@dataclass(frozen=True)
class WrittenReviewFile:
    path: Path
    size: int
    fingerprint: str  # sha256 of tagmanifest-sha256.txt


def write_review_file(dest: Path, bag_name: str, review_json: bytes,
                      bag_info: Sequence[tuple[str, str]], *, timestamp: datetime,
                      control: JobControl = NULL_CONTROL) -> WrittenReviewFile:
    """Write the bag to `dest` via `dest`.part, renamed at the end: a crash or a full disk
    leaves the earlier file (if any) as it was and no partial one."""
    partial = dest.with_name(dest.name + ".part")
    with BagWriter(partial, bag_name, timestamp=timestamp, control=control,
                   total_bytes=len(review_json)) as writer:
        writer.add_bytes(REVIEW_PATH, review_json, compress=True)
        written = writer.finish(bag_info)
        writer.commit(dest)
    return WrittenReviewFile(dest, written.size, written.fingerprint)


def read_review_bag(path: Path, control: JobControl = NULL_CONTROL) -> BagReading:
    """Read the bag in `path` with the review file limits, keeping data/review.json.
    PackageRefusedError for an unsafe zip; BagIt problems are in the result's `problems`."""
    return read_bag(path, limits=REVIEW_LIMITS, control=control, keep=(REVIEW_PATH,),
                    keep_limit=MAX_REVIEW_JSON)
