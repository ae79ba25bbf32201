"""``stylelint serve``: run the HTTP service.

::

    stylelint serve [--host 127.0.0.1] [--port 8080] [--workers N] [--config FILE]

Binds to 127.0.0.1 unless told otherwise. The operator's configuration
(``--config``, or the one found from the working folder) is read once, at
start; every worker builds its linter from it before the first request is
taken. SIGTERM (or Ctrl-C) stops taking connections, lets the requests in
flight finish, stops the workers and exits 0.

Exit codes: 0 stopped cleanly; 2 a bad option, config, token file, address
or a worker that could not start (one line on stderr each).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import sys

# The [server] extra, imported here so that without it ``stylelint serve`` is
# one line naming the pip install (see SUBCOMMANDS in stylelint.interfaces.cli).
import uvicorn

from .app import ServerSettings, create_app
from .pool import PoolError, WorkerPool
from .work import WorkerInit

#: The bearer token may come from the environment instead of --token-file.
TOKEN_ENV = "STYLELINT_SERVER_TOKEN"

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def _positive(kind: type):
    def parse(value: str):
        try:
            n = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
        if n <= 0:
            raise argparse.ArgumentTypeError(f"expected more than 0, got {value}")
        return n

    return parse


def _port(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {value!r}") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"expected 0-65535, got {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The ``stylelint serve`` options."""
    from stylelint.run.runner import default_jobs

    p = argparse.ArgumentParser(
        prog="stylelint serve",
        description="House-style linting over HTTP: the native API (/v1), LanguageTool's API (/v2), "
                    "a check page for copy editors (/), /healthz, /metrics, /openapi.json and /docs.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=8080, help="port (default 8080; 0 picks a free one, printed at start)")
    p.add_argument("--workers", type=_positive(int), default=default_jobs(), metavar="N",
                   help="lint worker processes (default: one per core)")
    p.add_argument("--config", metavar="FILE", help="the operator's config (default: found from the working folder)")
    p.add_argument("--max-bytes", type=_positive(int), default=2 * 1024 * 1024, metavar="N",
                   help="largest request body (default 2 MB); larger ones get 413")
    p.add_argument("--timeout", type=_positive(float), default=10.0, metavar="SECONDS",
                   help="time limit per document (default 10); past it: 503, and the worker is replaced")
    p.add_argument("--queue", type=int, default=64, metavar="N",
                   help="requests that may wait for a busy worker (default 64); beyond: 503 with Retry-After")
    p.add_argument("--max-documents", type=_positive(int), default=100, metavar="N",
                   help="documents per batch request (default 100)")
    p.add_argument("--token-file", metavar="FILE",
                   help=f"require 'Authorization: Bearer TOKEN' with the token in FILE (or set {TOKEN_ENV})")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow browser requests from ORIGIN (repeatable; e.g. the LanguageTool extension's)")
    p.add_argument("--graceful-timeout", type=_positive(float), default=30.0, metavar="SECONDS",
                   help="on SIGTERM, how long requests in flight may take to finish (default 30)")
    p.add_argument("--access-log", action="store_true", help="log every request (errors are always logged, one line each)")
    p.add_argument("--log-level", default="info", choices=("debug", "info", "warning", "error"))
    p.add_argument("--debug", action="store_true", help="tracebacks of internal errors in the log")
    return p


def _fail(message: str) -> int:
    print(f"stylelint serve: error: {message}", file=sys.stderr)
    return 2


def _token(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """The bearer token and a problem, if any."""
    if args.token_file:
        try:
            with open(args.token_file, encoding="utf-8") as fh:
                token = fh.read().strip()
        except (OSError, UnicodeDecodeError) as exc:
            return None, f"--token-file {args.token_file}: cannot read: {getattr(exc, 'strerror', None) or exc}"
        if not token:
            return None, f"--token-file {args.token_file}: empty"
        return token, None
    token = os.environ.get(TOKEN_ENV, "").strip()
    return token or None, None


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        # Listening now: a client that connects while the workers start waits instead of being refused.
        sock.listen(2048)
    except BaseException:
        sock.close()
        raise
    return sock


def _log_config(level: str, access: bool) -> dict:
    handler = {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"format": LOG_FORMAT}},
        "handlers": {"stderr": handler},
        "loggers": {
            "uvicorn": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
            "uvicorn.error": {"level": level.upper()},
            "uvicorn.access": {"handlers": ["stderr"], "level": "INFO" if access else "WARNING", "propagate": False},
            "stylelint.serve": {"handlers": ["stderr"], "level": level.upper(), "propagate": False},
        },
    }


def main(argv: list[str]) -> int:
    """``stylelint serve``; returns the exit code."""
    args = build_parser().parse_args(argv)
    import logging.config

    from stylelint.config.model import ConfigError, ConfigResolver, load_config

    logging.config.dictConfig(_log_config(args.log_level, args.access_log))
    log = logging.getLogger("stylelint.serve")
    if args.queue < 0:
        return _fail(f"--queue: expected 0 or more, got {args.queue}")
    try:
        config = load_config(args.config) if args.config else ConfigResolver().for_path(None)
    except ConfigError as exc:
        return _fail(str(exc))
    token, problem = _token(args)
    if problem:
        return _fail(problem)
    try:
        sock = _bind(args.host, args.port)
    except OSError as exc:
        return _fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    pool = WorkerPool(WorkerInit(config, max_documents=args.max_documents, debug=args.debug),
                      size=args.workers, timeout=args.timeout, queue=args.queue)
    try:
        pool.start()
    except PoolError as exc:
        sock.close()
        for line in exc.problems:
            print(f"stylelint serve: error: {line}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        pool.kill()
        sock.close()
        print("stylelint serve: interrupted while the workers started", file=sys.stderr)
        return 130
    settings = ServerSettings(max_bytes=args.max_bytes, token=token, cors_origins=tuple(args.cors_origin),
                              profile=config.profile)
    app = create_app(pool, settings)
    server = uvicorn.Server(uvicorn.Config(
        app,
        log_config=_log_config(args.log_level, args.access_log),
        access_log=args.access_log,
        timeout_graceful_shutdown=args.graceful_timeout,
        lifespan="on",
        server_header=False,
        proxy_headers=False,
    ))
    # uvicorn handles SIGTERM/SIGINT (stop taking connections, finish the
    # requests in flight) and then raises the signal again with the handler
    # it found: finding this one, the process exits 0 instead of dying by it.
    stops: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: stops.append(signum))
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    where = "config " + (config.path or "(defaults)")
    log.info("listening on http://%s:%d (%d workers: pids %s; %s; token %s)", shown, port, pool.size,
             " ".join(map(str, pool.pids)), where, "required" if token else "off")
    print(f"stylelint serve: listening on http://{shown}:{port}", file=sys.stderr, flush=True)
    try:
        server.run(sockets=[sock])
    finally:
        pool.kill()  # whatever is left if the server stopped without its shutdown
        sock.close()
    if not server.started:
        return _fail("the server did not start (see the log above)")
    log.info("stopped")
    return 0
