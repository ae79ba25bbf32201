"""Every finding's line:col span maps back to exactly the source text it reports.

Property tests over random plain text, Markdown and HTML, with phrases that a
test rule flags placed among entities, inline tags, links and code; and the
same check over every real page and post in the shared corpus.
"""

from __future__ import annotations

import html as htmllib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stylelint import Existence
from stylelint.model.document import LineIndex
from stylelint.model.text import normalize as text_model
from stylelint.rule.testing import linter_for

from conftest import corpus_files

PHRASES = ["claimed", "Leave a Reply", "conference call", "Kiev"]
RULE = Existence(id="TST001", name="probe", summary="s", rationale="r", source="s", terms=PHRASES, in_quotes=True)
LINTER = linter_for([RULE])

_TAG = re.compile(r"<[^>]*>")
_MD_MARKUP = re.compile(r"[*_`\[\]]|\]\([^)]*\)")


def source_slice(source: str, v) -> str:
    """The source between the reported line:col positions, checked against offsets."""
    lines = LineIndex(source)
    start = lines.line_start(v.line) + v.column - 1
    end = lines.line_start(v.end_line) + v.end_column - 1
    assert (start, end) == (v.offset, v.end_offset)
    return source[start:end]


def normalize(text: str) -> str:
    return " ".join(text.split())


def squeeze(text: str) -> str:
    return "".join(text.split())


def check_html(source: str, violations) -> None:
    for v in violations:
        if v.approximate:
            continue
        raw = _HTML_NOT_PROSE.sub("", source_slice(source, v))
        # <br> and block tags become whitespace in the prose: compare the characters.
        assert squeeze(text_model(htmllib.unescape(_TAG.sub("", raw)))) == squeeze(v.match), (raw, v.match)


def check_markdown(source: str, violations) -> None:
    for v in violations:
        raw = source_slice(source, v)
        cleaned = htmllib.unescape(re.sub(r"\]\([^)]*\)", "", raw))
        cleaned = re.sub(r"[*_`\[\]\\]|<[^>]*>", "", cleaned)
        assert normalize(text_model(cleaned)) == normalize(v.match), (raw, v.match)


_HTML_NOT_PROSE = re.compile(r"<(code|script|style|noscript|template|pre)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_MD_NOT_PROSE = re.compile(r"\A---.*?\n---|```.*?```|`[^`]*`|\]\([^)]*\)", re.S)


def assert_outside(source: str, violations, pattern: re.Pattern) -> None:
    """No finding starts inside code, script, style, comments, URLs or front matter."""
    for m in pattern.finditer(source):
        for v in violations:
            assert not (m.start() <= v.offset < m.end()), (m.group(), v.match)


words = st.sampled_from(["the", "mayor", "said", "We", "won", "Tom", "&", "Jerry", "é", "😀", "年", "Kyiv's"])
phrase = st.sampled_from(PHRASES)


@st.composite
def html_doc(draw):
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        items = []
        for _ in range(draw(st.integers(1, 8))):
            kind = draw(st.integers(0, 9))
            if kind <= 2:
                w = draw(phrase)
                if " " in w and draw(st.booleans()):
                    a, b = w.split(" ", 1)
                    tag = draw(st.sampled_from(["b", "em", "span", "a href='x'"]))
                    w = f"{a} <{tag}>{b}</{tag.split()[0]}>"
                items.append(w)
            elif kind == 3:
                items.append(draw(st.sampled_from(["&amp;", "&rsquo;", "&#8217;", "&#x201C;", "&nbsp;", "&eacute;"])))
            elif kind == 4:
                items.append(f"<code>{draw(phrase)}</code>")
            elif kind == 5:
                items.append(f"<!-- {draw(phrase)} -->")
            elif kind == 6:
                items.append("<br>")
            else:
                items.append(draw(words))
        sep = draw(st.sampled_from([" ", "\n", "\r\n", "  "]))
        block = draw(st.sampled_from(["p", "li", "h2", "blockquote", "figcaption", "div"]))
        parts.append(f"<{block}>{sep.join(items)}</{block}>")
    tail = "<script>var claimed = 'Leave a Reply';</script><style>.Kiev{}</style>"
    return draw(st.sampled_from(["", "<article>", "<html><body>"])) + "\n".join(parts) + tail


@st.composite
def md_doc(draw):
    lines = []
    if draw(st.booleans()):
        lines += ["---", f"title: {draw(phrase)}", "---", ""]
    for _ in range(draw(st.integers(1, 6))):
        items = []
        for _ in range(draw(st.integers(1, 8))):
            kind = draw(st.integers(0, 8))
            if kind <= 2:
                items.append(draw(phrase))
            elif kind == 3:
                items.append(f"[{draw(phrase)}](https://example.com/{draw(phrase).replace(' ', '-')})")
            elif kind == 4:
                items.append(f"*{draw(phrase)}*")
            elif kind == 5:
                items.append(f"`{draw(phrase)}`")
            elif kind == 6:
                items.append("&amp;")
            else:
                items.append(draw(words))
        prefix = draw(st.sampled_from(["", "# ", "> ", "- ", "1. "]))
        lines += [prefix + " ".join(items), ""]
    if draw(st.booleans()):
        lines += ["```", draw(phrase), "```", ""]
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    return nl.join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_doc())
def test_html_findings_map_back(source):
    result = LINTER.lint_source(source, None, "html")
    assert not result.errors
    check_html(source, result.violations)
    assert_outside(source, result.violations, _HTML_NOT_PROSE)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(md_doc())
def test_markdown_findings_map_back(source):
    result = LINTER.lint_source(source, None, "markdown")
    assert not result.errors
    check_markdown(source, result.violations)
    assert_outside(source, result.violations, _MD_NOT_PROSE)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(words, phrase, st.sampled_from(["\n", "\r\n", "\n\n", "  ", "\t"])), max_size=40))
def test_text_findings_map_back(items):
    source = " ".join(items)
    result = LINTER.lint_source(source, None, "text")
    for v in result.violations:
        assert normalize(source_slice(source, v)) == normalize(v.match)
        assert normalize(v.match).casefold() in [p.casefold() for p in PHRASES]


HTML_PAGES = corpus_files("html", "*.html")
MD_POSTS = corpus_files("markdown", "*.md")


def _read(path) -> str:
    from stylelint.parsers.decode import InputError, decode

    data = path.read_bytes()
    try:
        return decode(data, html=path.suffix == ".html")[0]
    except InputError:
        return data.decode("utf-8", "replace")


@pytest.mark.skipif(not HTML_PAGES, reason="corpus not present")
def test_every_finding_on_real_pages_is_exact():
    full = linter_for(None)
    checked = 0
    for path in HTML_PAGES:
        source = _read(path)
        result = full.lint_source(source, str(path), "html")
        assert not result.errors, (path.name, result.errors)
        check_html(source, result.violations)
        checked += len(result.violations)
    assert checked > 0


@pytest.mark.skipif(not MD_POSTS, reason="corpus not present")
def test_every_finding_on_real_markdown_is_exact():
    full = linter_for(None)
    for path in MD_POSTS:
        source = _read(path)
        result = full.lint_source(source, str(path), "markdown")
        assert not result.errors, (path.name, result.errors)
        check_markdown(source, result.violations)
