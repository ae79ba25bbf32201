"""SPL: house spellings and consistency.

- ``SPL001`` house-spelling: the profile's word list (``data/spelling-*.tsv``):
  Kyiv, adviser, toward, Zelenskyy in AP; Zelensky in the NYT; Zelenskiy
  and British spellings in the Guardian.
- ``SPL002`` inconsistent-spelling: one spelling per article for a word or
  name written two ways (``data/spelling-variants.tsv``).
- ``SPL003`` name-spelled-two-ways: a capitalized name that recurs and also
  appears once with one letter doubled or dropped (Psaki/Psakki).
- ``SPL004`` us-abbreviation: ``U.S.``/``U.N.``/``U.K.`` with periods in AP
  and NYT text, ``US``/``UN``/``UK`` without in the Guardian.
- ``SPL005`` headline-us-abbreviation: AP headlines drop the periods.

How the lists are read: a wrong form written all in lowercase does not match
a word capitalized in mid-sentence, because that is a proper name
("Financial Advisor" magazine, "Ministry of Defence", "Rockefeller Center").
A wrong form with a capital letter (Kiev, Zelensky, Web site) matches in any
case. A line whose right form equals its wrong form is an exception
("chicken Kiev"). Newsrooms extend the lists with the same TSV format through
``dictionaries`` in their config (rule ``SPL900``) or by editing the files.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document, Span
from stylelint.rule import patterns
from stylelint.rule.base import PhraseRule
from stylelint.rule.kinds import Substitution, _match_case
from stylelint.rule.matcher import normalize

from ._scan import lowered

# ---------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------

#: Files making up a profile's house list, in override order.
LIST_FILES = ("spelling-common.tsv", "spelling-{spelling}.tsv", "spelling-{profile}.tsv")


def _data_text(name: str) -> str | None:
    resource = importlib.resources.files("stylelint_rules") / "data" / name
    try:
        return resource.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None


def _rows(name: str) -> list[list[str]]:
    text = _data_text(name)
    if text is None:
        return []
    rows = []
    for row in csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        rows.append([c.strip() for c in row])
    return rows


@functools.cache
def read_list(name: str) -> dict[str, tuple[str, str]]:
    """One ``wrong<TAB>right<TAB>note`` file from ``data/``: wrong → (right, note)."""
    out: dict[str, tuple[str, str]] = {}
    for row in _rows(name):
        if len(row) < 2 or not row[0] or not row[1]:
            raise ValueError(f"stylelint_rules/data/{name}: expected 'wrong<TAB>right', got {row!r}")
        out[row[0]] = (row[1], row[2] if len(row) > 2 else "")
    return out


@functools.cache
def house_list(profile: str, spelling: str) -> dict[str, tuple[str, str]]:
    """The merged house list of a profile (common, then US/UK, then the profile's own)."""
    merged: dict[str, tuple[str, str]] = {}
    for pattern in LIST_FILES:
        merged.update(read_list(pattern.format(profile=profile, spelling=spelling)))
    return merged


def _key(phrase: str) -> str:
    return " ".join(normalize(t) for t in phrase.split())


@functools.cache
def _house_wrong_keys(profile: str, spelling: str) -> frozenset[str]:
    return frozenset(_key(w) for w, (r, _) in house_list(profile, spelling).items() if w != r)


@functools.cache
def _exceptions(profile: str, spelling: str) -> tuple[tuple[str, str], ...]:
    """(words before, last word) of exception lines, for the consistency rule."""
    out = []
    for wrong, (right, _) in house_list(profile, spelling).items():
        if wrong == right and " " in wrong:
            head, last = wrong.rsplit(" ", 1)
            out.append((_key(head), _key(last)))
    return tuple(out)


@functools.cache
def variant_groups() -> tuple[dict[str, tuple[str, int, int]], dict[str, list[list[str]]]]:
    """form → (label, row, column), and label → its rows of spellings."""
    forms: dict[str, tuple[str, int, int]] = {}
    groups: dict[str, list[list[str]]] = {}
    for row in _rows("spelling-variants.tsv"):
        if len(row) < 3:
            raise ValueError(f"stylelint_rules/data/spelling-variants.tsv: need a label and two spellings: {row!r}")
        label, spellings = row[0], row[1:]
        rows = groups.setdefault(label, [])
        for col, form in enumerate(spellings):
            if form:
                forms[form] = (label, len(rows), col)
        rows.append(spellings)
    return forms, groups


# ---------------------------------------------------------------------------
# Shared checks
# ---------------------------------------------------------------------------

_NEXT_CAP = patterns.compile(r"[ \t]+(?:(?:for|of|and|the|de|du|la)[ \t]+){0,2}\p{Lu}\p{Ll}", regex.V1)
_OPENERS = set(" \t\xa0\"'“‘([{*_")
_SENTENCE_END = set(".!?\n—–-…•|")  # not ":" or ";": a capital after them is a name


def sentence_initial(text: str, i: int, block_start: int = 0) -> bool:
    """True when the word at ``i`` starts a sentence (or a block)."""
    j = i - 1
    while j >= block_start and text[j] in _OPENERS:
        j -= 1
    return j < block_start or text[j] in _SENTENCE_END


def proper_name_use(document: Document, start: int, end: int, phrase: str) -> bool:
    """A lowercase list entry found capitalized mid-sentence, or in capitals."""
    if phrase != phrase.lower():
        return False
    found = document.text[start:end]
    if not found[:1].isupper():
        return False
    if sum(c.isupper() for c in found) > 1:
        return True  # ADVISOR, HealthCare
    if document.text[end : end + 1] == ":":
        return True  # a label or header ("Authorization: Bearer …")
    block = document.block_at(start)
    if not sentence_initial(document.text, start, block.span.start if block else 0):
        return True
    # Sentence-initial: still a name when a capitalized word follows
    # ("Centre for Strategic Studies", "Organisation for Economic Co-operation").
    nxt = _NEXT_CAP.match(document.text, end, min(len(document.text), end + 60))
    return nxt is not None


def in_identifier(text: str, start: int, end: int) -> bool:
    """Part of a URL, an address, a handle or a file name."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before in "/@#.\\_=" or after in "/@_=\\":
        return True
    return after == "." and after2.isalnum()


# ---------------------------------------------------------------------------
# SPL001 house spelling
# ---------------------------------------------------------------------------


class HouseSpelling(Substitution):
    """The profile's house word list: common + US/UK + the profile's own file."""

    message = "House style ({profile}): '{suggestion}', not '{match}'."

    def phrases(self, context: RuleContext) -> Mapping[str, Any]:
        """The merged list for the profile and its ``spelling`` setting."""
        return house_list(context.profile, context.setting("spelling", "us"))

    def on_matches(self, document, matches, context):
        """One finding per wrong form that is not a proper name, URL or exception."""
        text = document.text
        for m in matches:
            wrong = m.entry.phrase
            right, note = m.entry.payload
            if right == wrong:
                continue  # an exception line
            if proper_name_use(document, m.start, m.end, wrong) or in_identifier(text, m.start, m.end):
                continue
            found = text[m.start : m.end]
            suggestion = _match_case(found, right)
            if suggestion == found:
                continue
            message = self.message.format(profile=context.profile, suggestion=suggestion, match=found)
            if note:
                message = f"{message} {note}"
            safe = wrong == wrong.lower()  # common words; names and places need a look
            yield self.violation(m.start, m.end, message, suggestion=suggestion, fix=Fix(suggestion, safe=safe))


# ---------------------------------------------------------------------------
# SPL002 one spelling per article
# ---------------------------------------------------------------------------


class VariantConsistency(PhraseRule):
    """Of the spellings of one word or name, the article's most used one wins."""

    def phrases(self, context: RuleContext) -> Mapping[str, Any]:
        """Every variant maps to (label, row, column)."""
        return variant_groups()[0]

    def on_matches(self, document, matches, context):
        """Flag occurrences of a group's minority spelling."""
        text = document.text
        spelling = context.setting("spelling", "us")
        wrong = _house_wrong_keys(context.profile, spelling)
        exceptions = _exceptions(context.profile, spelling)
        _, groups = variant_groups()
        seen: list[tuple[Any, str, int, int]] = []  # (match, label, row, col)
        for m in matches:
            found = text[m.start : m.end]
            key = _key(found)
            if key in wrong or document.in_quote(Span(m.start, m.end)):
                continue  # SPL001's job, or the speaker's words
            if proper_name_use(document, m.start, m.end, m.entry.phrase) or in_identifier(text, m.start, m.end):
                continue
            if any(last == key and _key(text[max(0, m.start - 60) : m.start]).endswith(head)
                   for head, last in exceptions):
                continue
            label, row, col = m.entry.payload
            seen.append((m, label, row, col))
        counts: dict[str, Counter] = {}
        first: dict[tuple[str, int], int] = {}
        for m, label, _row, col in seen:
            counts.setdefault(label, Counter())[col] += 1
            first.setdefault((label, col), m.start)
        for m, label, row, col in seen:
            tally = counts[label]
            if len(tally) < 2:
                continue
            best = max(tally, key=lambda c: (tally[c], -first[(label, c)]))
            if col == best:
                continue
            found = text[m.start : m.end]
            spellings = groups[label][row]
            target = spellings[best] if best < len(spellings) and spellings[best] else groups[label][0][best]
            suggestion = _match_case(found, target)
            times = tally[best]
            yield self.violation(
                m.start,
                m.end,
                f"'{found}' here, but '{target}' elsewhere in this article"
                f" ({times} time{'s' if times != 1 else ''}); use one spelling.",
                suggestion=suggestion,
                fix=Fix(suggestion, safe=False),
            )


# ---------------------------------------------------------------------------
# SPL003 a name spelled two ways
# ---------------------------------------------------------------------------

_NAME = patterns.compile(r"(?<![\p{L}\p{M}'’-])\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?(?![\p{L}\p{M}-])", regex.V1)
_DOUBLE = patterns.compile(r"(\p{Ll})\1")


_LOWER_WORD = patterns.compile(r"(?<![\p{L}\p{M}])\p{Ll}+(?![\p{L}\p{M}])", regex.V1)


def _base_name(word: str) -> str:
    """A capitalized word without its possessive ending."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


@functools.lru_cache(maxsize=65536)
def _undouble(word: str) -> str:
    return _DOUBLE.sub(r"\1", word)


def _lowercase_words(text: str, words: set[str]) -> set[str]:
    """Which of the ``words``, lowercased, the text writes as a lowercase word.

    The same as intersecting with ``set(_LOWER_WORD.findall(text))``: a few
    words are looked up where they occur; many, with one pass over the text.
    """
    wanted = {w.lower() for w in words}
    if len(wanted) > 8:
        return wanted & set(_LOWER_WORD.findall(text))
    found = set()
    match = _LOWER_WORD.match
    for lw in wanted:
        if not lw:
            continue
        i = text.find(lw)
        while i >= 0:
            m = match(text, i)
            # A match here is one findall would report (no letter before it).
            if m is not None and m.end() == i + len(lw):
                found.add(lw)
                break
            i = text.find(lw, i + 1)
    return found


class NameSpelledTwoWays(Rule):
    """A name that recurs, and appears once with a letter doubled or two letters swapped."""

    min_length = 5

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """Pair capitalized words that differ by a doubled letter or an adjacent swap."""
        text = document.text
        quote_at = document.quote_at
        min_length = self.min_length
        # Every capitalized word long enough (findall: no match objects for
        # the thousands of words that pair with nothing).
        blocks = [b for b in document.blocks if b.kind not in ("headline", "heading")]  # title case: any word may be capitalized
        words: set[str] = set()
        for block in blocks:
            words.update(_NAME.findall(text, block.span.start, block.span.end))
        seen = {w for w in map(_base_name, words) if len(w) >= min_length}
        # Only a word that shares its undoubled form, or its length and letters
        # (an adjacent swap), with another can be in a pair; only those words'
        # places are worked out, and the pairs are those all the words would give.
        by_skeleton: dict[str, list[str]] = {}
        by_letters: dict[str, list[str]] = {}
        for w in seen:
            by_skeleton.setdefault(_undouble(w), []).append(w)
            if len(w) >= min_length + 1:
                by_letters.setdefault("".join(sorted(w)), []).append(w)
        candidates = {w for g in by_skeleton.values() if len(g) >= 2 for w in g}
        candidates.update(w for g in by_letters.values() if len(g) >= 2 for w in g)
        where: dict[str, list[tuple[int, int]]] = {}
        if candidates:
            for block in blocks:
                bs = block.span.start
                for m in _NAME.finditer(text, bs, block.span.end):
                    w = _base_name(m.group())
                    if w in candidates:
                        where.setdefault(w, []).append((m.start(), bs))
        places: dict[str, list[int]] = {}
        for w in candidates:
            starts = [
                s for s, bs in where[w]
                # not a sentence's first word (any word starts one capitalized), not in a quotation
                if not sentence_initial(text, s, bs) and quote_at(s) is None
            ]
            if starts:
                places[w] = starts
        by_skeleton = {}
        for w in places:
            by_skeleton.setdefault(_undouble(w), []).append(w)
        by_letters = {}
        for w in places:
            if len(w) >= min_length + 1:
                by_letters.setdefault("".join(sorted(w)), []).append(w)
        swaps: set[tuple[str, str]] = set()
        for group in by_letters.values():
            if len(group) < 2:
                continue
            members = set(group)
            for w in group:
                for i in range(1, len(w) - 1):
                    v = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
                    if v != w and v in members:
                        swaps.add((min(w, v), max(w, v)))
        involved = {w for g in by_skeleton.values() if len(g) >= 2 for w in g}
        involved.update(w for pair in swaps for w in pair)
        # A word the article also writes in lowercase is an ordinary word, not a name.
        lowercase = _lowercase_words(text, involved)
        names = {w for w in involved if w.lower() not in lowercase}
        pairs: set[tuple[str, str]] = set()
        for group in by_skeleton.values():
            named = [w for w in group if w in names]
            if len(named) == 2:
                pairs.add((min(named), max(named)))
        pairs.update(pair for pair in swaps if pair[0] in names and pair[1] in names)
        for a, b in sorted(pairs):
            (common, pa), (stray, pb) = sorted(((a, places[a]), (b, places[b])), key=lambda kv: -len(kv[1]))
            if len(pa) < 2 or len(pb) != 1:
                continue  # one settled spelling and one stray
            start = pb[0]
            yield self.violation(
                start,
                start + len(stray),
                f"'{stray}' here, but '{common}' {len(pa)} times elsewhere in this article: check the spelling.",
                suggestion=common,
            )


# ---------------------------------------------------------------------------
# SPL004 / SPL005 U.S., U.N., U.K.
# ---------------------------------------------------------------------------

_BARE = patterns.compile(r"(?<![\p{L}\p{N}$/.\-@#])(?P<abbr>US|UK|UN)(?![\p{L}\p{N}$/]|\.\p{L})", regex.V1)
_DOTTED = patterns.compile(
    r"(?<![\p{L}\p{N}.])(?P<abbr>U\.\s?S\.|U\.\s?K\.|U\.\s?N\.|E\.\s?U\.)(?!\p{L})(?![ \t]+Grant\b)",  # U.S. Grant
    regex.V1,
)
_SPACED = patterns.compile(r"(?<![\p{L}\p{N}.])U\.[ \t]S\.(?!\p{L})", regex.V1)
_CAPS_WORD = patterns.compile(r"\p{Lu}{2,}")
_BRAND_AFTER = patterns.compile(r"[ \t]+(?:Airways|Weekly|Magazine)\b")
_WORD_BEFORE = patterns.compile(r"(\S+)[ \t]+\Z")
_WORD_AFTER = patterns.compile(r"[ \t]+(\S+)")


def _mentions_kentucky(text: str) -> bool:
    """``"kentucky" in text.casefold()``, from the lowercased text when it can be.

    The characters that case-fold to a text containing one of the letters of
    "kentucky" also lower to it, except ŉ, ẗ, ﬅ and ﬆ (whose letters cannot
    stand where they would in the word) and ẙ, which folds to "y" and a ring:
    without it, the lowercased text (kept for the gated patterns) answers the
    same.
    """
    low = lowered(text)
    if low is None or "ẙ" in text:
        return "kentucky" in text.casefold()
    return "kentucky" in low


def _caps_context(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Next to another all-capitals word (a label or a shouted headline: JOIN US)."""
    before = _WORD_BEFORE.search(text, max(lo, start - 40), start)
    after = _WORD_AFTER.match(text, end, min(hi, end + 40))
    for m in (before, after):
        if m and _CAPS_WORD.fullmatch(m.group(1).strip(".,:;!?\"“”'’()")):
            return True
    return False


def _dotted_fix(text: str, end: int, hi: int, bare: str) -> tuple[str, bool]:
    """Replacement for a dotted abbreviation ending at ``end``, and whether it is safe."""
    rest = text[end:hi]
    if not rest.strip():
        return bare + ".", True  # ends the block: its period ends the sentence too
    if rest[:1].isspace() and rest.lstrip()[:1].isupper():
        return bare, False  # U.S. President … or … the U.S. The …: a person decides
    return bare, True


class AbbreviationPeriods(Rule):
    """U.S./U.N./U.K. in text: with periods (AP, NYT) or without (Guardian)."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """Follows the profile's ``abbreviation_periods`` setting."""
        periods = context.setting("abbreviation_periods", True)
        text = document.text
        # In sports copy about Kentucky, UK is the University of Kentucky.
        kentucky = periods and _mentions_kentucky(text)
        for block in document.blocks:
            if block.kind in ("headline", "heading"):
                continue
            lo, hi = block.span.start, block.span.end
            if periods:
                yield from self._bare(document, text, lo, hi, kentucky)
            else:
                yield from self._dotted(text, lo, hi)

    def _bare(self, document: Document, text: str, lo: int, hi: int, kentucky: bool) -> Iterator:
        for m in _BARE.finditer(text, lo, hi):
            s, e = m.span()
            if _caps_context(text, s, e, lo, hi) or _BRAND_AFTER.match(text, e, hi):
                continue
            abbr = m.group("abbr")
            if abbr == "UK" and kentucky:
                continue
            dotted = f"{abbr[0]}.{abbr[1]}."
            if e < hi and text[e] == ".":
                e += 1  # "the US." → "the U.S."
            yield self.violation(
                s, e,
                f"'{abbr}' in text: this profile writes '{dotted}' with periods (no periods only in headlines).",
                suggestion=dotted,
                fix=Fix(dotted, safe=True),
            )
        for m in _SPACED.finditer(text, lo, hi):
            yield self.violation(
                m.start(), m.end(), "'U. S.' has no space: 'U.S.'.", suggestion="U.S.", fix=Fix("U.S.", safe=True),
                severity=Severity.ERROR,
            )

    def _dotted(self, text: str, lo: int, hi: int) -> Iterator:
        for m in _DOTTED.finditer(text, lo, hi):
            found = m.group("abbr")
            bare = "".join(c for c in found if c.isalpha())
            replacement, safe = _dotted_fix(text, m.end(), hi, bare)
            yield self.violation(
                m.start(), m.end(),
                f"'{found}': this profile writes abbreviations without full points ('{bare}').",
                suggestion=replacement,
                fix=Fix(replacement, safe=safe),
            )


class HeadlineAbbreviation(Rule):
    """AP headlines write US, UK, UN without periods."""

    scopes = ("headline",)

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """Dotted U.S./U.K./U.N. in headline blocks."""
        text = document.text
        for block in document.blocks_of("headline"):
            for m in _DOTTED.finditer(text, block.span.start, block.span.end):
                found = m.group("abbr")
                if found.startswith("E"):
                    continue  # EU has no periods anywhere in AP
                bare = "".join(c for c in found if c.isalpha())
                yield self.violation(
                    m.start(), m.end(), f"'{found}' in a headline: AP headlines write '{bare}'.",
                    suggestion=bare, fix=Fix(bare, safe=True),
                )


# ---------------------------------------------------------------------------
# Rule objects
# ---------------------------------------------------------------------------

_SRC_LISTS = (
    "Each list line cites its source in `rules/data/spelling-*.tsv`. AP: Stylebook entries adviser, "
    "toward, afterward, OK, gray, canceled, traveled, email (2011), cellphone (2011); "
    "Kyiv (AP, 14 Aug 2019: https://ds.svcs.associatedpress.com/announcements/an-update-on-ap-style-on-kyiv); "
    "Zelenskyy (AP), Zelensky (NYT), Zelenskiy (Guardian): "
    "https://edition.cnn.com/2022/03/17/politics/how-to-spell-volodymyr-zelenskyy/index.html ; "
    "Guardian -ise: https://www.theguardian.com/guardian-observer-style-guide-i ; Kyiv in the "
    "Guardian: https://www.theguardian.com/guardian-observer-style-guide-k."
)

RULES: list[Rule] = [
    HouseSpelling(
        id="SPL001",
        name="house-spelling",
        summary="Spell words and names the house way (Kyiv, adviser, toward; Zelenskyy in AP).",
        rationale=(
            "Style desks settle words that dictionaries spell more than one way, and names that "
            "are transliterated more than one way, so that readers never wonder whether two "
            "spellings are two things. The list depends on the profile: AP writes *adviser*, "
            "*toward*, *email*, *OK* and *Zelenskyy*; the NYT writes *Zelensky*; the Guardian "
            "writes *Zelenskiy* and British spellings (*-ise*, *colour*, *centre*). All three write "
            "*Kyiv* (but *chicken Kiev*). The US profiles also correct British spellings (AP and the "
            "NYT spell by Webster's New World, first-listed form).\n\n"
            "A wrong form listed in lowercase is not flagged when capitalized in mid-sentence: "
            "that is a proper name (*Financial Advisor* magazine, *Ministry of Defence*). Quotations "
            "are the speaker's words and are not checked. Fixes for common words are safe; for "
            "names and places they need `--unsafe-fixes`.\n\n"
            "Newsrooms extend the list with their own `wrong<TAB>right<TAB>note` files "
            "(`dictionaries = [\"house.tsv\"]` in the config, rule SPL900) or edit "
            "`rules/data/spelling-*.tsv`."
        ),
        severity=Severity.WARNING,
        fixable="safe",
        source=_SRC_LISTS,
        examples=(
            Example(wrong="The national security advisor spoke on Tuesday.",
                    right="The national security adviser spoke on Tuesday."),
            Example(wrong="Russian aggression towards Ukraine continued.",
                    right="Russian aggression toward Ukraine continued."),
            Example(wrong="Blinken will land in Kiev on Wednesday.", right="Blinken will land in Kyiv on Wednesday."),
            Example(wrong="He met President Volodymyr Zelensky.", right="He met President Volodymyr Zelenskyy."),
            Example(wrong="He met President Volodymyr Zelenskyy.", right="He met President Volodymyr Zelensky.",
                    profile="nyt"),
            Example(wrong="Officials will organize a meeting in the city center.",
                    right="Officials will organise a meeting in the city centre.", profile="guardian"),
            Example(right="She writes for Financial Advisor magazine.", note="a proper name"),
            Example(right="The restaurant serves chicken Kiev.", note="the dish keeps its name"),
            Example(right='"We are moving towards peace," the minister said.', note="inside a quotation"),
        ),
    ),
    VariantConsistency(
        id="SPL002",
        name="inconsistent-spelling",
        summary="Spell a word or name one way throughout an article (Zelensky or Zelenskiy, not both).",
        rationale=(
            "An article that writes *advisor* in one paragraph and *adviser* in the next, or "
            "*Zelensky* and *Zelenskiy*, looks careless, and two spellings of a name can read as "
            "two people. Copy assembled from several wires, or rewritten by a spinner, often mixes "
            "them. The spelling the article uses most is taken as its choice and the others are "
            "flagged. Spellings the house list already corrects (SPL001) are left to that rule, so "
            "under AP *Zelensky* is reported once, by SPL001. Variant groups live in "
            "`rules/data/spelling-variants.tsv`."
        ),
        severity=Severity.WARNING,
        fixable="unsafe",
        source=(
            "Consistency is the purpose of a stylebook: \"What we are trying to do is keep from driving "
            "our readers crazy\" (Chicago Tribune copy chief on Gadhafi spellings, "
            "https://www.chicagotribune.com/opinion/ct-xpm-2011-03-01-ct-talk-gadhafi-spellings-0302-20110301-story.html); "
            "variants from rules/data/spelling-variants.tsv."
        ),
        examples=(
            Example(wrong="Kharkiv was shelled. Residents of Kharkiv fled. Trains left Kharkov at noon.",
                    right="Kharkiv was shelled. Residents of Kharkiv fled. Trains left Kharkiv at noon."),
            Example(wrong="The adviser said yes. Another advisor disagreed. The adviser left.",
                    right="The adviser said yes. Another adviser disagreed. The adviser left.",
                    profile="guardian"),
            Example(wrong="She sent an email. He replied by e-mail. The emails were leaked.",
                    right="She sent an email. He replied by email. The emails were leaked.",
                    profile="guardian"),
            Example(right="She lives in Kyiv. The restaurant serves chicken Kiev.", note="an exception"),
            Example(right='The adviser said yes. "My advisor disagreed," she said.', profile="guardian",
                    note="quotations keep the speaker's spelling"),
        ),
    ),
    NameSpelledTwoWays(
        id="SPL003",
        name="name-spelled-two-ways",
        summary="A name written one way twice or more and once with a letter doubled, dropped or swapped.",
        rationale=(
            "A misspelled name is the commonest correction a newspaper runs. When a capitalized "
            "name of five letters or more appears at least twice in one spelling and exactly once "
            "in a spelling that differs only by a doubled letter (*Tallon*/*Talon*, "
            "*Psaki*/*Psakki*) or two swapped neighbouring letters (*Chastain*/*Chastian*, "
            "*Mercia*/*Merica*), the odd one is probably a typo. Words the article also writes in "
            "lowercase are ordinary words, not names (*There*/*Three*), and sentence-initial words, "
            "headlines and quotations are skipped. Two real names can still collide (the Philips "
            "company and a Mr. Phillips), so the rule is informational. Broader matching (any one-"
            "letter difference) was tried on the corpus and rejected: *Obama*/*Osama*, "
            "*Waite*/*White*."
        ),
        severity=Severity.INFO,
        source="Accuracy in names: AP Stylebook \"names\" and every newsroom's corrections column; doubled-letter slips are the classic name typo.",
        examples=(
            Example(wrong="Jen Psaki spoke first. Then Psaki left. Reporters asked Psakki why.",
                    right="Jen Psaki spoke first. Then Psaki left. Reporters asked Psaki why."),
            Example(wrong="Jessica Chastain starred. Critics praised Chastain. Fans loved Chastian.",
                    right="Jessica Chastain starred. Critics praised Chastain. Fans loved Chastain."),
            Example(right="Mark Phillips won. Coaches praised Phillips. Philips, the company, paid.",
                    note="a sentence-initial word is not counted"),
            Example(right="Over There played. Critics loved Over There. Then Three more songs followed, three in all.",
                    note="a word also written in lowercase is not a name"),
            Example(right="Anna Smith spoke. Then Smith left. Reporters asked Smith why."),
        ),
    ),
    AbbreviationPeriods(
        id="SPL004",
        name="us-abbreviation",
        summary="U.S., U.N., U.K. with periods in AP and NYT text; US, UN, UK without in the Guardian.",
        rationale=(
            "AP and the NYT write *U.S.*, *U.N.* and *U.K.* with periods in body text (AP drops "
            "them only in headlines, SPL005). The Guardian uses no full points in abbreviations: "
            "*US*, *UN*, *UK*. The rule follows the profile's `abbreviation_periods` setting. "
            "Words next to another all-capitals word (*JOIN US*) and brand names (*US Airways*) "
            "are skipped. *EU* has no periods in any profile."
        ),
        severity=Severity.WARNING,
        fixable="safe",
        source=(
            "AP: research/house-style-rules.md §1.10 AP-US-1 (https://writingexplained.org/ap-style/ap-style-headlines ; "
            "https://headsupenglish.com/ap-style/us); NYT: U.S. (http://www.ibiblio.org/copyed/hughespro.html); "
            "Guardian: \"Do not use full points in abbreviations\" "
            "(https://www.theguardian.com/guardian-observer-style-guide-a), research §2 [10]."
        ),
        examples=(
            Example(wrong="The US embassy said it would help.", right="The U.S. embassy said it would help."),
            Example(wrong="Troops moved toward the UN compound.", right="Troops moved toward the U.N. compound."),
            Example(wrong="She flew on U. S. military aircraft.", right="She flew on U.S. military aircraft."),
            Example(wrong="The U.S. embassy said it would help.", right="The US embassy said it would help.",
                    profile="guardian"),
            Example(right="He flew US Airways to Boston.", note="a brand"),
            Example(right="CONTACT US FOR DETAILS", note="all capitals"),
        ),
    ),
    HeadlineAbbreviation(
        id="SPL005",
        name="headline-us-abbreviation",
        summary="AP headlines write US, UK and UN without periods.",
        rationale=(
            "AP drops the periods of *U.S.*, *U.K.* and *U.N.* in headlines, where space is short, "
            "and keeps them in the text (SPL004)."
        ),
        severity=Severity.INFO,
        fixable="safe",
        profiles=("ap",),
        source=(
            "research/house-style-rules.md §1.10 AP-US-1: https://writingexplained.org/ap-style/ap-style-headlines ; "
            "https://headsupenglish.com/ap-style/us"
        ),
        examples=(
            Example(wrong="U.S. warns Russia over Ukraine\n\nThe text follows.",
                    right="US warns Russia over Ukraine\n\nThe text follows."),
            Example(wrong="U.N. council meets on Gaza\n\nThe text follows.",
                    right="UN council meets on Gaza\n\nThe text follows."),
            Example(right="Officials warn Russia\n\nThe U.S. embassy said so.", note="body text keeps periods"),
            Example(right="EU leaders meet\n\nThe text follows."),
        ),
    ),
]
