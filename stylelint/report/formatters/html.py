"""``--format html``: registers the HTML report, built in :mod:`.html_report`.

The report needs lxml; importing it only when an HTML report is asked for
keeps it out of every other run's start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stylelint import hookimpl
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import Report


def render(report: Report, options: Mapping[str, Any]) -> str:
    """The report as one self-contained HTML page (see :mod:`.html_report`)."""
    from stylelint.report.formatters.html_report import render as _render

    return _render(report, options)


@hookimpl
def register_formatters() -> list[Formatter]:
    """The HTML formatter."""
    return [Formatter("html", render, "the article with every finding marked (self-contained HTML)")]
