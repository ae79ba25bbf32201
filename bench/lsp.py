"""Latency and memory of ``stylelint lsp``, measured from a real LSP client over stdio.

Not a test: a measurement, written to docs/lsp.md (``--write``).

    python bench/lsp.py                 # everything (about a minute on a quiet machine)
    python bench/lsp.py --quick         # fewer edits
    python bench/lsp.py --write         # and replace the figures in docs/lsp.md

What it measures (the issue's targets):

1. **Reference article** (examples/blinken-ukraine.txt, 6.8 KB): after an
   edit, the time until its diagnostics arrive, minus the debounce (300 ms):
   target 50 ms.
2. **A 200 KB document** (the article repeated): diagnostics after opening
   it, and after an edit (minus the debounce): target 1 s. Meanwhile the
   server answers requests: the round trip of ``stylelint/status`` sent
   while that lint runs.
3. **Memory over 1,000 edits** of the article (debounce 0, so each edit is
   linted): resident memory of the server and of its worker, every 100
   edits: target flat.

The client is pytest-lsp's (the one the tests use), the server the
installed ``stylelint lsp``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "blinken-ukraine.txt"
DOCS = ROOT / "docs" / "lsp.md"
DEBOUNCE_MS = 300
BEGIN, END = "<!-- bench/lsp.py: begin -->", "<!-- bench/lsp.py: end -->"


def stylelint_cmd() -> list[str]:
    """The installed console script beside this Python, else ``python -m stylelint``."""
    script = Path(sys.executable).parent / "stylelint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "stylelint"]


def rss_mb(pid: int | None) -> float:
    """Resident memory of a process in MB (Linux /proc), NaN when unknown."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, TypeError):
        pass
    return float("nan")


class Bench:
    """One server session with arrival times of its diagnostics."""

    def __init__(self) -> None:
        self.client = LanguageClient(converter_factory=default_converter)
        self.arrived: dict[tuple[str, int], float] = {}
        self._waiters: dict[tuple[str, int], asyncio.Future] = {}

        def published(params: types.PublishDiagnosticsParams) -> None:
            key = (params.uri, params.version)
            self.arrived[key] = time.perf_counter()
            fut = self._waiters.pop(key, None)
            if fut is not None and not fut.done():
                fut.set_result(len(params.diagnostics))

        register_lsp_features(self.client, {
            **DEFAULT_CLIENT_FEATURES,
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: published,
            types.CLIENT_REGISTER_CAPABILITY: lambda params: None,
        })

    async def start(self, root: Path, debounce_ms: int) -> None:
        cmd = stylelint_cmd()
        await self.client.start_io(cmd[0], *cmd[1:], "lsp")
        await self.client.initialize_session(types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
            initialization_options={"debounce": debounce_ms},
        ))

    async def stop(self) -> None:
        await self.client.shutdown_session()
        await self.client.stop()

    def expect(self, uri: str, version: int) -> asyncio.Future:
        fut = asyncio.get_running_loop().create_future()
        self._waiters[(uri, version)] = fut
        return fut

    def open(self, uri: str, text: str) -> asyncio.Future:
        fut = self.expect(uri, 1)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)))
        return fut

    def edit(self, uri: str, version: int, line: int, text: str) -> asyncio.Future:
        """Insert ``text`` at the start of ``line`` (as typing does)."""
        fut = self.expect(uri, version)
        pos = types.Position(line=line, character=0)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=pos, end=pos), text=text)]))
        return fut

    async def status(self):
        return await self.client.protocol.send_request_async("stylelint/status", None)


async def reference_latency(root: Path, edits: int) -> dict:
    article = REFERENCE.read_text(encoding="utf-8")
    bench = Bench()
    await bench.start(root, DEBOUNCE_MS)
    try:
        uri = (root / "article.txt").as_uri()
        t0 = time.perf_counter()
        await asyncio.wait_for(bench.open(uri, article), 120)
        first = time.perf_counter() - t0
        after: list[float] = []
        for v in range(2, edits + 2):
            sent = time.perf_counter()
            await asyncio.wait_for(bench.edit(uri, v, 5, "x"), 120)
            after.append((time.perf_counter() - sent) * 1000 - DEBOUNCE_MS)
        return {"bytes": len(article.encode()), "first_ms": first * 1000, "after_debounce_ms": after}
    finally:
        await bench.stop()


async def large_document(root: Path, size: int) -> dict:
    article = REFERENCE.read_text(encoding="utf-8")
    text = (article + "\n\n") * (size // len(article.encode()) + 1)
    text = text[: text.rfind("\n\n", 0, size) + 1]
    bench = Bench()
    await bench.start(root, DEBOUNCE_MS)
    try:
        uri = (root / "large.txt").as_uri()
        # Warm the worker (a first lint builds the linter) on another document.
        await asyncio.wait_for(bench.open((root / "warm.txt").as_uri(), article), 120)
        t0 = time.perf_counter()
        opened = bench.open(uri, text)
        # Requests answered while the worker lints the large document.
        round_trips = []
        while not opened.done():
            s = time.perf_counter()
            st = await bench.status()
            if st.worker.running:
                round_trips.append((time.perf_counter() - s) * 1000)
            await asyncio.sleep(0.02)
        findings = await opened
        open_ms = (bench.arrived[(uri, 1)] - t0) * 1000
        sent = time.perf_counter()
        await asyncio.wait_for(bench.edit(uri, 2, 5, "x"), 120)
        edit_ms = (time.perf_counter() - sent) * 1000 - DEBOUNCE_MS
        return {"bytes": len(text.encode()), "findings": findings, "open_ms": open_ms, "after_debounce_ms": edit_ms,
                "status_ms": round_trips}
    finally:
        await bench.stop()


async def memory(root: Path, edits: int) -> dict:
    article = REFERENCE.read_text(encoding="utf-8")
    bench = Bench()
    await bench.start(root, 0)
    try:
        uri = (root / "article.txt").as_uri()
        await asyncio.wait_for(bench.open(uri, article), 120)
        server_pid = bench.client._server.pid
        samples = []
        for v in range(2, edits + 2):
            await asyncio.wait_for(bench.edit(uri, v, 5 + v % 20, "x "), 120)
            if (v - 2) % 100 == 0 or v == edits + 1:
                st = await bench.status()
                samples.append((v - 1, rss_mb(server_pid), rss_mb(st.worker.pid)))
        st = await bench.status()
        return {"samples": samples, "published": st.counts.published, "starts": st.worker.starts}
    finally:
        await bench.stop()


def _ms(values: list[float]) -> str:
    if not values:
        return "-"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"median {statistics.median(values):.0f} ms, p95 {p95:.0f} ms, max {values[-1]:.0f} ms (n={len(values)})"


def report(ref: dict, large: dict, mem: dict) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    first_mem, last_mem = mem["samples"][0], mem["samples"][-1]
    half = mem["samples"][len(mem["samples"]) // 2]
    lines = [
        BEGIN,
        f"Measured by `python bench/lsp.py` on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load:.1f} at the end "
        f"({time.strftime('%Y-%m-%d')}). **Provisional**: the machine was shared with other work; "
        "re-run on a quiet machine.",
        "",
        "| what | target | measured |",
        "|---|---|---|",
        f"| reference article ({ref['bytes']:,} bytes): diagnostics after an edit, minus the {DEBOUNCE_MS} ms debounce "
        f"| 50 ms | {_ms(ref['after_debounce_ms'])} |",
        f"| reference article: diagnostics after opening (no debounce; first lint builds the linter) | - | {ref['first_ms']:.0f} ms |",
        f"| {large['bytes']:,}-byte document ({large['findings']:,} findings): diagnostics after opening | 1 s | {large['open_ms']:.0f} ms |",
        f"| the same: diagnostics after an edit, minus the debounce | 1 s | {large['after_debounce_ms']:.0f} ms |",
        f"| requests answered while it is linted (`stylelint/status` round trip) | not blocked | {_ms(large['status_ms'])} |",
        f"| memory over {last_mem[0]:,} edits (each linted): server | flat | {first_mem[1]:.1f} MB after 1, "
        f"{half[1]:.1f} MB after {half[0]:,}, {last_mem[1]:.1f} MB after {last_mem[0]:,} |",
        f"| the same: worker process | flat | {first_mem[2]:.1f} MB, {half[2]:.1f} MB, {last_mem[2]:.1f} MB |",
        "",
        "Memory every 100 edits (edits, server MB, worker MB): "
        + ", ".join(f"{n}: {s:.1f}/{w:.1f}" for n, s, w in mem["samples"]) + ".",
        END,
    ]
    return "\n".join(lines)


async def main_async(args: argparse.Namespace) -> str:
    with tempfile.TemporaryDirectory(prefix="stylelint-lsp-bench-") as tmp:
        root = Path(tmp)
        ref = await reference_latency(root, 10 if args.quick else 30)
        large = await large_document(root, 200_000)
        mem = await memory(root, 200 if args.quick else 1000)
    return report(ref, large, mem)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="fewer edits")
    ap.add_argument("--write", action="store_true", help=f"replace the figures in {DOCS.relative_to(ROOT)}")
    args = ap.parse_args()
    text = asyncio.run(main_async(args))
    print(text)
    if args.write:
        doc = DOCS.read_text(encoding="utf-8")
        pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
        if not pattern.search(doc):
            raise SystemExit(f"{DOCS}: no {BEGIN} ... {END} section to replace")
        DOCS.write_text(pattern.sub(lambda _: text, doc), encoding="utf-8")
        print(f"wrote {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
