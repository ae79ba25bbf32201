"""``--format junit``: JUnit XML, for CI systems that show test reports.

One ``<testcase>`` per file (``classname`` "stylelint", ``name`` the
path). Each finding at or above ``fail_on`` is one ``<failure>`` (its
``type`` the severity, its ``message`` the rule and message, its text the
``path:line:col`` line and the suggestion); findings below ``fail_on`` are
listed in the test case's ``<system-out>`` and do not fail it, so the test
report agrees with the exit code. A file that could not be linted gets an
``<error>``; errors not tied to a file get a test case of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from stylelint import hookimpl
from stylelint.model.findings import Violation
from stylelint.report.escape import printable
from stylelint.report.formatters.base import Formatter
from stylelint.report.results import Report


def _clean(text: str) -> str:
    """Text XML 1.0 can hold: control characters (in a match, a file name) and a
    file name's undecodable bytes written as visible escapes, line breaks kept.
    """
    return "\n".join(printable(line) for line in text.split("\n"))


def _line(path: str, v: Violation) -> str:
    text = f"{path}:{v.line}:{v.column}: {v.rule_id} [{v.severity}] {v.message}"
    if v.suggestion is not None and v.suggestion not in v.message:
        text += f" (suggestion: {v.suggestion})"
    return text


def render(report: Report, options: Mapping[str, Any]) -> str:
    """The report as one ``<testsuites>`` document."""
    from lxml import etree  # here: runs without a JUnit report never load lxml

    suites = etree.Element("testsuites", name="stylelint")
    suite = etree.SubElement(suites, "testsuite", name="stylelint")
    tests = failures = errors = 0
    for f in report.files:
        tests += 1
        case = etree.SubElement(suite, "testcase", classname="stylelint", name=_clean(f.path), file=_clean(f.path), time="0")
        below: list[str] = []
        for v in f.violations:
            if v.severity >= report.fail_on:
                failures += 1
                fail = etree.SubElement(
                    case, "failure", type=str(v.severity), message=_clean(f"{v.rule_id}: {v.message}")
                )
                fail.text = _clean(_line(f.path, v) + (f"\nmatch: {v.match}" if v.match else ""))
            else:
                below.append(_clean(_line(f.path, v)))
        for err in f.errors:
            errors += 1
            error = etree.SubElement(case, "error", type="error", message=_clean(err))
            error.text = _clean(f"{f.path}: {err}")
        if below:
            etree.SubElement(case, "system-out").text = "\n".join(below) + "\n"
    if report.errors:
        tests += 1
        case = etree.SubElement(suite, "testcase", classname="stylelint", name="(run)", time="0")
        for err in report.errors:
            errors += 1
            etree.SubElement(case, "error", type="error", message=_clean(err)).text = _clean(err)
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
        element.set("time", "0")
    suite.set("skipped", "0")
    return etree.tostring(suites, encoding="UTF-8", xml_declaration=True, pretty_print=True).decode("utf-8")


@hookimpl
def register_formatters() -> list[Formatter]:
    """The JUnit XML formatter."""
    return [Formatter("junit", render, "JUnit XML: one test case per file, a failure per finding")]
