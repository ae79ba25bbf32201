"""``--format json``: the JSON contract, version 1 (docs/json-schema.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from .. import hookimpl
from ..formats import Formatter
from ..report import Report


def render(report: Report, options: Mapping[str, Any]) -> str:
    """The report as JSON, one document per run."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


@hookimpl
def register_formatters() -> list[Formatter]:
    """The JSON formatter."""
    return [Formatter("json", render, "JSON contract version 1, for programs")]
