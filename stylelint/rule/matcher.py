"""One compiled phrase matcher for every phrase list of every active rule.

Phrases are matched on tokens, not with one regex per phrase: the text is
tokenized once, and each token is looked up in a dict keyed by the first
token of every phrase. The cost is one dict lookup per token plus a short
check of the few phrases that start with that token, so a 13,000-line style
dictionary costs about as much as a 100-line one.

Matching is case-insensitive (lower-cased) unless a phrase asks otherwise, treats curly
and straight apostrophes alike, lets any run of spaces or a single line break
stand between words, never crosses a paragraph break, and never matches part
of a hyphenated compound ("informed" does not match in "well-informed").
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import itemgetter
from typing import Any, overload

# A word keeps its internal apostrophes ("don't", "Zelenskyy's"); anything
# else that is not space is a one-character token, so "U.S." is U . S .
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")  # stdlib re: faster here than regex
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_FIRST = itemgetter(0)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_HYPHENS = "-‐‑"


def normalize(token: str) -> str:
    """The form tokens are compared in: lower case, straight apostrophes."""
    # str.replace is several times faster than str.translate on long texts.
    return token.replace("’", "'").replace("‘", "'").replace("ʼ", "'").lower()


class Tokens(Sequence[tuple[str, int, int]]):
    """``(normalized token, start, end)`` triples, stored compactly.

    A 9 MB page has 1.5 million tokens: as a list of tuples they took 270 MB;
    here each distinct word is stored once and the offsets are machine
    integers (about 16 bytes a token). ``words`` is the list of normalized
    tokens, ``starts`` and ``ends`` their offsets.
    """

    __slots__ = ("words", "starts", "ends")

    def __init__(self, words: list[str], starts: array, ends: array) -> None:
        self.words = words
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.words)

    @overload
    def __getitem__(self, i: int) -> tuple[str, int, int]: ...
    @overload
    def __getitem__(self, i: slice) -> list[tuple[str, int, int]]: ...
    def __getitem__(self, i: int | slice) -> tuple[str, int, int] | list[tuple[str, int, int]]:
        if isinstance(i, slice):
            return list(zip(self.words[i], self.starts[i], self.ends[i], strict=True))
        return self.words[i], self.starts[i], self.ends[i]

    def __iter__(self) -> Iterator[tuple[str, int, int]]:
        return zip(self.words, self.starts, self.ends, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self.words == other.words and self.starts == other.starts and self.ends == other.ends
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


#: Text is tokenized in pieces of about this many characters, cut at white
#: space (no token holds any, and case folding does not look across it), so
#: the transient copies and lists stay small.
_CHUNK = 1 << 16
_SPACE = re.compile(r"\s")


def tokenize(text: str, *, chunk: int = _CHUNK) -> Tokens:
    """``(normalized token, start, end)`` for every token of ``text``.

    ``chunk`` is how much text is split at a time (tests pass a small one).
    """
    code = "i" if len(text) < 2**31 else "q"
    words: list[str] = []
    starts, ends = array(code), array(code)
    seen: dict[str, str] = {}  # one string per distinct word
    pos, n = 0, len(text)
    while pos < n:
        m = _SPACE.search(text, pos + chunk) if pos + chunk < n else None
        cut = m.start() if m else n
        piece = text[pos:cut]
        folded = normalize(piece)
        if len(folded) == len(piece):
            # The folded piece's offsets are the text's. Splitting on the
            # token pattern gives separators and tokens in turn; their running
            # lengths are the offsets, all computed in C (faster than a
            # finditer loop).
            parts = _TOKEN_SPLIT.split(folded)
            offsets = list(accumulate(map(len, parts), initial=pos))
            toks = parts[1::2]
            words.extend(map(seen.setdefault, toks, toks))
            starts.extend(offsets[1:-1:2])
            ends.extend(offsets[2::2])
        else:
            # Rare characters change length when lowered (İ): fold token by token.
            for t in _TOKEN.finditer(piece):
                tok = normalize(t.group())
                words.append(seen.setdefault(tok, tok))
                starts.append(pos + t.start())
                ends.append(pos + t.end())
        pos = cut
    return Tokens(words, starts, ends)


def words(text: str) -> tuple[str, ...]:
    """The normalized tokens of :func:`tokenize`, without offsets (cheaper for short phrases)."""
    folded = normalize(text)
    if len(folded) == len(text):
        return tuple(_TOKEN.findall(folded))
    return tuple(normalize(m.group()) for m in _TOKEN.finditer(text))


@dataclass(frozen=True, slots=True)
class PhraseEntry:
    """A phrase registered by a rule, with what the rule wants back."""

    owner: Hashable
    phrase: str
    payload: Any = None
    case_sensitive: bool = False


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A phrase found in the text: its entry and ``[start, end)``."""

    entry: PhraseEntry
    start: int
    end: int


class PhraseMatcher:
    """A token index over many phrase lists; build once, scan many texts."""

    def __init__(self, entries: Iterable[PhraseEntry]) -> None:
        index: dict[str, list[tuple[tuple[str, ...], PhraseEntry]]] = {}
        count = 0
        for entry in entries:
            toks = words(entry.phrase)
            if not toks:
                continue
            index.setdefault(toks[0], []).append((toks[1:], entry))
            count += 1
        self._index = index
        self.size = count

    def __len__(self) -> int:
        return self.size

    def scan(self, text: str, tokens: Sequence[tuple[str, int, int]] | None = None) -> Iterator[PhraseMatch]:
        """Every phrase occurrence in ``text``, in text order.

        Overlapping matches are all reported; rules choose among them.
        """
        if not self._index:
            return
        if tokens is None:
            tokens = tokenize(text)
        index = self._index
        for i in self._candidates(tokens):
            tok, start, _ = tokens[i]
            cands = index.get(tok)
            stem_end = None
            if cands is None:
                # Possessive: "Kiev's" matches the phrase "Kiev".
                cands = index[tok[:-2]]
                stem_end = tokens[i][2] - 2
            if start > 0 and text[start - 1] in _HYPHENS and start > 1 and text[start - 2].isalnum():
                continue
            for rest, entry in cands:
                end = self._match_rest(text, tokens, i, rest)
                if end is None:
                    continue
                if stem_end is not None:
                    if rest:
                        continue
                    end = stem_end
                if end < len(text) and text[end] in _HYPHENS and end + 1 < len(text) and text[end + 1].isalnum():
                    continue
                if entry.case_sensitive and not _same_case(text[start:end], entry.phrase):
                    continue
                yield PhraseMatch(entry, start, end)

    def _candidates(self, tokens: Sequence[tuple[str, int, int]]) -> list[int]:
        """Indexes of the tokens that start a phrase, alone or as a possessive ("Kiev's").

        The membership tests run in C over the whole token list; the Python
        loop in :meth:`scan` then visits only these few positions.
        """
        words = tokens.words if isinstance(tokens, Tokens) else list(map(_FIRST, tokens))
        keys = self._index.keys()
        present = set(words)
        starters = present & keys
        starters.update(
            w for w in present - starters if len(w) > 2 and w.endswith("'s") and w[:-2] in keys
        )
        return list(compress(range(len(words)), map(starters.__contains__, words)))

    @staticmethod
    def _match_rest(text: str, tokens: Sequence[tuple[str, int, int]], i: int, rest: tuple[str, ...]) -> int | None:
        end = tokens[i][2]
        j = i + 1
        for want in rest:
            if j >= len(tokens) or tokens[j][0] != want:
                return None
            gap = text[end : tokens[j][1]]
            if gap and (gap.count("\n") > 1 or not gap.isspace()):
                return None
            end = tokens[j][2]
            j += 1
        return end


def _same_case(found: str, phrase: str) -> bool:
    return " ".join(found.split()).translate(_APOSTROPHES) == " ".join(phrase.split()).translate(
        _APOSTROPHES
    )


_CACHE: dict[Hashable, PhraseMatcher] = {}
_CACHE_LIMIT = 16


def compile_matcher(key: Hashable, entries: Iterable[PhraseEntry]) -> PhraseMatcher:
    """Build the matcher for ``entries`` once per process.

    ``key`` identifies the entries (rule ids and their phrase fingerprints),
    so a second linter with the same rules reuses the compiled index.
    """
    matcher = _CACHE.get(key)
    if matcher is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.pop(next(iter(_CACHE)))
        matcher = _CACHE[key] = PhraseMatcher(entries)
    return matcher
