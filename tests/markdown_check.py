"""What every Markdown document the parser builds must satisfy, for the tests.

Shared by the parser's own tests and the CommonMark spec's examples.
"""

from __future__ import annotations

import html
import re

from stylelint.model.document import Document

_MARKUP = re.compile(r"[*_~\\]")


def decodes_to(piece: str, text: str) -> bool:
    """Whether a source ``piece`` stands for prose ``text`` that differs from it.

    A backslash escape stands for the character it escapes, an entity for
    what it decodes to (a numeric line break for a
    space, as it renders); U+FFFD stands for a NUL (CommonMark's insecure
    character) or for a lone surrogate; a CR LF may stand for the LF the HTML
    parser reads it as, and a run of blank lines in HTML for one space.
    """
    if len(piece) == 2 and piece[0] == "\\":  # a backslash escape
        return piece[1] == text
    if piece.startswith("&") and piece.endswith(";"):
        return html.unescape(piece).replace("\r", " ").replace("\n", " ") == text
    if text == "\ufffd":
        return piece == "\x00" or (len(piece) == 1 and "\ud800" <= piece <= "\udfff")
    if piece.isspace():
        return (piece == "\r\n" and text == "\n") or text == " "
    return False


def check_invariant(doc: Document, words: bool = True) -> None:
    """Every piece of ``text`` maps back to the source it came from.

    Literal segments equal their source; decoded segments (entities) decode
    from it; inserted ones (block separators, ``<br>`` spaces) are
    whitespace. Offsets never go backwards. Blocks are trimmed and hold no
    blank line. For every word, the source between its mapped ends is the
    word once emphasis markers and escapes are removed and entities decoded
    (``words=False`` skips that: inline tags inside a word, ``a<b>c</b>``,
    legitimately join source pieces).
    """
    source, text, offsets = doc.source, doc.text, doc.offsets
    covered = 0
    last_src = 0
    for t, tl, s, sl in offsets.segments():
        assert t == covered, "text has a gap in the offset map"
        covered = t + tl
        assert s >= last_src, "offsets go backwards"
        last_src = s
        if tl == sl:
            assert source[s : s + sl] == text[t : t + tl], (source[s : s + sl], text[t : t + tl])
        elif sl == 0:
            assert text[t : t + tl].isspace(), text[t : t + tl]
        else:
            assert decodes_to(source[s : s + sl], text[t : t + tl]), (source[s : s + sl], text[t : t + tl])
    assert covered == len(text)
    for block in doc.blocks:
        body = text[block.span.start : block.span.end]
        assert body and body == body.strip()
        assert "\n\n" not in body and "\r\n\r\n" not in body and "\r\r" not in body
        if not words:
            continue
        for m in re.finditer(r"\w+", body):
            i, j = block.span.start + m.start(), block.span.start + m.end()
            piece = source[offsets.to_source(i) : offsets.to_source_end(j)]
            assert _MARKUP.sub("", html.unescape(piece)) == _MARKUP.sub("", text[i:j]), (
                piece,
                text[i:j],
            )
