"""``--format github``: every line is a workflow command GitHub parses."""

from __future__ import annotations

import json
import re

from stylelint.report.formatters.github import escape_data, escape_property

from clihelp import run
from conftest import REFERENCE

# ::command key=value,key=value::message  (values escaped: no raw , : CR LF)
COMMAND = re.compile(r"^::(?P<cmd>error|warning|notice)(?: (?P<props>[^:\r\n]+))?::(?P<msg>[^\r\n]*)$")
PROPERTY = re.compile(r"^(?P<key>file|line|col|endLine|endColumn|title)=(?P<value>[^,:\r\n]*)$")

CONFIG = """\
select = ["TST"]

[[rules]]
id = "TST001"
name = "irregardless"
kind = "substitution"
swap = {irregardless = "regardless"}
fixable = "safe"

[[rules]]
id = "TST002"
name = "utilize"
kind = "substitution"
swap = {utilize = "use"}
severity = "error"

[[rules]]
id = "TST003"
name = "mayor-claimed"
kind = "pattern"
pattern = "mayor\\\\s+claimed"
message = "Spans lines: {match} (100% sure)"
severity = "info"
"""


def unescape(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse(line: str) -> tuple[str, dict[str, str], str]:
    m = COMMAND.match(line)
    assert m, f"not a workflow command: {line!r}"
    props = {}
    for part in (m["props"] or "").split(","):
        if not part:
            continue
        p = PROPERTY.match(part)
        assert p, f"bad property {part!r} in {line!r}"
        props[p["key"]] = unescape(p["value"])
    return m["cmd"], props, unescape(m["msg"])


def test_reference_article_every_line_is_a_command():
    gh = run("--format", "github", str(REFERENCE))
    js = json.loads(run("--format", "json", str(REFERENCE)).stdout)
    lines = gh.stdout.splitlines()
    violations = js["files"][0]["violations"]
    assert len(lines) == len(violations) > 0
    for line, v in zip(lines, violations, strict=True):
        cmd, props, msg = parse(line)
        assert cmd == {"error": "error", "warning": "warning", "info": "notice"}[v["severity"]]
        assert props["file"].endswith("blinken-ukraine.txt")
        assert int(props["line"]) == v["line"] and int(props["endLine"]) == v["end_line"]
        if v["line"] == v["end_line"]:
            assert (int(props["col"]), int(props["endColumn"])) == (v["column"], v["end_column"])
        assert props["title"].startswith(v["rule"])
        assert msg.startswith(v["message"])


def test_escaping_severity_and_multiline_spans(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    name = "a,b:c%.txt"
    (tmp_path / name).write_text("Irregardless, we utilize it.\r\nThe mayor\r\nclaimed it.\r\n", encoding="utf-8")
    proc = run("--format", "github", name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    parsed = [parse(line) for line in proc.stdout.splitlines()]
    assert [c for c, _, _ in parsed] == ["warning", "error", "notice"]
    for _, props, _ in parsed:
        assert props["file"] == name
    _, props, msg = parsed[0]
    assert (props["line"], props["col"], props["endColumn"]) == ("1", "1", "13")
    assert msg == "Use 'Regardless' instead of 'Irregardless'."
    # The span runs over a line break: no column fields, the message keeps CR LF.
    _, props, msg = parsed[2]
    assert "col" not in props and "endColumn" not in props
    assert (props["line"], props["endLine"]) == ("2", "3")
    assert msg == "Spans lines: mayor\r\nclaimed (100% sure)"
    assert "%0D%0A" in proc.stdout and "100%25" in proc.stdout and "a%2Cb%3Ac%25.txt" in proc.stdout


def test_errors_become_error_commands(tmp_path):
    proc = run("--format", "github", str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    (line,) = proc.stdout.splitlines()
    cmd, props, msg = parse(line)
    assert cmd == "error" and props["file"].endswith("missing.txt") and "no such file" in msg


def test_escape_functions():
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
