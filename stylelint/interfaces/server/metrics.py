"""``GET /metrics``: the service's Prometheus metrics (text exposition format).

One registry per application (not the library's global one), so two
servers in one process, as in tests, count apart.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from stylelint import __version__

#: Request latency buckets (seconds): the service aims at tens of milliseconds.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    """Requests, latency, documents, findings by rule, errors by kind, and the workers' state."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter("stylelint_http_requests", "HTTP requests answered.", ["method", "route", "status"], registry=r)
        self.latency = Histogram("stylelint_http_request_duration_seconds", "Time to answer a request, by route.",
                                 ["route"], buckets=BUCKETS, registry=r)
        self.documents = Counter("stylelint_documents", "Documents linted, by endpoint.", ["endpoint"], registry=r)
        self.findings = Counter("stylelint_findings", "Findings reported, by rule.", ["rule"], registry=r)
        self.errors = Counter("stylelint_errors", "Requests answered with an error, by kind.", ["kind"], registry=r)
        self.restarts = Counter("stylelint_worker_restarts", "Workers killed and replaced (time limit, crash).", registry=r)
        self.workers = Gauge("stylelint_workers", "Lint worker processes, by state.", ["state"], registry=r)
        self.queue = Gauge("stylelint_queue_depth", "Requests waiting for a worker.", registry=r)
        Info("stylelint", "The stylelint version serving.", registry=r).info({"version": __version__})

    def watch(self, *, busy: Callable[[], float], idle: Callable[[], float], restarting: Callable[[], float],
              queued: Callable[[], float]) -> None:
        """Read the pool's state at each scrape."""
        self.workers.labels("busy").set_function(busy)
        self.workers.labels("idle").set_function(idle)
        self.workers.labels("restarting").set_function(restarting)
        self.queue.set_function(queued)

    def record(self, endpoint: str, stats: Mapping[str, Any]) -> None:
        """Count a worker's documents and findings."""
        if stats.get("documents"):
            self.documents.labels(endpoint).inc(stats["documents"])
        for rule, n in (stats.get("findings") or {}).items():
            self.findings.labels(rule).inc(n)

    def render(self) -> bytes:
        """The exposition text."""
        return generate_latest(self.registry)
