"""``--format text``: for people, like ruff's output.

``path:line:col: ID [severity] message``, then the source line with the span
underlined (``^``) and the suggestion, if any. Colour only when asked (the
CLI asks on a terminal without ``NO_COLOR``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from stylelint import hookimpl
from stylelint.model.document import LineIndex
from stylelint.model.findings import Severity
from stylelint.report.escape import printable
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import Report

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _width(text: str) -> int:
    """Terminal columns of ``text`` (wide East Asian characters take two, combining marks none)."""
    if text.isascii():  # the common case: excerpts are whole paragraphs
        return len(text)
    width = len(text)
    for c in _NON_ASCII.findall(text):
        if unicodedata.combining(c):
            width -= 1
        elif unicodedata.east_asian_width(c) in "WF":
            width += 1
    return width


def _excerpt(source: str, lines: LineIndex, v, color: bool) -> list[str]:
    start = lines.line_start(v.line)
    end = source.find("\n", start)
    line = source[start : end if end >= 0 else len(source)].rstrip("\r")
    line = line.replace("\t", " ")
    stop = v.end_column if v.end_line == v.line else len(line) + 1
    stop = max(stop, v.column + 1)
    # Control characters in the article show as escapes; the marks follow them.
    pad = _width(printable(line[: v.column - 1]))
    marks = max(1, _width(printable(line[v.column - 1 : stop - 1])))
    gutter = f"{v.line:>4} | "
    out = [f"{gutter}{printable(line)}", " " * (len(gutter) + pad) + _paint("^" * marks, _COLORS[v.severity], color)]
    return out


def render(report: Report, options: Mapping[str, Any]) -> str:
    """Human-readable report with source excerpts and a summary line."""
    color = bool(options.get("color"))
    quiet = options.get("quiet", False)
    out: list[str] = []
    # Errors go to stderr (the CLI prints them); only their count is here.
    for f in report.files:
        lines = LineIndex(f.source) if (f.source is not None and f.violations and not quiet) else None
        path = printable(f.path)
        for v in f.violations:
            sev = _paint(str(v.severity), _COLORS[v.severity], color)
            rid = _paint(v.rule_id, "1", color)
            approx = " (approximate position)" if v.approximate else ""
            message = printable(" ".join(v.message.split()))  # one line per finding, always
            out.append(f"{path}:{v.line}:{v.column}: {rid} [{sev}] {message}{approx}")
            if lines is not None:
                out.extend(_excerpt(f.source, lines, v, color))
                if v.suggestion is not None and v.suggestion not in v.message:
                    out.append(f"       suggestion: {printable(v.suggestion)}")
                out.append("")
    if options.get("statistics"):
        counts = report.by_rule()
        names = {v.rule_id: v.name for v in report.violations}
        for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:>5}  {rule_id}  {names.get(rule_id, '')}")
    n, e = len(report.violations), report.error_count()
    if not quiet or n or e:
        files = len(report.files)
        summary = f"Found {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"
        if e:
            summary += f"; {e} error{'s' if e != 1 else ''}"
        out.append(summary + ".")
    return "\n".join(out) + "\n"


@hookimpl
def register_formatters() -> list[Formatter]:
    """The text formatter."""
    return [Formatter("text", render, "for people: path:line:col: ID [severity] message")]
