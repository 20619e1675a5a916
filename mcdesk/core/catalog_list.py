"""The catalog list's lines and stacks, and a definition as stored, apart from the
micro-credential definitions in core.catalog so the window shows its list without loading
them; any thread."""

from __future__ import annotations

from typing import NamedTuple

# NamedTuples, not frozen dataclasses: the first window needs these, and Python makes a
# NamedTuple class in a fifth of a frozen dataclass's time (one method to compile, not seven).


class CatalogEntry(NamedTuple):
    """A line in the catalog list: the current version of one micro-credential."""

    achievement_id: str
    version: str
    name: str
    description: str
    issuer_name: str | None
    stack_id: str | None
    stack_name: str | None
    stack_position: int | None
    in_service_hours: float | None
    older_versions: tuple[str, ...] = ()


class Stack(NamedTuple):
    id: str
    name: str
    description: str = ""
    members: tuple[CatalogEntry, ...] = ()


class StoredDefinition(NamedTuple):
    """An Achievement as stored in the portfolio: its JSON and where it sits among versions."""

    achievement_id: str
    version: str
    is_current: bool
    source_json: str
    all_versions: tuple[str, ...]  # newest first

