"""The HTTP face of the issuer (FastAPI): discovery, the /api/v1 protocol, tus 1.0 uploads,
bag downloads with ranges and the Open Badges 3.0 API, every error as problem+json. Blocking
handlers run on Starlette's worker threads; the tus PATCH streams on the event loop and hands
disk work to threads."""

from __future__ import annotations

import base64
import binascii
import logging
import os
import pathlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from importlib import resources
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio
from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mcdesk_issuer import PROTOCOL_VERSION, __version__, metrics
from mcdesk_issuer.config import allowed_hosts
from mcdesk_issuer.files import is_upload_id
from mcdesk_issuer.gate import CALLER_KEY, Gate
from mcdesk_issuer.models import BeginBody, DecisionBody, ReviewBody
from mcdesk_issuer.ops import Observed, add_ops_routes
from mcdesk_issuer.problems import PROBLEM_JSON, Problem, bad_request
from mcdesk_issuer.resource_files import RESOURCES_PATH, ResourceStore
from mcdesk_issuer.service import Caller, Issuer
from mcdesk_issuer.staff_api import add_staff_routes
from mcdesk_issuer.uploads import UploadInfo

log = logging.getLogger(__name__)

API = "/api/v1"
UPLOADS = f"{API}/uploads/"
OB_API = "/ims/ob/v3p0"
TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,termination,expiration"
OFFSET_OCTET_STREAM = "application/offset+octet-stream"
DOWNLOAD_CHUNK = 1024 * 1024
#: A PATCH body is written in pieces this large (the network hands it over in ~64 KiB
#: chunks): one hop to a worker thread per piece instead of per chunk.
WRITE_PIECE = 256 * 1024
#: Worker threads the PATCH writes may hold at once, apart from the ones every other request
#: runs on: a hundred uploads streaming never make a finalize or a login wait for a thread,
#: and few threads contend for the GIL with them (writes to the page cache are quick).
PATCH_WRITERS = 4
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def problem_response(problem: Problem) -> JSONResponse:
    return JSONResponse(problem.body(), status_code=problem.status, headers=problem.headers,
                        media_type=PROBLEM_JSON)


def http_date(moment: datetime) -> str:
    return format_datetime(moment, usegmt=True)


class TusHeaders:
    """Pure ASGI middleware: every response under the tus endpoint says Tus-Resumable."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope.get("path", "")).startswith(UPLOADS):
            await self.app(scope, receive, send)
            return

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"tus-resumable", TUS_VERSION.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_header)


def openapi_text() -> str:
    return resources.files("mcdesk_issuer").joinpath("openapi.yaml").read_text("utf-8")


def request_caller(request: Request) -> Caller:
    """The caller the request's bearer token names, as the gate found it (401 otherwise)."""
    issuer: Issuer = request.app.state.issuer
    caller = request.scope.get(CALLER_KEY)
    if isinstance(caller, Caller):
        return caller
    return issuer.authenticate(request.headers.get("authorization"))


def current_caller(request: Request) -> Caller:
    caller = request_caller(request)
    request.app.state.issuer.maybe_tick()
    return caller


def base_url(issuer: Issuer, request: Request) -> str:
    """The server's address for URLs it hands out: the configured public URL, else the
    request's own (its Host already passed the gate's trusted-host check)."""
    return issuer.settings.public_url or str(request.base_url).rstrip("/")


Authed = Annotated[Caller, Depends(current_caller)]
SubmissionId = Annotated[str, Path(alias="submissionId")]
UploadId = Annotated[str, Path(alias="uploadId")]
AssignmentId = Annotated[str, Path(alias="assignmentId")]


def create_app(issuer: Issuer) -> FastAPI:
    app = FastAPI(title="mcdesk issuer", version=__version__, openapi_url=None,
                  docs_url=None, redoc_url=None)
    app.state.issuer = issuer
    app.add_middleware(Gate, authenticate=issuer.authenticate,
                       hosts=allowed_hosts(issuer.settings),
                       max_body=issuer.limits.max_body_bytes)
    app.add_middleware(TusHeaders)  # the gate's refusals say Tus-Resumable too
    app.add_middleware(Observed)  # outermost: refusals are counted as well
    add_ops_routes(app, issuer)
    study = ResourceStore(issuer.settings.data / RESOURCES_PATH)

    # -- errors ----------------------------------------------------------------------

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> Response:
        return problem_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers or {})
        problem = Problem(exc.status_code, "http", str(exc.detail), headers=headers)
        return problem_response(problem)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = []
        for error in exc.errors()[:50]:
            where = "/".join(str(part) for part in error.get("loc", ()))
            problems.append(f"{where}: {error.get('msg', 'invalid')}")
        return problem_response(bad_request("the request is not valid", problems))

    @app.exception_handler(Exception)
    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("Unexpected error serving %s %s", request.method, request.url.path)
        return problem_response(Problem(500, "internal", "the server failed; try again later"))

    # -- auth ------------------------------------------------------------------------

    def caller(request: Request) -> Caller:
        return request_caller(request)

    # -- discovery -------------------------------------------------------------------

    @app.get("/.well-known/mcdesk-issuer")
    def discovery() -> dict[str, Any]:
        limits = issuer.limits
        return {
            "name": issuer.name,
            "protocolVersion": PROTOCOL_VERSION,
            "apiBase": API,
            "limits": {"maxFileBytes": limits.max_file_bytes,
                       "maxSubmissionBytes": limits.max_submission_bytes,
                       "acceptedMediaTypes": list(limits.accepted_media_types)},
            "tus": {"endpoint": UPLOADS, "version": TUS_VERSION,
                    "extensions": TUS_EXTENSIONS.split(","), "maxSize": limits.max_file_bytes},
            "auth": {"type": "bearer",
                     "help": "Ask your program coordinator for a token."},
            "openBadgesApi": OB_API,
        }

    @app.get("/openapi.yaml")
    def openapi_document() -> Response:
        return Response(openapi_text(), media_type="application/yaml")

    @app.get(f"{API}/me")
    def me(who: Authed) -> dict[str, Any]:
        return {"id": who.id, "displayName": who.name, "role": who.role}

    # -- catalog ---------------------------------------------------------------------

    @app.get(f"{API}/catalog")
    def catalog(who: Authed, request: Request) -> Response:
        found = issuer.catalog()
        if found is None:
            raise Problem(404, "not-found", "this issuer has not published a catalog yet")
        text, tag = study.served(found[0])
        etag = f'"{tag}"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if _none_match(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        return Response(text.encode("utf-8"), media_type="application/json", headers=headers)

    @app.api_route(f"{API}/resources/{{sha256}}", methods=["GET", "HEAD"])
    def resource_file(sha256: Annotated[str, Path()], who: Authed,
                      request: Request) -> Response:
        found = issuer.catalog()
        served = study.named(found[0], sha256.lower()) if found is not None else None
        if served is None:
            raise Problem(404, "not-found", "the catalog names no such file, or this server "
                          "does not hold it")
        etag = f'"{served.sha256}"'
        headers = {"ETag": etag, "Accept-Ranges": "bytes",
                   "Cache-Control": "private, max-age=31536000, immutable"}
        if _none_match(request.headers.get("if-none-match"), etag):
            return Response(status_code=304, headers=headers)
        return _ranged(request, served.path, served.size, served.media_type, etag, headers)

    # -- submissions -----------------------------------------------------------------

    @app.get(f"{API}/submissions")
    def list_submissions(who: Authed) -> list[dict[str, Any]]:
        return issuer.submissions(who)

    @app.put(f"{API}/submissions/{{submissionId}}")
    def begin(submission_id: SubmissionId, body: BeginBody, who: Authed) -> Response:
        created, answer = issuer.begin(who, submission_id, body)
        return JSONResponse(answer, status_code=201 if created else 200)

    @app.get(f"{API}/submissions/{{submissionId}}")
    def status(submission_id: SubmissionId, who: Authed) -> dict[str, Any]:
        return issuer.status(who, submission_id)

    @app.post(f"{API}/submissions/{{submissionId}}/finalize")
    def finalize(submission_id: SubmissionId, who: Authed) -> dict[str, Any]:
        return issuer.finalize(who, submission_id)

    @app.post(f"{API}/submissions/{{submissionId}}/decision")
    def decision(submission_id: SubmissionId, body: DecisionBody, who: Authed) -> Response:
        if who.role != "staff":
            raise Problem(403, "forbidden", "only the issuer's staff decide")
        _, answer = issuer.decisions.decide(submission_id, body, who)
        return JSONResponse(answer, status_code=200)

    # -- tus uploads -----------------------------------------------------------------

    def tus_options() -> Response:
        return Response(status_code=204, headers={
            "Tus-Version": TUS_VERSION, "Tus-Extension": TUS_EXTENSIONS,
            "Tus-Max-Size": str(issuer.limits.max_file_bytes)})

    @app.options(UPLOADS)
    def uploads_options() -> Response:
        return tus_options()

    @app.options(f"{UPLOADS}{{uploadId}}")
    def upload_options(upload_id: UploadId) -> Response:
        if not is_upload_id(upload_id):
            raise Problem(404, "not-found", "no such upload")
        return tus_options()

    @app.post(UPLOADS)
    def create_upload(request: Request) -> Response:
        _tus_version(request)
        who = caller(request)
        if "upload-defer-length" in request.headers:
            raise bad_request("Upload-Defer-Length is not supported: give Upload-Length")
        length = _header_int(request, "upload-length")
        metadata = _tus_metadata(request.headers.get("upload-metadata", ""))
        info = issuer.uploads.create(who, length, metadata)
        if length == 0:
            issuer.uploads.complete(who, info)
        location = f"{base_url(issuer, request)}{UPLOADS}{info.id}"
        return Response(status_code=201, headers={
            "Location": location, "Upload-Offset": "0",
            "Upload-Expires": http_date(info.expires_at)})

    @app.head(f"{UPLOADS}{{uploadId}}", name="upload_head")
    def upload_head(upload_id: UploadId, request: Request) -> Response:
        _tus_version(request)
        who = caller(request)
        # Every byte there but never checked (its process died): settled before the client
        # is told the upload is whole.
        info = issuer.uploads.settle(who, issuer.uploads.get(who, upload_id))
        return Response(status_code=200, headers={
            "Upload-Offset": str(info.offset), "Upload-Length": str(info.length),
            "Upload-Expires": http_date(info.expires_at), "Cache-Control": "no-store"})

    writers_box: list[anyio.CapacityLimiter] = []

    def patch_writers() -> anyio.CapacityLimiter:
        """The worker threads of PATCH writes (made on first use, in the event loop)."""
        if not writers_box:
            writers_box.append(anyio.CapacityLimiter(PATCH_WRITERS))
        return writers_box[0]

    @app.patch(f"{UPLOADS}{{uploadId}}")
    async def upload_patch(upload_id: UploadId, request: Request) -> Response:
        _tus_version(request)
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type != OFFSET_OCTET_STREAM:
            raise Problem(415, "unsupported-media-type",
                          f"a PATCH carries Content-Type: {OFFSET_OCTET_STREAM}")
        offset = _header_int(request, "upload-offset")
        who = await run_in_threadpool(caller, request)
        info = await run_in_threadpool(issuer.uploads.get, who, upload_id)
        # In the database, not in this process: the PATCH before may have reached another
        # issuer process behind the same load balancer.
        lease = issuer.uploads.lease(info.id)
        if not await run_in_threadpool(lease.acquire):
            raise Problem(423, "locked", "another PATCH to this upload is in progress; try "
                          "again when it ends", headers={"Retry-After": "5"})
        try:
            # Read again under the lease: a PATCH that just ended elsewhere moved the offset.
            info = await run_in_threadpool(issuer.uploads.get, who, upload_id)
            return await _patch(who, info, offset, request)
        finally:
            await run_in_threadpool(lease.release)

    async def _patch(who: Caller, info: UploadInfo, offset: int, request: Request
                     ) -> Response:
        if info.completed or offset != info.offset:
            raise Problem(409, "offset-mismatch", f"Upload-Offset is {offset} but the upload "
                          f"holds {info.offset} bytes: HEAD, then PATCH from there",
                          headers={"Upload-Offset": str(info.offset)})
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and offset + int(declared) > info.length:
            raise Problem(413, "too-large", "the PATCH goes past Upload-Length")
        part = issuer.files.part_path(info.id)
        written = 0
        too_much = False
        try:
            handle = await anyio.to_thread.run_sync(open, part, "r+b")
        except FileNotFoundError:
            raise Problem(404, "not-found", "this upload's bytes are gone; create a new "
                          "upload") from None
        writers = patch_writers()
        piece: list[bytes] = []
        held = 0  # bytes in `piece`

        async def write_piece() -> None:
            nonlocal written, held
            if piece:
                await anyio.to_thread.run_sync(handle.writelines, piece, limiter=writers)
                written += held
                metrics.UPLOAD_BYTES.inc(held)
                piece.clear()
                held = 0

        try:
            await anyio.to_thread.run_sync(handle.seek, offset, limiter=writers)
            try:
                async for chunk in request.stream():
                    if not chunk:
                        continue
                    if offset + written + held + len(chunk) > info.length:
                        too_much = True
                        break
                    piece.append(chunk)
                    held += len(chunk)
                    if held >= WRITE_PIECE:
                        await write_piece()
            except ClientDisconnect:
                log.info("Upload %s: the client left after %d bytes", info.id,
                         written + held)
            if too_much:
                piece.clear()
                held = 0
                await anyio.to_thread.run_sync(handle.truncate, offset, limiter=writers)
            else:
                await write_piece()  # what arrived before the end (or the drop) is kept
            await anyio.to_thread.run_sync(handle.flush, limiter=writers)
            await anyio.to_thread.run_sync(os.fsync, handle.fileno(), limiter=writers)
        finally:
            await anyio.to_thread.run_sync(handle.close, limiter=writers)
        if too_much:
            raise Problem(413, "too-large", "the PATCH goes past Upload-Length; nothing of it "
                          "was kept")
        new_offset = offset + written
        if new_offset == info.length:
            await run_in_threadpool(issuer.uploads.complete, who, info)
        return Response(status_code=204, headers={
            "Upload-Offset": str(new_offset), "Upload-Expires": http_date(info.expires_at)})

    @app.delete(f"{UPLOADS}{{uploadId}}")
    def upload_delete(upload_id: UploadId, request: Request) -> Response:
        _tus_version(request)
        issuer.uploads.delete(caller(request), upload_id)
        return Response(status_code=204)

    # -- assignments and reviews -----------------------------------------------------

    @app.get(f"{API}/assignments")
    def assignments(who: Authed) -> list[dict[str, Any]]:
        return issuer.assignments(who)

    @app.api_route(f"{API}/assignments/{{assignmentId}}/bag", methods=["GET", "HEAD"])
    def bag(assignment_id: AssignmentId, who: Authed, request: Request) -> Response:
        found = issuer.bag(who, assignment_id)
        etag = f'"{found.sha256}"'
        headers = {"ETag": etag, "Accept-Ranges": "bytes",
                   "Content-Disposition": f'attachment; filename="{found.bag_name}.zip"',
                   "Cache-Control": "private, no-transform"}
        return _ranged(request, found.path, found.size, "application/zip", etag, headers)

    @app.put(f"{API}/assignments/{{assignmentId}}/review")
    def put_review(assignment_id: AssignmentId, body: ReviewBody, who: Authed,
                   request: Request) -> Response:
        created, etag, review = issuer.put_review(who, assignment_id, body,
                                                  request.headers.get("if-match"))
        return JSONResponse(review, status_code=201 if created else 200,
                            headers={"ETag": etag})

    @app.get(f"{API}/assignments/{{assignmentId}}/review")
    def get_review(assignment_id: AssignmentId, who: Authed) -> Response:
        etag, review = issuer.get_review(who, assignment_id)
        return JSONResponse(review, headers={"ETag": etag})

    # -- Open Badges 3.0 API ---------------------------------------------------------

    add_staff_routes(app, issuer)

    @app.get(f"{OB_API}/discovery")
    def ob_discovery(request: Request) -> dict[str, Any]:
        base = base_url(issuer, request)
        return {
            "openapi": "3.0.1",
            "info": {"title": issuer.name, "version": "3.0",
                     "description": "Open Badges 3.0 API of an mcdesk issuer",
                     "termsOfService": f"{base}/", "x-imssf-privacyPolicyUrl": f"{base}/",
                     "x-imssf-image": f"{base}/"},
            "servers": [{"url": f"{base}{OB_API}"}],
            "paths": {"/credentials": {"get": {"operationId": "getCredentials"}},
                      "/profile": {"get": {"operationId": "getProfile"}},
                      "/discovery": {"get": {"operationId": "getServiceDescription"}}},
            "components": {"securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer",
                               "description": "A token from the issuer's staff"}}},
            "security": [{"bearerAuth": []}],
        }

    @app.get(f"{OB_API}/credentials")
    def ob_credentials(
        who: Authed, request: Request,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
        since: Annotated[str | None, Query()] = None,
    ) -> Response:
        moment = _parse_since(since)
        jws, total = issuer.credentials(who, limit=limit, offset=offset, since=moment)
        headers = {"X-Total-Count": str(total)}
        here = request.url.remove_query_params(["limit", "offset"])
        links = _page_links(base_url(issuer, request) + here.path
                            + (f"?{here.query}" if here.query else ""), limit, offset, total)
        if links:
            headers["Link"] = links
        return JSONResponse({"compactJwsStrings": jws, "credential": []}, headers=headers)

    @app.get(f"{OB_API}/profile")
    def ob_profile(who: Authed) -> dict[str, Any]:
        return issuer.profile(who)

    return app


# ----------------------------------------------------------------------------------- helpers


def _none_match(header: str | None, etag: str) -> bool:
    if header is None:
        return False
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags


def _tus_version(request: Request) -> None:
    if request.headers.get("tus-resumable") != TUS_VERSION:
        raise Problem(412, "tus-version", f"this server speaks tus {TUS_VERSION}: send "
                      f"Tus-Resumable: {TUS_VERSION}", headers={"Tus-Version": TUS_VERSION})


def _header_int(request: Request, name: str) -> int:
    value = request.headers.get(name)
    if value is None or not value.isdigit() or len(value) > 19:
        raise bad_request(f"{name.title()} must be given as a non-negative integer")
    return int(value)


def _tus_metadata(header: str) -> dict[str, str]:
    metadata: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in header.split(","))):
        key, _, value = pair.partition(" ")
        try:
            metadata[key] = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise Problem(422, "invalid", "Upload-Metadata cannot be read", problems=[
                f"the value of {key!r} is not base64-encoded UTF-8"]) from None
    return metadata


def _ranged(request: Request, path: pathlib.Path, size: int, media_type: str, etag: str,
            headers: dict[str, str]) -> Response:
    """A file, whole or the single range asked for (If-Range guarded by the ETag)."""
    start, end = 0, size - 1
    status_code = 200
    wanted = request.headers.get("range")
    if_range = request.headers.get("if-range")
    if wanted and (if_range is None or if_range.strip() == etag):
        parsed = _byte_range(wanted, size, headers)
        if parsed is not None:
            start, end = parsed
            status_code = 206
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    headers["Content-Length"] = str(end - start + 1)
    if request.method == "HEAD":
        return Response(status_code=status_code, headers=headers, media_type=media_type)
    return StreamingResponse(_read_range(path, start, end), status_code=status_code,
                             headers=headers, media_type=media_type)


def _byte_range(header: str, size: int, headers: dict[str, str]) -> tuple[int, int] | None:
    """(first, last) of a single `bytes=` range; None to send it all (416 when no byte of
    the range exists)."""
    unsatisfiable = Problem(416, "range-not-satisfiable", f"the file has {size} bytes",
                            headers={**headers, "Content-Range": f"bytes */{size}"})
    match = _RANGE.match(header.strip())
    if match is None or size == 0:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:
        suffix = int(last)
        if suffix == 0:
            raise unsatisfiable
        return max(0, size - suffix), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if last and int(last) < start:
        return None
    if start >= size:
        raise unsatisfiable
    return start, end


def _read_range(path: pathlib.Path, start: int, end: int) -> Iterator[bytes]:
    with open(path, "rb") as reader:
        reader.seek(start)
        left = end - start + 1
        while left > 0:
            chunk = reader.read(min(DOWNLOAD_CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk


def _parse_since(since: str | None) -> datetime | None:
    if since is None:
        return None
    if not _RFC3339.match(since):
        raise bad_request("since must be an RFC 3339 date-time")
    try:
        moment = datetime.fromisoformat(since.upper().replace("Z", "+00:00"))
    except ValueError:
        raise bad_request("since must be an RFC 3339 date-time") from None
    return moment.astimezone(UTC)


def _page_links(base: str, limit: int, offset: int, total: int) -> str:
    joiner = "&" if "?" in base else "?"

    def link(at: int, rel: str) -> str:
        return f'<{base}{joiner}{urlencode({"limit": limit, "offset": at})}>; rel="{rel}"'

    links = []
    if offset + limit < total:
        links.append(link(offset + limit, "next"))
        links.append(link(max(0, ((total - 1) // limit) * limit), "last"))
    if offset > 0:
        links.append(link(max(0, offset - limit), "prev"))
        links.append(link(0, "first"))
    return ", ".join(links)

