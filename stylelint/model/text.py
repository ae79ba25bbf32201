"""One text model for spaces and invisible characters, for every parser and every rule.

CMS copy is full of characters that look like a space or like nothing: a
no-break space between "Dec." and "7", a narrow no-break space before a
unit, a zero-width space a paste left, a soft hyphen inside a long word, a
byte-order mark in the middle of a file. A rule written with ``" "`` or
``\\s`` in mind would silently miss "Dec.\\u00a07th" or "ad\\u00advisor".

So the prose rules read is normalised once, after parsing: every Unicode
space separator (:data:`SPACES`) reads as an ASCII space, and the format
characters a CMS inserts (:data:`INVISIBLE`) are not there at all. The
source is untouched and every position stays exact: a space stands for its
source character one for one, and a removed character simply has no text.
A finding's ``match`` is the normalised prose, as it is for an entity.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from stylelint.model.document import Block, Document, OffsetMap, Span

#: Space separators (Unicode category Zs) other than U+0020: each reads as " ".
SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
#: Format characters with no width that CMSs and pastes insert: removed from the prose.
#: (Soft hyphen, zero-width space, non-joiner and joiner, word joiner, byte-order mark.)
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_ODD = re.compile(f"[{SPACES}{INVISIBLE}]")
_DROP = re.compile(f"[{INVISIBLE}]")
_TO_SPACE = str.maketrans(dict.fromkeys(SPACES, " "))


def normalize(text: str) -> str:
    """``text`` as rules read it: odd spaces as spaces, invisible characters gone."""
    if not _ODD.search(text):
        return text
    return _DROP.sub("", text).translate(_TO_SPACE)


def normalize_document(doc: Document) -> Document:
    """``doc`` with its prose normalised (see the module docstring); the same object when nothing changes.

    The offset map is rebuilt so that every remaining character maps to the
    source character it came from; blocks and quotations are moved with
    their text.
    """
    text = doc.text
    if not _ODD.search(text):
        return doc
    dropped = [m.start() for m in _DROP.finditer(text)]
    if not dropped:
        return replace(doc, text=text.translate(_TO_SPACE), cache={})

    def moved(i: int) -> int:
        return i - bisect.bisect_left(dropped, i)

    offsets = OffsetMap()
    for t, tl, s, sl in doc.offsets.segments():
        lo = bisect.bisect_left(dropped, t)
        hi = bisect.bisect_left(dropped, t + tl)
        if lo == hi:  # nothing removed here
            offsets.add(moved(t), tl, s, sl)
        elif tl != sl:  # an entity or an inserted separator: it stays whole, or goes
            if tl - (hi - lo) > 0:
                offsets.add(moved(t), tl - (hi - lo), s, sl)
        else:  # literal prose: the runs between removed characters, each mapped one for one
            start = t
            for d in dropped[lo:hi]:
                if d > start:
                    offsets.add(moved(start), d - start, s + (start - t), d - start)
                start = d + 1
            if t + tl > start:
                offsets.add(moved(start), t + tl - start, s + (start - t), t + tl - start)
    offsets.set_source_length(len(doc.source))

    def span(sp: Span) -> Span:
        return Span(moved(sp.start), moved(sp.end))

    blocks = [Block(b.kind, span(b.span), b.attrs) for b in doc.blocks]
    return replace(
        doc,
        text=_DROP.sub("", text).translate(_TO_SPACE),
        offsets=offsets,
        blocks=[b for b in blocks if b.span.end > b.span.start],
        quotes=[q for q in map(span, doc.quotes) if q.end > q.start],
        cache={},
        _lines=None,
        _block_starts=None,
        _quote_starts=None,
    )
