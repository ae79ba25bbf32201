"""The HTML report (``--format html``): the article itself, with every finding marked.

One self-contained, inert HTML file (inline CSS, no script, no external
request), built with lxml so every piece of article text is escaped by the
serializer:

- at the top, a summary table by rule and severity (rule ids link to the
  rule's documentation, embedded at the bottom of the report, and to
  ``--docs-url`` or the rule's source when known) and, for several input
  files, an index of the files;
- per file, a banner with document-level findings (a spun-copy verdict)
  and errors, the article with a ``<mark>`` on every finding, and beside it
  (below it in print and on narrow screens) the numbered list of findings.
  A mark's ``title`` shows rule, severity, message and suggestion on hover;
  its number links to the list entry, and the entry links back to the mark.

HTML input keeps its own markup (headings, paragraphs, lists, tables,
figures) with the page's scripts, styles, media, forms, frames, event
handlers and URLs removed: only a whitelist of elements and attributes
survives, and a Content-Security-Policy forbids scripts and every load
besides. Text and Markdown input is rendered as paragraphs and headings,
line breaks kept.

How marks are placed: each finding's source range ``[offset, end_offset)``
is bracketed with two private-use sentinel characters inserted into the
source, the source is parsed (HTML) or split into blocks (text, Markdown),
and every text node holding sentinels is cut into plain text and ``<mark>``
elements. A finding that crosses element boundaries so gets one mark per
piece, each in its own element, and the page's markup stays well formed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from stylelint import __version__
from stylelint.model.findings import Severity, Violation
from stylelint.parsers.text import PARAGRAPH_BREAK
from stylelint.report.formatters.sarif import rule_url
from stylelint.report.results import FileResult, Report, escape_undecodable

# ---------------------------------------------------------------------------
# Sentinels: finding n opens with chr(BASE + 2(n-1)) and closes with the next.

_BASE = 0xF0000
_MAX_FINDINGS = (0xFFFFD - _BASE) // 2
_SENT = re.compile("[\U000F0000-\U000FFFFD]")
_SURROGATE = re.compile("[\ud800-\udfff]")

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

# ---------------------------------------------------------------------------
# What of the input's HTML survives.

#: Removed with their content: active, embedded, fetched or invisible.
_DROP = frozenset(
    """script style noscript template iframe frame frameset object embed applet param
    link meta base head title svg math video audio source track picture canvas map area
    input button select option optgroup datalist textarea output dialog portal
    noembed noframes xmp plaintext listing slot""".split()
)
#: Kept as they are (minus attributes not in _ATTRS).
_KEEP = frozenset(
    """p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote q cite em strong b i u s small
    big sub sup br hr span div section article header footer main aside nav figure
    figcaption table thead tbody tfoot tr td th caption colgroup col pre code abbr time
    address del ins kbd samp var details summary dfn bdi bdo wbr ruby rt rp tt center
    strike acronym hgroup fieldset legend""".split()
)
#: Attributes kept on kept elements: none of them is a URL, a script or a style.
_ATTRS = frozenset(
    "colspan rowspan headers scope dir lang title datetime start reversed value abbr span".split()
)
#: Elements that never have content (HTML's void elements and obsolete ones).
_VOID = frozenset(
    "area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr".split()
)
_SAFE_HREF = re.compile(r"^\s*(https?|mailto):", re.I)
#: A tag or comment in HTML source, to keep sentinels out of markup.
_TAG = re.compile(r"<!--.*?-->|<[A-Za-z/!?][^>]*>", re.S)

_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'none'; base-uri 'none'"
)

_CSS = """
:root{--err:#b71c1c;--err-bg:#fde4e1;--warn:#8a5300;--warn-bg:#ffeeb0;--info:#0d5aa7;--info-bg:#dcecfc;
--line:#d9d9d9;--muted:#5f6368;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#f4f4f2;color:#1f1f1f;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:#1a56a8}
.sl-top{background:#fff;border-bottom:1px solid var(--line);padding:1.2rem 2rem}
.sl-top h1{font-size:1.5rem;margin:0 0 .2rem}
.sl-meta{color:var(--muted);margin:0 0 1rem}
table.sl-summary{border-collapse:collapse;font-size:14px;min-width:32rem}
table.sl-summary th,table.sl-summary td{border:1px solid var(--line);padding:.25rem .6rem;text-align:left}
table.sl-summary td.sl-n,table.sl-summary th.sl-n{text-align:right;font-variant-numeric:tabular-nums}
table.sl-summary thead th{background:#f0f0ee}
table.sl-summary tfoot td{font-weight:600;background:#fafaf8}
.sl-files{margin-top:1rem}.sl-files ol{margin:.5rem 0 0;padding-left:1.5rem}
.sl-file{padding:1.2rem 2rem 2rem;border-bottom:1px solid var(--line)}
.sl-file>h2{font-size:1.2rem;margin:0 0 .6rem;overflow-wrap:anywhere}
.sl-file>h2 small{font-weight:400;color:var(--muted)}
.sl-layout{display:grid;grid-template-columns:minmax(0,48rem) minmax(18rem,1fr);gap:1.5rem;align-items:start}
.sl-article{background:#fff;border:1px solid var(--line);border-radius:4px;padding:1.5rem 2rem;
font:17px/1.65 Georgia,"Times New Roman",serif;overflow-wrap:break-word;min-width:0}
.sl-article h1{font-size:1.7rem;line-height:1.25}
.sl-article h2,.sl-article h3{line-height:1.3}
.sl-article .sl-block{white-space:pre-wrap;margin:0 0 1em}
.sl-article.sl-markdown .sl-block,.sl-article.sl-markdown li{white-space:normal}
.sl-article pre,.sl-article .sl-frontmatter{white-space:pre-wrap;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;
background:#f6f6f4;padding:.5rem .75rem;border-radius:3px}
.sl-article table{border-collapse:collapse;max-width:100%;display:block;overflow-x:auto}
.sl-article td,.sl-article th{border:1px solid #e4e4e4;padding:.2rem .4rem;vertical-align:top}
.sl-article blockquote{border-left:3px solid #ccc;margin-left:0;padding-left:1rem;color:#333}
.sl-article .sl-a{color:#1a56a8;text-decoration:underline dotted}
.sl-article .sl-img{font:italic 13px system-ui,sans-serif;color:var(--muted)}
mark.sl-m{color:inherit;background:var(--warn-bg);border-bottom:2px solid var(--warn);padding:0 1px;border-radius:2px;
-webkit-print-color-adjust:exact;print-color-adjust:exact}
mark.sl-error{background:var(--err-bg);border-bottom-color:var(--err)}
mark.sl-info{background:var(--info-bg);border-bottom-color:var(--info)}
mark.sl-multi{border-bottom-style:double;border-bottom-width:3px}
mark.sl-point::before{content:"\\2038";font-weight:700}
sup.sl-ref{font:600 10px/1 system-ui,sans-serif;margin-left:1px}
sup.sl-ref a{text-decoration:none;color:var(--warn)}
sup.sl-ref.sl-error a{color:var(--err)}
sup.sl-ref.sl-info a{color:var(--info)}
:target{outline:3px solid #7b4fd6;outline-offset:1px}
.sl-findings{position:sticky;top:0;max-height:100vh;overflow:auto;font-size:13.5px;padding-right:.25rem}
.sl-findings h3{font-size:1rem;margin:.2rem 0 .5rem}
.sl-findings ol{list-style:none;margin:0;padding:0}
.sl-findings li{background:#fff;border:1px solid var(--line);border-left:4px solid var(--warn);border-radius:3px;
padding:.4rem .6rem;margin:0 0 .4rem}
.sl-findings li.sl-error{border-left-color:var(--err)}
.sl-findings li.sl-info{border-left-color:var(--info)}
.sl-num{font-weight:700;text-decoration:none;margin-right:.3rem}
.sl-badge{display:inline-block;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;
padding:0 .35rem;border-radius:3px;background:var(--warn-bg);color:var(--warn);
-webkit-print-color-adjust:exact;print-color-adjust:exact}
.sl-badge.sl-error{background:var(--err-bg);color:var(--err)}
.sl-badge.sl-info{background:var(--info-bg);color:var(--info)}
.sl-rid{font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace}
.sl-pos{color:var(--muted);font-variant-numeric:tabular-nums}
.sl-msg{margin:.15rem 0}
.sl-fix{color:var(--muted)}
.sl-fix q{quotes:"\\201C" "\\201D";color:#1f1f1f}
.sl-fix ins{text-decoration:none;background:#e0f3e0;padding:0 2px}
.sl-banner{border:1px solid var(--line);border-left:5px solid var(--warn);background:#fffaf0;border-radius:4px;
padding:.6rem .9rem;margin:0 0 1rem;max-width:80rem}
.sl-banner.sl-error{border-left-color:var(--err);background:#fff5f4}
.sl-banner.sl-info{border-left-color:var(--info);background:#f4f9ff}
.sl-banner p{margin:.2rem 0}
.sl-errors{border-left-color:var(--err);background:#fff5f4}
.sl-rules{padding:1.2rem 2rem 2rem}
.sl-rules h2{font-size:1.2rem}
.sl-rule{background:#fff;border:1px solid var(--line);border-radius:4px;padding:.6rem 1rem;margin:0 0 .6rem;max-width:60rem}
.sl-rule h3{font-size:1rem;margin:0 0 .3rem}
.sl-rule p{margin:.3rem 0;white-space:pre-line}
.sl-clean{color:#1b5e20;font-weight:600}
@media (max-width:62rem){.sl-layout{display:block}.sl-findings{position:static;max-height:none;margin-top:1rem}}
@media print{body{background:#fff;font-size:11pt}.sl-layout{display:block}
.sl-findings{position:static;max-height:none;overflow:visible;margin-top:1rem}
.sl-article{border:0;padding:0}.sl-findings li,.sl-rule,.sl-banner{break-inside:avoid}
.sl-file{break-before:page}.sl-file:first-of-type{break-before:auto}a{color:inherit}}
"""


@dataclass
class _Finding:
    """A finding as the report shows it: its number in the file and its state."""

    n: int
    v: Violation
    document_level: bool
    placed: bool = False


def _sev(v: Violation) -> str:
    return str(v.severity)


def _tip(v: Violation) -> str:
    tip = f"{v.rule_id} {v.name} [{v.severity}]: {v.message}"
    if v.suggestion is not None and v.suggestion not in v.message:
        tip += f" Suggestion: {v.suggestion}"
    return tip


def _el(tag: str, text: str | None = None, /, **attrs: Any) -> etree._Element:
    """An element; ``class_`` becomes ``class``; None attributes are left out."""
    el = etree.Element(tag)
    for key, value in attrs.items():
        if value is not None:
            el.set(key.rstrip("_").replace("_", "-"), _visible(str(value)))
    if text is not None:
        el.text = _visible(text)
    return el


def _sub(parent: etree._Element, tag: str, text: str | None = None, /, **attrs: Any) -> etree._Element:
    el = _el(tag, text, **attrs)
    parent.append(el)
    return el


# What XML cannot carry (lxml refuses it) or a reader would not see: C0
# controls but tab and line breaks, DEL, C1 controls, lone surrogates and
# U+FFFE/U+FFFF. Each becomes one visible character, so no mark moves: a C0
# control or DEL its Control Pictures symbol (U+0001 as U+2401 "SOH"), the
# rest U+FFFD.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _picture(m: re.Match[str]) -> str:
    c = ord(m.group())
    return chr(0x2400 + c) if c < 0x20 else "\u2421" if c == 0x7F else "\ufffd"


def _visible(text: str) -> str:
    """``text`` as the report shows it: every character it cannot hold, visible, one for one."""
    return _INVISIBLE.sub(_picture, text) if _INVISIBLE.search(text) else text


def _visible_tree(root: etree._Element) -> None:
    """Make every text, tail and attribute value under ``root`` visible (see :func:`_visible`).

    lxml's HTML parser keeps control characters (and reads ``&#1;`` as one),
    but refuses them on any later assignment, so the parsed page is swept once.
    """
    for el in root.iter():
        if el.text and _INVISIBLE.search(el.text):
            el.text = _visible(el.text)
        if el.tail and _INVISIBLE.search(el.tail):
            el.tail = _visible(el.tail)
        for key, value in el.attrib.items():
            if _INVISIBLE.search(value):
                el.set(key, _visible(value))


# ---------------------------------------------------------------------------
# Sentinels in, marks out


def _events(findings: Sequence[_Finding], length: int, *, in_text: bool = False) -> list[tuple[int, str]]:
    """``(position, sentinel)`` pairs in insertion order.

    Positions are source offsets, or with ``in_text`` indexes of the
    document's prose (``Violation.span``).
    """
    keyed: list[tuple[int, int, int, str]] = []
    for f in findings:
        if f.document_level or f.n > _MAX_FINDINGS:
            continue
        lo, hi = (f.v.span.start, f.v.span.end) if in_text else (f.v.offset, f.v.end_offset)
        start = min(max(lo, 0), length)
        end = min(max(hi, start), length)
        opener, closer = chr(_BASE + 2 * (f.n - 1)), chr(_BASE + 2 * (f.n - 1) + 1)
        if end > start:
            # At one position: closes first, then points, then opens.
            keyed.append((start, 2, f.n, opener))
            keyed.append((end, 0, f.n, closer))
        else:
            keyed.append((start, 1, 2 * f.n, opener))
            keyed.append((start, 1, 2 * f.n + 1, closer))
    keyed.sort()
    return [(pos, ch) for pos, _, _, ch in keyed]


def _insert(text: str, events: Sequence[tuple[int, str]], base: int = 0) -> str:
    """``text`` (which starts at source ``base``) with sentinels inserted."""
    out: list[str] = []
    pos = 0
    for at, ch in events:
        at -= base
        out.append(text[pos:at])
        out.append(ch)
        pos = at
    out.append(text[pos:])
    return "".join(out)


def _decode(ch: str) -> tuple[int, bool]:
    """Finding number and whether the sentinel opens it."""
    code = ord(ch) - _BASE
    return code // 2 + 1, code % 2 == 0


def _slots(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every text slot (``text`` or ``tail`` of an element) in document order."""
    slots = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            slots.append((el, "text"))
        elif el is not root:
            slots.append((el, "tail"))
    return slots


def _placeable(slots: Sequence[tuple[etree._Element, str]]) -> set[int]:
    """Findings whose two sentinels both survived in text, in order."""
    opened: set[int] = set()
    good: set[int] = set()
    for el, kind in slots:
        for ch in _SENT.findall(getattr(el, kind) or ""):
            n, is_open = _decode(ch)
            if is_open:
                opened.add(n)
            elif n in opened:
                good.add(n)
    return good


def _mark_tree(root: etree._Element, findings: Mapping[int, _Finding], k: int) -> None:
    """Replace the sentinels under ``root`` with marks, anchors and reference numbers."""
    slots = _slots(root)
    good = _placeable(slots)
    active: dict[int, None] = {}  # ordered set of open findings
    need_anchor: set[int] = set()
    done: set[int] = set()
    for el, kind in slots:
        value = getattr(el, kind)
        if not value:
            continue
        if not _SENT.search(value):
            # An image placeholder is ours, not article text: never marked.
            if active and value.strip() and not (kind == "text" and el.get("class") == "sl-img"):
                setattr(el, kind, None)
                _splice(el, kind, [_mark(value, active, findings, need_anchor, k)])
            continue
        items: list[Any] = []
        pos = 0
        for m in _SENT.finditer(value):
            chunk = value[pos : m.start()]
            pos = m.end()
            if chunk:
                items.append(_mark(chunk, active, findings, need_anchor, k) if active and chunk.strip() else chunk)
            n, is_open = _decode(m.group())
            if n not in good or n not in findings or n in done:
                continue
            if is_open:
                active[n] = None
                need_anchor.add(n)
                continue
            active.pop(n, None)
            done.add(n)
            f = findings[n]
            if n in need_anchor:
                # Nothing visible was marked (a point, or only white space).
                items.append(_point(f, k))
                need_anchor.discard(n)
            f.placed = True
            ref = _el("sup", None, class_=f"sl-ref sl-{_sev(f.v)}")
            _sub(ref, "a", str(n), href=f"#sl-f{k}-{n}", title=_tip(f.v))
            items.append(ref)
        tail = value[pos:]
        if tail:
            items.append(_mark(tail, active, findings, need_anchor, k) if active and tail.strip() else tail)
        setattr(el, kind, None)
        _splice(el, kind, items)


def _mark(text: str, active: Mapping[int, None], findings: Mapping[int, _Finding], need_anchor: set[int], k: int) -> etree._Element:
    """A ``<mark>`` over ``text`` for every finding open there."""
    ids = list(active)
    worst = max((findings[n].v.severity for n in ids), default=Severity.WARNING)
    cls = f"sl-m sl-{worst}" + (" sl-multi" if len(ids) > 1 else "")
    mark = _el("mark", text, class_=cls, title="\n".join(_tip(findings[n].v) for n in ids),
               data_f=" ".join(str(n) for n in ids))
    first = [n for n in ids if n in need_anchor]
    if first:
        mark.set("id", f"sl-m{k}-{first[0]}")
        for n in first[1:]:
            # One element has one id: later findings starting here get an anchor inside.
            anchor = _el("span", None, id=f"sl-m{k}-{n}")
            mark.insert(0, anchor)
            anchor.tail, mark.text = mark.text, None
        need_anchor.difference_update(first)
    return mark


def _point(f: _Finding, k: int) -> etree._Element:
    return _el("mark", None, class_=f"sl-m sl-{_sev(f.v)} sl-point", id=f"sl-m{k}-{f.n}",
               title=_tip(f.v), data_f=str(f.n))


def _splice(el: etree._Element, kind: str, items: Sequence[Any]) -> None:
    """Put strings and elements where ``el``'s text (or tail) was."""
    lead: list[str] = []
    nodes: list[etree._Element] = []
    for item in items:
        if isinstance(item, str):
            if nodes:
                nodes[-1].tail = (nodes[-1].tail or "") + item
            else:
                lead.append(item)
        else:
            nodes.append(item)
    setattr(el, kind, "".join(lead) or None)
    if kind == "text":
        for i, node in enumerate(nodes):
            el.insert(i, node)
    else:
        parent = el.getparent()
        at = parent.index(el) + 1
        for i, node in enumerate(nodes):
            parent.insert(at + i, node)


# ---------------------------------------------------------------------------
# HTML input: parse, make inert, keep the markup


def _snap_out_of_tags(source: str, events: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Move sentinel positions that fall inside a tag or comment to just after it."""
    if not events:
        return events
    spans = [(m.start(), m.end()) for m in _TAG.finditer(source)]
    if not spans:
        return events
    import bisect

    starts = [s for s, _ in spans]
    out = []
    for pos, ch in events:
        i = bisect.bisect_right(starts, pos - 1) - 1
        if i >= 0 and spans[i][0] < pos < spans[i][1]:
            pos = spans[i][1]
        out.append((pos, ch))
    # Snapping is monotone, so the order (and each open-before-close) holds.
    return out


def _move_text_before(el: etree._Element, text: str) -> None:
    """Put ``text`` where it reads just before ``el`` (previous tail or parent text)."""
    if not text:
        return
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + text
    else:
        parent = el.getparent()
        parent.text = (parent.text or "") + text


def _drop(el: etree._Element) -> None:
    """Remove ``el`` and its content, keeping its tail and any sentinels inside."""
    parent = el.getparent()
    if parent is None:
        return
    kept = "".join(_SENT.findall("".join(el.itertext()))) if isinstance(el.tag, str) else ""
    _move_text_before(el, kept + (el.tail or ""))
    parent.remove(el)


def _unwrap(el: etree._Element) -> None:
    """Replace ``el`` by its content."""
    parent = el.getparent()
    if parent is None:
        return
    at = parent.index(el)
    _move_text_before(el, el.text or "")
    children = list(el)
    for i, child in enumerate(children):
        parent.insert(at + i, child)
    if children:
        last = children[-1]
        last.tail = (last.tail or "") + (el.tail or "")
    else:
        _move_text_before(el, el.tail or "")
    parent.remove(el)


def _lift(el: etree._Element) -> None:
    """Move content out of a void element, to just after it.

    libxml2 does not know every void element (``embed``, ``source``,
    ``track``, ``wbr`` …) and nests the rest of the page inside it; that
    content is the article's, not the element's.
    """
    if el.text is None and not len(el):
        return
    parent = el.getparent()
    at = parent.index(el)
    text, tail = el.text, el.tail
    el.text = None
    children = list(el)
    el.tail = text
    for i, child in enumerate(children):
        parent.insert(at + 1 + i, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + (tail or "")
    else:
        el.tail = (el.tail or "") + (tail or "")


def _sanitize(root: etree._Element) -> None:
    """Keep a whitelist of elements and attributes; everything active goes."""
    for el in reversed(list(root.iter())):
        if el is root:
            continue
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comment, processing instruction, entity
            _drop(el)
            continue
        tag = tag.lower()
        if tag in _VOID:
            _lift(el)
        if tag in _DROP:
            _drop(el)
            continue
        if tag == "img":
            alt = " ".join((el.get("alt") or "").split())[:120]
            if alt:
                repl = _el("span", f"[image: {alt}]", class_="sl-img")
                repl.tail = el.tail
                el.addprevious(repl)
                el.tail = None
            _drop(el)
            continue
        if tag == "a":
            href = el.get("href") or ""
            for attr in list(el.attrib):
                del el.attrib[attr]
            el.tag = "span"
            el.set("class", "sl-a")
            if _SAFE_HREF.match(href):
                el.set("title", _SENT.sub("", href.strip())[:500])
            continue
        if tag == "mark":  # the page's own highlights must not read as findings
            tag = el.tag = "span"
        if tag not in _KEEP:
            _unwrap(el)
            continue
        for attr in list(el.attrib):
            if attr.lower() not in _ATTRS:
                del el.attrib[attr]
            else:
                el.set(attr, _SENT.sub("", el.get(attr)))
        if tag == "details":
            el.set("open", "open")  # content a reader must see, without a click


_CHARREF = re.compile(r"&#(?:([xX])([0-9A-Fa-f]+)|([0-9]+))")


def _neutralize(source: str) -> str:
    """The source with no way to spell a sentinel, at the same length.

    Literal sentinel characters become U+FFFD; so do character references
    to them (``&#xF0000;``), rewritten with the same number of digits so
    that every offset still holds.
    """
    source = _SENT.sub("\ufffd", source)

    def fix(m: re.Match[str]) -> str:
        digits = m.group(2) or m.group(3)
        value = int(digits, 16 if m.group(1) else 10)
        if not _BASE <= value <= 0x10FFFF:
            return m.group(0)
        if m.group(1):
            return f"&#{m.group(1)}{0xFFFD:0{len(digits)}X}"
        return f"&#{0xFFFD:0{len(digits)}d}"

    return _CHARREF.sub(fix, source)


def _html_article(source: str, findings: Sequence[_Finding]) -> tuple[etree._Element, str | None]:
    """The page's body, inert, with sentinels; and the page title."""
    events = _snap_out_of_tags(source, _events(findings, len(source)))
    marked = _insert(_neutralize(source), events)
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        huge_tree=True, recover=True, default_doctype=False,
    )
    # Lone surrogates cannot be UTF-8: U+FFFD, one for one, so no sentinel moves.
    data = _SURROGATE.sub("\ufffd", marked).encode("utf-8") if marked else b"<p></p>"
    try:
        doc = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        doc = None
    article = _el("div", None, class_="sl-page")
    if doc is None:
        return article, None
    _visible_tree(doc)
    title = doc.findtext(".//title")
    body = doc.find(".//body")
    if body is None:
        body = doc
    article.text = body.text
    for child in list(body):
        article.append(child)
    # Content lxml put in <head> (a stray text node) is not the article.
    _sanitize(article)
    return article, (" ".join(title.split()) if title else None)


# ---------------------------------------------------------------------------
# Text and Markdown input: paragraphs and headings from the source

_MD_HEADING = re.compile(r"#{1,6}[ \t]+")
_FRONT = re.compile(r"(?:---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")


def _blocks(source: str, fmt: str | None) -> list[tuple[int, int, str, int]]:
    """``(start, end, tag, shown_from)`` blocks of a text or Markdown source."""
    blocks: list[tuple[int, int, str, int]] = []
    pos = 0
    if fmt == "markdown":
        m = _FRONT.match(source)
        if m:
            fence = m.group(0).strip()
            close = re.compile(r"(?:\r\n|\r|\n)" + re.escape(fence) + r"[ \t]*(?=\r\n|\r|\n|$)").search(source, m.end())
            if close:
                blocks.append((0, close.end(), "pre", 0))
                pos = close.end()
    for m in [*PARAGRAPH_BREAK.finditer(source, pos), None]:
        end = m.start() if m else len(source)
        chunk = source[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            start, stop = pos + lead, pos + trail
            tag, shown = "p", start
            if fmt == "markdown":
                h = _MD_HEADING.match(source, start, stop)
                if h and "\n" not in source[start:stop] and "\r" not in source[start:stop]:
                    tag, shown = f"h{min(len(h.group(0).strip()), 6)}", h.end()
                elif source.startswith((">",), start):
                    tag = "blockquote"
                elif source.startswith(("```", "~~~", "    "), start):
                    tag = "pre"
            blocks.append((start, stop, tag, shown))
        if m:
            pos = m.end()
    if fmt != "markdown" and len(blocks) > 1:
        from stylelint.parsers.text import looks_like_headline

        start, stop, _, shown = blocks[0]
        first = source[start:stop]
        if "\n" not in first and "\r" not in first and looks_like_headline(first):
            blocks[0] = (start, stop, "h1", shown)
    return blocks


_MD_TAGS = {"headline": "h1", "heading": "h2", "list_item": "li", "blockquote": "blockquote"}


def _markdown_blocks(source: str, path: str | None, findings: Sequence[_Finding]):
    """Markdown as its prose: ``(text, blocks, title)``, or None to show the source.

    The built-in parser gives the same prose the rules read, so the
    findings' text spans place the marks; when it does not agree with every
    finding (another parser plugin), the source is shown instead.
    """
    try:
        from stylelint.parsers.markdown import parse

        doc = parse(source, path)
    except Exception:
        return None
    for f in findings:
        if not f.document_level and doc.text[f.v.span.start : f.v.span.end] != f.v.match:
            return None
    blocks = [(b.span.start, b.span.end, _MD_TAGS.get(b.kind, "p"), b.span.start) for b in doc.blocks]
    title = doc.meta.get("title")
    return doc.text, blocks, title if isinstance(title, str) else None


def _text_article(base: str, blocks: Sequence[tuple[int, int, str, int]], events: Sequence[tuple[int, str]], cls: str) -> etree._Element:
    """Blocks of ``base`` (a text source, or Markdown prose) as elements, with sentinels."""
    import bisect

    article = _el("div", None, class_=cls)
    if not blocks:
        return article
    starts = [b[0] for b in blocks]
    per_block: list[list[tuple[int, str]]] = [[] for _ in blocks]
    for pos, ch in events:
        _, is_open = _decode(ch)
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            i, pos = 0, blocks[0][3]
        if pos > blocks[i][1]:  # between blocks: opens go to the next block, closes stay
            if is_open and i + 1 < len(blocks):
                i += 1
                pos = blocks[i][3]
            else:
                pos = blocks[i][1]
        _, stop, _, shown = blocks[i]
        per_block[i].append((min(max(pos, shown), stop), ch))
    listing = None
    for (start, stop, tag, shown), evs in zip(blocks, per_block, strict=True):
        if tag == "li":
            if listing is None:
                listing = _sub(article, "ul")
            block = _sub(listing, "li")
        else:
            listing = None
            front = tag == "pre" and start == 0
            block = _sub(article, tag, None, class_="sl-frontmatter" if front else (None if tag[0] == "h" else "sl-block"))
        block.text = _visible(_insert(base[shown:stop], evs, shown))
    return article


# ---------------------------------------------------------------------------
# The report


def _file_section(report_el: etree._Element, k: int, f: FileResult, rules: Mapping[str, Any], many: bool) -> None:
    section = _sub(report_el, "section", None, class_="sl-file", id=f"sl-file-{k}")
    heading = _sub(section, "h2", escape_undecodable(f.path))
    n = len(f.violations)
    summary = f"{n} finding{'s' if n != 1 else ''}" + (f", {len(f.errors)} error{'s' if len(f.errors) != 1 else ''}" if f.errors else "")
    _sub(heading, "small", f" — {f.format or 'not parsed'}, {summary}")

    if f.errors:
        box = _sub(section, "div", None, class_="sl-banner sl-errors", role="alert")
        for err in f.errors:
            _sub(box, "p", f"Error: {err}")

    findings = [
        _Finding(i, v, bool(getattr(rules.get(v.rule_id), "document_level", False)))
        for i, v in enumerate(f.violations, 1)
    ]
    by_n = {x.n: x for x in findings}
    doc_level = [x for x in findings if x.document_level]
    for x in doc_level:
        box = _sub(section, "div", None, class_=f"sl-banner sl-{_sev(x.v)}", role="note")
        p = _sub(box, "p")
        _sub(p, "mark", x.v.rule_id, class_=f"sl-m sl-{_sev(x.v)}", id=f"sl-m{k}-{x.n}", title=_tip(x.v), data_f=str(x.n))
        strong = _sub(p, "strong", f" {x.v.name} ")
        strong.tail = _visible(f"(whole document, {x.v.severity}): {x.v.message}")
        _sub(p, "a", f"[{x.n}]", href=f"#sl-f{k}-{x.n}", class_="sl-num")
        if x.v.suggestion is not None and x.v.suggestion not in x.v.message:
            _sub(box, "p", f"Suggestion: {x.v.suggestion}")
        x.placed = True

    if f.source is None:
        return
    title = None
    markdown = _markdown_blocks(f.source, f.path, findings) if f.format == "markdown" else None
    if f.format == "html":
        page, title = _html_article(f.source, findings)
    elif markdown is not None:
        text, blocks, title = markdown
        page = _text_article(text, blocks, _events(findings, len(text), in_text=True), "sl-plain sl-md")
    else:
        source_blocks = _blocks(f.source, f.format)
        page = _text_article(f.source, source_blocks, _events(findings, len(f.source)), "sl-plain")
    _mark_tree(page, by_n, k)
    if title:
        label = "Page title" if f.format == "html" else "Title"
        heading.addnext(_el("p", f"{label}: {' '.join(title.split())}", class_="sl-meta"))

    lost = [x for x in findings if not x.placed]
    if lost:
        box = _sub(section, "div", None, class_="sl-banner sl-warning", role="note")
        _sub(box, "p", "Not located in the article view (the markup around them was removed or repaired):")
        for x in lost:
            p = _sub(box, "p")
            _sub(p, "mark", x.v.match or x.v.rule_id, class_=f"sl-m sl-{_sev(x.v)}", id=f"sl-m{k}-{x.n}",
                 title=_tip(x.v), data_f=str(x.n))
            _sub(p, "a", f"[{x.n}]", href=f"#sl-f{k}-{x.n}", class_="sl-num").tail = _visible(f" {x.v.rule_id} at {x.v.line}:{x.v.column}")
            x.placed = True

    layout = _sub(section, "div", None, class_="sl-layout")
    article = _sub(layout, "article", None, class_=f"sl-article sl-{f.format or 'text'}")
    article.append(page)
    aside = _sub(layout, "aside", None, class_="sl-findings")
    _sub(aside, "h3", f"Findings in this file ({n})" if many else f"Findings ({n})")
    if not findings:
        _sub(aside, "p", "No findings.", class_="sl-clean")
        return
    ol = _sub(aside, "ol")
    for x in findings:
        v = x.v
        li = _sub(ol, "li", None, id=f"sl-f{k}-{x.n}", class_=f"sl-{_sev(v)}")
        _sub(li, "a", f"{x.n}", href=f"#sl-m{k}-{x.n}", class_="sl-num", title="show in the article")
        _sub(li, "span", str(v.severity), class_=f"sl-badge sl-{_sev(v)}").tail = " "
        _sub(li, "a", v.rule_id, href=f"#sl-rule-{v.rule_id}", class_="sl-rid", title=v.name).tail = " "
        where = f"{v.line}:{v.column}" + (" (approximate)" if v.approximate else "")
        _sub(li, "span", "whole document" if x.document_level else where, class_="sl-pos")
        _sub(li, "div", v.message, class_="sl-msg")
        if v.match and not x.document_level:
            fix = _sub(li, "div", None, class_="sl-fix")
            _sub(fix, "q", v.match[:300] + ("…" if len(v.match) > 300 else ""))
            if v.suggestion is not None:
                arrow = " → "
                fix[-1].tail = arrow
                _sub(fix, "ins", v.suggestion)
                if v.fix is not None:
                    fix[-1].tail = f" ({'safe' if v.fix.safe else 'unsafe'} fix)"
        elif v.suggestion is not None and v.suggestion not in v.message:
            _sub(li, "div", f"Suggestion: {v.suggestion}", class_="sl-fix")


def _summary(parent: etree._Element, report: Report, rules: Mapping[str, Any]) -> None:
    counts: dict[str, dict[Severity, int]] = {}
    names: dict[str, str] = {}
    for v in report.violations:
        counts.setdefault(v.rule_id, dict.fromkeys(_SEVERITIES, 0))[v.severity] += 1
        names.setdefault(v.rule_id, v.name)
    if not counts:
        _sub(parent, "p", "No findings.", class_="sl-clean")
        return
    table = _sub(parent, "table", None, class_="sl-summary")
    _sub(table, "caption", "Findings by rule and severity").set("style", "text-align:left;font-weight:600;padding:.2rem 0")
    head = _sub(_sub(table, "thead"), "tr")
    for label, cls in (("Rule", None), ("Name", None), ("Error", "sl-n"), ("Warning", "sl-n"), ("Info", "sl-n"), ("Total", "sl-n")):
        _sub(head, "th", label, class_=cls, scope="col")
    body = _sub(table, "tbody")
    totals = dict.fromkeys(_SEVERITIES, 0)
    for rule_id in sorted(counts):
        row = _sub(body, "tr")
        _sub(_sub(row, "td"), "a", rule_id, href=f"#sl-rule-{rule_id}", class_="sl-rid")
        rule = rules.get(rule_id)
        _sub(row, "td", names[rule_id] or getattr(rule, "name", ""))
        for sev in _SEVERITIES:
            c = counts[rule_id][sev]
            totals[sev] += c
            cell = _sub(row, "td", None, class_="sl-n")
            if c:
                _sub(cell, "span", str(c), class_=f"sl-badge sl-{sev}")
        _sub(row, "td", str(sum(counts[rule_id].values())), class_="sl-n")
    foot = _sub(_sub(table, "tfoot"), "tr")
    _sub(foot, "td", "All rules", colspan="2")
    for sev in _SEVERITIES:
        _sub(foot, "td", str(totals[sev]), class_="sl-n")
    _sub(foot, "td", str(sum(totals.values())), class_="sl-n")


def _rules_section(parent: etree._Element, report: Report, rules: Mapping[str, Any], docs_url: str | None) -> None:
    used = sorted({v.rule_id for v in report.violations})
    if not used:
        return
    section = _sub(parent, "section", None, class_="sl-rules", id="sl-rules")
    _sub(section, "h2", "Rules")
    first = {}
    for v in report.violations:
        first.setdefault(v.rule_id, v)
    for rule_id in used:
        rule = rules.get(rule_id)
        box = _sub(section, "div", None, class_="sl-rule", id=f"sl-rule-{rule_id}")
        name = getattr(rule, "name", "") or first[rule_id].name
        _sub(box, "h3", f"{rule_id} {name}")
        if rule is None:
            _sub(box, "p", "No documentation available for this rule.")
            continue
        _sub(box, "p", rule.summary.strip())
        if rule.rationale and rule.rationale.strip() != rule.summary.strip():
            _sub(box, "p", rule.rationale.strip())
        meta = f"Default severity: {rule.severity}. Fix: {rule.fixable or 'none'}. Provided by: {rule.plugin or 'unknown'}."
        _sub(box, "p", meta, class_="sl-meta")
        if rule.source:
            _sub(box, "p", f"Source: {rule.source.strip()}")
        url = rule_url(rule_id, rule, docs_url)
        if url and re.match(r"^https?://", url):
            p = _sub(box, "p")
            _sub(p, "a", "Full documentation" if docs_url else "Source", href=url, rel="noopener noreferrer")


def render(report: Report, options: Mapping[str, Any]) -> str:
    """The report as one self-contained HTML page."""
    rules: Mapping[str, Any] = options.get("rules") or {}
    docs_url = options.get("docs_url")
    n, files = len(report.violations), len(report.files)
    title = f"stylelint: {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"

    html_el = _el("html", None, lang="en")
    head = _sub(html_el, "head")
    _sub(head, "meta", None, charset="utf-8")
    # Defence in depth: even if something active slipped through, the
    # browser runs no script and loads nothing.
    _sub(head, "meta", None, http_equiv="Content-Security-Policy", content=_CSP)
    _sub(head, "meta", None, name="referrer", content="no-referrer")
    _sub(head, "meta", None, name="viewport", content="width=device-width, initial-scale=1")
    _sub(head, "meta", None, name="generator", content=f"stylelint {__version__}")
    _sub(head, "title", title)
    _sub(head, "style", _CSS)
    body = _sub(html_el, "body")

    top = _sub(body, "header", None, class_="sl-top")
    _sub(top, "h1", "stylelint report")
    errors = report.error_count()
    meta = title.split(": ", 1)[1]
    if errors:
        meta += f"; {errors} error{'s' if errors != 1 else ''} (input, config or plugin)"
    meta += f". Fails on {report.fail_on} and above."
    _sub(top, "p", meta, class_="sl-meta")
    _summary(top, report, rules)
    if report.errors:
        box = _sub(top, "div", None, class_="sl-banner sl-errors", role="alert")
        for err in report.errors:
            _sub(box, "p", f"Error: {err}")
    many = files > 1
    if many:
        nav = _sub(top, "nav", None, class_="sl-files")
        _sub(nav, "strong", "Files")
        ol = _sub(nav, "ol")
        for k, f in enumerate(report.files, 1):
            li = _sub(ol, "li")
            _sub(li, "a", escape_undecodable(f.path), href=f"#sl-file-{k}")
            c = len(f.violations)
            li[-1].tail = f" — {c} finding{'s' if c != 1 else ''}" + (" (error)" if f.errors else "")

    _sub(body, "main")
    _rules_section(body, report, rules, docs_url)
    page = lxml_html.tostring(html_el, doctype="<!DOCTYPE html>", encoding="unicode", method="html") + "\n"
    # Each file's section is built and written out on its own, then dropped:
    # a report of many whole pages never holds all their trees at once.
    sections = []
    for k, f in enumerate(report.files, 1):
        holder = _el("main")
        _file_section(holder, k, f, rules, many)
        sections.extend(lxml_html.tostring(el, encoding="unicode", method="html") for el in holder)
    head, _, tail = page.partition("<main></main>")
    return "".join([head, "<main>", *sections, "</main>", tail])  # one join: no interim copies of the page
