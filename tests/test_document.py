"""OffsetMap, LineIndex and Document position helpers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stylelint.model.document import LineIndex, OffsetMap, Span, TextBuilder


def test_identity_map():
    m = OffsetMap.identity(10)
    assert [m.to_source(i) for i in range(10)] == list(range(10))
    assert m.to_source_end(10) == 10
    assert m.is_exact(0, 10)


def test_entity_segment_maps_whole_entity():
    src = "Tom &amp; Jerry"
    b = TextBuilder(src)
    b.start_block("paragraph", 0)
    b.literal(0, 4)
    b.decoded("&", 4, 9)
    b.literal(9, 15)
    doc = b.build("html")
    assert doc.text == "Tom & Jerry"
    i = doc.text.index("&")
    assert doc.source_span(Span(i, i + 1)) == (4, 9)
    assert doc.source_span(Span(0, len(doc.text))) == (0, 15)
    assert doc.offsets.is_exact(i, i + 1)
    assert doc.offsets.is_exact(0, len(doc.text))


def test_inserted_separator_has_no_source():
    src = "<p>a</p><p>b</p>"
    b = TextBuilder(src)
    b.start_block("paragraph", 3)
    b.literal(3, 4)
    b.start_block("paragraph", 11)
    b.literal(11, 12)
    doc = b.build("html")
    assert doc.text == "a\n\nb"
    assert [blk.span for blk in doc.blocks] == [Span(0, 1), Span(3, 4)]
    assert doc.source_span(Span(3, 4)) == (11, 12)
    # A span across the separator runs from a's start to b's end.
    assert doc.source_span(Span(0, 4)) == (3, 12)


def test_end_of_span_does_not_swallow_closing_tag():
    src = "<b>claimed</b> it"
    b = TextBuilder(src)
    b.start_block("paragraph", 0)
    b.literal(3, 10)
    b.literal(14, 17)
    doc = b.build("html")
    assert doc.text == "claimed it"
    assert doc.source_span(Span(0, 7)) == (3, 10)


def test_segments_must_be_in_order():
    m = OffsetMap()
    m.add(0, 3, 0, 3)
    try:
        m.add(1, 2, 5, 2)
    except ValueError:
        return
    raise AssertionError("out-of-order segment accepted")


def test_line_index_counts_all_line_endings():
    li = LineIndex("a\nb\r\nc\rd")
    assert li.position(0) == (1, 1)
    assert li.position(2) == (2, 1)
    assert li.position(5) == (3, 1)
    assert li.position(7) == (4, 1)
    assert li.line_count == 4


@given(st.text(alphabet="ab \n\r\u00e9\U0001F600", max_size=60))
def test_line_index_matches_splitlines(src):
    li = LineIndex(src)
    for off in range(len(src) + 1):
        if 0 < off < len(src) and src[off - 1] == "\r" and src[off] == "\n":
            continue  # inside a CRLF pair: not a character position
        line, col = li.position(off)
        before = src[:off]
        # Count line breaks the way editors do (CRLF once).
        expected_line = before.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        assert line == expected_line
        start = li.line_start(line)
        assert col == off - start + 1


def test_block_and_quote_lookup():
    from stylelint.parsers.text import parse

    doc = parse('Headline here\n\n"Quoted words," she said.\n\nLast para.')
    assert [b.kind for b in doc.blocks] == ["headline", "paragraph", "paragraph"]
    from stylelint.model.quotes import find_quotes

    doc.quotes = find_quotes(doc.text, doc.blocks)
    i = doc.text.index("Quoted")
    assert doc.in_quote(Span(i, i + 6))
    j = doc.text.index("said")
    assert not doc.in_quote(Span(j, j + 4))
    assert doc.block_at(j).kind == "paragraph"
    assert doc.block_at(doc.text.index("\n\n")) is None


def test_merge_ranges_sorts_and_merges_overlapping_and_touching():
    from stylelint.model.document import merge_ranges

    assert merge_ranges([(10, 12), (0, 3), (2, 5), (5, 7), (20, 20)]) == [(0, 7), (10, 12), (20, 20)]
    assert merge_ranges([]) == []
