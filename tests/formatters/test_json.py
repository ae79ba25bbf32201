"""The JSON report: laid out one finding per line, and exactly the report's data."""

from __future__ import annotations

import json

from stylelint.interfaces.api import lint_text
from stylelint.report.formatters.json import render
from stylelint.report.results import FileResult, Report


def _report() -> Report:
    found = lint_text('WASHINGTON –  He mentioned on Jan. 14 that the 2 agreed. "We will," he told.').violations
    assert len(found) >= 3
    return Report(files=[
        FileResult(path="a.txt", format="text", violations=found),
        FileResult(path="empty.txt", format="text"),
        FileResult(path="bad.txt", errors=["bad.txt: not UTF-8 (byte 3)"]),
        FileResult(path='q"uote\n.txt', format="markdown", violations=found[:1]),
    ], errors=["plugin x failed"])


def test_layout_parses_to_the_report_data():
    report = _report()
    assert json.loads(render(report, {})) == report.to_dict()


def test_one_finding_per_line():
    report = _report()
    lines = render(report, {}).splitlines()
    findings = [line for line in lines if line.startswith('      {"rule": ')]
    assert len(findings) == len(report.violations)
    assert all(json.loads(line.rstrip(","))["rule"] for line in findings)


def test_empty_report():
    report = Report()
    assert json.loads(render(report, {})) == report.to_dict()


def test_text_that_looks_like_the_finding_separator_stays_inside_its_finding():
    found = lint_text("The mayor said 7 plans on Jan. 14 were new.").violations
    assert found
    tricky = found[0]
    tricky.message = 'a message with }, {"rule": inside'
    tricky.match = '}, {"rule": "X"}'
    report = Report(files=[FileResult(path="a.txt", format="text", violations=[tricky, *found])])
    out = render(report, {})
    assert json.loads(out) == report.to_dict()
    findings = [line for line in out.splitlines() if line.startswith('      {"rule": ')]
    assert len(findings) == len(found) + 1
