"""HTML parser: prose extraction, blocks, metadata and exact source offsets."""

from __future__ import annotations

import functools
import html
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stylelint.config.errors import ConfigError
from stylelint.model.document import Document, Span
from stylelint.parsers import html as html_parser
from stylelint.parsers.html import css_to_xpath, iso_date, parse, register_parsers

from conftest import CORPUS

HTML_CORPUS = CORPUS / "html"

# --------------------------------------------------------------------------
# Invariant helpers

_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_SKIPPED_ELEMENTS = re.compile(
    r"<(script|style|pre|code|textarea|button|title|noscript|template|select|svg|math|del"
    r"|iframe|object|video|audio|canvas|picture|map|embed|noembed|noframes|xmp|listing)\b"
    + _ATTRS
    + r">.*?</\1\s*>",
    re.S | re.I,
)
_COMMENT = re.compile(r"<!--.*?-->|<[!?][^>]*>|</(?![A-Za-z])[^>]*>", re.S)
_TAG = re.compile(r"</?[A-Za-z]" + _ATTRS + ">")


def visible(fragment: str) -> str:
    """What a reader sees of a source slice: no comments, skipped elements or tags.

    A rough, independent reading of HTML (regular expressions), good enough
    for the fragments the tests build and for sampled spans of real pages.
    """
    fragment = _COMMENT.sub("", fragment)
    fragment = _SKIPPED_ELEMENTS.sub("", fragment)
    return html.unescape(_TAG.sub("", fragment)).replace("\x00", "\ufffd")


def _replaced(c: str) -> bool:
    """Characters libxml2 turns into U+FFFD."""
    return c < " " or c == "\x7f" or "\ud800" <= c <= "\udfff"


def _decodes(raw: str, text: str) -> bool:
    if html.unescape(raw) == text:
        return True
    m = re.fullmatch(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?", raw)
    return bool(m) and len(text) == 1  # libxml2 keeps some control characters as is


def _in_approx(doc: Document, s: int, e: int) -> bool:
    return any(a.start < max(e, s + 1) and s < a.end for a in doc.approximate)


def assert_exact(doc: Document) -> None:
    """Every text character maps to the source characters that produce it.

    Literal segments match character for character (CR read as LF, control
    characters as U+FFFD); an entity segment decodes to its text; a blank
    line folded into one space maps to whitespace; inserted text is a block
    separator or a ``<br>``. Source positions never go backwards, and no
    block holds a blank line.
    """
    src, text = doc.source, doc.text
    prev_end = 0
    for t, tl, s, sl in doc.offsets.segments():
        seg = text[t : t + tl]
        if sl == 0:
            assert seg in ("\n\n", "\n"), (t, seg)
            continue
        assert s >= prev_end, f"source goes backwards at text {t}"
        prev_end = s + sl
        if _in_approx(doc, s, s + sl):
            continue
        raw = src[s : s + sl]
        if tl == sl:
            for i, (a, b) in enumerate(zip(raw, seg, strict=True)):
                assert a == b or (a == "\r" and b == "\n") or (b == "\ufffd" and _replaced(a)), (
                    f"text {t + i} {b!r} maps to source {s + i} {a!r}"
                )
        elif raw == "\r\n":
            assert seg == "\n"
        elif seg == " " and visible(raw).isspace():
            pass  # a blank line inside a block, folded
        else:
            assert raw.startswith("&") and _decodes(raw, seg), (t, raw, seg)
    for b in doc.blocks:
        assert "\n\n" not in text[b.span.start : b.span.end], b


def assert_spans(doc: Document, rng: random.Random, samples: int = 50) -> None:
    """Random exact spans inside blocks map to source that reads as the span."""
    for _ in range(samples):
        if not doc.blocks:
            return
        b = rng.choice(doc.blocks)
        i = rng.randrange(b.span.start, b.span.end)
        j = rng.randrange(i, b.span.end) + 1
        if not doc.offsets.is_exact(i, j) or doc.is_approximate(Span(i, j)):
            continue
        s, e = doc.source_span(Span(i, j))
        got = re.sub(r"\s", "", visible(doc.source[s:e]))
        assert got == re.sub(r"\s", "", doc.text[i:j]), (doc.text[i:j], doc.source[s:e])


def source_of(doc: Document, needle: str, nth: int = 0) -> str:
    """The source slice a text span maps to."""
    i = -1
    for _ in range(nth + 1):
        i = doc.text.index(needle, i + 1)
    s, e = doc.source_span(Span(i, i + len(needle)))
    return doc.source[s:e]


def blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind, doc.text[b.span.start : b.span.end]) for b in doc.blocks]


# --------------------------------------------------------------------------
# Registration and trivial input


def test_register_parsers() -> None:
    (p,) = register_parsers()
    assert p.name == "html"
    assert p.extensions == (".html", ".htm", ".xhtml")
    assert "application/xhtml+xml" in p.media_types
    assert p.parse is parse


@pytest.mark.parametrize("source", ["", "   \n\t", "<!-- only a comment -->", "<p></p>"])
def test_empty_input(source: str) -> None:
    doc = parse(source)
    assert doc.format == "html"
    assert doc.text.strip() == ""
    assert doc.blocks == []


def test_bare_text_is_a_fragment() -> None:
    doc = parse("Just some words &amp; more")
    assert doc.text == "Just some words & more"
    assert doc.meta["region"] == "fragment"
    assert blocks(doc) == [("paragraph", "Just some words & more")]
    assert_exact(doc)


# --------------------------------------------------------------------------
# Entities, inline tags, <br>, whitespace


def test_entities_map_to_whole_entity() -> None:
    src = (
        "<p>Rock &amp; roll&rsquo;s &#8217;x &#x2019;y &amp z AT&T &copy 2024 &notit; a&nbsp;b</p>"
    )
    doc = parse(src)
    assert doc.text == "Rock & roll’s ’x ’y & z AT&T © 2024 ¬it; a\xa0b"
    assert source_of(doc, "&") == "&amp;"
    assert source_of(doc, "’") == "&rsquo;"
    assert source_of(doc, "’", 1) == "&#8217;"
    assert source_of(doc, "’", 2) == "&#x2019;"
    assert source_of(doc, "&", 1) == "&amp"  # legacy, no semicolon
    assert source_of(doc, "AT&T") == "AT&T"  # not an entity: literal
    assert source_of(doc, "©") == "&copy"
    assert source_of(doc, "¬") == "&not"  # longest legacy prefix of &notit;
    assert source_of(doc, "\xa0") == "&nbsp;"
    assert source_of(doc, "roll’s") == "roll&rsquo;s"
    assert_exact(doc)


def test_numeric_edge_cases() -> None:
    doc = parse("<p>a&#150;b &#0; &#x110000; &#65 &#x41</p>")
    assert doc.text == "a–b \ufffd \ufffd A A"
    assert source_of(doc, "–") == "&#150;"
    assert_exact(doc)


def test_inline_tags_make_one_run() -> None:
    src = "<p>Leave a <b>Reply</b> now</p>"
    doc = parse(src)
    assert doc.text == "Leave a Reply now"
    assert len(doc.blocks) == 1
    i = doc.text.index("a Reply")
    s, e = doc.source_span(Span(i, i + len("a Reply")))
    assert src[s:e] == "a <b>Reply"  # ends after the "y", not after </b>
    assert doc.offsets.is_exact(i, i + 7)
    assert_exact(doc)


def test_all_inline_elements_stay_in_the_run() -> None:
    tags = "a abbr b bdi bdo cite data dfn em i kbd mark q s samp small span strong sub sup time u var font ins label".split()
    src = "<p>" + " ".join(f"<{t}>w{k}</{t}>" for k, t in enumerate(tags)) + "</p>"
    doc = parse(src)
    assert doc.text == " ".join(f"w{k}" for k in range(len(tags)))
    assert len(doc.blocks) == 1
    assert_exact(doc)


def test_wbr_and_del() -> None:
    doc = parse("<p>super<wbr>cali <del>removed</del>fragile</p>")
    assert doc.text == "supercali fragile"


def test_br_is_a_newline() -> None:
    doc = parse("<p>one<br>two<br/>three</p>")
    assert doc.text == "one\ntwo\nthree"
    assert len(doc.blocks) == 1
    inserted = [seg for seg in doc.offsets.segments() if seg[3] == 0]
    assert [doc.text[t : t + tl] for t, tl, _, _ in inserted] == ["\n", "\n"]
    assert_exact(doc)


def test_double_br_is_a_paragraph_break() -> None:
    doc = parse("<div>one<br><br>two<br>\n<br>three</div>")
    assert blocks(doc) == [("paragraph", "one"), ("paragraph", "two"), ("paragraph", "three")]
    assert_exact(doc)


def test_br_then_source_newline_is_not_a_blank_line() -> None:
    doc = parse("<p>one<br>\ntwo\n<br>three</p>")
    assert len(doc.blocks) == 1
    assert "\n\n" not in doc.text
    assert_exact(doc)


def test_newlines_inside_a_paragraph_stay() -> None:
    doc = parse("<p>one\ntwo\n  three</p>")
    assert doc.text == "one\ntwo\n  three"
    assert_exact(doc)


@pytest.mark.parametrize(
    "src",
    [
        "<p>a\n\nb</p>",
        "<p>a\n \n\t\nb</p>",
        "<p>a\n<b>\nb</b></p>",
        "<p>a\n<!-- c -->\nb</p>",
        "<p>a&nbsp;\n&nbsp;\nb</p>",
        "<p>a\r\n\r\nb</p>",
    ],
)
def test_no_blank_line_inside_a_block(src: str) -> None:
    doc = parse(src)
    assert len(doc.blocks) == 1
    assert "\n\n" not in doc.text
    assert doc.text.replace("\xa0", " ").split() == ["a", "b"]
    assert_exact(doc)


def test_folded_blank_line_maps_to_the_whitespace() -> None:
    src = "<p>a\n\nb</p>"
    doc = parse(src)
    assert doc.text == "a b"
    assert doc.source_span(Span(1, 2)) == (4, 6)


def test_block_edges_are_trimmed() -> None:
    doc = parse("<p>\n   Hello world  \n</p>")
    assert blocks(doc) == [("paragraph", "Hello world")]
    assert_exact(doc)


def test_whitespace_only_elements_make_no_block() -> None:
    doc = parse("<p>&nbsp;</p><p> </p><p>Real</p>")
    assert blocks(doc) == [("paragraph", "Real")]


# --------------------------------------------------------------------------
# CR LF, XML declaration, encodings


def test_crlf_maps_newline_to_both_characters() -> None:
    src = "<p>one\r\ntwo</p>\r\n<p>three</p>"
    doc = parse(src)
    assert doc.text == "one\ntwo\n\nthree"
    i = doc.text.index("\n")
    assert doc.source_span(Span(i, i + 1)) == (6, 8)
    assert source_of(doc, "two") == "two"
    assert source_of(doc, "one\ntwo") == "one\r\ntwo"
    assert_exact(doc)


def test_lone_cr() -> None:
    doc = parse("<p>one\rtwo</p>")
    assert doc.text == "one\ntwo"
    assert source_of(doc, "two") == "two"
    assert_exact(doc)


def test_xml_declaration() -> None:
    src = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Caf\u00e9 &amp; co\u2019s</p></body></html>'
    )
    doc = parse(src)
    assert doc.text == "Café & co’s"
    assert source_of(doc, "Café") == "Café"
    assert src.index("Café") == doc.offsets.to_source(0)
    assert_exact(doc)


def test_meta_charset_does_not_redecode() -> None:
    doc = parse('<meta charset="iso-8859-1"><p>Caf\u00e9 \u201cok\u201d</p>')
    assert doc.text == "Café “ok”"
    assert_exact(doc)


def test_bom_and_control_characters() -> None:
    doc = parse("\ufeff<p>a\x0cb\x01c\x00d</p>")
    assert doc.text == "a\x0cb\x01c\ufffdd"  # libxml2 keeps controls, replaces NUL
    assert source_of(doc, "d") == "d"
    assert_exact(doc)


# --------------------------------------------------------------------------
# Blocks


def test_block_kinds() -> None:
    src = (
        "<h1>Headline</h1><h1>Second</h1><h2>Sub</h2><h6>Small</h6>"
        "<p>Para</p><blockquote><p>Quoted</p>Loose quote</blockquote>"
        "<figure><img src=x alt='alt text'><figcaption>Fig</figcaption></figure>"
        "<ul><li>Item</li></ul><dl><dt>Term</dt><dd>Def</dd></dl>"
        "<table><caption>Cap</caption><tr><th>Head</th><td>Cell</td><td><p>In cell</p></td></tr></table>"
        "<section>Sec</section><article>Art</article><div>Div</div>"
    )
    doc = parse(src)
    assert blocks(doc) == [
        ("headline", "Headline"),
        ("heading", "Second"),
        ("heading", "Sub"),
        ("heading", "Small"),
        ("paragraph", "Para"),
        ("blockquote", "Quoted"),
        ("blockquote", "Loose quote"),
        ("caption", "Fig"),
        ("list_item", "Item"),
        ("list_item", "Term"),
        ("list_item", "Def"),
        ("caption", "Cap"),
        ("table_cell", "Head"),
        ("table_cell", "Cell"),
        ("paragraph", "In cell"),  # layout tables: a <p> stays a paragraph
        ("paragraph", "Sec"),
        ("paragraph", "Art"),
        ("paragraph", "Div"),
    ]
    assert "alt text" not in doc.text
    assert doc.text.count("\n\n") == len(doc.blocks) - 1
    assert_exact(doc)


def test_nested_blocks_and_loose_text() -> None:
    doc = parse("<div id=d class='c1 c2'>loose one<p class=x>para</p>loose <i>two</i></div>")
    assert blocks(doc) == [
        ("paragraph", "loose one"),
        ("paragraph", "para"),
        ("paragraph", "loose two"),
    ]
    attrs = [dict(b.attrs) for b in doc.blocks]
    assert attrs[0] == {"tag": "div", "class": "c1 c2", "id": "d"}
    assert attrs[1] == {"tag": "p", "class": "x", "id": ""}
    assert attrs[2]["tag"] == "div"
    assert_exact(doc)


def test_byline_and_dateline_classes() -> None:
    doc = parse(
        '<p class="byline">By Jane Doe</p><div class="article-dateline"><p>KYIV, Ukraine</p></div><p>Body</p>'
    )
    assert blocks(doc) == [
        ("byline", "By Jane Doe"),
        ("dateline", "KYIV, Ukraine"),
        ("paragraph", "Body"),
    ]


def test_headline_is_first_h1_with_text() -> None:
    doc = parse("<h2>Kicker</h2><h1>The headline</h1><p>x</p><h1>Later</h1>")
    assert [k for k, _ in blocks(doc)] == ["heading", "headline", "paragraph", "heading"]


# --------------------------------------------------------------------------
# Skipped content


MARKED = [
    "<script>var s = '<p>MARKSCRIPT</p>';</script>",
    "<style>p::after { content: 'MARKSTYLE' }</style>",
    "<noscript><p>MARKNOSCRIPT</p></noscript>",
    "<template><p>MARKTEMPLATE</p></template>",
    "<pre>MARKPRE &amp; more</pre>",
    "<code>MARKCODE()</code>",
    "<svg><text>MARKSVG</text><title>MARKSVGTITLE</title></svg>",
    "<math><mi>MARKMATH</mi></math>",
    "<iframe>MARKIFRAME</iframe>",
    "<object>MARKOBJECT</object>",
    "<select><option>MARKOPTION</option></select>",
    "<button>MARKBUTTON</button>",
    "<textarea>MARKTEXTAREA</textarea>",
    "<!-- MARKCOMMENT -->",
    "<?php echo 'MARKPI'; ?>",
    "<![CDATA[ MARKCDATA ]]>",
    '<img alt="MARKALT" src="MARKSRC.png">',
    '<a href="https://example.com/?a=1&amp;b=MARKHREF" title="MARKTITLE">link</a>',
    "<video>MARKVIDEO</video>",
    "<del>MARKDEL</del>",
]


@pytest.mark.parametrize("markup", MARKED)
def test_skipped_content(markup: str) -> None:
    doc = parse(f"<p>before {markup} after</p>")
    assert "MARK" not in doc.text
    assert doc.text.startswith("before")
    assert doc.text.endswith("after")
    assert_exact(doc)


def test_head_is_not_prose_but_title_is_meta() -> None:
    doc = parse(
        "<html><head><title>The &amp; Title</title><style>x{}</style>"
        "<script>var MARK = 1;</script></head><body><p>Body</p></body></html>"
    )
    assert doc.text == "Body"
    assert doc.meta["title"] == "The & Title"


def test_script_data_escapes() -> None:
    # "</script>" inside <!-- <script> … --> does not end the script (HTML5).
    doc = parse(
        "<p>a<script><!-- document.write('<script>MARK</script>') --></script>b</p>"
        "<p>c<script><!--></script>d</p>"
    )
    assert doc.text == "ab\n\ncd"
    assert_exact(doc)


# --------------------------------------------------------------------------
# Comments and suppression directives


def test_directives() -> None:
    src = (
        "<p>one</p>\n"
        "<!-- stylelint-disable ATT001, HON -->\n"
        "<p>two</p>\r\n"
        "<!-- stylelint-disable-next-line -->\n"
        "<p>three <!--stylelint-enable--> four</p>\n"
        "<!-- not a directive -->"
    )
    doc = parse(src)
    got = [(d.action, d.rules, d.offset, d.line) for d in doc.directives]
    assert got == [
        ("disable", ("ATT001", "HON"), src.index("<!-- stylelint-disable "), 2),
        ("disable-next-line", (), src.index("<!-- stylelint-disable-next"), 4),
        ("enable", (), src.index("<!--stylelint-enable"), 5),
    ]
    assert "stylelint" not in doc.text
    assert_exact(doc)


def test_directive_before_html_element() -> None:
    doc = parse("<!-- stylelint-disable -->\n<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert [(d.action, d.offset, d.line) for d in doc.directives] == [("disable", 0, 1)]


def test_directive_inside_script_is_not_a_comment() -> None:
    doc = parse("<script>var a = '<!-- stylelint-disable -->';</script><p>x</p>")
    assert doc.directives == []


# --------------------------------------------------------------------------
# Metadata


def test_meta() -> None:
    doc = parse(
        '<html lang="en-GB"><head><title> Big  news | Site </title>'
        '<meta name="description" content="What happened">'
        '<meta property="og:title" content="Big news">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00-05:00">'
        '<meta name="date" content="2020-01-01">'
        "</head><body><p>x</p></body></html>"
    )
    assert doc.meta["title"] == "Big news | Site"
    assert doc.meta["description"] == "What happened"
    assert doc.meta["og:title"] == "Big news"
    assert doc.meta["article:published_time"] == "2024-03-05T10:00:00-05:00"
    assert doc.meta["published"] == "2024-03-05"  # article:published_time beats date
    assert doc.meta["lang"] == "en-GB"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta itemprop="datePublished" content="2021-02-03">', "", "2021-02-03"),
        ("", '<span itemprop="datePublished" content="2021/02/04">Feb 4</span>', "2021-02-04"),
        (
            '<script type="application/ld+json">{"datePublished": "2021-02-05T00:00"}</script>',
            "",
            "2021-02-05",
        ),
        ('<meta name="pubdate" content="20210206">', "", "2021-02-06"),
        ('<meta name="DC.date.issued" content="February 7, 2021">', "", "2021-02-07"),
        ("", '<article><p>x</p><time datetime="2021-02-08">then</time></article>', "2021-02-08"),
        (
            '<meta name="date" content="2021-02-09"><meta name="pubdate" content="2021-02-10">',
            "",
            "2021-02-10",
        ),
        ('<meta name="date" content="not a date">', "", None),
    ],
)
def test_published(head: str, body: str, expected: str | None) -> None:
    doc = parse(f"<html><head>{head}</head><body>{body}<p>text</p></body></html>")
    assert doc.meta.get("published") == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:59:00Z", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Mar. 5 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


# --------------------------------------------------------------------------
# Article region and content_selector

PAGE = """<!DOCTYPE html>
<html><head><title>Storm hits coast | Daily</title></head>
<body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<header><h1>Storm hits coast</h1></header>
{main}
<footer><p>Copyright chrome</p></footer>
</body></html>"""


def test_region_article_body_and_headline() -> None:
    doc = parse(
        PAGE.format(
            main='<div itemprop="articleBody"><p>Body &amp; soul.</p></div><aside>Ad</aside>'
        )
    )
    assert doc.meta["region"] == "itemprop=articleBody+h1"
    assert blocks(doc) == [("headline", "Storm hits coast"), ("paragraph", "Body & soul.")]
    assert_exact(doc)


def test_region_largest_article() -> None:
    main = (
        "<article><p>Teaser</p></article><article><p>The long story text.</p><p>More.</p></article>"
    )
    doc = parse(PAGE.format(main=main))
    assert doc.meta["region"] == "article+h1"
    assert [t for _, t in blocks(doc)] == ["Storm hits coast", "The long story text.", "More."]
    assert_exact(doc)


@pytest.mark.parametrize(
    ("main", "region"),
    [("<main><p>Story</p></main>", "main"), ('<div role="main"><p>Story</p></div>', "role=main")],
)
def test_region_main(main: str, region: str) -> None:
    doc = parse(PAGE.format(main=main))
    assert doc.meta["region"] == region + "+h1"
    assert [t for _, t in blocks(doc)] == ["Storm hits coast", "Story"]


def test_region_body_fallback() -> None:
    doc = parse(PAGE.format(main="<div><p>Story</p></div>"))
    assert doc.meta["region"] == "body"
    assert [t for _, t in blocks(doc)] == [
        "Home",
        "World",
        "Storm hits coast",
        "Story",
        "Copyright chrome",
    ]
    assert "Daily" not in doc.text  # <title> is meta, not prose
    assert_exact(doc)


def test_regions_without_text_are_passed_over() -> None:
    main = '<meta itemprop="articleBody" content="summary"><main><p>Story</p></main>'
    doc = parse(PAGE.format(main=main))
    assert doc.meta["region"] == "main+h1"
    assert doc.text == "Storm hits coast\n\nStory"


def test_empty_region_falls_back_to_body() -> None:
    # The region has text, but only in parts that are not prose.
    page = PAGE.replace("<h1>Storm hits coast</h1>", "<h1>Daily</h1>")
    doc = parse(page.format(main="<main><script>x = 1</script><pre>code</pre></main><p>Story</p>"))
    assert doc.meta["region"] == "body"
    assert "Story" in doc.text


def test_logo_h1_is_not_the_headline() -> None:
    page = PAGE.replace("<h1>Storm hits coast</h1>", "<h1>Daily</h1>")
    doc = parse(page.format(main="<article><p>Story</p></article>"))
    assert doc.meta["region"] == "article"
    assert doc.text == "Story"


def test_fragments_use_everything() -> None:
    doc = parse("<article><p>A</p></article><p>B</p>")
    assert doc.meta["region"] == "fragment"
    assert doc.text == "A\n\nB"


def test_content_selector() -> None:
    page = PAGE.format(
        main='<div class="story body"><p>One</p></div><div class="story"><p>Two</p></div>'
    )
    doc = parse(page, content_selector="div.story")
    assert doc.meta["region"] == "selector:div.story+h1"
    assert [t for _, t in blocks(doc)] == ["Storm hits coast", "One", "Two"]
    assert_exact(doc)
    doc = parse(page, content_selector="nav li")
    assert doc.text.split() == ["Home", "World", "Storm", "hits", "coast"]


def test_content_selector_without_match_falls_back() -> None:
    doc = parse(PAGE.format(main="<main><p>Story</p></main>"), content_selector="#nothing")
    assert doc.meta["region"] == "main+h1"


def test_content_selector_on_fragment() -> None:
    doc = parse("<p>skip</p><div id=keep><p>keep</p></div>", content_selector="#keep")
    assert doc.text == "keep"


def test_content_selector_fallback_without_cssselect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lxml.cssselect", None)  # import now fails
    page = PAGE.format(
        main='<div class="a story" data-x="1"><p>One</p></div><div class="b"><p>Two</p></div>'
    )
    for selector in (
        "div.story",
        ".story",
        "div[data-x='1']",
        "body > div.story",
        "div.b, .story",
        "[data-x]",
    ):
        doc = parse(page, content_selector=selector)
        assert "One" in doc.text, selector
        assert ("Two" in doc.text) == ("div.b" in selector), selector
        assert "Copyright" not in doc.text
    with pytest.raises(ConfigError):
        parse(page, content_selector="div:not(.x)")


def test_css_to_xpath() -> None:
    assert css_to_xpath("p") == "//p"
    assert css_to_xpath("#main") == "//*[@id='main']"
    assert css_to_xpath("div.a > p") == (
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' a ')]/p"
    )
    assert (
        css_to_xpath('[itemprop="articleBody"], article')
        == "//*[@itemprop='articleBody'] | //article"
    )
    for bad in ("a + b", "p:first-child", "", "div ~ p"):
        with pytest.raises(ValueError):
            css_to_xpath(bad)


def test_invalid_selector_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        parse("<p>x</p>", content_selector="p[")


# --------------------------------------------------------------------------
# Broken markup


BROKEN = [
    "<p>unclosed <b>bold <i>both</p><p>next</p>",
    "<p>a</p></p> stray </div> end",
    "<b><i>mis</b>nested</i> text",
    "<p>1 < 2 and a<3 and x > y</p>",
    "<p class=unquoted id=x>value</p>",
    "<p class='a'>text</p <b>more</b>",
    "<p>text <a href='x>y'>link</a> after",
    "<p>dangling <b",
    "<p>dangling <!-- comment",
    "<html><body><p>a</p></body></html>after<p>tail</p>",
    "<p>a</br>b</>c</ 3>d</p>",
    "<table>loose<tr>row<td>cell</td></tr></table>",
    "<ul><li>one<li>two</ul><p>x<p>y",
    "<title>T</title><p>body</p><html><body>dup</body></html>",
    "<P>Upper</P ><DIV>CASE</div>",
    "<p>a\x00b</p>",
]


@pytest.mark.parametrize("src", BROKEN)
def test_broken_markup_aligns_exactly(src: str) -> None:
    doc = parse(src)
    assert doc.approximate == []
    assert_exact(doc)
    assert_spans(doc, random.Random(0))


def test_broken_markup_text() -> None:
    assert parse("<b><i>mis</b>nested</i> text").text == "misnested text"
    assert parse("<p>1 < 2 and a<3</p>").text == "1 < 2 and a<3"
    assert parse("<p>a</br>b</>c</p>").text == "abc"


def test_unalignable_text_is_marked_approximate(monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulate lxml repairing text into something the source does not hold.
    real = html_parser._tree
    monkeypatch.setattr(html_parser, "_tree", lambda s: real(s.replace("wOrld", "w0rld")))
    src = "<p>Hello wOrld today</p><p>Second paragraph</p>"
    doc = parse(src)
    assert doc.text == "Hello w0rld today\n\nSecond paragraph"
    assert doc.approximate
    bad = doc.text.index("0rld")
    assert doc.is_approximate(Span(bad, bad + 4))
    assert not doc.is_approximate(Span(0, 5))  # "Hello" is still exact
    second = doc.text.index("Second")
    assert not doc.is_approximate(Span(second, second + 6))
    assert source_of(doc, "Second paragraph") == "Second paragraph"
    assert_exact(doc)


# --------------------------------------------------------------------------
# Property test: random fragments keep the invariant

WORDS = [
    "Hello", "world", "it\u2019s", "don't", '"quoted"', "'single'", "caf\u00e9", "AT&T", "a < b",
    "3<4", "x > y", "\u2014", "U.S.", "1,000", "&copy 2024", "R&D;", "#1",
]  # fmt: skip
ENTITIES = [
    "&amp;", "&rsquo;", "&nbsp;", "&#8217;", "&#x2019;", "&amp", "&eacute;", "&lt;", "&gt;",
    "&quot;", "&#150;", "&ldquo;", "&rdquo;", "&hellip;", "&mdash;", "&notin;", "&not", "&#39;",
]  # fmt: skip
SPACES = [" ", " ", "\n", "\r\n", "\n\n", "\t", "  \n  "]
SKIPPED = [
    "<script>var q = '<p>MARKSCRIPT</p>';</script>",
    "<style>.MARKSTYLE { color: red }</style>",
    "<pre>MARKPRE &amp;\n\nmore</pre>",
    "<code>MARKCODE()</code>",
    "<!-- MARKCOMMENT -->",
    "<textarea>MARKTEXTAREA</textarea>",
    "<button>MARKBUTTON</button>",
    '<img alt="MARKALT" src="x.png">',
    "<noscript>MARKNOSCRIPT</noscript>",
    "<select><option>MARKOPTION</option></select>",
]
INLINE = ["b", "i", "em", "strong", "span", "small", "sub", "sup", "u", "abbr", "cite", "mark"]
STRAY = ["</p>", "</x>", "<b>", "</span>"]

atom = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ENTITIES),
    st.sampled_from(SPACES),
    st.sampled_from(SKIPPED),
    st.sampled_from(["<br>", "<br/>", "<wbr>", '<a href="/x?a=1&amp;b=2">link</a>']),
)
inline = st.recursive(
    atom,
    lambda inner: st.tuples(st.sampled_from(INLINE), st.lists(inner, min_size=1, max_size=4)).map(
        lambda t: f"<{t[0]}>{''.join(t[1])}</{t[0]}>"
    ),
    max_leaves=10,
)
run = st.lists(inline, min_size=1, max_size=6).map("".join)
block = st.one_of(
    run.map(lambda r: f"<p>{r}</p>"),
    run.map(lambda r: f"<h1>{r}</h1>"),
    run.map(lambda r: f"<h3 class='x'>{r}</h3>"),
    st.tuples(run, run, run).map(lambda t: f"<div>{t[0]}<p>{t[1]}</p>{t[2]}</div>"),
    run.map(lambda r: f"<blockquote><p>{r}</p></blockquote>"),
    st.lists(run, min_size=1, max_size=3).map(
        lambda rs: "<ul>" + "".join(f"<li>{r}</li>" for r in rs) + "</ul>"
    ),
    run.map(lambda r: f"<table><tr><td>{r}</td></tr></table>"),
    run,
    st.sampled_from(STRAY),
)
fragment = st.lists(
    st.tuples(block, st.sampled_from(["", *SPACES])).map("".join), min_size=1, max_size=8
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragment, st.randoms(use_true_random=False))
def test_random_fragments_align_exactly(src: str, rng: random.Random) -> None:
    doc = parse(src)
    assert doc.approximate == []
    assert_exact(doc)
    assert_spans(doc, rng)
    assert "MARK" not in doc.text
    # Nothing visible is lost: the prose is what a reader sees, spacing aside.
    assert re.sub(r"\s", "", doc.text) == re.sub(r"\s", "", visible(src))


GARBAGE = [
    *"<>/!-&;#abp \"'=\n\r?x1",
    "<p>",
    "</b>",
    "<!--",
    "-->",
    "&amp;",
    "<script>",
    "</script>",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(GARBAGE), max_size=40).map("".join))
def test_random_garbage_never_maps_wrongly(src: str) -> None:
    doc = parse(src)
    assert_exact(doc)


# --------------------------------------------------------------------------
# Performance


# --------------------------------------------------------------------------
# The corpus: real pages

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_page(data: bytes) -> str:
    """Decode a raw page by its ``<meta charset>`` / http-equiv, else UTF-8."""
    m = _CHARSET.search(data[:8192])
    encoding = m.group(1).decode("ascii") if m else "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


CORPUS_PAGES = sorted(HTML_CORPUS.glob("*.htm*")) if HTML_CORPUS.is_dir() else []


@functools.cache
def _corpus_doc(path: Path) -> Document:
    return parse(decode_page(path.read_bytes()), str(path))


@pytest.mark.skipif(not CORPUS_PAGES, reason="corpus/html not present")
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.name)
def test_corpus_page(path: Path) -> None:
    doc = _corpus_doc(path)
    assert_exact(doc)
    assert_spans(doc, random.Random(path.name), samples=20)
    assert doc.text.strip(), "no prose found"
    approx = sum(len(a) for a in doc.approximate)
    assert approx <= 0.01 * len(doc.source)


@pytest.mark.skipif(not CORPUS_PAGES, reason="corpus/html not present")
def test_corpus_totals() -> None:
    docs = [parse(decode_page(p.read_bytes())) for p in CORPUS_PAGES]
    with_approx = [d for d in docs if d.approximate]
    assert len(with_approx) <= len(docs) // 20
    assert sum(1 for d in docs if any(b.kind == "headline" for b in d.blocks)) >= len(docs) // 2


def test_void_embed_does_not_swallow_the_rest() -> None:
    # libxml2 nests what follows a void <embed> inside it; it must still be prose.
    doc = parse("<p>a claimed</p><embed src=x><p>b claimed</p><wbr><p>c</p>")
    assert doc.text == "a claimed\n\nb claimed\n\nc"
    assert_exact(doc)


# --- <q>: quoted speech whose marks the browser draws -------------------------


def _quoted(doc: Document) -> list[str]:
    return [doc.text[q.start : q.end] for q in doc.quotes]


def test_q_element_is_a_quotation() -> None:
    doc = parse("<p>Blinken said, <q>We <em>will</em> respond.</q> He left.</p>")
    assert _quoted(doc) == ["We will respond."]
    assert doc.in_quote(Span(doc.text.index("will"), doc.text.index("will") + 4))
    assert not doc.in_quote(Span(doc.text.index("left"), doc.text.index("left") + 4))


def test_nested_and_marked_quotations_merge_in_order() -> None:
    doc = parse("<p><q>Outer <q>inner</q> end.</q> Then “marked words” and <q>last</q>.</p>")
    assert _quoted(doc) == ["Outer inner end.", "“marked words”", "last"]
    starts = [q.start for q in doc.quotes]
    assert starts == sorted(starts)


def test_q_with_its_own_marks_is_one_quotation() -> None:
    doc = parse("<p>He said <q>“Go now,”</q> and left.</p>")
    assert _quoted(doc) == ["“Go now,”"]


def test_q_outside_the_article_adds_nothing() -> None:
    doc = parse("<html><body><nav><q>Menu quote</q></nav><article><p>He said it was over. "
                + "The talks ended on Tuesday in Geneva after three days. " * 3 + "</p></article></body></html>")
    assert "Menu quote" not in doc.text
    assert doc.quotes == []


def test_rules_about_our_wording_skip_q_text() -> None:
    from stylelint.interfaces.api import lint_text

    page = "<p>Blinken informed reporters on Friday. <q>I informed reporters on Friday that the 2 sides met.</q></p>"
    found = lint_text(page, input_format="html").violations
    inside = page.index("<q>")
    assert [v.rule_id for v in found if v.rule_id.startswith(("ATT", "NUM")) and v.offset > inside] == []
    assert any(v.rule_id == "ATT003" and v.offset < inside for v in found)


def test_html_nested_past_lxmls_limit_is_an_error_not_half_an_article():
    from stylelint.interfaces.api import lint_text

    def page(depth: int) -> str:
        return "<div>" * depth + "He said 2 men agreed." + "</div>" * depth + "<p>The mayor said 3 men came.</p>"

    read = lint_text(page(2_000), input_format="html", select=["NUM001"])
    assert [v.match for v in read.violations] == ["2", "3"] and read.exit_code() == 1
    cut = lint_text(page(3_000), input_format="html", select=["NUM001"])
    assert cut.violations == [] and cut.exit_code() == 2
    assert cut.files[0].errors == [
        "cannot read the HTML whole at line 1: excessive depth in document: 2048 (lxml's limit); not linted"
    ]
