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
from stylelint.document import Document

# verb form → neutral replacement, per class of verb.
LOADED = {
    **{v: "said" for v in (
        "claimed", "admitted", "conceded", "confessed", "insisted", "revealed", "boasted",
        "opined", "alleged", "asserted", "slammed", "blasted", "bragged", "griped", "whined",
        "exclaimed", "complained", "declared", "proclaimed", "charged", "retorted", "vowed",
    )},
    **{v: "says" for v in (
        "claims", "admits", "concedes", "confesses", "insists", "reveals", "boasts", "opines",
        "alleges", "asserts", "slams", "blasts", "brags", "gripes", "whines", "exclaims",
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
_VERB_ALT = "|".join(sorted(map(regex.escape, _ALL_VERBS), key=len, reverse=True))

# Who hears: the object that makes "informed X" an attribution.
_AUDIENCE = (
    r"(?:reporters|journalists|the\s+press|the\s+media|lawmakers|legislators|senators|"
    r"the\s+(?:committee|council|court|jury|board|panel|audience|crowd|house|senate)|"
    r"(?:the\s+)?(?:BBC|CNN|NBC|CBS|ABC|Reuters|AP|AFP|Fox\s+News|The\s+\w+(?:\s+\w+)?)|"
    r"me|us|him|her|them|parliament|congress|supporters|investors|analysts)"
)
_TIME = (
    r"(?:(?:on|last|this|early|late|earlier|later)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
    r"yesterday|today|tonight|morning|afternoon|evening|night|earlier|later)"
)
# After a quotation that ends with , ? ! (inside or before the closing mark).
_AFTER_QUOTE = regex.compile(
    rf"""[ \t\n]+
    (?:
        (?P<v1>{_VERB_ALT})\b                                  # "…," claimed Smith
      | (?:[^\s"“”]+[ \t\n]+){{0,7}}?                           # the senior official
        (?:,[^"“”\n]{{1,200}}?,[ \t\n]+)?                       # , who spoke on condition …,
        (?P<v2>{_VERB_ALT})\b
    )""",
    regex.X | regex.V1,
)
# Before a quotation: Smith claimed: "…" / Smith claimed, "…"
_BEFORE_QUOTE = regex.compile(rf"\b(?P<v>{_VERB_ALT})[ \t]*[,:][ \t\n]*\Z", regex.V1)
# Reporting speech without quotation marks.
_REPORTING = regex.compile(
    rf"\b(?P<v>{_VERB_ALT})(?:[ \t\n]+{_TIME}){{0,2}}[ \t\n]+that\b"
    rf"|\b(?P<v>informed|informs)[ \t\n]+{_AUDIENCE}\b"
    rf"|\b(?P<v>{_VERB_ALT})[ \t\n]+(?:on|in|during|at)[ \t\n]+(?:a|an|the)[ \t\n]+"
    rf"(?:[\w-]+[ \t\n]+){{0,3}}?(?:call|statement|interview|briefing|press[ \t\n]+conference|"
    rf"news[ \t\n]+conference|speech|hearing|podcast|post|tweet|email|letter)\b",
    regex.V1,
)


@dataclass(frozen=True, slots=True)
class Slot:
    """An attribution verb found in an attribution slot."""

    start: int
    end: int
    verb: str


def attribution_slots(doc: Document) -> list[Slot]:
    """Every attribution verb in an attribution slot (computed once per document)."""
    cached = doc.cache.get("attribution.slots")
    if cached is not None:
        return cached
    text = doc.text
    found: dict[int, Slot] = {}

    for q in doc.quotes:
        inner = text[q.start : q.end].rstrip("”\"’' \t")
        if inner[-1:] in (",", "?", "!", "—", "-") and q.end < len(text):
            m = _AFTER_QUOTE.match(text, q.end, min(len(text), q.end + 260))
            if m:
                for g in ("v1", "v2"):
                    if m.group(g):
                        s, e = m.span(g)
                        found.setdefault(s, Slot(s, e, text[s:e]))
        m = _BEFORE_QUOTE.search(text, max(0, q.start - 80), q.start)
        if m:
            s, e = m.span("v")
            found.setdefault(s, Slot(s, e, text[s:e]))
    for m in _REPORTING.finditer(text):
        s, e = m.span("v")
        found.setdefault(s, Slot(s, e, text[s:e]))
    slots = sorted(found.values(), key=lambda s: s.start)
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
]
