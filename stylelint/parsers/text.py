"""Plain text: paragraphs separated by blank lines; the text is the source."""

from __future__ import annotations

import re

from stylelint import hookimpl
from stylelint.model.document import Block, Document, OffsetMap, Span
from stylelint.parsers.base import Parser

# The lookahead only states the first character a break can have: with it
# ``re`` skips to candidates instead of trying the pattern at every position.
PARAGRAPH_BREAK = re.compile(r"(?=[ \t\f\v\r\n])(?:[ \t\f\v]*(?:\r\n|\r|\n)){2,}")
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)]?$")


def looks_like_headline(line: str) -> bool:
    """A short first line without closing punctuation reads as a headline."""
    line = line.strip()
    return bool(line) and len(line) <= 160 and len(line.split()) <= 25 and not _SENTENCE_END.search(line)


def parse(source: str, path: str | None = None) -> Document:
    """Parse plain text. Offsets are the identity: the prose is the source."""
    blocks: list[Block] = []
    pos = 0
    for m in [*PARAGRAPH_BREAK.finditer(source), None]:
        end = m.start() if m else len(source)
        chunk = source[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            blocks.append(Block("paragraph", Span(pos + lead, pos + trail)))
        if m:
            pos = m.end()
    if len(blocks) > 1:
        first = blocks[0]
        text = source[first.span.start : first.span.end]
        if "\n" not in text and "\r" not in text and looks_like_headline(text):
            blocks[0] = Block("headline", first.span)
    return Document(
        source=source,
        text=source,
        format="text",
        offsets=OffsetMap.identity(len(source)),
        path=path,
        blocks=blocks,
    )


@hookimpl
def register_parsers() -> list[Parser]:
    """Plain text: .txt and .text files."""
    return [Parser("text", (".txt", ".text"), parse, ("text/plain",))]
