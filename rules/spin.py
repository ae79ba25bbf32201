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
  keeps the slot and swaps the verb. The verbs of the slots next to
  quotations (any verb a reporter would not put there counts) and of
  paraphrased attribution (", Smith said.", "said Jane Doe,", "He said he")
  are a document signal.
- **Tortured phrases** (SPN004): documented tortured phrases
  (Problematic Paper Screener, press reports of spun news sites).
- **Sense and part-of-speech errors** (SPN005): swaps of function words
  that break the grammar ("grow to be", "the place he'll meet"); and, with
  no list at all, agreements any context-blind swap breaks: an article that
  no longer fits the next word ("an strike"), closed-class words that cannot
  follow each other ("a in style", "must to", "could may", "talked about
  he").
- **Lowercased proper adjectives** (SPN006): "japanese border".
- **Spinner vocabulary** (SPN007): words a spinner favours where a writer
  would use the plain one ("additionally", "solely", "nonetheless"); and
  the *share* of the synonym table's spinner choices among all of its words
  in the text (plain "also", "only", "still" against their swaps).
Quotations are spun too; artifacts inside them count at half weight.

Verdict (SPN001): every signal is a count with a known rate in clean copy
(measured on the calibration half of the clean corpus) and a nominal rate in
spun copy; its evidence is the log-likelihood ratio of the two, floored at
zero, over the text's real length (see :data:`MODEL` and :func:`evidence`).
A short brief needs a few artifacts, a long text a density well above what
clean copy shows. SPN001 fires when the summed evidence reaches
``spin_threshold`` (nats) **and** at least ``spin_min_artifacts`` distinct
artifacts were found, so one odd phrase, however often repeated, never makes
a verdict. Weak artifacts (weight below 4) are reported one by one only in
documents with at least half the threshold, spinner vocabulary only in
documents judged spun; strong artifacts are always reported.

Settings (``[settings]`` in config): ``spin_threshold`` (default 4.5),
``spin_min_artifacts`` (default 2) and ``spin_whitelist`` (phrases legitimate
in your beat, never counted). Turn the pack off with ``ignore = ["SPN"]``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress

from stylelint import Example, Rule, RuleContext, Severity
from stylelint.model.document import Document, Ranges, Span

from ._spin_lexicon import WORD, Entry, fold, lexicon, tokens

#: WORD as one capturing group: ``split`` then yields separators and words in turn.
_WORD_SPLIT = re.compile(f"({WORD.pattern})")

#: Evidence (nats) SPN001 needs: the highest a clean calibration article that passes
#: the diversity guard reaches, plus a margin (bench/spin_quality.py --calibrate).
DEFAULT_THRESHOLD = 4.5
DEFAULT_MIN_ARTIFACTS = 2
#: Weight of an artifact inside a quotation (quotes are spun too, but real
#: speech has odd wording of its own).
QUOTE_WEIGHT = 0.5
#: Artifacts at or above this weight are reported in any document.
STRONG = 4.0
#: Occurrences of one artifact that count toward the score.
REPEAT_CAP = 2

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
#: Nouns that name a speaker in paraphrase attribution (", the spokesman said.").
_SPEAKER_NOUNS = (
    r"officials?|spokes(?:wo)?man|spokesperson|ministers?|ministry|police|president|owners?|"
    r"company|agency|department|sources?|analysts?|experts?|economists?|researchers?|report|"
    r"statement|lawyers?|attorneys?|prosecutors?|authorities|officers?|sheriff|chief|mayor|"
    r"governor|senator|director|executive|advis[eo]r|coach|manager|doctors?|witness(?:es)?|"
    r"residents?|neighbou?rs?|airline|military|firm|group|study|survey|court|judge"
)
_PARA_AFTER = re.compile(
    rf",[ \t]+(?:he|she|they|{_NAME}(?:[ \t]+(?:{_NAME}|of|de|van|von|al|bin|la|le)){{0,4}}"
    rf"|the[ \t]+(?:[a-z\-]+[ \t]+){{0,3}}?(?:{_SPEAKER_NOUNS}))[ \t]+(?P<v>[a-z]+)"
    rf"(?:[ \t]+(?:on[ \t]+)?(?:{_WEEKDAYS}|today|yesterday|last[ \t]+week|earlier|later|recently))?"
    r"[ \t]*[.;]"
)
_PARA_INVERTED = re.compile(
    rf",[ \t]+(?P<v>[a-z]+(?:ed|s))[ \t]+(?:{_NAME}(?:[ \t]+{_NAME}){{1,3}}|the[ \t]+(?:{_SPEAKER_NOUNS}))"
    r"[ \t]*[,.]"
)
#: Reported speech ("He said he ...", "Smith mentioned that ..."): the verb and what
#: follows it are found first (a cheap scan), the speaker before it only for the
#: reporter's and the spinners' verbs.
_REPORTED_NEXT = ("that", "he", "she", "they", "it", "we", "i")
_REPORTED_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {}


def _reported_pattern(pair: tuple[str, str]) -> re.Pattern[str]:
    pattern = _REPORTED_PATTERNS.get(pair)
    if pattern is None:
        verb, nxt = pair
        nxt = "I" if nxt == "i" else nxt
        pattern = re.compile(rf"(?P<v>{verb})[ \t]+{nxt}\b")  # literal first: a fast scan
        _REPORTED_PATTERNS[pair] = pattern
    return pattern


_REPORTED_PAIRS = frozenset(
    (verb, nxt) for verb in NORMAL_VERBS | set(SPIN_VERBS) for nxt in _REPORTED_NEXT
)
_REPORTED_SPEAKER = re.compile(
    r"(?:[.!?][”\"]?[ \t]|, |\band )"
    r"(?!(?:Some|Others|Many|Most|All|Few|Several|One|Both|Each|These|Those|This|That|It|"
    r"There|Here|The|A|An|When|If|But|And|So|Then|We|I|You)\b)"
    rf"(?:[Hh]e|[Ss]he|[Tt]hey|{_NAME}(?:[ \t]+{_NAME}){{0,2}})\Z"
)


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
    # Paraphrase attribution away from quotation marks (", Smith said.", ", said
    # Jane Doe,", "He said he ..."). These places are also where an intransitive
    # verb ends a clause ("In 2010, he retired."), so only the reporter's verbs and
    # the spinners' verbs are counted there, never an odd verb.
    reported = word_pairs(doc) & _REPORTED_PAIRS
    for pattern in (_PARA_AFTER, _PARA_INVERTED, *(_reported_pattern(p) for p in reported)):
        for m in pattern.finditer(text):
            verb = m.group("v")
            kind = _classify(verb.lower())
            if kind not in ("normal", "spun"):
                continue
            s, e = m.span("v")
            reported_speech = pattern is not _PARA_AFTER and pattern is not _PARA_INVERTED
            if reported_speech and (
                not m.start()
                or text[m.start() - 1] not in " \t"
                or not _REPORTED_SPEAKER.search(text, max(0, m.start() - 81), m.start() - 1)
            ):
                continue
            found.setdefault(s, SlotVerb(s, e, verb, kind))
    # Reported speech ("X mentioned that ..."): the attribution family's detector
    # finds the stilted verbs spinners use.
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
    afghan pakistani turkish greek dutch swedish norwegian danish finnish irish scottish welsh
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
# Grammar broken by a context-blind swap
# ---------------------------------------------------------------------------
#
# A spinner that replaces a word without looking at its neighbours breaks
# agreements no list of its outputs needs to know: "an attack" -> "an strike",
# "a popular" -> "a in style", "need to" -> "must to", "said he" -> "talked
# about he". These checks look only at closed-class words (articles,
# determiners, prepositions, modals), so they fire on any spinner's swap.
# Doubled words ("the the") are left out: they are the commonest human typo.

_DETS = "the|a|an|its|their|our|my|your|every"
_PREPS = (
    "of|in|on|at|by|for|with|from|to|into|onto|under|between|through|during|against|"
    "without|within|among|toward|towards|across|throughout|upon|via"
)
_MODALS = "can|could|may|might|must|shall|should|would"
#: Prepositions before a subject pronoun ("talked about he chose", "as a result of they"):
#: a conjunction or a verb swapped for a phrase that ends in a preposition. Not "for"
#: ("for he is" is old-fashioned English).
_PREPS_NOT_FOR = _PREPS.replace("for|", "") + "|about"
_DET_WORDS = _DETS.split("|")
#: Closed-class word pairs that cannot follow each other in English.
_BAD_PAIRS = frozenset(
    [(d, p) for d in _DET_WORDS for p in _PREPS.split("|")]  # "a in style"
    + [(d, e) for d in _DET_WORDS for e in "the a an its their our my your".split() if d != e]
    + [(m, "to") for m in "must should shall might may".split()]  # "must to"
    + [(m, n) for m in ["will", *_MODALS.split("|")] for n in _MODALS.split("|")]  # "will may"
    + [("to", m) for m in "must could should might shall would may".split()]  # "to must"
    + [(p, pr) for p in _PREPS_NOT_FOR.split("|") for pr in "he she they we i".split()]
)
_PAIR_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {}


def _pair_pattern(first: str, second: str) -> re.Pattern[str]:
    """The pair as written in running text: lowercase, separated by spaces only, whole
    words. A sentence-initial article may be capitalized when the pair is an article that
    does not fit the next word; for the other pairs a capital "A" is often a letter or a
    variable ("A with B")."""
    pattern = _PAIR_PATTERNS.get((first, second))
    if pattern is None:
        head = re.escape(first)
        if first in ("a", "an") and (first, second) not in _BAD_PAIRS:
            head = f"[{first[0]}{first[0].upper()}]{re.escape(first[1:])}"
        tail = "I" if second == "i" else re.escape(second)
        # A literal first (fast scan); the word boundary before it is checked by the caller.
        pattern = re.compile(rf"{head}[ \t]+{tail}(?![\w'’\-])")
        if len(_PAIR_PATTERNS) < 4096:
            _PAIR_PATTERNS[(first, second)] = pattern
    return pattern


_LOWER_WORD = re.compile(r"[a-z][a-z\-]*")
#: Candidate article + word pairs on the folded text (a literal first character keeps
#: the scan fast); _pair_pattern then checks them in the text itself.
_ARTICLE_SCAN = re.compile(r"[ \n\"(“](an?) ([a-z][a-z\-]*)(?![\w'])")
#: Words that begin with a vowel letter and a consonant sound ("a union", "a one-off").
_VOWEL_LETTER_CONSONANT = tuple(
    "use usu usa uti ure uri uro ura ubi uku ufo uto ute ukr uga uru uvu eu ewe one once ouija".split()
)
#: After "A"/"An" at a sentence start these are a variable or a letter ("A and B").
_NOT_AFTER_LETTER = frozenset(
    "and or is was are of to in on at for with the a an as by if not but then nor".split()
)


def _vowel_sound(word: str) -> bool | None:
    """Whether ``word`` (lowercase) begins with a vowel sound; None when unsure."""
    first = word[0]
    if first in "hx":  # an hour, a house, an x-ray, a xylophone
        return None
    if first == "u" and word.startswith("uni"):
        return word[3:4] in ("n", "m", "d")  # un-inhabited, un-important, un-identified
    if first in "aeiou":
        return not word.startswith(_VOWEL_LETTER_CONSONANT)
    return False


def _article_breaks(article: str, word: str) -> bool:
    if len(word) < 2 or word in _NOT_AFTER_LETTER or not _LOWER_WORD.fullmatch(word):
        return False
    vowel = _vowel_sound(word)
    return vowel is not None and vowel != (article == "an")


def _grammar_artifacts(doc: Document, text: str, low: str, pairs: set) -> list[Artifact]:
    """Pairs of adjacent words that break an agreement: found on the document's word pairs
    (one set operation) and a cheap scan for articles, located in the text only for the
    few pairs present."""
    found = pairs & _BAD_PAIRS
    for m in _ARTICLE_SCAN.finditer(low):
        if _article_breaks(m.group(1), m.group(2)):
            found.add((m.group(1), m.group(2)))
    if not found:
        return []
    out: list[Artifact] = []
    for first, second in sorted(found):
        for m in _pair_pattern(first, second).finditer(text):
            s, e = m.span()
            if (s and (text[s - 1].isalnum() or text[s - 1] in "_'’.-")) or _in_url(low, s, e):
                continue
            original = ""
            if first in ("a", "an") and (first, second) not in _BAD_PAIRS:
                fixed = "an" if first == "a" else "a"
                original = f"{fixed if text[s].islower() else fixed.capitalize()} {second}"
            out.append(
                Artifact(s, e, text[s:e], original, "grammar", 2.0, doc.in_quote(Span(s, e)))
            )
    return out


_PAIR_FIRSTS = frozenset(pair[0] for pair in _BAD_PAIRS | _REPORTED_PAIRS)


def _pairs(words: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs whose first word can begin a grammar break or a reported-speech slot."""
    last = len(words) - 1
    # The membership test runs in C over all words; Python sees only the hits.
    return {
        (words[i], words[i + 1])
        for i in compress(range(len(words)), map(_PAIR_FIRSTS.__contains__, words))
        if i < last
    }


def word_pairs(doc: Document) -> set[tuple[str, str]]:
    """The pairs of :func:`_pairs` for ``doc`` (memoised)."""
    pairs = doc.cache.get("spin.pairs")
    if pairs is None:
        pairs = _pairs(WORD.findall(fold(doc.text)))
        doc.cache["spin.pairs"] = pairs
    return pairs


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
    #: artifacts per rate class (quotation discount and repeat cap applied)
    counts: dict[str, float] = field(default_factory=dict)
    #: evidence (nats) each signal brings; ``score`` is their sum
    terms: dict[str, float] = field(default_factory=dict)
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


def _residue(doc: Document):
    """A test for "``[start, end)`` lies in page residue", from the boilerplate pack's shared analysis."""
    from . import boilerplate  # the same package; imported here to keep the packs' imports apart

    spans = [(f.start, f.end) for f in boilerplate.analyse(doc)]
    if not spans:
        return lambda start, end: False
    return Ranges(spans).contains


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
    parts = _WORD_SPLIT.split(low)  # separators and words in turn
    words = parts[1::2]
    doc.cache["spin.pairs"] = _pairs(words)
    result = Analysis(words=len(words))
    lex = lexicon()
    counts = Counter(words)
    # Each word counts at most REPEAT_CAP times: topic words ("data" in a data story)
    # come in bursts. Marked spinner vocabulary is counted as artifacts, not again here.
    result.plain = sum(min(counts[w], REPEAT_CAP) for w in lex.plain_words.intersection(counts))
    result.choices = sum(min(counts[w], REPEAT_CAP) for w in lex.choice_words.intersection(counts))
    found = _phrase_artifacts(doc, low, words, parts)
    found += _demonym_artifacts(doc, text, low, words)
    found += _grammar_artifacts(doc, text, low, word_pairs(doc))
    verbs_seen: Counter[str] = Counter()
    for slot in slot_verbs(doc):
        # A reporter's verb always counts; another verb repeated is one habit (or one
        # swap) repeated and counts at most REPEAT_CAP times. Reported speech found by
        # the attribution family's detector ("X mentioned that") is an artifact but not
        # a slot: that detector finds only the stilted verbs, never plain "said that".
        verb = slot.verb.lower()
        counted = not slot.reported
        if slot.kind != "normal" and counted:
            verbs_seen[verb] += 1
            counted = verbs_seen[verb] <= REPEAT_CAP
        if slot.kind == "normal":
            result.slots_normal += counted
        elif slot.kind == "odd":
            result.slots_odd += counted
        else:
            result.slots_spun += counted
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
    # Page residue (navigation, comment forms, widgets) is not the article's
    # copy: its odd words say nothing about how the article was written.
    inside_residue = _residue(doc)
    found = [a for a in found if not inside_residue(a.start, a.end)]
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
    per_class = dict.fromkeys(CLASSES, 0.0)
    for a in kept:
        # One artifact repeated is one choice repeated: it counts at most REPEAT_CAP times.
        seen[a.key] = seen.get(a.key, 0) + 1
        if seen[a.key] <= REPEAT_CAP:
            total += a.effective
            cls = artifact_class(a)
            if cls is not None:
                per_class[cls] += QUOTE_WEIGHT if a.in_quote else 1.0
    result.counts = per_class
    result.density = 1000.0 * total / max(result.words, 1)
    evidence(result, MODEL)
    result.spun = result.score >= threshold and result.distinct >= minimum
    result.suspicious = result.score >= threshold / 2 and result.distinct >= min(2, minimum)
    doc.cache[key] = result
    return result


# ---------------------------------------------------------------------------
# The decision: evidence against clean copy
# ---------------------------------------------------------------------------
#
# Each signal is a count whose rate in clean copy is known (measured on the
# calibration half of the clean corpus) and whose rate in spun copy is a
# modest nominal value. The evidence a signal brings is its log-likelihood
# ratio, spun against clean, floored at zero (a signal that is absent or
# below its clean rate says nothing either way):
#
# - artifacts of one class, Poisson: ``x ln(mu/lam) - n (mu - lam)`` for
#   ``x`` artifacts in ``n`` words. A short text needs a few artifacts; a long
#   one needs a density well above what clean copy shows. Nothing is scored as
#   if it were longer than it is.
# - attribution slots, categorical: each slot's verb is a reporter's, a
#   spinner's or some other verb, with known shares in clean and spun copy.
# - the synonym table's words, binomial: the share of a spinner's choices
#   among the table's words.
#
# SPN001 fires when the summed evidence reaches ``spin_threshold`` (in nats,
# calibrated on the clean corpus) and at least ``spin_min_artifacts``
# distinct artifacts were found.

#: Artifact classes with separate clean and spun rates.
CLASSES = ("signature", "phrase", "grammar", "vocabulary")


def artifact_class(a: Artifact) -> str | None:
    """The rate class of an artifact (attribution verbs are scored as slots instead)."""
    if a.kind == "attribution":
        return None
    if a.weight >= STRONG:
        return "signature"
    if a.kind == "grammar":
        return "grammar"
    if a.weight >= 2.0:
        return "phrase"
    return "vocabulary"


@dataclass(frozen=True)
class Model:
    """Rates in clean copy and in spun copy (per word, per slot, per table word)."""

    #: class -> (clean rate per word, spun rate per word)
    rates: dict[str, tuple[float, float]]
    #: slot kind -> (share in clean copy, share in spun copy)
    slots: dict[str, tuple[float, float]]
    #: share of spinner choices among the synonym table's words: (clean, spun)
    choice: tuple[float, float]
    #: table words beyond which the share's evidence stops growing (shares vary from
    #: text to text far more than a binomial allows, so a long text is not more sure)
    choice_cap: float = 40.0


#: Calibrated by ``python bench/spin_quality.py --calibrate``: clean rates from the
#: calibration half of the clean corpus (one pseudo-artifact added per class, so no
#: rate is zero); spun rates from the tuning half of the test spinner's table at 50%
#: (never from its held-out half). See docs/spin-quality.md.
MODEL = Model(
    rates={
        "signature": (8e-06, 0.0003),
        "phrase": (8.9e-05, 0.00046),
        "grammar": (8e-06, 0.00042),
        "vocabulary": (0.001, 0.0067),
    },
    slots={"normal": (0.92, 0.66), "spun": (0.0027, 0.23), "odd": (0.073, 0.11)},
    choice=(0.23, 0.34),
)


def evidence(result: Analysis, model: Model) -> float:
    """Fill ``result``'s evidence terms from its counts and return the total."""
    n = max(result.words, 1)
    terms: dict[str, float] = {}
    for cls, (lam, mu) in model.rates.items():
        x = result.counts.get(cls, 0.0)
        terms[cls] = max(0.0, x * math.log(mu / lam) - n * (mu - lam))
    slot_llr = 0.0
    for kind, count in (
        ("normal", result.slots_normal),
        ("spun", result.slots_spun),
        ("odd", result.slots_odd),
    ):
        p0, p1 = model.slots[kind]
        slot_llr += count * math.log(p1 / p0)
    terms["attribution"] = max(0.0, slot_llr)
    k, total = result.choices, result.plain + result.choices
    q0, q1 = model.choice
    llr = k * math.log(q1 / q0) + (total - k) * math.log((1 - q1) / (1 - q0))
    if total > model.choice_cap:
        llr *= model.choice_cap / total
    terms["choice"] = max(0.0, llr)
    result.terms = terms
    result.attribution = terms["attribution"]
    result.choice = terms["choice"]
    result.score = sum(terms.values())
    return result.score


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


def _phrase_artifacts(doc: Document, low: str, words: list[str], parts: list[str]) -> list[Artifact]:
    """Lexicon entries in the text: candidates on the word list, positions only for those."""
    lex = lexicon()
    present = lex.triggers.intersection(words)
    if not present:
        return []
    index = lex.index
    nwords = len(words)
    candidates: list[tuple[int, int, Entry]] = []
    for i in compress(range(nwords), map(present.__contains__, words)):
        for offset, entry in index[words[i]]:
            first = i - offset
            last = first + len(entry.spun) - 1
            if first < 0 or last >= nwords:
                continue
            if tuple(words[first : last + 1]) == entry.spun:
                candidates.append((first, last, entry))
    if not candidates:
        return []
    # Token positions, for the tokens around each candidate only. ``parts``
    # (``low`` split on the word pattern) holds separators and words in turn;
    # their running lengths are the offsets (all in C, faster than finditer).
    needed = set()
    for first, last, _ in candidates:
        needed.update(range(max(0, first - 1), min(nwords, last + 2)))
    offsets = list(accumulate(map(len, parts), initial=0))
    pos: dict[int, tuple[str, int, int]] = {
        k: (parts[2 * k + 1], offsets[2 * k + 1], offsets[2 * k + 2]) for k in needed
    }
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
    if not a.original or a.kind == "grammar":
        return f"'{a.text}' (broken grammar)"
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
        threshold = _settings(context)[0]
        message = (
            f"This text reads as machine-rewritten (evidence {result.score:.1f} against clean "
            f"copy, threshold {threshold:g}): {len(result.artifacts)} likely spinner artifacts in "
            f"{result.words} words, {result.distinct} distinct; attribution slots with a spinner's "
            f"or other verb: {result.slots_spun + result.slots_odd} of {slots}. Top: "
            + "; ".join(_describe(a) for _, a in top)
            + ". Check it against its source before publishing."
        )
        yield self.violation(first.start, first.end, message, suggestion=first.original or None)


class ArtifactRule(Rule):
    """One finding per artifact of one kind, with the likely original as suggestion."""

    kinds: tuple[str, ...] = ()
    message: str = "'{match}' looks like a spinner's swap for '{original}'."
    #: message for grammar broken by a swap (no original is known, only a grammatical form)
    grammar_message: str = (
        "'{match}' breaks the grammar the way a context-blind word swap does: a word here was "
        "likely swapped."
    )
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
            template = self.grammar_message if a.kind == "grammar" else self.message
            yield self.violation(
                a.start,
                a.end,
                template.format(match=a.text, original=a.original),
                suggestion=_match_case(a.text, a.original) if a.original else None,
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
            "broken by a swapped word ('the place he'll meet', 'an strike', 'must to'), lowercased "
            "proper adjectives ('japanese border'). This rule weighs them into one verdict per "
            "document: for each signal, how much likelier its count is in spun copy than in clean "
            "copy (rates measured on a clean news corpus), summed over the signals, so a short brief "
            "needs a few marks and a long text a density well above clean copy's; and it needs "
            "several distinct artifacts, so one odd phrase never triggers it. Quotations count at "
            "half weight; page residue (navigation, widgets, comment forms, as the boilerplate rules "
            "find it) does not count, since it is not the article's copy. The finding sits on the first artifact; the "
            "per-artifact rules (SPN002–SPN006) list them all with their likely originals. It says "
            "the copy *reads as* machine-rewritten: non-native writing and translation can share "
            "some of these marks, so treat it as a prompt to check the source, never as an "
            "accusation. Settings: `spin_threshold` (evidence in nats, default 4.5), "
            "`spin_min_artifacts` (default 2), "
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
            "'chief executive' becomes 'chief government'. A swap made without looking at the "
            "neighbouring words also breaks agreements no list needs to know: an article that no "
            "longer fits the next word ('an strike' for 'an attack'), and closed-class words that "
            "cannot follow each other ('a in style', 'must to', 'could may', 'talked about he'). "
            "Humans rarely make these errors. Weak ones are reported only in a document that already "
            "reads as spun (see SPN001)."
        ),
        severity=Severity.INFO,
        source=_SOURCE,
        kinds=("sense", "grammar"),
        message="'{match}' reads as a spinner's swap; the original was likely '{original}'.",
        examples=(
            Example(wrong="Blinken will land in Kyiv on Wednesday the place he'll meet Zelenskyy."),
            Example(wrong="The effort to negotiate a settlement has grow to be urgent."),
            Example(wrong="Sales rose for the primary time since final yr."),
            Example(
                wrong=_SPUN_EXAMPLE + " Officials feared an strike, and residents must to leave."
            ),
            Example(right="Blinken will land in Kyiv on Wednesday, where he'll meet Zelenskyy."),
            Example(right="It was the place he loved most.", note="'the place' as a noun"),
            Example(right="The effort has become urgent."),
            Example(
                right="An hour later a union official called it an honest, one-off mistake.",
                note="articles follow the sound: 'an hour', 'a union', 'a one-off'",
            ),
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
