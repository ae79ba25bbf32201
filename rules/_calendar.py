"""Calendar helpers shared by the DAT rules: month and weekday names, the
pieces of date regexes, and the publication date a document carries.

Nothing here is a rule. The tables are what AP, NYT and Guardian style
agree on about the names themselves; the rules decide which form a profile
wants.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Mapping
from typing import Any

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
#: Month number (1-12) for every spelling a writer may use, full or short,
#: with or without its period (the period is stripped before lookup).
MONTH_NUMBER: dict[str, int] = {}
for _n, _name in enumerate(MONTHS, 1):
    MONTH_NUMBER[_name] = _n
    MONTH_NUMBER[_name[:3]] = _n
MONTH_NUMBER["Sept"] = 9

#: AP's form of each month before a day: Jan. Feb. Aug. Sept. Oct. Nov. Dec.;
#: March to July are never abbreviated.
AP_MONTH = {
    1: "Jan.", 2: "Feb.", 3: "March", 4: "April", 5: "May", 6: "June",
    7: "July", 8: "Aug.", 9: "Sept.", 10: "Oct.", 11: "Nov.", 12: "Dec.",
}
#: The months AP abbreviates before a day.
AP_ABBREVIATED = frozenset({1, 2, 8, 9, 10, 11, 12})

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Weekday index (Monday = 0, as ``date.weekday()``) for full and short names.
WEEKDAY_NUMBER: dict[str, int] = {}
for _n, _name in enumerate(WEEKDAYS):
    WEEKDAY_NUMBER[_name] = _n
    WEEKDAY_NUMBER[_name[:3]] = _n
for _short, _n in (("Tues", 1), ("Wednes", 2), ("Thur", 3), ("Thurs", 3)):
    WEEKDAY_NUMBER[_short] = _n
WEEKDAY_SHORT = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun")

# --- regex pieces (``regex`` module syntax; case-sensitive: months are proper nouns)
MONTH_FULL_RE = "|".join(MONTHS)
#: Any month spelling: full, or a three-letter/Sept abbreviation with an optional period.
MONTH_ANY_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAY_RE = "|".join(WEEKDAYS)
WEEKDAY_ANY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)"
#: A day of the month: one or two digits not part of a longer number,
#: a decimal, a time or a thousands group.
DAY_RE = r"(?:[12][0-9]|3[01]|0?[1-9])(?![0-9]|[.,:][0-9])"
#: A plausible year in news copy.
YEAR_RE = r"(?:1[0-9]{3}|20[0-9]{2})(?![0-9]|,[0-9]{3})"
ORDINAL_RE = r"(?:st|nd|rd|th)"


def month_number(name: str) -> int | None:
    """1-12 for a month name or abbreviation (period optional), else None."""
    return MONTH_NUMBER.get(name.rstrip(".").strip())


def weekday_number(name: str) -> int | None:
    """0 (Monday) to 6 for a weekday name or abbreviation, else None."""
    return WEEKDAY_NUMBER.get(name.rstrip(".").strip())


def days_in_month(month: int, year: int | None) -> int:
    """The length of ``month``; February has 29 days when the year is unknown."""
    if month == 2 and year is None:
        return 29
    return calendar.monthrange(year or 2000, month)[1]


def _parse_iso(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def publication_date(meta: Mapping[str, Any], setting: Any = None) -> _dt.date | None:
    """The date a document was published.

    The ``publication_date`` setting (the CMS knows it) wins over the
    document's own metadata (``meta["published"]``, which the Markdown and
    HTML parsers fill as ``YYYY-MM-DD``).
    """
    return _parse_iso(setting) or _parse_iso(meta.get("published"))


def infer_year(month: int, day: int, published: _dt.date | None) -> int | None:
    """The year of a month-day date written without one.

    News copy means the occurrence nearest the publication date ("Dec. 30"
    in a January story is last December), so of the year before, the year
    of and the year after publication, the closest valid date wins.
    """
    if published is None:
        return None
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            d = _dt.date(year, month, day)
        except ValueError:
            continue
        gap = abs((d - published).days)
        if best is None or gap < best[0]:
            best = (gap, year)
    return best[1] if best else None
