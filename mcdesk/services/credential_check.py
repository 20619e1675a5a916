"""Verifying credential files and folders without a portfolio (the CLI's `credential verify`
and the window's File → Verify a credential…); any thread but the GUI thread (reads files)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from mcdesk.credentials.keys import EMPTY_CACHE, KeyCache
from mcdesk.credentials.received import MAX_FILE_BYTES
from mcdesk.credentials.verification import Verification, VerificationState, verify_bytes

CREDENTIAL_SUFFIXES = (".json", ".jsonld", ".jwt", ".jws", ".png", ".svg")


def credential_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and the credential files (by suffix) under the folders named, sorted;
    hidden files and folders are skipped, symbolic links inside folders are not followed."""
    for path in paths:
        if path.is_dir():
            found = []
            for child in path.rglob("*"):
                relative = child.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if child.is_symlink() or not child.is_file():
                    continue
                if child.suffix.lower() in CREDENTIAL_SUFFIXES:
                    found.append(child)
            yield from sorted(found)
        else:
            yield path


def verify_path(path: Path, *, keys: KeyCache = EMPTY_CACHE) -> Verification:
    """Never raises: a missing, unreadable or oversized file is FAILED with the reason."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _failed(f"{path.name} is {size / 1_048_576:.1f} MB; a credential file may "
                           f"be at most {MAX_FILE_BYTES // 1_048_576} MB")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return _failed(f"{path} does not exist")
    except IsADirectoryError:
        return _failed(f"{path} is a folder")
    except OSError as exc:
        return _failed(f"{path} cannot be read ({exc.strerror or exc})")
    return verify_bytes(data, path.name, keys=keys)


def verify_paths(paths: Iterable[Path], *,
                 keys: KeyCache = EMPTY_CACHE) -> list[tuple[Path, Verification]]:
    """Each credential file named or found under a folder named, with its verification."""
    return [(path, verify_path(path, keys=keys)) for path in credential_files(paths)]


def _failed(reason: str) -> Verification:
    return Verification(VerificationState.FAILED, (reason,), (), None)
