"""The mcdesk issuer protocol client (docs/issuer-protocol.md): discovery, me, the catalog with
ETags, submissions (begin, file uploads over tus, finalize, status), assignments and bag
downloads with Range resume, reviews with If-Match, earned credentials page by page. Answers
come back as core dataclasses, failures as core sync errors; worker thread (one client per
server, used by one thread at a time)."""

from __future__ import annotations

import errno
import logging
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from mcdesk.core.calibration import CalibrationItem, CalibrationResult
from mcdesk.core.drafts import CriterionFeedback
from mcdesk.core.errors import McdeskError, StorageFullError
from mcdesk.core.progress import NULL_CONTROL, JobControl
from mcdesk.core.readiness import ServerLimits
from mcdesk.core.reviews import Annotation, AnnotationError
from mcdesk.core.sync import (
    Assignment,
    BeginRequest,
    BeginResult,
    CatalogPull,
    Conflict,
    CredentialsPage,
    Discovery,
    FinalizeResult,
    InsecureAddressError,
    Me,
    ProtocolError,
    Rejected,
    RemoteState,
    RemoteStatus,
    ReviewClosed,
    ReviewPush,
    ReviewReceipt,
    ReviewScore,
    TransientError,
    TusEndpoint,
)
from mcdesk.sync.http import (
    DEFAULT_TIMEOUT,
    MAX_JSON_BODY,
    json_body,
    make_session,
    problem,
    raise_for,
    read_limited,
    transport_errors,
)
from mcdesk.sync.tus import RETRY_DELAYS, TusClient, UploadFile, UploadResult

log = logging.getLogger(__name__)

WELL_KNOWN = "/.well-known/mcdesk-issuer"
SUPPORTED_MAJOR = "1"
DOWNLOAD_CHUNK = 1024 * 1024
CREDENTIALS_PAGE = 50
MAX_CREDENTIAL_PAGES = 1000
_LINK_NEXT = re.compile(r'<([^>]*)>\s*;[^,]*\brel="?next"?', re.IGNORECASE)


def normalize_url(url: str) -> str:
    """A server's base URL as stored: scheme and host checked, no trailing slash."""
    text = url.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise McdeskError(f'"{url}" is not a server address; give one like '
                          "https://issuer.example.org")
    if parts.query or parts.fragment:
        raise McdeskError(f'"{url}": a server address has no ?query or #fragment')
    return text.rstrip("/")


@contextmanager
def _resumes_when_full(partial: Path) -> Iterator[None]:
    """A full disk while downloading into `partial` is said as such; the bytes so far stay
    for the download to resume from."""
    try:
        yield
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise StorageFullError("the disk is full; the download stopped and will resume",
                                   path=partial) from exc
        raise


def is_loopback_host(host: str) -> bool:
    """True for this machine's own names and addresses (127.0.0.0/8, ::1, localhost)."""
    import ipaddress

    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_transport(url: str, *, allow_insecure_http: bool = False) -> None:
    """Refuse http:// to any host but this machine unless `allow_insecure_http`."""
    parts = urlsplit(url)
    if parts.scheme == "http" and not is_loopback_host(parts.hostname or "") and not (
            allow_insecure_http):
        raise InsecureAddressError(
            f'"{url}" is plain http: your token and your classroom videos would cross the '
            "school network unencrypted, readable by anyone on it. Use the https:// address "
            "of the server; if your program really has none, add it with "
            "--allow-insecure-http (in the window: agree when asked).")


class IssuerClient:
    """Talks to one issuing server. `token` (from the keyring) goes only to the server's own
    origin; it is never logged."""

    def __init__(self, base_url: str, token: str | None, *, server: str = "the server",
                 session: requests.Session | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 slice_size: int | None = None) -> None:
        self.base_url = normalize_url(base_url)
        self.server = server
        self._token = token
        self._owns_session = session is None
        self._session = session or make_session()
        self._timeout = timeout
        self._slice_size = slice_size
        self._discovery: Discovery | None = None
        self._origin = _origin(self.base_url)

    def close(self) -> None:
        if self._owns_session:
            self._session.close()

    def __enter__(self) -> IssuerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -------------------------------------------------------------------------

    def _auth(self, url: str) -> dict[str, str]:
        if self._token and _origin(url) == self._origin:
            return {"Authorization": f"Bearer {self._token}"}
        return {}

    def _call(self, method: str, url: str, what: str, *, auth: bool = True,
              headers: Mapping[str, str] | None = None, json: Any = None,
              stream: bool = True) -> requests.Response:
        sent = {"Accept": "application/json, application/problem+json"}
        if auth:
            sent.update(self._auth(url))
        sent.update(headers or {})
        with transport_errors(what):
            return self._session.request(method, url, headers=sent, json=json,
                                         timeout=self._timeout, stream=stream,
                                         allow_redirects=False)

    def _api(self, path: str) -> str:
        base = self.discover().api_base.rstrip("/") + "/"
        return urljoin(base, path.lstrip("/"))

    def _json(self, method: str, url: str, what: str, *, file: str | None = None,
              **kwargs: Any) -> tuple[requests.Response, Any]:
        response = self._call(method, url, what, **kwargs)
        with response:
            raise_for(response, server=self.server, what=what, file=file)
            return response, json_body(response, what)

    def get_json(self, path: str, what: str) -> Any:
        """GET an API path (relative to the API base) and its JSON answer."""
        _response, data = self._json("GET", self._api(path), what)
        return data

    def delete_json(self, path: str, what: str) -> Any:
        """DELETE an API path and its JSON answer."""
        _response, data = self._json("DELETE", self._api(path), what)
        return data

    def post_json(self, path: str, body: Any, what: str) -> Any:
        """POST JSON to an API path and its JSON answer."""
        _response, data = self._json("POST", self._api(path), what, json=body)
        return data

    # -- discovery ------------------------------------------------------------------------

    def discover(self, *, refresh: bool = False) -> Discovery:
        """The server's capabilities (no token needed); kept for the client's life."""
        if self._discovery is not None and not refresh:
            return self._discovery
        what = f"reading what {self.server} offers"
        _response, data = self._json("GET", self.base_url + WELL_KNOWN, what, auth=False)
        self._discovery = parse_discovery(data, self.base_url, what)
        return self._discovery

    def me(self) -> Me:
        _response, data = self._json("GET", self._api("me"), "checking the token")
        obj = _object(data, "checking the token")
        return Me(_str(obj, "id", "me"), _str(obj, "displayName", "me", default=""),
                  _str(obj, "role", "me", default=""))

    # -- catalog --------------------------------------------------------------------------

    def catalog(self, etag: str | None = None) -> CatalogPull:
        """The server's catalog file; `unchanged` when it still has `etag`."""
        what = "fetching the catalog"
        headers = {"If-None-Match": etag} if etag else {}
        response = self._call("GET", self._api("catalog"), what, headers=headers)
        with response:
            if response.status_code == 304:
                return CatalogPull(True, None, etag)
            raise_for(response, server=self.server, what=what)
            body = read_limited(response, MAX_JSON_BODY)
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise ProtocolError(f"{what}: the catalog is not UTF-8 text") from None
            return CatalogPull(False, text, response.headers.get("ETag"))

    def resolve(self, href: str) -> str:
        """A catalog's file reference as an address: relative ones are beside the catalog."""
        if urlsplit(href).scheme:
            return href
        return urljoin(self._api("catalog"), href)

    def fetch_file(self, href: str, partial: Path, *, limit: int,
                   control: JobControl = NULL_CONTROL,
                   yield_to: Callable[[], None] | None = None) -> int:
        """Bring a catalog file down into `partial`, resuming from the bytes already there
        (Range, guarded by If-Range with the ETag kept beside it). Refuses (Rejected) a file
        that grows past `limit` bytes, keeping nothing of it; a cut link raises
        TransientError with the partial kept. `yield_to` is called between chunks so more
        urgent work can go first. Returns the bytes now in `partial`."""
        what = "downloading a study file"
        url = self.resolve(href)
        tag_file = partial.with_name(partial.name + ".etag")
        have = partial.stat().st_size if partial.exists() else 0
        etag = tag_file.read_text("utf-8").strip() if tag_file.exists() else ""
        headers = {"Range": f"bytes={have}-", "If-Range": etag} if have and etag else {}
        if have >= limit and headers:
            return have
        response = self._call("GET", url, what, headers=headers)
        with response:
            if response.status_code == 416 and have:
                return have  # the server says we already have every byte
            if response.status_code == 404:
                raise Rejected(f"{what}: the server does not have this file", status=404)
            raise_for(response, server=self.server, what=what)
            mode, done = ("ab", have) if response.status_code == 206 and have else ("wb", 0)
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and done + int(length) > limit:
                partial.unlink(missing_ok=True)
                tag_file.unlink(missing_ok=True)
                raise Rejected(f"{what}: the server sends {done + int(length)} bytes, more "
                               f"than the {limit} the catalog announces")
            new_etag = response.headers.get("ETag")
            if new_etag:
                tag_file.write_text(new_etag, "utf-8")
            with _resumes_when_full(partial), open(partial, mode) as writer, transport_errors(what):
                for chunk in response.iter_content(DOWNLOAD_CHUNK):
                    control.check_cancelled()
                    if yield_to is not None:
                        yield_to()
                    done += len(chunk)
                    if done > limit:
                        writer.close()
                        partial.unlink(missing_ok=True)
                        tag_file.unlink(missing_ok=True)
                        raise Rejected(f"{what}: more bytes arrived than the {limit} the "
                                       "catalog announces")
                    writer.write(chunk)
                    control.progress(done, limit, what)
                writer.flush()
                os.fsync(writer.fileno())
        return done

    # -- submissions ----------------------------------------------------------------------

    def begin(self, submission_id: str, request: BeginRequest) -> BeginResult:
        what = "announcing the submission"
        response = self._call("PUT", self._api(f"submissions/{submission_id}"), what,
                              json=request.body())
        with response:
            if response.status_code in (413, 415):
                _raise_naming_file(response, self.server, what, request)
            raise_for(response, server=self.server, what=what)
            data = _object(json_body(response, what), what)
        missing = data.get("missing", [])
        if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
            raise ProtocolError(f"{what}: the server's list of missing files is not a list of "
                                "sha256 hashes")
        return BeginResult(_str(data, "submissionId", what, default=submission_id),
                           _str(data, "state", what, default="open"),
                           tuple(m.lower() for m in missing))

    def upload(self, file: UploadFile, *, url: str | None,
               on_url: Callable[[str | None, int], None] | None = None,
               on_progress: Callable[[int], None] | None = None,
               control: JobControl = NULL_CONTROL,
               on_retry: Callable[[int, TransientError], None] | None = None) -> UploadResult:
        """One bag file over tus at the discovery's endpoint (see TusClient.upload)."""
        discovery = self.discover()
        options: dict[str, Any] = {"server": self.server, "headers": self._auth(self.base_url),
                                   "auth_origin": self.base_url, "timeout": self._timeout}
        if self._slice_size is not None:
            options["slice_size"] = self._slice_size
        tus = TusClient(self._session, **options)
        return tus.upload(discovery.tus.url, file, url=url, on_url=on_url,
                          on_progress=on_progress, control=control, on_retry=on_retry)

    def finalize(self, submission_id: str) -> FinalizeResult:
        what = "asking the server to check the submission"
        response = self._call("POST", self._api(f"submissions/{submission_id}/finalize"), what)
        with response:
            if response.status_code == 409:
                try:
                    data = json_body(response, what)
                except ProtocolError:
                    data = None
                missing = data.get("missing") if isinstance(data, dict) else None
                if isinstance(missing, list) and all(isinstance(m, str) for m in missing):
                    return FinalizeResult("open", tuple(m.lower() for m in missing))
                raise Conflict(f"{what}: the server holds a different submission with this id")
            if response.status_code == 422:
                raise_for(response, server=self.server, what="the server refused the bag")
            raise_for(response, server=self.server, what=what)
            data = _object(json_body(response, what), what)
        return FinalizeResult(_str(data, "state", what))

    def status(self, submission_id: str) -> RemoteStatus:
        what = "asking what became of the submission"
        _response, data = self._json("GET", self._api(f"submissions/{submission_id}"), what)
        return parse_status(data, what)

    def submissions(self) -> list[RemoteStatus]:
        what = "listing your submissions"
        _response, data = self._json("GET", self._api("submissions"), what)
        items = data.get("submissions") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ProtocolError(f"{what}: not a list")
        return [parse_status(item, what) for item in items]

    # -- reviews --------------------------------------------------------------------------

    def assignments(self) -> list[Assignment]:
        what = "listing your review assignments"
        _response, data = self._json("GET", self._api("assignments"), what)
        items = data.get("assignments") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ProtocolError(f"{what}: not a list")
        return [_assignment(_object(item, what), what) for item in items]

    def download_bag(self, assignment_id: str, dest: Path,
                     control: JobControl = NULL_CONTROL,
                     retry_delays: tuple[float, ...] = RETRY_DELAYS) -> Path:
        """The submission as a zip package at `dest`, through `dest`.part: a broken download
        resumes from the bytes already there (Range, guarded by If-Range with the ETag), at
        once while it moves forward, after 0, 1, 3, 5 s when it does not, then gives up for
        this pass (the .part stays for the next)."""
        return self._download_resuming(f"assignments/{assignment_id}/bag", dest, control,
                                       retry_delays)

    def download_calibration_bag(self, submission_id: str, dest: Path,
                                 control: JobControl = NULL_CONTROL,
                                 retry_delays: tuple[float, ...] = RETRY_DELAYS) -> Path:
        """A calibration item's submission as a zip package at `dest`, resuming as
        `download_bag` does."""
        return self._download_resuming(f"calibration/{submission_id}/bag", dest, control,
                                       retry_delays)

    def _download_resuming(self, bag_path: str, dest: Path, control: JobControl,
                           retry_delays: tuple[float, ...]) -> Path:
        partial = dest.with_name(dest.name + ".part")
        stuck = 0
        while True:
            before = partial.stat().st_size if partial.exists() else 0
            try:
                return self._download_once(bag_path, dest, control)
            except (TransientError, ProtocolError) as exc:
                after = partial.stat().st_size if partial.exists() else 0
                stuck = 0 if after > before else stuck + 1
                if stuck > len(retry_delays) or (
                        isinstance(exc, ProtocolError) and after <= before):
                    raise
                log.info("The download of %s broke after %d bytes (%s); resuming",
                         bag_path, after, exc)
                delay = retry_delays[stuck - 1] if stuck else 0.0
                deadline = time.monotonic() + delay
                while time.monotonic() < deadline:
                    control.check_cancelled()
                    time.sleep(min(0.25, max(0.0, deadline - time.monotonic())))

    def _download_once(self, bag_path: str, dest: Path, control: JobControl) -> Path:
        what = "downloading the submission"
        url = self._api(bag_path)
        partial = dest.with_name(dest.name + ".part")
        tag_file = dest.with_name(dest.name + ".part.etag")
        have = partial.stat().st_size if partial.exists() else 0
        etag = tag_file.read_text("utf-8").strip() if tag_file.exists() else ""
        headers: dict[str, str] = {}
        if have and etag:
            headers = {"Range": f"bytes={have}-", "If-Range": etag}
        response = self._call("GET", url, what, headers=headers)
        with response:
            raise_for(response, server=self.server, what=what)
            if response.status_code == 206 and have:
                mode, done = "ab", have
            else:
                mode, done = "wb", 0
            total_header = response.headers.get("Content-Length")
            total = done + int(total_header) if total_header and total_header.isdigit() else None
            new_etag = response.headers.get("ETag")
            if new_etag:
                tag_file.write_text(new_etag, "utf-8")
            with _resumes_when_full(partial), open(partial, mode) as writer, transport_errors(what):
                for chunk in response.iter_content(DOWNLOAD_CHUNK):
                    control.check_cancelled()
                    writer.write(chunk)
                    done += len(chunk)
                    control.progress(done, total, what)
                writer.flush()
                os.fsync(writer.fileno())
        if total is not None and done != total:
            raise ProtocolError(f"{what}: {done} of {total} bytes arrived; it will resume")
        os.replace(partial, dest)
        tag_file.unlink(missing_ok=True)
        return dest

    def push_review(self, assignment_id: str, review: ReviewPush,
                    etag: str | None = None) -> ReviewReceipt:
        """Send a review; changing one already sent needs the ETag it came back with. Another
        version on the server (412 with a stale ETag, 428 without one) is a Conflict: never
        overwritten silently. A submission decided meanwhile (409) is ReviewClosed."""
        what = "sending the review"
        headers = {"If-Match": etag} if etag else {}
        response = self._call("PUT", self._api(f"assignments/{assignment_id}/review"), what,
                              headers=headers, json=review.body())
        with response:
            if response.status_code == 412:
                raise Conflict(f"{what}: the review was changed on {self.server} since this "
                               "copy was last sent or fetched; neither copy was overwritten")
            if response.status_code == 428:
                raise Conflict(f"{what}: {self.server} already holds another version of this "
                               "review; neither copy was overwritten")
            if response.status_code == 409:
                detail, _problems = problem(response)
                raise ReviewClosed(f"{what}: the submission was decided before this review "
                                   f"reached {self.server}, so it takes no more reviews "
                                   f"({detail})")
            raise_for(response, server=self.server, what=what)
            return ReviewReceipt(response.status_code == 201, response.headers.get("ETag"))

    def calibration_items(self) -> list[CalibrationItem]:
        """The calibration items the caller scores before live reviews (those scored with
        how they compared); a Rejected 403 when the account is no assessor."""
        what = "listing your calibration items"
        _response, data = self._json("GET", self._api("calibration"), what)
        if not isinstance(data, list):
            raise ProtocolError(f"{what}: not a list")
        return [_calibration_item(_object(item, what), what) for item in data]

    def push_calibration(self, submission_id: str,
                         scores: tuple[ReviewScore, ...]) -> CalibrationResult:
        """Send the levels given to a calibration item (a later try replaces an earlier
        one): how they compared with the reference, and where the caller now stands."""
        what = "sending the calibration scores"
        body = {"scores": [score.body() for score in scores]}
        _response, data = self._json("PUT", self._api(f"calibration/{submission_id}/scores"),
                                     what, json=body)
        return _calibration_result(_object(data, what), what)

    def get_review(self, assignment_id: str) -> tuple[dict[str, Any], str | None]:
        """The review the server holds for an assignment (as JSON) and its ETag; NotFound is
        a Rejected with status 404."""
        what = "fetching the review the server holds"
        response, data = self._json("GET", self._api(f"assignments/{assignment_id}/review"),
                                    what)
        return _object(data, what), response.headers.get("ETag")

    # -- earned credentials ---------------------------------------------------------------

    def credentials_pages(self, limit: int = CREDENTIALS_PAGE) -> Iterator[CredentialsPage]:
        """Every page of the caller's earned credentials (OB 3.0 API), following `Link`
        rel="next" (or the offset when there is no Link)."""
        discovery = self.discover()
        if discovery.open_badges_api is None:
            return
        base = discovery.open_badges_api.rstrip("/") + "/credentials"
        url: str | None = f"{base}?limit={limit}&offset=0"
        offset = 0
        seen: set[str] = set()
        for _ in range(MAX_CREDENTIAL_PAGES):
            if url is None or url in seen:
                return
            seen.add(url)
            what = "fetching your earned credentials"
            response, data = self._json("GET", url, what)
            page = _credentials_page(data, response, what, url)
            yield page
            count = len(page.credentials) + len(page.compact_jws)
            offset += count
            if page.next_url is not None:
                url = page.next_url
            elif count and page.total is not None and offset < page.total:
                url = f"{base}?limit={limit}&offset={offset}"
            else:
                url = None


# -------------------------------------------------------------------------------- parsing


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), port


def _object(data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ProtocolError(f"{what}: the server's answer is not a JSON object")
    return data


_MISSING = object()


def _str(data: Mapping[str, Any], key: str, what: str, *, default: Any = _MISSING) -> str:
    value = data.get(key, default)
    if value is _MISSING or not isinstance(value, str):
        if default is not _MISSING and value is None:
            return str(default)
        raise ProtocolError(f"{what}: the server's answer has no text \"{key}\"")
    return value


def _int(data: Mapping[str, Any], key: str, what: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProtocolError(f'{what}: "{key}" is not a whole number')
    return value


def _time(value: Any, what: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ProtocolError(f"{what}: a time is not text")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ProtocolError(f"{what}: {value!r} is not an RFC 3339 time") from None


def parse_discovery(data: Any, base_url: str, what: str) -> Discovery:
    obj = _object(data, what)
    version = _str(obj, "protocolVersion", what)
    if version.split(".")[0] != SUPPORTED_MAJOR:
        raise Rejected(f"{what}: the server speaks version {version} of the mcdesk issuer "
                       f"protocol; this mcdesk speaks {SUPPORTED_MAJOR}.x (update mcdesk)")
    base = base_url.rstrip("/") + "/"
    limits = obj.get("limits") or {}
    tus = obj.get("tus")
    auth = obj.get("auth") or {}
    if not isinstance(limits, dict) or not isinstance(tus, dict) or not isinstance(auth, dict):
        raise ProtocolError(f"{what}: limits, tus and auth must be objects")
    types = limits.get("acceptedMediaTypes") or []
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        raise ProtocolError(f"{what}: acceptedMediaTypes is not a list of media types")
    extensions = tus.get("extensions") or []
    if not isinstance(extensions, list):
        raise ProtocolError(f"{what}: tus.extensions is not a list")
    name = _str(obj, "name", what, default="the server")
    badges = obj.get("openBadgesApi")
    return Discovery(
        name=name, protocol_version=version,
        api_base=urljoin(base, _str(obj, "apiBase", what, default="/api/v1")),
        limits=ServerLimits(name=name, max_file_bytes=_int(limits, "maxFileBytes", what),
                            max_total_bytes=_int(limits, "maxSubmissionBytes", what),
                            accepted_media_types=tuple(types)),
        tus=TusEndpoint(url=urljoin(base, _str(tus, "endpoint", what)),
                        version=_str(tus, "version", what, default="1.0.0"),
                        extensions=tuple(str(e) for e in extensions),
                        max_size=_int(tus, "maxSize", what)),
        auth_type=_str(auth, "type", what, default="bearer"),
        auth_help=_str(auth, "help", what, default=""),
        open_badges_api=urljoin(base, badges) if isinstance(badges, str) and badges else None)


def parse_status(data: Any, what: str) -> RemoteStatus:
    obj = _object(data, what)
    state_text = _str(obj, "state", what)
    try:
        state = RemoteState(state_text)
    except ValueError:
        raise ProtocolError(f'{what}: "{state_text}" is not a submission state') from None
    feedback = []
    items = obj.get("feedback") or []
    if not isinstance(items, list):
        raise ProtocolError(f"{what}: feedback is not a list")
    for item in items:
        entry = _object(item, what)
        level = entry.get("levelId")
        feedback.append(CriterionFeedback(
            _str(entry, "rubricCriterionId", what),
            level if isinstance(level, str) else None,
            _str(entry, "feedback", what, default="")))
    credential = obj.get("credentialId")
    return RemoteStatus(_str(obj, "submissionId", what), state,
                        _time(obj.get("decidedAt"), what), tuple(feedback),
                        credential if isinstance(credential, str) else None,
                        _comments(obj.get("comments"), what))


def _comments(items: Any, what: str) -> tuple[Annotation, ...]:
    """The comments of a status; one mcdesk cannot read is left out (and logged), so one bad
    comment never hides the decision or the others."""
    if items is None:
        return ()
    if not isinstance(items, list):
        raise ProtocolError(f"{what}: comments is not a list")
    comments = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            log.warning("%s: comment %d is not an object; left out", what, index)
            continue
        try:
            comments.append(Annotation.from_wire(item))
        except AnnotationError as exc:
            log.warning("%s: comment %d left out: %s", what, index, exc)
    return tuple(comments)


def _assignment(obj: dict[str, Any], what: str) -> Assignment:
    attempt = _int(obj, "attempt", what)
    return Assignment(
        assignment_id=_str(obj, "assignmentId", what), submission_id=_str(obj, "submissionId",
                                                                          what),
        achievement_id=_str(obj, "achievementId", what), version=_str(obj, "version", what),
        attempt=attempt if attempt is not None else 1, due_at=_time(obj.get("dueAt"), what),
        bag_size=_int(obj, "bagSize", what),
        bag_sha256=obj.get("bagSha256") if isinstance(obj.get("bagSha256"), str) else None)


def _calibration_result(obj: dict[str, Any], what: str) -> CalibrationResult:
    try:
        return CalibrationResult.from_wire(obj)
    except McdeskError as exc:
        raise ProtocolError(f"{what}: {exc}") from exc


def _calibration_item(obj: dict[str, Any], what: str) -> CalibrationItem:
    result = None
    if isinstance(obj.get("comparison"), list):
        result = _calibration_result(obj, what)
    return CalibrationItem(
        submission_id=_str(obj, "submissionId", what),
        achievement_id=_str(obj, "achievementId", what), version=_str(obj, "version", what),
        bag_size=_int(obj, "bagSize", what),
        bag_sha256=obj.get("bagSha256") if isinstance(obj.get("bagSha256"), str) else None,
        result=result)


def _credentials_page(data: Any, response: requests.Response, what: str,
                      url: str) -> CredentialsPage:
    obj = _object(data, what)
    credentials = obj.get("credential") or obj.get("credentials") or []
    jws = obj.get("compactJwsStrings") or []
    if not isinstance(credentials, list) or not all(isinstance(c, dict) for c in credentials):
        raise ProtocolError(f"{what}: credential is not a list of objects")
    if not isinstance(jws, list) or not all(isinstance(j, str) for j in jws):
        raise ProtocolError(f"{what}: compactJwsStrings is not a list of strings")
    total_header = response.headers.get("X-Total-Count", "")
    total = int(total_header) if total_header.strip().isdigit() else None
    next_url = None
    match = _LINK_NEXT.search(response.headers.get("Link", ""))
    if match:
        next_url = urljoin(url, match.group(1))
    return CredentialsPage(tuple(credentials), tuple(jws), total, next_url)


def _raise_naming_file(response: requests.Response, server: str, what: str,
                       request: BeginRequest) -> None:
    """413/415 at begin: a Rejected naming the bag file the problem names, when it does."""
    try:
        raise_for(response, server=server, what=what)
    except Rejected as exc:
        text = " ".join((exc.message, *exc.problems))
        named = next((f.path for f in request.files if f.path in text), None)
        raise Rejected(exc.message, named or exc.file, status=exc.status,
                       problems=exc.problems) from None
