"""Errors as RFC 9457 problem details (application/problem+json): the exception the service
raises and the JSON it becomes; any thread."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://purl.mcdesk.org/issuer/problems/"

_TITLES = {460: "Checksum Mismatch"}


def title_of(status: int) -> str:
    if status in _TITLES:
        return _TITLES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class Problem(Exception):  # noqa: N818 - it is the problem document, raised
    """A request that cannot be served as asked: `status`, a stable `kind` (the last part of
    the problem type URI), `detail` in words, `problems` when several things are wrong and
    any further members (`missing`) in `extra`."""

    def __init__(self, status: int, kind: str, detail: str, *,
                 problems: Sequence[str] = (), headers: Mapping[str, str] | None = None,
                 extra: Mapping[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail
        self.problems = list(problems)
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def body(self) -> dict[str, Any]:
        document: dict[str, Any] = {"type": PROBLEM_BASE + self.kind,
                                    "title": title_of(self.status), "status": self.status,
                                    "detail": self.detail}
        if self.problems:
            document["problems"] = self.problems
        document.update(self.extra)
        return document


def unauthorized(detail: str, *, error: str | None = None) -> Problem:
    challenge = "Bearer" if error is None else f'Bearer error="{error}"'
    return Problem(401, "unauthorized", detail, headers={"WWW-Authenticate": challenge})


def forbidden(detail: str) -> Problem:
    return Problem(403, "forbidden", detail)


def not_found(detail: str) -> Problem:
    return Problem(404, "not-found", detail)


def conflict(detail: str, **extra: Any) -> Problem:
    return Problem(409, "conflict", detail, extra=extra)


def bad_request(detail: str, problems: Sequence[str] = ()) -> Problem:
    return Problem(400, "bad-request", detail, problems=problems)


def invalid(detail: str, problems: Sequence[str]) -> Problem:
    return Problem(422, "invalid", detail, problems=problems)
