"""DAT: dates, days and times.

What each house style wants:

- **AP** (the default) and **NYT**: month-day order, ``Jan. 14, 2022`` with
  Jan., Feb., Aug., Sept., Oct., Nov. and Dec. abbreviated only before a
  day and March to July never; no ordinal suffix; commas around the year;
  ``10 a.m.``, ``10:30 p.m.``, ``noon``, never ``10:00 a.m.``. The ``nyt``
  profile follows AP here (its settings ``date_order = "mdy"``,
  ``month_abbreviations = true``, ``time_style = "ap"``): the NYT manual is
  not online, so these points are the profile's assumption, not a cited
  NYT rule.
- **Guardian**: ``16 December 2022`` (day-month, no suffix), ``4am``,
  ``6.30pm``, no points.

The rules read those profile settings, so a newsroom can mix them in its
config (``[settings] date_order = "dmy"``). Sources are in each rule's
``source`` and in ``research/house-style-rules.md`` sections 1.5, 1.6 and 2.

Patterns are compiled once at import time and every rule makes one pass
over the text: linear in its size.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

import regex

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document
from stylelint.rule import patterns

from ._calendar import (
    AP_ABBREVIATED,
    AP_MONTH,
    DAY_RE,
    MONTH_ANY_RE,
    MONTH_FULL_RE,
    MONTHS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR_RE,
    days_in_month,
    infer_year,
    month_number,
    publication_date,
    weekday_number,
)
from ._scan import Anchors, Gated

# One run of spaces, or one line break (a paragraph break never matches).
S = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
# Gates (see _scan.Gated): where a date or time pattern can start, found with
# a cheap scan, so the full pattern is tried only there. Every month spelling
# starts with one of _GMON3 and every weekday spelling with one of the
# weekday prefixes; the patterns that start with one share one scan of the
# document. _GS covers S.
_GS = r"[ \t\xa0\n]+"
_GMON3 = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_MONTHS_AT = Anchors(re.compile(_GMON3))
_WEEKDAYS_AT = Anchors(re.compile(r"Mon|Tue|Wed|Thu|Fri|Sat|Sun"))
_TIMES_AT = Anchors(patterns.compile(r"[0-9][0-9]?(?:[:.][0-9][0-9])?[ \t\xa0]*[AaPp]\.?[ \t]?[Mm]"))
ORD = r"(?:st|nd|rd|th)"
#: Every prose block but bylines (a byline's date stamp is page furniture).
PROSE = ("headline", "heading", "paragraph", "blockquote", "caption", "list_item", "table_cell", "dateline")
TIME_ZONES = frozenset(
    "ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST UTC CET CEST AKST HST AEST AEDT IST local".split()
)

# --- sources (see research/house-style-rules.md) --------------------------------
SRC_MONTHS = (
    "AP Stylebook \"months\" and \"dates\", as restated by https://writingexplained.org/ap-style/ap-style-months ; "
    "https://www.nrel.gov/comm-standards/editorial/months-and-years.html ; "
    "https://arts.vcu.edu/editorialstyleguide/d/dates/ ; https://getedited.wordpress.com/2009/11/09/a-date-with-ap/ "
    "(research/house-style-rules.md, AP-DT-1, AP-DT-2)."
)
SRC_GUARDIAN_DATES = (
    "Guardian: day-month order with no ordinal suffix (\"16 December\"): "
    "https://english.stackexchange.com/questions/53615/is-it-correct-to-omit-number-suffix-on-dates "
    "(research [13]); the Guardian's own code formats dates as \"Sunday 22 March 2015\" and "
    "\"6–8 November 2014\" (guardian/membership-frontend, frontend/test/views/support/DatesTest.scala)."
)
SRC_GUARDIAN_TIMES = (
    "Guardian and Observer style guide, \"A\" (abbreviations: \"4am\", no points): "
    "https://www.theguardian.com/guardian-observer-style-guide-a (research [10]); the Guardian's own code: "
    "\"respect Guardian style: 1am, 6.30pm\" and ranges \"2.45pm–5pm\" (guardian/membership-frontend, "
    "frontend/test/views/support/DatesTest.scala)."
)
SRC_TIMES = (
    "AP Stylebook \"a.m., p.m.\" and \"time of day\", as restated by https://headsupenglish.com/ap-style/page/3 ; "
    "https://extension.illinois.edu/commit/dates-and-times ; "
    "https://ccnyintroductiontojournalism.com/2022/02/10/writing-dates-and-time-and-word-usage/ ; "
    "https://crewnetwork.org/knowledge-base/associated-press-style/times (research AP-TM-1, AP-TM-2)."
)

_NYT_NOTE = (
    " The `nyt` profile shares AP's settings here. The NYT manual is not online; the Times's own "
    "copy in the corpus writes AP-style dates (\"Feb. 21\", \"Sept. 25\": "
    "https://www.nytimes.com/2019/02/21/nyregion/winter-weather-manholes-pipes.html , "
    "https://www.nytimes.com/2018/09/25/business/economy/us-government-debt-interest.html), and for times "
    "the profile is an assumption, not a cited NYT rule."
)


def _block_bounds(doc: Document, i: int) -> tuple[int, int]:
    block = doc.block_at(i)
    if block is None:
        return 0, len(doc.text)
    return block.span.start, block.span.end


def _sentence_period(doc: Document, end: int) -> bool | None:
    """Whether a period just before ``end`` also ends the sentence.

    True at the end of a block or before a word that can only open a
    sentence ("The", "He"); False before lowercase text, punctuation, a
    weekday, a month or a time zone ("12 p.m. Monday"); None when unsure
    (another capitalized word), which makes a fix unsafe.
    """
    text = doc.text
    _, block_end = _block_bounds(doc, max(0, end - 1))
    j = end
    while j < block_end and text[j] in "\"'”’)":
        j += 1
    if j >= block_end:
        return True
    if not text[j].isspace():
        return False
    m = _NEXT_WORD.match(text, j, min(block_end, j + 40))
    if not m:
        return True
    word = m.group(1).rstrip(".")
    if not word[:1].isupper():
        return False
    if word in WEEKDAYS or word in MONTHS or word in TIME_ZONES or month_number(word):
        return False
    if word in _OPENERS:
        return True
    return None


# Capitalized words that, after "p.m." and a space, can only open a new sentence.
_OPENERS = frozenset(
    "The A An He She It They We I You His Her Its Their Our This That These Those There But And "
    "In On At By For After Before When While If As Some Many Most All No".split()
)


_NEXT_WORD = patterns.compile(r"\s+[\"'“‘(]?([\w.]+)")


# =============================================================================
# Months
# =============================================================================

_MONTH_BEFORE_DAY = Gated(patterns.compile(
    rf"\b(?P<month>January|February|August|September|October|November|December)"
    rf"(?={S}{DAY_RE}{ORD}?\b(?![ \t]*(?:%|percent)))"
), _MONTHS_AT)


class MonthNotAbbreviated(Rule):
    """January 14 -> Jan. 14 (AP: abbreviate seven months before a day)."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        if not context.setting("month_abbreviations", True) or context.setting("date_order", "mdy") != "mdy":
            return
        for m in _MONTH_BEFORE_DAY.finditer(document.text):
            right = AP_MONTH[month_number(m.group("month"))]
            yield self.violation(
                m.start(), m.end(),
                f"Abbreviate the month before a day: '{right}' (AP spells out only March to July).",
                suggestion=right, fix=Fix(right, safe=True),
            )


_ABBR_BEFORE_DAY = Gated(patterns.compile(
    rf"\b(?P<abbr>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?P<dot>\.)?(?={S}{DAY_RE}{ORD}?\b)"
), _MONTHS_AT)


class BadMonthAbbreviation(Rule):
    """Jul. 17 -> July 17; Sep. 5 -> Sept. 5; Jan 5 -> Jan. 5."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        if not context.setting("month_abbreviations", True) or context.setting("date_order", "mdy") != "mdy":
            return
        for m in _ABBR_BEFORE_DAY.finditer(document.text):
            n = month_number(m.group("abbr"))
            right = AP_MONTH[n]
            found = m.group()
            if found == right:
                continue
            if n not in AP_ABBREVIATED:
                msg = f"Spell out {right}: AP never abbreviates March, April, May, June or July."
            elif found.rstrip(".") == "Sep":
                msg = "AP abbreviates September as 'Sept.'."
            else:
                msg = f"The abbreviation takes a period: '{right}'."
            yield self.violation(m.start(), m.end(), msg, suggestion=right, fix=Fix(right, safe=True))


_PREPOSITIONS = (
    r"in|of|during|since|until|till|through|throughout|from|by|last|next|this|early|late|mid|"
    r"between|and|or|to|before|after|each|every|since|for|that|same|following"
)
_ABBR_NO_DAY = Gated(patterns.compile(
    rf"(?:(?<=\b(?:{_PREPOSITIONS})(?:[ \t]+|-))|(?=\w+\.{S}{YEAR_RE}\b))"
    rf"\b(?P<abbr>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.(?!{S}?{DAY_RE}{ORD}?\b)(?![-–]\d)",
    regex.IGNORECASE,
), patterns.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.", regex.IGNORECASE))


class MonthAbbreviatedWithoutDay(Rule):
    """in Jan. -> in January; Sept. 2019 -> September 2019."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        if not context.setting("month_abbreviations", True):
            return
        text = document.text
        for m in _ABBR_NO_DAY.finditer(text):
            abbr = m.group("abbr")
            if not abbr[:1].isupper() or not abbr[1:].islower():
                continue
            right = MONTHS[month_number(abbr) - 1]
            yield self.violation(
                m.start(), m.end(),
                f"Spell out the month when it has no day: '{right}'.",
                suggestion=right, fix=Fix(right, safe=True),
            )


# =============================================================================
# Ordinals and order
# =============================================================================

_ORDINAL_AFTER_MONTH = Gated(
    patterns.compile(rf"\b(?P<month>{MONTH_ANY_RE}){S}(?P<num>(?P<day>{DAY_RE})(?P<suf>{ORD}))\b"),
    _MONTHS_AT,
)
_ORDINAL_BEFORE_MONTH = Gated(patterns.compile(
    rf"(?<![\w.,$£€/:-])(?P<day>{DAY_RE})(?P<suf>{ORD})(?P<of>{S}of)?{S}(?P<month>{MONTH_ANY_RE})"
    rf"(?P<year>,?{S}{YEAR_RE})?\b"
), patterns.compile(r"[0-9][0-9]?(?:st|nd|rd|th)"))


_THE_BEFORE = patterns.compile(rf"\b[Tt]he{S}\Z")


def _ap_date(month: int, day: int, year: str | None = None) -> str:
    out = f"{AP_MONTH[month]} {day}"
    return f"{out}, {year}" if year else out


def _uk_date(month: int, day: int, year: str | None = None) -> str:
    out = f"{day} {MONTHS[month - 1]}"
    return f"{out} {year}" if year else out


class OrdinalDate(Rule):
    """Dec. 7th -> Dec. 7; 7th December -> 7 December (Guardian) or Dec. 7 (AP)."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        dmy = context.setting("date_order", "mdy") == "dmy"
        if not dmy:
            for m in _ORDINAL_AFTER_MONTH.finditer(text):
                if not month_number(m.group("month")):
                    continue
                day = str(int(m.group("day")))
                yield self.violation(
                    m.start("num"), m.end("num"),
                    f"No ordinal suffix in a date: '{day}', not '{m.group('num')}'.",
                    suggestion=day, fix=Fix(day, safe=True),
                )
        for m in _ORDINAL_BEFORE_MONTH.finditer(text):
            n = month_number(m.group("month"))
            day = int(m.group("day"))
            if not n or (n == 7 and day == 4 and m.group("of")):
                continue  # the Fourth of July is a holiday's name
            year = m.group("year")
            year = year.strip(", \t\n") if year else None
            the = _THE_BEFORE.search(text, max(0, m.start() - 6), m.start())
            start = the.start() if the else m.start()
            if dmy:
                right = _uk_date(n, day, year)
                safe = the is None
            else:
                right = _ap_date(n, day, year)
                safe = False
            yield self.violation(
                start, m.end(),
                f"No ordinal suffix in a date: '{right}'.",
                suggestion=right, fix=Fix(right, safe=safe),
            )


_DAY_MONTH = Gated(patterns.compile(
    rf"(?<![\w.,$£€/:–—-])\b(?P<day>{DAY_RE})(?!{ORD}){S}(?P<month>{MONTH_ANY_RE})"
    rf"(?P<year>,?{S}{YEAR_RE})?(?![\w-])"
), patterns.compile(rf"[0-9][0-9]?{_GS}{_GMON3}"))
_MONTH_DAY = Gated(patterns.compile(
    rf"\b(?P<month>{MONTH_ANY_RE}){S}(?P<day>{DAY_RE})(?P<suf>{ORD})?\b(?![-–]\d)(?P<year>,{S}{YEAR_RE})?(?![\w-])"
), _MONTHS_AT)


class DateOrder(Rule):
    """AP: Jan. 14, 2022, not 14 January 2022. Guardian: 14 January, not January 14."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        if context.setting("date_order", "mdy") == "dmy":
            for m in _MONTH_DAY.finditer(text):
                n = month_number(m.group("month"))
                if not n:
                    continue
                year = m.group("year")
                year = year.strip(", \t\n") if year else None
                right = _uk_date(n, int(m.group("day")), year)
                yield self.violation(
                    m.start(), m.end(), f"Day before month: '{right}'.",
                    suggestion=right, fix=Fix(right, safe=year is None),
                )
            return
        for m in _DAY_MONTH.finditer(text):
            n = month_number(m.group("month"))
            if not n:
                continue
            year = m.group("year")
            year = year.strip(", \t\n") if year else None
            right = _ap_date(n, int(m.group("day")), year)
            yield self.violation(
                m.start(), m.end(), f"Month before day: '{right}'.",
                suggestion=right, fix=Fix(right, safe=False),
            )


# =============================================================================
# Commas around the year
# =============================================================================

_NO_COMMA_BEFORE_YEAR = Gated(patterns.compile(
    rf"\b(?P<month>{MONTH_ANY_RE}){S}(?P<dy>(?P<day>{DAY_RE}){ORD}?(?P<gap>{S})(?P<year>{YEAR_RE}))(?![\w,.:]\d|\w)"
), _MONTHS_AT)
_NO_COMMA_AFTER_YEAR = Gated(patterns.compile(
    rf"(?P<date>\b(?P<month>{MONTH_ANY_RE}){S}(?P<day>{DAY_RE}){ORD}?,{S}(?P<year>{YEAR_RE}))(?=[ \t]+[^\W\d_])"
), _MONTHS_AT)
_MONTH_COMMA_YEAR = Gated(patterns.compile(
    rf"(?<!\b\d{{1,2}}{ORD}?{S}(?:of{S})?)\b(?P<month>{MONTH_FULL_RE}),{S}(?P<year>{YEAR_RE})\b(?![,.]\d)"
), _MONTHS_AT)
_MONTH_OF_YEAR = Gated(patterns.compile(
    rf"(?<!\b\d{{1,2}}{ORD}?{S}(?:of{S})?)\b(?P<month>{MONTH_FULL_RE}){S}of{S}(?P<year>{YEAR_RE})\b"
), _MONTHS_AT)


class YearCommas(Rule):
    """Jan. 14, 2022, was ...; Jan. 14 2022 -> Jan. 14, 2022; July, 2020 -> July 2020."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        if context.setting("date_order", "mdy") != "mdy":
            return
        text = document.text
        for m in _NO_COMMA_BEFORE_YEAR.finditer(text):
            if not month_number(m.group("month")):
                continue
            right = f"{m.group('dy')[: m.start('gap') - m.start('dy')]}, {m.group('year')}"
            yield self.violation(
                m.start("dy"), m.end("dy"), "Put a comma between the day and the year.",
                suggestion=right, fix=Fix(right, safe=True),
            )
        for m in _NO_COMMA_AFTER_YEAR.finditer(text):
            if not month_number(m.group("month")):
                continue
            start, end = m.start("date"), m.end("year")
            block_start, _ = _block_bounds(document, start)
            line_start = text.rfind("\n", block_start, start) + 1 or block_start
            lead = text[max(block_start, line_start) : start]
            nxt = _NEXT_WORD.match(text, end)
            if nxt and nxt.group(1)[:1].isupper() and _only_weekday_or_blank(lead):
                continue  # a date stamp at the start of a line: "Dec. 22, 2014 Title"
            year = m.group("year")
            yield self.violation(
                m.start("year"), end,
                "Set off the year with commas: a comma also follows it in mid-sentence.",
                suggestion=f"{year},", fix=Fix(f"{year},", safe=True),
            )
        for m in _MONTH_COMMA_YEAR.finditer(text):
            right = f"{m.group('month')} {m.group('year')}"
            yield self.violation(
                m.start(), m.end(), f"No comma between month and year: '{right}'.",
                suggestion=right, fix=Fix(right, safe=True),
            )
        for m in _MONTH_OF_YEAR.finditer(text):
            right = f"{m.group('month')} {m.group('year')}"
            yield self.violation(
                m.start(), m.end(), f"'{right}' is enough; drop the 'of'.",
                suggestion=right, fix=Fix(right, safe=False), severity=Severity.INFO,
            )


_WEEKDAY_LEAD = patterns.compile(rf"^[\s\"“(]*(?:(?:{WEEKDAY_RE}),?\s*)?$")


def _only_weekday_or_blank(lead: str) -> bool:
    return bool(_WEEKDAY_LEAD.match(lead))


# =============================================================================
# Weekdays
# =============================================================================

# Weekday names, and short forms only with their period ("Sun" alone is a newspaper).
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
_WEEKDAY_MONTH_DAY = Gated(patterns.compile(
    rf"\b(?P<wd>{_WD}),?{S}(?:the{S})?(?P<month>{MONTH_ANY_RE}){S}(?P<day>{DAY_RE}){ORD}?\b(?![-–]\d)"
    rf"(?:,?{S}(?P<year>{YEAR_RE})\b)?"
), _WEEKDAYS_AT)
_WEEKDAY_DAY_MONTH = Gated(patterns.compile(
    rf"\b(?P<wd>{_WD}),?{S}(?:the{S})?(?P<day>{DAY_RE}){ORD}?(?:{S}of)?{S}(?P<month>{MONTH_ANY_RE})(?![\w-])"
    rf"(?:,?{S}(?P<year>{YEAR_RE})\b)?"
), _WEEKDAYS_AT)


class WeekdayDateMismatch(Rule):
    """Thursday, Jan. 14, 2022 -> Jan. 14, 2022 was a Friday."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        published = publication_date(document.meta, context.setting("publication_date"))
        seen: set[int] = set()
        for pattern in (_WEEKDAY_MONTH_DAY, _WEEKDAY_DAY_MONTH):
            for m in pattern.finditer(text):
                if m.start() in seen:
                    continue
                month = month_number(m.group("month"))
                given = weekday_number(m.group("wd"))
                if month is None or given is None:
                    continue
                seen.add(m.start())
                day = int(m.group("day"))
                year = int(m.group("year")) if m.group("year") else None
                if day > days_in_month(month, year):
                    yield self.violation(
                        m.start("month") if m.start("month") < m.start("day") else m.start("day"),
                        max(m.end("month"), m.end("day")),
                        f"{MONTHS[month - 1]} has no day {day}" + (f" in {year}." if year else "."),
                        severity=Severity.ERROR,
                    )
                    continue
                inferred = year is None
                if year is None:
                    year = infer_year(month, day, published)
                    if year is None:
                        continue
                try:
                    actual = _dt.date(year, month, day).weekday()
                except ValueError:
                    continue
                if actual == given:
                    continue
                right = WEEKDAYS[actual]
                when = f"{MONTHS[month - 1]} {day}, {year}"
                how = " (the year is inferred from the publication date)" if inferred else ""
                yield self.violation(
                    m.start("wd"), m.end("wd"),
                    f"{when} was a {right}, not a {WEEKDAYS[given]}{how}.",
                    suggestion=right, fix=Fix(right, safe=False),
                )


_SHORT_WEEKDAY = Gated(patterns.compile(
    rf"(?<!\b(?:[Tt]he|[Dd]aily|[Ss]unday){S})\b(?P<wd>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?P<dot>\.)?"
    rf"(?=(?(dot),?|,){S}(?:{MONTH_ANY_RE}{S}{DAY_RE}|{DAY_RE}{ORD}?{S}{MONTH_ANY_RE}(?![\w-])))"
), _WEEKDAYS_AT)


class AbbreviatedWeekday(Rule):
    """Fri., Dec. 3 -> Friday, Dec. 3."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        for m in _SHORT_WEEKDAY.finditer(document.text):
            right = WEEKDAYS[weekday_number(m.group("wd"))]
            yield self.violation(
                m.start(), m.end(), f"Spell out the day of the week: '{right}'.",
                suggestion=right, fix=Fix(right, safe=True),
            )


# =============================================================================
# Times of day
# =============================================================================

_TIME = Gated(patterns.compile(
    r"(?<![\w.:,$£€/-])(?P<h>1[0-2]|0?[1-9])(?:(?P<sep>[:.])(?P<min>[0-5][0-9]))?(?P<sp>[ \t\u00a0]*)"
    r"(?P<mer>(?P<ap>[AaPp])(?P<d1>\.)?[ \t]?[Mm](?P<d2>\.)?)(?![\w])"
), _TIMES_AT)
_NOT_TIME_AFTER = patterns.compile(r"[ \t]+(?:radio|stations?|bands?|frequenc\w+|signals?|dial)\b", regex.IGNORECASE)


def _time_parts(m) -> tuple[int, str | None, str]:
    return int(m.group("h")), m.group("min"), m.group("ap").lower()


def _is_time(text: str, m) -> bool:
    """Reject '5 am' when 'am' is not a meridiem (AM radio)."""
    if _NOT_TIME_AFTER.match(text, m.end()):
        return False
    return True


class TimeFormat(Rule):
    """5pm, 5 PM -> 5 p.m. (AP); 5 p.m., 5:30pm -> 5pm, 5.30pm (Guardian)."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        text = document.text
        uk = context.setting("time_style", "ap") == "uk"
        for m in _TIME.finditer(text):
            if not _is_time(text, m):
                continue
            h, minutes, ap = _time_parts(m)
            if not uk and h == 12 and minutes in (None, "00"):
                continue  # noon and midnight: DAT011
            mer = m.group("mer")
            if uk:
                right = f"{h}{'.' + minutes if minutes else ''}{ap}m"
                if mer.endswith(".") and _sentence_period(document, m.end()) is not False:
                    right += "."
            else:
                right = f"{h}{':' + minutes if minutes else ''} {ap}.m."
            found = m.group()
            if found == right:
                continue
            if uk:
                msg = f"Guardian style writes times as '{right.rstrip('.')}': am/pm with no points and no space, minutes after a full stop."
            else:
                msg = f"AP style writes times as '{right}': lowercase a.m./p.m. with periods, after a space."
            yield self.violation(m.start(), m.end(), msg, suggestion=right, fix=Fix(right, safe=True))


_ON_THE_HOUR = patterns.compile(
    r"(?<![\w.:,$£€/-])(?P<h>1[0-2]|0?[1-9])(?P<zeros>[:.]00)(?=[ \t\u00a0]*[AaPp]\.?[ \t]?[Mm](?![\w]))"
)


class OnTheHour(Rule):
    """10:00 a.m. -> 10 a.m.; 10.00pm -> 10pm."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        uk = context.setting("time_style", "ap") == "uk"
        for m in _ON_THE_HOUR.finditer(document.text):
            if int(m.group("h")) == 12 and not uk:
                continue  # noon and midnight: DAT011
            yield self.violation(
                m.start("zeros"), m.end("zeros"),
                f"No '{m.group('zeros')}' on the hour: '{int(m.group('h'))}' and the a.m./p.m. are enough.",
                suggestion="", fix=Fix("", safe=True),
            )


_TWELVE = patterns.compile(
    r"(?<![\w.:,$£€/-])12(?:[:.]00)?(?:[ \t\u00a0]*(?P<ap>[AaPp])\.?[ \t]?[Mm](?P<dot>\.)?(?![\w])"
    r"|[ \t\u00a0]+(?P<word>noon|midnight)\b)"
)


class NoonMidnight(Rule):
    """12 p.m. -> noon; 12 a.m. -> midnight; 12 noon -> noon."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        if context.setting("time_style", "ap") != "ap":
            return  # the Guardian's rule for 12am/12pm is not in the sources
        text = document.text
        for m in _TWELVE.finditer(text):
            if m.group("word"):
                right = m.group("word")
                msg = f"'{right}' alone: the 12 is redundant."
                safe = True
            else:
                if not _is_time(text, m):
                    continue
                right = "noon" if m.group("ap").lower() == "p" else "midnight"
                msg = f"Use '{right}', not '{m.group()}' (12 a.m. and 12 p.m. confuse readers)."
                safe = True
                if m.group("dot"):
                    ends = _sentence_period(document, m.end())
                    if ends is None:
                        safe = False
                    if ends is not False:
                        right += "."
            yield self.violation(m.start(), m.end(), msg, suggestion=right, fix=Fix(right, safe=safe))


_REDUNDANT = Gated(patterns.compile(
    rf"(?<![\w.:,$£€/-])(?:1[0-2]|0?[1-9])(?:[:.][0-5][0-9])?[ \t\u00a0]*(?P<ap>[AaPp])\.?[ \t]?[Mm]\b\.?"
    rf"(?P<red>[ \t]+(?:"
    rf"(?P<today>this[ \t]+(?:morning|afternoon|evening)|tonight)"
    rf"|(?P<rel>tomorrow|yesterday)[ \t]+(?P<part1>morning|afternoon|evening|night)"
    rf"|(?P<wd>{WEEKDAY_RE})[ \t]+(?P<part2>morning|afternoon|evening|night)"
    rf"|(?P<drop>in[ \t]+the[ \t]+(?:morning|afternoon|evening)|at[ \t]+night)"
    rf"|(?P<last>last[ \t]+night)"
    rf"))\b"
), _TIMES_AT)
_AM_PARTS = {"morning"}
_PM_PARTS = {"afternoon", "evening", "night", "tonight"}


class RedundantTimeOfDay(Rule):
    """7 p.m. tonight -> 7 p.m. today; 10:30 a.m. Tuesday morning -> 10:30 a.m. Tuesday."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        for m in _REDUNDANT.finditer(document.text):
            red = m.group("red")
            phrase = red.strip()
            part = phrase.split()[-1].lower()
            am = m.group("ap").lower() == "a"
            if (am and part not in _AM_PARTS) or (not am and part not in _PM_PARTS):
                continue  # "8 a.m. Tuesday night" is not redundant, just odd
            start = m.start("red")
            if m.group("today"):
                right, start = "today", m.start("red") + len(red) - len(red.lstrip())
            elif m.group("rel"):
                right, start = m.group("rel"), m.start("rel")
            elif m.group("wd"):
                right, start = m.group("wd"), m.start("wd")
            elif m.group("drop"):
                right = ""
            else:
                right = None
                start = m.start("red") + len(red) - len(red.lstrip())
            end = m.end("red")
            msg = f"'{phrase}' repeats what a.m./p.m. says"
            if right is None:
                yield self.violation(start, end, msg + "; give the day instead.")
            elif right == "":
                yield self.violation(start, end, msg + "; drop it.", suggestion="", fix=Fix("", safe=False))
            else:
                yield self.violation(start, end, msg + f"; use '{right}'.", suggestion=right, fix=Fix(right, safe=False))


# =============================================================================
# Relative days
# =============================================================================

_LAST_NEXT = Gated(patterns.compile(
    rf"(?<!\b(?:[Tt]he|[Ee]very|[Ee]ach|[Ll]ast|[Ff]irst)[ \t]+)\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his[ \t]+past|[Tt]his[ \t]+coming)"
    rf"[ \t]+(?P<wd>{WEEKDAY_RE})\b(?!{S}(?:of|in{S}(?:{MONTH_FULL_RE}|the{S}month|each|every))\b)"
), re.compile(r"(?:Last|last|Next|next|This[ \t]+(?:past|coming)|this[ \t]+(?:past|coming))[ \t]+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"))


class LastNextWeekday(Rule):
    """The council voted last Tuesday -> The council voted Tuesday."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        for m in _LAST_NEXT.finditer(document.text):
            wd = m.group("wd")
            yield self.violation(
                m.start(), m.end(),
                f"'{m.group()}' is redundant: the day name alone means the past or coming week "
                "(beyond seven days, give the date).",
                suggestion=wd, fix=Fix(wd, safe=False),
            )


_ON_WEEKDAY = patterns.compile(rf"(?<![.!?\"“][ \t]*)\bon[ \t]+(?P<wd>{WEEKDAY_RE})\b")


class OnBeforeWeekday(Rule):
    """voted on Tuesday -> voted Tuesday (AP; off by default)."""

    def check(self, document: Document, context: RuleContext) -> Iterator:
        for m in _ON_WEEKDAY.finditer(document.text):
            wd = m.group("wd")
            yield self.violation(
                m.start(), m.end(), f"AP drops 'on' before a day of the week: '{wd}'.",
                suggestion=wd, fix=Fix(wd, safe=False),
            )


# =============================================================================
# The rules
# =============================================================================

RULES = [
    MonthNotAbbreviated(
        id="DAT001",
        name="month-not-abbreviated",
        summary="Abbreviate Jan., Feb., Aug., Sept., Oct., Nov. and Dec. before a day (AP).",
        rationale=(
            "AP abbreviates seven months when a specific date follows (`Jan. 14`, `Sept. 5`) and "
            "spells out March, April, May, June and July always. `January 14` reads as another "
            "outlet's copy. Without a day the month is spelled out (`in January`), so only a month "
            "followed by a day is flagged. The Guardian profile writes `14 January` instead "
            "(see DAT005)." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=PROSE,
        fixable="safe",
        source=SRC_MONTHS,
        examples=(
            Example(wrong="The talks open January 14, 2022, in Geneva.", right="The talks open Jan. 14, 2022, in Geneva."),
            Example(wrong="The vote is set for September 5.", right="The vote is set for Sept. 5."),
            Example(right="The play opens July 17.", note="March to July are never abbreviated"),
            Example(right="In January, sales rose.", note="no day: spell out"),
            Example(right='"It was January 14," she said.', note="inside a quotation"),
        ),
    ),
    BadMonthAbbreviation(
        id="DAT002",
        name="wrong-month-abbreviation",
        summary="Use AP's month abbreviations before a day: Jan. Feb. Aug. Sept. Oct. Nov. Dec.; never Mar., Apr., Jun., Jul. or Sep.",
        rationale=(
            "AP has exactly seven month abbreviations, each with a period, and September is "
            "`Sept.`. March to July are never shortened, so `Jul. 17` and `Mar 3` are wrong and "
            "`Dec 7` is missing its period." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=PROSE,
        fixable="safe",
        source=SRC_MONTHS,
        examples=(
            Example(wrong="It opens Jul. 17.", right="It opens July 17."),
            Example(wrong="The deadline is Sep. 30.", right="The deadline is Sept. 30."),
            Example(wrong="Talks resume Dec 7 in Vienna.", right="Talks resume Dec. 7 in Vienna."),
            Example(right="The first call was on Dec. 7 and the second on Dec. 30."),
            Example(right="Dr. Jan Smith spoke."),
        ),
    ),
    MonthAbbreviatedWithoutDay(
        id="DAT003",
        name="month-abbreviated-without-day",
        summary="Spell out a month that stands alone or has only a year (September 2019, not Sept. 2019).",
        rationale=(
            "The abbreviations are for specific dates only. A month alone or with a year is "
            "spelled out: `in January`, `September 1975`." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=PROSE,
        fixable="safe",
        source=SRC_MONTHS,
        examples=(
            Example(wrong="Sales rose in Jan. and fell in Feb.", right="Sales rose in January and fell in February."),
            Example(wrong="Sept. 1975 was cold.", right="September 1975 was cold."),
            Example(right="The vote is Sept. 5."),
            Example(right="He was born Jan. 14, 1990."),
        ),
    ),
    OrdinalDate(
        id="DAT004",
        name="ordinal-in-date",
        summary="No st/nd/rd/th in dates: Dec. 7 (AP) or 7 December (Guardian), not Dec. 7th or 7th December.",
        rationale=(
            "Dates take a cardinal figure. AP writes `Dec. 7`; the Guardian writes `7 December`; "
            "neither writes `Dec. 7th`, `7th December` or `the 7th of December`. Removing a suffix "
            "after the month is a safe fix; turning a day-first date around is offered for review. "
            "`the Fourth of July` is a holiday's name and is left alone."
        ),
        severity=Severity.WARNING,
        scopes=PROSE,
        fixable="safe",
        source=(
            "AP: https://arts.vcu.edu/editorialstyleguide/d/dates/ ; https://extension.illinois.edu/commit/dates-and-times "
            "(research AP-DT-3). " + SRC_GUARDIAN_DATES
        ),
        examples=(
            Example(wrong="During the first call on Dec. 7th, Biden declined.", right="During the first call on Dec. 7, Biden declined."),
            Example(wrong="The summit ends on the 7th of December.", right="The summit ends Dec. 7."),
            Example(wrong="The summit ends on 7th December.", right="The summit ends on 7 December.", profile="guardian"),
            Example(right="The parade is on the Fourth of July."),
            Example(right="She finished 7th in the race."),
        ),
    ),
    DateOrder(
        id="DAT005",
        name="date-order",
        summary="Month-day order in AP and NYT (Jan. 14, 2022); day-month order in the Guardian (14 January 2022).",
        rationale=(
            "The profile's `date_order` setting decides: `mdy` (AP, NYT) writes `Jan. 14, 2022`; "
            "`dmy` (Guardian) writes `14 January 2022`, with the month spelled out and no comma. "
            "Reordering a date without a year is certain (a safe fix in the Guardian profile); with a "
            "year the punctuation around it may change, so that fix is offered for review." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        scopes=PROSE,
        fixable="unsafe",
        source=SRC_MONTHS + " " + SRC_GUARDIAN_DATES,
        examples=(
            Example(wrong="The archive was retrieved 4 February 2017.", right="The archive was retrieved Feb. 4, 2017."),
            Example(wrong="Talks open 14 Jan in Geneva.", right="Talks open Jan. 14 in Geneva."),
            Example(wrong="Talks open on December 16 in Geneva.", right="Talks open on 16 December in Geneva.", profile="guardian"),
            Example(wrong="Talks opened Jan. 14, 2022.", right="Talks opened 14 January 2022.", profile="guardian"),
            Example(right="Talks open 6–8 November 2014.", profile="guardian"),
            Example(right="They sold 300 May baskets.", note="a count, not a day"),
        ),
    ),
    YearCommas(
        id="DAT006",
        name="year-commas",
        summary="Commas around the year in a full date (Jan. 14, 2022, was), none between month and year (July 2020).",
        rationale=(
            "In a month-day-year date the year is set off by commas on both sides: `Feb. 14, 1987, "
            "was the target date`. A month with only a year takes no comma: `July 2020`, and `June of "
            "2012` is just `June 2012` (info). A date stamp at the start of a line (`Dec. 22, 2014 "
            "Title`) is left alone." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=PROSE,
        fixable="safe",
        source=(
            "https://writingexplained.org/ap-style/ap-style-dates ; https://arts.vcu.edu/editorialstyleguide/d/dates/ "
            "(\"Jan. 5, 2001, in the library\"); https://extension.illinois.edu/commit/dates-and-times (\"July 2020\"); "
            "Purchase College editorial style guide, dates and times (\"June 2012\", not \"June of 2012\"): "
            "http://www.purchase.edu/departments/ccs/EditorialStyleGuide/GenStylePrefs/dates-times.aspx "
            "(research AP-DT-4)."
        ),
        examples=(
            Example(wrong="Feb. 14, 1987 was the target date.", right="Feb. 14, 1987, was the target date."),
            Example(wrong="The law took effect Jan. 1 2022.", right="The law took effect Jan. 1, 2022."),
            Example(wrong="The plant closed in July, 2020.", right="The plant closed in July 2020."),
            Example(right="Ukraine January 14, 2022.", note="the year ends the sentence"),
            Example(right="The attack on Dec. 7, 1941, drew the U.S. into the war."),
        ),
    ),
    WeekdayDateMismatch(
        id="DAT007",
        name="weekday-date-mismatch",
        summary="The day of the week must match the date (Friday, Jan. 14, 2022, not Thursday, Jan. 14, 2022).",
        rationale=(
            "A weekday that disagrees with its date leaves the reader unsure which one is right. "
            "The year comes from the date itself; failing that, from the publication date "
            "(`publication_date` setting, or the page or front-matter date), taking the occurrence "
            "of the date nearest to it. Impossible dates (`Feb. 30`) are errors. The fix offers the "
            "calendar's weekday but is never applied automatically: the date may be the mistake."
        ),
        severity=Severity.ERROR,
        scopes=PROSE,
        fixable="unsafe",
        source=(
            "The Gregorian calendar (Python's `datetime`). AP writes the weekday before the date "
            "(\"Friday, Dec. 3\"): https://arts.vcu.edu/editorialstyleguide/d/dates/ ; "
            "https://getedited.wordpress.com/2009/11/09/a-date-with-ap/ (research AP-DT-5)."
        ),
        examples=(
            Example(wrong="The summit opened Thursday, Jan. 14, 2022, in Geneva.", right="The summit opened Friday, Jan. 14, 2022, in Geneva."),
            Example(wrong="It was held on Tuesday 5 December 2022.", right="It was held on Monday 5 December 2022.", profile="guardian"),
            Example(wrong="Payment is due Friday, Feb. 30."),
            Example(right="Talks resume Friday, Jan. 14.", note="no year and no publication date: not checked"),
        ),
    ),
    AbbreviatedWeekday(
        id="DAT008",
        name="abbreviated-weekday",
        summary="Spell out the day of the week before a date (Friday, Dec. 3, not Fri., Dec. 3).",
        rationale=(
            "Days of the week are not abbreviated in running text. Only a short form followed by a "
            "date is flagged, so `The Sun, May 3` (a newspaper) and `Sat` in other senses pass."
        ),
        severity=Severity.WARNING,
        scopes=("headline", "heading", "paragraph", "blockquote", "caption", "list_item", "dateline"),
        fixable="safe",
        source=(
            "AP: https://arts.vcu.edu/editorialstyleguide/d/dates/ ; https://getedited.wordpress.com/2009/11/09/a-date-with-ap/ "
            "(research AP-DT-5). Guardian: full weekday names, \"Sunday 22 March 2015\" "
            "(guardian/membership-frontend, frontend/test/views/support/DatesTest.scala)."
        ),
        examples=(
            Example(wrong="The vote is Fri., Dec. 3.", right="The vote is Friday, Dec. 3."),
            Example(wrong="Doors open Sat., May 4, at noon.", right="Doors open Saturday, May 4, at noon."),
            Example(right="The Sun, May 3, 2020, ran the story."),
            Example(right="She said Sat. was the best day."),
        ),
    ),
    TimeFormat(
        id="DAT009",
        name="time-format",
        summary="Write times as 10 a.m. and 10:30 p.m. (AP) or 10am and 10.30pm (Guardian).",
        rationale=(
            "AP writes `a.m.` and `p.m.` lowercase, with periods, after a space, and a colon before "
            "the minutes. The Guardian writes `4am` and `6.30pm`: no points, no space, a full stop "
            "before the minutes. The profile's `time_style` setting (`ap` or `uk`) decides." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        scopes=PROSE,
        fixable="safe",
        source=SRC_TIMES + " " + SRC_GUARDIAN_TIMES,
        examples=(
            Example(wrong="The polls close at 8pm.", right="The polls close at 8 p.m."),
            Example(wrong="The meeting starts at 10:30 AM Tuesday.", right="The meeting starts at 10:30 a.m. Tuesday."),
            Example(wrong="The polls close at 8 p.m. tonight.", right="The polls close at 8pm tonight.", profile="guardian"),
            Example(wrong="Kick-off is at 7:45pm.", right="Kick-off is at 7.45pm.", profile="guardian"),
            Example(right="He listens to 5 AM radio stations."),
        ),
    ),
    OnTheHour(
        id="DAT010",
        name="time-on-the-hour",
        summary="No :00 on the hour: 10 a.m., not 10:00 a.m. (10pm, not 10.00pm, in the Guardian).",
        rationale=(
            "Zeros for the minutes add nothing on the hour. AP writes `10 a.m.` and `11 a.m. to 5 "
            "p.m.`; the Guardian writes `5pm` (`2.45pm–5pm`). Table cells, where a column of times "
            "lines up, are not checked."
        ),
        severity=Severity.WARNING,
        scopes=("headline", "heading", "paragraph", "blockquote", "caption", "list_item", "dateline"),
        fixable="safe",
        source=(
            "https://extension.illinois.edu/commit/dates-and-times ; https://headsupenglish.com/ap-style/page/3 ; "
            "https://911weknow.com/the-clock-is-ticking-how-to-write-about-time-in-ap-style ; "
            "https://crewnetwork.org/knowledge-base/associated-press-style/times (research AP-TM-2). " + SRC_GUARDIAN_TIMES
        ),
        examples=(
            Example(wrong="The briefing is at 10:00 a.m.", right="The briefing is at 10 a.m."),
            Example(wrong="Polls close at 9:00 p.m. Tuesday.", right="Polls close at 9 p.m. Tuesday."),
            Example(wrong="Doors open at 7.00pm.", right="Doors open at 7pm.", profile="guardian"),
            Example(right="The briefing is at 10:30 a.m."),
            Example(right="The clock read 10:00 when the lights went out."),
        ),
    ),
    NoonMidnight(
        id="DAT011",
        name="noon-midnight",
        summary="Write noon and midnight, not 12 p.m. and 12 a.m.; not 12 noon.",
        rationale=(
            "`12 a.m.` and `12 p.m.` are routinely misread; `noon` and `midnight` are not. `12 noon` "
            "and `12 midnight` are redundant. When the period of `p.m.` also ends the sentence, the "
            "fix keeps it." + _NYT_NOTE
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=PROSE,
        fixable="safe",
        source=(
            "https://extension.illinois.edu/commit/dates-and-times ; "
            "http://www.purchase.edu/departments/ccs/EditorialStyleGuide/GenStylePrefs/dates-times.aspx ; "
            "https://911weknow.com/the-clock-is-ticking-how-to-write-about-time-in-ap-style ; "
            "https://crewnetwork.org/knowledge-base/associated-press-style/times (\"Do not put a 12 in front of noon\") "
            "(research AP-TM-3)."
        ),
        examples=(
            Example(wrong="The deadline is 12 p.m. Friday.", right="The deadline is noon Friday."),
            Example(wrong="The curfew starts at 12 a.m.", right="The curfew starts at midnight."),
            Example(wrong="Lunch is served at 12 noon.", right="Lunch is served at noon."),
            Example(right="The session ends at 12:30 p.m."),
            Example(right="The bus leaves at 12."),
        ),
    ),
    RedundantTimeOfDay(
        id="DAT012",
        name="redundant-time-of-day",
        summary="Avoid 7 p.m. tonight, 10 a.m. this morning and 10:30 a.m. Tuesday morning.",
        rationale=(
            "`p.m.` already says evening and `a.m.` morning: write `7 p.m. today` and `10:30 a.m. "
            "Tuesday`. The fix is offered for review, since `today` may need to become a day name."
        ),
        severity=Severity.WARNING,
        profiles=("ap", "nyt"),
        scopes=PROSE,
        fixable="unsafe",
        source=(
            "http://www.purchase.edu/departments/ccs/EditorialStyleGuide/GenStylePrefs/dates-times.aspx ; "
            "https://911weknow.com/the-clock-is-ticking-how-to-write-about-time-in-ap-style ; "
            "https://crewnetwork.org/knowledge-base/associated-press-style/times (\"Avoid such redundancies as "
            "10 a.m. this morning, 10 p.m. tonight or 10 p.m. Monday night\") (research AP-TM-4)."
        ),
        examples=(
            Example(wrong="The speech is at 7 p.m. tonight.", right="The speech is at 7 p.m. today."),
            Example(wrong="The vote is at 10:30 a.m. Tuesday morning.", right="The vote is at 10:30 a.m. Tuesday."),
            Example(right="The vote is at 10:30 a.m. Tuesday."),
            Example(right="He worked until 8 p.m. and left the next morning."),
        ),
    ),
    LastNextWeekday(
        id="DAT013",
        name="last-next-weekday",
        summary="Write Tuesday, not last Tuesday or next Tuesday (AP).",
        rationale=(
            "In AP style a day name alone means the past or coming seven days, so `last` and `next` "
            "are redundant; beyond a week, give the date. `the last Tuesday of the month` is a "
            "different thing and is left alone."
        ),
        severity=Severity.WARNING,
        profiles=("ap",),
        scopes=PROSE,
        fixable="unsafe",
        source=(
            "AP \"time element\", as quoted in https://www.kenbridgevictoriadispatch.com/2016/04/28/styles-and-such/ ; "
            "http://www.gatehousenewsroom.com/2017/06/22/ap-style-rules-time-element/ ; "
            "https://johnkrolldigital.com/encyclopedia/prefix:d (research AP-DT-6)."
        ),
        examples=(
            Example(wrong="The council voted last Monday.", right="The council voted Monday."),
            Example(wrong="The talks resume next Tuesday in Geneva.", right="The talks resume Tuesday in Geneva."),
            Example(right="Elections are held the last Tuesday of the month."),
            Example(right="Last month, Biden spoke with Putin. Last week, officials met."),
        ),
    ),
    OnBeforeWeekday(
        id="DAT014",
        name="on-before-weekday",
        summary="AP drops 'on' before a day of the week (voted Tuesday, not voted on Tuesday); off by default.",
        rationale=(
            "AP omits `on` before a day or date except at the start of a sentence, where it avoids "
            "a confusing juxtaposition. Most outlets keep `on`, so the rule is off by default: turn it "
            "on with `extend_select = [\"DAT014\"]`."
        ),
        severity=Severity.INFO,
        profiles=("ap",),
        default_enabled=False,
        scopes=PROSE,
        fixable="unsafe",
        source="http://www.gatehousenewsroom.com/2017/06/22/ap-style-rules-time-element/ (research AP-DT-6, check D).",
        examples=(
            Example(wrong="The council voted on Tuesday.", right="The council voted Tuesday."),
            Example(wrong="Blinken will land in Kyiv on Wednesday.", right="Blinken will land in Kyiv Wednesday."),
            Example(right="On Tuesday, the council voted."),
            Example(right="The council voted Tuesday."),
        ),
    ),
]
