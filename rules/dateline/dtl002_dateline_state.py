"""DTL002 dateline-state."""

from __future__ import annotations

from collections.abc import Iterator

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document

from . import SOURCE_AP
from .analysis import (
    GEORGIA_COUNTRY,
    NEVER_ABBREVIATED,
    POSTAL,
    STANDALONE,
    STATE_ABBR,
    active,
    find_dateline,
)


class DatelineState(Rule):
    """In a dateline, give the state as AP abbreviates it; the 30 stand-alone cities take none.

    ## Why
    AP datelines give a U.S. city's state in AP's abbreviation (`KANSAS CITY, Mo.`),
    never the postal code (`SACRAMENTO, CA`) and, unlike body text, not the full name
    (`HUNTSVILLE, Alabama`). Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah are
    never abbreviated. Thirty large cities (BOSTON, CHICAGO, WASHINGTON …) stand alone.

    ## Not flagged
    Foreign datelines (`SEOUL, South Korea`); `TBILISI, Georgia`, which is the country;
    a state already written as AP abbreviates it.

    ## Fix
    Safe: the postal code or full name becomes AP's abbreviation, a misspelt abbreviation
    gets its period, and a stand-alone city loses its state.
    """

    id = "DTL002"
    name = "dateline-state"
    severity = Severity.WARNING
    fixable = "safe"
    source = SOURCE_AP
    examples = (
        Example(wrong="SACRAMENTO, CA — The governor signed the bill.",
                right="SACRAMENTO, Calif. — The governor signed the bill."),
        Example(wrong="HUNTSVILLE, Alabama - Hockey players are among groups expected.",
                right="HUNTSVILLE, Ala. - Hockey players are among groups expected."),
        Example(wrong="BOSTON, Mass. — The mayor spoke.", right="BOSTON — The mayor spoke."),
        Example(wrong="AUSTIN, Tex. — The legislature met.", right="AUSTIN, Texas — The legislature met."),
        Example(right="SEOUL, South Korea — A plan to impeach the president failed."),
        Example(right="TBILISI, Georgia — Protesters gathered outside parliament."),
    )

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding for a postal code, a spelled-out state, or a needless state."""
        if not active(context):
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
