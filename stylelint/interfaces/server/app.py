"""The ASGI application: routes, body limits, bearer token, CORS, security headers, errors, metrics.

The front process does no linting and parses no JSON body: it checks the
request's size and credentials, hands the body to a worker
(:mod:`.pool`), and passes the worker's encoded answer on. Every error is a
JSON body ``{"error": {"status", "field", "message"}}`` and one log line;
an internal error is a 500 with that body, never a traceback.
"""

from __future__ import annotations

import hmac
import logging
import time
import urllib.parse
from collections.abc import Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from stylelint import __version__
from stylelint.config.profiles import PROFILES

from . import languagetool, openapi
from .metrics import CONTENT_TYPE as METRICS_TYPE
from .metrics import Metrics
from .pool import Overloaded, TimedOut, WorkerLost, WorkerPool
from .work import HTTPError, error_body

log = logging.getLogger("stylelint.serve")

STATIC = Path(__file__).resolve().parent / "static"

#: JSON answers: nothing to run, nothing to load, not to be framed.
API_CSP = "default-src 'none'; frame-ancestors 'none'"
#: The check page: its own script, styles and requests, nothing else.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
DOCS_CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

#: Paths open without the bearer token: the page and its files, the health check, the API's description.
OPEN_PATHS = ("/", "/healthz", "/openapi.json", "/docs")

#: Error kinds for the metrics, by status.
KINDS = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
         415: "unsupported_media_type", 422: "invalid", 500: "internal"}

FORM = "application/x-www-form-urlencoded"


@dataclass
class ServerSettings:
    """The operator's limits and access rules."""

    max_bytes: int = 2 * 1024 * 1024
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    profile: str = "ap"  # the operator's configured profile (the check page's default)
    stopping: bool = field(default=False, repr=False)


def _log_error(method: str, path: str, status: int, message: str) -> None:
    log.warning("%s %s -> %d: %s", method, path, status, message.replace("\n", " "))


def _error_response(status: int, field: str | None, message: str, headers: Mapping[str, str] | None = None) -> Response:
    return Response(error_body(status, field, message), status_code=status, media_type="application/json",
                    headers=dict(headers or {}))


def token_ok(settings: ServerSettings, headers: Headers, params: Mapping[str, str] | None = None) -> bool:
    """Whether a request carries the bearer token (or, for LanguageTool clients, ``apiKey``)."""
    if settings.token is None:
        return True
    given = headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), settings.token.encode()):
        return True
    key = (params or {}).get("apiKey")
    return key is not None and hmac.compare_digest(key.encode(), settings.token.encode())


def _unauthorized() -> Response:
    return _error_response(401, "authorization", "authorization: a bearer token is required (Authorization: Bearer TOKEN)",
                           {"www-authenticate": 'Bearer realm="stylelint"'})


class Guard:
    """Outermost middleware: security headers, metrics, and no traceback ever reaching a client.

    An exception from any layer below is logged as one line and answered
    with a JSON 500 (if the answer has not started).
    """

    def __init__(self, app: Any, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        began = time.perf_counter()
        state = {"status": 500, "started": False}

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
                state["status"] = message["status"]
                headers = MutableHeaders(scope=message)
                headers.setdefault("x-content-type-options", "nosniff")
                headers.setdefault("referrer-policy", "no-referrer")
                headers.setdefault("content-security-policy", API_CSP)
                headers.setdefault("cache-control", "no-store")
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception as exc:  # the last line of defence: one log line, a JSON 500, no traceback
            state["status"] = 500
            _log_error(scope.get("method", "?"), scope.get("path", "?"), 500, f"internal error: {type(exc).__name__}: {exc}")
            self.metrics.errors.labels("internal").inc()
            if not state["started"]:
                response = _error_response(500, None, f"internal error ({type(exc).__name__}); see the server log")
                await response(scope, receive, send_with_headers)
        finally:
            route = scope.get("route")
            label = getattr(route, "path", None) or "other"
            self.metrics.requests.labels(scope.get("method", "?"), label, str(state["status"])).inc()
            self.metrics.latency.labels(label).observe(time.perf_counter() - began)


class Auth:
    """The bearer token, when one is set (``/v2/check`` checks its own, as it also takes ``apiKey``)."""

    def __init__(self, app: Any, settings: ServerSettings, metrics: Metrics) -> None:
        self.app = app
        self.settings = settings
        self.metrics = metrics

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if (scope["type"] == "http" and self.settings.token is not None and scope["method"] != "OPTIONS"
                and path not in OPEN_PATHS and not path.startswith("/static/") and path != "/v2/check"
                and not token_ok(self.settings, Headers(scope=scope))):
            _log_error(scope["method"], path, 401, "missing or wrong bearer token")
            self.metrics.errors.labels("unauthorized").inc()
            await _unauthorized()(scope, receive, send)
            return
        await self.app(scope, receive, send)


def prefers_json(accept: str | None) -> bool:
    """Whether an Accept header ranks ``application/json`` above ``text/html``."""
    if not accept:
        return False
    ranks: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        ranks[media.lower()] = max(q, ranks.get(media.lower(), 0.0))
    json_q = ranks.get("application/json", 0.0)
    html_q = max(ranks.get("text/html", 0.0), ranks.get("*/*", 0.0) if "text/html" not in ranks else 0.0)
    return json_q > 0 and json_q > html_q


def create_app(pool: WorkerPool, settings: ServerSettings, metrics: Metrics | None = None) -> Starlette:
    """The application over a started :class:`WorkerPool` (the lifespan attaches and closes it)."""
    metrics = metrics or Metrics()
    metrics.watch(
        busy=lambda: pool.busy,
        idle=lambda: max(pool.size - pool.busy - pool.restarting, 0),
        restarting=lambda: pool.restarting,
        queued=lambda: pool.queued,
    )
    document = openapi.spec(token=settings.token is not None)
    spec_body = JSONResponse(document).body
    docs_body = openapi.docs_page(document).encode("utf-8")
    last_restarts = [0]

    def note_restarts() -> None:
        if pool.restarts > last_restarts[0]:
            metrics.restarts.inc(pool.restarts - last_restarts[0])
            last_restarts[0] = pool.restarts

    async def read_body(request: Request) -> bytes:
        """The body, refused with 413 past ``max_bytes`` (before reading it, when its length is declared)."""
        limit = settings.max_bytes
        declared = request.headers.get("content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                raise HTTPError(400, "content-length", f"content-length: not a number: {declared!r}") from None
            if size > limit:
                raise HTTPError(413, "body", f"body: {size} bytes is over the limit of {limit} bytes (--max-bytes)")
        chunks: list[bytes] = []
        total = 0
        async for chunk in request.stream():
            total += len(chunk)
            if total > limit:
                raise HTTPError(413, "body", f"body: over the limit of {limit} bytes (--max-bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    async def answer(request: Request, kind: str, payload: dict[str, Any], endpoint: str, field: str = "text") -> Response:
        """Run a job on a worker and pass its answer on; the pool's refusals become JSON 503s."""
        try:
            reply = await pool.run(kind, payload, field)
        except Overloaded as exc:
            metrics.errors.labels("overloaded").inc()
            _log_error(request.method, request.url.path, 503, str(exc))
            return _error_response(503, None, str(exc), {"retry-after": str(exc.retry_after)})
        except (TimedOut, WorkerLost) as exc:
            note_restarts()
            metrics.errors.labels("timeout" if isinstance(exc, TimedOut) else "worker_lost").inc()
            _log_error(request.method, request.url.path, 503, str(exc))
            return _error_response(503, exc.field, str(exc))
        finally:
            note_restarts()
        metrics.record(endpoint, reply.stats)
        if reply.status >= 400:
            metrics.errors.labels(KINDS.get(reply.status, str(reply.status))).inc()
            _log_error(request.method, request.url.path, reply.status, reply.log or "error")
        return Response(reply.body, status_code=reply.status, media_type=reply.content_type, headers=dict(reply.headers))

    async def lint(request: Request) -> Response:
        return await answer(request, "lint", {"body": await read_body(request)}, "lint")

    async def fix(request: Request) -> Response:
        return await answer(request, "fix", {"body": await read_body(request)}, "fix")

    async def report(request: Request) -> Response:
        payload = {"body": await read_body(request), "json": prefers_json(request.headers.get("accept")),
                   "base_url": str(request.base_url)}
        return await answer(request, "report", payload, "report")

    async def rules(request: Request) -> Response:
        return await answer(request, "rules", {"query": dict(request.query_params)}, "rules", "query")

    async def rule(request: Request) -> Response:
        payload = {"id": request.path_params["rule_id"], "query": dict(request.query_params)}
        return await answer(request, "rule", payload, "rule", "id")

    async def profiles(request: Request) -> Response:
        rows = [{"name": p.name, "description": p.description, "language": languagetool.variant_of(p.name)}
                for p in PROFILES.values()]
        return JSONResponse({"default": settings.profile, "profiles": rows})

    async def check(request: Request) -> Response:
        if len(request.scope.get("query_string", b"")) > settings.max_bytes:
            raise HTTPError(413, "query", f"query: over the limit of {settings.max_bytes} bytes (--max-bytes)")
        params = dict(request.query_params)
        if request.method == "POST":
            body = await read_body(request)
            media = request.headers.get("content-type", FORM).split(";")[0].strip().lower()
            if body and media != FORM:
                raise HTTPError(415, "content-type", f"content-type: expected {FORM} (LanguageTool's form), got {media!r}")
            try:
                form = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=1000)
            except UnicodeDecodeError as exc:
                raise HTTPError(400, "body", f"body: not UTF-8: {exc.reason} at byte {exc.start}") from None
            except ValueError as exc:
                raise HTTPError(400, "body", f"body: {exc}") from None
            params.update(form)
        if not token_ok(settings, request.headers, params):
            _log_error(request.method, request.url.path, 401, "missing or wrong bearer token or apiKey")
            metrics.errors.labels("unauthorized").inc()
            return _unauthorized()
        field = "data" if "data" in params else "text"
        return await answer(request, "check", {"params": params, "base_url": str(request.base_url)}, "check", field)

    async def languages(request: Request) -> Response:
        return JSONResponse(languagetool.languages())

    async def health(request: Request) -> Response:
        ready = pool.size - pool.restarting
        status = "stopping" if settings.stopping else ("ok" if ready > 0 else "starting")
        body = {"status": status, "version": __version__, "workers": pool.size, "busy": pool.busy,
                "queued": pool.queued, "restarts": pool.restarts}
        return JSONResponse(body, status_code=200 if status == "ok" else 503)

    async def metrics_page(request: Request) -> Response:
        note_restarts()
        return Response(metrics.render(), media_type=METRICS_TYPE)

    async def spec(request: Request) -> Response:
        return Response(spec_body, media_type="application/json")

    async def docs(request: Request) -> Response:
        return Response(docs_body, media_type="text/html; charset=utf-8", headers={"content-security-policy": DOCS_CSP})

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"content-security-policy": PAGE_CSP, "cache-control": "no-cache"})

    async def report_css(request: Request) -> Response:
        from stylelint.report.formatters.html_report import (
            _CSS,  # the report's own look, for its marks
        )

        return Response(_CSS, media_type="text/css; charset=utf-8", headers={"cache-control": "no-cache"})

    async def docs_css(request: Request) -> Response:
        return Response(openapi.DOCS_CSS, media_type="text/css; charset=utf-8")

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, (HTTPError, HTTPException))
        if isinstance(exc, HTTPError):
            status, field, message = exc.status, exc.field, exc.message
        else:
            status, field = exc.status_code, None
            message = {404: f"no such path: {request.url.path} (see /docs)",
                       405: f"method {request.method} is not allowed on {request.url.path}"}.get(status, str(exc.detail))
        metrics.errors.labels(KINDS.get(status, str(status))).inc()
        _log_error(request.method, request.url.path, status, message)
        headers = dict(getattr(exc, "headers", None) or {})
        return _error_response(status, field, message, headers)

    @asynccontextmanager
    async def lifespan(app: Starlette):
        await pool.attach()
        yield
        settings.stopping = True
        await pool.close()

    routes = [
        Route("/", index),
        Route("/static/report.css", report_css),
        Route("/static/docs.css", docs_css),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        Route("/healthz", health),
        Route("/metrics", metrics_page),
        Route("/openapi.json", spec),
        Route("/docs", docs),
        Route("/v1/lint", lint, methods=["POST"]),
        Route("/v1/fix", fix, methods=["POST"]),
        Route("/v1/report", report, methods=["POST"]),
        Route("/v1/rules", rules),
        Route("/v1/rules/{rule_id}", rule),
        Route("/v1/profiles", profiles),
        Route("/v2/check", check, methods=["GET", "POST"]),
        Route("/v2/languages", languages),
    ]
    middleware = [Middleware(Guard, metrics=metrics)]
    if settings.cors_origins:
        middleware.append(Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type"],
            expose_headers=["retry-after", "stylelint-exit-code"],
            max_age=600,
        ))
    middleware.append(Middleware(Auth, settings=settings, metrics=metrics))
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={HTTPError: http_error, HTTPException: http_error})
    app.state.metrics = metrics
    app.state.pool = pool
    return app
