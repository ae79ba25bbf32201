"""Rules: the object model every rule is built on.

A rule is an object with metadata (id, name, summary, rationale, source,
examples) and a ``check`` method. Metadata drives ``--list-rules``,
``--explain``, the generated docs and SARIF; examples run as tests. A
:class:`PhraseRule` hands its phrase list to the engine's shared matcher
instead of scanning the text itself. The declarative kinds built on these
are in :mod:`stylelint.rule.kinds`.
"""

from __future__ import annotations

import hashlib
import re as _re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from stylelint.model.document import Document, Span
from stylelint.model.findings import Fix, Severity, Violation
from stylelint.rule.matcher import PhraseMatch

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


#: Headings of a rule class's docstring; the paragraph before them is the summary.
DOC_SECTIONS = {"Why": "rationale", "Not flagged": "not_flagged", "Fix": "fix_note"}


def doc_sections(doc: str | None) -> dict[str, str]:
    """A rule docstring's parts: ``summary`` (its first paragraph, on one line) and each section.

    The docstring of a rule class is its documentation, in fixed sections::

        \"\"\"One line on what it flags.

        ## Why
        Why it matters, with the stylebook's reasoning (Markdown).

        ## Not flagged
        What looks alike and is left alone.

        ## Fix
        Whether the fix is safe, and what it changes.
        \"\"\"
    """
    import inspect

    text = inspect.cleandoc(doc or "")
    if not text:
        return {}
    head, *rest = text.split("\n## ")
    out = {"summary": " ".join(head.split("\n\n")[0].split())}
    for part in rest:
        title, _, body = part.partition("\n")
        key = DOC_SECTIONS.get(title.strip())
        if key is None:
            raise ValueError(f"unknown section '## {title.strip()}' (allowed: {', '.join(DOC_SECTIONS)})")
        out[key] = body.strip()
    return out


class Rule:
    """Base class of every rule. Subclass and implement :meth:`check`.

    Attributes may be set on the subclass or passed as keyword arguments. A
    built-in rule documents itself in its class docstring (see
    :func:`doc_sections`): its first paragraph is the ``summary`` and its
    sections the ``rationale``, ``not_flagged`` and ``fix_note``.

    :cvar id: ``ABC123``; the first three letters are the family.
    :cvar name: kebab-case name of the pattern flagged.
    :cvar summary: one line, for listings and SARIF ``shortDescription``.
    :cvar rationale: why it matters (Markdown), for docs and ``--explain``.
    :cvar not_flagged: what looks alike and is left alone (Markdown).
    :cvar fix_note: what the fix does and why it is safe or not (Markdown).
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
    not_flagged: str = ""
    fix_note: str = ""
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
        "id", "name", "summary", "rationale", "not_flagged", "fix_note", "severity", "scopes", "in_quotes",
        "source", "examples", "fixable", "profiles", "default_enabled", "document_level", "residue",
    )

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A class that defines a rule (it has an id) documents it in its docstring.
        if "id" in cls.__dict__ and cls.__doc__:
            for key, value in doc_sections(cls.__doc__).items():
                if key not in cls.__dict__:
                    setattr(cls, key, value)

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
        from stylelint.rule.matcher import PhraseEntry, PhraseMatcher

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
