"""Quotation spans: straight, curly, single in headlines, across paragraphs."""

from __future__ import annotations

import pytest

from stylelint.model.quotes import find_quotes
from stylelint.parsers.text import parse


def quoted(text: str) -> list[str]:
    doc = parse(text)
    return [doc.text[s.start : s.end] for s in find_quotes(doc.text, doc.blocks)]


def test_straight_and_curly_pairs():
    assert quoted('"We won," she said. “Again,” he said.') == ['"We won,"', "“Again,”"]


def test_apostrophes_are_not_quotes():
    assert quoted("Kyiv’s mayor didn’t say it. The ’90s were fine.") == []


def test_single_quotes_in_headline_only():
    assert quoted("'We won,' mayor says\n\nThe mayor's 'plan' is out.") == ["'We won,'"]
    assert quoted("‘We won,’ mayor says\n\nIt was ‘fine’, she said.") == ["‘We won,’", "‘fine’"]


def test_quote_running_across_paragraphs():
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she said."
    assert quoted(text) == ["“First paragraph of the quote.", "“Second paragraph,”"]


def test_unclosed_quote_runs_to_block_end_only():
    spans = quoted('He said "this never closes\n\nNext paragraph is ours.')
    assert spans == ['"this never closes']


def test_nested_single_inside_double():
    assert quoted('“He told me ‘no way,’ and left,” she said.') == ["“He told me ‘no way,’ and left,”"]


def test_last_paragraph_of_a_quotation_missing_its_opening_mark():
    text = "“First paragraph of the quote.\n\nSecond ends here,” she said.\n\nThen “US” is ours."
    assert quoted(text) == ["“First paragraph of the quote.", "Second ends here,”", "“US”"]


def test_orphan_closer_without_open_quote_before_is_not_a_quote():
    assert quoted("Plain paragraph.\n\nSecond ends here,” she said.") == []


def test_blockquote_blocks_are_quotations_whole():
    from stylelint.interfaces.api import lint_text

    md = "He informed the board on Friday.\n\n> I informed the board on Friday that the 2 sides met.\n> — Jane Smith\n"
    report = lint_text(md, input_format="markdown")
    inside = md.index(">")
    assert [v.rule_id for v in report.violations if v.offset >= inside and v.rule_id.startswith(("ATT", "NUM"))] == []
    assert any(v.rule_id == "ATT003" and v.offset < inside for v in report.violations)


def test_embedded_post_in_html_blockquote_is_quoted():
    from stylelint.interfaces.api import lint_text

    page = ('<article><p>Fans wrote on Dec. 27 that the 2 teams met.</p><blockquote class="twitter-tweet">'
            "<p>What a night for the 2 teams</p>— Fan (@fan) December 27, 2014</blockquote></article>")
    found = lint_text(page, input_format="html").violations
    inside = page.index("<blockquote")
    assert [v.rule_id for v in found if v.offset >= inside] == []
    assert any(v.rule_id == "NUM001" and v.offset < inside for v in found)


@pytest.mark.parametrize(("source", "fmt"), [
    ("> - The mayor said 4 men came.\n> 1. He mentioned it.\n\n- The mayor said 5 men came.\n", "markdown"),
    ("> > ## The mayor said 4 men came\n> > - He mentioned it.\n\n- The mayor said 5 men came.\n", "markdown"),
    ("<blockquote><ul><li>The mayor said 4 men came.</li><li>He mentioned it.</li></ul></blockquote>"
     "<ul><li>The mayor said 5 men came.</li></ul>", "html"),
    ("<blockquote><div><h2>4 men</h2><ol><li>He mentioned it.</li></ol></div></blockquote>"
     "<p>The mayor said 5 men came.</p>", "html"),
])
def test_lists_and_headings_inside_a_block_quotation_are_quoted(source, fmt):
    from stylelint.interfaces.api import lint_text

    found = lint_text(source, input_format=fmt, select=["NUM001", "ATT"]).violations
    assert [(v.rule_id, v.match) for v in found] == [("NUM001", "5")]
