"""DTL: datelines, the ALL-CAPS place that opens a wire story.

AP's form is ``CITY (AP) — `` on AP's own copy and ``CITY — `` (or
``CITY, State — ``) elsewhere: the place in capitals, the AP abbreviation of
the state unless the city stands alone, then one space, an em dash and one
space. Only the opening of the story is read: the first few body paragraphs
(captions and credits that scrapers leave above the story are stepped over),
and only a strict dateline shape counts, so ALL-CAPS words elsewhere, labels
such as ``UPDATE —`` and articles without a dateline stay quiet. Profiles
whose ``datelines`` setting is false (nyt, guardian) skip the family.

:func:`find_dateline` is public so other rules can tell the dateline from
body text (AP spells out state names in the body but abbreviates them here).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from stylelint import Example, Fix, Rule, RuleContext, Severity
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
_REGION = r"(?:,[ \t\xa0]*(?P<region>\p{Lu}[\p{L}\p{M}.'’/ ]{0,40}?))?"
_CREDIT = r"(?:[ \t\xa0]*\((?P<credit>\p{Lu}[\p{L}\p{N} .&'’/-]{0,40})\))?"
_SEP = rf"(?P<sep>[ \t\xa0]*(?:[{_DASHES}]|-{{1,3}})[ \t\xa0]*)"
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


def _active(context: RuleContext) -> bool:
    return bool(context.setting("datelines", False))


def _describe(sep: str) -> str:
    """What is wrong with a separator, in words."""
    core = sep.strip(" \t\xa0")
    names = {"—": "an em dash", "–": "an en dash", "-": "a hyphen", "--": "two hyphens", "---": "three hyphens",
             "―": "a horizontal bar", "‒": "a figure dash"}
    problems = []
    if core != "—":
        problems.append(names.get(core, repr(core)))
    lead = len(sep) - len(sep.lstrip(" \t\xa0"))
    trail = len(sep) - len(sep.rstrip(" \t\xa0"))
    if lead != 1 or trail != 1:
        spaces = {0: "no space", 1: "one space", 2: "two spaces"}
        problems.append(f"{spaces.get(lead, f'{lead} spaces')} before and {spaces.get(trail, f'{trail} spaces')} after")
    return " with ".join(problems) if problems else "an irregular dash"


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------


class DatelineDash(Rule):
    """The dateline ends with one space, an em dash and one space."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding for a dateline whose separator is not ' — '."""
        if not _active(context):
            return
        d = find_dateline(document)
        if d is None:
            return
        text = document.text
        sep = text[d.sep[0] : d.sep[1]]
        if sep in (" — ", "\xa0— ", " —\xa0", "\xa0—\xa0"):
            return
        head = text[d.start : d.sep[0]]
        fixed = f"{head} — "
        credit_note = "" if d.credit else " (AP's own copy adds its credit: 'CITY (AP) — ')"
        yield self.violation(
            d.start,
            d.sep[1],
            f"Dateline separator is {_describe(sep)}: write '{fixed}'{credit_note}.",
            suggestion=fixed,
            fix=Fix(fixed, safe=True),
        )


class DatelineState(Rule):
    """The state in a dateline: AP's abbreviation, none for stand-alone cities."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding for a postal code, a spelled-out state, or a needless state."""
        if not _active(context):
            return
        d = find_dateline(document)
        if d is None or d.region is None:
            return
        text = document.text
        place = text[d.place[0] : d.place[1]].upper()
        rs, re_ = d.region
        region = text[rs:re_].strip()
        re_ = rs + len(region)
        state = self._state(region)
        if place in STANDALONE and state is not None:
            comma = text.rfind(",", d.place[1], rs)
            yield self.violation(
                comma if comma >= 0 else rs, re_,
                f"{place} stands alone in AP datelines: drop '{region}'.",
                suggestion="", fix=Fix("", safe=True),
            )
            return
        if region in POSTAL and region not in ("DC",):
            full = POSTAL[region]
            right = full if full in NEVER_ABBREVIATED else STATE_ABBR.get(full, full)
            yield self.violation(
                rs, re_, f"Postal code '{region}' in a dateline: AP writes '{right}'.",
                suggestion=right, fix=Fix(right, safe=True), severity=Severity.ERROR,
            )
        elif region in STATE_ABBR and not (region == "Georgia" and place in GEORGIA_COUNTRY):
            right = STATE_ABBR[region]
            yield self.violation(
                rs, re_, f"AP abbreviates the state in a dateline: '{right}', not '{region}'.",
                suggestion=right, fix=Fix(right, safe=True),
            )
        else:
            for full, wrong in NEVER_ABBREVIATED.items():
                if region in wrong:
                    yield self.violation(
                        rs, re_, f"AP never abbreviates {full}: write '{full}', not '{region}'.",
                        suggestion=full, fix=Fix(full, safe=True), severity=Severity.ERROR,
                    )
                    return
            dotted = region + "."
            if dotted in STATE_ABBR.values():
                yield self.violation(
                    rs, re_, f"AP's abbreviation is '{dotted}', with a period.",
                    suggestion=dotted, fix=Fix(dotted, safe=True),
                )

    @staticmethod
    def _state(region: str) -> str | None:
        if region in STATE_ABBR or region in NEVER_ABBREVIATED:
            return region
        if region in POSTAL:
            return POSTAL[region]
        if region in ("D.C.", "DC", "District of Columbia"):
            return "District of Columbia"
        for full, abbr in STATE_ABBR.items():
            if region in (abbr, abbr.rstrip(".")):
                return full
        for full, wrong in NEVER_ABBREVIATED.items():
            if region in wrong:
                return full
        return None


class DatelineCapitals(Rule):
    """The dateline city is in capitals."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding for a title-case city before a state or credit and a dash."""
        if not _active(context):
            return
        d = find_dateline(document)
        if d is None or d.capitals:
            return
        s, e = d.place
        city = document.text[s:e]
        yield self.violation(
            s, e, f"Dateline city in capitals: '{city.upper()}'.",
            suggestion=city.upper(), fix=Fix(city.upper(), safe=True),
        )


_SRC_AP = (
    "AP datelines: research/house-style-rules.md §1.9 AP-DL-1 and §1.8 (https://writingexplained.org/ap-style/ap-style-datelines ; "
    "http://www.gatehousenewsroom.com/2016/03/24/a-refreshing-ap-stylebook-refresher-on-datelines-and-places/ ; "
    "AP Stylebook \"datelines\" quoted at https://quizwizapp.com/study/ap-style-book)"
)

RULES: list[Rule] = [
    DatelineDash(
        id="DTL001",
        name="dateline-dash",
        summary="End the dateline with a spaced em dash: 'WASHINGTON — ', not a hyphen, en dash or odd spacing.",
        rationale=(
            "AP datelines read `CITY (AP) — ` on AP's own stories and `CITY — ` on others: the "
            "place in capitals, one space, an em dash, one space. Hyphens (`CITY - `), doubled "
            "hyphens (`CITY -- `), en dashes and runs of spaces (`WASHINGTON –  `, a common "
            "signature of syndicated or scraped copy) are flagged. The suggestion keeps whatever "
            "credit the dateline already has and never adds `(AP)`: a linter cannot know whose "
            "story it is, and a credit in the wrong place misattributes the copy. AP's own desks "
            "add the credit themselves.\n\nOnly a dateline at the start of the story counts (the "
            "first few body paragraphs, past scraped captions). The profile's `datelines` setting "
            "turns the family off (nyt, guardian)."
        ),
        severity=Severity.WARNING,
        fixable="safe",
        source=_SRC_AP + "; the dash form is widely observed but marked [UNVERIFIED against AP text] in §1.9.",
        examples=(
            Example(wrong="WASHINGTON –  Secretary of State Antony Blinken will go to Ukraine this week.",
                    right="WASHINGTON — Secretary of State Antony Blinken will go to Ukraine this week."),
            Example(wrong="GREEN BAY, Wis. -- Here we go again.", right="GREEN BAY, Wis. — Here we go again."),
            Example(wrong="MUMBAI (Reuters) - The BSE Sensex ended flat on Tuesday.",
                    right="MUMBAI (Reuters) — The BSE Sensex ended flat on Tuesday."),
            Example(wrong="VATICAN CITY—Six years ago the pope acted.", right="VATICAN CITY — Six years ago the pope acted."),
            Example(right="MOSCOW (AP) — An unmanned Russian cargo ship broke up over Siberia."),
            Example(right="NASA - The agency said on Friday it would delay the launch.", note="not a place"),
            Example(right="The council met. UPDATE - The vote was delayed.", note="ALL-CAPS mid-story"),
            Example(right="WASHINGTON –  Secretary of State Antony Blinken will go to Ukraine.", profile="nyt",
                    note="profiles without datelines"),
        ),
    ),
    DatelineState(
        id="DTL002",
        name="dateline-state",
        summary="In a dateline, give the state as AP abbreviates it; the 30 stand-alone cities take none.",
        rationale=(
            "AP datelines give a U.S. city's state in AP's abbreviation (`KANSAS CITY, Mo.`), "
            "never the postal code (`SACRAMENTO, CA`) and, unlike body text, not the full name "
            "(`HUNTSVILLE, Alabama`). Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah are "
            "never abbreviated. Thirty large cities (BOSTON, CHICAGO, WASHINGTON …) stand alone. "
            "Foreign datelines (`SEOUL, South Korea`) are left alone; `TBILISI, Georgia` is the "
            "country."
        ),
        severity=Severity.WARNING,
        fixable="safe",
        source=_SRC_AP,
        examples=(
            Example(wrong="SACRAMENTO, CA — The governor signed the bill.",
                    right="SACRAMENTO, Calif. — The governor signed the bill."),
            Example(wrong="HUNTSVILLE, Alabama - Hockey players are among groups expected.",
                    right="HUNTSVILLE, Ala. - Hockey players are among groups expected."),
            Example(wrong="BOSTON, Mass. — The mayor spoke.", right="BOSTON — The mayor spoke."),
            Example(wrong="AUSTIN, Tex. — The legislature met.", right="AUSTIN, Texas — The legislature met."),
            Example(right="SEOUL, South Korea — A plan to impeach the president failed."),
            Example(right="TBILISI, Georgia — Protesters gathered outside parliament."),
        ),
    ),
    DatelineCapitals(
        id="DTL003",
        name="dateline-capitals",
        summary="Put the dateline city in capitals: 'SACRAMENTO, Calif. — ', not 'Sacramento, Calif. — '.",
        rationale=(
            "The dateline city is set in capitals so that readers see at once where the story was "
            "reported. A title-case city is taken as a dateline only when a U.S. state or a wire "
            "credit and a dash follow it, so an ordinary opening sentence is never flagged."
        ),
        severity=Severity.WARNING,
        fixable="safe",
        source=_SRC_AP + " (✘ `Sacramento, Calif. —`).",
        examples=(
            Example(wrong="Sacramento, Calif. — The governor signed the bill.",
                    right="SACRAMENTO, Calif. — The governor signed the bill."),
            Example(wrong="Moscow (AP) — A cargo ship broke up.", right="MOSCOW (AP) — A cargo ship broke up."),
            Example(right="Washington — the city, not the state — has a new mayor.", note="no state or credit"),
            Example(right="Paris is lovely in spring.", note="not a dateline"),
        ),
    ),
]
