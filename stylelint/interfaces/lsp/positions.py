"""LSP positions: ``(line, character)`` in the negotiated encoding, to and from offsets.

stylelint's offsets count code points of the source. LSP counts lines from 0
(breaking at ``\\n``, ``\\r\\n`` and a lone ``\\r``, as
:class:`~stylelint.model.document.LineIndex` does) and characters in code
units of the ``positionEncoding`` agreed at ``initialize``: UTF-16 by
default, UTF-8 or UTF-32 when the client offers them.
:class:`~stylelint.model.units.CodeUnits` does the counting:
``character = units(offset) - units(line_start)``.

Nothing here imports pygls or lsprotocol, so the worker process uses it too.
"""

from __future__ import annotations

from stylelint.model.document import LineIndex
from stylelint.model.units import ENCODINGS, CodeUnits

#: A position as LSP counts it: 0-based line, character in code units.
Position = tuple[int, int]
#: ``(start, end)`` positions.
Range = tuple[Position, Position]


class Positions:
    """Offsets of one text ↔ LSP positions in one encoding.

    Building it costs one pass over the text for the line starts; the code
    unit tables are built on first use, so ASCII text costs nothing more.
    """

    __slots__ = ("text", "encoding", "_lines", "_units")

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        if encoding not in ENCODINGS:
            raise ValueError(f"unknown position encoding {encoding!r} (allowed: {', '.join(ENCODINGS)})")
        self.text = text
        self.encoding = encoding
        self._lines = LineIndex(text)
        self._units: CodeUnits | None = None

    def _code_units(self) -> CodeUnits:
        if self._units is None:
            self._units = CodeUnits(self.text)
        return self._units

    @property
    def line_count(self) -> int:
        """Lines of the text (a trailing line break opens an empty last line)."""
        return self._lines.line_count

    def line_start(self, line: int) -> int:
        """Offset where 0-based ``line`` starts (past the end: the text's length)."""
        if line >= self._lines.line_count:
            return len(self.text)
        return self._lines.line_start(max(line, 0) + 1)

    def line_end(self, line: int) -> int:
        """Offset of the end of 0-based ``line``, before its line break."""
        if line + 1 >= self._lines.line_count:
            return len(self.text)
        end = self._lines.line_start(line + 2)
        if self.text.startswith("\r\n", end - 2):
            return end - 2
        return end - 1

    def position(self, offset: int) -> Position:
        """The LSP position of code-point ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line, _ = self._lines.position(offset)
        start = self._lines.line_start(line)
        if offset == start:
            return line - 1, 0
        if self.encoding == "utf-32":
            return line - 1, offset - start
        units = self._code_units()
        return line - 1, units.to_units(offset, self.encoding) - units.to_units(start, self.encoding)

    def range(self, start: int, end: int) -> Range:
        """LSP range of the code-point span ``[start, end)``."""
        return self.position(start), self.position(end)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset at an LSP position.

        A line past the end is the end of the text; a character past the end
        of its line is the end of the line (as LSP asks); a unit inside a
        character (half a surrogate pair) is that character's start.
        """
        if line < 0:
            return 0
        if line >= self._lines.line_count:
            return len(self.text)
        start = self.line_start(line)
        end = self.line_end(line)
        if self.encoding == "utf-32":
            return min(start + max(character, 0), end)
        # Only the line is converted: an edit costs its line, not the document.
        units = CodeUnits(self.text[start:end])
        return start + units.from_units(max(character, 0), self.encoding)


def apply_change(text: str, change_range: Range | None, new_text: str, encoding: str) -> str:
    """``text`` after one ``didChange`` content change (``None`` range: the whole text)."""
    if change_range is None:
        return new_text
    positions = Positions(text, encoding)
    (sl, sc), (el, ec) = change_range
    start = positions.offset(sl, sc)
    end = max(start, positions.offset(el, ec))
    return text[:start] + new_text + text[end:]


def end_position(text: str, encoding: str) -> Position:
    """The position just past the last character (for a whole-document edit)."""
    return Positions(text, encoding).position(len(text))
