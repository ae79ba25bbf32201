"""The Markdown parser: what is prose, what is not, and exact offsets.

Self-contained: every block kind and inline construct is tested here in our
own words (the CommonMark spec's examples, in tests/parsers/test_commonmark_spec.py,
need ../shared).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_check import check_invariant
from workcount import executed_lines

from stylelint.model.document import Document
from stylelint.parsers import markdown
from stylelint.parsers.markdown import parse

from conftest import corpus_files, needs_shared


def prose(md: str) -> str:
    doc = parse(md)
    check_invariant(doc)
    return doc.text


def blocks(md: str) -> list[tuple[str, str]]:
    doc = parse(md)
    check_invariant(doc)
    return [(b.kind, doc.text[b.span.start : b.span.end]) for b in doc.blocks]


def span_source(doc: Document, needle: str) -> str:
    """The source a piece of prose maps to."""
    i = doc.text.index(needle)
    return doc.source[doc.offsets.to_source(i) : doc.offsets.to_source_end(i + len(needle))]


# ---------------------------------------------------------------------------
# Registration


def test_register_parsers():
    (p,) = markdown.register_parsers()
    assert p.name == "markdown"
    assert p.extensions == (".md", ".markdown", ".mdown", ".mkd")
    assert p.media_types == ("text/markdown",)
    assert p.parse is parse
    doc = p.parse("Hi *there*.", "a.md")
    assert doc.format == "markdown" and doc.path == "a.md" and doc.text == "Hi there."


def test_empty_and_blank():
    assert prose("") == ""
    assert prose("\n\n  \n") == ""
    assert parse("").blocks == []


# ---------------------------------------------------------------------------
# Front matter


def test_yaml_front_matter():
    md = '---\ntitle: "Hello, world"\ndate: 2016-03-18 13:50:00 -5\ntags:\n- a\n---\n\nBody text.\n'
    doc = parse(md)
    check_invariant(doc)
    assert doc.text == "Body text."
    assert doc.meta["title"] == "Hello, world"
    assert doc.meta["published"] == "2016-03-18"
    assert doc.meta["tags"] == ["a"]
    assert not doc.warnings


def test_yaml_front_matter_dot_closer_and_string_dates():
    doc = parse("---\ntitle: T\npubDate: 'March 5, 2021'\n...\nBody\n")
    assert doc.text == "Body" and doc.meta["published"] == "2021-03-05"
    doc = parse("---\npublished: '2014-03-19T10:14:29-04:00'\n---\nBody\n")
    assert doc.meta["published"] == "2014-03-19"
    doc = parse("---\npublish_date: 2020-02-03\n---\nBody\n")
    assert doc.meta["published"] == "2020-02-03"


def test_published_flag_does_not_pose_as_a_date():
    doc = parse("---\npublished: true\ndate: 2019-01-02\n---\nBody\n")
    assert doc.meta["published"] == "2019-01-02"
    assert doc.meta["front_matter"]["published"] is True
    assert "published" not in parse("---\npublished: false\n---\nBody\n").meta


def test_published_from_file_name_when_front_matter_has_none():
    assert (
        parse("---\ntitle: T\n---\nBody\n", "posts/2016-03-18-hello.md").meta["published"]
        == "2016-03-18"
    )
    assert "published" not in parse("Body\n", "posts/hello-2016.md").meta


def test_toml_front_matter():
    doc = parse('+++\ntitle = "Toml post"\ndate = 2021-04-05T10:00:00Z\n+++\nBody *text*.\n')
    check_invariant(doc)
    assert doc.text == "Body text."
    assert doc.meta["title"] == "Toml post" and doc.meta["published"] == "2021-04-05"


@pytest.mark.parametrize(
    "md,fmt,prose_",
    [
        ("---\ntitle: [unclosed\n---\nBody\n", "YAML", "title: [unclosed\n\nBody"),
        ("---\n- just\n- a list\n---\nBody\n", "YAML", "just\n\na list\n\nBody"),
        ("---\ndate: 2016-13-45\n---\nBody\n", "YAML", "date: 2016-13-45\n\nBody"),
        ("---\nThe mayor claimed it.\n---\nBody\n", "YAML", "The mayor claimed it.\n\nBody"),
        ('+++\ntitle = "x\n+++\nBody\n', "TOML", '+++\ntitle = "x\n+++\nBody'),
    ],
)
def test_front_matter_that_does_not_parse_is_a_warning_and_prose(md, fmt, prose_):
    # Read as Markdown: a "---" line is a rule or a setext underline, "+++" is text.
    doc = parse(md, "posts/a.md")
    check_invariant(doc)
    assert doc.text == prose_
    assert len(doc.warnings) == 1
    assert doc.warnings[0].startswith(f"line 1: the front matter does not parse as {fmt} (")
    assert doc.warnings[0].endswith("; its text is linted as prose")
    assert "title" not in doc.meta and "front_matter" not in doc.meta


def test_front_matter_warning_gives_the_problem_at_its_line_in_the_file():
    (yaml_warning,) = parse("---\ntitle: ok\ntags: [a\n---\nBody\n").warnings
    assert "(did not find expected ',' or ']' at line 4, column 1)" in yaml_warning
    (toml_warning,) = parse('+++\ntitle = "T"\ndate = \n+++\nBody\n').warnings
    assert "(Invalid value at line 3, column 8)" in toml_warning
    (list_warning,) = parse("---\n- a\n---\nBody\n").warnings
    assert "(it is a list, not a mapping)" in list_warning


def test_front_matter_warning_names_the_line_after_a_bom():
    doc = parse("\ufeff---\n: : :\n---\nBody\n")
    assert [w[:8] for w in doc.warnings] == ["line 1: "]
    assert doc.text.endswith("Body")


def test_good_front_matter_and_plain_files_have_no_warning():
    assert parse("---\ntitle: T\n---\nBody\n").warnings == []
    assert parse("---\n---\nBody\n").warnings == []  # empty front matter is front matter
    assert parse("Body\n\n---\n\nMore\n").warnings == []


def test_unclosed_front_matter_is_not_front_matter():
    doc = parse("---\ntitle: x\n")
    assert doc.meta == {} and doc.warnings == []
    assert doc.text == "title: x"


def test_front_matter_with_bom_and_crlf():
    doc = parse("\ufeff---\r\ntitle: Hi\r\n---\r\nBody line\r\nnext\r\n")
    check_invariant(doc)
    assert doc.meta["title"] == "Hi"
    assert doc.text == "Body line\r\nnext"


def test_front_matter_only_at_the_start():
    doc = parse("Intro\n\n---\ntitle: x\n---\n")
    assert doc.meta == {}


# ---------------------------------------------------------------------------
# Code


def test_fenced_code_is_not_prose():
    md = "Before\n\n```python title=x\nsecret = 1\n```\n\n~~~\nmore code\n~~~\n\nAfter\n"
    assert blocks(md) == [("paragraph", "Before"), ("paragraph", "After")]


def test_fence_needs_matching_closer_and_unclosed_runs_to_end():
    assert prose("````\ncode\n```\nstill code\n````\nAfter\n") == "After"
    assert prose("Before\n\n```\ncode\n\nnever closed\n") == "Before"
    assert prose("~~~\n```\ncode\n~~~\nAfter") == "After"


def test_fence_interrupts_paragraph():
    assert blocks("Text\n```\ncode\n```\n") == [("paragraph", "Text")]


def test_backtick_info_with_backtick_is_not_a_fence():
    assert prose("```a`b``` text") == "text"


def test_indented_code():
    assert blocks("Para\n\n    code line\n\tcode tab\n\nAfter") == [
        ("paragraph", "Para"),
        ("paragraph", "After"),
    ]


def test_indented_line_continues_a_paragraph():
    assert prose("Para one\n    continues here") == "Para one\ncontinues here"
    # Not a heading: an indented line cannot open one inside a paragraph.
    assert blocks("foo\n    # bar") == [("paragraph", "foo\n# bar")]


def test_indented_code_in_list_item():
    md = "- item\n\n        code in item\n\n  second para\n"
    assert blocks(md) == [("list_item", "item"), ("list_item", "second para")]


def test_inline_code_spans():
    assert prose("Use `ls -la` now") == "Use now"
    assert prose("A ``code with ` tick`` b") == "A b"
    assert prose("Unmatched `tick here") == "Unmatched `tick here"
    assert prose("``` not closed by ` ``") == "``` not closed by ` ``"
    assert prose("Span `across\nlines` end") == "Span end"


# ---------------------------------------------------------------------------
# Links, images, URLs


def test_inline_links_keep_text_only():
    doc = parse('[Leave a Reply](/x) and [a *b*](http://e.com/p_(q) "Title here") end.')
    check_invariant(doc)
    assert doc.text == "Leave a Reply and a b end."
    assert span_source(doc, "Leave a Reply") == "Leave a Reply"


def test_link_destination_forms():
    assert prose("[a](<url with spaces> 'title') b") == "a b"
    assert prose("[a]( /url\n  (title) ) b") == "a b"
    assert prose('[All of the\nabove.]({{ "/" | url }})') == "All of the\nabove."
    assert prose("[a] (not a link)") == "[a] (not a link)"


def test_reference_links_and_definitions():
    md = '[id]: http://x.com "Title"\n[Other Label]:\n  <http://y.com>\n\nSee [text][id], [Other label][] and [other   LABEL]. Also [nope].\n'
    assert prose(md) == "See text, Other label and other   LABEL. Also [nope]."
    # An undefined reference is no link: all of it is text, as CommonMark says.
    assert prose("[text][undefined] stays text") == "[text][undefined] stays text"


def test_reference_definition_title_on_next_line():
    assert prose('[a]: /url\n"the title"\n\nBody') == "Body"


def test_definition_cannot_interrupt_paragraph():
    assert prose("Para\n[a]: /url") == "Para\n[a]: /url"


def test_images_are_not_prose():
    assert prose("Look ![alt text](pic.png) here") == "Look here"
    assert prose("![alt](a.png)\n\nNext") == "Next"
    assert prose("[![badge](b.svg)](http://ci) Build") == "Build"
    assert prose("![ref img][pic] x\n\n[pic]: /p.png") == "x"


def test_autolinks_and_bare_urls():
    assert prose("Get ftp://ftp.example.org/file.txt or FTP.") == "Get or FTP."
    assert prose("Mail <me@example.com> or <https://x.com/a?b=c>.") == "Mail or ."
    assert prose("Go to https://example.com/path?q=1. Then") == "Go to . Then"
    assert prose("Visit www.gsa.gov, and http://a.b/c_(d) today") == "Visit , and today"
    assert prose("(see https://x.com/a)") == "(see )"
    assert prose("*https://x.com*") == ""
    assert prose("awww.com and mailto stays") == "awww.com and mailto stays"


def test_footnotes():
    md = "Claim.[^1] More[^note]. Wow![^1]\n\n[^1]: The footnote text.\n    Continued.\n\n[^note]: A note.\n"
    doc = parse(md)
    check_invariant(doc)
    assert [(b.kind, dict(b.attrs)) for b in doc.blocks] == [
        ("paragraph", {}),
        ("paragraph", {"footnote": "1"}),
        ("paragraph", {"footnote": "note"}),
    ]
    assert doc.text == "Claim. More. Wow!\n\nThe footnote text.\nContinued.\n\nA note."


def test_footnote_definitions_hold_blocks():
    md = "Text.[^a]\n\n[^a]: First paragraph.\n\n    Second paragraph.\n\n    - a list item\n"
    assert blocks(md) == [
        ("paragraph", "Text."),
        ("paragraph", "First paragraph."),
        ("paragraph", "Second paragraph."),
        ("list_item", "a list item"),
    ]
    assert parse(md).blocks[2].attrs == {"footnote": "a"}


def test_a_footnote_reference_without_definition_is_text():
    assert prose("Claim.[^none]") == "Claim.[^none]"


def test_template_tags_and_attribute_lists():
    assert prose('{% image "a.png" "Alt" %}\n\nText {{ site.title }} end') == "Text end"
    assert prose("Thanks to Jia {.font-alt-xs}") == "Thanks to Jia"
    assert prose("# Heading {#anchor}") == "Heading"
    assert prose("Set {a, b} stays") == "Set {a, b} stays"
    assert prose("Para\n{: .lead}\n") == "Para"


def test_template_tags_are_read_before_markdown():
    # As Jekyll and Eleventy expand them first: a tag is one opaque word.
    assert prose("[the post]({{ site.baseurl }}/2016/a.html) end") == "the post end"
    assert prose("{% include figure.html caption=\"*a* | b\" %} after") == "after"
    assert prose("{% include x.html\n- not a list %}\nnext") == "next"
    doc = parse("A {{ x }} B {%raw%}C{%endraw%} D")
    check_invariant(doc)
    assert doc.text == "A B C D"
    assert span_source(doc, "B C") == "B {%raw%}C"


def test_unclosed_template_tags_stay_text():
    assert prose("A {{ b and {% c") == "A {{ b and {% c"
    assert prose("a {{ b\n\nc }} d") == "a {{ b\n\nc }} d"  # a tag does not cross a blank line
    assert prose("a {{ b\r\nc }} d\r\n") == "a d"


# ---------------------------------------------------------------------------
# HTML


def test_inline_elements_read_as_the_html_parser_reads_them():
    # <kbd> and <samp> hold prose, <del> and <code> do not, as in an HTML file.
    assert prose("Press <kbd>Ctrl</kbd>, see <samp>Done</samp>; <del>gone</del> <code>c</code> end") == (
        "Press Ctrl, see Done; end"
    )
    assert prose("Unclosed <code>tag keeps its text") == "Unclosed tag keeps its text"
    assert prose("<code>a <code>b</code> c</code> d") == "d"


def test_inline_html_tags_removed_text_kept():
    assert prose('A <span class="x">styled</span> word<br>next') == "A styled word next"
    assert prose("service.<br>\nB) more") == "service.\nB) more"
    assert prose("a < b and c > d") == "a < b and c > d"
    assert prose("Inline <code>x = 1</code> code") == "Inline code"
    assert prose("one<p>two</p>three") == "one two three"
    doc = parse("<b>bold</b>ly")  # an inline tag inside a word joins its pieces
    check_invariant(doc, words=False)
    assert doc.text == "boldly"


def test_tag_attributes_with_template_values():
    md = '<img src="{{ "/assets/x.gif" | url }}" alt="Screen: Home" />\n\nAfter'
    assert prose(md) == "After"


def test_html_blocks():
    md = '<div class="align-center">\n  <img alt="A" src="a.jpg" />\n</div>\n\nAfter'
    assert blocks(md) == [("paragraph", "After")]
    md = '<p style="x"><strong>At 18F, we</strong> built <a href="https://c.gov">c</a>, a\nshipyard</p>\n'
    assert prose(md) == "At 18F, we built c, a\nshipyard"


def test_html_block_structure_becomes_blocks():
    md = "<figure>\n<img src=a.png>\n<figcaption>A caption</figcaption>\n</figure>\n<h2>Sub</h2>\n<ul><li>One</li><li>Two</li></ul>"
    assert blocks(md) == [
        ("caption", "A caption"),
        ("heading", "Sub"),
        ("list_item", "One"),
        ("list_item", "Two"),
    ]


def test_html_block_keeps_markdown_literal_like_commonmark():
    assert prose("<div>\n*not emphasis*\n</div>") == "*not emphasis*"
    assert prose("<div>\n\n*emphasis*\n\n</div>") == "emphasis"


def test_raw_text_html_blocks_are_excluded():
    assert prose("<script>\nvar zq = 1;\n\nstill\n</script>\nAfter\n\nNext") == "After\n\nNext"
    # Text after the closing tag, on its line, belongs to the HTML block: it is prose.
    assert blocks("<script>var zq;</script> after it\nnext") == [
        ("paragraph", "after it"),
        ("paragraph", "next"),
    ]
    assert prose("<pre>\ncode\n</pre>\n\nNext") == "Next"
    assert prose("<style>p {}</style>\n\nNext") == "Next"


def test_html_comments():
    assert prose("Text <!-- hidden --> more") == "Text more"
    assert prose("A\n\n<!--\nmulti\n\nline\n-->\n\nB") == "A\n\nB"
    assert prose("<!-- c --> trailing words") == "trailing words"
    assert prose("Para <!-- spans\nlines --> end") == "Para end"


def test_html_blocks_inside_containers_take_their_kind():
    doc = parse("> <div>\n> quoted *html*\n> </div>\n\n- <p>item html</p>\n")
    check_invariant(doc)
    assert [(b.kind, doc.text[b.span.start : b.span.end]) for b in doc.blocks] == [
        ("blockquote", "quoted *html*"),
        ("list_item", "item html"),
    ]
    assert doc.source[doc.offsets.to_source(0) : doc.offsets.to_source_end(13)] == "quoted *html*"


def test_html_block_offsets_skip_container_markers():
    doc = parse("> <p>one\n> two &amp; three</p>\n")
    check_invariant(doc)
    assert doc.text == "one\ntwo & three"
    i = doc.text.index("two")
    assert doc.source[doc.offsets.to_source(i) : doc.offsets.to_source_end(i + 3)] == "two"
    assert span_source(doc, "&") == "&amp;"


def test_html_blocks_mark_headlines_and_levels():
    assert blocks("<h1>Title</h1>\n\n# Second\n") == [("headline", "Title"), ("heading", "Second")]
    doc = parse("<h3>Sub</h3>\n")
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].attrs["level"] == "3"


def test_processing_instructions_declarations_cdata():
    assert prose("<?php echo 1; ?>\n\n<!DOCTYPE html>\n\n<![CDATA[x]]>\n\nText") == "Text"


# ---------------------------------------------------------------------------
# Emphasis, escapes, entities


def test_emphasis_markers_removed():
    doc = parse("He *said* it **loud** and _quiet_ __now__ ~~gone~~ ***both***.")
    check_invariant(doc)
    assert doc.text == "He said it loud and quiet now gone both."
    assert span_source(doc, "said") == "said"
    assert span_source(doc, "said it loud") == "said* it **loud"


def test_emphasis_is_not_stripped_when_not_markup():
    assert prose("snake_case and file_name_here") == "snake_case and file_name_here"
    assert (
        prose("`__init__` but __init__ is strong, as in CommonMark")
        == "but init is strong, as in CommonMark"
    )
    assert prose("5 * 3 = 15 and 2*x") == "5 * 3 = 15 and 2*x"
    assert prose("unclosed *emphasis here") == "unclosed *emphasis here"
    assert prose("**bold *nested* text**") == "bold nested text"


def test_emphasis_follows_commonmark_delimiter_rules():
    assert prose("*foo**bar**baz*") == "foobarbaz"  # the rule of three
    assert prose("*foo**bar*") == "foo**bar"
    assert prose("*[a*](b)") == "*a*"  # a link binds tighter than emphasis
    assert prose("[a *b](c) d*") == "a *b d*"
    assert prose("**a** b*** c") == "a b*** c"


def test_strikethrough():
    doc = parse("~~gone~~ and ~one~ but ~~~three~~~ and a ~ b")
    check_invariant(doc)
    assert doc.text == "gone and one but ~~~three~~~ and a ~ b"
    assert span_source(doc, "gone and one") == "gone~~ and ~one"


def test_emphasis_across_lines():
    assert prose("Start *emph\ncontinues* end") == "Start emph\ncontinues end"


def test_backslash_escapes():
    doc = parse(r"Not \*emph\* and \[brackets\] \\ and \a and C:\path")
    check_invariant(doc)
    assert doc.text == r"Not *emph* and [brackets] \ and \a and C:\path"
    i = doc.text.index("*")
    assert doc.source[doc.offsets.to_source(i) : doc.offsets.to_source_end(i + 1)] == r"\*"


def test_hard_line_break_backslash():
    assert prose("line one\\\nline two") == "line one\nline two"


def test_entities():
    doc = parse("AT&amp;T&#8217;s caf&eacute; &#x2014; &copy; &bogus; & &amp")
    check_invariant(doc)
    assert doc.text == "AT&T’s café — © &bogus; & &amp"
    i = doc.text.index("’")
    assert doc.source[doc.offsets.to_source(i) : doc.offsets.to_source_end(i + 1)] == "&#8217;"


def test_non_ascii_text_maps_exactly():
    doc = parse("# Café 😀\n\nNaïve *ñandú* [链接](u) 中文 — “quoted” 𝔘𝔫𝔦\n")
    check_invariant(doc)
    assert doc.text == "Café 😀\n\nNaïve ñandú 链接 中文 — “quoted” 𝔘𝔫𝔦"
    for word in ("😀", "ñandú", "链接", "“quoted”", "𝔘𝔫𝔦"):
        assert span_source(doc, word) == word


def test_byte_offsets_read_backwards_too():
    text = "aé😀b中c"
    chars = markdown._CharOffsets(text, 10)
    expect = {len(text[:i].encode("utf-8")): i + 10 for i in range(len(text) + 1)}
    for b in sorted(expect, reverse=True):  # backwards: the index answers
        assert chars(b) == expect[b]
    for b in sorted(expect):
        assert chars(b) == expect[b]


def test_nul_and_lone_surrogates_keep_their_offsets():
    doc = parse("a\x00b and \ud800 c *d*")
    check_invariant(doc)
    assert doc.text.endswith("c d")
    assert span_source(doc, "d") == "d"


def test_entities_in_html_block_and_newline_entities():
    assert prose("<p>Tom &amp; Jerry</p>") == "Tom & Jerry"
    assert "\n\n" not in prose("a&#10;&#10;b")


# ---------------------------------------------------------------------------
# Blocks


def test_atx_headings():
    md = (
        "# Title #\n\n## Sub ##\n\n### Third\n\n#NotHeading\n\n####### seven\n\n# Another h1\n\n#\n"
    )
    assert blocks(md) == [
        ("headline", "Title"),
        ("heading", "Sub"),
        ("heading", "Third"),
        ("paragraph", "#NotHeading"),
        ("paragraph", "####### seven"),
        ("heading", "Another h1"),
    ]
    doc = parse("## Sub\n")
    assert dict(doc.blocks[0].attrs) == {"level": "2"}


def test_atx_heading_keeps_inner_hashes():
    assert prose("# C# and F#\n") == "C# and F#"
    assert prose("# Issue #5 ###\n") == "Issue #5"


def test_setext_headings():
    md = "Main *title*\n===\n\nSub title\nover two lines\n---\n\nText"
    assert blocks(md) == [
        ("headline", "Main title"),
        ("heading", "Sub title\nover two lines"),
        ("paragraph", "Text"),
    ]


def test_thematic_breaks():
    assert blocks("A\n\n---\n\n* * *\n\n___\n\nB") == [("paragraph", "A"), ("paragraph", "B")]


def test_paragraph_lines_keep_real_newlines():
    doc = parse("one two\nthree four\n\nnext para")
    assert doc.text == "one two\nthree four\n\nnext para"
    assert [b.kind for b in doc.blocks] == ["paragraph", "paragraph"]


def test_blockquotes():
    md = "> Quoted line\n> goes *on*\nlazy line\n\n> > nested\n> back\n"
    doc = parse(md)
    check_invariant(doc)
    assert [(b.kind, doc.text[b.span.start : b.span.end]) for b in doc.blocks] == [
        ("blockquote", "Quoted line\ngoes on\nlazy line"),
        ("blockquote", "nested\nback"),
    ]
    assert ">" not in doc.text


def test_blockquote_paragraphs_and_headings():
    assert blocks(">para one\n>\n> para two\n> # Head") == [
        ("blockquote", "para one"),
        ("blockquote", "para two"),
        ("headline", "Head"),
    ]


def test_lists():
    md = "- one\n  continued\n* two\n+ three\n\n1. first\n2) second\n10. tenth\n   more\n"
    assert blocks(md) == [
        ("list_item", "one\ncontinued"),
        ("list_item", "two"),
        ("list_item", "three"),
        ("list_item", "first"),
        ("list_item", "second"),
        ("list_item", "tenth\nmore"),
    ]


def test_list_details():
    # Loose items with several paragraphs, wide markers, lazy lines, nesting, task boxes.
    md = "-   wide marker\n    text\n\n    second para\n- lazy\ncontinuation\n- outer\n  - inner\n- [ ] task\n- [x] done\n"
    assert blocks(md) == [
        ("list_item", "wide marker\ntext"),
        ("list_item", "second para"),
        ("list_item", "lazy\ncontinuation"),
        ("list_item", "outer"),
        ("list_item", "inner"),
        ("list_item", "task"),
        ("list_item", "done"),
    ]


def test_list_cannot_interrupt_paragraph_unless_it_starts_at_one():
    assert blocks("In 2016\n2015. was a year") == [("paragraph", "In 2016\n2015. was a year")]
    assert blocks("Para\n1. item") == [("paragraph", "Para"), ("list_item", "item")]
    assert blocks("Para\n-\nnext") == [("heading", "Para"), ("paragraph", "next")]


def test_list_in_blockquote():
    assert blocks("> - a\n>   b\n> - c") == [("list_item", "a\nb"), ("list_item", "c")]
    doc = parse("> - a\n> # H\n")
    assert [dict(b.attrs).get("quoted") for b in doc.blocks] == ["true", "true"]


def test_task_lists():
    doc = parse("- [ ] todo item\n- [x] done item\n  more\n- [X] Big X\n- [y] not a box\n")
    check_invariant(doc)
    assert [(b.kind, doc.text[b.span.start : b.span.end]) for b in doc.blocks] == [
        ("list_item", "todo item"),
        ("list_item", "done item\nmore"),
        ("list_item", "Big X"),
        ("list_item", "[y] not a box"),
    ]


def test_quoted_blocks_are_quotations():
    from stylelint.model.quotes import find_quotes

    doc = parse("Our words.\n\n> Their words.\n>\n> - a quoted item\n")
    spans = [doc.text[q.start : q.end] for q in find_quotes(doc.text, doc.blocks)]
    assert spans == ["Their words.", "a quoted item"]


def test_tables_keep_the_header_count_of_cells():
    doc = parse("| a | b |\n|---|---|\n| c | d | extra |\n| e |\n")
    check_invariant(doc)
    got = [(b.attrs["row"], b.attrs["column"], doc.text[b.span.start : b.span.end]) for b in doc.blocks]
    assert got == [("0", "0", "a"), ("0", "1", "b"), ("1", "0", "c"), ("1", "1", "d"), ("2", "0", "e")]


def test_table_cells_hold_inlines_and_alignment_is_markup():
    md = "Name | Note\n:--- | ---:\n*Bo* | see [it](http://x) `code` &amp; \\| pipe\n"
    doc = parse(md)
    check_invariant(doc)
    assert [doc.text[b.span.start : b.span.end] for b in doc.blocks] == ["Name", "Note", "Bo", "see it & | pipe"]
    assert all(b.kind == "table_cell" for b in doc.blocks)


def test_a_table_ends_at_a_blank_line_or_another_block():
    assert blocks("| a |\n|---|\n| b |\n\nAfter\n") == [
        ("table_cell", "a"),
        ("table_cell", "b"),
        ("paragraph", "After"),
    ]
    assert [k for k, _ in blocks("| a |\n|---|\n> quote\n")] == ["table_cell", "blockquote"]


def test_tables():
    md = "Intro\n| Name | Value |\n|:-----|------:|\n| [C2](https://x) | **24549** |\n| a \\| b | `code` |\nno pipes row\n\nAfter"
    doc = parse(md)
    check_invariant(doc)
    got = [(b.kind, dict(b.attrs), doc.text[b.span.start : b.span.end]) for b in doc.blocks]
    assert got == [
        ("paragraph", {}, "Intro"),
        ("table_cell", {"row": "0", "column": "0", "header": "true"}, "Name"),
        ("table_cell", {"row": "0", "column": "1", "header": "true"}, "Value"),
        ("table_cell", {"row": "1", "column": "0"}, "C2"),
        ("table_cell", {"row": "1", "column": "1"}, "24549"),
        ("table_cell", {"row": "2", "column": "0"}, "a | b"),
        ("table_cell", {"row": "3", "column": "0"}, "no pipes row"),
        ("paragraph", {}, "After"),
    ]
    assert "|" not in doc.text.replace("a | b", "")


def test_not_a_table_when_columns_differ():
    assert prose("| a | b |\n|---|\n") == "| a | b |\n|---|"


def test_no_double_newline_inside_blocks():
    md = "First line\n![img](a.png)\n<span></span> <span></span>\nthird line\n`code`\nlast"
    doc = parse(md)
    check_invariant(doc)
    assert doc.text == "First line\nthird line\nlast"


def test_blocks_rendering_to_nothing_leave_no_trace():
    doc = parse("A\n\n![x](y)\n\n<div>\n</div>\n\nB")
    assert doc.text == "A\n\nB" and len(doc.blocks) == 2


# ---------------------------------------------------------------------------
# Directives


def test_directives_from_comments():
    md = (
        "Intro\n\n<!-- stylelint-disable ATT001, HON -->\nText\n"
        "Inline <!-- stylelint-disable-next-line DAT --> here\n\n"
        "```\n<!-- stylelint-enable -->\n```\n\n<!--\nstylelint-enable\n-->\n<!-- ordinary -->"
    )
    doc = parse(md)
    check_invariant(doc)
    got = [(d.action, d.rules, d.line, md[d.offset : d.offset + 4]) for d in doc.directives]
    assert got == [
        ("disable", ("ATT001", "HON"), 3, "<!--"),
        ("disable-next-line", ("DAT",), 5, "<!--"),
        ("enable", (), 11, "<!--"),
    ]


def test_directives_in_html_blocks_with_prose():
    md = "Intro\n\n<div>\n<!-- stylelint-disable NUM -->\n<p>text</p>\n<!-- stylelint-enable -->\n</div>\n"
    doc = parse(md)
    assert [(d.action, d.rules, d.line, md[d.offset : d.offset + 25]) for d in doc.directives] == [
        ("disable", ("NUM",), 4, "<!-- stylelint-disable NU"),
        ("enable", (), 6, "<!-- stylelint-enable -->"),
    ]


def test_directive_lines_with_crlf_and_cr():
    for nl in ("\r\n", "\r"):
        doc = parse(f"A{nl}{nl}<!-- stylelint-disable -->{nl}B")
        assert [(d.action, d.line) for d in doc.directives] == [("disable", 3)]


# ---------------------------------------------------------------------------
# Line endings


@pytest.mark.parametrize("nl", ["\n", "\r\n", "\r"])
def test_line_endings(nl):
    md = nl.join(
        [
            "# Head",
            "",
            "Line *one*",
            "line two",
            "",
            "> quote",
            "> more",
            "",
            "- item",
            "  cont",
            "",
            "```",
            "code",
            "```",
            "End",
        ]
    )
    doc = parse(md)
    check_invariant(doc)
    assert [(b.kind, doc.text[b.span.start : b.span.end]) for b in doc.blocks] == [
        ("headline", "Head"),
        ("paragraph", f"Line one{nl}line two"),
        ("blockquote", f"quote{nl}more"),
        ("list_item", f"item{nl}cont"),
        ("paragraph", "End"),
    ]
    i = doc.text.index("line two")
    assert doc.source[doc.offsets.to_source(i) : doc.offsets.to_source_end(i + 8)] == "line two"


# ---------------------------------------------------------------------------
# Property test


_WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "said",
    "mayor",
    "city",
    "council",
    "snake_case",
    "café",
    "2024",
    "naïve",
    "😀",
]
_ALLOWED = {w for ws in _WORDS for w in re.findall(r"\w+", ws)} | {"5", "3"}
_MARK = "zq"  # every non-prose thing below contains it; the text never may


@st.composite
def _inline(draw) -> str:
    w = st.sampled_from(_WORDS)
    kind = draw(st.integers(0, 20))
    a, b = draw(w), draw(w)
    return [
        a,
        f"*{a}*",
        f"**{a} {b}**",
        f"_{a}_",
        f"~~{a}~~",
        f'[{a} {b}](http://{_MARK}url.example/x_(y) "{_MARK}title")',
        f"![{_MARK}alt]({_MARK}src.png)",
        f"`{_MARK}code {a}`",
        f"<https://{_MARK}auto.example/p>",
        f"https://{_MARK}bare.example/p?q=1",
        f"www.{_MARK}www.example",
        f'<span class="{_MARK}attr">{a}</span>',
        f"{a} <!-- {_MARK}comment {b} -->",  # at a line start it would open an HTML block
        "&amp;",
        "&#8217;",
        "caf&eacute;",
        "\\*",
        "[^1]",  # defined at the end of every document
        f"{{{{ {_MARK}template }}}}",
        f"[{a}][{_MARK}ref]",
        "5 * 3",
    ][kind]


@st.composite
def _line(draw) -> str:
    return " ".join(draw(st.lists(_inline(), min_size=1, max_size=6)))


@st.composite
def _block(draw) -> str:
    kind = draw(st.integers(0, 10))
    lines = draw(st.lists(_line(), min_size=1, max_size=3))
    if kind == 0:
        return "#" * draw(st.integers(1, 6)) + " " + lines[0]
    if kind == 1:
        return lines[0] + "\n" + draw(st.sampled_from(["===", "---"]))
    if kind in (2, 3):
        return "\n".join(lines)
    if kind == 4:
        marker = draw(st.sampled_from(["-", "*", "+", "1.", "2)"]))
        pad = " " * (len(marker) + 1)
        return "\n".join(
            f"{marker} {ln}" if n == 0 or draw(st.booleans()) else pad + ln
            for n, ln in enumerate(lines)
        )
    if kind == 5:
        return "\n".join("> " + ln for ln in lines)
    if kind == 6:
        return f"```{_MARK}lang\n{_MARK}code *x* [a](b)\n```"
    if kind == 7:
        # Eight spaces: code both at the top level and after a list item (four would
        # continue the item, as CommonMark says).
        return f"        {_MARK}indented code"
    if kind == 8:
        return f"<!--\n{_MARK}comment\n\n{_MARK}more\n-->"
    if kind == 9:
        a, b = draw(st.sampled_from(_WORDS)), draw(st.sampled_from(_WORDS))
        return f"| {a} | {b} |\n|---|:--:|\n| *{b}* | [{a}](http://{_MARK}.x) |"
    return f'[{_MARK}ref]: http://{_MARK}def.example "{_MARK}"'


@st.composite
def _document(draw) -> str:
    front = draw(
        st.sampled_from(
            [
                "",
                f"---\ntitle: {_MARK}front\ndate: 2020-01-02\n---\n",
                f'+++\ntitle = "{_MARK}front"\ndate = 2020-01-02\n+++\n',
            ]
        )
    )
    body = "\n\n".join(draw(st.lists(_block(), min_size=1, max_size=8)))
    # The reference and the footnote the inlines use are defined.
    body += f"\n\n[{_MARK}ref]: http://{_MARK}def.example\n\n[^1]: alpha"
    nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return (front + body).replace("\n", nl)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document())
def test_property_offsets_and_no_markup_leaks(md):
    doc = parse(md)
    check_invariant(doc)
    assert _MARK not in doc.text
    words = set(re.findall(r"\w+", doc.text))
    assert words <= _ALLOWED, words
    if md.startswith(("---", "+++")):
        assert doc.meta["title"] == f"{_MARK}front" and doc.meta["published"] == "2020-01-02"


# ---------------------------------------------------------------------------
# The real corpus


CORPUS_FILES = corpus_files("markdown", "*.md")


@needs_shared("corpus", "markdown")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:40])
def test_corpus(path):
    source = path.read_text(encoding="utf-8")
    doc = parse(source, str(path))
    check_invariant(doc)
    assert source.startswith("---")
    front_end = source.index("\n---", 3)
    assert doc.meta.get("title") and doc.meta.get("published")
    assert not doc.warnings
    assert doc.offsets.to_source(0) > front_end  # nothing of the front matter is prose
    assert doc.blocks and "{%" not in doc.text and "](" not in doc.text
    assert not re.search(r"https?://", doc.text)


# ---------------------------------------------------------------------------
# Speed


def _big_markdown(size: int) -> str:
    chunk = (
        "## A heading with *emphasis*\n\n"
        'Officials **said** the [city council](https://example.com/council "Council") met on Tuesday\n'
        "to discuss the `budget` &amp; taxes; see https://example.org/x or <https://e.com>.\n\n"
        "> A quoted line with _emphasis_\n> and a second line.\n\n"
        '- item one with ![img](a.png)\n  continued\n- item <span class="x">two</span>\n\n'
        "```\ncode block\n```\n\n| a | b |\n|---|---|\n| c | d |\n\n<!-- comment -->\n\n"
    )
    return chunk * (size // len(chunk) + 1)


def test_large_input_is_linear():
    # Counted, not timed: five times the input, about five times the work (not 25).
    small = executed_lines(parse, _big_markdown(40_000))
    big = executed_lines(parse, _big_markdown(200_000))
    assert big < 6 * small


# Inputs that make naive parsers quadratic, each as a function of a size n.
PATHOLOGICAL = {
    "brackets": lambda n: "[" * (4 * n),
    "emphasis": lambda n: "*a " * (4 * n),
    "backticks": lambda n: "`" * n + " x " + "``" * n,
    "comments": lambda n: "<!--" * n,
    "tags": lambda n: "<a href='" * n,
    "underscores": lambda n: "_" * (10 * n),
    "images": lambda n: "![" * (2 * n) + "](" * (2 * n),
    "nested lists": lambda n: "".join("  " * i + "- item\n" for i in range(n // 20)),
    "nested quotes": lambda n: "".join(">" * i + " q\n" for i in range(1, n // 20)),
    # The three: at n = 4,000 (the big run) 10,000 nested brackets,
    # 10,000 "*" and 50,000 ">".
    "10,000 nested brackets": lambda n: "[" * (n * 5 // 2) + "a" + "]" * (n * 5 // 2),
    "10,000 *": lambda n: "a " + "*" * (n * 5 // 2),
    "50,000 >": lambda n: ">" * (n * 25 // 2) + " quoted",
    "templates": lambda n: "{{ a " * n + "}}",
    "entities and escapes": lambda n: "&amp;\\*" * n,
    "bare URLs": lambda n: "http://a.b/ " * n,
    "URLs among entities": lambda n: "&amp; http://a.b/ {.x} " * n,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_inputs_cost_their_length(name):
    make = PATHOLOGICAL[name]
    small, big = make(1_000), make(4_000)
    check_invariant(parse(big))
    work_ratio = executed_lines(parse, big) / max(1, executed_lines(parse, small))
    assert work_ratio < 1.5 * len(big) / len(small)


def test_deeply_nested_lists_keep_every_item_and_position():
    from stylelint.interfaces.api import lint_text

    # 300 levels: each line is read at its own length (a level no longer re-measures the whole indent).
    depth = 300
    lines = ["  " * i + "- The mayor said 2 men came." for i in range(depth)]
    source = "\n".join(lines) + "\n"
    found = [(v.line, v.column, v.match) for v in lint_text(source, input_format="markdown", select=["NUM001"]).violations]
    assert found == [(i + 1, 2 * i + 18, "2") for i in range(depth)]
