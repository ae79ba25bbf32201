"""``--format junit`` and ``--format gitlab``: what CI systems read."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from clihelp import run

CONFIG = """\
select = ["TST"]

[[rules]]
id = "TST001"
name = "irregardless"
kind = "substitution"
swap = {irregardless = "regardless"}

[[rules]]
id = "TST002"
name = "utilize"
kind = "substitution"
swap = {utilize = "use"}
severity = "info"
"""


def setup(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Irregardless, we <utilize> it & irregardless \x01 more.\n", encoding="utf-8")
    (tmp_path / "info-only.txt").write_text("We utilize it.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("We use it.\n", encoding="utf-8")


def test_junit_one_case_per_file_failures_per_finding(tmp_path):
    setup(tmp_path)
    proc = run("--format", "junit", "bad.txt", "info-only.txt", "clean.md", "missing.txt", cwd=tmp_path)
    assert proc.returncode == 2
    root = ET.fromstring(proc.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"bad.txt", "info-only.txt", "clean.md", "missing.txt"}
    failures = cases["bad.txt"].findall("failure")
    assert len(failures) == 2  # the two warnings; the info finding does not fail
    assert all(f.get("type") == "warning" and f.get("message").startswith("TST001") for f in failures)
    assert failures[0].text.startswith("bad.txt:1:1: TST001 [warning]")
    assert "TST002" in cases["bad.txt"].find("system-out").text
    assert not cases["info-only.txt"].findall("failure")
    assert "TST002 [info]" in cases["info-only.txt"].find("system-out").text
    assert not list(cases["clean.md"])
    (error,) = cases["missing.txt"].findall("error")
    assert "no such file" in error.get("message")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "2", "1")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "2", "1")


def test_gitlab_code_quality(tmp_path):
    setup(tmp_path)
    proc = run("--format", "gitlab", "bad.txt", "info-only.txt", cwd=tmp_path)
    issues = json.loads(proc.stdout)
    js = json.loads(run("--format", "json", "bad.txt", "info-only.txt", cwd=tmp_path).stdout)
    violations = [v for f in js["files"] for v in f["violations"]]
    assert len(issues) == len(violations) == 4
    for issue, v in zip(issues, violations, strict=True):
        assert issue["check_name"].startswith(v["rule"])
        assert issue["severity"] == {"warning": "minor", "info": "info", "error": "major"}[v["severity"]]
        pos = issue["location"]["positions"]
        assert (pos["begin"]["line"], pos["begin"]["column"]) == (v["line"], v["column"])
        assert issue["location"]["path"] in ("bad.txt", "info-only.txt")
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # A line added above keeps every fingerprint: GitLab compares them across branches.
    before = {i["fingerprint"] for i in issues}
    (tmp_path / "bad.txt").write_text("New first line.\n\nIrregardless, we <utilize> it & irregardless \x01 more.\n", encoding="utf-8")
    after = {i["fingerprint"] for i in json.loads(run("--format", "gitlab", "bad.txt", "info-only.txt", cwd=tmp_path).stdout)}
    assert after == before
