"""Formats that say they do not read file text render the same without it.

A cached run relies on ``Formatter.uses_source``: when it is false, files
whose stat is unchanged are answered without being read, so their results
carry no source.
"""

from __future__ import annotations

import copy

import pytest

from stylelint.config.model import Config
from stylelint.engine.linter import Linter
from stylelint.report.results import Report

ARTICLE = 'WASHINGTON –  He mentioned on Jan. 14 that the 2 agreed. "We will," he told.\n'


@pytest.fixture(scope="module")
def linter():
    return Linter(Config())


def _report(linter) -> Report:
    result = linter.lint_source(ARTICLE, "a.txt")
    assert result.violations and result.source == ARTICLE
    return Report(files=[result])


@pytest.mark.parametrize(("name", "quiet"), [("json", False), ("github", False), ("gitlab", False),
                                             ("junit", False), ("text", True)])
def test_sourceless_formats_render_the_same_without_the_text(linter, name, quiet):
    fmt = linter.formatters[name]
    options = {"color": False, "quiet": quiet, "statistics": False, "rules": {}, "docs_url": None}
    assert not fmt.uses_source(options)
    report = _report(linter)
    bare = copy.deepcopy(report)
    for f in bare.files:
        f.source = None
    assert fmt.render(bare, options) == fmt.render(report, options)


@pytest.mark.parametrize(("name", "quiet"), [("text", False), ("sarif", False), ("html", False)])
def test_formats_that_show_text_say_so(linter, name, quiet):
    options = {"color": False, "quiet": quiet, "statistics": False}
    assert linter.formatters[name].uses_source(options)
