"""DTL001 dateline-dash."""

from __future__ import annotations

from collections.abc import Iterator

from stylelint import Example, Fix, Rule, RuleContext, Severity
from stylelint.model.document import Document

from . import SOURCE_AP
from .analysis import active, describe_separator, find_dateline


class DatelineDash(Rule):
    """End the dateline with a spaced em dash: 'WASHINGTON — ', not a hyphen, en dash or odd spacing.

    ## Why
    AP datelines read `CITY (AP) — ` on AP's own stories and `CITY — ` on others: the
    place in capitals, one space, an em dash, one space. Hyphens (`CITY - `), doubled
    hyphens (`CITY -- `), en dashes and runs of spaces (`WASHINGTON –  `, a common
    signature of syndicated or scraped copy) are flagged. The suggestion keeps whatever
    credit the dateline already has and never adds `(AP)`: a linter cannot know whose
    story it is, and a credit in the wrong place misattributes the copy. AP's own desks
    add the credit themselves.

    Only a dateline at the start of the story counts (the first few body paragraphs, past
    scraped captions). The profile's `datelines` setting turns the family off (nyt, guardian).

    ## Not flagged
    A dateline already written `CITY — ` (a no-break space counts as a space); ALL-CAPS
    words that are labels or organizations (`UPDATE -`, `NASA -`); an ALL-CAPS word later
    in the story; profiles without datelines.

    ## Fix
    Safe: the separator becomes one space, an em dash and one space; the place and any
    credit are kept as written.
    """

    id = "DTL001"
    name = "dateline-dash"
    severity = Severity.WARNING
    fixable = "safe"
    source = SOURCE_AP + "; the dash form is widely observed but marked [UNVERIFIED against AP text] in §1.9."
    examples = (
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
    )

    def check(self, document: Document, context: RuleContext) -> Iterator:
        """One finding for a dateline whose separator is not ' — '."""
        if not active(context):
            return
        d = find_dateline(document)
        if d is None:
            return
        text = document.text
        sep = text[d.sep[0] : d.sep[1]]
        if sep == " — ":
            return
        fixed = f"{text[d.start : d.sep[0]]} — "
        credit_note = "" if d.credit else " (AP's own copy adds its credit: 'CITY (AP) — ')"
        yield self.violation(
            d.start,
            d.sep[1],
            f"Dateline separator is {describe_separator(sep)}: write '{fixed}'{credit_note}.",
            suggestion=fixed,
            fix=Fix(fixed, safe=True),
        )
