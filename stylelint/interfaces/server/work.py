"""What a lint worker process runs: the native API and LanguageTool's, from bytes to bytes.

The front process parses no request body: it hands a worker the raw body
(or the query), and gets back the status, the media type and the encoded
answer, so the front's event loop never spends time on JSON or linting.
Each worker builds the linter of the operator's configuration once, at
start (plugins loaded, rules collected, phrase lists compiled), and keeps a
few more for requests with inline settings (``LinterCache``).

Requests are those of :mod:`stylelint.interfaces.requests`: inline settings
only, never a file or folder. Every answer is JSON except ``/v1/report``'s
HTML and ``/v1/rules/{id}?format=text``.
"""

from __future__ import annotations

import gc
import json
import os
import signal
import socket
import struct
import sys
import threading
import traceback
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from stylelint.config.model import Config, ConfigError, apply_values
from stylelint.engine.linter import LinterCache
from stylelint.engine.ruleset import unknown_selectors
from stylelint.interfaces.requests import (
    Document,
    RequestError,
    documents_of,
    inline_values,
    lint_document,
    parse_document,
)
from stylelint.model.units import CodeUnits
from stylelint.report.results import FileResult, Report

from . import languagetool

#: Found in every article's first lint: warms each rule's lazily built state.
WARM_TEXT = (
    "WASHINGTON (AP) -- Mayor Jane Smith claimed on Dec. 7th that 5 officers, 4 percent of the force, "
    "would leave, a senior official mentioned on a convention name.\n\nLeave a Reply"
)


class Reply(NamedTuple):
    """A worker's answer: HTTP status, media type, body, extra headers, and counts for the metrics."""

    status: int
    content_type: str
    body: bytes
    headers: Mapping[str, str]
    stats: Mapping[str, Any]
    log: str | None = None


@dataclass(frozen=True)
class WorkerInit:
    """What every worker starts from (pickled to each)."""

    config: Config  # the operator's, resolved once by the front process
    max_documents: int = 100
    linters: int = 16  # linters kept for inline settings besides the operator's
    debug: bool = False


class HTTPError(Exception):
    """An answer other than 200: ``field`` names the request field at fault."""

    def __init__(self, status: int, field: str | None, message: str, more: list[dict[str, str]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.field = field
        self.message = message
        self.more = more or []


def dumps(value: Any) -> bytes:
    """JSON as UTF-8; text with lone surrogates (from ``\\ud800`` escapes in a request) stays valid as escapes."""
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value).encode("ascii")


def error_body(status: int, field: str | None, message: str, more: list[dict[str, str]] | None = None) -> bytes:
    """The JSON error every non-200 answer carries: ``{"error": {"status", "field", "message"}}``."""
    body: dict[str, Any] = {"error": {"status": status, "field": field, "message": message}}
    if more:
        body["errors"] = more
    return dumps(body)


JSON = "application/json"


def _json_reply(value: Any, stats: Mapping[str, Any] | None = None, headers: Mapping[str, str] | None = None) -> Reply:
    return Reply(200, JSON, dumps(value), headers or {}, stats or {})


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON contract, each finding with ``utf16_offset``/``utf16_end_offset`` for JavaScript clients."""
    data = report.to_dict()
    for result, out in zip(report.files, data["files"], strict=True):
        if not out["violations"]:
            continue
        units = CodeUnits(result.source or "")
        for v in out["violations"]:
            v["utf16_offset"] = units.utf16(v["offset"])
            v["utf16_end_offset"] = units.utf16(v["end_offset"])
    return data


def _sections(page: str) -> dict[str, Any]:
    """The report page's parts a page of its own shows: each file's section, and the rules' documentation.

    Without the report's head (its inline style sheet) and summary table, so
    they fit a page whose Content-Security-Policy allows no inline style.
    """
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(page)
    files = [lxml_html.tostring(s, encoding="unicode") for s in root.xpath("//section[@class='sl-file']")]
    rules = root.xpath("//section[@class='sl-rules']")
    return {"sections": files, "rules": lxml_html.tostring(rules[0], encoding="unicode") if rules else ""}


def _stats(report: Report) -> dict[str, Any]:
    return {"documents": len(report.files), "findings": dict(Counter(v.rule_id for v in report.violations))}


class Service:
    """One worker's linters and the handlers of every endpoint that needs them."""

    def __init__(self, init: WorkerInit) -> None:
        self.init = init
        self.base = init.config
        # The operator's linters (its config, and its [[overrides]] by path) are kept for the
        # life of the worker; those of requests' inline settings are bounded, oldest out first.
        self.operator = LinterCache(debug=init.debug)
        self.inline = LinterCache(debug=init.debug, limit=init.linters)

    def _cache(self, doc: Document) -> LinterCache:
        """Where the linter for ``doc`` lives: the operator's, unless its inline values change the config."""
        if not doc.values:
            return self.operator
        own = self.base.for_path(doc.path)
        return self.operator if apply_values(own, doc.values).cache_key() == own.cache_key() else self.inline

    def warm(self) -> list[str]:
        """Build the operator's linter and run it once; returns its errors (a plugin that failed...)."""
        linter = self.operator.get(self.base)
        errors = list(linter.errors)
        linter.matcher  # noqa: B018  (compiles every phrase list now, not on the first request)
        for fmt in sorted(linter.parsers):
            linter.lint_source(WARM_TEXT, None, fmt)
        return errors

    # -- dispatch ------------------------------------------------------------

    def handle(self, kind: str, payload: Mapping[str, Any], progress: Callable[[str], None]) -> Reply:
        """Answer one request; never raises (an internal error is a logged 500 without a traceback)."""
        try:
            handler = getattr(self, f"do_{kind}")
            return handler(payload, progress)
        except HTTPError as exc:
            body = error_body(exc.status, exc.field, exc.message, exc.more)
            return Reply(exc.status, JSON, body, {}, {}, exc.message)
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            line = f"internal error in {kind}: {type(exc).__name__}: {exc} ({os.path.basename(where.filename)}:{where.lineno})"
            if self.init.debug:
                traceback.print_exc()
            return Reply(500, JSON, error_body(500, None, f"internal error ({type(exc).__name__}); see the server log"), {}, {}, line)

    # -- native API --------------------------------------------------------

    @staticmethod
    def _request(body: bytes) -> Any:
        try:
            return json.loads(body.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise HTTPError(400, "body", f"body: not UTF-8: {exc.reason} at byte {exc.start}") from None
        except ValueError as exc:
            raise HTTPError(400, "body", f"body: not valid JSON: {exc}") from None

    def _documents(self, request: Any) -> list[tuple[str, Document]]:
        """The request's documents with the field prefix that names each (``documents[2].``)."""
        items = documents_of(request)
        bad = [x for x in items if isinstance(x, RequestError)]
        if bad:
            more = [{"field": x.field, "message": str(x)} for x in bad]
            raise HTTPError(422, bad[0].field, str(bad[0]), more if len(more) > 1 else None)
        batch = isinstance(request, Mapping) and "documents" in request
        if batch and len(items) > self.init.max_documents:
            raise HTTPError(422, "documents", f"documents: at most {self.init.max_documents} documents per request, got {len(items)}")
        return [(f"documents[{i}]." if batch else "", doc) for i, doc in enumerate(items)]  # type: ignore[misc]

    def _check(self, prefix: str, doc: Document) -> None:
        """What the request got wrong that only a linter knows: the format, rule ids, inline rules."""
        config = self.base.for_path(doc.path)
        if doc.values:
            config = apply_values(config, doc.values)
        linter = self._cache(doc).get(config)
        if doc.format is not None and doc.format not in linter.parsers:
            raise HTTPError(422, f"{prefix}format", f"{prefix}format: unknown format {doc.format!r} (allowed: {', '.join(sorted(linter.parsers))})")
        requested = apply_values(Config(), {k: v for k, v in doc.values.items() if k in ("select", "extend_select", "ignore", "severity", "rule_options")})
        for problem in unknown_selectors(requested, linter.all_rules):
            key = problem.split(":", 1)[0]
            raise HTTPError(422, f"{prefix}{key}", f"{prefix}{problem.replace('stylelint --list-rules', 'GET /v1/rules')}")
        base_errors = set(self.operator.get(self.base.for_path(doc.path)).errors)
        for problem in linter.errors:
            if problem not in base_errors:  # an inline [[rules]] table that does not build
                raise HTTPError(422, f"{prefix}rules", f"{prefix}rules: {problem}")

    def _lint(self, request: Any, progress: Callable[[str], None]) -> tuple[Report, list[tuple[FileResult, Config, Document, str]]]:
        """Lint every document; each says which it is (``progress``) so its time limit starts then."""
        report = Report()
        done: list[tuple[FileResult, Config, Document, str]] = []
        fail_on = None
        for prefix, doc in self._documents(request):
            name = prefix.rstrip(".") or "text"
            progress(name)
            self._check(prefix, doc)
            try:
                result, errors, config = lint_document(doc, self.base, self._cache(doc))
            except ConfigError as exc:
                raise HTTPError(422, prefix.rstrip(".") or "request", f"{prefix}{exc}") from None
            report.files.append(result)
            report.errors.extend(e for e in errors if e not in report.errors)
            done.append((result, config, doc, name))
            fail_on = config.fail_on if fail_on is None else min(fail_on, config.fail_on)
        if fail_on is not None:
            report.fail_on = fail_on
        return report, done

    def do_lint(self, payload: Mapping[str, Any], progress: Callable[[str], None]) -> Reply:
        """``POST /v1/lint``: the JSON report (findings with UTF-16 offsets too)."""
        report, _ = self._lint(self._request(payload["body"]), progress)
        return _json_reply(report_dict(report), _stats(report), {"stylelint-exit-code": str(report.exit_code())})

    def do_fix(self, payload: Mapping[str, Any], progress: Callable[[str], None]) -> Reply:
        """``POST /v1/fix``: each document fixed (safe fixes; ``"unsafe": true`` for all), the diff, what remains."""
        from stylelint.run.fix import fix_file

        request = self._request(payload["body"])
        unsafe = False
        if isinstance(request, dict) and "unsafe" in request:
            unsafe = request.pop("unsafe")
            if not isinstance(unsafe, bool):
                raise HTTPError(422, "unsafe", f"unsafe: expected true or false, got {type(unsafe).__name__}")
        report, done = self._lint(request, progress)
        files = []
        remaining = Report(errors=report.errors, fail_on=report.fail_on)
        for result, config, doc, name in done:
            progress(name)  # fixing re-lints: a time limit of its own
            fixed = fix_file(self._cache(doc).get(config), result, unsafe=unsafe)
            remaining.files.append(fixed.result)
            files.append({
                "path": result.path,
                "format": result.format,
                "text": fixed.fixed,
                "changed": fixed.changed,
                "diff": fixed.diff(),
                "passes": fixed.passes,
                "converged": fixed.converged,
                "applied": [{"rule": v.rule_id, "match": v.match, "replacement": v.fix.replacement if v.fix else ""}
                            for v in fixed.applied],
                "skipped": [{"rule": s.violation.rule_id, "match": s.violation.match, "line": s.violation.line,
                             "column": s.violation.column, "reason": s.reason} for s in fixed.skipped],
                "unsafe_available": len(fixed.unsafe_available),
            })
        stats = _stats(report)
        return _json_reply({"files": files, "report": report_dict(remaining)}, stats,
                           {"stylelint-exit-code": str(remaining.exit_code())})

    def _rules_map(self, report: Report) -> dict[str, Any]:
        return {r.id: r for cache in (self.inline, self.operator) for lt in cache.built() for r in lt.all_rules}

    def do_report(self, payload: Mapping[str, Any], progress: Callable[[str], None]) -> Reply:
        """``POST /v1/report``: the HTML report (for ``Accept: application/json``, its sections and the JSON report)."""
        from stylelint.report.formatters import html_report

        report, _ = self._lint(self._request(payload["body"]), progress)
        base_url = payload.get("base_url") or ""
        docs_url = f"{base_url}v1/rules/{{id}}?format=text" if base_url.startswith(("http://", "https://")) else None
        html = html_report.render(report, {"rules": self._rules_map(report), "docs_url": docs_url})
        headers = {"stylelint-exit-code": str(report.exit_code())}
        if payload.get("json"):
            return _json_reply({**_sections(html), "report": report_dict(report)}, _stats(report), headers)
        headers["content-security-policy"] = html_report._CSP  # the report's own policy: no script, no load
        return Reply(200, "text/html; charset=utf-8", html.encode("utf-8", "replace"), headers, _stats(report))

    def _profile_linter(self, query: Mapping[str, str]):
        profile = query.get("profile")
        if not profile:
            return self.operator.get(self.base)
        try:
            values = inline_values({"profile": profile}, "")
        except RequestError as exc:
            raise HTTPError(422, exc.field, str(exc)) from None
        if values["profile"] == self.base.profile:
            return self.operator.get(self.base)
        return self.inline.get(apply_values(self.base, values))

    def do_rules(self, payload: Mapping[str, Any], progress: Callable[[str], None]) -> Reply:
        """``GET /v1/rules[?profile=NAME]``: every rule, and whether the profile runs it."""
        from stylelint.interfaces.cli import rule_rows

        linter = self._profile_linter(payload.get("query") or {})
        rows = rule_rows(linter)
        for row in rows:
            row["docs"] = f"/v1/rules/{row['id']}"
        return _json_reply({"profile": linter.config.profile, "rules": rows})

    def do_rule(self, payload: Mapping[str, Any], progress: Callable[[str], None]) -> Reply:
        """``GET /v1/rules/{id}``: the rule's documentation (JSON; ``?format=text`` for the page itself)."""
        from stylelint.interfaces.cli import rule_rows
        from stylelint.rule.docs import render_explain, render_rule

        query = payload.get("query") or {}
        fmt = query.get("format", "json")
        if fmt not in ("json", "text", "markdown"):
            raise HTTPError(422, "format", f"format: expected json, text or markdown, got {fmt!r}")
        linter = self._profile_linter(query)
        rule_id = str(payload.get("id", "")).strip().upper()
        rule = linter.rule(rule_id)
        if rule is None:
            raise HTTPError(404, "id", f"id: no rule {rule_id!r} (see GET /v1/rules)")
        if fmt == "text":
            return Reply(200, "text/plain; charset=utf-8", render_explain(rule).encode("utf-8"), {}, {})
        if fmt == "markdown":
            return Reply(200, "text/markdown; charset=utf-8", render_rule(rule).encode("utf-8"), {}, {})
        row = next(r for r in rule_rows(linter) if r["id"] == rule.id)
        row.update({
            "rationale": rule.rationale,
            "source": rule.source,
            "in_quotes": rule.in_quotes,
            "document_level": rule.document_level,
            "examples": [{"wrong": e.wrong, "right": e.right, "format": e.format, "profile": e.profile, "note": e.note}
                         for e in rule.examples],
            "markdown": render_rule(rule),
        })
        return _json_reply(row)

    # -- LanguageTool ------------------------------------------------------

    def do_check(self, payload: Mapping[str, Any], progress: Callable[[str], None]) -> Reply:
        """``/v2/check``: LanguageTool's answer for our findings (UTF-16 offsets of the whole text)."""
        params = payload["params"]
        try:
            req = languagetool.parse_check(params, self.base.profile)
        except languagetool.CheckError as exc:
            raise HTTPError(400, exc.field, str(exc)) from None
        base_linter = self.operator.get(self.base)
        values = languagetool.config_values(req, base_linter.all_rules)
        progress("data" if "data" in params else "text")
        violations: list[Any] = []
        if values is not None:
            doc = parse_document({"text": req.text.prose, "format": "text", **values})
            result, _, _ = lint_document(doc, self.base, self._cache(doc))
            if result.errors:
                raise HTTPError(422, "text", f"text: {result.errors[0]}")
            violations = result.violations
        rules = {r.id: r for r in base_linter.all_rules}
        answer = languagetool.answer(req, violations, rules, payload.get("base_url") or "")
        stats = {"documents": 1, "findings": dict(Counter(v.rule_id for v in violations))}
        return _json_reply(answer, stats)


# ---------------------------------------------------------------------------
# The process


_HEADER = struct.Struct("!I")


def send(sock: socket.socket, message: Any) -> None:
    """One framed message (length, then a pickle: the two ends are the same program)."""
    import pickle

    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(_HEADER.pack(len(data)) + data)


def _recv_exactly(sock: socket.socket, n: int) -> bytes | None:
    chunks = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def recv(sock: socket.socket) -> Any:
    """The next framed message, or None when the other end has gone."""
    import pickle

    head = _recv_exactly(sock, _HEADER.size)
    if head is None:
        return None
    data = _recv_exactly(sock, _HEADER.unpack(head)[0])
    return None if data is None else pickle.loads(data)


def _watch_parent(parent: int) -> None:
    """Leave when the front process is gone, even from inside a rule that never returns."""
    import time

    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def worker_main(sock: socket.socket, init: WorkerInit) -> None:
    """A worker process: build the linters, say ready, answer jobs until told to stop (or the front goes).

    SIGINT and SIGTERM are ignored: a terminal's Ctrl-C and a service
    manager's stop reach the whole process group, and the front process
    decides when its workers stop (after the requests in flight).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    try:
        service = Service(init)
        errors = service.warm()
    except Exception as exc:
        send(sock, ("failed", [f"{type(exc).__name__}: {exc}"]))
        return
    if errors:
        send(sock, ("failed", errors))
        return
    # Everything built so far lives as long as the process: keep it out of the
    # collector's walks. Python's own thresholds then cost nothing measurable
    # and keep memory flat: each request leaves a few dozen objects in cycles,
    # which the CLI's rarer collections (set_threshold(100_000, ...)) let pile
    # up to +15% RSS over a few thousand requests (bench/service.py).
    gc.collect()
    gc.freeze()
    send(sock, ("ready", os.getpid()))

    def progress(name: str) -> None:
        send(sock, ("start", name))

    while True:
        message = recv(sock)
        if message is None or message[0] == "stop":
            break
        _, kind, payload = message
        reply = service.handle(kind, payload, progress)
        send(sock, ("done", tuple(reply)))
    sock.close()
    sys.exit(0)
