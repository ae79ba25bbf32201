"""Offsets in other units: UTF-16 and UTF-8 code units, for clients in other languages.

Every offset stylelint reports counts Unicode code points of the decoded
source (Python string indexes). JavaScript strings, LanguageTool's API and
LSP's default ``positionEncoding`` count UTF-16 code units (a character
outside the Basic Multilingual Plane, such as most emoji, is two); byte
offsets count UTF-8. :class:`CodeUnits` converts one string's offsets both
ways in O(log n) each after one pass over the string.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

#: The names LSP uses for the three encodings (``PositionEncodingKind``).
ENCODINGS = ("utf-16", "utf-8", "utf-32")


def _width_utf16(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def _width_utf8(ch: str) -> int:
    o = ord(ch)
    return 1 if o < 0x80 else 2 if o < 0x800 else 3 if o < 0x10000 else 4


class _Table:
    """Code-point offsets ↔ unit offsets for one encoding of one string.

    Only characters wider than one unit are recorded, so ASCII text costs
    nothing: the k-th of them is at code point ``_at[k]`` and unit
    ``_unit_at[k]``, is ``_width[k]`` units wide, and by its end the string
    has gained ``_extra[k]`` units over its code-point count.
    """

    __slots__ = ("_at", "_unit_at", "_width", "_extra", "_length")

    def __init__(self, text: str, width: Callable[[str], int]) -> None:
        self._at: list[int] = []
        self._unit_at: list[int] = []
        self._width: list[int] = []
        self._extra: list[int] = []
        extra = 0
        if not text.isascii():
            for i, ch in enumerate(text):
                if ch >= "\x80" and (w := width(ch)) > 1:
                    self._at.append(i)
                    self._unit_at.append(i + extra)
                    self._width.append(w)
                    extra += w - 1
                    self._extra.append(extra)
        self._length = len(text)

    def to_units(self, offset: int) -> int:
        """Units before code point ``offset`` (clamped to the string)."""
        offset = max(0, min(offset, self._length))
        k = bisect.bisect_left(self._at, offset)  # wide characters before ``offset``
        return offset + (self._extra[k - 1] if k else 0)

    def from_units(self, units: int) -> int:
        """The code point at unit offset ``units``; a unit inside a character gives that character."""
        units = max(0, units)
        k = bisect.bisect_right(self._unit_at, units) - 1  # the last wide character starting at or before
        if k >= 0 and units < self._unit_at[k] + self._width[k]:
            return self._at[k]
        return min(units - (self._extra[k] if k >= 0 else 0), self._length)


class CodeUnits:
    """Converts code-point offsets of ``text`` to and from UTF-16 or UTF-8 code units.

    ``utf-32`` is the identity (one unit per code point), so all three LSP
    position encodings go through :meth:`to_units` and :meth:`from_units`.
    """

    __slots__ = ("_text", "_tables")

    def __init__(self, text: str) -> None:
        self._text = text
        self._tables: dict[str, _Table] = {}

    def _table(self, encoding: str) -> _Table | None:
        if encoding == "utf-32":
            return None
        table = self._tables.get(encoding)
        if table is None:
            if encoding == "utf-16":
                width = _width_utf16
            elif encoding == "utf-8":
                width = _width_utf8
            else:
                raise ValueError(f"unknown encoding {encoding!r} (allowed: {', '.join(ENCODINGS)})")
            table = self._tables[encoding] = _Table(self._text, width)
        return table

    def to_units(self, offset: int, encoding: str = "utf-16") -> int:
        """Code-point ``offset`` as a count of ``encoding`` code units from the start."""
        table = self._table(encoding)
        return max(0, min(offset, len(self._text))) if table is None else table.to_units(offset)

    def from_units(self, units: int, encoding: str = "utf-16") -> int:
        """The code-point offset at ``units`` code units (a unit inside a character maps to its start)."""
        table = self._table(encoding)
        return max(0, min(units, len(self._text))) if table is None else table.from_units(units)

    def utf16(self, offset: int) -> int:
        """Shorthand: ``to_units(offset, "utf-16")``."""
        return self.to_units(offset, "utf-16")
