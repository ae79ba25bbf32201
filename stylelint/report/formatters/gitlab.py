"""``--format gitlab``: GitLab Code Quality report (a JSON array).

Each finding is ``{description, check_name, fingerprint, severity,
location: {path, positions: {begin, end}}}``. Severity: error → ``major``,
warning → ``minor``, info → ``info``. The fingerprint hashes the path, the
rule, the matched text and its occurrence number among equal matches in the
file, not the line, so a finding keeps its identity when lines above it
move (GitLab compares fingerprints between branches).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping
from typing import Any

from stylelint import hookimpl
from stylelint.model.findings import Severity
from stylelint.report.formatters.base import Formatter
from stylelint.report.formatters.github import annotation_path
from stylelint.report.results import Report

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render(report: Report, options: Mapping[str, Any]) -> str:
    """The report as a Code Quality JSON array."""
    issues: list[dict[str, Any]] = []
    for f in report.files:
        path = annotation_path(f.path)
        seen: Counter[tuple[str, str]] = Counter()
        for v in f.violations:
            key = (v.rule_id, v.match)
            seen[key] += 1
            digest = hashlib.sha256(
                "\x00".join((path, v.rule_id, v.match, str(seen[key]))).encode("utf-8", "surrogateescape")
            ).hexdigest()
            description = f"{v.rule_id}: {v.message}"
            if v.suggestion is not None and v.suggestion not in v.message:
                description += f" (suggestion: {v.suggestion})"
            issues.append(
                {
                    "type": "issue",
                    "description": description,
                    "check_name": f"{v.rule_id} {v.name}".strip(),
                    "categories": ["Style"],
                    "fingerprint": digest,
                    "severity": _SEVERITY[v.severity],
                    "location": {
                        "path": path,
                        "positions": {
                            "begin": {"line": v.line, "column": v.column},
                            "end": {"line": v.end_line, "column": v.end_column},
                        },
                    },
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


@hookimpl
def register_formatters() -> list[Formatter]:
    """The GitLab Code Quality formatter."""
    return [Formatter("gitlab", render, "GitLab Code Quality JSON (merge-request widget)")]
