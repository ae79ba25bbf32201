"""``--format json``: the JSON contract, version 1 (docs/json-schema.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from stylelint import hookimpl
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import Report

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))
_dump = _ENCODER.encode

def render(report: Report, options: Mapping[str, Any]) -> str:
    """The report as JSON, one document per run, one finding per line.

    Laid out by hand rather than with ``indent=``: the standard library's
    C encoder only runs without it, and a finding per line reads and diffs
    well.
    """
    data = report.to_dict()
    out = ["{"]
    for i, (key, value) in enumerate(data.items()):
        comma = "," if i < len(data) - 1 else ""
        if key != "files" or not value:
            out.append(f"  {_dump(key)}: {_dump(value)}{comma}")
            continue
        out.append('  "files": [')
        for j, f in enumerate(value):
            violations = f["violations"]
            head = _dump({k: v for k, v in f.items() if k != "violations"})[1:-1]
            out.append(f'    {{{head}, "violations": [')
            if violations:
                out.append(",\n".join("      " + _dump(v) for v in violations))
            out.append("    ]}" + ("," if j < len(value) - 1 else ""))
        out.append("  ]" + comma)
    out.append("}")
    return "\n".join(out) + "\n"


@hookimpl
def register_formatters() -> list[Formatter]:
    """The JSON formatter."""
    return [Formatter("json", render, "JSON contract version 1, for programs")]
