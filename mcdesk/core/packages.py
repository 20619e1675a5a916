"""Submission packages as plain data: a built package, a verification report, a received
package and the refusal of a hostile or damaged one; any thread."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from mcdesk.core.catalog import EvidenceKind
from mcdesk.core.errors import McdeskError

# The folder of the bag where the payload lives (RFC 8493 §2.1.2).
PAYLOAD_DIR = "data"
# The package metadata file, relative to the bag's base directory.
METADATA_PATH = "data/submission.json"
BAG_INFO = "bag-info.txt"
MANIFEST = "manifest-sha256.txt"


class PackageRefusedError(McdeskError):
    """A package was refused: unsafe, damaged or not a valid submission. Nothing of it was
    kept; `problems` lists every reason found, each naming the entry or file."""

    def __init__(self, problems: Sequence[str], *, path: Path | str | None = None) -> None:
        self.problems = tuple(problems) or ("the package is not valid",)
        first = self.problems[0]
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"package refused: {first}{suffix}", path=path)


@dataclass(frozen=True)
class BuiltPackage:
    """A package mcdesk built, as kept in the portfolio so what was sent can be seen later."""

    submission_id: str
    draft_id: str
    mc_id: str
    mc_version: str
    mc_name: str
    attempt: int
    built_at: datetime
    saved_to: Path  # where the package was written
    copy: Path | None  # the frozen copy in the portfolio; None when none was kept
    metadata: Path  # the frozen data/submission.json
    size: int  # bytes of the zip
    files: int  # payload files
    payload_bytes: int
    fingerprint: str  # sha256 of tagmanifest-sha256.txt: identifies the whole bag
    bag_name: str


@dataclass(frozen=True)
class VerifyReport:
    """What checking one package found; valid when there is no problem."""

    path: Path
    problems: tuple[str, ...]
    bag_name: str | None = None
    submission_id: str | None = None
    mc_name: str | None = None
    attempt: int | None = None
    payload_files: int = 0
    payload_bytes: int = 0
    fingerprint: str | None = None

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ReceivedEvidence:
    """One piece of evidence as a received package shows it."""

    id: str
    name: str
    genre: str
    narrative: str
    kind: EvidenceKind
    consent: str
    file: Path | None  # the extracted file, None for links
    url: str | None = None
    media_type: str | None = None
    size: int | None = None
    derivation: str | None = None  # "trimmed 0:01–0:04" for a version made by mcdesk
    identifying: bool = False  # the package marks it as showing who the earner is


@dataclass(frozen=True)
class ReceivedCriterion:
    id: str
    part: str | None
    prompt: str | None
    answer: str | None
    evidence: tuple[ReceivedEvidence, ...]


@dataclass(frozen=True)
class ReceivedPackage:
    """A package opened from a file, extracted (verified) into the portfolio."""

    submission_id: str
    folder: Path
    mc_id: str
    mc_version: str
    mc_name: str
    attempt: int
    created_at: datetime
    opened_at: datetime
    fingerprint: str
    software: str
    criteria: tuple[ReceivedCriterion, ...]
    self_assessment: tuple[tuple[str, str], ...]  # (rubric criterion id, level id)
    already_open: bool = False  # the same package had been opened before
    earner_name: str | None = None  # identifying: hidden from assessors during blind review


def metadata_cross_checks(metadata: dict[str, Any], manifest: dict[str, str],
                          sizes: dict[str, int], identifier: str | None) -> list[str]:
    """What a schema-valid submission.json says that its bag contradicts: files it names that
    the manifest lacks or hashes differently, sizes that differ, evidence and criteria that do
    not refer to each other, an External-Identifier that is another submission's. mcdesk
    (verify, open) and the reference issuer (finalize) apply the same rule."""
    problems: list[str] = []
    named: list[tuple[str, str | None, int | None]] = []
    for criterion in metadata["criteria"]:
        if "answer" in criterion:
            named.append((criterion["answer"]["file"], None, None))
    for entry in metadata["evidence"]:
        if "file" in entry:
            named.append((entry["file"]["path"], entry["file"]["sha256"], entry["file"]["size"]))
    for path, sha256, size in named:
        if path not in manifest:
            problems.append(f"{METADATA_PATH} names {path}, which is not listed in {MANIFEST}")
        elif sha256 is not None and manifest[path] != sha256:
            problems.append(f"{METADATA_PATH}: the sha256 it gives for {path} differs from "
                            f"{MANIFEST}")
        elif size is not None and path in sizes and sizes[path] != size:
            problems.append(f"{METADATA_PATH}: the size it gives for {path} differs from the "
                            "file's")
    answered = {(e["id"], e["criterion"]) for e in metadata["evidence"]}
    listed = {c["id"] for c in metadata["criteria"]}
    for criterion in metadata["criteria"]:
        problems += [f"{METADATA_PATH}: criterion {criterion['id']} lists evidence {ref} that "
                     "has no entry for it" for ref in criterion["evidence"]
                     if (ref, criterion["id"]) not in answered]
    problems += [f"{METADATA_PATH}: evidence {e['id']} answers criterion {e['criterion']}, "
                 "which is not among the criteria" for e in metadata["evidence"]
                 if e["criterion"] not in listed]
    if identifier is not None and identifier != metadata["id"]:
        problems.append(f"{BAG_INFO}: External-Identifier {identifier} differs from the "
                        f"submission id {metadata['id']}")
    return problems
