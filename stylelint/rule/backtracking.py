"""Regular expressions that can take exponential time, caught when a config loads.

A newsroom's pattern rule such as ``(a|a)+$`` or ``(\\w+\\s?)+$`` makes a
backtracking engine try exponentially many ways to split a line before it
fails. Such patterns get a config error naming the rule and the shape; the
ones this check cannot see still run under the rule time limit (the
``regex`` module's ``timeout``), so the check is a courtesy, not the guard.

Two shapes are reported, both under a repeat that has no upper bound:

- a repeat of something that is itself an unbounded repeat with only
  optional parts beside it (``(a+)+``, ``(.*)*``, ``(\\w+\\s?)+``): each
  run of characters can be shared out between the two repeats in many ways;
- a repeat of alternatives that spell the same characters (``(a|a)+``,
  ``(x|xx)+``): a stretch of text can be taken by either.

The pattern is read by the standard library's regular-expression parser
(``re._parser``; ``sre_parse`` before 3.11), which knows all but the
``regex`` module's own extensions; a pattern it cannot read is not judged.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any

if sys.version_info >= (3, 11):
    import re._constants as _c
    import re._parser as _parser
else:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _parser

_UNBOUNDED = _c.MAXREPEAT
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None))
_CATEGORY_NAMES = {
    _c.CATEGORY_DIGIT: "d", _c.CATEGORY_NOT_DIGIT: "D", _c.CATEGORY_SPACE: "s",
    _c.CATEGORY_NOT_SPACE: "S", _c.CATEGORY_WORD: "w", _c.CATEGORY_NOT_WORD: "W",
}
_CATEGORIES = "dDsSwW"
# Category pairs no character belongs to both of.
_DISJOINT = {frozenset(p) for p in ("ds", "ws", "dD", "sS", "wW", "dW")}
_ANY = ("any",)

#: A kind of character: ("lit", c), ("range", lo, hi), ("cat", one of dDsSwW) or ("any",).
Kind = tuple


def _kinds(item: tuple[Any, Any]) -> frozenset[Kind] | None:
    """The kinds of character one item matches, or None when it is not a character."""
    op, av = item
    if op is _c.LITERAL:
        return frozenset({("lit", chr(av))})
    if op is _c.ANY:
        return frozenset({_ANY})
    if op is _c.IN:
        out: set[Kind] = set()
        for sub_op, sub_av in av:
            if sub_op is _c.LITERAL:
                out.add(("lit", chr(sub_av)))
            elif sub_op is _c.RANGE:
                out.add(("range", chr(sub_av[0]), chr(sub_av[1])))
            elif sub_op is _c.CATEGORY and sub_av in _CATEGORY_NAMES:
                out.add(("cat", _CATEGORY_NAMES[sub_av]))
            else:  # a negated set and the like: anything
                return frozenset({_ANY})
        return frozenset(out)
    return None


def _categories(ch: str) -> set[str]:
    return {
        "d" if ch.isdigit() else "D",
        "s" if ch.isspace() else "S",
        "w" if (ch.isalnum() or ch == "_") else "W",
    }


def _chars(kind: Kind) -> list[str] | None:
    """The characters of a literal or a small range (None: too many to list)."""
    if kind[0] == "lit":
        return [kind[1]]
    if kind[0] == "range" and ord(kind[2]) - ord(kind[1]) < 512:
        return [chr(o) for o in range(ord(kind[1]), ord(kind[2]) + 1)]
    return None


def _share(x: Kind, y: Kind) -> bool:
    """Whether some character is of both kinds (on the side of "yes" when unsure)."""
    if x == y or _ANY in (x, y):
        return True
    if x[0] == "cat" and y[0] == "cat":
        return frozenset(x[1] + y[1]) not in _DISJOINT
    if x[0] == "cat" or y[0] == "cat":
        cat, other = (x, y) if x[0] == "cat" else (y, x)
        chars = _chars(other)
        return chars is None or any(cat[1] in _categories(c) for c in chars)
    lo_x, hi_x = (x[1], x[1]) if x[0] == "lit" else (x[1], x[2])
    lo_y, hi_y = (y[1], y[1]) if y[0] == "lit" else (y[1], y[2])
    return lo_x <= hi_y and lo_y <= hi_x


def _overlap(a: frozenset[Kind], b: frozenset[Kind]) -> bool:
    return any(_share(x, y) for x in a for y in b)


def _nullable(items: list) -> bool:
    """Whether a sequence can match the empty string (approximately: on the side of "no")."""
    for op, av in items:
        if op in _REPEATS and av[0] == 0:
            continue
        if op is _c.SUBPATTERN and _nullable(list(av[-1])):
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        return False
    return True


def _body(av: tuple) -> list:
    return list(av[2])


def _unwrap(items: list) -> list:
    """A sequence with single groups around it removed."""
    while len(items) == 1 and items[0][0] is _c.SUBPATTERN:
        items = list(items[0][1][-1])
    return items


def _run(items: list) -> tuple[frozenset[Kind], int, float] | None:
    r"""``(kind, shortest, longest)`` when a sequence only spells one kind of character, else None.

    ``a``, ``aa``, ``a{1,2}``, ``a(?:|a)`` (how the parser writes ``(a|aa)``)
    are runs; ``ab`` and ``a\d`` are not.
    """
    kind: frozenset[Kind] | None = None
    low, high = 0, 0.0
    for op, av in items:
        if op is _c.SUBPATTERN:
            part = _run(list(av[-1]))
        elif op in _REPEATS:
            inner = _run(_body(av))
            part = None if inner is None else (inner[0], inner[1] * av[0], inner[2] * av[1])
        elif op is _c.BRANCH:
            alts = [_run(list(b)) for b in av[1]]
            kinds = {a[0] for a in alts if a is not None and a[2] > 0}
            if any(a is None for a in alts) or len(kinds) > 1:
                return None
            part = (kinds.pop() if kinds else frozenset(), min(a[1] for a in alts), max(a[2] for a in alts))
        else:
            k = _kinds((op, av))
            part = None if k is None else (k, 1, 1.0)
        if part is None:
            return None
        if part[2] > 0:
            if kind is not None and not _overlap(kind, part[0]):
                return None
            kind = part[0] if kind is None else kind
        low, high = low + part[1], high + part[2]
    return (kind or frozenset(), low, high)


def _duplicate_alternatives(items: list) -> bool:
    """A branch with two alternatives alike (how the parser writes ``(a|a)``: ``a(?:|)``)."""
    for op, av in items:
        if op is _c.BRANCH:
            alts = [repr(list(b)) for b in av[1]]
            if len(set(alts)) < len(alts):
                return True
        elif op is _c.SUBPATTERN and _duplicate_alternatives(list(av[-1])):
            return True
    return False


_SPLIT = "a repeat of a repeat (like '(a+)+') can split a run of characters in exponentially many ways"
_EITHER = "alternatives that match the same characters (like '(a|a)+' or '(a|aa)+') under a repeat"


def _problem(items: list) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            body = _unwrap(_body(av))
            if av[1] == _UNBOUNDED and op is not getattr(_c, "POSSESSIVE_REPEAT", object()):
                # (X+)+, (X+ Y?)+, (Y? X+)*: the inner run can be split between the repeats.
                for k, (iop, iav) in enumerate(body):
                    if iop in _REPEATS and iav[1] == _UNBOUNDED and _nullable(body[:k] + body[k + 1:]):
                        return _SPLIT
                # (a|a)+, (a|aa)+, a{1,2}+: one stretch of text, many ways to take it.
                run = _run(body)
                if _duplicate_alternatives(body) or (run is not None and run[1] != run[2]):
                    return _EITHER
            found = _problem(_body(av))
        elif op is _c.SUBPATTERN:
            found = _problem(list(av[-1]))
        elif op is _c.BRANCH:
            found = next((f for b in av[1] if (f := _problem(list(b)))), None)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            found = _problem(list(av[1]))
        else:
            found = None
        if found:
            return found
    return None


def exponential_shape(pattern: str) -> str | None:
    """Why ``pattern`` can take exponential time on some line, or None (not seen, or not readable)."""
    try:
        with warnings.catch_warnings():  # the stdlib warns of set syntax it may read differently one day
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern)
    except Exception:  # regex-only syntax: not judged here (the timeout still applies)
        return None
    return _problem(list(parsed))
