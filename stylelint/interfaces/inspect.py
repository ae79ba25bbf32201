"""``stylelint inspect``: what the rules read, for people debugging a page and for tests.

For each file: the prose text the parser made, its blocks (kind and span),
the quotation spans the rules keep out of, and for HTML how the article
region was chosen. ``--format json`` gives::

    {"files": [{"path", "format", "region", "text",
                "blocks": [{"kind", "start", "end", "source_start", "source_end"}],
                "quotes": [{"start", "end", "source_start", "source_end"}],
                "warnings": [...], "errors": [...]}]}

``warnings`` are the parser's notes on input it read anyway (front matter
that does not parse, linted as prose).

``start``/``end`` index ``text``; ``source_*`` index the decoded file, as
findings' ``offset``/``end_offset`` do.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from stylelint.config.errors import ConfigError
from stylelint.config.model import ConfigResolver, load_config
from stylelint.engine.linter import LinterCache
from stylelint.model.document import Document, Span
from stylelint.parsers.base import ParseError
from stylelint.parsers.decode import InputError, read_article
from stylelint.report.escape import escape_undecodable, printable
from stylelint.run.runner import iter_files


def build_parser() -> argparse.ArgumentParser:
    """The arguments of ``stylelint inspect``."""
    p = argparse.ArgumentParser(prog="stylelint inspect", description=__doc__.split("\n\n")[0])
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders; - reads stdin")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text")
    p.add_argument("--input-format", metavar="NAME", help="parse as text, markdown or html (default: by name and content)")
    p.add_argument("--config", metavar="FILE", help="use this config file (content_selector, for HTML)")
    return p


def _span(doc: Document, start: int, end: int) -> dict[str, int]:
    s, e = doc.source_span(Span(start, end))
    return {"start": start, "end": end, "source_start": s, "source_end": e}


def describe(doc: Document, path: str) -> dict[str, Any]:
    """One file's entry of the JSON answer."""
    return {
        "path": path,
        "format": doc.format,
        "region": doc.meta.get("region"),
        "text": doc.text,
        "blocks": [{"kind": b.kind, **_span(doc, b.span.start, b.span.end)} for b in doc.blocks],
        "quotes": [_span(doc, q.start, q.end) for q in doc.quotes],
        "warnings": list(doc.warnings),
        "errors": [],
    }


def _render_text(entry: dict[str, Any]) -> str:
    out = [f"== {printable(entry['path'])} ({entry['format']}" + (f", region: {entry['region']}" if entry.get("region") else "") + ")"]
    text = entry["text"]
    quotes = entry["quotes"]
    for b in entry["blocks"]:
        inside = [q for q in quotes if q["start"] < b["end"] and b["start"] < q["end"]]
        body = text[b["start"] : b["end"]]
        # Quotations shown between guillemets-like marks, so what the rules skip is visible.
        for q in reversed(inside):
            qs, qe = max(q["start"], b["start"]) - b["start"], min(q["end"], b["end"]) - b["start"]
            body = body[:qs] + "⟦" + body[qs:qe] + "⟧" + body[qe:]
        out.append(f"[{b['kind']} {b['start']}-{b['end']} @{b['source_start']}] {printable(body)}")
    for note in entry["warnings"]:
        out.append(f"warning: {printable(note)}")
    for err in entry["errors"]:
        out.append(f"error: {printable(err)}")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str]) -> int:
    """Run ``stylelint inspect``; exit 2 when a file could not be read or parsed."""
    args = build_parser().parse_args(argv)
    try:
        resolver = ConfigResolver(load_config(args.config) if args.config else None)
    except ConfigError as exc:
        print(f"stylelint: error: {printable(str(exc))}", file=sys.stderr)
        return 2
    linters = LinterCache()
    entries: list[dict[str, Any]] = []
    targets: list[tuple[str, str | None]] = []
    for raw in args.paths:
        if raw == "-":
            targets.append(("-", None))
        else:
            targets.extend(iter_files([raw], resolver, linters))
    for path, problem in targets:
        entry: dict[str, Any] = {"path": path, "format": None, "region": None, "text": "", "blocks": [], "quotes": [],
                                 "warnings": [], "errors": []}
        try:
            if problem:
                raise InputError(problem)
            cfg = resolver.for_path(None if path == "-" else path)
            if path == "-":
                source = sys.stdin.buffer.read().decode("utf-8-sig")
            else:
                source, _ = read_article(path, cfg.max_file_size)
            doc = linters.get(cfg).parse(source, None if path == "-" else path, args.input_format)
            entry = describe(doc, path)
        except (InputError, ConfigError, ParseError, UnicodeDecodeError) as exc:
            entry["errors"].append(str(exc))
        entries.append(entry)
    if args.format == "json":
        sys.stdout.write(escape_undecodable(json.dumps({"files": entries}, ensure_ascii=False)) + "\n")
    else:
        sys.stdout.write("".join(_render_text(e) for e in entries))
    for e in entries:
        for err in e["errors"]:
            print(f"{printable(e['path'])}: error: {printable(err)}", file=sys.stderr)
    return 2 if any(e["errors"] for e in entries) else 0
