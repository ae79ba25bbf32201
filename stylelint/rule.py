"""Rules: the object model, and the declarative kinds usable without Python.

A rule is an object with metadata (id, name, summary, rationale, source,
examples) and a ``check`` method. Metadata drives ``--list-rules``,
``--explain``, the generated docs and SARIF; examples run as tests.

Declarative kinds cover most house rules:

- :class:`Existence`: flag any phrase of a list.
- :class:`Substitution`: flag ``wrong`` and suggest ``right``.
- :class:`Pattern`: flag a regular expression, with a message.
- :class:`Consistency`: one spelling per document among variants.

Phrase-list kinds do not scan the text themselves: they hand their phrases
to the engine, which compiles every active rule's phrases into one matcher
(:mod:`stylelint.matcher`) and passes each rule its matches.
"""

from __future__ import annotations

import csv
import hashlib
import re as _re
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from . import patterns
from .document import Document, Span
from .matcher import PhraseMatch
from .violation import Fix, Severity, Violation

RULE_ID = _re.compile(r"^[A-Z]{3}\d{3}$")
RULE_NAME = _re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, slots=True)
class Example:
    """A documented example, run as a test.

    ``wrong`` must make the rule fire; ``right`` (its corrected form, or a
    tricky sentence that must pass) must not. ``format`` is the parser to run
    it through; ``profile`` the house style it is an example of.
    """

    wrong: str | None = None
    right: str | None = None
    format: str = "text"
    profile: str | None = None
    note: str = ""


@dataclass
class RuleContext:
    """What a rule may know besides the document: the house style in force.

    :param profile: the profile name (``ap``, ``nyt``, ``guardian``).
    :param settings: the profile's settings with the config's overrides.
    :param options: this rule's own options from ``[rules.ID]`` in config.
    """

    profile: str = "ap"
    settings: Mapping[str, Any] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)

    def setting(self, name: str, default: Any = None) -> Any:
        """A rule option, else a profile setting, else ``default``."""
        if name in self.options:
            return self.options[name]
        return self.settings.get(name, default)


class Rule:
    """Base class of every rule. Subclass and implement :meth:`check`.

    Attributes may be set on the subclass or passed as keyword arguments.

    :cvar id: ``ABC123``; the first three letters are the family.
    :cvar name: kebab-case name of the pattern flagged.
    :cvar summary: one line, for listings and SARIF ``shortDescription``.
    :cvar rationale: why it matters (Markdown), for docs and ``--explain``.
    :cvar severity: default severity.
    :cvar scopes: block kinds the rule reads; ``None`` means all prose.
    :cvar in_quotes: whether it fires inside direct quotations. Rules about
        our own wording do not: quoted speech is the speaker's.
    :cvar source: the stylebook entry or URL the rule comes from.
    :cvar examples: documented wrong/right examples, run as tests.
    :cvar fixable: ``"safe"``, ``"unsafe"`` or ``None``.
    :cvar profiles: profiles that enable it by default (``None``: all).
    :cvar default_enabled: off-by-default rules need ``select``.
    :cvar document_level: one finding about the whole document.
    :cvar residue: its findings mark text that is not the article's own
        (page residue, to be deleted): other rules' findings inside them
        are dropped, since there is nothing there to edit.
    """

    id: ClassVar[str] | str = ""
    name: ClassVar[str] | str = ""
    summary: ClassVar[str] | str = ""
    rationale: ClassVar[str] | str = ""
    severity: Severity = Severity.WARNING
    scopes: tuple[str, ...] | None = None
    in_quotes: bool = False
    source: str = ""
    examples: tuple[Example, ...] = ()
    fixable: str | None = None
    profiles: tuple[str, ...] | None = None
    default_enabled: bool = True
    document_level: bool = False
    residue: bool = False
    #: Filled when registered: the plugin that provides the rule.
    plugin: str = ""

    _FIELDS = (
        "id", "name", "summary", "rationale", "severity", "scopes", "in_quotes",
        "source", "examples", "fixable", "profiles", "default_enabled", "document_level", "residue",
    )

    def __init__(self, **kwargs: Any) -> None:
        for key, value in kwargs.items():
            if key not in self._FIELDS and not hasattr(type(self), key):
                raise TypeError(f"{type(self).__name__} got an unknown field {key!r}")
            setattr(self, key, value)
        self.severity = Severity.parse(self.severity)
        if self.scopes is not None:
            self.scopes = tuple(self.scopes)
        self.examples = tuple(self.examples)

    @property
    def family(self) -> str:
        """The id's three-letter prefix."""
        return self.id[:3]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} {self.name}>"

    def check(self, document: Document, context: RuleContext) -> Iterable[Violation]:
        """Yield the findings of this rule in ``document``."""
        raise NotImplementedError

    def violation(
        self,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Violation:
        """A finding of this rule over text ``[start, end)``."""
        return Violation(
            rule_id=self.id,
            span=Span(start, end),
            message=message,
            severity=severity or self.severity,
            suggestion=suggestion,
            fix=fix,
            name=self.name,
        )

    def applies_to(self, profile: str) -> bool:
        """Whether the profile enables this rule by default."""
        return self.default_enabled and (self.profiles is None or profile in self.profiles)


class PhraseRule(Rule):
    """A rule driven by a phrase list, matched by the shared matcher.

    Implement :meth:`phrases` (phrase → payload) and :meth:`on_matches`.
    """

    case_sensitive: bool = False

    def phrases(self, context: RuleContext) -> Mapping[str, Any]:
        """Phrase → payload for this rule under ``context``."""
        raise NotImplementedError

    def phrase_key(self, context: RuleContext) -> Hashable:
        """A fingerprint of :meth:`phrases`, so compiled matchers are reused."""
        cache = self.__dict__.setdefault("_phrase_keys", {})
        items = self.phrases(context)
        key = cache.get(id(items))
        if key is None:
            digest = hashlib.blake2b(digest_size=16)
            for phrase, payload in items.items():
                digest.update(f"{phrase}\x00{payload!r}\x01".encode())
            key = cache[id(items)] = (self.id, self.case_sensitive, digest.hexdigest())
            cache.setdefault("_keep", []).append(items)  # keep id() stable
        return key

    def on_matches(
        self, document: Document, matches: Sequence[PhraseMatch], context: RuleContext
    ) -> Iterable[Violation]:
        """Turn this rule's phrase matches into findings."""
        raise NotImplementedError

    def check(self, document: Document, context: RuleContext) -> Iterable[Violation]:
        """Standalone run (used when a rule is checked on its own)."""
        from .matcher import PhraseEntry, PhraseMatcher

        entries = [
            PhraseEntry(self.id, p, v, self.case_sensitive) for p, v in self.phrases(context).items()
        ]
        matches = list(PhraseMatcher(entries).scan(document.text))
        return self.on_matches(document, longest(matches), context)


def longest(matches: Sequence[PhraseMatch]) -> list[PhraseMatch]:
    """Leftmost-longest, non-overlapping subset of ``matches``."""
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[PhraseMatch] = []
    last_end = -1
    for m in ordered:
        if m.start >= last_end:
            chosen.append(m)
            last_end = m.end
    return chosen


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
        for m in self._regex.finditer(document.text):
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
