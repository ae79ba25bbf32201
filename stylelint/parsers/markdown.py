"""Markdown: a line-oriented CommonMark/GFM scanner that keeps exact offsets.

We do not use a Markdown library: rules need every prose character mapped
back to the exact source character it came from, which renderers do not give.
Parsing runs in two passes, like CommonMark's reference design:

1. **Blocks.** Lines are matched against the open containers (blockquote
   ``>``, list items, footnote definitions), new containers are opened, and
   the rest of the line goes to a leaf: paragraph, ATX/setext heading, fenced
   or indented code, HTML block, GFM table, reference definition, thematic
   break. Prose leaves are kept as lists of per-line source ranges (container
   markers and indentation are already cut off).
2. **Inlines.** Each prose leaf's lines are joined with ``"\\n"`` into a
   small virtual string and scanned once, left to right, into tokens
   (literal, decoded, removed, newline). Code spans, link destinations,
   images, autolinks, bare URLs, raw HTML, comments, footnote markers,
   template tags (``{{ }}``, ``{% %}``) and attribute lists (``{: .x}``,
   ``{#id}``) are removed; emphasis delimiters are matched with
   per-character stacks (no CommonMark "rule of 3").

HTML blocks follow CommonMark: their content is not Markdown, but their text
is prose (tags removed, entities decoded) and block-level tags split it into
blocks (``<li>`` → list_item, ``<h2>`` → heading, ``<figcaption>`` → caption);
``<script>``, ``<style>``, ``<pre>`` and ``<textarea>`` blocks are dropped.

Tokens are then written to a :class:`~stylelint.model.document.TextBuilder`, so
literal prose maps character for character, entities and backslash escapes
map to their whole source, and line breaks inside a block are the source's
own newline characters (``\\n``, ``\\r\\n`` or ``\\r``). A block is opened
lazily at its first visible character, so leaves that render to nothing
(an image on its own line) leave no empty block behind.

Table rows become one ``table_cell`` block per cell (attrs ``row``,
``column``; ``header`` on the first row), so a finding never spans two cells.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Callable
from html.entities import html5
from typing import Any

from stylelint import hookimpl
from stylelint.model.document import Document, TextBuilder
from stylelint.model.suppression import parse_directive
from stylelint.parsers.base import Parser
from stylelint.parsers.pubdate import iso_date

try:  # Python 3.11+
    import tomllib as _toml
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as _toml  # type: ignore[no-redef]

__all__ = ["parse", "register_parsers"]

# ---------------------------------------------------------------------------
# Block-level patterns. All are used with ``pattern.match(s, pos, end)`` on
# the source, so none of them may start with ``^``.

_NEWLINE = re.compile(r"\r\n?|\n")
_ATX = re.compile(r"#{1,6}(?=[ \t]|$)")
_FENCE = re.compile(r"`{3,}|~{3,}")
_THEMATIC = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_BULLET = re.compile(r"[-+*](?=[ \t]|$)")
_ORDERED = re.compile(r"([0-9]{1,9})[.)](?=[ \t]|$)")
_TASK = re.compile(r"\[[ xX]\][ \t]+")
_FOOTDEF = re.compile(r"\[\^([^\]\s]+)\]:[ \t]*")
# A link reference definition at the start of a paragraph (its lines joined
# with "\n"): the destination and the title may each sit on the next line.
_REFDEF = re.compile(
    r"[ \t]*\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|[^\s<]\S*)"
    r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"
    r"[ \t]*(?:\n|\Z)"
)
_TABLE_DELIM = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_BLANK = re.compile(r"[ \t]*$")
_RAW_TEXT = ("script", "pre", "style", "textarea")
_HTML1 = re.compile(r"<(?:script|pre|style|textarea)(?=[\s>]|$)", re.I)
_HTML1_END = re.compile(r"</(?:script|pre|style|textarea)>", re.I)
_BLOCK_TAGS = frozenset(
    "address article aside base basefont blockquote body caption center col colgroup dd"
    " details dialog dir div dl dt fieldset figcaption figure footer form frame frameset"
    " h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav"
    " noframes ol optgroup option p param search section summary table tbody td tfoot th"
    " thead title tr track ul".split()
)
_HTML6 = re.compile(
    r"</?(" + "|".join(sorted(_BLOCK_TAGS, key=len, reverse=True)) + r")(?=[ \t>]|/>|$)", re.I
)
# End markers of HTML block types 2-5 (type 1 uses _HTML1_END; 6 and 7 end at a blank line).
_HTML_END = {2: "-->", 3: "?>", 4: ">", 5: "]]>"}
_HTML_OPENER_LEN = {1: 1, 2: 4, 3: 2, 4: 2, 5: 9}

# ---------------------------------------------------------------------------
# Inline patterns (used on a leaf's virtual string).

_URL_START = r"(?<![^\s*_~(\[<>\"'])(?:https?://|www\.)"
_SPECIAL_MD = re.compile(r"[\\`<&\[\]*_~\n]|!\[|\{[{%:.#]|" + _URL_START)
_SPECIAL_HTML = re.compile(r"[<&\n]|\{[{%]|" + _URL_START)
# kramdown / Pandoc attribute lists: {: .class}, {.class #id}, {#id}
_ATTR_LIST = re.compile(r"\{(?::[^{}\n]*|[.#][\w-][^{}\n]*)\}")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\]]*")
_URL_TRAILING_ENTITY = re.compile(r"&[A-Za-z0-9]+;$")
_ENTITY = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|([A-Za-z][A-Za-z0-9]{1,31}));")
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_FOOTREF = re.compile(r"\[\^[^\]\s]+\]")
_LABEL = re.compile(r"\[((?:[^\[\]\\]|\\.){0,999})\]", re.S)
_TAGNAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTRNAME = re.compile(r"[A-Za-z_:][A-Za-z0-9_.:-]*")
_UNQUOTED = re.compile(r"[^\s\"'=<>`]+")
_DECLARATION = re.compile(r"<![A-Za-z][^>]*>")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Elements whose content is code or not text at all, even inline.
_SKIP_CONTENT = frozenset(("script", "style", "pre", "code", "kbd", "samp", "textarea", "template"))
_MAX_TAG = 4096  # a tag longer than this is taken as text (keeps scanning linear)
_MAX_TITLE = 2048
_MAX_DEST = 2048  # a longer "destination" is taken as text
_MAX_PAREN_DEPTH = 32  # as cmark: bounds the scan of a run of "("

_HTML_KINDS = {
    "blockquote": "blockquote",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "figcaption": "caption",
    "caption": "caption",
    "td": "table_cell",
    "th": "table_cell",
}

_DATE_KEYS = ("date", "published", "publish_date", "pubDate")
# Jekyll-style post names: 2016-03-18-title.md
_PATH_DATE = re.compile(r"(?<![0-9])([0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])")


# ---------------------------------------------------------------------------
# Small helpers


def _indent(s: str, pos: int, end: int, col: int, limit: int | None = None) -> tuple[int, int, int]:
    """Width in columns of the spaces/tabs at ``pos``: ``(width, new_pos, new_col)``.

    With ``limit``, stops once the width reaches it: a caller that only asks
    whether a line is indented by so much need not walk the whole indent.
    """
    start = col
    stop = col + limit if limit is not None else None
    while pos < end and (stop is None or col < stop):
        c = s[pos]
        if c == " ":
            col += 1
        elif c == "\t":
            col += 4 - col % 4
        else:
            break
        pos += 1
    return col - start, pos, col


def _consume(s: str, pos: int, end: int, col: int, width: int) -> tuple[int, int]:
    """Skip up to ``width`` columns of indentation (a tab is taken whole)."""
    target = col + width
    while pos < end and col < target:
        c = s[pos]
        if c == " ":
            col += 1
        elif c == "\t":
            col += 4 - col % 4
        else:
            break
        pos += 1
    return pos, col


def _rstrip(s: str, start: int, end: int) -> int:
    while end > start and s[end - 1] in " \t":
        end -= 1
    return end


def _norm_label(label: str) -> str:
    """CommonMark label matching: case-folded, inner whitespace collapsed."""
    return " ".join(label.split()).casefold()


_PUNCT_CACHE: dict[str, bool] = {}


def _is_punct(c: str) -> bool:
    p = _PUNCT_CACHE.get(c)
    if p is None:
        p = c in _ASCII_PUNCT or unicodedata.category(c)[0] in "PS"
        _PUNCT_CACHE[c] = p
    return p


def _split_cells(s: str, start: int, end: int) -> list[tuple[int, int]]:
    """GFM table cells of ``s[start:end]`` as trimmed source ranges.

    Unescaped ``|`` separate cells; a leading and a trailing pipe are optional.
    """
    cells = []
    i = start
    if i < end and s[i] == "|":
        i += 1
    cell = i
    piped = False
    while i < end:
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "|":
            cells.append((cell, i))
            cell = i + 1
            piped = True
        i += 1
    if cell < end or not piped:
        cells.append((cell, end))
    out = []
    for a, b in cells:
        while a < b and s[a] in " \t":
            a += 1
        out.append((a, _rstrip(s, a, b)))
    return out


def _scan_tag(s: str, i: int, end: int) -> tuple[int, str, bool]:
    """Parse an HTML open or closing tag at ``s[i] == "<"``.

    Returns ``(end, lower-cased name, is_closing)``, or ``(-1, "", False)``.
    Template tags (``{{ }}``, ``{% %}``) are allowed inside attribute values,
    because blog templates write ``src="{{ "/x.png" | url }}"``.
    """
    fail = (-1, "", False)
    limit = min(end, i + _MAX_TAG)
    j = i + 1
    closing = j < limit and s[j] == "/"
    if closing:
        j += 1
    m = _TAGNAME.match(s, j, limit)
    if not m:
        return fail
    name = m.group().lower()
    j = m.end()
    while True:
        k = j
        while j < limit and s[j] in " \t\n\r\f":
            j += 1
        if j >= limit:
            return fail
        c = s[j]
        if c == ">":
            return j + 1, name, closing
        if closing:
            return fail
        if c == "/":
            return (j + 2, name, False) if s.startswith(">", j + 1) else fail
        if j == k:  # attributes must be separated by whitespace
            return fail
        if c == "{" and s.startswith(("{{", "{%"), j):
            t = s.find("}}" if s[j + 1] == "{" else "%}", j + 2, limit)
            if t < 0:
                return fail
            j = t + 2
            continue
        m = _ATTRNAME.match(s, j, limit)
        if not m:
            return fail
        j = m.end()
        after_name = j
        while j < limit and s[j] in " \t\n\r\f":
            j += 1
        if j < limit and s[j] == "=":
            j += 1
            while j < limit and s[j] in " \t\n\r\f":
                j += 1
            if j >= limit:
                return fail
            q = s[j]
            if q in "\"'":
                j = _quoted_end(s, j, limit)
                if j < 0:
                    return fail
            elif q == "{" and s.startswith(("{{", "{%"), j):
                t = s.find("}}" if s[j + 1] == "{" else "%}", j + 2, limit)
                if t < 0:
                    return fail
                j = t + 2
            else:
                m = _UNQUOTED.match(s, j, limit)
                if not m:
                    return fail
                j = m.end()
        else:
            j = after_name


def _quoted_end(s: str, j: int, limit: int) -> int:
    """End of the quoted attribute value at ``s[j]``, skipping template tags."""
    q = s[j]
    j += 1
    while True:
        e = s.find(q, j, limit)
        if e < 0:
            return -1
        t = s.find("{", j, e)
        if t < 0 or not s.startswith(("{{", "{%"), t):
            if t >= 0:  # a lone brace: look past it
                j = t + 1
                continue
            return e + 1
        te = s.find("}}" if s[t + 1] == "{" else "%}", t + 2, limit)
        if te < 0:
            return e + 1
        j = te + 2


def _html_block_start(s: str, p: int, end: int, in_paragraph: bool) -> int:
    """CommonMark HTML block type (1-7) starting at ``s[p] == "<"``, or 0."""
    if _HTML1.match(s, p, end):
        return 1
    if s.startswith("<!--", p):
        return 2
    if s.startswith("<?", p):
        return 3
    if s.startswith("<![CDATA[", p):
        return 5
    if p + 2 < end and s[p + 1] == "!" and s[p + 2].isascii() and s[p + 2].isalpha():
        return 4
    if _HTML6.match(s, p, end):
        return 6
    if not in_paragraph:  # type 7 cannot interrupt a paragraph
        e, name, _ = _scan_tag(s, p, end)
        if e > 0 and name not in _RAW_TEXT and _BLANK.match(s, e, end):
            return 7
    return 0


def _html_block_ends(s: str, kind: int, start: int, end: int) -> bool:
    """Whether the end condition of HTML block ``kind`` occurs in ``s[start:end]``."""
    if kind == 1:
        return _HTML1_END.search(s, start, end) is not None
    marker = _HTML_END.get(kind)
    return marker is not None and s.find(marker, start, end) >= 0


# ---------------------------------------------------------------------------
# Front matter


def _front_matter_meta(body: str, fmt: str) -> dict[str, Any]:
    """Parse front matter into meta; never raises (errors go into the meta)."""
    meta: dict[str, Any] = {}
    try:
        if fmt == "yaml":
            import yaml  # only front matter needs it; most runs read none

            data = yaml.safe_load(body)
        else:
            data = _toml.loads(body)
    except Exception as exc:  # YAMLError, TOMLDecodeError, bad dates (ValueError) ...
        meta["front_matter_error"] = " ".join(f"{type(exc).__name__}: {exc}".split())
        return meta
    if data is None:
        data = {}
    if not isinstance(data, dict):
        meta["front_matter_error"] = f"front matter is a {type(data).__name__}, not a mapping"
        return meta
    meta.update((str(k), v) for k, v in data.items())
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


def _front_matter(
    source: str, lines: list[tuple[int, int, int]], bom: int
) -> tuple[int, dict[str, Any]] | None:
    """``(index of the first body line, meta)`` when the source opens with front matter."""
    if not lines:
        return None
    ls, le, _ = lines[0]
    opener = source[ls + bom : le].rstrip(" \t")
    if opener == "---":
        fmt, closers = "yaml", ("---", "...")
    elif opener == "+++":
        fmt, closers = "toml", ("+++",)
    else:
        return None
    for k in range(1, len(lines)):
        s, e, _ = lines[k]
        if e - s <= 8 and source[s:e].rstrip(" \t") in closers:
            # TOML knows only LF and CRLF line ends; old-Mac CR files parse too this way.
            body = _NEWLINE.sub("\n", source[lines[0][2] : s])
            return k + 1, _front_matter_meta(body, fmt)
    return None


# ---------------------------------------------------------------------------
# Pass 1: blocks


class _Container:
    __slots__ = ("kind", "width", "label")

    def __init__(self, kind: str, width: int = 0, label: str = "") -> None:
        self.kind = kind  # "bq", "li" or "fn"
        self.width = width  # content indentation of a list item / footnote
        self.label = label


class _Leaf:
    __slots__ = ("type", "lines", "kind", "attrs", "fence_char", "fence_len", "html_type", "row")

    def __init__(
        self, type_: str, kind: str = "paragraph", attrs: dict[str, str] | None = None
    ) -> None:
        self.type = type_  # "para", "fence", "indented", "html", "table"
        self.lines: list[tuple[int, int, int, int]] = []
        self.kind = kind
        self.attrs = attrs or {}
        self.fence_char = ""
        self.fence_len = 0
        self.html_type = 0
        self.row = 0


# A prose leaf for pass 2: (html_mode, kind, attrs, ((start, end, nl_start, nl_end), ...)).
# Tuples of ints, not lists: the garbage collector stops tracking them, which
# matters when a 10 MB file holds a few hundred thousand leaves.
_ProseLeaf = tuple[bool, str, dict[str, str], tuple[tuple[int, int, int, int], ...]]


class _Blocks:
    """Pass 1: splits the source into containers and leaf blocks."""

    def __init__(self, source: str, emit: Callable[[_ProseLeaf], None]) -> None:
        self.s = source
        self.containers: list[_Container] = []
        self.leaf: _Leaf | None = None
        self._sink = emit  # receives prose leaves in document order
        self.refs: set[str] = set()

    def emit(self, leaf: _ProseLeaf) -> None:
        """Hand a prose leaf on; one inside a block quotation (a list item, a
        heading) is marked ``quoted``, as the quotation's own paragraphs are.
        """
        first, kind, attrs, lines = leaf
        if kind != "blockquote" and any(c.kind == "bq" for c in self.containers):
            attrs = {**attrs, "quoted": "true"}
        self._sink((first, kind, attrs, lines))

    # -- leaves ---------------------------------------------------------

    def _prose_kind(self) -> tuple[str, dict[str, str]]:
        """Block kind of a paragraph here: the innermost container decides."""
        for c in reversed(self.containers):
            if c.kind == "li":
                return "list_item", {}
            if c.kind == "bq":
                return "blockquote", {}
            if c.kind == "fn":
                return "paragraph", {"footnote": c.label}
        return "paragraph", {}

    def _strip_definitions(
        self, lines: list[tuple[int, int, int, int]]
    ) -> list[tuple[int, int, int, int]]:
        """Record the link reference definitions a paragraph opens with; return the rest."""
        s = self.s
        if not lines or s[lines[0][0]] != "[":
            return lines
        V = "\n".join([s[a:b] for a, b, _, _ in lines])
        pos = 0
        while pos < len(V):
            m = _REFDEF.match(V, pos)
            if not m or m.group(1).startswith("^") or not m.group(1).strip():
                break
            self.refs.add(_norm_label(m.group(1)))
            pos = m.end()
        if pos == 0:
            return lines
        return lines[V.count("\n", 0, pos) :] if pos < len(V) else []

    def close_leaf(self) -> None:
        leaf = self.leaf
        self.leaf = None
        if leaf is None or not leaf.lines:
            return
        if leaf.type == "para":
            lines = self._strip_definitions(leaf.lines)
            if lines:
                self.emit((False, leaf.kind, leaf.attrs, tuple(lines)))
        elif leaf.type == "html" and leaf.html_type != 1:
            self.emit((True, leaf.kind, leaf.attrs, tuple(leaf.lines)))

    def _row(self, start: int, end: int, row: int, nl: tuple[int, int]) -> None:
        for col, (a, b) in enumerate(_split_cells(self.s, start, end)):
            attrs = {"row": str(row), "column": str(col)}
            if row == 0:
                attrs["header"] = "true"
            self.emit((False, "table_cell", attrs, ((a, b, *nl),)))

    # -- lines ----------------------------------------------------------

    def line(self, ls: int, le: int, nl_s: int, nl_e: int) -> None:
        """Feed one source line (``[ls, le)``, its newline ``[nl_s, nl_e)``)."""
        s = self.s
        pos, col = ls, 0
        conts = self.containers
        matched = 0
        # Each container looks at no more indentation than its own width, so
        # that a line costs its length however deep the nesting (a list nested
        # 1,000 deep took 13 s when each level measured the whole indent).
        text_end = _rstrip(s, ls, le)  # from here on the line is blank
        for c in conts:
            if pos >= text_end:
                if c.kind == "bq":
                    break
                if pos < le:  # a blank line continues a list item
                    _, pos, col = _indent(s, pos, le, col)
                matched += 1
                continue
            if c.kind == "bq":
                ind, p, cc = _indent(s, pos, le, col, 4)
                if ind <= 3 and s[p] == ">":
                    pos, col = p + 1, cc + 1
                    if pos < le and s[pos] in " \t":  # one optional space after '>'
                        col = col + 1 if s[pos] == " " else col + 4 - col % 4
                        pos += 1
                    matched += 1
                    continue
                break
            ind, _, _ = _indent(s, pos, le, col, c.width)
            if ind >= c.width:
                pos, col = _consume(s, pos, le, col, c.width)
                matched += 1
                continue
            break
        all_matched = matched == len(conts)
        leaf = self.leaf
        ltype = leaf.type if leaf else None

        if all_matched and leaf is not None:
            if ltype == "fence":
                ind, p, _ = _indent(s, pos, le, col)
                if ind <= 3 and p < le and s[p] == leaf.fence_char:
                    k = p
                    while k < le and s[k] == leaf.fence_char:
                        k += 1
                    if k - p >= leaf.fence_len and _BLANK.match(s, k, le):
                        self.leaf = None
                return
            if ltype == "html":
                ind, p, _ = _indent(s, pos, le, col)
                if leaf.html_type >= 6:
                    if p >= le:
                        self.close_leaf()
                    else:
                        leaf.lines.append((p, _rstrip(s, p, le), nl_s, nl_e))
                    return
                if p < le:
                    leaf.lines.append((p, _rstrip(s, p, le), nl_s, nl_e))
                if _html_block_ends(s, leaf.html_type, p, le):
                    self.close_leaf()
                return

        # New containers.
        new: list[_Container] = []
        in_para = ltype == "para"
        while True:
            ind, p, cc = _indent(s, pos, le, col)
            if ind >= 4 or p >= le:
                break
            ch = s[p]
            if ch == ">":
                new.append(_Container("bq"))
                pos, col = p + 1, cc + 1
                if pos < le and s[pos] in " \t":
                    col = col + 1 if s[pos] == " " else col + 4 - col % 4
                    pos += 1
                continue
            if ch == "[":
                m = _FOOTDEF.match(s, p, le)
                if m:
                    new.append(_Container("fn", 4, m.group(1)))
                    pos, col = m.end(), cc + (m.end() - p)
                    continue
                break
            if ch in "-*+" or "0" <= ch <= "9":
                if ch in "-*" and _THEMATIC.match(s, p, le):
                    break
                interrupting = in_para and all_matched and not new
                if interrupting and ch == "-" and _SETEXT.match(s, p, le):
                    break
                m = _BULLET.match(s, p, le) if ch in "-*+" else _ORDERED.match(s, p, le)
                if not m:
                    break
                mend = m.end()
                mcol = cc + (mend - p)
                sp, p3, c3 = _indent(s, mend, le, mcol)
                blank_after = p3 >= le
                if interrupting and (blank_after or (ch not in "-*+" and int(m.group(1)) != 1)):
                    break
                if blank_after:
                    width = mcol + 1 - col
                    pos, col = p3, c3
                elif sp >= 5:  # content is indented code: the item takes one space
                    width = mcol + 1 - col
                    pos, col = _consume(s, mend, le, mcol, 1)
                else:
                    width = c3 - col
                    pos, col = p3, c3
                new.append(_Container("li", width))
                t = _TASK.match(s, pos, le)
                if t:  # GFM task list checkbox: markup, not prose
                    col += t.end() - pos
                    pos = t.end()
                continue
            break

        # Lazy continuation: a paragraph goes on even without its container markers.
        if not new and not all_matched and in_para:
            ind, p, _ = _indent(s, pos, le, col)
            if p < le and (ind >= 4 or not self._starts_leaf(p, le)):
                leaf.lines.append((p, _rstrip(s, p, le), nl_s, nl_e))  # type: ignore[union-attr]
                return

        if not all_matched or new:
            self.close_leaf()
            del conts[matched:]
            conts.extend(new)
            leaf, ltype = None, None

        self._leaf_line(pos, col, le, nl_s, nl_e, leaf, ltype)

    def _starts_leaf(self, p: int, le: int) -> bool:
        """Whether the text at ``p`` starts a block that ends a paragraph."""
        s = self.s
        ch = s[p]
        if ch == "#":
            return _ATX.match(s, p, le) is not None
        if ch in "`~":
            return _FENCE.match(s, p, le) is not None
        if ch in "*-_":
            return _THEMATIC.match(s, p, le) is not None
        if ch == "<":
            return _html_block_start(s, p, le, True) != 0
        return False

    def _leaf_line(
        self,
        pos: int,
        col: int,
        le: int,
        nl_s: int,
        nl_e: int,
        leaf: _Leaf | None,
        ltype: str | None,
    ) -> None:
        s = self.s
        ind, p, _ = _indent(s, pos, le, col)
        if p >= le:  # blank line
            if ltype in ("para", "table"):
                self.close_leaf()
            return
        if ind >= 4 and ltype != "para":
            if ltype != "indented":
                self.close_leaf()
                self.leaf = _Leaf("indented")
            return
        if ltype == "indented":
            self.close_leaf()
            leaf, ltype = None, None
        e = _rstrip(s, p, le)
        ch = s[p]
        if ch == "#":
            m = _ATX.match(s, p, le)
            if m:
                self.close_leaf()
                _, cs, _ = _indent(s, m.end(), le, 0)
                ce = e
                k = ce
                while k > cs and s[k - 1] == "#":
                    k -= 1
                if k == cs:
                    ce = cs
                elif k < ce and s[k - 1] in " \t":  # closing sequence of #s
                    ce = _rstrip(s, cs, k)
                if ce > cs:
                    level = str(m.end() - m.start())
                    self.emit((False, "heading", {"level": level}, ((cs, ce, nl_s, nl_e),)))
                return
        elif ch in "`~":
            m = _FENCE.match(s, p, le)
            if m and not (ch == "`" and s.find("`", m.end(), le) >= 0):
                self.close_leaf()
                f = self.leaf = _Leaf("fence")
                f.fence_char, f.fence_len = ch, m.end() - p
                return
        elif ch == "<":
            kind = _html_block_start(s, p, le, ltype == "para")
            if kind:
                self.close_leaf()
                h = self.leaf = _Leaf("html", *self._prose_kind())
                h.html_type = kind
                h.lines.append((p, e, nl_s, nl_e))
                if kind <= 5 and _html_block_ends(s, kind, p + _HTML_OPENER_LEN[kind], le):
                    self.close_leaf()
                return
        if ltype == "para" and ch in "=-" and _SETEXT.match(s, p, le):
            assert leaf is not None
            self.leaf = None
            lines = self._strip_definitions(leaf.lines)
            if lines:
                self.emit((False, "heading", {"level": "1" if ch == "=" else "2"}, tuple(lines)))
            return
        if ch in "*-_" and _THEMATIC.match(s, p, le):
            self.close_leaf()
            return
        if ltype == "para" and s.find("|", p, e) >= 0 and _TABLE_DELIM.match(s, p, e):
            assert leaf is not None
            header = leaf.lines[-1]
            ncols = len(_split_cells(s, p, e))
            if len(_split_cells(s, header[0], header[1])) == ncols:
                leaf.lines.pop()
                self.close_leaf()
                self._row(header[0], header[1], 0, (header[2], header[3]))
                t = self.leaf = _Leaf("table")
                t.row = 1
                return
        if ltype == "table":
            assert leaf is not None
            self._row(p, e, leaf.row, (nl_s, nl_e))
            leaf.row += 1
            return
        seg = (p, e, nl_s, nl_e)
        if ltype == "para":
            leaf.lines.append(seg)  # type: ignore[union-attr]
        else:
            self.close_leaf()
            para = self.leaf = _Leaf("para", *self._prose_kind())
            para.lines.append(seg)


# ---------------------------------------------------------------------------
# Pass 2: inlines
#
# Tokens (tuples, except emphasis delimiters, which are mutable lists):
#   ("L", a, b)            literal V[a:b] (never spans a newline)
#   ("D", text, a, b)      ``text`` decoded from V[a:b] (entity, escape)
#   ("N", v)               the newline at V[v]
#   ("X", a, b, comment)   V[a:b] removed; ``comment`` is an HTML comment body
#   ("I", text, v)         inserted text with no source (a space for <br>)
#   ("K", kind, attrs, v)  HTML mode: a block-level tag ends the block here
#   ["E", a, b, used_left, used_right, token_index]  emphasis delimiter run


def _link_end(V: str, k: int, find: Any) -> int:
    """End of an inline link tail ``(dest "title")`` at ``V[k] == "("``, or -1."""
    n = len(V)
    j = k + 1
    while j < n and V[j] in " \t\n":
        j += 1
    if j < n and V[j] == "<":
        j += 1
        while j < n and V[j] not in "<>\n":
            j += 2 if V[j] == "\\" else 1
        if j >= n or V[j] != ">":
            return -1
        j += 1
    else:
        depth = 0
        limit = min(n, j + _MAX_DEST)
        while j < limit:
            c = V[j]
            if c == "\\" and j + 1 < n:
                j += 2
                continue
            if c == "{" and j + 1 < n and V[j + 1] in "{%":
                t = find("}}" if V[j + 1] == "{" else "%}", j + 2)
                if t >= 0:
                    j = t + 2
                    continue
            if c <= " ":
                break
            if c == "(":
                depth += 1
                if depth > _MAX_PAREN_DEPTH:
                    return -1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            j += 1
        if depth or j >= limit:
            return -1
    ws = j
    while j < n and V[j] in " \t\n":
        j += 1
    if j < n and j > ws and V[j] in "\"'(":
        close = ")" if V[j] == "(" else V[j]
        t = j + 1
        limit = min(n, t + _MAX_TITLE)
        while t < limit and V[t] != close:
            t += 2 if V[t] == "\\" else 1
        if t >= limit:
            return -1
        j = t + 1
        while j < n and V[j] in " \t\n":
            j += 1
    if j < n and V[j] == ")":
        return j + 1
    return -1


def _url_end(V: str, j: int) -> int:
    """End of the bare URL at ``V[j]`` with GFM's trailing-punctuation rules, or -1."""
    m = _URL.match(V, j)
    assert m is not None
    end = m.end()
    while end > j:
        c = V[end - 1]
        if c in "?!.,:*_~'\"":
            end -= 1
        elif c == ")" and V.count("(", j, end) < V.count(")", j, end):
            end -= 1
        elif c == ";":
            t = _URL_TRAILING_ENTITY.search(V, j, end)
            if not t:
                break
            end = t.start()
        else:
            break
    host = j + 4 if V[j] == "w" else V.index("//", j) + 2
    if end <= host or not V[host].isalnum():
        return -1
    return end


def _entity(m: re.Match[str]) -> str | None:
    """Decoded text of an entity reference, or None when it is not one."""
    name = m.group(1)
    if name is not None:
        return html5.get(name + ";")
    text = html.unescape(m.group())
    # A numeric newline would put a line break inside the block: it renders as a space anyway.
    return text.replace("\r", " ").replace("\n", " ")


class _Inlines:
    """Pass 2: turns a leaf's virtual string into tokens."""

    def __init__(self, refs: set[str]) -> None:
        self.refs = refs

    def run(self, V: str, html_mode: bool) -> list[Any]:
        tokens: list[Any] = []
        append = tokens.append
        n = len(V)
        refs = self.refs
        memo: dict[Any, tuple[int, int]] = {}

        def find(needle: Any, start: int) -> int:
            # Remembered searches keep repeated unclosed openers linear.
            hit = memo.get(needle)
            if hit is not None and hit[0] <= start and (hit[1] < 0 or hit[1] >= start):
                return hit[1]
            if isinstance(needle, str):
                r = V.find(needle, start)
            else:
                m = needle.search(V, start)
                r = m.start() if m else -1
            memo[needle] = (start, r)
            return r

        special = (_SPECIAL_HTML if html_mode else _SPECIAL_MD).search
        brackets: list[list[int]] = []  # [token index, is_image, links formed before, text start]
        stacks: dict[str, list[list[Any]]] = {"*": [], "_": [], "~": []}
        links_formed = 0
        backtick_runs: dict[int, list[int]] | None = None
        i = 0

        def trim_stacks(index: int) -> None:
            for st in stacks.values():
                while st and st[-1][5] >= index:
                    st.pop()

        while True:
            m = special(V, i)
            j = m.start() if m else n
            if j > i:
                append(("L", i, j))
            if not m:
                break
            c = V[j]
            if c == "\n":
                append(("N", j))
                i = j + 1
            elif c == "<":
                i = self._angle(V, j, html_mode, tokens, find)
            elif c == "&":
                em = _ENTITY.match(V, j)
                text = _entity(em) if em else None
                if text:
                    append(("D", text, j, em.end()))  # type: ignore[union-attr]
                    i = em.end()  # type: ignore[union-attr]
                else:
                    append(("L", j, j + 1))
                    i = j + 1
            elif c == "{":
                if V[j + 1] not in "{%":
                    am = _ATTR_LIST.match(V, j)
                    if am:
                        append(("X", j, am.end(), None))
                        i = am.end()
                    else:
                        append(("L", j, j + 1))
                        i = j + 1
                    continue
                t = find("}}" if V[j + 1] == "{" else "%}", j + 2)
                if t >= 0:
                    append(("X", j, t + 2, None))
                    i = t + 2
                else:
                    append(("L", j, j + 2))
                    i = j + 2
            elif c in "hw":
                e = _url_end(V, j)
                if e > 0:
                    append(("X", j, e, None))
                    i = e
                else:
                    append(("L", j, j + 1))
                    i = j + 1
            elif c == "\\":
                nxt = V[j + 1] if j + 1 < n else ""
                if nxt in _ASCII_PUNCT and nxt:
                    append(("D", nxt, j, j + 2))
                    i = j + 2
                elif nxt == "\n":  # hard line break: the backslash is markup
                    i = j + 1
                else:
                    append(("L", j, j + 1))
                    i = j + 1
            elif c == "`":
                k = j + 1
                while k < n and V[k] == "`":
                    k += 1
                run = k - j
                if backtick_runs is None:
                    backtick_runs = {}
                    for bm in re.finditer(r"`+", V):
                        backtick_runs.setdefault(bm.end() - bm.start(), []).append(bm.start())
                close = -1
                starts = backtick_runs.get(run)
                if starts:
                    at = bisect.bisect_left(starts, k)
                    if at < len(starts):
                        close = starts[at]
                if close >= 0:
                    append(("X", j, close + run, None))
                    i = close + run
                else:
                    append(("L", j, k))
                    i = k
            elif c in "*_~":
                k = j + 1
                while k < n and V[k] == c:
                    k += 1
                i = k
                if c == "~" and k - j != 2:
                    append(("L", j, k))
                    continue
                prev = V[j - 1] if j else "\n"
                nxt = V[k] if k < n else "\n"
                pws, nws = prev.isspace(), nxt.isspace()
                pp, np_ = _is_punct(prev), _is_punct(nxt)
                left = not nws and (not np_ or pws or pp)
                right = not pws and (not pp or nws or np_)
                if c == "_":
                    can_open = left and (not right or pp)
                    can_close = right and (not left or np_)
                else:
                    can_open, can_close = left, right
                if not (can_open or can_close):
                    append(("L", j, k))
                    continue
                d = ["E", j, k, 0, 0, len(tokens)]
                append(d)
                rem = k - j
                st = stacks[c]
                if can_close:
                    while rem and st:
                        o = st[-1]
                        orem = o[2] - o[1] - o[3] - o[4]
                        use = 2 if orem >= 2 and rem >= 2 else 1
                        o[4] += use
                        d[3] += use
                        rem -= use
                        if orem == use:
                            st.pop()
                        # Delimiters between opener and closer can no longer match.
                        for other in stacks.values():
                            if other is not st:
                                while other and other[-1][5] > o[5]:
                                    other.pop()
                if rem and can_open:
                    st.append(d)
            elif c == "!":  # "!["
                append(("L", j, j + 2))
                brackets.append([len(tokens) - 1, 1, links_formed, j + 2])
                i = j + 2
            elif c == "[":
                fm = _FOOTREF.match(V, j)
                if fm:
                    append(("X", j, fm.end(), None))
                    i = fm.end()
                    continue
                append(("L", j, j + 1))
                brackets.append([len(tokens) - 1, 0, links_formed, j + 1])
                i = j + 1
            elif c == "]":
                i = j + 1
                if not brackets:
                    append(("L", j, j + 1))
                    continue
                b = brackets[-1]
                if not b[1] and b[2] != links_formed:  # no links inside links
                    brackets.pop()
                    append(("L", j, j + 1))
                    continue
                e = -1
                k = j + 1
                if k < n and V[k] == "(":
                    e = _link_end(V, k, find)
                if e < 0 and k < n and V[k] == "[":
                    lm = _LABEL.match(V, k)
                    if lm:
                        if lm.group(1).strip():
                            e = lm.end()  # full reference: a link even when undefined
                        elif j - b[3] <= 999 and _norm_label(V[b[3] : j]) in refs:
                            e = lm.end()
                if e < 0 and refs and j - b[3] <= 999 and _norm_label(V[b[3] : j]) in refs:
                    e = k  # shortcut reference
                brackets.pop()
                if e < 0:
                    append(("L", j, j + 1))
                    continue
                oi = b[0]
                opener = b[3] - (2 if b[1] else 1)
                if b[1]:  # an image: alt text is not article prose
                    del tokens[oi:]
                    trim_stacks(oi)
                    append(("X", opener, e, None))
                else:
                    tokens[oi] = ("X", opener, b[3], None)
                    trim_stacks(oi + 1)
                    append(("X", j, e, None))
                    links_formed += 1
                i = e
            else:  # pragma: no cover - the pattern has no other alternatives
                append(("L", j, j + 1))
                i = j + 1
        return tokens

    def _angle(self, V: str, j: int, html_mode: bool, tokens: list[Any], find: Any) -> int:
        """Handle ``<`` at ``V[j]``: autolink, comment, tag or a literal ``<``."""
        append = tokens.append
        m = _AUTOLINK.match(V, j)
        if m:
            append(("X", j, m.end(), None))
            return m.end()
        if V.startswith("<!--", j):
            if V.startswith("<!-->", j):
                end = j + 5
            elif V.startswith("<!--->", j):
                end = j + 6
            else:
                t = find("-->", j + 4)
                end = t + 3 if t >= 0 else -1
            if end > 0:
                body = V[j + 4 : max(j + 4, end - 3)]
                append(("X", j, end, body))
                return end
        elif V.startswith("<?", j):
            t = find("?>", j + 2)
            if t >= 0:
                append(("X", j, t + 2, None))
                return t + 2
        elif V.startswith("<![CDATA[", j):
            t = find("]]>", j + 9)
            if t >= 0:
                append(("X", j, t + 3, None))
                return t + 3
        elif V.startswith("<!", j):
            m = _DECLARATION.match(V, j)
            if m:
                append(("X", j, m.end(), None))
                return m.end()
        else:
            end, name, closing = _scan_tag(V, j, len(V))
            if end > 0:
                if not closing and name in _SKIP_CONTENT and not V.startswith("/>", end - 2):
                    close_re = _closing_tag(name)
                    t = find(close_re, end)
                    if t >= 0:
                        m = close_re.match(V, t)
                        assert m is not None
                        end = m.end()
                append(("X", j, end, None))
                if name == "br" or (not html_mode and name in _BLOCK_TAGS):
                    # Renders as a break: keep the words on either side apart.
                    prev = V[j - 1] if j else " "
                    nxt = V[end] if end < len(V) else " "
                    if not prev.isspace() and not nxt.isspace():
                        append(("I", " ", end))
                elif html_mode and name in _BLOCK_TAGS:
                    kind = None if closing else _HTML_KINDS.get(name)
                    attrs = None
                    if not closing and len(name) == 2 and name[0] == "h" and name[1] in "123456":
                        kind, attrs = "heading", {"level": name[1]}
                    tokens.append(("K", kind, attrs, j))
                return end
        append(("L", j, j + 1))
        return j + 1


_CLOSING_TAGS: dict[str, re.Pattern[str]] = {}


def _closing_tag(name: str) -> re.Pattern[str]:
    pat = _CLOSING_TAGS.get(name)
    if pat is None:
        pat = _CLOSING_TAGS[name] = re.compile(rf"</{name}\s*>", re.I)
    return pat


# ---------------------------------------------------------------------------
# Rendering tokens into the TextBuilder


class _Renderer:
    """Writes each prose leaf's tokens to a TextBuilder, opening blocks lazily."""

    def __init__(self, source: str, refs: set[str]) -> None:
        self.source = source
        self.builder = TextBuilder(source)
        self.inlines = _Inlines(refs)
        self.comments: list[tuple[int, str]] = []
        self.headline_done = False

    def leaf(self, leaf: _ProseLeaf) -> None:
        """Render one prose leaf (it may yield several blocks in HTML mode)."""
        html_mode, kind, attrs, segs = leaf
        s = self.source
        if len(segs) == 1:
            V = s[segs[0][0] : segs[0][1]]
            line_v = [0]
        else:
            V = "\n".join([s[a:b] for a, b, _, _ in segs])
            line_v = []
            v = 0
            for a, b, _, _ in segs:
                line_v.append(v)
                v += b - a + 1
        tokens = self.inlines.run(V, html_mode)
        if not tokens:
            return
        nlines = len(segs)
        k = 0  # current line: tokens come in source order, so this only moves forward
        base = segs[0][0]  # source index of V[line_v[k]]

        def src(v: int) -> int:
            nonlocal k, base
            while k + 1 < nlines and line_v[k + 1] <= v:
                k += 1
                base = segs[k][0] - line_v[k]
            return base + v

        b = self.builder
        default_kind, default_attrs = kind, attrs
        cur_kind, cur_attrs = kind, attrs
        is_open = False
        line_text = False  # something visible on the current line of the block
        last_ws = True  # the last character given out was whitespace
        collapse = False  # drop leading blanks: a removed construct sat between two spaces
        # Whitespace and newlines wait in ``pending`` until visible text follows in
        # the same block, so a block never ends in (or doubles) blanks and line
        # breaks. Contiguous literal source is gathered in [run_s, run_e) and
        # written in one piece.
        pending: list[tuple[Any, ...]] = []
        run_s = run_e = -1

        def flush_run() -> None:
            nonlocal run_s, run_e
            if run_e > run_s:
                b.literal(run_s, run_e)
            run_s = run_e = -1

        def show(at: int) -> None:
            """Make way for visible text at source ``at``: open the block or flush blanks."""
            nonlocal is_open, line_text, run_s, run_e
            if is_open:
                for p in pending:
                    if p[0] == "L":
                        if p[1] == run_e:
                            run_e = p[2]
                        else:
                            flush_run()
                            run_s, run_e = p[1], p[2]
                    else:
                        flush_run()
                        if p[0] == "D":
                            b.decoded(p[3], p[1], p[2])
                        else:
                            b.inserted(p[3], p[1])
                pending.clear()
                return
            k_, a_ = cur_kind, cur_attrs
            if k_ == "heading" and a_.get("level") == "1" and not self.headline_done:
                k_ = "headline"
                self.headline_done = True
            b.start_block(k_, at, a_)
            is_open = True
            line_text = False
            pending.clear()

        for tok in tokens:
            t = tok[0]
            if t == "L" or t == "E":
                if t == "L":
                    x, y = tok[1], tok[2]
                else:
                    x, y = tok[1] + tok[3], tok[2] - tok[4]
                if collapse or not is_open:
                    while x < y and V[x] in " \t":
                        x += 1
                if x >= y:
                    continue
                collapse = False
                z = y
                while z > x and V[z - 1] in " \t":
                    z -= 1
                sx = src(x)
                if z > x:
                    if pending or not is_open:
                        show(sx)
                    if sx == run_e:
                        run_e = sx + (z - x)
                    else:
                        flush_run()
                        run_s, run_e = sx, sx + (z - x)
                    line_text = True
                if z < y and is_open:
                    pending.append(("L", sx + (z - x), sx + (y - x)))
                last_ws = z < y
            elif t == "D":
                text = tok[1]
                sx, sy = src(tok[2]), src(tok[3])
                collapse = False
                if text.isspace():
                    if is_open:
                        pending.append(("D", sx, sy, text))
                        last_ws = True
                    continue
                show(sx)
                flush_run()
                b.decoded(text, sx, sy)
                line_text = True
                last_ws = text[-1].isspace()
            elif t == "N":
                if is_open and line_text:
                    src(tok[1])
                    pending.append(("L", segs[k][2], segs[k][3]))
                    last_ws = True
                line_text = False
                collapse = False
            elif t == "X":
                if tok[3] is not None:
                    self.comments.append((src(tok[1]), tok[3]))
                collapse = not is_open or last_ws or not line_text
            elif t == "I":
                if is_open and line_text and not last_ws:
                    pending.append(("I", src(tok[2]), 0, tok[1]))
                    last_ws = True
            else:  # "K": an HTML block-level tag
                if is_open:
                    flush_run()
                    b.end_block()
                    is_open = False
                pending.clear()
                cur_kind = tok[1] or default_kind
                cur_attrs = tok[2] or (default_attrs if tok[1] is None else {})
                last_ws, collapse = True, False
        if is_open:
            flush_run()
            b.end_block()


# ---------------------------------------------------------------------------
# Entry points


def _split_lines(source: str) -> list[tuple[int, int, int]]:
    """``(start, end, newline_end)`` of every line; ``end`` excludes the newline."""
    lines = []
    pos = 0
    for m in _NEWLINE.finditer(source):
        lines.append((pos, m.start(), m.end()))
        pos = m.end()
    if pos < len(source):
        lines.append((pos, len(source), len(source)))
    return lines


def parse(source: str, path: str | None = None) -> Document:
    """Parse Markdown into a :class:`Document` whose offsets are exact.

    Front matter (YAML ``---`` or TOML ``+++``) goes to ``meta`` (with
    ``published`` as ``YYYY-MM-DD``, falling back to a Jekyll-style
    ``2016-03-18-slug.md`` file name, and ``title`` when present), never to
    ``text``. HTML comments that are ``stylelint-*`` directives go to
    ``directives``. Never raises on malformed input.
    """
    lines = _split_lines(source)
    bom = 1 if source.startswith("\ufeff") else 0
    meta: dict[str, Any] = {}
    first = 0
    fm = _front_matter(source, lines, bom)
    if fm is not None:
        first, meta = fm
    # Links may use reference definitions further down, so every leaf waits
    # for the end of the block pass before its inlines are read.
    leaves: list[_ProseLeaf] = []
    blocks = _Blocks(source, leaves.append)
    feed = blocks.line
    for idx in range(first, len(lines)):
        ls, le, ne = lines[idx]
        feed(ls + bom if idx == 0 else ls, le, le, ne)
    blocks.close_leaf()
    renderer = _Renderer(source, blocks.refs)
    for leaf in leaves:
        renderer.leaf(leaf)
    if "published" not in meta and "front_matter_error" not in meta and path:
        # Jekyll and Hugo take a post's date from its file name when front matter has none.
        m = _PATH_DATE.search(path.replace("\\", "/").rsplit("/", 1)[-1])
        iso = iso_date(m.group(1)) if m else None
        if iso:
            meta["published"] = iso
    doc = renderer.builder.build("markdown", path, meta=meta)
    if renderer.comments:
        # Our own line starts (same \n, \r\n, \r rules as LineIndex) are already at hand.
        starts = [ls for ls, _, _ in lines]
        for offset, body in sorted(renderer.comments):
            line = bisect.bisect_right(starts, offset) or 1
            directive = parse_directive(body, offset, line)
            if directive is not None:
                doc.directives.append(directive)
    return doc


@hookimpl
def register_parsers() -> list[Parser]:
    """Markdown: .md, .markdown, .mdown and .mkd files."""
    return [Parser("markdown", (".md", ".markdown", ".mdown", ".mkd"), parse, ("text/markdown",))]
