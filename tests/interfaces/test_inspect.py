"""``stylelint inspect``: the prose, blocks, quotations and region the rules read."""

from __future__ import annotations

import json

from clihelp import run
from conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "articles"


def test_json_shows_what_the_rules_read():
    proc = run("inspect", "-f", "json", str(FIXTURES / "school-board.html"), str(FIXTURES / "harbor-storm.md"))
    assert proc.returncode == 0, proc.stderr
    html, md = json.loads(proc.stdout)["files"]
    assert html["format"] == "html" and html["region"] == "article"
    assert [b["kind"] for b in html["blocks"]][:2] == ["headline", "paragraph"]
    source = (FIXTURES / "school-board.html").read_text(encoding="utf-8")
    (quote,) = html["quotes"]
    assert html["text"][quote["start"] : quote["end"]] == "\u201cHe listens,\u201d"
    assert source[quote["source_start"] : quote["source_end"]] == "&ldquo;He listens,&rdquo;"
    assert "<b>" not in html["text"] and "claimed the district\u2019s" in html["text"]
    assert md["format"] == "markdown" and md["region"] is None
    assert "title:" not in md["text"]  # front matter is not prose
    kinds = [b["kind"] for b in md["blocks"]]
    assert kinds[0] == "headline" and kinds.count("list_item") == 2
    for b in md["blocks"]:
        assert md["text"][b["start"] : b["end"]].strip()


def test_text_marks_quotations_and_a_bad_path_is_an_error(tmp_path):
    proc = run("inspect", str(FIXTURES / "school-board.html"), str(tmp_path / "missing.txt"))
    assert proc.returncode == 2
    assert "[paragraph 142-263 @294] \u27e6\u201cHe listens,\u201d\u27e7 board president" in proc.stdout
    assert proc.stderr.strip() == f"{tmp_path / 'missing.txt'}: error: no such file or folder"


def test_stdin_and_forced_format():
    proc = run("inspect", "-f", "json", "--input-format", "markdown", "-", input="# Hi\n\nSome *text*.\n")
    (entry,) = json.loads(proc.stdout)["files"]
    assert entry["text"] == "Hi\n\nSome text." or entry["text"].startswith("Hi\n\nSome text.")
    assert [b["kind"] for b in entry["blocks"]] == ["headline", "paragraph"]


def test_front_matter_that_does_not_parse_is_a_warning_and_its_text_is_prose(tmp_path):
    post = tmp_path / "post.md"
    post.write_text('---\ntitle: "unclosed\n---\n\nIt was Dec. 7th.\n', encoding="utf-8")
    proc = run("inspect", "-f", "json", str(post))
    assert proc.returncode == 0, proc.stderr
    (entry,) = json.loads(proc.stdout)["files"]
    (warning,) = entry["warnings"]
    assert "line 1" in warning and "YAML" in warning
    assert "unclosed" in entry["text"] and not entry["errors"]
    text = run("inspect", str(post)).stdout
    assert f"warning: {warning}" in text
