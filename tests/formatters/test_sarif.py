"""``--format sarif``: valid SARIF 2.1.0, one result per finding, exact regions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clihelp import run
from conftest import REFERENCE, SHARED, corpus_files, needs_corpus

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

CONFIG = """\
select = ["TST"]

[[rules]]
id = "TST001"
name = "irregardless"
kind = "substitution"
summary = "Irregardless is not a word."
rationale = "Say regardless."
source = "House style, https://example.org/style#irregardless"
swap = {irregardless = "regardless"}
fixable = "safe"

[[rules]]
id = "TST002"
name = "utilize"
kind = "substitution"
swap = {utilize = "use"}
fixable = "unsafe"
severity = "error"
"""


def validate(log: dict) -> None:
    if not SCHEMA.exists():
        pytest.skip("SARIF schema not present in ../shared/schemas")
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)


def sarif_and_json(*args: str, cwd=None) -> tuple[dict, dict]:
    sarif = run("--format", "sarif", *args, cwd=cwd)
    assert sarif.returncode in (0, 1), sarif.stderr
    js = run("--format", "json", *args, cwd=cwd)
    return json.loads(sarif.stdout), json.loads(js.stdout)


def check_against_json(log: dict, data: dict, sources: dict[str, str]) -> None:
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    violations = [(f["path"], v) for f in data["files"] for v in f["violations"]]
    assert len(results) == len(violations)
    for result, (path, v) in zip(results, violations, strict=True):
        assert result["ruleId"] == v["rule"]
        assert rules[result["ruleIndex"]]["id"] == v["rule"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[v["severity"]]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            v["line"], v["column"], v["end_line"], v["end_column"]
        )
        source = sources[path]
        assert source[region["charOffset"] : region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
        # Columns count code points: the line up to startColumn ends where charOffset is.
        line_start = source.rfind("\n", 0, region["charOffset"]) + 1
        assert region["charOffset"] - line_start + 1 == region["startColumn"]


def test_reference_article_validates_with_one_result_per_finding():
    log, data = sarif_and_json(str(REFERENCE))
    validate(log)
    check_against_json(log, data, {data["files"][0]["path"]: REFERENCE.read_text(encoding="utf-8")})
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    assert len({r["id"] for r in rules}) == len(rules)


def test_code_point_columns_fixes_and_rule_metadata(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    # An astral character before the finding: one code point, two UTF-16 units.
    text = "Caf\u00e9 \U0001F600 irregardless.\nWe utilize it.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    log, data = sarif_and_json("a.txt", "--docs-url", "https://docs.example/rules/{id}.html", cwd=tmp_path)
    validate(log)
    check_against_json(log, data, {"a.txt": text})
    run_ = log["runs"][0]
    first, second = run_["results"]
    assert first["locations"][0]["physicalLocation"]["region"]["startColumn"] == 8
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.txt"
    (fix,) = first["fixes"]
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "regardless"
    assert replacement["deletedRegion"]["charOffset"] == text.index("irregardless")
    assert replacement["deletedRegion"]["charLength"] == len("irregardless")
    assert fix["properties"]["safe"] is True
    assert second["fixes"][0]["properties"]["safe"] is False
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert rules["TST001"]["shortDescription"]["text"] == "Irregardless is not a word."
    assert rules["TST001"]["fullDescription"]["text"] == "Say regardless."
    assert rules["TST001"]["helpUri"] == "https://docs.example/rules/TST001.html"
    assert "TST001" in rules["TST001"]["help"]["markdown"]
    assert rules["TST002"]["defaultConfiguration"]["level"] == "error"


def test_source_url_is_help_uri_without_docs_url(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Irregardless.\n", encoding="utf-8")
    log, _ = sarif_and_json("a.txt", cwd=tmp_path)
    (rule,) = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["helpUri"] == "https://example.org/style#irregardless"


def test_fix_touching_markup_is_not_offered(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>Irre<b>gardless</b> and irregardless.</p>", encoding="utf-8")
    log, _ = sarif_and_json("a.html", cwd=tmp_path)
    validate(log)
    first, second = log["runs"][0]["results"]
    assert "fixes" not in first  # the span holds a tag
    assert second["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "regardless"


def test_errors_are_notifications_and_paths_are_uris(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "my story.txt").write_text("Irregardless.\n", encoding="utf-8")
    proc = run("--format", "sarif", "my story.txt", "missing.txt", cwd=tmp_path)
    assert proc.returncode == 2
    log = json.loads(proc.stdout)
    validate(log)
    run_ = log["runs"][0]
    assert run_["invocations"][0]["executionSuccessful"] is False
    (note,) = run_["invocations"][0]["toolExecutionNotifications"]
    assert "no such file" in note["message"]["text"]
    uri = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri["uri"] == "my%20story.txt" and uri["uriBaseId"] == "%SRCROOT%"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == Path(tmp_path).resolve().as_uri() + "/"


@needs_corpus
def test_corpus_html_page_validates():
    pages = corpus_files("html", "rdb-bbc-1.html") or corpus_files("html")[:1]
    if not pages:
        pytest.skip("no corpus pages")
    page = pages[0]
    log, data = sarif_and_json(str(page))
    validate(log)
    assert len(log["runs"][0]["results"]) == sum(len(f["violations"]) for f in data["files"])
