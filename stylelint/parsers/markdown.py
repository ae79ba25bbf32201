"""Markdown: pulldown-cmark parses, this module turns its events into a Document.

pulldown-cmark (through pyromark) is a CommonMark parser with the GFM
extensions we read (tables, footnotes, strikethrough, task lists). It gives
every event the UTF-8 byte range of the source it came from, text included,
so each prose character is mapped back to its source character: text equal
to its source is literal, text that is not (an entity, ``&amp;``) stands for
its whole source range.

What is ours:

- front matter (YAML ``---``, TOML ``+++``) goes to ``meta``; a block that
  opens like front matter but does not parse is a warning, and its text is
  read as Markdown like the rest;
- template tags (``{{ }}``, ``{% %}``) are masked before parsing, as Jekyll
  and Eleventy expand them before Markdown does, and their text is not prose;
- what is prose: code, images, autolinks, bare URLs, footnote markers, task
  boxes and attribute lists (``{: .x}``, ``{#id}``) are not; link text is;
- HTML: inline tags are markup (the content of ``<code>``, ``<script>`` …
  is not prose, ``<br>`` and block tags separate words); an HTML block is
  read by the HTML parser, so its text is prose exactly as in an HTML file;
- blocks: headline (the first level-1 heading), heading, paragraph,
  list_item, blockquote, table_cell (attrs ``row``, ``column``, ``header``),
  caption (from HTML), footnote paragraphs (attr ``footnote``); a block inside
  a block quotation is marked ``quoted``;
- whitespace: a block neither starts nor ends with blanks, a removed
  construct between two spaces leaves one, and line breaks are the source's
  own newline characters.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from stylelint import hookimpl
from stylelint.model.document import Directive, Document, Span, TextBuilder, merge_ranges
from stylelint.model.suppression import parse_directive
from stylelint.parsers import html as _html
from stylelint.parsers.base import ParseError, Parser
from stylelint.parsers.pubdate import iso_date

try:  # Python 3.11+
    import tomllib as _toml
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as _toml  # type: ignore[no-redef]

__all__ = ["parse", "register_parsers"]

_MARKDOWN: Any = None  # the pyromark parser, made on first use (a text-only run needs none)


def _events(text: str) -> Any:
    """pulldown-cmark's ``(event, byte range)`` pairs for ``text``, with the GFM extensions we read."""
    global _MARKDOWN
    if _MARKDOWN is None:
        import pyromark

        o = pyromark.Options
        _MARKDOWN = pyromark.Markdown(
            options=o.ENABLE_TABLES | o.ENABLE_FOOTNOTES | o.ENABLE_STRIKETHROUGH | o.ENABLE_TASKLISTS
        )
    return _MARKDOWN.events_with_range(text)


# Elements whose content is not prose, and those that break text into blocks,
# as the HTML parser has them.
_SKIP_ELEMENTS = _html._SKIP
_BREAK_ELEMENTS = _html._BLOCK | {"br"}

_NEWLINE = re.compile(r"\r\n?|\n")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LONE_CR = re.compile(r"\r(?!\n)")
_TEMPLATE_OPEN = re.compile(r"\{[{%]")
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n)")
_NOT_NEWLINE = re.compile(r"[^\r\n]")
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_COMMENT = re.compile(r"<!--(?:-?>|(.*?)--!?>)", re.S)
# An HTML block of nothing but tags, comments and whitespace has no prose.
_NO_PROSE = re.compile(r"(?:\s|<[^<>]*>)*")
# Bare URLs (GFM's extended autolinks) and kramdown/Pandoc attribute lists.
_CANDIDATE = re.compile(
    r"(?<![^\s*_~(\[<>\"'])(?:https?://|ftp://|www\.)|\{(?::[^{}\n]*|[.#][\w-][^{}\n]*)\}"
)
_URL_BODY = re.compile(r"[^\s<>\]]*")
_URL_TRAILING_ENTITY = re.compile(r"&[A-Za-z0-9]+;$")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_DATE_KEYS = ("date", "published", "publish_date", "pubDate")
# Jekyll-style post names: 2016-03-18-title.md
_PATH_DATE = re.compile(r"(?<![0-9])([0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])")


# ---------------------------------------------------------------------------
# Front matter


class _FrontMatterError(ValueError):
    """Front matter that does not parse, or is not a mapping."""


def _front_matter_meta(body: str, fmt: str) -> dict[str, Any]:
    """Front matter as meta (``published`` as an ISO date, ``title``).

    :raises _FrontMatterError: when it does not parse into a mapping.
    """
    try:
        if fmt == "yaml":
            import yaml  # only front matter needs it; most runs read none

            # libyaml's loader when PyYAML has it: 20 times faster than the Python one.
            data = yaml.load(body, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        else:
            data = _toml.loads(body)
    except Exception as exc:  # YAMLError, TOMLDecodeError, bad dates (ValueError) ...
        raise _FrontMatterError(_problem(exc)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _FrontMatterError(f"it is a {type(data).__name__}, not a mapping")
    meta: dict[str, Any] = {str(k): v for k, v in data.items()}
    meta["front_matter"] = data
    meta.pop("published", None)  # reserved for the ISO date (the raw value stays in front_matter)
    for key in _DATE_KEYS:
        if key in data:
            iso = iso_date(data[key])
            if iso:
                meta["published"] = iso
                break
    title = data.get("title")
    if title is not None:
        meta["title"] = str(title)
    return meta


_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def _problem(exc: Exception) -> str:
    """What the YAML or TOML parser said, on one line, its line numbers the file's.

    The front matter's first line is the file's second: the opener is line 1.
    """
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if problem and mark is not None:  # PyYAML: 0-based marks
        return f"{problem} at line {mark.line + 2}, column {mark.column + 1}"
    text = " ".join(str(exc).split())
    if type(exc).__name__ == "TOMLDecodeError":
        return _TOML_LINE.sub(lambda m: f"at line {int(m.group(1)) + 1}, column {m.group(2)}", text)
    return f"{type(exc).__name__}: {text}"


def _front_matter(source: str, start: int) -> tuple[int, str, str] | None:
    """``(body end, body, format)`` when ``source[start:]`` opens with closed front matter."""
    first = _NEWLINE.search(source, start)
    if first is None:
        return None
    opener = source[start : first.start()].rstrip(" \t")
    if opener == "---":
        fmt, closers = "yaml", ("---", "...")
    elif opener == "+++":
        fmt, closers = "toml", ("+++",)
    else:
        return None
    line = first.end()
    while line < len(source):
        m = _NEWLINE.search(source, line)
        end = m.start() if m else len(source)
        if end - line <= 8 and source[line:end].rstrip(" \t") in closers:
            # TOML knows only LF and CRLF line ends; old-Mac CR files parse too this way.
            body = _NEWLINE.sub("\n", source[first.end() : line])
            return (m.end() if m else end), body, fmt
        if m is None:
            break
        line = m.end()
    return None


# ---------------------------------------------------------------------------
# What pulldown-cmark reads


def _mask_templates(source: str, start: int) -> tuple[str, list[tuple[int, int]]]:
    """``source[start:]`` with template tags masked, and their ``(start, end)``.

    A tag runs from ``{{`` to ``}}`` (``{%`` to ``%}``) within one block (no
    blank line between). Its characters become ``x`` (line breaks stay), so it
    parses as a word: ``[text]({{ site.url }}/x)`` is a link, and a ``*`` or
    ``|`` inside a tag is no markup. The same length keeps every offset.
    """
    text = source[start:]
    if "{" not in text:
        return text, []
    found: list[tuple[int, int]] = []
    close_at = {"{{": -2, "{%": -2}  # remembered searches keep unclosed openers linear
    blank_at = -2
    pos = 0
    for m in _TEMPLATE_OPEN.finditer(text):
        a = m.start()
        if a < pos:
            continue
        opener = m.group()
        c = close_at[opener]
        if c != -1 and c < a + 2:
            c = close_at[opener] = text.find("}}" if opener == "{{" else "%}", a + 2)
        if c < 0:
            continue
        if blank_at != -1 and blank_at < a:
            bm = _BLANK_LINE.search(text, a)
            blank_at = bm.start() if bm else -1
        if blank_at != -1 and blank_at < c:
            continue
        found.append((a, c + 2))
        pos = c + 2
    if not found:
        return text, []
    parts = []
    last = 0
    for a, b in found:
        parts.append(text[last:a])
        parts.append(_NOT_NEWLINE.sub("x", text[a:b]))
        last = b
    parts.append(text[last:])
    return "".join(parts), [(a + start, b + start) for a, b in found]


class _CharOffsets:
    """Source character offsets of the UTF-8 byte offsets of ``text`` (plus ``base``).

    pulldown-cmark reports offsets in order, so a cursor moves forward,
    decoding only the bytes it passes; should an offset ever come before the
    cursor, an index of the non-ASCII runs answers from then on.
    """

    __slots__ = ("base", "_text", "_data", "_b", "_c", "_index")

    def __init__(self, text: str, base: int) -> None:
        self.base = base
        self._text = text
        self._data = text.encode("utf-8")
        self._b = 0  # the cursor: a byte offset and its character offset
        self._c = 0
        self._index: tuple[list[int], list[int], list[int], list[str]] | None = None

    def __call__(self, b: int) -> int:
        if b >= self._b:
            if b > self._b:
                self._c += len(self._data[self._b : b].decode("utf-8", "ignore"))
                self._b = b
            return self._c + self.base
        return self._backward(b) + self.base

    def _backward(self, b: int) -> int:
        if self._index is None:
            starts, ends, chars, runs = [], [], [], []
            extra = 0
            for m in _NON_ASCII.finditer(self._text):
                run = m.group()
                size = len(run.encode("utf-8"))
                starts.append(m.start() + extra)
                ends.append(m.start() + extra + size)
                chars.append(m.start())
                runs.append(run)
                extra += size - len(run)
            self._index = (starts, ends, chars, runs)
        starts, ends, chars, runs = self._index
        k = bisect.bisect_right(starts, b) - 1
        if k < 0:
            return b
        if b >= ends[k]:
            return chars[k] + len(runs[k]) + (b - ends[k])
        return chars[k] + len(runs[k].encode("utf-8")[: b - starts[k]].decode("utf-8", "ignore"))


# ---------------------------------------------------------------------------
# Events to blocks
#
# The inline content of the open block is gathered as items, tuples in
# source order, and written out when the block ends:
#   ("T", start, end, None)   literal prose: source[start:end]
#   ("T", start, end, text)   ``text`` decoded from source[start:end] (an entity)
#   ("N", start, end)         a line break: the newline characters at start:end
#   ("X", at)                 something removed here (code, an image, a tag ...)
#   ("I", at)                 a word break with no source (<br>, a block tag)
#   ("B",)                    the end of a run of text (a link starts or ends)
#   ("K", kind, attrs)        a new block starts (HTML blocks hold several)


def _url_end(text: str, j: int) -> int:
    """End of the bare URL at ``text[j]`` with GFM's trailing-punctuation rules, or -1."""
    end = _URL_BODY.match(text, j).end()  # type: ignore[union-attr]
    unmatched = text.count(")", j, end) - text.count("(", j, end)
    while end > j:
        c = text[end - 1]
        if c in "?!.,:*_~'\"":
            end -= 1
        elif c == ")" and unmatched > 0:  # a ")" the URL did not open
            end -= 1
            unmatched -= 1
        elif c == ";":
            t = _URL_TRAILING_ENTITY.search(text, j, end)
            if not t:
                break
            end = t.start()
        else:
            break
    host = j + 4 if text[j] == "w" else text.index("//", j) + 2
    if end <= host or not text[host].isalnum():
        return -1
    return end


class _Converter:
    """Reads pulldown-cmark's events into a TextBuilder."""

    def __init__(self, source: str, masked: str, templates: list[tuple[int, int]]) -> None:
        self.source = source
        self.masked = masked  # what pulldown-cmark read, offset by ``base``
        self.base = 0
        self.templates = templates
        self._template_starts = [a for a, _ in templates]
        self.builder = TextBuilder(source)
        self.items: list[tuple[Any, ...]] = []
        self.containers: list[tuple[str, str]] = []  # ("li" | "bq" | "fn", footnote label)
        self.quoted = 0  # block quotations open
        self.heading = 0  # level of the open heading
        self.cell: dict[str, str] | None = None
        self.row = 0
        self.column = 0
        self.header = False
        self.skip = 0  # code blocks, images and autolinks open: their text is not prose
        self.links: list[bool] = []  # per open link or image: whether it is skipped
        self.html: list[tuple[int, int]] | None = None  # source ranges of the open HTML block
        self.inline_skip: list[Any] | None = None  # [tag name, first item, depth] of <code> …
        self.headline_done = False
        self.comments: list[tuple[int, str]] = []
        self.directives: list[Directive] = []
        self.approximate: list[Span] = []

    # -- events ----------------------------------------------------------

    def run(self, text: str, base: int) -> None:
        """Read the events of ``text``, which starts at source offset ``base``."""
        self.base = base
        char = (lambda b: b + base) if text.isascii() else _CharOffsets(text, base)
        masked = self.masked
        text_end = base  # where the last text event ended: a backslash before it is no escape
        for event, rng in _events(text):
            if type(event) is str:
                if event == "Rule":
                    if self.items:
                        self.flush()
                elif not self.skip:  # SoftBreak, HardBreak: the newline ends the range
                    e = char(rng["end"])
                    s = e - 1
                    if s > base and masked[s - base] == "\n" and masked[s - base - 1] == "\r":
                        s -= 1
                    if self.templates and self._in_template(s):
                        self.items.append(("X", s))  # a tag is one word, over lines too
                    else:
                        self.items.append(("N", s, e))
                continue
            key, value = next(iter(event.items()))
            if key == "Text":
                if self.skip:
                    continue
                s, e = char(rng["start"]), char(rng["end"])
                if masked.startswith(value, s - base) and len(value) == e - s:
                    if s > text_end and masked[s - base - 1] == "\\" and value[0] in _ASCII_PUNCT:
                        # A backslash escape: the character stands for both, as an entity does
                        # (a fix must not leave the backslash to escape what replaces it).
                        self.items.append(("T", s - 1, s + 1, value[0]))
                        if e > s + 1:
                            self.items.append(("T", s + 1, e, None))
                    else:
                        self.items.append(("T", s, e, None))
                else:  # an entity; a numeric newline would break the block: it reads as a space
                    self.items.append(("T", s, e, value.replace("\r", " ").replace("\n", " ")))
                text_end = e
            elif key == "Start":
                self.start(value, rng, char)
            elif key == "End":
                self.end(value)
            elif key == "Html":
                if self.html is not None:
                    self.html.append((char(rng["start"]), char(rng["end"])))
            elif key == "InlineHtml":
                if not self.skip:
                    self.inline_html(value, char(rng["start"]))
            elif not self.skip:  # Code, FootnoteReference, TaskListMarker
                self.items.append(("X", char(rng["start"])))
        if self.items:
            self.flush()

    def _in_template(self, at: int) -> bool:
        k = bisect.bisect_right(self._template_starts, at) - 1
        return k >= 0 and at < self.templates[k][1]

    def start(self, tag: Any, rng: Any, char: Any) -> None:
        """A ``Start`` event."""
        if type(tag) is str:
            if tag in ("Emphasis", "Strong", "Strikethrough"):
                return
            if self.items:
                self.flush()
            if tag == "Item":
                self.containers.append(("li", ""))
            elif tag == "TableCell":
                self.cell = {"row": str(self.row), "column": str(self.column)}
                if self.header:
                    self.cell["header"] = "true"
            elif tag == "TableHead":
                self.row, self.column, self.header = 0, 0, True
            elif tag == "TableRow":
                self.column = 0
            elif tag == "HtmlBlock":
                self.html = []
            return
        key, value = next(iter(tag.items()))
        if key == "Link" or key == "Image":
            skipped = key == "Image" or value["link_type"] in ("Autolink", "Email")
            self.links.append(skipped)
            if skipped:
                if not self.skip:
                    self.items.append(("X", char(rng["start"])))
                self.skip += 1
            elif not self.skip:
                self.items.append(("B",))
            return
        if self.items:
            self.flush()
        if key == "Heading":
            self.heading = int(value["level"][1])
        elif key == "BlockQuote":
            self.containers.append(("bq", ""))
            self.quoted += 1
        elif key == "FootnoteDefinition":
            self.containers.append(("fn", value))
        elif key == "CodeBlock":
            self.skip += 1
        elif key == "Table":
            self.row = 0

    def end(self, tag: Any) -> None:
        """An ``End`` event."""
        if type(tag) is str:
            if tag in ("Emphasis", "Strong", "Strikethrough"):
                return
            if tag == "Link" or tag == "Image":
                if self.links.pop():
                    self.skip -= 1
                elif not self.skip:
                    self.items.append(("B",))
                return
            if tag == "HtmlBlock":
                ranges, self.html = self.html, None
                if ranges:
                    self.html_block(ranges)
                    if self.items:
                        self.flush()
                return
            if self.items:
                self.flush()
            if tag == "Item" or tag == "FootnoteDefinition":
                self.containers.pop()
            elif tag == "CodeBlock":
                self.skip -= 1
            elif tag == "TableCell":
                self.cell = None
                self.column += 1
            elif tag == "TableHead":
                self.row, self.header = 1, False
            elif tag == "TableRow":
                self.row += 1
            return
        if self.items:
            self.flush()
        key = next(iter(tag))
        if key == "Heading":
            self.heading = 0
        elif key == "BlockQuote":
            self.containers.pop()
            self.quoted -= 1

    def inline_html(self, tag: str, at: int) -> None:
        """An inline tag or comment: markup, but it may hide or break the text."""
        items = self.items
        if tag.startswith("<!--"):
            if "stylelint-" in tag:
                m = _COMMENT.match(tag)
                self.comments.append((at, (m.group(1) or "") if m else tag[4:]))
            items.append(("X", at))
            return
        m = _TAG_NAME.match(tag)
        items.append(("X", at))
        if m is None:  # a declaration, a processing instruction, CDATA
            return
        closing, name = m.group(1), m.group(2).lower()
        skip = self.inline_skip
        if skip is not None:
            if name == skip[0]:
                skip[2] += -1 if closing else 1
                if skip[2] == 0:  # the element's content is not prose
                    del items[skip[1] :]
                    items.append(("X", at))
                    self.inline_skip = None
            return
        if not closing and name in _SKIP_ELEMENTS and not tag.endswith("/>"):
            self.inline_skip = [name, len(items), 1]
        elif name in _BREAK_ELEMENTS:
            items.append(("I", at))

    def html_block(self, ranges: list[tuple[int, int]]) -> None:
        """An HTML block: its prose as the HTML parser reads it."""
        base, masked = self.base, self.masked
        fragment = "".join(masked[a - base : b - base] for a, b in ranges)
        starts = []  # fragment offset where each source range starts
        n = 0
        for a, b in ranges:
            starts.append(n)
            n += b - a

        def src(i: int) -> int:
            k = max(bisect.bisect_right(starts, i) - 1, 0)
            return ranges[k][0] + (i - starts[k])

        def src_end(i: int) -> int:  # just past fragment character i - 1
            return src(i - 1) + 1 if i > 0 else ranges[0][0]

        if _NO_PROSE.fullmatch(fragment):
            if "stylelint-" in fragment:
                for m in _COMMENT.finditer(fragment):
                    if m.group(1) and "stylelint-" in m.group(1):
                        self.comments.append((src(m.start()), m.group(1)))
            return
        try:
            doc = _html.parse(fragment)
        except ParseError as exc:
            line = len(_NEWLINE.findall(self.source, 0, ranges[0][0])) + 1
            raise ParseError(f"the HTML block at line {line}: {exc}") from None
        for d in doc.directives:
            self.directives.append(Directive(d.action, d.rules, src(d.offset), 0))
        for sp in doc.approximate:
            self.approximate.append(Span(src(sp.start), src_end(sp.end)))
        items = self.items
        segments = list(doc.offsets.segments())
        k = 0
        for block in doc.blocks:
            kind, attrs = block.kind, dict(block.attrs)
            tag = attrs.get("tag", "")
            if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456":
                attrs["level"] = tag[1]
            if kind == "paragraph":
                kind, context = self.kind()
                attrs.update(context)
            elif self.quoted and kind != "blockquote":
                attrs["quoted"] = "true"
            items.append(("K", kind, attrs))
            lo, hi = block.span.start, block.span.end
            while k < len(segments) and segments[k][0] + segments[k][1] <= lo:
                k += 1
            while k < len(segments) and segments[k][0] < hi:
                t, tl, s, sl = segments[k]
                if tl == sl:  # literal: split where the source ranges (lines) join
                    a, b = max(t, lo), min(t + tl, hi)
                    i = s + (a - t)
                    stop = s + (b - t)
                    while i < stop:
                        r = bisect.bisect_right(starts, i) - 1
                        piece_end = min(stop, starts[r] + ranges[r][1] - ranges[r][0])
                        items.append(("T", src(i), src(i) + piece_end - i, None))
                        i = piece_end
                elif t >= lo and t + tl <= hi:
                    text = doc.text[t : t + tl]
                    if sl:
                        items.append(("T", src(s), src_end(s + sl), text))
                    else:  # a break the HTML parser put in (<br>)
                        at = src(s) if s < n else ranges[-1][1]
                        items.append(("T", at, at, text))
                if t + tl > hi:
                    break
                k += 1
        items.append(("K", None, None))

    # -- blocks ----------------------------------------------------------

    def kind(self) -> tuple[str, dict[str, str]]:
        """The kind and attrs of a block of prose here: the innermost container decides."""
        if self.heading:
            kind = "headline" if self.heading == 1 else "heading"
            attrs = {"level": str(self.heading)}
        elif self.cell is not None:
            kind, attrs = "table_cell", dict(self.cell)
        else:
            kind, attrs = "paragraph", {}
            for c, label in reversed(self.containers):
                if c == "li":
                    kind = "list_item"
                    break
                if c == "bq":
                    kind = "blockquote"
                    break
                if c == "fn":
                    attrs = {"footnote": label}
                    break
        if self.quoted and kind != "blockquote":
            attrs["quoted"] = "true"
        return kind, attrs

    def flush(self) -> None:
        """Write the open block's items out (callers skip the call when there are none)."""
        self.inline_skip = None  # one never closed: only its tag was markup
        items = self.items
        self.items = []
        kind, attrs = self.kind()
        self.render(self.cut(items), kind, attrs)

    def cut(self, items: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Items without template tags, bare URLs and attribute lists."""
        out: list[tuple[Any, ...]] = []
        run: list[tuple[Any, ...]] = []
        for item in items:
            if item[0] == "T":
                run.append(item)
                continue
            if run:
                self._cut_run(run, out)
                run = []
            out.append(item)
        if run:
            self._cut_run(run, out)
        return out

    def _cut_run(self, run: list[tuple[Any, ...]], out: list[tuple[Any, ...]]) -> None:
        """Append a run of text items to ``out``, without what is not prose."""
        lo, hi = run[0][1], run[-1][2]
        cuts: list[tuple[int, int]] = []
        if self.templates:
            k = bisect.bisect_right(self._template_starts, hi)
            while k > 0 and self.templates[k - 1][1] > lo:
                k -= 1
                cuts.append(self.templates[k])
        base, masked = self.base, self.masked
        region = masked[lo - base : hi - base]
        if not cuts and not ("{" in region or "://" in region or "www." in region):
            if all(d is None for _, _, _, d in run):  # an entity may decode to "{"
                out.extend(run)
                return
        texts = [masked[s - base : e - base] if d is None else d for _, s, e, d in run]
        text = "".join(texts)
        if "{" in text or "://" in text or "www." in text:
            found = []
            for m in _CANDIDATE.finditer(text):
                if m.group()[0] == "{":
                    found.append(m.span())
                else:
                    e = _url_end(text, m.start())
                    if e > 0:
                        found.append((m.start(), e))
            if found:
                offsets = []
                n = 0
                for t in texts:
                    offsets.append(n)
                    n += len(t)
                for a, b in found:
                    cuts.append((self._run_src(run, offsets, a, False), self._run_src(run, offsets, b, True)))
        if not cuts:
            out.extend(run)
            return
        cuts = merge_ranges(cuts)
        c = 0  # the first cut that does not end before the item: both move forward only
        for item in run:
            _, s, e, d = item
            while c < len(cuts) and cuts[c][1] <= s:
                c += 1
            if c == len(cuts) or cuts[c][0] >= e:
                out.append(item)
            elif d is not None:  # an entity in a cut goes whole
                out.append(("X", s))
            else:
                pos = s
                j = c
                while j < len(cuts) and cuts[j][0] < e:
                    a, b = cuts[j]
                    if a > pos:
                        out.append(("T", pos, a, None))
                    out.append(("X", max(a, pos)))
                    pos = max(pos, b)
                    j += 1
                if pos < e:
                    out.append(("T", pos, e, None))

    @staticmethod
    def _run_src(run: list[tuple[Any, ...]], offsets: list[int], i: int, is_end: bool) -> int:
        """Source offset of run-text index ``i`` (an exclusive end when ``is_end``)."""
        k = bisect.bisect_right(offsets, i - 1 if is_end and i > 0 else i) - 1
        _, s, e, d = run[max(k, 0)]
        if d is not None:
            return e if is_end else s
        return min(e, s + (i - offsets[max(k, 0)]))

    def render(self, items: list[tuple[Any, ...]], kind: str, attrs: dict[str, str]) -> None:
        """Write one block's items (several blocks for an HTML block) to the builder.

        A block opens at its first visible character, so one that renders to
        nothing (an image alone) leaves no trace. Blanks and line breaks wait
        in ``pending`` until visible text follows in the same block, so a
        block never ends in blanks nor doubles them.
        """
        b = self.builder
        source = self.source
        cur_kind, cur_attrs = kind, attrs
        is_open = False
        line_text = False  # something visible on the current line of the block
        last_ws = True  # the last character given out was whitespace
        collapse = False  # drop leading blanks: a removed construct sat between two spaces
        pending: list[tuple[Any, ...]] = []

        def show(at: int) -> None:
            """Make way for visible text at source ``at``: open the block or write the blanks."""
            nonlocal is_open, line_text
            if is_open:
                for p in pending:
                    if p[0] == "L":
                        b.literal(p[1], p[2])
                    elif p[0] == "D":
                        b.decoded(p[3], p[1], p[2])
                    else:
                        b.inserted(" ", p[1])
            else:
                k = cur_kind
                if k == "headline":
                    k = "heading" if self.headline_done else k
                    self.headline_done = True
                b.start_block(k, at, cur_attrs)
                is_open, line_text = True, False
            pending.clear()

        for item in items:
            t = item[0]
            if t == "T":
                _, x, y, d = item
                collapse_here, collapse = collapse, False
                if d is not None:
                    if d.isspace():
                        if is_open:
                            pending.append(("D", x, y, d))
                            last_ws = True
                        continue
                    show(x)
                    b.decoded(d, x, y)
                    line_text, last_ws = True, d[-1].isspace()
                    continue
                if collapse_here or not is_open:
                    while x < y and source[x] in " \t":
                        x += 1
                if x >= y:
                    collapse = collapse_here
                    continue
                if pending and pending[-1][0] == "I" and source[x] in " \t":
                    pending.pop()  # the text has its own space
                z = y
                while z > x and source[z - 1] in " \t":
                    z -= 1
                if z > x:
                    if pending or not is_open:
                        show(x)
                    b.literal(x, z)
                    line_text = True
                if z < y and is_open:
                    pending.append(("L", z, y))
                last_ws = z < y
            elif t == "N":
                if is_open and line_text:
                    # Blanks before a line break go; the break waits for more text.
                    pending[:] = [("L", item[1], item[2])]
                    last_ws = True
                line_text = collapse = False
            elif t == "X":
                collapse = not is_open or last_ws or not line_text
            elif t == "I":
                if is_open and line_text and not last_ws:
                    pending.append(("I", item[1]))
                    last_ws = True
            elif t == "K":
                if is_open:
                    b.end_block()
                    is_open = False
                pending.clear()
                cur_kind, cur_attrs = (item[1], item[2]) if item[1] is not None else (kind, attrs)
                last_ws, collapse = True, False
        if is_open:
            b.end_block()


# ---------------------------------------------------------------------------
# Entry points


def parse(source: str, path: str | None = None) -> Document:
    """Parse Markdown into a :class:`Document` whose offsets are exact.

    Front matter (YAML ``---`` or TOML ``+++``) goes to ``meta`` (with
    ``published`` as ``YYYY-MM-DD``, falling back to a Jekyll-style
    ``2016-03-18-slug.md`` file name, and ``title`` when present), never to
    ``text``; front matter that does not parse is a warning in
    ``warnings`` and is read as Markdown. HTML comments that are
    ``stylelint-*`` directives go to ``directives``. Never raises on
    malformed Markdown.
    """
    start = 1 if source.startswith("\ufeff") else 0
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    fm = _front_matter(source, start)
    if fm is not None:
        end, body, fmt = fm
        try:
            meta = _front_matter_meta(body, fmt)
            start = end
        except _FrontMatterError as exc:
            name = "YAML" if fmt == "yaml" else "TOML"
            warnings.append(
                f"line 1: the front matter does not parse as {name} ({exc}); its text is linted as prose"
            )
    masked, templates = _mask_templates(source, start)
    if _SURROGATE.search(masked):  # pulldown-cmark reads UTF-8: one U+FFFD each keeps the offsets
        masked = _SURROGATE.sub("\ufffd", masked)
    if "\r" in masked:
        # pulldown-cmark misreads a fence line ended by a lone CR (old Mac files);
        # LF in its place is the same line break at the same offset.
        masked = _LONE_CR.sub("\n", masked)
    conv = _Converter(source, masked, templates)
    conv.run(masked, start)
    if "published" not in meta and path:
        # Jekyll and Hugo take a post's date from its file name when front matter has none.
        m = _PATH_DATE.search(path.replace("\\", "/").rsplit("/", 1)[-1])
        iso = iso_date(m.group(1)) if m else None
        if iso:
            meta["published"] = iso
    doc = conv.builder.build("markdown", path, meta=meta, approximate=conv.approximate)
    doc.warnings.extend(warnings)
    directives = [(offset, body, None) for offset, body in conv.comments]
    directives.extend((d.offset, "", d) for d in conv.directives)
    for offset, body, found in sorted(directives, key=lambda x: x[0]):
        line = doc.position(offset)[0]
        if found is not None:
            doc.directives.append(Directive(found.action, found.rules, offset, line))
        else:
            directive = parse_directive(body, offset, line)
            if directive is not None:
                doc.directives.append(directive)
    return doc


@hookimpl
def register_parsers() -> list[Parser]:
    """Markdown: .md, .markdown, .mdown and .mkd files."""
    return [Parser("markdown", (".md", ".markdown", ".mdown", ".mkd"), parse, ("text/markdown",))]
