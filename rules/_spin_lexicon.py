"""The SPN pack's lexicon: data files in, one trigger-word index out.

Three data files (``data/spin_*``) describe what a context-blind spinner
leaves behind:

- ``spin_collocations.txt``: fixed collocations of news English;
- ``spin_synonyms.tsv``: the synonyms cheap spinners choose for common words;
- ``spin_phrases.tsv``: known tortured phrases and part-of-speech or sense
  errors, each with its likely original.

Collocations are crossed with the synonym table here, so every variant with
one or two words swapped ("conference call" → "conference name", "top
diplomat" → "high diplomat") is an artifact without anyone writing it by hand.
A variant that is itself a collocation or a listed legitimate phrase is
dropped.

Everything is indexed by a *trigger*: the rarest-looking token of each
phrase (for a collocation variant, a substituted word). Scanning a document
then costs one C-speed word split, one set intersection and a check of the
few places where a trigger occurs, however long the lists grow. The lexicon
is built once per process, on first use, not at import.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from importlib import resources
from itertools import product

#: A token: letters/digits with internal apostrophes, hyphens or periods.
WORD = re.compile(r"[a-z0-9]+(?:['.\-][a-z0-9]+)*")
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-"})
_FOLD_PAIRS = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("‐", "-"), ("‑", "-"))

#: Words too common to serve as a trigger when a phrase has any other token.
_COMMON = frozenset(
    """a an the of to in on at by for with from as and or but if is are was were be been
    being has have had do does did will would can could may might shall should must it its
    he she they we i you his her their our your this that these those there here not no
    so than then when where which who whom what how all any each more most other some such
    up out over into about after before under between through during against""".split()
)


def fold(text: str) -> str:
    """Lowercase with straight apostrophes and plain hyphens (length-preserving when possible)."""
    low = text.lower()
    for a, b in _FOLD_PAIRS:
        if a in low:
            low = low.replace(a, b)
    return low


def tokens(phrase: str) -> tuple[str, ...]:
    """The folded tokens of a phrase."""
    return tuple(WORD.findall(fold(phrase)))


@dataclass(frozen=True, slots=True)
class Entry:
    """One artifact the scanner looks for.

    :param spun: the artifact's tokens.
    :param original: the likely original (the suggestion).
    :param kind: ``collocation``, ``tortured`` or ``sense``.
    :param weight: evidence weight (2 medium, 4 strong, 8 signature).
    :param evidence: where the substitution is attested (pps, press, thes, ref).
    :param not_before: the variant is ignored after one of these tokens.
    :param not_after: the variant is ignored before one of these tokens.
    :param caps: token positions that must be capitalized in the text
        (proper names: "State Department" → "State Division").
    """

    spun: tuple[str, ...]
    original: str
    kind: str
    weight: float
    evidence: frozenset[str]
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    caps: tuple[int, ...] = ()


@dataclass
class Lexicon:
    """All entries, indexed by trigger token."""

    entries: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    #: trigger token → [(offset of the trigger in the phrase, entry)]
    index: dict[str, list[tuple[int, Entry]]] = field(default_factory=dict)
    triggers: frozenset[str] = frozenset()
    #: one-word originals and one-word spinner choices of the synonym table (no word in both).
    plain_words: frozenset[str] = frozenset()
    spinner_words: frozenset[str] = frozenset()
    #: spinner_words that are not marked vocabulary (those count as artifacts instead).
    choice_words: frozenset[str] = frozenset()
    #: spun word → originals it may stand for (from the synonym table), for attribution.
    synonyms: dict[tuple[str, ...], list[tuple[tuple[str, ...], frozenset[str]]]] = field(
        default_factory=dict
    )

    def build_index(self) -> None:
        index: dict[str, list[tuple[int, Entry]]] = {}
        for entry in self.entries.values():
            at = _trigger_position(entry.spun)
            index.setdefault(entry.spun[at], []).append((at, entry))
        # Longest phrases first, so the scanner prefers them.
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[1].spun))
        self.index = index
        self.triggers = frozenset(index)


def _trigger_position(toks: tuple[str, ...], changed: tuple[int, ...] = ()) -> int:
    pool = [i for i in (changed or range(len(toks))) if toks[i] not in _COMMON] or list(
        changed or range(len(toks))
    )
    return max(pool, key=lambda i: (len(toks[i]), -i))


def _read(name: str) -> list[list[str]]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


def _guards(fields: list[str]) -> tuple[frozenset[str], frozenset[str]]:
    before: set[str] = set()
    after: set[str] = set()
    for f in fields:
        f = f.strip()
        if f.startswith("notbefore="):
            before.update(x.strip() for x in f[10:].split(",") if x.strip())
        elif f.startswith("notafter="):
            after.update(x.strip() for x in f[9:].split(",") if x.strip())
    return frozenset(before), frozenset(after)


#: Variants that are ordinary English, never artifacts, whatever the tables say.
LEGITIMATE = frozenset(
    tokens(p)
    for p in """past week|past month|past year|previous week|previous month|previous year|
    this week|this month|this year|final week|final day|final year|final season|the final|
    high court|high school|high official|high officials|the group|the nation|the crew|
    the firm|the company|the companies|the agency|the authorities|the administration|
    public security|public safety|national safety|the country|the sport|the film|the movie|
    the world|world economy|the world economy|world leaders|world war|global economy|
    the global economy|worldwide|online|the web|the net|the information|the data|the info|
    more than|greater than|larger than|the report|the reports|the stories|the story|the news|
    the problem|the problems|the issue|the issues|the subject|the matter|the challenge|
    the movement|the action|the forces|the powers|the power|the energy|the space|the region|
    the realm|the place|the location|the zone|the district|the territory|the vicinity|
    the study|the research|the analysis|the results|the outcome|the outcomes|the end result|
    the families|the households|the family|the household|staff members|the staff|the workers|
    the employees|their families|their households|local people|native people|the natives|
    main economies|top economies|the economy|the economic system|the game|the sport|
    the games|the season|the team|the teams|the group|the groups|the players|the participants|
    the fans|the followers|the book|the guide|the show|the program|the event|the occasion|
    the events|the occasions|the history|the past|the story|the weather|the climate|
    the trial|the case|the investigation|the inquiry|the suspect|the victim|the victims|
    the fire|the blaze|the attack|the assault|the strike|the attacks|the assaults|the strikes|
    the war|the battle|the conflict|the crisis|the disaster|the emergency|the situation|
    the scenario|the judge|the court|the jury|the law|the legislation|the regulation|the bill|
    the measure|the vote|the ballot|the poll|the election|the campaign|the patients|the sufferers|
    the hospital|the virus|the disease|the vaccine|the university|the college|the school|
    the students|the pupils|the scholars|the coach|the league|the band|the song|the album|
    the track|the movie|the picture|the image|the photo|the photograph|the researchers|
    social services|social workers|public records|public service|public sector|private sector|
    according to|based on|known as|also known as|such as|as well as|in addition|in order to|
    because of|as a result|a number of|a series of|a pattern of|at least|less than|no more than|
    human rights|civil rights|cold war|world war ii|world cup|security forces|armed forces|
    the two|the three|two countries|two nations|the two nations|both sides|two sides|
    the first|the first time|first time|for the first time|the next|the last|the latest|
    most recent|the most recent|the newest|the current|currently|at present|
    national team|national park|national guard|national debt|national average|
    this season|last season|next season|the regular season|the playoffs|
    law enforcement|the police|police officers|police officer|police department|police chief|
    health care|public health|mental health|health officials|health insurance|health crisis|
    the bank|the banks|the market|the markets|the stock|the shares|the trade|the industry|
    the business|the businesses|the enterprise|the firms|the corporations|
    raise money|raised money|raise awareness|raise taxes|raise questions|raise concerns|
    the end|the start|the beginning|the finish|the car|the vehicle|the automobile|
    the phone|the telephone|the computer|the laptop|the software|the app|the website|
    the internet|social media|the media|the press|news media|press release|news release|
    the evidence|the proof|the record|the file|the document|the records|the files|
    the data|the documents|the details|the particulars|the specifics|monetary policy|security considerations|food costs|
    financial policy|monetary crisis|public administration|gasoline prices|gas prices""".replace(
        "\n", ""
    ).split("|")
)

#: Weight of one occurrence of a marked spinner word.
VOCABULARY_WEIGHT = 1.0

_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None


def lexicon() -> Lexicon:
    """The process-wide lexicon (built on first call)."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                _LEXICON = build_lexicon()
    return _LEXICON


def load_synonyms(
    exclude_evidence: frozenset[str] = frozenset(),
) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], frozenset[str]]]]:
    """original tokens → [(spun tokens, evidence)], identity pairs dropped."""
    table: dict[tuple[str, ...], list[tuple[tuple[str, ...], frozenset[str]]]] = {}
    for row in _read("spin_synonyms.tsv"):
        if len(row) < 2:
            continue
        orig = tokens(row[0])
        evidence = frozenset(
            e.strip() for e in (row[2] if len(row) > 2 else "thes").split(",") if e.strip()
        )
        if exclude_evidence and evidence <= exclude_evidence:
            continue
        seen = table.setdefault(orig, [])
        for alt in row[1].split("|"):
            spun = tokens(alt)
            if spun and spun != orig and all(spun != s for s, _ in seen):
                seen.append((spun, evidence))
    return table


def _variants(
    colloc: tuple[str, ...],
    table: dict[tuple[str, ...], list[tuple[tuple[str, ...], frozenset[str]]]],
):
    """Yield (variant tokens, changed token positions in the variant, evidence) with 1-2 swaps."""
    n = len(colloc)
    # Substitution slots: (start, length, alternatives) for every table key inside colloc.
    slots = []
    for i in range(n):
        for length in (3, 2, 1):
            key = colloc[i : i + length]
            if len(key) == length and key in table:
                slots.append((i, length, table[key]))
    for count in (1, 2):
        for combo in _combinations(slots, count):
            for alts in product(*(s[2] for s in combo)):
                out: list[str] = []
                changed: list[int] = []
                evidence: set[str] = set()
                pos = 0
                for (start, length, _), (spun, ev) in zip(combo, alts, strict=True):
                    out.extend(colloc[pos:start])
                    changed.extend(range(len(out), len(out) + len(spun)))
                    out.extend(spun)
                    evidence |= ev
                    pos = start + length
                out.extend(colloc[pos:])
                yield tuple(out), tuple(changed), frozenset(evidence), count


def _combinations(slots, count):
    if count == 1:
        for s in slots:
            yield (s,)
        return
    for a in range(len(slots)):
        for b in range(a + 1, len(slots)):
            s1, s2 = slots[a], slots[b]
            if s1[0] + s1[1] <= s2[0]:
                yield (s1, s2)


def build_lexicon(
    exclude_evidence: frozenset[str] = frozenset(), exclude_found_in: str | None = None
) -> Lexicon:
    """Read the data files and build the index.

    For ablations: ``exclude_evidence`` drops entries by their evidence tag;
    ``exclude_found_in`` drops every entry (and every table word) that occurs in
    that text, so whatever is then found in it comes from the generic signals.
    """
    lex = Lexicon()
    table = load_synonyms(exclude_evidence)
    lex.synonyms = table
    collocations: dict[
        tuple[str, ...], tuple[str, frozenset[str], frozenset[str], tuple[int, ...]]
    ] = {}
    for row in _read("spin_collocations.txt"):
        phrase = row[0].strip()
        toks = tokens(phrase)
        if not toks:
            continue
        if "ref" in exclude_evidence and any(f.strip() == "ref" for f in row[1:]):
            continue
        before, after = _guards(row[1:])
        raw = WORD.findall(phrase.translate(_FOLD))
        caps = (
            tuple(i for i, t in enumerate(raw) if t[:1].isupper()) if len(raw) == len(toks) else ()
        )
        collocations[toks] = (phrase, before, after, caps)
    content = {t: sum(1 for w in t if w not in _COMMON and not w.isdigit()) for t in collocations}
    for toks, (phrase, before, after, caps) in collocations.items():
        for spun, _changed, evidence, count in _variants(toks, table):
            # A one-word variant ("newest" for "most recent") is ordinary English on its own.
            if len(spun) < 2 or spun in collocations or spun in LEGITIMATE or len(spun) > 8:
                continue
            # A break needs two content words: "the cost of" -> "the price of" swaps the only
            # one and is ordinary English; "military exercises" -> "army workouts" is a break.
            if content[toks] < 2:
                continue
            # Capitalized words of a name must stay capitalized where they were not swapped.
            keep_caps = tuple(i for i in caps if i < len(spun) and len(spun) == len(toks))
            weight = 2.0 if count == 1 else 3.0
            entry = Entry(spun, phrase, "collocation", weight, evidence, before, after, keep_caps)
            if spun not in lex.entries or lex.entries[spun].weight < weight:
                lex.entries[spun] = entry
    for row in _read("spin_phrases.tsv"):
        if len(row) < 4:
            continue
        evidence = frozenset(
            e.strip() for e in (row[4] if len(row) > 4 else "thes").split(",") if e.strip()
        )
        if exclude_evidence and evidence <= exclude_evidence:
            continue
        spun = tokens(row[0])
        weight = float(row[3])
        if not spun or weight <= 0:
            continue
        before, after = _guards(row[5:])
        lex.entries[spun] = Entry(spun, row[1], row[2], weight, evidence, before, after)
    # Marked spinner vocabulary: weak single-word (or set-phrase) evidence.
    reverse: dict[tuple[str, ...], tuple[str, ...]] = {}
    for orig, alts in table.items():
        for spun, _ in alts:
            reverse.setdefault(spun, orig)
    for row in _read("spin_vocabulary.txt"):
        spun = tokens(row[0])
        if not spun or spun in lex.entries:
            continue
        orig = reverse.get(spun)
        if orig is None:
            continue
        lex.entries[spun] = Entry(
            spun, " ".join(orig), "vocabulary", VOCABULARY_WEIGHT, frozenset({"thes"})
        )
    singles_o = {o[0] for o in table if len(o) == 1}
    singles_s = {sp[0] for alts in table.values() for sp, _ in alts if len(sp) == 1}
    lex.plain_words = frozenset(singles_o - singles_s - _COMMON)
    lex.spinner_words = frozenset(singles_s - singles_o - _COMMON)
    if exclude_found_in is not None:
        words = WORD.findall(fold(exclude_found_in))
        grams = {tuple(words[i : i + n]) for n in range(1, 9) for i in range(len(words) - n + 1)}
        lex.entries = {k: e for k, e in lex.entries.items() if k not in grams}
        lex.plain_words = lex.plain_words - set(words)
        lex.spinner_words = lex.spinner_words - set(words)
    marked = {
        e.spun[0] for e in lex.entries.values() if e.kind == "vocabulary" and len(e.spun) == 1
    }
    lex.choice_words = lex.spinner_words - marked
    lex.build_index()
    return lex
