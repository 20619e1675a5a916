"""HTTP plumbing shared by the issuer client and the tus client: sessions with TLS always
verified, timeouts on every request, and one mapping from a failed answer to a core sync error
(problem details read, Retry-After honoured); worker thread."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import requests

from mcdesk import __version__
from mcdesk.core.sync import Conflict, LoginNeeded, ProtocolError, Rejected, TransientError

log = logging.getLogger(__name__)

# (connect, read) seconds. A read timeout is the longest silence tolerated, not a total.
DEFAULT_TIMEOUT: tuple[float, float] = (10.0, 60.0)
# The most of an error body read (a problem document is small; a server may send anything).
MAX_ERROR_BODY = 64 * 1024
# The most of a JSON answer read into memory.
MAX_JSON_BODY = 32 * 1024 * 1024
USER_AGENT = f"mcdesk/{__version__}"
# Statuses that mean "try again later".
# 423: a tus upload whose earlier request (cut on our side) the server is still finishing.
TRANSIENT_STATUSES = frozenset({408, 423, 425, 429, 500, 502, 503, 504})


def make_session() -> requests.Session:
    """A session that verifies TLS (always: there is no switch to turn it off) and says who
    it is. Proxies from the environment are honoured, as users behind a school proxy expect."""
    session = requests.Session()
    session.verify = True
    session.headers["User-Agent"] = USER_AGENT
    return session


def retry_after(response: requests.Response, now: Callable[[], datetime] | None = None,
                ) -> float | None:
    """Seconds the server asked to wait (Retry-After as seconds or an HTTP date), if any."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(min(int(value), 24 * 3600))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    current = now() if now is not None else datetime.now(UTC)
    return max(0.0, min((moment - current).total_seconds(), 24 * 3600.0))


def read_limited(response: requests.Response, limit: int) -> bytes:
    """At most `limit` bytes of the body (more is refused: a server that answers with a
    flood is a broken server)."""
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > limit:
                raise ProtocolError(f"{response.url}: the answer is larger than "
                                    f"{limit // 1024} KB; this is not the mcdesk protocol")
            chunks.append(chunk)
    except requests.RequestException as exc:
        raise TransientError(f"the connection broke while reading the answer ({_why(exc)})",
                             ) from exc
    return b"".join(chunks)


def problem(response: requests.Response) -> tuple[str, tuple[str, ...]]:
    """The server's own words about a failed request: (detail or title, problems[])."""
    try:
        body = read_limited(response, MAX_ERROR_BODY)
    except (ProtocolError, TransientError):
        body = b""
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    reason = response.reason or ""
    if kind in ("application/problem+json", "application/json") and body:
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            data = None
        if isinstance(data, dict):
            items = data.get("problems")
            problems = tuple(str(p) for p in items if isinstance(p, str | int | float)) \
                if isinstance(items, list) else ()
            detail = data.get("detail") or data.get("title") or reason
            if not isinstance(detail, str):
                detail = json.dumps(detail)[:500]
            return detail, problems
    if kind.startswith("text/plain") and body:
        text = body.decode("utf-8", "replace").strip()
        if text:
            return text[:500], ()
    return reason or f"HTTP {response.status_code}", ()


def raise_for(response: requests.Response, *, server: str, what: str,
              file: str | None = None) -> None:
    """Raise the core error for a failed answer; return for a 2xx."""
    status = response.status_code
    if 200 <= status < 300:
        return
    detail, problems = problem(response)
    if status == 401:
        raise LoginNeeded(server)
    if status in TRANSIENT_STATUSES or status >= 500:
        raise TransientError(f"{what}: the server is unavailable for now ({status} "
                             f"{detail})", retry_after(response))
    if status in (409, 412):
        raise Conflict(f"{what}: {detail}")
    if status == 403:
        raise Rejected(f"{what}: this account may not do that ({detail})", file,
                       status=status, problems=problems)
    if status == 413:
        raise Rejected(f"too large for the server: {detail}", file, status=status,
                       problems=problems)
    if status == 415:
        raise Rejected(f"a type of file the server does not accept: {detail}", file,
                       status=status, problems=problems)
    if 300 <= status < 400:
        raise ProtocolError(f"{what}: the server redirected to "
                            f"{response.headers.get('Location', '?')} ({status}); check the "
                            "server address")
    message = f"{what}: {detail}" + (f" ({'; '.join(problems)})" if problems else "")
    raise Rejected(message, file, status=status, problems=problems)


def json_body(response: requests.Response, what: str) -> Any:
    """The JSON of a successful answer; anything else is a protocol error naming `what`."""
    body = read_limited(response, MAX_JSON_BODY)
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        snippet = body[:80].decode("utf-8", "replace")
        raise ProtocolError(f"{what}: the server did not answer with JSON ({snippet!r}…); "
                            "is this an mcdesk issuing server?") from None


def _why(exc: BaseException) -> str:
    if isinstance(exc, requests.Timeout):
        return "no answer in time"
    if isinstance(exc, requests.exceptions.SSLError):
        return "its certificate could not be verified"
    if isinstance(exc, requests.ConnectionError):
        return "could not connect, or the connection broke"
    return exc.__class__.__name__


@contextmanager
def transport_errors(what: str) -> Iterator[None]:
    """Network failures (refused, reset, timeout) as TransientError; a certificate that does
    not verify is a rejection: retrying will not fix it, the user must."""
    try:
        yield
    except requests.exceptions.SSLError as exc:
        raise Rejected(f"{what}: the server's certificate could not be verified; mcdesk only "
                       "talks to servers with a valid certificate") from exc
    except (requests.Timeout, requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
            ) as exc:
        raise TransientError(f"{what}: {_why(exc)}") from exc
    except requests.exceptions.InvalidURL as exc:
        raise Rejected(f"{what}: not a valid address ({exc})") from exc
