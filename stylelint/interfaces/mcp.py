"""``stylelint mcp``: an MCP server, so a writing assistant can check copy against the house style.

Tools (over stdio, with the official ``mcp`` SDK; ``pip install 'stylelint[mcp]'``):

- ``check_text(text, format, profile)``: the findings, as in the JSON contract;
- ``fix_text(text, format, profile, unsafe)``: the text as ``--fix`` leaves it, and what remains;
- ``explain_rule(rule_id)``: a rule's documentation (``--explain``), as Markdown;
- ``list_rules(profile)``: every rule, and whether the profile runs it.

A tool's arguments come from a model, so they are a request, not a config:
they go through :mod:`stylelint.interfaces.requests`, which layers them
over the operator's configuration (``--config FILE``, else the one found
from the working folder) and refuses anything that names a file or code.
A bad argument is a tool error naming it; text over the operator's
``max_file_size`` is refused.
"""

from __future__ import annotations

import argparse
from typing import Any

from mcp.server.mcpserver import MCPServer  # needs the [mcp] extra
from mcp.server.mcpserver.exceptions import ToolError

from stylelint import __version__
from stylelint.config.model import Config, ConfigError, ConfigResolver, apply_values, load_config
from stylelint.engine.linter import Linter, LinterCache
from stylelint.interfaces.requests import RequestError, lint_document, parse_document

INSTRUCTIONS = """\
stylelint checks news copy (plain text, Markdown, HTML) against a house style
(AP by default; also nyt, guardian): attribution, courtesy titles, dates,
numbers, datelines, spellings, scraped boilerplate, machine-spun copy.
Call check_text on a draft to get findings with exact positions and
suggestions, fix_text to apply the safe fixes, explain_rule for why a rule
exists. Findings inside direct quotations are not reported: quoted speech is
the speaker's.
"""


def _problem(exc: RequestError) -> str:
    """The one-line error for a model: the field, then what is wrong with it.

    (A top-level field's message from :mod:`~stylelint.interfaces.requests`
    reads ``request: request:: KEY: ...``; the ``request`` prefixes say
    nothing to a tool caller.)
    """
    text = str(exc)
    for prefix in ("request: request:: ", "request: "):
        text = text.removeprefix(prefix)
    return text


class Tools:
    """The tools' logic, over the operator's ``base`` configuration (no MCP here, so it is testable alone)."""

    def __init__(self, base: Config, linters: LinterCache | None = None) -> None:
        self.base = base
        self.linters = linters or LinterCache(limit=8)

    def _document(self, text: Any, format: Any, profile: Any):
        raw = {"text": text, "format": format, "profile": profile}
        try:
            doc = parse_document({k: v for k, v in raw.items() if v is not None})
        except RequestError as exc:
            raise ToolError(_problem(exc)) from None
        size = len(doc.text.encode("utf-8", "surrogatepass"))
        if size > self.base.max_file_size:
            raise ToolError(f"text: {size:,} bytes, over the operator's {self.base.max_file_size:,}-byte limit (max_file_size)")
        if doc.format is not None:
            parsers = self.linters.get(self.base).parsers
            if doc.format not in parsers:
                raise ToolError(f"format: unknown format {doc.format!r} (allowed: {', '.join(sorted(parsers))})")
        return doc

    def _linter(self, profile: Any) -> Linter:
        config = self.base
        if profile is not None:
            try:
                doc = parse_document({"text": "", "profile": profile})
            except RequestError as exc:
                raise ToolError(_problem(exc)) from None
            config = apply_values(config, doc.values)
        return self.linters.get(config)

    def check_text(self, text: str, format: str | None = None, profile: str | None = None) -> dict[str, Any]:
        """Findings of one text (the JSON contract's ``violations``), its errors and a summary."""
        doc = self._document(text, format, profile)
        try:
            result, errors, config = lint_document(doc, self.base, self.linters)
        except ConfigError as exc:
            raise ToolError(str(exc)) from None
        findings = [v.to_dict() for v in result.violations]
        by_rule: dict[str, int] = {}
        for v in result.violations:
            by_rule[v.rule_id] = by_rule.get(v.rule_id, 0) + 1
        return {
            "format": result.format,
            "findings": findings,
            "errors": [*errors, *result.errors],
            "summary": {
                "findings": len(findings),
                "by_rule": dict(sorted(by_rule.items())),
                "passed": not any(v.severity >= config.fail_on for v in result.violations),
            },
        }

    def fix_text(self, text: str, format: str | None = None, profile: str | None = None,
                 unsafe: bool = False) -> dict[str, Any]:
        """The text with every safe fix applied (and unsafe ones with ``unsafe``), as ``--fix`` does."""
        from stylelint.run.fix import fix_file

        if not isinstance(unsafe, bool):
            raise ToolError(f"unsafe: expected true or false, got {type(unsafe).__name__}")
        doc = self._document(text, format, profile)
        try:
            result, _, config = lint_document(doc, self.base, self.linters)
        except ConfigError as exc:
            raise ToolError(str(exc)) from None
        if result.format is None:
            raise ToolError("; ".join(result.errors) or "text: could not be parsed")
        outcome = fix_file(self.linters.get(config), result, unsafe=unsafe)
        return {
            "fixed": outcome.fixed,
            "changed": outcome.changed,
            "applied": len(outcome.applied),
            "remaining": [v.to_dict() for v in outcome.result.violations],
            "skipped": [{"rule": s.violation.rule_id, "line": s.violation.line, "column": s.violation.column,
                         "reason": s.reason} for s in outcome.skipped],
            "unsafe_available": len(outcome.unsafe_available),
            "diff": outcome.diff(),
        }

    def explain_rule(self, rule_id: str) -> str:
        """A rule's documentation, as ``stylelint --explain ID`` prints it (Markdown)."""
        from stylelint.rule.docs import render_explain

        if not isinstance(rule_id, str) or not rule_id.strip():
            raise ToolError("rule_id: a rule id like 'ATT001' is required")
        rule = self._linter(None).rule(rule_id.strip().upper())
        if rule is None:
            raise ToolError(f"rule_id: no rule {rule_id!r} (see list_rules)")
        return render_explain(rule)

    def list_rules(self, profile: str | None = None) -> list[dict[str, Any]]:
        """Every rule: id, name, severity, family, plugin, summary, fixable, and whether it runs."""
        linter = self._linter(profile)
        active = {r.id for r in linter.rules}
        return [
            {"id": r.id, "name": r.name, "severity": str(r.severity), "family": r.family, "plugin": r.plugin,
             "enabled": r.id in active, "summary": r.summary, "fixable": r.fixable}
            for r in linter.all_rules
        ]


def build_server(tools: Tools) -> MCPServer:
    """The MCP server exposing ``tools``."""
    server = MCPServer("stylelint", instructions=INSTRUCTIONS, version=__version__)

    @server.tool()
    def check_text(text: str, format: str | None = None, profile: str | None = None) -> dict[str, Any]:
        """Check news copy against the house style.

        text: the article (plain text, Markdown or HTML). format: "text",
        "markdown" or "html" (detected when omitted). profile: "ap"
        (default), "nyt" or "guardian". Returns findings with 1-based
        line/column (code points), the rule, message, suggestion and fix.
        """
        return tools.check_text(text, format, profile)

    @server.tool()
    def fix_text(text: str, format: str | None = None, profile: str | None = None,
                 unsafe: bool = False) -> dict[str, Any]:
        """Apply the house style's fixes to the text, as `stylelint --fix` does.

        Safe fixes only, unless unsafe is true (those need an editor's
        judgment, e.g. "claimed" -> "said"). Returns the fixed text, a
        unified diff, and the findings that remain.
        """
        return tools.fix_text(text, format, profile, unsafe)

    @server.tool()
    def explain_rule(rule_id: str) -> str:
        """Why a rule exists and what it wants: its documentation as Markdown (e.g. rule_id "ATT001")."""
        return tools.explain_rule(rule_id)

    @server.tool()
    def list_rules(profile: str | None = None) -> list[dict[str, Any]]:
        """Every rule (id, name, severity, family, summary, fixable) and whether the profile runs it."""
        return tools.list_rules(profile)

    return server


def main(argv: list[str]) -> int:
    """``stylelint mcp [--config FILE]``: serve on stdio until the client closes it."""
    import sys

    p = argparse.ArgumentParser(prog="stylelint mcp", description="The stylelint MCP server (stdio), for writing assistants.")
    p.add_argument("--config", metavar="FILE", help="the operator's config (default: found from the working folder)")
    args = p.parse_args(argv)
    try:
        base = load_config(args.config) if args.config else ConfigResolver().for_path(None)
    except ConfigError as exc:
        print(f"stylelint mcp: error: {exc}", file=sys.stderr)
        return 2
    build_server(Tools(base)).run("stdio")
    return 0
