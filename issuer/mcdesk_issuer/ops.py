"""What operators and their tools ask of a running issuer: /healthz (the database and the
blob folder answer), /metrics (Prometheus), and the request middleware that counts, times and
logs every request as one structured line without its headers; the event loop (handlers on
Starlette's worker threads)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.responses import JSONResponse, Response
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mcdesk_issuer import metrics

if TYPE_CHECKING:
    from mcdesk_issuer.service import Issuer

log = logging.getLogger("mcdesk_issuer.access")


class Observed:
    """Pure ASGI middleware: each HTTP request counted and timed by its route (the path
    template, so ids do not multiply the series) and logged with method, route, status and
    duration. Never the headers, the query or the body: tokens travel there."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        status = 500

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            seconds = time.perf_counter() - began
            route = getattr(scope.get("route"), "path", None) or _template_of(scope)
            method = str(scope.get("method", ""))
            metrics.REQUESTS.labels(method, route, str(status)).inc()
            metrics.REQUEST_SECONDS.labels(method, route).observe(seconds)
            if route not in ("/healthz", "/metrics"):
                log.info("%s %s %d", method, route, status,
                         extra={"method": method, "route": route, "status": status,
                                "ms": round(seconds * 1000, 1)})


def _template_of(scope: Scope) -> str:
    """The route template of a request answered before routing (the gate refuses a missing
    token, a foreign host or an oversized body first), so refusals are counted by route too."""
    app = scope.get("app")
    for route in getattr(getattr(app, "router", None), "routes", ()):
        match, _child = route.matches(scope)
        if match is not Match.NONE:
            return str(getattr(route, "path", "unmatched"))
    return "unmatched"


def add_ops_routes(app: FastAPI, issuer: Issuer) -> None:
    @app.get("/healthz")
    def healthz() -> Response:
        checks = issuer.health()
        ok = all(result == "ok" for result in checks.values())
        return JSONResponse({"status": "ok" if ok else "failing", "checks": checks},
                            status_code=200 if ok else 503,
                            headers={"Cache-Control": "no-store"})

    @app.get("/metrics")
    def prometheus() -> Response:
        return Response(metrics.exposition(issuer.queue_depths),
                        media_type=metrics.CONTENT_TYPE)
