"""Fast scanning for the rule packs: gated regex iteration and word tries.

Many rule regexes start with a lookbehind, a character class or a long
alternation; the ``regex`` engine then tries the whole pattern at every
position of the text, which makes a pass over an article slow even when the
pattern hardly ever matches. When every match must *begin* with something
cheap to find (one of a few literal words, a digit followed by ``st``), a
*gate* finds those positions first and the full pattern is tried only there.

- :class:`Anchors` finds every position where a gate matches in a document,
  once (patterns that start alike share one :class:`Anchors`);
  :data:`LOWER_WORDS` does it for lowercase words of several packs in one
  scan of the lowercased text.
- :class:`Gated` wraps a pattern and its gate; its ``finditer`` returns
  exactly what ``pattern.finditer`` returns, provided that the gate matches,
  in the whole text, at every position where the pattern can match (it is a
  *necessary* condition for a match starting there: a prefix of the pattern,
  or something the pattern implies), and that the pattern never matches the
  empty string.
- :class:`Required` skips a pattern on a text that lacks a word every match
  contains.
- :func:`word_trie` writes an alternation of words factored by prefixes.

Nothing here changes what a rule finds: only how fast.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Any

import regex


def word_trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, factored by common prefixes.

    It matches exactly the same strings as ``"|".join(map(re.escape, words))``
    (as a set: with a lookahead after it, any word can be chosen), but a
    backtracking engine rejects a position after one or two character tests
    instead of trying every word.
    """
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here; longer ones continue
            return "(?:" + body + ")?"
        return body

    return build(trie)


_LAST_LOWERED: tuple[str, str | None] = ("", "")


def lowered(text: str) -> str | None:
    """``text`` in lower case, position for position, or None if that cannot be.

    Every character that a case-insensitive ``regex`` pattern (without
    FULLCASE) matches with an ASCII letter becomes that lowercase letter:
    ``str.lower`` does it for all but the long s, which is mapped by hand.
    The one such character whose lower case is longer, the dotted capital I,
    changes the length; then there is no such text (None). The last result is
    kept, since several rules gate the same document.
    """
    global _LAST_LOWERED
    last_text, last = _LAST_LOWERED
    if last_text is text:
        return last
    low: str | None = text.lower()
    if len(low) != len(text):
        low = None
    elif "ſ" in low:
        low = low.replace("ſ", "s")
    _LAST_LOWERED = (text, low)
    return low


class Anchors:
    """Every position where a gate matches in a text, found once per text.

    Several patterns that all start at, say, a month name can share one
    ``Anchors`` and so one scan of the document. The positions are those
    where ``gate.search`` finds a match, restarting one character after each,
    so overlapping matches are all kept. With ``lower=True`` the gate is
    searched in :func:`lowered` text (for case-insensitive patterns whose
    gate spells its words in lower case). The positions of the last text
    are kept.
    """

    __slots__ = ("_gate", "_lower", "_last")

    def __init__(self, gate: Any, *, lower: bool = False) -> None:
        self._gate = gate
        self._lower = lower
        self._last: tuple[str | None, list[int] | None] = (None, None)

    def positions(self, text: str) -> list[int] | None:
        """Ascending positions of the gate in ``text``, or None if it cannot be searched."""
        last_text, last = self._last
        if last_text is text:
            return last
        scanned: str | None = lowered(text) if self._lower else text
        found: list[int] | None = None
        if scanned is not None:
            found = []
            search = self._gate.search
            p = 0
            while True:
                g = search(scanned, p)
                if g is None:
                    break
                c = g.start()
                found.append(c)
                p = c + 1
        self._last = (text, found)
        return found


class WordAnchors:
    """:class:`Anchors` at lowercase words from several rule packs, in one scan.

    Each pack adds the words its gated patterns start with (:meth:`add`) and
    gates them with this object: the gate is the start of any of the words
    not after an ASCII letter, searched in :func:`lowered` text. That suits a
    pattern that starts with one of its words, written in any case or in
    lower case, with no letter before it. One scan of the document serves
    every pattern (each tries the others' positions too, which is cheap).
    """

    __slots__ = ("_words", "_anchors", "_size")

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._anchors: Anchors | None = None
        self._size = 0

    def add(self, words: Iterable[str]) -> WordAnchors:
        """Include ``words`` (lowercase); returns self, for use as a gate."""
        self._words.update(words)
        return self

    def positions(self, text: str) -> list[int] | None:
        """As :meth:`Anchors.positions`."""
        anchors = self._anchors
        if anchors is None or self._size != len(self._words):
            words = sorted(self._words)
            anchors = Anchors(re.compile(r"(?<![a-z])" + word_trie(words)), lower=True)
            self._anchors, self._size = anchors, len(words)
        return anchors.positions(text)


#: The shared lowercase-word gate (see :class:`WordAnchors`).
LOWER_WORDS = WordAnchors()


class Gated:
    """A compiled pattern whose ``finditer`` tries it only where a gate matches.

    ``gate`` is a compiled pattern (searched in the text, or with
    ``lower=True`` in :func:`lowered` text) or a shared :class:`Anchors` or
    :class:`WordAnchors`. The contract: wherever ``pattern.match(text, c,
    endpos)`` can succeed (for any ``endpos``), the gate matches at ``c`` in
    the whole text, asking no more of the text after ``c`` than the pattern
    does; and the pattern never matches the empty string. Every other
    attribute (``match``, ``search``, ``pattern``, ``groupindex`` …) is the
    pattern's own.
    """

    __slots__ = ("_pattern", "_anchors")

    def __init__(self, pattern: Any, gate: Any, *, lower: bool = False) -> None:
        self._pattern = pattern
        self._anchors = gate if isinstance(gate, (Anchors, WordAnchors)) else Anchors(gate, lower=lower)
        lowers = isinstance(gate, WordAnchors) or getattr(self._anchors, "_lower", False)
        full = regex.IGNORECASE | regex.FULLCASE
        if lowers and getattr(pattern, "flags", 0) & full == full:
            # Full case folding matches "ﬁve" with "five": lowered text would miss it.
            raise ValueError(f"{pattern.pattern!r}: a lowercase gate cannot serve full case folding")

    @property
    def ungated(self) -> Any:
        """The wrapped pattern."""
        return self._pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        """The same matches as ``pattern.finditer(text, pos, endpos)``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        positions = self._anchors.positions(text)
        if positions is None:
            yield from self._pattern.finditer(text, pos, end)
            return
        match = self._pattern.match
        p = pos
        for k in range(bisect_left(positions, pos), len(positions)):
            c = positions[k]
            if c >= end:
                return
            if c < p:
                continue
            m = match(text, c, end)
            if m is None:
                continue
            if m.end() == c:  # an empty match: the gate's contract was broken
                raise ValueError(f"gated pattern {self._pattern.pattern!r} matched the empty string")
            yield m
            p = m.end()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


class Required:
    """A compiled pattern that cannot match unless ``needle`` occurs in the text.

    ``needle`` must match inside every match of the pattern (a word the
    pattern requires); where it does not occur at all, ``finditer`` yields
    nothing without running the pattern. Other attributes are the pattern's.
    """

    __slots__ = ("_pattern", "_needle")

    def __init__(self, pattern: Any, needle: Any) -> None:
        self._pattern = pattern
        self._needle = needle

    @property
    def ungated(self) -> Any:
        """The wrapped pattern."""
        return self._pattern

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
        """The same matches as ``pattern.finditer(text, pos, endpos)``."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if self._needle.search(text, pos, end) is None:
            return iter(())
        return self._pattern.finditer(text, pos, end)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)
