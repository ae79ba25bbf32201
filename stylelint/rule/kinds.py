"""The declarative rule kinds: house rules without Python.

- :class:`Existence`: flag any phrase of a list.
- :class:`Substitution`: flag ``wrong`` and suggest ``right``.
- :class:`Consistency`: one spelling per document among variants.
- :class:`Pattern`: flag a regular expression, with a message.
- :class:`Dictionary`: a Substitution read from style-desk TSV/CSV files.

Phrase-list kinds do not scan the text themselves: they hand their phrases
to the engine, which compiles every active rule's phrases into one matcher
(:mod:`stylelint.rule.matcher`) and passes each rule its matches.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from stylelint.engine.budget import remaining
from stylelint.model.document import Document
from stylelint.model.findings import Fix, Violation
from stylelint.rule import patterns
from stylelint.rule.base import Example, PhraseRule, Rule, RuleContext


def _match_case(found: str, replacement: str) -> str:
    """Carry the found text's capitalization over to a replacement."""
    if found.isupper() and len(found) > 1 and not replacement.isupper():
        return replacement.upper()
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Existence(PhraseRule):
    """Flags every occurrence of any phrase in ``terms``.

    ``message`` may use ``{match}``.
    """

    terms: Sequence[str] = ()
    message: str = "Avoid '{match}'."

    def phrases(self, context: RuleContext) -> Mapping[str, Any]:
        """Each term maps to nothing."""
        cached = self.__dict__.get("_phrases")
        if cached is None:
            cached = self.__dict__["_phrases"] = {t: None for t in self.terms}
        return cached

    def on_matches(self, document, matches, context):
        """One finding per match."""
        for m in matches:
            found = document.text[m.start : m.end]
            yield self.violation(m.start, m.end, self.message.format(match=found))


class Substitution(PhraseRule):
    """Flags ``wrong`` phrases and suggests the ``right`` one.

    ``swap`` maps wrong → right. ``message`` may use ``{match}`` and
    ``{suggestion}``. When ``fixable`` is ``"safe"`` the suggestion is
    offered as a safe fix; ``"unsafe"`` offers it for ``--unsafe-fixes``.
    """

    swap: Mapping[str, str] = {}
    message: str = "Use '{suggestion}' instead of '{match}'."

    def phrases(self, context: RuleContext) -> Mapping[str, Any]:
        """Each wrong phrase maps to its replacement."""
        return self.swap

    def on_matches(self, document, matches, context):
        """One finding per match, with the replacement as suggestion and fix."""
        for m in matches:
            found = document.text[m.start : m.end]
            right = m.entry.payload
            if isinstance(right, tuple):  # (replacement, note) from dictionaries
                right, note = right
            else:
                note = ""
            suggestion = _match_case(found, right) if not self.case_sensitive else right
            if suggestion == found:
                continue
            message = self.message.format(match=found, suggestion=suggestion)
            if note:
                message = f"{message} {note}"
            fix = Fix(suggestion, safe=self.fixable == "safe") if self.fixable else None
            yield self.violation(m.start, m.end, message, suggestion=suggestion, fix=fix)


class Consistency(PhraseRule):
    """One spelling per document: of each group of variants, the first used wins.

    ``groups`` is a sequence of variant tuples, e.g. ``[("adviser", "advisor")]``.
    """

    groups: Sequence[Sequence[str]] = ()
    message: str = "'{match}' is spelled '{first}' earlier in this article; use one spelling."

    def phrases(self, context: RuleContext) -> Mapping[str, Any]:
        """Each variant maps to its group number."""
        cached = self.__dict__.get("_phrases")
        if cached is None:
            cached = self.__dict__["_phrases"] = {
                v: n for n, group in enumerate(self.groups) for v in group
            }
        return cached

    def on_matches(self, document, matches, context):
        """Flag each occurrence that differs from the group's first form."""
        first: dict[int, str] = {}
        for m in matches:
            found = document.text[m.start : m.end]
            form = " ".join(found.split()).casefold()
            group = m.entry.payload
            if group not in first:
                first[group] = form
                continue
            if form != first[group]:
                earlier = first[group]
                yield self.violation(
                    m.start,
                    m.end,
                    self.message.format(match=found, first=earlier),
                    suggestion=_match_case(found, earlier),
                )


class Pattern(Rule):
    """Flags matches of a regular expression (the ``regex`` module's syntax).

    ``message`` and ``suggestion`` may use ``{match}`` and named groups, as in
    ``str.format``. ``flags`` defaults to case-insensitive unless
    ``ignore_case`` is false. Only the ``target`` group (if present) is
    reported, so context can be matched without being flagged.
    """

    pattern: str = ""
    message: str = "'{match}' breaks house style."
    suggestion: str | None = None
    ignore_case: bool = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        import regex

        flags = regex.V1 | (regex.IGNORECASE if self.ignore_case else 0)
        self._regex = patterns.compile(self.pattern, flags)

    def check(self, document: Document, context: RuleContext) -> Iterator[Violation]:
        """One finding per regex match (its ``target`` group if it has one)."""
        # A newsroom's pattern may backtrack badly on some line: the regex
        # engine stops it at the rule's deadline (the engine reports it).
        for m in self._regex.finditer(document.text, timeout=remaining()):
            group = "target" if "target" in self._regex.groupindex and m.group("target") else 0
            start, end = m.span(group)
            if start == end:
                continue
            values = {k: v or "" for k, v in m.groupdict().items()}
            values["match"] = m.group(group)
            suggestion = self.suggestion.format(**values) if self.suggestion is not None else None
            fix = Fix(suggestion, self.fixable == "safe") if self.fixable and suggestion is not None else None
            yield self.violation(start, end, self.message.format(**values), suggestion=suggestion, fix=fix)


# ---------------------------------------------------------------------------
# Style-desk word lists
# ---------------------------------------------------------------------------


class DictionaryError(ValueError):
    """A dictionary file that cannot be read; the message names file and line."""


def load_dictionary(path: str | Path) -> dict[str, tuple[str, str]]:
    """Read a ``wrong<TAB>right[<TAB>note]`` file (``.tsv``) or CSV (``.csv``).

    Lines starting with ``#`` and blank lines are skipped. Returns
    wrong → (right, note).
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read dictionary: {exc}") from None
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    entries: dict[str, tuple[str, str]] = {}
    for lineno, row in enumerate(csv.reader(raw.splitlines(), delimiter=delimiter), 1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise DictionaryError(
                f"{path}:{lineno}: expected 'wrong{'<TAB>' if delimiter == chr(9) else ','}right', got {row!r}"
            )
        note = row[2].strip() if len(row) > 2 else ""
        entries[row[0].strip()] = (row[1].strip(), note)
    return entries


class Dictionary(Substitution):
    """A Substitution rule read from style-desk TSV/CSV files."""

    paths: Sequence[str] = ()
    message: str = "House style: use '{suggestion}', not '{match}'."

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        swap: dict[str, tuple[str, str]] = {}
        for p in self.paths:
            swap.update(load_dictionary(p))
        self.swap = swap
        if not self.examples:
            # A word list documents itself: its first entries are its examples.
            self.examples = tuple(
                Example(wrong=f"The {wrong} was here.", right=f"The {right} was here.")
                for wrong, (right, _) in list(swap.items())[:2]
            )
