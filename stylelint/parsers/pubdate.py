"""Publication dates as articles' metadata writes them.

The HTML parser (``<meta>``, ``<time>``, JSON-LD) and the Markdown parser
(front matter) both store ``meta["published"]`` through :func:`iso_date`,
so rules see one format whatever the input.
"""

from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_D_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_D_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:$|[^\d])")
_D_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_D_DMY = re.compile(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from a date as pages and front matter write it, or None.

    Takes ``date``/``datetime`` objects (YAML front matter) and strings: ISO
    8601 (the date part as written, timezone ignored), ``YYYY/MM/DD``,
    ``YYYYMMDD``, ``January 2, 2024`` and ``2 Jan 2024``.
    """
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    for pat, order in ((_D_ISO, "ymd"), (_D_COMPACT, "ymd"), (_D_MDY, "mdy"), (_D_DMY, "dmy")):
        m = pat.search(value) if pat is not _D_COMPACT else pat.match(value)
        if not m:
            continue
        parts = dict(zip(order, m.groups(), strict=True))
        month = parts["m"]
        mon = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
        if mon is None:
            continue
        try:
            return _dt.date(int(parts["y"]), mon, int(parts["d"])).isoformat()
        except ValueError:
            continue
    return None
