"""End-to-end: the installed CLI on real files."""

from __future__ import annotations

import json
import os
import re

import pytest

from clihelp import run
from conftest import REFERENCE

JSON_SCHEMA = REFERENCE.parent.parent / "docs" / "json-schema.json"


def test_reference_article_text_and_json():
    text = run(str(REFERENCE))
    assert text.returncode == 1, text.stderr
    assert text.stderr == ""
    first = text.stdout.splitlines()[0]
    assert re.match(r"^.+blinken-ukraine\.txt:\d+:\d+: [A-Z]{3}\d{3} \[(error|warning|info)\] .+", first)
    assert "^" in text.stdout
    js = run("--format", "json", str(REFERENCE))
    assert js.returncode == 1
    data = json.loads(js.stdout)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(data, json.loads(JSON_SCHEMA.read_text()))
    rules = {v["rule"] for v in data["files"][0]["violations"]}
    assert "ATT003" in rules
    # Every reported span is exactly the matched text in the source (read as the text
    # model reads it: the dateline's no-break space is a space).
    from stylelint.model.text import normalize

    src = REFERENCE.read_text(encoding="utf-8")
    for v in data["files"][0]["violations"]:
        assert normalize(src[v["offset"] : v["end_offset"]]) == v["match"]


def test_stdin_attribution_example():
    proc = run("-", input='"We won," the mayor claimed.\n')
    assert proc.returncode == 1
    assert "-:1:21: ATT001 [warning]" in proc.stdout


def test_stdin_filename_selects_parser_and_reports_name():
    proc = run("-", "--stdin-filename", "story.html", "--format", "json", input="<p>&ldquo;We won,&rdquo; the mayor <b>claimed</b>.</p>")
    data = json.loads(proc.stdout)
    f = data["files"][0]
    assert f["path"] == "story.html" and f["format"] == "html"
    v = f["violations"][0]
    assert v["match"] == "claimed" and (v["line"], v["column"]) == (1, 39)


def test_clean_text_exits_zero():
    proc = run("-", input="The mayor said the city would appeal.\n")
    assert proc.returncode == 0, proc.stdout
    assert "Found 0 findings" in proc.stdout


def test_folder_with_undecodable_and_good_file(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"The mayor \xff\xfe said.\n")
    (tmp_path / "good.txt").write_text('"We won," the mayor claimed.\n', encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")  # not an article extension: not walked
    proc = run("--format", "json", str(tmp_path))
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line]
    assert len(errors) == 1 and "bad.txt" in errors[0] and "byte 10" in errors[0], proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(proc.stdout)
    by_path = {os.path.basename(f["path"]): f for f in data["files"]}
    assert by_path["good.txt"]["violations"][0]["rule"] == "ATT001"
    assert by_path["bad.txt"]["errors"]


def test_bad_inputs_each_get_one_line(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "huge.txt").write_text("word " * 300, encoding="utf-8")
    (tmp_path / "stylelint.toml").write_text("max_file_size = 1000\n")
    (tmp_path / "broken.html").write_text("<p>Unclosed <b>claimed <i>tags</b></p", encoding="utf-8")
    proc = run(str(tmp_path))
    assert proc.returncode == 2
    err = proc.stderr
    assert re.search(r"binary\.txt: error: binary file", err)
    assert re.search(r"huge\.txt: error: file is 1,500 bytes, over the 1,000-byte limit", err)
    assert "empty.md" not in err  # an empty article is clean, not an error
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 2


def test_missing_file_and_bad_config(tmp_path):
    proc = run(str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and "nope.txt: error: no such file or folder" in proc.stderr
    (tmp_path / "stylelint.toml").write_text('profile = "times"\n')
    (tmp_path / "a.txt").write_text("x\n")
    proc = run(str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"{tmp_path / 'a.txt'}: error: {tmp_path / 'stylelint.toml'}: profile: unknown profile 'times' (allowed: ap, guardian, nyt)"


def test_crashing_plugin_is_named_and_rest_linted(tmp_path):
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "crash.py").write_text(
        "from stylelint import Rule, hookimpl\n"
        "class Crash(Rule):\n"
        "    id, name, summary, rationale, source = 'CRS001', 'crash', 's', 'r', 's'\n"
        "    def check(self, document, context):\n"
        "        raise ZeroDivisionError('oops')\n"
        "@hookimpl\ndef register_rules():\n    return [Crash()]\n"
    )
    (tmp_path / "a.txt").write_text('"We won," the mayor claimed.\n')
    proc = run("--rules-dir", str(rules), str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert "rule CRS001 (crash) crashed: ZeroDivisionError: oops" in proc.stderr
    assert "ATT001" in proc.stdout
    assert "Traceback" not in proc.stderr
    debug = run("--debug", "--rules-dir", str(rules), str(tmp_path / "a.txt"))
    assert "Traceback" in debug.stderr


def test_linter_never_writes_to_inputs(tmp_path):
    art = tmp_path / "a.md"
    art.write_text('"We won," the mayor claimed.\n')
    before = (art.read_bytes(), art.stat().st_mtime_ns)
    run(str(art))
    run("--format", "json", "--output", str(tmp_path / "out.json"), str(art))
    assert (art.read_bytes(), art.stat().st_mtime_ns) == before
    assert json.loads((tmp_path / "out.json").read_text())["summary"]["violations"] >= 1


def test_list_rules_and_explain():
    proc = run("--list-rules")
    assert proc.returncode == 0
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("ATT001"))
    assert "loaded-attribution-verb" in line and "warning" in line and "stylelint (rules/)" in line
    js = json.loads(run("--list-rules", "--format", "json").stdout)
    assert {"id", "name", "severity", "family", "plugin", "enabled"} <= set(js[0])
    ex = run("--explain", "att001")
    assert ex.returncode == 0 and ex.stdout.startswith("# loaded-attribution-verb (ATT001)")
    bad = run("--explain", "XYZ999")
    assert bad.returncode == 2 and "no rule 'XYZ999'" in bad.stderr


def test_select_ignore_fail_on_statistics_quiet():
    text = '"We won," the mayor claimed.\n'
    assert run("-", "--ignore", "ATT", input=text).returncode == 0
    assert run("-", "--select", "HON", input=text).returncode == 0
    assert run("-", "--fail-on", "error", input=text).returncode == 0
    stats = run("-", "--statistics", "--quiet", input=text)
    assert re.search(r"^\s+1\s+ATT001\s+loaded-attribution-verb$", stats.stdout, re.M)
    assert "^" not in stats.stdout
    bad = run("-", "--select", "attribution", input=text)
    assert bad.returncode == 2 and "select: 'attribution' is not a rule id or prefix" in bad.stderr


def test_unknown_format_is_a_usage_error():
    proc = run("-", "--format", "yaml", input="x")
    assert proc.returncode == 2 and "unknown format 'yaml' (allowed:" in proc.stderr


def test_color_only_when_asked_and_never_with_no_color():
    text = '"We won," the mayor claimed.\n'
    assert "\x1b[" not in run("-", input=text).stdout  # not a terminal
    assert "\x1b[" in run("-", "--color", "always", input=text).stdout
    assert "\x1b[" not in run("-", "--color", "auto", input=text, env={"NO_COLOR": "1"}).stdout


def test_stdin_json_mode_for_cms():
    req = {"documents": [
        {"text": "<p>\u201cWe won,\u201d the mayor <em>claimed</em>.</p>", "format": "html", "path": "cms/123"},
        {"text": "All good here, the mayor said.", "profile": "nyt"},
        {"txt": "oops"},
    ]}
    proc = run("--stdin-json", input=json.dumps(req))
    assert proc.returncode == 2  # the third request is malformed
    data = json.loads(proc.stdout)
    assert [f["path"] for f in data["files"]] == ["cms/123", "document[1]", "document[2]"]
    assert data["files"][0]["violations"][0]["rule"] == "ATT001"
    assert "documents[2].txt: unknown key" in data["files"][2]["errors"][0]
    ok = run("--stdin-json", input=json.dumps({"text": "Fine, the mayor said."}))
    assert ok.returncode == 0 and json.loads(ok.stdout)["summary"]["violations"] == 0


def test_version_and_module_entry_point():
    import subprocess
    import sys

    from stylelint import __version__

    assert run("--version").stdout.strip() == f"stylelint {__version__}"
    proc = subprocess.run([sys.executable, "-m", "stylelint", "--version"], capture_output=True, text=True)
    assert proc.stdout.strip() == f"stylelint {__version__}"


def test_input_format_applies_to_files_and_to_their_cache_entries(tmp_path):
    page = tmp_path / "page.txt"  # HTML under a name that says text (a CMS export)
    page.write_text("<p>The mayor &amp; 2 aides <b>left</b>.</p>\n", encoding="utf-8")
    cache = str(tmp_path / "cache")
    for _ in range(2):  # the second round comes from the cache
        as_named = json.loads(run("-f", "json", "--cache", "--cache-dir", cache, str(page)).stdout)
        as_html = json.loads(run("-f", "json", "--cache", "--cache-dir", cache, "--input-format", "html", str(page)).stdout)
        assert as_named["files"][0]["format"] == "text"
        assert as_html["files"][0]["format"] == "html"
        (two,) = [v for v in as_html["files"][0]["violations"] if v["rule"] == "NUM001"]
        assert (two["line"], two["column"], two["match"]) == (1, 20, "2")  # after "&amp;", in the source


def test_argument_mistakes_stop_the_run_before_it_lints(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("He said 2 agreed.\n", encoding="utf-8")
    for args, message in (
        (["--input-format", "pdf"], "--input-format: unknown format 'pdf' (allowed: html, markdown, text)"),
        (["--output", str(tmp_path)], f"--output {tmp_path}: is a folder, not a file"),
        (["--output", str(tmp_path / "no" / "r.json")], f"--output {tmp_path / 'no' / 'r.json'}: no such folder {tmp_path / 'no'}"),
    ):
        proc = run(*args, str(art))
        assert (proc.returncode, proc.stdout, proc.stderr.strip()) == (2, "", f"stylelint: error: {message}")


def test_a_selector_that_names_no_rule_is_an_error_and_the_rest_still_runs(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text("He said 2 agreed on Jan. 14.\n", encoding="utf-8")
    proc = run("-f", "json", "--select", "NUM,ATT01", "--ignore", "DAT999", str(art))
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "stylelint: error: select: 'ATT01' names no rule (see stylelint --list-rules)",
        "stylelint: error: ignore: 'DAT999' names no rule (see stylelint --list-rules)",
    ]
    assert {v["rule"] for v in json.loads(proc.stdout)["files"][0]["violations"]} == {"NUM001"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "html", "junit", "github", "gitlab"])
def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path, fmt):
    name = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(name, "wb") as fh:
        fh.write(b"The mayor said 2 agreed.\n")
    proc = run("--format", fmt, "--cache", "--cache-dir", str(tmp_path / "c"), str(tmp_path))
    assert (proc.returncode, proc.stderr) == (1, "")
    if fmt == "json":
        assert json.loads(proc.stdout)["files"][0]["path"].endswith("caf\udce9.txt")  # the escape reads back as the name
    elif fmt in ("sarif", "gitlab"):
        data = json.loads(proc.stdout)
        if fmt == "sarif":
            assert data["runs"][0]["artifacts"][0]["location"]["uri"].endswith("caf%E9.txt")
    else:
        assert "caf\\udce9.txt" in proc.stdout


def test_a_subcommand_without_its_extra_is_one_line(tmp_path, monkeypatch, capsys):
    from stylelint.interfaces import cli

    (tmp_path / "needs_extra.py").write_text("import a_package_nobody_installed\n\ndef main(argv):\n    return 0\n")
    (tmp_path / "fine.py").write_text("def main(argv):\n    print('args', argv)\n    return 3\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(cli.SUBCOMMANDS, "demo", ("needs_extra", "a demo", "demo-extra"))
    monkeypatch.setitem(cli.SUBCOMMANDS, "other", ("fine", "another", None))
    assert cli.main(["demo", "--x"]) == 2
    err = capsys.readouterr().err
    assert err == (
        "stylelint demo: needs the [demo-extra] extra (a_package_nobody_installed is not installed): "
        "pip install 'stylelint[demo-extra]'\n"
    )
    assert cli.main(["other", "a", "--b"]) == 3
    assert capsys.readouterr().out == "args ['a', '--b']\n"
    assert re.search(r"stylelint demo +a demo", cli.build_parser().format_help())


def test_a_file_named_like_a_subcommand_is_linted_as_a_path(tmp_path, monkeypatch):
    from stylelint.interfaces import cli

    monkeypatch.setitem(cli.SUBCOMMANDS, "demo", ("no_such_module_here", "a demo", None))
    (tmp_path / "demo").write_text("The meeting is on Dec. 7th.\n")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["--quiet", "./demo"]) == 1


def test_front_matter_that_does_not_parse_is_a_warning_and_its_text_is_linted(tmp_path):
    post = tmp_path / "post.md"
    post.write_text("---\ntitle: [unclosed\n\nThe mayor claimed the city was broke.\n\n---\nBody text.\n", encoding="utf-8")
    cache = str(tmp_path / "cache")
    for _ in range(2):  # the second round comes from the cache, warning included
        js = run("-f", "json", "--select", "ATT001", "--cache", "--cache-dir", cache, str(post))
        assert js.returncode == 1, js.stderr  # the finding, not an error
        assert js.stderr == (
            f"{post}: warning: line 1: the front matter does not parse as YAML"
            " (did not find expected ',' or ']' at line 6, column 1); its text is linted as prose\n"
        )
        data = json.loads(js.stdout)
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(data, json.loads(JSON_SCHEMA.read_text()))
        (f,) = data["files"]
        assert f["errors"] == [] and len(f["warnings"]) == 1 and f["warnings"][0].startswith("line 1: ")
        assert [(v["line"], v["match"]) for v in f["violations"]] == [(4, "claimed")]
    github = run("-f", "github", "--select", "ATT001", str(post))
    assert f"::warning file={post},title=stylelint::line 1: the front matter" in github.stdout
    sarif = json.loads(run("-f", "sarif", "--select", "ATT001", str(post)).stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["warning"]
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is True
