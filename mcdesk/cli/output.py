"""Writes command results as JSON or plain text; main thread."""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO


def dump_json(value: Any, out: TextIO) -> None:
    json.dump(plain(value), out, ensure_ascii=False, indent=2)
    out.write("\n")


def plain(value: Any) -> Any:
    """Dataclasses (and NamedTuples), enums, dates and paths as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple: like a dataclass
        return {name: plain(getattr(value, name)) for name in value._fields}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    return value


def report_refused(path: Path, problems: Sequence[str], *, key: str, as_json: bool,
                   out: TextIO, err: TextIO, kept: str = "nothing was kept") -> None:
    """A file refused whole: `{key: false, file, problems}` as JSON, or each problem on
    stderr under the file's name."""
    if as_json:
        dump_json({key: False, "file": path, "problems": list(problems)}, out)
        return
    print(f"mcdesk: {path}: refused; {kept}:", file=err)
    for problem in problems:
        print(f"  {problem}", file=err)
