"""The gate every request passes before any handler: a trusted Host, then the bearer token
(where the call needs one), then the body-size limit, all decided from the headers before a
byte of the body is read (a tus PATCH streams and is bounded by its Upload-Length instead).
Pure ASGI on the event loop; the token check runs on a worker thread."""

from __future__ import annotations

from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mcdesk_issuer.problems import PROBLEM_JSON, Problem

#: Where the scope keeps the caller the gate authenticated (handlers reuse it).
CALLER_KEY = "mcdesk.caller"
UPLOADS = "/api/v1/uploads/"
#: Paths under these prefixes need a token, except the few PUBLIC ones.
PROTECTED = ("/api/v1/", "/ims/ob/v3p0/")
PUBLIC = frozenset({"/ims/ob/v3p0/discovery"})

Authenticate = Callable[[str | None], object]


def needs_token(method: str, path: str) -> bool:
    if method == "OPTIONS" and path.startswith(UPLOADS):
        return False  # tus clients ask what the server speaks before they hold a token
    return path.startswith(PROTECTED) and path not in PUBLIC


def is_tus_patch(method: str, path: str) -> bool:
    return method == "PATCH" and path.startswith(UPLOADS)


def host_name(value: str) -> str:
    """The name part of a Host header, lower case, without port or IPv6 brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


class Gate:
    """Refuses, from the headers alone: an untrusted Host (421), a missing or bad token (401)
    and a declared body over `max_body` (413). A chunked body is counted as it comes and
    refused past `max_body`, so a request body is never held beyond the limit."""

    def __init__(self, app: ASGIApp, *, authenticate: Authenticate,
                 hosts: frozenset[str] | None, max_body: int) -> None:
        self.app = app
        self.authenticate = authenticate
        self.hosts = hosts
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        method, path = str(scope["method"]), str(scope["path"])
        has_body = ("content-length" in headers and headers["content-length"] != "0") or (
            "transfer-encoding" in headers)
        refusal = self._host_problem(headers.get("host"))
        if refusal is None and needs_token(method, path):
            try:
                scope[CALLER_KEY] = await run_in_threadpool(self.authenticate,
                                                            headers.get("authorization"))
            except Problem as problem:
                refusal = problem
        if refusal is None and not is_tus_patch(method, path):
            refusal = self._size_problem(headers.get("content-length"))
            if refusal is None and "content-length" not in headers and (
                    "transfer-encoding" in headers):
                receive, refusal = await self._buffered(receive)
        if refusal is not None:
            await _answer(refusal, scope, receive, send, close=has_body)
            return
        await self.app(scope, receive, send)

    def _host_problem(self, host: str | None) -> Problem | None:
        if self.hosts is None:
            return None
        if host is None or host_name(host) not in self.hosts:
            return Problem(421, "misdirected", "this server does not answer for the host "
                           f"{host!r}; use its public address")
        return None

    def _size_problem(self, declared: str | None) -> Problem | None:
        if declared is None:
            return None
        if not declared.isdigit():
            return Problem(400, "bad-request", "Content-Length must be a whole number")
        if int(declared) > self.max_body:
            return self._too_large()
        return None

    def _too_large(self) -> Problem:
        return Problem(413, "too-large", f"the request body is larger than this server reads "
                       f"({self.max_body} bytes)", extra={"maxBodyBytes": self.max_body})

    async def _buffered(self, receive: Receive) -> tuple[Receive, Problem | None]:
        """A chunked body read up to the limit (and no further), replayed to the app."""
        messages: list[Message] = []
        total = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            total += len(message.get("body", b""))
            if total > self.max_body:
                return receive, self._too_large()
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        return replay, None


async def _answer(problem: Problem, scope: Scope, receive: Receive, send: Send, *,
                  close: bool) -> None:
    headers = dict(problem.headers)
    if close:  # the body stays unread: the connection cannot carry another request
        headers["Connection"] = "close"
    response = JSONResponse(problem.body(), status_code=problem.status, headers=headers,
                            media_type=PROBLEM_JSON)
    await response(scope, receive, send)
