"""The Python API a CMS calls: same findings as the CLI, no shared state, thread-safe."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

import stylelint
from stylelint import ConfigError

from clihelp import run
from conftest import REFERENCE


def test_lint_text_matches_cli_json():
    text = REFERENCE.read_text(encoding="utf-8")
    api = stylelint.lint_text(text, path=str(REFERENCE)).to_dict()
    cli = json.loads(run("--format", "json", str(REFERENCE)).stdout)
    assert api["files"][0]["violations"] == cli["files"][0]["violations"]
    assert api["summary"] == cli["summary"]


def test_html_input_format():
    html = "<article><p>&ldquo;We won,&rdquo; the mayor <b>claimed</b>.</p></article>"
    report = stylelint.lint_text(html, input_format="html")
    v = report.violations[0]
    assert (v.rule_id, v.match, html[v.offset : v.end_offset]) == ("ATT001", "claimed", "claimed")
    assert report.exit_code() == 1


def test_configs_do_not_interfere_in_one_process():
    text = '"We won," the mayor claimed.'
    a = stylelint.lint_text(text, config={"ignore": ["ATT"]})
    b = stylelint.lint_text(text)
    c = stylelint.lint_text(text, config={"severity": {"ATT001": "error"}})
    assert a.violations == [] and len(b.violations) == 1
    assert str(c.violations[0].severity) == "error" and str(b.violations[0].severity) == "warning"


def test_accepted_findings_argument():
    text = '"We won," the mayor claimed.'
    assert stylelint.lint_text(text, accept=[{"rule": "ATT001", "match": "claimed"}]).violations == []


def test_bad_api_config_raises_clear_error():
    with pytest.raises(ConfigError, match="config: profile: unknown profile 'x'"):
        stylelint.lint_text("x", config={"profile": "x"})
    with pytest.raises(ConfigError, match="arguments: profile: unknown profile 'y'"):
        stylelint.lint_text("x", profile="y")


def test_thread_safety_same_results():
    text = REFERENCE.read_text(encoding="utf-8")
    expected = stylelint.lint_text(text).to_dict()
    configs = [None, {"ignore": ["ATT"]}] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda c: stylelint.lint_text(text, config=c).to_dict(), configs))
    for cfg, res in zip(configs, results, strict=True):
        if cfg is None:
            assert res == expected
        else:
            assert all(not v["rule"].startswith("ATT") for v in res["files"][0]["violations"])


def test_lint_paths(tmp_path):
    (tmp_path / "a.md").write_text('"We won," the mayor claimed.\n')
    (tmp_path / "b.txt").write_bytes(b"\xff")
    report = stylelint.lint_paths([tmp_path])
    assert [f.path.rsplit("/", 1)[-1] for f in report.files] == ["a.md", "b.txt"]
    assert report.exit_code() == 2
    assert report.files[0].violations[0].rule_id == "ATT001"


def test_lint_paths_takes_one_path_as_one_path(tmp_path):
    art = tmp_path / "a.md"
    art.write_text('"We won," the mayor claimed.\n')
    # A str is one path, not its characters ("/" among them would be the whole disk).
    for one in (str(art), art, os.fsencode(art)):
        report = stylelint.lint_paths(one)
        assert [f.path for f in report.files] == [str(art)]


def test_text_that_is_not_a_str_is_a_type_error():
    from stylelint.interfaces.api import fix_text

    for call in (stylelint.lint_text, fix_text):
        with pytest.raises(TypeError, match=r"text must be a str, not bytes \(decode it first"):
            call(b'"We won," the mayor claimed.')
        with pytest.raises(TypeError, match="not NoneType"):
            call(None)


def test_an_accept_list_does_not_build_a_new_linter():
    import stylelint
    from stylelint.engine.linter import API_LINTERS

    text = "The mayor claimed it, he said on Dec. 7th."
    stylelint.lint_text(text, profile="nyt")
    built = len(API_LINTERS.built())
    for accept in ([{"rule": "DAT004"}], [{"rule": "ATT"}], [{"rule": "DAT004", "match": "7th"}]):
        report = stylelint.lint_text(text, profile="nyt", accept=accept)
        assert not any(v.rule_id.startswith(accept[0]["rule"]) for v in report.violations)
    assert len(API_LINTERS.built()) == built
    assert {v.rule_id for v in stylelint.lint_text(text, profile="nyt").violations} >= {"DAT004"}
