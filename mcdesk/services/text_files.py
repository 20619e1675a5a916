"""Reads a text file the user names (a catalog, an answer) with a size limit, turning every
problem into a message that names the file; worker or main thread."""

from __future__ import annotations

from pathlib import Path

from mcdesk.core.errors import McdeskError


def decode_utf8(raw: bytes, source: Path | str, *, what: str,
                error: type[McdeskError] = McdeskError) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(f"not UTF-8 text (byte {exc.start}); {what} must be saved as UTF-8",
                    path=source) from None


def read_utf8(path: Path, *, limit: int, what: str, allow_empty: bool = False,
              error: type[McdeskError] = McdeskError) -> str:
    """The text of `path`, read at most `limit` bytes deep. `what` names the kind of file in
    the messages ("catalog files", "answers")."""
    try:
        if path.is_dir():
            raise error("this is a folder, not a file", path=path)
        size = path.stat().st_size
        if size > limit:
            raise error(f"the file is {size / 1_048_576:.1f} MB; {what} over "
                        f"{limit / 1_048_576:g} MB are refused", path=path)
        if size == 0 and not allow_empty:
            raise error("the file is empty", path=path)
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise error("no such file", path=path) from None
    except PermissionError:
        raise error("mcdesk is not allowed to read this file", path=path) from None
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror})", path=path) from None
    if len(raw) > limit:  # it grew while being read
        raise error(f"{what} over {limit / 1_048_576:g} MB are refused", path=path)
    return decode_utf8(raw, path, what=what, error=error)
