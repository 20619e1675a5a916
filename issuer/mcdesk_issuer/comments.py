"""Review comments on the issuer: the light checks a pushed comment must pass, and the view of
the comments an earner may read once the submission is decided (audience "earner" only, the
members the protocol names only, never who wrote them); any thread."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

#: Longest comment text accepted (characters), as mcdesk itself allows.
MAX_TEXT = 20_000
#: Longest id, path or criterion id accepted in a comment.
MAX_REFERENCE = 2000
#: Most problems reported for one review (the rest are the same kind of mistake).
MAX_PROBLEMS = 50
EARNER, ISSUER = "earner", "issuer"
AUDIENCES = (EARNER, ISSUER)
KINDS = ("strength", "question", "suggestion", "note")
#: A comment without an audience is private to the issuer: privacy first.
DEFAULT_AUDIENCE = ISSUER
#: The members an earner is shown (anything else a client sent stays with the issuer, so a
#: member naming the assessor never reaches the earner).
EARNER_MEMBERS = ("id", "text", "kind", "audience", "evidenceId", "path", "rubricCriterionId",
                  "atSeconds", "endSeconds", "page", "region", "passage", "createdAt")
#: The members of the nested objects an earner is shown (docs/review-format.md), checked at
#: every depth: an unknown member inside a region or a passage stays with the issuer too.
NESTED_MEMBERS: dict[str, tuple[str, ...]] = {"region": ("x", "y", "width", "height"),
                                              "passage": ("start", "end", "quote")}
_REFERENCES = ("id", "evidenceId", "path", "rubricCriterionId", "createdAt")
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def comment_problems(comments: Sequence[Any]) -> list[str]:
    """What is wrong with a review's comments, one line each naming the comment (empty when
    they can be stored)."""
    problems: list[str] = []
    for index, comment in enumerate(comments):
        where = f"comments[{index}]"
        if not isinstance(comment, Mapping):
            problems.append(f"{where}: a comment is a JSON object")
        else:
            problems += [f"{where}: {p}" for p in _problems(comment)]
        if len(problems) >= MAX_PROBLEMS:
            return problems[:MAX_PROBLEMS]
    return problems


def _problems(comment: Mapping[str, Any]) -> list[str]:
    found: list[str] = []
    text = comment.get("text")
    if not isinstance(text, str) or not text.strip():
        found.append("text must be some words")
    elif len(text) > MAX_TEXT:
        found.append(f"text holds {len(text):,} characters; at most {MAX_TEXT:,} are kept")
    for key in _REFERENCES:
        value = comment.get(key)
        if key in comment and (not isinstance(value, str) or len(value) > MAX_REFERENCE):
            found.append(f"{key} must be text of at most {MAX_REFERENCE} characters")
    created = comment.get("createdAt")
    if isinstance(created, str) and len(created) <= MAX_REFERENCE and not _is_time(created):
        found.append("createdAt must be an RFC 3339 date and time")
    if "audience" in comment and comment["audience"] not in AUDIENCES:
        found.append('audience must be "earner" or "issuer"')
    if "kind" in comment and comment["kind"] not in KINDS:
        found.append(f"kind must be one of {', '.join(KINDS)}")
    at = _seconds(comment, "atSeconds", found)
    end = _seconds(comment, "endSeconds", found)
    if end is not None and (at is None or end < at):
        found.append("endSeconds needs an atSeconds no later than it")
    if "page" in comment and not (_is_integer(comment["page"]) and comment["page"] >= 1):
        found.append("page must be a whole number from 1")
    if "region" in comment:
        found += _region_problems(comment["region"])
    if "passage" in comment:
        found += _passage_problems(comment["passage"])
    return found


def _is_number(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value))


def _is_integer(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and float(value).is_integer())


def _is_time(text: str) -> bool:
    if not _RFC3339.match(text):
        return False
    try:
        datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _seconds(comment: Mapping[str, Any], key: str, found: list[str]) -> float | None:
    if key not in comment:
        return None
    value = comment[key]
    if not _is_number(value) or value < 0:
        found.append(f"{key} must be a number of seconds, 0 or more")
        return None
    return float(value)


def _region_problems(region: object) -> list[str]:
    keys = ("x", "y", "width", "height")
    if not isinstance(region, Mapping) or not all(_is_number(region.get(k)) for k in keys):
        return ["region must be an object of numbers x, y, width and height"]
    x, y, w, h = (float(region[k]) for k in keys)
    if min(x, y) < 0 or w <= 0 or h <= 0 or x + w > 1.0001 or y + h > 1.0001:
        return ["region must lie inside the picture (fractions of its width and height)"]
    return []


def _passage_problems(passage: object) -> list[str]:
    if not isinstance(passage, Mapping) or not all(
            _is_integer(passage.get(k)) for k in ("start", "end")):
        return ["passage must be an object with whole numbers start and end"]
    if not 0 <= passage["start"] < passage["end"]:
        return ["passage must hold at least one character (0 <= start < end)"]
    if "quote" in passage and not isinstance(passage["quote"], str):
        return ["passage quote must be text"]
    return []


def audience_of(comment: Mapping[str, Any]) -> str:
    """Who may read a stored comment; a comment that does not say is the issuer's alone."""
    audience = comment.get("audience", DEFAULT_AUDIENCE)
    return audience if audience in AUDIENCES else DEFAULT_AUDIENCE


def earner_comments(reviews: Iterable[Sequence[Any]]) -> list[dict[str, Any]]:
    """The comments meant for the earner from each review's comment list, in order, each
    reduced to the members the protocol names (nothing that could name the assessor)."""
    shown: list[dict[str, Any]] = []
    for comments in reviews:
        for comment in comments:
            if not isinstance(comment, Mapping) or audience_of(comment) != EARNER:
                continue
            if not isinstance(comment.get("text"), str) or not comment["text"].strip():
                continue
            shown.append(earner_view(comment))
    return shown


def earner_view(comment: Mapping[str, Any]) -> dict[str, Any]:
    """A comment reduced to the documented members, nested objects included; a nested member
    that is not an object is left out (a stored comment passed the checks, so it is one)."""
    view: dict[str, Any] = {}
    for key in EARNER_MEMBERS:
        if key not in comment:
            continue
        value = comment[key]
        if key in NESTED_MEMBERS:
            if not isinstance(value, Mapping):
                continue
            value = {k: value[k] for k in NESTED_MEMBERS[key] if k in value}
        view[key] = value
    return view
