"""``--format html``: every finding marked, the page inert, the report self-contained."""

from __future__ import annotations

import json
import re

import pytest
from lxml import html as lxml_html

from stylelint import Rule
from stylelint.report.formatters.html import render
from stylelint.report.results import Report
from stylelint.rule.kinds import Pattern
from stylelint.rule.testing import linter_for

from clihelp import run
from conftest import REFERENCE, corpus_files, needs_corpus

CONFIG = """\
select = ["TST"]

[[rules]]
id = "TST001"
name = "claimed"
kind = "substitution"
swap = {claimed = "said"}
fixable = "unsafe"

[[rules]]
id = "TST002"
name = "share-this-story"
kind = "pattern"
pattern = "share\\\\s+this\\\\s+story"
severity = "error"
"""

EVIL = """<!DOCTYPE html>
<html><head>
<base href="http://evil.example/">
<meta http-equiv="refresh" content="0;url=http://evil.example/">
<link rel="stylesheet" href="http://evil.example/s.css">
<style>@import url(http://evil.example/i.css); body{background:url(http://evil.example/bg.png)}</style>
<script>alert('head')</script>
<title>Evil &lt;script&gt; page</title>
</head>
<body onload="alert('body')" background="http://evil.example/b.png">
<h1 onclick="alert(1)">Mayor <b>claimed</b> victory</h1>
<p style="background:url(http://evil.example/p.png)">"We won," the mayor <a href="javascript:alert(2)">claimed</a>.<img src="http://evil.example/x.png" srcset="http://evil.example/y.png 2x" onerror="alert(3)" alt="a photo"></p>
<p>&lt;script&gt;alert(4)&lt;/script&gt; "We lost," the rival <i onmouseover="alert(5)">claimed</i>.</p>
<iframe src="http://evil.example/f"></iframe><object data="http://evil.example/o"></object>
<svg onload="alert(6)"><image href="http://evil.example/s.png"/></svg>
<form action="http://evil.example/"><input type="image" src="http://evil.example/i.png"><button formaction="javascript:alert(7)">go</button></form>
<table background="http://evil.example/t.png"><tr><td>"Fine," the coach <u>claimed</u>.</td></tr></table>
<video poster="http://evil.example/v.png"><source src="http://evil.example/v.mp4"></video>
<p><a href="http://ok.example/">"Sure," the aide claimed.</a></p>
<math><mtext><script>alert(8)</script></mtext></math>
<noscript><img src="http://evil.example/n.png"></noscript>
<p style="x:expression(alert(9))">Spoof &#xF0000; and &#983041; sentinels; <!-- <script>alert(10)</script> --> end.</p>
</body></html>
"""


def marks_by_finding(doc) -> dict[tuple[str, int], list]:
    out: dict[tuple[str, int], list] = {}
    for m in doc.xpath('//mark[contains(concat(" ", @class, " "), " sl-m ")]'):
        section = m.xpath('ancestor::section[@class="sl-file"]/@id')[0]
        for n in m.get("data-f").split():
            out.setdefault((section, int(n)), []).append(m)
    return out


def report_and_json(*args: str, cwd=None):
    rep = run("--format", "html", *args, cwd=cwd)
    assert rep.returncode in (0, 1), rep.stderr
    js = json.loads(run("--format", "json", *args, cwd=cwd).stdout)
    return lxml_html.document_fromstring(rep.stdout), js, rep.stdout


def check_every_finding_marked(doc, js, *, exact: bool = True) -> int:
    """Each finding has a mark, a list entry, and links both ways; mark text is the match."""
    marks = marks_by_finding(doc)
    ids = set(doc.xpath("//@id"))
    checked = 0
    for k, f in enumerate(js["files"], 1):
        section = f"sl-file-{k}"
        for n, v in enumerate(f["violations"], 1):
            found = marks.get((section, n))
            assert found, f"no mark for finding {n} ({v['rule']} {v['match']!r}) of {f['path']}"
            item = doc.get_element_by_id(f"sl-f{k}-{n}")
            assert v["rule"] in item.text_content() and v["message"] in item.text_content()
            assert f"sl-m{k}-{n}" in ids  # the list entry's link target
            assert item.xpath(f'.//a[@href="#sl-m{k}-{n}"]')
            assert doc.xpath(f'//a[@href="#sl-f{k}-{n}"]')  # and back from the article
            if exact and found[0].xpath("ancestor::article"):
                text = "".join("".join(m.xpath(".//text()")) for m in found)
                assert text.split() == v["match"].split() or "".join(text.split()) == "".join(v["match"].split())
            for m in found:
                assert v["rule"] in m.get("title") and "sl-" + v["severity"] in m.get("class") or len(m.get("data-f").split()) > 1
            checked += 1
    return checked


def test_reference_article_every_finding_marked():
    doc, js, _ = report_and_json(str(REFERENCE))
    assert check_every_finding_marked(doc, js) == len(js["files"][0]["violations"]) > 0
    # Text input reads as paragraphs and a headline.
    article = doc.xpath("//article")[0]
    assert article.xpath(".//h1") and len(article.xpath(".//p")) > 10
    # The summary table counts every finding, by rule.
    rows = doc.xpath('//table[@class="sl-summary"]/tbody/tr')
    assert {r.xpath("td[1]//a/text()")[0] for r in rows} == set(js["summary"]["by_rule"])
    total = doc.xpath('//table[@class="sl-summary"]/tfoot/tr/td[last()]/text()')[0]
    assert int(total) == js["summary"]["violations"]
    for r in rows:
        rule = r.xpath("td[1]//a/text()")[0]
        assert r.xpath("td[1]//a/@href")[0] == f"#sl-rule-{rule}"
        assert doc.get_element_by_id(f"sl-rule-{rule}") is not None


@needs_corpus
def test_corpus_html_page_keeps_markup_and_marks_every_finding():
    pages = corpus_files("html", "rdb-bbc-1.html") or corpus_files("html")[:1]
    if not pages:
        pytest.skip("no corpus pages")
    doc, js, _ = report_and_json(str(pages[0]))
    assert check_every_finding_marked(doc, js) == len(js["files"][0]["violations"]) > 0
    article = doc.xpath("//article")[0]
    assert article.xpath(".//h1 | .//h2") and article.xpath(".//ul/li") and article.xpath(".//p")
    assert_inert(doc)


def test_finding_across_elements_is_marked_in_each_piece(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.html").write_text("<h2>Share <b>this</b></h2><p>story now</p>", encoding="utf-8")
    doc, js, _ = report_and_json("a.html", cwd=tmp_path)
    (v,) = js["files"][0]["violations"]
    pieces = marks_by_finding(doc)[("sl-file-1", 1)]
    assert [m.text_content() for m in pieces] == ["Share ", "this", "story"]
    assert [m.getparent().tag for m in pieces] == ["h2", "b", "p"]
    assert all("sl-error" in m.get("class") for m in pieces)
    assert pieces[0].get("id") == "sl-m1-1"


def test_injected_html_is_inert(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "evil.html").write_text(EVIL, encoding="utf-8")
    (tmp_path / "evil.txt").write_text(
        '<script>alert(1)</script> "We won," the mayor claimed. <img src=x onerror=alert(2)> '
        '<a href="javascript:alert(3)">x</a>\n', encoding="utf-8")
    doc, js, raw = report_and_json("evil.html", "evil.txt", cwd=tmp_path)
    assert_inert(doc)
    assert "evil.example" not in raw
    # Every claimed the linter found is marked, and the spoofed sentinels mark nothing.
    check_every_finding_marked(doc, js)
    assert len(marks_by_finding(doc)) == sum(len(f["violations"]) for f in js["files"])
    spoof = [p for p in doc.xpath("//article//p") if "Spoof" in p.text_content()][0]
    assert not spoof.xpath(".//mark")
    # The article's own text is there, as text.
    text = doc.xpath('//section[@id="sl-file-2"]//article')[0].text_content()
    assert "<script>alert(1)</script>" in text and 'href="javascript:alert(3)"' in text
    assert "<script>alert(4)</script>" in doc.xpath('//section[@id="sl-file-1"]//article')[0].text_content()
    assert "Page title: Evil <script> page" in doc.xpath('//section[@id="sl-file-1"]')[0].text_content()
    # Two files: one report, a section each, an index linking to them.
    assert [a.get("href") for a in doc.xpath('//nav[@class="sl-files"]//a')] == ["#sl-file-1", "#sl-file-2"]


def assert_inert(doc) -> None:
    """No script, handler, frame, form, fetch or javascript: URL survives."""
    assert not doc.xpath("//script | //iframe | //frame | //object | //embed | //applet | //form | //input"
                         " | //button | //base | //link | //img | //svg | //math | //video | //audio"
                         " | //source | //picture | //noscript | //template")
    assert not doc.xpath("//@*[starts-with(name(), 'on')]")
    assert not doc.xpath("//@src | //@srcset | //@background | //@poster | //@action | //@formaction | //@data")
    assert not doc.xpath("//meta[@http-equiv='refresh']")
    for value in doc.xpath("//@*"):
        assert not re.match(r"\s*(javascript|vbscript|data):", value, re.I), value
    styles = doc.xpath("//style")
    assert len(styles) == 1 and styles[0].getparent().tag == "head"  # ours only
    assert "url(" not in styles[0].text and "@import" not in styles[0].text
    for el in doc.xpath("//*[@style]"):
        assert "url(" not in el.get("style") and "expression" not in el.get("style")
    for href in doc.xpath("//a/@href"):
        assert href.startswith("#") or href.startswith(("https://", "http://"))
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0] and "script-src" not in csp[0]


class WholeDocument(Rule):
    id = "TST900"
    name = "whole-document"
    summary = "A verdict about the whole document."
    document_level = True
    severity = "error"

    def check(self, document, context):
        yield self.violation(0, len(document.text), "Reads as spun copy.", suggestion="rewrite")


def test_document_level_finding_is_a_banner_and_points_are_marked():
    rules = [
        WholeDocument(),
        Pattern(id="TST901", name="double-space", summary="Two spaces.", pattern="(?<=a)(?=  )", message="Point."),
    ]
    linter = linter_for(rules)
    text = "Headline here\n\nIt was a  day.\n"
    result = linter.lint_source(text, None, "text")
    assert {v.rule_id for v in result.violations} == {"TST900"}  # zero-width matches are skipped
    page = render(Report(files=[result]), {"rules": {r.id: r for r in linter.all_rules}})
    doc = lxml_html.document_fromstring(page)
    banner = doc.xpath('//div[contains(@class, "sl-banner")]')[0]
    assert "Reads as spun copy." in banner.text_content() and "sl-error" in banner.get("class")
    assert banner.xpath('.//mark[@id="sl-m1-1"]')
    assert not doc.xpath("//article//mark")  # the verdict does not paint the whole article


def test_no_findings_and_unreadable_file(tmp_path):
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "ok.md").write_text("# Title\n\nThe mayor said so.\n", encoding="utf-8")
    proc = run("--format", "html", "--output", "out.html", "ok.md", "missing.txt", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    doc = lxml_html.parse(str(tmp_path / "out.html")).getroot()
    assert doc.xpath('//section[@id="sl-file-1"]//article//h1/text()') == ["Title"]
    assert "no such file" in doc.xpath('//section[@id="sl-file-2"]')[0].text_content()


# --- Any character in an article renders ------------------------------------

#: Characters XML cannot carry or a reader would not see: every C0 control
#: but tab and line breaks, DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF.
ODD = [
    *(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"),
    *(chr(c) for c in range(0x7F, 0xA0)),
    "\ud800", "\udbff", "\udc00", "\udfff", "\ufffe", "\uffff",
]


def shown(text: str) -> str:
    """How the report shows ``text``: a C0 control or DEL as its Control
    Pictures symbol, the other characters above as U+FFFD; one for one."""
    out = []
    for ch in text:
        c = ord(ch)
        if ch in ODD:
            ch = chr(0x2400 + c) if c < 0x20 else "\u2421" if c == 0x7F else "\ufffd"
        out.append(ch)
    return "".join(out)


ODD_RULES = [Pattern(id="TST950", name="across", summary="s", pattern=r"(?s)claimed.it", message="Across {match}.")]
ODD_SOURCES = {
    "html": "<h1>Head{c}line</h1><p>The mayor claimed{c}it, {c}really.</p><p title='t{c}'>Then &#{n}; it.</p>{c}",
    "markdown": "# Head{c}line\n\nThe mayor claimed{c}it, {c}really.\n\nThen it.{c}\n",
    "text": "Head{c}line\n\nThe mayor claimed{c}it, {c}really.\n\nThen it.{c}\n",
}


@pytest.mark.parametrize("fmt", sorted(ODD_SOURCES))
def test_every_odd_character_renders_visibly_without_moving_marks(fmt: str) -> None:
    linter = linter_for(ODD_RULES)
    rules = {r.id: r for r in linter.all_rules}
    for ch in ODD:
        source = ODD_SOURCES[fmt].format(c=ch, n=ord(ch))
        # Several files in one report; only the middle one has the odd character.
        results = [
            linter.lint_source("The aide claimed-it.", "a.txt", "text"),
            linter.lint_source(source, f"b.{fmt}", fmt),
            linter.lint_source("<p>The coach claimed it.</p>", "c.html", "html"),
        ]
        assert all(not r.errors for r in results), (ch, [r.errors for r in results])
        page = render(Report(files=results), {"rules": rules})
        assert not any(o in page for o in ODD), repr(ch)
        doc = lxml_html.document_fromstring(page)
        assert [len(s.xpath(".//aside//li")) for s in doc.xpath('//section[@class="sl-file"]')] == [1, 1, 1]
        article = doc.xpath('//section[@id="sl-file-2"]//article')[0].text_content()
        # HTML is read as the parser (and the finding's match) reads it: NUL as U+FFFD.
        expected = "\ufffd" if fmt == "html" and ch == "\x00" else shown(ch)
        assert expected in article and "Head" in article, repr(ch)
        for k, result in enumerate(results, 1):
            (v,) = result.violations
            marks = marks_by_finding(doc)[(f"sl-file-{k}", 1)]
            assert "".join(m.text_content() for m in marks) == shown(v.match), (ch, k)
            assert shown(v.message) in doc.get_element_by_id(f"sl-f{k}-1").text_content()


def test_control_character_in_one_file_keeps_every_report(tmp_path):
    # The reproducer: one \x01 in an HTML fragment's text made --format html
    # fail with an internal error, and no report was written for any file.
    (tmp_path / "stylelint.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "a.html").write_bytes(b"The mayor claimed \x01 victory.")
    (tmp_path / "b.md").write_text("The rival claimed it.\n", encoding="utf-8")
    proc = run("--format", "html", "--output", "out.html", "a.html", "b.md", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    doc = lxml_html.parse(str(tmp_path / "out.html")).getroot()
    assert "\u2401" in doc.xpath('//section[@id="sl-file-1"]//article')[0].text_content()
    assert len(marks_by_finding(doc)) == 2
