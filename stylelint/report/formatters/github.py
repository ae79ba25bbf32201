"""``--format github``: GitHub Actions workflow commands, one per finding.

``::warning file=a.md,line=3,col=5,endLine=3,endColumn=12,title=ATT001 loaded-attribution-verb::message``

GitHub shows each as an annotation on the pull request's diff. Severity
maps to the command: error → ``error``, warning → ``warning``, info →
``notice``. Findings that span lines carry no column fields (GitHub
applies ``col``/``endColumn`` to single-line ranges only). Values are
escaped as the runner unescapes them: ``%``, CR and LF everywhere, and also
``:`` and ``,`` in properties.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from stylelint import hookimpl
from stylelint.model.findings import Severity
from stylelint.report.escape import printable
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import Report

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (after ``::``); other control characters become visible escapes."""
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    """Escape a property value (``file=``, ``title=`` …)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def annotation_path(path: str) -> str:
    """A path as GitHub matches it against the repository: ``/``-separated, no ``./``."""
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def command(kind: str, message: str, **props: Any) -> str:
    """One workflow command line; ``None`` properties are left out."""
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + fields if fields else ''}::{escape_data(message)}"


def render(report: Report, options: Mapping[str, Any]) -> str:
    """One workflow command per finding, then one ``::error`` per error."""
    lines: list[str] = []
    for f in report.files:
        path = annotation_path(f.path)
        for v in f.violations:
            message = v.message
            if v.suggestion is not None and v.suggestion not in message:
                message += f" (suggestion: {v.suggestion})"
            if v.approximate:
                message += " (approximate position)"
            one_line = v.end_line == v.line
            lines.append(
                command(
                    _COMMAND[v.severity],
                    message,
                    file=path,
                    line=v.line,
                    col=v.column if one_line else None,
                    endLine=v.end_line,
                    endColumn=v.end_column if one_line else None,
                    title=f"{v.rule_id} {v.name}".strip(),
                )
            )
        for err in f.errors:
            lines.append(command("error", err, file=path, title="stylelint"))
        for warning in f.warnings:
            lines.append(command("warning", warning, file=path, title="stylelint"))
    for err in report.errors:
        lines.append(command("error", err, title="stylelint"))
    return "".join(line + "\n" for line in lines)


@hookimpl
def register_formatters() -> list[Formatter]:
    """The GitHub Actions formatter."""
    return [Formatter("github", render, "GitHub Actions workflow commands (annotations)")]
