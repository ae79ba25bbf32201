"""SPN: spun copy. Text that reads as machine-rewritten by a synonym spinner.

Article spinners make "new" copy by swapping words for synonyms without
looking at context. Each swap is a plausible word; together they leave marks
no human writer makes. This pack looks for those marks (*artifacts*) and
weighs them into one verdict per document (SPN001). Each artifact is also
reported on its own, with its likely original as the suggestion, so the
output doubles as an unspinning aid (SPN002–SPN006).

Signals, each aimed at context-blind replacement in general rather than at
one spinner's outputs:

- **Broken collocations** (SPN002): fixed phrases of news English
  (``conference call``, ``top diplomat``, ``last week``) crossed with a
  table of the synonyms spinners choose, so every variant with one or two
  words swapped is known without being written down.
- **Attribution slots** (SPN003): news attributes with "said"; a spinner
  keeps the slot and swaps the verb. The share of slots holding a spinner
  verb, or any verb a reporter would not put there, is a document signal.
- **Tortured phrases** (SPN004): documented tortured phrases
  (Problematic Paper Screener, press reports of spun news sites).
- **Sense and part-of-speech errors** (SPN005): swaps of function words
  that break the grammar ("grow to be", "the place he'll meet").
- **Lowercased proper adjectives** (SPN006): "japanese border".
- **Spinner vocabulary** (SPN007): words a spinner favours where a writer
  would use the plain one ("additionally", "solely", "nonetheless"); and
  the *share* of the synonym table's spinner choices among all of its words
  in the text (plain "also", "only", "still" against their swaps).

Quotations are spun too; artifacts inside them count at half weight.

Verdict: ``score = density + attribution + choice share``. Density is the
weighted artifacts per 1,000 words (a text shorter than 300 words is scored
as if it had 300; one artifact repeated counts at most twice); attribution
is ``12 × share of attribution slots with a spinner verb`` when there are at
least three slots; choice share is ``20 × (share − 0.2)`` when the synonym
table's words occur at least 20 times (less in proportion below that).
SPN001 fires when ``score >= spin_threshold`` **and** at least
``spin_min_artifacts`` distinct artifacts were found, so one odd phrase,
however often repeated, never makes a verdict. Weak artifacts (weight below
4) are reported one by one only in documents that score at least half the
threshold, spinner vocabulary only in documents judged spun; strong
artifacts are always reported.

Settings (``[settings]`` in config): ``spin_threshold`` (default 9.0),
``spin_min_artifacts`` (default 2) and ``spin_whitelist`` (phrases legitimate
in your beat, never counted). Turn the pack off with ``ignore = ["SPN"]``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from stylelint import Example, Rule, RuleContext, Severity
from stylelint.document import Document, Span

from ._spin_lexicon import WORD, Entry, fold, lexicon, tokens

DEFAULT_THRESHOLD = 9.0
DEFAULT_MIN_ARTIFACTS = 2
#: Weight of an artifact inside a quotation (quotes are spun too, but real
#: speech has odd wording of its own).
QUOTE_WEIGHT = 0.5
#: Attribution share → score points.
ATTRIBUTION_WEIGHT = 12.0
#: A document shorter than this is scored as if it had this many words.
MIN_WORDS = 300
#: Artifacts at or above this weight are reported in any document.
STRONG = 4.0
#: Occurrences of one artifact that count toward the score.
REPEAT_CAP = 2
#: Spinner-choice share: points per unit of share above the base, at full confidence.
CHOICE_WEIGHT = 20.0
CHOICE_BASE = 0.2
#: Occurrences of table words needed for full confidence in the share.
CHOICE_CONFIDENT = 20

# ---------------------------------------------------------------------------
# Attribution slots
# ---------------------------------------------------------------------------

#: Verbs reporters put in attribution slots.
NORMAL_VERBS = frozenset(
    """said says say told tells added adds asked asks wrote writes explained explains noted notes
    recalled recalls continued continues replied replies answered answers argued argues warned warns
    agreed agrees acknowledged acknowledges joked jokes laughed laughs cautioned cautions posted posts
    tweeted tweets quipped quips responded responds concluded concludes announced announces declared
    declares insisted insists admitted admits conceded concedes claimed claims suggested suggests
    observed observes remarked remarks predicted predicts promised promises vowed vows urged urges
    shouted yelled screamed whispered cried read reads offered offers complained complains boasted
    countered counters recounted recounts reflected reasoned mused sighed smiled grinned nodded shrugged
    chuckled exclaimed opined confirmed confirms denied denies stressed stresses emphasized emphasised
    maintained maintains contended contends testified reported reports estimated estimates described
    describes wondered wonders demanded pleaded protested recommended assured alleged charged asserted
    retorted snapped hissed growled gushed texted emailed messaged began begins went goes agreed
    joined explained interjected offered chimed blogged commented comments wrote, tell""".replace(
        ",", ""
    ).split()
)
#: Verbs context-blind spinners put in for said/told (suggestion in the value).
SPIN_VERBS = {
    "mentioned": "said",
    "mentions": "says",
    "stated": "said",
    "talked": "said",
    "expressed": "said",
    "expresses": "says",
    "informed": "told",
    "informs": "tells",
    "instructed": "told",
    "introduced": "said",
    "defined": "explained",
    "uttered": "said",
    "verbalized": "said",
    "articulated": "said",
    "voiced": "said",
    "communicated": "said",
    "advised": "told",
    "famous": "noted",
}
_STOP = frozenset(
    """a an the and or but of to in on at by for with from as is are was were be been has have had
    do does did not no so than then that this these those there here it its he she they we i you
    his her their our your who whom which what when where why how all any each one two some more
    most very also just only even still yet too now then again ever never""".split()
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_CONTINUE = (
    rf"(?=[ \t]*[.,;:!?]|[ \t\n]+(?:on|in|at|during|of|to|that|after|before|when|while|as|about|"
    rf"with|from|outside|last|this|yesterday|today|earlier|later|recently|reporters|journalists|"
    rf"{_WEEKDAYS})\b)"
)
_NAME = r"[A-Z][\w'’.\-]*"
_SPEAKER = (
    rf"(?:he|she|they|we|I|it|{_NAME}(?:[ \t]+(?:{_NAME}|of|de|van|von|al|bin|la|le)){{0,4}}"
    r"|(?:the|a|an|one|another|his|her|their|its)[ \t]+(?:[\w'’\-]+[ \t]+){0,5}?[\w'’\-]+)"
)
_AFTER_QUOTE = re.compile(
    rf"[ \t\n]+(?:(?P<v1>[a-z]+)[ \t]+(?=(?:the|a|an|his|her|their)\b|[A-Z])"
    rf"|{_SPEAKER}(?:,[^,\"“”\n]{{1,160}},)?[ \t]+(?P<v2>[a-z]+){_CONTINUE})"
)
_BEFORE_QUOTE = re.compile(r"\b(?P<v>[a-z]+)[ \t]*[,:][ \t\n]*\Z")


@dataclass(frozen=True, slots=True)
class SlotVerb:
    """A verb found in an attribution slot."""

    start: int
    end: int
    verb: str
    kind: str  # normal | spun | odd
    #: reported speech away from any quotation ("participants mentioned that ..."): an
    #: artifact, but not counted in the slot share (plain "said that" is not counted either)
    reported: bool = False


def _classify(verb: str) -> str | None:
    if verb in NORMAL_VERBS:
        return "normal"
    if verb in SPIN_VERBS:
        return "spun"
    if verb in _STOP or len(verb) < 3:
        return None
    return "odd"


def slot_verbs(doc: Document) -> list[SlotVerb]:
    """Verbs in attribution slots next to quotations (any verb, not only known ones)."""
    cached = doc.cache.get("spin.slots")
    if cached is not None:
        return cached
    text = doc.text
    found: dict[int, SlotVerb] = {}
    for q in doc.quotes:
        inner = text[q.start : q.end].rstrip("”\"’' \t")
        if inner[-1:] in (",", "?", "!", "—", "–") and q.end < len(text):
            m = _AFTER_QUOTE.match(text, q.end, min(len(text), q.end + 260))
            if m:
                g = "v1" if m.group("v1") else "v2"
                verb = m.group(g)
                kind = _classify(verb)
                if g == "v1" and kind == "odd" and not verb.endswith(("ed", "s")):
                    kind = None
                if kind:
                    s, e = m.span(g)
                    found.setdefault(s, SlotVerb(s, e, verb, kind))
        m = _BEFORE_QUOTE.search(text, max(0, q.start - 60), q.start)
        if m:
            verb = m.group("v")
            kind = _classify(verb)
            if kind == "odd" and not verb.endswith("ed"):
                kind = None
            if kind:
                s, e = m.span("v")
                found.setdefault(s, SlotVerb(s, e, verb, kind))
    # Reported speech without quotation marks ("X mentioned that ..."): the
    # attribution family's detector finds the stilted verbs spinners use.
    try:
        from .attribution import attribution_slots
    except ImportError:  # pragma: no cover - the pack ships together
        attribution_slots = None
    if attribution_slots is not None:
        for slot in attribution_slots(doc):
            verb = slot.verb.lower()
            if verb in SPIN_VERBS:
                found.setdefault(
                    slot.start, SlotVerb(slot.start, slot.end, slot.verb, "spun", True)
                )
    slots = sorted(found.values(), key=lambda s: s.start)
    doc.cache["spin.slots"] = slots
    return slots


# ---------------------------------------------------------------------------
# Lowercased proper adjectives
# ---------------------------------------------------------------------------

DEMONYMS = frozenset(
    """american british english french german russian chinese japanese korean european african asian
    italian spanish mexican canadian australian ukrainian israeli palestinian iranian iraqi syrian
    afghan pakistani turkish greek polish dutch swedish norwegian danish finnish irish scottish welsh
    brazilian argentine argentinian egyptian saudi arab arabic muslim christian jewish catholic
    islamic hispanic latino cuban venezuelan colombian nigerian kenyan vietnamese thai indonesian
    filipino belarusian georgian hungarian czech austrian swiss belgian portuguese lebanese jordanian
    libyan yemeni qatari emirati taiwanese tibetan mongolian mediterranean atlantic pacific
    washington moscow kremlin""".split()
)
#: Lowercase uses that are ordinary English (french fries, arabic numerals).
_DEMONYM_OK = {
    "french": {
        "fries",
        "toast",
        "press",
        "doors",
        "door",
        "kiss",
        "braid",
        "braids",
        "manicure",
        "horn",
        "dressing",
        "bread",
        "onion",
        "window",
        "windows",
        "cuff",
        "cuffs",
        "bulldog",
    },
    "swiss": {"cheese", "chard", "army", "roll"},
    "russian": {"roulette", "dressing"},
    "english": {"muffin", "muffins", "breakfast", "horn", "ivy"},
    "arabic": {"numerals", "numeral", "gum"},
    "german": {"shepherd", "measles", "chocolate"},
    "danish": {"pastry", "pastries"},
    "brussels": {"sprouts"},
    "chinese": {"checkers", "lantern", "lanterns"},
    "dutch": {"oven", "ovens", "courage", "treat"},
    "turkish": {"delight", "bath"},
    "irish": {"coffee", "setter", "stew"},
    "scottish": {"terrier"},
    "american": {"cheese"},
    "atlantic": set(),
    "pacific": set(),
}

# ---------------------------------------------------------------------------
# The analysis
# ---------------------------------------------------------------------------


_KEYS: dict[str, str] = {}


def _key(text: str) -> str:
    key = _KEYS.get(text)
    if key is None:
        key = " ".join(WORD.findall(fold(text)))
        if len(_KEYS) < 65536:
            _KEYS[text] = key
    return key


@dataclass(frozen=True, slots=True)
class Artifact:
    """One mark of spinning: where it is, what it likely replaced, how much it weighs."""

    start: int
    end: int
    text: str
    original: str
    kind: str  # collocation | tortured | sense | attribution | demonym | vocabulary
    weight: float
    in_quote: bool

    @property
    def key(self) -> str:
        """Normalized spun text: two artifacts with the same key are one distinct artifact."""
        return _key(self.text)

    @property
    def effective(self) -> float:
        """Weight after the quotation discount."""
        return self.weight * (QUOTE_WEIGHT if self.in_quote else 1.0)


@dataclass
class Analysis:
    """Everything SPN rules need to know about one document."""

    words: int
    artifacts: list[Artifact] = field(default_factory=list)
    slots_normal: int = 0
    slots_spun: int = 0
    slots_odd: int = 0
    density: float = 0.0
    attribution: float = 0.0
    #: occurrences of one-word originals / spinner choices of the synonym table
    plain: int = 0
    choices: int = 0
    choice: float = 0.0
    score: float = 0.0
    distinct: int = 0
    spun: bool = False
    suspicious: bool = False

    @property
    def slot_ratio(self) -> float:
        """Share of attribution slots holding a spinner verb (odd verbs count half)."""
        total = self.slots_normal + self.slots_spun + self.slots_odd
        return (self.slots_spun + 0.5 * self.slots_odd) / total if total else 0.0


def _settings(context: RuleContext) -> tuple[float, int, frozenset[tuple[str, ...]]]:
    threshold = float(context.setting("spin_threshold", DEFAULT_THRESHOLD))
    minimum = int(context.setting("spin_min_artifacts", DEFAULT_MIN_ARTIFACTS))
    whitelist = frozenset(tokens(p) for p in context.setting("spin_whitelist", ()) or ())
    return threshold, minimum, whitelist


def analyse(doc: Document, context: RuleContext) -> Analysis:
    """The spin analysis of ``doc`` (computed once per document and settings)."""
    settings = _settings(context)
    key = ("spin.analysis", settings)
    cached = doc.cache.get(key)
    if cached is not None:
        return cached
    threshold, minimum, whitelist = settings
    text = doc.text
    low = fold(text)
    if len(low) != len(text):  # a rare character whose lowercase is longer
        low = "".join(fold(c) if len(fold(c)) == 1 else c for c in text)
    words = WORD.findall(low)
    result = Analysis(words=len(words))
    lex = lexicon()
    counts = Counter(words)
    result.plain = sum(counts[w] for w in lex.plain_words.intersection(counts))
    result.choices = sum(counts[w] for w in lex.spinner_words.intersection(counts))
    found = _phrase_artifacts(doc, low, words)
    found += _demonym_artifacts(doc, text, low, words)
    for slot in slot_verbs(doc):
        if slot.kind == "normal":
            result.slots_normal += 1
        elif slot.kind == "odd":
            result.slots_odd += 1
        else:
            result.slots_spun += not slot.reported
            original = SPIN_VERBS[slot.verb.lower()]
            if slot.verb[:1].isupper():
                original = original.capitalize()
            span = Span(slot.start, slot.end)
            found.append(
                Artifact(
                    slot.start,
                    slot.end,
                    text[slot.start : slot.end],
                    original,
                    "attribution",
                    2.0,
                    doc.in_quote(span),
                )
            )
    if whitelist:
        found = [a for a in found if tuple(a.key.split()) not in whitelist]
    found.sort(key=lambda a: (a.start, -a.end))
    # Overlaps: keep the heavier (then the longer) artifact.
    kept: list[Artifact] = []
    for a in found:
        if kept and a.start < kept[-1].end:
            if (a.weight, a.end - a.start) > (kept[-1].weight, kept[-1].end - kept[-1].start):
                kept[-1] = a
            continue
        kept.append(a)
    result.artifacts = kept
    result.distinct = len({a.key for a in kept})
    total = 0.0
    seen: dict[str, int] = {}
    for a in kept:
        # One artifact repeated is one choice repeated: it counts at most REPEAT_CAP times.
        seen[a.key] = seen.get(a.key, 0) + 1
        if seen[a.key] <= REPEAT_CAP:
            total += a.effective
    result.density = 1000.0 * total / max(result.words, MIN_WORDS)
    slots = result.slots_normal + result.slots_spun + result.slots_odd
    if slots >= 3:
        result.attribution = ATTRIBUTION_WEIGHT * result.slot_ratio
    seen_words = result.plain + result.choices
    if seen_words:
        share = result.choices / seen_words
        result.choice = (
            CHOICE_WEIGHT * max(0.0, share - CHOICE_BASE) * min(1.0, seen_words / CHOICE_CONFIDENT)
        )
    result.score = result.density + result.attribution + result.choice
    result.spun = result.score >= threshold and result.distinct >= minimum
    result.suspicious = result.score >= threshold / 2 and result.distinct >= min(2, minimum)
    doc.cache[key] = result
    return result


def _in_url(low: str, start: int, end: int) -> bool:
    a = start
    while a > 0 and not low[a - 1].isspace():
        a -= 1
    b = end
    n = len(low)
    while b < n and not low[b].isspace():
        b += 1
    chunk = low[a:b]
    return any(c in chunk for c in "/@_=#<>{}") or "www." in chunk or ".com" in chunk


def _phrase_artifacts(doc: Document, low: str, words: list[str]) -> list[Artifact]:
    """Lexicon entries in the text: candidates on the word list, positions only for those."""
    lex = lexicon()
    present = lex.triggers.intersection(words)
    if not present:
        return []
    index = lex.index
    nwords = len(words)
    candidates: list[tuple[int, int, Entry]] = []
    for i, w in enumerate(words):
        if w not in present:
            continue
        for offset, entry in index[w]:
            first = i - offset
            last = first + len(entry.spun) - 1
            if first < 0 or last >= nwords:
                continue
            if tuple(words[first : last + 1]) == entry.spun:
                candidates.append((first, last, entry))
    if not candidates:
        return []
    # Token positions, for the tokens around each candidate only (one pass, stops early).
    needed = set()
    for first, last, _ in candidates:
        needed.update(range(max(0, first - 1), min(nwords, last + 2)))
    stop = max(needed)
    pos: dict[int, tuple[str, int, int]] = {}
    for k, m in enumerate(WORD.finditer(low)):
        if k in needed:
            pos[k] = (m.group(), m.start(), m.end())
        if k >= stop:
            break
    text = doc.text
    out: list[Artifact] = []
    taken = -1
    for first, last, entry in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
        if first <= taken and entry.kind == "vocabulary":
            continue
        if not _matches(low, pos, first, entry):
            continue
        start, end = pos[first][1], pos[last][2]
        if not _guards_ok(low, pos, first, last, entry):
            continue
        if entry.caps and not all(text[pos[first + i][1]].isupper() for i in entry.caps):
            continue
        if entry.kind == "collocation" and first > 0 and text[start].isupper():
            prev = pos[first - 1]
            if text[prev[1]].isupper() and low[prev[2] : start] == " ":
                continue  # the tail of a longer name ("Border Protection officials")
        if _in_url(low, start, end):
            continue
        out.append(
            Artifact(
                start,
                end,
                text[start:end],
                entry.original,
                entry.kind,
                entry.weight,
                doc.in_quote(Span(start, end)),
            )
        )
        taken = max(taken, last)
    return out


def _gap_ok(low: str, a: int, b: int) -> bool:
    gap = low[a:b]
    return bool(gap) and gap.isspace() and gap.count("\n") <= 1


def _matches(low: str, pos: dict, first: int, entry: Entry) -> bool:
    """The entry's words are separated by spaces (at most one line break), not punctuation."""
    for i in range(1, len(entry.spun)):
        if not _gap_ok(low, pos[first + i - 1][2], pos[first + i][1]):
            return False
    return True


def _guards_ok(low: str, pos: dict, first: int, last: int, entry: Entry) -> bool:
    if entry.not_before and first - 1 in pos:
        prev = pos[first - 1]
        if prev[0] in entry.not_before and _gap_ok(low, prev[2], pos[first][1]):
            return False
    if entry.not_after and last + 1 in pos:
        nxt = pos[last + 1]
        if nxt[0] in entry.not_after and _gap_ok(low, pos[last][2], nxt[1]):
            return False
    return True


_DEMONYM_RE: dict[frozenset[str], re.Pattern[str]] = {}


def _demonym_artifacts(doc: Document, text: str, low: str, words: list[str]) -> list[Artifact]:
    present = DEMONYMS.intersection(words)
    if not present:
        return []
    pattern = _DEMONYM_RE.get(present)
    if pattern is None:
        pattern = re.compile(r"(?<![\w'.\-])(" + "|".join(sorted(present)) + r")(?![\w'\-]|\.\w)")
        if len(_DEMONYM_RE) < 256:
            _DEMONYM_RE[present] = pattern
    out = []
    for m in pattern.finditer(text):  # case-sensitive: only the lowercase form
        s, e = m.span()
        word = m.group(1)
        nxt = WORD.match(low, e + 1) if e + 1 < len(low) and low[e] == " " else None
        if nxt and nxt.group() in _DEMONYM_OK.get(word, ()):
            continue
        if _in_url(low, s, e):
            continue
        block = doc.block_at(s)
        if block is not None and block.kind in ("table_cell",):
            continue
        out.append(
            Artifact(s, e, text[s:e], word.capitalize(), "demonym", 2.0, doc.in_quote(Span(s, e)))
        )
    return out


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

_SOURCE = (
    'Research notes §3 (article-spinning artifacts); Cabanac, Labbé & Magazinov, "Tortured phrases" '
    "(2021), arXiv:2107.06751; Problematic Paper Screener dictionary (CC BY 4.0, "
    "https://dbrech.irit.fr/pls/apex/f?p=9999:5:::NO:::, via giladfeldman/torturedcheck and "
    "KarchuS/tortured-phrase-spotter; see rules/data/spin_NOTICE.txt); press reports of spun news "
    "sites (HuffPost 2019, South China Morning Post 2018)."
)


def _describe(a: Artifact) -> str:
    return f"'{a.text}' (likely '{a.original}')"


class SpunCopy(Rule):
    """SPN001: one finding per document that reads as machine-rewritten."""

    document_level = True
    in_quotes = True

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """Yield the verdict when the score and the diversity guard are met."""
        result = analyse(document, context)
        if not result.spun or not result.artifacts:
            return
        by_key: dict[str, tuple[float, Artifact]] = {}
        for a in result.artifacts:
            w, first = by_key.get(a.key, (0.0, a))
            by_key[a.key] = (w + a.effective, first)
        top = sorted(by_key.values(), key=lambda x: (-x[0], x[1].start))[:4]
        first = result.artifacts[0]
        slots = result.slots_normal + result.slots_spun + result.slots_odd
        message = (
            f"This text reads as machine-rewritten (score {result.score:.1f}): "
            f"{1000 * len(result.artifacts) / max(result.words, 1):.1f} likely spinner artifacts per "
            f"1,000 words, {result.distinct} distinct; attribution slots with a spinner verb: "
            f"{result.slots_spun + result.slots_odd} of {slots}. Top: "
            + "; ".join(_describe(a) for _, a in top)
            + ". Check it against its source before publishing."
        )
        yield self.violation(first.start, first.end, message, suggestion=first.original)


class ArtifactRule(Rule):
    """One finding per artifact of one kind, with the likely original as suggestion."""

    kinds: tuple[str, ...] = ()
    message: str = "'{match}' looks like a spinner's swap for '{original}'."
    in_quotes = True

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """Report strong artifacts always, weak ones in suspicious documents."""
        result = analyse(document, context)
        for a in result.artifacts:
            if a.kind not in self.kinds:
                continue
            if a.kind == "vocabulary" and not result.spun:
                continue
            if a.weight < STRONG and not result.suspicious:
                continue
            yield self.violation(
                a.start,
                a.end,
                self.message.format(match=a.text, original=a.original),
                suggestion=_match_case(a.text, a.original),
            )


def _match_case(found: str, replacement: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_SPUN_EXAMPLE = (
    "Blinken will land in Kyiv on Wednesday the place he'll meet the foreign minister. "
    "He said the talks had grow to be urgent. A senior official mentioned on a convention name "
    "with reporters that the army workouts require notification prematurely. "
    '"We are ready," the official mentioned. "We will see," the spokesman stated. '
    '"Nothing is settled," the adviser mentioned.'
)

RULES = [
    SpunCopy(
        id="SPN001",
        name="machine-spun-copy",
        summary="The text reads as machine-rewritten by a synonym spinner: check it against its source.",
        rationale=(
            "Article spinners rewrite a story by swapping words for synonyms without regard to "
            "context, so that copied copy passes for new. The swaps leave marks no human writer makes: "
            "broken fixed phrases ('convention name' for 'conference call', 'final week' for 'last "
            "week'), attribution verbs other than 'said' in every slot, tortured phrases, grammar "
            "broken by a swapped function word ('the place he'll meet', 'grow to be'), lowercased "
            "proper adjectives ('japanese border'). This rule weighs them into one verdict per "
            "document: weighted artifacts per 1,000 words plus the share of attribution slots with a "
            "spinner verb, and it needs several distinct artifacts, so one odd phrase never triggers "
            "it. Quotations count at half weight. The finding sits on the first artifact; the "
            "per-artifact rules (SPN002–SPN006) list them all with their likely originals. It says "
            "the copy *reads as* machine-rewritten: non-native writing and translation can share "
            "some of these marks, so treat it as a prompt to check the source, never as an "
            "accusation. Settings: `spin_threshold` (default 9.0), `spin_min_artifacts` (default 2), "
            "`spin_whitelist` (phrases legitimate in your beat). Turn the pack off with "
            '`ignore = ["SPN"]`.'
        ),
        severity=Severity.WARNING,
        source=_SOURCE,
        examples=(
            Example(wrong=_SPUN_EXAMPLE),
            Example(
                wrong=(
                    "Officials mentioned final week that the nationwide safety advisor had warned of a "
                    'floor invasion. "It is serious," the adviser mentioned. "We are watching," '
                    'the officer stated. "We will respond," the minister mentioned. The army build-up '
                    "alongside the japanese border may very well be a sign."
                )
            ),
            Example(
                right=(
                    "Blinken will land in Kyiv on Wednesday, where he will meet the foreign minister. "
                    "A senior official said on a conference call with reporters that military exercises "
                    'require notification 42 days in advance. "We are ready," the official said.'
                )
            ),
            Example(
                right=(
                    'The high court ruled in the final week of the term. "It is a sign of the times," '
                    "the judge said, noting the army build-up."
                ),
                note="legitimate odd phrases do not make a verdict",
            ),
        ),
    ),
    ArtifactRule(
        id="SPN002",
        name="broken-collocation",
        summary="A fixed news phrase with a word swapped for a spinner's synonym ('convention name' for 'conference call').",
        rationale=(
            "News English is full of fixed phrases: 'conference call', 'top diplomat', 'last week', "
            "'ground invasion'. A context-blind spinner swaps one of their words for a thesaurus "
            "synonym and breaks them. The rule knows a list of fixed phrases and the synonyms "
            "spinners choose, and recognizes every variant with one or two words swapped. Weak "
            "variants (ordinary English on their own, like 'final week') are reported only in a "
            "document that already reads as spun (see SPN001)."
        ),
        severity=Severity.INFO,
        source=_SOURCE,
        kinds=("collocation",),
        message="'{match}' looks like a broken fixed phrase; the original was likely '{original}'.",
        examples=(
            Example(wrong=_SPUN_EXAMPLE),
            Example(
                wrong="Sullivan spoke to reporters on the White House lawn about the floor invasion and the army build-up."
            ),
            Example(
                wrong=_SPUN_EXAMPLE + " The nationwide safety advisor warned of a floor invasion."
            ),
            Example(
                right="Sullivan spoke to reporters on the White House lawn about the ground invasion."
            ),
            Example(
                right="It was the final week of the trial.", note="weak variant, clean document"
            ),
        ),
    ),
    ArtifactRule(
        id="SPN003",
        name="spinner-attribution-verb",
        summary="A spinner's verb in an attribution slot ('mentioned', 'stated', 'informed reporters' for 'said', 'told').",
        rationale=(
            "News attributes with 'said'. Spinners keep the slot and swap the verb: 'the official "
            "mentioned', 'the spokesman stated', 'informed reporters'. Each one is weak evidence on "
            "its own (ATT003 also asks for 'said'), so in a clean document they are reported only "
            "when the document reads as spun; their share of all attribution slots feeds SPN001."
        ),
        severity=Severity.INFO,
        source=_SOURCE,
        kinds=("attribution",),
        message="'{match}' in an attribution slot reads as a spinner's swap for '{original}'.",
        examples=(
            Example(wrong=_SPUN_EXAMPLE),
            Example(
                wrong=(
                    '"We are ready," the official mentioned. "We will see," the spokesman stated. '
                    '"Nothing is settled," the adviser mentioned. "Talks go on," she expressed. '
                    "The minister informed reporters that the army workouts would go on."
                )
            ),
            Example(right='"We are ready," the official said. "We will see," the spokesman said.'),
            Example(right="She mentioned the report in her speech.", note="not attribution"),
        ),
    ),
    ArtifactRule(
        id="SPN004",
        name="tortured-phrase",
        summary="A known tortured phrase ('gregarious media' for 'social media', 'monetary emergency' for 'financial crisis').",
        rationale=(
            "Tortured phrases are odd phrases standing where an established one belongs, the "
            "signature of paraphrasing tools. The list is the news-relevant part of the Problematic "
            "Paper Screener's dictionary (Cabanac, Labbé & Magazinov, CC BY 4.0) plus phrases "
            "documented on spun news sites."
        ),
        severity=Severity.INFO,
        source=_SOURCE,
        kinds=("tortured",),
        message="'{match}' is a known tortured phrase; the original was likely '{original}'.",
        examples=(
            Example(wrong="Posts on gregarious media blamed the monetary emergency."),
            Example(wrong="The study counted the ecological alteration effects."),
            Example(right="Posts on social media blamed the financial crisis."),
            Example(right="The study counted the climate change effects."),
        ),
    ),
    ArtifactRule(
        id="SPN005",
        name="spinner-sense-error",
        summary="A swapped function word that breaks the grammar ('the place he'll meet' for 'where', 'grow to be' for 'become').",
        rationale=(
            "Spinners swap function words and set phrases as if they were content words: 'where' "
            "becomes 'the place', 'become' becomes 'grow to be', 'last year' becomes 'final yr', "
            "'chief executive' becomes 'chief government'. Humans do not make these errors."
        ),
        severity=Severity.INFO,
        source=_SOURCE,
        kinds=("sense",),
        message="'{match}' reads as a spinner's swap; the original was likely '{original}'.",
        examples=(
            Example(wrong="Blinken will land in Kyiv on Wednesday the place he'll meet Zelenskyy."),
            Example(wrong="The effort to negotiate a settlement has grow to be urgent."),
            Example(wrong="Sales rose for the primary time since final yr."),
            Example(right="Blinken will land in Kyiv on Wednesday, where he'll meet Zelenskyy."),
            Example(right="It was the place he loved most.", note="'the place' as a noun"),
            Example(right="The effort has become urgent."),
        ),
    ),
    ArtifactRule(
        id="SPN006",
        name="lowercase-proper-adjective",
        summary="A nationality or proper adjective in lowercase ('japanese border'), a spinner's mark.",
        rationale=(
            "Proper adjectives are capitalized. Spinners lowercase the synonyms they put in, and "
            "sometimes put a nationality in for a common word ('japanese' for 'eastern'). Fixed "
            "lowercase uses (french fries, arabic numerals) and URLs are not flagged. Reported one "
            "by one only in a document that reads as spun."
        ),
        severity=Severity.INFO,
        source=_SOURCE,
        kinds=("demonym",),
        message="'{match}' is a proper adjective in lowercase; a spinner may have put it in (likely '{original}').",
        examples=(
            Example(wrong=_SPUN_EXAMPLE + " The russian troops were massing alongside its border."),
            Example(
                wrong=(
                    "Officials mentioned final week that the nationwide safety advisor had warned of a "
                    'floor invasion. "It is serious," the adviser mentioned. "We are watching," '
                    "the officer stated. The russian build-up alongside the border grew."
                )
            ),
            Example(right="Russian troops were massing along its eastern border."),
            Example(right="He ordered french fries and a Swiss cheese sandwich."),
        ),
    ),
    ArtifactRule(
        id="SPN007",
        name="spinner-vocabulary",
        summary="A word spinners favour where the plain one fits ('additionally', 'solely', 'nonetheless'), in a text that reads as spun.",
        rationale=(
            "Each of these words is ordinary English on its own, so they are reported only in a "
            "document SPN001 judges spun, where they are worth an editor's second look: 'solely' "
            "for 'only', 'practically' for 'nearly', 'dad and mom' for 'parents'. Their density, and "
            "the share of a spinner's choices among all the words of its synonym table, feed SPN001."
        ),
        severity=Severity.INFO,
        source=_SOURCE,
        kinds=("vocabulary",),
        message="'{match}' is a spinner's favourite; the plain word is likely '{original}'.",
        examples=(
            Example(
                wrong=_SPUN_EXAMPLE + " Officials additionally mentioned that talks would resume."
            ),
            Example(
                wrong=(
                    "Officials mentioned final week that the nationwide safety advisor had warned of a "
                    'floor invasion. "It is serious," the adviser mentioned. "We are watching," '
                    "the officer stated. Talks would solely resume, nonetheless, if troops withdrew."
                )
            ),
            Example(
                right="Talks would solely resume, nonetheless, if troops withdrew.",
                note="a clean-reading text: not reported",
            ),
            Example(right="Talks would only resume, however, if troops withdrew."),
        ),
    ),
]
