"""The pytest plugin, run by pytest's own ``pytester``.

Runs are subprocesses: the plugin is then found exactly as users get it,
through the ``pytest11`` entry point, and each run imports stylelint afresh.
Other installed pytest plugins are kept out (``PYTEST_DISABLE_PLUGIN_AUTOLOAD``)
and ours is loaded by its entry-point name, so what this machine has
installed cannot change the outcome.
"""

from __future__ import annotations

from importlib import metadata

import pytest

pytest_plugins = ["pytester"]

CONFIG = """\
select = ["TST"]
exclude = ["README.md", "requirements.txt"]

[[rules]]
id = "TST001"
name = "irregardless"
kind = "substitution"
swap = {irregardless = "regardless"}
"""


@pytest.fixture(autouse=True)
def _only_our_plugin(monkeypatch):
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")


def runpytest(pytester, *args: str):
    """pytest in a subprocess with only our plugin, loaded by its entry-point name."""
    return pytester.runpytest_subprocess("-p", "stylelint", "-p", "no:cacheprovider", *args)


def make_repo(pytester) -> None:
    pytester.makefile(".toml", stylelint=CONFIG)
    pytester.mkdir("articles")
    (pytester.path / "articles" / "bad.md").write_text("# Title\n\nIrregardless, it rained.\n", encoding="utf-8")
    (pytester.path / "articles" / "good.txt").write_text("Regardless, it rained.\n", encoding="utf-8")
    (pytester.path / "articles" / "page.html").write_text("<p>It was <b>irregardless</b>.</p>", encoding="utf-8")
    (pytester.path / "README.md").write_text("Irregardless of this README.\n", encoding="utf-8")
    (pytester.path / "requirements.txt").write_text("irregardless==1.0\n", encoding="utf-8")
    pytester.makepyfile(test_unit="def test_ok():\n    assert True\n")


def test_registered_through_the_pytest11_entry_point():
    eps = metadata.entry_points(group="pytest11")
    assert any(ep.name == "stylelint" and ep.value == "stylelint.interfaces.pytest_plugin" for ep in eps)


def test_inactive_without_the_flag(pytester):
    make_repo(pytester)
    result = runpytest(pytester)
    result.assert_outcomes(passed=1)
    out = result.stdout.str()
    result.stdout.fnmatch_lines(["plugins: stylelint-*"])  # loaded through the entry point
    assert "::stylelint" not in out and "collected 1 item" in out
    assert "--stylelint" in runpytest(pytester, "--help").stdout.str()


def test_one_item_per_article_failing_with_its_findings(pytester):
    make_repo(pytester)
    result = runpytest(pytester, "--stylelint", "-v")
    result.assert_outcomes(passed=2, failed=2)
    out = result.stdout.str()
    result.stdout.fnmatch_lines([
        "*articles/bad.md::stylelint FAILED*",
        "*articles/good.txt::stylelint PASSED*",
        "*articles/page.html::stylelint FAILED*",
        "*test_unit.py::test_ok PASSED*",
    ])
    assert "articles/bad.md:3:1: TST001 [warning] Use 'Regardless' instead of 'Irregardless'." in out
    assert "articles/page.html:1:14: TST001" in out
    assert "README.md::stylelint" not in out and "requirements.txt" not in out  # excluded by config
    assert "Traceback" not in out


def test_marker_selects_only_articles_and_fail_on_is_honoured(pytester):
    make_repo(pytester)
    result = runpytest(pytester, "--stylelint", "-m", "stylelint")
    result.assert_outcomes(passed=1, failed=2)
    (pytester.path / "stylelint.toml").write_text('fail_on = "error"\n' + CONFIG, encoding="utf-8")
    result = runpytest(pytester, "--stylelint", "-m", "stylelint")
    result.assert_outcomes(passed=3)


def test_unreadable_article_and_explicit_config(pytester):
    make_repo(pytester)
    (pytester.path / "articles" / "broken.txt").write_bytes(b"caf\xe9 irregardless\n")
    other = pytester.path / "other.toml"
    other.write_text('select = ["DTL001"]\n', encoding="utf-8")  # no TST rules here, and no dateline to find
    result = runpytest(pytester, "--stylelint", "--stylelint-config", str(other), "articles")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*broken.txt: error: not valid UTF-8 at byte 3*"])
