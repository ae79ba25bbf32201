"""The document model every parser builds and every rule reads.

A parser turns the decoded source into prose ``text`` (markup removed,
entities decoded, blocks separated by blank lines) and records, for every
piece of that text, where it came from in the source. Rules only ever see
``text``; the engine maps their spans back through :class:`OffsetMap`, so a
finding lands on the exact source characters it is about.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

#: Block kinds parsers emit. Rules scope themselves to a subset of these.
BLOCK_KINDS = (
    "headline",
    "heading",
    "paragraph",
    "blockquote",
    "caption",
    "list_item",
    "dateline",
    "byline",
    "table_cell",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range ``[start, end)`` of code-point indexes."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start



def trim_range(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` of ``text`` without whitespace at either edge (``start == end`` if all space)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` ranges sorted and merged where they overlap or touch."""
    merged: list[list[int]] = []
    for a, b in sorted(ranges):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


class Ranges:
    """Ranges merged into disjoint ones, for a containment test by bisection (no quadratic step)."""

    __slots__ = ("_starts", "_ends")

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged = merge_ranges(ranges)
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def contains(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies within one of the ranges."""
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and end <= self._ends[k]


@dataclass(frozen=True, slots=True)
class Block:
    """A prose region of the document (Vale calls these scopes)."""

    kind: str
    span: Span
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Directive:
    """An inline ``stylelint-disable``/``enable``/``disable-next-line`` comment.

    ``rules`` is empty for "all rules". ``offset`` is the source offset of the
    comment; ``line`` its 1-based source line.
    """

    action: str
    rules: tuple[str, ...]
    offset: int
    line: int


class OffsetMap:
    """Maps indexes in ``Document.text`` to indexes in ``Document.source``.

    The map is a sorted list of segments ``(text_start, text_len, src_start,
    src_len)``. A segment whose lengths agree maps character for character
    (literal prose). One whose lengths differ maps as a whole: an entity such
    as ``&amp;`` is one text character for five source characters, and a
    separator the parser inserted (``"\\n\\n"`` between blocks) has no source
    at all. Positions inside a whole-mapped segment snap to its edges, which
    is exact for single-character entities and for inserted separators.
    """

    __slots__ = ("_t", "_tl", "_s", "_sl", "_source_len")

    def __init__(self) -> None:
        self._t: list[int] = []
        self._tl: list[int] = []
        self._s: list[int] = []
        self._sl: list[int] = []
        self._source_len = 0

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a document whose text is its source."""
        m = cls()
        m.add(0, length, 0, length)
        m._source_len = length
        return m

    def add(self, text_start: int, text_len: int, src_start: int, src_len: int) -> None:
        """Append a segment; segments must be added in text order."""
        if text_len == 0:
            return
        if self._t and text_start < self._t[-1] + self._tl[-1]:
            raise ValueError("offset map segments must be added in text order")
        # Merge with the previous literal segment when contiguous in both.
        if (
            self._t
            and text_len == src_len
            and self._tl[-1] == self._sl[-1]
            and self._t[-1] + self._tl[-1] == text_start
            and self._s[-1] + self._sl[-1] == src_start
        ):
            self._tl[-1] += text_len
            self._sl[-1] += src_len
            return
        self._t.append(text_start)
        self._tl.append(text_len)
        self._s.append(src_start)
        self._sl.append(src_len)
        self._source_len = max(self._source_len, src_start + src_len)

    def set_source_length(self, length: int) -> None:
        """Record the source length, the image of the end of the text."""
        self._source_len = length

    def _segment(self, i: int) -> int:
        return bisect.bisect_right(self._t, i) - 1

    def to_source(self, i: int) -> int:
        """Source index where text character ``i`` starts."""
        k = self._segment(i)
        if k < 0:
            return self._s[0] if self._s else 0
        t, tl, s, sl = self._t[k], self._tl[k], self._s[k], self._sl[k]
        if i >= t + tl:  # in a gap after segment k: snap to its end
            return s + sl
        if tl == sl:
            return s + (i - t)
        return s

    def to_source_end(self, i: int) -> int:
        """Source index just past text character ``i - 1`` (an exclusive end)."""
        if i <= 0:
            return self.to_source(0)
        k = self._segment(i - 1)
        if k < 0:
            return self.to_source(i)
        t, tl, s, sl = self._t[k], self._tl[k], self._s[k], self._sl[k]
        if i - 1 >= t + tl:
            return s + sl
        if tl == sl:
            return s + (i - t)
        return s + sl

    def is_exact(self, start: int, end: int) -> bool:
        """True when text ``[start, end)`` maps without snapping.

        A span is exact if every segment it touches is literal or is wholly
        inside the span (an entity it covers completely).
        """
        if start >= end:
            return True
        k = max(self._segment(start), 0)
        while k < len(self._t) and self._t[k] < end:
            t, tl, sl = self._t[k], self._tl[k], self._sl[k]
            if tl != sl and sl != 0 and not (start <= t and t + tl <= end):
                return False
            k += 1
        return True

    def segments(self) -> Iterator[tuple[int, int, int, int]]:
        """Yield ``(text_start, text_len, src_start, src_len)`` segments."""
        yield from zip(self._t, self._tl, self._s, self._sl, strict=True)


_LINE_BREAK = re.compile(r"\r\n?|\n")


class LineIndex:
    """Converts source offsets to 1-based ``(line, column)`` in code points.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as editors count them.
    """

    __slots__ = ("_starts",)

    def __init__(self, source: str) -> None:
        # One regex pass: linear in the source whatever its line endings.
        starts = [0]
        starts.extend(m.end() for m in _LINE_BREAK.finditer(source))
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of source ``offset``."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return k + 1, offset - self._starts[k] + 1

    def line_start(self, line: int) -> int:
        """Source offset where 1-based ``line`` starts."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        """Number of lines (a trailing newline opens an empty last line)."""
        return len(self._starts)


@dataclass
class Document:
    """A parsed article: the source, its prose, and how they line up.

    :param source: exactly what was read (decoded).
    :param text: the prose rules see; blocks are separated by ``"\\n\\n"``.
    :param format: the parser name (``text``, ``markdown``, ``html``).
    :param offsets: maps ``text`` indexes to ``source`` indexes.
    :param blocks: prose regions, in order, each a span of ``text``.
    :param quotes: spans of direct quotation in ``text``, in order.
    :param meta: front matter, ``<title>``, ``<meta>`` and the like.
    :param directives: inline suppression comments found by the parser.
    :param approximate: source ranges (start, end) a parser could not align
        exactly; findings there are reported as approximate.
    :param warnings: problems with the input that did not stop the parser
        (front matter that does not parse), one line each, naming the line;
        they reach ``FileResult.warnings`` and are not errors.
    """

    source: str
    text: str
    format: str
    offsets: OffsetMap
    path: str | None = None
    blocks: list[Block] = field(default_factory=list)
    quotes: list[Span] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    approximate: list[Span] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Per-document memo for analyses several rules share (attribution slots,
    #: people mentioned); keys are namespaced by the module that fills them.
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _lines: LineIndex | None = field(default=None, repr=False)
    _block_starts: list[int] | None = field(default=None, repr=False)
    _quote_starts: list[int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> LineIndex:
        """Line index over the source, built on first use."""
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    @property
    def tokens(self) -> list[tuple[str, int, int]]:
        """``(normalized token, start, end)`` over ``text``, computed once.

        The phrase matcher scans these; rules that walk words may share them.
        """
        tokens = self.cache.get("tokens")
        if tokens is None:
            from stylelint.rule.matcher import tokenize

            tokens = self.cache["tokens"] = tokenize(self.text)
        return tokens

    def source_span(self, span: Span) -> tuple[int, int]:
        """Source ``(start, end)`` of a span of ``text``."""
        start = self.offsets.to_source(span.start)
        end = self.offsets.to_source_end(span.end) if span.end > span.start else start
        return start, max(start, end)

    def position(self, source_offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a source offset."""
        return self.lines.position(source_offset)

    def blocks_of(self, *kinds: str) -> Iterator[Block]:
        """Blocks of the given kinds (all blocks when none are given)."""
        for block in self.blocks:
            if not kinds or block.kind in kinds:
                yield block

    def block_at(self, index: int) -> Block | None:
        """The block containing text ``index``, or None between blocks."""
        if self._block_starts is None:
            self._block_starts = [b.span.start for b in self.blocks]
        k = bisect.bisect_right(self._block_starts, index) - 1
        if k >= 0 and index < self.blocks[k].span.end:
            return self.blocks[k]
        return None

    def quote_at(self, index: int) -> Span | None:
        """The quotation containing text ``index``, if any."""
        if self._quote_starts is None:
            self._quote_starts = [q.start for q in self.quotes]
        k = bisect.bisect_right(self._quote_starts, index) - 1
        if k >= 0 and index < self.quotes[k].end:
            return self.quotes[k]
        return None

    def in_quote(self, span: Span) -> bool:
        """True when ``span`` starts inside a direct quotation."""
        return self.quote_at(span.start) is not None

    def is_approximate(self, span: Span) -> bool:
        """True when a span's source position could not be mapped exactly."""
        if not self.offsets.is_exact(span.start, span.end):
            return True
        if not self.approximate:
            return False
        s, e = self.source_span(span)
        return any(a.start < max(e, s + 1) and s < a.end for a in self.approximate)


class TextBuilder:
    """Builds ``text`` and its :class:`OffsetMap` piece by piece.

    Parsers append literal prose with its source offset, decoded characters
    with the source range they came from, and block breaks; the builder keeps
    the two in step and records blocks.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.length = 0
        self.offsets = OffsetMap()
        self.blocks: list[Block] = []
        self._block_start: int | None = None
        self._block_part = 0
        self._block_kind = "paragraph"
        self._block_attrs: dict[str, str] = {}
        self._last_src = 0

    def literal(self, src_start: int, src_end: int) -> None:
        """Append ``source[src_start:src_end]`` verbatim."""
        if src_end <= src_start:
            return
        self._append(self.source[src_start:src_end], src_start, src_end - src_start)

    def decoded(self, text: str, src_start: int, src_end: int) -> None:
        """Append ``text`` that stands for ``source[src_start:src_end]``."""
        if text:
            self._append(text, src_start, src_end - src_start)

    def inserted(self, text: str, src_at: int) -> None:
        """Append text with no source of its own (it maps to ``src_at``)."""
        if text:
            self._append(text, src_at, 0)

    def _append(self, text: str, src_start: int, src_len: int) -> None:
        self.offsets.add(self.length, len(text), src_start, src_len)
        self.parts.append(text)
        self.length += len(text)
        self._last_src = src_start + src_len

    def start_block(self, kind: str, src_at: int, attrs: Mapping[str, str] | None = None) -> None:
        """Close any open block, separate it, and open a new one."""
        self.end_block(src_at)
        if self.length:
            self.inserted("\n\n", src_at)
        self._block_start = self.length
        self._block_part = len(self.parts)
        self._block_kind = kind
        self._block_attrs = dict(attrs or {})

    def end_block(self, src_at: int | None = None) -> None:
        """Close the open block, trimming trailing whitespace out of its span."""
        if self._block_start is None:
            return
        # Only this block's parts are joined, so closing blocks stays linear.
        base = self._block_start
        text = "".join(self.parts[self._block_part :])
        start, end = trim_range(text, 0, len(text))
        start, end = base + start, base + end
        if end > start:
            self.blocks.append(Block(self._block_kind, Span(start, end), self._block_attrs))
        self._block_start = None

    def build(self, fmt: str, path: str | None = None, **kwargs: Any) -> Document:
        """Finish: close the open block and return the Document."""
        self.end_block()
        self.offsets.set_source_length(len(self.source))
        return Document(
            source=self.source,
            text="".join(self.parts),
            format=fmt,
            offsets=self.offsets,
            path=path,
            blocks=self.blocks,
            **kwargs,
        )
