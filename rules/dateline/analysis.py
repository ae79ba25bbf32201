"""Finding the dateline: the ALL-CAPS place that opens a wire story, and the places AP knows.

:func:`find_dateline` reads only the opening of the story (the first few
body blocks: captions and credits that scrapers leave above the story are
stepped over) and only a strict dateline shape, so ALL-CAPS words
elsewhere, labels such as ``UPDATE —`` and articles without a dateline give
nothing. The result is computed once per document. Other rules can use it to
tell the dateline from body text (AP spells out state names in the body but
abbreviates them in the dateline).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from stylelint import RuleContext
from stylelint.model.document import Document
from stylelint.rule import patterns

# ---------------------------------------------------------------------------
# Places (research/house-style-rules.md §1.8, §1.9)
# ---------------------------------------------------------------------------

#: AP's abbreviation of each state that has one (§1.8 AP-ST-1).
STATE_ABBR = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.",
    "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.",
    "Georgia": "Ga.", "Illinois": "Ill.", "Indiana": "Ind.", "Kansas": "Kan.", "Kentucky": "Ky.",
    "Louisiana": "La.", "Maryland": "Md.", "Massachusetts": "Mass.", "Michigan": "Mich.",
    "Minnesota": "Minn.", "Mississippi": "Miss.", "Missouri": "Mo.", "Montana": "Mont.",
    "Nebraska": "Neb.", "Nevada": "Nev.", "New Hampshire": "N.H.", "New Jersey": "N.J.",
    "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.", "North Dakota": "N.D.",
    "Oklahoma": "Okla.", "Oregon": "Ore.", "Pennsylvania": "Pa.", "Rhode Island": "R.I.",
    "South Carolina": "S.C.", "South Dakota": "S.D.", "Tennessee": "Tenn.", "Vermont": "Vt.",
    "Virginia": "Va.", "Washington": "Wash.", "West Virginia": "W.Va.", "Wisconsin": "Wis.",
    "Wyoming": "Wyo.",
}
#: The eight states AP never abbreviates (§1.8 AP-ST-3), with the abbreviations people use anyway.
NEVER_ABBREVIATED = {
    "Alaska": ("Alas.", "Alas"), "Hawaii": ("Haw.", "Haw"), "Idaho": ("Ida.", "Ida"),
    "Iowa": ("Ia.", "Ia"), "Maine": ("Me.",), "Ohio": ("Oh.",), "Texas": ("Tex.", "Tex"),
    "Utah": ("Ut.",),
}
POSTAL = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island",
    "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
}
#: The 30 U.S. cities that stand alone in datelines (§1.8 AP-ST-5).
STANDALONE = frozenset({
    "ATLANTA", "BALTIMORE", "BOSTON", "CHICAGO", "CINCINNATI", "CLEVELAND", "DALLAS", "DENVER",
    "DETROIT", "HONOLULU", "HOUSTON", "INDIANAPOLIS", "LAS VEGAS", "LOS ANGELES", "MIAMI",
    "MILWAUKEE", "MINNEAPOLIS", "NEW ORLEANS", "NEW YORK", "OKLAHOMA CITY", "PHILADELPHIA",
    "PHOENIX", "PITTSBURGH", "ST. LOUIS", "SALT LAKE CITY", "SAN ANTONIO", "SAN DIEGO",
    "SAN FRANCISCO", "SEATTLE", "WASHINGTON",
})
#: Cities of the country Georgia, whose datelines name "Georgia" in full.
GEORGIA_COUNTRY = frozenset({"TBILISI", "BATUMI", "KUTAISI", "RUSTAVI", "ZUGDIDI", "GORI", "POTI"})
#: ALL-CAPS openers that are labels or organizations, not places.
NOT_PLACES = frozenset({
    "UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTOS",
    "PHOTO", "RELATED", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION", "CLARIFICATION",
    "ANALYSIS", "OPINION", "COMMENTARY", "REVIEW", "LIVE", "ALERT", "URGENT", "FLASH", "ICYMI",
    "NEW", "READ MORE", "ALSO READ", "ADVERTISEMENT", "SPONSORED", "SOURCE", "FILE", "SPOILER",
    "SPOILERS", "WARNING", "DISCLAIMER", "FACT CHECK", "NASA", "NATO", "FBI", "CIA", "CNN", "BBC",
    "AP", "AFP", "USA", "EU", "UN", "UK", "US", "OK", "FAQ", "TL;DR", "PS", "NB", "ET", "PT",
    "GMT", "EST", "PST", "AM", "PM", "TV", "Q", "A",
})

_DASHES = "—–―‒"
_PLACE = r"(?P<place>(?:Mc)?\p{Lu}[\p{Lu}\p{M}'’.\-]*(?:[ ](?:Mc)?\p{Lu}[\p{Lu}\p{M}'’.\-]*){0,3})"
_REGION = r"(?:,[ \t]*(?P<region>\p{Lu}[\p{L}\p{M}.'’/ ]{0,40}?))?"
_CREDIT = r"(?:[ \t]*\((?P<credit>\p{Lu}[\p{L}\p{N} .&'’/-]{0,40})\))?"
_SEP = rf"(?P<sep>[ \t]*(?:[{_DASHES}]|-{{1,3}})[ \t]*)"
_START = r"(?=[\"“‘'(]?[\p{Lu}\p{N}])"
DATELINE = patterns.compile(_PLACE + _REGION + _CREDIT + _SEP + _START, regex.V1)
# A dateline with the city in title case ("Sacramento, Calif. —"), only with a state or credit.
_STATE_ALT = "|".join(
    regex.escape(s) for s in sorted([*STATE_ABBR, *STATE_ABBR.values(), *NEVER_ABBREVIATED], key=len, reverse=True)
)
LOWER_DATELINE = patterns.compile(
    r"(?P<place>\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+){0,2})"
    rf"(?:,[ \t]*(?P<region>{_STATE_ALT})(?![\p{{L}}])|(?=[ \t]*\((?:AP|Reuters|AFP|UPI)\)))"
    + _CREDIT + _SEP + _START,
    regex.V1,
)
_BODY_KINDS = ("paragraph", "dateline")
#: How many body blocks to look through for the dateline (captions come first in scraped copy).
MAX_BLOCKS = 5


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline found at the start of a body block (spans index ``document.text``)."""

    start: int
    place: tuple[int, int]
    region: tuple[int, int] | None
    credit: tuple[int, int] | None
    sep: tuple[int, int]
    capitals: bool  # place in capitals (False: a title-case dateline)

    @property
    def end(self) -> int:
        """Where the story text begins."""
        return self.sep[1]


def _letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def _match_at(text: str, start: int, end: int) -> Dateline | None:
    m = DATELINE.match(text, start, end)
    capitals = True
    if m is not None:
        place = m.group("place").rstrip(".'’-")
        if _letters(place) < 3 or place in NOT_PLACES or place.replace("’", "'") in NOT_PLACES:
            m = None
    if m is None:
        m = LOWER_DATELINE.match(text, start, end)
        capitals = False
        if m is None:
            return None
    return Dateline(
        start=m.start(),
        place=m.span("place"),
        region=m.span("region") if m.group("region") else None,
        credit=m.span("credit") if m.group("credit") else None,
        sep=m.span("sep"),
        capitals=capitals,
    )


def find_dateline(document: Document) -> Dateline | None:
    """The story's dateline, if it opens with one (cached per document)."""
    if "dateline.found" in document.cache:
        return document.cache["dateline.found"]
    found = None
    seen = 0
    for block in document.blocks:
        if block.kind not in _BODY_KINDS:
            continue
        seen += 1
        if seen > MAX_BLOCKS:
            break
        found = _match_at(document.text, block.span.start, block.span.end)
        if found is not None:
            break
    document.cache["dateline.found"] = found
    return found


def active(context: RuleContext) -> bool:
    """Whether the house style writes datelines at all (the ``datelines`` setting)."""
    return bool(context.setting("datelines", False))


def describe_separator(sep: str) -> str:
    """What is wrong with a separator, in words."""
    core = sep.strip(" \t")
    names = {"—": "an em dash", "–": "an en dash", "-": "a hyphen", "--": "two hyphens", "---": "three hyphens",
             "―": "a horizontal bar", "‒": "a figure dash"}
    problems = []
    if core != "—":
        problems.append(names.get(core, repr(core)))
    lead = len(sep) - len(sep.lstrip(" \t"))
    trail = len(sep) - len(sep.rstrip(" \t"))
    if lead != 1 or trail != 1:
        spaces = {0: "no space", 1: "one space", 2: "two spaces"}
        problems.append(f"{spaces.get(lead, f'{lead} spaces')} before and {spaces.get(trail, f'{trail} spaces')} after")
    return " with ".join(problems) if problems else "an irregular dash"
