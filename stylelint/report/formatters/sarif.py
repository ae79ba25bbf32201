"""``--format sarif``: SARIF 2.1.0, for code-scanning dashboards.

One run; ``tool.driver.rules`` describes every rule with a result, from
the rule's own metadata (summary, rationale, the generated docs page as
``help``, a ``helpUri`` from ``--docs-url`` or the rule's source). Regions
count Unicode code points (``columnKind: unicodeCodePoints``), like the
JSON contract: 1-based lines and columns, the end column one past the last
character, ``charOffset``/``charLength`` in the decoded source. A fix that
``--fix`` could apply (safe or not) is given as a SARIF ``fix``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from stylelint import __version__, hookimpl
from stylelint.model.findings import Severity, Violation
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import FileResult, Report

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_PROBLEM = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "recommendation"}
_URL = re.compile(r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:]")


def rule_url(rule_id: str, rule: Any, docs_url: str | None) -> str | None:
    """Where a rule is documented: ``docs_url`` with ``{id}`` filled, else its source URL."""
    if docs_url:
        return docs_url.replace("{id}", rule_id)
    m = _URL.search(getattr(rule, "source", "") or "")
    return m.group(0) if m else None


def artifact_uri(path: str) -> tuple[str, str | None]:
    """``(uri, uriBaseId)`` for a report path: relative paths against ``%SRCROOT%``."""
    if os.path.isabs(path):
        return Path(path).as_uri(), None
    posix = path.replace(os.sep, "/")
    while posix.startswith("./"):
        posix = posix[2:]
    # From the file name's bytes, so that an undecodable name is percent-encoded as it is on disk.
    return quote(os.fsencode(posix), safe="/"), "%SRCROOT%"


def _message(v: Violation) -> str:
    text = v.message
    if v.suggestion is not None and v.suggestion not in text:
        text += f" (suggestion: {v.suggestion})"
    if v.approximate:
        text += " (approximate position)"
    return text


def _region(f: FileResult, start: int, end: int, v: Violation, snippet: bool = True) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": v.line,
        "startColumn": v.column,
        "endLine": v.end_line,
        "endColumn": v.end_column,
        "charOffset": start,
        "charLength": end - start,
    }
    if snippet and f.source is not None:
        region["snippet"] = {"text": f.source[start:end]}
    return region


def _fix(f: FileResult, v: Violation, location: dict[str, Any]) -> dict[str, Any] | None:
    """The finding's fix as SARIF, when it can be applied as ``--fix`` would."""
    from stylelint.run.edits import replacement_for

    if v.fix is None or f.source is None:
        return None
    inserted, _ = replacement_for(v, f.source, f.format, f.encoding)
    if inserted is None:
        return None
    kind = "safe" if v.fix.safe else "unsafe"
    return {
        "description": {"text": f"Replace '{v.match}' with '{v.fix.replacement}' ({kind} fix)."},
        "artifactChanges": [
            {
                "artifactLocation": location,
                "replacements": [
                    {
                        "deletedRegion": _region(f, v.offset, v.end_offset, v, snippet=False),
                        "insertedContent": {"text": inserted},
                    }
                ],
            }
        ],
        "properties": {"safe": v.fix.safe},
    }


def _descriptor(rule_id: str, rule: Any, name: str, severity: Severity, docs_url: str | None) -> dict[str, Any]:
    d: dict[str, Any] = {"id": rule_id}
    if rule is None:
        if name:
            d["name"] = name
        d["defaultConfiguration"] = {"level": _LEVEL[severity]}
        return d
    from stylelint.rule.docs import render_rule

    d["name"] = rule.name
    d["shortDescription"] = {"text": (rule.summary or rule.name).strip()}
    d["fullDescription"] = {"text": (rule.rationale or rule.summary or rule.name).strip()}
    page = render_rule(rule)
    d["help"] = {"text": page, "markdown": page}
    url = rule_url(rule_id, rule, docs_url)
    if url:
        d["helpUri"] = url
    d["defaultConfiguration"] = {"level": _LEVEL[rule.severity]}
    d["properties"] = {
        "tags": ["style", rule.family],
        "problem.severity": _PROBLEM[rule.severity],
        "fixable": rule.fixable or "none",
    }
    return d


def to_sarif(report: Report, options: Mapping[str, Any]) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (a dict ready for ``json.dumps``)."""
    rules_meta: Mapping[str, Any] = options.get("rules") or {}
    docs_url = options.get("docs_url")
    used: dict[str, Violation] = {}
    for v in report.violations:
        used.setdefault(v.rule_id, v)
    rule_ids = sorted(used)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    descriptors = [
        _descriptor(rid, rules_meta.get(rid), used[rid].name, used[rid].severity, docs_url)
        for rid in rule_ids
    ]
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    uses_base = False
    for f in report.files:
        uri, base = artifact_uri(f.path)
        location: dict[str, Any] = {"uri": uri, "index": len(artifacts)}
        if base:
            location["uriBaseId"] = base
            uses_base = True
        artifact: dict[str, Any] = {"location": {k: v for k, v in location.items() if k != "index"}}
        if f.source is not None:
            artifact["encoding"] = f.encoding
            artifact["length"] = len(f.source)
        if f.format:
            artifact["sourceLanguage"] = f.format
        artifacts.append(artifact)
        for level, problems in (("error", f.errors), ("warning", f.warnings)):
            for problem in problems:
                notifications.append(
                    {
                        "level": level,
                        "message": {"text": problem},
                        "locations": [{"physicalLocation": {"artifactLocation": location}}],
                    }
                )
        for v in f.violations:
            result: dict[str, Any] = {
                "ruleId": v.rule_id,
                "ruleIndex": index[v.rule_id],
                "level": _LEVEL[v.severity],
                "message": {"text": _message(v)},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": location,
                            "region": _region(f, v.offset, v.end_offset, v),
                        }
                    }
                ],
                "properties": {"match": v.match, "approximate": v.approximate},
            }
            if v.suggestion is not None:
                result["properties"]["suggestion"] = v.suggestion
            fix = _fix(f, v, location)
            if fix is not None:
                result["fixes"] = [fix]
            results.append(result)
    for err in report.errors:
        notifications.append({"level": "error", "message": {"text": err}})
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "stylelint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }
        },
        "invocations": [
            {
                "executionSuccessful": report.error_count() == 0,
                "toolExecutionNotifications": notifications,
            }
        ],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if uses_base:
        run["originalUriBaseIds"] = {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, options: Mapping[str, Any]) -> str:
    """The report as SARIF 2.1.0 JSON."""
    return json.dumps(to_sarif(report, options), ensure_ascii=False, indent=2) + "\n"


@hookimpl
def register_formatters() -> list[Formatter]:
    """The SARIF formatter."""
    return [Formatter("sarif", render, "SARIF 2.1.0, for code scanning (GitHub, Azure DevOps …)")]
