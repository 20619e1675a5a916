"""Text rules shared by search and word limits (accent folding, word counts); any thread."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


def fold(text: str) -> str:
    """Lower-case `text` and drop accents, so 'Évaluation' matches 'evaluation'."""
    if text.isascii():  # most words: nothing to decompose (and casefold is lower here)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def word_count(text: str) -> int:
    """Count words the way a reader would: hyphenated and apostrophe words count once."""
    return len(_WORD.findall(text))


def search_terms(query: str) -> list[str]:
    """Split a typed query into folded word terms; punctuation is ignored."""
    return [m.group(0) for m in re.finditer(r"[^\W_]+", fold(query), re.UNICODE)]


_NUMBER_RUN = re.compile(r"(\d+)")
_SEPARATORS = ".-_ "


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """A sort key where '1.10' is newer than '1.9' and '2.0' newer than '2.0-beta'."""
    parts: list[tuple[int, str]] = []
    for chunk in _NUMBER_RUN.split(version.strip()):
        if not chunk:
            continue
        if chunk.isdecimal():  # not isdigit: '²' is a digit int() cannot read
            parts.append((1, f"{int(chunk):020d}"))
            continue
        # A letter suffix (beta, rc) sorts before the bare release, whatever separates it.
        suffix = chunk.strip(_SEPARATORS).lower()
        if suffix:
            parts.append((0, suffix))
    parts.append((0, "~"))
    return tuple(parts)
