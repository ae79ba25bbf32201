"""HTML input: lxml builds the tree, an aligner maps its text back to the source.

lxml (libxml2, whose HTML tokenizer follows HTML5) decides the structure: which
characters are text, which element holds them, what entities decode to. It
reports no columns, so every text/tail chunk is aligned against the source
with a forward cursor: characters match literally, through an entity that
decodes to them, or as CR LF for LF; markup between them is skipped. Raw-text
elements (script, style, title …) are skipped by finding their end tag. When
lxml repaired the markup so that a chunk cannot be found where expected, the
aligner searches forward for it; failing that, the chunk is mapped as a whole
to its best source range and that range is listed in ``Document.approximate``.

Only prose reaches ``text``: scripts, styles, code, form controls, embedded
media, comments and attribute values do not. On whole pages the prose comes
from the article region when one can be found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from html import unescape as _unescape
from html.entities import html5 as _HTML5
from typing import Any

from stylelint import hookimpl
from stylelint.config.errors import ConfigError
from stylelint.model.document import Document, Span, TextBuilder
from stylelint.model.quotes import find_quotes, with_marked_quotes
from stylelint.model.suppression import parse_directive
from stylelint.parsers.base import ParseError, Parser
from stylelint.parsers.pubdate import iso_date

# --------------------------------------------------------------------------
# Element classes

#: Elements whose content is never prose.
_SKIP = frozenset(
    """script style noscript template pre code head title svg math iframe object
    applet select option optgroup datalist button textarea canvas video
    audio picture map noembed noframes frameset xmp plaintext listing del""".split()
)
#: Elements whose content libxml2 does not tokenize (raw text / RCDATA): the
#: aligner jumps from their start tag to their end tag.
_RAW = frozenset("script style xmp iframe noembed noframes plaintext title textarea".split())
#: Elements that break the text into blocks; any other element is inline.
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog dir
    div dl dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6
    head header hgroup hr html legend li listing main menu nav noscript ol p pre
    section summary table tbody td template tfoot th thead tr ul""".split()
)
_KIND = {
    "h1": "h1",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "blockquote": "blockquote",
    "figcaption": "caption",
    "caption": "caption",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "td": "table_cell",
    "th": "table_cell",
}
# Kinds a nested paragraph inherits (a <p> in a <blockquote> is quotation);
# layout tables are common, so <p> in a <td> stays a paragraph. Other
# containers (a <div>, a custom element) also inherit cells and headings.
_INHERIT_P = frozenset({"blockquote", "caption", "list_item", "byline", "dateline"})
_INHERIT_DIV = _INHERIT_P | {"table_cell", "h1", "heading"}
_CLASS_KIND = re.compile(r"byline|dateline", re.I)

# --------------------------------------------------------------------------
# Source tokenizing (HTML5 rules, as libxml2 2.14 applies them)

_WS = " \t\n\r\f"
_SPECIAL = re.compile(r"[&<\r]")
_NOT_WS = re.compile(r"[^ \t\n\r\f]")
# A start or end tag with its attributes; quoted values may contain ">", and a
# tag cut off by the end of the file runs to the end (HTML5 drops it).
_TAG = re.compile(
    r"""<(/?)([A-Za-z][^\t\n\f\r />]*)
    (?:[\t\n\f\r /]+
      |[^\t\n\f\r />][^\t\n\f\r /=>]*
       (?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|[^\t\n\f\r >]*))?
    )*(?:>|\Z)""",
    re.X,
)
_NUMERIC = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_NAME = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,31});?")
_RAW_END: dict[str, re.Pattern[str]] = {}
_NL_RUN = re.compile(r"\s*\n\s*")
_ANCHOR = re.compile(r"[^&<>\r\n\xa0]*")
_SURROGATE = re.compile("[\ud800-\udfff]")
_WHOLE_PAGE = re.compile(r"<(?:html|body|head)[\s>/]|<!doctype\s", re.I)

# Token kinds returned by _token().
_START, _END, _COMMENT, _OTHER = 1, 2, 3, 4


def _token(src: str, p: int) -> tuple[int, int, str] | None:
    """The markup token starting at ``src[p] == "<"``: ``(end, kind, name)``.

    None when the ``<`` is text, as in ``a < b``.
    """
    n = len(src)
    c = src[p + 1] if p + 1 < n else ""
    if c.isascii() and c.isalpha():
        m = _TAG.match(src, p)
        return m.end(), _START, m.group(2).lower()  # type: ignore[union-attr]
    if c == "!":
        if src.startswith("<!--", p):
            if src.startswith(">", p + 4):
                return p + 5, _COMMENT, ""
            if src.startswith("->", p + 4):
                return p + 6, _COMMENT, ""
            e = src.find("--", p + 4)
            while e >= 0:
                if src.startswith(">", e + 2):
                    return e + 3, _COMMENT, ""
                if src.startswith("!>", e + 2):
                    return e + 4, _COMMENT, ""
                e = src.find("--", e + 1)
            return n, _COMMENT, ""
        e = src.find(">", p + 2)
        return (n if e < 0 else e + 1), _OTHER, ""
    if c == "?":
        e = src.find(">", p + 2)
        return (n if e < 0 else e + 1), _OTHER, ""
    if c == "/":
        d = src[p + 2] if p + 2 < n else ""
        if d.isascii() and d.isalpha():
            m = _TAG.match(src, p)
            return m.end(), _END, m.group(2).lower()  # type: ignore[union-attr]
        if d == ">":
            return p + 3, _OTHER, ""
        if d:
            e = src.find(">", p + 2)
            return (n if e < 0 else e + 1), _OTHER, ""
    return None


def _entity(src: str, p: int) -> tuple[int, tuple[str, ...]] | None:
    """The character reference at ``src[p] == "&"``: ``(end, decodings)``.

    Follows HTML5 in text: the longest named reference wins, legacy names need
    no semicolon, numeric references need no semicolon. ``decodings`` lists
    what a parser may have made of it, most likely first.
    """
    if src.startswith("&#", p):
        m = _NUMERIC.match(src, p)
        if not m:
            return None
        digits = (m.group(1) or m.group(2)).lstrip("0")
        if len(digits) > 8:  # out of range anyway; int() of a huge run is slow or refused
            num = 0x110000
        else:
            num = int(digits or "0", 16 if m.group(1) else 10)
        dec = "\ufffd" if num >= 0x110000 else _unescape(f"&#{num};")
        alt = chr(num) if 0 < num < 0x110000 and not 0xD800 <= num < 0xE000 else "\ufffd"
        return m.end(), (dec, alt) if alt != dec else (dec,)
    m = _NAME.match(src, p)
    if not m:
        return None
    name = m.group(1)
    if m.group(0).endswith(";") and name + ";" in _HTML5:
        return m.end(), (_HTML5[name + ";"],)
    for k in range(len(name), 1, -1):
        if name[:k] in _HTML5:
            return p + 1 + k, (_HTML5[name[:k]],)
    return None


def _raw_end(src: str, name: str, start: int) -> int:
    """Offset of the end tag closing raw text that starts at ``start``, or -1."""
    pat = _RAW_END.get(name)
    if pat is None:
        pat = _RAW_END[name] = re.compile(r"</" + re.escape(name) + r"[\t\n\f\r />]", re.I)
    m = pat.search(src, start)
    return m.start() if m else -1


# Script data escapes (HTML5): inside "<!--", a "<script>" opens a nested
# section where "</script>" does not end the element; "-->" leaves both.
_SCRIPT_TOKENS = re.compile(
    r"(<!--(?:-*>)?)|(-->)|(</script)[\t\n\f\r />]|(<script)[\t\n\f\r />]", re.I
)


def _script_end(src: str, start: int) -> int:
    """Offset of the ``</script`` ending script data at ``start``, or -1."""
    state = 0  # 0 data, 1 escaped, 2 double escaped
    for m in _SCRIPT_TOKENS.finditer(src, start):
        open_, close, end_tag, start_tag = m.groups()
        if open_:
            if state == 0 and not open_.endswith(">"):
                state = 1
        elif close:
            state = 0
        elif end_tag:
            if state < 2:
                return m.start()
            state = 1
        elif start_tag and state == 1:
            state = 2
    return -1


# A piece maps chunk[ci:ci+cl] to source[s:s+sl]. Kinds: literal (equal
# text), decoded (an entity, CR LF …; exact as a whole), approximate.
_LIT, _DEC, _APPROX = 0, 1, 2
Piece = tuple[int, int, int, int, int]

#: How far forward the aligner looks for a chunk it lost.
_WINDOW = 1 << 18


class _Aligner:
    """Finds each lxml text chunk in the source, moving a cursor forward."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.n = len(source)
        self.pos = 1 if source.startswith("\ufeff") else 0  # libxml2 drops a BOM

    # -- markup ----------------------------------------------------------

    def seek_tag(self, name: str, max_tokens: int = 1 << 30) -> tuple[int, int] | None:
        """Find the next ``<name …>`` start tag from the cursor, skipping other markup.

        Returns its ``(start, end)``; the cursor does not move.
        """
        src, p, limit = self.src, self.pos, self.pos + _WINDOW
        find = src.find
        while p < limit and max_tokens > 0:
            q = find("<", p)
            if q < 0:
                return None
            tok = _token(src, q)
            if tok is None:
                p = q + 1
                continue
            if tok[1] == _START and tok[2] == name:
                return q, tok[0]
            p = tok[0]
            max_tokens -= 1
        return None

    def skip_raw(self, name: str) -> None:
        """Move the cursor past a raw-text element (script, style, title …)."""
        tag = self.seek_tag(name)
        if tag is None:
            return
        start = tag[1]
        if name == "plaintext":
            self.pos = self.n
            return
        end = _script_end(self.src, start) if name == "script" else _raw_end(self.src, name, start)
        self.pos = self.n if end < 0 else _TAG.match(self.src, end).end()  # type: ignore[union-attr]

    def seek_comment(self) -> int:
        """Move past the next comment token; the offset of a ``<!--`` one, or -1.

        libxml2 makes a comment node of ``<!-- -->`` and of bogus comments
        (``<!x>``, ``<?x>``, ``</ x>``) alike, so the next such token is it.
        """
        src = self.src
        p, limit = self.pos, self.pos + _WINDOW
        while p < limit:
            q = src.find("<", p)
            if q < 0:
                return -1
            tok = _token(src, q)
            if tok is None:
                p = q + 1
                continue
            end, kind, _ = tok
            if kind == _COMMENT or (
                kind == _OTHER
                and not src.startswith("</>", q)
                and src[q : q + 9].lower() != "<!doctype"
            ):
                self.pos = end
                return q if kind == _COMMENT else -1
            p = end
        return -1

    # -- text ------------------------------------------------------------

    def align(self, chunk: str) -> list[Piece]:
        """Map ``chunk`` to the source from the cursor on; move the cursor."""
        pieces: list[Piece] = []
        n = len(chunk)
        if self.pos == 1 and chunk[0] == "\ufeff" and self.src[0] == "\ufeff":
            self.pos = 0  # the BOM was text after all (a document of nothing else)
        p = self._start(chunk, self.pos)
        k = 0
        if p >= 0:
            k, p = self._match(chunk, 0, p, pieces)
        else:
            p = self.pos
        while k < n:
            # Lost: look for the rest further on, else map it approximately.
            q = self._resync(chunk, k, p)
            if q < 0:
                end = min(self.n, p + max(1, n - k))
                start = min(p, max(0, end - 1))
                pieces.append((k, n - k, start, end - start, _APPROX))
                self.pos = p
                return pieces
            k, p = self._match(chunk, k, q, pieces)
        self.pos = p
        return pieces

    def _start(self, chunk: str, p: int) -> int:
        """Skip markup (and whitespace lxml dropped) to where ``chunk`` begins."""
        src, n = self.src, self.n
        c0 = chunk[0]
        ws0 = c0 in _WS
        while p < n:
            c = src[p]
            if c == "<":
                tok = _token(src, p)
                if tok is None:
                    return p if c0 == "<" else -1
                if c0 == "<" and chunk.startswith(src[p : tok[0]]):
                    return p  # lxml read this "tag" as text
                p = tok[0]
                continue
            if c in _WS and not ws0:
                m = _NOT_WS.search(src, p)
                p = m.start() if m else n
                continue
            return p
        return -1 if p >= n else p

    def _match(self, chunk: str, k: int, p: int, pieces: list[Piece]) -> tuple[int, int]:
        """Match ``chunk[k:]`` at ``source[p:]``; return how far both got."""
        src, N = self.src, self.n
        n = len(chunk)
        search = _SPECIAL.search
        while k < n and p < N:
            stop = min(N, p + n - k)
            m = search(src, p, stop)
            q = m.start() if m else stop
            if q > p:
                L = q - p
                if src.startswith(chunk[k : k + L], p):
                    pieces.append((k, L, p, L, _LIT))
                    k += L
                    p = q
                    continue
                j = 0
                while chunk[k + j] == src[p + j]:
                    j += 1
                if j:
                    pieces.append((k, j, p, j, _LIT))
                    k += j
                    p += j
                c = src[p]
                if c in _WS:  # whitespace lxml dropped
                    p += 1
                    continue
                if c < " " or c == "\x7f" or "\ud800" <= c <= "\udfff":
                    # a control char or lone surrogate lxml replaced or dropped
                    if chunk[k] == "\ufffd":
                        pieces.append((k, 1, p, 1, _DEC))
                        k += 1
                    p += 1
                    continue
                break
            if k >= n:
                break
            c = src[p]
            ck = chunk[k]
            if c == "&":
                ent = _entity(src, p)
                if ent is not None:
                    end, decs = ent
                    for dec in decs:
                        if dec and chunk.startswith(dec, k):
                            pieces.append((k, len(dec), p, end - p, _DEC))
                            k += len(dec)
                            p = end
                            break
                    else:
                        if ck == "&":
                            pieces.append((k, 1, p, 1, _LIT))
                            k += 1
                            p += 1
                        elif not decs[0] or decs[0].isspace():  # nothing, or space lxml dropped
                            p = end
                        else:
                            break
                    continue
                if ck == "&":
                    pieces.append((k, 1, p, 1, _LIT))
                    k += 1
                    p += 1
                    continue
                break
            if c == "\r":
                if ck == "\n":
                    sl = 2 if src.startswith("\n", p + 1) else 1
                    pieces.append((k, 1, p, sl, _DEC))
                    k += 1
                    p += sl
                elif ck == "\r":
                    pieces.append((k, 1, p, 1, _LIT))
                    k += 1
                    p += 1
                else:
                    p += 1
                continue
            # c == "<": text if lxml has it literally, else markup lxml dropped
            tok = _token(src, p)
            if ck == "<" and (tok is None or chunk.startswith(src[p : tok[0]], k)):
                pieces.append((k, 1, p, 1, _LIT))
                k += 1
                p += 1
                continue
            if tok is None or tok[1] == _COMMENT:
                break
            p = tok[0]  # a stray end tag, say
        return k, p

    def _resync(self, chunk: str, k: int, p: int) -> int:
        """Where ``chunk[k:]`` matches in full further on, or -1.

        The full match decides; the candidates are first where its leading
        literal run occurs, then every place its first character could start
        (literally, as an entity, as CR), since markup lxml dropped may split
        any run.
        """
        src, n = self.src, len(chunk)
        limit = min(self.n, p + _WINDOW)
        anchor = _ANCHOR.match(chunk, k, k + 32).group(0)  # type: ignore[union-attr]
        if len(anchor) >= 4:
            f, tries = src.find(anchor, p, limit), 0
            while f >= 0 and tries < 8:
                if self._match(chunk, k, f, [])[0] == n:
                    return f
                f, tries = src.find(anchor, f + 1, limit), tries + 1
        c0 = chunk[k]
        starts = re.compile(re.escape(c0) + ("|&|\r" if c0 == "\n" else "|&"))
        for tries, m in enumerate(starts.finditer(src, p, limit)):
            if tries >= 256:
                break
            if self._match(chunk, k, m.start(), [])[0] == n:
                return m.start()
        return -1


# --------------------------------------------------------------------------
# Tree walk


class _Walker:
    """Walks the tree in document order, aligning every chunk, emitting prose."""

    def __init__(self, source: str, region: set[Any] | None) -> None:
        self.al = _Aligner(source)
        self.b = TextBuilder(source)
        self.region = region
        self.region_depth = 0 if region is not None else 1
        self.skip = 0
        self.ctx: list[tuple[str, dict[str, str]]] = [
            ("paragraph", {"tag": "", "class": "", "id": ""})
        ]
        self.gen = 0  # bumped at every block boundary
        self.open_gen = -1  # the generation of the block open in the builder
        self.headline_done = False
        self.ws_nl = False  # trailing whitespace of the open block holds a newline
        self.brs = 0  # <br>s since the last non-space text
        self.approx: list[Span] = []
        self.comments: list[tuple[str, int]] = []
        #: ``<q>`` elements: text offsets where each open one began, and the spans of closed ones.
        self.q_open: list[int] = []
        self.q_spans: list[tuple[int, int]] = []
        #: Record enclosing blocks' class/id tokens (whole pages; see _ancestors).
        self.ancestors = False

    @property
    def prose(self) -> bool:
        return self.skip == 0 and self.region_depth > 0

    def walk(self, nodes: Iterable[Any]) -> None:
        """Walk top-level nodes and their subtrees (iteratively: pages nest deep)."""
        for top in nodes:
            undo = self._enter(top)
            if undo is None:
                self._chunk(top.tail)
                continue
            stack: list[tuple[Any, Iterator[Any], int]] = [(top, iter(top), undo)]
            while stack:
                el, it, undo = stack[-1]
                child = next(it, None)
                if child is None:
                    stack.pop()
                    self._leave(undo)
                    self._chunk(el.tail)
                    continue
                cundo = self._enter(child)
                if cundo is None:
                    self._chunk(child.tail)
                else:
                    stack.append((child, iter(child), cundo))

    # Undo flags, so _leave restores exactly what _enter changed.
    _U_REGION, _U_SKIP, _U_BLOCK, _U_QUOTE = 1, 2, 4, 8

    def _enter(self, el: Any) -> int | None:
        """Enter a node; None for leaf nodes (comments, raw text) fully handled."""
        tag = el.tag
        if not isinstance(tag, str):
            if tag is _etree().Comment:
                at = self.al.seek_comment()
                body = el.text or ""
                if at >= 0 and "stylelint-" in body:
                    # The source body, not lxml's: it has the exact characters.
                    end = self.al.pos
                    raw = self.al.src[at + 4 : end]
                    for close in ("-->", "--!>"):
                        if raw.endswith(close):
                            raw = raw[: -len(close)]
                            break
                    self.comments.append((raw, at))
            return None
        undo = 0
        if self.region is not None and el in self.region:
            if self.region_depth == 0:
                self.gen += 1
            self.region_depth += 1
            undo |= self._U_REGION
        if tag in _RAW:
            self.al.skip_raw(tag)
            if undo:
                self._leave(undo)
            if tag in _BLOCK:
                self.gen += 1
            return None
        if tag == "br":
            self._br()
        elif tag in _SKIP:
            self.skip += 1
            undo |= self._U_SKIP
        if tag in _BLOCK or "-" in tag:
            undo |= self._U_BLOCK
            self.ctx.append(self._block_ctx(el, tag))
            self.gen += 1
        elif tag == "q":  # quoted speech: its marks are drawn by the browser, not in the text
            undo |= self._U_QUOTE
            self.q_open.append(self.b.length)
        self._chunk(el.text)
        return undo

    def _leave(self, undo: int) -> None:
        if undo & self._U_QUOTE:
            start = self.q_open.pop()
            if self.b.length > start:
                self.q_spans.append((start, self.b.length))
        if undo & self._U_BLOCK:
            self.ctx.pop()
            self.gen += 1
        if undo & self._U_SKIP:
            self.skip -= 1
        if undo & self._U_REGION:
            self.region_depth -= 1
            if self.region_depth == 0:
                self.gen += 1

    def _block_ctx(self, el: Any, tag: str) -> tuple[str, dict[str, str]]:
        attrs = {"tag": tag, "class": el.get("class") or "", "id": el.get("id") or ""}
        kind = _KIND.get(tag)
        parent, parent_attrs = self.ctx[-1]
        if kind != "blockquote" and (parent == "blockquote" or parent_attrs.get("quoted")):
            attrs["quoted"] = "true"  # a list or a heading inside a block quotation is quoted too
        if kind is None:
            m = _CLASS_KIND.search(attrs["class"] + " " + attrs["id"])
            if m:
                kind = m.group(0).lower()
            elif parent in (_INHERIT_P if tag == "p" else _INHERIT_DIV):
                kind = parent
            else:
                kind = "paragraph"
        if self.ancestors:
            self._ancestors(attrs)
        return kind, attrs

    # Ancestor tokens, for the boilerplate rules (BPL007): a <p> or <li> inside
    # <div class="share-tools"> or <ul class="related-links"> carries that
    # element's class and id in attrs["ancestors"] (space-separated, nearest
    # last; at most the 12 nearest enclosing blocks, so deep pages stay linear).
    _ANCESTOR_LIMIT = 12

    def _ancestors(self, attrs: dict[str, str]) -> None:
        outer = self.ctx[max(1, len(self.ctx) - self._ANCESTOR_LIMIT) :]
        tokens = " ".join(t for _, a in outer for t in (a["class"], a["id"]) if t)
        if tokens:
            attrs["ancestors"] = tokens

    def _br(self) -> None:
        if not self.prose or self.open_gen != self.gen:
            return
        self.brs += 1
        if self.brs >= 2:  # <br><br>: a paragraph break
            self.gen += 1
        elif not self.ws_nl:
            tag = self.al.seek_tag("br", max_tokens=64)
            if tag is not None:  # the "\n" stands where the <br> is
                self.al.pos = tag[1]
            self.b.inserted("\n", tag[0] if tag else self.al.pos)
            self.ws_nl = True

    # -- text ------------------------------------------------------------

    def _chunk(self, text: str | None) -> None:
        if not text:
            return
        pieces = self.al.align(text)
        if self.prose:
            self._emit(text, pieces)

    def _emit(self, chunk: str, pieces: list[Piece]) -> None:
        lo = 0
        if self.open_gen != self.gen:
            stripped = chunk.lstrip()
            if not stripped:
                return
            lo = len(chunk) - len(stripped)
            kind, attrs = self.ctx[-1]
            if kind == "h1":
                kind = "heading" if self.headline_done else "headline"
                self.headline_done = True
            self.b.start_block(kind, _src_start(pieces, lo), attrs)
            self.open_gen = self.gen
            self.ws_nl = False
            self.brs = 0
        if "\n" not in chunk:
            self._put(chunk, pieces, lo, len(chunk))
            if not chunk.isspace():
                self.ws_nl = False
                self.brs = 0
            return
        # Newlines are real source characters and stay, but a blank line only
        # ever separates blocks: whitespace that would make one becomes " ".
        pos = lo
        for m in _NL_RUN.finditer(chunk, lo):
            a, e = m.span()
            if a > pos:
                self._put(chunk, pieces, pos, a)
                self.ws_nl = False
                self.brs = 0
            if a == lo and self.ws_nl:
                pass  # the text already ends in a line break: drop this one
            elif chunk.count("\n", a, e) >= 2:
                # One space for the whole run (2+ source chars, so it maps as a whole).
                self.b.decoded(" ", _src_start(pieces, a), _src_end(pieces, e))
            else:
                self._put(chunk, pieces, a, e)
                self.ws_nl = True
            pos = e
        if pos < len(chunk):
            self._put(chunk, pieces, pos, len(chunk))
            if not chunk[pos:].isspace():
                self.ws_nl = False
                self.brs = 0

    def _put(self, chunk: str, pieces: list[Piece], lo: int, hi: int) -> None:
        """Append ``chunk[lo:hi]`` through its pieces."""
        b = self.b
        i = 0 if lo == 0 else bisect.bisect_right(pieces, lo, key=_ci) - 1
        for j in range(max(i, 0), len(pieces)):
            ci, cl, s, sl, kind = pieces[j]
            if ci >= hi:
                break
            if ci + cl <= lo:
                continue
            if kind == _LIT:
                a, e = max(ci, lo), min(ci + cl, hi)
                b.literal(s + a - ci, s + e - ci)
                continue
            text = chunk[max(ci, lo) : min(ci + cl, hi)]
            b.decoded(text, s, s + sl)
            if kind == _APPROX:
                if self.approx and self.approx[-1].end >= s:
                    last = self.approx[-1]
                    self.approx[-1] = Span(last.start, max(last.end, s + sl))
                else:
                    self.approx.append(Span(s, s + sl))


def _ci(piece: Piece) -> int:
    return piece[0]


def _src_start(pieces: list[Piece], ci: int) -> int:
    """Source index where chunk index ``ci`` starts."""
    k = max(bisect.bisect_right(pieces, ci, key=_ci) - 1, 0)
    pci, cl, s, sl, kind = pieces[k]
    if kind == _LIT and ci < pci + cl:
        return s + max(ci - pci, 0)
    return s if ci < pci + cl else s + sl


def _src_end(pieces: list[Piece], ce: int) -> int:
    """Source index just past chunk index ``ce - 1``."""
    k = max(bisect.bisect_right(pieces, ce - 1, key=_ci) - 1, 0)
    pci, cl, s, sl, kind = pieces[k]
    if kind == _LIT:
        return s + min(max(ce - pci, 0), cl)
    return s + sl


# --------------------------------------------------------------------------
# Tree, metadata, region


def _etree() -> Any:
    """``lxml.etree``, imported on first use: runs that read no HTML never load it."""
    from lxml import etree

    return etree


def _tree(source: str) -> Any | None:
    """Parse with lxml; the document root, or None for an empty document."""
    etree = _etree()
    parser = etree.HTMLParser(
        encoding="utf-8",
        remove_comments=False,
        remove_pis=False,
        no_network=True,  # HTMLParser never loads DTDs or external entities
        huge_tree=True,
        recover=True,
        default_doctype=False,
    )
    # Bytes with an explicit encoding: lxml refuses a str that carries an XML
    # encoding declaration, and a <meta charset> must not re-decode the text.
    try:
        data = source.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: lxml gets U+FFFD, as for bad bytes
        data = _SURROGATE.sub("\ufffd", source).encode("utf-8")
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:  # nothing lxml could build a tree from
        return None
    for err in parser.error_log:
        # libxml2 stops reading at its limits (2,048 nested elements, even with
        # huge_tree) and keeps what it read: linting that part would pass the
        # rest unchecked, so the file is an error instead.
        if err.type_name == "ERR_RESOURCE_LIMIT":
            limit = err.message.split(",")[0].strip().lower()
            raise ParseError(f"cannot read the HTML whole at line {err.line}: {limit} (lxml's limit); not linted")
    return root


def _top_nodes(root: Any) -> list[Any]:
    """Document-level nodes in order: comments, the root, anything after it."""
    before = list(root.itersiblings(preceding=True))
    before.reverse()
    after = [n for n in root.itersiblings() if n is not root]
    return [*before, root, *after]


def _norm(s: str | None) -> str:
    return " ".join((s or "").split())


_PUBLISHED_KEYS = ("article:published_time", "datepublished", "pubdate", "date", "dc.date.issued")


def _collect_meta(nodes: list[Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """``<title>``, ``<meta>``/itemprop values, JSON-LD datePublished, lang.

    Returns the meta dict and the name/property values keyed in lower case.
    """
    meta: dict[str, Any] = {}
    lower: dict[str, str] = {}
    for top in nodes:
        if not isinstance(top.tag, str):
            continue
        if "title" not in meta:
            for t in top.iter("title"):
                if not any(a.tag in ("svg", "math") for a in t.iterancestors()):
                    meta["title"] = _norm(t.text)
                    break
        for el in top.iter("meta"):
            name = el.get("name") or el.get("property") or el.get("itemprop")
            content = el.get("content")
            if name and content is not None:
                meta.setdefault(name, content.strip())
                lower.setdefault(name.lower(), content.strip())
        for el in top.xpath("//*[@itemprop='datePublished'][not(self::meta)]"):
            value = el.get("datetime") or el.get("content") or _norm(el.text)
            lower.setdefault("datepublished", value)
            meta.setdefault("datePublished", value)
        for el in top.iter("time"):  # <time pubdate> (an early HTML5 draft)
            if el.get("pubdate") is not None and el.get("datetime"):
                lower.setdefault("pubdate", el.get("datetime"))
        for el in top.iter("script"):
            if (el.get("type") or "").lower() == "application/ld+json" and el.text:
                m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', el.text)
                if m:
                    lower.setdefault("datepublished", m.group(1))
        if top.get("lang") and "lang" not in meta:
            meta["lang"] = top.get("lang").strip()
    for key in _PUBLISHED_KEYS:
        date = iso_date(lower.get(key))
        if date:
            meta["published"] = date
            break
    return meta, lower


def _outermost(elements: Iterable[Any]) -> list[Any]:
    chosen = list(dict.fromkeys(elements))
    keep = set(chosen)
    return [e for e in chosen if not any(a in keep for a in e.iterancestors())]


def _prose_len(el: Any) -> int:
    total = sum(len(t) for t in el.itertext())
    for s in el.iter("script", "style", "noscript", "template"):
        total -= sum(len(t) for t in s.itertext(with_tail=False))
    return total


_SIMPLE = re.compile(r"\s*(>)?\s*([A-Za-z][\w-]*|\*)?((?:[.#][\w-]+|\[[^\]]+\])*)")
_ATTR_SEL = re.compile(r"""\[\s*([\w-]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*))\s*)?\]""")


def _xpath_lit(s: str) -> str:
    if "'" not in s:
        return f"'{s}'"
    if '"' not in s:
        return f'"{s}"'
    return "concat(" + ', "\'", '.join(f"'{p}'" for p in s.split("'")) + ")"


def css_to_xpath(selector: str) -> str:
    """XPath for a small CSS subset: ``tag``, ``.class``, ``#id``, ``[attr]``,
    ``[attr=value]``, compounds of these, descendant and ``>`` combinators,
    and comma lists. Raises ConfigError (a ValueError) for anything else."""
    paths = []
    for group in selector.split(","):
        group = group.strip()
        if not group:
            raise ConfigError(f"empty CSS selector in {selector!r}")
        xp, pos = "", 0
        while pos < len(group):
            m = _SIMPLE.match(group, pos)
            if not m or m.end() == pos or not (m.group(2) or m.group(3)):
                raise ConfigError(f"unsupported CSS selector {selector!r}")
            child, tag, rest = m.groups()
            preds = []
            for part in re.findall(r"[.#][\w-]+|\[[^\]]+\]", rest or ""):
                if part[0] == ".":
                    preds.append(
                        "contains(concat(' ', normalize-space(@class), ' '), "
                        f"{_xpath_lit(' ' + part[1:] + ' ')})"
                    )
                elif part[0] == "#":
                    preds.append(f"@id={_xpath_lit(part[1:])}")
                else:
                    am = _ATTR_SEL.fullmatch(part)
                    if not am:
                        raise ConfigError(f"unsupported CSS selector {selector!r}")
                    name, *vals = am.groups()
                    val = next((v for v in vals if v is not None), None)
                    preds.append(f"@{name}" if val is None else f"@{name}={_xpath_lit(val)}")
            step = (tag or "*").lower() + "".join(f"[{p}]" for p in preds)
            xp += ("/" if child else "//") + step
            pos = m.end()
        paths.append(xp)
    return " | ".join(paths)


def select(root: Any, selector: str) -> list[Any]:
    """Elements matching a CSS selector (cssselect when installed)."""
    try:
        from lxml.cssselect import CSSSelector
    except ImportError:  # cssselect is optional
        return list(root.xpath(css_to_xpath(selector)))
    try:
        return list(CSSSelector(selector, translator="html")(root))
    except Exception as exc:  # cssselect.SelectorError and friends
        raise ConfigError(f"invalid CSS selector {selector!r}: {exc}") from exc


_TITLE_SEP = re.compile(r"\s+[|\-\u2013\u2014:\u00b7\u00bb/]+\s+")


def _is_headline(h1: Any, titles: list[str]) -> bool:
    """Whether an ``<h1>`` carries the page title (not, say, the site's logo).

    Titles read "Headline | Site"; the h1 must be most of the whole title or
    of its longest part, compared by words (quotes and punctuation vary).
    """
    text = _words(" ".join(h1.itertext()))
    if not text:
        return False
    for title in titles:
        longest = max(_TITLE_SEP.split(title), key=len)
        for cand in (_words(title), _words(longest)):
            short, long_ = sorted((text, cand), key=len)
            if short and short in long_ and len(short) >= 0.6 * len(long_):
                return True
    return False


def _words(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]+", "", s.lower()).split())


_ARTICLE_BODY = (
    "//*[contains(concat(' ', normalize-space(@itemprop), ' '), ' articleBody ')][not(self::meta)]"
)


def _find_region(
    nodes: list[Any], whole: bool, selector: str | None, titles: list[str]
) -> tuple[list[Any], str]:
    """The article region: the elements prose comes from, and a description."""
    roots = [n for n in nodes if isinstance(n.tag, str)]
    region: list[Any] = []
    desc = "body" if whole else "fragment"
    if selector:
        region = _outermost(e for r in roots for e in select(r, selector))
        if region:
            desc = f"selector:{selector}"
    if not region and whole:
        # Candidates in order of preference; ones without text (a <meta
        # itemprop=articleBody>, a shell that script fills) do not count.
        for kind, xp in (
            ("itemprop=articleBody", _ARTICLE_BODY),
            ("article", "//article"),
            ("main", "//main"),
            ("role=main", "//*[@role='main']"),
        ):
            found = [e for e in _outermost(e for r in roots for e in r.xpath(xp)) if _prose_len(e)]
            if found:
                # All parts of a split article body; the largest <article>
                # (others are teasers); the first main.
                if kind == "article":
                    found = [max(found, key=_prose_len)]
                elif kind != "itemprop=articleBody":
                    found = found[:1]
                region, desc = found, kind
                break
    if not region:
        return [], desc
    # A headline set above the article body belongs to it: add the page's <h1>
    # when the region lacks one and the <title> or og:title carries its text.
    if not any(True for e in region for _ in e.iter("h1")):
        h1 = next((h for r in roots for h in r.iter("h1") if _is_headline(h, titles)), None)
        if h1 is not None:
            region.append(h1)
            desc += "+h1"
    return region, desc


# --------------------------------------------------------------------------
# Entry points


def parse(source: str, path: str | None = None, *, content_selector: str | None = None) -> Document:
    """Parse HTML (a page or a fragment) into a :class:`Document`.

    ``text`` holds the prose, blocks separated by blank lines; every character
    maps to the exact source characters it came from (an entity maps as a
    whole). ``meta`` gets ``title``, ``<meta>`` values, ``published``
    (``YYYY-MM-DD``), ``lang`` and ``region``, the part of a whole page the
    prose was taken from. ``content_selector`` (CSS) picks that part
    explicitly; without it a page's article is found automatically.
    """
    root = _tree(source) if _NOT_WS.search(source) else None
    if root is None:
        b = TextBuilder(source)
        return b.build("html", path, meta={"region": "fragment"})
    nodes = _top_nodes(root)
    whole = bool(_WHOLE_PAGE.search(source))
    meta, lower = _collect_meta(nodes)
    titles = [_norm(t).lower() for t in (meta.get("title"), lower.get("og:title")) if t]
    region, desc = _find_region(nodes, whole, content_selector, titles)
    if "published" not in meta:
        # Last resort: the first <time datetime> in the article (or anywhere
        # in a page without one).
        scope = region or [n for n in nodes if isinstance(n.tag, str)]
        dates = (iso_date(t.get("datetime")) for el in scope for t in el.iter("time"))
        date = next((d for d in dates if d), None)
        if date:
            meta["published"] = date
    walker = _Walker(source, set(region) if region else None)
    walker.ancestors = whole  # whole pages: enclosing widgets' class/id tokens
    walker.walk(nodes)
    if region and not walker.b.length:  # the region held no prose after all
        walker = _Walker(source, None)
        walker.ancestors = whole
        walker.walk(nodes)
        desc = "body" if whole else "fragment"
    meta["region"] = desc
    doc = walker.b.build("html", path, meta=meta, approximate=walker.approx)
    if walker.q_spans:
        doc.quotes = with_marked_quotes(doc.text, find_quotes(doc.text, doc.blocks), walker.q_spans)
    for body, at in walker.comments:
        d = parse_directive(body, at, doc.lines.position(at)[0])
        if d is not None:
            doc.directives.append(d)
    return doc


@hookimpl
def register_parsers() -> list[Parser]:
    """HTML and XHTML pages and fragments."""
    return [
        Parser(
            "html", (".html", ".htm", ".xhtml"), parse, ("text/html", "application/xhtml+xml"),
            config_keys=("content_selector",),
        )
    ]
