"""ATT: attribution. Prefer "said"; judge verbs in their attribution slot.

A verb is only an attribution when it introduces or follows speech:

- after a quotation: ``"We won," the mayor claimed.`` / ``"…," claimed Smith.``
  (an appositive between commas may stand between speaker and verb);
- before a quotation: ``Smith claimed: "We won."``;
- reporting speech: ``the official mentioned that …``, ``… mentioned Friday
  that …``, ``informed reporters …``.

"She mentioned the report" and "well-informed residents" are not
attribution, and words inside quotations are the speaker's, so neither is
flagged.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import regex

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document
from stylelint.rule import patterns

from ._people import has_evidence_before, people
from ._scan import LOWER_WORDS, Gated, word_trie

# verb form → neutral replacement, per class of verb. "Alleged" and "charged" are
# left out: for accusations (prosecutors, lawsuits, inspectors) they are the
# precise verbs, not loaded ones.
LOADED = {
    **{v: "said" for v in (
        "claimed", "admitted", "conceded", "confessed", "insisted", "revealed", "boasted",
        "opined", "asserted", "slammed", "blasted", "bragged", "griped", "whined",
        "exclaimed", "complained", "declared", "proclaimed", "retorted", "vowed",
    )},
    **{v: "says" for v in (
        "claims", "admits", "concedes", "confesses", "insists", "reveals", "boasts", "opines",
        "asserts", "slams", "blasts", "brags", "gripes", "whines", "exclaims",
        "complains", "declares", "proclaims", "retorts", "vows",
    )},
}
NON_SPEECH = {
    **{v: "said" for v in (
        "smiled", "laughed", "grinned", "sighed", "chuckled", "coughed", "shrugged", "nodded",
        "frowned", "giggled", "snorted", "beamed", "smirked", "winked", "scowled", "gushed",
        "hissed", "snapped", "growled", "breathed",
    )},
    **{v: "says" for v in (
        "smiles", "laughs", "grins", "sighs", "chuckles", "shrugs", "nods", "frowns", "giggles",
        "snorts", "beams", "smirks", "gushes", "hisses", "snaps", "growls",
    )},
}
STILTED = {
    **{v: "said" for v in (
        "stated", "mentioned", "remarked", "commented", "uttered", "verbalized", "articulated",
        "voiced",
    )},
    **{v: "says" for v in (
        "mentions", "remarks", "comments", "utters", "verbalizes", "articulates",
    )},
    "informed": "told",
    "informs": "tells",
}
_ALL_VERBS = {**LOADED, **NON_SPEECH, **STILTED}
#: Plain speech verbs. They are not findings of ATT001-003, but a slot search
#: stops at them: in '"…," the mayor said, and later claimed …' the
#: attribution is "said", not "claimed".
NEUTRAL = frozenset(
    """said says told tells added adds asked asks wrote writes explained explains noted notes
    replied replies answered answers continued continues recalled recalls argued argues
    tweeted tweets""".split()
)
#: Verbs of belief, feeling and hope (AP-AT-2): a reporter knows only what was said.
BELIEF = frozenset("believes believed thinks thought feels felt hopes hoped".split())
_SLOT_VERBS = {*_ALL_VERBS, *NEUTRAL, *BELIEF}
# The verb alternations below are factored by prefixes (word_trie): every use
# has a non-letter right after the verb, so at most one verb can match at a
# place and the order of the alternatives does not matter; the factored form
# is much faster to reject.
_VERB_ALT = word_trie(_ALL_VERBS)
#: Verbs that report speech with a bare clause: "he claimed the cuts would pay".
_CLAUSE_ALT = word_trie({*LOADED, *STILTED, *BELIEF} - {"informed", "informs"})
_SLOT_ALT = word_trie(_SLOT_VERBS)

# Who hears: the object that makes "informed X" an attribution.
_AUDIENCE = (
    r"(?:reporters|journalists|the\s+press|the\s+media|lawmakers|legislators|senators|"
    r"the\s+(?:committee|council|court|jury|board|panel|audience|crowd|house|senate)|"
    r"(?:the\s+)?(?:BBC|CNN|NBC|CBS|ABC|Reuters|AP|AFP|Fox\s+News|The\s+\w+(?:\s+\w+)?)|"
    r"parliament|congress|supporters|investors|analysts)"
)
_PRONOUN_AUDIENCE = r"(?:me|us|him|her|them)"
_TIME = (
    r"(?:(?:on|last|this|early|late|earlier|later)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"yesterday|today|tonight|morning|afternoon|evening|night|earlier|later)"
)
# After a quotation that ends with , ? ! (inside or before the closing mark).
_AFTER_QUOTE = patterns.compile(
    rf"""[ \t\n]+
    (?:
        (?P<v1>{_SLOT_ALT})\b                                  # "…," claimed Smith
      | (?:[^\s"“”]+[ \t\n]+){{0,7}}?                           # the senior official
        (?:,[^"“”\n]{{1,200}}?,[ \t\n]+)?                       # , who spoke on condition …,
        (?P<v2>{_SLOT_ALT})\b
    )""",
    regex.X | regex.V1,
)
# Before a quotation: Smith claimed: "…" / Smith claimed, "…"
_BEFORE_QUOTE = patterns.compile(rf"\b(?P<v>{_SLOT_ALT})[ \t]*[,:][ \t\n]*\Z", regex.V1)
# Reporting speech without quotation marks. Every match starts with a slot
# verb, not after a letter, so only those places are tried (the gate).
_REPORTING = Gated(patterns.compile(
    rf"\b(?P<v>{_SLOT_ALT})(?:[ \t\n]+{_TIME}){{0,2}}[ \t\n]+that\b"
    rf"|\b(?P<v>informed|informs)[ \t\n]+{_AUDIENCE}\b"
    rf"|\b(?P<v>informed|informs)[ \t\n]+{_PRONOUN_AUDIENCE}[ \t\n]+that\b"
    rf"|\b(?P<v>{_CLAUSE_ALT})[ \t\n]+(?:the|a|an|his|her|their|its|he|she|they|it|we|there|this)\b"
    rf"(?:[ \t\n]+[\w'’-]+){{0,4}}?[ \t\n]+(?:would|will|could|can|should|might|must|was|were|is|are|had|has|have)\b"
    rf"|\b(?P<v>{_VERB_ALT})[ \t\n]+(?:on|in|during|at)[ \t\n]+(?:a|an|the)[ \t\n]+"
    rf"(?:[\w-]+[ \t\n]+){{0,3}}?(?:call|statement|interview|briefing|press[ \t\n]+conference|"
    rf"news[ \t\n]+conference|speech|hearing|podcast|post|tweet|email|letter)\b",
    regex.V1,
), LOWER_WORDS.add(_SLOT_VERBS))
# A sentence break between a quotation and a verb: the verb is in another sentence.
_SENTENCE_BREAK = patterns.compile(r"(?<![A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|No|U\.S))[.!?;][\"”’)]*[ \t\n]+(?=[\"“‘(]?\p{Lu})", regex.V1)
# After a quotation, a conjunction starts a new clause: '"…," and Izuku breathed',
# '"The Walking Dead," as a logo proclaims'.
_CONJUNCTION = patterns.compile(r"[ \t\n]+(?:and|but|or|as|while|when|so|then|because|since|if)\b", regex.V1)
# Words before a verb form that make it a noun ("on claims that", "in scathing remarks").
_NOUN_BEFORE = frozenset(
    """the a an his her their its our my your these those this such any no whose
    on of about in with by for to new recent earlier previous false unfounded similar scathing
    public further repeated""".split()
)
# Words before a verb form that make it passive ("was informed that", "were told").
_PASSIVE_BEFORE = frozenset("was were been being be is are am get gets got getting".split())
_WORD_BEFORE = patterns.compile(r"([\w'’-]+)[ \t\n]+(?:(?:also|then|later|repeatedly|again|previously|never|not)[ \t\n]+)?\Z", regex.V1)


@dataclass(frozen=True, slots=True)
class Slot:
    """An attribution verb found in an attribution slot.

    ``kind`` is where: ``after`` a quotation, ``before`` one, or ``reporting``
    speech (``X said that``, ``informed reporters``).
    """

    start: int
    end: int
    verb: str
    kind: str = "reporting"


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _verb_then_mark(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` ends with a slot verb, ``,`` or ``:`` and spaces.

    A necessary condition for :data:`_BEFORE_QUOTE` to match there, checked
    without a regex: the verb is the run of letters before the mark.
    """
    k = hi
    while k > lo and text[k - 1] in " \t\n":
        k -= 1
    if k == lo or text[k - 1] not in ",:":
        return False
    j = k - 1
    while j > lo and text[j - 1] in " \t":
        j -= 1
    i = j
    while i > lo and text[i - 1] in _ASCII_LETTERS:
        i -= 1
    return text[i:j] in _SLOT_VERBS


def speech_slots(doc: Document) -> list[Slot]:
    """Every speech, belief or attribution verb in an attribution slot (memoised).

    Includes the plain verbs (said, told, added) and belief verbs, so rules can
    look at the whole picture; :func:`attribution_slots` keeps only the verbs
    ATT001-003 flag.
    """
    cached = doc.cache.get("attribution.speech_slots")
    if cached is not None:
        return cached
    text = doc.text
    found: dict[int, Slot] = {}

    for q in doc.quotes:
        inner = text[q.start : q.end].rstrip("”\"’' \t")
        end_mark = inner[-1:]
        if end_mark in (",", "?", "!", "—", "-") and q.end < len(text):
            m = _AFTER_QUOTE.match(text, q.end, min(len(text), q.end + 260))
            if m:
                g = "v1" if m.group("v1") else "v2"
                s, e = m.span(g)
                between = text[q.end : s]
                if (
                    not _SENTENCE_BREAK.search(between)
                    and not _CONJUNCTION.match(between)
                    and _is_verb(text, s, g == "v1")
                ):
                    # '"Why?" Haoyu nodded.' after a question, an exclamation or a
                    # broken-off quotation a capitalised word may begin a new
                    # sentence: a beat, not attribution.
                    beat = end_mark in ("?", "!", "—", "-") and between.strip()[:1].isupper()
                    found.setdefault(s, Slot(s, e, text[s:e], "after_beat" if beat else "after"))
        lo = max(0, q.start - 80)
        m = _BEFORE_QUOTE.search(text, lo, q.start) if _verb_then_mark(text, lo, q.start) else None
        if m:
            s, e = m.span("v")
            if _is_verb(text, s, False):
                found.setdefault(s, Slot(s, e, text[s:e], "before"))
    for m in _REPORTING.finditer(text):
        s, e = m.span("v")
        if _is_verb(text, s, False):
            found.setdefault(s, Slot(s, e, text[s:e], "reporting"))
    slots = sorted(found.values(), key=lambda s: s.start)
    doc.cache["attribution.speech_slots"] = slots
    return slots


def _is_verb(text: str, start: int, inverted: bool) -> bool:
    """Not a noun ("on claims that") and not passive ("was informed that")."""
    if inverted:
        return True
    before = _word_before(text, start)
    return before not in _NOUN_BEFORE and before not in _PASSIVE_BEFORE


def attribution_slots(doc: Document) -> list[Slot]:
    """The slots whose verb ATT001-003 judge (loaded, non-speech, stilted)."""
    cached = doc.cache.get("attribution.slots")
    if cached is not None:
        return cached
    slots = [s for s in speech_slots(doc) if s.verb.lower() in _ALL_VERBS]
    doc.cache["attribution.slots"] = slots
    return slots


class AttributionVerb(Rule):
    """Flags verbs of one class in attribution slots and suggests the neutral one."""

    verbs: Mapping[str, str] = {}
    message: str = "'{verb}' as attribution; use '{suggestion}'."
    fixable = "unsafe"
    scopes = None
    source = ""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per slot whose verb is in this rule's class."""
        tense = context.setting("attribution_tense", "past")
        for slot in attribution_slots(document):
            verb = slot.verb.lower()
            suggestion = self.verbs.get(verb)
            if suggestion is None:
                continue
            if slot.kind == "after_beat" and verb in NON_SPEECH:
                continue  # '"Why?" Haoyu laughed.' may be an action, not the speech verb
            if tense == "present" and suggestion == "said":
                suggestion = "says"
            if slot.verb[:1].isupper():
                suggestion = suggestion.capitalize()
            yield self.violation(
                slot.start,
                slot.end,
                self.message.format(verb=slot.verb, suggestion=suggestion),
                suggestion=suggestion,
                fix=Fix(suggestion, safe=False),
            )


# ---------------------------------------------------------------------------
# ATT004-ATT007
# ---------------------------------------------------------------------------

_TOLD_THAT = patterns.compile(r"\b(?P<v>told|tells)[ \t\n]+that[ \t\n]+(?P<next>[\w'’]+)", regex.V1)
_CLAUSE_START = frozenset(
    "the a an he she it they we i you there his her its their our this these some many no all most".split()
)


def _passive(text: str, start: int) -> bool:
    """"was told", "we're told", "being told": the verb is passive, the object is the subject."""
    before = _word_before(text, start)
    return (
        before in _PASSIVE_BEFORE
        or before.endswith(("'re", "’re", "'s", "’s", "'m", "’m"))
        or before in ("all", "truth", "when", "if", "as", "once", "unless", "until", "after", "before", "having")
    )


class ToldWithoutObject(Rule):
    """'told' needs someone told: 'told reporters', not 'told that' or 'she told.'."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """Findings for ``told that <clause>`` and for ``told`` closing an attribution."""
        text = document.text
        seen = set()
        for m in _TOLD_THAT.finditer(text):
            nxt = m.group("next")
            if not (nxt.lower() in _CLAUSE_START or nxt[:1].isupper() or nxt[:1].isdigit()):
                continue  # "told that story"
            if _passive(text, m.start("v")):
                continue
            seen.add(m.start("v"))
            yield self._finding(text, m.start("v"), m.end("v"), context)
        for slot in speech_slots(document):
            if slot.verb.lower() not in ("told", "tells") or slot.start in seen:
                continue
            after = text[slot.end : slot.end + 1]
            if slot.kind in ("after", "before") and (after == "" or after in ",.;:!?\n") and not _passive(text, slot.start):
                yield self._finding(text, slot.start, slot.end, context)

    def _finding(self, text: str, start: int, end: int, context: RuleContext):
        verb = text[start:end]
        said = "said" if verb.lower() == "told" else "says"
        if context.setting("attribution_tense", "past") == "present" and said == "said":
            said = "says"
        if verb[:1].isupper():
            said = said.capitalize()
        return self.violation(
            start, end,
            f"'{verb}' without an object: say who was told ('{verb} reporters'), or use '{said}'.",
            suggestion=said, fix=Fix(said, safe=False),
        )


_ACCORDING = patterns.compile(r"\b[Aa]ccording[ \t\n]+to[ \t\n]+", regex.V1)
_BETWEEN_OK = patterns.compile(
    r"(?:\p{Lu}[\w&.-]*['’]s[ \t\n]+)?(?:[a-z][\w-]*[ \t\n]+){0,3}", regex.V1
)
_PRONOUN_AFTER = patterns.compile(r"(?:him|her|them)\b(?![ \t]*(?:data|own|report|study|figures))", regex.V1)


class AccordingToPerson(Rule):
    """'according to' a person: for people, use 'said'."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per 'according to' followed by a person's name or him/her."""
        text = document.text
        ppl = people(document)
        starts = {(m.title_start if m.title_start is not None else m.start): m for m in ppl.mentions}
        for m in _ACCORDING.finditer(text):
            after = m.end()
            p = _PRONOUN_AFTER.match(text, after)
            if p and text[after : p.end()] in ("him", "her"):
                yield self._finding(m.start(), p.end(), text[after : p.end()], None)
                continue
            b = _BETWEEN_OK.match(text, after)
            for cut in sorted({after, b.end() if b else after}):
                mention = starts.get(cut)
                if mention is None:
                    continue
                who = mention.person
                person_like = (
                    (mention.kind == "full" and who is not None)
                    or (mention.kind == "surname" and who is not None)
                    or (mention.kind == "unknown" and mention.title is not None and len(mention.tokens) == 1
                        and mention.title.split()[-1].rstrip(".") in ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen"))
                )
                if not person_like:
                    continue
                if cut != after and not (has_evidence_before(text, cut, after) or text[after:cut].strip().endswith(("'s", "’s"))):
                    continue
                if mention.end < len(text) and text[mention.end : mention.end + 2] in ("'s", "’s"):
                    continue  # "according to Smith's report": a document
                name = text[(mention.title_start if mention.title_start is not None else mention.start) : mention.end]
                yield self._finding(m.start(), mention.end, name, who)
                break

    def _finding(self, start: int, end: int, name: str, who):
        return self.violation(
            start, end,
            f"'according to {name}': use 'according to' for documents and data; for a person, "
            f"'{name} said'.",
            suggestion=f"{name} said",
        )


_PERSON_SUBJECT = patterns.compile(
    r"(?:\b(?:he|she|they|He|She|They)|\b(?:official|officials|spokesman|spokeswoman|spokesperson|"
    r"minister|president|senator|governor|mayor|secretary|chief|director|lawyer|attorney|aide|adviser|advisor)"
    r"|\p{Lu}\p{Ll}[\p{L}'’-]*)"
    r"(?:[ \t\n]+(?:also|still|now|firmly|strongly|really|genuinely|clearly))?[ \t\n]+\Z",
    regex.V1,
)
_SAID_IN_SENTENCE = patterns.compile(r"\b(?:said|says|told|tells|according to|wrote|writes|added)\b", regex.V1)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, looked for within 400 characters (linear overall)."""
    lo, hi = max(0, start - 400), min(len(text), end + 400)
    a = max(lo - 1, *(text.rfind(mark, lo, start) for mark in (". ", "\n", "? ", "! ")))
    ends = [i for i in (text.find(mark, end, hi) for mark in (". ", "\n", "? ", "! ")) if i >= 0]
    return a + 1, (min(ends) if ends else hi)


class BeliefAttribution(Rule):
    """'she believes', 'he feels' as attribution: a reporter knows only what was said."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding per belief verb in an attribution slot."""
        text = document.text
        for slot in speech_slots(document):
            verb = slot.verb.lower()
            if verb not in BELIEF:
                continue
            if slot.kind == "reporting":
                if verb not in ("believes", "thinks", "feels", "hopes"):
                    continue  # past tense without a quotation is narrative ("he thought that")
                if not _PERSON_SUBJECT.search(text, max(0, slot.start - 40), slot.start):
                    continue
                a, b = _sentence_bounds(text, slot.start, slot.end)
                if _SAID_IN_SENTENCE.search(text, a, b):
                    continue  # "Smith said she believes that …": attributed already
            elif slot.kind != "after":
                continue  # 'He thought, "Hey …"' before a quotation is a thought, not speech
            said = "says" if verb.endswith("s") else "said"
            yield self.violation(
                slot.start, slot.end,
                f"'{slot.verb}' as attribution: report what the source said ('{said}'), not what "
                f"they {('believe' if verb.startswith('believ') else 'think' if verb.startswith('th') else 'feel' if verb.startswith('f') else 'hope')}.",
                suggestion=said,
            )


_DOC_SUBJECT = patterns.compile(
    r"\b(?:report|study|survey|poll|law|bill|statute|rule|rules|policy|statement|document|documents|"
    r"website|site|sign|label|letter|memo|filing|complaint|lawsuit|suit|indictment|agreement|contract|"
    r"proposal|plan|book|manual|guidance|guide|data|research|paper|article|story|headline|caption|"
    r"constitution|decision|ruling|order|release|note|notice|email|message|post|tweet|page|it|saying|"
    r"adage|proverb|legend|tradition|theory|map|list|chart|analysis|estimate|forecast)\b"
    r"|\b(?:always|often|usually|sometimes|never|as)\b",
    regex.V1,
)
_PAST_CUE = patterns.compile(
    r"\b(?:1[89]\d\d|20\d\d|last|ago|earlier|previously|then|at the time|once|former|yesterday|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
    r"August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|"
    r"interview|testified|in a (?:statement|speech|letter))\b",
    regex.V1,
)


class AttributionTense(Rule):
    """Said or says, consistently, as the house style has it."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """Flag the minority tense of 'said'/'says' when an article mixes them."""
        text = document.text
        tense = context.setting("attribution_tense", "past")
        said, says = [], []
        for slot in speech_slots(document):
            verb = slot.verb.lower()
            if verb not in ("said", "says") or slot.kind == "after_beat":
                continue
            lead = text[max(0, slot.start - 40) : slot.start]
            if slot.kind != "after":
                lead = lead[max(lead.rfind("."), lead.rfind(","), lead.rfind("”"), lead.rfind('"')) + 1 :]
            else:
                q = max(lead.rfind("”"), lead.rfind('"'))
                lead = lead[q + 1 :]
            if _DOC_SUBJECT.search(lead):
                continue  # "the report says", "as he always says"
            (said if verb == "said" else says).append(slot)
        if not said or not says:
            return
        total = len(said) + len(says)
        majority, minority, form = (said, says, "said") if len(said) >= len(says) else (says, said, "says")
        if tense == "past" and form != "said" or tense == "present" and form != "says":
            return  # a feature told in the other tense: the writer's choice
        if 3 * len(minority) > total:
            return  # too mixed to tell which tense is meant
        other = "says" if form == "said" else "said"
        for slot in minority:
            if other == "said":
                a, b = _sentence_bounds(text, slot.start, slot.end)
                if _PAST_CUE.search(text, a, b):
                    continue  # "in 2010, he said": past events keep the past tense
            fixed = form.capitalize() if slot.verb[:1].isupper() else form
            yield self.violation(
                slot.start, slot.end,
                f"'{slot.verb}' in an article that attributes with '{form}' "
                f"({len(majority)} of {total} times): keep one tense.",
                suggestion=fixed, fix=Fix(fixed, safe=False),
            )



_SOURCE_OUP = (
    "Bender et al., *Writing and Reporting for the Media* (OUP), \"Verbs to avoid for "
    "attribution\": https://learninglink.oup.com/access/content/bender12e-student-resources/"
    "bender12e-verbs-to-avoid-for-attribution ; AP's preference for \"said\"."
)

RULES = [
    AttributionVerb(
        id="ATT001",
        name="loaded-attribution-verb",
        summary="Attribute with 'said', not a verb that judges the speaker (claimed, admitted, insisted).",
        rationale=(
            "'Said' is neutral. 'Claimed' casts doubt on the speaker, 'admitted', 'conceded' and "
            "'confessed' imply guilt, 'insisted' implies defensiveness and 'revealed' implies a "
            "secret uncovered. A reporter who uses them takes a side. The verb is judged only in "
            "an attribution slot: next to a quotation or reporting speech (`X claimed that`)."
        ),
        severity=Severity.WARNING,
        verbs=LOADED,
        source=_SOURCE_OUP,
        examples=(
            Example(wrong='"We won," the mayor claimed.', right='"We won," the mayor said.'),
            Example(wrong="The senator admitted that the bill would fail.", right="The senator said the bill would fail."),
            Example(wrong='"Never," insisted Jones, the team\'s coach.', right='"Never," said Jones, the team\'s coach.'),
            Example(right="The company claimed the tax credit in 2021.", note="not attribution"),
            Example(right='"He claimed that he was innocent," the lawyer said.', note="inside a quotation"),
        ),
    ),
    AttributionVerb(
        id="ATT002",
        name="non-speech-attribution-verb",
        summary="People say words; they do not smile, laugh or shrug them.",
        rationale=(
            "A quotation is spoken. 'She smiled' or 'he laughed' after a quotation makes a facial "
            "expression into speech. Use 'said' and, if it matters, describe the smile separately."
        ),
        severity=Severity.ERROR,
        verbs=NON_SPEECH,
        source=_SOURCE_OUP,
        examples=(
            Example(wrong='"It\'s wonderful," she smiled.', right='"It\'s wonderful," she said, smiling.'),
            Example(wrong='"Not again," Smith sighed.', right='"Not again," Smith said.'),
            Example(right="She smiled at the crowd.", note="not attribution"),
        ),
    ),
    AttributionVerb(
        id="ATT003",
        name="stilted-attribution-verb",
        summary="Attribute with 'said' or 'told', not stilted verbs (stated, mentioned, informed reporters).",
        rationale=(
            "'Stated', 'mentioned', 'remarked' and 'informed reporters' are stiff where 'said' and "
            "'told reporters' are plain, and they are the substitutes article spinners put in for "
            "'said' and 'told'. 'She mentioned the report' (no speech reported) is fine."
        ),
        severity=Severity.WARNING,
        verbs=STILTED,
        source=_SOURCE_OUP + " AP Stylebook, \"said\".",
        examples=(
            Example(
                wrong='"We are ready," a senior official mentioned on a conference call with reporters.',
                right='"We are ready," a senior official said on a conference call with reporters.',
            ),
            Example(wrong="Kirby informed reporters that the department had seen no change.",
                    right="Kirby told reporters that the department had seen no change."),
            Example(wrong="The spokesman stated Friday that talks would resume.",
                    right="The spokesman said Friday that talks would resume."),
            Example(right="She mentioned the report in her speech.", note="not attribution"),
            Example(right="Well-informed residents packed the hall.", note="an adjective"),
        ),
    ),
    ToldWithoutObject(
        id="ATT004",
        name="told-without-object",
        summary="'told' needs an object: 'told reporters', not 'told that …' or '\"…,\" she told.'",
        rationale=(
            "'Tell' takes the person told: 'she told reporters that …', 'he told The Associated "
            "Press'. 'She told that the plan had failed' and '\"We won,\" he told.' leave it out; "
            "name the audience or use 'said'. The passive ('he was told that') and 'all told' are "
            "fine, and so is 'told that story', where 'that' is not a conjunction."
        ),
        severity=Severity.WARNING,
        fixable="unsafe",
        source="rivereditor, attribution phrases (research §1.4 AP-AT-5): "
        "https://rivereditor.com/blogs/generate-attribution-phrases-journalism",
        examples=(
            Example(wrong="The spokesman told that the talks had failed.", right="The spokesman said the talks had failed."),
            Example(wrong='"We will appeal," the lawyer told.', right='"We will appeal," the lawyer told reporters.'),
            Example(right="He was told that the flight was full.", note="passive"),
            Example(right="She told that story many times.", note="'that' is a determiner"),
        ),
    ),
    AccordingToPerson(
        id="ATT005",
        name="according-to-person",
        summary="'according to' is for documents and data; for a person, use 'said'.",
        rationale=(
            "'According to' distances the writer from the claim and suits documents, reports, "
            "studies and data ('according to census data'). For a person, 'Smith said' is plainer "
            "and states the attribution outright. Only a named person (or 'him'/'her') after "
            "'according to' is flagged: 'according to Goldman Sachs' or 'according to Smith's "
            "report' are not."
        ),
        severity=Severity.INFO,
        source="rivereditor, attribution phrases (research §1.4 AP-AT-4): "
        "https://rivereditor.com/blogs/generate-attribution-phrases-journalism",
        examples=(
            Example(wrong="The talks stalled, according to Jane Smith.", right="The talks stalled, Jane Smith said."),
            Example(wrong="Prices rose, according to spokesman John Kirby.",
                    right="Prices rose, spokesman John Kirby said."),
            Example(right="Prices rose 4%, according to census data.", note="data"),
            Example(right="The bank cut rates, according to Goldman Sachs.", note="an organisation"),
        ),
    ),
    BeliefAttribution(
        id="ATT006",
        name="belief-verb-attribution",
        summary="Not 'believes', 'feels', 'thinks' or 'hopes' as attribution: report what was said.",
        rationale=(
            "A reporter knows what a source said, not what the source believes, feels, thinks or "
            "hopes. '\"It will pass,\" she believes' and 'Smith thinks that the bill will pass' "
            "state a mind's contents as fact; 'Smith said he thinks the bill will pass' reports "
            "what was said. Sentences that already carry 'said' or 'according to' are not "
            "flagged, and past-tense narrative ('he thought that') only next to a quotation."
        ),
        severity=Severity.INFO,
        source="Bender et al., *Writing and Reporting for the Media* (OUP), verbs to avoid for "
        "attribution (research §1.4 AP-AT-2): https://learninglink.oup.com/access/content/"
        "bender12e-student-resources/bender12e-verbs-to-avoid-for-attribution",
        examples=(
            Example(wrong='"The bill will pass," the senator believes.', right='"The bill will pass," the senator said.'),
            Example(wrong="Smith thinks that the plan will fail.", right="Smith said he thinks the plan will fail."),
            Example(right="Smith said she believes that the plan will fail.", note="attributed"),
            Example(right="Many voters believe the economy is weak.", note="no person subject in a slot"),
        ),
    ),
    AttributionTense(
        id="ATT007",
        name="attribution-tense",
        summary="Keep one tense of attribution: 'said' in news, 'says' in features.",
        rationale=(
            "News attributes in the past tense ('said'); features and profiles may use 'says'. "
            "An article that mixes them reads as careless. When most attributions use one form, "
            "the few in the other are flagged, as the profile's `attribution_tense` allows: "
            "`past` (AP, NYT) flags stray 'says' in a 'said' article, `present` the reverse, and "
            "`either` (Guardian) the minority form. An article mostly in the other tense is left "
            "alone (a feature), as are 'the report says' and 'said' for a dated past event."
        ),
        severity=Severity.INFO,
        fixable="unsafe",
        source="Research §1.4 AP-AT-3: http://olvin.com/post/does-ap-prefer-said-or-says ; "
        "QUT News style: https://qutnews.wordpress.com/2009/05/11/attribution/",
        examples=(
            Example(
                wrong='"We won," Smith said. "We will win again," Jones said. "Not so," Lee said. "Maybe," Kay says.',
                right='"We won," Smith said. "We will win again," Jones said. "Not so," Lee said. "Maybe," Kay said.',
            ),
            Example(
                wrong='"Yes," Smith said. "No," Jones said. "Soon," Lee said. Brown says that the vote is close.',
                right='"Yes," Smith said. "No," Jones said. "Soon," Lee said. Brown said that the vote is close.',
            ),
            Example(right='"Yes," Smith says. "No," Jones says. "Soon," Lee says. In 2010, Brown said that it was close.',
                    note="a feature in 'says'; a dated past event"),
            Example(right='"Yes," Smith said. "No," Jones said. The report says costs rose.', note="a document"),
        ),
    ),
]
