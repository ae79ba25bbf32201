"""Direct quotations: where the speaker's words are, so our rules keep out.

Quoted speech is the speaker's, not ours: rules about our own wording skip
it. This module finds quotation spans in the prose:

- curly double quotes pair ``“`` with the next ``”``;
- straight double quotes open after a space, an opening bracket or a dash,
  or at the start of a block, and close otherwise;
- curly single quotes ``‘…’`` count when ``‘`` opens after a space and the
  ``’`` closing it is not an apostrophe inside a word; straight single quotes
  count only in headlines, where news style uses them for quotations;
- the news convention for a quote that runs across paragraphs: a paragraph
  that ends inside an open quotation carries on into the next paragraph when
  that one starts with an opening mark. A quotation left open at the end of
  a paragraph runs to that paragraph's end (a missing closing mark should not
  turn the speaker's words into ours).

The scan is one pass over each block: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stylelint.model.document import Block, Span, merge_ranges, trim_range

_MARKS = re.compile("[“”\"‘’']")
_DOUBLE = re.compile('[“”"]')
_OPENERS_BEFORE = set(" \t\n\r\xa0([{—–-/:;,")


def _opens(text: str, i: int, start: int) -> bool:
    return i == start or text[i - 1] in _OPENERS_BEFORE or text[i - 1] in "“‘\"'"


def _closes_single(text: str, i: int, end: int) -> bool:
    # ’ followed by a letter is an apostrophe (don’t, Kyiv’s).
    return i + 1 >= end or not text[i + 1].isalpha()


def find_quotes(text: str, blocks: Sequence[Block]) -> list[Span]:
    """Quotation spans (marks included) in ``text``, in order; a block in a block quotation is one whole."""
    spans: list[Span] = []
    carried = False  # the previous block ended inside an open quotation
    for block in blocks:
        if block.kind == "blockquote" or block.attrs.get("quoted"):
            # A block quotation (an embedded post, a quoted passage), and a list
            # or heading inside one, is quoted material as a whole, marks or not.
            spans.append(block.span)
            carried = False
            continue
        found, carried = _block_quotes(text, block, carried)
        spans.extend(found)
    return spans


def with_marked_quotes(text: str, found: Sequence[Span], marked: Sequence[tuple[int, int]]) -> list[Span]:
    """``found`` (from quote marks) joined with quotations the markup marks (``<q>``).

    A ``<q>`` carries no quote characters in the text (the browser draws
    them), so :func:`find_quotes` cannot see it. Spans are trimmed of edge
    whitespace, and overlapping or nested ones merge: the result stays in
    order and disjoint, as :meth:`Document.quote_at` needs.
    """
    spans = [(q.start, q.end) for q in found]
    for start, end in marked:
        start, end = trim_range(text, start, end)
        if end > start:
            spans.append((start, end))
    return [Span(a, b) for a, b in merge_ranges(spans)]


def _block_quotes(text: str, block: Block, carried: bool) -> tuple[list[Span], bool]:
    """Quotations in one block, and whether the block ends inside one.

    ``carried``: the previous block ended inside a quotation. Writers who
    forget the opening mark of a quotation's last paragraph leave a closing
    mark with no opener; then the block's start opens it.
    """
    start, end = block.span.start, block.span.end
    spans: list[Span] = []
    open_at: int | None = start if carried and _orphan_close(text, start, end) else None
    single_at: int | None = None
    headline = block.kind in ("headline", "heading")
    # Jump from quote mark to quote mark: prose between them is never read.
    for m in _MARKS.finditer(text, start, end):
        i = m.start()
        c = m.group()
        if c == "“":
            if open_at is None:
                open_at = i
        elif c == "”":
            if open_at is not None:
                spans.append(Span(open_at, i + 1))
                open_at = None
                single_at = None
        elif c == '"':
            if open_at is None and _opens(text, i, start):
                open_at = i
            elif open_at is not None:
                spans.append(Span(open_at, i + 1))
                open_at = None
                single_at = None
        elif open_at is None and single_at is None and (c == "‘" or (headline and c == "'")):
            if _opens(text, i, start):
                single_at = i
        elif open_at is None and single_at is not None and (c == "’" or (headline and c == "'")):
            if _closes_single(text, i, end):
                spans.append(Span(single_at, i + 1))
                single_at = None
    if open_at is not None:
        # Unclosed at paragraph end: the quotation runs to the end of the block
        # (and, by news convention, resumes at the next block's opening mark).
        spans.append(Span(open_at, end))
        return spans, True
    return spans, False


def _orphan_close(text: str, start: int, end: int) -> bool:
    """Whether the block's first double-quote mark closes rather than opens."""
    for m in _DOUBLE.finditer(text, start, end):
        i, c = m.start(), m.group()
        if c == "”":
            return True
        if c == "“":
            return False
        if c == '"':
            return not _opens(text, i, start)
    return False
