"""Fixes: --fix, --unsafe-fixes, --diff, stdin, and the API; bytes checked on real files."""

from __future__ import annotations

import codecs
import json
import os
import stat

import pytest

from stylelint import Substitution
from stylelint.interfaces.api import fix_text, lint_text
from stylelint.model.document import Span
from stylelint.model.findings import Fix, Violation
from stylelint.rule.testing import linter_for
from stylelint.run.edits import apply_fixes, prepare_replacement, unified_diff

from clihelp import run

CONFIG = """\
select = ["TST"]

[[rules]]
id = "TST001"
name = "irregardless"
kind = "substitution"
swap = {irregardless = "regardless", alot = "a lot"}
fixable = "safe"

[[rules]]
id = "TST002"
name = "utilize"
kind = "substitution"
swap = {utilize = "use"}
fixable = "unsafe"
severity = "error"

[[rules]]
id = "TST003"
name = "rnd"
kind = "substitution"
swap = {rnd = "R&D"}
fixable = "safe"

[[rules]]
id = "TST004"
name = "livefyre"
kind = "pattern"
pattern = "get\\\\s+livefyre"
suggestion = ""
fixable = "safe"
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def changed_ranges(before: bytes, after: bytes) -> tuple[int, int]:
    """Length of the common prefix and suffix."""
    p = 0
    while p < min(len(before), len(after)) and before[p] == after[p]:
        p += 1
    s = 0
    while s < min(len(before), len(after)) - p and before[-1 - s] == after[-1 - s]:
        s += 1
    return p, s


def test_diff_writes_nothing_and_matches_fix(folder):
    path = folder / "a.txt"
    original = b"Irregardless, we utilize alot of rnd.\nSecond line stays.\n"
    path.write_bytes(original)
    mtime = os.stat(path).st_mtime_ns
    diff = run("--diff", "a.txt", cwd=folder)
    assert diff.returncode == 1  # something to change (and an error-severity finding remains)
    assert path.read_bytes() == original and os.stat(path).st_mtime_ns == mtime
    assert diff.stdout.startswith("--- a.txt\n+++ a.txt\n@@ -1,2 +1,2 @@\n")
    assert "-Irregardless, we utilize alot of rnd.\n" in diff.stdout
    assert "+Regardless, we utilize a lot of R&D.\n" in diff.stdout
    # The unsafe fix is shown, not applied.
    assert "TST002 'utilize' -> 'use'" in diff.stderr and "--unsafe-fixes" in diff.stderr
    fixed = run("--fix", "a.txt", cwd=folder)
    assert fixed.returncode == 1  # TST002 (error) remains
    after = path.read_text(encoding="utf-8")
    assert unified_diff(original.decode(), after, "a.txt") == diff.stdout
    assert "TST002" in fixed.stdout and "TST001" not in fixed.stdout


def test_fix_keeps_bom_crlf_mode_and_untouched_bytes(folder):
    path = folder / "story.txt"
    text = "Headline\r\n\r\nIrregardless of the weather, we went.\r\nWe utilize tools; it was alot.\r\nEnd\r\n"
    original = codecs.BOM_UTF8 + text.encode("utf-8")
    path.write_bytes(original)
    os.chmod(path, 0o640)
    proc = run("--fix", "story.txt", cwd=folder)
    assert proc.returncode == 1, proc.stderr  # the unsafe TST002 error is still there
    after = path.read_bytes()
    assert after.startswith(codecs.BOM_UTF8)
    assert after.count(b"\r\n") == original.count(b"\r\n") and b"\n" not in after.replace(b"\r\n", b"")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert after == original.replace(b"Irregardless", b"Regardless").replace(b"alot", b"a lot")
    prefix, suffix = changed_ranges(original, after)
    assert original[:prefix].endswith(b"\r\n\r\n")  # the headline and BOM untouched
    assert "fixed 2 findings in 1 file" in proc.stderr
    # A second --fix changes nothing.
    again = run("--fix", "story.txt", cwd=folder)
    assert path.read_bytes() == after
    assert "fixed 0 findings" in again.stderr and again.returncode == 1
    # Unsafe fixes too: nothing at or above fail_on remains.
    unsafe = run("--fix", "--unsafe-fixes", "story.txt", cwd=folder)
    assert unsafe.returncode == 0, unsafe.stdout
    assert path.read_bytes() == after.replace(b"utilize", b"use")
    assert len(path.read_bytes().splitlines()) == len(original.splitlines())


def test_html_fix_skips_markup_and_escapes_replacement(folder):
    path = folder / "a.html"
    source = ("<p>Irre<b>gardless</b>, irregardless &amp; irre&#x67;ardless.</p>\n"
              "<p>Our rnd budget.</p>\n")
    path.write_text(source, encoding="utf-8")
    proc = run("--fix", "a.html", cwd=folder)
    after = path.read_text(encoding="utf-8")
    assert after == source.replace(", irregardless", ", regardless").replace("rnd", "R&amp;D")
    # The spans holding a tag and an entity are reported as skipped, and still found.
    assert proc.stderr.count("fix not applied") == 2, proc.stderr
    assert "markup, an entity" in proc.stderr
    assert proc.stdout.count("TST001") == 2
    assert proc.returncode == 1
    second = run("--fix", "a.html", cwd=folder)
    assert path.read_text(encoding="utf-8") == after and "fixed 0" in second.stderr


def test_stdin_fix_prints_fixed_text_and_reports_to_stderr(folder):
    proc = run("--fix", "-", "--stdin-filename", "story.md", input="# Irregardless\n\nWe utilize rnd.\n", cwd=folder)
    assert proc.stdout == "# Regardless\n\nWe utilize R&D.\n"
    assert "TST002" in proc.stderr and "story.md" in proc.stderr
    assert proc.returncode == 1
    clean = run("--fix", "--unsafe-fixes", "-", input="Irregardless, we utilize it.", cwd=folder)
    assert clean.stdout == "Regardless, we use it." and clean.returncode == 0
    diff = run("--diff", "-", input="alot\n", cwd=folder)
    assert diff.stdout == "--- -\n+++ -\n@@ -1 +1 @@\n-alot\n+a lot\n"


def test_utf16_and_symlink(folder):
    path = folder / "wide.txt"
    original = "Irregardless \u00e9t\u00e9.\n".encode("utf-16-be")
    path.write_bytes(codecs.BOM_UTF16_BE + original)
    link = folder / "link.txt"
    link.symlink_to(path.name)
    proc = run("--fix", "link.txt", cwd=folder)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    assert path.read_bytes() == codecs.BOM_UTF16_BE + "Regardless \u00e9t\u00e9.\n".encode("utf-16-be")


def test_unsafe_fixes_needs_fix_or_diff(folder):
    (folder / "a.txt").write_text("alot\n", encoding="utf-8")
    proc = run("--unsafe-fixes", "a.txt", cwd=folder)
    assert proc.returncode == 2 and "--fix or --diff" in proc.stderr
    assert (folder / "a.txt").read_text(encoding="utf-8") == "alot\n"


def violation(start: int, end: int, match: str, replacement: str, rule: str = "TST001", safe: bool = True) -> Violation:
    return Violation(rule, Span(start, end), "m", fix=Fix(replacement, safe), match=match, offset=start, end_offset=end)


def test_overlapping_fixes_resolve_by_position_whatever_the_order():
    source = "abcdefghij"
    a = violation(0, 5, "abcde", "X")
    b = violation(3, 8, "defgh", "Y", rule="TST002")
    c = violation(8, 10, "ij", "Z")
    point = violation(8, 8, "", "+", rule="TST009")
    for order in ([a, b, c, point], [point, c, b, a]):
        result = apply_fixes(source, order)
        assert result.text == "Xfgh+Z"
        assert [v.rule_id for v in result.applied] == ["TST001", "TST009", "TST001"]
        assert [s.violation.rule_id for s in result.skipped] == ["TST002"]
    unsafe = violation(0, 1, "a", "A", safe=False)
    assert apply_fixes(source, [unsafe]).text == source
    assert apply_fixes(source, [unsafe], unsafe=True).text == "Abcdefghij"


def test_prepare_replacement_escapes_for_the_format():
    assert prepare_replacement("R&D <x>", "html") == "R&amp;D &lt;x&gt;"
    assert prepare_replacement("*a* [b] &amp;", "markdown") == "\\*a\\* \\[b\\] \\&amp;"
    assert prepare_replacement("a\nb", "text", source="x\r\ny\r\n") == "a\r\nb"
    assert prepare_replacement("\u2014", "html", encoding="cp1252") == "\u2014"
    assert prepare_replacement("\u0101", "html", encoding="cp1252") == "&#257;"
    assert prepare_replacement("\u0101", "text", encoding="cp1252") is None


def test_api_fix_text_and_report_fixed_text():
    rules = [
        Substitution(id="TST001", name="a", summary="s", swap={"alot": "a lot"}, fixable="safe"),
        Substitution(id="TST002", name="b", summary="s", swap={"utilize": "use"}, fixable="unsafe"),
    ]
    linter = linter_for(rules)
    result = linter.lint_source("We utilize alot.", None, "text")
    from stylelint.report.results import Report

    report = Report(files=[result])
    assert report.fixed_text() == "We utilize a lot."
    assert report.fixed_text(unsafe=True) == "We use a lot."
    # The whole loop, through the public API, with a config of test rules.
    config = {"select": ["TST"], "rules": [
        {"id": "TST001", "name": "a", "kind": "substitution", "swap": {"alot": "a lot"}, "fixable": "safe"},
    ]}
    fixed = fix_text("It was alot.\n", config=config)
    assert fixed.fixed == "It was a lot.\n" and fixed.result.violations == [] and fixed.passes == 1
    assert fixed.diff() == "--- -\n+++ -\n@@ -1 +1 @@\n-It was alot.\n+It was a lot.\n"
    assert lint_text("It was alot.\n", config=config).fixed_text() == "It was a lot.\n"


def test_fixes_never_change_the_line_count(folder):
    html = folder / "a.html"
    html.write_bytes(b"<ul><li>Get\r\n   Livefyre</li>\r\n<li>Get Livefyre</li></ul>\n")
    proc = run("--fix", "a.html", cwd=folder)
    # In HTML a line break is white space: the deleted span leaves its line break.
    assert html.read_bytes() == b"<ul><li>\r\n</li>\r\n<li></li></ul>\n", proc.stderr
    text = folder / "a.txt"
    text.write_bytes(b"Get\nLivefyre and Get Livefyre.\n")
    proc = run("--fix", "a.txt", cwd=folder)
    assert text.read_bytes() == b"Get\nLivefyre and .\n"
    assert "a.txt:1:1: TST004 fix not applied: would change the number of lines" in proc.stderr


def test_a_file_changed_since_it_was_read_is_not_written(tmp_path):
    from stylelint.run.fix import StaleFileError, fix_file, write_fixed

    rules = [Substitution(id="TST001", name="a", summary="s", swap={"alot": "a lot"}, fixable="safe")]
    linter = linter_for(rules)
    path = tmp_path / "a.txt"
    path.write_text("It was alot.\n", encoding="utf-8")
    result = linter.lint_source(path.read_text(encoding="utf-8"), str(path), "text")
    fixed = fix_file(linter, result)
    path.write_text("Someone else edited alot.\n", encoding="utf-8")
    with pytest.raises(StaleFileError):
        write_fixed(str(path), fixed, "utf-8")
    assert path.read_text(encoding="utf-8") == "Someone else edited alot.\n"


def test_diff_report_goes_to_output_only(folder):
    (folder / "a.txt").write_text("alot\n", encoding="utf-8")
    proc = run("--diff", "--format", "json", "--output", "report.json", "a.txt", cwd=folder)
    assert proc.stdout.startswith("--- a.txt") and proc.returncode == 1
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert data["summary"]["violations"] == 0  # what would remain after the fix
    assert (folder / "a.txt").read_text(encoding="utf-8") == "alot\n"
