"""Requests (``--stdin-json``, the service, MCP): inline settings only, per-document answers."""

from __future__ import annotations

import json

import pytest

from stylelint.config.model import Config
from stylelint.engine.linter import LinterCache
from stylelint.interfaces.requests import RequestError, documents_of, lint_request, parse_document

from clihelp import run

LINTERS = LinterCache()


def lint(request):
    return lint_request(request, Config(), LINTERS).to_dict()


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ({"rules_dirs": ["/tmp"]}, "config.rules_dirs"),
        ({"dictionaries": ["/etc/passwd"]}, "config.dictionaries"),
        ({"overrides": [{"paths": ["*"], "profile": "nyt"}]}, "config.overrides"),
        ({"plugins": {"x": {}}}, "config.plugins"),
        ({"exclude": ["*.md"]}, "config.exclude"),
        ({"max_file_size": 10**30}, "config.max_file_size"),
        ({"rules": [{"id": "HSE001", "name": "x", "kind": "dictionary", "paths": ["/etc/passwd"]}]}, "config.rules[0]"),
    ],
)
def test_keys_that_name_files_or_code_are_refused(config, field):
    with pytest.raises(RequestError) as err:
        parse_document({"text": "x", "config": config})
    assert err.value.field == field
    assert "not allowed in a request" in str(err.value)
    # The same keys at the top level of the document are refused too.
    top = field.removeprefix("config.")
    if "[" not in top:
        with pytest.raises(RequestError, match=f"^{top}: not allowed in a request"):
            parse_document({"text": "x", **config})


def test_a_config_path_is_refused_and_inline_settings_apply():
    with pytest.raises(RequestError, match="^config: a path is not allowed"):
        parse_document({"text": "x", "config": "/etc/stylelint.toml"})
    data = lint({"text": "Dec. 7th was cold, the mayor said.", "config": {"ignore": ["DAT"]}})
    assert data["summary"]["violations"] == 0
    data = lint({"text": "Dec. 7th was cold, the mayor said.", "select": ["DAT004"], "severity": {"DAT004": "error"}})
    assert [(v["rule"], v["severity"]) for v in data["files"][0]["violations"]] == [("DAT004", "error")]


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"text": 3}, "text: a string is required, got int"),
        ({}, "text: a string is required, got null"),
        ({"text": "x", "path": ["a"]}, "path: expected a string, got list"),
        ({"text": "x", "format": 1}, "format: expected a string, got int"),
        ({"text": "x", "config": [1]}, "config: expected a table of settings, got list"),
        ({"text": "x", "select": "ATT01x"}, "select: 'ATT01x' is not a rule id or prefix"),
        ({"text": "x", "profile": 7}, "profile: unknown profile 7"),
        ({"text": "x", "config": {"profile": "times"}}, "config.profile: unknown profile"),
        ({"text": "x", "accept": "ATT001"}, "accept: expected a list"),
        ({"text": "x", "settings": {"courtesy_titles": 12}}, "settings.courtesy_titles:"),
        ({"text": "x", "colour": "red"}, "colour: unknown key"),
        ("just text", "request: expected an object, got str"),
    ],
)
def test_each_field_is_checked_and_named(doc, message):
    (problem,) = documents_of(doc)
    assert isinstance(problem, RequestError)
    assert str(problem).startswith(message) or message in str(problem), str(problem)
    assert str(problem).count(": ") <= 3 and "request:" not in str(problem)[1:], str(problem)


def test_a_bad_document_does_not_lose_the_batch():
    data = lint({"documents": [
        {"text": "We won, the mayor claimed.", "path": 5},
        {"text": "Dec. 7th was cold.", "path": "cms/1"},
        {"text": "Dec. 7th was cold.", "config": "/etc/passwd"},
        "not a document",
        {"text": "Dec. 7th.", "format": "pdf"},
    ]})
    files = data["files"]
    assert [f["path"] for f in files] == ["document[0]", "cms/1", "document[2]", "document[3]", "document[4]"]
    assert files[0]["errors"] == ["request: documents[0].path: expected a string, got int"]
    assert [v["rule"] for v in files[1]["violations"]] == ["DAT004"] and not files[1]["errors"]
    assert "documents[2].config: a path is not allowed" in files[2]["errors"][0]
    assert "documents[3]: expected an object, got str" in files[3]["errors"][0]
    assert "unknown input format 'pdf'" in files[4]["errors"][0]
    assert documents_of({"documents": {}})[0].field == "documents"
    assert documents_of({"documents": [], "text": "x"})[0].field == "text"


def test_stdin_json_never_reads_what_a_request_names(tmp_path):
    # A folder with a config that would run code and a dictionary: a request naming a
    # file there must not load either (the operator's folder is tmp_path/"ops").
    evil = tmp_path / "evil"
    evil.mkdir()
    (evil / "plugin.py").write_text("import sys\nsys.exit(99)\n")
    (evil / "words.tsv").write_text("cold\thot\n")
    (evil / "stylelint.toml").write_text('rules_dirs = ["."]\ndictionaries = ["words.tsv"]\n')
    ops = tmp_path / "ops"
    ops.mkdir()
    req = {"documents": [
        {"text": "It was cold.", "path": str(evil / "story.txt")},
        {"text": "It was cold.", "config": {"rules_dirs": [str(evil)]}},
    ]}
    proc = run("--stdin-json", input=json.dumps(req), cwd=ops)
    data = json.loads(proc.stdout)
    assert proc.returncode == 2, proc.stderr
    assert data["files"][0]["violations"] == [] and data["files"][0]["errors"] == []
    assert "documents[1].config.rules_dirs: not allowed in a request" in data["files"][1]["errors"][0]


def test_stdin_json_output_is_valid_utf8_for_any_path():
    # "\udcff" in JSON is a lone surrogate: the name of a file that is not UTF-8.
    proc = run("--stdin-json", input='{"text": "Dec. 7th.", "path": "caf\\udcff.txt"}')
    raw = proc.stdout.encode("utf-8", "surrogateescape")
    raw.decode("utf-8")  # strict: valid UTF-8
    assert json.loads(raw)["files"][0]["path"] == "caf\udcff.txt"


def test_the_api_checks_an_untrusted_mapping_like_a_request(tmp_path):
    import stylelint

    with pytest.raises(RequestError, match="^config.rules_dirs: not allowed in a request"):
        stylelint.lint_text("x", config={"rules_dirs": [str(tmp_path)]}, untrusted=True)
    with pytest.raises(RequestError, match="^dictionaries: not allowed"):
        stylelint.lint_text("x", dictionaries=[str(tmp_path / "w.tsv")], untrusted=True)
    with pytest.raises(RequestError, match="^config: a path is not allowed"):
        stylelint.lint_text("x", config=str(tmp_path / "stylelint.toml"), untrusted=True)
    report = stylelint.lint_text("Dec. 7th.", path=str(tmp_path / "a.md"), select=["DAT"], untrusted=True)
    assert [v.rule_id for v in report.violations] == ["DAT004"] and report.files[0].format == "markdown"
