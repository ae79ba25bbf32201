"""LSP positions against Python's own codecs: offsets ↔ (line, character) in UTF-16, UTF-8 and UTF-32."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from stylelint.interfaces.lsp.diagnostics import document_format, message_of, uri_to_path
from stylelint.interfaces.lsp.positions import Positions, apply_change
from stylelint.model.document import Span
from stylelint.model.findings import Violation

ENCODINGS = ("utf-16", "utf-8", "utf-32")
# Prose with the characters that make encodings differ: emoji (astral), accents
# (combining and precomposed), CJK, and every LSP line break.
ALPHABET = st.sampled_from(["a", "b", " ", "é", "e\u0301", "\U0001F600", "中", "\n", "\r\n", "\r", "\u2028", "\t"])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)


def units(text: str, encoding: str) -> int:
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text)


def lsp_lines(text: str) -> list[str]:
    """Lines as LSP counts them (\\n, \\r\\n, \\r only; U+2028 is not a break)."""
    return re.split(r"\r\n|\r|\n", text)


@given(TEXTS, st.data())
def test_position_and_offset_agree_with_the_codecs(text, data):
    offset = data.draw(st.integers(0, len(text)))
    if text[offset - 1 : offset + 1] == "\r\n":
        offset -= 1  # between CR and LF is no position of its own
    before = text[:offset]
    line = len(lsp_lines(before)) - 1
    line_text = lsp_lines(before)[-1]
    for enc in ENCODINGS:
        positions = Positions(text, enc)
        assert positions.position(offset) == (line, units(line_text, enc))
        assert positions.offset(line, units(line_text, enc)) == offset


def test_a_unit_inside_a_character_and_past_the_line_end():
    p = Positions("a\U0001F600b\nxy", "utf-16")
    assert p.offset(0, 2) == 1  # the second half of the emoji: the emoji
    assert p.offset(0, 99) == 3  # past the end of the line: its end, not the next line
    assert p.offset(7, 0) == 6  # past the last line: the end of the text
    assert p.position(99) == (1, 2)


@given(TEXTS, st.data())
def test_apply_change_replaces_the_range_the_client_means(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for i in (start, end):
        if text[i - 1 : i + 1] == "\r\n":
            return
    new = data.draw(TEXTS)
    for enc in ENCODINGS:
        p = Positions(text, enc)
        assert apply_change(text, (p.position(start), p.position(end)), new, enc) == text[:start] + new + text[end:]
    assert apply_change(text, None, new, "utf-16") == new


def test_documents_by_language_id_then_extension():
    assert document_format("markdown", "/a/b.txt") == "markdown"
    assert document_format("plaintext", None) == "text"
    assert document_format("text", None) == "text"
    assert document_format("html", None) == "html"
    assert document_format("gfm", "/a/b.MD") == "markdown"
    assert document_format("python", "/a/b.py") is None
    assert document_format(None, "/a/page.htm") == "html"
    assert uri_to_path("file:///tmp/a%20b.md") == "/tmp/a b.md"
    assert uri_to_path("untitled:Untitled-1") is None


def test_the_message_carries_the_suggestion_once():
    v = Violation("ATT001", Span(0, 1), "'claimed' as attribution; use 'said'.", suggestion="said")
    assert message_of(v) == "'claimed' as attribution; use 'said'."
    w = Violation("DAT004", Span(0, 1), "No ordinal suffix in a date.", suggestion="7")
    assert message_of(w) == "No ordinal suffix in a date. (suggestion: 7)"
