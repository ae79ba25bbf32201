"""Load on ``stylelint serve``: throughput, latency, errors and memory under concurrent clients.

Not a test: a measurement, written into docs/service.md (between the
``bench:service`` markers) with the machine's load when it ran.

    python bench/service.py                     # 16 clients, 10,000 requests, --workers 2 (about 2 minutes)
    python bench/service.py --requests 2000     # a shorter run
    python bench/service.py --no-write          # print, do not touch docs/service.md

It starts a real server (``python -m stylelint serve --port 0 --workers
2``) with the default configuration, then:

1. 16 client threads, each on its own keep-alive connection, post the
   reference article (``examples/blinken-ukraine.txt``) to ``/v1/lint``:
   1,000 requests, the server's memory (RSS of the front process, the fork
   server and the workers), then 9,000 more and the memory again. Every
   answer must be a 200 with the article's findings.
2. One client, one request at a time: latency against linting the same
   article in this process (what the HTTP front and the worker hop cost).
3. What a worker replacement costs (a stuck document's worker is killed
   and a new one forked): starting the first worker (the fork server
   included) and then a second.

Targets (issue 14): at least 150 requests/s, p99 under 150 ms, no error
over 10,000 requests, RSS after 10,000 within 10% of after 1,000.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REFERENCE = ROOT / "examples" / "blinken-ukraine.txt"
DOC = ROOT / "docs" / "service.md"
START, END = "<!-- bench:service:start -->", "<!-- bench:service:end -->"


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (the fork server and the workers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def rss_kib(pid: int) -> int:
    """Resident memory of one process (KiB), 0 if it is gone."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> dict[int, int]:
    return {p: rss_kib(p) for p in descendants(pid)}


def cpu_seconds(pid: int) -> float:
    """User and system CPU time one process has used."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu(pid: int) -> dict[int, float]:
    return {p: cpu_seconds(p) for p in descendants(pid)}


def server_workers(pid: int) -> list[int]:
    """The worker processes: the fork server's children (the front's own children are the fork server
    and multiprocessing's resource tracker)."""
    children = [p for p in descendants(pid)[1:] if parent_of(p) == pid]
    return [p for p in descendants(pid)[1:] if parent_of(p) in children]


def parent_of(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return -1


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


class Load:
    """``clients`` threads posting ``body`` until ``total`` requests are answered."""

    def __init__(self, url: str, body: bytes, clients: int, expect_findings: bytes) -> None:
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.body = body
        self.clients = clients
        self.expect = expect_findings
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self._left = 0

    def _take(self) -> bool:
        with self._lock:
            if self._left <= 0:
                return False
            self._left -= 1
            return True

    def _client(self) -> None:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = {"content-type": "application/json"}
        mine: list[float] = []
        bad: list[str] = []
        while self._take():
            began = time.perf_counter()
            try:
                conn.request("POST", "/v1/lint", body=self.body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                elapsed = time.perf_counter() - began
                if response.status != 200:
                    bad.append(f"HTTP {response.status}: {data[:200]!r}")
                elif self.expect not in data:  # the summary, found without parsing 30 KB of JSON per answer
                    bad.append("a different number of findings")
                mine.append(elapsed)
            except (OSError, http.client.HTTPException, ValueError) as exc:
                bad.append(f"{type(exc).__name__}: {exc}")
                conn.close()
                conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        conn.close()
        with self._lock:
            self.latencies.extend(mine)
            self.errors.extend(bad)

    def run(self, total: int) -> float:
        """Send ``total`` requests; returns the wall seconds."""
        self._left = total
        threads = [threading.Thread(target=self._client) for _ in range(self.clients)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - began


def in_process_ms(text: str, n: int) -> float:
    """Median milliseconds to lint ``text`` through the request model, in this process (linter built first)."""
    from stylelint.config.model import Config
    from stylelint.engine.linter import LinterCache
    from stylelint.interfaces.requests import lint_request

    cache = LinterCache()
    lint_request({"text": text}, Config(), cache)
    times = []
    for _ in range(n):
        began = time.perf_counter()
        json.dumps(lint_request({"text": text}, Config(), cache).to_dict())
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def worker_start_seconds() -> tuple[float, float]:
    """Seconds to start the first worker (with the fork server) and then one more (a replacement)."""
    from stylelint.config.model import Config
    from stylelint.interfaces.server.pool import WorkerPool
    from stylelint.interfaces.server.work import WorkerInit

    pool = WorkerPool(WorkerInit(Config()), size=1)
    began = time.perf_counter()
    pool.start()
    first = time.perf_counter() - began
    began = time.perf_counter()
    again = pool._spawn(1)
    second = time.perf_counter() - began
    pool._slots.append(again)
    pool.kill()
    return first, second


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=10_000, help="requests in all (default 10,000)")
    ap.add_argument("--first", type=int, default=1_000, help="requests before the first memory reading (default 1,000)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sequential", type=int, default=300, help="one-at-a-time requests for the latency breakdown")
    ap.add_argument("--out", default=str(DOC), help="the document to update (default docs/service.md)")
    ap.add_argument("--no-write", action="store_true", help="print the results only")
    args = ap.parse_args(argv)

    from stylelint import __version__
    from stylelint.interfaces.server.testing import call, serve

    article = REFERENCE.read_text(encoding="utf-8")
    body = json.dumps({"text": article}).encode("utf-8")
    load_before = os.getloadavg()
    env = {"STYLELINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    with tempfile.TemporaryDirectory() as tmp, serve("--workers", str(args.workers), cwd=tmp, env=env) as server:
        expect = call(server.url, "POST", "/v1/lint", {"text": article}).json()["summary"]["violations"]
        summary = f'"summary": {{"files": 1, "violations": {expect}, "errors": 0,'.encode()
        load = Load(server.url, body, args.clients, summary)
        pid = server.process.pid
        cpu_start, client_start = tree_cpu(pid), time.process_time()
        first_s = load.run(args.first)
        first_lat = list(load.latencies)
        rss_first = tree_rss(pid)
        rest_s = load.run(args.requests - args.first)
        rss_last = tree_rss(pid)
        cpu_end, client_cpu = tree_cpu(pid), time.process_time() - client_start
        workers = set(server_workers(pid))
        seq = Load(server.url, body, 1, summary)
        seq.run(args.sequential)
        restarts = call(server.url, "GET", "/healthz").json()["restarts"]
        status = server.stop()
    load_after = os.getloadavg()
    lint_ms = in_process_ms(article, 100)
    first_worker, next_worker = worker_start_seconds()

    lat = load.latencies
    total_s = first_s + rest_s
    rps = len(lat) / total_s
    rss1, rss2 = sum(rss_first.values()), sum(rss_last.values())
    growth = (rss2 - rss1) / rss1 * 100
    p = {q: percentile(lat, q) * 1000 for q in (50, 90, 99)}
    seq_p50 = percentile(seq.latencies, 50) * 1000
    rows = [
        ("requests/s (all 10,000)" if args.requests == 10_000 else f"requests/s (all {args.requests:,})", f"{rps:.0f}", ">= 150", rps >= 150),
        ("requests/s after the first 1,000", f"{(len(lat) - len(first_lat)) / rest_s:.0f}", "", None),
        ("latency p50 / p90 (ms)", f"{p[50]:.1f} / {p[90]:.1f}", "", None),
        ("latency p99 (ms)", f"{p[99]:.1f}", "< 150", p[99] < 150),
        ("latency max (ms)", f"{max(lat) * 1000:.1f}", "", None),
        ("errors", f"{len(load.errors) + len(seq.errors)}", "0", not load.errors and not seq.errors),
        (f"RSS after {args.first:,} / after {args.requests:,} (MiB)", f"{rss1 / 1024:.1f} / {rss2 / 1024:.1f} ({growth:+.1f}%)",
         "within 10%", abs(growth) <= 10),
        ("worker restarts during the run", str(restarts), "0", restarts == 0),
        ("server exit on SIGTERM", str(status), "0", status == 0),
    ]
    n = len(lat)
    used = {p_: cpu_end.get(p_, 0.0) - cpu_start.get(p_, 0.0) for p_ in cpu_end}
    front_ms = used.get(pid, 0.0) / n * 1000
    worker_ms = sum(v for p_, v in used.items() if p_ in workers) / n * 1000
    other_ms = sum(v for p_, v in used.items() if p_ != pid and p_ not in workers) / n * 1000
    client_ms = client_cpu / n * 1000
    ceiling = (os.cpu_count() or 1) * 1000 / (front_ms + worker_ms + other_ms + client_ms)
    command = f"python bench/service.py --requests {args.requests} --clients {args.clients} --workers {args.workers}"
    out = [
        START,
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} with `{command}`: stylelint {__version__}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores, load average {load_before[0]:.2f} before "
        f"and {load_after[0]:.2f} after the run.",
        "",
        "**Provisional**: the machine was shared with other engineers' work while this ran "
        "(the load average above); figures on a quiet machine come from running the same command again.",
        "",
        f"{args.clients} concurrent clients (keep-alive connections, one thread each, on the same machine) "
        f"posting the reference article ({len(article.encode()):,} bytes, {expect} findings) to `/v1/lint`, "
        f"`--workers {args.workers}`:",
        "",
        "| measure | result | target | met |",
        "|---|---|---|---|",
        *(f"| {name} | {value} | {target} | {'' if ok is None else ('yes' if ok else '**no**')} |" for name, value, target, ok in rows),
        "",
        "Memory by process (KiB), after the first requests and at the end: "
        + "; ".join(f"pid {p_}: {rss_first.get(p_, 0):,} → {rss_last.get(p_, 0):,}" for p_ in sorted(set(rss_first) | set(rss_last))),
        "",
        "CPU time per request (from /proc: less disturbed than wall time by other work on the machine, "
        "though contention for the cores and their caches still inflates it): "
        f"workers {worker_ms:.1f} ms, front process {front_ms:.2f} ms, fork server and the rest {other_ms:.2f} ms, "
        f"the benchmark's own clients {client_ms:.2f} ms; so {os.cpu_count()} idle cores could answer at most "
        f"about {ceiling:.0f} requests/s with these clients on the same machine (the lint itself, in the workers, "
        "is nearly all of it).",
        "",
        "What the process pool costs, one request at a time:",
        "",
        "| | ms |",
        "|---|---|",
        f"| linting the article in-process (request model, JSON out; median of 100) | {lint_ms:.1f} |",
        f"| the same over HTTP through a worker (median of {args.sequential}) | {seq_p50:.1f} |",
        f"| what the front, the socket hop and HTTP add | {seq_p50 - lint_ms:.1f} |",
        "",
        "(Wall-clock medians: on a loaded machine the other work moves each by more than this difference; "
        "the CPU times above are the steadier measure of what the front adds.)",
        "",
        f"Starting a worker: {first_worker:.2f} s for the first (the fork server imports stylelint and the rule packs), "
        f"{next_worker:.2f} s for the next one (forked, then it builds its linter): what a document past `--timeout` "
        "costs its worker slot, while the other workers go on answering.",
    ]
    if load.errors:
        out += ["", "First errors: " + "; ".join(sorted(set(load.errors))[:5])]
    out.append(END)
    text = "\n".join(out)
    print(text)
    if not args.no_write:
        doc = Path(args.out)
        current = doc.read_text(encoding="utf-8") if doc.exists() else f"# Service\n\n{START}\n{END}\n"
        if START not in current:
            current += f"\n{START}\n{END}\n"
        head, _, rest = current.partition(START)
        _, _, tail = rest.partition(END)
        doc.write_text(head + text + tail, encoding="utf-8")
        print(f"\nwrote {doc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
